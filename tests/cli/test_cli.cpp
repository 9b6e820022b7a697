// End-to-end: the built exchange-diagnose on inputs of every supported format, checking its output
// (text and JSON), its exit status and its messages on bad input.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "cli_support.hpp"
#include "support/evt_writer.hpp"
#include "support/json_check.hpp"

using namespace cli_test;
using ruledx::test::json_check;

namespace {

const std::string sample = "examples/samples/q173496-ticket.txt";  // relative: the command runs in the source folder

const std::string q173496_description =
    "The Internet Mail Service service account is not an administrator account. In order to provide SSL "
    "support, the service account must be an administrator account.";

// An Application log and a System log as an NT 4.0 server with Q173496's problem would have them.
void write_ims_logs() {
    using namespace ruledx::test;
    evt_log application(64 * 1024);
    evt_event noise;
    noise.source = u"MSExchangeMTA";
    noise.identifier = 0x40000000u | 9298u;
    application.append(noise);
    evt_event failure;
    failure.source = u"MSExchangeIMC";
    failure.identifier = 0xC0000000u | 4143u;  // severity Error, as Exchange's message file defines it
    failure.type = 1;
    failure.category = 1;
    failure.computer = u"MAIL01";
    application.append(failure);
    REQUIRE(write_file(work("Application.evt"), application.bytes()));

    evt_log system(64 * 1024);
    evt_event stopped;
    stopped.source = u"Service Control Manager";
    stopped.identifier = 0xC0000000u | 7023u;
    stopped.type = 1;
    stopped.strings = {u"Microsoft Exchange Internet Mail Service", u"%%2140"};
    system.append(stopped);
    REQUIRE(write_file(work("System.evt"), system.bytes()));
}

}  // namespace

TEST_CASE("the bundled sample: Q173496, likely, with the account question next") {
    const process_result r = run_cli({sample});
    CHECK(r.status == 0);
    CHECK(starts_with(r.out, "1. LIKELY Q173496"));
    CHECK(has(r.out, "[examples/samples/q173496-ticket.txt line 10]"));
    CHECK(has(r.out, "Next checks, most informative first:\n  1. Is the Exchange service account a member"));
    CHECK(r.err.empty());
}

TEST_CASE("--fact answers a question: the diagnosis becomes confirmed, or rules the cause out") {
    const std::string absolute = source_dir() + "/" + sample;
    const process_result confirmed = run_cli({"--fact", "service_account_is_admin=false", absolute});
    CHECK(confirmed.status == 0);
    CHECK(starts_with(confirmed.out, "1. CONFIRMED Q173496"));
    // Under its former name (ims_service_account_is_admin) the fact is still accepted.
    const process_result admin =
        run_cli({"--fact=ims_service_account_is_admin=yes", "--fact", "exchange_version=5.5", absolute});
    CHECK(has(admin.out, "Ruled out:"));
    CHECK(has(admin.out, "Q173496"));
    CHECK(has(admin.out, "needs service_account_is_admin=false"));
}

TEST_CASE("binary logs: events from the Application log, the start error from the System log's 7023") {
    write_ims_logs();
    const process_result r = run_cli({"--format", "json", work("Application.evt"), work("System.evt")});
    CHECK(r.status == 0);
    REQUIRE(json_check::first_error(r.out) == json_check::valid);
    CHECK(has(r.out, "{\"candidates\": [\n  {\"rule\": \"ims-service-account-not-admin\", \"article\": \"Q173496\""));
    CHECK(has(r.out, "\"status\": \"likely\""));
    CHECK(has(r.out, "Application.evt record 2\""));  // the 4143 record is cited by its record number
    CHECK(has(r.out, "System.evt"));                    // and the 2140 by the SCM event that carried it
    CHECK(has(r.out, "\"format\": \"evt\""));
    CHECK(has(r.out, "\"next_checks\": [\n  {\"key\": \"fact:service_account_is_admin\", \"fact\": \"service_account_is_admin\""));
}

TEST_CASE("--dump-events prints each record as a JSON line") {
    write_ims_logs();
    const process_result r = run_cli({"--dump-events", work("Application.evt")});
    CHECK(r.status == 0);
    REQUIRE((r.out.empty() || r.out.back() == '\n'));  // every line ends
    const std::vector<std::string> lines = lines_of(r.out);
    for (const std::string& line : lines) CHECK(json_check::first_error(line) == json_check::valid);
    CHECK(lines.size() == 2);
    CHECK(has(r.out, "\"record\": 2, \"event_id\": 4143, \"event_id_raw\": 3221229615, \"type\": \"Error\", \"category\": 1, "
                     "\"source\": \"MSExchangeIMC\", \"computer\": \"MAIL01\""));
    CHECK_FALSE(has(r.out, "\"recovered\""));
}

TEST_CASE("an Event Viewer export and standard input") {
    const std::string csv =
        "Date,Time,Source,Type,Category,Event,User,Computer,Description\n"
        "9/13/2000,5:56:06 PM,MSExchangeIMC,Error,Initialization/Termination,4143,N/A,MAIL01,\"" +
        q173496_description + "\"\n";
    REQUIRE(write_file(work("export.csv"), csv));
    const process_result file = run_cli({"--format", "json", work("export.csv")});
    CHECK(file.status == 0);
    CHECK(has(file.out, "\"format\": \"event_viewer_export\""));
    CHECK(has(file.out, "\"text_matched\": true"));
    CHECK(has(file.out, "export.csv line 2"));
    const process_result piped = run_cli({"-"}, csv);
    CHECK(piped.status == 0);
    CHECK(starts_with(piped.out, "1. LIKELY Q173496"));
}

TEST_CASE("exit status 1 when no rule matches") {
    REQUIRE(write_file(work("unrelated.txt"), "Event ID: 1000\nSource: Application Error\nType: Error\n"));
    const process_result r = run_cli({work("unrelated.txt")});
    CHECK(r.status == 1);
    CHECK(r.out == "No rule matches the evidence.\n");
}

TEST_CASE("usage errors exit 2 and say what is wrong") {
    const process_result unknown = run_cli({"--fact", "ims_account_is_admin=true", "x"});
    CHECK(unknown.status == 2);
    CHECK(has(unknown.err, "unknown fact 'ims_account_is_admin'; closest: "));
    CHECK(has(unknown.err, "service_account_is_admin"));
    const process_result wrong_type = run_cli({"--fact", "exchange_version=five", "x"});
    CHECK(wrong_type.status == 2);
    CHECK(has(wrong_type.err, "fact 'exchange_version' is a version, not 'five'"));
    CHECK(run_cli({"--format", "xml", "x"}).status == 2);
    CHECK(run_cli({"--bogus"}).status == 2);
    CHECK(run_cli({}).status == 2);
}

TEST_CASE("unreadable inputs exit 2 and name the file; a readable one is still diagnosed") {
    std::string garbage(4096, '\0');
    for (std::size_t i = 0; i < garbage.size(); ++i) garbage[i] = static_cast<char>((i * 7919) % 251);
    REQUIRE(write_file(work("garbage.bin"), garbage));
    const process_result r = run_cli({work("garbage.bin"), work("missing.evt"), source_dir() + "/" + sample});
    CHECK(r.status == 2);
    CHECK(has(r.err, "garbage.bin: offset 0: unrecognized format"));
    CHECK(has(r.err, "missing.evt: cannot open: no such file or directory"));
    CHECK(has(r.err, "garbage.bin: nothing could be read"));
    CHECK(starts_with(r.out, "1. LIKELY Q173496"));
}

TEST_CASE("a damaged log is diagnosed from what could be read, with a warning") {
    write_ims_logs();
    std::string log = read_file(work("Application.evt"));
    // Break the first record's signature: the 4143 record after it must still be read.
    log[0x30 + 4] = 'X';
    REQUIRE(write_file(work("damaged.evt"), log));
    const process_result r = run_cli({"--format", "json", work("damaged.evt")});
    CHECK(r.status == 0);
    CHECK(has(r.out, "\"article\": \"Q173496\""));
    CHECK_FALSE(r.err.empty());
    CHECK(has(r.err, "damaged.evt: offset "));
    CHECK(has(r.out, "\"problems\": "));
}

TEST_CASE("--list-rules and --list-facts print one line each, for every knowledge base") {
    const process_result rules = run_cli({"--list-rules"});
    CHECK(rules.status == 0);
    CHECK(lines_of(rules.out).size() == ruledx::kb::exchange::table.rule_count);
    CHECK(has(rules.out, "ims-service-account-not-admin\tQ173496\t"));
    CHECK(has(rules.out, "\nmta-"));  // the other services' knowledge base too
    const process_result facts = run_cli({"--list-facts"});
    CHECK(lines_of(facts.out).size() == ruledx::kb::exchange::table.fact_count);
    CHECK(has(facts.out, "service_account_is_admin\tboolean\tIs the Exchange service account"));
    CHECK(has(facts.out, "exchange_version\tversion\t"));
    CHECK(has(facts.out, "\tformerly ims_service_account_is_admin\n"));  // renamed facts show their former name
}
