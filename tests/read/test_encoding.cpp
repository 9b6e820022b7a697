// Encodings as support engineers send evidence: the decoder itself (detection, UTF-16 surrogates,
// odd lengths, invalid UTF-8, Windows-1252, NUL padding, line ends, any split of the input), and
// the same Event Viewer export and pasted event text in every encoding through ruledx::evidence,
// from a buffer and from a file read in chunks of every small size.
#include <doctest/doctest.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "ruledx/kb/exchange_ims.hpp"
#include "ruledx/kb/exchange_service_names.hpp"
#include "ruledx/read/detect.hpp"
#include "ruledx/read/encoding.hpp"
#include "ruledx/read/evidence.hpp"
#include "support/files.hpp"

using namespace ruledx;
using read::text_encoding;

namespace {

// --- Inputs, written from the formats' descriptions --------------------------------------------

// UTF-16 code units as bytes, low byte first (LE) or high byte first (BE), after an optional FEFF.
std::string utf16_bytes(std::u16string_view units, bool big_endian, bool bom) {
    std::string out;
    auto unit = [&](char16_t u) {
        const char hi = static_cast<char>(static_cast<unsigned>(u) >> 8), lo = static_cast<char>(u & 0xFF);
        out += big_endian ? hi : lo;
        out += big_endian ? lo : hi;
    };
    if (bom) unit(u'\uFEFF');
    for (char16_t u : units) unit(u);
    return out;
}

std::string replaced(std::string text, std::string_view from, std::string_view to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}
std::u16string replaced(std::u16string text, std::u16string_view from, std::u16string_view to) {
    for (std::size_t at = text.find(from); at != std::u16string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

// The Windows-1252 bytes of the two non-ASCII characters the samples use: é is E9, ’ is 92.
std::string as_windows_1252(const std::string& utf8) {
    return replaced(replaced(replaced(utf8, "\xC3\xA9", "\xE9"), "\xC3\x89", "\xC9"), "\xE2\x80\x99", "\x92");
}

// Q173496's event 4143 description, as exchange_ims.hpp quotes it (checked below).
#define Q173496_4143                                                                                       \
    "The Internet Mail Service service account is not an administrator account. In order to provide SSL " \
    "support, the service account must be an administrator account."

// An Event Viewer "Save As" text file, tab-delimited, as a French-named NT server would write it.
#define SAVE_AS_ROWS                                                                                              \
    "9/13/2000\t5:56:06 PM\tMSExchangeIMC\tError\tInitialization/Termination\t4143\tN/A\tCAFÉ01\t" Q173496_4143 \
    "\r\n"                                                                                                        \
    "9/13/2000\t5:56:05 PM\tMSExchangeKMS\tInformation\tNone\t5389\tN/A\tCAFÉ01\tMicrosoft Exchange Key "        \
    "Management service is exiting with return code 0. L’administrateur a été prévenu.\r\n"

// A ticket with the Services dialog and the event as the KB prints it.
#define PASTED_TICKET                                                                          \
    "Could not start the Microsoft Exchange Internet Mail Service service on \\\\CAFÉ01.\r\n" \
    "\r\n"                                                                                     \
    "Error 2140: An internal Windows NT error occurred.\r\n"                                   \
    "\r\n"                                                                                     \
    "Event ID: 4143\r\n"                                                                       \
    "Source: MSExchangeIMC\r\n"                                                                \
    "Type: Error\r\n"                                                                          \
    "Category: Initialization/Termination\r\n"                                                 \
    "Computer: CAFÉ01\r\n"                                                                     \
    "Description: " Q173496_4143 "\r\n"                                                        \
    "\r\n"                                                                                     \
    "The customer’s note: it worked before the weekend.\r\n"

static_assert(std::string_view(Q173496_4143) == kb::exchange_ims::quoted::q173496_4143);

// What an event reads as: id, source, type, category, computer, description and line.
std::string summary(const read::event_record& e) {
    return std::to_string(e.event_id) + "|" + std::string(e.source) + "|" + std::string(to_string(e.type)) + "|" +
           std::string(e.category) + "|" + std::string(e.computer) + "|" + std::string(e.description) + "|line " +
           std::to_string(e.where.line);
}

const std::vector<std::string> save_as_events = {
    "4143|MSExchangeIMC|Error|Initialization/Termination|CAFÉ01|" Q173496_4143 "|line 1",
    "5389|MSExchangeKMS|Information||CAFÉ01|Microsoft Exchange Key Management service is exiting with return code "
    "0. L’administrateur a été prévenu.|line 2",
};
const std::vector<std::string> ticket_events = {
    "4143|MSExchangeIMC|Error|Initialization/Termination|CAFÉ01|" Q173496_4143 "|line 5",
};

// One form of a sample: its bytes and the encoding they must be detected as.
struct variant {
    std::string name;
    std::string bytes;
    text_encoding encoding;
};

// The sample in every encoding and shape the issue lists.
std::vector<variant> variants_of(const std::string& utf8, const std::u16string& utf16) {
    const std::string nuls(7, '\0');
    const std::u16string nul_units(5, u'\0');
    return {
        {"UTF-8", utf8, text_encoding::utf8},
        {"UTF-8 with BOM", "\xEF\xBB\xBF" + utf8, text_encoding::utf8_bom},
        {"UTF-16LE with BOM", utf16_bytes(utf16, false, true), text_encoding::utf16le_bom},
        {"UTF-16LE", utf16_bytes(utf16, false, false), text_encoding::utf16le},
        {"UTF-16BE with BOM", utf16_bytes(utf16, true, true), text_encoding::utf16be_bom},
        {"UTF-16BE", utf16_bytes(utf16, true, false), text_encoding::utf16be},
        {"Windows-1252", as_windows_1252(utf8), text_encoding::windows_1252},
        {"LF", replaced(utf8, "\r\n", "\n"), text_encoding::utf8},
        {"CR", replaced(utf8, "\r\n", "\r"), text_encoding::utf8},
        {"UTF-16LE with BOM, CR", utf16_bytes(replaced(utf16, u"\r\n", u"\r"), false, true), text_encoding::utf16le_bom},
        {"Windows-1252, CR", as_windows_1252(replaced(utf8, "\r\n", "\r")), text_encoding::windows_1252},
        {"NUL padding between records and at the end", replaced(utf8, "\r\n", "\r\n" + nuls) + std::string(3000, '\0'),
         text_encoding::utf8},
        {"NUL padding at the start of the file", nuls + utf8, text_encoding::utf8},
        {"UTF-16LE with BOM, NUL padding, odd length",
         utf16_bytes(replaced(utf16, u"\r\n", u"\r\n" + nul_units), false, true) + std::string(4097, '\0'),
         text_encoding::utf16le_bom},
        {"UTF-16BE, NUL padding", utf16_bytes(replaced(utf16, u"\r\n", u"\r\n" + nul_units) + nul_units, true, false),
         text_encoding::utf16be},
    };
}

// What ruledx::evidence read: every event record (on_event sees them all), the start errors kept.
struct reading {
    std::vector<std::string> events;
    std::vector<std::string> start_errors;
    input_report report;
};

void collect(evidence& seen, reading& r) {
    seen.on_event = [&r](const read::event_record& e, const input_report&) { r.events.push_back(summary(e)); };
}
void finish(const evidence& seen, reading& r) {
    r.report = seen.inputs().back();
    for (const observed_start_error& s : seen.observations().start_errors)
        r.start_errors.push_back(std::string(s.service) + ":" + std::to_string(s.code));
}

reading read_buffer(std::string_view bytes) {
    evidence seen(kb::exchange_ims::table, kb::exchange_service_names);
    reading r;
    collect(seen, r);
    seen.read_buffer(bytes, "ticket");
    finish(seen, r);
    return r;
}

std::string work_path(const std::string& name) { return std::string(RULEDX_READ_TEST_WORK) + "/" + name; }

reading read_file(std::string_view bytes, std::size_t chunk) {
    const std::string path = work_path("encoding-sample.txt");
    REQUIRE(test::write_file(path, bytes));
    evidence seen(kb::exchange_ims::table, kb::exchange_service_names);
    seen.text_chunk_size = chunk;
    reading r;
    collect(seen, r);
    seen.read_file(path);
    finish(seen, r);
    return r;
}

// Every variant of a sample reads as the expected events, from a buffer and from a file in chunks
// of 1 to 9 bytes (inside every UTF-16 unit, surrogate pair and UTF-8 sequence) and of 1 MB.
void check_every_variant(const std::string& utf8, const std::u16string& utf16, const std::vector<std::string>& events,
                         const std::vector<std::string>& start_errors, read::input_format format) {
    for (const variant& v : variants_of(utf8, utf16)) {
        INFO("variant: " << v.name);
        const reading whole = read_buffer(v.bytes);
        CHECK(whole.events == events);
        CHECK(whole.start_errors == start_errors);
        CHECK(whole.report.format == format);
        CHECK(whole.report.encoding == v.encoding);
        CHECK(whole.report.problems == 0);
        CHECK_FALSE(whole.report.unreadable());
        for (std::size_t chunk : {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{4}, std::size_t{5},
                                  std::size_t{7}, std::size_t{9}, std::size_t{1} << 20}) {
            INFO("chunk size " << chunk);
            const reading file = read_file(v.bytes, chunk);
            CHECK(file.events == events);
            CHECK(file.start_errors == start_errors);
            CHECK(file.report.format == format);
            CHECK(file.report.encoding == v.encoding);
            CHECK(file.report.problems == 0);
        }
    }
}

// --- The decoder ---------------------------------------------------------------------------

std::string decoded(std::string_view bytes, text_encoding e) { return read::decode_to_utf8(bytes, e); }

// Decoded in pieces of the given sizes (cycled), through the pointer interface into buffers of
// exactly max_output bytes each.
std::string decoded_in_pieces(std::string_view bytes, text_encoding e, const std::vector<std::size_t>& sizes) {
    read::text_decoder decoder(e);
    std::string out;
    std::size_t at = 0, k = 0;
    do {
        const std::size_t n = std::min(sizes[k++ % sizes.size()], bytes.size() - at);
        const bool final = at + n == bytes.size();
        std::vector<char> room(read::text_decoder::max_output(n));
        const std::size_t wrote = decoder.decode(bytes.data() + at, n, final, room.data());
        CHECK(wrote <= room.size());
        out.append(room.data(), wrote);
        at += n;
        if (final) break;
    } while (true);
    return out;
}

// Every split of the input into two pieces and into pieces of 1, 2 and 3 bytes gives the one-shot result.
void check_splits(std::string_view bytes, text_encoding e) {
    const std::string whole = decoded(bytes, e);
    CHECK(read::is_valid_utf8(whole));
    for (std::size_t cut = 0; cut <= bytes.size(); ++cut) {
        read::text_decoder decoder(e);
        std::string out;
        decoder.decode(bytes.substr(0, cut), false, out);
        decoder.decode(bytes.substr(cut), true, out);
        CHECK(out == whole);
    }
    for (std::size_t size : std::initializer_list<std::size_t>{1, 2, 3}) CHECK(decoded_in_pieces(bytes, e, {size}) == whole);
    CHECK(decoded_in_pieces(bytes, e, {1, 3, 2, 5}) == whole);
}

const std::string fffd = "\xEF\xBF\xBD";

}  // namespace

TEST_CASE("encoding: detected from byte order marks, NUL positions, and UTF-8 well-formedness") {
    CHECK(read::detect_encoding("\xEF\xBB\xBFplain") == text_encoding::utf8_bom);
    CHECK(read::detect_encoding(std::string_view("\xFF\xFEs\0", 4)) == text_encoding::utf16le_bom);
    CHECK(read::detect_encoding(std::string_view("\xFE\xFF\0s", 4)) == text_encoding::utf16be_bom);
    CHECK(read::detect_encoding(std::string_view("E\0v\0e\0n\0t\0", 10)) == text_encoding::utf16le);
    CHECK(read::detect_encoding(std::string_view("\0E\0v\0e\0n\0t", 10)) == text_encoding::utf16be);
    // Latin letters outside ASCII still have a zero byte in UTF-16 (U+00E9 is E9 00 little-endian).
    CHECK(read::detect_encoding(std::string_view("\xE9\0t\0\xE9\0", 6)) == text_encoding::utf16le);
    CHECK(read::detect_encoding("Event ID: 4143\r\n") == text_encoding::utf8);
    CHECK(read::detect_encoding("") == text_encoding::utf8);
    CHECK(read::detect_encoding("CAF\xC3\x89" "01") == text_encoding::utf8);
    CHECK(read::detect_encoding("CAF\xC9" "01") == text_encoding::windows_1252);
    CHECK(read::detect_encoding("customer\x92s") == text_encoding::windows_1252);
    // A prefix may end inside a sequence: that alone is no reason to say Windows-1252.
    CHECK(read::detect_encoding("caf\xC3") == text_encoding::utf8);
    // NUL padding is neither UTF-16 nor a reason to doubt UTF-8.
    CHECK(read::detect_encoding(std::string_view("abc\0\0\0\0\0", 8)) == text_encoding::utf8);
    CHECK(read::detect_encoding(std::string_view("abc\0", 4)) == text_encoding::utf8);
    CHECK(read::detect_encoding(std::string(100, '\0')) == text_encoding::utf8);
    // Only the first encoding_prefix_size bytes count.
    CHECK(read::detect_encoding(std::string(read::encoding_prefix_size, 'a') + "\xE9") == text_encoding::utf8);
    CHECK(read::to_string(text_encoding::utf16le_bom) == "utf16le_bom");
    CHECK(read::to_string(text_encoding::windows_1252) == "windows_1252");
}

TEST_CASE("encoding: UTF-16 surrogate pairs, unpaired surrogates and odd byte counts") {
    const text_encoding le = text_encoding::utf16le, be = text_encoding::utf16be;
    // U+1F600 is D83D DE00 (RFC 2781 2.1); its UTF-8 is F0 9F 98 80.
    CHECK(decoded(std::string_view("\x3D\xD8\x00\xDE", 4), le) == "\xF0\x9F\x98\x80");
    CHECK(decoded(std::string_view("\xD8\x3D\xDE\x00", 4), be) == "\xF0\x9F\x98\x80");
    CHECK(decoded(std::string_view("\x3D\xD8" "A\0", 4), le) == fffd + "A");             // high, then no low
    CHECK(decoded(std::string_view("\x00\xDE" "A\0", 4), le) == fffd + "A");             // low alone
    CHECK(decoded(std::string_view("A\0\x3D\xD8", 4), le) == "A" + fffd);                // high at the end
    CHECK(decoded(std::string_view("\x00\xDE\x3D\xD8", 4), le) == fffd + fffd);          // the wrong order
    CHECK(decoded(std::string_view("\x3D\xD8\x3D\xD8\x00\xDE", 6), le) == fffd + "\xF0\x9F\x98\x80");
    CHECK(decoded(std::string_view("A\0B", 3), le) == "A" + fffd);                       // a last odd byte
    CHECK(decoded(std::string_view("A\0\0", 3), le) == "A");                             // ... that is padding
    CHECK(decoded(std::string_view("\xE9\0\xAC\x20", 4), le) == "\xC3\xA9\xE2\x82\xAC");  // é €
    const std::string_view mixed("\xFF\xFE" "A\0\x3D\xD8\x00\xDE\r\0\n\0\x00\xDE\xE9\0\x3D\xD8" "B", 19);
    check_splits(mixed, le);
    check_splits(std::string_view("\xFE\xFF\0A\xD8\x3D\xDE\x00\0\r\0\n\xDE\x00\0\xE9\xD8\x3D\0", 19), be);
}

TEST_CASE("encoding: UTF-8 passes; bytes that start no well-formed sequence are read as Windows-1252") {
    const text_encoding u8 = text_encoding::utf8;
    CHECK(decoded("caf\xC3\xA9 \xE2\x80\x99 \xF0\x9F\x98\x80", u8) == "caf\xC3\xA9 \xE2\x80\x99 \xF0\x9F\x98\x80");
    CHECK(decoded("caf\xE9", u8) == "caf\xC3\xA9");                        // a lone E9 is é
    CHECK(decoded("\xC0\x80", u8) == "\xC3\x80\xE2\x82\xAC");              // overlong: À €
    CHECK(decoded("\xED\xA0\x80", u8) == "\xC3\xAD\xC2\xA0\xE2\x82\xAC");  // an encoded surrogate: í NBSP €
    CHECK(decoded("\xF4\x90\x80\x80", u8) == "\xC3\xB4" + fffd + "\xE2\x82\xAC\xE2\x82\xAC");  // above U+10FFFF: ô ? € €
    CHECK(decoded("x\xE2\x82", u8) == "x\xC3\xA2\xE2\x80\x9A");            // cut short at the end: â ‚
    check_splits("caf\xC3\xA9 \xE2\x80\x99\xF0\x9F\x98\x80\xE2\x82\xE9\xF0\x9F", u8);
    CHECK(read::is_valid_utf8("caf\xC3\xA9"));
    CHECK_FALSE(read::is_valid_utf8("caf\xE9"));
    CHECK_FALSE(read::is_valid_utf8("\xE2\x82"));
    CHECK_FALSE(read::is_valid_utf8("\xED\xA0\x80"));
}

TEST_CASE("encoding: Windows-1252, with the table's 80-9F and its undefined bytes") {
    const text_encoding w = text_encoding::windows_1252;
    CHECK(decoded("\x80\x92\x85\x9F", w) == "\xE2\x82\xAC\xE2\x80\x99\xE2\x80\xA6\xC5\xB8");  // € ’ … Ÿ
    CHECK(decoded("\x81\x8D\x8F\x90\x9D", w) == fffd + fffd + fffd + fffd + fffd);
    CHECK(decoded("CAF\xC9 \xA0\xFF", w) == "CAF\xC3\x89 \xC2\xA0\xC3\xBF");
    // Even bytes that would be well-formed UTF-8 are Windows-1252 here: C3 A9 is "Ã©".
    CHECK(decoded("\xC3\xA9", w) == "\xC3\x83\xC2\xA9");
    check_splits("\x80\x92 caf\xE9\r\n\x81", w);
}

TEST_CASE("encoding: NUL padding is dropped, NULs inside a line are kept (at most 16)") {
    const text_encoding u8 = text_encoding::utf8;
    CHECK(decoded(std::string_view("\0\0a\n\0\0\0b\0\0\n\0", 13), u8) == "a\nb\n");
    CHECK(decoded(std::string_view("a\0\0b", 4), u8) == std::string_view("a\0\0b", 4));
    CHECK(decoded("a" + std::string(100, '\0') + "b", u8) == "a" + std::string(16, '\0') + "b");
    CHECK(decoded(std::string("text") + std::string(5000, '\0'), u8) == "text");
    CHECK(decoded(std::string(5000, '\0'), u8).empty());
    CHECK(decoded(std::string_view("a\0\0\0b\0\0\0", 8), text_encoding::utf16le) == std::string_view("a\0b", 3));
    check_splits(std::string_view("\0\0a\n\0\0\0b\0\0\r\n\0x\0\0y\0", 19), u8);
}

TEST_CASE("encoding: CR line ends become LF; LF and CR LF inputs pass as they are") {
    const text_encoding u8 = text_encoding::utf8;
    CHECK(decoded("a\rb\r", u8) == "a\nb\n");
    CHECK(decoded("a\r\rb", u8) == "a\n\nb");
    CHECK(decoded("a\rb\r\nc\nd", u8) == "a\nb\nc\nd");  // a CR file: CR LF and LF are line ends too
    CHECK(decoded("a\r\nb\rc", u8) == "a\r\nb\rc");      // a CR LF file: a stray CR stays
    CHECK(decoded("a\nb\rc", u8) == "a\nb\rc");
    CHECK(decoded("a\r", u8) == "a\n");
    CHECK(decoded(std::string_view("a\r\0\0\nb", 6), u8) == "a\r\nb");  // NULs between CR and LF are padding
    CHECK(decoded(std::string_view("a\0\r\0b\0\r\0", 8), text_encoding::utf16le) == "a\nb\n");
    check_splits("a\rb\r\nc\r\rd\r", u8);
    check_splits("a\r\nb\rc\r", u8);
}

TEST_CASE("encoding: a byte order mark at the start of the input or of a line is dropped") {
    CHECK(decoded("\xEF\xBB\xBF" "a", text_encoding::utf8_bom) == "a");
    CHECK(decoded("a\r\n\xEF\xBB\xBF" "b", text_encoding::utf8) == "a\r\nb");           // concatenated files
    CHECK(decoded("a\xEF\xBB\xBF" "b", text_encoding::utf8) == "a\xEF\xBB\xBF" "b");    // inside a line it stays
    CHECK(decoded(std::string_view("\xFF\xFE" "a\0\n\0\xFF\xFE" "b\0", 10), text_encoding::utf16le) == "a\nb");
}

TEST_CASE("encoding: decodes_unchanged says when a reader may read the caller's bytes in place") {
    for (std::string_view plain : {std::string_view("Event ID: 4143\r\nSource: X\r\nstray\rCR\n"),
                                   std::string_view("caf\xC3\xA9\n"), std::string_view("")}) {
        CHECK(read::decodes_unchanged(plain));
        CHECK(read::decode_to_utf8(plain) == plain);
    }
    CHECK_FALSE(read::decodes_unchanged("\xEF\xBB\xBF" "a"));
    CHECK_FALSE(read::decodes_unchanged(std::string_view("a\0", 2)));
    CHECK_FALSE(read::decodes_unchanged("a\rb"));
    CHECK_FALSE(read::decodes_unchanged("a\r"));
    CHECK_FALSE(read::decodes_unchanged("caf\xE9"));
    CHECK_FALSE(read::decodes_unchanged("a\n\xEF\xBB\xBF" "b"));
    CHECK_FALSE(read::decodes_unchanged(std::string_view("a\0b\0c\0d\0", 8)));
}

TEST_CASE("encoding: take_unchanged passes what decodes to itself, in any pieces, and decoding goes on after it") {
    const std::string_view inputs[] = {
        "Event ID: 4143\r\nSource:\tX\r\n", "tab\tfirst\nthen\rstray CR\n", "caf\xC3\xA9 \xE2\x82\xAC\n",
        "caf\xE9 (Windows-1252)\n", "a\rb\rCR lines\r", "\xEF\xBB\xBF" "marked\n", "x\n\xEF\xBB\xBFy\n",
        std::string_view("nul\0inside\n", 12), "ends in CR\r", "split \xC3", "\xC3\xA9 at the start",
    };
    for (std::string_view in : inputs) {
        CAPTURE(std::string(in));
        const text_encoding e = read::detect_encoding(in);
        const std::string whole = read::decode_to_utf8(in, e);
        for (std::size_t piece = 1; piece <= in.size() + 1; ++piece) {
            CAPTURE(piece);
            read::text_decoder decoder(e);
            std::string out;
            for (std::size_t at = 0; at < in.size() || at == 0; at += piece) {
                const std::string_view part = in.substr(std::min(at, in.size()), piece);
                const bool final = at + piece >= in.size();
                const std::size_t same = decoder.take_unchanged(part.data(), part.size());
                out.append(part.substr(0, same));
                decoder.decode(part.substr(same), final, out);
                if (final) break;
            }
            CHECK(out == whole);
        }
    }
    read::text_decoder plain(text_encoding::utf8);
    CHECK(plain.take_unchanged("Event ID: 4143\r\n", 16) == 16);
    read::text_decoder utf16(text_encoding::utf16le);
    CHECK(utf16.take_unchanged("a\0", 2) == 0);  // UTF-16 always changes
}

TEST_CASE("encoding: the format is told from the decoded text") {
    const std::u16string rows = u"" SAVE_AS_ROWS;
    const read::input_kind save_as = read::detect_input(utf16_bytes(rows, false, true));
    CHECK(save_as.format == read::input_format::event_viewer_export);
    CHECK(save_as.encoding == text_encoding::utf16le_bom);
    CHECK(read::detect_input(utf16_bytes(u"" PASTED_TICKET, true, false)).format == read::input_format::text);
    CHECK(read::detect_input(as_windows_1252(PASTED_TICKET)).encoding == text_encoding::windows_1252);
    // Bytes that are no text stay binary whatever encoding they resemble.
    std::string garbage(4096, '\0');
    for (std::size_t i = 0; i < garbage.size(); ++i) garbage[i] = static_cast<char>((i * 7919) % 251);
    CHECK(read::detect_input(garbage).format == read::input_format::binary);
    std::string words;  // little-endian 32-bit counters: UTF-16LE-shaped, NULs inside "lines"
    for (unsigned i = 0; i < 512; ++i) words += std::string{static_cast<char>(0x41 + i % 26), '\0', '\0', '\0'};
    CHECK(read::detect_input(words).format == read::input_format::binary);
    std::string controls;  // UTF-16LE of control characters
    for (unsigned i = 0; i < 512; ++i) controls += std::string{static_cast<char>(1 + i % 8), '\0'};
    CHECK(read::detect_input(controls).format == read::input_format::binary);
    CHECK(read::detect_input(std::string_view("\x30\0\0\0LfLe", 8)).format == read::input_format::evt);
}

TEST_CASE("encoding: an Event Viewer Save As file reads the same in every encoding, whole and in chunks") {
    check_every_variant(SAVE_AS_ROWS, u"" SAVE_AS_ROWS, save_as_events, {}, read::input_format::event_viewer_export);
}

TEST_CASE("encoding: pasted event text reads the same in every encoding, whole and in chunks") {
    check_every_variant(PASTED_TICKET, u"" PASTED_TICKET, ticket_events, {"MSExchangeIMC:2140"}, read::input_format::text);
}

TEST_CASE("encoding: a surrogate pair split across chunks of a UTF-16 file") {
    // U+1F4E7 (an e-mail symbol) in a description: D83D DCE7 in UTF-16.
    const std::u16string ticket = u"Event ID: 4143\r\nSource: MSExchangeIMC\r\nDescription: mail \U0001F4E7 stuck\r\n";
    for (bool big : {false, true}) {
        const std::string bytes = utf16_bytes(ticket, big, !big);
        for (std::size_t chunk = 1; chunk <= 9; ++chunk) {
            INFO("big endian " << big << ", chunk " << chunk);
            const reading r = read_file(bytes, chunk);
            REQUIRE(r.events.size() == 1);
            CHECK(r.events[0] == "4143|MSExchangeIMC||||mail \xF0\x9F\x93\xA7 stuck|line 1");
        }
    }
}

TEST_CASE("encoding: an input of nothing, or of white space only once decoded, says so") {
    for (const std::string& blank :
         {std::string(), std::string("  \r\n\t\r\n"), utf16_bytes(u"  \r\n\t \r\n", false, true),
          utf16_bytes(u" \r\n", true, false) + std::string(64, '\0'), std::string("\xEF\xBB\xBF"), std::string(300, '\0')}) {
        INFO("bytes: " << blank.size());
        for (int from_file = 0; from_file < 2; ++from_file) {
            const reading r = from_file ? read_file(blank, 3) : read_buffer(blank);
            CHECK(r.report.unreadable());
            CHECK(r.report.opened);
            CHECK(r.report.problems == 1);
            REQUIRE(r.report.warnings.size() == 1);
            CHECK(r.report.warnings[0] == (blank.empty() ? "nothing to read: the input is empty"
                                                         : "nothing to read: the input holds only white space"));
        }
    }
    // One visible character is something to read (if nothing a rule knows).
    const reading dot = read_buffer(utf16_bytes(u" \r\n.\r\n", false, true));
    CHECK_FALSE(dot.report.unreadable());
    CHECK(dot.report.problems == 0);
}

TEST_CASE("encoding: a file that cannot be opened gives the system's reason") {
    evidence seen(kb::exchange_ims::table, kb::exchange_service_names);
    const input_report& missing = seen.read_file(work_path("no-such-file.txt"));
    CHECK_FALSE(missing.opened);
    CHECK(missing.unreadable());
    REQUIRE(missing.warnings.size() == 1);
    CHECK(missing.warnings[0] == "cannot open: no such file or directory");
    const input_report& folder = seen.read_file(RULEDX_READ_TEST_WORK);
    CHECK_FALSE(folder.opened);
    CHECK(folder.unreadable());
    REQUIRE(folder.warnings.size() == 1);
    CHECK(folder.warnings[0] == "cannot open: is a directory");
}
