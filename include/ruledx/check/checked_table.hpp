// ruledx — building rule tables that the compiler has checked.
//
//   inline constexpr ruledx::fact_definition my_facts[] = {...};
//   inline constexpr ruledx::rule my_rules[] = {...};
//   inline constexpr auto my_table = ruledx::make_table<my_facts, my_rules>();
//   inline constexpr auto both = ruledx::join<ruledx::kb::exchange_ims::table, my_table>();
//   inline constexpr std::string_view off[] = {"ims-account-not-admin"};
//   inline constexpr auto fewer = ruledx::without<ruledx::kb::exchange_ims::table, off>();
//
// A table that fails a check does not compile. The error is a static_assert in a template named
// after the problem, whose arguments say where: error::at<index, 'r','u','l','e','-','i','d'> is
// the rule (or, for catalog problems, the fact), error::subject<...> the fact, article, source,
// list or other rule concerned, error::value<N> the offending number (the event id, the row of
// the first duplicate, the capacity exceeded) or error::no_value.
//
// Cost. Building and checking a table is split over many constant evaluations, each bounded by
// a fixed number of rules (rules_per_part for the index and the structural checks, which are then
// merged pairwise; rules_per_proof for the examples' proofs), because a compiler's limits (Clang's
// -fconstexpr-steps, GCC's -fconstexpr-ops-limit) apply per evaluation. Only the author's rules[]
// array itself is one evaluation: about 300 Clang steps per rule of the shipped knowledge bases,
// so some 3,400 such rules fit in one array at Clang's default limit.
#ifndef RULEDX_CHECK_CHECKED_TABLE_HPP
#define RULEDX_CHECK_CHECKED_TABLE_HPP

#include <array>
#include <cstddef>
#include <string_view>
#include <type_traits>
#include <utility>

#include "ruledx/check/examples.hpp"
#include "ruledx/check/problem.hpp"
#include "ruledx/check/structure.hpp"
#include "ruledx/config.hpp"
#include "ruledx/eval/rule_table.hpp"
#include "ruledx/model/rule_set.hpp"

namespace ruledx {
namespace error {

template <std::size_t Index, char... Id>
struct at {};
template <char... Text>
struct subject {};
template <unsigned long long Number>
struct value {};
struct no_value {};

template <class T>
inline constexpr bool always_false = false;

template <table_problem P>
struct for_problem;

// One template per problem, so the compiler's first line names the problem in words.
#define RULEDX_DEFINE_TABLE_ERROR(problem_name, message)                                     \
    template <class Where, class Subject, class Value>                                         \
    struct problem_name {                                                                      \
        static_assert(always_false<Where>, "ruledx: " message " (where: error::at<index, id>)"); \
    };                                                                                         \
    template <>                                                                                \
    struct for_problem<table_problem::problem_name> {                                          \
        template <class Where, class Subject, class Value>                                     \
        using type = problem_name<Where, Subject, Value>;                                      \
    };

RULEDX_DEFINE_TABLE_ERROR(malformed_fact_name, "a fact name in the catalog is not snake_case")
RULEDX_DEFINE_TABLE_ERROR(duplicate_fact, "the catalog declares a fact twice")
RULEDX_DEFINE_TABLE_ERROR(fact_without_question, "a fact in the catalog has no question")
RULEDX_DEFINE_TABLE_ERROR(former_name_clash, "a fact's former name is already another fact's name or former name (subject: that name; value: the other fact's row)")
RULEDX_DEFINE_TABLE_ERROR(malformed_rule_id, "a rule id is empty or not lower-case words joined by '-', '_' or '.'")
RULEDX_DEFINE_TABLE_ERROR(duplicate_rule_id, "two rules have the same id")
RULEDX_DEFINE_TABLE_ERROR(malformed_article_id, "a rule's article id is not 'Q' followed by 5 to 7 digits")
RULEDX_DEFINE_TABLE_ERROR(missing_title, "a rule has no title")
RULEDX_DEFINE_TABLE_ERROR(no_observable_signal, "a rule has no observable signal (no start error, no event)")
RULEDX_DEFINE_TABLE_ERROR(empty_source, "a rule's signal or about_service has an empty event source, service or crashed program name (subject: about_service for that step)")
RULEDX_DEFINE_TABLE_ERROR(empty_signal_text, "a rule's message_box or event_described signal has no text to be known by (subject: the event's source, or message_box)")
RULEDX_DEFINE_TABLE_ERROR(empty_signal_value, "a rule's signal has a with_value without a letter or digit, which any text would hold (subject: the signal's source, or message_box)")
RULEDX_DEFINE_TABLE_ERROR(event_id_over_65535, "a rule's event id does not fit the 16 bits Event Viewer shows")
RULEDX_DEFINE_TABLE_ERROR(unknown_fact, "a rule or example names a fact that is not in the catalog")
RULEDX_DEFINE_TABLE_ERROR(fact_type_mismatch, "a rule or example compares a fact with a value of the wrong kind")
RULEDX_DEFINE_TABLE_ERROR(inverted_version_range, "a rule's version range ends before it starts")
RULEDX_DEFINE_TABLE_ERROR(missing_cause, "a rule has an empty cause")
RULEDX_DEFINE_TABLE_ERROR(missing_resolution, "a rule has no resolution, or an empty resolution step")
RULEDX_DEFINE_TABLE_ERROR(malformed_related_article, "a rule's related article id is not 'Q' followed by 5 to 7 digits")
RULEDX_DEFINE_TABLE_ERROR(example_without_evidence, "a rule's example holds no observation")
RULEDX_DEFINE_TABLE_ERROR(indistinguishable_rules, "no evidence could tell two rules apart (same signals, facts and versions)")
RULEDX_DEFINE_TABLE_ERROR(example_does_not_pick_its_rule, "a rule's own example does not make it the single top candidate (subject: the rule ranked first or tied)")
RULEDX_DEFINE_TABLE_ERROR(unknown_rule_to_disable, "a rule to switch off is not in the table")
RULEDX_DEFINE_TABLE_ERROR(list_over_capacity, "a rule's list holds more items than its capacity (subject: the list; value: its capacity)")
RULEDX_DEFINE_TABLE_ERROR(example_touches_too_many_rules, "a rule's example touches more rules than a proof can rank (value: the capacity); give it more specific evidence")

#undef RULEDX_DEFINE_TABLE_ERROR

}  // namespace error

namespace detail {

// Rules per constant evaluation of the index and of the structural checks, and of the proofs.
// Measured (bench/README.md): a part of 64 rules of the shipped knowledge bases' shape takes well
// under a tenth of Clang's default step limit, a proof of 8 rules less still.
inline constexpr std::size_t rules_per_part = 64;
inline constexpr std::size_t rules_per_proof = 8;

template <class Result, std::size_t... I>
auto where_of(std::index_sequence<I...>) -> error::at<Result::value.rule_index, Result::value.rule_id[I]...>;
template <class Result, std::size_t... I>
auto subject_of(std::index_sequence<I...>) -> error::subject<Result::value.subject[I]...>;
template <class Result>
auto value_of() {
    if constexpr (Result::value.has_value)
        return error::value<Result::value.value>{};
    else
        return error::no_value{};
}

// Instantiates the problem's error template (its static_assert is the message); only reached
// when Result holds a problem. The table's own initialisation refers to this function without
// calling it (report_problem below), so it stays a valid constant expression and the compiler
// reports this one error, not a cascade after it.
template <class Result>
void instantiate_error() noexcept {
    constexpr check_result r = Result::value;
    using where = decltype(where_of<Result>(std::make_index_sequence<r.rule_id.size()>{}));
    using what = decltype(subject_of<Result>(std::make_index_sequence<r.subject.size()>{}));
    using number = decltype(value_of<Result>());
    static_cast<void>(sizeof(typename error::for_problem<r.problem>::template type<where, what, number>));
}
template <class Result>
constexpr void report_problem() noexcept {
    static_cast<void>(&instantiate_error<Result>);
}

template <class Source>
using set_of = std::decay_t<decltype(Source::value)>;

// The table the checks built from a table make_table, join or without returned (its `source`),
// or the table itself when it has none (one built by build_table in a constant expression).
template <const auto& Table, class = void>
struct full_table {
    static constexpr const auto& value = Table;
};
template <const auto& Table>
struct full_table<Table, std::void_t<typename std::decay_t<decltype(Table)>::source>> {
    static constexpr const auto& value = std::decay_t<decltype(Table)>::source::table;
};

// The pooled rules of a set, in one evaluation sized by the set's exact counts.
template <class Holder>
struct pooled {
    static constexpr pool_sizes sizes = pool_sizes_of(Holder::value);
    static constexpr auto value = pool_rules<set_of<Holder>::rule_count, sizes.signals, sizes.facts, sizes.versions,
                                             sizes.texts>(Holder::value);
};
// A table's pooled rules: those of its run-time form, or pooled here for a table without one.
template <const auto& Table, class = void>
struct pool_of {
    static constexpr const auto& value = pooled<full_table<Table>>::value;
};
template <const auto& Table>
struct pool_of<Table, std::void_t<typename std::decay_t<decltype(Table)>::source>> {
    static constexpr const auto& value = Table.rules.pool();
};

template <class Source>
struct catalog_of {
    static constexpr auto keys = catalog_keys<set_of<Source>::fact_count>(Source::value);
    static constexpr check_result problem = check_catalog(Source::value, keys);
};

// A tree of constant evaluations over rules [Begin, End): leaves of at most rules_per_part rules,
// each node merging its two halves.
template <class Source, std::size_t Begin, std::size_t End, bool Leaf = (End - Begin <= rules_per_part)>
struct index_tree;
template <class Source, std::size_t Begin, std::size_t End>
struct index_tree<Source, Begin, End, true> {
    static constexpr std::size_t signals = signal_total(Source::value, Begin, End);
    static constexpr std::size_t openers = opener_total(Source::value, Begin, End);
    static constexpr auto value = index_rules<signals, openers, End - Begin>(Source::value, catalog_of<Source>::keys, Begin);
};
template <class Source, std::size_t Begin, std::size_t End>
struct index_tree<Source, Begin, End, false> {
    static constexpr std::size_t middle = Begin + (End - Begin) / 2;
    static constexpr auto value =
        merge_parts(index_tree<Source, Begin, middle>::value, index_tree<Source, middle, End>::value);
};

template <class Source, std::size_t Begin, std::size_t End, bool Leaf = (End - Begin <= rules_per_part)>
struct structure_tree;
template <class Source, std::size_t Begin, std::size_t End>
struct structure_tree<Source, Begin, End, true> {
    static constexpr auto value = check_rules<End - Begin>(Source::value, catalog_of<Source>::keys, Begin);
};
template <class Source, std::size_t Begin, std::size_t End>
struct structure_tree<Source, Begin, End, false> {
    static constexpr std::size_t middle = Begin + (End - Begin) / 2;
    static constexpr auto value =
        merge_parts(structure_tree<Source, Begin, middle>::value, structure_tree<Source, middle, End>::value);
};

// The index finished from the whole table's part (Holder::part, Holder::keys): the flat
// numbering, the shared-signal counts in parts of signals_per_stats_part sorted entries, and
// their assembly, each an evaluation of its own.
inline constexpr std::size_t signals_per_stats_part = 4096;
template <class Holder>
struct finished_index {
    static constexpr const auto& part = Holder::part;
    static constexpr auto first = first_signals(part);
    template <std::size_t Chunk>
    struct stats {
        static constexpr auto value =
            count_shared<signals_per_stats_part>(part.signals, part.signal_count, first, Chunk * signals_per_stats_part);
    };
    template <std::size_t... Chunks>
    static constexpr auto assemble(std::index_sequence<Chunks...>) noexcept {
        return assemble_index(Holder::keys, part, first, stats<Chunks>::value...);
    }
    static constexpr auto value =
        assemble(std::make_index_sequence<(part.signal_count + signals_per_stats_part - 1) / signals_per_stats_part>{});
};

template <class Source>
struct structure_check {
    static constexpr check_result find() noexcept {
        if constexpr (set_of<Source>::rule_count == 0) {
            return catalog_of<Source>::problem;
        } else {
            if (!catalog_of<Source>::problem.ok()) return catalog_of<Source>::problem;
            return first_problem_of_table(Source::value, structure_tree<Source, 0, set_of<Source>::rule_count>::value);
        }
    }
    static constexpr check_result value = find();
};

// A table built part by part from its set (make_table, without): the structural checks' verdict
// and, when there is none to report, the indexed table. A built source has `value` (the set),
// `problem`, `table` and `needs_proof(rule)`.
template <class Source>
struct built_in_parts {
    using set_type = set_of<Source>;
    struct whole {
        static constexpr const auto& part = index_tree<Source, 0, set_type::rule_count>::value;
        static constexpr const auto& keys = catalog_of<Source>::keys;
    };
    static constexpr const auto& value = Source::value;
    static constexpr check_result problem = structure_check<Source>::value;
    static constexpr bool needs_proof(std::size_t r) noexcept { return Source::needs_proof(r); }
    static constexpr auto make() noexcept {
        constexpr std::size_t fact_total = set_type::fact_count;
        constexpr std::size_t rule_total = set_type::rule_count;
        if constexpr (rule_total == 0) {
            rule_table<fact_total, 0, 0, 0> built{};
            static_cast<rule_set<fact_total, 0>&>(built) = Source::value;
            built.index.facts_by_name = catalog_of<Source>::keys;
            return built;
        } else {
            constexpr const auto& rule_keys = structure_tree<Source, 0, rule_total>::value.keys;
            rule_table<fact_total, rule_total, whole::part.signals.size(), whole::part.openers.size()> built{};
            static_cast<rule_set<fact_total, rule_total>&>(built) = Source::value;
            built.index = finished_index<whole>::value;
            built.rules_by_id = rule_keys.by_id;
            built.rules_by_evidence = rule_keys.by_evidence;
            return built;
        }
    }
    static constexpr auto table = make();
    static constexpr const auto& pool = pooled<built_in_parts>::value;
};

// The proofs of rules [Chunk * rules_per_proof, ...): one constant evaluation.
template <class Table, std::size_t Chunk>
struct proof_chunk {
    using table_type = std::decay_t<decltype(Table::value)>;
    static constexpr std::size_t begin = Chunk * rules_per_proof;
    static constexpr std::size_t end =
        begin + rules_per_proof < table_type::rule_count ? begin + rules_per_proof : table_type::rule_count;
    // The most candidates an example of these rules can touch, bounded: the proofs' report size.
    static constexpr std::size_t capacity = [] {
        std::size_t most = 1;
        for (std::size_t r = begin; r < end; ++r) {
            const std::size_t n = Table::needs_proof(r) ? candidates_bound(Table::value, r) : 1;
            most = n > most ? n : most;
        }
        return most < max_proof_candidates ? most : max_proof_candidates;
    }();
    static constexpr check_result find() noexcept {
        for (std::size_t r = begin; r < end; ++r) {
            if (!Table::needs_proof(r)) continue;
            const check_result result = check_examples<capacity>(Table::value, r);
            if (!result.ok()) return result;
        }
        return {};
    }
    static constexpr check_result value = find();
};

template <class Built>
struct proved {
    static constexpr const auto& value = Built::table;
    static constexpr bool needs_proof(std::size_t r) noexcept { return Built::needs_proof(r); }
};

template <class Built>
struct problem_of {
    static constexpr check_result value = Built::problem;
};

// The proofs are a check, not part of the table's value: each chunk is proved in the body of a
// function template that the table's initialisation only takes the address of, so the compiler
// proves it later, outside the table's declaration, one function at a time. GCC frees constant-
// evaluation garbage only between such units; proved inside the table's declaration, 2,000 rules
// took 3.3 GB. Only the first chunk with a problem is reported: one error, however many rules
// share the defect.
template <class Built, std::size_t... Earlier>
constexpr bool none_failed(std::index_sequence<Earlier...>) noexcept {
    const bool ok[] = {proof_chunk<proved<Built>, Earlier>::value.ok()..., true};
    for (bool chunk_ok : ok)
        if (!chunk_ok) return false;
    return true;
}
// Whether any rule of a block of rules_per_need_block rules needs its examples proved: a join
// whose tables cannot touch each other's rules (the usual case) proves nothing, and instantiates
// no proof chunk for it.
inline constexpr std::size_t rules_per_need_block = 256;
template <class Built, std::size_t Block>
struct proof_need {
    static constexpr bool any = [] {
        constexpr std::size_t rules = set_of<Built>::rule_count;
        for (std::size_t r = Block * rules_per_need_block; r < rules && r < (Block + 1) * rules_per_need_block; ++r)
            if (Built::needs_proof(r)) return true;
        return false;
    }();
};
template <class Built, std::size_t Chunk>
void prove_chunk() noexcept {
    if constexpr (proof_need<Built, Chunk * rules_per_proof / rules_per_need_block>::any) {
        if constexpr (!proof_chunk<proved<Built>, Chunk>::value.ok()) {
            if constexpr (none_failed<Built>(std::make_index_sequence<Chunk>{}))
                instantiate_error<proof_chunk<proved<Built>, Chunk>>();
        }
    }
}
template <class Built, std::size_t... Chunks>
void prove_chunks(std::index_sequence<Chunks...>) noexcept {
    // An array, not a fold expression: Clang nests a fold 256 deep at most (10,000 rules are 1,250 chunks).
    using proof = void (*)() noexcept;
    const proof proofs[] = {&prove_chunk<Built, Chunks>..., nullptr};
    static_cast<void>(proofs);
}
template <class Built>
void prove_examples() noexcept {
    constexpr std::size_t rules = set_of<Built>::rule_count;
    prove_chunks<Built>(std::make_index_sequence<(rules + rules_per_proof - 1) / rules_per_proof>{});
}

// The run-time form of a checked table (see built_table): its catalog copied, its rules pooled
// (Built::pool), its index as the checks built it.
template <class Built>
struct run_time_form {
    static constexpr auto make() noexcept {
        const auto& full = Built::table;
        built_table<Built, std::decay_t<decltype(Built::pool)>, std::decay_t<decltype(full.index)>> built{};
        for (std::size_t f = 0; f < built.fact_count; ++f) built.facts[f] = full.facts[f];
        built.rules = built_rules<Built, std::decay_t<decltype(Built::pool)>>(Built::pool);
        built.index = full.index;
        return built;
    }
    static constexpr auto value = make();
};

// Reports Built's problem, or schedules its proofs; whether it has no problem.
template <class Built>
constexpr bool passes_checks() noexcept {
    if constexpr (!Built::problem.ok()) {
        report_problem<problem_of<Built>>();
        return false;
    } else {
        if constexpr (RULEDX_CHECK_EXAMPLES != 0) static_cast<void>(&prove_examples<Built>);
        return true;
    }
}

template <class Built>
constexpr auto checked() noexcept {
    if constexpr (!passes_checks<Built>())
        return Built::value;
    else
        return run_time_form<Built>::value;
}

template <const auto& Facts, const auto& Rules>
struct table_from_arrays {
    static constexpr std::size_t fact_count = sizeof(Facts) / sizeof(Facts[0]);
    static constexpr std::size_t rule_count = sizeof(Rules) / sizeof(Rules[0]);
    static constexpr auto value = refer_to<fact_count, rule_count>(Facts, Rules);
    static constexpr bool needs_proof(std::size_t) noexcept { return true; }
};

// Facts that both tables declare alike (same name, or the later table's name is the earlier's
// former name, and same kind) are kept once, as the earlier table declares them, unless the later
// gives another former name: then both are kept, and the joined catalog's check reports the clash.
template <class A>
[[nodiscard]] constexpr bool new_in_join(const A& a, const fact_definition& f) noexcept {
    const std::uint16_t index = lookup_fact(a.index.facts_by_name, a, f.name);
    if (index == no_fact || a.facts[index].kind != f.kind) return true;
    return !f.former_name.empty() && !equal_text(f.former_name, a.facts[index].former_name);
}
template <class A, class B>
[[nodiscard]] constexpr std::size_t joined_fact_count(const A& a, const B& b) noexcept {
    std::size_t count = A::fact_count;
    for (const fact_definition& f : b.facts) count += new_in_join(a, f) ? 1 : 0;
    return count;
}

// Two checked tables as one, in linear time: their rules passed every check of one rule, so only
// the joined catalog and the pairs across the two (equal ids, equal evidence) are checked; the
// index is merged from theirs, each piece in an evaluation of its own.
template <const auto& Left, const auto& Right>
struct joined_tables {
    static constexpr const auto& A = full_table<Left>::value;
    static constexpr const auto& B = full_table<Right>::value;
    using a_type = std::decay_t<decltype(A)>;
    using b_type = std::decay_t<decltype(B)>;
    static constexpr std::size_t fact_count = joined_fact_count(A, B);
    static constexpr std::size_t rule_count = a_type::rule_count + b_type::rule_count;
    static constexpr auto make() noexcept {
        rule_set<fact_count, rule_count> set{};
        std::size_t n = 0;
        for (const fact_definition& f : A.facts) set.facts.refer(n++, f);
        for (const fact_definition& f : B.facts)
            if (new_in_join(A, f)) set.facts.refer(n++, f);
        std::size_t m = 0;
        for (const rule& r : A.rules) set.rules.refer(m++, r);
        for (const rule& r : B.rules) set.rules.refer(m++, r);
        return set;
    }
    static constexpr auto value = make();
    static constexpr auto fact_keys = catalog_keys<fact_count>(value);
    // B's catalog indexes in the joined catalog.
    static constexpr auto fact_map = [] {
        std::array<std::uint16_t, b_type::fact_count> map{};
        for (std::size_t f = 0; f < b_type::fact_count; ++f) map[f] = lookup_fact(fact_keys, value, B.facts[f].name);
        return map;
    }();
    static constexpr auto rules_by_id = merged_keys(A.rules_by_id, B.rules_by_id);
    static constexpr auto rules_by_evidence = merged_keys(A.rules_by_evidence, B.rules_by_evidence);
    static constexpr check_result find_problem() noexcept {
        const check_result catalog = check_catalog(value, fact_keys);
        if (!catalog.ok()) return catalog;
        return first_twins(value, rules_by_id, rules_by_evidence);
    }
    static constexpr check_result problem = find_problem();
    static constexpr auto signals = merged_signals(A, B);
    static constexpr auto rule_facts = merged_rule_facts(A, B, fact_map);
    static constexpr auto openers = merged_openers(A, B, fact_map);
    static constexpr auto part = joined_part(A, B, fact_map, signals, rule_facts, openers);
    static constexpr const auto& keys = fact_keys;
    static constexpr auto make_joined() noexcept {
        rule_table<fact_count, rule_count, signals.size(), openers.size()> built{};
        static_cast<rule_set<fact_count, rule_count>&>(built) = value;
        built.index = finished_index<joined_tables>::value;
        built.rules_by_id = rules_by_id;
        built.rules_by_evidence = rules_by_evidence;
        return built;
    }
    static constexpr auto table = make_joined();
    static constexpr joined_pool<std::decay_t<decltype(pool_of<Left>::value)>, std::decay_t<decltype(pool_of<Right>::value)>>
        pool{&pool_of<Left>::value, &pool_of<Right>::value};
    // A's examples were proved in A, B's in B: only those that can touch the other side's rules
    // can rank differently now.
    static constexpr bool needs_proof(std::size_t r) noexcept {
        return r < a_type::rule_count ? examples_touch(B, A.rules[r]) : examples_touch(A, B.rules[r - a_type::rule_count]);
    }
};

template <class Table, class Ids>
[[nodiscard]] constexpr std::size_t disabled_count(const Table& table, const Ids& ids) noexcept {
    std::size_t count = 0;
    for (const rule& r : table.rules)
        for (std::string_view id : ids) count += r.id == id ? 1 : 0;
    return count;
}

template <const auto& Built, const auto& Ids>
struct disable_check {
    static constexpr const auto& Table = full_table<Built>::value;
    static constexpr check_result find() noexcept {
        std::size_t i = 0;
        for (std::string_view id : Ids) {
            if (Table.find_rule(id) == not_found) return problem_at(table_problem::unknown_rule_to_disable, i, id);
            ++i;
        }
        return {};
    }
    static constexpr check_result value = find();
};

template <const auto& Built, const auto& Ids>
struct table_without {
    static constexpr const auto& Table = full_table<Built>::value;
    using table_type = std::decay_t<decltype(Table)>;
    static constexpr std::size_t fact_count = table_type::fact_count;
    static constexpr std::size_t rule_count = table_type::rule_count - disabled_count(Table, Ids);
    static constexpr auto make() noexcept {
        rule_set<fact_count, rule_count> set{};
        for (std::size_t f = 0; f < fact_count; ++f) set.facts.refer(f, Table.facts[f]);
        std::size_t m = 0;
        for (const rule& r : Table.rules) {
            bool off = false;
            for (std::string_view id : Ids) off = off || r.id == id;
            if (!off) set.rules.refer(m++, r);
        }
        return set;
    }
    static constexpr auto value = make();
    static constexpr bool needs_proof(std::size_t) noexcept { return true; }
};

}  // namespace detail

// A table from a fact catalog and rules (C arrays or std::arrays with static storage). The table
// refers to them; it copies no rule.
template <const auto& Facts, const auto& Rules>
[[nodiscard]] constexpr auto make_table() noexcept {
    return detail::checked<detail::built_in_parts<detail::table_from_arrays<Facts, Rules>>>();
}

// Tables as one, checked as one: a rule of a later table that repeats or shadows a rule of an
// earlier one is an error. Examples are proved again only where the other tables' rules could
// change their ranking.
template <const auto& A, const auto& B>
[[nodiscard]] constexpr auto join() noexcept {
    return detail::checked<detail::joined_tables<A, B>>();
}
namespace detail {
// A join checked as join<A, B>() checks it, kept only as the source the next join builds on: a
// run-time form of every intermediate table (a copy of its index) would be compiler memory spent
// for nothing.
template <class Built>
struct pool_ref {
    [[nodiscard]] constexpr const auto& pool() const noexcept { return Built::pool; }
};
template <class Built>
struct join_source {
    using source = Built;
    bool passed = passes_checks<Built>();
    pool_ref<Built> rules{};
};
// Left to right; each level refers to the last one's table rather than copying it.
template <const auto& A, const auto& B, const auto&... More>
struct join_all {
    static constexpr join_source<joined_tables<A, B>> first{};
    static constexpr const auto& value = join_all<first, More...>::value;
};
template <const auto& A, const auto& B>
struct join_all<A, B> {
    static constexpr auto value = ruledx::join<A, B>();
};
}  // namespace detail
template <const auto& A, const auto& B, const auto& C, const auto&... More>
[[nodiscard]] constexpr auto join() noexcept {
    return detail::join_all<A, B, C, More...>::value;
}

// A table with rules switched off by id. Naming an id the table does not have is an error.
template <const auto& Table, const auto& Ids>
[[nodiscard]] constexpr auto without() noexcept {
    if constexpr (!detail::disable_check<Table, Ids>::value.ok()) {
        detail::report_problem<detail::disable_check<Table, Ids>>();
        return Table;
    } else {
        return detail::checked<detail::built_in_parts<detail::table_without<Table, Ids>>>();
    }
}

// Every check of a table, as a value instead of a compile error: the first problem, or ok().
// For tests, for tools that load rules at run time, and for seeing what a table would be
// rejected for. Facts and rules may be any arrays (or indexable ranges of known size); in a
// constant expression this is one evaluation, so keep it to small tables there.
template <std::size_t Facts, std::size_t Rules, class FactArray, class RuleArray>
[[nodiscard]] constexpr check_result check_table(const FactArray& facts, const RuleArray& rules,
                                                 bool with_examples = RULEDX_CHECK_EXAMPLES != 0) noexcept {
    const auto table = build_table<Facts, Rules>(facts, rules);
    const check_result structure = detail::check_structure(table);
    if (!structure.ok() || !with_examples) return structure;
    return detail::check_all_examples(table);
}
template <class T, std::size_t Facts, class U, std::size_t Rules>
[[nodiscard]] constexpr check_result check_table(const T (&facts)[Facts], const U (&rules)[Rules],
                                                 bool with_examples = RULEDX_CHECK_EXAMPLES != 0) noexcept {
    return check_table<Facts, Rules>(facts, rules, with_examples);
}
template <class T, std::size_t Facts, class U, std::size_t Rules>
[[nodiscard]] constexpr check_result check_table(const std::array<T, Facts>& facts, const std::array<U, Rules>& rules,
                                                 bool with_examples = RULEDX_CHECK_EXAMPLES != 0) noexcept {
    return check_table<Facts, Rules>(facts, rules, with_examples);
}

}  // namespace ruledx

#endif
