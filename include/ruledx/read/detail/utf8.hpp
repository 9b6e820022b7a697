// ruledx — one Unicode code point written as UTF-8, for every reader that produces UTF-8 (binary
// logs' UTF-16 strings, decoded text inputs, HTML character references).
#ifndef RULEDX_READ_DETAIL_UTF8_HPP
#define RULEDX_READ_DETAIL_UTF8_HPP

#include <cstddef>
#include <cstdint>

namespace ruledx::read::detail {

// Writes code point `c` (at most 0x10FFFF) at `d` as UTF-8; returns the bytes written (1 to 4).
constexpr std::size_t put_utf8(std::uint32_t c, char* d) noexcept {
    const auto byte = [](std::uint32_t b) { return static_cast<char>(static_cast<unsigned char>(b)); };
    if (c < 0x80) {
        d[0] = byte(c);
        return 1;
    }
    if (c < 0x800) {
        d[0] = byte(0xC0 | (c >> 6));
        d[1] = byte(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        d[0] = byte(0xE0 | (c >> 12));
        d[1] = byte(0x80 | ((c >> 6) & 0x3F));
        d[2] = byte(0x80 | (c & 0x3F));
        return 3;
    }
    d[0] = byte(0xF0 | (c >> 18));
    d[1] = byte(0x80 | ((c >> 12) & 0x3F));
    d[2] = byte(0x80 | ((c >> 6) & 0x3F));
    d[3] = byte(0x80 | (c & 0x3F));
    return 4;
}

}  // namespace ruledx::read::detail

#endif
