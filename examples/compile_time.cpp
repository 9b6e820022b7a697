// A diagnosis the compiler checks: if the knowledge base stopped confirming Q173496 from its own
// symptoms, this file would no longer compile.
#include <cstdio>

#include "ruledx/eval/diagnose.hpp"
#include "ruledx/kb/exchange_ims.hpp"

namespace {
using namespace ruledx;
namespace ims = ruledx::kb::exchange_ims;

constexpr observed_start_error dialog[] = {saw_start_error("MSExchangeIMC", 2140)};
constexpr observed_event application_log[] = {saw_event("MSExchangeIMC", 4143).with_type(event_type::error)};
constexpr fact_assignment answers[] = {fact_is("service_account_is_admin", false)};

constexpr auto diagnosis = diagnose(ims::table, {dialog, application_log, answers});
constexpr const rule& cause = ims::table.rules[diagnosis.best()->rule_index];

static_assert(diagnosis.best()->status == status::confirmed, "Q173496's symptoms must confirm it");
static_assert(cause.article == "Q173496", "and name its article");
}  // namespace

int main() {
    std::printf("checked at compile time: %.*s is %.*s\n", static_cast<int>(cause.article.size()),
                cause.article.data(), static_cast<int>(to_string(diagnosis.best()->status).size()),
                to_string(diagnosis.best()->status).data());
    return 0;
}
