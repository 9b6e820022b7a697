// Application crashes: Dr. Watson's dialog, the application-error sentence (DrWatson event 4097),
// drwtsn32.log, stack back traces and the application-error popup (Application Popup event 26),
// with the texts the knowledge base's articles quote (Q149542, Q179289, Q185025, Q199429, Q199430,
// Q281743).
#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "ruledx/read/answer.hpp"
#include "ruledx/read/crash_text.hpp"
#include "ruledx/read/detail/text.hpp"
#include "ruledx/read/text_scan.hpp"

using namespace ruledx::read;

namespace {

// A crash as a test keeps it (the reader's views live until it reads again).
struct crash {
    std::size_t line = 0;
    std::string image;
    std::uint32_t exception = 0;
    std::string frames;
};

struct crash_result {
    std::vector<crash> found;
    std::vector<read_error> errors;
};

crash copy(const crash_record& c) { return crash{c.where.line, std::string(c.image), c.exception, std::string(c.frames)}; }

crash_result read_crashes(std::string_view text, crash_text_options options = {}) {
    crash_result r;
    crash_text_reader reader(options);
    reader.read(
        text, [&](const crash_record& c) { r.found.push_back(copy(c)); }, [&](const read_error& e) { r.errors.push_back(e); });
    return r;
}

// Every line of `text` with `marker` before it.
std::string quoted(std::string_view text, std::string_view marker) {
    std::string out;
    while (!text.empty()) {
        const std::size_t nl = text.find('\n');
        out += std::string(marker) + std::string(text.substr(0, nl)) + "\n";
        text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    }
    return out;
}

// Q149542, Exchange 4.0's Internet Mail Connector.
constexpr std::string_view q149542_40 =
    "  Dr. Watson:\n"
    "\n"
    "  An application error has occurred and an application error log is being\n"
    "  generated.\n"
    "\n"
    "  MSEXCIMC.EXE\n"
    "  Exception: access violation (0xc0000005), Address 0x10205c11\n";
// Q149542, Exchange 5.0's Internet Mail Service.
constexpr std::string_view q149542_50 =
    "  Dr. Watson:\n"
    "\n"
    "  An application error has occurred and an application error log is being\n"
    "  generated.\n"
    "\n"
    "  MSEXCIMC.EXE\n"
    "  Exception access violation (0xc0000005), Address: 0x0042db78\n";
// Q199430, the Dr. Watson form.
constexpr std::string_view q199430_watson =
    "  Dr. Watson for Windows NT\n"
    "  -------------------------\n"
    "  An application error has occurred and an application error log has been\n"
    "  generated.\n"
    "\n"
    "  Msexcimc.exe\n"
    "\n"
    "  Exception: Access violation (0xc0000005), Address: memory_address\n";
// Q199430, the Exchange 5.5 popup.
constexpr std::string_view q199430_popup =
    "  WMS Idle: msexcimc.exe - Application Error\n"
    "  ------------------------------------------\n"
    "  X The instruction at \"0x004467c8\" referenced memory at \"0x00000000\". The\n"
    "  memory could not be written.\n";
// Q179289.
constexpr std::string_view q179289 =
    "  The application, exe\\MSEXCIMC.dbg, generated an application error. The\n"
    "  error occurred on 12/ 2/1997 @ 17:27:29.240 The exception generated was\n"
    "  c0000005 at address 77f64654 (RtlAllocateHeap)\n";
// Q199429.
constexpr std::string_view q199429 =
    "  The application, MSEXIMC.DBG, generated an application error. The error\n"
    "  occurred on MM/DD/YYY @ hh:mm:ss.sss. The exception generated was c0000005 at\n"
    "  address <xxxxxxxx>.\n";
// Q185025.
constexpr std::string_view q185025 =
    "  Application exception occurred:\n"
    "          App: MSEXCIMC.dbg (pid=167)\n"
    "          When: 4/24/1998 @ 13:28:38.298\n"
    "          Exception number: c0000005 (access violation)\n";
// Q281743.
constexpr std::string_view q281743 =
    "  \n"
    "\n"
    "  ChildEBP RetAddr  Args to Child\n"
    "  00f7fd50 00431b39 00000000 00000000 00e11a00 msexcimc!CPostmaster__rcFindAdminX400Address+0x129 \n"
    "  00f7fd68 0043ca46 00e11870 00e118b0 00e10f88 msexcimc!CPostmaster__rcInitialize+0xc3 \n"
    "  00f7ff74 0043abaf 00000001 ffffffff 00134d00 msexcimc!CIMCService__InitializeService+0x1c3e \n"
    "  00f7ff94 0043aafa 00479bd8 00000001 00134d08 msexcimc!CService__ServiceProc+0xbd \n"
    "  00f7ffa8 77dd8bec 00000001 00134d08 0012ff60 msexcimc!_SP_IMCService+0x19 \n"
    "  00f7ffb8 77f04ee8 00134d00 ffffffff 0012ff60 ADVAPI32!ScSvcctrlThreadA+0xe\n";
constexpr std::string_view q281743_frames =
    "msexcimc!CPostmaster__rcFindAdminX400Address\nmsexcimc!CPostmaster__rcInitialize\n"
    "msexcimc!CIMCService__InitializeService\nmsexcimc!CService__ServiceProc\nmsexcimc!_SP_IMCService\n"
    "ADVAPI32!ScSvcctrlThreadA\n";

constexpr std::uint32_t access_violation = 0xc0000005u;

}  // namespace

TEST_CASE("crash: program names as printed") {
    CHECK(ruledx::detail::program_name("exe\\MSEXCIMC.dbg") == "MSEXCIMC");
    CHECK(ruledx::detail::program_name("  msexcimc.exe ") == "msexcimc");
    CHECK(ruledx::detail::program_name("\"C:\\exchsrvr\\connect\\msexcimc\\bin\\msexcimc.exe\"") == "msexcimc");
    CHECK(ruledx::detail::program_name("/usr/lib/x.so") == "x");
    CHECK(ruledx::detail::program_name("MSEXIMC.DBG") == "MSEXIMC");
    CHECK(ruledx::detail::program_name("store") == "store");
    CHECK(ruledx::detail::program_name("archive.longext") == "archive.longext");  // no extension of 1-4 characters
    CHECK(ruledx::detail::program_name(".profile") == ".profile");
    CHECK(ruledx::detail::program_name("generated.") == "generated.");
    CHECK(ruledx::detail::program_name("dir\\") == "");
    CHECK(ruledx::detail::program_name("") == "");
    static_assert(ruledx::detail::program_name("a\\b.exe") == "b");
}

TEST_CASE("crash: Q149542, Dr. Watson's dialog for Exchange 4.0 and 5.0") {
    for (const std::string_view text : {q149542_40, q149542_50}) {
        const crash_result r = read_crashes(text);
        REQUIRE(r.found.size() == 1);
        CHECK(r.found[0].image == "MSEXCIMC");
        CHECK(r.found[0].exception == access_violation);
        CHECK(r.found[0].frames.empty());
        CHECK(r.found[0].line == 3);  // the dialog's first line
        CHECK(r.errors.empty());
    }
}

TEST_CASE("crash: Q199430, Dr. Watson for Windows NT and the 5.5 popup") {
    const crash_result watson = read_crashes(q199430_watson);
    REQUIRE(watson.found.size() == 1);
    CHECK(watson.found[0].image == "Msexcimc");
    CHECK(watson.found[0].exception == access_violation);
    CHECK(watson.found[0].frames.empty());

    const crash_result popup = read_crashes(q199430_popup);
    REQUIRE(popup.found.size() == 1);
    CHECK(popup.found[0].image == "msexcimc");
    CHECK(popup.found[0].exception == access_violation);  // Windows' text for STATUS_ACCESS_VIOLATION
    CHECK(popup.found[0].frames.empty());
    CHECK(popup.found[0].line == 1);

    // Also "could not be "read"", and the title without a window name before it.
    const crash_result read = read_crashes(
        "msexcimc.exe - Application Error\n\nThe instruction at \"0x004467c8\" referenced memory at \"0x00000000\". "
        "The memory could not be \"read\".\n");
    REQUIRE(read.found.size() == 1);
    CHECK(read.found[0].image == "msexcimc");
    CHECK(read.found[0].exception == access_violation);
}

TEST_CASE("crash: Application Popup event 26's one-line text, as a line") {
    const crash_result r = read_crashes(
        "Application popup: msexcimc.exe - Application Error : The instruction at \"0x004467c8\" referenced memory at "
        "\"0x00000000\". The memory could not be \"written\".\n");
    REQUIRE(r.found.size() == 1);
    CHECK(r.found[0].image == "msexcimc");
    CHECK(r.found[0].exception == access_violation);
    // The popup's text wrapped onto the next line.
    const crash_result wrapped = read_crashes(
        "Application popup: WMS Idle: msexcimc.exe - Application Error :\nThe instruction at \"0x004467c8\" referenced\n");
    REQUIRE(wrapped.found.size() == 1);
    CHECK(wrapped.found[0].image == "msexcimc");
}

TEST_CASE("crash: a popup title with another message is no crash") {
    const crash_result r = read_crashes("msexcimc.exe - Application Error\nThe application failed to initialize.\n");
    CHECK(r.found.empty());
}

TEST_CASE("crash: Q179289, the sentence wrapped over three lines, with its faulting symbol") {
    const crash_result r = read_crashes(q179289);
    REQUIRE(r.found.size() == 1);
    CHECK(r.found[0].image == "MSEXCIMC");
    CHECK(r.found[0].exception == access_violation);
    CHECK(r.found[0].frames == "RtlAllocateHeap\n");
    CHECK(r.found[0].line == 1);
}

TEST_CASE("crash: the sentence on one line, and wrapped inside its symbol's parentheses' reach") {
    const crash_result one = read_crashes(
        "The application, exe\\MSEXCIMC.dbg, generated an application error. The error occurred on 12/ 2/1997 @ "
        "17:27:29.240 The exception generated was c0000005 at address 77f64654 (RtlAllocateHeap)\n");
    REQUIRE(one.found.size() == 1);
    CHECK(one.found[0].frames == "RtlAllocateHeap\n");
    // The symbol alone on the last line.
    const crash_result last = read_crashes(
        "The application, exe\\MSEXCIMC.dbg, generated an application error. The exception generated was c0000005 at\n"
        "address 77f64654\n(RtlAllocateHeap)\n");
    REQUIRE(last.found.size() == 1);
    CHECK(last.found[0].exception == access_violation);
    CHECK(last.found[0].frames == "RtlAllocateHeap\n");
}

TEST_CASE("crash: Q199429, placeholders for date and address: a crash without a symbol") {
    const crash_result r = read_crashes(q199429);
    REQUIRE(r.found.size() == 1);
    CHECK(r.found[0].image == "MSEXIMC");
    CHECK(r.found[0].exception == access_violation);
    CHECK(r.found[0].frames.empty());
}

TEST_CASE("crash: Q185025, drwtsn32.log's header") {
    const crash_result r = read_crashes(q185025);
    REQUIRE(r.found.size() == 1);
    CHECK(r.found[0].image == "MSEXCIMC");
    CHECK(r.found[0].exception == access_violation);
    CHECK(r.found[0].frames.empty());
    CHECK(r.found[0].line == 1);
}

TEST_CASE("crash: Q281743, a stack alone names no program") {
    const crash_result r = read_crashes(q281743);
    REQUIRE(r.found.size() == 1);
    CHECK(r.found[0].image.empty());
    CHECK(r.found[0].exception == 0);
    CHECK(r.found[0].frames == q281743_frames);
    CHECK(r.found[0].line == 3);  // the stack's header
}

TEST_CASE("crash: a stack after a dialog or a sentence belongs to that crash") {
    const crash_result dialog = read_crashes(std::string(q149542_40) + "\n" + std::string(q281743) + "\nThe end.\n");
    REQUIRE(dialog.found.size() == 1);
    CHECK(dialog.found[0].image == "MSEXCIMC");
    CHECK(dialog.found[0].exception == access_violation);
    CHECK(dialog.found[0].frames == q281743_frames);

    const crash_result sentence = read_crashes(std::string(q179289) + std::string(q281743));
    REQUIRE(sentence.found.size() == 1);
    CHECK(sentence.found[0].frames == "RtlAllocateHeap\n" + std::string(q281743_frames));

    // Far from the dialog, a stack is a crash of its own.
    std::string far(q149542_40);
    for (int i = 0; i < 20; ++i) far += "Some other text of the mail.\n";
    far += q281743;
    const crash_result two = read_crashes(far);
    REQUIRE(two.found.size() == 2);
    CHECK(two.found[0].image == "MSEXCIMC");
    CHECK(two.found[0].frames.empty());
    CHECK(two.found[1].image.empty());
    CHECK(two.found[1].frames == q281743_frames);
}

TEST_CASE("crash: a drwtsn32.log excerpt keeps the faulting thread's function and stack") {
    const std::string log = std::string(q185025) +
                            "\n"
                            "*----> System Information <----*\n"
                            "        Computer Name: EXCH01\n"
                            "\n"
                            "State Dump for Thread Id 0x9c\n"
                            "\n"
                            "eax=00000000 ebx=00000000 ecx=0012ff60 edx=00000000 esi=00000000 edi=00000000\n"
                            "function: NtWaitForSingleObject\n"
                            "        77f67f38 b8c5000000       mov     eax,0xc5\n"
                            "\n"
                            "*----> Stack Back Trace <----*\n"
                            "\n"
                            "FramePtr ReturnAd Param#1  Param#2  Param#3  Param#4  Function Name\n"
                            "0012ff38 77f1cd6a 00000090 00000000 00000000 00000000 ntdll!NtWaitForSingleObject\n"
                            "\n"
                            "State Dump for Thread Id 0xa4\n"
                            "\n"
                            "function: RtlAllocateHeap\n"
                            "        77f64650 8b4510           mov     eax,[ebp+0x10]\n"
                            "FAULT ->77f64654 8b08             mov     ecx,[eax]          ds:00000000=????????\n"
                            "\n"
                            "*----> Stack Back Trace <----*\n"
                            "\n"
                            "FramePtr ReturnAd Param#1  Param#2  Param#3  Param#4  Function Name\n"
                            "00f7fd30 00431b39 00130000 00000000 00000010 00000000 ntdll!RtlAllocateHeap \n"
                            "00f7fd50 00431b39 00000000 00000000 00e11a00 00000000 msexcimc!<nosymbols> \n"
                            "00f7fd68 0043ca46 00e11870 00e118b0 00e10f88 00000000 !<nosymbols> \n"
                            "\n"
                            "*----> Raw Stack Dump <----*\n"
                            "00f7fd30  00 00 13 00 00 00 00 00 - 10 00 00 00 00 00 00 00  ................\n";
    const crash_result r = read_crashes(log);
    REQUIRE(r.found.size() == 1);
    CHECK(r.found[0].image == "MSEXCIMC");
    CHECK(r.found[0].exception == access_violation);
    CHECK(r.found[0].frames == "RtlAllocateHeap\nntdll!RtlAllocateHeap\n");
    CHECK(r.found[0].line == 1);

    // Without a FAULT line: the first thread's stack.
    const crash_result no_fault = read_crashes(std::string(q185025) + std::string(q281743));
    REQUIRE(no_fault.found.size() == 1);
    CHECK(no_fault.found[0].image == "MSEXCIMC");
    CHECK(no_fault.found[0].frames == q281743_frames);
}

TEST_CASE("crash: mail quote markers and blanks before the lines") {
    for (const std::string_view marker : {"> ", ">> ", "> > ", "\t"}) {
        const crash_result sentence = read_crashes(quoted(q179289, marker));
        REQUIRE(sentence.found.size() == 1);
        CHECK(sentence.found[0].image == "MSEXCIMC");
        CHECK(sentence.found[0].frames == "RtlAllocateHeap\n");
        const crash_result dialog = read_crashes(quoted(q149542_50, marker));
        REQUIRE(dialog.found.size() == 1);
        CHECK(dialog.found[0].image == "MSEXCIMC");
        const crash_result stack = read_crashes(quoted(q281743, marker));
        REQUIRE(stack.found.size() == 1);
        CHECK(stack.found[0].frames == q281743_frames);
    }
}

TEST_CASE("crash: several crashes in one text, each where it starts") {
    const std::string text = std::string(q185025) + "\n" + std::string(q199430_popup) + "\n" + std::string(q199429);
    const crash_result r = read_crashes(text);
    REQUIRE(r.found.size() == 3);
    CHECK(r.found[0].line == 1);
    CHECK(r.found[0].image == "MSEXCIMC");
    CHECK(r.found[1].line == 6);
    CHECK(r.found[1].image == "msexcimc");
    CHECK(r.found[2].line == 11);
    CHECK(r.found[2].image == "MSEXIMC");
}

TEST_CASE("crash: damaged input gives no crash") {
    // Headers without their exception line.
    CHECK(read_crashes("An application error has occurred and an application error log is being\n").found.empty());
    CHECK(read_crashes("An application error has occurred and an application error log is being\ngenerated.\n\n"
                       "MSEXCIMC.EXE\nThe service then stopped.\n")
              .found.empty());
    CHECK(read_crashes("The application, exe\\MSEXCIMC.dbg, generated an application error. The\n\nerror occurred\n")
              .found.empty());
    CHECK(read_crashes("The application, exe\\MSEXCIMC.dbg, generated an application error. The exception generated "
                       "was zzz\n")
              .found.empty());
    CHECK(read_crashes("Application exception occurred:\n        App: MSEXCIMC.dbg (pid=167)\n        When: 4/24/1998\n")
              .found.empty());
    CHECK(read_crashes("WMS Idle: msexcimc.exe - Application Error\n").found.empty());
    CHECK(read_crashes("ChildEBP RetAddr  Args to Child\nno frames here\n").found.empty());
    CHECK(read_crashes("Exception: access violation (0xc0000005), Address 0x10205c11\n").found.empty());  // no header
    // A code of more than eight digits is none.
    CHECK(read_crashes("Application exception occurred:\nException number: c00000050 (access violation)\n").found.empty());
    // Garbage.
    std::string garbage;
    for (int i = 0; i < 4096; ++i) garbage += static_cast<char>((i * 7919) % 251 + 1);
    CHECK(read_crashes(garbage).found.empty());
    CHECK(read_crashes("(\n)\n!\n+0x\n\"\n").found.empty());
}

TEST_CASE("crash: an over-long line is skipped and reported, the text after it still read") {
    crash_text_options small;
    small.max_line_length = 4096;
    const std::string long_sentence = "The application, " + std::string(8192, 'x') + "\n";
    const crash_result r = read_crashes(long_sentence + std::string(q199429), small);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].what == problem::bad_length);
    REQUIRE(r.found.size() == 1);
    CHECK(r.found[0].image == "MSEXIMC");

    // A 1 MB line that does fit the default limit: read without finding a crash, in bounded storage.
    const std::string big = "The application, " + std::string((std::size_t{1} << 20) - 40, 'a') + "\n";
    const crash_result b = read_crashes(big);
    CHECK(b.found.empty());
    CHECK(b.errors.empty());
    const std::string big_frame = "00f7fd50 00431b39 " + std::string(std::size_t{1} << 19, '0') + " m!f\n";
    CHECK(read_crashes("ChildEBP RetAddr  Args to Child\n" + big_frame).found.empty());
}

TEST_CASE("crash: the frames are bounded") {
    std::string stack = "ChildEBP RetAddr  Args to Child\n";
    for (int i = 0; i < 100; ++i)
        stack += "00f7fd50 00431b39 00000000 00000000 00e11a00 module!Symbol" + std::to_string(i) + "+0x1\n";
    stack += "00f7fd50 00431b39 00000000 00000000 00e11a00 module!" + std::string(300, 's') + "\n";
    const crash_result r = read_crashes(stack);
    REQUIRE(r.found.size() == 1);
    std::size_t lines = 0;
    for (char c : r.found[0].frames) lines += c == '\n' ? 1 : 0;
    CHECK(lines == crash_frames::max_count);
    CHECK(r.found[0].frames.size() <= crash_frames::capacity);
    CHECK(r.found[0].frames.rfind("module!Symbol15\n") == r.found[0].frames.size() - 16);
}

// The three places hexadecimal numbers are read share one parser: a crash's exception code in
// crash text, --crash's 0xCODE, and HTML's &#xh; entities.
TEST_CASE("hex numbers: one parser for exception codes, --crash's 0xCODE and HTML entities") {
    // The parser: digits of either case, at most MaxDigits of them (all consumed, even too many).
    std::uint64_t n = 0;
    std::string_view digits = "fF09:";
    CHECK((detail::parse_hex<4>(digits, n) && n == 0xff09u && digits == ":"));
    digits = "ffffffffffffffff";
    CHECK((detail::parse_hex<16>(digits, n) && n == 0xffffffffffffffffu && digits.empty()));
    digits = "12345";
    CHECK((!detail::parse_hex<4>(digits, n) && digits.empty()));
    digits = "x1";
    CHECK((!detail::parse_hex<4>(digits, n) && digits == "x1"));
    digits = "";
    CHECK_FALSE(detail::parse_hex<4>(digits, n));

    const auto code = [](std::string_view text, std::uint32_t& out, std::string_view& rest) {
        rest = text;
        return detail::parse_hex32(rest, out);
    };
    std::uint32_t v = 0;
    std::string_view rest;
    CHECK((code("c0000005 at", v, rest) && v == 0xc0000005u && rest == " at"));
    CHECK((code("0xC0000005)", v, rest) && v == 0xc0000005u && rest == ")"));
    CHECK((code("0XfFfFfFfF", v, rest) && v == 0xffffffffu && rest.empty()));
    CHECK((code("0", v, rest) && v == 0));
    for (std::string_view bad : {"", "0x", "0x)", "g", "123456789", "0x123456789", "c0000005x"})
        CHECK_MESSAGE(!code(bad, v, rest), bad);

    const auto crash_code = [](std::string_view argument) {
        return parse_any_signal_argument(ruledx::signal_kind::crash, argument);
    };
    any_signal_argument a = crash_code("msexcimc:0xC0000005:CPostmaster");
    CHECK((a.ok && a.source == "msexcimc" && a.code == 0xc0000005u && a.text == "CPostmaster"));
    a = crash_code("msexcimc:0Xffffffff");
    CHECK((a.ok && a.code == 0xffffffffu && a.text.empty()));
    a = crash_code("msexcimc:0x:CPostmaster");  // no digits: any exception
    CHECK((a.ok && a.code == 0 && a.text == "CPostmaster"));
    a = crash_code("msexcimc:0x");  // too short for a code: the names
    CHECK((a.ok && a.code == 0 && a.text == "0x"));
    for (std::string_view bad : {"msexcimc:0x123456789", "msexcimc:0xc000g005", "msexcimc:0x-1:names"})
        CHECK_MESSAGE(!crash_code(bad).ok, bad);

    const auto entity = [](std::string_view line) {
        detail::scratch storage;
        std::string_view shown;
        return detail::html_text(line, storage, shown) ? std::string(shown) : std::string("<none>");
    };
    CHECK(entity("&#x45;rror &#X65;") == "Error e");
    CHECK(entity("&#x10FFFF;") == "\xF4\x8F\xBF\xBF");
    for (std::string_view bad : {"&#x;", "&#x1234567;", "&#x110000;", "&#xzz;", "&#x4g;", "&#x0;", "&#x-1;"})
        CHECK_MESSAGE(entity(bad) == "<none>", bad);
}

TEST_CASE("crash: crash_from_event, DrWatson 4097") {
    crash_frames frames;
    event_record e;
    e.source = "DrWatson";
    e.event_id = 4097;
    e.where = location{10, 3};
    e.description =
        "The application, exe\\MSEXCIMC.dbg, generated an application error The error occurred on 12/ 2/1997 @ "
        "17:27:29.240 The exception generated was c0000005 at address 77f64654 (RtlAllocateHeap)";
    auto c = crash_from_event(e, frames);
    REQUIRE(c);
    CHECK(c->image == "MSEXCIMC");
    CHECK(c->exception == access_violation);
    CHECK(c->frames == "RtlAllocateHeap\n");
    CHECK(c->where.line == 3);

    e.source = "Dr Watson";  // spelled as tools print it
    CHECK(crash_from_event(e, frames));

    // Without a description: an insertion string holding the sentence.
    const std::string strings = std::string("12/2/1997") + '\0' + std::string(q199429) + '\0';
    e.description = {};
    e.strings = strings;
    e.string_count = 2;
    c = crash_from_event(e, frames);
    REQUIRE(c);
    CHECK(c->image == "MSEXIMC");
    CHECK(c->frames.empty());

    e.strings = {};
    e.string_count = 0;
    CHECK_FALSE(crash_from_event(e, frames));
    e.description = "The application, exe\\MSEXCIMC.dbg, generated an application error.";  // no exception
    CHECK_FALSE(crash_from_event(e, frames));
    e.description = q179289;
    e.event_id = 4098;
    CHECK_FALSE(crash_from_event(e, frames));
    e.event_id = 4097;
    e.source = "MSExchangeIMC";
    CHECK_FALSE(crash_from_event(e, frames));
}

TEST_CASE("crash: crash_from_event, Application Popup 26") {
    crash_frames frames;
    event_record e;
    e.source = "Application Popup";
    e.event_id = 26;
    e.description =
        "Application popup: msexcimc.exe - Application Error : The instruction at \"0x004467c8\" referenced memory at "
        "\"0x00000000\". The memory could not be \"written\".";
    auto c = crash_from_event(e, frames);
    REQUIRE(c);
    CHECK(c->image == "msexcimc");
    CHECK(c->exception == access_violation);
    CHECK(c->frames.empty());

    // The insertion strings: the title, then the text.
    const std::string strings = std::string("WMS Idle: msexcimc.exe - Application Error") + '\0' +
                                "The instruction at \"0x004467c8\" referenced memory at \"0x00000000\"." + '\0';
    e.description = {};
    e.strings = strings;
    e.string_count = 2;
    c = crash_from_event(e, frames);
    REQUIRE(c);
    CHECK(c->image == "msexcimc");
    CHECK(c->exception == access_violation);

    // Another popup (a message box of another kind) is no crash.
    e.description = "Application popup: Windows - Low on Virtual Memory : Your system is low on virtual memory.";
    CHECK_FALSE(crash_from_event(e, frames));
    e.description = "Application popup: msexcimc.exe - Application Error : The application failed to initialize.";
    CHECK_FALSE(crash_from_event(e, frames));
}

namespace {

struct scan_result {
    std::vector<crash> crashes;
    std::size_t events = 0;
};

scan_result scan_crashes(std::string_view text) {
    scan_result r;
    text_scanner scanner;
    scanner.on_crash = [&](const crash_record& c) { r.crashes.push_back(copy(c)); };
    scanner.scan(
        text, [&](const event_record&) { ++r.events; }, [](const start_error_record&) {}, [](const read_error&) {});
    return r;
}

// The Windows 2000 clipboard copy of a DrWatson event 4097.
std::string clipboard_4097() {
    return "Event Type:\tInformation\r\nEvent Source:\tDrWatson\r\nEvent Category:\tNone\r\nEvent ID:\t4097\r\n"
           "Date:\t\t12/2/1997\r\nTime:\t\t5:27:29 PM\r\nUser:\t\tN/A\r\nComputer:\tEXCH01\r\nDescription:\r\n"
           "The application, exe\\MSEXCIMC.dbg, generated an application error The error occurred on 12/ 2/1997 @ "
           "17:27:29.240 The exception generated was c0000005 at address 77f64654 (RtlAllocateHeap)\r\n";
}

}  // namespace

TEST_CASE("crash: text_scanner gives pasted crashes to on_crash") {
    const scan_result r = scan_crashes("Hello,\n\nafter a restart we see:\n\n" + quoted(q179289, "> ") + "\nThanks\n");
    REQUIRE(r.crashes.size() == 1);
    CHECK(r.crashes[0].image == "MSEXCIMC");
    CHECK(r.crashes[0].frames == "RtlAllocateHeap\n");
    CHECK(r.crashes[0].line == 5);

    // Unset, nothing is looked for (and nothing breaks).
    text_scanner quiet;
    std::size_t events = 0;
    quiet.scan(q179289, [&](const event_record&) { ++events; }, [](const start_error_record&) {}, [](const read_error&) {});
    CHECK(events == 0);
}

TEST_CASE("crash: text_scanner, a pasted DrWatson event gives one crash") {
    const scan_result r = scan_crashes(clipboard_4097());
    CHECK(r.events == 1);
    REQUIRE(r.crashes.size() == 1);
    CHECK(r.crashes[0].image == "MSEXCIMC");
    CHECK(r.crashes[0].exception == access_violation);
    CHECK(r.crashes[0].frames == "RtlAllocateHeap\n");
}

TEST_CASE("crash: text_scanner, crashes from an export's rows") {
    const std::string text =
        "Date,Time,Source,Type,Category,Event,User,Computer,Description\n"
        "12/2/1997,5:27:29 PM,DrWatson,Information,None,4097,N/A,EXCH01,\"The application, exe\\MSEXCIMC.dbg, generated "
        "an application error The error occurred on 12/ 2/1997 @ 17:27:29.240 The exception generated was c0000005 at "
        "address 77f64654 (RtlAllocateHeap)\"\n"
        "12/2/1997,5:27:31 PM,Application Popup,Information,None,26,N/A,EXCH01,\"Application popup: msexcimc.exe - "
        "Application Error : The instruction at \"\"0x004467c8\"\" referenced memory at \"\"0x00000000\"\". The memory "
        "could not be \"\"written\"\".\"\n";
    const scan_result r = scan_crashes(text);
    CHECK(r.events == 2);
    REQUIRE(r.crashes.size() == 2);
    CHECK(r.crashes[0].image == "MSEXCIMC");
    CHECK(r.crashes[0].frames == "RtlAllocateHeap\n");
    CHECK(r.crashes[1].image == "msexcimc");
    CHECK(r.crashes[1].exception == access_violation);
}

TEST_CASE("crash: text_scanner::scan_file reads crashes across chunks") {
    std::string text = "Some text first.\n";
    for (int i = 0; i < 50; ++i) text += "Padding line number " + std::to_string(i) + " of the message.\n";
    text += std::string(q185025) + "\n" + std::string(q281743) + "\n" + std::string(q179289);
    std::FILE* f = std::tmpfile();
    REQUIRE(f != nullptr);
    REQUIRE(std::fwrite(text.data(), 1, text.size(), f) == text.size());
    std::rewind(f);
    text_scan_options o;
    o.chunk_size = 64;
    text_scanner scanner(o);
    std::vector<crash> found;
    scanner.on_crash = [&](const crash_record& c) { found.push_back(copy(c)); };
    CHECK(scanner.scan_file(
        f, [](const event_record&) {}, [](const start_error_record&) {}, [](const read_error&) {}));
    std::fclose(f);
    REQUIRE(found.size() == 2);
    CHECK(found[0].image == "MSEXCIMC");
    CHECK(found[0].frames == q281743_frames);
    CHECK(found[1].frames == "RtlAllocateHeap\n");
}
