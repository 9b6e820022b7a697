#include "common.hpp"
inline constexpr ruledx::rule rules[] = {cf::good("empty-example", 1).shown_by({ruledx::example_of()})};
inline constexpr auto table = ruledx::make_table<cf::facts, rules>();
