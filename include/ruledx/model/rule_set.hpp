// ruledx — a rule set: a fact catalog and the rules that use it, as written by their authors.
//
// A set refers to the author's facts and rules (arrays with static storage, or any storage that
// outlives the set) instead of copying them: building, joining and checking a table of thousands
// of rules then copies no rule. What the evaluator derives from a set is in eval/rule_table.hpp;
// make_table / join / without (check/checked_table.hpp) build checked tables.
#ifndef RULEDX_MODEL_RULE_SET_HPP
#define RULEDX_MODEL_RULE_SET_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ruledx/detail/sort.hpp"
#include "ruledx/detail/text_hash.hpp"
#include "ruledx/detail/text_match.hpp"
#include "ruledx/model/fact.hpp"
#include "ruledx/model/rule.hpp"
#include "ruledx/model/signal.hpp"
#include "ruledx/model/view.hpp"

namespace ruledx {

inline constexpr std::size_t not_found = static_cast<std::size_t>(-1);
// A fact reference the catalog does not hold (checked tables have none).
inline constexpr std::uint16_t no_fact = 0xFFFF;

// The same telling values, in any order.
[[nodiscard]] constexpr bool same_values(const signal& a, const signal& b) noexcept {
    if (a.values.size() != b.values.size()) return false;
    for (std::string_view v : a.values) {
        bool found = false;
        for (std::string_view w : b.values) found = found || detail::same_name(v, w);
        if (!found) return false;
    }
    return true;
}

// Two signals are the same observable thing: same kind, code or id, source and telling values.
[[nodiscard]] constexpr bool same_signal(const signal& a, const signal& b) noexcept {
    // A dialog, and an event without id, are also their text.
    const bool by_text = a.kind == signal_kind::dialog || (a.kind == signal_kind::event && a.code == signal::no_id);
    return a.kind == b.kind && a.code == b.code && detail::same_name(a.source, b.source) && same_values(a, b) &&
           (!by_text || detail::equal_text(a.description, b.description));
}

// A catalog entry by the hash of a name it answers to: its name, or its former name (`former`).
// Catalogs are searched by sorting, not by comparing every name with every other.
struct fact_key {
    std::uint64_t hash = 0;  // hash_text(name), or of the former name
    std::uint16_t fact = 0;  // no_fact: an unused place (a fact without a former name)
    bool former = false;
};
// Names before former names (a lookup finds a name first), then catalog order.
[[nodiscard]] constexpr bool sorts_before(const fact_key& a, const fact_key& b) noexcept {
    if (a.hash != b.hash) return a.hash < b.hash;
    return a.former != b.former ? !a.former : a.fact < b.fact;
}

// A catalog of Facts facts has two keys a fact: its name's and its former name's.
template <std::size_t Facts>
inline constexpr std::size_t catalog_key_count = 2 * Facts;

namespace detail {
[[nodiscard]] constexpr std::uint64_t values_key(const signal& s) noexcept {
    std::uint64_t key = 0;
    for (std::string_view v : s.values) key += spread(hash_name(v));
    // A dialog, and an event without id, are told apart by their text; a crash by its exception
    // (the index keeps a program's crashes in one run, whatever the exception: see index_rules).
    if (s.kind == signal_kind::dialog || (s.kind == signal_kind::event && s.code == signal::no_id))
        key = hash_combine(key, hash_text(s.description));
    if (s.kind == signal_kind::crash) key = hash_combine(key, s.code);
    return key;
}

// The name a key stands for.
template <class Set>
[[nodiscard]] constexpr std::string_view key_name(const Set& set, const fact_key& key) noexcept {
    return key.former ? set.facts[key.fact].former_name : set.facts[key.fact].name;
}

// The catalog's names and former names sorted by hash; the places of facts without a former name
// come last (hash ~0, no_fact).
template <std::size_t Facts, class Set>
[[nodiscard]] constexpr std::array<fact_key, catalog_key_count<Facts>> catalog_keys(const Set& set) noexcept {
    std::array<fact_key, catalog_key_count<Facts>> keys{};
    for (std::size_t f = 0; f < Facts; ++f) {
        const fact_definition& fact = set.facts[f];
        keys[2 * f] = {hash_text(fact.name), static_cast<std::uint16_t>(f), false};
        keys[2 * f + 1] = fact.former_name.empty() ? fact_key{~std::uint64_t{0}, no_fact, false}
                                                   : fact_key{hash_text(fact.former_name), static_cast<std::uint16_t>(f), true};
    }
    stable_sort(keys, keys.size(), before);
    return keys;
}

// A fact's catalog entry by a name it answers to: the hash of its (current) name and its catalog
// index, found by that name or by its former name (fact is no_fact when the catalog lacks it; the
// hash is then the given name's).
// The first of the sorted keys with that hash or a greater one.
template <std::size_t Keys>
[[nodiscard]] constexpr std::size_t first_key_from(const std::array<fact_key, Keys>& keys, std::uint64_t hash) noexcept {
    std::size_t lo = 0;
    std::size_t hi = Keys;
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (keys[mid].hash < hash)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

template <std::size_t Keys, class Set>
[[nodiscard]] constexpr fact_key find_fact_key(const std::array<fact_key, Keys>& keys, const Set& set,
                                               std::string_view name) noexcept {
    const std::uint64_t hash = hash_text(name);
    for (std::size_t lo = first_key_from(keys, hash); lo < Keys && keys[lo].hash == hash; ++lo) {
        if (keys[lo].fact == no_fact || !detail::equal_text(key_name(set, keys[lo]), name)) continue;
        if (!keys[lo].former) return keys[lo];
        return {hash_text(set.facts[keys[lo].fact].name), keys[lo].fact, false};
    }
    return {hash, no_fact, false};
}

// The catalog index of a fact, by its name or former name, or no_fact.
template <std::size_t Keys, class Set>
[[nodiscard]] constexpr std::uint16_t lookup_fact(const std::array<fact_key, Keys>& keys, const Set& set,
                                                  std::string_view name) noexcept {
    return find_fact_key(keys, set, name).fact;
}
[[nodiscard]] constexpr std::uint64_t signal_key(const signal& s) noexcept {
    std::uint64_t h = hash_combine(static_cast<std::uint64_t>(s.kind), s.code);
    return hash_combine(hash_combine(h, hash_name(s.source)), values_key(s));
}

[[nodiscard]] constexpr std::uint64_t fact_use_key(const fact_assignment& f) noexcept {
    std::uint64_t h = hash_combine(hash_text(f.name), static_cast<std::uint64_t>(f.value.kind));
    h = hash_combine(h, static_cast<std::uint64_t>(f.compare));
    switch (f.value.kind) {
        case fact_kind::boolean: return hash_combine(h, f.value.boolean ? 1 : 0);
        case fact_kind::number: return hash_combine(h, static_cast<std::uint64_t>(f.value.number));
        case fact_kind::text: return hash_combine(h, hash_text(f.value.text));
        case fact_kind::version:
            return hash_combine(h, (std::uint64_t{f.value.version_number.major} << 16) | f.value.version_number.minor);
    }
    return h;
}

// Equal for two rules that are indistinguishable (lists compared as sets, as indistinguishable() does).
[[nodiscard]] constexpr std::uint64_t evidence_key(const rule& rl) noexcept {
    std::uint64_t required = 0;
    std::uint64_t supporting = 0;
    std::uint64_t confirming = 0;
    std::uint64_t ruling_out = 0;
    for (const signal& s : rl.required) required += spread(signal_key(s));
    for (const signal& s : rl.supporting) supporting += spread(signal_key(s));
    for (const fact_assignment& f : rl.confirming) confirming += spread(fact_use_key(f));
    for (const fact_assignment& f : rl.ruling_out) ruling_out += spread(fact_use_key(f));
    std::uint64_t h = hash_combine(hash_combine(required, supporting), hash_combine(confirming, ruling_out));
    h = hash_combine(h, hash_text(rl.version_fact));
    for (const version_range& range : rl.versions)
        h = hash_combine(h, (std::uint64_t{range.first.major} << 48) | (std::uint64_t{range.first.minor} << 32) |
                                (std::uint64_t{range.last.major} << 16) | range.last.minor);
    return h;
}

}  // namespace detail

// A rule by a hash of something about it (its id, its evidence): sorted, equal hashes are
// adjacent, so duplicates are found in O(n log n).
struct keyed_rule {
    std::uint64_t key = 0;
    std::uint32_t rule = 0;
};
[[nodiscard]] constexpr bool sorts_before(const keyed_rule& a, const keyed_rule& b) noexcept {
    return a.key != b.key ? a.key < b.key : a.rule < b.rule;
}

// Rules [begin, begin + Count) sorted by the hash of their id and of their evidence: where equal
// ids and indistinguishable rules are adjacent.
template <std::size_t Count>
struct rule_keys {
    std::array<keyed_rule, Count> by_id{};
    std::array<keyed_rule, Count> by_evidence{};
};

namespace detail {
template <std::size_t Count, class Set>
[[nodiscard]] constexpr rule_keys<Count> key_rules(const Set& set, std::size_t begin) noexcept {
    rule_keys<Count> keys{};
    for (std::size_t k = 0; k < Count; ++k) {
        const std::size_t r = begin + k;
        keys.by_id[k] = {hash_text(set.rules[r].id), static_cast<std::uint32_t>(r)};
        keys.by_evidence[k] = {evidence_key(set.rules[r]), static_cast<std::uint32_t>(r)};
    }
    stable_sort(keys.by_id, Count, before);
    stable_sort(keys.by_evidence, Count, before);
    return keys;
}
}  // namespace detail

namespace detail {
// A table's lookups by name, for every kind of table (a set, a built table).
template <class Facts>
[[nodiscard]] constexpr std::size_t find_fact_named(const Facts& facts, std::string_view name) noexcept {
    for (std::size_t i = 0; i < facts.size(); ++i)
        if (equal_text(facts[i].name, name)) return i;
    for (std::size_t i = 0; i < facts.size(); ++i)
        if (!facts[i].former_name.empty() && equal_text(facts[i].former_name, name)) return i;
    return not_found;
}
template <class Rules>
[[nodiscard]] constexpr std::size_t find_rule_with_id(const Rules& rules, std::string_view id) noexcept {
    for (std::size_t i = 0; i < rules.size(); ++i)
        if (equal_text(rules[i].id, id)) return i;
    return not_found;
}
}  // namespace detail

// N references to values that live elsewhere; reads like an array of const T.
template <class T, std::size_t N>
class ref_list {
public:
    using iterator = detail::index_iterator<ref_list>;

    [[nodiscard]] static constexpr std::size_t size() noexcept { return N; }
    [[nodiscard]] static constexpr bool empty() noexcept { return N == 0; }
    [[nodiscard]] constexpr const T& operator[](std::size_t i) const noexcept { return *items_[i]; }
    [[nodiscard]] constexpr iterator begin() const noexcept { return iterator(this, 0); }
    [[nodiscard]] constexpr iterator end() const noexcept { return iterator(this, N); }

    constexpr void refer(std::size_t i, const T& item) noexcept { items_[i] = &item; }

private:
    std::array<const T*, N == 0 ? 1 : N> items_{};
};

// A rule as a built table keeps it for run time (make_table, join, without): its texts, and its
// lists as views into the table's pools, with the members of a rule. A built table's rules[i] is
// a built_rule (eval/rule_table.hpp): this view, and the way to the author's rule and examples.
struct rule_view {
    std::string_view id;
    std::string_view article;
    std::string_view title;
    std::string_view version_fact;
    view<version_range> versions;
    view<signal> required;    // the pool holds supporting right after: signal_at reads one run
    view<signal> supporting;
    view<fact_assignment> confirming;
    view<fact_assignment> ruling_out;
    std::string_view cause;
    view<std::string_view> resolution;
    view<std::string_view> related;

    [[nodiscard]] constexpr std::size_t signal_count() const noexcept { return required.size() + supporting.size(); }
    [[nodiscard]] constexpr const signal& signal_at(std::size_t i) const noexcept { return required.begin()[i]; }
    [[nodiscard]] constexpr bool is_required(std::size_t i) const noexcept { return i < required.size(); }
};

template <std::size_t Facts, std::size_t Rules>
struct rule_set {
    static constexpr std::size_t fact_count = Facts;
    static constexpr std::size_t rule_count = Rules;

    ref_list<fact_definition, Facts> facts;
    ref_list<rule, Rules> rules;

    // By name or, for a renamed fact, its former name.
    [[nodiscard]] constexpr std::size_t find_fact(std::string_view name) const noexcept {
        return detail::find_fact_named(facts, name);
    }
    [[nodiscard]] constexpr std::size_t find_rule(std::string_view id) const noexcept {
        return detail::find_rule_with_id(rules, id);
    }
};

// A set over arrays (or anything indexable) of facts and rules that outlive it.
template <std::size_t Facts, std::size_t Rules, class FactArray, class RuleArray>
[[nodiscard]] constexpr rule_set<Facts, Rules> refer_to(const FactArray& facts, const RuleArray& rules) noexcept {
    rule_set<Facts, Rules> set{};
    for (std::size_t i = 0; i < Facts; ++i) set.facts.refer(i, facts[i]);
    for (std::size_t i = 0; i < Rules; ++i) set.rules.refer(i, rules[i]);
    return set;
}

}  // namespace ruledx

#endif
