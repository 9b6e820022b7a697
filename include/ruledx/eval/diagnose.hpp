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

#include "ruledx/detail/text_hash.hpp"
#include "ruledx/detail/text_match.hpp"
#include "ruledx/eval/report.hpp"
#include "ruledx/model/observation.hpp"
#include "ruledx/eval/rule_table.hpp"

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

// Whether an absence says that signal `s` did not happen (the caller knows no observation matched it).
[[nodiscard]] constexpr bool covers(const observed_absence& a, const signal& s) noexcept {
    if (a.kind != s.kind || !same_name(a.source, s.source)) return false;
    if (a.whole_source) return s.kind == signal_kind::event;
    if (a.code != s.code) return false;
    if (a.text.empty()) return true;
    if (s.values.empty()) return false;  // "no such event with this text" leaves the event itself open
    for (std::string_view value : s.values)
        if (!contains_phrase(a.text, value)) return false;
    return true;
}

[[nodiscard]] constexpr std::uint16_t absence_of(view<observed_absence> absent, const signal& s) noexcept {
    for (std::size_t i = 0; i < absent.size() && i < no_observation; ++i)
        if (covers(absent[i], s)) return static_cast<std::uint16_t>(i);
    return no_observation;
}

[[nodiscard]] constexpr const fact_value* find_observed(view<fact_assignment> facts, std::string_view name) noexcept {
    for (const fact_assignment& f : facts)
        if (equal_text(f.name, name)) return &f.value;
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

template <class T, std::size_t N, class Before>
constexpr void insertion_sort(std::array<T, N>& items, std::size_t count, Before before) noexcept {
    for (std::size_t i = 1; i < count; ++i) {
        T item = items[i];
        std::size_t j = i;
        for (; j > 0 && before(item, items[j - 1]); --j) items[j] = items[j - 1];
        items[j] = item;
    }
}

// The entries of the table's signal index an observation is compared with: those of its kind
// and code, and of its source when it names one (the index is sorted by all three), as [begin, end).
struct index_range {
    std::size_t begin = 0;
    std::size_t end = 0;
};

template <class Table>
[[nodiscard]] constexpr index_range indexed_signals(const Table& table, signal_kind kind, std::uint32_t code,
                                                    std::string_view source) noexcept {
    const auto& refs = table.index.signals;
    const bool by_source = !source.empty();
    const std::uint64_t key = by_source ? hash_name(source) : 0;
    // Entries before the range: of a smaller kind or code, or (by source) of a smaller source key.
    const auto below = [&](const signal_ref& ref, bool strictly) {
        if (ref.kind != kind) return ref.kind < kind;
        if (ref.code != code) return ref.code < code;
        if (!by_source) return !strictly;
        return strictly ? ref.source_key <= key : ref.source_key < key;
    };
    const auto bound = [&](bool strictly) {
        std::size_t lo = 0;
        std::size_t hi = table.index.signal_count;
        while (lo < hi) {
            const std::size_t mid = lo + (hi - lo) / 2;
            if (below(refs[mid], strictly))
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    };
    return {bound(false), bound(true)};
}

// Which candidate of the report holds a rule: a small open-addressing map sized by the report,
// not by the table, so a diagnosis of a table of 10,000 rules initialises no per-rule array (and
// the constant evaluator, which materialises an array on its first write, no 10,000 elements).
template <std::size_t Capacity>
class candidate_slots {
public:
    // The report's position + 1 of rule r's candidate, or 0.
    [[nodiscard]] constexpr std::size_t find(std::size_t r) const noexcept {
        for (std::size_t i = start(r);; i = (i + 1) & mask) {
            if (rules_[i] == 0) return 0;
            if (rules_[i] == r + 1) return positions_[i];
        }
    }
    constexpr void insert(std::size_t r, std::size_t position) noexcept {
        std::size_t i = start(r);
        while (rules_[i] != 0) i = (i + 1) & mask;
        rules_[i] = static_cast<std::uint32_t>(r + 1);
        positions_[i] = static_cast<std::uint32_t>(position);
    }

private:
    static constexpr std::size_t slot_count = [] {
        std::size_t n = 2;
        while (n < 2 * Capacity) n *= 2;
        return n;
    }();
    static constexpr std::size_t mask = slot_count - 1;
    [[nodiscard]] static constexpr std::size_t start(std::size_t r) noexcept {
        return static_cast<std::size_t>((static_cast<std::uint64_t>(r) * 0x9E3779B97F4A7C15ull) >> 40) & mask;
    }
    std::array<std::uint32_t, slot_count> rules_{};  // rule index + 1; 0: free
    std::array<std::uint32_t, slot_count> positions_{};
};

// What the ranking compares, and where the candidate is, packed so that a greater key ranks
// first: status (2 bits), score (30 bits, saturated; real scores stay below 2^20), the rule's
// table position inverted (16 bits: earlier rules first), the candidate's place (16 bits).
// Sorting these integers and then moving each candidate once is several times faster than
// sorting the candidates themselves (about a hundred bytes each), at run time and in the
// constant evaluator alike.
[[nodiscard]] constexpr std::uint64_t rank_key(const candidate& c, std::size_t position) noexcept {
    constexpr std::uint32_t max_score = (1u << 30) - 1;
    const std::uint64_t score = c.score < max_score ? c.score : max_score;
    return (std::uint64_t{static_cast<std::uint8_t>(c.status)} << 62) | (score << 32) |
           (std::uint64_t{0xFFFFu - static_cast<std::uint16_t>(c.rule_index)} << 16) | position;
}

// Best first: status, then specificity of the evidence (score), then table order. A report of
// one place is sorted already (and GCC's -Warray-bounds cannot see that its count is at most 1).
template <std::size_t Capacity>
constexpr void sort_candidates(report<Capacity>& out) noexcept {
    if constexpr (Capacity > 1) {
        const std::size_t n = out.candidate_count < Capacity ? out.candidate_count : Capacity;
        std::array<std::uint64_t, Capacity> keys{};
        for (std::size_t i = 0; i < n; ++i) keys[i] = rank_key(out.candidates[i], i);
        insertion_sort(keys, n, [](std::uint64_t a, std::uint64_t b) { return a > b; });
        const auto position = [&keys](std::size_t i) { return static_cast<std::size_t>(keys[i] & 0xFFFFu); };
        // Place i takes the candidate at position(i): each cycle of the permutation once.
        std::array<bool, Capacity> placed{};
        for (std::size_t start = 0; start < n; ++start) {
            if (placed[start]) continue;
            placed[start] = true;
            if (position(start) == start) continue;
            const candidate first = out.candidates[start];
            std::size_t i = start;
            while (position(i) != start) {
                out.candidates[i] = out.candidates[position(i)];
                i = position(i);
                placed[i] = true;
            }
            out.candidates[i] = first;
        }
    }
}

// Candidates are opened in the report as evidence first touches their rule. A full report opens
// no more candidates and says it is truncated.
template <std::size_t Capacity>
constexpr candidate* candidate_for(std::size_t r, report<Capacity>& out, candidate_slots<Capacity>& slots) noexcept {
    std::size_t position = slots.find(r);
    if (position == 0) {
        if (out.candidate_count == Capacity) {
            out.truncated = true;
            return nullptr;
        }
        candidate& c = out.candidates[out.candidate_count++];
        c.rule_index = r;
        for (auto& e : c.evidence) e = no_observation;
        for (auto& a : c.absence) a = no_observation;
        position = out.candidate_count;
        slots.insert(r, position);
    }
    return &out.candidates[position - 1];
}

// Each observation is looked up in the signal index, so the cost follows the evidence, not the
// size of the table. The first observation that matches a signal is its evidence.
template <class Table, std::size_t Capacity, class Observed, class Match>
constexpr void match_observed(const Table& table, signal_kind kind, view<Observed> observed, Match match,
                              report<Capacity>& out, candidate_slots<Capacity>& slots) noexcept {
    for (std::size_t o = 0; o < observed.size(); ++o) {
        const std::uint32_t code = [&] {
            if constexpr (std::is_same_v<Observed, observed_event>)
                return static_cast<std::uint32_t>(observed[o].id);
            else
                return observed[o].code;
        }();
        // An input that names no source matches every source.
        const std::string_view source = [&] {
            if constexpr (std::is_same_v<Observed, observed_event>)
                return observed[o].source;
            else
                return observed[o].service;
        }();
        const index_range range = indexed_signals(table, kind, code, source);
        for (std::size_t i = range.begin; i < range.end; ++i) {
            const signal_ref& ref = table.index.signals[i];
            const std::size_t known = slots.find(ref.rule);
            if (known != 0 && out.candidates[known - 1].matched(ref.index)) continue;
            const signal_match found = match(table.rules[ref.rule].signal_at(ref.index), observed[o]);
            if (!found.matched) continue;
            candidate* c = candidate_for(ref.rule, out, slots);
            if (c == nullptr) return;
            c->evidence[ref.index] = static_cast<std::uint16_t>(o);
            c->text_matched[ref.index] = found.text;
        }
    }
}

// The index's openers with the hash of a fact's name (sorted by it), as [begin, end); those whose
// fact is the fact itself (all of them, barring a hash collision) are the rules it confirms.
template <class Table>
[[nodiscard]] constexpr index_range openers_of(const Table& table, const fact_key& fact) noexcept {
    const auto& openers = table.index.openers;
    std::size_t lo = 0;
    std::size_t hi = table.index.opener_count;
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (openers[mid].fact_hash < fact.hash)
            lo = mid + 1;
        else
            hi = mid;
    }
    std::size_t end = lo;
    while (end < table.index.opener_count && openers[end].fact_hash == fact.hash) ++end;
    return {lo, end};
}

// Rules that no signal touched but a confirming fact that holds does are candidates too. The
// index lists, per fact, the rules it confirms, so the cost follows the facts given.
template <class Table, std::size_t Capacity>
constexpr void open_by_facts(const Table& table, const observations& seen, report<Capacity>& out,
                             candidate_slots<Capacity>& slots) noexcept {
    const auto& openers = table.index.openers;
    for (const fact_assignment& given : seen.facts) {
        const fact_key key = find_fact_key(table.index.facts_by_name, table, given.name);
        const std::uint16_t fact = key.fact;
        if (fact == no_fact) continue;
        const index_range range = openers_of(table, key);
        for (std::size_t i = range.begin; i < range.end; ++i) {
            if (openers[i].fact != fact) continue;
            const std::size_t r = openers[i].rule;
            if (slots.find(r) != 0) continue;
            const rule& rl = table.rules[r];
            for (std::size_t f = 0; f < rl.confirming.size(); ++f) {
                if (table.index.rules[r].confirming[f] == fact && state_of(seen.facts, rl.confirming[f]) == fact_state::holds) {
                    if (candidate_for(r, out, slots) == nullptr) return;
                    break;
                }
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
    bool required_absent = false;
    for (std::size_t s = 0; s < rl.signal_count(); ++s) {
        if (!c.matched(s)) {
            all_required = all_required && !rl.is_required(s);
            if (!seen.absent.empty()) c.absence[s] = absence_of(seen.absent, rl.signal_at(s));
            required_absent = required_absent || (rl.is_required(s) && c.known_absent(s));
            continue;
        }
        // A signal with telling values that matched on its id alone (the input had no text) tells
        // its rule apart no better than the id does.
        const signal& sig = rl.signal_at(s);
        const bool by_id_only = !sig.values.empty() && !c.text_matched[s];
        const signal_stats& stats = table.index.stats_of(c.rule_index, s);
        const std::uint16_t shared = by_id_only ? stats.shared_by_id : stats.shared_by;
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

    if (contradicted || c.outside_versions || required_absent)
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
// often as the table's versions fall outside its range (version_exclusion below).
constexpr std::uint64_t asks_confirming_fact = 6;
constexpr std::uint64_t asks_missing_signal = 4;
constexpr std::uint64_t asks_ruling_out_fact = 3;
constexpr std::uint64_t asks_supporting_signal = 2;  // only of likely and confirmed candidates
// The version is known to the asker less surely than what a check on the server shows, and the
// evidence often implies it: its expected effect counts five sixths.
constexpr std::uint64_t asks_version_of_six = 5;

// In sixths: the share of the versions the table's rules name that rule `r` does not apply to.
template <class Table>
[[nodiscard]] constexpr std::uint64_t version_exclusion(const Table& table, std::size_t r) noexcept {
    const std::uint16_t fact = table.index.rules[r].version;
    std::uint64_t answers = 0;
    std::uint64_t outside = 0;
    for (std::size_t i = 0; i < table.index.version_count; ++i) {
        const named_version& named = table.index.versions[i];
        if (named.fact != fact) continue;
        ++answers;
        bool inside = false;
        for (const version_range& range : table.rules[r].versions) inside = inside || range.contains(named.value);
        outside += inside ? 0 : 1;
    }
    return answers == 0 ? 0 : 6 * outside / answers;
}

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
            if ((ruling_out ? table.index.rules[r].ruling_out[i] : table.index.rules[r].confirming[i]) == f)
                return ruling_out ? &rl.ruling_out[i].value : &rl.confirming[i].value;
        }
        return nullptr;
    };
    for (bool ruling_out : {false, true}) {
        const fact_value* x = expected(a, ruling_out);
        const fact_value* y = expected(b, ruling_out);
        if ((x == nullptr) != (y == nullptr) || (x != nullptr && *x != *y)) return false;
    }
    const bool a_versioned = table.index.rules[a].version == f;
    if (a_versioned != (table.index.rules[b].version == f)) return false;
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
        for (std::size_t s = 0; s < table.rules[r].signal_count() && !has; ++s)
            has = table.index.stats_of(r, s).signal_class == wanted_class;
        having += has ? 1 : 0;
    }
    return having != 0 && having != leaders;
}

template <class Table, std::size_t Rules>
constexpr void choose_next_checks(const Table& table, report<Rules>& out) noexcept {
    std::array<std::uint64_t, Table::fact_count> fact_scores{};
    constexpr std::size_t max_signal_checks = 48;
    std::array<next_check, max_signal_checks> signal_checks{};
    std::array<std::uint32_t, max_signal_checks> signal_check_class{};
    std::size_t signal_check_count = 0;

    for (const candidate& c : out.ranked()) {
        const std::uint64_t weight = question_weight(c);
        if (weight == 0) continue;
        const rule& rl = table.rules[c.rule_index];
        for (std::size_t f = 0; f < rl.confirming.size(); ++f) {
            const std::uint16_t index = table.index.rules[c.rule_index].confirming[f];
            if (c.confirming[f] == fact_state::unknown && index != no_fact) fact_scores[index] += weight * asks_confirming_fact;
        }
        for (std::size_t f = 0; f < rl.ruling_out.size(); ++f) {
            const std::uint16_t index = table.index.rules[c.rule_index].ruling_out[f];
            if (c.ruling_out[f] == fact_state::unknown && index != no_fact) fact_scores[index] += weight * asks_ruling_out_fact;
        }
        const std::uint16_t version_index = table.index.rules[c.rule_index].version;
        if (version_index != no_fact && !c.version_known)
            fact_scores[version_index] += weight * version_exclusion(table, c.rule_index) * asks_version_of_six / 6;
        const bool leading = c.status == status::likely || c.status == status::confirmed;
        for (std::size_t s = 0; s < (leading ? rl.signal_count() : rl.required.size()); ++s) {
            if (c.matched(s) || c.known_absent(s)) continue;
            const std::uint64_t score = weight * (rl.is_required(s) ? asks_missing_signal : asks_supporting_signal);
            const std::uint32_t wanted = table.index.stats_of(c.rule_index, s).signal_class;
            bool merged = false;
            for (std::size_t k = 0; k < signal_check_count && !merged; ++k) {
                if (signal_check_class[k] == wanted) {
                    signal_checks[k].score += score;
                    merged = true;
                }
            }
            if (!merged && signal_check_count < max_signal_checks) {
                signal_check_class[signal_check_count] = wanted;
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
        for (std::size_t k = 0; k < signal_check_count; ++k)
            if (splits_leaders_on_signal(table, out, leaders, signal_check_class[k])) signal_checks[k].score *= separates_leaders;
    }

    // Facts and signals merged, the best kept in order; facts first on equal scores (they are one
    // question), otherwise in the order they were found. Only the report's few places are sorted.
    out.check_count = 0;
    const auto keep = [&out](const next_check& check) {
        const auto before = [](const next_check& a, const next_check& b) {
            if (a.score != b.score) return a.score > b.score;
            return a.what == next_check::kind::fact && b.what != next_check::kind::fact;
        };
        std::size_t at = out.check_count;
        while (at > 0 && before(check, out.checks[at - 1])) --at;
        if (at == out.checks.size()) return;
        const std::size_t last = out.check_count < out.checks.size() ? out.check_count : out.checks.size() - 1;
        for (std::size_t i = last; i > at; --i) out.checks[i] = out.checks[i - 1];
        out.checks[at] = check;
        if (out.check_count < out.checks.size()) ++out.check_count;
    };
    for (std::size_t f = 0; f < Table::fact_count; ++f) {
        if (fact_scores[f] == 0) continue;
        next_check added;
        added.what = next_check::kind::fact;
        added.fact_index = f;
        added.score = fact_scores[f];
        keep(added);
    }
    for (std::size_t k = 0; k < signal_check_count; ++k) keep(signal_checks[k]);
}

// The candidates alone, best first (the table check needs no next checks).
template <class Table, std::size_t Capacity>
constexpr void rank_candidates(const Table& table, const observations& seen, report<Capacity>& out) noexcept {
    static_assert(Table::rule_count < 0xFFFF, "ruledx: a table holds at most 65534 rules");
    candidate_slots<Capacity> slots{};
    match_observed(table, signal_kind::start_error, seen.start_errors, match_start_error, out, slots);
    match_observed(table, signal_kind::event, seen.events, match_event, out, slots);
    open_by_facts(table, seen, out, slots);
    for (std::size_t i = 0; i < out.candidate_count; ++i) settle(table, seen, out.candidates[i]);
    sort_candidates(out);
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
