// ims-diagnose: why does the Exchange Internet Mail Service not start?
//
// Reads event logs (.evt), Event Viewer exports and pasted text in any mix, diagnoses them with
// the Exchange IMS knowledge base, and prints the causes best first with what to check next.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "ruledx/config.hpp"
#include "ruledx/detail/text_match.hpp"
#include "ruledx/eval/diagnose.hpp"
#include "ruledx/kb/exchange_ims.hpp"
#include "ruledx/read/evidence.hpp"
#include "ruledx/write/describe.hpp"
#include "ruledx/write/json.hpp"
#include "ruledx/write/text.hpp"

namespace {

namespace ims = ruledx::kb::exchange_ims;
using ruledx::write::append_json_string;

constexpr std::string_view usage =
    "usage: ims-diagnose [--format text|json] [--fact NAME=VALUE]... [--dump-events]\n"
    "                    [--list-rules] [--list-facts] [FILE|-]...\n"
    "\n"
    "Diagnoses why the Exchange Internet Mail Service (MSExchangeIMC) fails to start from\n"
    "binary event logs (.evt), Event Viewer exports and pasted text (events, the Services\n"
    "dialog, net start output), detected from their content; - reads standard input.\n"
    "\n"
    "  --format text|json   output format (default text)\n"
    "  --fact NAME=VALUE    a fact you know (see --list-facts); repeatable\n"
    "  --dump-events        print each event read as a JSON line instead of a diagnosis\n"
    "  --list-rules         print the rules: id, article, title\n"
    "  --list-facts         print the facts: name, type, question\n"
    "\n"
    "Exit status: 0 a cause was found, 1 no rule matches, 2 usage error or unreadable input.\n";

void print(std::string_view text, std::FILE* to = stdout) { std::fwrite(text.data(), 1, text.size(), to); }

int usage_error(const std::string& message) {
    print("ims-diagnose: " + message + "\n", stderr);
    print("Try 'ims-diagnose --help'.\n", stderr);
    return 2;
}

// Edit distance, for suggesting the fact a user probably meant.
std::size_t distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string closest_facts(std::string_view name) {
    std::vector<std::pair<std::size_t, std::string_view>> ranked;
    for (const ruledx::fact_definition& f : ims::table.facts) {
        const bool contains = f.name.find(name) != std::string_view::npos || name.find(f.name) != std::string_view::npos;
        ranked.emplace_back(contains ? 0 : distance(name, f.name), f.name);
    }
    std::sort(ranked.begin(), ranked.end());
    std::string out;
    for (std::size_t i = 0; i < ranked.size() && i < 3; ++i) out += (i ? ", " : "") + std::string(ranked[i].second);
    return out;
}

bool parse_number(std::string_view text, std::int64_t& out) {
    if (text.empty() || text.size() > 18) return false;
    std::int64_t value = 0;
    bool negative = text[0] == '-';
    for (std::size_t i = negative ? 1 : 0; i < text.size(); ++i) {
        if (text[i] < '0' || text[i] > '9') return false;
        value = value * 10 + (text[i] - '0');
    }
    if (negative && text.size() == 1) return false;
    out = negative ? -value : value;
    return true;
}

// "5.5" or "5" for a version.
bool parse_version(std::string_view text, ruledx::version& out) {
    const std::size_t dot = text.find('.');
    std::int64_t major = 0;
    std::int64_t minor = 0;
    if (!parse_number(text.substr(0, dot), major) || major < 0 || major > 0xFFFF) return false;
    if (dot != std::string_view::npos && (!parse_number(text.substr(dot + 1), minor) || minor < 0 || minor > 0xFFFF))
        return false;
    out = ruledx::version{static_cast<std::uint16_t>(major), static_cast<std::uint16_t>(minor)};
    return true;
}

// NAME=VALUE against the catalog; an empty string on success, else what is wrong.
std::string parse_fact(std::string_view argument, ruledx::evidence& seen) {
    const std::size_t equals = argument.find('=');
    if (equals == std::string_view::npos) return "--fact needs NAME=VALUE, got '" + std::string(argument) + "'";
    const std::string_view name = argument.substr(0, equals);
    const std::string_view value = argument.substr(equals + 1);
    const std::size_t index = ims::table.find_fact(name);
    if (index == ruledx::not_found)
        return "unknown fact '" + std::string(name) + "'; closest: " + closest_facts(name) + " (see --list-facts)";
    const ruledx::fact_definition& fact = ims::table.facts[index];
    const auto wrong = [&] {
        return "fact '" + std::string(name) + "' is a " + std::string(to_string(fact.kind)) + ", not '" +
               std::string(value) + "'";
    };
    switch (fact.kind) {
        case ruledx::fact_kind::boolean: {
            std::string lower;
            for (char c : value) lower += ruledx::detail::ascii_lower(c);
            if (lower == "true" || lower == "yes" || lower == "1") {
                seen.set_fact(ruledx::fact_is(fact.name, true));
            } else if (lower == "false" || lower == "no" || lower == "0") {
                seen.set_fact(ruledx::fact_is(fact.name, false));
            } else {
                return wrong() + " (use true or false)";
            }
            return {};
        }
        case ruledx::fact_kind::number: {
            std::int64_t number = 0;
            if (!parse_number(value, number)) return wrong();
            seen.set_fact(ruledx::fact_is(fact.name, number));
            return {};
        }
        case ruledx::fact_kind::text:
            if (value.empty()) return wrong();
            seen.set_fact(ruledx::fact_is(fact.name, value));
            return {};
        case ruledx::fact_kind::version: {
            ruledx::version v;
            if (!parse_version(value, v)) return wrong() + " (use e.g. 5.5)";
            seen.set_fact(ruledx::fact_is(fact.name, v));
            return {};
        }
    }
    return wrong();
}

void list_rules() {
    for (const ruledx::rule& r : ims::table.rules)
        print(std::string(r.id) + "\t" + std::string(r.article) + "\t" + std::string(r.title) + "\n");
}

void list_facts() {
    for (const ruledx::fact_definition& f : ims::table.facts)
        print(std::string(f.name) + "\t" + std::string(to_string(f.kind)) + "\t" + std::string(f.question) + "\n");
}

// One JSON line per event read, for --dump-events.
void dump_event(const ruledx::read::event_record& e, const ruledx::input_report& in) {
    std::string line = "{\"file\": ";
    append_json_string(line, in.path);
    if (e.has_record_number) line += ", \"record\": " + std::to_string(e.record_number);
    if (e.where.line != 0) line += ", \"line\": " + std::to_string(e.where.line);
    line += ", \"event_id\": " + std::to_string(e.event_id);
    if (e.has_identifier) line += ", \"event_id_raw\": " + std::to_string(e.identifier);
    if (e.type != ruledx::event_type::unspecified) {
        line += ", \"type\": ";
        append_json_string(line, to_string(e.type));
    }
    if (!e.category.empty()) {
        line += ", \"category\": ";
        append_json_string(line, e.category);
    } else if (e.has_category_number) {
        line += ", \"category\": " + std::to_string(e.category_number);
    }
    if (!e.source.empty()) {
        line += ", \"source\": ";
        append_json_string(line, e.source);
    }
    if (!e.computer.empty()) {
        line += ", \"computer\": ";
        append_json_string(line, e.computer);
    }
    if (e.time_generated >= 0) line += ", \"time_generated\": " + std::to_string(e.time_generated);
    if (!e.description.empty()) {
        line += ", \"description\": ";
        append_json_string(line, e.description);
    }
    if (e.string_count > 0) {
        line += ", \"strings\": [";
        std::string_view rest = e.strings;
        for (std::uint16_t i = 0; i < e.string_count && !rest.empty(); ++i) {
            const std::size_t end = rest.find('\0');
            if (i) line += ", ";
            append_json_string(line, rest.substr(0, end));
            rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
        }
        line += ']';
    }
    if (e.recovered) line += ", \"recovered\": true";
    line += "}\n";
    print(line);
}

std::string inputs_json(const ruledx::evidence& seen) {
    std::string out = "[";
    bool first = true;
    for (const ruledx::input_report& in : seen.inputs()) {
        out += first ? "\n  {" : ",\n  {";
        first = false;
        out += "\"path\": ";
        append_json_string(out, in.path);
        out += ", \"format\": ";
        append_json_string(out, to_string(in.format));
        out += ", \"records\": " + std::to_string(in.records);
        if (in.recovered) out += ", \"recovered\": " + std::to_string(in.recovered);
        out += ", \"problems\": " + std::to_string(in.problems) + ", \"warnings\": [";
        for (std::size_t i = 0; i < in.warnings.size(); ++i) {
            if (i) out += ", ";
            append_json_string(out, in.warnings[i]);
        }
        out += "]}";
    }
    out += first ? "]" : "\n]";
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    enum class format { text, json } output = format::text;
    bool dump_events = false;
    std::vector<std::string> files;
    ruledx::evidence seen(ims::table);
    std::size_t fact_count = 0;

    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        const auto value_of = [&](std::string_view option, std::string& out) {
            if (arg.size() > option.size() && arg.substr(0, option.size()) == option && arg[option.size()] == '=') {
                out = std::string(arg.substr(option.size() + 1));
                return true;
            }
            if (arg != option) return false;
            if (i + 1 >= argc) {
                out = "\x01";  // marks a missing value
                return true;
            }
            out = argv[++i];
            return true;
        };
        std::string value;
        if (arg == "-h" || arg == "--help") {
            print(usage);
            return 0;
        } else if (arg == "--version") {
            print("ims-diagnose (ruledx " + std::to_string(RULEDX_VERSION_MAJOR) + "." + std::to_string(RULEDX_VERSION_MINOR) +
                  "." + std::to_string(RULEDX_VERSION_PATCH) + ")\n");
            return 0;
        } else if (value_of("--format", value)) {
            if (value == "text") output = format::text;
            else if (value == "json") output = format::json;
            else return usage_error("--format takes text or json");
        } else if (value_of("--fact", value)) {
            if (value == "\x01") return usage_error("--fact needs NAME=VALUE");
            const std::string problem = parse_fact(value, seen);
            if (!problem.empty()) return usage_error(problem);
            ++fact_count;
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
    if (files.empty() && (dump_events || fact_count == 0)) return usage_error("no input given");

    if (dump_events) seen.on_event = dump_event;
    bool unreadable = false;
    for (const std::string& file : files) {
        const ruledx::input_report& in = seen.read_file(file);
        for (const std::string& warning : in.warnings) print("ims-diagnose: " + in.path + ": " + warning + "\n", stderr);
        if (in.problems > in.warnings.size())
            print("ims-diagnose: " + in.path + ": " + std::to_string(in.problems - in.warnings.size()) +
                      " more problems\n", stderr);
        if (in.unreadable()) {
            print("ims-diagnose: " + in.path + ": nothing could be read\n", stderr);
            unreadable = true;
        }
    }
    if (dump_events) return unreadable ? 2 : 0;

    const auto result = ruledx::diagnose(ims::table, seen.observations());
    const auto cite = [&seen](ruledx::signal_kind kind, std::size_t index) { return seen.cite(kind, index); };
    if (output == format::json) print(ruledx::write::to_json(ims::table, result, cite, inputs_json(seen)));
    else print(ruledx::write::to_text(ims::table, result, cite));

    if (unreadable) return 2;
    const bool found = result.best() != nullptr && result.best()->status != ruledx::status::ruled_out;
    return found ? 0 : 1;
}
