// The control: the same harness compiles a valid table, so a failure of the other cases is theirs.
#include "common.hpp"
inline constexpr ruledx::rule rules[] = {cf::good("first-rule", 1), cf::good("second-rule", 2)};
inline constexpr auto table = ruledx::make_table<cf::facts, rules>();
static_assert(table.rule_count == 2);
int main() { return 0; }
