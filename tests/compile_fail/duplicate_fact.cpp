#include "common.hpp"
inline constexpr ruledx::fact_definition facts[] = {
    ruledx::version_fact("product_version", "Which version is installed?"),
    ruledx::boolean_fact("account_is_admin", "Is the service account an administrator?"),
    ruledx::boolean_fact("account_is_admin", "Is the account an administrator?"),
};
inline constexpr ruledx::rule rules[] = {cf::good("plain", 1)};
inline constexpr auto table = ruledx::make_table<facts, rules>();
