// The Resource Kit's dumpel: one line per event, fields separated by tabs (-t) or commas (-c): date,
// time, numeric type (1 error, 2 warning, 4 information, 8 success audit, 16 failure audit), numeric
// category, event id, source, user, computer, then the insertion strings and no message text.
#include <doctest/doctest.h>

#include <string>

#include "layout_support.hpp"
#include "ruledx/read/event_viewer_export.hpp"

using namespace layout_test;

namespace {

// One dumpel line: the fields joined by `sep`, the strings after them.
std::string dumpel_line(char sep, unsigned type, unsigned category, unsigned id, std::string_view source,
                        const std::vector<std::string>& strings, std::string_view strings_sep = {}) {
    const std::string s(1, sep);
    std::string line = "9/13/2000" + s + "5:56:06 PM" + s + std::to_string(type) + s + std::to_string(category) + s +
                       std::to_string(id) + s + std::string(source) + s + "N/A" + s + "EXCH01";
    const std::string between = strings_sep.empty() ? s : std::string(strings_sep);
    for (std::size_t i = 0; i < strings.size(); ++i) line += (i == 0 ? s : between) + strings[i];
    return line + "\r\n";
}

}  // namespace

TEST_CASE("dumpel -t: tab-separated fields, one insertion string per field") {
    const std::string text = dumpel_line('\t', 1, 0, 7000, "Service Control Manager",
                                         {std::string(ims_display_name), "%%2140"}) +
                             dumpel_line('\t', 1, 1, 4007, "MSExchangeIMC", {"10050"}) +
                             dumpel_line('\t', 4, 2, 1221, "MSExchangeIS Private", {"2366"}) +
                             dumpel_line('\t', 2, 0, 9297, "MSExchangeMTA", {});
    const scanned r = scan(text);
    REQUIRE(r.events.size() == 4);
    const event& scm = r.events[0];
    CHECK(scm.id == 7000);
    CHECK(scm.source == "Service Control Manager");
    CHECK(scm.type == ruledx::event_type::error);
    CHECK(scm.has_category_number);
    CHECK(scm.category_number == 0);
    CHECK(scm.computer == "EXCH01");
    CHECK(scm.user.empty());
    CHECK(scm.description.empty());  // dumpel prints no message text
    CHECK(scm.strings == std::vector<std::string>{std::string(ims_display_name), "%%2140"});
    CHECK(scm.time_generated == 968867766);
    CHECK(scm.line == 1);
    const event& bind = r.events[1];
    CHECK(bind.id == 4007);
    CHECK(bind.source == "MSExchangeIMC");
    CHECK(bind.category_number == 1);
    CHECK(bind.strings == std::vector<std::string>{"10050"});
    CHECK(r.events[2].type == ruledx::event_type::information);
    CHECK(r.events[2].source == "MSExchangeIS Private");
    CHECK(r.events[3].type == ruledx::event_type::warning);
    CHECK(r.events[3].strings.empty());
    // The SCM 7000 event is also the IMS's failed start with error 2140.
    CHECK(count_starts(r, 2140, "MSExchangeIMC") == 1);
}

TEST_CASE("dumpel -c: comma-separated fields; the audit types") {
    const std::string text = dumpel_line(',', 8, 2, 528, "Security", {"jsmith", "CORP"}) +
                             dumpel_line(',', 16, 2, 529, "Security", {"jsmith"}) +
                             dumpel_line(',', 1, 1, 4007, "MSExchangeIMC", {"10048"});
    const scanned r = scan(text);
    REQUIRE(r.events.size() == 3);
    CHECK(r.events[0].type == ruledx::event_type::success_audit);
    CHECK(r.events[0].strings == std::vector<std::string>{"jsmith", "CORP"});
    CHECK(r.events[1].type == ruledx::event_type::failure_audit);
    CHECK(r.events[2].id == 4007);
    CHECK(r.events[2].strings == std::vector<std::string>{"10048"});
}

TEST_CASE("dumpel without -t: the strings joined by blanks stay one string; SCM events still give the start error") {
    const std::string text =
        dumpel_line(',', 1, 0, 7000, "Service Control Manager", {std::string(ims_display_name), "%%2140"}, " ") +
        dumpel_line(',', 1, 0, 7009, "Service Control Manager", {"30000", std::string(ims_display_name)}, " ") +
        dumpel_line(',', 1, 0, 7024, "Service Control Manager", {std::string(ims_display_name), "1011"}, " ");
    const scanned r = scan(text);
    REQUIRE(r.events.size() == 3);
    CHECK(r.events[0].strings == std::vector<std::string>{std::string(ims_display_name) + " %%2140"});
    CHECK(count_starts(r, 2140, "MSExchangeIMC") == 1);
    CHECK(count_starts(r, 1053, "MSExchangeIMC") == 1);  // 7009: a start timeout
    CHECK(count_starts(r, 1011, "MSExchangeIMC") == 1);  // 7024: the service's own code
}

TEST_CASE("dumpel: rows among prose and quoted in a mail; the rows end at a blank line") {
    const std::string text = "The customer ran dumpel -l system -t for us:\n\n> " +
                             dumpel_line('\t', 1, 0, 7000, "Service Control Manager",
                                         {std::string(ims_display_name), "%%2140"}) +
                             "> " + dumpel_line('\t', 1, 1, 4143, "MSExchangeIMC", {}) +
                             "\nEvent ID 4143 is the one we care about.\n";
    const scanned r = scan(text);
    REQUIRE(r.events.size() == 2);
    CHECK(r.events[0].id == 7000);
    CHECK(r.events[0].line == 3);
    CHECK(r.events[1].id == 4143);
    CHECK(r.events[1].line == 4);
    CHECK(r.events[1].type == ruledx::event_type::error);
}

TEST_CASE("dumpel: a listing is read as text, not taken for a whole Event Viewer export") {
    const std::string line = dumpel_line('\t', 1, 1, 4143, "MSExchangeIMC", {});
    CHECK_FALSE(ruledx::read::looks_like_event_viewer_export(line));
    CHECK(ruledx::read::detail::delimited_line_kind(ruledx::read::detail::trim(line)) ==
          ruledx::read::detail::delimited_line::dumpel_row);
    // An Event Viewer row (source before the type name) is one.
    CHECK(ruledx::read::looks_like_event_viewer_export(
        "9/13/2000\t5:56:06 PM\tMSExchangeIMC\tError\tInitialization/Termination\t4143\tN/A\tEXCH01\tText\n"));
}

TEST_CASE("dumpel: lines that only look like rows are prose") {
    const scanned r = scan("9/13/2000, 5:56 PM, the IMS stopped again, 4143 logged.\n"
                           "1,2,3,4,5,6,7,8\n"
                           "9/13/2000\t5:56:06 PM\t3\t0\t4143\tMSExchangeIMC\tN/A\tEXCH01\n");  // type 3 is no type
    CHECK(r.events.empty());
}
