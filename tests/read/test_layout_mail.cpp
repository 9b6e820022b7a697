// Evidence as it arrives in mail and forum posts: quote markers before the lines, signatures and
// chatter around the events, and HTML pasted as text.
#include <doctest/doctest.h>

#include <string>

#include "layout_support.hpp"
#include "ruledx/kb/exchange_ims.hpp"

using namespace layout_test;
namespace quoted = ruledx::kb::exchange_ims::quoted;

namespace {

// Each line of `text` with `marker` before it.
std::string quoted_with(std::string_view marker, std::string_view text) {
    std::string out;
    while (!text.empty()) {
        const std::size_t nl = text.find('\n');
        out += std::string(marker) + std::string(text.substr(0, nl)) + "\n";
        text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    }
    return out;
}

const std::string kb_block = "Event ID: 4143\n"
                             "Source: MSExchangeIMC\n"
                             "Type: Error\n"
                             "Category: Initialization/Termination\n"
                             "Description:\n" +
                             wrapped(quoted::q173496_4143, 72, "", "");

}  // namespace

TEST_CASE("mail: every quote marker, nested, before a KB-style block") {
    for (std::string_view marker : {"> ", ">", "> > ", ">> ", "| ", "  > ", "> >> "}) {
        INFO("marker [" << std::string(marker) << "]");
        const std::string text = "On Monday, Bob wrote:\n" + quoted_with(marker, "Hi,\n\n" + kb_block + "\nCheers\n") +
                                 "\nThanks Bob, we will look at it.\n-- \nAlice, Support\n";
        const scanned r = scan(text);
        REQUIRE(r.events.size() == 1);
        CHECK(r.events[0].id == 4143);
        CHECK(r.events[0].source == "MSExchangeIMC");
        CHECK(r.events[0].type == ruledx::event_type::error);
        CHECK(r.events[0].category == "Initialization/Termination");
        CHECK(r.events[0].description == quoted::q173496_4143);
        CHECK(r.events[0].line == 4);
    }
}

TEST_CASE("mail: a quoted Services dialog and net start transcript are start errors") {
    const std::string text = "> Could not start the Microsoft Exchange Internet Mail Service service on Local Computer.\n"
                             ">\n"
                             "> Error 2140: An internal Windows NT error occurred.\n"
                             "\n"
                             "| C:\\>net start msexchangeimc\n"
                             "| The Microsoft Exchange Message Transfer Agent service is starting.\n"
                             "| The Microsoft Exchange Message Transfer Agent service could not be started.\n"
                             "|\n"
                             "| A system error has occurred.\n"
                             "|\n"
                             "| System error 1067 has occurred.\n";
    const scanned r = scan(text);
    CHECK(count_starts(r, 2140, "MSExchangeIMC") == 1);
    CHECK(count_starts(r, 1067, "MSExchangeMTA") == 1);
}

TEST_CASE("mail: a '|' that starts text, and '>' inside a line, are kept") {
    const scanned r = scan("Event ID: 4007\nSource: MSExchangeIMC\nDescription:\n|x| grew > 5\n||y|| too\n");
    REQUIRE(r.events.size() == 1);
    CHECK(r.events[0].description == "|x| grew > 5 ||y|| too");
}

TEST_CASE("HTML: the clipboard copy pasted as HTML, tags ending lines and &nbsp; as blanks") {
    const std::string text =
        "<html><body><p>Hello,</p><p>here is the event:</p>\n"
        "<p>Event Type:&nbsp;&nbsp;Error<br>\n"
        "Event Source:&nbsp;MSExchangeIMC<br>Event Category:&nbsp;Initialization/Termination<br>"
        "Event ID:&nbsp;4143<br>Date:&nbsp;9/13/2000<br>Time:&nbsp;5:56:06 PM<br>User:&nbsp;N/A<br>"
        "Computer:&nbsp;EXCH01<br>Description:<br><font face=\"Arial\">" +
        std::string(quoted::q173496_4143) +
        "</font></p>\n"
        "<p>&nbsp;</p>\n"
        "<p>Could not start the Microsoft Exchange Internet Mail Service service on Local Computer.</p>"
        "<p>Error 2140: An internal Windows NT error occurred.</p>\n"
        "<p>Regards,<br>Bob &lt;bob@example.com&gt;</p></body></html>\n";
    const scanned r = scan(text);
    REQUIRE(r.events.size() == 1);
    const event& e = r.events[0];
    CHECK(e.id == 4143);
    CHECK(e.source == "MSExchangeIMC");
    CHECK(e.type == ruledx::event_type::error);
    CHECK(e.category == "Initialization/Termination");
    CHECK(e.computer == "EXCH01");
    CHECK(e.time_generated == 968867766);
    CHECK(e.description == quoted::q173496_4143);
    CHECK(e.line == 2);
    CHECK(count_starts(r, 2140, "MSExchangeIMC") == 1);
}

TEST_CASE("HTML: a table of label and value cells, numeric entities, comments") {
    const std::string text = "<table><tr><td>Event ID:</td><td>4018</td></tr><!-- copied from OWA -->"
                             "<tr><td>Source:</td><td>MSExchange&#73;MC</td></tr>"
                             "<tr><td>Type:</td><td>&#x45;rror</td></tr>"
                             "<tr><td>Description:</td><td>" + std::string(quoted::mapi_4018) +
                             "</td></tr></table>\n";
    const scanned r = scan(text);
    REQUIRE(r.events.size() == 1);
    CHECK(r.events[0].id == 4018);
    CHECK(r.events[0].source == "MSExchangeIMC");
    CHECK(r.events[0].type == ruledx::event_type::error);
    CHECK(r.events[0].description == quoted::mapi_4018);
}

TEST_CASE("HTML: text with '<' and '&' that is no HTML is left alone") {
    const scanned r = scan("Event ID: 1005\nSource: MSExchangeSA\nType: Error\n"
                           "Description: <<0xc0040000 - Network problems & <domain name> R&D\n");
    REQUIRE(r.events.size() == 1);
    CHECK(r.events[0].description == "<<0xc0040000 - Network problems & <domain name> R&D");
}

TEST_CASE("HTML: pathological lines stay linear and give nothing") {
    std::string many_tags, many_comments, many_entities;
    for (int i = 0; i < 100000; ++i) {
        many_tags += "<a ";
        many_comments += "<!--";
        many_entities += "&#1";
    }
    const scanned r = scan(many_tags + "\n" + many_comments + "\n" + many_entities + "\n");
    CHECK(r.events.empty());
}
