// Service start errors: the Services dialog and its KB paraphrases, net start, SCM events.
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ruledx/kb/exchange_service_names.hpp"
#include "ruledx/read/start_error_text.hpp"
#include "ruledx/read/text_scan.hpp"

using namespace ruledx;
using namespace ruledx::read;

namespace {

constexpr view<service_name> names = kb::exchange_service_names;

struct start_result {
    start_error_reader reader{start_error_options{default_max_line_length, {}, names}};
    std::vector<start_error_record> found;
    std::vector<read_error> errors;
};

void run(start_result& r, std::string_view text) {
    r.reader.read(
        text, [&](const start_error_record& s) { r.found.push_back(s); }, [&](const read_error& e) { r.errors.push_back(e); });
}

text_scan_options with_names() {
    text_scan_options o;
    o.services = names;
    return o;
}

}  // namespace

TEST_CASE("start: NT 4.0 Services dialog, canonical text") {
    start_result r;
    run(r,
        "Services\n"
        "Could not start the Microsoft Exchange Internet Mail Service service on \\\\SERVERNAME.\n"
        "\n"
        "Error 2140: An internal Windows NT error occurred.\n");
    REQUIRE(r.found.size() == 1);
    CHECK(r.found[0].code == 2140);
    CHECK(r.found[0].display_name == "Microsoft Exchange Internet Mail Service");
    CHECK(r.found[0].service == "MSExchangeIMC");
    CHECK(r.found[0].where.line == 2);
}

TEST_CASE("start: Q173496 dialog without the word 'service' before 'on.'") {
    start_result r;
    run(r,
        "  Could not start the Microsoft Exchange Internet Mail Service on.\n"
        "  Error 2140: An internal Windows NT error occurred.\n");
    REQUIRE(r.found.size() == 1);
    CHECK(r.found[0].service == "MSExchangeIMC");
    CHECK(r.found[0].display_name == "Microsoft Exchange Internet Mail Service");
}

TEST_CASE("start: Q154589 quoted dialog, 4.0 name 'Internet Mail Connector', name ends the line") {
    start_result r;
    run(r,
        "  Stop \"Could not start the Microsoft Exchange Internet Mail Connector service\n"
        "  on ...\"\n"
        "\n"
        "  Error 2140: An internal Windows NT error occurred.\n");
    REQUIRE(r.found.size() == 1);
    CHECK(r.found[0].service == "MSExchangeIMC");
    CHECK(r.found[0].display_name == "Microsoft Exchange Internet Mail Connector");
    CHECK(r.found[0].code == 2140);
}

TEST_CASE("start: Q169918 display name wrapped over two lines, error on the second") {
    start_result r;
    run(r,
        "  Could not start the Microsoft Exchange Message Transfer\n"
        "  Agent service on \\\\servername. Error 2140: An internal\n"
        "  Windows NT error occurred.\n");
    REQUIRE(r.found.size() == 1);
    CHECK(r.found[0].display_name == "Microsoft Exchange Message Transfer Agent");
    CHECK(r.found[0].service == "MSExchangeMTA");
    CHECK(r.found[0].code == 2140);
}

TEST_CASE("start: the KB paraphrases of error 2140, service unknown") {
    const char* const lines[] = {
        "Error 2140: An internal Windows NT error occurred.",
        "  Error 2140. Internal Windows NT error.",
        "  Internal Windows NT Error 2140",
        "  INTERNAL WINDOWS NT ERROR 2140.",
        "  Error: 2140: An internal Windows NT error has occurred.",
        "  Error 2140, the Specified Service failed to start.",
        "  An Internal Windows NT error",
        "  An internal Windows error occurred.",
        "  Error 2140: An internal Windows 2000 error occurred.",
    };
    for (const char* line : lines) {
        CAPTURE(line);
        start_result r;
        run(r, line);
        REQUIRE(r.found.size() == 1);
        CHECK(r.found[0].code == 2140);
        CHECK(r.found[0].service.empty());
        CHECK(r.found[0].display_name.empty());
    }
}

TEST_CASE("start: Windows 2000 MMC '... on Local Computer.' with error 1053") {
    start_result r;
    run(r,
        "Could not start the Microsoft Exchange Internet Mail Service service on Local Computer.\n"
        "\n"
        "Error 1053: The service did not respond to the start or control request in a timely fashion.\n");
    REQUIRE(r.found.size() == 1);
    CHECK(r.found[0].code == 1053);
    CHECK(r.found[0].service == "MSExchangeIMC");
    CHECK(is_start_timeout(r.found[0].code));
}

TEST_CASE("start: Q155814 NT 4.0 reports the start timeout as Error 2186") {
    start_result r;
    run(r, "  Error 2186: The service is not responding to the control function.\n");
    REQUIRE(r.found.size() == 1);
    CHECK(r.found[0].code == 2186);
    CHECK(is_start_timeout(2186));
    CHECK_FALSE(is_start_timeout(2140));
}

TEST_CASE("start: Error 1069 logon failure, both wordings") {
    start_result r;
    run(r,
        "Could not start the Microsoft Exchange Message Transfer Agent service on \\\\S1.\n"
        "Error 1069: The service did not start due to logon failure.\n"
        "\n"
        "Some prose between the two dialogs.\n"
        "\n"
        "Could not start the Microsoft Exchange Directory service on \\\\S1.\n"
        "Error 1069: The service did not start due to a logon failure.\n");
    REQUIRE(r.found.size() == 2);
    CHECK(r.found[0].code == 1069);
    CHECK(r.found[0].service == "MSExchangeMTA");
    CHECK(r.found[1].service == "MSExchangeDS");
    CHECK(r.found[1].where.line == 6);
}

TEST_CASE("start: net start transcript for 2140 gives one record") {
    start_result r;
    run(r,
        "C:\\>net start msexchangeimc\n"
        "The Microsoft Exchange Internet Mail Service service is starting.......\n"
        "The Microsoft Exchange Internet Mail Service service could not be started.\n"
        "\n"
        "A system error has occurred.\n"
        "\n"
        "An internal Windows NT error occurred.\n"
        "\n"
        "More help is available by typing NET HELPMSG 2140.\n"
        "\n"
        "C:\\>\n");
    REQUIRE(r.found.size() == 1);
    CHECK(r.found[0].code == 2140);
    CHECK(r.found[0].service == "MSExchangeIMC");
    CHECK(r.found[0].where.line == 2);
}

TEST_CASE("start: net start transcript for 1067 prints 'System error 1067 has occurred.'") {
    start_result r;
    run(r,
        "The Microsoft Exchange Internet Mail Connector service is starting.\n"
        "The Microsoft Exchange Internet Mail Connector service could not be started.\n"
        "A system error has occurred.\n"
        "System error 1067 has occurred.\n"
        "The process terminated unexpectedly.\n");
    REQUIRE(r.found.size() == 1);
    CHECK(r.found[0].code == 1067);
    CHECK(r.found[0].service == "MSExchangeIMC");
}

TEST_CASE("start: net start when StartService fails: 1053 as 2186, 1069 as a system error") {
    start_result r;
    run(r,
        "The service is not responding to the control function.\n"
        "\n"
        "More help is available by typing NET HELPMSG 2186.\n"
        "\n"
        "\n"
        "\n"
        "\n"
        "\n"
        "System error 1069 has occurred.\n"
        "\n"
        "The service did not start due to a logon failure.\n");
    REQUIRE(r.found.size() == 2);
    CHECK(r.found[0].code == 2186);
    CHECK(r.found[1].code == 1069);
    CHECK(r.found[1].service.empty());
}

TEST_CASE("start: prose and wrapped description lines are not start errors") {
    start_result r;
    run(r,
        "Error 4015 connecting to the Microsoft Exchange Information Server Directory Service.\n"
        "  error: 2127. Referenced object: OPEN (00000000 => N/A). Referenced object\n"
        "  error 00000000. [0 DB Server OPERATOR 22] (14)\n"
        "  internal Windows NT error occurred.\" The directory synchronization\n"
        "The Directory may fail with a 2140 resulting in an Event ID. -1032.\n"
        "Error -510 has occurred (internal ID 2030148).\n"
        "Could not start the Microsoft Exchange Internet Mail Service service on \\\\S.\n"
        "and then nothing that carries a code for a while\n"
        "line\nline\nline\nline\nline\n"
        "Access is denied.\n");
    CHECK(r.found.empty());
}

TEST_CASE("start: display names map to service names") {
    CHECK(service_for_display_name("Microsoft Exchange Internet Mail Service", names) == "MSExchangeIMC");
    CHECK(service_for_display_name("microsoft exchange internet  mail connector", names) == "MSExchangeIMC");
    CHECK(service_for_display_name("MSEXCHANGEIMC", names) == "MSExchangeIMC");
    CHECK(service_for_display_name("Microsoft Exchange Event Service", names) == "MSExchangeES");
    CHECK(service_for_display_name("Microsoft Exchange System Attendant", names) == "MSExchangeSA");
    CHECK(service_for_display_name("Microsoft Exchange Key Management Server", names) == "MSExchangeKMS");
    CHECK(service_for_display_name("Microsoft DNS Server", names).empty());
    CHECK(service_for_display_name("", names).empty());
    static_assert(service_for_display_name("Microsoft Exchange Information Store", names) == "MSExchangeIS");
    static_assert(read::detail::strip_service_word("Microsoft Exchange Event Service service", names) == "Microsoft Exchange Event Service");
}

TEST_CASE("start: SCM 7023 from insertion strings (binary log form)") {
    using namespace std::string_view_literals;
    event_record e;
    e.source = "Service Control Manager";
    e.event_id = 7023;
    e.strings = "Microsoft Exchange Internet Mail Service\0%%2140\0"sv;
    e.string_count = 2;
    e.where.offset = 0x1234;
    const auto s = start_error_from_event(e, names);
    REQUIRE(s.has_value());
    CHECK(s->code == 2140);
    CHECK(s->service == "MSExchangeIMC");
    CHECK(s->where.offset == 0x1234);

    e.event_id = 7009;
    e.strings = "30000\0Microsoft Exchange Internet Mail Connector\0"sv;
    const auto t = start_error_from_event(e, names);
    REQUIRE(t.has_value());
    CHECK(t->code == 1053);
    CHECK(t->service == "MSExchangeIMC");

    e.event_id = 7024;
    e.strings = "Microsoft Exchange Information Store\0" "4294966781\0"sv;
    const auto u = start_error_from_event(e, names);
    REQUIRE(u.has_value());
    CHECK(u->code == 4294966781u);
    CHECK(u->service == "MSExchangeIS");
}

TEST_CASE("start: SCM 7000 from the rendered description (Q155814)") {
    event_record e;
    e.source = "Service Control Manager";
    e.event_id = 7000;
    e.description =
        "The Microsoft Exchange Internet Mail Connector service failed to start due to the following error: The "
        "service did not respond to the start or control request in a timely fashion.";
    const auto s = start_error_from_event(e, names);
    REQUIRE(s.has_value());
    CHECK(s->code == 1053);
    CHECK(s->display_name == "Microsoft Exchange Internet Mail Connector");
    CHECK(s->service == "MSExchangeIMC");

    e.event_id = 7023;
    e.description = "The Microsoft Exchange Internet Mail Service service terminated with the following error: An "
                    "internal Windows NT error occurred.";
    const auto t = start_error_from_event(e, names);
    REQUIRE(t.has_value());
    CHECK(t->code == 2140);

    e.description = "The description for Event ID ( 7023 ) in Source ( Service Control Manager ) could not be found. "
                    "It contains the following insertion string(s): Microsoft Exchange Internet Mail Service, %%2140.";
    const auto u = start_error_from_event(e, names);
    REQUIRE(u.has_value());
    CHECK(u->code == 2140);
    CHECK(u->service == "MSExchangeIMC");

    e.event_id = 7009;
    e.description = "Timeout (30000 milliseconds) waiting for the Microsoft Exchange Internet Mail Service service to connect.";
    const auto v = start_error_from_event(e, names);
    REQUIRE(v.has_value());
    CHECK(v->code == 1053);
    CHECK(v->service == "MSExchangeIMC");
}

TEST_CASE("start: events that are not SCM failed starts give nothing") {
    event_record e;
    e.source = "MSExchangeIMC";
    e.event_id = 7000;
    e.description = "The X service failed to start due to the following error: Access is denied.";
    CHECK_FALSE(start_error_from_event(e, names).has_value());
    e.source = "Service Control Manager";
    e.event_id = 7036;
    CHECK_FALSE(start_error_from_event(e, names).has_value());
    e.event_id = 7000;
    e.description = "garbage";
    CHECK_FALSE(start_error_from_event(e, names).has_value());
}

TEST_CASE("text_scan: Q155814 gives both events, the SCM-derived start error and the dialog") {
    const std::string_view text =
        "  Event ID:7000\n"
        "  Source: Service Control Manager\n"
        "  Category: <none>\n"
        "  Description:. The Microsoft Exchange Internet Mail Connector service failed to\n"
        "  start due to the following error: The service did not respond to the start or\n"
        "  control request in a timely fashion.\n"
        "\n"
        "The following event is logged in the Application log:\n"
        "\n"
        "  Event ID 4086\n"
        "  Source MSExchange IMC\n"
        "  Category: Initialization/Termination\n"
        "  Description: Unable to start the service because the configuration could not\n"
        "  be loaded from the Microsoft Exchange directory or Windows NT Registry.\n"
        "\n"
        "If you try to start the service manually, a message window will pop up stating:\n"
        "\n"
        "  Error 2186: The service is not responding to the control function.\n";
    std::vector<event_record> events;
    std::vector<start_error_record> starts;
    std::vector<read_error> errors;
    text_scanner scanner(with_names());
    scanner.scan(
        text, [&](const event_record& e) { events.push_back(e); }, [&](const start_error_record& s) { starts.push_back(s); },
        [&](const read_error& e) { errors.push_back(e); });
    REQUIRE(events.size() == 2);
    CHECK(events[0].event_id == 7000);
    CHECK(events[1].event_id == 4086);
    REQUIRE(starts.size() == 2);
    CHECK(starts[0].code == 1053);
    CHECK(starts[0].service == "MSExchangeIMC");
    CHECK(starts[0].where.line == 1);
    CHECK(starts[1].code == 2186);
    CHECK(starts[1].where.line == 18);
    CHECK(errors.empty());
}

TEST_CASE("text_scan: an export is read as an export") {
    const std::string_view text =
        "9/13/2000\t5:56:06 PM\tService Control Manager\tError\tNone\t7023\tN/A\tTHE\tThe Microsoft Exchange Internet "
        "Mail Service service terminated with the following error: An internal Windows NT error occurred.\n";
    std::vector<event_record> events;
    std::vector<start_error_record> starts;
    scan_text(
        text, [&](const event_record& e) { events.push_back(e); }, [&](const start_error_record& s) { starts.push_back(s); },
        [](const read_error&) {}, with_names());
    REQUIRE(events.size() == 1);
    CHECK(events[0].time_generated == 968867766);
    REQUIRE(starts.size() == 1);
    CHECK(starts[0].code == 2140);
    CHECK(starts[0].service == "MSExchangeIMC");
}

// The per-line pre-checks (may_hold_could, may_report, the code_for_message prefix test) must only
// skip lines the full checks reject; these cases sit on their edges.
TEST_CASE("start: dialog header found only while it ends within the first 40 bytes") {
    start_result at20, at21;
    run(at20, "12345678901234567890Could not start the Microsoft Exchange Directory service on \\\\S.\n"
              "Error 2140: An internal Windows NT error occurred.\n");
    run(at21, "123456789012345678901Could not start the Microsoft Exchange Directory service on \\\\S.\n"
              "Error 2140: An internal Windows NT error occurred.\n");
    REQUIRE(at20.found.size() == 1);
    CHECK(at20.found[0].display_name == "Microsoft Exchange Directory");
    CHECK(at20.found[0].where.line == 1);
    REQUIRE(at21.found.size() == 1);
    CHECK(at21.found[0].display_name.empty());
    CHECK(at21.found[0].where.line == 2);
}

TEST_CASE("start: short, quoted, lower-case and dotted lines around the pre-checks") {
    start_result r;
    run(r,
        "COULD NOT START THE X\n"  // 21 bytes: a wrapped header
        "service on \\\\SRV.\n"
        "\"Error 2140: An internal Windows NT error occurred.\"\n"
        "\n\n\n\n\n\n"
        "the Microsoft Exchange Directory service could not be started.\n"
        "' 'System error 1067 has occurred.\n"
        "\n\n\n\n\n\n"
        "The Event Service terminated with service-specific error code 1011..\n");
    REQUIRE(r.found.size() == 3);
    CHECK(r.found[0].display_name == "X");
    CHECK(r.found[0].code == 2140);
    CHECK(r.found[0].where.line == 1);
    CHECK(r.found[1].service == "MSExchangeDS");
    CHECK(r.found[1].code == 1067);
    CHECK(r.found[2].code == 1011);
    CHECK(r.found[2].display_name.empty());
}

TEST_CASE("start: 'Could not start.' names no service, and only at a line's start") {
    start_result r;
    run(r,
        "Could not start.\n"  // 16 bytes: the shortest line the "could" pre-check takes
        "Service did not return an error.\n"
        "\n\n\n\n\n\n"
        "The IMS could not start.\n"
        "Access is denied.\n"
        "\n\n\n\n\n\n"
        "Could not start.exe\n"
        "Access is denied.\n"
        "\n\n\n\n\n\n"
        "\"Could not start. Error 1067: The process terminated unexpectedly.\"\n"
        "\n\n\n\n\n\n"
        "The service did not report an error.\n");  // a message alone names no failed start
    REQUIRE(r.found.size() == 2);
    CHECK(r.found[0].code == 0);
    CHECK(r.found[0].where.line == 1);
    CHECK(r.found[0].display_name.empty());
    CHECK(r.found[0].service.empty());
    CHECK(r.found[1].code == 1067);
    CHECK(r.found[1].where.line == 25);
}

TEST_CASE("start: code_for_message on prose and on messages in other cases") {
    CHECK(code_for_message("the specified service is disabled") == std::optional<std::uint32_t>(1058));
    CHECK(code_for_message("  ACCESS IS DENIED.") == std::optional<std::uint32_t>(5));
    CHECK(code_for_message("The dependency service does not exist") == std::optional<std::uint32_t>(1075));
    CHECK(code_for_message("The system cannot find the path specified.") == std::optional<std::uint32_t>(3));
    CHECK(code_for_message("The service did not report an error.") == std::optional<std::uint32_t>(0));
    CHECK(code_for_message("Service did not return an error.") == std::optional<std::uint32_t>(0));  // no article
    CHECK(code_for_message("SERVICE DID NOT REPORT AN ERROR") == std::optional<std::uint32_t>(0));
    CHECK(code_for_message("Service did not start due to a logon failure") == std::optional<std::uint32_t>(1069));
    CHECK_FALSE(code_for_message("Service did not restart after the reboot"));
    CHECK_FALSE(code_for_message("Services did not return an error"));
    CHECK_FALSE(code_for_message("Service did not "));
    CHECK_FALSE(code_for_message("The server is not responding"));
    CHECK_FALSE(code_for_message("The"));
    CHECK_FALSE(code_for_message("The "));
    CHECK_FALSE(code_for_message("Accessing the store failed"));
    CHECK_FALSE(code_for_message(""));
}

TEST_CASE("start: service-specific codes at the end of a line, with and without dots") {
    start_result r;
    run(r,
        "The Event Service terminated with service specific error CODE 7\n"
        "\n\n\n\n\n\n"
        "Version 5.5 of the product, build 2448.\n"
        "The service was stopped with code 12 and restarted.\n");
    REQUIRE(r.found.size() == 1);
    CHECK(r.found[0].code == 7);
}
