// End-to-end: every rule of the joined Exchange table, of both knowledge bases, is diagnosed by the
// one command from its own example rendered as a person gives it: the events pasted from Event
// Viewer into a text file, the start errors as --start-error, the facts as --fact.
//
// The table check proves at compile time that each example picks its rule in the joined table, so
// a rule that does not come first here was lost between the command line, the readers and the
// evaluator. The expectations come from the table and from diagnosing the same example in this
// process, never from the command's own output.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "cli_support.hpp"
#include "ruledx/eval/diagnose.hpp"
#include "ruledx/eval/explain.hpp"

using namespace cli_test;

namespace {

// The families a test case below runs. A family the table gains must be added here (the coverage
// test says so), so that a failure always names the family it is in.
const std::vector<std::string> tested_families = {"ims", "imc", "exchange", "mta", "ds", "sa",
                                                  "is",  "kms", "es",       "dx",  "replication", "msmi"};

// The command line that gives exchange-diagnose one of a rule's examples: its events pasted in a
// file, its start errors and facts as options.
std::vector<std::string> example_arguments(const ruledx::rule& r, std::size_t which, std::string& file) {
    const ruledx::example& ex = r.examples[which];
    std::vector<std::string> args{"--format", "json"};
    const std::vector<std::string> given = given_arguments(ex);
    args.insert(args.end(), given.begin(), given.end());
    file.clear();
    if (!ex.events.empty()) {
        file = work("family-" + std::string(r.id) + "-" + std::to_string(which + 1) + ".txt");
        CHECK(write_file(file, pasted_events(events_of(ex))));
        args.push_back(file);
    }
    return args;
}

std::string without_final_period(std::string_view label) {
    if (!label.empty() && label.back() == '.') label.remove_suffix(1);
    return std::string(label);
}

// The pasted file read back event by event (--dump-events): every field of every example event
// round-trips, including the type and category, which a match does not need and so a diagnosis
// alone would not show lost.
void check_read_back(const ruledx::example& ex, const std::string& file) {
    const process_result dump = run_cli({"--dump-events", file});
    CHECK_FALSE(dump.timed_out);
    CHECK(dump.status == 0);
    std::vector<json_value> lines;
    // An event known by its text alone is also recognised by it: that second reading is not the layout's.
    for (const std::string& line : lines_of(dump.out))
        if (line.find("\"recognised\": true") == std::string::npos) lines.push_back(parsed(line));
    CHECK(lines.size() == ex.events.size());
    for (std::size_t i = 0; i < lines.size() && i < ex.events.size(); ++i) {
        const ruledx::observed_event& e = ex.events[i];
        const json_value& got = lines[i];
        INFO("event " << i + 1 << " (" << e.id << " from " << std::string(e.source) << ")");
        CHECK(got["event_id"].text() == std::to_string(e.id));
        // The reader drops the period KB text ends a label with ("Initialization/termination."),
        // as documented in read/pasted_text.hpp; the match compares letters and digits only.
        CHECK(got["source"].text() == without_final_period(e.source));
        CHECK(got["type"].text() == ruledx::to_string(e.type));
        CHECK(got["category"].text() == without_final_period(e.category));
        CHECK(got["description"].text() == e.description);
        CHECK(got["file"].text() == file);
    }
}

// Runs one of a rule's examples through the command and checks that it comes first, as it does
// in process.
void check_example(std::size_t index, std::size_t which) {
    const ruledx::rule& r = kb::table.rules[index];
    const ruledx::example& ex = r.examples[which];
    std::string file;
    const std::vector<std::string> args = example_arguments(r, which, file);
    INFO("rule " << std::string(r.id) << ", example " << which + 1 << ": " << command_line(args));

    // The same evidence diagnosed here: what the command must agree with.
    const auto expected = ruledx::diagnose(kb::table, ex.as_observations());
    const ruledx::candidate* best = expected.best();
    CHECK(best != nullptr);
    if (best == nullptr) return;
    CHECK(best->rule_index == index);  // the compile-time proof, restated: the example picks its rule
    std::size_t seen_items = 0;        // the evidence items the best candidate's explanation lists
    ruledx::explain(kb::table, *best, [&](const ruledx::reason& item) {
        seen_items += item.part == ruledx::explanation_part::evidence ? 1 : 0;
    });

    const process_result run = run_cli(args);
    CHECK_FALSE(run.timed_out);
    CHECK(run.status == 0);
    CHECK(run.err.empty());
    const json_value report = parsed(run);
    CHECK(starts_with(run.out, "{\"candidates\": [\n  {\"rule\": \"" + std::string(r.id) + "\""));

    const json_value& first = report["candidates"][0];
    CHECK(first["rule"].text() == r.id);
    CHECK(first["article"].text() == r.article);
    // The readers kept everything the evaluator weighs: the same status and the same score (a
    // description lost or a type misread would cost the text bonus or the match).
    CHECK(first["status"].text() == ruledx::to_string(best->status));
    CHECK(first["score"].text() == std::to_string(best->score));
    CHECK(first["evidence"].size() == seen_items);
    // Each matched event is cited by the line of the pasted file it was read from; each start
    // error as given on the command line.
    for (const json_value& item : first["evidence"].items()) {
        const json_value& sig = item["signal"];
        if (sig.is_null()) continue;  // a fact
        if (sig["kind"].text() == "event") {
            CHECK(starts_with(item["from"].text(), file + " line "));
        } else {
            CHECK(item["from"].text() == "given");
        }
    }
    if (!file.empty()) {
        const json_value& input = report["inputs"][0];
        CHECK(input["path"].text() == file);
        CHECK(input["format"].text() == "text");
        CHECK(input["records"].number() >= static_cast<double>(ex.events.size()));
        CHECK(input["problems"].text() == "0");
        CHECK_FALSE(input.has("complete_log_of"));  // pasted text is no whole log
        check_read_back(ex, file);
    }
}

// Every rule of the family that has examples: its first example, and its others too (the table
// check proves each of them); at least one rule must.
void check_family(const std::string& family) {
    std::size_t checked = 0;
    for (std::size_t i = 0; i < kb::table.rule_count; ++i) {
        const ruledx::rule& r = kb::table.rules[i];
        if (family_of(r.id) != family || r.examples.empty()) continue;
        for (std::size_t which = 0; which < r.examples.size(); ++which) check_example(i, which);
        ++checked;
    }
    INFO("family " << family);
    CHECK(checked > 0);
}

}  // namespace

TEST_CASE("families: every rule of the joined table belongs to a family tested below, and has an example") {
    std::set<std::string> in_table;
    for (const ruledx::rule& r : kb::table.rules) {
        in_table.insert(family_of(r.id));
        INFO("rule " << std::string(r.id));
        CHECK(std::set<std::string>(tested_families.begin(), tested_families.end()).count(family_of(r.id)) == 1);
        CHECK_FALSE(r.examples.empty());
    }
    for (const std::string& family : tested_families) {
        INFO("family " << family);
        CHECK(in_table.count(family) == 1);  // a family listed here that the table lost
    }
    // Both knowledge bases are in the one table the command uses.
    CHECK(kb::table.rule_count == ruledx::kb::exchange_ims::table.rule_count + ruledx::kb::exchange_services::table.rule_count);
}

TEST_CASE("families: Internet Mail Service (ims-) examples through the command") { check_family("ims"); }
TEST_CASE("families: Internet Mail Connector, Exchange 4.0 (imc-) examples through the command") { check_family("imc"); }
TEST_CASE("families: any Exchange service (exchange-) examples through the command") { check_family("exchange"); }
TEST_CASE("families: Message Transfer Agent (mta-) examples through the command") { check_family("mta"); }
TEST_CASE("families: Directory (ds-) examples through the command") { check_family("ds"); }
TEST_CASE("families: System Attendant (sa-) examples through the command") { check_family("sa"); }
TEST_CASE("families: Information Store (is-) examples through the command") { check_family("is"); }
TEST_CASE("families: Key Management Server (kms-) examples through the command") { check_family("kms"); }
TEST_CASE("families: Event Service (es-) examples through the command") { check_family("es"); }
TEST_CASE("families: Directory Synchronization (dx-) examples through the command") { check_family("dx"); }
TEST_CASE("families: replication (replication-) examples through the command") { check_family("replication"); }
TEST_CASE("families: Microsoft Mail connector (msmi-) examples through the command") { check_family("msmi"); }
