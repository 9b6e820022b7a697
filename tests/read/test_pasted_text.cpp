// Pasted event text: every label shape the KB articles use, prose that must stay prose, damage.
#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "ruledx/read/pasted_text.hpp"
#include "ruledx/read/text_scan.hpp"

using namespace ruledx;
using namespace ruledx::read;

namespace {

struct pasted_result {
    pasted_text_reader reader;  // owns the storage the views point into
    std::vector<event_record> events;
    std::vector<read_error> errors;
};

void run(pasted_result& r, std::string_view text) {
    r.reader.read(
        text, [&](const event_record& e) { r.events.push_back(e); }, [&](const read_error& e) { r.errors.push_back(e); });
}

}  // namespace

TEST_CASE("pasted: Q173496 'Event id:' block with a description over three lines") {
    const std::string_view text =
        "In the Windows NT Server Event Viewer Application log, you may see the\n"
        "following:\n"
        "\n"
        "  Event id: 4143\n"
        "  Source: MSExchangeIMC\n"
        "  Type: Error\n"
        "  Category: Initialization/Termination\n"
        "  Description:\n"
        "  The Internet Mail Service service account is not an administrator account. In\n"
        "  order to provide SSL support, the service account must be an administrator\n"
        "  account.\n"
        "\n"
        "CAUSE\n"
        "=====\n";
    pasted_result r;
    run(r, text);
    REQUIRE(r.events.size() == 1);
    const event_record& e = r.events[0];
    CHECK(e.event_id == 4143);
    CHECK(e.where.line == 4);
    CHECK(e.source == "MSExchangeIMC");
    CHECK(e.type == event_type::error);
    CHECK(e.category == "Initialization/Termination");
    CHECK(e.description ==
          "The Internet Mail Service service account is not an administrator account. In order to provide SSL "
          "support, the service account must be an administrator account.");
    CHECK(r.errors.empty());
}

TEST_CASE("pasted: 'Event ID: 4143' with the description on the label line (zero-copy)") {
    const std::string text = "Event ID: 4018\nSource: MSExchangeIMC\nDescription: Unable to start the Internet Mail "
                             "Connector service because MAPI could not be initialized.\n";
    pasted_result r;
    run(r, text);
    REQUIRE(r.events.size() == 1);
    CHECK(r.events[0].event_id == 4018);
    CHECK(r.events[0].description.data() >= text.data());
    CHECK(r.events[0].description.data() < text.data() + text.size());
}

TEST_CASE("pasted: Q154589 'EventID 4058', misspelled category kept, unlabelled description paragraph") {
    pasted_result r;
    run(r,
        "The following event will be logged in the event viewer:\n"
        "\n"
        "  EventID 4058\n"
        "  Category: Intialization/Termination\n"
        "\n"
        "  The Internet Mail Connector cannot start because the name resolver cannot be\n"
        "  initialized. Check your network settings in the Control Panel to ensure that\n"
        "  you have set a domain name in the DNS dialog box of the TCP/IP configuration.\n"
        "\n"
        "CAUSE\n");
    REQUIRE(r.events.size() == 1);
    CHECK(r.events[0].event_id == 4058);
    CHECK(r.events[0].category == "Intialization/Termination");
    CHECK(r.events[0].description.substr(0, 58) == "The Internet Mail Connector cannot start because the name ");
    CHECK(r.events[0].description.find("TCP/IP configuration.") != std::string_view::npos);
}

TEST_CASE("pasted: Q268643 'Event ID=4003' with the message on the same line") {
    pasted_result r;
    run(r,
        "  Event ID=4003 The following error occurred while trying to retrieve protocol\n"
        "  information. Error=11004\n"
        "\n"
        "  Event ID=4020 Unable to start the service because Winsock could not be\n"
        "  initialized.\n");
    REQUIRE(r.events.size() == 2);
    CHECK(r.events[0].event_id == 4003);
    CHECK(r.events[0].description ==
          "The following error occurred while trying to retrieve protocol information. Error=11004");
    CHECK(r.events[1].event_id == 4020);
    CHECK(r.events[1].where.line == 4);
}

TEST_CASE("pasted: 'Event ID=4092' with labelled fields") {
    pasted_result r;
    run(r, "Event ID=4092\nSource=MSExchangeIMC\nType=Error\n");
    REQUIRE(r.events.size() == 1);
    CHECK(r.events[0].event_id == 4092);
    CHECK(r.events[0].source == "MSExchangeIMC");
}

TEST_CASE("pasted: upper-case keys 'EVENT ID:' and keys in any order") {
    pasted_result r;
    run(r, "  TYPE: ERROR\n  SOURCE: MSExchangeIMC\n  EVENT ID: 4086\n  CATEGORY: INITIALIZATION/TERMINATION\n");
    REQUIRE(r.events.size() == 1);
    CHECK(r.events[0].event_id == 4086);
    CHECK(r.events[0].type == event_type::error);
    CHECK(r.events[0].source == "MSExchangeIMC");
    CHECK(r.events[0].category == "INITIALIZATION/TERMINATION");
}

TEST_CASE("pasted: Q190993 'Event ID   :' with aligned colons and an indented continuation") {
    pasted_result r;
    run(r,
        "  Event ID   : 5\n"
        "  Source     : MSExchangeES\n"
        "  Type       : Error\n"
        "  Category   : General\n"
        "  Description: An unexpected MAPI error occurred. Error returned\n"
        "               was [0x80040107].\n");
    REQUIRE(r.events.size() == 1);
    CHECK(r.events[0].event_id == 5);
    CHECK(r.events[0].source == "MSExchangeES");
    CHECK(r.events[0].category == "General");
    CHECK(r.events[0].description == "An unexpected MAPI error occurred. Error returned was [0x80040107].");
}

TEST_CASE("pasted: Q182346 'Event: 4087' after Source") {
    pasted_result r;
    run(r,
        "- The following event may be logged in the event log:\n"
        "\n"
        "  Source: MSExchangeIMC\n"
        "  Event: 4087\n"
        "  Category: Initialization/Termination\n"
        "  Description: The service could not be started because the queue viewing\n"
        "  interface could not be registered.\n");
    REQUIRE(r.events.size() == 1);
    CHECK(r.events[0].event_id == 4087);
    CHECK(r.events[0].source == "MSExchangeIMC");
    CHECK(r.events[0].where.line == 3);
    CHECK(r.events[0].description ==
          "The service could not be started because the queue viewing interface could not be registered.");
}

TEST_CASE("pasted: Q200092 'ID: 4087, Source: MSExchangeIMC, Type: Error,' one-line form") {
    pasted_result r;
    run(r,
        "  ID: 4087, Source: MSExchangeIMC, Type: Error,\n"
        "\n"
        "  \"Service could not be started. Queue viewing interface could not be\n"
        "  registered\"\n"
        "\n"
        "Removing the connector to cc:Mail and removing the Gateway Services for NetWare\n");
    REQUIRE(r.events.size() == 1);
    CHECK(r.events[0].event_id == 4087);
    CHECK(r.events[0].source == "MSExchangeIMC");
    CHECK(r.events[0].type == event_type::error);
    CHECK(r.events[0].description.find("Queue viewing interface") != std::string_view::npos);
}

TEST_CASE("pasted: Q222553 '4007: MSExchangeIMC' needs the source and a message below it") {
    pasted_result r;
    run(r,
        "  4007: MSExchangeIMC\n"
        "  The following error occurred while trying to bind the TCP/IP listener socket.\n"
        "  10048\n"
        "\n"
        "  4020: MSExchangeIMC\n"
        "  Unable to start the service because WinSock could not be initialized.\n");
    REQUIRE(r.events.size() == 2);
    CHECK(r.events[0].event_id == 4007);
    CHECK(r.events[0].source == "MSExchangeIMC");
    CHECK(r.events[0].description ==
          "The following error occurred while trying to bind the TCP/IP listener socket. 10048");
    CHECK(r.events[1].event_id == 4020);
}

TEST_CASE("pasted: a number-colon list is not events (code pages, data dumps, bare '4007: MSExchangeIMC')") {
    pasted_result r;
    run(r,
        "  1250: Polish, Czech, Hungarian\n\n  1251: Russian\n\n  1253: Greek\n\n"
        "  4007: MSExchangeIMC\n\n"
        "0000: c000005e\n0008: 00140667 80040115\n");
    CHECK(r.events.empty());
}

TEST_CASE("pasted: Q183178 'Event ID: 4071 - Source: MSExchangeIMC' and its unlabelled message") {
    pasted_result r;
    run(r,
        "  Event ID: 4071 - Source: MSExchangeIMC\n"
        "  Type: Error\n"
        "  Category: Initialization/Termination\n"
        "\n"
        "  Unable to start the Internet Mail Service because it has not been\n"
        "  configured.\n"
        "\n"
        "In some cases, the error appears only when the Internet Mail Service starts\n"
        "\n"
        "NOTE: Event ID 4072 may also be logged.\n");
    REQUIRE(r.events.size() == 1);
    CHECK(r.events[0].event_id == 4071);
    CHECK(r.events[0].source == "MSExchangeIMC");
    CHECK(r.events[0].type == event_type::error);
    CHECK(r.events[0].description == "Unable to start the Internet Mail Service because it has not been configured.");
}

TEST_CASE("pasted: NT 4.0 Event Detail two-column layout") {
    pasted_result r;
    run(r,
        "  Date:      4/13/95      Event ID:  2001\n"
        "  Time:      9:16:40 AM   Source:    CommandLog\n"
        "  User:      N/A          Type:      Information\n"
        "  Computer:  SPYMASTER    Category:  None\n"
        "\n"
        "  Description:\n"
        "  The description for Event ID ( 2001 ) in Source ( CommandLog ) could not\n"
        "  be found. It contains the following insertion string(s): ...\n");
    REQUIRE(r.events.size() == 1);
    const event_record& e = r.events[0];
    CHECK(e.event_id == 2001);
    CHECK(e.source == "CommandLog");
    CHECK(e.type == event_type::information);
    CHECK(e.computer == "SPYMASTER");
    CHECK(e.user.empty());
    CHECK(e.category.empty());
    CHECK(e.has_category_number);
    CHECK(e.category_number == 0);
    CHECK(e.time_generated == 797764600);  // 1995-04-13 09:16:40, wall clock as UTC
    CHECK(e.description ==
          "The description for Event ID ( 2001 ) in Source ( CommandLog ) could not be found. It contains the "
          "following insertion string(s): ...");
}

TEST_CASE("pasted: Windows 2000 'copy to clipboard' tab layout with a Data dump") {
    pasted_result r;
    run(r,
        "Event Type:\tError\r\n"
        "Event Source:\tNETLOGON\r\n"
        "Event Category:\tNone\r\n"
        "Event ID:\t5719\r\n"
        "Date:\t\t9/28/2001\r\n"
        "Time:\t\t4:12:55 PM\r\n"
        "User:\t\tN/A\r\n"
        "Computer:\tServer\r\n"
        "Description:\r\n"
        "No Windows NT or Windows 2000 Domain Controller is available for domain <domain name>. The following "
        "error occurred:\r\n"
        "There are currently no logon servers available to service the logon request.\r\n"
        "Data:\r\n"
        "0000: c000005e\r\n");
    REQUIRE(r.events.size() == 1);
    const event_record& e = r.events[0];
    CHECK(e.event_id == 5719);
    CHECK(e.source == "NETLOGON");
    CHECK(e.type == event_type::error);
    CHECK(e.computer == "Server");
    CHECK(e.time_generated == 1001693575);
    CHECK(e.where.line == 1);
    CHECK(e.description.find("error occurred: There are currently no logon servers") != std::string_view::npos);
    CHECK(e.description.find("c000005e") == std::string_view::npos);
}

TEST_CASE("pasted: Q274321 three Windows 2000 events in a row, Event ID not first") {
    pasted_result r;
    run(r,
        "  Event Type: Information\n  Event Source: MSExchangeKMS\n  Event Category: None\n  Event ID: 5389\n"
        "  Date: 9/13/2000\n  Time: 5:56:06 PM\n  User: N/A\n  Computer: THE\n  Description:\n"
        "  Microsoft Exchange Key Management service is exiting with return code 0.\n\n"
        "  Event Type: Information\n  Event Source: ESE97\n  Event Category: General\n  Event ID: 101\n"
        "  Date: 9/13/2000\n  Time: 5:56:06 PM\n  User: N/A\n  Computer: THE\n  Description:\n"
        "  MSExchangeKMS (2480) The database engine stopped.\n\n"
        "  Event Type: Error\n  Event Source: MSExchangeKMS\n  Event Category: None\n  Event ID: 5015\n"
        "  Date: 9/13/2000\n  Time: 5:56:05 PM\n  User: N/A\n  Computer: THE\n  Description:\n"
        "  Microsoft Exchange Key Management service failed logging on as a MAPI client.\n");
    REQUIRE(r.events.size() == 3);
    CHECK(r.events[0].event_id == 5389);
    CHECK(r.events[1].source == "ESE97");
    CHECK(r.events[1].category == "General");
    CHECK(r.events[2].type == event_type::error);
    CHECK(r.events[2].where.line == 23);
    CHECK(r.events[2].time_generated == 968867765);
}

TEST_CASE("pasted: Q193928 two events per text and the dialog line above them") {
    pasted_result r;
    run(r,
        "  Error 2140: An Internal Windows NT error\n"
        "\n"
        "  Event ID: 4007\n"
        "  Source: MSExchangeIMC\n"
        "  Description: The following error occurred while trying to bind the TCP/IP\n"
        "  listener socket (10050)\n"
        "\n"
        "  Event ID: 4020\n"
        "  Source: MSExchangeIMC\n"
        "  Description: Unable to start service because Winsock could not be initialized.\n");
    REQUIRE(r.events.size() == 2);
    CHECK(r.events[0].event_id == 4007);
    CHECK(r.events[0].description == "The following error occurred while trying to bind the TCP/IP listener socket (10050)");
    CHECK(r.events[1].event_id == 4020);
}

TEST_CASE("pasted: Q155814 'Source MSExchange IMC' without a colon and 'Description:. The'") {
    pasted_result r;
    run(r,
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
        "  Category: Initialization/Termination\n");
    REQUIRE(r.events.size() == 2);
    CHECK(r.events[0].event_id == 7000);
    CHECK(r.events[0].has_category_number);
    CHECK(r.events[0].description.substr(0, 14) == "The Microsoft ");
    CHECK(r.events[1].event_id == 4086);
    CHECK(r.events[1].source == "MSExchange IMC");
}

TEST_CASE("pasted: Q320200 several keys on one line separated by single blanks") {
    pasted_result r;
    run(r, "  Event ID: 9321 Source: MSExchangeMTA Description: An RPC communication error\n  has occurred.\n");
    REQUIRE(r.events.size() == 1);
    CHECK(r.events[0].source == "MSExchangeMTA");
    CHECK(r.events[0].description == "An RPC communication error has occurred.");
}

TEST_CASE("pasted: Q163139 'description could not be found' text is kept") {
    pasted_result r;
    run(r,
        "  Event ID: 1005\n  Source:   MSExchangeSA\n  Type:     Error\n\n  Description:\n"
        "  The description for Event ID ( 1005) in Source ( MSExchangeSA ) could\n"
        "  not be found. It contains the following insertion string(s):\n"
        "  <<0xc0040000 - Network problems are preventing connection to the\n");
    REQUIRE(r.events.size() == 1);
    CHECK(r.events[0].source == "MSExchangeSA");
    CHECK(r.events[0].description.find("could not be found. It contains the following insertion string(s):") !=
          std::string_view::npos);
}

TEST_CASE("pasted: prose with numbers and Q-numbers is not an event") {
    pasted_result r;
    run(r,
        "Article: Q173496\n"
        "- Microsoft Exchange Server, version 5.5\n"
        "NOTE: Event ID 4072 may also be logged.\n"
        "Event ID 4072 may also be logged.\n"
        "  Q158151: XFOR: ErrMsg: Event ID 1035 - Unable to Open or Read a Message\n"
        "        Event ID=4092 error, 4018, and 4086 in the Event Viewer.\n"
        "Event ID=4026: \"MAPI init has failed\" in the Event Viewer.\n"
        "2.2.6  Event ID 4057\n"
        "\n"
        "If the Internet Mail Service generates event ID 4057 in the event log that\n"
        "Source code is available for 4 reasons.\n"
        "Type: whatever\n"
        "The Directory may fail with a 2140 resulting in an Event ID. -1032.\n");
    CHECK(r.events.empty());
    CHECK(r.errors.empty());
}

TEST_CASE("pasted: a heading 'Event ID 4057' followed by prose needs a labelled field") {
    pasted_result r;
    run(r, "Event ID 4057\n\nIf the Internet Mail Service generates event ID 4057 in the event log that\n");
    CHECK(r.events.empty());
}

TEST_CASE("pasted: binary garbage between events is reported and the events around it are kept") {
    std::string text = "Event ID: 4143\nSource: MSExchangeIMC\n\n";
    text += std::string("\x01\x02\0\xff\xfe garbage\0\0\n\x7f\0\n", 19);
    text += "\nEvent ID: 4087\nSource: MSExchangeIMC\n";
    pasted_result r;
    run(r, text);
    REQUIRE(r.events.size() == 2);
    CHECK(r.events[0].event_id == 4143);
    CHECK(r.events[1].event_id == 4087);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].what == problem::skipped_bytes);
    CHECK(r.errors[0].where.line == 4);
}

TEST_CASE("pasted: a 10 MB line is reported with its line number and skipped") {
    std::string text = "Event ID: 4143\nSource: MSExchangeIMC\n\n";
    text += std::string(10u << 20, 'x');
    text += "\n\nEvent ID: 4087\nType: Error\n";
    pasted_result r;
    run(r, text);
    REQUIRE(r.events.size() == 2);
    CHECK(r.events[1].event_id == 4087);
    CHECK(r.events[1].where.line == 6);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].what == problem::bad_length);
    CHECK(r.errors[0].where.line == 4);
}

TEST_CASE("pasted: label parsing never accepts an id above 65535 or glued digits") {
    pasted_result r;
    run(r, "Event ID: 100003\nSource: X\n\nEvent ID: 4087abc\nSource: X\n");
    CHECK(r.events.empty());
}

TEST_CASE("text_scan: scan_file in tiny chunks gives the same records as scan") {
    const std::string text =
        "  Could not start the Microsoft Exchange Internet Mail Service service on \\\\SERVER.\n\n"
        "  Error 2140: An internal Windows NT error occurred.\n\n"
        "  Event id: 4143\n  Source: MSExchangeIMC\n  Type: Error\n  Category: Initialization/Termination\n"
        "  Description:\n  The Internet Mail Service service account is not an administrator account. In\n"
        "  order to provide SSL support, the service account must be an administrator\n  account.\n";
    std::vector<std::string> whole, chunked;
    auto record = [](std::vector<std::string>& out) {
        return [&out](const auto& e) {
            if constexpr (std::is_same_v<std::decay_t<decltype(e)>, event_record>)
                out.push_back("E" + std::to_string(e.event_id) + std::string(e.source) + "|" + std::string(e.description) +
                              "|" + std::to_string(e.where.line));
            else
                out.push_back("S" + std::to_string(e.code) + std::string(e.service) + "|" + std::to_string(e.where.line));
        };
    };
    text_scanner a;
    a.scan(text, record(whole), record(whole), [](const read_error&) {});
    std::FILE* f = std::tmpfile();
    REQUIRE(f != nullptr);
    std::fwrite(text.data(), 1, text.size(), f);
    std::rewind(f);
    text_scan_options o;
    o.chunk_size = 7;
    text_scanner b(o);
    CHECK(b.scan_file(f, record(chunked), record(chunked), [](const read_error&) {}));
    std::fclose(f);
    REQUIRE(whole.size() == 2);
    CHECK(whole == chunked);
}

// The first-word pre-check (may_be_key_line) must only skip lines take_label() rejects.
TEST_CASE("pasted: labels of every length, in any case, short lines and bullets") {
    pasted_result r;
    run(r,
        "EVENTID: 4001\n"
        "CATEGORY: None\n"
        "Computer: SRV\n"
        "DESCRIPTION: First.\n"
        "\n\n"
        "ID: 7\n"
        "Type: Error\n"
        "\n\n"
        "- Event ID: 4002\n"
        "* Source: MSExchangeMTA\n"
        "\n\n"
        "Events: 4003\n"
        "Sources: MSExchangeIS\n"
        "Descriptions: none\n"
        "\n\n"
        "4004: MSExchangeIMC\n"
        "Desc: Second.\n");
    REQUIRE(r.events.size() == 4);
    CHECK(r.events[0].event_id == 4001);
    CHECK(r.events[0].computer == "SRV");
    CHECK(r.events[0].description == "First.");
    CHECK(r.events[0].has_category_number);
    CHECK(r.events[1].event_id == 7);
    CHECK(r.events[1].type == event_type::error);
    CHECK(r.events[2].event_id == 4002);
    CHECK(r.events[2].source == "MSExchangeMTA");
    CHECK(r.events[3].event_id == 4004);
    CHECK(r.events[3].source == "MSExchangeIMC");
    CHECK(r.events[3].description == "Second.");
}

TEST_CASE("pasted: a NUL on one line does not hide the lines after it") {
    pasted_result r;
    std::string text = "Event ID: 4001\nSource: A";
    text += '\0';
    text += "B\n\nx";
    text += '\0';
    text += '\0';
    text += "y\nEvent ID: 4002\nSource: MSExchangeIS\n";
    run(r, text);
    REQUIRE(r.events.size() == 1);  // the first block ends at its binary line, with no field confirming it
    CHECK(r.events[0].event_id == 4002);
    CHECK(r.events[0].source == "MSExchangeIS");
    CHECK(r.events[0].where.line == 5);
    REQUIRE(r.errors.size() == 2);
    CHECK(r.errors[0].where.line == 2);
    CHECK(r.errors[1].where.line == 4);
}

TEST_CASE("pasted: number-and-source lines at the edges of the digit pre-check") {
    pasted_result r;
    run(r,
        "65535: MSExchangeIMC\nDescription: Kept.\n\n\n"
        "65536: MSExchangeIMC\nDescription: Too large.\n\n\n"
        "123456: MSExchangeIMC\nDescription: Six digits.\n\n\n"
        "0123: MSExchangeIMC\nDescription: Leading zero.\n\n\n"
        "4007 : MSExchangeIMC\nDescription: Blank before the colon.\n\n\n"
        "1. Stop the MSExchangeIMC service.\n");
    REQUIRE(r.events.size() == 1);
    CHECK(r.events[0].event_id == 65535);
    CHECK(r.events[0].description == "Kept.");
}
