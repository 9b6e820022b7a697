// Built with only single_include/ on the include path: the one header is the whole library and
// every knowledge base.
#include <ruledx/ruledx.hpp>

#include <cstdio>

int main() {
    using namespace ruledx;
    namespace ims = ruledx::kb::exchange_ims;
    static_assert(kb::exchange::table.rule_count == ims::table.rule_count + kb::exchange_services::table.rule_count);
    constexpr observed_start_error errors[] = {saw_start_error("MSExchangeIMC", 2140)};
    constexpr observed_event events[] = {saw_event("MSExchangeIMC", 4143)};
    constexpr fact_assignment facts[] = {fact_is("ims_service_account_is_admin", false)};
    constexpr auto result = diagnose(ims::table, {errors, events, facts});
    static_assert(result.best() != nullptr && result.best()->status == status::confirmed);
    const rule& best = ims::table.rules[result.best()->rule_index];
    std::printf("%.*s %.*s\n", static_cast<int>(best.article.size()), best.article.data(),
                static_cast<int>(to_string(result.best()->status).size()), to_string(result.best()->status).data());
    // The declared diagnosis, defined by defines_exchange_diagnosis.cpp.
    const auto declared = kb::exchange_diagnosis::diagnose({errors, events, facts});
    if (declared.best() == nullptr || kb::exchange_diagnosis::rule_at(declared.best()->rule_index).article != "Q173496")
        return 1;
    return best.article == "Q173496" ? 0 : 1;
}
