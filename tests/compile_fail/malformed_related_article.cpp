#include "common.hpp"
inline constexpr ruledx::rule rules[] = {cf::good("bad-link", 1).see_also({"Q123456", "KB123"})};
inline constexpr auto table = ruledx::make_table<cf::facts, rules>();
