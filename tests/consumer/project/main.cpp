#include <ruledx/kb/exchange_ims.hpp>
#include <ruledx/ruledx.hpp>

int main() {
    using namespace ruledx;
    const observed_event events[] = {saw_event("MSExchangeIMC", 4143)};
    const auto result = diagnose(kb::exchange_ims::table, {{}, events, {}});
    return result.best() != nullptr && result.best()->status == status::likely ? 0 : 1;
}
