// ruledx — UTF-16LE to UTF-8 for the strings of binary event logs.
//
// Event logs store text as UTF-16LE written by whatever program logged the event; nothing checks it,
// so lone surrogates occur. Those become U+FFFD rather than an error: one bad character must not
// hide the rest of the message.
#ifndef RULEDX_READ_DETAIL_UTF16_HPP
#define RULEDX_READ_DETAIL_UTF16_HPP

#include <cstddef>
#include <cstdint>
#include <string>

#include "ruledx/read/detail/utf8.hpp"

namespace ruledx::read::detail {

[[nodiscard]] constexpr std::uint16_t utf16_unit(const unsigned char* p, std::size_t i) noexcept {
    return static_cast<std::uint16_t>(p[2 * i] | (p[2 * i + 1] << 8));
}

// Number of code units before the first NUL unit within `max_units`; `max_units` when there is none.
[[nodiscard]] inline std::size_t utf16_length(const unsigned char* p, std::size_t max_units) noexcept {
    for (std::size_t i = 0; i < max_units; ++i) {
        if (p[2 * i] == 0 && p[2 * i + 1] == 0) return i;
    }
    return max_units;
}

// Appends `units` UTF-16LE code units read from `p` to `out` as UTF-8.
inline void append_utf16le_as_utf8(std::string& out, const unsigned char* p, std::size_t units) {
    // Grow once to the worst case (3 bytes per unit; a pair of 2 units makes 4) and trim after, so the
    // loop writes through a pointer instead of paying push_back's capacity check per character.
    const std::size_t base = out.size();
    out.resize(base + units * 3);
    char* d = &out[0] + base;
    for (std::size_t i = 0; i < units; ++i) {
        std::uint32_t c = utf16_unit(p, i);
        if (c < 0x80) {  // most log text
            *d++ = static_cast<char>(c);
            continue;
        }
        if (c >= 0xD800 && c <= 0xDFFF) {
            const bool high = c <= 0xDBFF;
            const std::uint32_t next = i + 1 < units ? utf16_unit(p, i + 1) : 0;
            if (high && next >= 0xDC00 && next <= 0xDFFF) {
                c = 0x10000 + ((c - 0xD800) << 10) + (next - 0xDC00);
                ++i;
            } else {
                c = 0xFFFD;  // lone surrogate
            }
        }
        d += put_utf8(c, d);
    }
    out.resize(static_cast<std::size_t>(d - out.data()));
}

}  // namespace ruledx::read::detail

#endif
