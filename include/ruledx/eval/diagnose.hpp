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

#include "ruledx/detail/sort.hpp"
#include "ruledx/detail/text_hash.hpp"
#include "ruledx/detail/text_match.hpp"
#include "ruledx/eval/question.hpp"
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
    // An event known by its text alone matches any id, and only by that text.
    const bool by_text_alone = s.code == signal::no_id;
    if (!by_text_alone && s.code != e.id) return {};
    if (!e.source.empty() && !same_name(s.source, e.source)) return {};
    if (s.type != event_type::unspecified && e.type != event_type::unspecified && s.type != e.type) return {};
    if (!s.category.empty() && !e.category.empty() && !similar_label(s.category, e.category)) return {};
    if (e.description.empty() && e.strings.empty()) return {!by_text_alone, false};  // nothing to read: the id decides
    for (std::string_view value : s.values)
        if (!contains_phrase(e.description, value) && !contains_phrase(e.strings, value)) return {};
    if (!s.values.empty() && !by_text_alone) return {true, true};
    if (s.description.empty() || e.description.empty()) return {!by_text_alone, false};
    if (equal_text(e.description, s.description)) return {true, true};  // the text as the article quotes it
    // The log's description holds the article's text, or a pasted description cut short is part
    // of it (not for an event known by its text alone: a part of its text is not enough).
    const bool described = e.description.size() >= s.description.size() || by_text_alone
                               ? contains_wording(e.description, s.description)
                               : contains_wording(s.description, e.description);
    return {!by_text_alone || described, described};
}

[[nodiscard]] constexpr signal_match match_start_error(const signal& s, const observed_start_error& e) noexcept {
    if (s.code != signal::any_code && s.code != e.code) return {};
    if (!e.service.empty() && !same_name(s.source, e.service)) return {};
    return {true, false};
}

// A crash matches by its program and exception where the input gives them; its telling names
// must be in the frames when the input has frames, and bear the signal out by text.
[[nodiscard]] constexpr signal_match match_crash(const signal& s, const observed_crash& c) noexcept {
    if (!c.program.empty() && !same_program(s.source, program_name(c.program))) return {};
    if (s.code != 0 && c.exception != 0 && s.code != c.exception) return {};
    if (c.frames.empty()) return {true, false};
    for (std::string_view name : s.values)
        if (!contains_phrase(c.frames, name)) return {};
    return {true, !s.values.empty()};
}

// A dialog is known by its text alone.
[[nodiscard]] constexpr signal_match match_dialog(const signal& s, const observed_dialog& d) noexcept {
    for (std::string_view value : s.values)
        if (!contains_phrase(d.text, value)) return {};
    const bool described = !d.text.empty() && contains_wording(d.text, s.description);
    return {described, described};
}

// Whether an absence says that signal `s` did not happen (the caller knows no observation matched it).
[[nodiscard]] constexpr bool covers(const observed_absence& a, const signal& s) noexcept {
    if (a.kind != s.kind) return false;
    if (a.kind == signal_kind::crash ? !same_program(program_name(a.source), s.source) : !same_name(a.source, s.source))
        return false;
    if (a.whole_source) return s.kind == signal_kind::event || s.kind == signal_kind::crash;
    // A crash absence naming no exception ("no crash in these names") is of any exception.
    if (a.code != s.code && !(a.kind == signal_kind::crash && a.code == 0)) return false;
    // A dialog, or an event known by its text, is absent when the absence names that text; a dialog
    // with telling values, when it names no more than the text or names the values too ("no box
    // reading this text with that DLL" leaves a box of that text with another DLL open).
    if (s.kind == signal_kind::dialog || (s.kind == signal_kind::event && s.code == signal::no_id)) {
        if (!contains_wording(a.text, s.description)) return false;
        if (s.kind == signal_kind::event || s.values.empty() || contains_wording(s.description, a.text)) return true;
        for (std::string_view value : s.values)
            if (!contains_phrase(a.text, value)) return false;
        return true;
    }
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

// The observed facts, each resolved once per diagnosis to the catalog facts it names (by name or
// former name): a candidate's facts are then found by catalog index, not by comparing names
// candidate after candidate. The first observed fact naming a catalog fact gives its value. A
// rule's fact the catalog lacks (possible in an unchecked table only) is looked for by the
// rule's spelling.
template <std::size_t Facts>
struct given_facts {
    view<fact_assignment> facts;
    std::array<std::uint16_t, Facts> observed{};  // per catalog fact: index into facts + 1, or 0

    template <class Table>
    constexpr given_facts(const Table& table, view<fact_assignment> given) noexcept : facts(given) {
        const auto& keys = table.index.facts_by_name;
        for (std::size_t o = 0; o < given.size() && o < 0xFFFF; ++o) {
            const std::uint64_t hash = hash_text(given[o].name);
            for (std::size_t k = first_key_from(keys, hash); k < keys.size() && keys[k].hash == hash; ++k) {
                const fact_key& key = keys[k];
                if (key.fact == no_fact || observed[key.fact] != 0 || !equal_text(key_name(table, key), given[o].name)) continue;
                observed[key.fact] = static_cast<std::uint16_t>(o + 1);
            }
        }
    }

    // The value given for catalog fact `fact`, which a rule spells `written`.
    [[nodiscard]] constexpr const fact_value* find(std::uint16_t fact, std::string_view written) const noexcept {
        if (fact != no_fact) return observed[fact] == 0 ? nullptr : &facts[observed[fact] - 1u].value;
        for (const fact_assignment& f : facts)
            if (equal_text(f.name, written)) return &f.value;
        return nullptr;
    }
};
template <class Table>
given_facts(const Table&, view<fact_assignment>) -> given_facts<Table::fact_count>;

// A fact given with another kind than the rule's (a run-time input error) counts as unknown.
template <class Given>
[[nodiscard]] constexpr fact_state state_of(const Given& given, std::uint16_t fact, const fact_assignment& expected) noexcept {
    const fact_value* value = given.find(fact, expected.name);
    if (value == nullptr || value->kind != expected.value.kind) return fact_state::unknown;
    return expected.holds_for(*value) ? fact_state::holds : fact_state::contradicted;
}

// An event, a crash or a dialog is specific evidence; a start error is the symptom that brought the user here, and
// counts as specific only when no other rule of the table shares it.
[[nodiscard]] constexpr bool is_specific(const signal& s, std::uint16_t shared_by) noexcept {
    return s.kind != signal_kind::start_error || shared_by <= 1;
}

[[nodiscard]] constexpr std::uint32_t specificity(std::uint16_t shared_by) noexcept {
    return 1000u / (shared_by == 0 ? 1u : shared_by);
}

constexpr std::uint32_t text_bonus = 250;
constexpr std::uint32_t fact_bonus = 500;

// The entries of the table's signal index an observation is compared with: those of its kind
// and code, and of its source when it names one (the index is sorted by all three), as [begin, end).
struct index_range {
    std::size_t begin = 0;
    std::size_t end = 0;
};

// The index is sorted by kind, code and source key: an observation's entries are one run, found
// by binary searches over packed integers (kind and code in one, the source key beside it).
[[nodiscard]] constexpr std::uint64_t kind_and_code(signal_kind kind, std::uint32_t code) noexcept {
    return (std::uint64_t{static_cast<std::uint8_t>(kind)} << 32) | code;
}

// The entries of [begin, end) that `compare` puts in its run (negative: before it, positive:
// after it). Its start is bisected; most runs are an entry or two long, so their end is looked
// for from their start, in steps that double, and then bisected.
template <class Refs, class Compare>
[[nodiscard]] constexpr index_range run_of(const Refs& refs, std::size_t begin, std::size_t end, Compare compare) noexcept {
    std::size_t lo = begin;
    std::size_t hi = end;
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (compare(refs[mid]) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    const std::size_t first = lo;
    std::size_t step = 1;
    hi = lo;
    while (hi < end && compare(refs[hi]) <= 0) {
        lo = hi + 1;
        hi = lo + step;
        step *= 2;
    }
    if (hi > end) hi = end;
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (compare(refs[mid]) <= 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return {first, lo};
}

// Entries of `kind` and `code`.
template <class Table>
[[nodiscard]] constexpr index_range indexed_signals(const Table& table, signal_kind kind, std::uint32_t code) noexcept {
    const std::uint64_t wanted = kind_and_code(kind, code);
    return run_of(table.index.signals, 0, table.index.signal_count, [wanted](const signal_ref& ref) {
        const std::uint64_t at = kind_and_code(ref.kind, ref.code);
        return at == wanted ? 0 : at < wanted ? -1 : 1;
    });
}

// Every entry of the kind, whatever its code and source.
template <class Table>
[[nodiscard]] constexpr index_range indexed_kind(const Table& table, signal_kind kind) noexcept {
    const auto& refs = table.index.signals;
    const auto first_of = [&](std::size_t k) {
        std::size_t lo = 0;
        std::size_t hi = table.index.signal_count;
        while (lo < hi) {
            const std::size_t mid = lo + (hi - lo) / 2;
            if (static_cast<std::size_t>(refs[mid].kind) < k)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    };
    const auto k = static_cast<std::size_t>(kind);
    return {first_of(k), first_of(k + 1)};
}

// Where an observation's signals are: its own code, and the signals that name none (any failed
// start of the service; an event of the source known by its text). Crashes and dialogs, which
// few rules have, are compared with every signal of their kind.
struct index_ranges {
    std::array<index_range, 2> ranges{};
};

// The ranges' entries of `source`, unless the observation names none. The source is hashed once,
// and only when the table has signals of the observation's codes (most events of a log are in no
// rule).
template <class Table>
[[nodiscard]] constexpr index_ranges of_source(const Table& table, index_ranges found, std::string_view source) noexcept {
    if (source.empty() || (found.ranges[0].begin == found.ranges[0].end && found.ranges[1].begin == found.ranges[1].end))
        return found;
    const std::uint64_t key = hash_name(source);
    for (index_range& range : found.ranges) {
        range = run_of(table.index.signals, range.begin, range.end, [key](const signal_ref& ref) {
            return ref.source_key == key ? 0 : ref.source_key < key ? -1 : 1;
        });
    }
    return found;
}
template <class Table>
[[nodiscard]] constexpr index_ranges ranges_of(const Table& table, const observed_start_error& e) noexcept {
    const index_range any = indexed_signals(table, signal_kind::start_error, signal::any_code);
    if (e.code == signal::any_code) return of_source(table, {{any, {}}}, e.service);
    return of_source(table, {{indexed_signals(table, signal_kind::start_error, e.code), any}}, e.service);
}
template <class Table>
[[nodiscard]] constexpr index_ranges ranges_of(const Table& table, const observed_event& e) noexcept {
    return of_source(table, {{indexed_signals(table, signal_kind::event, e.id), indexed_signals(table, signal_kind::event, signal::no_id)}},
                     e.source);
}
template <class Table>
[[nodiscard]] constexpr index_ranges ranges_of(const Table& table, const observed_crash&) noexcept {
    return {{indexed_kind(table, signal_kind::crash), {}}};
}
template <class Table>
[[nodiscard]] constexpr index_ranges ranges_of(const Table& table, const observed_dialog&) noexcept {
    return {{indexed_kind(table, signal_kind::dialog), {}}};
}

// Whether two signals match every observation alike, as far as is cheap to tell: start errors
// of one code naming the service by the same text (many rules share a service's start error,
// and its run in the index is compared with the observation once).
[[nodiscard]] constexpr bool matches_alike(const signal& a, const signal& b) noexcept {
    return a.kind == signal_kind::start_error && b.kind == signal_kind::start_error && a.code == b.code &&
           a.source.size() == b.source.size() && equal_text(a.source, b.source);
}

[[nodiscard]] constexpr signal_match match(const signal& s, const observed_start_error& e) noexcept { return match_start_error(s, e); }
[[nodiscard]] constexpr signal_match match(const signal& s, const observed_event& e) noexcept { return match_event(s, e); }
[[nodiscard]] constexpr signal_match match(const signal& s, const observed_crash& c) noexcept { return match_crash(s, c); }
[[nodiscard]] constexpr signal_match match(const signal& s, const observed_dialog& d) noexcept { return match_dialog(s, d); }

// A small map from an index (a rule's, a signal class's) below KeyCount to a position + 1, for
// up to Capacity entries. Which candidate of the report holds a rule is one: sized by the report,
// not by the table, so a diagnosis of a table of 10,000 rules initialises no per-rule array (and
// the constant evaluator, which materialises an array on its first write, no 10,000 elements).
// Keys few enough to have a place each in no more room than the open addressing would take
// have one: no hashing, no probing.
template <std::size_t Capacity, std::size_t KeyCount>
class slot_map {
    static constexpr std::size_t slot_count = [] {
        std::size_t n = 2;
        while (n < 2 * Capacity) n *= 2;
        return n;
    }();
    static constexpr bool direct = KeyCount <= slot_count;

public:
    // The position + 1 stored for `key`, or 0.
    [[nodiscard]] constexpr std::size_t find(std::size_t key) const noexcept {
        if constexpr (direct) {
            return positions_[key];
        } else {
            for (std::size_t i = start(key);; i = (i + 1) & mask) {
                if (keys_[i] == 0) return 0;
                if (keys_[i] == key + 1) return positions_[i];
            }
        }
    }
    constexpr void insert(std::size_t key, std::size_t position) noexcept {
        if constexpr (direct) {
            positions_[key] = static_cast<std::uint32_t>(position);
        } else {
            std::size_t i = start(key);
            while (keys_[i] != 0) i = (i + 1) & mask;
            keys_[i] = static_cast<std::uint32_t>(key + 1);
            positions_[i] = static_cast<std::uint32_t>(position);
        }
    }

private:
    static constexpr std::size_t mask = slot_count - 1;
    [[nodiscard]] static constexpr std::size_t start(std::size_t key) noexcept {
        return static_cast<std::size_t>((static_cast<std::uint64_t>(key) * 0x9E3779B97F4A7C15ull) >> 40) & mask;
    }
    std::array<std::uint32_t, direct ? 1 : slot_count> keys_{};  // key + 1; 0: free
    std::array<std::uint32_t, direct ? KeyCount : slot_count> positions_{};
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

// Distinct keys, greatest first. Put by status first, the keys are nearly in order already (the
// rules a failed start opens come in table order, most without a score), so insertion moves few
// of them; a field out of order past a bound of moves is merge-sorted instead, so the cost stays
// O(n log n) (the examples' proofs rank up to 1,024 candidates in the constant evaluator).
template <std::size_t N>
constexpr void sort_descending(std::array<std::uint64_t, N>& keys, std::size_t n) noexcept {
    std::size_t moves_left = 4 * n;
    for (std::size_t i = 1; i < n; ++i) {
        const std::uint64_t key = keys[i];
        if (keys[i - 1] > key) continue;  // in place, as most keys are
        std::size_t j = i;
        for (; j > 0 && keys[j - 1] < key && moves_left > 0; --j, --moves_left) keys[j] = keys[j - 1];
        keys[j] = key;
        if (moves_left == 0) {
            stable_sort(keys, n, [](std::uint64_t a, std::uint64_t b) { return a > b; });
            return;
        }
    }
}

// Best first: status, then specificity of the evidence (score), then table order. A report of
// one place is sorted already (and GCC's -Warray-bounds cannot see that its count is at most 1).
template <std::size_t Capacity>
constexpr void sort_candidates(report<Capacity>& out) noexcept {
    if constexpr (Capacity > 1) {
        const std::size_t n = out.candidate_count < Capacity ? out.candidate_count : Capacity;
        std::array<std::uint64_t, Capacity> keys{};
        // Put by status first, best first, in their order (a stable counting pass): one status's
        // keys end where the counts of it and of the better ones end.
        const auto bucket = [](const candidate& c) { return 3 - static_cast<std::size_t>(c.status); };
        std::array<std::size_t, 4> end_of_bucket{};
        for (std::size_t i = 0; i < n; ++i) ++end_of_bucket[bucket(out.candidates[i])];
        for (std::size_t b = 1; b < end_of_bucket.size(); ++b) end_of_bucket[b] += end_of_bucket[b - 1];
        for (std::size_t i = n; i-- > 0;) keys[--end_of_bucket[bucket(out.candidates[i])]] = rank_key(out.candidates[i], i);
        sort_descending(keys, n);
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
template <std::size_t Capacity, class Slots>
constexpr candidate* candidate_for(std::size_t r, report<Capacity>& out, Slots& slots) noexcept {
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
// size of the table. The first observation that matches a signal is its evidence, unless a later
// one bears the signal out by its text and the first did not (a bare "the event is there" answer
// before the log that shows it, or after: the same report).
template <class Table, std::size_t Capacity, class Observed, class Slots>
constexpr void match_observed(const Table& table, view<Observed> observed, report<Capacity>& out, Slots& slots) noexcept {
    for (std::size_t o = 0; o < observed.size(); ++o) {
        for (const index_range& range : ranges_of(table, observed[o]).ranges) {
            const signal* previous = nullptr;  // the last signal matched, and how
            signal_match previous_found{};
            for (std::size_t i = range.begin; i < range.end; ++i) {
                const signal_ref& ref = table.index.signals[i];
                const std::size_t known = slots.find(ref.rule);
                const bool matched_before = known != 0 && out.candidates[known - 1].matched(ref.index);
                if (matched_before && out.candidates[known - 1].text_matched[ref.index]) continue;
                const signal& sig = table.rules[ref.rule].signal_at(ref.index);
                const signal_match found = previous != nullptr && matches_alike(*previous, sig) ? previous_found : match(sig, observed[o]);
                previous = &sig;
                previous_found = found;
                if (!found.matched || (matched_before && !found.text)) continue;
                candidate* c = candidate_for(ref.rule, out, slots);
                if (c == nullptr) return;
                c->evidence[ref.index] = static_cast<std::uint16_t>(o);
                c->text_matched[ref.index] = found.text;
            }
        }
    }
}

// The index's openers under one key (the hash of a fact's name, or a service_key), as [begin, end).
template <class Table>
[[nodiscard]] constexpr index_range openers_of(const Table& table, std::uint64_t key) noexcept {
    const auto& openers = table.index.openers;
    std::size_t lo = 0;
    std::size_t hi = table.index.opener_count;
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (openers[mid].key < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    std::size_t end = lo;
    while (end < table.index.opener_count && openers[end].key == key) ++end;
    return {lo, end};
}

// Calls visit(opener index) for each opener of catalog fact `fact` (key: find_fact_key's), under
// its name's hash and, for a renamed fact, its former name's (see opener); false when visit
// returns false.
template <class Table, class Visit>
constexpr bool for_each_opener_of(const Table& table, const fact_key& key, Visit visit) noexcept {
    const std::string_view former = table.facts[key.fact].former_name;
    for (int pass = 0; pass < 2; ++pass) {
        if (pass == 1 && former.empty()) break;
        const index_range range = openers_of(table, pass == 0 ? key.hash : hash_text(former));
        for (std::size_t i = range.begin; i < range.end; ++i)
            if (table.index.openers[i].fact == key.fact && !visit(i)) return false;
    }
    return true;
}

// Rules that no signal touched but a confirming fact that holds does are candidates too. The
// index lists, per fact, the rules it confirms, so the cost follows the facts given.
template <class Table, class Given, std::size_t Capacity, class Slots>
constexpr void open_by_facts(const Table& table, const Given& given, report<Capacity>& out, Slots& slots) noexcept {
    for (const fact_assignment& stated : given.facts) {
        const fact_key key = find_fact_key(table.index.facts_by_name, table, stated.name);
        const std::uint16_t fact = key.fact;
        if (fact == no_fact) continue;
        const bool room = for_each_opener_of(table, key, [&](std::size_t i) {
            const std::size_t r = table.index.openers[i].rule;
            if (slots.find(r) != 0) return true;
            const auto& rl = table.rules[r];
            for (std::size_t f = 0; f < rl.confirming.size(); ++f)
                if (table.index.rules[r].confirming[f] == fact && state_of(given, fact, rl.confirming[f]) == fact_state::holds)
                    return candidate_for(r, out, slots) != nullptr;
            return true;
        });
        if (!room) return;
    }
}

// A service that failed to start makes every rule naming that service (or event source) a
// candidate: the rules of an Internet Mail Service that does not start are its hypotheses, also
// those whose articles name events but no start error. Opened so, a rule has matched nothing:
// it is possible, with no score, below every rule the evidence itself touched.
template <class Table, std::size_t Capacity, class Slots>
constexpr void open_by_service(const Table& table, const observations& seen, report<Capacity>& out, Slots& slots) noexcept {
    for (const observed_start_error& failed : seen.start_errors) {
        if (failed.service.empty()) continue;
        const index_range range = openers_of(table, service_key(failed.service));
        for (std::size_t i = range.begin; i < range.end; ++i) {
            if (table.index.openers[i].fact != no_fact) continue;  // a fact's opener with a colliding hash
            if (candidate_for(table.index.openers[i].rule, out, slots) == nullptr) return;
        }
    }
}

// A candidate's signals (rule::signal_at numbering) that an observation matched, or that an
// absence rules out, a bit each: most candidates match one signal or none, and the loops over
// them visit those bits only.
[[nodiscard]] constexpr std::uint32_t signals_with(const std::array<std::uint16_t, rule::max_signals>& observation,
                                                  std::size_t signal_count) noexcept {
    std::uint32_t bits = 0;
    for (std::size_t s = 0; s < signal_count; ++s) bits |= std::uint32_t{observation[s] != no_observation} << s;
    return bits;
}

// The first `count` signals, a bit each.
[[nodiscard]] constexpr std::uint32_t signal_bits(std::size_t count) noexcept {
    return (std::uint32_t{1} << count) - 1;
}

// The signal of the lowest bit set.
[[nodiscard]] constexpr std::size_t lowest_signal(std::uint32_t bits) noexcept {
    return static_cast<std::size_t>(__builtin_ctz(bits));
}

// Scores a candidate whose signal evidence is recorded, and decides its status from its facts.
template <class Table, class Given>
constexpr void settle(const Table& table, const observations& seen, const Given& given, candidate& c) noexcept {
    const auto& rl = table.rules[c.rule_index];
    const std::size_t signal_count = rl.signal_count();
    const std::uint32_t signals = signal_bits(signal_count);
    const std::uint32_t required = signal_bits(rl.required.size());
    const std::uint32_t matched = signals_with(c.evidence, signal_count);
    if (!seen.absent.empty()) {
        for (std::uint32_t open = signals & ~matched; open != 0; open &= open - 1) {
            const std::size_t s = lowest_signal(open);
            c.absence[s] = absence_of(seen.absent, rl.signal_at(s));
        }
    }
    const bool all_required = (matched & required) == required;
    const bool required_absent = !seen.absent.empty() && (signals_with(c.absence, signal_count) & required & ~matched) != 0;
    bool specific = false;
    for (std::uint32_t bits = matched; bits != 0; bits &= bits - 1) {
        const std::size_t s = lowest_signal(bits);
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
    const rule_facts& known = table.index.rules[c.rule_index];
    for (std::size_t f = 0; f < rl.confirming.size(); ++f) {
        c.confirming[f] = state_of(given, known.confirming[f], rl.confirming[f]);
        if (c.confirming[f] == fact_state::holds) {
            c.score += fact_bonus;
            specific = true;
        }
        contradicted = contradicted || c.confirming[f] == fact_state::contradicted;
        all_confirming = all_confirming && c.confirming[f] == fact_state::holds;
    }
    for (std::size_t f = 0; f < rl.ruling_out.size(); ++f) {
        c.ruling_out[f] = state_of(given, known.ruling_out[f], rl.ruling_out[f]);
        contradicted = contradicted || c.ruling_out[f] == fact_state::holds;
    }
    if (!rl.version_fact.empty()) {
        const fact_value* value = given.find(known.version, rl.version_fact);
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

// Choosing the next checks. Each open candidate is a hypothesis of what the person in front of
// the failed server will find: the answer to a question, were that candidate the cause, is known
// from its rule (its signals are there; its confirming facts have their values). A question is
// worth the weight of hypotheses it tells apart: with weights w_b of the hypotheses giving answer
// b, of total W, it scores W^2 - sum(w_b^2), which is largest for an even split and zero when
// every hypothesis expects the same answer (the expected weight left after the answer is
// smallest). A "don't know" answer tells nothing apart, so a fact is an answer only for the
// candidates that name it; the others expect "don't know".
//
// One cause explains the evidence: a candidate that matches fewer of the events the report
// explains is worth less (a 32nd per event it leaves unexplained), since logs hold unrelated
// events too, so it is discounted, not dropped; so is one whose signals are known absent (a 4th
// each). A start error it does not name counts a 4th too: every candidate is about the failed
// start, and articles name its error less reliably than its events. (Measured with
// bench/ask_quality.cpp: weaker or stronger discounts ask more questions.)
constexpr std::uint64_t full_weight = std::uint64_t{1} << 20;
constexpr std::uint32_t discount_bits_per_unexplained_event = 5;  // also per crash or dialog
constexpr std::uint32_t discount_bits_per_unexplained_start_error = 2;
constexpr std::uint32_t discount_bits_per_absent_signal = 2;
constexpr std::uint32_t max_discount_bits = 20;
constexpr std::uint32_t likely_bits = 5;

// Observations by kind and index: a bit for each of the first 64 of a kind (a diagnosis rarely
// has more), a list for the others.
template <std::size_t Capacity>
struct observation_set {
    std::array<std::uint64_t, signal_kind_count> first{};
    std::array<std::uint32_t, Capacity> others{};
    std::size_t other_count = 0;

    // Whether it was not in the set.
    constexpr bool insert(std::size_t kind, std::uint16_t index) noexcept {
        if (index < 64) {
            const std::uint64_t bit = std::uint64_t{1} << index;
            if ((first[kind] & bit) != 0) return false;
            first[kind] |= bit;
            return true;
        }
        const std::uint32_t code = (static_cast<std::uint32_t>(kind) << 16) | index;
        for (std::size_t k = 0; k < other_count; ++k)
            if (others[k] == code) return false;
        if (other_count < Capacity) others[other_count++] = code;
        return true;
    }
};

// Each candidate's weight as a hypothesis.
template <class Table, std::size_t Capacity>
constexpr void hypothesis_weights(const Table& table, const report<Capacity>& out,
                                  std::array<std::uint64_t, Capacity>& weights) noexcept {
    // The distinct observations any candidate matched, and per candidate how many of each kind it
    // matched and how many of its signals are known absent.
    observation_set<Capacity * rule::max_signals> explained{};
    std::array<std::size_t, signal_kind_count> explained_of_kind{};
    // (Counts of a rule's signals: bytes, a few cache lines for the whole report.)
    std::array<std::array<std::uint8_t, signal_kind_count>, Capacity> own_of_kind{};
    std::array<std::uint8_t, Capacity> absent_of{};
    for (std::size_t i = 0; i < out.candidate_count && i < Capacity; ++i) {
        const candidate& c = out.candidates[i];
        const auto& rl = table.rules[c.rule_index];
        for (std::size_t s = 0; s < rl.signal_count(); ++s) {
            if (!c.matched(s)) {
                if (c.known_absent(s)) ++absent_of[i];
                continue;
            }
            const signal_kind kind = rl.signal_at(s).kind;
            // An observation two of the candidate's signals matched counts once.
            bool counted = false;
            for (std::size_t t = 0; t < s && !counted; ++t) counted = c.evidence[t] == c.evidence[s] && rl.signal_at(t).kind == kind;
            if (counted) continue;
            const auto k = static_cast<std::size_t>(kind);
            ++own_of_kind[i][k];
            if (explained.insert(k, c.evidence[s])) ++explained_of_kind[k];
        }
    }
    for (std::size_t i = 0; i < out.candidate_count && i < Capacity; ++i) {
        const candidate& c = out.candidates[i];
        if (c.status == status::ruled_out) {
            weights[i] = 0;
            continue;
        }
        std::size_t bits = absent_of[i] * discount_bits_per_absent_signal;
        for (std::size_t kind = 0; kind < signal_kind_count; ++kind)
            bits += (explained_of_kind[kind] - own_of_kind[i][kind]) *
                    (kind == static_cast<std::size_t>(signal_kind::start_error) ? discount_bits_per_unexplained_start_error
                                                                                 : discount_bits_per_unexplained_event);
        const std::size_t discount = bits < max_discount_bits ? bits : max_discount_bits;
        weights[i] = (full_weight >> discount) << (c.status >= status::likely ? likely_bits : 0);
    }
}

// The answers a fact question can get, with the weight of the hypotheses expecting each. A fact
// with more distinct expected values than there are places adds the rest to the last.
struct fact_tally {
    static constexpr std::size_t max_answers = 4;
    std::array<const fact_value*, max_answers> values{};  // the rules' own values: tallies are rebuilt per diagnosis
    std::array<std::uint64_t, max_answers> weights{};
    std::uint32_t count = 0;
    std::uint32_t leader_bonus = 0;

    constexpr void add(const fact_value& value, std::uint64_t weight) noexcept {
        for (std::size_t i = 0; i < count; ++i) {
            if (*values[i] == value) {
                weights[i] += weight;
                return;
            }
        }
        if (count < max_answers) {
            values[count] = &value;
            weights[count++] = weight;
        } else {
            weights[max_answers - 1] += weight;
        }
    }
    [[nodiscard]] constexpr bool asked() const noexcept { return count != 0; }
};

// The other value of a yes/no fact, for hypotheses that a ruling-out value would contradict.
inline constexpr fact_value yes_value{true};
inline constexpr fact_value no_value{false};

// W^2 - sum of the answers' squared weights, the rest of W expecting "don't know".
template <class Weights>
[[nodiscard]] constexpr std::uint64_t split_score(std::uint64_t total, const Weights& answers, std::size_t count) noexcept {
    std::uint64_t named = 0;
    std::uint64_t squares = 0;
    for (std::size_t i = 0; i < count; ++i) {
        named += answers[i];
        squares += answers[i] * answers[i];
    }
    const std::uint64_t rest = total > named ? total - named : 0;
    squares += rest * rest;
    return total * total > squares ? total * total - squares : 0;
}

// Ties in the split, and a field where nothing is split any more (one hypothesis left), are
// decided by what the best candidate still needs: its confirming facts, then its missing
// signals, then its supporting ones. Split scores are scaled to leave room for it.
constexpr std::uint64_t split_scale = 8;
constexpr std::uint64_t leader_confirming_fact = 3;
constexpr std::uint64_t leader_missing_signal = 2;
constexpr std::uint64_t leader_supporting_signal = 1;

// The version question, whose answers overlap: a hypothesis holds for every version its ranges
// hold. Answer v is expected with the weight the hypotheses holding v share (each its weight
// divided among its versions), and removes the weight of the ranged hypotheses not holding v;
// the score is the expected weight removed, as split_score's is for disjoint answers. A
// hypothesis that holds for every version (the leader's own range, say) removes nothing.
struct version_tally {
    std::array<std::uint64_t, max_named_versions> expected{};  // per named version of the table
    std::array<std::uint64_t, max_named_versions> removed{};

    template <class Table>
    constexpr void add(const Table& table, std::size_t r, std::uint64_t weight) noexcept {
        const std::uint16_t fact = table.index.rules[r].version;
        std::uint64_t holding = 0;
        for (std::size_t i = 0; i < table.index.version_count; ++i)
            holding += table.index.versions[i].fact == fact && holds(table, r, i) ? 1 : 0;
        for (std::size_t i = 0; i < table.index.version_count; ++i) {
            if (table.index.versions[i].fact != fact) continue;
            if (holds(table, r, i))
                expected[i] += weight / holding;
            else
                removed[i] += weight;
        }
    }
    [[nodiscard]] constexpr std::uint64_t score(std::size_t version_count, const std::array<named_version, max_named_versions>& versions,
                                                std::uint16_t fact) const noexcept {
        std::uint64_t total = 0;
        for (std::size_t i = 0; i < version_count; ++i)
            if (versions[i].fact == fact) total += expected[i] * removed[i];
        return total;
    }

private:
    template <class Table>
    [[nodiscard]] static constexpr bool holds(const Table& table, std::size_t r, std::size_t i) noexcept {
        for (const version_range& range : table.rules[r].versions)
            if (range.contains(table.index.versions[i].value)) return true;
        return false;
    }
};

template <class Table, std::size_t Rules, class Settled>
constexpr void choose_next_checks(const Table& table, report<Rules>& out, Settled settled) noexcept {
    std::array<std::uint64_t, Rules> weights{};
    hypothesis_weights(table, out, weights);
    std::uint64_t total = 0;
    for (std::size_t i = 0; i < out.candidate_count; ++i) total += weights[i];
    const std::size_t leader = 0;  // ranked: the best candidate is first

    std::array<fact_tally, Table::fact_count> facts{};
    version_tally versions{};
    std::array<bool, Table::fact_count> version_asked{};
    constexpr std::size_t max_signal_checks = 64;
    std::array<next_check, max_signal_checks> signal_checks{};
    // signal class -> place in signal_checks + 1
    slot_map<max_signal_checks, std::tuple_size<decltype(table.index.stats)>::value> class_slots{};
    std::array<std::uint64_t, max_signal_checks> signal_yes{};
    std::array<std::uint64_t, max_signal_checks> signal_bonus{};
    std::size_t signal_check_count = 0;

    for (std::size_t i = 0; i < out.candidate_count; ++i) {
        const candidate& c = out.candidates[i];
        if (c.status == status::ruled_out) continue;
        const std::uint64_t weight = weights[i];
        const bool is_leader = i == leader;
        const auto& rl = table.rules[c.rule_index];
        const rule_facts& known = table.index.rules[c.rule_index];
        for (std::size_t f = 0; f < rl.confirming.size(); ++f) {
            if (c.confirming[f] != fact_state::unknown || known.confirming[f] == no_fact) continue;
            facts[known.confirming[f]].add(rl.confirming[f].value, weight);
            if (is_leader) facts[known.confirming[f]].leader_bonus = leader_confirming_fact;
        }
        for (std::size_t f = 0; f < rl.ruling_out.size(); ++f) {
            // Were this the cause, the ruling-out value would not hold: for a yes/no fact, the other one.
            if (c.ruling_out[f] != fact_state::unknown || known.ruling_out[f] == no_fact) continue;
            const fact_value& value = rl.ruling_out[f].value;
            if (value.kind == fact_kind::boolean) facts[known.ruling_out[f]].add(value.boolean ? no_value : yes_value, weight);
        }
        if (known.version != no_fact && !c.version_known) {
            versions.add(table, c.rule_index, weight);
            version_asked[known.version] = true;
        }
        for (std::size_t s = 0; s < rl.signal_count(); ++s) {
            if (c.matched(s) || c.known_absent(s)) continue;
            const std::uint32_t wanted = table.index.stats_of(c.rule_index, s).signal_class;
            std::size_t k = class_slots.find(wanted);
            if (k-- == 0) {
                if (signal_check_count == max_signal_checks) continue;
                k = signal_check_count++;
                class_slots.insert(wanted, k + 1);
                signal_checks[k].what = next_check::kind::signal;
                signal_checks[k].rule_index = c.rule_index;
                signal_checks[k].signal_index = s;
            }
            signal_yes[k] += weight;
            if (is_leader) {
                const std::uint64_t bonus = rl.is_required(s) ? leader_missing_signal : leader_supporting_signal;
                if (bonus > signal_bonus[k]) signal_bonus[k] = bonus;
            }
        }
    }

    // The best kept in order; on equal scores events first (anyone with the log can answer them),
    // otherwise in the order they were found. Only the report's few places are sorted, and only a
    // check that would take one is put to `settled`.
    out.check_count = 0;
    const auto keep = [&](const next_check& check) {
        if (check.score == 0) return;
        const auto ranks_before = [](const next_check& a, const next_check& b) {
            if (a.score != b.score) return a.score > b.score;
            return a.what == next_check::kind::signal && b.what != next_check::kind::signal;
        };
        std::size_t at = out.check_count;
        while (at > 0 && ranks_before(check, out.checks[at - 1])) --at;
        if (at == out.checks.size() || settled(question_of(table, check))) return;
        const std::size_t last = out.check_count < out.checks.size() ? out.check_count : out.checks.size() - 1;
        for (std::size_t i = last; i > at; --i) out.checks[i] = out.checks[i - 1];
        out.checks[at] = check;
        if (out.check_count < out.checks.size()) ++out.check_count;
    };
    for (std::size_t f = 0; f < Table::fact_count; ++f) {
        if (!facts[f].asked() && !version_asked[f]) continue;
        next_check added;
        added.what = next_check::kind::fact;
        added.fact_index = f;
        const std::uint64_t split = version_asked[f]
                                        ? versions.score(table.index.version_count, table.index.versions, static_cast<std::uint16_t>(f))
                                        : split_score(total, facts[f].weights, facts[f].count);
        added.score = split * split_scale + facts[f].leader_bonus;
        keep(added);
    }
    for (std::size_t k = 0; k < signal_check_count; ++k) {
        next_check added = signal_checks[k];
        const std::uint64_t yes[] = {signal_yes[k], total - signal_yes[k]};
        added.score = split_score(total, yes, 2) * split_scale + signal_bonus[k];
        keep(added);
    }
}

// The candidates alone, best first (the table check needs no next checks). The proof of a rule's
// examples leaves out the rules opened by the service alone: they rank below any rule the
// evidence touched, so they cannot change which rule wins, and would only cost compile time.
enum class service_hypotheses : bool { left_out, opened };

template <service_hypotheses Hypotheses = service_hypotheses::opened, class Table, std::size_t Capacity>
constexpr void rank_candidates(const Table& table, const observations& seen, report<Capacity>& out) noexcept {
    static_assert(Table::rule_count < 0xFFFF, "ruledx: a table holds at most 65534 rules");
    slot_map<Capacity, Table::rule_count> slots{};
    match_observed(table, seen.start_errors, out, slots);
    match_observed(table, seen.events, out, slots);
    match_observed(table, seen.crashes, out, slots);
    match_observed(table, seen.dialogs, out, slots);
    const given_facts given(table, seen.facts);
    open_by_facts(table, given, out, slots);
    if constexpr (Hypotheses == service_hypotheses::opened) open_by_service(table, seen, out, slots);
    for (std::size_t i = 0; i < out.candidate_count; ++i) settle(table, seen, given, out.candidates[i]);
    sort_candidates(out);
}

}  // namespace detail

// Sets `out` to the most informative question of a report that `settled(question)` does not
// reject (one the person answered or could not answer before, say); false when none is left, or
// when the best candidate is confirmed and needs no more answers.
template <class Table, std::size_t Capacity, class Settled>
[[nodiscard]] constexpr bool next_question(const Table& table, const report<Capacity>& result, Settled settled,
                                           question& out) noexcept {
    if (const candidate* best = result.best(); best != nullptr && best->status == status::confirmed) return false;
    report<Capacity> rest = result;
    detail::choose_next_checks(table, rest, settled);
    if (rest.check_count == 0) return false;
    out = question_of(table, rest.checks[0]);
    return true;
}

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
    detail::choose_next_checks(table, out, [](const question&) { return false; });
    return out;
}

}  // namespace ruledx

#endif
