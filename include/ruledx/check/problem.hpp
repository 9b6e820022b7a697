// ruledx — what the compile-time checks find wrong with a rule table, and where.
#ifndef RULEDX_CHECK_PROBLEM_HPP
#define RULEDX_CHECK_PROBLEM_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace ruledx {

enum class table_problem : std::uint8_t {
    none,
    // catalog
    malformed_fact_name,
    duplicate_fact,
    fact_without_question,
    former_name_clash,
    // one rule
    malformed_rule_id,
    duplicate_rule_id,
    malformed_article_id,
    missing_title,
    no_observable_signal,
    empty_source,
    empty_signal_text,
    empty_signal_value,
    event_id_over_65535,
    unknown_fact,
    fact_type_mismatch,
    inverted_version_range,
    missing_cause,
    missing_resolution,
    malformed_related_article,
    example_without_evidence,
    // between rules
    indistinguishable_rules,
    example_does_not_pick_its_rule,
    // composition
    unknown_rule_to_disable,
    // limits
    list_over_capacity,
    example_touches_too_many_rules,
};

// Which of two problems of the same rule a check reports: the order the checks of one rule run in.
[[nodiscard]] constexpr int check_order(table_problem p) noexcept {
    switch (p) {
        case table_problem::list_over_capacity: return 0;  // the rule is not what its author wrote
        case table_problem::malformed_rule_id: return 1;
        case table_problem::duplicate_rule_id: return 2;
        case table_problem::indistinguishable_rules: return 90;
        case table_problem::example_does_not_pick_its_rule: return 91;
        case table_problem::example_touches_too_many_rules: return 92;
        default: return 10 + static_cast<int>(p);
    }
}

struct check_result {
    table_problem problem = table_problem::none;
    std::size_t rule_index = 0;  // or the catalog index, for catalog problems
    std::string_view rule_id;    // or the fact name, for catalog problems
    std::string_view subject;    // what is wrong: the fact, article, source, list, or the other rule's id
    // The offending number where there is one: the event id, the other rule's or fact's index,
    // the capacity exceeded.
    std::uint64_t value = 0;
    bool has_value = false;

    [[nodiscard]] constexpr bool ok() const noexcept { return problem == table_problem::none; }
    [[nodiscard]] constexpr check_result with_value(std::uint64_t v) const noexcept {
        check_result r = *this;
        r.value = v;
        r.has_value = true;
        return r;
    }
};

[[nodiscard]] constexpr check_result problem_at(table_problem p, std::size_t index, std::string_view id,
                                                std::string_view subject = {}) noexcept {
    check_result r;
    r.problem = p;
    r.rule_index = index;
    r.rule_id = id;
    r.subject = subject;
    return r;
}

// The problem to report of two: the earlier rule's, and for one rule the check that runs first.
[[nodiscard]] constexpr const check_result& first_problem(const check_result& a, const check_result& b) noexcept {
    if (a.ok()) return b;
    if (b.ok()) return a;
    if (a.rule_index != b.rule_index) return a.rule_index < b.rule_index ? a : b;
    return check_order(b.problem) < check_order(a.problem) ? b : a;
}

}  // namespace ruledx

#endif
