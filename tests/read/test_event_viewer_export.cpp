// Event Viewer "Save As" exports and later tools' CSV: column mapping, quoting, dates, damage.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ruledx/read/event_viewer_export.hpp"

using namespace ruledx;
using namespace ruledx::read;

namespace {

event_viewer_export_options named_log() {
    event_viewer_export_options o;
    o.file = "log.txt";
    return o;
}

struct export_result {
    event_viewer_export_reader reader;
    std::vector<event_record> events;
    std::vector<read_error> errors;
    explicit export_result(event_viewer_export_options o = named_log()) : reader(o) {}
};

void run(export_result& r, std::string_view text) {
    r.reader.read(
        text, [&](const event_record& e) { r.events.push_back(e); }, [&](const read_error& e) { r.errors.push_back(e); });
}

}  // namespace

TEST_CASE("export: tab-delimited Save As rows without a header") {
    export_result r;
    run(r,
        "9/13/2000\t5:56:06 PM\tMSExchangeIMC\tError\tInitialization/Termination\t4143\tN/A\tTHE\tThe Internet Mail "
        "Service service account is not an administrator account.\r\n"
        "9/13/2000\t5:56:05 PM\tMSExchangeKMS\tInformation\tNone\t5389\tN/A\tTHE\tMicrosoft Exchange Key Management "
        "service is exiting with return code 0.\r\n");
    REQUIRE(r.events.size() == 2);
    const event_record& e = r.events[0];
    CHECK(e.event_id == 4143);
    CHECK(e.source == "MSExchangeIMC");
    CHECK(e.type == event_type::error);
    CHECK(e.category == "Initialization/Termination");
    CHECK(e.user.empty());
    CHECK(e.computer == "THE");
    CHECK(e.time_generated == 968867766);
    CHECK(e.description == "The Internet Mail Service service account is not an administrator account.");
    CHECK(e.where.line == 1);
    CHECK(r.events[1].where.line == 2);
    CHECK(r.events[1].category.empty());
    CHECK(r.events[1].has_category_number);
    CHECK(r.events[1].category_number == 0);
    CHECK(r.errors.empty());
}

TEST_CASE("export: comma-delimited unquoted description keeps its commas") {
    export_result r;
    run(r, "4/13/99,14:05,MSExchangeIMC,Error,Internal Processing,4116,N/A,SRV,An error was returned from the "
           "messaging software, the Internet Mail Service uses, to process messages.\n");
    REQUIRE(r.events.size() == 1);
    CHECK(r.events[0].description ==
          "An error was returned from the messaging software, the Internet Mail Service uses, to process messages.");
    CHECK(r.events[0].time_generated == 924012300);
}

TEST_CASE("export: quoted fields with doubled quotes, commas and line breaks") {
    export_result r;
    const std::string text =
        "\"9/13/2000\",\"5:56:06 PM\",\"MSExchangeIMC\",\"Error\",\"None\",\"4087\",\"N/A\",\"THE\",\"Service could not be "
        "started.\r\nQueue viewing interface, \"\"QV\"\", could not be registered\"\r\n"
        "\"9/13/2000\",\"5:56:07 PM\",\"MSExchangeIMC\",\"Error\",\"None\",\"4071\",\"N/A\",\"THE\",\"Plain\"\r\n";
    run(r, text);
    REQUIRE(r.events.size() == 2);
    CHECK(r.events[0].description ==
          "Service could not be started.\r\nQueue viewing interface, \"QV\", could not be registered");
    CHECK(r.events[1].where.line == 3);  // the first record spans two lines
    CHECK(r.events[1].description == "Plain");
    // Without doubled quotes the value is a view into the input.
    CHECK(r.events[1].description.data() > text.data());
    CHECK(r.events[1].description.data() < text.data() + text.size());
}

TEST_CASE("export: PowerShell Export-Csv with #TYPE and a header row") {
    export_result r;
    run(r,
        "#TYPE System.Diagnostics.EventLogEntry#System/Service Control Manager/3221232495\r\n"
        "\"EventID\",\"MachineName\",\"Data\",\"Index\",\"Category\",\"CategoryNumber\",\"EntryType\",\"Message\",\"Source\","
        "\"ReplacementStrings\",\"InstanceId\",\"TimeGenerated\",\"TimeWritten\",\"UserName\",\"Site\",\"Container\"\r\n"
        "\"7023\",\"EXCH1\",\"System.Byte[]\",\"4711\",\"(0)\",\"0\",\"Error\",\"The Microsoft Exchange Internet Mail Service "
        "service terminated with the following error: %%2140\",\"Service Control Manager\",\"System.String[]\","
        "\"3221232495\",\"9/13/2000 5:56:06 PM\",\"9/13/2000 5:56:06 PM\",,,\r\n");
    REQUIRE(r.events.size() == 1);
    const event_record& e = r.events[0];
    CHECK(e.event_id == 7023);
    CHECK(e.computer == "EXCH1");
    CHECK(e.has_record_number);
    CHECK(e.record_number == 4711);
    CHECK(e.has_identifier);
    CHECK(e.identifier == 3221232495u);
    CHECK(e.type == event_type::error);
    CHECK(e.source == "Service Control Manager");
    CHECK(e.has_category_number);
    CHECK(e.time_generated == 968867766);
    CHECK(e.time_written == 968867766);
    CHECK(e.where.line == 3);
    CHECK(r.errors.empty());
}

TEST_CASE("export: Log Parser CSV header with ISO times and numeric EventType") {
    export_result r;
    run(r,
        "EventLog,RecordNumber,TimeGenerated,TimeWritten,EventID,EventType,EventTypeName,EventCategory,"
        "EventCategoryName,SourceName,Strings,ComputerName,SID,Message,Data\n"
        "Application,12,2000-09-13 17:56:06,2000-09-13 17:56:06,4143,1,Error event,1,Initialization/Termination,"
        "MSExchangeIMC,,THE,,The Internet Mail Service service account is not an administrator account.,\n");
    REQUIRE(r.events.size() == 1);
    const event_record& e = r.events[0];
    CHECK(e.event_id == 4143);
    CHECK(e.type == event_type::error);
    CHECK(e.category == "Initialization/Termination");
    CHECK(e.category_number == 1);
    CHECK(e.source == "MSExchangeIMC");
    CHECK(e.record_number == 12);
    CHECK(e.time_generated == 968867766);
}

TEST_CASE("export: eventquery CSV columns") {
    export_result r;
    run(r,
        "\"Type\",\"Event\",\"Date Time\",\"Source\",\"ComputerName\",\"Category\",\"User\",\"Description\"\n"
        "\"error\",\"4086\",\"9/13/2000 5:56:06 PM\",\"MSExchangeIMC\",\"THE\",\"Initialization/Termination\",\"N/A\","
        "\"Unable to start the service because the configuration could not be loaded.\"\n");
    REQUIRE(r.events.size() == 1);
    CHECK(r.events[0].event_id == 4086);
    CHECK(r.events[0].type == event_type::error);
    CHECK(r.events[0].time_generated == 968867766);
}

TEST_CASE("export: an ambiguous date waits for a row that proves the order") {
    export_result r;
    run(r,
        "3/4/99\t00:00\tA\tError\tNone\t1\tN/A\tC\td\n"
        "13/4/99\t14:05\tA\tError\tNone\t2\tN/A\tC\td\n"
        "3/4/99\t00:00:00\tA\tError\tNone\t3\tN/A\tC\td\n"
        "4/4/99\t00:00\tA\tError\tNone\t4\tN/A\tC\td\n");
    REQUIRE(r.events.size() == 4);
    CHECK(r.events[0].time_generated == -1);        // 3 April or 4 March: unknown yet
    CHECK(r.events[1].time_generated == 924012300);  // 13 April 1999 proves day-first
    CHECK(r.events[2].time_generated == 923097600);  // now read as 3 April 1999
    CHECK(r.events[3].time_generated != -1);         // day == month is never ambiguous
}

TEST_CASE("export: the caller may fix the date order") {
    event_viewer_export_options o;
    o.date_order = read::date_order::month_first;
    export_result r(o);
    run(r, "4/3/1999,12:00:00 AM,A,Warning,None,1,N/A,C,d\n");
    REQUIRE(r.events.size() == 1);
    CHECK(r.events[0].time_generated == 923097600);
    CHECK(r.events[0].type == event_type::warning);
}

TEST_CASE("export: unterminated quote at EOF is reported; rows around it are kept") {
    export_result r;
    run(r,
        "9/13/2000,5:56:06 PM,MSExchangeIMC,Error,None,4143,N/A,THE,ok\n"
        "9/13/2000,5:56:06 PM,MSExchangeIMC,Error,None,4087,N/A,THE,\"broken\n"
        "9/13/2000,5:56:07 PM,MSExchangeIMC,Error,None,4071,N/A,THE,after\n");
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].what == problem::truncated);
    CHECK(r.errors[0].where.line == 2);
    CHECK(r.errors[0].file == "log.txt");
    REQUIRE(r.events.size() == 2);
    CHECK(r.events[0].event_id == 4143);
    CHECK(r.events[1].event_id == 4071);
    CHECK(r.events[1].where.line == 3);
}

TEST_CASE("export: binary garbage rows and a 10 MB line give errors with line numbers") {
    std::string text = "9/13/2000\t5:56:06 PM\tMSExchangeIMC\tError\tNone\t4143\tN/A\tTHE\tok\n";
    text += std::string("\x01\x02\0\xff\t\xfe\0garbage\n", 15);
    text += std::string(10u << 20, 'y') + "\n";
    text += "9/13/2000\t5:56:07 PM\tMSExchangeIMC\tError\tNone\t4071\tN/A\tTHE\tafter\n";
    export_result r;
    run(r, text);
    REQUIRE(r.events.size() == 2);
    CHECK(r.events[1].where.line == 4);
    REQUIRE(r.errors.size() == 2);
    CHECK(r.errors[0].what == problem::bad_field);
    CHECK(r.errors[0].where.line == 2);
    CHECK(r.errors[1].what == problem::bad_length);
    CHECK(r.errors[1].where.line == 3);
}

TEST_CASE("export: looks_like_event_viewer_export") {
    CHECK(looks_like_event_viewer_export("#TYPE System.Diagnostics.EventLogEntry\n\"EventID\"\n"));
    CHECK(looks_like_event_viewer_export("\xEF\xBB\xBF" "9/13/2000\t5:56:06 PM\tMSExchangeIMC\tError\tNone\t4143\tN/A\tTHE\tx\n"));
    CHECK(looks_like_event_viewer_export("\n13.09.2000,17:56:06,MSExchangeIMC,Error,None,4143,N/A,THE,x\n"));
    CHECK(looks_like_event_viewer_export("Date,Time,Source,Type,Category,Event,User,Computer,Description\n"));
    CHECK_FALSE(looks_like_event_viewer_export("  Event ID: 4143\n  Source: MSExchangeIMC\n"));
    CHECK_FALSE(looks_like_event_viewer_export("Error 2140: An internal Windows NT error occurred.\n"));
    CHECK_FALSE(looks_like_event_viewer_export(""));
    CHECK_FALSE(looks_like_event_viewer_export("1,2,3,4,5,6,7,8,9\n"));
}

TEST_CASE("export: chunked feed gives the same rows as one read") {
    const std::string text =
        "\"9/13/2000\",\"5:56:06 PM\",\"MSExchangeIMC\",\"Error\",\"None\",\"4087\",\"N/A\",\"THE\",\"two\nlines\"\n"
        "9/13/2000,5:56:07 PM,MSExchangeIMC,Error,None,4071,N/A,THE,after\n";
    event_viewer_export_reader reader;
    std::vector<std::string> got;
    reader.begin();
    std::string buf;
    for (std::size_t i = 0; i < text.size(); i += 5) {
        buf.append(text, i, 5);
        const bool final = i + 5 >= text.size();
        const std::size_t used = reader.feed(
            buf, final,
            [&](const event_record& e) {
                got.push_back(std::to_string(e.event_id) + "@" + std::to_string(e.where.line) + ":" +
                              std::string(e.description));
            },
            [](const read_error&) {});
        buf.erase(0, used);
    }
    REQUIRE(got.size() == 2);
    CHECK(got[0] == "4087@1:two\nlines");
    CHECK(got[1] == "4071@3:after");
}

TEST_CASE("export: line numbers after quoted fields holding several line breaks") {
    export_result r;
    run(r,
        "\"9/13/2000\",\"5:56:06 PM\",\"MSExchangeIMC\",\"Error\",\"None\",\"4087\",\"N/A\",\"THE\",\"\nOne\r\nTwo\n\"\r\n"
        "\"9/13/2000\",\"5:56:07 PM\",\"MSExchangeIMC\",\"Error\",\"None\",\"4071\",\"N/A\",\"TH\nE\",\"Plain\"\n"
        "\"9/13/2000\",\"5:56:08 PM\",\"MSExchangeIMC\",\"Error\",\"None\",\"4072\",\"N/A\",\"THE\",\"x\"\n");
    REQUIRE(r.events.size() == 3);
    CHECK(r.events[0].description == "\nOne\r\nTwo\n");
    CHECK(r.events[1].where.line == 5);
    CHECK(r.events[1].computer == "TH\nE");
    CHECK(r.events[2].where.line == 7);
    CHECK(r.errors.empty());
}

TEST_CASE("export: a row reads the same with its fields quoted and unquoted, blanks and CR LF included") {
    // Unquoted rows are split in one pass, rows with a quote by the quote-aware parser: both must agree.
    const std::vector<std::string> plain = {"9/13/2000", "5:56:06 PM", " MSExchangeIMC ", "Error", "None",
                                            "4143", "N/A", "THE", "The account is not an administrator account."};
    for (const char* delimiter : {",", "\t"}) {
        for (const char* line_end : {"\n", "\r\n"}) {
            CAPTURE(delimiter);
            CAPTURE(line_end);
            std::string unquoted, quoted;
            for (int row = 0; row < 3; ++row) {  // a few rows, so that the types and dates are remembered
                for (std::size_t i = 0; i < plain.size(); ++i) {
                    const char* sep = i + 1 < plain.size() ? delimiter : line_end;
                    unquoted += plain[i] + sep;
                    quoted += "\"" + plain[i] + "\"" + sep;
                }
            }
            export_result a, b;
            run(a, unquoted);
            run(b, quoted);
            REQUIRE(a.events.size() == 3);
            REQUIRE(b.events.size() == 3);
            for (std::size_t i = 0; i < 3; ++i) {
                CHECK(a.events[i].event_id == 4143);
                CHECK(a.events[i].source == b.events[i].source);
                CHECK(a.events[i].type == event_type::error);
                CHECK(b.events[i].type == event_type::error);
                CHECK(a.events[i].time_generated == b.events[i].time_generated);
                CHECK(a.events[i].user.empty());
                CHECK(a.events[i].computer == b.events[i].computer);
                CHECK(a.events[i].description == b.events[i].description);
                CHECK(a.events[i].where.line == b.events[i].where.line);
            }
            CHECK(a.events[0].source == "MSExchangeIMC");
            CHECK(a.events[0].time_generated == 968867766);
        }
    }
}

TEST_CASE("export: unquoted rows split alike wherever their delimiters fall, whole or chunked") {
    // The splitter reads sixteen bytes at a time: fields of every length put the delimiters, the line
    // end and a late quote at every offset of a block, and pieces of every size cut rows anywhere.
    std::string text;
    for (std::size_t k = 0; k < 40; ++k)
        text += "9/13/2000,5:56:06 PM,Src" + std::string(k, 'x') + ",Error,None," + std::to_string(4000 + k) +
                ",N/A,THE,Text " + std::to_string(k) + (k % 7 == 3 ? " says \"quoted\"" : "") + "\n";
    export_result whole;
    run(whole, text);
    REQUIRE(whole.events.size() == 40);
    CHECK(whole.errors.empty());
    for (std::size_t k = 0; k < 40; ++k) {
        CAPTURE(k);
        CHECK(whole.events[k].event_id == static_cast<std::uint16_t>(4000 + k));
        CHECK(whole.events[k].source == "Src" + std::string(k, 'x'));
        CHECK(whole.events[k].computer == "THE");
        CHECK(whole.events[k].description == "Text " + std::to_string(k) + (k % 7 == 3 ? " says \"quoted\"" : ""));
        CHECK(whole.events[k].where.line == k + 1);
    }
    for (std::size_t piece = 1; piece <= 33; piece += 4) {
        CAPTURE(piece);
        event_viewer_export_reader reader;
        reader.begin();
        std::vector<std::string> got;
        std::string buf;
        for (std::size_t i = 0; i < text.size(); i += piece) {
            buf.append(text, i, piece);
            const std::size_t used = reader.feed(
                buf, i + piece >= text.size(),
                [&](const event_record& e) { got.push_back(std::string(e.source) + "|" + std::string(e.description)); },
                [](const read_error&) {});
            buf.erase(0, used);
        }
        REQUIRE(got.size() == 40);
        for (std::size_t k = 0; k < 40; ++k)
            CHECK(got[k] == std::string(whole.events[k].source) + "|" + std::string(whole.events[k].description));
    }
}

TEST_CASE("export: an unquoted description with more delimiters than a row has fields") {
    // Fields past the 64th are dropped, but a header-less row's description runs to its line end.
    std::string commas;
    for (int i = 0; i < 80; ++i) commas += "a,";
    const std::string text = "9/13/2000,5:56:06 PM,MSExchangeIMC,Error,None,4143,N/A,THE,Starts " + commas + "ends\n"
                             "9/13/2000,5:56:07 PM,MSExchangeIMC,Error,None,4144,N/A,THE,Next\n";
    export_result r;
    run(r, text);  // the events' views point into it
    REQUIRE(r.events.size() == 2);
    CHECK(r.events[0].description == "Starts " + commas + "ends");
    CHECK(r.events[1].event_id == 4144);
    CHECK(r.events[1].description == "Next");
    CHECK(r.errors.empty());
}
