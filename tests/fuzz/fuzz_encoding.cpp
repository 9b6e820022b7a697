// libFuzzer: the decoder on any bytes, in every encoding, split into pieces of sizes the input
// chooses. The output must be valid UTF-8 (checked here by a validator of its own, not the
// library's), stay within max_output, and equal the one-shot decoding, also when take_unchanged()
// passed its first bytes; an input decodes_unchanged says is plain must decode to itself; detection
// and the text scanner must not fail on it.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "ruledx/read/detect.hpp"
#include "ruledx/read/encoding.hpp"
#include "ruledx/read/text_scan.hpp"

namespace {

// Well-formed UTF-8 (The Unicode Standard, table 3-7), written out range by range.
bool valid_utf8(std::string_view s) {
    std::size_t i = 0;
    const auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const auto in = [](unsigned char c, unsigned lo, unsigned hi) { return c >= lo && c <= hi; };
    while (i < s.size()) {
        const unsigned char b = at(i);
        std::size_t len = 0;
        unsigned lo = 0x80, hi = 0xBF;
        if (b <= 0x7F) len = 1;
        else if (in(b, 0xC2, 0xDF)) len = 2;
        else if (b == 0xE0) len = 3, lo = 0xA0;
        else if (in(b, 0xE1, 0xEC) || in(b, 0xEE, 0xEF)) len = 3;
        else if (b == 0xED) len = 3, hi = 0x9F;
        else if (b == 0xF0) len = 4, lo = 0x90;
        else if (in(b, 0xF1, 0xF3)) len = 4;
        else if (b == 0xF4) len = 4, hi = 0x8F;
        else return false;
        if (s.size() - i < len) return false;
        for (std::size_t k = 1; k < len; ++k)
            if (!(k == 1 ? in(at(i + 1), lo, hi) : in(at(i + k), 0x80, 0xBF))) return false;
        i += len;
    }
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace ruledx::read;
    if (size < 2) return 0;
    // The first byte picks the encoding (or detection), the second seeds the piece sizes.
    const text_encoding encodings[] = {text_encoding::utf8,        text_encoding::utf8_bom,  text_encoding::utf16le,
                                       text_encoding::utf16le_bom, text_encoding::utf16be,   text_encoding::utf16be_bom,
                                       text_encoding::windows_1252, text_encoding::none};
    const std::string_view bytes(reinterpret_cast<const char*>(data) + 2, size - 2);
    const text_encoding e = data[0] < 8 ? encodings[data[0]] : detect_encoding(bytes);
    std::uint32_t seed = data[1] * 2654435761u + 1;

    const std::string whole = decode_to_utf8(bytes, e);
    if (!valid_utf8(whole)) __builtin_trap();

    // Pieces of 0 to 16 bytes, each decoded into a buffer of exactly max_output bytes (ASan sees
    // a write past it).
    text_decoder decoder(e);
    std::string pieces;
    std::size_t at = 0;
    for (;;) {
        seed = seed * 1103515245u + 12345u;
        std::size_t n = (seed >> 16) % 17;
        if (n > bytes.size() - at) n = bytes.size() - at;
        const bool final = at + n == bytes.size() && (seed >> 8) % 4 != 0;  // some empty final pieces too
        std::vector<char> room(text_decoder::max_output(n));
        const std::size_t wrote = decoder.decode(bytes.data() + at, n, final, room.data());
        if (wrote > room.size()) __builtin_trap();
        pieces.append(room.data(), wrote);
        at += n;
        if (final) break;
    }
    if (pieces != whole) __builtin_trap();

    // The bytes take_unchanged() passes are the decoding's first bytes, and the rest decodes on from there.
    text_decoder in_place(e);
    const std::size_t unchanged = in_place.take_unchanged(bytes.data(), bytes.size());
    if (unchanged > bytes.size()) __builtin_trap();
    std::string resumed(bytes.substr(0, unchanged));
    in_place.decode(bytes.substr(unchanged), true, resumed);
    if (resumed != whole) __builtin_trap();

    if (decodes_unchanged(bytes) && decode_to_utf8(bytes) != bytes) __builtin_trap();
    const input_kind kind = detect_input(bytes);
    if (kind.format == input_format::binary && kind.encoding != text_encoding::none) __builtin_trap();

    // Through the scanner, whole and from a file in small chunks: every view it hands out is read.
    std::size_t sink = 0;
    auto touch = [&](std::string_view v) {
        for (char c : v) sink += static_cast<unsigned char>(c);
    };
    text_scan_options o;
    o.max_line_length = 512;
    text_scanner whole_scanner(o);
    whole_scanner.scan(
        bytes, [&](const event_record& r) { touch(r.description); touch(r.source); },
        [&](const start_error_record& s) { touch(s.display_name); }, [&](const read_error& r) { touch(r.detail); });
    if (std::FILE* f = std::tmpfile()) {
        std::fwrite(bytes.data(), 1, bytes.size(), f);
        std::rewind(f);
        o.chunk_size = 1 + data[1] % 23;
        text_scanner chunked(o);
        (void)chunked.scan_file(
            f, [&](const event_record& r) { touch(r.description); touch(r.computer); },
            [&](const start_error_record& s) { touch(s.display_name); }, [&](const read_error&) {});
        std::fclose(f);
        if (chunked.encoding() != whole_scanner.encoding() || chunked.saw_visible_text() != whole_scanner.saw_visible_text())
            __builtin_trap();
    }
    return sink == 0xFFFFFFFF ? 1 : 0;
}
