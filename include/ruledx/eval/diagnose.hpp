// ruledx — the evaluator: observations in, a ranked report out.
//
// No allocation and no exceptions: every buffer is sized by the table, so diagnose() runs in a
// tight loop of a monitoring tool or inside a static_assert.
#ifndef RULEDX_EVAL_DIAGNOSE_HPP
#define RULEDX_EVAL_DIAGNOSE_HPP

#include <array>
#include <cstddef>
#include <cstdint>

#include "ruledx/detail/text_match.hpp"
#include "ruledx/eval/report.hpp"
#include "ruledx/model/observation.hpp"
#include "ruledx/model/rule_table.hpp"

namespace ruledx {
namespace detail {

struct signal_match {
    bool matched = false;
    bool text = false;  // the input's text bore out the signal's description or values
};

[[nodiscard]] constexpr signal_match match_event(const signal& s, const observed_event& e) noexcept {
    if (s.code != e.id) return {};
    if (!e.source.empty() && !same_name(s.source, e.source)) return {};
    if (s.type != event_type::unspecified && e.type != event_type::unspecified && s.type != e.type) return {};
    if (!s.category.empty() && !e.category.empty() && !similar_label(s.category, e.category)) return {};
    if (e.description.empty() && e.strings.empty()) return {true, false};  // nothing to read: the id decides
    for (std::string_view value : s.values)
        if (!contains_phrase(e.description, value) && !contains_phrase(e.strings, value)) return {};
    const bool described = !s.description.empty() && !e.description.empty() &&
                           (contains_phrase(e.description, s.description) || contains_phrase(s.description, e.description));
    return {true, described || !s.values.empty()};
}

[[nodiscard]] constexpr signal_match match_start_error(const signal& s, const observed_start_error& e) noexcept {
    if (s.code != e.code) return {};
    if (!e.service.empty() && !same_name(s.source, e.service)) return {};
    return {true, false};
}

[[nodiscard]] constexpr const fact_value* find_observed(view<fact_assignment> facts, std::string_view name) noexcept {
    for (const fact_assignment& f : facts)
        if (f.name == name) return &f.value;
    return nullptr;
}

// A fact given with another kind than the rule's (a run-time input error) counts as unknown.
[[nodiscard]] constexpr fact_state state_of(view<fact_assignment> facts, const fact_assignment& expected) noexcept {
    const fact_value* value = find_observed(facts, expected.name);
    if (value == nullptr || value->kind != expected.value.kind) return fact_state::unknown;
    return *value == expected.value ? fact_state::holds : fact_state::contradicted;
}

// An event is specific evidence; a start error is the symptom that brought the user here, and
// counts as specific only when no other rule of the table shares it.
[[nodiscard]] constexpr bool is_specific(const signal& s, std::uint16_t shared_by) noexcept {
    return s.kind == signal_kind::event || shared_by <= 1;
}

[[nodiscard]] constexpr std::uint32_t specificity(std::uint16_t shared_by) noexcept {
    return 1000u / (shared_by == 0 ? 1u : shared_by);
}

constexpr std::uint32_t text_bonus = 250;
constexpr std::uint32_t fact_bonus = 500;

// Ranks best first: status, then specificity of the evidence, then table order.
[[nodiscard]] constexpr bool ranks_before(const candidate& a, const candidate& b) noexcept {
    if (a.status != b.status) return a.status > b.status;
    if (a.score != b.score) return a.score > b.score;
    return a.rule_index < b.rule_index;
}

template <class T, std::size_t N, class Before>
constexpr void insertion_sort(std::array<T, N>& items, std::size_t count, Before before) noexcept {
    for (std::size_t i = 1; i < count; ++i) {
        T item = items[i];
        std::size_t j = i;
        for (; j > 0 && before(item, items[j - 1]); --j) items[j] = items[j - 1];
        items[j] = item;
    }
}

// Evaluates one rule. Returns false when no evidence touches it.
template <class Table>
[[nodiscard]] constexpr bool evaluate_rule(const Table& table, std::size_t r, const observations& seen,
                                           candidate& out) noexcept {
    const rule& rl = table.rules[r];
    candidate c{};
    c.rule_index = r;
    for (auto& e : c.evidence) e = no_observation;

    bool touched = false;
    bool specific = false;
    bool all_required = true;
    for (std::size_t s = 0; s < rl.signal_count(); ++s) {
        const signal& sig = rl.signal_at(s);
        signal_match found{};
        std::size_t where = 0;
        if (sig.kind == signal_kind::start_error) {
            for (; where < seen.start_errors.size() && !found.matched; ++where)
                found = match_start_error(sig, seen.start_errors[where]);
        } else {
            for (; where < seen.events.size() && !found.matched; ++where) found = match_event(sig, seen.events[where]);
        }
        if (!found.matched) {
            all_required = all_required && !rl.is_required(s);
            continue;
        }
        const std::uint16_t shared = table.shared_by[r][s];
        c.evidence[s] = static_cast<std::uint16_t>(where - 1);
        c.text_matched[s] = found.text;
        c.score += specificity(shared) + (found.text ? text_bonus : 0);
        touched = true;
        specific = specific || is_specific(sig, shared);
    }

    bool contradicted = false;
    bool all_confirming = true;
    for (std::size_t f = 0; f < rl.confirming.size(); ++f) {
        c.confirming[f] = state_of(seen.facts, rl.confirming[f]);
        if (c.confirming[f] == fact_state::holds) {
            c.score += fact_bonus;
            touched = true;
            specific = true;
        }
        contradicted = contradicted || c.confirming[f] == fact_state::contradicted;
        all_confirming = all_confirming && c.confirming[f] == fact_state::holds;
    }
    for (std::size_t f = 0; f < rl.ruling_out.size(); ++f) {
        c.ruling_out[f] = state_of(seen.facts, rl.ruling_out[f]);
        contradicted = contradicted || c.ruling_out[f] == fact_state::holds;
    }
    if (!rl.version_fact.empty()) {
        const fact_value* value = find_observed(seen.facts, rl.version_fact);
        if (value != nullptr && value->kind == fact_kind::version) {
            c.version_known = true;
            bool inside = false;
            for (const version_range& range : rl.versions) inside = inside || range.contains(value->version_number);
            c.outside_versions = !inside;
        }
    }

    if (!touched) return false;
    if (contradicted || c.outside_versions)
        c.status = status::ruled_out;
    else if (all_required && specific)
        c.status = all_confirming ? status::confirmed : status::likely;
    else
        c.status = status::possible;
    out = c;
    return true;
}

// How much a candidate's open questions are worth asking. Orders of magnitude apart, so the
// questions about the leading (likely) candidates come before those about merely possible ones,
// however many of those there are; a confirmed candidate needs no more answers.
[[nodiscard]] constexpr std::uint64_t question_weight(status s) noexcept {
    switch (s) {
        case status::likely: return 1000000;
        case status::possible: return 1000;
        case status::confirmed: return 1;
        case status::ruled_out: return 0;
    }
    return 0;
}

// Within one weight class: a fact that would confirm a candidate is the most direct question, a
// missing event or a ruling-out fact next, the product version (which bears on many rules at
// once, but settles none) last.
constexpr std::uint64_t asks_confirming_fact = 3;
constexpr std::uint64_t asks_missing_signal = 2;
constexpr std::uint64_t asks_ruling_out_fact = 2;
constexpr std::uint64_t asks_version = 1;

template <class Table, std::size_t Rules>
constexpr void choose_next_checks(const Table& table, report<Rules>& out) noexcept {
    std::array<std::uint64_t, Table::fact_count> fact_scores{};
    constexpr std::size_t max_signal_checks = 48;
    std::array<next_check, max_signal_checks> signal_checks{};
    std::size_t signal_check_count = 0;

    for (const candidate& c : out.ranked()) {
        const std::uint64_t weight = question_weight(c.status);
        if (weight == 0) continue;
        const rule& rl = table.rules[c.rule_index];
        for (std::size_t f = 0; f < rl.confirming.size(); ++f) {
            const std::size_t index = table.find_fact(rl.confirming[f].name);
            if (c.confirming[f] == fact_state::unknown && index != not_found) fact_scores[index] += weight * asks_confirming_fact;
        }
        for (std::size_t f = 0; f < rl.ruling_out.size(); ++f) {
            const std::size_t index = table.find_fact(rl.ruling_out[f].name);
            if (c.ruling_out[f] == fact_state::unknown && index != not_found) fact_scores[index] += weight * asks_ruling_out_fact;
        }
        if (!rl.version_fact.empty() && !c.version_known) {
            const std::size_t index = table.find_fact(rl.version_fact);
            if (index != not_found) fact_scores[index] += weight * asks_version;
        }
        for (std::size_t s = 0; s < rl.required.size(); ++s) {
            if (c.matched(s)) continue;
            bool merged = false;
            for (std::size_t k = 0; k < signal_check_count && !merged; ++k) {
                next_check& known = signal_checks[k];
                if (same_signal(table.rules[known.rule_index].signal_at(known.signal_index), rl.signal_at(s))) {
                    known.score += weight * asks_missing_signal;
                    merged = true;
                }
            }
            if (!merged && signal_check_count < max_signal_checks) {
                next_check& added = signal_checks[signal_check_count++];
                added.what = next_check::kind::signal;
                added.rule_index = c.rule_index;
                added.signal_index = s;
                added.score = weight * asks_missing_signal;
            }
        }
    }

    // Merge facts and signals, keep the best; facts first on equal scores (they are one question).
    std::array<next_check, Table::fact_count + max_signal_checks> all{};
    std::size_t count = 0;
    for (std::size_t f = 0; f < Table::fact_count; ++f) {
        if (fact_scores[f] == 0) continue;
        next_check& added = all[count++];
        added.what = next_check::kind::fact;
        added.fact_index = f;
        added.score = fact_scores[f];
    }
    for (std::size_t k = 0; k < signal_check_count; ++k) all[count++] = signal_checks[k];
    insertion_sort(all, count, [](const next_check& a, const next_check& b) {
        if (a.score != b.score) return a.score > b.score;
        return a.what == next_check::kind::fact && b.what != next_check::kind::fact;
    });
    out.check_count = count < out.checks.size() ? count : out.checks.size();
    for (std::size_t i = 0; i < out.check_count; ++i) out.checks[i] = all[i];
}

}  // namespace detail

// Diagnoses one failure. Every rule the evidence touches becomes a candidate, best first.
template <class Table>
[[nodiscard]] constexpr report<Table::rule_count> diagnose(const Table& table, const observations& seen) noexcept {
    report<Table::rule_count> out{};
    for (std::size_t r = 0; r < Table::rule_count; ++r) {
        candidate c{};
        if (detail::evaluate_rule(table, r, seen, c)) out.candidates[out.candidate_count++] = c;
    }
    detail::insertion_sort(out.candidates, out.candidate_count, detail::ranks_before);
    detail::choose_next_checks(table, out);
    return out;
}

}  // namespace ruledx

#endif
