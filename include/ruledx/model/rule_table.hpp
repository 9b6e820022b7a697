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
    return a.kind == b.kind && a.code == b.code && detail::same_name(a.source, b.source) && same_values(a, b);
}

// One entry of a table's signal index: rule `rule`'s signal number `index` has this kind and code.
struct signal_ref {
    signal_kind kind = signal_kind::event;
    std::uint32_t code = 0;
    std::uint32_t rule = 0;
    std::uint32_t index = 0;
};

[[nodiscard]] constexpr bool sorts_before(const signal_ref& a, const signal_ref& b) noexcept {
    return a.kind != b.kind ? a.kind < b.kind : a.code < b.code;
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
    // The same count ignoring the signals' telling values: what an event that matched on its id
    // alone (no text to read the values in) is worth.
    std::array<std::array<std::uint16_t, rule::max_signals>, Rules> shared_by_id{};
    // Equal for two signals exactly when same_signal holds: the evaluator compares these numbers
    // instead of names.
    std::array<std::array<std::uint32_t, rule::max_signals>, Rules> signal_class{};
    // Catalog indexes of the facts each rule names, so evaluation never looks a name up.
    std::array<std::array<std::uint16_t, rule::max_confirming>, Rules> confirming_fact{};
    std::array<std::array<std::uint16_t, rule::max_ruling_out>, Rules> ruling_out_fact{};
    std::array<std::uint16_t, Rules> version_fact{};
    // In sixths: the share of the versions the table's rules name that this rule does not apply to.
    // How likely the version question is to rule the rule out, for choosing next checks.
    std::array<std::uint8_t, Rules> version_exclusion{};
    // Every signal of every rule, sorted by kind and code: the evaluator looks observations up here.
    std::array<signal_ref, Rules * rule::max_signals> signal_index{};
    std::size_t indexed_signals = 0;

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

// Builds the signal index and counts, for every signal, the rules that have the same signal.
// Signals are grouped by kind and code first (a stable merge sort), so the costly name comparisons
// happen only inside a group: a table of a thousand rules stays within a compiler's
// constant-evaluation budget.
template <std::size_t Facts, std::size_t Rules>
constexpr void index_signals(rule_table<Facts, Rules>& table) noexcept {
    constexpr std::size_t capacity = Rules * rule::max_signals;
    std::array<signal_ref, capacity>& refs = table.signal_index;
    std::array<signal_ref, capacity> buffer{};
    std::size_t n = 0;
    for (std::size_t r = 0; r < Rules; ++r)
        for (std::size_t s = 0; s < table.rules[r].signal_count(); ++s)
            refs[n++] = {table.rules[r].signal_at(s).kind, table.rules[r].signal_at(s).code, static_cast<std::uint32_t>(r),
                         static_cast<std::uint32_t>(s)};
    for (std::size_t width = 1; width < n; width *= 2) {
        for (std::size_t lo = 0; lo < n; lo += 2 * width) {
            const std::size_t mid = lo + width < n ? lo + width : n;
            const std::size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            std::size_t i = lo;
            std::size_t j = mid;
            std::size_t k = lo;
            while (i < mid && j < hi) buffer[k++] = sorts_before(refs[j], refs[i]) ? refs[j++] : refs[i++];
            while (i < mid) buffer[k++] = refs[i++];
            while (j < hi) buffer[k++] = refs[j++];
        }
        for (std::size_t i = 0; i < n; ++i) refs[i] = buffer[i];
    }
    // Within a group of one kind and code, each signal's source is compared with the group's
    // distinct sources only (`buffer`, free after the sort, holds each member's first member of
    // its source); then counting is integer work.
    for (std::size_t first = 0; first < n;) {
        std::size_t last = first;
        while (last < n && !sorts_before(refs[first], refs[last]) && !sorts_before(refs[last], refs[first])) ++last;
        for (std::size_t i = first; i < last; ++i) {
            const std::string_view source = table.rules[refs[i].rule].signal_at(refs[i].index).source;
            buffer[i].code = static_cast<std::uint32_t>(i);
            for (std::size_t j = first; j < i; ++j) {
                if (buffer[j].code == j &&
                    detail::same_name(source, table.rules[refs[j].rule].signal_at(refs[j].index).source)) {
                    buffer[i].code = static_cast<std::uint32_t>(j);
                    break;
                }
            }
        }
        for (std::size_t i = first; i < last; ++i) {
            const signal& mine = table.rules[refs[i].rule].signal_at(refs[i].index);
            std::uint16_t count = 0;
            std::uint16_t count_by_id = 0;
            std::uint32_t counted_rule = 0;
            std::uint32_t counted_rule_by_id = 0;
            bool counted_any = false;
            bool counted_any_by_id = false;
            std::size_t first_same = i;
            for (std::size_t j = first; j < last; ++j) {  // rule numbers ascend within a group
                if (buffer[j].code != buffer[i].code) continue;
                if (!(counted_any_by_id && refs[j].rule == counted_rule_by_id)) {
                    ++count_by_id;
                    counted_rule_by_id = refs[j].rule;
                    counted_any_by_id = true;
                }
                if (!same_values(mine, table.rules[refs[j].rule].signal_at(refs[j].index))) continue;
                if (j < first_same) first_same = j;
                if (!(counted_any && refs[j].rule == counted_rule)) {
                    ++count;
                    counted_rule = refs[j].rule;
                    counted_any = true;
                }
            }
            table.signal_class[refs[i].rule][refs[i].index] = static_cast<std::uint32_t>(first_same);
            table.shared_by[refs[i].rule][refs[i].index] = count;
            table.shared_by_id[refs[i].rule][refs[i].index] = count_by_id;
        }
        first = last;
    }
    table.indexed_signals = n;
}

template <std::size_t Facts, std::size_t Rules>
[[nodiscard]] constexpr std::uint16_t fact_index(const rule_table<Facts, Rules>& table, std::string_view name) noexcept {
    const std::size_t index = table.find_fact(name);
    return index == not_found ? no_fact : static_cast<std::uint16_t>(index);
}

template <std::size_t Facts, std::size_t Rules>
constexpr void resolve_facts(rule_table<Facts, Rules>& table) noexcept {
    for (std::size_t r = 0; r < Rules; ++r) {
        const rule& rl = table.rules[r];
        for (std::size_t f = 0; f < rl.confirming.size(); ++f) table.confirming_fact[r][f] = fact_index(table, rl.confirming[f].name);
        for (std::size_t f = 0; f < rl.ruling_out.size(); ++f) table.ruling_out_fact[r][f] = fact_index(table, rl.ruling_out[f].name);
        table.version_fact[r] = rl.version_fact.empty() ? no_fact : fact_index(table, rl.version_fact);
    }
}

// The versions a table names (every range's ends) are the answers the version question can get.
template <std::size_t Facts, std::size_t Rules>
constexpr void weigh_versions(rule_table<Facts, Rules>& table) noexcept {
    struct named_version {
        std::string_view fact;
        version value;
    };
    std::array<named_version, Rules * rule::max_versions * 2> named{};
    std::size_t count = 0;
    const auto add = [&](std::string_view fact, version v) {
        for (std::size_t i = 0; i < count; ++i)
            if (named[i].value == v && named[i].fact == fact) return;
        named[count++] = {fact, v};
    };
    for (const rule& r : table.rules)
        for (const version_range& range : r.versions) {
            add(r.version_fact, range.first);
            add(r.version_fact, range.last);
        }
    for (std::size_t r = 0; r < Rules; ++r) {
        const rule& mine = table.rules[r];
        std::size_t answers = 0;
        std::size_t outside = 0;
        for (std::size_t i = 0; i < count; ++i) {
            if (named[i].fact != mine.version_fact) continue;
            ++answers;
            bool inside = false;
            for (const version_range& range : mine.versions) inside = inside || range.contains(named[i].value);
            outside += inside ? 0 : 1;
        }
        table.version_exclusion[r] = static_cast<std::uint8_t>(answers == 0 ? 0 : 6 * outside / answers);
    }
}

template <std::size_t Facts, std::size_t Rules>
[[nodiscard]] constexpr rule_table<Facts, Rules> assemble_table(const std::array<fact_definition, Facts>& facts,
                                                               const std::array<rule, Rules>& rules) noexcept {
    rule_table<Facts, Rules> table{};
    table.facts = facts;
    table.rules = rules;
    index_signals(table);
    resolve_facts(table);
    weigh_versions(table);
    return table;
}

}  // namespace detail
}  // namespace ruledx

#endif
