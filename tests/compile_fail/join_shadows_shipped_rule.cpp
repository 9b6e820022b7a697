// A vendor rule with the same evidence as a shipped rule can never be told apart from it.
#include "common.hpp"
#include "ruledx/kb/exchange_ims.hpp"
namespace ims = ruledx::kb::exchange_ims;
inline constexpr ruledx::rule vendor_rules[] = {[] {
    auto r = ims::rules[0];
    r.id = "vendor-copy";
    return r;
}()};
inline constexpr auto vendor = ruledx::make_table<ims::facts, vendor_rules>();
inline constexpr auto table = ruledx::join<ims::table, vendor>();
