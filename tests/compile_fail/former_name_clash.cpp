#include "common.hpp"
// A renamed fact keeps its old name as its former name; here that name is another fact's.
inline constexpr ruledx::fact_definition facts[] = {
    ruledx::version_fact("product_version", "Which version is installed?"),
    ruledx::boolean_fact("account_is_admin", "Is the service account an administrator?"),
    ruledx::boolean_fact("service_account_is_admin", "Is the service account an administrator?")
        .formerly("account_is_admin"),
};
inline constexpr ruledx::rule rules[] = {
    cf::good("uses-renamed", 1).confirmed_by({ruledx::fact_is("service_account_is_admin", false)})};
inline constexpr auto table = ruledx::make_table<facts, rules>();
