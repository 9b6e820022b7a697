#include "common.hpp"
inline constexpr ruledx::rule rules[] = {cf::good("big-id", 70000)};
inline constexpr auto table = ruledx::make_table<cf::facts, rules>();
