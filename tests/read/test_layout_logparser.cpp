// Log Parser's CSV of the EVT input format (LogParser -i:EVT -o:CSV): the fields of Log Parser 2.2's
// "EVT Input Format Fields", Strings holding the insertion strings joined by '|'. As a whole file it
// is an export (event_viewer_export_reader); pasted into a mail it is rows inside text.
#include <doctest/doctest.h>

#include <string>

#include "layout_support.hpp"
#include "ruledx/kb/exchange_ims.hpp"
#include "ruledx/read/event_viewer_export.hpp"

using namespace layout_test;
namespace quoted = ruledx::kb::exchange_ims::quoted;

namespace {

constexpr std::string_view header =
    "EventLog,RecordNumber,TimeGenerated,TimeWritten,EventID,EventType,EventTypeName,EventCategory,"
    "EventCategoryName,SourceName,Strings,ComputerName,SID,Message,Data";

std::string rows() {
    return "Application,1207,2000-09-13 17:56:06,2000-09-13 17:56:07,4143,1,Error event,1,Initialization/Termination,"
           "MSExchangeIMC,,EXCH01,<NULL>,\"" + std::string(quoted::q173496_4143) + "\",\n"
           "System,1206,2000-09-13 17:56:06,2000-09-13 17:56:06,7000,1,Error event,0,None,Service Control Manager,"
           + std::string(ims_display_name) + "|%%2140,EXCH01,<NULL>,\"" + scm_7000_2140() + "\",\n"
           "Application,1205,2000-09-13 17:50:00,2000-09-13 17:50:00,4007,2,Warning event,1,Initialization/Termination,"
           "MSExchangeIMC,10050,EXCH01,S-1-5-18,,\n";
}

void check_rows(const scanned& r) {
    REQUIRE(r.events.size() == 3);
    const event& e = r.events[0];
    CHECK(e.id == 4143);
    CHECK(e.source == "MSExchangeIMC");
    CHECK(e.type == ruledx::event_type::error);
    CHECK(e.category == "Initialization/Termination");
    CHECK(e.category_number == 1);
    CHECK(e.record_number == 1207);
    CHECK(e.computer == "EXCH01");
    CHECK(e.user.empty());  // <NULL>
    CHECK(e.time_generated == 968867766);
    CHECK(e.time_written == 968867767);
    CHECK(e.description == quoted::q173496_4143);
    CHECK(e.strings.empty());
    const event& scm = r.events[1];
    CHECK(scm.id == 7000);
    CHECK(scm.source == "Service Control Manager");
    CHECK(scm.strings == std::vector<std::string>{std::string(ims_display_name), "%%2140"});
    CHECK(scm.description == scm_7000_2140());
    const event& bind = r.events[2];
    CHECK(bind.type == ruledx::event_type::warning);
    CHECK(bind.strings == std::vector<std::string>{"10050"});
    CHECK(bind.user == "S-1-5-18");
    CHECK(bind.description.empty());
    CHECK(count_starts(r, 2140, "MSExchangeIMC") == 1);
}

}  // namespace

TEST_CASE("Log Parser CSV as a file: an export, Strings split at '|'") {
    const std::string text = std::string(header) + "\n" + rows();
    CHECK(ruledx::read::looks_like_event_viewer_export(text));
    const scanned r = scan(text);
    check_rows(r);
    CHECK(r.events[0].line == 2);
    CHECK(r.errors == 0);
}

TEST_CASE("Log Parser CSV pasted into a mail, quoted, with chatter around it") {
    std::string text = "Hi,\n\nhere is what Log Parser gave us:\n\n";
    std::string body = std::string(header) + "\n" + rows();
    for (std::size_t start = 0; start < body.size();) {
        const std::size_t nl = body.find('\n', start);
        text += "> " + body.substr(start, nl - start) + "\n";
        start = nl + 1;
    }
    text += ">\n> Thanks, Bob\n";
    CHECK_FALSE(ruledx::read::looks_like_event_viewer_export(text));
    const scanned r = scan(text);
    check_rows(r);
    CHECK(r.events[0].line == 6);
    CHECK(r.events[2].line == 8);
    const scanned chunked = scan(text, 9);
    check_rows(chunked);
}
