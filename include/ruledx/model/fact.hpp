// ruledx — facts: named, typed things a support engineer can find out about the machine.
//
// A fact is declared once in a catalog, with the question that finds it out. Rules name facts and
// compare them with a value; observations give a fact's value or leave it unknown.
#ifndef RULEDX_MODEL_FACT_HPP
#define RULEDX_MODEL_FACT_HPP

#include <cstdint>
#include <string_view>

#include "ruledx/detail/blank.hpp"
#include "ruledx/detail/text_arg.hpp"
#include "ruledx/detail/text_match.hpp"

#include "ruledx/model/version.hpp"

namespace ruledx {

enum class fact_kind : std::uint8_t { boolean, number, text, version };

[[nodiscard]] constexpr std::string_view to_string(fact_kind kind) noexcept {
    switch (kind) {
        case fact_kind::boolean: return "boolean";
        case fact_kind::number: return "number";
        case fact_kind::text: return "text";
        case fact_kind::version: return "version";
    }
    return "";
}

// A value of one of the four kinds. Constructors are implicit so rules read naturally:
// fact_is("service_account_is_admin", false), fact_is("exchange_version", version{5, 5}).
struct fact_value {
    fact_kind kind = fact_kind::boolean;
    bool boolean = false;
    std::int64_t number = 0;
    std::string_view text = detail::no_text;
    ruledx::version version_number;

    constexpr fact_value() noexcept = default;
    constexpr fact_value(bool value) noexcept : kind(fact_kind::boolean), boolean(value) {}
    constexpr fact_value(int value) noexcept : kind(fact_kind::number), number(value) {}
    constexpr fact_value(std::int64_t value) noexcept : kind(fact_kind::number), number(value) {}
    constexpr fact_value(std::string_view value) noexcept : kind(fact_kind::text), text(value) {}
    // Without this a string literal would silently convert to bool.
    constexpr fact_value(const char* value) noexcept : kind(fact_kind::text), text(detail::text_arg(value).value) {}
    constexpr fact_value(ruledx::version value) noexcept : kind(fact_kind::version), version_number(value) {}

    friend constexpr bool operator==(const fact_value& a, const fact_value& b) noexcept {
        if (a.kind != b.kind) return false;
        switch (a.kind) {
            case fact_kind::boolean: return a.boolean == b.boolean;
            case fact_kind::number: return a.number == b.number;
            case fact_kind::text: return detail::equal_text(a.text, b.text);
            case fact_kind::version: return a.version_number == b.version_number;
        }
        return false;
    }
    friend constexpr bool operator!=(const fact_value& a, const fact_value& b) noexcept { return !(a == b); }
};

// One catalog entry. A fact that was renamed, or that another fact was merged into, keeps the
// name it had as its former name, `boolean_fact("new_name", "...").formerly("old_name")`: the
// table's lookup resolves it (rules, examples and observations that still use it, a --fact
// argument), reports and questions use the current name, and the catalog check rejects a former
// name that is another fact's name or former name.
struct fact_definition {
    std::string_view name = detail::no_text;         // snake_case, unique in the catalog
    fact_kind kind = fact_kind::boolean;
    std::string_view question = detail::no_text;     // what a support engineer asks to learn it
    std::string_view former_name = detail::no_text;  // empty, or the name it had; snake_case, unique too

    [[nodiscard]] constexpr fact_definition formerly(detail::text_arg old_name) const noexcept {
        fact_definition renamed = *this;
        renamed.former_name = old_name.value;
        return renamed;
    }
    // Whether `given` names this fact, by its name or its former name.
    [[nodiscard]] constexpr bool answers_to(std::string_view given) const noexcept {
        return detail::equal_text(name, given) || (!former_name.empty() && detail::equal_text(former_name, given));
    }
};

[[nodiscard]] constexpr fact_definition boolean_fact(detail::text_arg name, detail::text_arg question) noexcept {
    return {name.value, fact_kind::boolean, question.value, detail::no_text};
}
[[nodiscard]] constexpr fact_definition number_fact(detail::text_arg name, detail::text_arg question) noexcept {
    return {name.value, fact_kind::number, question.value, detail::no_text};
}
[[nodiscard]] constexpr fact_definition text_fact(detail::text_arg name, detail::text_arg question) noexcept {
    return {name.value, fact_kind::text, question.value, detail::no_text};
}
[[nodiscard]] constexpr fact_definition version_fact(detail::text_arg name, detail::text_arg question) noexcept {
    return {name.value, fact_kind::version, question.value, detail::no_text};
}

// How a rule compares a fact with its value: equal, or, for a number, at least or below it
// ("5.5 SP3 and later": a service pack below 3 rules the rule out).
enum class comparison : std::uint8_t { equal, at_least, below };

// A rule's comparison of a fact with a value, or an observation's statement of a fact's value
// (an observation's comparison is always `equal`).
struct fact_assignment {
    std::string_view name = detail::no_text;
    fact_value value;
    comparison compare = comparison::equal;

    // Whether a known value satisfies this comparison (a value of another kind does not).
    [[nodiscard]] constexpr bool holds_for(const fact_value& known) const noexcept {
        if (compare == comparison::equal || known.kind != fact_kind::number || value.kind != fact_kind::number)
            return known == value;
        return compare == comparison::at_least ? known.number >= value.number : known.number < value.number;
    }
};

[[nodiscard]] constexpr fact_assignment fact_is(detail::text_arg name, fact_value value) noexcept {
    return {name.value, value};
}
// A number fact at least `bound` (ruled_out_by: "from SP3 on this is not the cause").
[[nodiscard]] constexpr fact_assignment fact_at_least(detail::text_arg name, std::int64_t bound) noexcept {
    return {name.value, fact_value(bound), comparison::at_least};
}
// A number fact below `bound` (ruled_out_by: "before SP3 this is not the cause").
[[nodiscard]] constexpr fact_assignment fact_below(detail::text_arg name, std::int64_t bound) noexcept {
    return {name.value, fact_value(bound), comparison::below};
}

}  // namespace ruledx

#endif
