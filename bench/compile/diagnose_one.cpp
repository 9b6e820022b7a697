// Compile-time benchmark: the single header included and one case diagnosed (at run time), the
// shortest real use of the library.
#include <cstdio>

#include "ruledx/ruledx.hpp"

int main() {
    using namespace ruledx;
    constexpr auto& table = kb::exchange_ims::table;
    const observed_start_error dialog[] = {saw_start_error("MSExchangeIMC", 2140)};
    const observed_event log[] = {saw_event("MSExchangeIMC", 4143).with_type(event_type::error)};
    const fact_assignment answers[] = {fact_is("service_account_is_admin", false)};
    const auto report = diagnose(table, {dialog, log, answers});
    if (report.best() == nullptr) return 1;
    const rule& cause = table.rules[report.best()->rule_index];
    std::printf("%.*s\n", static_cast<int>(cause.article.size()), cause.article.data());
    return 0;
}
