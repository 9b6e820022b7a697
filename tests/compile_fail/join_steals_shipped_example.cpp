// A vendor rule that shares a shipped rule's evidence but is no twin of it (another confirming
// fact) ties with it on the shipped rule's own example: the join must prove that example again
// and reject it, though both tables passed their checks alone.
#include "common.hpp"
#include "ruledx/kb/exchange_ims.hpp"
namespace ims = ruledx::kb::exchange_ims;
inline constexpr std::size_t shipped = ims::table.find_rule("ims-service-account-not-admin");
inline constexpr ruledx::rule vendor_rules[] = {ruledx::rule(ims::rules[shipped])
                                                    .confirmed_by({ruledx::fact_is("exchange_service_pack", 3)})
                                                    .see_also({})};
inline constexpr ruledx::rule renamed[] = {[] {
    auto r = vendor_rules[0];
    r.id = "vendor-4143";
    r.article = "Q900143";
    return r;
}()};
inline constexpr auto vendor = ruledx::make_table<ims::facts, renamed>();
inline constexpr auto table = ruledx::join<ims::table, vendor>();
