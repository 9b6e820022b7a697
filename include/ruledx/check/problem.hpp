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
    // one rule
    malformed_rule_id,
    duplicate_rule_id,
    malformed_article_id,
    missing_title,
    no_observable_signal,
    empty_source,
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
};

struct check_result {
    table_problem problem = table_problem::none;
    std::size_t rule_index = 0;  // or the catalog index, for catalog problems
    std::string_view rule_id;    // or the fact name, for catalog problems
    std::string_view subject;    // what is wrong: the fact, article, source, or the other rule's id

    [[nodiscard]] constexpr bool ok() const noexcept { return problem == table_problem::none; }
};

[[nodiscard]] constexpr check_result problem_at(table_problem p, std::size_t index, std::string_view id,
                                                std::string_view subject = {}) noexcept {
    return {p, index, id, subject};
}

}  // namespace ruledx

#endif
