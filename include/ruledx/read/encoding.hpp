// ruledx — the text encodings evidence arrives in, detected from its bytes and decoded to UTF-8, so
// that every text reader sees one form whatever program saved the file.
//
// Detection (detect_encoding), from the first encoding_prefix_size bytes:
//   - a byte order mark: EF BB BF is UTF-8, FF FE UTF-16LE, FE FF UTF-16BE (The Unicode Standard,
//     section 23.8 "Specials: Byte Order Mark"; RFC 2781 section 3.2). Windows 2000 Event Viewer's
//     "Save As" text files are UTF-16LE with a mark.
//   - without a mark, UTF-16 when most two-byte units hold exactly one zero byte, as Latin text in
//     UTF-16 does: the zero in the second byte means little-endian, in the first big-endian. Units
//     of two zeros are NUL padding and count for neither. (RFC 2781 section 4.3 reads unmarked text
//     *labelled* UTF-16 as big-endian; a file has no label, and Windows writes little-endian, so
//     the zeros decide.)
//   - otherwise UTF-8 when the first bytes are well-formed UTF-8 (The Unicode Standard, section 3.9,
//     table 3-7 "Well-Formed UTF-8 Byte Sequences"; ASCII is UTF-8), else Windows-1252: the "ANSI"
//     code page NT 4.0 exports are written in, whose letters are not valid UTF-8.
//
// Decoding (text_decoder), streaming: decode() takes any split of the input and carries an
// incomplete UTF-8 sequence, a lone byte of a UTF-16 unit or a high surrogate to the next call.
//   - UTF-16 (RFC 2781 section 2.2): a high surrogate D800-DBFF followed by a low one DC00-DFFF is
//     one code point; an unpaired surrogate, and a last odd byte that is not zero, become U+FFFD.
//   - UTF-8: well-formed sequences pass as they are; a byte that starts none is read as
//     Windows-1252, so that a file whose first bytes are ASCII and whose later ones are "ANSI" still
//     reads right (and the output is always valid UTF-8).
//   - Windows-1252: 00-7F ASCII, A0-FF Latin-1 (U+00A0-U+00FF), 80-9F per Microsoft's table as the
//     Unicode Consortium publishes it (Public/MAPPINGS/VENDORS/MICSFT/WINDOWS/CP1252.TXT); the five
//     bytes it leaves undefined (81 8D 8F 90 9D) become U+FFFD.
// and normalised, so that the readers need not know:
//   - NUL padding: NULs at the start of a line, or running up to a line end or the end of the input,
//     are dropped (files padded at the end or between records). A NUL run inside a line is kept, cut
//     to max_nul_run NULs, so that the scanner still sees binary data there.
//   - line ends: when the first line end of the input is a lone CR, the input has CR line ends and
//     every CR and CR LF becomes LF; inputs with LF or CR LF line ends pass as they are.
//   - U+FEFF at the start of the input or of a line (a byte order mark, also of concatenated files)
//     is dropped.
//
// Line numbers and offsets the readers report for a decoded input count in the decoded UTF-8 text.
#ifndef RULEDX_READ_ENCODING_HPP
#define RULEDX_READ_ENCODING_HPP

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "ruledx/read/detail/bytes.hpp"
#include "ruledx/read/detail/utf8.hpp"

namespace ruledx::read {

enum class text_encoding : std::uint8_t {
    none,  // not a text input (a binary log, bytes no reader understands), or nothing to detect from
    utf8,
    utf8_bom,
    utf16le,
    utf16le_bom,
    utf16be,
    utf16be_bom,
    windows_1252,
};

[[nodiscard]] constexpr std::string_view to_string(text_encoding e) noexcept {
    switch (e) {
        case text_encoding::none: return "none";
        case text_encoding::utf8: return "utf8";
        case text_encoding::utf8_bom: return "utf8_bom";
        case text_encoding::utf16le: return "utf16le";
        case text_encoding::utf16le_bom: return "utf16le_bom";
        case text_encoding::utf16be: return "utf16be";
        case text_encoding::utf16be_bom: return "utf16be_bom";
        case text_encoding::windows_1252: return "windows_1252";
    }
    return "";
}

// How many leading bytes detect_encoding looks at.
inline constexpr std::size_t encoding_prefix_size = 4096;

namespace detail {

// Windows-1252 bytes 80-9F (CP1252.TXT); 0xFFFD where the table defines nothing.
inline constexpr std::uint16_t cp1252_80_9f[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

[[nodiscard]] constexpr char32_t cp1252(unsigned char b) noexcept {
    return b >= 0x80 && b < 0xA0 ? char32_t{cp1252_80_9f[b - 0x80]} : char32_t{b};
}

// The length of the well-formed UTF-8 sequence at p (table 3-7), 0 when p starts none, or
// `incomplete` when the n bytes there are a well-formed start of one that needs more.
inline constexpr std::size_t utf8_incomplete = static_cast<std::size_t>(-1);
[[nodiscard]] constexpr std::size_t utf8_sequence(const unsigned char* p, std::size_t n) noexcept {
    const unsigned char b = p[0];
    if (b < 0x80) return 1;
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // the range of the second byte
    if (b >= 0xC2 && b <= 0xDF) len = 2;
    else if (b == 0xE0) len = 3, lo = 0xA0;
    else if (b == 0xED) len = 3, hi = 0x9F;  // no surrogates
    else if (b >= 0xE1 && b <= 0xEF) len = 3;
    else if (b == 0xF0) len = 4, lo = 0x90;
    else if (b >= 0xF1 && b <= 0xF3) len = 4;
    else if (b == 0xF4) len = 4, hi = 0x8F;  // nothing above U+10FFFF
    else return 0;
    for (std::size_t i = 1; i < len; ++i) {
        if (i >= n) return utf8_incomplete;
        const unsigned char c = p[i];
        if (i == 1 ? (c < lo || c > hi) : (c < 0x80 || c > 0xBF)) return 0;
    }
    return len;
}

[[nodiscard]] constexpr char32_t utf8_value(const unsigned char* p, std::size_t len) noexcept {
    switch (len) {
        case 1: return p[0];
        case 2: return (char32_t{p[0] & 0x1Fu} << 6) | (p[1] & 0x3Fu);
        case 3: return (char32_t{p[0] & 0x0Fu} << 12) | (char32_t{p[1] & 0x3Fu} << 6) | (p[2] & 0x3Fu);
        default:
            return (char32_t{p[0] & 0x07u} << 18) | (char32_t{p[1] & 0x3Fu} << 12) | (char32_t{p[2] & 0x3Fu} << 6) |
                   (p[3] & 0x3Fu);
    }
}

// Whether four UTF-16 units, their bytes in `x` as stored (the zero byte of each unit second when
// little-endian, first when big-endian), are all ASCII but NUL (AnyAscii: once the line ends are
// known to be LF or CR LF, nothing the decoder changes) or all printable ASCII or DEL (20-7F).
template <bool BigEndian, bool AnyAscii>
[[nodiscard]] constexpr bool all_plain_utf16(std::uint64_t x) noexcept {
    if (BigEndian) {
        if ((x & 0x00FF00FF00FF00FFu) != 0) return false;
        x >>= 8;  // each unit's character byte to where a little-endian unit has it
    }
    if ((x & 0xFF80FF80FF80FF80u) != 0) return false;
    if (AnyAscii) return ((x - 0x0001000100010001u) & 0x0080008000800080u) == 0;
    return ((x + 0x0060006000600060u) & 0x0080008000800080u) == 0x0080008000800080u;
}

}  // namespace detail

// Well-formed UTF-8 throughout (table 3-7).
[[nodiscard]] inline bool is_valid_utf8(std::string_view text) noexcept {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t len = detail::utf8_sequence(p + i, text.size() - i);
        if (len == 0 || len == detail::utf8_incomplete) return false;
        i += len;
    }
    return true;
}

[[nodiscard]] inline text_encoding detect_encoding(std::string_view prefix) noexcept {
    prefix = prefix.substr(0, encoding_prefix_size);
    const auto* p = reinterpret_cast<const unsigned char*>(prefix.data());
    const std::size_t n = prefix.size();
    if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) return text_encoding::utf8_bom;
    if (n >= 2 && p[0] == 0xFF && p[1] == 0xFE) return text_encoding::utf16le_bom;
    if (n >= 2 && p[0] == 0xFE && p[1] == 0xFF) return text_encoding::utf16be_bom;
    std::size_t le = 0, be = 0, other = 0;  // units shaped x 0, 0 x, and x y
    for (std::size_t i = 0; i + 1 < n; i += 2) {
        const bool z0 = p[i] == 0, z1 = p[i + 1] == 0;
        le += !z0 && z1;
        be += z0 && !z1;
        other += !z0 && !z1;
    }
    // A majority of the units that are not padding, and a few of them: "abc\0" is UTF-8 and padding.
    const std::size_t units = le + be + other;
    if (le >= 2 && 2 * le > units && be * 8 <= le) return text_encoding::utf16le;
    if (be >= 2 && 2 * be > units && le * 8 <= be) return text_encoding::utf16be;
    // The prefix may end inside a sequence: only a sequence that goes wrong says "not UTF-8".
    for (std::size_t i = 0; i < n;) {
        const std::size_t len = detail::utf8_sequence(p + i, n - i);
        if (len == detail::utf8_incomplete) break;
        if (len == 0) return text_encoding::windows_1252;
        i += len;
    }
    return text_encoding::utf8;
}

// Decodes one input, given in pieces of any size, to UTF-8 (see the header comment).
class text_decoder {
public:
    // The longest run of NULs kept inside a line.
    static constexpr std::size_t max_nul_run = 16;

    constexpr text_decoder() noexcept = default;
    explicit constexpr text_decoder(text_encoding e) noexcept : encoding_(e) {}

    // Starts a new input.
    constexpr void reset(text_encoding e) noexcept { *this = text_decoder(e); }
    [[nodiscard]] constexpr text_encoding encoding() const noexcept { return encoding_; }

    // The most bytes decode() writes for `n` bytes of input: 3 per byte (a Windows-1252 byte or
    // the byte completing a carried UTF-16 unit can make a 3-byte character) plus what an earlier
    // call carried (3 UTF-8 bytes, a high surrogate, a NUL run, a CR).
    [[nodiscard]] static constexpr std::size_t max_output(std::size_t n) noexcept { return 3 * n + 32; }

    // Decodes n bytes (final: they end the input) into `out`, which has room for max_output(n)
    // bytes; returns how many it wrote.
    std::size_t decode(const char* in, std::size_t n, bool final, char* out) noexcept {
        char* d = out;
        const auto* p = reinterpret_cast<const unsigned char*>(in);
        switch (encoding_) {
            case text_encoding::utf16le:
            case text_encoding::utf16le_bom: decode_utf16<false>(p, n, d); break;
            case text_encoding::utf16be:
            case text_encoding::utf16be_bom: decode_utf16<true>(p, n, d); break;
            case text_encoding::windows_1252: decode_1252(p, n, d); break;
            case text_encoding::none:
            case text_encoding::utf8:
            case text_encoding::utf8_bom: decode_utf8(p, n, final, d); break;
        }
        if (final) finish(d);
        return static_cast<std::size_t>(d - out);
    }

    // Appends the UTF-8 of `in` to `out`, a piece at a time through a buffer on the stack (growing
    // `out` to the worst case first would cost a fill of three times the input).
    void decode(std::string_view in, bool final, std::string& out) {
        constexpr std::size_t piece = 4096;
        char buffer[max_output(piece)];
        std::size_t at = 0;
        do {
            const std::size_t n = in.size() - at < piece ? in.size() - at : piece;
            const bool last = at + n == in.size();
            out.append(buffer, decode(in.data() + at, n, final && last, buffer));
            at += n;
        } while (at < in.size());
    }

    // How many of the n bytes at `in` decode to themselves: UTF-8 (with or without a mark) that
    // needs no change, from where the decoder stands. They count as decoded (the decoder's state
    // moves past them), so a caller reads them where they are and decodes only the rest: most text
    // inputs are never copied.
    std::size_t take_unchanged(const char* in, std::size_t n) noexcept {
        const bool utf8 = encoding_ == text_encoding::utf8 || encoding_ == text_encoding::utf8_bom ||
                          encoding_ == text_encoding::none;
        if (!utf8 || carried_ != 0 || !plain_state()) return 0;
        const auto* p = reinterpret_cast<const unsigned char*>(in);
        std::size_t i = 0;
        while (i < n && mode_ != line_mode::cr) {  // CR line ends become LF
            std::size_t stop = n;  // before the decoder knows how lines end: up to the first line end
            if (mode_ == line_mode::undecided) {
                const void* nl = std::memchr(p + i, '\n', n - i);
                stop = nl ? static_cast<std::size_t>(static_cast<const unsigned char*>(nl) - p) : n;
                const void* cr = std::memchr(p + i, '\r', stop - i);
                if (cr) stop = static_cast<std::size_t>(static_cast<const unsigned char*>(cr) - p);
            }
            i += detail::ascii_run(in + i, stop - i, 1);
            if (i == stop) {
                if (stop == n) break;
                if (p[i] == '\r' && (i + 1 == n || p[i + 1] != '\n')) break;  // CR alone, or not known yet
                mode_ = line_mode::as_is;  // LF or CR LF: passed as they are
                i += p[i] == '\n' ? 1 : 2;
                continue;
            }
            if (p[i] < 0x80) break;  // NUL
            const std::size_t len = detail::utf8_sequence(p + i, n - i);
            if (len == 0 || len == detail::utf8_incomplete) break;
            const bool at_line_start = i == 0 ? line_start_ : p[i - 1] == '\n' || p[i - 1] == '\r';
            if (at_line_start && detail::utf8_value(p + i, len) == 0xFEFF) break;  // dropped
            i += len;
        }
        if (i > 0) {
            line_start_ = p[i - 1] == '\n' || p[i - 1] == '\r';
            after_cr_ = false;
        }
        return i;
    }

private:
    enum class line_mode : std::uint8_t { undecided, as_is, cr };

    template <bool BigEndian>
    void decode_utf16(const unsigned char* p, std::size_t n, char*& d) noexcept {
        const unsigned char* const end = p + n;
        const auto unit = [](unsigned char a, unsigned char b) noexcept {
            return BigEndian ? static_cast<std::uint32_t>(a << 8 | b) : static_cast<std::uint32_t>(b << 8 | a);
        };
        if (carried_ == 1 && p < end) {
            carried_ = 0;
            take_unit(unit(carry_[0], *p++), d);
        }
        while (end - p >= 2) {
            if (high_ == 0 && plain_state()) {
                // Runs of ASCII, four units at a time: most of a log export.
                const unsigned char* const start = p;
                if (mode_ == line_mode::as_is) {
                    while (end - p >= 8 && detail::all_plain_utf16<BigEndian, true>(detail::load_le64(p))) narrow4<BigEndian>(p, d);
                } else {
                    while (end - p >= 8 && detail::all_plain_utf16<BigEndian, false>(detail::load_le64(p))) narrow4<BigEndian>(p, d);
                }
                if (p != start) {
                    const unsigned char last = p[BigEndian ? -1 : -2];
                    line_start_ = last == '\n' || last == '\r';
                    after_cr_ = false;
                }
                if (end - p < 2) break;
            }
            take_unit(unit(p[0], p[1]), d);
            p += 2;
        }
        if (p < end) {
            carry_[0] = *p;
            carried_ = 1;
        }
    }

    template <bool BigEndian>
    static void narrow4(const unsigned char*& p, char*& d) noexcept {
        constexpr int c = BigEndian ? 1 : 0;  // where a unit keeps its character byte
        d[0] = static_cast<char>(p[c]);
        d[1] = static_cast<char>(p[2 + c]);
        d[2] = static_cast<char>(p[4 + c]);
        d[3] = static_cast<char>(p[6 + c]);
        d += 4;
        p += 8;
    }

    void take_unit(std::uint32_t u, char*& d) noexcept {
        if (high_ != 0) {
            if (u >= 0xDC00 && u <= 0xDFFF) {
                put(0x10000 + ((high_ - 0xD800) << 10) + (u - 0xDC00), d);
                high_ = 0;
                return;
            }
            high_ = 0;
            put(0xFFFD, d);
        }
        if (u >= 0xD800 && u <= 0xDBFF) {
            high_ = u;
            return;
        }
        put(u >= 0xDC00 && u <= 0xDFFF ? 0xFFFD : u, d);
    }

    void decode_1252(const unsigned char* p, std::size_t n, char*& d) noexcept {
        const unsigned char* const end = p + n;
        while (p < end) {
            copy_plain(p, end, d);
            if (p == end) break;
            put(detail::cp1252(*p++), d);
        }
    }

    void decode_utf8(const unsigned char* p, std::size_t n, bool final, char*& d) noexcept {
        const unsigned char* const end = p + n;
        if (carried_ > 0) {
            // Complete the carried sequence with the first new bytes (a sequence has at most 4).
            unsigned char tmp[8] = {};
            std::size_t len = carried_;
            std::memcpy(tmp, carry_, carried_);
            const std::size_t room = 4 - std::size_t{carried_};
            const std::size_t more = n < room ? n : room;
            if (more > 0) std::memcpy(tmp + len, p, more);
            len += more;
            std::size_t i = 0;
            while (i < carried_) {
                const std::size_t seq = detail::utf8_sequence(tmp + i, len - i);
                if (seq == detail::utf8_incomplete && !(final && more == n)) {
                    // Still short: all the new bytes belong to it (len < 4 means more == n).
                    std::memmove(carry_, tmp + i, len - i);
                    carried_ = static_cast<std::uint8_t>(len - i);
                    return;
                }
                if (seq == 0 || seq == detail::utf8_incomplete) {
                    put(detail::cp1252(tmp[i]), d);
                    ++i;
                } else {
                    put(detail::utf8_value(tmp + i, seq), d);
                    i += seq;
                }
            }
            p += i - carried_;
            carried_ = 0;
        }
        while (p < end) {
            copy_plain(p, end, d);
            if (p == end) break;
            const std::size_t seq = detail::utf8_sequence(p, static_cast<std::size_t>(end - p));
            if (seq == detail::utf8_incomplete && !final) {
                carried_ = static_cast<std::uint8_t>(end - p);
                std::memcpy(carry_, p, carried_);
                return;
            }
            if (seq == 0 || seq == detail::utf8_incomplete) {
                put(detail::cp1252(*p++), d);
            } else {
                put(detail::utf8_value(p, seq), d);
                p += seq;
            }
        }
    }

    // The end of the input: what was carried is decoded or replaced; trailing NULs are padding.
    void finish(char*& d) noexcept {
        if (carried_ > 0 && (encoding_ == text_encoding::utf16le || encoding_ == text_encoding::utf16le_bom ||
                             encoding_ == text_encoding::utf16be || encoding_ == text_encoding::utf16be_bom)) {
            if (high_ != 0) put(0xFFFD, d);
            high_ = 0;
            if (carry_[0] != 0) put(0xFFFD, d);
        } else {
            // UTF-8: decode_utf8 with final set has decoded everything.
            for (std::size_t i = 0; i < carried_; ++i) put(detail::cp1252(carry_[i]), d);
        }
        carried_ = 0;
        if (high_ != 0) put(0xFFFD, d);
        high_ = 0;
        nuls_ = 0;
        if (pending_cr_) {
            pending_cr_ = false;
            mode_ = line_mode::cr;
            *d++ = '\n';
        }
    }

    [[nodiscard]] constexpr bool plain_state() const noexcept { return nuls_ == 0 && !pending_cr_; }

    // Copies the ASCII at p that passes unchanged: printable ASCII, and once the line ends are known
    // to be LF or CR LF all but NUL.
    void copy_plain(const unsigned char*& p, const unsigned char* end, char*& d) noexcept {
        if (!plain_state()) return;
        const char* const start = reinterpret_cast<const char*>(p);
        const std::size_t n = detail::ascii_run(start, static_cast<std::size_t>(end - p), mode_ == line_mode::as_is ? 1 : 0x20);
        if (n == 0) return;
        std::memcpy(d, start, n);
        d += n;
        p += n;
        line_start_ = p[-1] == '\n' || p[-1] == '\r';
        after_cr_ = false;
    }

    // One decoded code point through the NUL, byte order mark and line end rules, then as UTF-8.
    void put(std::uint32_t c, char*& d) noexcept {
        if (c == 0) {
            ++nuls_;
            return;
        }
        if (c == 0xFEFF && line_start_) return;
        const bool line_end = c == '\n' || c == '\r';
        if (nuls_ != 0) {
            if (!line_start_ && !line_end)
                for (std::uint64_t i = 0; i < nuls_ && i < max_nul_run; ++i) *d++ = '\0';
            nuls_ = 0;
        }
        line_start_ = line_end;
        if (mode_ == line_mode::undecided) {
            if (pending_cr_) {
                pending_cr_ = false;
                if (c == '\n') {
                    mode_ = line_mode::as_is;
                    *d++ = '\r';
                    *d++ = '\n';
                    return;
                }
                mode_ = line_mode::cr;
                *d++ = '\n';
                after_cr_ = true;
            } else if (c == '\r') {
                pending_cr_ = true;  // CR LF or CR alone: the next character tells
                return;
            } else if (c == '\n') {
                mode_ = line_mode::as_is;
            }
        }
        if (mode_ == line_mode::cr) {
            const bool after_cr = after_cr_;
            after_cr_ = c == '\r';
            if (c == '\r') c = '\n';
            else if (c == '\n' && after_cr) return;  // CR LF in a CR file: one line end
        }
        d += detail::put_utf8(c, d);
    }

    text_encoding encoding_ = text_encoding::utf8;
    unsigned char carry_[4] = {};  // bytes of an incomplete UTF-8 sequence or UTF-16 unit
    std::uint8_t carried_ = 0;
    std::uint32_t high_ = 0;       // a high surrogate waiting for its low one
    std::uint64_t nuls_ = 0;       // NULs not yet known to be padding or not
    bool line_start_ = true;
    bool pending_cr_ = false;      // a CR, before the line end style is known
    bool after_cr_ = false;        // in a CR file: the last character was a CR
    line_mode mode_ = line_mode::undecided;
};

// The whole of `bytes` as UTF-8, in the given encoding or the detected one.
[[nodiscard]] inline std::string decode_to_utf8(std::string_view bytes, text_encoding e) {
    std::string out;
    text_decoder(e).decode(bytes, true, out);
    return out;
}
[[nodiscard]] inline std::string decode_to_utf8(std::string_view bytes) {
    return decode_to_utf8(bytes, detect_encoding(bytes));
}

// True when decoding `bytes` would give them back unchanged: detected as UTF-8, well-formed, no
// NUL, no U+FEFF at a line start (a mark included), and no lone CR as the first line end. Readers
// then read the caller's bytes in place. (False may also be said of some inputs that do decode to
// themselves: a short NUL run inside a line.)
[[nodiscard]] inline bool decodes_unchanged(std::string_view bytes) noexcept {
    text_decoder decoder(detect_encoding(bytes));
    return decoder.take_unchanged(bytes.data(), bytes.size()) == bytes.size();
}

}  // namespace ruledx::read

#endif
