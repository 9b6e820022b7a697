#include "common.hpp"
inline constexpr ruledx::rule rules[] = {cf::good("fine", 1), cf::good("Not Lower Case", 2)};
inline constexpr auto table = ruledx::make_table<cf::facts, rules>();
