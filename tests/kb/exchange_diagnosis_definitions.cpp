// The one unit of the test program that defines ruledx/kb/exchange_diagnosis.hpp's functions, and
// checks they give what the evaluator gives on the table directly.
#define RULEDX_EXCHANGE_DIAGNOSIS_IMPLEMENTATION
#include "ruledx/kb/exchange_diagnosis.hpp"

#include <doctest/doctest.h>

namespace {

using namespace ruledx;

template <std::size_t A, std::size_t B>
bool same_report(const report<A>& a, const report<B>& b) {
    if (a.candidate_count != b.candidate_count || a.check_count != b.check_count) return false;
    for (std::size_t i = 0; i < a.candidate_count; ++i)
        if (a.candidates[i].rule_index != b.candidates[i].rule_index || a.candidates[i].status != b.candidates[i].status ||
            a.candidates[i].score != b.candidates[i].score)
            return false;
    for (std::size_t i = 0; i < a.check_count; ++i)
        if (a.checks[i].score != b.checks[i].score || a.checks[i].what != b.checks[i].what) return false;
    return true;
}

}  // namespace

TEST_CASE("the declared diagnosis is the evaluator's over the table of every Exchange knowledge base") {
    namespace declared = kb::exchange_diagnosis;
    const observed_start_error mta[] = {saw_start_error("MSExchangeMTA", 2140)};
    const observed_event events[] = {saw_event("MSExchangeMTA", 2152)};
    const observed_start_error imc[] = {saw_start_error("MSExchangeIMC", 2140)};
    const observed_absence no_4116[] = {absent_event("MSExchangeIMC", 4116)};
    for (const observations& seen : {observations{mta, events, {}}, observations{imc, {}, {}, no_4116}, observations{}}) {
        const auto direct = diagnose(kb::exchange::table, seen);
        CHECK(same_report(declared::diagnose(seen), direct));
    }
    CHECK(declared::fact_count() == kb::exchange::table.fact_count);
    CHECK(&declared::rule_at(3) == &kb::exchange::table.rules[3]);
}
