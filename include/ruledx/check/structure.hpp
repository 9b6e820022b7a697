// ruledx — the structural checks a rule table must pass, as constexpr functions returning the
// first problem.
//
// Structure only: names, ids, references, capacities, duplicates and rules no evidence could tell
// apart. Proving that each rule's examples pick it needs the evaluator: check/examples.hpp.
// Each check is O(n log n) in the rules and facts (duplicates are found by sorting hashes) and
// works on a range of rules, so make_table can spread a large table over several constant
// evaluations; checked_table.hpp turns a problem into a compile error, check_table() returns it.
#ifndef RULEDX_CHECK_STRUCTURE_HPP
#define RULEDX_CHECK_STRUCTURE_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ruledx/check/problem.hpp"
#include "ruledx/detail/sort.hpp"
#include "ruledx/detail/text_hash.hpp"
#include "ruledx/detail/text_match.hpp"
#include "ruledx/model/rule_set.hpp"

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
inline constexpr std::size_t max_rule_id_length = 64;
[[nodiscard]] constexpr bool well_formed_rule_id(std::string_view id) noexcept {
    if (id.empty() || id.size() > max_rule_id_length || !is_lower_or_digit(id[0])) return false;
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

// A dialog, and an event known by its description alone, are known by their text: it needs a
// letter or a digit, since the text match ignores everything else (an empty one would match any).
[[nodiscard]] constexpr bool has_wording(std::string_view text) noexcept {
    for (char c : text)
        if (!is_separator<separators::ignored>(c)) return true;
    return false;
}

// Event Viewer shows 16-bit event ids.
inline constexpr std::uint32_t max_event_id = 0xFFFF;

// The catalog: names, questions, and no name twice, a former name counting as a name (found by
// sorting the names' hashes).
template <class Set, std::size_t Keys>
[[nodiscard]] constexpr check_result check_catalog(const Set& set, const std::array<fact_key, Keys>& keys) noexcept {
    constexpr std::size_t facts = Set::fact_count;
    static_assert(facts < no_fact, "ruledx: a fact catalog holds at most 65534 facts");
    for (std::size_t f = 0; f < facts; ++f) {
        const fact_definition& fact = set.facts[f];
        if (!well_formed_fact_name(fact.name)) return problem_at(table_problem::malformed_fact_name, f, fact.name);
        if (fact.question.empty()) return problem_at(table_problem::fact_without_question, f, fact.name);
        if (!fact.former_name.empty() && !well_formed_fact_name(fact.former_name))
            return problem_at(table_problem::malformed_fact_name, f, fact.former_name);
    }
    // keys are sorted by hash, names before former names, then catalog order: the first of equal
    // names comes first. A name given twice is a duplicate fact; a former name that is another
    // name or former name (or the fact's own name) is a clash, reported at the fact whose former
    // name it is (the later one, of two).
    check_result found;
    for (std::size_t i = 1; i < Keys; ++i) {
        if (keys[i].fact == no_fact) continue;
        for (std::size_t j = i; j-- > 0 && keys[j].hash == keys[i].hash;) {
            if (keys[j].fact == no_fact || !equal_text(key_name(set, keys[j]), key_name(set, keys[i]))) continue;
            if (!keys[i].former) {  // both names
                found = first_problem(found, problem_at(table_problem::duplicate_fact, keys[i].fact,
                                                        set.facts[keys[i].fact].name)
                                                 .with_value(keys[j].fact));
            } else {
                const std::size_t renamed = keys[i].fact;
                const std::size_t other = keys[j].fact;
                found = first_problem(found, problem_at(table_problem::former_name_clash, renamed, set.facts[renamed].name,
                                                        set.facts[renamed].former_name)
                                                 .with_value(other));
            }
            break;
        }
    }
    return found;
}

// A fact a rule or an example names must be in the catalog, and compared with a value of its kind.
template <class Set, std::size_t Keys>
[[nodiscard]] constexpr table_problem check_fact_use(const Set& set, const std::array<fact_key, Keys>& keys,
                                                     const fact_assignment& use) noexcept {
    const std::uint16_t index = lookup_fact(keys, set, use.name);
    if (index == no_fact) return table_problem::unknown_fact;
    if (set.facts[index].kind != use.value.kind) return table_problem::fact_type_mismatch;
    return table_problem::none;
}

// The lists of a rule, by the name a table author knows them by, that were given more items
// than they hold.
[[nodiscard]] constexpr check_result overflowing_list(const rule& rl, std::size_t r) noexcept {
    const auto over = [&](std::string_view list, std::size_t capacity) {
        return problem_at(table_problem::list_over_capacity, r, rl.id, list).with_value(capacity);
    };
    if (rl.versions.overflowed()) return over("applies_to (version ranges)", rule::max_versions);
    if (rl.required.overflowed()) return over("requires_signals", rule::max_required);
    if (rl.supporting.overflowed()) return over("supported_by", rule::max_supporting);
    for (std::size_t s = 0; s < rl.signal_count(); ++s)
        if (rl.signal_at(s).values.overflowed()) return over("with_value (values of one signal)", signal::max_values);
    if (rl.confirming.overflowed()) return over("confirmed_by", rule::max_confirming);
    if (rl.ruling_out.overflowed()) return over("ruled_out_by", rule::max_ruling_out);
    if (rl.resolution.overflowed()) return over("resolved_by (steps)", rule::max_steps);
    if (rl.related.overflowed()) return over("see_also", rule::max_related);
    if (rl.examples.overflowed()) return over("shown_by (examples)", rule::max_examples);
    for (const example& ex : rl.examples) {
        if (ex.start_errors.overflowed()) return over("example_of (start errors of one example)", example::max_start_errors);
        if (ex.events.overflowed()) return over("example_of (events of one example)", example::max_events);
        if (ex.facts.overflowed()) return over("example_of (facts of one example)", example::max_facts);
        if (ex.crashes.overflowed()) return over("example_of (crashes of one example)", example::max_crashes);
        if (ex.dialogs.overflowed()) return over("example_of (dialogs of one example)", example::max_dialogs);
    }
    return {};
}

// Everything about one rule that needs no other rule.
template <class Set, std::size_t Keys>
[[nodiscard]] constexpr check_result check_rule(const Set& set, const std::array<fact_key, Keys>& keys, std::size_t r) noexcept {
    const rule& rl = set.rules[r];
    const auto at = [&](table_problem p, std::string_view subject = {}) { return problem_at(p, r, rl.id, subject); };

    const check_result over = overflowing_list(rl, r);
    if (!over.ok()) return over;
    if (!well_formed_rule_id(rl.id)) {
        const check_result malformed = at(table_problem::malformed_rule_id);
        return rl.id.size() > max_rule_id_length ? malformed.with_value(max_rule_id_length) : malformed;  // the limit
    }
    if (!well_formed_article_id(rl.article)) return at(table_problem::malformed_article_id, rl.article);
    if (rl.title.empty()) return at(table_problem::missing_title);
    if (rl.signal_count() == 0) return at(table_problem::no_observable_signal);
    if (rl.service.data() != nullptr && !has_wording(rl.service)) return at(table_problem::empty_source, "about_service");
    for (std::size_t s = 0; s < rl.signal_count(); ++s) {
        const signal& sig = rl.signal_at(s);
        if (sig.source.empty() && sig.kind != signal_kind::dialog) return at(table_problem::empty_source);
        if (sig.kind == signal_kind::dialog && !has_wording(sig.description))
            return at(table_problem::empty_signal_text, "message_box");
        if (sig.kind == signal_kind::event && sig.code == signal::no_id && !has_wording(sig.description))
            return at(table_problem::empty_signal_text, sig.source);
        // Every text holds an empty value: it would tell nothing, yet count as text that bore the signal out.
        for (std::string_view value : sig.values)
            if (!has_wording(value)) return at(table_problem::empty_signal_value, sig.kind == signal_kind::dialog ? "message_box" : sig.source);
        if (sig.kind == signal_kind::event && sig.code > max_event_id && sig.code != signal::no_id)
            return at(table_problem::event_id_over_65535, sig.source).with_value(sig.code);
    }
    if (!rl.version_fact.empty() || !rl.versions.empty()) {
        const std::uint16_t index = lookup_fact(keys, set, rl.version_fact);
        if (index == no_fact) return at(table_problem::unknown_fact, rl.version_fact);
        if (set.facts[index].kind != fact_kind::version) return at(table_problem::fact_type_mismatch, rl.version_fact);
        for (const version_range& range : rl.versions)
            if (range.inverted()) return at(table_problem::inverted_version_range, rl.version_fact);
    }
    for (const auto* list : {&rl.confirming, &rl.ruling_out}) {
        for (const fact_assignment& use : *list) {
            const table_problem p = check_fact_use(set, keys, use);
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
        if (ex.start_errors.empty() && ex.events.empty() && ex.facts.empty() && ex.crashes.empty() && ex.dialogs.empty())
            return at(table_problem::example_without_evidence);
        for (const fact_assignment& use : ex.facts) {
            const table_problem p = check_fact_use(set, keys, use);
            if (p != table_problem::none) return at(p, use.name);
        }
    }
    return {};
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
        for (const fact_assignment& g : b) found = found || (equal_text(f.name, g.name) && f.value == g.value && f.compare == g.compare);
        if (!found) return false;
    }
    return true;
}

// No observation could rank one above the other: same signals, same facts, same versions.
[[nodiscard]] constexpr bool indistinguishable(const rule& a, const rule& b) noexcept {
    if (!same_signals(a.required, b.required) || !same_signals(a.supporting, b.supporting)) return false;
    if (!same_facts(a.confirming, b.confirming) || !same_facts(a.ruling_out, b.ruling_out)) return false;
    if (!equal_text(a.version_fact, b.version_fact) || a.versions.size() != b.versions.size()) return false;
    for (std::size_t i = 0; i < a.versions.size(); ++i)
        if (a.versions[i].first != b.versions[i].first || a.versions[i].last != b.versions[i].last) return false;
    return true;
}


// What checking rules [begin, begin + Count) found: the first problem of one rule alone, and the
// rules' keys, for finding twins once the parts are merged.
template <std::size_t Count>
struct structure_part {
    check_result problem;
    rule_keys<Count> keys;
};

// The first problem of rules [begin, end) alone.
template <class Set, std::size_t Keys>
[[nodiscard]] constexpr check_result check_rule_range(const Set& set, const std::array<fact_key, Keys>& keys, std::size_t begin,
                                                      std::size_t end) noexcept {
    for (std::size_t r = begin; r < end; ++r) {
        const check_result problem = check_rule(set, keys, r);
        if (!problem.ok()) return problem;
    }
    return {};
}

// Rules [begin, begin + Count) keyed only: make_table checks each rule apart (check_rule_range),
// in a function body whose garbage GCC frees, and keeps only the keys in the table's evaluation.
template <std::size_t Count, class Set>
[[nodiscard]] constexpr structure_part<Count> key_part(const Set& set, std::size_t begin) noexcept {
    structure_part<Count> part{};
    part.keys = key_rules<Count>(set, begin);
    return part;
}

template <std::size_t Count, class Set, std::size_t Keys>
[[nodiscard]] constexpr structure_part<Count> check_rules(const Set& set, const std::array<fact_key, Keys>& keys,
                                                          std::size_t begin) noexcept {
    structure_part<Count> part = key_part<Count>(set, begin);
    part.problem = check_rule_range(set, keys, begin, begin + Count);
    return part;
}

// Rules of equal keys (adjacent once sorted) are compared for real; the later one is reported, naming
// the earlier (its index is the problem's value).
template <std::size_t N, class Set, class Same>
[[nodiscard]] constexpr check_result first_twin(const Set& set, const std::array<keyed_rule, N>& sorted, table_problem p,
                                                Same same) noexcept {
    check_result found;
    for (std::size_t i = 1; i < N; ++i) {
        for (std::size_t j = i; j-- > 0 && sorted[j].key == sorted[i].key;) {
            const rule& earlier = set.rules[sorted[j].rule];
            const rule& later = set.rules[sorted[i].rule];
            if (same(earlier, later)) {
                const std::string_view subject = p == table_problem::duplicate_rule_id ? later.id : earlier.id;
                found = first_problem(found, problem_at(p, sorted[i].rule, later.id, subject).with_value(sorted[j].rule));
                break;
            }
        }
    }
    return found;
}

// Equal ids and indistinguishable rules, from the whole table's sorted keys.
template <class Set, std::size_t N>
[[nodiscard]] constexpr check_result first_twins(const Set& set, const std::array<keyed_rule, N>& by_id,
                                                 const std::array<keyed_rule, N>& by_evidence) noexcept {
    const auto same_id = [](const rule& x, const rule& y) { return equal_text(x.id, y.id); };
    const auto same_evidence = [](const rule& x, const rule& y) { return indistinguishable(x, y); };
    return first_problem(first_twin(set, by_id, table_problem::duplicate_rule_id, same_id),
                         first_twin(set, by_evidence, table_problem::indistinguishable_rules, same_evidence));
}

template <std::size_t A, std::size_t B>
[[nodiscard]] constexpr structure_part<A + B> merge_parts(const structure_part<A>& a, const structure_part<B>& b) noexcept {
    structure_part<A + B> out{};
    merge_sorted(a.keys.by_id, A, b.keys.by_id, B, out.keys.by_id, before);
    merge_sorted(a.keys.by_evidence, A, b.keys.by_evidence, B, out.keys.by_evidence, before);
    out.problem = first_problem(a.problem, b.problem);
    return out;
}

// The first problem of a part that covers the whole table: its own, or twins.
template <class Set, std::size_t N>
[[nodiscard]] constexpr check_result first_problem_of_table(const Set& set, const structure_part<N>& whole) noexcept {
    return first_problem(whole.problem, first_twins(set, whole.keys.by_id, whole.keys.by_evidence));
}

// Every structural check of an indexed table (build_table's) in one call, from the catalog and
// rule keys the table already holds.
template <class Table>
[[nodiscard]] constexpr check_result check_structure(const Table& table) noexcept {
    const check_result catalog = check_catalog(table, table.index.facts_by_name);
    if (!catalog.ok()) return catalog;
    check_result rules;
    for (std::size_t r = 0; r < Table::rule_count && rules.ok(); ++r) rules = check_rule(table, table.index.facts_by_name, r);
    return first_problem(rules, first_twins(table, table.rules_by_id, table.rules_by_evidence));
}

}  // namespace ruledx::detail

#endif
