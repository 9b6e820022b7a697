// The rules differ by a fact, but the second rule's example leaves it out: the two tie.
#include "common.hpp"
inline constexpr ruledx::rule rules[] = {
    cf::good("needs-admin", 7).confirmed_by({ruledx::fact_is("account_is_admin", true)}),
    cf::good("not-admin", 7).confirmed_by({ruledx::fact_is("account_is_admin", false)})};
inline constexpr auto table = ruledx::make_table<cf::facts, rules>();
