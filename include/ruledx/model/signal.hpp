// ruledx — signals: what a tool can observe when a service fails to start.
//
// Two kinds: the error a service start reports (Error 2140 for MSExchangeIMC), and an event in a
// log (source, id, type, category, and text that tells articles apart).
#ifndef RULEDX_MODEL_SIGNAL_HPP
#define RULEDX_MODEL_SIGNAL_HPP

#include <cstdint>
#include <string_view>

#include "ruledx/detail/blank.hpp"
#include "ruledx/detail/text_arg.hpp"

#include "ruledx/model/event_type.hpp"
#include "ruledx/model/fixed_list.hpp"

namespace ruledx {

enum class signal_kind : std::uint8_t { start_error, event };

struct signal {
    static constexpr std::size_t max_values = 3;

    signal_kind kind = signal_kind::event;
    // start_error: the service name ("MSExchangeIMC"); event: the event source.
    std::string_view source = detail::no_text;
    // start_error: the error code (2140); event: the id Event Viewer shows. Kept 32 bits wide so
    // the table check can reject an id that does not fit the 16 bits a log stores.
    std::uint32_t code = 0;
    event_type type = event_type::unspecified;
    std::string_view category = detail::no_text;
    // The literal description, or a fragment of it, as the article quotes it. Matching it raises
    // confidence; a log without descriptions (a binary log read without message files) still matches.
    std::string_view description = detail::no_text;
    // Fragments that must appear in the description or the insertion strings when the input has
    // either: the values that tell articles apart (socket error "10048" against "10050").
    fixed_list<std::string_view, max_values> values;

    [[nodiscard]] constexpr signal with_type(event_type t) const noexcept {
        signal s = *this;
        s.type = t;
        return s;
    }
    [[nodiscard]] constexpr signal with_category(detail::text_arg c) const noexcept {
        signal s = *this;
        s.category = c.value;
        return s;
    }
    [[nodiscard]] constexpr signal with_description(detail::text_arg d) const noexcept {
        signal s = *this;
        s.description = d.value;
        return s;
    }
    [[nodiscard]] constexpr signal with_value(detail::text_arg v) const noexcept {
        signal s = *this;
        s.values.push_back(v.value);
        return s;
    }
};

// The service failed to start with this error code (however it was printed).
[[nodiscard]] constexpr signal start_error(detail::text_arg service, std::uint32_t code) noexcept {
    signal s;
    s.kind = signal_kind::start_error;
    s.source = service.value;
    s.code = code;
    return s;
}

// An event from this source with the id Event Viewer shows.
[[nodiscard]] constexpr signal event(detail::text_arg source, std::uint32_t id) noexcept {
    signal s;
    s.kind = signal_kind::event;
    s.source = source.value;
    s.code = id;
    return s;
}

}  // namespace ruledx

#endif
