// ruledx — the evaluator: observations in, a ranked report out.
//
// No allocation and no exceptions: every buffer is sized by the table, so diagnose() runs in a
// tight loop of a monitoring tool or inside a static_assert.
#ifndef RULEDX_EVAL_DIAGNOSE_HPP
#define RULEDX_EVAL_DIAGNOSE_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <type_traits>

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
    if (!s.values.empty()) return {true, true};
    if (s.description.empty() || e.description.empty()) return {true, false};
    // The log's description holds the article's text, or a pasted description cut short is part of it.
    const bool described = e.description.size() >= s.description.size() ? contains_phrase(e.description, s.description)
                                                                         : contains_phrase(s.description, e.description);
    return {true, described};
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

// The first entry of the table's signal index with this kind and code (the index is sorted).
template <class Table>
[[nodiscard]] constexpr std::size_t first_indexed(const Table& table, signal_kind kind, std::uint32_t code) noexcept {
    const signal_ref key{kind, code, 0, 0};
    std::size_t lo = 0;
    std::size_t hi = table.indexed_signals;
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (sorts_before(table.signal_index[mid], key))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

// Candidates are opened in the report as evidence first touches their rule; `slots` maps a rule
// to its candidate (0: none, else position + 1).
// A full report opens no more candidates and says it is truncated.
template <std::size_t Rules, std::size_t Capacity>
constexpr candidate* candidate_for(std::size_t r, report<Capacity>& out, std::array<std::uint16_t, Rules>& slots) noexcept {
    if (slots[r] == 0) {
        if (out.candidate_count == Capacity) {
            out.truncated = true;
            return nullptr;
        }
        candidate& c = out.candidates[out.candidate_count++];
        c.rule_index = r;
        for (auto& e : c.evidence) e = no_observation;
        slots[r] = static_cast<std::uint16_t>(out.candidate_count);
    }
    return &out.candidates[slots[r] - 1];
}

// Each observation is looked up in the signal index, so the cost follows the evidence, not the
// size of the table. The first observation that matches a signal is its evidence.
template <class Table, std::size_t Capacity, class Observed, class Match>
constexpr void match_observed(const Table& table, signal_kind kind, view<Observed> observed, Match match,
                              report<Capacity>& out, std::array<std::uint16_t, Table::rule_count>& slots) noexcept {
    for (std::size_t o = 0; o < observed.size(); ++o) {
        const std::uint32_t code = [&] {
            if constexpr (std::is_same_v<Observed, observed_event>)
                return static_cast<std::uint32_t>(observed[o].id);
            else
                return observed[o].code;
        }();
        for (std::size_t i = first_indexed(table, kind, code);
             i < table.indexed_signals && table.signal_index[i].kind == kind && table.signal_index[i].code == code; ++i) {
            const signal_ref& ref = table.signal_index[i];
            if (slots[ref.rule] != 0 && out.candidates[slots[ref.rule] - 1].matched(ref.index)) continue;
            const signal_match found = match(table.rules[ref.rule].signal_at(ref.index), observed[o]);
            if (!found.matched) continue;
            candidate* c = candidate_for(ref.rule, out, slots);
            if (c == nullptr) return;
            c->evidence[ref.index] = static_cast<std::uint16_t>(o);
            c->text_matched[ref.index] = found.text;
        }
    }
}

// Rules that no signal touched but a confirming fact does are candidates too.
template <class Table, std::size_t Capacity>
constexpr void open_by_facts(const Table& table, const observations& seen, report<Capacity>& out,
                             std::array<std::uint16_t, Table::rule_count>& slots) noexcept {
    if (seen.facts.empty()) return;
    for (std::size_t r = 0; r < Table::rule_count; ++r) {
        if (slots[r] != 0) continue;
        for (const fact_assignment& expected : table.rules[r].confirming) {
            if (state_of(seen.facts, expected) == fact_state::holds) {
                if (candidate_for(r, out, slots) == nullptr) return;
                break;
            }
        }
    }
}

// Scores a candidate whose signal evidence is recorded, and decides its status from its facts.
template <class Table>
constexpr void settle(const Table& table, const observations& seen, candidate& c) noexcept {
    const rule& rl = table.rules[c.rule_index];
    bool specific = false;
    bool all_required = true;
    for (std::size_t s = 0; s < rl.signal_count(); ++s) {
        if (!c.matched(s)) {
            all_required = all_required && !rl.is_required(s);
            continue;
        }
        // A signal with telling values that matched on its id alone (the input had no text) tells
        // its rule apart no better than the id does.
        const signal& sig = rl.signal_at(s);
        const bool by_id_only = !sig.values.empty() && !c.text_matched[s];
        const std::uint16_t shared = by_id_only ? table.shared_by_id[c.rule_index][s] : table.shared_by[c.rule_index][s];
        c.score += specificity(shared) + (c.text_matched[s] ? text_bonus : 0);
        specific = specific || is_specific(sig, shared);
    }

    bool contradicted = false;
    bool all_confirming = true;
    for (std::size_t f = 0; f < rl.confirming.size(); ++f) {
        c.confirming[f] = state_of(seen.facts, rl.confirming[f]);
        if (c.confirming[f] == fact_state::holds) {
            c.score += fact_bonus;
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

    if (contradicted || c.outside_versions)
        c.status = status::ruled_out;
    else if (all_required && specific)
        c.status = all_confirming ? status::confirmed : status::likely;
    else
        c.status = status::possible;
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

// Within one weight class, in sixths of a candidate's weight: what an answer is expected to do to
// the candidate. A confirming fact confirms it or rules it out; a missing signal, once seen,
// supports it; a ruling-out fact can only rule it out; the version question rules it out as
// often as the table's versions fall outside its range (rule_table::version_exclusion).
constexpr std::uint64_t asks_confirming_fact = 6;
constexpr std::uint64_t asks_missing_signal = 4;
constexpr std::uint64_t asks_ruling_out_fact = 3;
constexpr std::uint64_t asks_supporting_signal = 2;  // only of likely and confirmed candidates
// The version is known to the asker less surely than what a check on the server shows, and the
// evidence often implies it: its expected effect counts five sixths.
constexpr std::uint64_t asks_version_of_six = 5;

// Within a status, the better-supported candidate's questions come first.
[[nodiscard]] constexpr std::uint64_t question_weight(const candidate& c) noexcept {
    return question_weight(c.status) * (1 + c.score / 100);
}

constexpr std::uint64_t separates_leaders = 4;

// How many candidates share the best status and score (none when the best is ruled out).
template <std::size_t Capacity>
[[nodiscard]] constexpr std::size_t tied_leaders(const report<Capacity>& out) noexcept {
    if (out.candidate_count == 0 || out.candidates[0].status == status::ruled_out) return 0;
    std::size_t n = 1;
    while (n < out.candidate_count && out.candidates[n].status == out.candidates[0].status &&
           out.candidates[n].score == out.candidates[0].score)
        ++n;
    return n;
}

// What rule `r` expects of fact `f`: the value it needs, the value that rules it out, the
// versions it applies to. Two rules with different stakes are told apart by the answer.
template <class Table>
[[nodiscard]] constexpr bool same_stake(const Table& table, std::size_t a, std::size_t b, std::uint16_t f) noexcept {
    const auto expected = [&table, f](std::size_t r, bool ruling_out) -> const fact_value* {
        const rule& rl = table.rules[r];
        const std::size_t n = ruling_out ? rl.ruling_out.size() : rl.confirming.size();
        for (std::size_t i = 0; i < n; ++i) {
            if ((ruling_out ? table.ruling_out_fact[r][i] : table.confirming_fact[r][i]) == f)
                return ruling_out ? &rl.ruling_out[i].value : &rl.confirming[i].value;
        }
        return nullptr;
    };
    for (bool ruling_out : {false, true}) {
        const fact_value* x = expected(a, ruling_out);
        const fact_value* y = expected(b, ruling_out);
        if ((x == nullptr) != (y == nullptr) || (x != nullptr && *x != *y)) return false;
    }
    const bool a_versioned = table.version_fact[a] == f;
    if (a_versioned != (table.version_fact[b] == f)) return false;
    if (!a_versioned) return true;
    const auto& va = table.rules[a].versions;
    const auto& vb = table.rules[b].versions;
    if (va.size() != vb.size()) return false;
    for (std::size_t i = 0; i < va.size(); ++i)
        if (va[i].first != vb[i].first || va[i].last != vb[i].last) return false;
    return true;
}

template <class Table, std::size_t Capacity>
[[nodiscard]] constexpr bool splits_leaders_on_fact(const Table& table, const report<Capacity>& out, std::size_t leaders,
                                                    std::uint16_t f) noexcept {
    for (std::size_t i = 1; i < leaders; ++i)
        if (!same_stake(table, out.candidates[0].rule_index, out.candidates[i].rule_index, f)) return true;
    return false;
}

template <class Table, std::size_t Capacity>
[[nodiscard]] constexpr bool splits_leaders_on_signal(const Table& table, const report<Capacity>& out, std::size_t leaders,
                                                      std::uint32_t wanted_class) noexcept {
    std::size_t having = 0;
    for (std::size_t i = 0; i < leaders; ++i) {
        const std::size_t r = out.candidates[i].rule_index;
        bool has = false;
        for (std::size_t s = 0; s < table.rules[r].signal_count() && !has; ++s) has = table.signal_class[r][s] == wanted_class;
        having += has ? 1 : 0;
    }
    return having != 0 && having != leaders;
}

template <class Table, std::size_t Rules>
constexpr void choose_next_checks(const Table& table, report<Rules>& out) noexcept {
    std::array<std::uint64_t, Table::fact_count> fact_scores{};
    constexpr std::size_t max_signal_checks = 48;
    std::array<next_check, max_signal_checks> signal_checks{};
    std::size_t signal_check_count = 0;

    for (const candidate& c : out.ranked()) {
        const std::uint64_t weight = question_weight(c);
        if (weight == 0) continue;
        const rule& rl = table.rules[c.rule_index];
        for (std::size_t f = 0; f < rl.confirming.size(); ++f) {
            const std::uint16_t index = table.confirming_fact[c.rule_index][f];
            if (c.confirming[f] == fact_state::unknown && index != no_fact) fact_scores[index] += weight * asks_confirming_fact;
        }
        for (std::size_t f = 0; f < rl.ruling_out.size(); ++f) {
            const std::uint16_t index = table.ruling_out_fact[c.rule_index][f];
            if (c.ruling_out[f] == fact_state::unknown && index != no_fact) fact_scores[index] += weight * asks_ruling_out_fact;
        }
        const std::uint16_t version_index = table.version_fact[c.rule_index];
        if (version_index != no_fact && !c.version_known)
            fact_scores[version_index] += weight * table.version_exclusion[c.rule_index] * asks_version_of_six / 6;
        const bool leading = c.status == status::likely || c.status == status::confirmed;
        for (std::size_t s = 0; s < (leading ? rl.signal_count() : rl.required.size()); ++s) {
            if (c.matched(s)) continue;
            const std::uint64_t score = weight * (rl.is_required(s) ? asks_missing_signal : asks_supporting_signal);
            bool merged = false;
            for (std::size_t k = 0; k < signal_check_count && !merged; ++k) {
                next_check& known = signal_checks[k];
                if (table.signal_class[known.rule_index][known.signal_index] == table.signal_class[c.rule_index][s]) {
                    known.score += score;
                    merged = true;
                }
            }
            if (!merged && signal_check_count < max_signal_checks) {
                next_check& added = signal_checks[signal_check_count++];
                added.what = next_check::kind::signal;
                added.rule_index = c.rule_index;
                added.signal_index = s;
                added.score = score;
            }
        }
    }

    // A question that tells the tied leaders apart is worth more than one that moves them together.
    const std::size_t leaders = tied_leaders(out);
    if (leaders > 1) {
        for (std::size_t f = 0; f < Table::fact_count; ++f)
            if (fact_scores[f] != 0 && splits_leaders_on_fact(table, out, leaders, static_cast<std::uint16_t>(f)))
                fact_scores[f] *= separates_leaders;
        for (std::size_t k = 0; k < signal_check_count; ++k) {
            const std::uint32_t wanted = table.signal_class[signal_checks[k].rule_index][signal_checks[k].signal_index];
            if (splits_leaders_on_signal(table, out, leaders, wanted)) signal_checks[k].score *= separates_leaders;
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

// The candidates alone, best first (the table check needs no next checks).
template <class Table, std::size_t Capacity>
constexpr void rank_candidates(const Table& table, const observations& seen, report<Capacity>& out) noexcept {
    static_assert(Table::rule_count < 0xFFFF, "ruledx: a table holds at most 65534 rules");
    std::array<std::uint16_t, Table::rule_count> slots{};
    match_observed(table, signal_kind::start_error, seen.start_errors, match_start_error, out, slots);
    match_observed(table, signal_kind::event, seen.events, match_event, out, slots);
    open_by_facts(table, seen, out, slots);
    for (std::size_t i = 0; i < out.candidate_count; ++i) settle(table, seen, out.candidates[i]);
    insertion_sort(out.candidates, out.candidate_count, ranks_before);
}

}  // namespace detail

// How many candidates a report holds unless the caller says otherwise: every rule of a table of
// up to 128 rules, so a report never drops one; for larger tables a report stays small and says
// when it is truncated (diagnose<N> asks for more).
template <class Table>
inline constexpr std::size_t default_report_capacity = Table::rule_count < 128 ? Table::rule_count : 128;

// Diagnoses one failure. Every rule the evidence touches becomes a candidate, best first.
template <std::size_t Capacity = 0, class Table>
[[nodiscard]] constexpr auto diagnose(const Table& table, const observations& seen) noexcept {
    report<Capacity == 0 ? default_report_capacity<Table> : Capacity> out{};
    detail::rank_candidates(table, seen, out);
    detail::choose_next_checks(table, out);
    return out;
}

}  // namespace ruledx

#endif
