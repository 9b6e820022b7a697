#include "common.hpp"
inline constexpr ruledx::rule rules[] = {cf::good("twin-one", 7), cf::good("twin-two", 7)};
inline constexpr auto table = ruledx::make_table<cf::facts, rules>();
