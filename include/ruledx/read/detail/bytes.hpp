// ruledx — byte-parallel helpers of the text readers' fast paths: eight bytes as one integer, and
// runs of ASCII found sixteen bytes at a time, single bytes eight at a time.
#ifndef RULEDX_READ_DETAIL_BYTES_HPP
#define RULEDX_READ_DETAIL_BYTES_HPP

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace ruledx::read::detail {

// Eight bytes as an integer, byte i at bits 8i whatever the machine's byte order. One load: a loop
// of shifts is not merged into one at -O2.
[[nodiscard]] inline std::uint64_t load_le64(const unsigned char* p) noexcept {
    std::uint64_t v;
    std::memcpy(&v, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap64(v);
#endif
    return v;
}
// The same of the `n` bytes at p when there may be fewer than eight: the missing ones read as zero.
// Short texts (a line's first word is read for every line) in two overlapping loads, not a loop.
[[nodiscard]] inline std::uint64_t load_le64(const char* p, std::size_t n) noexcept {
    const auto* u = reinterpret_cast<const unsigned char*>(p);
    if (n >= 8) return load_le64(u);
    if (n >= 4) {
        std::uint32_t lo, hi;  // bytes 0-3 and n-4 to n-1: together all n, the shared ones equal
        std::memcpy(&lo, u, 4);
        std::memcpy(&hi, u + n - 4, 4);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        lo = __builtin_bswap32(lo);
        hi = __builtin_bswap32(hi);
#endif
        return std::uint64_t{lo} | (std::uint64_t{hi} << (8 * (n - 4)));
    }
    if (n == 0) return 0;
    return std::uint64_t{u[0]} | (std::uint64_t{u[n / 2]} << (8 * (n / 2))) | (std::uint64_t{u[n - 1]} << (8 * (n - 1)));
}

// Whether the `n` bytes at a and at b are the same: short texts (a date, a name) in one or two loads
// each, without a call.
[[nodiscard]] inline bool equal_bytes(const char* a, const char* b, std::size_t n) noexcept {
    if (n <= 8) return load_le64(a, n) == load_le64(b, n);
    if (n > 16) return std::memcmp(a, b, n) == 0;
    const auto* x = reinterpret_cast<const unsigned char*>(a);
    const auto* y = reinterpret_cast<const unsigned char*>(b);
    return load_le64(x) == load_le64(y) && load_le64(x + n - 8) == load_le64(y + n - 8);
}

// Index of the lowest byte of `m` whose top bit is set (m has only top bits set, m != 0); a
// multiply instead of a count-trailing-zeros builtin, which C++17 lacks.
[[nodiscard]] constexpr std::size_t lowest_marked_byte(std::uint64_t m) noexcept {
    const std::uint64_t lowest = (m & (~m + 1)) >> 7;
    return static_cast<std::size_t>((lowest * 0x0001020304050607u) >> 56);
}

// Whether any byte of `s` is a, b or c (none of them NUL): eight bytes per test.
[[nodiscard]] inline bool holds_any(std::string_view s, char a, char b, char c) noexcept {
    constexpr std::uint64_t ones = 0x0101010101010101u, tops = ones * 0x80;
    const auto zero_byte = [&](std::uint64_t v) { return (v - ones) & ~v & tops; };  // nonzero iff a byte of v is 0
    const std::uint64_t la = ones * static_cast<unsigned char>(a), lb = ones * static_cast<unsigned char>(b),
                        lc = ones * static_cast<unsigned char>(c);
    for (std::size_t i = 0; i < s.size(); i += 8) {
        const std::uint64_t v = load_le64(s.data() + i, s.size() - i);  // past the end: zeros, which are none of them
        if ((zero_byte(v ^ la) | zero_byte(v ^ lb) | zero_byte(v ^ lc)) != 0) return true;
    }
    return false;
}

// GCC's and Clang's vector extension: plain SSE2 / NEON code, no intrinsics.
typedef signed char signed_bytes16 __attribute__((vector_size(16)));

// The 16 lanes of `v` as two integers, lane i at bits 8i of the first (i < 8) or of the second.
inline void lanes_le64(signed_bytes16 v, std::uint64_t (&half)[2]) noexcept {
    std::memcpy(half, &v, 16);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    half[0] = __builtin_bswap64(half[0]);
    half[1] = __builtin_bswap64(half[1]);
#endif
}

// The length of the run of bytes at p, up to n, that are ASCII of at least `lowest` (1: any but
// NUL; 0x20: printable). Sixteen bytes per compare: this runs over every byte of a text input.
[[nodiscard]] inline std::size_t ascii_run(const char* p, std::size_t n, signed char lowest) noexcept {
    const signed char b = static_cast<signed char>(lowest - 1);
    const signed_bytes16 below = {b, b, b, b, b, b, b, b, b, b, b, b, b, b, b, b};
    // -1 in each lane outside the run's bytes: as signed, bytes of 0x80 and above are negative.
    const auto outside = [&](std::size_t at) {
        signed_bytes16 v;
        std::memcpy(&v, p + at, 16);
        const signed_bytes16 marks = v <= below;
        return marks;
    };
    std::size_t i = 0;
    std::uint64_t half[2];
    for (; i + 64 <= n; i += 64) {
        lanes_le64(outside(i) | outside(i + 16) | outside(i + 32) | outside(i + 48), half);
        if ((half[0] | half[1]) != 0) break;
    }
    constexpr std::uint64_t tops = 0x8080808080808080u;
    for (; i + 16 <= n; i += 16) {
        lanes_le64(outside(i), half);
        if ((half[0] & tops) != 0) return i + lowest_marked_byte(half[0] & tops);
        if ((half[1] & tops) != 0) return i + 8 + lowest_marked_byte(half[1] & tops);
    }
    while (i < n && static_cast<signed char>(p[i]) >= lowest) ++i;
    return i;
}

}  // namespace ruledx::read::detail

#endif
