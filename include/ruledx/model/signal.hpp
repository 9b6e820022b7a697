// ruledx — signals: what a tool can observe when a service fails to start.
//
// Four kinds: the error a service start reports (Error 2140 for MSExchangeIMC; or a failed start
// whatever its error), an event in a log (source, id, type, category, and text that tells articles
// apart; or an event known by its text alone, whose id the source does not give), a program's
// crash (the program, the exception, where it happened), and a message box known by its text.
#ifndef RULEDX_MODEL_SIGNAL_HPP
#define RULEDX_MODEL_SIGNAL_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ruledx/detail/blank.hpp"
#include "ruledx/detail/text_arg.hpp"

#include "ruledx/model/event_type.hpp"
#include "ruledx/model/fixed_list.hpp"

namespace ruledx {

enum class signal_kind : std::uint8_t { start_error, event, crash, dialog };
inline constexpr std::size_t signal_kind_count = 4;

[[nodiscard]] constexpr std::string_view to_string(signal_kind kind) noexcept {
    switch (kind) {
        case signal_kind::start_error: return "start_error";
        case signal_kind::event: return "event";
        case signal_kind::crash: return "crash";
        case signal_kind::dialog: return "dialog";
    }
    return "";
}

struct signal {
    static constexpr std::size_t max_values = 3;
    // start_error: any failed start of the service, with whatever error or none (start_failure).
    static constexpr std::uint32_t any_code = 0xFFFFFFFFu;
    // event: an event known by its description alone (event_described); above every 16-bit id.
    static constexpr std::uint32_t no_id = 0x10000u;

    signal_kind kind = signal_kind::event;
    // start_error: the service name ("MSExchangeIMC"); event: the event source; crash: the
    // program's file name without directory and extension ("msexcimc"); dialog: empty.
    std::string_view source = detail::no_text;
    // start_error: the error code (2140) or any_code; event: the id Event Viewer shows, or no_id.
    // Kept 32 bits wide so the table check can reject an id that does not fit the 16 bits a log
    // stores. crash: the exception code (0xc0000005), or 0 for any.
    std::uint32_t code = 0;
    event_type type = event_type::unspecified;
    std::string_view category = detail::no_text;
    // The literal description, or a fragment of it, as the article quotes it. Matching it raises
    // confidence; a log without descriptions (a binary log read without message files) still
    // matches. An event without id and a dialog match by it alone: the observed text must hold it.
    std::string_view description = detail::no_text;
    // Fragments that must appear in the description or the insertion strings when the input has
    // either: the values that tell articles apart (socket error "10048" against "10050"). For a
    // crash, the names its faulting symbol or stack frames must hold when the input has them
    // ("CPostmaster__rcFindAdminX400Address"); for a dialog, more of its text.
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

// The service failed to start, whatever error it printed, or none: for articles that say so
// without a code ("the service does not start" after a crash).
[[nodiscard]] constexpr signal start_failure(detail::text_arg service) noexcept {
    return start_error(service, signal::any_code);
}

// An event from this source with the id Event Viewer shows.
[[nodiscard]] constexpr signal event(detail::text_arg source, std::uint32_t id) noexcept {
    signal s;
    s.kind = signal_kind::event;
    s.source = source.value;
    s.code = id;
    return s;
}

// An event from this source known by its description alone, when the article gives no id: an
// event of that source (any id) whose description holds this text.
[[nodiscard]] constexpr signal event_described(detail::text_arg source, detail::text_arg description) noexcept {
    signal s = event(source, signal::no_id);
    s.description = description.value;
    return s;
}

// The program crashed (an application error, a Dr. Watson report): `program` is its file name
// without directory or extension ("msexcimc" for msexcimc.exe), `exception` the exception code,
// or 0 when the article gives none.
[[nodiscard]] constexpr signal program_crash(detail::text_arg program, std::uint32_t exception = 0) noexcept {
    signal s;
    s.kind = signal_kind::crash;
    s.source = program.value;
    s.code = exception;
    return s;
}

// A message box with this text (a literal part of it: where the article's text holds a
// placeholder, the part before it, and with_value for parts after it).
[[nodiscard]] constexpr signal message_box(detail::text_arg text) noexcept {
    signal s;
    s.kind = signal_kind::dialog;
    s.description = text.value;
    return s;
}

}  // namespace ruledx

#endif
