// A vendor rule that reuses a shipped rule's id is an error in the joined table.
#include "common.hpp"
#include "ruledx/kb/exchange_ims.hpp"
inline constexpr ruledx::rule vendor_rules[] = {cf::good("ims-service-account-not-admin", 9)};
inline constexpr auto vendor = ruledx::make_table<cf::facts, vendor_rules>();
inline constexpr auto table = ruledx::join<ruledx::kb::exchange_ims::table, vendor>();
