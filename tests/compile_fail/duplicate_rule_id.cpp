#include "common.hpp"
inline constexpr ruledx::rule rules[] = {cf::good("same-id", 1), cf::good("same-id", 2)};
inline constexpr auto table = ruledx::make_table<cf::facts, rules>();
