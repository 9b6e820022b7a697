// The one unit of the test program that defines ruledx/kb/exchange_diagnosis.hpp's functions, and
// checks they give what the evaluator gives on the table directly; and that the joined table keeps
// every fact of both knowledge bases as its own catalog declares it.
#define RULEDX_EXCHANGE_DIAGNOSIS_IMPLEMENTATION
#include "ruledx/kb/exchange_diagnosis.hpp"

#include <doctest/doctest.h>

#include <cstddef>
#include <string>
#include <string_view>

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
    const rule& direct = kb::exchange::table.rules[3];
    CHECK(&declared::rule_at(3) == &direct);
}

TEST_CASE("the joined table: the facts of kb/exchange_common.hpp once, every fact as its catalog declares it") {
    const auto& joined = kb::exchange::table;
    const auto& ims = kb::exchange_ims::table;
    const auto& services = kb::exchange_services::table;
    namespace shared = kb::exchange_common::shared_facts;
    const auto declarations_of = [](const auto& catalog, const fact_definition& f) {
        std::size_t declared = 0;
        for (const fact_definition& mine : catalog) {
            if (mine.name != f.name) continue;
            ++declared;
            CHECK(mine.question == f.question);
            CHECK(mine.kind == f.kind);
        }
        return declared;
    };
    std::size_t in_both = 0;
    for (const fact_definition* f : {&shared::exchange_version, &shared::exchange_service_pack,
                                     &shared::windows_version, &shared::service_account_in_domain_admins}) {
        CAPTURE(std::string(f->name));
        CHECK(declarations_of(ims.facts, *f) == 1);
        CHECK(declarations_of(services.facts, *f) == 1);
        ++in_both;
    }
    // Only these are in both catalogs, and the join keeps each once.
    CHECK(joined.fact_count == ims.fact_count + services.fact_count - in_both);
    const auto kept_as_declared = [](const auto& catalog) {
        const auto& every = kb::exchange::table;
        for (const fact_definition& mine : catalog) {
            CAPTURE(std::string(mine.name));
            const std::size_t f = every.find_fact(mine.name);
            REQUIRE(f != not_found);
            CHECK(every.facts[f].question == mine.question);
            CHECK(every.facts[f].kind == mine.kind);
            CHECK(every.facts[f].former_name == mine.former_name);
        }
    };
    kept_as_declared(ims.facts);
    kept_as_declared(services.facts);
    // The versions both name are one set of constants.
    CHECK(&kb::exchange_ims::v5_5 == &kb::exchange_common::v5_5);
    CHECK(&kb::exchange_services::windows_2000 == &kb::exchange_common::windows_2000);
}
