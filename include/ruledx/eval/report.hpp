// ruledx — the report: ranked candidates with their evidence, and the next checks to make.
//
// Storage is fixed and sized by the table, so a report lives on the stack or in a constant.
// Candidates and checks refer to rules, signals and facts by index into the table.
#ifndef RULEDX_EVAL_REPORT_HPP
#define RULEDX_EVAL_REPORT_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ruledx/model/rule.hpp"
#include "ruledx/model/view.hpp"

namespace ruledx {

// Ordered: a greater status ranks higher.
enum class status : std::uint8_t { ruled_out, possible, likely, confirmed };

[[nodiscard]] constexpr std::string_view to_string(status s) noexcept {
    switch (s) {
        case status::ruled_out: return "ruled_out";
        case status::possible: return "possible";
        case status::likely: return "likely";
        case status::confirmed: return "confirmed";
    }
    return "";
}

// What the evidence says of one of a rule's facts.
enum class fact_state : std::uint8_t { unknown, holds, contradicted };

inline constexpr std::uint16_t no_observation = 0xFFFF;

struct candidate {
    std::size_t rule_index = 0;
    ruledx::status status = ruledx::status::possible;
    std::uint32_t score = 0;  // specificity of the matched evidence; ranks within a status
    // Per signal (rule::signal_at numbering): the index of the observation that matched it in the
    // observations' start_errors or events (by the signal's kind), or no_observation.
    std::array<std::uint16_t, rule::max_signals> evidence{};
    // The matched event's description or telling values were found in the input's text, not only its id.
    std::array<bool, rule::max_signals> text_matched{};
    // Per signal not matched: the index of the observations' absence that says it did not happen,
    // or no_observation (unknown). A required signal known absent rules the rule out.
    std::array<std::uint16_t, rule::max_signals> absence{};
    std::array<fact_state, rule::max_confirming> confirming{};
    // holds: the ruling-out condition is true (the rule is ruled out); contradicted: known, not true.
    std::array<fact_state, rule::max_ruling_out> ruling_out{};
    bool outside_versions = false;  // the observed version is not one the rule applies to
    bool version_known = false;

    [[nodiscard]] constexpr bool matched(std::size_t signal_index) const noexcept {
        return evidence[signal_index] != no_observation;
    }
    [[nodiscard]] constexpr bool known_absent(std::size_t signal_index) const noexcept {
        return absence[signal_index] != no_observation;
    }
};

// Names an absence of the observations (observations::absent) for a report's citations.
struct absence_ref {
    std::size_t index = 0;
};

struct next_check {
    enum class kind : std::uint8_t { fact, signal };
    next_check::kind what = kind::fact;
    std::size_t fact_index = 0;    // kind::fact: index into the table's catalog
    std::size_t rule_index = 0;    // kind::signal: the first open rule that needs the signal...
    std::size_t signal_index = 0;  // ...and its number in that rule
    std::uint64_t score = 0;       // how much of the open candidates the answer bears on
};

template <std::size_t Capacity>
struct report {
    static constexpr std::size_t capacity = Capacity;
    static constexpr std::size_t max_next_checks = 16;

    std::array<candidate, Capacity> candidates{};
    std::size_t candidate_count = 0;
    bool truncated = false;  // more rules were touched than the report holds
    std::array<next_check, max_next_checks> checks{};
    std::size_t check_count = 0;

    // Best first. Ruled-out candidates come last, with the evidence that ruled them out.
    [[nodiscard]] constexpr view<candidate> ranked() const noexcept { return {candidates.data(), candidate_count}; }
    // Most informative first.
    [[nodiscard]] constexpr view<next_check> next_checks() const noexcept { return {checks.data(), check_count}; }
    [[nodiscard]] constexpr const candidate* best() const noexcept {
        return candidate_count == 0 ? nullptr : &candidates[0];
    }
    // The candidate for a rule, or nullptr when no evidence touched it.
    [[nodiscard]] constexpr const candidate* find(std::size_t rule_index) const noexcept {
        for (std::size_t i = 0; i < candidate_count; ++i)
            if (candidates[i].rule_index == rule_index) return &candidates[i];
        return nullptr;
    }
};

}  // namespace ruledx

#endif
