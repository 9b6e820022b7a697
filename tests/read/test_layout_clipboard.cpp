// Event Viewer's "copy to clipboard" (Windows 2000, XP, Server 2003) and the NT 4.0 Event Detail
// dialog retyped: the labels as the dialogs show them (docs/formats.md 3.2; Q310339, Q131008), the
// messages from the knowledge base (kb/exchange_ims.hpp's quoted texts).
#include <doctest/doctest.h>

#include <string>

#include "layout_support.hpp"
#include "ruledx/kb/exchange_ims.hpp"

using namespace layout_test;
namespace quoted = ruledx::kb::exchange_ims::quoted;

namespace {

// A Windows 2000 clipboard copy: label, tab(s), value; the message on the lines after "Description:".
std::string clipboard(std::string_view type, std::string_view source, std::string_view category, unsigned id,
                      std::string_view description, std::string_view sep = "\t") {
    std::string t;
    t += "Event Type:" + std::string(sep) + std::string(type) + "\r\n";
    t += "Event Source:" + std::string(sep) + std::string(source) + "\r\n";
    t += "Event Category:" + std::string(sep) + std::string(category) + "\r\n";
    t += "Event ID:" + std::string(sep) + std::to_string(id) + "\r\n";
    t += "Date:" + std::string(sep) + std::string(sep) + "9/13/2000\r\n";
    t += "Time:" + std::string(sep) + std::string(sep) + "5:56:06 PM\r\n";
    t += "User:" + std::string(sep) + std::string(sep) + "N/A\r\n";
    t += "Computer:" + std::string(sep) + "EXCH01\r\n";
    t += "Description:\r\n" + std::string(description) + "\r\n";
    return t;
}

constexpr std::string_view help_line = "For more information, see Help and Support Center at "
                                       "http://go.microsoft.com/fwlink/events.asp.";

void check_4143(const event& e) {
    CHECK(e.id == 4143);
    CHECK(e.source == "MSExchangeIMC");
    CHECK(e.type == ruledx::event_type::error);
    CHECK(e.category == "Initialization/Termination");
    CHECK(e.computer == "EXCH01");
    CHECK(e.user.empty());  // N/A
    CHECK(e.time_generated == 968867766);  // 2000-09-13 17:56:06, the wall clock as UTC
    CHECK(e.description == quoted::q173496_4143);
}

}  // namespace

TEST_CASE("clipboard: Windows 2000, tabs, the message on its own lines") {
    const scanned r = scan(clipboard("Error", "MSExchangeIMC", "Initialization/Termination", 4143, quoted::q173496_4143));
    REQUIRE(r.events.size() == 1);
    check_4143(r.events[0]);
    CHECK(r.events[0].line == 1);
}

TEST_CASE("clipboard: Windows XP / 2003, the help line right after the message is not part of it") {
    const std::string text =
        clipboard("Error", "MSExchangeIMC", "Initialization/Termination", 4143, quoted::q173496_4143) +
        std::string(help_line) + "\r\nData:\r\n0000: 00 00 00 00 01 00 54 00   ......T.\r\n";
    const scanned r = scan(text);
    REQUIRE(r.events.size() == 1);
    check_4143(r.events[0]);
    CHECK(r.events[0].description.find("Help and Support") == std::string::npos);
    CHECK(r.events[0].description.find("0000") == std::string::npos);
}

TEST_CASE("clipboard: XP with a blank line before the help line, and its URL wrapped onto the next line") {
    const std::string text =
        clipboard("Error", "MSExchangeIMC", "Initialization/Termination", 4143, quoted::q173496_4143) + "\r\n" +
        std::string(help_line) + "\r\n\r\n" +
        clipboard("Error", "MSExchangeIMC", "Initialization/Termination", 4018, quoted::mapi_4018, "  ") +
        "For more information, see Help and Support Center at\r\nhttp://go.microsoft.com/fwlink/events.asp.\r\n";
    const scanned r = scan(text);
    REQUIRE(r.events.size() == 2);
    check_4143(r.events[0]);
    CHECK(r.events[1].id == 4018);
    CHECK(r.events[1].description == quoted::mapi_4018);
    CHECK(r.events[1].category == "Initialization/Termination");
    CHECK(r.events[1].time_generated == 968867766);
}

TEST_CASE("clipboard: Server 2003 with blanks instead of tabs and two events without a blank line between") {
    const std::string text =
        clipboard("Error", "MSExchangeIMC", "Initialization/Termination", 4143, quoted::q173496_4143, "        ") +
        clipboard("Error", "MSExchangeIMC", "Initialization/Termination", 4086, quoted::config_4086, "        ");
    const scanned r = scan(text);
    REQUIRE(r.events.size() == 2);
    check_4143(r.events[0]);
    CHECK(r.events[1].id == 4086);
    CHECK(r.events[1].description == quoted::config_4086);
    CHECK(r.events[1].line == 11);
}

TEST_CASE("clipboard: a category Event Viewer could not name is its number, \"None\" is category 0") {
    const scanned r = scan(clipboard("Error", "MSExchangeIMC", "(1)", 4018, quoted::mapi_4018) + "\r\n" +
                           clipboard("Information", "MSExchangeIMC", "None", 4018, quoted::mapi_4018));
    REQUIRE(r.events.size() == 2);
    CHECK(r.events[0].category.empty());
    CHECK(r.events[0].has_category_number);
    CHECK(r.events[0].category_number == 1);
    CHECK(r.events[1].type == ruledx::event_type::information);
    CHECK(r.events[1].has_category_number);
    CHECK(r.events[1].category_number == 0);
}

TEST_CASE("event detail: NT 4.0's dialog retyped label by label, Words data and the buttons after it") {
    const std::string text = "Event Detail\n\n"
                             "Date:      9/13/00          Event ID:  4086\n"
                             "Time:      5:56:06 PM       Source:    MSExchange IMC\n"
                             "User:      N/A              Type:      Error\n"
                             "Computer:  EXCH01           Category:  Initialization/Termination\n"
                             "\n"
                             "Description:\n" +
                             wrapped(quoted::config_4086, 60, "", "") +
                             "\n"
                             "Data:  ( ) Bytes  (o) Words\n"
                             "0000: c0040115 00000000\n"
                             "\n"
                             "Close   Previous   Next   Help\n";
    const scanned r = scan(text);
    REQUIRE(r.events.size() == 1);
    const event& e = r.events[0];
    CHECK(e.id == 4086);
    CHECK(e.source == "MSExchange IMC");
    CHECK(e.type == ruledx::event_type::error);
    CHECK(e.category == "Initialization/Termination");
    CHECK(e.computer == "EXCH01");
    CHECK(e.time_generated == 968867766);
    CHECK(e.description == quoted::config_4086);
    CHECK(e.line == 3);
}

TEST_CASE("clipboard: chunked reading gives the same events") {
    const std::string text =
        clipboard("Error", "MSExchangeIMC", "Initialization/Termination", 4143, quoted::q173496_4143) +
        std::string(help_line) + "\r\n";
    const scanned whole = scan(text), chunked = scan(text, 5);
    REQUIRE(chunked.events.size() == 1);
    REQUIRE(whole.events.size() == 1);
    check_4143(chunked.events[0]);
    CHECK(chunked.events[0].description == whole.events[0].description);
}
