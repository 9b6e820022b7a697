// End-to-end: what the command knows did not happen. A whole log (.evt) answers for the sources it
// holds records of, so the events of those sources it lacks are absent and rule out the rules that
// require them; pasted text says nothing of what it does not show; --absent-event and
// --absent-start-error say it for the caller. Which rules are touched, required or ruled out is
// worked out from the table, not taken from the command's output.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "cli_support.hpp"
#include "ruledx/detail/text_match.hpp"
#include "support/evt_writer.hpp"

using namespace cli_test;

namespace {

constexpr std::string_view imc = "MSExchangeIMC";
constexpr std::uint16_t logged_id = 4018;  // the one MSExchangeIMC event the log holds (an Error)
constexpr std::string_view unrelated_source = "Userenv";  // a source no rule names

bool same_name(std::string_view a, std::string_view b) { return ruledx::detail::same_name(a, b); }

// Does the log's one MSExchangeIMC record (4018, Error, no description: a binary log read without
// message files) match this signal? By id, source and type; values cannot be read without text.
bool logged_event_matches(const ruledx::signal& s) {
    return s.kind == ruledx::signal_kind::event && s.code == logged_id && same_name(s.source, imc) &&
           (s.type == ruledx::event_type::unspecified || s.type == ruledx::event_type::error);
}

bool is_start_error(const ruledx::signal& s, std::string_view service, std::uint32_t code) {
    return s.kind == ruledx::signal_kind::start_error && s.code == code && same_name(s.source, service);
}

// The rules the evidence "Error 2140 starting MSExchangeIMC, event 4018 from MSExchangeIMC" touches.
std::vector<std::size_t> touched_by_2140_and_4018() {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < kb::table.rule_count; ++i) {
        const ruledx::rule& r = kb::table.rules[i];
        bool touched = false;
        for (std::size_t s = 0; s < r.signal_count(); ++s)
            touched = touched || is_start_error(r.signal_at(s), imc, 2140) || logged_event_matches(r.signal_at(s));
        if (touched) out.push_back(i);
    }
    return out;
}

// The codes of the rule's required MSExchangeIMC events that the log's 4018 does not match: all
// absent when the log is a whole log of MSExchangeIMC.
std::set<std::uint32_t> required_imc_events_not_logged(const ruledx::rule& r) {
    std::set<std::uint32_t> codes;
    for (const ruledx::signal& s : r.required)
        if (s.kind == ruledx::signal_kind::event && same_name(s.source, imc) && !logged_event_matches(s)) codes.insert(s.code);
    return codes;
}

bool requires_event(const ruledx::rule& r, std::string_view source, std::uint32_t code) {
    for (const ruledx::signal& s : r.required)
        if (s.kind == ruledx::signal_kind::event && s.code == code && same_name(s.source, source)) return true;
    return false;
}

// The Application log of a server whose IMS fails: a record of a source no rule names, and the
// IMS's event 4018; no 4116 nor any other MSExchangeIMC event.
std::string write_application_log() {
    using namespace ruledx::test;
    evt_log log(64 * 1024);
    evt_event other;
    other.source = u16(unrelated_source);
    other.identifier = 0x40000000u | 1000u;
    log.append(other);
    evt_event mapi;
    mapi.source = u16(imc);
    mapi.identifier = 0xC0000000u | logged_id;
    mapi.type = 1;  // Error
    mapi.category = 1;
    log.append(mapi);
    const std::string path = work("absence-Application.evt");
    CHECK(write_file(path, log.bytes()));
    return path;
}

const json_value* candidate_of(const json_value& report, std::string_view rule_id) {
    for (const json_value& c : report["candidates"].items())
        if (c["rule"].text() == rule_id) return &c;
    return nullptr;
}

// The "absent" items of a candidate's contradicted list.
std::vector<const json_value*> absent_items(const json_value& candidate) {
    std::vector<const json_value*> out;
    for (const json_value& item : candidate["contradicted"].items())
        if (item["absent"].is_true()) out.push_back(&item);
    return out;
}

// A run of the command with a JSON report, and the report's candidate for one rule.
struct rule_report {
    process_result run;
    json_value report;
    json_value candidate;  // a null value when the report has none for the rule
};

// Runs the command with `args` (--format json among them): no usage error, a valid JSON report,
// and a candidate in it for the rule.
rule_report run_for_rule(const std::vector<std::string>& args, std::string_view rule_id) {
    rule_report out;
    out.run = run_cli(args);
    CHECK(out.run.status != 2);
    out.report = parsed(out.run);
    if (const json_value* c = candidate_of(out.report, rule_id)) out.candidate = *c;
    CHECK_FALSE(out.candidate.is_null());
    return out;
}

// The command line that gives a rule's first example, leaving out its events of one id (or its
// start errors of one code), plus its confirming facts as they hold, so that the rule is a
// candidate even without what was left out.
std::vector<std::string> example_without(const ruledx::rule& r, const ruledx::signal& left_out) {
    const ruledx::example& ex = r.examples[0];
    const bool event = left_out.kind == ruledx::signal_kind::event;
    std::vector<ruledx::observed_event> events;
    for (const ruledx::observed_event& e : ex.events)
        if (!(event && e.id == left_out.code && same_name(e.source, left_out.source))) events.push_back(e);
    std::vector<std::string> args{"--format", "json"};
    for (const ruledx::observed_start_error& e : ex.start_errors)
        if (event || e.code != left_out.code || !same_name(e.service, left_out.source)) add_start_error(args, e);
    for (const ruledx::fact_assignment& f : ex.facts) add_fact(args, f);
    for (const ruledx::fact_assignment& f : r.confirming) add_fact(args, f);
    if (!events.empty()) {
        const std::string file = work("absence-" + std::string(r.id) + ".txt");
        CHECK(write_file(file, pasted_events(events)));
        args.push_back(file);
    }
    return args;
}

std::string values_text(const ruledx::signal& s) {
    std::string text;
    for (std::string_view v : s.values) text += (text.empty() ? "" : " ") + std::string(v);
    return text;
}

// Whether the candidate's contradicted list has an absent item for this signal.
bool cites_absent(const json_value& candidate, const ruledx::signal& s) {
    const bool event = s.kind == ruledx::signal_kind::event;
    for (const json_value* item : absent_items(candidate)) {
        const json_value& sig = (*item)["signal"];
        if (sig["kind"].text() == (event ? "event" : "start_error") &&
            sig[event ? "event_id" : "code"].text() == std::to_string(s.code) &&
            same_name(sig[event ? "source" : "service"].text(), s.source))
            return true;
    }
    return false;
}

// For a required event of `a` with telling values and another rule `b` requiring the same event
// with values `a`'s do not hold: "--absent-event SOURCE:ID:<a's values>" rules out `a`'s event
// and leaves `b`'s open. False when `a` has no such pair.
bool check_absence_with_values(const ruledx::rule& a) {
    for (const ruledx::signal& s : a.required) {
        if (s.kind != ruledx::signal_kind::event || s.values.empty()) continue;
        const std::string text = values_text(s);
        for (const ruledx::rule& b : kb::table.rules) {
            for (const ruledx::signal& t : b.required) {
                if (&a == &b || t.kind != s.kind || t.code != s.code || !same_name(t.source, s.source) ||
                    t.values.empty() || b.examples.empty())
                    continue;
                bool told_apart = false;  // some value of b's that the absence's text does not hold
                for (std::string_view v : t.values) told_apart = told_apart || !ruledx::detail::contains_phrase(text, v);
                if (!told_apart) continue;
                const std::string absent = std::string(s.source) + ":" + std::to_string(s.code) + ":" + text;
                for (const ruledx::rule* rl : {&a, &b}) {
                    std::vector<std::string> args = example_without(*rl, rl == &a ? s : t);
                    args.insert(args.begin(), {"--absent-event", absent});
                    INFO("rule " << std::string(rl->id) << " (absent " << absent << " of " << std::string(a.id)
                                 << " against " << std::string(b.id) << "): " << command_line(args));
                    const json_value c = run_for_rule(args, rl->id).candidate;
                    if (c.is_null()) continue;
                    CHECK(cites_absent(c, rl == &a ? s : t) == (rl == &a));
                    if (rl == &a) CHECK(c["status"].text() == "ruled_out");
                }
                return true;
            }
        }
    }
    return false;
}

}  // namespace

TEST_CASE("absence: a whole .evt log rules out the rules needing MSExchangeIMC events it lacks") {
    for (const ruledx::rule& r : kb::table.rules)
        for (std::size_t s = 0; s < r.signal_count(); ++s) CHECK_FALSE(same_name(r.signal_at(s).source, unrelated_source));
    const std::string log = write_application_log();

    // The log as read: no description for the 4018 (no message files), so it matches by id alone.
    const process_result dump = run_cli({"--dump-events", log});
    CHECK(dump.status == 0);
    CHECK(has(dump.out, "\"event_id\": 4018"));
    CHECK_FALSE(has(dump.out, "\"description\""));

    const process_result r = run_cli({"--format", "json", "--start-error", "MSExchangeIMC:2140", log});
    CHECK_FALSE(r.timed_out);
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    const json_value report = parsed(r);

    // The inputs item says which sources the log answers for: MSExchangeIMC, not the source no
    // rule names.
    CHECK(report["inputs"].size() == 1);
    const json_value& input = report["inputs"][0];
    CHECK(input["path"].text() == log);
    CHECK(input["format"].text() == "evt");
    CHECK(input["complete_log_of"].size() == 1);
    CHECK(input["complete_log_of"][0].text() == imc);

    // Every rule the evidence touches is a candidate (a failed start may open more: the other
    // rules of its service). Of each candidate, exactly the required MSExchangeIMC events the log
    // lacks are absent, each citing the log, and they rule it out.
    std::size_t ruled_out_by_absence = 0;
    const std::vector<std::size_t> touched = touched_by_2140_and_4018();
    for (std::size_t index : touched) {
        INFO("rule " << std::string(kb::table.rules[index].id));
        CHECK(candidate_of(report, kb::table.rules[index].id) != nullptr);
    }
    CHECK(report["candidates"].size() >= touched.size());
    for (const json_value& c : report["candidates"].items()) {
        const std::size_t index = rule_index(c["rule"].text());
        CHECK(index < kb::table.rule_count);
        if (index >= kb::table.rule_count) continue;
        const ruledx::rule& rl = kb::table.rules[index];
        INFO("rule " << std::string(rl.id));
        const std::set<std::uint32_t> missing = required_imc_events_not_logged(rl);
        std::set<std::uint32_t> cited;
        for (const json_value* item : absent_items(c)) {
            const json_value& sig = (*item)["signal"];
            CHECK(sig["kind"].text() == "event");
            CHECK(same_name(sig["source"].text(), imc));
            CHECK((*item)["from"].text() == log);
            cited.insert(static_cast<std::uint32_t>(sig["event_id"].number()));
        }
        CHECK(cited == missing);
        if (!missing.empty()) {
            CHECK(c["status"].text() == "ruled_out");
            ++ruled_out_by_absence;
        }
    }
    CHECK(ruled_out_by_absence > 0);

    // The log answered every MSExchangeIMC event question: none is asked.
    CHECK(report["next_checks"].size() > 0);
    for (const json_value& check : report["next_checks"].items()) {
        INFO("next check " << check["key"].text());
        CHECK_FALSE(starts_with(check["key"].text(), "event:MSExchangeIMC:"));
    }

    // The text report says where the absence comes from.
    const process_result text = run_cli({"--start-error", "MSExchangeIMC:2140", log});
    CHECK(text.status == 0);
    CHECK(has(squeezed(text.out), "is absent from " + log));

    // An event the log lacks but another input shows is seen, not absent: a whole log answers
    // only for what no input shows.
    const process_result seen = run_cli({"--format", "json", "--start-error", "MSExchangeIMC:2140", "--event",
                                         "MSExchangeIMC:4116", log});
    CHECK(seen.status == 0);
    const json_value with_4116 = parsed(seen);
    std::size_t needing_4116 = 0;
    for (const json_value& c : with_4116["candidates"].items()) {
        const std::size_t index = rule_index(c["rule"].text());
        if (index >= kb::table.rule_count) continue;
        INFO("rule " << c["rule"].text());
        needing_4116 += requires_event(kb::table.rules[index], imc, 4116) ? 1 : 0;
        for (const json_value* item : absent_items(c)) CHECK((*item)["signal"]["event_id"].text() != "4116");
    }
    CHECK(needing_4116 > 0);
}

TEST_CASE("absence: the same events as pasted text say nothing of what they do not show") {
    const std::string pasted = work("absence-pasted.txt");
    CHECK(write_file(pasted, "Event ID: 4018\nSource: MSExchangeIMC\nType: Error\n"));
    const process_result r = run_cli({"--format", "json", "--start-error", "MSExchangeIMC:2140", pasted});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    const json_value report = parsed(r);
    CHECK_FALSE(has(r.out, "\"absent\""));
    CHECK_FALSE(report["inputs"][0].has("complete_log_of"));
    CHECK(report["inputs"][0]["format"].text() == "text");

    // The rules the whole log ruled out are open again: nothing contradicts any candidate.
    const std::vector<std::size_t> touched = touched_by_2140_and_4018();
    for (std::size_t index : touched) {
        INFO("rule " << std::string(kb::table.rules[index].id));
        CHECK(candidate_of(report, kb::table.rules[index].id) != nullptr);
    }
    for (const json_value& c : report["candidates"].items()) {
        INFO("rule " << c["rule"].text());
        CHECK(c["status"].text() != "ruled_out");
        CHECK(c["contradicted"].size() == 0);
    }
    // And the questions about MSExchangeIMC events are asked.
    bool asks_imc_event = false;
    for (const json_value& check : report["next_checks"].items())
        asks_imc_event = asks_imc_event || starts_with(check["key"].text(), "event:MSExchangeIMC:");
    CHECK(asks_imc_event);
}

TEST_CASE("absence: --absent-event MSExchangeIMC:4116 rules out every rule that requires 4116") {
    std::size_t rules = 0;
    for (const ruledx::rule& rl : kb::table.rules) {
        if (!requires_event(rl, imc, 4116) || rl.examples.empty()) continue;
        ++rules;
        const std::vector<std::string> args = example_without(rl, ruledx::event(imc, 4116));
        INFO("rule " << std::string(rl.id) << ": " << command_line(args));

        // Without the absence the rule is open (its example, less the 4116, and its facts).
        const rule_report open = run_for_rule(args, rl.id);
        CHECK(open.run.status == 0);
        if (!open.candidate.is_null()) CHECK(open.candidate["status"].text() != "ruled_out");

        std::vector<std::string> with_absence = args;
        with_absence.insert(with_absence.begin(), {"--absent-event", "MSExchangeIMC:4116"});
        const rule_report closed = run_for_rule(with_absence, rl.id);
        CHECK(closed.run.err.empty());
        const json_value& c = closed.candidate;
        if (c.is_null()) continue;
        CHECK(c["status"].text() == "ruled_out");
        const std::vector<const json_value*> absent = absent_items(c);
        CHECK(absent.size() == 1);
        for (const json_value* item : absent) {
            CHECK((*item)["signal"]["event_id"].text() == "4116");
            CHECK((*item)["signal"]["source"].text() == imc);
            CHECK_FALSE(item->has("from"));  // the caller said so: no file to cite
        }
        // No rule of the report still needs a 4116: it is no longer asked about.
        for (const json_value& check : closed.report["next_checks"].items()) CHECK(check["key"].text() != "event:MSExchangeIMC:4116");
    }
    CHECK(rules > 0);
}

TEST_CASE("absence: --absent-event with a source holding a space, and with telling values") {
    // The rules requiring an event whose source has a space ("MSExchangeIS Private").
    std::size_t rules = 0;
    for (const ruledx::rule& rl : kb::table.rules) {
        for (const ruledx::signal& s : rl.required) {
            if (s.kind != ruledx::signal_kind::event || s.source.find(' ') == std::string_view::npos || rl.examples.empty())
                continue;
            ++rules;
            const std::string absent = std::string(s.source) + ":" + std::to_string(s.code);
            std::vector<std::string> args = example_without(rl, s);
            args.insert(args.begin(), "--absent-event=" + absent);
            INFO("rule " << std::string(rl.id) << ": " << command_line(args));
            const rule_report r = run_for_rule(args, rl.id);
            CHECK(r.run.err.empty());
            const json_value& c = r.candidate;
            if (c.is_null()) continue;
            CHECK(c["status"].text() == "ruled_out");
            CHECK(cites_absent(c, s));
            bool whole_name = false;  // the source kept whole, its space included
            for (const json_value* item : absent_items(c)) whole_name = whole_name || (*item)["signal"]["source"].text() == s.source;
            CHECK(whole_name);
        }
    }
    const process_result named = run_cli({"--absent-event", "MSExchangeIS Private:1023"});
    CHECK(named.status != 2);
    CHECK(named.err.empty());
    CHECK(rules > 0);

    // "Not logged with this text" leaves the same event with other values open: of two rules that
    // require one event told apart by its values, the absence names one.
    std::size_t pairs = 0;
    for (const ruledx::rule& a : kb::table.rules)
        if (!a.examples.empty() && check_absence_with_values(a)) ++pairs;
    CHECK(pairs > 0);
}

TEST_CASE("absence: --absent-event and --absent-start-error with a bad value exit 2 and say why") {
    for (const char* bad : {"MSExchangeIMC", "x:y", ":4116", "MSExchangeIMC:", "MSExchangeIMC:70000", "MSExchangeIMC:-1"}) {
        INFO("--absent-event " << bad);
        const process_result r = run_cli({"--absent-event", bad, "examples/samples/q173496-ticket.txt"});
        CHECK(r.status == 2);
        CHECK(r.out.empty());
        CHECK(has(r.err, "--absent-event needs SOURCE:ID"));
        CHECK(has(r.err, std::string("'") + bad + "'"));
    }
    const process_result missing = run_cli({"--absent-event"});
    CHECK(missing.status == 2);
    CHECK(has(missing.err, "--absent-event needs a value"));
    // A service alone is a failed start without an error code; a text after the code is no start error.
    for (const char* bad : {"MSExchangeIMC:2140:text", ":2140", ""}) {
        INFO("--absent-start-error " << bad);
        const process_result r = run_cli({"--absent-start-error", bad});
        CHECK(r.status == 2);
        CHECK(has(r.err, "--absent-start-error needs SERVICE or SERVICE:CODE"));
    }
}

TEST_CASE("absence: --absent-start-error rules out the rules that require that start error") {
    std::size_t rules = 0;
    for (const ruledx::rule& rl : kb::table.rules) {
        for (const ruledx::signal& s : rl.required) {
            if (s.kind != ruledx::signal_kind::start_error || rl.examples.empty()) continue;
            ++rules;
            const std::string absent = std::string(s.source) + ":" + std::to_string(s.code);
            std::vector<std::string> args = example_without(rl, s);
            args.insert(args.begin(), {"--absent-start-error", absent});
            INFO("rule " << std::string(rl.id) << ": " << command_line(args));
            const json_value c = run_for_rule(args, rl.id).candidate;
            if (c.is_null()) continue;
            CHECK(c["status"].text() == "ruled_out");
            CHECK(cites_absent(c, s));
            break;
        }
        if (rules >= 5) break;  // a few rules suffice: the path is the same for all
    }
    CHECK(rules > 0);
}

TEST_CASE("absence: --absent-crash without more is no crash at all; with an exception and names, no such crash") {
    // Q179289 needs a crash of msexcimc in RtlAllocateHeap, Q185025 one with no names given.
    const auto status_after = [](const std::string& absent, std::string_view rule_id) {
        const process_result run =
            run_cli({"--format", "json", "--start-error", "MSExchangeIMC:2140", "--absent-crash", absent});
        CHECK(run.status != 2);
        const json_value report = parsed(run);
        const json_value* c = candidate_of(report, rule_id);
        REQUIRE(c != nullptr);
        return (*c)["status"].text();
    };
    const std::string heap = "ims-5-5-heap-crash-relay-allow-list";
    const std::string suffix = "ims-dr-watson-dns-suffix-search-order-over-six";
    CHECK(status_after("MSEXCIMC", heap) == "ruled_out");
    CHECK(status_after("MSEXCIMC", suffix) == "ruled_out");
    CHECK(status_after("MSEXCIMC:0xc0000005:RtlAllocateHeap", heap) == "ruled_out");
    CHECK(status_after("MSEXCIMC:0xc0000005:RtlAllocateHeap", suffix) != "ruled_out");
    CHECK(status_after("MSEXCIMC:0xc0000005", suffix) == "ruled_out");
    CHECK(status_after("MSEXCIMC:0xc0000017", suffix) != "ruled_out");  // another exception
}

TEST_CASE("absence: --event and --start-error alone, without an input file, diagnose") {
    // An event alone: the rules with that event are the candidates, their evidence "given".
    const process_result event = run_cli({"--format", "json", "--event", "MSExchangeIMC:4143"});
    CHECK(event.status == 0);
    CHECK(event.err.empty());
    const json_value by_event = parsed(event);
    CHECK(by_event["inputs"].size() == 0);
    std::set<std::string> with_4143;
    for (const ruledx::rule& rl : kb::table.rules)
        for (std::size_t s = 0; s < rl.signal_count(); ++s)
            if (rl.signal_at(s).kind == ruledx::signal_kind::event && rl.signal_at(s).code == 4143 &&
                same_name(rl.signal_at(s).source, imc))
                with_4143.insert(std::string(rl.id));
    CHECK_FALSE(with_4143.empty());
    std::set<std::string> candidates;
    for (const json_value& c : by_event["candidates"].items()) {
        candidates.insert(c["rule"].text());
        for (const json_value& item : c["evidence"].items())
            if (!item["signal"].is_null()) CHECK(item["from"].text() == "given");
    }
    for (const std::string& id : with_4143) CHECK(candidates.count(id) == 1);
    CHECK(with_4143.count(by_event["candidates"][0]["rule"].text()) == 1);
    const process_result event_text = run_cli({"--event", "MSExchangeIMC:4143"});
    CHECK(event_text.status == 0);
    CHECK(event_text.err.empty());

    // A start error alone: every rule with that start error is a candidate, and every candidate is
    // a rule of that service (one that names it as a service or an event source, or is about it).
    const process_result start = run_cli({"--format", "json", "--start-error", "MSExchangeIMC:2140"});
    CHECK(start.status == 0);
    CHECK(start.err.empty());
    const json_value by_start = parsed(start);
    CHECK(by_start["inputs"].size() == 0);
    candidates.clear();
    for (const json_value& c : by_start["candidates"].items()) {
        candidates.insert(c["rule"].text());
        const std::size_t index = rule_index(c["rule"].text());
        CHECK(index < kb::table.rule_count);
        if (index >= kb::table.rule_count) continue;
        const ruledx::rule& rl = kb::table.rules[index];
        bool names_service = same_name(rl.service, imc);
        for (std::size_t s = 0; s < rl.signal_count(); ++s) names_service = names_service || same_name(rl.signal_at(s).source, imc);
        INFO("rule " << std::string(rl.id));
        CHECK(names_service);
    }
    for (const ruledx::rule& rl : kb::table.rules)
        for (std::size_t s = 0; s < rl.signal_count(); ++s)
            if (is_start_error(rl.signal_at(s), imc, 2140)) CHECK(candidates.count(std::string(rl.id)) == 1);

    // An event with its telling values (SOURCE:ID:TEXT) is matched on its text.
    std::size_t tried = 0;
    for (const ruledx::rule& rl : kb::table.rules) {
        for (const ruledx::signal& s : rl.required) {
            if (s.kind != ruledx::signal_kind::event || s.values.empty() || tried == 3) continue;
            ++tried;
            const std::string argument = std::string(s.source) + ":" + std::to_string(s.code) + ":" + values_text(s);
            INFO("--event " << argument << " for " << std::string(rl.id));
            const rule_report r = run_for_rule({"--format", "json", "--event", argument}, rl.id);
            CHECK(r.run.status == 0);
            const json_value& c = r.candidate;
            if (c.is_null()) continue;
            bool text_matched = false;
            for (const json_value& item : c["evidence"].items())
                text_matched = text_matched || (item["signal"]["event_id"].text() == std::to_string(s.code) &&
                                                item["text_matched"].is_true());
            CHECK(text_matched);
        }
    }
    CHECK(tried > 0);

    // An absence alone is evidence too, though it touches no rule.
    const process_result nothing = run_cli({"--absent-event", "MSExchangeIMC:4116"});
    CHECK(nothing.status == 1);
    CHECK(nothing.out == "No rule matches the evidence.\n");
}
