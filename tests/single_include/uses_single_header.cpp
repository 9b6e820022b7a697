// Built with only single_include/ on the include path: the one header is the whole library.
#include <ruledx/ruledx.hpp>

#include <cstdio>

int main() {
    using namespace ruledx;
    namespace ims = ruledx::kb::exchange_ims;
    constexpr observed_start_error errors[] = {saw_start_error("MSExchangeIMC", 2140)};
    constexpr observed_event events[] = {saw_event("MSExchangeIMC", 4143)};
    constexpr fact_assignment facts[] = {fact_is("ims_service_account_is_admin", false)};
    constexpr auto result = diagnose(ims::table, {errors, events, facts});
    static_assert(result.best() != nullptr && result.best()->status == status::confirmed);
    const rule& best = ims::table.rules[result.best()->rule_index];
    std::printf("%.*s %.*s\n", static_cast<int>(best.article.size()), best.article.data(),
                static_cast<int>(to_string(result.best()->status).size()), to_string(result.best()->status).data());
    return best.article == "Q173496" ? 0 : 1;
}
