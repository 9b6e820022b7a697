#include "common.hpp"
inline constexpr ruledx::rule rules[] = {cf::good("no-text", 1).supported_by({ruledx::message_box("")})};
inline constexpr auto table = ruledx::make_table<cf::facts, rules>();
