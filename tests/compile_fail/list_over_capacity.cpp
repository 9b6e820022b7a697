#include "common.hpp"
inline constexpr ruledx::rule rules[] = {cf::good("many-steps", 1).resolved_by(
    {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20"})};
inline constexpr auto table = ruledx::make_table<cf::facts, rules>();
