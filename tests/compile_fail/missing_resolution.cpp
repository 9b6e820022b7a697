#include "common.hpp"
inline constexpr ruledx::rule rules[] = {cf::good("no-fix", 1).resolved_by({})};
inline constexpr auto table = ruledx::make_table<cf::facts, rules>();
