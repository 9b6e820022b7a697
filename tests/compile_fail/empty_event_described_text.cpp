#include "common.hpp"
inline constexpr ruledx::rule rules[] = {cf::good("no-text", 1).supported_by({ruledx::event_described("Svc", "")})};
inline constexpr auto table = ruledx::make_table<cf::facts, rules>();
