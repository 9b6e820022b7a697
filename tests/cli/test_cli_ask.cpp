// End-to-end: exchange-diagnose --ask driven through pipes by a scripted person. The driver reads
// each prompt ("? [KEY] QUESTION" on standard error), decides the answer from the KEY alone, writes
// it to standard input and keeps the transcript; the report comes on standard output at the end.
// No test depends on the order the questions come in: the oracles answer by key, whenever asked.
#include <doctest/doctest.h>

#include <algorithm>

#include <chrono>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli_support.hpp"
#include "ruledx/detail/text_match.hpp"
#include "ruledx/eval/diagnose.hpp"
#include "ruledx/read/answer.hpp"

using namespace cli_test;

namespace {

const std::string ticket = "examples/samples/q173496-ticket.txt";  // relative: the command runs in the source folder
constexpr std::string_view account_fact = "service_account_is_admin";
constexpr std::string_view replay_prefix = "The answers given, as arguments:";

struct prompt {
    std::string key;   // fact:NAME, event:SOURCE:ID or start_error:SERVICE:CODE
    std::string text;  // the question
    std::string answer;
    std::vector<std::string> after;  // the lines the command wrote after the answer, before its next prompt
};

struct interview {
    std::vector<prompt> prompts;  // in the order asked, a question asked again listed again
    std::vector<std::string> other_lines;  // standard error lines before the first prompt
    process_result result;
    bool stopped_by_guard = false;  // the driver gave up asking: the loop did not end by itself
};

// What the scripted person says to a prompt (`times_asked`: how often before it was asked): the
// answer, written followed by "\n", or false to close the input instead. An answer ending in '\r'
// is thus sent as "...\r\n" (a line from Windows); one ending in '\x04' is sent without it and
// without a line end, and the input is closed after it.
using oracle = std::function<bool(const prompt& asked, std::size_t times_asked, std::string& answer)>;

bool parse_prompt(const std::string& line, prompt& out) {
    if (!starts_with(line, "? [")) return false;
    const std::size_t close = line.find("] ");
    if (close == std::string::npos) return false;
    out.key = line.substr(3, close - 3);
    out.text = line.substr(close + 2);
    return true;
}

// Runs `exchange-diagnose --ask ARGS...`, answering each prompt as `answer` says.
interview run_interview(const std::vector<std::string>& args, const oracle& answer, std::size_t max_prompts = 1000) {
    std::vector<std::string> argv{program(), "--ask"};
    argv.insert(argv.end(), args.begin(), args.end());
    interview session;
    ruledx::test::child_process child;
    CHECK(child.start(argv, source_dir()));
    std::string line;
    while (child.read_error_line(line)) {
        prompt asked;
        if (!parse_prompt(line, asked)) {
            (session.prompts.empty() ? session.other_lines : session.prompts.back().after).push_back(line);
            continue;
        }
        std::size_t times = 0;
        for (const prompt& p : session.prompts) times += p.key == asked.key && p.text == asked.text ? 1 : 0;
        session.prompts.push_back(asked);
        if (session.prompts.size() > max_prompts) {
            session.stopped_by_guard = true;
            child.close_input();
            continue;
        }
        std::string reply;
        if (!answer(asked, times, reply)) {
            child.close_input();
            continue;
        }
        if (!reply.empty() && reply.back() == '\x04') {
            reply.pop_back();
            session.prompts.back().answer = reply;
            child.write_input(reply);
            child.close_input();
            continue;
        }
        session.prompts.back().answer = reply;
        if (!reply.empty() && reply.back() == '\r') session.prompts.back().answer.pop_back();
        child.write_input(reply + "\n");
    }
    session.result = child.finish();
    CHECK_FALSE(session.result.timed_out);
    CHECK(session.result.signal == 0);
    return session;
}

// The kind of answer a key takes: "fact:NAME" by the catalog, events and start errors yes/no.
ruledx::fact_kind kind_of(const std::string& key) {
    if (!starts_with(key, "fact:")) return ruledx::fact_kind::boolean;
    const std::size_t f = kb::table.find_fact(std::string_view(key).substr(5));
    CHECK(f < kb::table.fact_count);  // every fact key names a fact of the catalog
    return f < kb::table.fact_count ? kb::table.facts[f].kind : ruledx::fact_kind::text;
}

// A shell's words, as the command quotes them: '...' quoted, \ escaping outside quotes.
std::vector<std::string> shell_words(std::string_view line) {
    std::vector<std::string> words;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && line[i] == ' ') ++i;
        if (i == line.size()) break;
        std::string word;
        while (i < line.size() && line[i] != ' ') {
            const char c = line[i++];
            if (c == '\'') {
                while (i < line.size() && line[i] != '\'') word += line[i++];
                ++i;  // the closing quote
            } else if (c == '\\' && i < line.size()) {
                word += line[i++];
            } else if (c == '"') {
                while (i < line.size() && line[i] != '"') {
                    if (line[i] == '\\' && i + 1 < line.size()) ++i;
                    word += line[i++];
                }
                ++i;
            } else {
                word += c;
            }
        }
        words.push_back(word);
    }
    return words;
}

// The report and the replay line of a text --ask run's output: "...report...\nThe answers given,
// as arguments: ARGS\n". The replay is empty when the output has no such line.
std::pair<std::string, std::string> split_replay(const std::string& out) {
    const std::size_t at = out.rfind(std::string("\n") + std::string(replay_prefix));
    if (at == std::string::npos) return {out, {}};
    std::string replay = out.substr(at + 1 + replay_prefix.size());
    CHECK(!replay.empty());
    CHECK(replay.back() == '\n');  // the last line of the output
    if (!replay.empty() && replay.back() == '\n') replay.pop_back();
    CHECK(replay.find('\n') == std::string::npos);
    return {out.substr(0, at), replay};
}

std::vector<std::string> json_strings(const json_value& array) {
    std::vector<std::string> out;
    for (const json_value& item : array.items()) {
        CHECK(item.is_string());
        out.push_back(item.text());
    }
    return out;
}

const ruledx::rule& account_rule() {
    const std::size_t i = rule_index("ims-service-account-not-admin");
    CHECK(i < kb::table.rule_count);
    return kb::table.rules[i < kb::table.rule_count ? i : 0];
}

// "no" to the service-account question, "skip" to every other.
bool account_oracle(const prompt& asked, std::size_t, std::string& answer) {
    answer = asked.key == "fact:" + std::string(account_fact) ? "no" : "skip";
    return true;
}

bool skip_all(const prompt&, std::size_t, std::string& answer) {
    answer = "skip";
    return true;
}

// Checks that a replay of the answers gives the same report without --ask, and returns its words.
// `show` prints both reports when they differ.
std::vector<std::string> check_replay(const std::vector<std::string>& args, const interview& session, bool show = true) {
    const auto [report, replay] = split_replay(session.result.out);
    CHECK_FALSE(replay.empty());
    const std::vector<std::string> words = shell_words(replay);
    std::vector<std::string> again = args;
    again.insert(again.end(), words.begin(), words.end());
    INFO("replay: " << command_line(again));
    const process_result replayed = run_cli(again);
    CHECK(replayed.status == session.result.status);
    CHECK(replayed.err.empty());  // no prompt: without --ask nothing is asked
    if (show) {
        CHECK(replayed.out == report);
    } else {
        const bool same_report = replayed.out == report;
        CHECK(same_report);
    }
    return words;
}

// Two rules that require the same event (source and id) with fields that tell them apart, and an
// example event of the first that the second's signal does not match: pasted in a file, it is
// evidence for the first only, so the question about the second's event is still asked, and
// answered yes it adds an event with that id "given" (without the fields the question named).
struct shared_event_case {
    bool found = false;
    const ruledx::rule* first = nullptr;   // its example event is in the file
    const ruledx::rule* second = nullptr;  // its question about the same event is answered yes
    std::string key;                       // event:SOURCE:ID
    std::string file;
    std::vector<std::string> args;         // --start-error ... FILE
};

shared_event_case find_shared_event_case() {
    shared_event_case out;
    for (const ruledx::rule& a : kb::table.rules) {
        if (a.examples.empty() || a.examples[0].start_errors.empty()) continue;
        const ruledx::example& ex = a.examples[0];
        for (const ruledx::signal& s : a.required) {
            if (s.kind != ruledx::signal_kind::event) continue;
            const ruledx::observed_event* shown = nullptr;
            for (const ruledx::observed_event& e : ex.events)
                if (ruledx::detail::match_event(s, e).matched && ruledx::detail::match_event(s, e).text) shown = &e;
            if (shown == nullptr) continue;
            for (const ruledx::rule& b : kb::table.rules) {
                if (&a == &b) continue;
                bool shares_start_error = false;  // so that the failed start makes b a candidate too
                for (std::size_t i = 0; i < b.signal_count(); ++i)
                    for (const ruledx::observed_start_error& e : ex.start_errors)
                        shares_start_error = shares_start_error || ruledx::detail::match_start_error(b.signal_at(i), e).matched;
                if (!shares_start_error) continue;
                for (const ruledx::signal& t : b.required) {
                    if (t.kind != ruledx::signal_kind::event || t.code != s.code || !ruledx::detail::same_name(t.source, s.source) ||
                        !t.values.empty() || ruledx::detail::match_event(t, *shown).matched)
                        continue;
                    out.found = true;
                    out.first = &a;
                    out.second = &b;
                    out.key = "event:" + std::string(t.source) + ":" + std::to_string(t.code);
                    out.file = work("ask-shared-" + std::string(a.id) + ".txt");
                    CHECK(write_file(out.file, pasted_events({*shown})));
                    for (const ruledx::observed_start_error& e : ex.start_errors) add_start_error(out.args, e);
                    out.args.push_back(out.file);
                    return out;
                }
            }
        }
    }
    return out;
}

// "yes" to the shared event's question, "no" to every other event and start error, skip facts.
oracle shared_event_person(const shared_event_case& c) {
    return [key = c.key](const prompt& asked, std::size_t, std::string& answer) {
        const bool signal = starts_with(asked.key, "event:") || starts_with(asked.key, "start_error:");
        answer = ruledx::detail::same_name(asked.key, key) ? "yes" : signal ? "no" : "skip";
        return true;
    };
}

}  // namespace

TEST_CASE("ask: an event the file shows for one rule, asked about for another and answered yes") {
    const shared_event_case c = find_shared_event_case();
    CHECK(c.found);  // the table has such a pair (two articles quoting one event differently)
    if (!c.found) return;
    INFO(std::string(c.first->id) << " / " << std::string(c.second->id) << ": " << command_line(c.args));
    std::vector<std::string> args{"--format", "json"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    const interview session = run_interview(args, shared_event_person(c));
    bool asked = false;
    for (const prompt& p : session.prompts) asked = asked || (ruledx::detail::same_name(p.key, c.key) && p.answer == "yes");
    CHECK(asked);
    const json_value report = parsed(session.result);
    const std::vector<std::string> answers = json_strings(report["answers"]);
    bool answered = false;
    for (std::size_t i = 0; i + 1 < answers.size(); ++i)
        answered = answered || (answers[i] == "--event" && ruledx::detail::same_name(answers[i + 1], c.key.substr(6)));
    CHECK(answered);
    // The first rule's event is the file's, its text matching the article; the second rule's
    // event is the answer, given.
    const std::string code = c.key.substr(c.key.rfind(':') + 1);
    for (const json_value& candidate : report["candidates"].items()) {
        const bool first = candidate["rule"].text() == c.first->id;
        if (!first && candidate["rule"].text() != c.second->id) continue;
        INFO("candidate " << candidate["rule"].text());
        std::size_t items = 0;
        for (const json_value& item : candidate["evidence"].items()) {
            if (item["signal"]["kind"].text() != "event" || item["signal"]["event_id"].text() != code) continue;
            ++items;
            if (first) {
                CHECK(starts_with(item["from"].text(), c.file + " line "));
                CHECK(item["text_matched"].is_true());
            } else {
                CHECK(item["from"].text() == "given");
            }
        }
        CHECK(items == 1);
    }
}

// An answered event that a file also shows: the replay gives the options' evidence after the
// files, as --ask took the answers, and the evaluator keeps the observation whose text bears a
// signal out over a bare "it is there", so the file's event stays the evidence either way (its
// text match, citation and score; found when the options were taken before the files).
TEST_CASE("ask: the replay of an answered event the file also shows gives the same report") {
    const shared_event_case c = find_shared_event_case();
    CHECK(c.found);
    if (!c.found) return;
    const interview session = run_interview(c.args, shared_event_person(c));
    check_replay(c.args, session, false);
}

TEST_CASE("ask: 'no' to the account question confirms Q173496, and the printed arguments replay it") {
    const ruledx::rule& rule = account_rule();
    const interview session = run_interview({ticket}, account_oracle);
    const process_result& r = session.result;
    CHECK(r.status == 0);
    CHECK(session.other_lines.empty());
    CHECK_FALSE(session.stopped_by_guard);
    // The account question was asked once; answered, it confirmed the rule and ended the loop.
    std::size_t account_asked = 0;
    for (const prompt& p : session.prompts) account_asked += p.key == "fact:" + std::string(account_fact) ? 1 : 0;
    CHECK(account_asked == 1);
    CHECK_FALSE(session.prompts.empty());
    if (!session.prompts.empty()) {
        CHECK(session.prompts.back().key == "fact:" + std::string(account_fact));
        CHECK(session.prompts.back().text == kb::table.facts[kb::table.find_fact(account_fact)].question);
        CHECK(session.prompts.back().after.empty());
    }
    // The report: the rule confirmed first; the prompts went to standard error only.
    CHECK(starts_with(r.out, "1. CONFIRMED " + std::string(rule.article) + " "));
    CHECK_FALSE(has(r.out, "? ["));
    const auto [report, replay] = split_replay(r.out);
    CHECK(has(" " + replay + " ", " --fact " + std::string(account_fact) + "=false "));
    // The same evidence without --ask, given as the replay line says, gives the same report.
    const std::vector<std::string> words = check_replay({ticket}, session);
    CHECK(words == std::vector<std::string>{"--fact", std::string(account_fact) + "=false"});
}

TEST_CASE("ask: answers of every kind replay to the same report, and JSON lists them as arguments") {
    // Yes to the first event asked, no to the other events and start errors, a value to every
    // version and number question, yes to boolean facts other than the account: many answers of
    // each kind, which the replay must give again in an order that reproduces the report.
    bool said_yes_to_event = false;
    const oracle person = [&said_yes_to_event](const prompt& asked, std::size_t, std::string& answer) {
        if (starts_with(asked.key, "event:")) {
            answer = said_yes_to_event ? "no" : "yes";
            said_yes_to_event = true;
        } else if (starts_with(asked.key, "start_error:")) {
            answer = "n";
        } else if (asked.key == "fact:" + std::string(account_fact)) {
            answer = "skip";
        } else {
            switch (kind_of(asked.key)) {
                case ruledx::fact_kind::boolean: answer = "y"; break;
                case ruledx::fact_kind::version: answer = "5.5"; break;
                case ruledx::fact_kind::number: answer = "0"; break;
                case ruledx::fact_kind::text: answer = "skip"; break;
            }
        }
        return true;
    };
    const interview text = run_interview({ticket}, person);
    CHECK(text.result.status <= 1);
    std::size_t answered = 0;
    for (const prompt& p : text.prompts) answered += p.answer != "skip" ? 1 : 0;
    CHECK(answered >= 3);
    const std::vector<std::string> words = check_replay({ticket}, text);

    // Each answer is in the arguments, as the option that gives it: --fact NAME=VALUE for a fact,
    // --event / --absent-event SOURCE:ID[:TEXT] for an event seen or not.
    CHECK(words.size() == 2 * answered);
    for (const prompt& p : text.prompts) {
        if (p.answer == "skip") continue;
        INFO("answer " << p.answer << " to " << p.key);
        std::string option, prefix;
        if (starts_with(p.key, "fact:")) {
            option = "--fact";
            prefix = p.key.substr(5) + "=";
        } else {
            // KIND:ARGUMENT, answered by the kind's option (start_error: --start-error) or its --absent- twin.
            const std::size_t colon = p.key.find(':');
            std::string kind = p.key.substr(0, colon);
            std::replace(kind.begin(), kind.end(), '_', '-');
            option = (ruledx::read::parse_reply(p.answer) == ruledx::read::reply::yes ? "--" : "--absent-") + kind;
            prefix = p.key.substr(colon + 1);
        }
        bool found = false;
        for (std::size_t i = 0; i + 1 < words.size(); i += 2)
            found = found || (words[i] == option && starts_with(words[i + 1], prefix));
        CHECK(found);
    }

    // The same interview in JSON: the same questions, and the answers as an array of arguments.
    said_yes_to_event = false;
    const interview json = run_interview({"--format", "json", ticket}, person);
    CHECK(json.result.status == text.result.status);
    const json_value report = parsed(json.result);
    CHECK(report.has("answers"));
    CHECK(json_strings(report["answers"]) == words);
    CHECK(json.prompts.size() == text.prompts.size());
}

TEST_CASE("ask: an answer of the wrong kind gets a hint and the same question again") {
    // The first time a question is asked, the wrong kind of answer: "maybe" to a yes/no question,
    // "yes" to a number or version; the second time, skip.
    std::size_t yes_no = 0, values = 0;
    const oracle wrong_first = [&](const prompt& asked, std::size_t times, std::string& answer) {
        const ruledx::fact_kind kind = kind_of(asked.key);
        if (times > 0 || kind == ruledx::fact_kind::text) {
            answer = "skip";
        } else if (kind == ruledx::fact_kind::boolean) {
            answer = "maybe";
            ++yes_no;
        } else {
            answer = "yes";
            ++values;
        }
        return true;
    };
    const interview session = run_interview({ticket}, wrong_first);
    CHECK(session.result.status <= 1);
    CHECK_FALSE(session.stopped_by_guard);
    CHECK(yes_no > 0);
    CHECK(values > 0);  // the ticket's questions include a version or a number (exchange_version, ...)
    for (std::size_t i = 0; i < session.prompts.size(); ++i) {
        const prompt& p = session.prompts[i];
        INFO("prompt " << i + 1 << ": [" << p.key << "] " << p.text << " answered " << p.answer);
        if (p.answer == "maybe" || p.answer == "yes") {
            // One hint line, then the very same question.
            CHECK(p.after.size() == 1);
            if (p.after.size() != 1) continue;
            CHECK(starts_with(p.after[0], "  (answer "));
            CHECK(p.after[0].back() == ')');
            const ruledx::fact_kind kind = kind_of(p.key);
            if (starts_with(p.key, "fact:") && kind == ruledx::fact_kind::boolean) CHECK(has(p.after[0], "yes or no"));
            if (!starts_with(p.key, "fact:")) CHECK(has(p.after[0], "yes, no"));
            if (kind == ruledx::fact_kind::version) CHECK(has(p.after[0], "version"));
            if (kind == ruledx::fact_kind::number) CHECK(has(p.after[0], "number"));
            CHECK(i + 1 < session.prompts.size());
            if (i + 1 < session.prompts.size()) {
                CHECK(session.prompts[i + 1].key == p.key);
                CHECK(session.prompts[i + 1].text == p.text);
            }
        } else {
            CHECK(p.after.empty());  // a right answer or a skip: no hint
        }
    }
    // Hints are not answers: nothing was given, so no replay line.
    CHECK(has(session.result.out, std::string(replay_prefix) + " (none)\n"));
}

TEST_CASE("ask: the end of the input stops the questions; the report is still printed") {
    const oracle closes = [](const prompt&, std::size_t, std::string&) { return false; };
    const interview at_once = run_interview({ticket}, closes);
    CHECK((at_once.result.status == 0 || at_once.result.status == 1));
    CHECK(at_once.prompts.size() == 1);  // asked once, then it read the end of the input
    CHECK(starts_with(at_once.result.out, "1. "));
    CHECK(has(at_once.result.out, std::string(replay_prefix) + " (none)\n"));
    // The same with standard input closed before it even starts.
    const process_result closed = run_cli({"--ask", ticket});
    CHECK_FALSE(closed.timed_out);
    CHECK((closed.status == 0 || closed.status == 1));
    CHECK(closed.out == at_once.result.out);
    // JSON: valid, and no answers.
    const process_result json = run_cli({"--ask", "--format", "json", ticket});
    CHECK(json.status == closed.status);
    const json_value answers = parsed(json)["answers"];
    CHECK(answers.is_array());
    CHECK(answers.size() == 0);
    // Answers and evidence cannot both come from standard input.
    const process_result dash = run_cli({"--ask", "-"}, "Event ID: 4143\nSource: MSExchangeIMC\n");
    CHECK(dash.status == 2);
    CHECK(dash.out.empty());
    CHECK(has(dash.err, "--ask"));
    CHECK_FALSE(has(dash.err, "? ["));
}

TEST_CASE("ask: an answer line may end in CR LF, or be the input's last bytes without a line end") {
    for (const char* end : {"\r", "\x04"}) {
        INFO((std::string(end) == "\r" ? "CR LF" : "no line end, then the end of the input"));
        const oracle person = [end](const prompt& asked, std::size_t times, std::string& answer) {
            CHECK(times == 0);
            const bool account = asked.key == "fact:" + std::string(account_fact);
            answer = account ? "no" + std::string(end) : std::string(end) == "\r" ? "skip\r" : "skip";
            return true;
        };
        const interview session = run_interview({ticket}, person);
        CHECK(session.result.status == 0);
        CHECK(starts_with(session.result.out, "1. CONFIRMED " + std::string(account_rule().article) + " "));
        const auto [report, replay] = split_replay(session.result.out);
        CHECK(replay == " --fact " + std::string(account_fact) + "=false");
        for (const prompt& p : session.prompts) CHECK(p.after.empty());  // no hint: the CR is not part of the answer
    }
}

TEST_CASE("ask: with nothing to ask about, no question; the report says no rule matches") {
    const std::string unrelated = work("ask-unrelated.txt");
    CHECK(write_file(unrelated, "Event ID: 1000\nSource: Application Error\nType: Error\n"));
    const interview session = run_interview({unrelated}, skip_all);
    CHECK(session.prompts.empty());
    CHECK(session.other_lines.empty());
    CHECK(session.result.status == 1);
    CHECK(session.result.out == "No rule matches the evidence.\n\n" + std::string(replay_prefix) + " (none)\n");
}

TEST_CASE("ask: skipping every question ends the loop, never asking one question twice") {
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{ticket}, std::vector<std::string>{"--start-error", "MSExchangeIMC:2140"},
          std::vector<std::string>{"--start-error", "MSExchangeDS:2140"}}) {
        INFO(command_line(args));
        const interview session = run_interview(args, skip_all);
        CHECK_FALSE(session.stopped_by_guard);
        CHECK((session.result.status == 0 || session.result.status == 1));
        CHECK_FALSE(session.prompts.empty());
        std::set<std::pair<std::string, std::string>> asked;
        for (const prompt& p : session.prompts) {
            INFO("[" << p.key << "] " << p.text);
            CHECK(asked.insert({p.key, p.text}).second);
            CHECK(p.after.empty());
        }
        CHECK(has(session.result.out, "1. "));  // a report with its candidates, numbered
        CHECK(has(session.result.out, std::string(replay_prefix) + " (none)\n"));  // skips are no answers
    }
}

TEST_CASE("ask: --format json gives the report with its answers") {
    const ruledx::rule& rule = account_rule();
    const interview session = run_interview({"--format", "json", ticket}, account_oracle);
    CHECK(session.result.status == 0);
    const json_value report = parsed(session.result);
    CHECK(report["candidates"][0]["rule"].text() == rule.id);
    CHECK(report["candidates"][0]["status"].text() == "confirmed");
    CHECK(json_strings(report["answers"]) == std::vector<std::string>{"--fact", std::string(account_fact) + "=false"});
    CHECK_FALSE(has(session.result.out, replay_prefix));  // JSON has them as "answers"
    // Given as arguments, the answers give the same JSON report (less the answers member).
    const process_result replayed = run_cli({"--format", "json", ticket, "--fact", std::string(account_fact) + "=false"});
    const json_value again = json_value::parse(replayed.out);
    CHECK(again["candidates"].size() == report["candidates"].size());
    CHECK(again["candidates"][0]["status"].text() == "confirmed");
    CHECK(json_strings(again["answers"]).empty());
}

TEST_CASE("ask: the driver's guard: a child that never answers is killed at the deadline") {
    const auto started = std::chrono::steady_clock::now();
    const process_result hung =
        ruledx::test::run_process({RULEDX_UNANSWERING_CHILD}, source_dir(), {}, std::chrono::milliseconds(500));
    CHECK(hung.started);
    CHECK(hung.timed_out);
    CHECK(hung.signal != 0);
    CHECK(hung.err == "? [fact:x] waiting");
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(10));
}
