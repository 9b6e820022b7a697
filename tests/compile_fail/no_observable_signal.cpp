#include "common.hpp"
inline constexpr ruledx::rule rules[] = {cf::good("silent-rule", 1).requires_signals({}).supported_by({})};
inline constexpr auto table = ruledx::make_table<cf::facts, rules>();
