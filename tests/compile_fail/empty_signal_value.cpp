#include "common.hpp"
inline constexpr ruledx::rule rules[] = {cf::good("no-value", 1).supported_by({ruledx::event("Svc", 4003).with_value("")})};
inline constexpr auto table = ruledx::make_table<cf::facts, rules>();
