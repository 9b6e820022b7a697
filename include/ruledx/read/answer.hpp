// ruledx — what a person types: a reply to a question, a fact as NAME=VALUE, an event as
// SOURCE:ID. For command lines and question loops; the parsed values view the caller's text.
#ifndef RULEDX_READ_ANSWER_HPP
#define RULEDX_READ_ANSWER_HPP

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ruledx/detail/text_match.hpp"
#include "ruledx/model/fact.hpp"
#include "ruledx/model/rule_set.hpp"
#include "ruledx/model/signal.hpp"
#include "ruledx/model/version.hpp"
#include "ruledx/read/detail/text.hpp"

namespace ruledx::read {

namespace detail {

// A whole number of up to 18 digits, optionally negative: what a person types for a number fact.
inline constexpr std::uint64_t max_typed_number = 999'999'999'999'999'999;
[[nodiscard]] constexpr bool parse_number(std::string_view text, std::int64_t& out) noexcept {
    const bool negative = !text.empty() && text[0] == '-';
    if (negative) text.remove_prefix(1);
    std::uint64_t value = 0;
    if (!parse_uint(text, max_typed_number, value) || !text.empty()) return false;
    out = negative ? -static_cast<std::int64_t>(value) : static_cast<std::int64_t>(value);
    return true;
}

}  // namespace detail

// A reply to a yes/no question; empty or "skip" is "I don't know".
enum class reply : std::uint8_t { yes, no, skip, other };

[[nodiscard]] constexpr reply parse_reply(std::string_view text) noexcept {
    text = detail::trim(text);
    if (text.empty() || detail::iequals(text, "skip")) return reply::skip;
    for (std::string_view yes : {"yes", "y", "true", "1"})
        if (detail::iequals(text, yes)) return reply::yes;
    for (std::string_view no : {"no", "n", "false", "0"})
        if (detail::iequals(text, no)) return reply::no;
    return reply::other;
}

// "5.5" or "5" (5.0).
[[nodiscard]] constexpr bool parse_version(std::string_view text, version& out) noexcept {
    const std::size_t dot = text.find('.');
    std::int64_t major = 0;
    std::int64_t minor = 0;
    if (!detail::parse_number(text.substr(0, dot), major) || major < 0 || major > 0xFFFF) return false;
    if (dot != std::string_view::npos &&
        (!detail::parse_number(text.substr(dot + 1), minor) || minor < 0 || minor > 0xFFFF))
        return false;
    out = version{static_cast<std::uint16_t>(major), static_cast<std::uint16_t>(minor)};
    return true;
}

// A value of the given kind, from what a person typed (a text value views `text`).
[[nodiscard]] constexpr bool parse_fact_value(fact_kind kind, std::string_view text, fact_value& out) noexcept {
    text = detail::trim(text);
    switch (kind) {
        case fact_kind::boolean: {
            const reply r = parse_reply(text);
            if (r != reply::yes && r != reply::no) return false;
            out = fact_value(r == reply::yes);
            return true;
        }
        case fact_kind::number: {
            std::int64_t number = 0;
            if (!detail::parse_number(text, number)) return false;
            out = fact_value(number);
            return true;
        }
        case fact_kind::text:
            if (text.empty()) return false;
            out = fact_value(text);
            return true;
        case fact_kind::version: {
            version v;
            if (!parse_version(text, v)) return false;
            out = fact_value(v);
            return true;
        }
    }
    return false;
}

// What a value of the kind looks like, for a hint.
[[nodiscard]] constexpr std::string_view value_hint(fact_kind kind) noexcept {
    switch (kind) {
        case fact_kind::boolean: return "yes or no";
        case fact_kind::number: return "a whole number";
        case fact_kind::text: return "some text";
        case fact_kind::version: return "a version such as 5.5";
    }
    return "";
}

// The catalog's fact names nearest to a misspelt one, nearest first: a name containing the
// other comes first, then by edit distance.
template <class Table>
[[nodiscard]] std::vector<std::string_view> closest_facts(const Table& table, std::string_view name, std::size_t count = 3) {
    std::vector<std::pair<std::size_t, std::string_view>> ranked;
    for (const fact_definition& f : table.facts) {
        const bool contains = f.name.find(name) != std::string_view::npos || name.find(f.name) != std::string_view::npos;
        ranked.emplace_back(contains ? 0 : ruledx::detail::edit_distance(name, f.name), f.name);
    }
    std::sort(ranked.begin(), ranked.end());
    std::vector<std::string_view> out;
    for (std::size_t i = 0; i < ranked.size() && i < count; ++i) out.push_back(ranked[i].second);
    return out;
}

// NAME=VALUE, checked against a table's catalog.
struct fact_argument {
    enum class problem : std::uint8_t { none, no_equals, unknown_fact, wrong_value };
    fact_argument::problem what = problem::none;
    std::string_view name;                     // as given
    std::string_view value;                    // as given
    std::size_t fact_index = not_found;        // in the catalog, unless unknown_fact
    fact_assignment fact;                      // when what == none
};

template <class Table>
[[nodiscard]] constexpr fact_argument parse_fact_argument(const Table& table, std::string_view argument) noexcept {
    fact_argument out;
    const std::size_t equals = argument.find('=');
    if (equals == std::string_view::npos) {
        out.what = fact_argument::problem::no_equals;
        return out;
    }
    out.name = argument.substr(0, equals);
    out.value = argument.substr(equals + 1);
    out.fact_index = table.find_fact(out.name);
    if (out.fact_index == not_found) {
        out.what = fact_argument::problem::unknown_fact;
        return out;
    }
    const fact_definition& f = table.facts[out.fact_index];
    fact_value value;
    if (!parse_fact_value(f.kind, out.value, value)) {
        out.what = fact_argument::problem::wrong_value;
        return out;
    }
    out.fact = fact_assignment{f.name, value};
    return out;
}

// SOURCE:ID or SOURCE:ID:TEXT ("MSExchangeIS Private:1023"; "MSExchangeIMC:4003:11004"): an event
// or a start error named on a command line. The source is what comes before the first colon
// followed by a number; TEXT, when given, is what the event's text holds (its telling values).
struct signal_argument {
    bool ok = false;
    std::string_view source;
    std::uint32_t code = 0;
    std::string_view text;
};

[[nodiscard]] constexpr signal_argument parse_signal_argument(std::string_view argument) noexcept {
    signal_argument out;
    for (std::size_t colon = argument.find(':'); colon != std::string_view::npos; colon = argument.find(':', colon + 1)) {
        const std::size_t end = argument.find(':', colon + 1);
        const std::string_view digits = argument.substr(colon + 1, end == std::string_view::npos ? end : end - colon - 1);
        std::int64_t code = 0;
        if (digits.empty() || digits[0] == '-' || !detail::parse_number(digits, code) || code > 0xFFFFFFFF) continue;
        out.source = detail::trim(argument.substr(0, colon));
        if (out.source.empty()) return out;
        out.code = static_cast<std::uint32_t>(code);
        out.text = end == std::string_view::npos ? std::string_view{} : argument.substr(end + 1);
        out.ok = true;
        return out;
    }
    return out;
}

// A signal argument as a command line or a question key gives it, any kind: SOURCE:ID[:TEXT] and
// SERVICE:CODE as above, SERVICE alone (a failed start without an error code), SOURCE::TEXT (an
// event known by its text), PROGRAM[:0xCODE][:NAMES] (a crash; NAMES: where it crashed; PROGRAM
// may be empty when NAMES are given, for a stack that names none) and TEXT (a dialog).
struct any_signal_argument {
    bool ok = false;
    signal_kind kind = signal_kind::event;
    std::string_view source;  // or the program
    std::uint32_t code = 0;   // signal::any_code / signal::no_id where the argument gives none
    std::string_view text;    // telling values, an event's or a dialog's text, a crash's names
};

[[nodiscard]] constexpr any_signal_argument parse_any_signal_argument(signal_kind kind, std::string_view argument) noexcept {
    any_signal_argument out;
    out.kind = kind;
    const std::size_t colon = argument.find(':');
    switch (kind) {
        case signal_kind::dialog:
            out.text = detail::trim(argument);
            out.ok = !out.text.empty();
            return out;
        case signal_kind::crash: {
            out.source = detail::trim(argument.substr(0, colon));
            std::string_view rest = colon == std::string_view::npos ? std::string_view{} : argument.substr(colon + 1);
            if (rest.size() > 2 && rest[0] == '0' && (rest[1] == 'x' || rest[1] == 'X')) {
                const std::size_t end = rest.find(':');
                std::string_view hex = rest.substr(2, end == std::string_view::npos ? end : end - 2);
                std::uint64_t code = 0;  // "0x" without digits: any exception
                if (!hex.empty() && (!detail::parse_hex<8>(hex, code) || !hex.empty())) return out;
                out.code = static_cast<std::uint32_t>(code);
                rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
            }
            out.text = rest;
            out.ok = !out.source.empty() || !out.text.empty();  // a stack alone names no program
            return out;
        }
        case signal_kind::start_error:
            if (colon == std::string_view::npos) {
                out.source = detail::trim(argument);
                out.code = signal::any_code;
                out.ok = !out.source.empty();
                return out;
            }
            break;
        case signal_kind::event:
            if (colon != std::string_view::npos && argument.substr(colon, 2) == "::") {
                out.source = detail::trim(argument.substr(0, colon));
                out.code = signal::no_id;
                out.text = argument.substr(colon + 2);
                out.ok = !out.source.empty() && !out.text.empty();
                return out;
            }
            break;
    }
    const signal_argument parsed = parse_signal_argument(argument);
    out.ok = parsed.ok;
    out.source = parsed.source;
    out.code = parsed.code;
    out.text = parsed.text;
    return out;
}

}  // namespace ruledx::read

#endif
