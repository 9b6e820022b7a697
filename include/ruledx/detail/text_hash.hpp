// ruledx — 64-bit hashes of text, for the compile-time checks and indexes.
//
// Finding duplicates and grouping equal signals by sorting hashes costs O(n log n) integer
// comparisons instead of O(n²) string comparisons: what keeps the checks of a table of thousands
// of rules within a compiler's constant-evaluation budget. Equal hashes are always confirmed by
// comparing the text itself, where equality decides a verdict.
#ifndef RULEDX_DETAIL_TEXT_HASH_HPP
#define RULEDX_DETAIL_TEXT_HASH_HPP

#include <cstdint>
#include <string_view>

#include "ruledx/detail/text_match.hpp"

namespace ruledx::detail {

inline constexpr std::uint64_t fnv_offset_basis = 14695981039346656037ull;
inline constexpr std::uint64_t fnv_prime = 1099511628211ull;

// FNV-1a of the text as it is.
[[nodiscard]] constexpr std::uint64_t hash_text(std::string_view text, std::uint64_t h = fnv_offset_basis) noexcept {
    const char* p = text.data();
    for (std::size_t i = 0, n = text.size(); i < n; ++i) h = (h ^ static_cast<unsigned char>(p[i])) * fnv_prime;
    return h;
}

// Equal for two names exactly when same_name() holds for them: case and spaces ignored.
[[nodiscard]] constexpr std::uint64_t hash_name(std::string_view name) noexcept {
    std::uint64_t h = fnv_offset_basis;
    const char* p = name.data();
    for (std::size_t i = 0, n = name.size(); i < n; ++i)
        if (p[i] != ' ') h = (h ^ static_cast<unsigned char>(ascii_lower(p[i]))) * fnv_prime;
    return h;
}

// Mixes one value into a hash so that the order of the values matters.
[[nodiscard]] constexpr std::uint64_t hash_combine(std::uint64_t h, std::uint64_t value) noexcept {
    return (h ^ (value + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2))) * fnv_prime;
}

// A well-spread 64-bit value of a hash, for sums that ignore order (sets of values).
[[nodiscard]] constexpr std::uint64_t spread(std::uint64_t x) noexcept {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ull;
    x ^= x >> 33;
    return x;
}

}  // namespace ruledx::detail

#endif
