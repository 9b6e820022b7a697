// A failed start in every wording a ticket carries it: net start, the Services dialogs of NT 4.0,
// Windows 2000 and XP, the Internet Mail Service wizard's "ID no:" dialogs, and the Service Control
// Manager's 7000/7009/7023/7024 events in the layouts the readers take.
#include <doctest/doctest.h>

#include <string>

#include "layout_support.hpp"
#include "ruledx/kb/exchange_ims.hpp"

using namespace layout_test;
namespace ims = ruledx::kb::exchange_ims;

namespace {

// The start-error codes a knowledge-base rule names (required or supporting): what the wizard
// dialogs must read as.
std::vector<std::uint32_t> start_codes_of(std::string_view rule_id) {
    std::vector<std::uint32_t> codes;
    const std::size_t index = ims::table.find_rule(rule_id);
    if (index >= ims::table.rule_count) return codes;
    const ruledx::rule& r = ims::table.rules[index];
    for (std::size_t s = 0; s < r.signal_count(); ++s)
        if (r.signal_at(s).kind == ruledx::signal_kind::start_error) codes.push_back(r.signal_at(s).code);
    return codes;
}

}  // namespace

TEST_CASE("start: net start as users retype it, 'System error 2140 has occurred.'") {
    const scanned r = scan("C:\\>net start msexchangeimc\n"
                           "The Microsoft Exchange Internet Mail Service service is starting.......\n"
                           "The Microsoft Exchange Internet Mail Service service could not be started.\n"
                           "\n"
                           "System error 2140 has occurred.\n"
                           "\n"
                           "An internal Windows NT error occurred.\n");
    REQUIRE(r.starts.size() == 1);
    CHECK(r.starts[0].service == "MSExchangeIMC");
    CHECK(r.starts[0].code == 2140);
    CHECK(r.starts[0].line == 2);
}

TEST_CASE("start: the Windows 2000 Services snap-in, and XP's wording of 2140") {
    const scanned r = scan("Services\n\n"
                           "Could not start the Microsoft Exchange Internet Mail Service service on Local Computer.\n"
                           "\n"
                           "Error 2140: An internal Windows NT error occurred.\n"
                           "\n\n\n\n\n\n"
                           "Could not start the Microsoft Exchange Directory service on Local Computer.\n"
                           "Error 2140: An internal Windows error occurred.\n");
    REQUIRE(r.starts.size() == 2);
    CHECK(r.starts[0].service == "MSExchangeIMC");
    CHECK(r.starts[0].code == 2140);
    CHECK(r.starts[0].line == 3);
    CHECK(r.starts[1].service == "MSExchangeDS");
    CHECK(r.starts[1].code == 2140);
}

TEST_CASE("start: the Services dialogs' start that failed with no error code is code 0 (Q264162, Q299676)") {
    const scanned r = scan("  Could not start. Service did not return an error.\n"  // Q264162: no service named
                           "  This could be an internal Windows error or an internal service error.\n"
                           "\n\n\n\n\n\n"
                           "Could not start the Microsoft Exchange Internet Mail Service service on Local Computer.\n"
                           "The service did not return an error. This could be an internal Windows error or an internal "
                           "service error.\n"
                           "If the problem persists, contact your system administrator.\n"
                           "\n\n\n\n\n\n"
                           "Could not start the Microsoft Exchange Event Service on Local Computer. The service did not "
                           "return an error. This could be an internal Windows error or an internal service error.\n");
    REQUIRE(r.starts.size() == 3);
    CHECK(r.starts[0].code == 0);
    CHECK(r.starts[0].line == 1);
    CHECK(r.starts[0].service.empty());
    CHECK(r.starts[0].display_name.empty());
    CHECK(r.starts[1].code == 0);
    CHECK(r.starts[1].display_name == "Microsoft Exchange Internet Mail Service");
    CHECK(r.starts[1].service == "MSExchangeIMC");
    CHECK(r.starts[1].line == 9);
    CHECK(r.starts[2].code == 0);  // Q299676's dialog retyped on one line
    CHECK(r.starts[2].service == "MSExchangeES");
}

TEST_CASE("start: net start for a service that stopped while starting without an error (NET HELPMSG 3534)") {
    const scanned r = scan("C:\\>net start msexchangeimc\n"
                           "The Microsoft Exchange Internet Mail Service service is starting.\n"
                           "The Microsoft Exchange Internet Mail Service service could not be started.\n"
                           "\n"
                           "The service did not report an error.\n"
                           "\n"
                           "More help is available by typing NET HELPMSG 3534.\n"
                           "\n\n\n\n\n\n"
                           "The Microsoft Exchange Directory service is starting.\n"
                           "The Microsoft Exchange Directory service could not be started.\n"
                           "\n"
                           "Service did not report an error.\n"
                           "\n\n\n\n\n\n"
                           "The Microsoft Exchange Message Transfer Agent service could not be started.\n"
                           "More help is available by typing NET HELPMSG 3534.\n");
    REQUIRE(r.starts.size() == 3);
    CHECK(r.starts[0].code == 0);
    CHECK(r.starts[0].display_name == "Microsoft Exchange Internet Mail Service");
    CHECK(r.starts[0].service == "MSExchangeIMC");
    CHECK(r.starts[0].line == 2);
    CHECK(r.starts[1].code == 0);
    CHECK(r.starts[1].service == "MSExchangeDS");
    CHECK(r.starts[2].code == 0);  // 3534 is the message's number, not an error code
    CHECK(r.starts[2].service == "MSExchangeMTA");
    CHECK(count_starts(r, 3534) == 0);
}

TEST_CASE("start: XP's 'Windows could not start ...' with its service-specific code") {
    const scanned r = scan("Windows could not start the Microsoft Exchange Internet Mail Service on Local Computer. "
                           "For more information, review the System Event Log. If this is a non-Microsoft service, "
                           "contact the service vendor, and refer to service-specific error code 1011.\n");
    REQUIRE(r.starts.size() == 1);
    CHECK(r.starts[0].service == "MSExchangeIMC");
    CHECK(r.starts[0].code == 1011);
}

TEST_CASE("start: the IMS wizard's dialogs end in 'ID no:', read as the codes the rules name") {
    const std::vector<std::uint32_t> timeout = start_codes_of("ims-wizard-admin-mailbox-no-x400-timeout");  // Q300535
    const std::vector<std::uint32_t> cluster = start_codes_of("ims-cluster-setup-missing-dns-a-records");   // Q263029
    REQUIRE(timeout.size() == 1);
    REQUIRE(cluster.size() == 1);
    // Q262939's wording, then Q300535's, then Q263029's.
    const scanned r = scan("  The service did not respond to the start or control request in a timely\n"
                           "  fashion.\n"
                           "\n"
                           "  Microsoft Windows NT\n"
                           "  ID no: 0xc002041d\n"
                           "\n\n\n\n\n\n"
                           "  The service did not respond to the start or control request in a timely\n"
                           "  fashion\n"
                           "  Microsoft Windows NT\n"
                           "  ID No:0xc002041d\n"
                           "\n\n\n\n\n\n"
                           "  Overlapped I/O operation is in progress.\n"
                           "\n"
                           "  ID no: 0xc00203e5\n");
    REQUIRE(r.starts.size() == 3);
    CHECK(r.starts[0].code == timeout[0]);
    CHECK(r.starts[0].line == 5);
    CHECK(r.starts[0].service.empty());  // the dialog names no service: it matches the rules' MSExchangeIMC
    CHECK(r.starts[1].code == timeout[0]);
    CHECK(r.starts[2].code == cluster[0]);
}

TEST_CASE("start: 'ID' lines that are no wizard code") {
    const scanned r = scan("ID no: 12345\nID: 0xc002041d\nID no: 0xzz\nID no: 0xc002041d and more\nthe id no: 0x1\n");
    CHECK(r.starts.empty());
}

TEST_CASE("start: SCM events in the text layouts give the failed start") {
    const std::string msg_7000 = scm_7000_2140();
    const std::string msg_7009 = "Timeout (30000 milliseconds) waiting for the " + std::string(ims_display_name) +
                                 " service to connect.";
    const std::string msg_7023 = "The Microsoft Exchange Directory service terminated with the following error: " +
                                 std::string(error_2140_text);
    const std::string msg_7024 = "The Microsoft Exchange Information Store service terminated with service specific "
                                 "error 1011.";
    // wevtutil, psloglist, Get-WinEvent | Format-List, and the KB label block.
    const std::string text =
        "Event[0]:\n  Source: Service Control Manager\n  Event ID: 7000\n  Level: Error\n  Description:\n" + msg_7000 +
        "\n\n[11] Service Control Manager\n   Type:     ERROR\n   Time:     9/13/2000 5:56:06 PM   ID:     7009\n"
        "   User:     N/A\n" + msg_7009 +
        "\n\nTimeCreated  : 9/13/2000 5:56:06 PM\nProviderName : Service Control Manager\nId           : 7023\n"
        "Message      : " + msg_7023 +
        "\n\nEvent ID: 7024\nSource: Service Control Manager\nDescription: " + msg_7024 + "\n";
    const scanned r = scan(text);
    CHECK(r.events.size() == 4);
    CHECK(count_starts(r, 2140, "MSExchangeIMC") == 1);
    CHECK(count_starts(r, 1053, "MSExchangeIMC") == 1);
    CHECK(count_starts(r, 2140, "MSExchangeDS") == 1);
    CHECK(count_starts(r, 1011, "MSExchangeIS") == 1);
}
