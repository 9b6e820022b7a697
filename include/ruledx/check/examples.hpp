// ruledx — the proof that each rule's examples pick it: a diagnosis per example.
//
// The one check that needs the evaluator. It runs one rule at a time, so make_table can spread
// the proofs of a large table over many constant evaluations (check/checked_table.hpp).
#ifndef RULEDX_CHECK_EXAMPLES_HPP
#define RULEDX_CHECK_EXAMPLES_HPP

#include <cstddef>
#include <cstdint>

#include "ruledx/check/problem.hpp"
#include "ruledx/eval/diagnose.hpp"

namespace ruledx::detail {

// How many of a table's rules an example can make candidates at most: for each observation, the
// signals of its kind, code and source; for each fact, the rules it confirms.
template <class Table>
[[nodiscard]] constexpr std::size_t rules_touchable(const Table& table, const example& ex) noexcept {
    const auto signals_of = [&](const auto& observed) {
        std::size_t count = 0;
        for (const index_range& range : ranges_of(table, observed).ranges) count += range.end - range.begin;
        return count;
    };
    std::size_t n = 0;
    for (const observed_start_error& e : ex.start_errors) n += signals_of(e);
    for (const observed_event& e : ex.events) n += signals_of(e);
    for (const observed_crash& c : ex.crashes) n += signals_of(c);
    for (const observed_dialog& d : ex.dialogs) n += signals_of(d);
    for (const fact_assignment& f : ex.facts) {
        const fact_key key = find_fact_key(table.index.facts_by_name, table, f.name);
        if (key.fact == no_fact) continue;
        for_each_opener_of(table, key, [&n](std::size_t) {
            ++n;
            return true;
        });
    }
    return n;
}

// The most candidates an example of rule r can touch: a proof's report holds that many, so no
// candidate goes unranked, and costs no more than the evidence needs.
template <class Table>
[[nodiscard]] constexpr std::size_t candidates_bound(const Table& table, std::size_t r) noexcept {
    std::size_t most = 1;
    for (const example& ex : table.rules[r].examples) {
        const std::size_t n = rules_touchable(table, ex);
        most = n > most ? n : most;
    }
    return most < Table::rule_count ? most : Table::rule_count;
}

// An example that could touch more rules than this is reported instead of proved: its proof
// would cost a diagnosis over most of a large table, once per rule that shares the evidence.
inline constexpr std::size_t max_proof_candidates = 1024;

// Each of the rule's examples must make it the top candidate, strictly ahead of the next.
// Capacity: at least candidates_bound(table, r).
template <std::size_t Capacity, class Table>
[[nodiscard]] constexpr check_result check_examples(const Table& table, std::size_t r) noexcept {
    const rule& rl = table.rules[r];
    if (candidates_bound(table, r) > Capacity)
        return problem_at(table_problem::example_touches_too_many_rules, r, rl.id).with_value(Capacity);
    for (const example& ex : rl.examples) {
        report<Capacity> result{};
        rank_candidates<service_hypotheses::left_out>(table, ex.as_observations(), result);
        const auto ranked = result.ranked();
        if (ranked.empty()) return problem_at(table_problem::example_does_not_pick_its_rule, r, rl.id);
        const auto winner = [&](std::size_t i) {
            return problem_at(table_problem::example_does_not_pick_its_rule, r, rl.id, table.rules[ranked[i].rule_index].id)
                .with_value(ranked[i].rule_index);
        };
        if (ranked[0].rule_index != r) return winner(0);
        if (ranked[0].status == status::ruled_out)
            return problem_at(table_problem::example_does_not_pick_its_rule, r, rl.id, rl.id);
        if (ranked.size() > 1 && ranked[1].status == ranked[0].status && ranked[1].score == ranked[0].score) return winner(1);
    }
    return {};
}

// Whether an example of `rl` could make a rule of `other` a candidate. A join proves again only
// the examples this is true of: the others rank exactly as they did.
template <class Table>
[[nodiscard]] constexpr bool examples_touch(const Table& other, const rule& rl) noexcept {
    for (const example& ex : rl.examples)
        if (rules_touchable(other, ex) != 0) return true;
    return false;
}

// Every rule's examples in one call.
template <class Table>
[[nodiscard]] constexpr check_result check_all_examples(const Table& table) noexcept {
    for (std::size_t r = 0; r < Table::rule_count; ++r) {
        const check_result result =
            check_examples<(Table::rule_count < max_proof_candidates ? Table::rule_count : max_proof_candidates)>(table, r);
        if (!result.ok()) return result;
    }
    return {};
}

}  // namespace ruledx::detail

#endif
