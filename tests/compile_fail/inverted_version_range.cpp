#include "common.hpp"
inline constexpr ruledx::rule rules[] = {cf::good("backwards", 1).applies_to("product_version", {{{5, 5}, {4, 0}}})};
inline constexpr auto table = ruledx::make_table<cf::facts, rules>();
