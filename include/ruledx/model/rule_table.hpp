// ruledx — a rule table: the fact catalog, the rules, and what the evaluator derives from them.
//
// Build tables with make_table / join / without (ruledx/check/checked_table.hpp): those run the
// compile-time checks. This header holds only the data.
#ifndef RULEDX_MODEL_RULE_TABLE_HPP
#define RULEDX_MODEL_RULE_TABLE_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ruledx/detail/text_match.hpp"
#include "ruledx/model/fact.hpp"
#include "ruledx/model/rule.hpp"
#include "ruledx/model/signal.hpp"

namespace ruledx {

inline constexpr std::size_t not_found = static_cast<std::size_t>(-1);

// Two signals are the same observable thing: same kind, code or id, source and telling values.
[[nodiscard]] constexpr bool same_signal(const signal& a, const signal& b) noexcept {
    if (a.kind != b.kind || a.code != b.code || !detail::same_name(a.source, b.source)) return false;
    if (a.values.size() != b.values.size()) return false;
    for (std::string_view v : a.values) {
        bool found = false;
        for (std::string_view w : b.values) found = found || detail::same_name(v, w);
        if (!found) return false;
    }
    return true;
}

template <std::size_t Facts, std::size_t Rules>
struct rule_table {
    static constexpr std::size_t fact_count = Facts;
    static constexpr std::size_t rule_count = Rules;

    std::array<fact_definition, Facts> facts{};
    std::array<rule, Rules> rules{};
    // For each rule's signal: how many rules of the table have the same signal (itself included).
    // An event only one article has is strong evidence; an error code twenty articles share is weak.
    std::array<std::array<std::uint16_t, rule::max_signals>, Rules> shared_by{};

    [[nodiscard]] constexpr std::size_t find_fact(std::string_view name) const noexcept {
        for (std::size_t i = 0; i < Facts; ++i)
            if (facts[i].name == name) return i;
        return not_found;
    }
    [[nodiscard]] constexpr std::size_t find_rule(std::string_view id) const noexcept {
        for (std::size_t i = 0; i < Rules; ++i)
            if (rules[i].id == id) return i;
        return not_found;
    }
};

namespace detail {

template <std::size_t Facts, std::size_t Rules>
constexpr void count_shared_signals(rule_table<Facts, Rules>& table) noexcept {
    for (std::size_t r = 0; r < Rules; ++r) {
        const rule& mine = table.rules[r];
        for (std::size_t s = 0; s < mine.signal_count(); ++s) {
            std::uint16_t count = 0;
            for (const rule& other : table.rules) {
                for (std::size_t t = 0; t < other.signal_count(); ++t) {
                    if (same_signal(mine.signal_at(s), other.signal_at(t))) {
                        ++count;
                        break;
                    }
                }
            }
            table.shared_by[r][s] = count;
        }
    }
}

template <std::size_t Facts, std::size_t Rules>
[[nodiscard]] constexpr rule_table<Facts, Rules> assemble_table(const std::array<fact_definition, Facts>& facts,
                                                               const std::array<rule, Rules>& rules) noexcept {
    rule_table<Facts, Rules> table{};
    table.facts = facts;
    table.rules = rules;
    count_shared_signals(table);
    return table;
}

}  // namespace detail
}  // namespace ruledx

#endif
