// End-to-end: evidence as support engineers send it. A Windows 2000 Event Viewer "Save As" file in
// UTF-16LE, an NT 4.0 "ANSI" text, CR line ends; and the inputs nothing can be read from, each
// named with its reason, without a diagnosis when no input was readable.
#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#ifndef _WIN32
#include <sys/stat.h>
#endif

#include "cli_support.hpp"

using namespace cli_test;

namespace {

// UTF-16LE code units, low byte first, after the byte order mark Windows writes.
std::string utf16le_with_bom(std::u16string_view units) {
    std::string out = "\xFF\xFE";
    for (char16_t u : units) {
        out += static_cast<char>(u & 0xFF);
        out += static_cast<char>(static_cast<unsigned>(u) >> 8);
    }
    return out;
}

// The Event Viewer rows of Q173496's event, tab-delimited, as Save As writes them on Windows 2000.
const std::u16string save_as_rows =
    u"9/13/2000\t5:56:06 PM\tMSExchangeIMC\tError\tInitialization/Termination\t4143\tN/A\tCAFÉ01\tThe Internet "
    u"Mail Service service account is not an administrator account. In order to provide SSL support, the "
    u"service account must be an administrator account.\r\n"
    u"9/13/2000\t5:56:05 PM\tMSExchangeKMS\tInformation\tNone\t5389\tN/A\tCAFÉ01\tMicrosoft Exchange Key "
    u"Management service is exiting with return code 0.\r\n";

// The Services dialog as an NT 4.0 user saves it in Notepad: Windows-1252 (E9 is é, 92 is ’).
const std::string dialog_1252 =
    "The customer\x92s screen shows:\r\n"
    "\r\n"
    "Could not start the Microsoft Exchange Internet Mail Service service on \\\\CAF\xC9" "01.\r\n"
    "\r\n"
    "Error 2140: An internal Windows NT error occurred.\r\n";

void write_inputs() {
    REQUIRE(write_file(work("save-as-utf16.txt"), utf16le_with_bom(save_as_rows)));
    REQUIRE(write_file(work("dialog-ansi.txt"), dialog_1252));
}

// Writes the unreadable inputs; the paths, each with the reason the command must give.
std::vector<std::pair<std::string, std::string>> unreadable_inputs() {
    REQUIRE(write_file(work("empty.txt"), ""));
    REQUIRE(write_file(work("blank-utf16.txt"), utf16le_with_bom(u"  \r\n\t\r\n   \r\n")));
    std::string binary(4096, '\0');
    for (std::size_t i = 0; i < binary.size(); ++i) binary[i] = static_cast<char>((i * 7919) % 251);
    REQUIRE(write_file(work("image.bin"), binary));
    std::remove(work("no-such-log.evt").c_str());
    return {
        {work("empty.txt"), "nothing to read: the input is empty"},
        {work("blank-utf16.txt"), "nothing to read: the input holds only white space"},
        {work("image.bin"), "offset 0: unrecognized format: not an event log, an Event Viewer export or text"},
        {work("no-such-log.evt"), "cannot open: no such file or directory"},
        {std::string(RULEDX_CLI_WORK), "cannot open: is a directory"},
    };
}

}  // namespace

TEST_CASE("a UTF-16LE Save As file and a Windows-1252 dialog text are diagnosed: Q173496") {
    write_inputs();
    const process_result r = run_cli({work("save-as-utf16.txt"), work("dialog-ansi.txt")});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(starts_with(r.out, "1. LIKELY Q173496"));
    const std::string out = squeezed(r.out);
    CHECK(has(out, "event 4143 from MSExchangeIMC (Error, Initialization/Termination), text matches the article ["));
    CHECK(has(out, "save-as-utf16.txt line 1]"));
    CHECK(has(out, "Error 2140 starting MSExchangeIMC ["));
    CHECK(has(out, "dialog-ansi.txt line 3]"));  // the dialog begins on its third line

    const process_result json = run_cli({"--format", "json", work("save-as-utf16.txt"), work("dialog-ansi.txt")});
    CHECK(json.status == 0);
    const json_value report = parsed(json);
    CHECK(report["candidates"][0]["article"].text() == "Q173496");
    CHECK(report["inputs"][0]["format"].text() == "event_viewer_export");
    CHECK(report["inputs"][0]["records"].number() == 2);
    CHECK(report["inputs"][1]["format"].text() == "text");
}

TEST_CASE("the same ticket in UTF-16LE without a byte order mark and with CR line ends") {
    std::string bytes;
    for (char16_t u : std::u16string(u"Could not start the Microsoft Exchange Internet Mail Service service on "
                                     u"\\\\CAFÉ01.\r\rError 2140: An internal Windows NT error occurred.\r\r"
                                     u"Event ID: 4143\rSource: MSExchangeIMC\rType: Error\r"
                                     u"Category: Initialization/Termination\rDescription: The Internet Mail Service "
                                     u"service account is not an administrator account. In order to provide SSL "
                                     u"support, the service account must be an administrator account.\r")) {
        bytes += static_cast<char>(u & 0xFF);
        bytes += static_cast<char>(static_cast<unsigned>(u) >> 8);
    }
    REQUIRE(write_file(work("ticket-utf16-cr.txt"), bytes));
    const process_result r = run_cli({work("ticket-utf16-cr.txt")});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(starts_with(r.out, "1. LIKELY Q173496"));
    CHECK(has(squeezed(r.out), "ticket-utf16-cr.txt line 5]"));  // the event's block, counted in CR lines
    CHECK(has(squeezed(r.out), "ticket-utf16-cr.txt line 1]"));  // the dialog that reports Error 2140
}

TEST_CASE("each input nothing can be read from exits 2, named with its reason, and nothing is diagnosed") {
    for (const auto& input : unreadable_inputs()) {
        const std::string& path = input.first;
        const std::string& reason = input.second;
        INFO(path);
        const process_result r = run_cli({path});
        CHECK(r.status == 2);
        CHECK(has(r.err, "exchange-diagnose: " + path + ": " + reason + "\n"));
        CHECK(has(r.err, "exchange-diagnose: " + path + ": nothing could be read\n"));
        CHECK(has(r.err, "exchange-diagnose: nothing could be read from the input; no diagnosis\n"));
        CHECK(r.out.empty());  // in particular not "No rule matches the evidence."
    }
}

TEST_CASE("all of them at once, in text and JSON: exit 2, every one named, no diagnosis") {
    const auto inputs = unreadable_inputs();
    std::vector<std::string> paths;
    for (const auto& input : inputs) paths.push_back(input.first);
    for (const char* format : {"text", "json"}) {
        std::vector<std::string> args{"--format", format};
        args.insert(args.end(), paths.begin(), paths.end());
        const process_result r = run_cli(args);
        CHECK(r.status == 2);
        for (const auto& input : inputs) CHECK(has(r.err, input.first + ": " + input.second + "\n"));
        CHECK(has(r.err, "nothing could be read from the inputs; no diagnosis"));
        CHECK_FALSE(has(r.out, "No rule matches"));
        CHECK(r.out.empty());
    }
}

TEST_CASE("empty standard input is named as '-'") {
    const process_result r = run_cli({"-"}, "");
    CHECK(r.status == 2);
    CHECK(has(r.err, "exchange-diagnose: -: nothing to read: the input is empty\n"));
    CHECK(r.out.empty());
}

#ifdef _WIN32
// Windows has no read permission to take away: chmod sets only the read-only attribute.
TEST_CASE("a file without read permission names the system's reason" * doctest::skip()) {}
#else
TEST_CASE("a file without read permission names the system's reason") {
    const std::string path = work("locked.txt");
    REQUIRE(write_file(path, "Error 2140: An internal Windows NT error occurred.\n"));
    REQUIRE(::chmod(path.c_str(), 0) == 0);
    if (std::FILE* f = std::fopen(path.c_str(), "rb")) {  // root reads it anyway
        std::fclose(f);
        ::chmod(path.c_str(), 0644);
        MESSAGE("skipped: this user can read a file without read permission");
        return;
    }
    const process_result r = run_cli({path});
    ::chmod(path.c_str(), 0644);
    CHECK(r.status == 2);
    CHECK(has(r.err, path + ": cannot open: permission denied\n"));
    CHECK(r.out.empty());
}
#endif

TEST_CASE("unreadable inputs beside readable ones: exit 2, and the readable ones are still diagnosed") {
    write_inputs();
    const auto inputs = unreadable_inputs();
    std::vector<std::string> args{work("save-as-utf16.txt")};
    for (const auto& input : inputs) args.push_back(input.first);
    args.push_back(work("dialog-ansi.txt"));
    const process_result r = run_cli(args);
    CHECK(r.status == 2);
    for (const auto& input : inputs) CHECK(has(r.err, input.first + ": " + input.second + "\n"));
    CHECK_FALSE(has(r.err, "no diagnosis"));
    CHECK(starts_with(r.out, "1. LIKELY Q173496"));

    // Evidence given on the command line is diagnosed even when no file could be read.
    const process_result given = run_cli({"--start-error", "MSExchangeIMC:2140", work("empty.txt")});
    CHECK(given.status == 2);
    CHECK(has(given.err, "empty.txt: nothing to read: the input is empty\n"));
    CHECK_FALSE(has(given.err, "no diagnosis"));
    CHECK(has(given.out, "Possible causes"));
}

// Names in any script: on Windows the command takes its arguments as UTF-16 and opens files by
// their UTF-16 names (any name, whatever the ANSI code page); everywhere its output is UTF-8.
TEST_CASE("a file named in Cyrillic is read and cited by its name; a missing one is named in the error") {
    const std::string journal = work("Журнал событий.txt");
    REQUIRE(write_file_named(journal, read_file(source_dir() + "/examples/samples/q173496-ticket.txt")));
    const process_result r = run_cli({journal});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(starts_with(r.out, "1. LIKELY Q173496"));
    CHECK(has(squeezed(r.out), "Error 2140 starting MSExchangeIMC [" + journal + " line 4]"));
    const process_result json = run_cli({"--format", "json", journal});
    CHECK(parsed(json)["inputs"][0]["path"].text() == journal);

    const std::string missing = work("Нет файла.evt");
    const process_result absent = run_cli({missing});
    CHECK(absent.status == 2);
    CHECK(has(absent.err, "exchange-diagnose: " + missing + ": cannot open: no such file or directory\n"));

    const process_result option = run_cli({"--формат", "json"});
    CHECK(option.status == 2);
    CHECK(has(option.err, "exchange-diagnose: unknown option '--формат'\n"));
}
