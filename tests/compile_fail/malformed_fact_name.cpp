#include "common.hpp"
inline constexpr ruledx::fact_definition facts[] = {
    ruledx::version_fact("product_version", "Which version is installed?"),
    ruledx::boolean_fact("Account Is Admin", "Is the service account an administrator?"),
};
inline constexpr ruledx::rule rules[] = {cf::good("plain", 1)};
inline constexpr auto table = ruledx::make_table<facts, rules>();
