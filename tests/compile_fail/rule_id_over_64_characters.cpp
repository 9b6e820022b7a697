#include "common.hpp"
// 65 characters: one more than a rule id may have (the limit is the error's value).
inline constexpr ruledx::rule rules[] = {
    cf::good("a-rule-id-that-says-far-too-much-about-the-cause-it-stands-for-xx", 1)};
inline constexpr auto table = ruledx::make_table<cf::facts, rules>();
