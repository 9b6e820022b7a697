// ruledx — a rule table: a rule set and what the evaluator derives from it, once.
//
// The index is what makes a diagnosis cost follow the evidence rather than the table: every
// signal sorted by kind and code (an observation is looked up, not compared with every rule),
// how many rules share each signal (an event one article has is strong evidence; an error code
// twenty articles share is weak), the catalog index of every fact a rule names, and which rules a
// fact that holds opens.
//
// It is built in parts, a range of rules at a time, and the parts are merged: make_table builds
// each part in a constant evaluation of its own, so no evaluation grows with the table beyond
// what the compilers' default limits allow (check/checked_table.hpp); build_table does the same
// in one call, for tables built at run time.
#ifndef RULEDX_EVAL_RULE_TABLE_HPP
#define RULEDX_EVAL_RULE_TABLE_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <tuple>
#include <type_traits>

#include "ruledx/detail/sort.hpp"
#include "ruledx/detail/text_hash.hpp"
#include "ruledx/detail/text_match.hpp"
#include "ruledx/model/rule_set.hpp"
#include "ruledx/model/view.hpp"

namespace ruledx {

// One entry of the signal index: signal number `index` of rule `rule`.
struct signal_ref {
    signal_kind kind = signal_kind::event;
    std::uint32_t code = 0;
    std::uint64_t source_key = 0;  // hash_name(source): equal when same_name holds
    std::uint64_t values_key = 0;  // the telling values, in any order
    std::uint32_t rule = 0;
    std::uint32_t index = 0;
};

// Kind and code first (what an observation is looked up by), then the signal's identity, then
// rule order, so that a class of equal signals is one run with its rules ascending.
[[nodiscard]] constexpr bool sorts_before(const signal_ref& a, const signal_ref& b) noexcept {
    if (a.kind != b.kind) return a.kind < b.kind;
    if (a.code != b.code) return a.code < b.code;
    if (a.source_key != b.source_key) return a.source_key < b.source_key;
    if (a.values_key != b.values_key) return a.values_key < b.values_key;
    if (a.rule != b.rule) return a.rule < b.rule;
    return a.index < b.index;
}

struct signal_stats {
    // How many rules of the table have the same signal (itself included)...
    std::uint16_t shared_by = 0;
    // ...and the same ignoring the telling values: what an event that matched on its id alone (no
    // text to read the values in) is worth.
    std::uint16_t shared_by_id = 0;
    // Equal for two signals exactly when they are the same signal.
    std::uint32_t signal_class = 0;
};

// Catalog indexes of the facts a rule names (no_fact where the catalog lacks one).
struct rule_facts {
    std::array<std::uint16_t, rule::max_confirming> confirming{};
    std::array<std::uint16_t, rule::max_ruling_out> ruling_out{};
    std::uint16_t version = no_fact;
};


// What makes rule `rule` a candidate when no signal of it matched: a confirming fact `fact` that
// holds, or a failed start of a service the rule's signals name (fact is then no_fact): a rule
// about the Internet Mail Service failing to start is a hypothesis whenever that service fails
// to start, whatever the error. Sorted by key: the hash of the fact's name in the rule's own
// catalog, or service_key of the service, which joining tables does not change (a catalog index
// does; a joined table's rules from a catalog that still named a fact by its former name keep
// that name's hash, so a fact's openers are looked up under both of its names).
struct opener {
    std::uint64_t key = 0;
    std::uint16_t fact = 0;
    std::uint32_t rule = 0;
};

// A version that some rule's range starts or ends at: the answers the version question can get.
struct named_version {
    std::uint16_t fact = 0;
    version value;
};

[[nodiscard]] constexpr bool sorts_before(const opener& a, const opener& b) noexcept {
    if (a.key != b.key) return a.key < b.key;
    return a.fact != b.fact ? a.fact < b.fact : a.rule < b.rule;
}
[[nodiscard]] constexpr bool sorts_before(const named_version& a, const named_version& b) noexcept {
    return a.fact != b.fact ? a.fact < b.fact : a.value < b.value;
}

// The distinct versions a table's ranges name, kept for weighing the version question. A table
// naming more keeps the first ones: it weighs that question less precisely, nothing else.
inline constexpr std::size_t max_named_versions = 64;


// Signals, facts and openers are counted exactly by make_table; tables built at run time use
// upper bounds (every list full).
template <std::size_t Facts, std::size_t Rules, std::size_t Signals, std::size_t Openers>
struct table_index {
    std::array<fact_key, catalog_key_count<Facts>> facts_by_name{};  // names and former names
    std::array<signal_ref, Signals> signals{};  // sorted_before order
    std::size_t signal_count = 0;
    // Rule r's signal s (rule::signal_at numbering) is stats[first_signal[r] + s].
    std::array<std::uint32_t, Rules + 1> first_signal{};
    std::array<signal_stats, Signals> stats{};
    std::array<rule_facts, Rules> rules{};
    std::array<opener, Openers> openers{};  // sorted by key
    std::size_t opener_count = 0;
    std::array<named_version, max_named_versions> versions{};  // sorted, distinct
    std::size_t version_count = 0;

    [[nodiscard]] constexpr const signal_stats& stats_of(std::size_t rule_index, std::size_t signal_index) const noexcept {
        return stats[first_signal[rule_index] + signal_index];
    }
};

template <std::size_t Facts, std::size_t Rules, std::size_t Signals = Rules * rule::max_signals,
          std::size_t Openers = Rules * rule::max_confirming>
struct rule_table : rule_set<Facts, Rules> {
    table_index<Facts, Rules, Signals, Openers> index;
    // The rules sorted by the hash of their id and of their evidence: what the checks found
    // duplicates with, kept so that joining tables checks only the new pairs.
    std::array<keyed_rule, Rules> rules_by_id{};
    std::array<keyed_rule, Rules> rules_by_evidence{};
};

// The run-time form of a built table's rules (make_table, join, without): what the evaluator and
// the writers read, and nothing else. Every rule's signals (required, then supporting: the
// numbering of rule::signal_at and of the index), facts (confirming, then ruling out), version
// ranges and texts (resolution steps, then related articles) are pooled in arrays of exactly the
// table's counts; a rule is a record of its texts and of where its lists start. A rule as
// written holds every list at full capacity and its examples (about 4.6 KB); the pools hold what
// the rules say (a few hundred bytes a rule), and the author's rules[] array is left to the
// compile-time checks (and to code that reads examples, see rule_view).
namespace detail {

struct rule_record {
    std::string_view id;
    std::string_view article;
    std::string_view title;
    std::string_view version_fact;
    std::string_view cause;
    std::uint32_t first_signal = 0;
    std::uint32_t first_fact = 0;
    std::uint32_t first_version = 0;
    std::uint32_t first_text = 0;
    std::uint8_t required = 0;
    std::uint8_t supporting = 0;
    std::uint8_t confirming = 0;
    std::uint8_t ruling_out = 0;
    std::uint8_t versions = 0;
    std::uint8_t steps = 0;
    std::uint8_t related = 0;
};

// The pools' sizes for a set's rules.
struct pool_sizes {
    std::size_t signals = 0;
    std::size_t facts = 0;
    std::size_t versions = 0;
    std::size_t texts = 0;
};

template <class Set>
[[nodiscard]] constexpr pool_sizes pool_sizes_of(const Set& set) noexcept {
    pool_sizes sizes{};
    for (const rule& rl : set.rules) {
        sizes.signals += rl.signal_count();
        sizes.facts += rl.confirming.size() + rl.ruling_out.size();
        sizes.versions += rl.versions.size();
        sizes.texts += rl.resolution.size() + rl.related.size();
    }
    return sizes;
}

template <class T, std::size_t N>
using pool_array = std::array<T, N == 0 ? 1 : N>;

// The rules of one set, pooled.
template <std::size_t Rules, std::size_t Signals, std::size_t Facts, std::size_t Versions, std::size_t Texts>
struct rule_pool {
    static constexpr std::size_t rule_count = Rules;
    std::array<rule_record, Rules> records{};
    pool_array<signal, Signals> signals{};
    pool_array<fact_assignment, Facts> facts{};
    pool_array<version_range, Versions> versions{};
    pool_array<std::string_view, Texts> texts{};

    [[nodiscard]] constexpr rule_view view_of(std::size_t r) const noexcept {
        const rule_record& rec = records[r];
        rule_view v;
        v.id = rec.id;
        v.article = rec.article;
        v.title = rec.title;
        v.version_fact = rec.version_fact;
        v.cause = rec.cause;
        v.versions = {versions.data() + rec.first_version, rec.versions};
        v.required = {signals.data() + rec.first_signal, rec.required};
        v.supporting = {signals.data() + rec.first_signal + rec.required, rec.supporting};
        v.confirming = {facts.data() + rec.first_fact, rec.confirming};
        v.ruling_out = {facts.data() + rec.first_fact + rec.confirming, rec.ruling_out};
        v.resolution = {texts.data() + rec.first_text, rec.steps};
        v.related = {texts.data() + rec.first_text + rec.steps, rec.related};
        return v;
    }
};

// One evaluation over the set's rules: a few steps per item, no per-slot work.
template <std::size_t Rules, std::size_t Signals, std::size_t Facts, std::size_t Versions, std::size_t Texts, class Set>
[[nodiscard]] constexpr rule_pool<Rules, Signals, Facts, Versions, Texts> pool_rules(const Set& set) noexcept {
    rule_pool<Rules, Signals, Facts, Versions, Texts> pool{};
    std::uint32_t s = 0;
    std::uint32_t f = 0;
    std::uint32_t v = 0;
    std::uint32_t t = 0;
    for (std::size_t r = 0; r < Rules; ++r) {
        const rule& rl = set.rules[r];
        rule_record& rec = pool.records[r];
        rec.id = rl.id;
        rec.article = rl.article;
        rec.title = rl.title;
        rec.version_fact = rl.version_fact;
        rec.cause = rl.cause;
        rec.first_signal = s;
        rec.first_fact = f;
        rec.first_version = v;
        rec.first_text = t;
        rec.required = static_cast<std::uint8_t>(rl.required.size());
        rec.supporting = static_cast<std::uint8_t>(rl.supporting.size());
        rec.confirming = static_cast<std::uint8_t>(rl.confirming.size());
        rec.ruling_out = static_cast<std::uint8_t>(rl.ruling_out.size());
        rec.versions = static_cast<std::uint8_t>(rl.versions.size());
        rec.steps = static_cast<std::uint8_t>(rl.resolution.size());
        rec.related = static_cast<std::uint8_t>(rl.related.size());
        for (const signal& x : rl.required) pool.signals[s++] = x;
        for (const signal& x : rl.supporting) pool.signals[s++] = x;
        for (const fact_assignment& x : rl.confirming) pool.facts[f++] = x;
        for (const fact_assignment& x : rl.ruling_out) pool.facts[f++] = x;
        for (const version_range& x : rl.versions) pool.versions[v++] = x;
        for (std::string_view x : rl.resolution) pool.texts[t++] = x;
        for (std::string_view x : rl.related) pool.texts[t++] = x;
    }
    return pool;
}

// A joined table's pools are its tables' pools, referred to: joining copies no rule, at compile
// time (a copy per join of 10,000 rules is gigabytes of compiler memory) or in the program.
template <class First, class Second>
struct joined_pool {
    static constexpr std::size_t rule_count = First::rule_count + Second::rule_count;
    const First* first = nullptr;
    const Second* second = nullptr;

    [[nodiscard]] constexpr rule_view view_of(std::size_t r) const noexcept {
        return r < First::rule_count ? first->view_of(r) : second->view_of(r - First::rule_count);
    }
};

}  // namespace detail

// A rule of a built table: its rule_view, and, read from the author's rules[] array only when
// asked (Source::value is the set the checks built, which refers to it), its examples and the
// rule itself, so that `table.rules[i].examples` and `const rule& r = table.rules[i];` keep
// compiling. Only the rule's index is kept: a program that reads neither does not keep the
// author's array (every rule at full capacity, with its examples), at -O1 and above.
template <class Source>
class authored_examples {
public:
    constexpr explicit authored_examples(std::size_t rule_index) noexcept : rule_index_(rule_index) {}
    [[nodiscard]] constexpr std::size_t size() const noexcept { return list().size(); }
    [[nodiscard]] constexpr bool empty() const noexcept { return list().empty(); }
    [[nodiscard]] constexpr const example& operator[](std::size_t i) const noexcept { return list()[i]; }
    [[nodiscard]] constexpr const example* begin() const noexcept { return list().begin(); }
    [[nodiscard]] constexpr const example* end() const noexcept { return list().end(); }

private:
    [[nodiscard]] constexpr const auto& list() const noexcept { return Source::value.rules[rule_index_].examples; }
    std::size_t rule_index_;
};

template <class Source>
struct built_rule : rule_view {
    std::size_t rule_index;
    authored_examples<Source> examples;

    constexpr built_rule(const rule_view& pooled, std::size_t index) noexcept
        : rule_view(pooled), rule_index(index), examples(index) {}
    // The rule as its author wrote it.
    constexpr operator const rule&() const noexcept { return Source::value.rules[rule_index]; }
};

// A built table's rules: reads like an array of rules (rules[i].id, rules[i].required, ...), each a
// built_rule.
template <class Source, class Pool>
class built_rules {
public:
    using iterator = detail::index_iterator<built_rules>;

    constexpr built_rules() noexcept = default;
    // The pool lives in a static constant of the checks (one per table, however often the table is copied).
    constexpr explicit built_rules(const Pool& pool) noexcept : pool_(&pool) {}

    [[nodiscard]] static constexpr std::size_t size() noexcept { return Pool::rule_count; }
    [[nodiscard]] static constexpr bool empty() noexcept { return Pool::rule_count == 0; }
    [[nodiscard]] constexpr built_rule<Source> operator[](std::size_t i) const noexcept {
        return {pool_->view_of(i), i};
    }
    [[nodiscard]] constexpr iterator begin() const noexcept { return iterator(this, 0); }
    [[nodiscard]] constexpr iterator end() const noexcept { return iterator(this, Pool::rule_count); }
    [[nodiscard]] constexpr const Pool& pool() const noexcept { return *pool_; }

private:
    const Pool* pool_ = nullptr;
};

// What make_table, join and without return: the catalog, the rules in their run-time form and the
// index. It holds no pointer to the author's arrays (a program that does not read examples does
// not keep them); `source` is the compile-time table that refers to them, which join and without
// build on.
template <class Source, class Pool, class Index>
struct built_table {
    using source = Source;
    static constexpr std::size_t fact_count = std::decay_t<decltype(Source::value)>::fact_count;
    static constexpr std::size_t rule_count = Pool::rule_count;

    std::array<fact_definition, fact_count> facts{};
    built_rules<Source, Pool> rules{};
    Index index{};

    // By name or, for a renamed fact, its former name.
    [[nodiscard]] constexpr std::size_t find_fact(std::string_view name) const noexcept {
        return detail::find_fact_named(facts, name);
    }
    [[nodiscard]] constexpr std::size_t find_rule(std::string_view id) const noexcept {
        return detail::find_rule_with_id(rules, id);
    }
};

namespace detail {

template <class Set>
[[nodiscard]] constexpr std::size_t signal_total(const Set& set, std::size_t begin, std::size_t end) noexcept {
    std::size_t n = 0;
    for (std::size_t r = begin; r < end; ++r) n += set.rules[r].signal_count();
    return n;
}

// The key under which a failed start of `service` finds the rules naming it.
[[nodiscard]] constexpr std::uint64_t service_key(std::string_view service) noexcept {
    return hash_combine(hash_name(service), 0x5e41ce5eull);
}

// Each distinct source or service rule `rl`'s start errors and events name, and the service it
// is about, by calling add(service_key) once per name (a crashed program and a dialog name no
// service).
template <class Add>
constexpr void for_each_named_service(const rule& rl, Add add) noexcept {
    const auto names_service = [&rl](std::size_t s) {
        const signal_kind kind = rl.signal_at(s).kind;
        return kind == signal_kind::start_error || kind == signal_kind::event;
    };
    bool service_named = rl.service.empty();
    for (std::size_t s = 0; s < rl.signal_count(); ++s) {
        if (!names_service(s)) continue;
        bool earlier = false;
        for (std::size_t t = 0; t < s && !earlier; ++t)
            earlier = names_service(t) && same_name(rl.signal_at(t).source, rl.signal_at(s).source);
        if (!earlier) add(service_key(rl.signal_at(s).source));
        service_named = service_named || same_name(rl.signal_at(s).source, rl.service);
    }
    if (!service_named) add(service_key(rl.service));
}

template <class Set>
[[nodiscard]] constexpr std::size_t opener_total(const Set& set, std::size_t begin, std::size_t end) noexcept {
    std::size_t n = 0;
    for (std::size_t r = begin; r < end; ++r) {
        n += set.rules[r].confirming.size();
        for_each_named_service(set.rules[r], [&n](std::uint64_t) { ++n; });
    }
    return n;
}



// The index of rules [begin, begin + RuleCount): what one constant evaluation builds.
template <std::size_t Signals, std::size_t Openers, std::size_t RuleCount>
struct index_part {
    std::array<signal_ref, Signals> signals{};
    std::size_t signal_count = 0;
    std::array<opener, Openers> openers{};
    std::size_t opener_count = 0;
    std::array<rule_facts, RuleCount> rules{};
    std::array<std::uint32_t, RuleCount> signals_of_rule{};
    std::array<named_version, max_named_versions> versions{};
    std::size_t version_count = 0;
};

template <std::size_t Capacity>
constexpr void add_version(std::array<named_version, Capacity>& versions, std::size_t& count, named_version v) noexcept {
    for (std::size_t i = 0; i < count; ++i)
        if (versions[i].fact == v.fact && versions[i].value == v.value) return;
    if (count < Capacity) versions[count++] = v;
}

template <std::size_t Signals, std::size_t Openers, std::size_t RuleCount, std::size_t Keys, class Set>
[[nodiscard]] constexpr index_part<Signals, Openers, RuleCount> index_rules(const Set& set,
                                                                           const std::array<fact_key, Keys>& keys,
                                                                           std::size_t begin) noexcept {
    index_part<Signals, Openers, RuleCount> part{};
    for (std::size_t k = 0; k < RuleCount; ++k) {
        const std::size_t r = begin + k;
        const rule& rl = set.rules[r];
        part.signals_of_rule[k] = static_cast<std::uint32_t>(rl.signal_count());
        for (std::size_t s = 0; s < rl.signal_count() && part.signal_count < Signals; ++s) {
            const signal& sig = rl.signal_at(s);
            // A program's crashes are one run whatever their exception (which values_key holds): a
            // crash matched by its program alone is worth what every crash of that program shares.
            const std::uint32_t code = sig.kind == signal_kind::crash ? 0 : sig.code;
            part.signals[part.signal_count++] = {sig.kind, code, hash_name(sig.source), values_key(sig),
                                                 static_cast<std::uint32_t>(r), static_cast<std::uint32_t>(s)};
        }
        rule_facts& facts = part.rules[k];
        for (std::size_t f = 0; f < rl.confirming.size(); ++f) {
            const fact_key key = find_fact_key(keys, set, rl.confirming[f].name);
            facts.confirming[f] = key.fact;
            if (part.opener_count < Openers) part.openers[part.opener_count++] = {key.hash, key.fact, static_cast<std::uint32_t>(r)};
        }
        for_each_named_service(rl, [&part, r](std::uint64_t key) {
            if (part.opener_count < Openers) part.openers[part.opener_count++] = {key, no_fact, static_cast<std::uint32_t>(r)};
        });
        for (std::size_t f = 0; f < rl.ruling_out.size(); ++f) facts.ruling_out[f] = lookup_fact(keys, set, rl.ruling_out[f].name);
        if (!rl.version_fact.empty()) {
            facts.version = lookup_fact(keys, set, rl.version_fact);
            for (const version_range& range : rl.versions) {
                add_version(part.versions, part.version_count, {facts.version, range.first});
                add_version(part.versions, part.version_count, {facts.version, range.last});
            }
        }
    }
    stable_sort(part.signals, part.signal_count, before);
    stable_sort(part.openers, part.opener_count, before);
    return part;
}

template <std::size_t S1, std::size_t O1, std::size_t R1, std::size_t S2, std::size_t O2, std::size_t R2>
[[nodiscard]] constexpr index_part<S1 + S2, O1 + O2, R1 + R2> merge_parts(const index_part<S1, O1, R1>& a,
                                                                       const index_part<S2, O2, R2>& b) noexcept {
    index_part<S1 + S2, O1 + O2, R1 + R2> out{};
    out.signal_count = merge_sorted(a.signals, a.signal_count, b.signals, b.signal_count, out.signals, before);
    out.opener_count = merge_sorted(a.openers, a.opener_count, b.openers, b.opener_count, out.openers, before);
    // Through pointers: see joining, below.
    rule_facts* facts = out.rules.data();
    std::uint32_t* counts = out.signals_of_rule.data();
    const rule_facts* facts_a = a.rules.data();
    const rule_facts* facts_b = b.rules.data();
    const std::uint32_t* counts_a = a.signals_of_rule.data();
    const std::uint32_t* counts_b = b.signals_of_rule.data();
    for (std::size_t k = 0; k < R1; ++k) {
        facts[k] = facts_a[k];
        counts[k] = counts_a[k];
    }
    for (std::size_t k = 0; k < R2; ++k) {
        facts[R1 + k] = facts_b[k];
        counts[R1 + k] = counts_b[k];
    }
    out.versions = a.versions;
    out.version_count = a.version_count;
    for (std::size_t i = 0; i < b.version_count; ++i) add_version(out.versions, out.version_count, b.versions[i]);
    return out;
}

// Where each rule's signals start in the flat numbering of the index's stats.
template <std::size_t Signals, std::size_t Openers, std::size_t Rules>
[[nodiscard]] constexpr std::array<std::uint32_t, Rules + 1> first_signals(const index_part<Signals, Openers, Rules>& part) noexcept {
    std::array<std::uint32_t, Rules + 1> first{};
    std::uint32_t* to = first.data();
    const std::uint32_t* count = part.signals_of_rule.data();
    for (std::size_t r = 0; r < Rules; ++r) to[r + 1] = to[r] + count[r];
    return first;
}

// How many rules share each signal of the sorted index's entries [begin, begin + Count), with
// each entry's place in the flat numbering: integer work over the runs of equal kind, code and
// source (and, within, of equal values) that the entries belong to. One part is one constant
// evaluation at compile time; runs crossing a part's ends are counted whole.
template <std::size_t Count>
struct stats_part {
    std::array<std::uint32_t, Count> flat{};
    std::array<signal_stats, Count> stats{};
};

template <std::size_t Count, std::size_t Signals, std::size_t FirstCount>
[[nodiscard]] constexpr stats_part<Count> count_shared(const std::array<signal_ref, Signals>& ref_array, std::size_t n,
                                                       const std::array<std::uint32_t, FirstCount>& first_array,
                                                       std::size_t begin) noexcept {
    stats_part<Count> part{};
    const signal_ref* refs = ref_array.data();
    const std::uint32_t* first_signal = first_array.data();
    std::uint32_t* flat = part.flat.data();
    signal_stats* stats = part.stats.data();
    const std::size_t end = begin + Count < n ? begin + Count : n;
    const auto same_run = [&](std::size_t i, std::size_t j) {
        return refs[i].kind == refs[j].kind && refs[i].code == refs[j].code && refs[i].source_key == refs[j].source_key;
    };
    std::size_t first = begin;
    while (first > 0 && same_run(first - 1, begin)) --first;
    while (first < end) {  // a run of one kind, code and source
        std::size_t last = first + 1;
        while (last < n && same_run(last, first)) ++last;
        std::uint16_t rules_by_id = 0;
        for (std::size_t i = first; i < last; ++i)
            if (i == first || refs[i].rule != refs[i - 1].rule) ++rules_by_id;
        for (std::size_t class_first = first; class_first < last;) {  // one class: same values too
            std::size_t class_last = class_first + 1;
            while (class_last < last && refs[class_last].values_key == refs[class_first].values_key) ++class_last;
            std::uint16_t rules_in_class = 0;
            for (std::size_t i = class_first; i < class_last; ++i)
                if (i == class_first || refs[i].rule != refs[i - 1].rule) ++rules_in_class;
            for (std::size_t i = class_first < begin ? begin : class_first; i < class_last && i < end; ++i) {
                flat[i - begin] = first_signal[refs[i].rule] + refs[i].index;
                stats[i - begin] = {rules_in_class, rules_by_id, static_cast<std::uint32_t>(class_first)};
            }
            class_first = class_last;
        }
        first = last;
    }
    return part;
}

// The index from its parts: the merged index_part, the flat numbering and the stats parts in order.
// (Keys: the catalog's keys, two a fact.)
template <std::size_t Keys, std::size_t Rules, std::size_t Signals, std::size_t Openers, std::size_t... Counts>
[[nodiscard]] constexpr table_index<Keys / 2, Rules, Signals, Openers> assemble_index(
    const std::array<fact_key, Keys>& keys, const index_part<Signals, Openers, Rules>& part,
    const std::array<std::uint32_t, Rules + 1>& first_signal, const stats_part<Counts>&... stats) noexcept {
    static_assert(Keys % 2 == 0, "ruledx: a catalog has two keys a fact");
    table_index<Keys / 2, Rules, Signals, Openers> index{};
    index.facts_by_name = keys;
    index.signals = part.signals;
    index.signal_count = part.signal_count;
    index.first_signal = first_signal;
    index.rules = part.rules;
    index.openers = part.openers;
    index.opener_count = part.opener_count;
    index.versions = part.versions;
    index.version_count = part.version_count;
    stable_sort(index.versions, index.version_count, before);
    std::size_t at = 0;
    signal_stats* to = index.stats.data();
    const auto scatter = [&](const auto& piece) {
        const std::uint32_t* places = piece.flat.data();
        const signal_stats* shared = piece.stats.data();
        for (std::size_t i = 0; i < piece.flat.size() && at < index.signal_count; ++i, ++at) to[places[i]] = shared[i];
    };
    (scatter(stats), ...);
    return index;
}

// The whole index in one call (tables built at run time, and small ones).
template <std::size_t Keys, std::size_t Rules, std::size_t Signals, std::size_t Openers>
[[nodiscard]] constexpr table_index<Keys / 2, Rules, Signals, Openers> finish_index(
    const std::array<fact_key, Keys>& keys, const index_part<Signals, Openers, Rules>& part) noexcept {
    const auto first = first_signals(part);
    return assemble_index(keys, part, first, count_shared<Signals>(part.signals, part.signal_count, first, 0));
}


// Joining two indexed tables, a and b (b's rules follow a's, b's facts are mapped to the joined
// catalog by fact_map): each piece is linear in the tables, and a separate evaluation of its own
// at compile time (check/checked_table.hpp). Here and in building the index, lists are read and
// written through pointers, not std::array's operator[]: GCC keeps what each call of it on a
// constant allocates (at 5,000 rules in five tables, 0.4 GB of the compiler's 3.1 GB peak).
template <class A, class B>
[[nodiscard]] constexpr auto merged_signals(const A& a, const B& b) noexcept {
    constexpr std::size_t sa = std::tuple_size<decltype(a.index.signals)>::value;
    constexpr std::size_t sb = std::tuple_size<decltype(b.index.signals)>::value;
    std::array<signal_ref, sb> shifted{};
    const signal_ref* from = b.index.signals.data();
    signal_ref* to = shifted.data();
    for (std::size_t i = 0; i < b.index.signal_count; ++i) {
        to[i] = from[i];
        to[i].rule += static_cast<std::uint32_t>(A::rule_count);
    }
    std::array<signal_ref, sa + sb> out{};
    merge_sorted(a.index.signals, a.index.signal_count, shifted, b.index.signal_count, out, before);
    return out;
}

template <std::size_t FactsB>
[[nodiscard]] constexpr std::uint16_t mapped(const std::array<std::uint16_t, FactsB>& fact_map, std::uint16_t f) noexcept {
    return f == no_fact ? no_fact : fact_map[f];
}

template <class A, class B, std::size_t FactsB>
[[nodiscard]] constexpr auto merged_rule_facts(const A& a, const B& b, const std::array<std::uint16_t, FactsB>& fact_map) noexcept {
    std::array<rule_facts, A::rule_count + B::rule_count> out{};
    rule_facts* to = out.data();
    const rule_facts* from_a = a.index.rules.data();
    const rule_facts* from_b = b.index.rules.data();
    for (std::size_t r = 0; r < A::rule_count; ++r) to[r] = from_a[r];
    for (std::size_t r = 0; r < B::rule_count; ++r) {
        rule_facts facts = from_b[r];
        for (std::uint16_t& f : facts.confirming) f = mapped(fact_map, f);
        for (std::uint16_t& f : facts.ruling_out) f = mapped(fact_map, f);
        facts.version = mapped(fact_map, facts.version);
        to[A::rule_count + r] = facts;
    }
    return out;
}

template <class A, class B, std::size_t FactsB>
[[nodiscard]] constexpr auto merged_openers(const A& a, const B& b, const std::array<std::uint16_t, FactsB>& fact_map) noexcept {
    constexpr std::size_t oa = std::tuple_size<decltype(a.index.openers)>::value;
    constexpr std::size_t ob = std::tuple_size<decltype(b.index.openers)>::value;
    std::array<opener, ob> shifted{};
    const opener* from = b.index.openers.data();
    opener* to = shifted.data();
    for (std::size_t i = 0; i < b.index.opener_count; ++i) {
        to[i] = from[i];
        to[i].fact = mapped(fact_map, to[i].fact);
        to[i].rule += static_cast<std::uint32_t>(A::rule_count);
    }
    std::array<opener, oa + ob> out{};
    merge_sorted(a.index.openers, a.index.opener_count, shifted, b.index.opener_count, out, before);
    return out;
}

// The joined table's index, as one part from the merged pieces (finished like any other).
template <class A, class B, std::size_t FactsB, std::size_t Signals, std::size_t Openers>
[[nodiscard]] constexpr auto joined_part(const A& a, const B& b,
                                          const std::array<std::uint16_t, FactsB>& fact_map,
                                          const std::array<signal_ref, Signals>& signals,
                                          const std::array<rule_facts, A::rule_count + B::rule_count>& facts,
                                          const std::array<opener, Openers>& openers) noexcept {
    constexpr std::size_t rules = A::rule_count + B::rule_count;
    index_part<Signals, Openers, rules> part{};
    part.signals = signals;
    part.signal_count = a.index.signal_count + b.index.signal_count;
    part.openers = openers;
    part.opener_count = a.index.opener_count + b.index.opener_count;
    part.rules = facts;
    std::uint32_t* count = part.signals_of_rule.data();
    const std::uint32_t* first_a = a.index.first_signal.data();
    const std::uint32_t* first_b = b.index.first_signal.data();
    for (std::size_t r = 0; r < A::rule_count; ++r) count[r] = first_a[r + 1] - first_a[r];
    for (std::size_t r = 0; r < B::rule_count; ++r) count[A::rule_count + r] = first_b[r + 1] - first_b[r];
    part.versions = a.index.versions;
    part.version_count = a.index.version_count;
    for (std::size_t i = 0; i < b.index.version_count; ++i)
        add_version(part.versions, part.version_count, {mapped(fact_map, b.index.versions[i].fact), b.index.versions[i].value});
    return part;
}

// Two tables' rules sorted by a key, b's numbered after a's.
template <std::size_t RA, std::size_t RB>
[[nodiscard]] constexpr std::array<keyed_rule, RA + RB> merged_keys(const std::array<keyed_rule, RA>& a,
                                                                    const std::array<keyed_rule, RB>& b) noexcept {
    std::array<keyed_rule, RB> shifted = b;
    for (keyed_rule& k : shifted) k.rule += static_cast<std::uint32_t>(RA);
    std::array<keyed_rule, RA + RB> out{};
    merge_sorted(a, RA, shifted, RB, out, before);
    return out;
}

}  // namespace detail

// A table over facts and rules that outlive it, indexed in one call: for tables built at run time
// (rules generated from a vendor's own data) and for tests. It is not checked; see check_table.
template <std::size_t Facts, std::size_t Rules, class FactArray, class RuleArray>
[[nodiscard]] constexpr rule_table<Facts, Rules> build_table(const FactArray& facts, const RuleArray& rules) noexcept {
    rule_table<Facts, Rules> table{};
    static_cast<rule_set<Facts, Rules>&>(table) = refer_to<Facts, Rules>(facts, rules);
    const auto keys = detail::catalog_keys<Facts>(table);
    const auto part = detail::index_rules<Rules * rule::max_signals, Rules * rule::max_confirming, Rules>(table, keys, 0);
    table.index = detail::finish_index(keys, part);
    const auto sorted = detail::key_rules<Rules>(table, 0);
    table.rules_by_id = sorted.by_id;
    table.rules_by_evidence = sorted.by_evidence;
    return table;
}

template <class T, std::size_t Facts, class U, std::size_t Rules>
[[nodiscard]] constexpr rule_table<Facts, Rules> build_table(const std::array<T, Facts>& facts,
                                                            const std::array<U, Rules>& rules) noexcept {
    return build_table<Facts, Rules>(facts, rules);
}

}  // namespace ruledx

#endif
