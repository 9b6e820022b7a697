// ruledx — the checks a rule table must pass, as constexpr functions returning the first problem.
//
// checked_table.hpp turns a problem into a compile error; these functions can also be called at
// run time (tests do) to see what a table would be rejected for.
#ifndef RULEDX_CHECK_VALIDATE_HPP
#define RULEDX_CHECK_VALIDATE_HPP

#include <cstddef>
#include <string_view>

#include "ruledx/check/problem.hpp"
#include "ruledx/eval/diagnose.hpp"
#include "ruledx/model/rule_table.hpp"

namespace ruledx::detail {

[[nodiscard]] constexpr bool is_lower_or_digit(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// Fact names: snake_case.
[[nodiscard]] constexpr bool well_formed_fact_name(std::string_view name) noexcept {
    if (name.empty() || !(name[0] >= 'a' && name[0] <= 'z')) return false;
    for (char c : name)
        if (!is_lower_or_digit(c) && c != '_') return false;
    return true;
}

// Rule ids: lower case words joined by '-', '_' or '.', e.g. "ims-account-not-admin".
[[nodiscard]] constexpr bool well_formed_rule_id(std::string_view id) noexcept {
    if (id.empty() || id.size() > 64 || !is_lower_or_digit(id[0])) return false;
    for (char c : id)
        if (!is_lower_or_digit(c) && c != '-' && c != '_' && c != '.') return false;
    return true;
}

// Knowledge-base article ids: "Q" and five to seven digits, e.g. "Q173496".
[[nodiscard]] constexpr bool well_formed_article_id(std::string_view id) noexcept {
    if (id.size() < 6 || id.size() > 8 || id[0] != 'Q') return false;
    for (std::size_t i = 1; i < id.size(); ++i)
        if (id[i] < '0' || id[i] > '9') return false;
    return true;
}

template <class Table>
[[nodiscard]] constexpr check_result check_catalog(const Table& table) noexcept {
    for (std::size_t f = 0; f < Table::fact_count; ++f) {
        const fact_definition& fact = table.facts[f];
        if (!well_formed_fact_name(fact.name)) return problem_at(table_problem::malformed_fact_name, f, fact.name);
        for (std::size_t g = 0; g < f; ++g)
            if (table.facts[g].name == fact.name) return problem_at(table_problem::duplicate_fact, f, fact.name);
        if (fact.question.empty()) return problem_at(table_problem::fact_without_question, f, fact.name);
    }
    return {};
}

// A fact a rule or an example names must be in the catalog, and compared with a value of its kind.
template <class Table>
[[nodiscard]] constexpr table_problem check_fact_use(const Table& table, const fact_assignment& use) noexcept {
    const std::size_t index = table.find_fact(use.name);
    if (index == not_found) return table_problem::unknown_fact;
    if (table.facts[index].kind != use.value.kind) return table_problem::fact_type_mismatch;
    return table_problem::none;
}

[[nodiscard]] constexpr table_problem check_signal(const signal& s) noexcept {
    if (s.source.empty()) return table_problem::empty_source;
    if (s.kind == signal_kind::event && s.code > 0xFFFF) return table_problem::event_id_over_65535;
    return table_problem::none;
}

template <class List>
[[nodiscard]] constexpr bool same_signals(const List& a, const List& b) noexcept {
    if (a.size() != b.size()) return false;
    for (const signal& s : a) {
        bool found = false;
        for (const signal& t : b) found = found || same_signal(s, t);
        if (!found) return false;
    }
    return true;
}

[[nodiscard]] constexpr bool same_facts(const fixed_list<fact_assignment, rule::max_confirming>& a,
                                        const fixed_list<fact_assignment, rule::max_confirming>& b) noexcept {
    if (a.size() != b.size()) return false;
    for (const fact_assignment& f : a) {
        bool found = false;
        for (const fact_assignment& g : b) found = found || (f.name == g.name && f.value == g.value);
        if (!found) return false;
    }
    return true;
}

// No observation could rank one above the other: same signals, same facts, same versions.
[[nodiscard]] constexpr bool indistinguishable(const rule& a, const rule& b) noexcept {
    if (!same_signals(a.required, b.required) || !same_signals(a.supporting, b.supporting)) return false;
    if (!same_facts(a.confirming, b.confirming) || !same_facts(a.ruling_out, b.ruling_out)) return false;
    if (a.version_fact != b.version_fact || a.versions.size() != b.versions.size()) return false;
    for (std::size_t i = 0; i < a.versions.size(); ++i)
        if (a.versions[i].first != b.versions[i].first || a.versions[i].last != b.versions[i].last) return false;
    return true;
}

template <class Table>
[[nodiscard]] constexpr check_result check_rule(const Table& table, std::size_t r) noexcept {
    const rule& rl = table.rules[r];
    const auto at = [&](table_problem p, std::string_view subject = {}) { return problem_at(p, r, rl.id, subject); };

    if (!well_formed_rule_id(rl.id)) return at(table_problem::malformed_rule_id);
    for (std::size_t o = 0; o < r; ++o)
        if (table.rules[o].id == rl.id) return at(table_problem::duplicate_rule_id, rl.id);
    if (!well_formed_article_id(rl.article)) return at(table_problem::malformed_article_id, rl.article);
    if (rl.title.empty()) return at(table_problem::missing_title);
    if (rl.signal_count() == 0) return at(table_problem::no_observable_signal);
    for (std::size_t s = 0; s < rl.signal_count(); ++s) {
        const table_problem p = check_signal(rl.signal_at(s));
        if (p != table_problem::none) return at(p, rl.signal_at(s).source);
    }
    if (!rl.version_fact.empty() || !rl.versions.empty()) {
        const std::size_t index = table.find_fact(rl.version_fact);
        if (index == not_found) return at(table_problem::unknown_fact, rl.version_fact);
        if (table.facts[index].kind != fact_kind::version) return at(table_problem::fact_type_mismatch, rl.version_fact);
        for (const version_range& range : rl.versions)
            if (range.inverted()) return at(table_problem::inverted_version_range, rl.version_fact);
    }
    for (const auto* list : {&rl.confirming, &rl.ruling_out}) {
        for (const fact_assignment& use : *list) {
            const table_problem p = check_fact_use(table, use);
            if (p != table_problem::none) return at(p, use.name);
        }
    }
    if (rl.cause.empty()) return at(table_problem::missing_cause);
    if (rl.resolution.empty()) return at(table_problem::missing_resolution);
    for (std::string_view step : rl.resolution)
        if (step.empty()) return at(table_problem::missing_resolution);
    for (std::string_view article : rl.related)
        if (!well_formed_article_id(article)) return at(table_problem::malformed_related_article, article);
    for (const example& ex : rl.examples) {
        if (ex.start_errors.empty() && ex.events.empty() && ex.facts.empty())
            return at(table_problem::example_without_evidence);
        for (const fact_assignment& use : ex.facts) {
            const table_problem p = check_fact_use(table, use);
            if (p != table_problem::none) return at(p, use.name);
        }
    }
    for (std::size_t o = 0; o < r; ++o)
        if (indistinguishable(table.rules[o], rl)) return at(table_problem::indistinguishable_rules, table.rules[o].id);
    return {};
}

// Everything except the examples, which cost a diagnosis each and are checked one rule at a time.
template <class Table>
[[nodiscard]] constexpr check_result check_structure(const Table& table) noexcept {
    const check_result catalog = check_catalog(table);
    if (!catalog.ok()) return catalog;
    for (std::size_t r = 0; r < Table::rule_count; ++r) {
        const check_result result = check_rule(table, r);
        if (!result.ok()) return result;
    }
    return {};
}

// Each of the rule's examples must make it the top candidate, strictly ahead of the next.
template <class Table>
[[nodiscard]] constexpr check_result check_examples(const Table& table, std::size_t r) noexcept {
    const rule& rl = table.rules[r];
    for (const example& ex : rl.examples) {
        report<Table::rule_count> result{};
        rank_candidates(table, ex.as_observations(), result);
        const auto ranked = result.ranked();
        if (ranked.empty()) return problem_at(table_problem::example_does_not_pick_its_rule, r, rl.id);
        if (ranked[0].rule_index != r)
            return problem_at(table_problem::example_does_not_pick_its_rule, r, rl.id,
                              table.rules[ranked[0].rule_index].id);
        if (ranked[0].status == status::ruled_out)
            return problem_at(table_problem::example_does_not_pick_its_rule, r, rl.id, rl.id);
        if (ranked.size() > 1 && ranked[1].status == ranked[0].status && ranked[1].score == ranked[0].score)
            return problem_at(table_problem::example_does_not_pick_its_rule, r, rl.id,
                              table.rules[ranked[1].rule_index].id);
    }
    return {};
}

}  // namespace ruledx::detail

#endif
