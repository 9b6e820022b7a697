// `wevtutil qe <log> /f:text` (and `/lf:true` on a saved .evt): "Event[n]:" blocks of indented
// "Label: value" lines, the Description on its label's line or on the lines after it.
#include <doctest/doctest.h>

#include <string>

#include "layout_support.hpp"
#include "ruledx/kb/exchange_ims.hpp"

using namespace layout_test;
namespace quoted = ruledx::kb::exchange_ims::quoted;

namespace {

struct wevt {
    std::string log = "Application", source = "MSExchangeIMC", date = "2000-09-13T17:56:06.000";
    unsigned id = 4143;
    std::string task = "Initialization/Termination", level = "Error", opcode = "Info", keyword = "Classic";
    std::string user = "N/A", user_name = "N/A", computer = "EXCH01.corp.example";
    std::string description;
    bool description_on_next_line = true;
};

std::string render(unsigned n, const wevt& e) {
    std::string t = "Event[" + std::to_string(n) + "]:\n";
    t += "  Log Name: " + e.log + "\n";
    t += "  Source: " + e.source + "\n";
    t += "  Date: " + e.date + "\n";
    t += "  Event ID: " + std::to_string(e.id) + "\n";
    t += "  Task: " + e.task + "\n";
    t += "  Level: " + e.level + "\n";
    t += "  Opcode: " + e.opcode + "\n";
    t += "  Keyword: " + e.keyword + "\n";
    t += "  User: " + e.user + "\n";
    t += "  User Name: " + e.user_name + "\n";
    t += "  Computer: " + e.computer + "\n";
    if (e.description_on_next_line) t += "  Description: \n" + e.description + "\n";
    else t += "  Description: " + e.description + "\n";
    return t;
}

}  // namespace

TEST_CASE("wevtutil: Task, Level, Opcode and Keyword are fields, the Description is the message") {
    wevt a;
    a.description = std::string(quoted::q173496_4143);
    wevt b;
    b.log = "System";
    b.source = "Service Control Manager";
    b.id = 7000;
    b.task = "None";
    b.opcode = "N/A";
    b.description = "The " + std::string(ims_display_name) + " service failed to start due to the following error: \n" +
                    std::string(error_2140_text);
    const scanned r = scan(render(0, a) + render(1, b));
    REQUIRE(r.events.size() == 2);
    const event& e = r.events[0];
    CHECK(e.id == 4143);
    CHECK(e.source == "MSExchangeIMC");
    CHECK(e.type == ruledx::event_type::error);
    CHECK(e.category == "Initialization/Termination");
    CHECK(e.computer == "EXCH01.corp.example");
    CHECK(e.user.empty());
    CHECK(e.time_generated == 968867766);
    CHECK(e.description == quoted::q173496_4143);
    CHECK(e.line == 1);
    const event& scm = r.events[1];
    CHECK(scm.id == 7000);
    CHECK(scm.line == 15);
    CHECK(scm.category.empty());
    CHECK(scm.description == scm_7000_2140());
    CHECK(scm.description.find("Opcode") == std::string::npos);
    CHECK(count_starts(r, 2140, "MSExchangeIMC") >= 1);
}

TEST_CASE("wevtutil: the Description on its label's line; User Name preferred to the SID") {
    wevt a;
    a.id = 4018;
    a.description = std::string(quoted::mapi_4018);
    a.description_on_next_line = false;
    a.user = "S-1-5-21-1004336348-1177238915-682003330-500";
    a.user_name = "CORP\\svc-exchange";
    wevt b = a;
    b.id = 4086;
    b.description = std::string(quoted::config_4086);
    b.level = "Warning";
    const scanned r = scan(render(0, a) + render(1, b));
    REQUIRE(r.events.size() == 2);
    CHECK(r.events[0].id == 4018);
    CHECK(r.events[0].description == quoted::mapi_4018);
    CHECK(r.events[0].user == "CORP\\svc-exchange");
    CHECK(r.events[1].id == 4086);
    CHECK(r.events[1].type == ruledx::event_type::warning);
    CHECK(r.events[1].description == quoted::config_4086);
}

TEST_CASE("wevtutil: a message over several lines, and one blank line between events") {
    wevt a;
    a.description = wrapped(quoted::q173496_4143, 70, "", "");
    a.description.pop_back();  // render() ends the line
    const scanned r = scan(render(0, a) + "\n" + render(1, a));
    REQUIRE(r.events.size() == 2);
    CHECK(r.events[0].description == quoted::q173496_4143);
    CHECK(r.events[1].description == quoted::q173496_4143);
}
