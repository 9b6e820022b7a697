#include "common.hpp"
inline constexpr ruledx::rule rules[] = {cf::good("no-source", 1).requires_signals({ruledx::event("", 1)})};
inline constexpr auto table = ruledx::make_table<cf::facts, rules>();
