#include "common.hpp"
inline constexpr ruledx::rule rules[] = {cf::good("untitled", 1).titled("")};
inline constexpr auto table = ruledx::make_table<cf::facts, rules>();
