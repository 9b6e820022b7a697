#include "common.hpp"
inline constexpr ruledx::rule rules[] = {
    cf::good("typo-fact", 1).confirmed_by({ruledx::fact_is("acount_is_admin", false)})};
inline constexpr auto table = ruledx::make_table<cf::facts, rules>();
