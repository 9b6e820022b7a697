#include "common.hpp"
inline constexpr ruledx::rule rules[] = {cf::good("no-cause", 1).because("")};
inline constexpr auto table = ruledx::make_table<cf::facts, rules>();
