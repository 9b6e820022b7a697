// ruledx — product versions and the ranges a rule applies to.
#ifndef RULEDX_MODEL_VERSION_HPP
#define RULEDX_MODEL_VERSION_HPP

#include <cstdint>

namespace ruledx {

struct version {
    std::uint16_t major = 0;
    std::uint16_t minor = 0;

    friend constexpr bool operator==(version a, version b) noexcept {
        return a.major == b.major && a.minor == b.minor;
    }
    friend constexpr bool operator!=(version a, version b) noexcept { return !(a == b); }
    friend constexpr bool operator<(version a, version b) noexcept {
        return a.major != b.major ? a.major < b.major : a.minor < b.minor;
    }
    friend constexpr bool operator<=(version a, version b) noexcept { return !(b < a); }
};

// Both ends included: {{4, 0}, {5, 0}} is 4.0 up to and including 5.0.
struct version_range {
    version first;
    version last;

    [[nodiscard]] constexpr bool contains(version v) const noexcept { return first <= v && v <= last; }
    [[nodiscard]] constexpr bool inverted() const noexcept { return last < first; }
};

[[nodiscard]] constexpr version_range only(version v) noexcept { return {v, v}; }

}  // namespace ruledx

#endif
