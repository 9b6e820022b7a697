// exchange-diagnose: why does a Microsoft Exchange Server 4.0/5.0/5.5 service not start?
//
// Reads event logs (.evt), Event Viewer exports and pasted text in any mix, diagnoses them with
// every shipped Exchange knowledge base at once, and prints the causes best first with what to
// check next.
#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#ifdef _WIN32
#include <cwchar>

#include <fcntl.h>
#include <io.h>
#endif

#include "ruledx/config.hpp"
#include "ruledx/eval/diagnose.hpp"
#include "ruledx/kb/exchange.hpp"
#include "ruledx/kb/exchange_service_names.hpp"
#include "ruledx/eval/question.hpp"
#include "ruledx/read/answer.hpp"
#include "ruledx/read/detail/utf16.hpp"
#include "ruledx/read/evidence.hpp"
#include "ruledx/write/describe.hpp"
#include "ruledx/write/json.hpp"
#include "ruledx/write/json_evidence.hpp"
#include "ruledx/write/text.hpp"

namespace {

namespace kb = ruledx::kb::exchange;
using ruledx::read::fact_argument;

constexpr std::string_view usage =
    "usage: exchange-diagnose [--format text|json] [--fact NAME=VALUE]... [--event SOURCE:ID]...\n"
    "                         [--absent-event SOURCE:ID]... [--start-error SERVICE:CODE]...\n"
    "                         [--absent-start-error SERVICE:CODE]... [--crash PROGRAM]...\n"
    "                         [--absent-crash PROGRAM]... [--dialog TEXT]... [--absent-dialog TEXT]...\n"
    "                         [--ask] [--dump-events]\n"
    "                         [--list-rules] [--list-facts] [FILE|-]...\n"
    "\n"
    "Diagnoses why a Microsoft Exchange Server 4.0/5.0/5.5 service (the Internet Mail Service,\n"
    "MTA, Directory, Information Store, System Attendant, ...) fails to start from\n"
    "binary event logs (.evt), Event Viewer exports and pasted text (events, the Services\n"
    "dialog, net start output), detected from their content; - reads standard input.\n"
    "A whole log (.evt or export) also tells which events of its sources were not logged.\n"
    "\n"
    "  --format text|json          output format (default text)\n"
    "  --fact NAME=VALUE           a fact you know (see --list-facts); repeatable\n"
    "  --event SOURCE:ID[:TEXT]    an event you saw, with text it holds; repeatable\n"
    "  --absent-event SOURCE:ID[:TEXT]\n"
    "                              an event that was not logged; repeatable\n"
    "                              (SOURCE::TEXT: an event known by its text, without id)\n"
    "  --start-error SERVICE[:CODE]\n"
    "                              starting the service failed with this error (no CODE:\n"
    "                              it failed without one)\n"
    "  --absent-start-error SERVICE[:CODE]\n"
    "                              starting the service does not fail with this error\n"
    "  --crash PROGRAM[:0xCODE][:NAMES]\n"
    "                              the program crashed (exception, names in its stack)\n"
    "  --absent-crash PROGRAM[:0xCODE][:NAMES]\n"
    "                              the program did not crash (with this exception, in these\n"
    "                              names)\n"
    "  --dialog TEXT               a message box showed this text\n"
    "  --absent-dialog TEXT        no message box showed this text\n"
    "  --ask                       ask the next questions one by one: each on standard error\n"
    "                              as '? [KEY] QUESTION' (KEY: fact:NAME, event:SOURCE:ID[:VALUES],\n"
    "                              start_error:SERVICE[:CODE], crash:PROGRAM..., dialog:TEXT; after\n"
    "                              the kind, the argument its option takes), the answer read from standard input\n"
    "                              (yes, no, a value, or skip); then print the report\n"
    "  --dump-events               print each event read as a JSON line instead of a diagnosis\n"
    "  --list-rules                print the rules: id, article, title\n"
    "  --list-facts                print the facts: name, type, question (and former name)\n"
    "\n"
    "Exit status: 0 a cause was found, 1 no rule matches, 2 usage error or unreadable input.\n";

void print(std::string_view text, std::FILE* to = stdout) { std::fwrite(text.data(), 1, text.size(), to); }

int usage_error(const std::string& message) {
    print("exchange-diagnose: " + message + "\n", stderr);
    print("Try 'exchange-diagnose --help'.\n", stderr);
    return 2;
}

std::string joined(const std::vector<std::string_view>& names) {
    std::string out;
    for (std::string_view name : names) out += (out.empty() ? "" : ", ") + std::string(name);
    return out;
}

// An argument as a shell reads it back: quoted when it holds anything but plain characters.
std::string shell_quoted(const std::string& argument) {
    const bool plain = !argument.empty() && std::all_of(argument.begin(), argument.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || std::string_view("_-.:=/,+").find(c) != std::string_view::npos;
    });
    if (plain) return argument;
    std::string out = "'";
    for (char c : argument) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// What --fact NAME=VALUE got wrong, in words; empty when it is right.
std::string fact_problem(const fact_argument& parsed, std::string_view argument) {
    switch (parsed.what) {
        case fact_argument::problem::none: return {};
        case fact_argument::problem::no_equals: return "--fact needs NAME=VALUE, got '" + std::string(argument) + "'";
        case fact_argument::problem::unknown_fact:
            return "unknown fact '" + std::string(parsed.name) + "'; closest: " +
                   joined(ruledx::read::closest_facts(kb::table, parsed.name)) + " (see --list-facts)";
        case fact_argument::problem::wrong_value: {
            const ruledx::fact_definition& f = kb::table.facts[parsed.fact_index];
            return "fact '" + std::string(parsed.name) + "' is a " + std::string(to_string(f.kind)) + ", not '" +
                   std::string(parsed.value) + "' (use " + std::string(ruledx::read::value_hint(f.kind)) + ")";
        }
    }
    return {};
}

// The options that give a signal of each kind as seen and as absent.
struct signal_options {
    ruledx::signal_kind kind;
    const char* seen;
    const char* absent;
};
constexpr signal_options options_by_kind[] = {
    {ruledx::signal_kind::start_error, "--start-error", "--absent-start-error"},
    {ruledx::signal_kind::event, "--event", "--absent-event"},
    {ruledx::signal_kind::crash, "--crash", "--absent-crash"},
    {ruledx::signal_kind::dialog, "--dialog", "--absent-dialog"},
};
const signal_options& options_for(ruledx::signal_kind kind) { return options_by_kind[static_cast<std::size_t>(kind)]; }

// SOURCE:ID[:VALUES] for a question about a signal, the form --event and --absent-event take: its
// key without the kind.
std::string signal_argument_text(const ruledx::question& q) {
    const std::string key = ruledx::write::question_key(kb::table, q);
    return key.substr(key.find(':') + 1);
}

// The evidence given on the command line or as answers, and the arguments that say it again.
// Options are checked as they are parsed and taken as evidence after the files are read, the
// order in which --ask takes its answers, so replaying a session's arguments gives its report.
class given_evidence {
public:
    explicit given_evidence(ruledx::evidence& seen) : seen_(seen) {}

    // --fact, --event, --absent-event, --start-error, --absent-start-error with its argument:
    // what is wrong with it, or empty (then it is kept, and taken now once take_pending ran).
    std::string give(std::string_view option, std::string_view argument) {
        std::string problem = check(option, argument);
        if (!problem.empty()) return problem;
        arguments_.emplace_back(option);
        arguments_.emplace_back(argument);
        if (taking_) take(option, argument);
        return {};
    }
    // Takes what was given so far; later answers are taken as they come.
    void take_pending() {
        for (std::size_t i = 0; i + 1 < arguments_.size(); i += 2) take(arguments_[i], arguments_[i + 1]);
        taking_ = true;
    }

    [[nodiscard]] bool any() const noexcept { return !arguments_.empty(); }
    [[nodiscard]] const std::vector<std::string>& arguments() const noexcept { return arguments_; }

private:
    // The kind of signal an option gives, and whether as absent.
    static ruledx::signal_kind kind_of(std::string_view option, bool& absent) {
        for (const signal_options& o : options_by_kind) {
            absent = option == o.absent;
            if (absent || option == o.seen) return o.kind;
        }
        return ruledx::signal_kind::event;
    }

    static std::string check(std::string_view option, std::string_view argument) {
        if (option == "--fact") return fact_problem(ruledx::read::parse_fact_argument(kb::table, argument), argument);
        bool absent = false;
        const ruledx::signal_kind kind = kind_of(option, absent);
        const ruledx::read::any_signal_argument parsed = ruledx::read::parse_any_signal_argument(kind, argument);
        const char* form = "";
        switch (kind) {
            case ruledx::signal_kind::start_error: form = " needs SERVICE or SERVICE:CODE"; break;
            case ruledx::signal_kind::event: form = " needs SOURCE:ID with an id up to 65535, or SOURCE::TEXT"; break;
            case ruledx::signal_kind::crash: form = " needs PROGRAM[:0xCODE][:NAMES]"; break;
            case ruledx::signal_kind::dialog: form = " needs the dialog's TEXT"; break;
        }
        const bool bad_code = kind == ruledx::signal_kind::event ? parsed.code > 0xFFFF && parsed.code != ruledx::signal::no_id
                                                                  : kind == ruledx::signal_kind::start_error && !parsed.text.empty();
        if (!parsed.ok || bad_code) return std::string(option) + form + ", got '" + std::string(argument) + "'";
        return {};
    }

    void take(std::string_view option, std::string_view argument) {
        if (option == "--fact") {
            seen_.set_fact(ruledx::read::parse_fact_argument(kb::table, argument).fact);
            return;
        }
        bool absent = false;
        const ruledx::signal_kind kind = kind_of(option, absent);
        const ruledx::read::any_signal_argument parsed = ruledx::read::parse_any_signal_argument(kind, argument);
        const bool by_text = kind == ruledx::signal_kind::event && parsed.code == ruledx::signal::no_id;
        if (absent) {
            // --absent-crash PROGRAM: the program did not crash at all; with an exception or names
            // (as a "no" to a question about that crash gives), only no such crash.
            ruledx::observed_absence a;
            a.kind = kind;
            a.source = parsed.source;
            a.code = parsed.code;
            a.whole_source = kind == ruledx::signal_kind::crash && parsed.code == 0 && parsed.text.empty();
            a.text = parsed.text;
            seen_.add(a);
            return;
        }
        switch (kind) {
            case ruledx::signal_kind::start_error: seen_.add(ruledx::saw_start_error(parsed.source, parsed.code)); return;
            case ruledx::signal_kind::crash:
                seen_.add(ruledx::saw_crash(parsed.source, parsed.code).with_frames(parsed.text));
                return;
            case ruledx::signal_kind::dialog: seen_.add(ruledx::saw_dialog(parsed.text)); return;
            case ruledx::signal_kind::event: break;
        }
        if (by_text) {
            seen_.add(ruledx::saw_event(parsed.source, 0).with_description(parsed.text));
            return;
        }
        // The text an answer gives is what the event holds: its insertion strings.
        const std::string strings = parsed.text.empty() ? std::string() : std::string(parsed.text) + '\0';
        seen_.add(ruledx::saw_event(parsed.source, static_cast<std::uint16_t>(parsed.code)).with_strings(strings));
    }

    ruledx::evidence& seen_;
    std::vector<std::string> arguments_;  // option, value, option, value, ...
    bool taking_ = false;
};

void list_rules() {
    for (const auto& r : kb::table.rules)
        print(std::string(r.id) + "\t" + std::string(r.article) + "\t" + std::string(r.title) + "\n");
}

void list_facts() {
    for (const ruledx::fact_definition& f : kb::table.facts)
        print(std::string(f.name) + "\t" + std::string(to_string(f.kind)) + "\t" + std::string(f.question) +
              (f.former_name.empty() ? "" : "\tformerly " + std::string(f.former_name)) + "\n");
}

// How the user of this command answers a next check.
std::string how_to_answer(const ruledx::question& q) {
    if (q.what == ruledx::question::kind::fact) {
        const ruledx::fact_definition& f = kb::table.facts[q.fact_index];
        return "(--fact " + std::string(f.name) + "=<" + std::string(to_string(f.kind)) + ">)";
    }
    const signal_options& options = options_for(q.asked->kind);
    const std::string argument = shell_quoted(signal_argument_text(q));
    return "(" + std::string(options.seen) + " " + argument + " or " + options.absent + " " + argument + ")";
}

// A line of standard input without its line ending; false at the end of the input.
bool read_line(std::string& line) {
    line.clear();
    int c = 0;
    while ((c = std::fgetc(stdin)) != EOF && c != '\n') line += static_cast<char>(c);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return c != EOF || !line.empty();
}

// Takes one answer to a question as evidence; false (with a hint) when it is not an answer of
// the question's kind.
bool take_answer(const ruledx::question& q, std::string_view line, given_evidence& given) {
    const ruledx::read::reply reply = ruledx::read::parse_reply(line);
    if (reply == ruledx::read::reply::skip) return true;
    if (q.what == ruledx::question::kind::fact) {
        const ruledx::fact_definition& f = kb::table.facts[q.fact_index];
        ruledx::fact_value value;
        if (ruledx::read::parse_fact_value(f.kind, line, value)) {
            given.give("--fact", std::string(f.name) + "=" + ruledx::write::describe(value));
            return true;
        }
        print("  (answer " + std::string(ruledx::read::value_hint(f.kind)) + ", or skip)\n", stderr);
        return false;
    }
    if (reply == ruledx::read::reply::other) {
        print("  (answer yes, no or skip)\n", stderr);
        return false;
    }
    const signal_options& options = options_for(q.asked->kind);
    given.give(reply == ruledx::read::reply::yes ? options.seen : options.absent, signal_argument_text(q));
    return true;
}

// --ask: one question on standard error, one answer line from standard input, until the best
// candidate is confirmed, no question is left, or the input ends.
void ask(ruledx::evidence& seen, given_evidence& given) {
    std::vector<ruledx::question> settled;  // answered or skipped
    const auto is_settled = [&settled](const ruledx::question& q) {
        return std::any_of(settled.begin(), settled.end(), [&q](const ruledx::question& s) { return same_question(s, q); });
    };
    std::string line;
    for (;;) {
        const auto result = ruledx::diagnose(kb::table, seen.observations());
        ruledx::question q;
        if (!ruledx::next_question(kb::table, result, is_settled, q)) return;
        settled.push_back(q);
        const std::string prompt = "? [" + ruledx::write::question_key(kb::table, q) + "] " +
                                   ruledx::write::question_text(kb::table, q) + "\n";
        for (bool answered = false; !answered;) {
            print(prompt, stderr);
            std::fflush(stderr);
            if (!read_line(line)) return;
            answered = take_answer(q, line, given);
        }
    }
}

// The command, on its arguments (UTF-8; without the program's name).
int run(const std::vector<std::string>& args) {
    enum class format { text, json } output = format::text;
    bool dump_events = false;
    bool asking = false;
    std::vector<std::string> files;
    ruledx::evidence seen(kb::table, ruledx::kb::exchange_service_names);
    given_evidence given(seen);

    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string_view arg = args[i];
        const auto value_of = [&](std::string_view option, std::string& out) {
            if (arg.size() > option.size() && arg.substr(0, option.size()) == option && arg[option.size()] == '=') {
                out = std::string(arg.substr(option.size() + 1));
                return true;
            }
            if (arg != option) return false;
            if (i + 1 >= args.size()) {
                out = "\x01";  // marks a missing value
                return true;
            }
            out = args[++i];
            return true;
        };
        std::string value;
        if (arg == "-h" || arg == "--help") {
            print(usage);
            return 0;
        } else if (arg == "--version") {
            print("exchange-diagnose (ruledx " + std::to_string(RULEDX_VERSION_MAJOR) + "." +
                  std::to_string(RULEDX_VERSION_MINOR) + "." + std::to_string(RULEDX_VERSION_PATCH) + ")\n");
            return 0;
        } else if (value_of("--format", value)) {
            if (value == "text") output = format::text;
            else if (value == "json") output = format::json;
            else return usage_error("--format takes text or json");
        } else if (value_of("--fact", value)) {
            if (value == "\x01") return usage_error("--fact needs NAME=VALUE");
            const std::string problem = given.give("--fact", value);
            if (!problem.empty()) return usage_error(problem);
        } else if (const auto option = [&]() -> std::string_view {
                       for (const signal_options& o : options_by_kind)
                           for (std::string_view name : {o.seen, o.absent})
                               if (value_of(name, value)) return name;
                       return {};
                   }();
                   !option.empty()) {
            if (value == "\x01") return usage_error(std::string(option) + " needs a value");
            const std::string problem = given.give(option, value);
            if (!problem.empty()) return usage_error(problem);
        } else if (arg == "--ask") {
            asking = true;
        } else if (arg == "--dump-events") {
            dump_events = true;
        } else if (arg == "--list-rules") {
            list_rules();
            return 0;
        } else if (arg == "--list-facts") {
            list_facts();
            return 0;
        } else if (arg.size() > 1 && arg[0] == '-' && arg != "-") {
            return usage_error("unknown option '" + std::string(arg) + "'");
        } else {
            files.emplace_back(arg);
        }
    }
    if (files.empty() && (dump_events || !given.any())) return usage_error("no input given");
    if (asking && std::find(files.begin(), files.end(), "-") != files.end())
        return usage_error("--ask reads the answers from standard input; give the evidence as files");

    if (dump_events)
        seen.on_event = [](const ruledx::read::event_record& e, const ruledx::input_report& in) {
            print(ruledx::write::to_json(e, in) + "\n");
        };
    bool unreadable = false, any_readable = false;
    for (const std::string& file : files) {
        const ruledx::input_report& in = seen.read_file(file);
        for (const std::string& warning : in.warnings) print("exchange-diagnose: " + in.path + ": " + warning + "\n", stderr);
        if (in.problems > in.warnings.size())
            print("exchange-diagnose: " + in.path + ": " + std::to_string(in.problems - in.warnings.size()) +
                      " more problems\n", stderr);
        if (in.unreadable()) {
            print("exchange-diagnose: " + in.path + ": nothing could be read\n", stderr);
            unreadable = true;
        } else {
            any_readable = true;
        }
    }
    if (dump_events) return unreadable ? 2 : 0;
    // With no evidence at all, "No rule matches the evidence" would be misleading: there was none.
    if (!any_readable && !given.any()) {
        print("exchange-diagnose: nothing could be read from the input" + std::string(files.size() > 1 ? "s" : "") +
                  "; no diagnosis\n",
              stderr);
        return 2;
    }

    given.take_pending();
    const std::size_t given_before = given.arguments().size();
    if (asking) ask(seen, given);

    const auto result = ruledx::diagnose(kb::table, seen.observations());
    const auto cite = seen.citations();
    // The answers to the questions, as the arguments that give them again.
    const std::vector<std::string> answers(given.arguments().begin() + static_cast<std::ptrdiff_t>(given_before),
                                           given.arguments().end());
    if (output == format::json) {
        std::string members = "\"answers\": [";
        for (std::size_t i = 0; i < answers.size(); ++i) {
            if (i) members += ", ";
            ruledx::write::append_json_string(members, answers[i]);
        }
        members += "]";
        print(ruledx::write::to_json(kb::table, result, cite, ruledx::write::inputs_to_json(seen), members));
    } else {
        ruledx::write::text_options options;
        options.how_to_answer = how_to_answer;
        options.more_candidates = "--format json lists them all";
        print(ruledx::write::to_text(kb::table, result, cite, options));
        if (asking) {
            std::string replay;
            for (const std::string& a : answers) replay += " " + shell_quoted(a);
            print("\nThe answers given, as arguments:" + (replay.empty() ? std::string(" (none)") : replay) + "\n");
        }
    }

    if (unreadable) return 2;
    const bool found = result.best() != nullptr && result.best()->status != ruledx::status::ruled_out;
    return found ? 0 : 1;
}

}  // namespace

#ifdef _WIN32
// Windows gives main() its arguments in the ANSI code page, which cannot hold most file names
// ("Журнал событий.txt" under a Western one); wmain (mingw-w64: -municode) gets them as UTF-16.
// They are UTF-8 from here on, and the library opens files by their UTF-16 names.
int wmain(int argc, wchar_t** argv) {
    // The output's bytes as they are, the same as on other systems: text mode would write each
    // "\n" as "\r\n".
    _setmode(_fileno(stdout), _O_BINARY);
    _setmode(_fileno(stderr), _O_BINARY);
    std::vector<std::string> args(argc > 1 ? static_cast<std::size_t>(argc - 1) : 0);
    for (std::size_t i = 0; i < args.size(); ++i) {
        const wchar_t* arg = argv[i + 1];
        // wchar_t is UTF-16LE on Windows, whatever the processor.
        ruledx::read::detail::append_utf16le_as_utf8(args[i], reinterpret_cast<const unsigned char*>(arg), std::wcslen(arg));
    }
    return run(args);
}
#else
int main(int argc, char** argv) {
    return run(argc > 1 ? std::vector<std::string>(argv + 1, argv + argc) : std::vector<std::string>());
}
#endif
