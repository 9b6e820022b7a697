// ruledx — observations: the evidence the evaluator is given.
//
// Service start errors, events and facts. A fact not listed is unknown. Observations are views:
// they own nothing, so readers can hand over views into their input.
#ifndef RULEDX_MODEL_OBSERVATION_HPP
#define RULEDX_MODEL_OBSERVATION_HPP

#include <cstdint>
#include <string_view>

#include "ruledx/detail/blank.hpp"
#include "ruledx/detail/text_arg.hpp"

#include "ruledx/model/event_type.hpp"
#include "ruledx/model/fact.hpp"
#include "ruledx/model/fixed_list.hpp"
#include "ruledx/model/view.hpp"

namespace ruledx {

struct observed_start_error {
    std::string_view service = detail::no_text;  // "MSExchangeIMC"; empty when the input did not say which service
    std::uint32_t code = 0;
};

struct observed_event {
    std::string_view source = detail::no_text;
    std::uint16_t id = 0;  // the 16-bit id Event Viewer shows
    event_type type = event_type::unspecified;
    std::string_view category = detail::no_text;
    std::string_view description = detail::no_text;  // empty when the input has no rendered message
    std::string_view strings = detail::no_text;      // the insertion strings, each followed by '\0'; may be empty

    [[nodiscard]] constexpr observed_event with_type(event_type t) const noexcept {
        observed_event e = *this;
        e.type = t;
        return e;
    }
    [[nodiscard]] constexpr observed_event with_category(detail::text_arg c) const noexcept {
        observed_event e = *this;
        e.category = c.value;
        return e;
    }
    [[nodiscard]] constexpr observed_event with_description(detail::text_arg d) const noexcept {
        observed_event e = *this;
        e.description = d.value;
        return e;
    }
    [[nodiscard]] constexpr observed_event with_strings(std::string_view s) const noexcept {
        observed_event e = *this;
        e.strings = s;
        return e;
    }
};

[[nodiscard]] constexpr observed_start_error saw_start_error(detail::text_arg service, std::uint32_t code) noexcept {
    observed_start_error e;
    e.service = service.value;
    e.code = code;
    return e;
}
[[nodiscard]] constexpr observed_event saw_event(detail::text_arg source, std::uint16_t id) noexcept {
    observed_event e;
    e.source = source.value;
    e.id = id;
    return e;
}

// Everything known about one failure.
struct observations {
    view<observed_start_error> start_errors;
    view<observed_event> events;
    view<fact_assignment> facts;
};

// Evidence stored inside a rule: its article's symptoms, which the table check diagnoses at
// compile time to prove the rule wins on its own evidence.
struct example {
    static constexpr std::size_t max_start_errors = 2;
    static constexpr std::size_t max_events = 4;
    static constexpr std::size_t max_facts = 6;

    fixed_list<observed_start_error, max_start_errors> start_errors;
    fixed_list<observed_event, max_events> events;
    fixed_list<fact_assignment, max_facts> facts;

    constexpr void add(const observed_start_error& e) noexcept { start_errors.push_back(e); }
    constexpr void add(const observed_event& e) noexcept { events.push_back(e); }
    constexpr void add(const fact_assignment& f) noexcept { facts.push_back(f); }

    [[nodiscard]] constexpr observations as_observations() const noexcept {
        return {view<observed_start_error>(start_errors), view<observed_event>(events), view<fact_assignment>(facts)};
    }
};

// example_of(saw_start_error("MSExchangeIMC", 2140), saw_event("MSExchangeIMC", 4143), fact_is(...))
template <class... Evidence>
[[nodiscard]] constexpr example example_of(const Evidence&... evidence) noexcept {
    example x;
    (x.add(evidence), ...);
    return x;
}

}  // namespace ruledx

#endif
