#include "common.hpp"
inline constexpr ruledx::rule rules[] = {
    cf::good("wrong-kind", 1).confirmed_by({ruledx::fact_is("account_is_admin", "no")})};
inline constexpr auto table = ruledx::make_table<cf::facts, rules>();
