// Sysinternals psloglist's default output: a "[record number] Source" line, the fields indented under
// it (Type, Computer, Time with the ID on the same line, User), then the message lines.
#include <doctest/doctest.h>

#include <string>

#include "layout_support.hpp"
#include "ruledx/kb/exchange_ims.hpp"

using namespace layout_test;
namespace quoted = ruledx::kb::exchange_ims::quoted;

namespace {

std::string record(unsigned number, std::string_view source, std::string_view type, unsigned id,
                   std::string_view message) {
    return "[" + std::to_string(number) + "] " + std::string(source) + "\n" + "   Type:     " + std::string(type) +
           "\n" + "   Computer: EXCH01\n" + "   Time:     9/13/2000 5:56:06 PM   ID:     " + std::to_string(id) +
           "\n" + "   User:     N/A\n" + wrapped(message, 79, "", "");
}

}  // namespace

TEST_CASE("psloglist: records one after another, the message under the fields") {
    const std::string text = "PsLogList v2.63 - local and remote event log viewer\n"
                             "Copyright (C) 2000-2006 Mark Russinovich\n"
                             "Sysinternals - www.sysinternals.com\n\n"
                             "Application log on \\\\EXCH01:\n" +
                             record(1207, "MSExchangeIMC", "ERROR", 4143, quoted::q173496_4143) +
                             record(1206, "MSExchangeIMC", "ERROR", 4018, quoted::mapi_4018) +
                             record(1205, "Service Control Manager", "ERROR", 7000, scm_7000_2140());
    const scanned r = scan(text);
    REQUIRE(r.events.size() == 3);
    const event& e = r.events[0];
    CHECK(e.id == 4143);
    CHECK(e.source == "MSExchangeIMC");
    CHECK(e.type == ruledx::event_type::error);
    CHECK(e.computer == "EXCH01");
    CHECK(e.user.empty());
    CHECK(e.has_record_number);
    CHECK(e.record_number == 1207);
    CHECK(e.time_generated == 968867766);
    CHECK(e.description == quoted::q173496_4143);
    CHECK(e.line == 6);
    CHECK(r.events[1].id == 4018);
    CHECK(r.events[1].record_number == 1206);
    CHECK(r.events[1].description == quoted::mapi_4018);
    CHECK(r.events[2].source == "Service Control Manager");
    CHECK(r.events[2].description == scm_7000_2140());
    CHECK(count_starts(r, 2140, "MSExchangeIMC") >= 1);
}

TEST_CASE("psloglist: the other type names, and a record followed by prose") {
    const std::string text = record(88, "MSExchangeMTA", "WARNING", 9297, "The MTA is busy.") + "\n" +
                             record(89, "Security", "AUDIT SUCCESS", 528, "Successful Logon.") +
                             "\nThanks for looking into this.\n";
    const scanned r = scan(text);
    REQUIRE(r.events.size() == 2);
    CHECK(r.events[0].type == ruledx::event_type::warning);
    CHECK(r.events[0].description == "The MTA is busy.");
    CHECK(r.events[1].type == ruledx::event_type::success_audit);
    CHECK(r.events[1].description == "Successful Logon.");
}

TEST_CASE("psloglist: a bracketed number in prose is no record") {
    const scanned r = scan("[1] See the article for the steps.\n[2] Restart the server.\n\nEvent ID 4143 was logged.\n");
    CHECK(r.events.empty());
}
