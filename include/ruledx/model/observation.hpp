// ruledx — observations: the evidence the evaluator is given.
//
// Service start errors, events, crashes, dialogs and facts. A fact not listed is unknown. Observations are views:
// they own nothing, so readers can hand over views into their input.
#ifndef RULEDX_MODEL_OBSERVATION_HPP
#define RULEDX_MODEL_OBSERVATION_HPP

#include <cstdint>
#include <string_view>

#include "ruledx/detail/blank.hpp"
#include "ruledx/detail/text_arg.hpp"
#include "ruledx/detail/text_match.hpp"

#include "ruledx/model/event_type.hpp"
#include "ruledx/model/fact.hpp"
#include "ruledx/model/fixed_list.hpp"
#include "ruledx/model/signal.hpp"
#include "ruledx/model/view.hpp"

namespace ruledx {

struct observed_start_error {
    std::string_view service = detail::no_text;  // "MSExchangeIMC"; empty when the input did not say which service
    // The error printed; signal::any_code when the start failed with none ("Service did not
    // return an error") or none is known: then only rules naming no code (start_failure) match.
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

// A program's crash: an application-error dialog, a Dr. Watson report or log, an Application
// Popup event.
struct observed_crash {
    // The program as printed ("exe\\MSEXCIMC.dbg", "msexcimc.exe"; compared without directory and
    // extension); empty when the input did not say which program.
    std::string_view program = detail::no_text;
    std::uint32_t exception = 0;  // the exception code (0xc0000005); 0 when not given
    // Where it crashed, when the input says: the faulting symbol, stack frames ("module!symbol"),
    // one a line. A rule's telling names are looked for in it.
    std::string_view frames = detail::no_text;

    [[nodiscard]] constexpr observed_crash with_frames(std::string_view f) const noexcept {
        observed_crash c = *this;
        c.frames = f;
        return c;
    }
};

// A message box, by its text (title and message, as the input has them).
struct observed_dialog {
    std::string_view text = detail::no_text;
};

[[nodiscard]] constexpr observed_start_error saw_start_error(detail::text_arg service, std::uint32_t code) noexcept {
    observed_start_error e;
    e.service = service.value;
    e.code = code;
    return e;
}
// The service failed to start and printed no error code.
[[nodiscard]] constexpr observed_start_error saw_start_failure(detail::text_arg service) noexcept {
    return saw_start_error(service, signal::any_code);
}
[[nodiscard]] constexpr observed_event saw_event(detail::text_arg source, std::uint16_t id) noexcept {
    observed_event e;
    e.source = source.value;
    e.id = id;
    return e;
}
[[nodiscard]] constexpr observed_crash saw_crash(detail::text_arg program, std::uint32_t exception = 0) noexcept {
    observed_crash c;
    c.program = program.value;
    c.exception = exception;
    return c;
}
[[nodiscard]] constexpr observed_dialog saw_dialog(detail::text_arg text) noexcept {
    observed_dialog d;
    d.text = text.value;
    return d;
}

// The observation that shows a rule's signal: an example restates its rule's signals without
// repeating them, `example_of(saw(required_error), saw(required_event))` with the signals kept as
// constants the rule names too. A start-error signal shows as that start error; an event signal as
// an event with its source, id, type, category and description, and, when its telling values are
// not all in that description, its one value as the insertion string; a crash as that program's
// crash with the exception and its one telling name as the frames; a dialog as its text. A signal
// with several values its text lacks cannot be shown that way: its example's proof fails until
// the observation is written out (saw_event(...).with_strings(...)). An event known by its text
// alone shows as an event of id 0 (the id the input does not give).
struct seen_signal {
    signal shown;
};
[[nodiscard]] constexpr seen_signal saw(const signal& s) noexcept { return {s}; }

// A signal known not to have happened. Events have three states: seen (an observed_event),
// known absent (this), or unknown (neither): a pasted fragment of a log says nothing of what it
// does not show, a complete log does.
struct observed_absence {
    signal_kind kind = signal_kind::event;
    std::string_view source = detail::no_text;  // the event source, or the service of a start error
    std::uint32_t code = 0;
    // A complete log of the source: every event of the source that no observation matches is
    // absent, whatever its id (code is then unused).
    bool whole_source = false;
    // Only signals whose telling values all appear here are absent ("no event 4003 with 11004"
    // says nothing of a 4003 with 10050); empty: every signal of that source and code.
    std::string_view text = detail::no_text;
};

[[nodiscard]] constexpr observed_absence absent_event(detail::text_arg source, std::uint16_t id) noexcept {
    observed_absence a;
    a.source = source.value;
    a.code = id;
    return a;
}
[[nodiscard]] constexpr observed_absence absent_start_error(detail::text_arg service, std::uint32_t code) noexcept {
    observed_absence a;
    a.kind = signal_kind::start_error;
    a.source = service.value;
    a.code = code;
    return a;
}
// Every event of `source` is in the observations: the input was a whole log holding its records.
[[nodiscard]] constexpr observed_absence complete_log_of(detail::text_arg source) noexcept {
    observed_absence a;
    a.source = source.value;
    a.whole_source = true;
    return a;
}

// The program did not crash (every crash signal naming it is absent).
[[nodiscard]] constexpr observed_absence absent_crash(detail::text_arg program) noexcept {
    observed_absence a;
    a.kind = signal_kind::crash;
    a.source = program.value;
    a.whole_source = true;
    return a;
}

// Everything known about one failure. (Crashes and dialogs come last, so that the four-list
// braced form written before they existed keeps its meaning.)
struct observations {
    view<observed_start_error> start_errors = {};
    view<observed_event> events = {};
    view<fact_assignment> facts = {};
    view<observed_absence> absent = {};
    view<observed_crash> crashes = {};
    view<observed_dialog> dialogs = {};
};

// Evidence stored inside a rule: its article's symptoms, which the table check diagnoses at
// compile time to prove the rule wins on its own evidence.
struct example {
    static constexpr std::size_t max_start_errors = 2;
    static constexpr std::size_t max_events = 4;
    static constexpr std::size_t max_facts = 6;
    static constexpr std::size_t max_crashes = 1;
    static constexpr std::size_t max_dialogs = 1;

    fixed_list<observed_start_error, max_start_errors> start_errors;
    fixed_list<observed_event, max_events> events;
    fixed_list<fact_assignment, max_facts> facts;
    fixed_list<observed_crash, max_crashes> crashes;
    fixed_list<observed_dialog, max_dialogs> dialogs;

    constexpr void add(const observed_start_error& e) noexcept { start_errors.push_back(e); }
    constexpr void add(const observed_event& e) noexcept { events.push_back(e); }
    constexpr void add(const fact_assignment& f) noexcept { facts.push_back(f); }
    constexpr void add(const observed_crash& c) noexcept { crashes.push_back(c); }
    constexpr void add(const observed_dialog& d) noexcept { dialogs.push_back(d); }
    constexpr void add(const seen_signal& seen) noexcept {
        const signal& s = seen.shown;
        // The one telling value the signal's own text lacks, shown where the input would have it.
        bool described = true;
        for (std::string_view value : s.values) described = described && detail::contains_phrase(s.description, value);
        const std::string_view extra = !described && s.values.size() == 1 ? s.values[0] : detail::no_text;
        switch (s.kind) {
            case signal_kind::start_error: add(saw_start_error(s.source, s.code)); return;
            case signal_kind::crash: add(saw_crash(s.source, s.code).with_frames(s.values.empty() ? detail::no_text : s.values[0])); return;
            case signal_kind::dialog: add(saw_dialog(s.description)); return;
            case signal_kind::event: break;
        }
        const std::uint16_t id = s.code <= 0xFFFF ? static_cast<std::uint16_t>(s.code) : std::uint16_t{0};
        observed_event e = saw_event(s.source, id).with_type(s.type);
        e.category = s.category;
        e.description = s.description;
        e.strings = extra;
        add(e);
    }

    [[nodiscard]] constexpr observations as_observations() const noexcept {
        return {view<observed_start_error>(start_errors), view<observed_event>(events), view<fact_assignment>(facts),
                {}, view<observed_crash>(crashes), view<observed_dialog>(dialogs)};
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
