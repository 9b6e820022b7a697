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
// the rule (or, for catalog problems, the fact), error::subject<...> the fact, article, source or
// other rule concerned.
#ifndef RULEDX_CHECK_CHECKED_TABLE_HPP
#define RULEDX_CHECK_CHECKED_TABLE_HPP

#include <array>
#include <cstddef>
#include <string_view>
#include <type_traits>
#include <utility>

#include "ruledx/check/problem.hpp"
#include "ruledx/config.hpp"
#include "ruledx/check/validate.hpp"
#include "ruledx/model/rule_table.hpp"

namespace ruledx {
namespace error {

template <std::size_t Index, char... Id>
struct at {};
template <char... Text>
struct subject {};

template <class T>
inline constexpr bool always_false = false;

template <table_problem P>
struct for_problem;

// One template per problem, so the compiler's first line names the problem in words.
#define RULEDX_DEFINE_TABLE_ERROR(problem_name, message)                                     \
    template <class Where, class Subject>                                                    \
    struct problem_name {                                                                    \
        static_assert(always_false<Where>, "ruledx: " message " (where: error::at<index, id>)"); \
        static constexpr bool value = false;                                                 \
    };                                                                                       \
    template <>                                                                              \
    struct for_problem<table_problem::problem_name> {                                        \
        template <class Where, class Subject>                                                \
        using type = problem_name<Where, Subject>;                                           \
    };

RULEDX_DEFINE_TABLE_ERROR(malformed_fact_name, "a fact name in the catalog is not snake_case")
RULEDX_DEFINE_TABLE_ERROR(duplicate_fact, "the catalog declares a fact twice")
RULEDX_DEFINE_TABLE_ERROR(fact_without_question, "a fact in the catalog has no question")
RULEDX_DEFINE_TABLE_ERROR(malformed_rule_id, "a rule id is empty or not lower-case words joined by '-', '_' or '.'")
RULEDX_DEFINE_TABLE_ERROR(duplicate_rule_id, "two rules have the same id")
RULEDX_DEFINE_TABLE_ERROR(malformed_article_id, "a rule's article id is not 'Q' followed by 5 to 7 digits")
RULEDX_DEFINE_TABLE_ERROR(missing_title, "a rule has no title")
RULEDX_DEFINE_TABLE_ERROR(no_observable_signal, "a rule has no observable signal (no start error, no event)")
RULEDX_DEFINE_TABLE_ERROR(empty_source, "a rule's signal has an empty event source or service name")
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

#undef RULEDX_DEFINE_TABLE_ERROR

}  // namespace error

namespace detail {

template <class T, std::size_t N>
[[nodiscard]] constexpr std::array<T, N> to_std_array(const T (&items)[N]) noexcept {
    std::array<T, N> out{};
    for (std::size_t i = 0; i < N; ++i) out[i] = items[i];
    return out;
}
template <class T, std::size_t N>
[[nodiscard]] constexpr std::array<T, N> to_std_array(const std::array<T, N>& items) noexcept {
    return items;
}

template <class Result, std::size_t... I>
auto where_of(std::index_sequence<I...>) -> error::at<Result::value.rule_index, Result::value.rule_id[I]...>;
template <class Result, std::size_t... I>
auto subject_of(std::index_sequence<I...>) -> error::subject<Result::value.subject[I]...>;

// Instantiates the problem's error template; only reached when Result holds a problem.
template <class Result>
constexpr bool report_problem() noexcept {
    constexpr check_result r = Result::value;
    using where = decltype(where_of<Result>(std::make_index_sequence<r.rule_id.size()>{}));
    using what = decltype(subject_of<Result>(std::make_index_sequence<r.subject.size()>{}));
    return error::for_problem<r.problem>::template type<where, what>::value;
}

template <class Source>
struct structure_check {
    static constexpr check_result value = check_structure(Source::value);
};

// One constant evaluation per rule: each example costs a diagnosis of the whole table, and a
// compiler's step limit applies per evaluation.
template <class Source, std::size_t Rule>
struct example_check {
    static constexpr check_result value = check_examples(Source::value, Rule);
};

template <class Source, std::size_t... Rules>
constexpr check_result first_example_problem(std::index_sequence<Rules...>) noexcept {
    const check_result results[] = {example_check<Source, Rules>::value..., check_result{}};
    for (const check_result& r : results)
        if (!r.ok()) return r;
    return {};
}

template <class Source>
struct examples_check {
    static constexpr check_result value =
        first_example_problem<Source>(std::make_index_sequence<std::decay_t<decltype(Source::value)>::rule_count>{});
};

template <class Source>
constexpr auto checked() noexcept {
    if constexpr (!structure_check<Source>::value.ok()) {
        report_problem<structure_check<Source>>();
    } else if constexpr (RULEDX_CHECK_EXAMPLES != 0) {
        if constexpr (!examples_check<Source>::value.ok()) report_problem<examples_check<Source>>();
    }
    return Source::value;
}

template <const auto& Facts, const auto& Rules>
struct table_from_arrays {
    static constexpr auto value = assemble_table(to_std_array(Facts), to_std_array(Rules));
};

// Facts that both tables declare alike (same name and kind) are kept once.
template <class A, class B>
[[nodiscard]] constexpr std::size_t joined_fact_count(const A& a, const B& b) noexcept {
    std::size_t count = A::fact_count;
    for (const fact_definition& f : b.facts) {
        const std::size_t index = a.find_fact(f.name);
        if (index == not_found || a.facts[index].kind != f.kind) ++count;
    }
    return count;
}

template <const auto& A, const auto& B>
struct joined_tables {
    using a_type = std::decay_t<decltype(A)>;
    using b_type = std::decay_t<decltype(B)>;
    static constexpr std::size_t fact_count = joined_fact_count(A, B);
    static constexpr std::size_t rule_count = a_type::rule_count + b_type::rule_count;
    static constexpr auto make() noexcept {
        std::array<fact_definition, fact_count> facts{};
        std::size_t n = 0;
        for (const fact_definition& f : A.facts) facts[n++] = f;
        for (const fact_definition& f : B.facts) {
            const std::size_t index = A.find_fact(f.name);
            if (index == not_found || A.facts[index].kind != f.kind) facts[n++] = f;
        }
        std::array<rule, rule_count> rules{};
        std::size_t m = 0;
        for (const rule& r : A.rules) rules[m++] = r;
        for (const rule& r : B.rules) rules[m++] = r;
        return assemble_table(facts, rules);
    }
    static constexpr auto value = make();
};

template <class Table, class Ids>
[[nodiscard]] constexpr std::size_t disabled_count(const Table& table, const Ids& ids) noexcept {
    std::size_t count = 0;
    for (const rule& r : table.rules)
        for (std::string_view id : ids) count += r.id == id ? 1 : 0;
    return count;
}

template <const auto& Table, const auto& Ids>
struct disable_check {
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

template <const auto& Table, const auto& Ids>
struct table_without {
    using table_type = std::decay_t<decltype(Table)>;
    static constexpr std::size_t rule_count = table_type::rule_count - disabled_count(Table, Ids);
    static constexpr auto make() noexcept {
        std::array<rule, rule_count> rules{};
        std::size_t m = 0;
        for (const rule& r : Table.rules) {
            bool off = false;
            for (std::string_view id : Ids) off = off || r.id == id;
            if (!off) rules[m++] = r;
        }
        return assemble_table(Table.facts, rules);
    }
    static constexpr auto value = make();
};

}  // namespace detail

// A table from a fact catalog and rules (C arrays or std::arrays with static storage).
template <const auto& Facts, const auto& Rules>
[[nodiscard]] constexpr auto make_table() noexcept {
    return detail::checked<detail::table_from_arrays<Facts, Rules>>();
}

// Two tables as one, checked as one: a rule of B that repeats or shadows a rule of A is an error.
template <const auto& A, const auto& B>
[[nodiscard]] constexpr auto join() noexcept {
    return detail::checked<detail::joined_tables<A, B>>();
}

// A table with rules switched off by id. Naming an id the table does not have is an error.
template <const auto& Table, const auto& Ids>
[[nodiscard]] constexpr auto without() noexcept {
    if constexpr (!detail::disable_check<Table, Ids>::value.ok()) {
        detail::report_problem<detail::disable_check<Table, Ids>>();
        return Table;
    } else {
        return detail::checked<detail::table_without<Table, Ids>>();
    }
}

}  // namespace ruledx

#endif
