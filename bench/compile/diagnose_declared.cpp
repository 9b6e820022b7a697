// Compile-time benchmark: one diagnosis through ruledx/kb/exchange_diagnosis.hpp's declarations,
// as every translation unit but the one defining them compiles it (the consumer setting for
// programs with many units; the definitions are linked from one unit).
#include <cstdio>

#include "ruledx/kb/exchange_diagnosis.hpp"

int main() {
    using namespace ruledx;
    namespace kb = kb::exchange_diagnosis;
    const observed_start_error dialog[] = {saw_start_error("MSExchangeIMC", 2140)};
    const observed_event log[] = {saw_event("MSExchangeIMC", 4143).with_type(event_type::error)};
    const fact_assignment answers[] = {fact_is("service_account_is_admin", false)};
    const auto report = kb::diagnose({dialog, log, answers});
    if (report.best() == nullptr) return 1;
    const rule& cause = kb::rule_at(report.best()->rule_index);
    std::printf("%.*s\n", static_cast<int>(cause.article.size()), cause.article.data());
    return 0;
}
