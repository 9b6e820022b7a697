// The shortest real use of ruledx: text a customer pasted into a ticket in, the top cause out.
#include <cstdio>

#include "ruledx/eval/diagnose.hpp"
#include "ruledx/kb/exchange_ims.hpp"
#include "ruledx/kb/exchange_service_names.hpp"
#include "ruledx/read/evidence.hpp"

int main() {
    constexpr auto& table = ruledx::kb::exchange_ims::table;
    const char* ticket =
        "Error 2140: An internal Windows NT error occurred.\n"
        "Event ID: 4143  Source: MSExchangeIMC  Type: Error\n";

    ruledx::evidence seen(table, ruledx::kb::exchange_service_names);
    seen.read_buffer(ticket, "ticket");
    seen.set_fact(ruledx::fact_is("service_account_is_admin", false));

    const auto report = ruledx::diagnose(table, seen.observations());
    if (report.best() == nullptr) return 1;
    const auto& cause = table.rules[report.best()->rule_index];  // a view of the rule, without its examples
    std::printf("%s (%s, %s): %s\n", std::string(cause.article).c_str(),
                std::string(to_string(report.best()->status)).c_str(), std::string(cause.title).c_str(),
                std::string(cause.resolution[0]).c_str());
    return 0;
}
