// ruledx — words for the parts of a report that both output formats print.
#ifndef RULEDX_WRITE_DESCRIBE_HPP
#define RULEDX_WRITE_DESCRIBE_HPP

#include <string>
#include <string_view>

#include "ruledx/eval/question.hpp"
#include "ruledx/eval/report.hpp"
#include "ruledx/model/fact.hpp"
#include "ruledx/model/signal.hpp"
#include "ruledx/model/version.hpp"

namespace ruledx::write {

// "0xc0000005": exception codes are read and written in hex.
inline std::string hex_code(std::uint32_t code) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out = "0x";
    for (int shift = 28; shift >= 0; shift -= 4) out += digits[(code >> shift) & 0xFu];
    return out;
}

// `"text"`, cut to its first 80 bytes (at a character's start) with "..." when longer.
inline std::string quoted_text(std::string_view text) {
    constexpr std::size_t shown = 80;
    if (text.size() <= shown) return '"' + std::string(text) + '"';
    std::size_t cut = shown;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0u) == 0x80u) --cut;
    return '"' + std::string(text.substr(0, cut)) + "...\"";
}

// "event 4143 from MSExchangeIMC (Error, Initialization/Termination)", "Error 2140 starting
// MSExchangeIMC", "a crash of msexcimc (exception 0xc0000005)", "a message box reading "..."".
inline std::string describe(const signal& s) {
    std::string out;
    std::string details;
    const auto detail = [&details](const std::string& item) {
        if (!details.empty()) details += ", ";
        details += item;
    };
    switch (s.kind) {
        case signal_kind::start_error:
            if (s.code == signal::any_code) return "a failed start of " + std::string(s.source);
            return "Error " + std::to_string(s.code) + " starting " + std::string(s.source);
        case signal_kind::dialog:
            out = "a message box reading " + quoted_text(s.description);
            for (std::string_view value : s.values) out += " with \"" + std::string(value) + '"';
            return out;
        case signal_kind::crash:
            out = "a crash of " + std::string(s.source);
            if (s.code != 0) detail("exception " + hex_code(s.code));
            for (std::string_view value : s.values) detail("in \"" + std::string(value) + '"');
            break;
        case signal_kind::event:
            out = s.code == signal::no_id ? "an event" : "event " + std::to_string(s.code);
            out += " from ";
            out += s.source;
            if (s.code == signal::no_id) out += " reading " + quoted_text(s.description);
            if (s.type != event_type::unspecified) detail(std::string(to_string(s.type)));
            if (!s.category.empty()) detail(std::string(s.category));
            for (std::string_view value : s.values) detail("with \"" + std::string(value) + '"');
            break;
    }
    if (!details.empty()) out += " (" + details + ")";
    return out;
}

inline std::string describe(version v) { return std::to_string(v.major) + "." + std::to_string(v.minor); }

inline std::string describe(const fact_value& value) {
    switch (value.kind) {
        case fact_kind::boolean: return value.boolean ? "true" : "false";
        case fact_kind::number: return std::to_string(value.number);
        case fact_kind::text: return std::string(value.text);
        case fact_kind::version: return describe(value.version_number);
    }
    return {};
}

// A rule's expected value: "false", "3", ">=3" or "<3".
inline std::string describe_expected(const fact_assignment& fact) {
    const char* prefix = fact.compare == comparison::at_least ? ">=" : fact.compare == comparison::below ? "<" : "";
    return prefix + describe(fact.value);
}

// "service_account_is_admin=false", the form --fact takes; "exchange_service_pack>=3" for a comparison.
inline std::string describe(const fact_assignment& fact) {
    return std::string(fact.name) + (fact.compare == comparison::equal ? "=" : "") + describe_expected(fact);
}

// A signal's telling values as a question names them: ` with "a" and "b"` (`lead` "with", "in").
template <class Values>
std::string quoted_values(const char* lead, const Values& values) {
    std::string out;
    for (std::size_t i = 0; i < values.size(); ++i)
        out += (i == 0 ? std::string(" ") + lead + " \"" : std::string(" and \"")) + std::string(values[i]) + "\"";
    return out;
}

// The question that asks for a missing signal. It names what an answer settles: the source, the
// id and the telling values (an answer covers every type and category of that event).
inline std::string question_for(const signal& s) {
    std::string out;
    switch (s.kind) {
        case signal_kind::start_error:
            if (s.code == signal::any_code) return "Does starting " + std::string(s.source) + " fail?";
            return "Does starting " + std::string(s.source) + " fail with Error " + std::to_string(s.code) + "?";
        case signal_kind::crash:
            out = "Does " + std::string(s.source) + " crash (an application error, a Dr. Watson report)";
            if (s.code != 0) out += " with exception " + hex_code(s.code);
            return out + quoted_values("in", s.values) + "?";
        case signal_kind::dialog:
            // Its telling values too: two dialogs of one text differ by them.
            return "Is a message box shown reading " + quoted_text(s.description) + quoted_values("with", s.values) + "?";
        case signal_kind::event: break;
    }
    out = s.code == signal::no_id ? "Is there an event from " + std::string(s.source) + " reading " + quoted_text(s.description)
                                  : "Is there an event " + std::to_string(s.code) + " from " + std::string(s.source);
    return out + quoted_values("with", s.values) + " in the event logs?";
}

// What a question asks, in the catalog's words for a fact.
template <class Table>
std::string question_text(const Table& table, const question& q) {
    if (q.what == question::kind::fact) return std::string(table.facts[q.fact_index].question);
    return question_for(*q.asked);
}

// A stable name for a question, for tools that drive the question loop: "fact:NAME",
// "event:SOURCE:ID", "event:SOURCE:ID:VALUES" (the telling values, space-separated, when the
// question names them: two questions about one event id differ by them),
// "start_error:SERVICE:CODE" ("start_error:SERVICE" for any failed start), and for the kinds
// the command line takes no flag for, "event:SOURCE::TEXT" (an event known by its text),
// "crash:PROGRAM[:0xCODE][:NAMES]" and "dialog:TEXT[ VALUES]". After the kind, the form --event,
// --absent-event, --dialog and the others take.
template <class Table>
std::string question_key(const Table& table, const question& q) {
    if (q.what == question::kind::fact) return "fact:" + std::string(table.facts[q.fact_index].name);
    const signal& s = *q.asked;
    std::string out = std::string(to_string(s.kind)) + ":";
    if (s.kind == signal_kind::dialog) {
        out += s.description;
        for (std::string_view value : s.values) out += " " + std::string(value);
        return out;
    }
    out += s.source;
    if (s.kind == signal_kind::crash) {
        if (s.code != 0) out += ':' + hex_code(s.code);
    } else if (s.code == signal::no_id) {
        return out + "::" + std::string(s.description);
    } else if (s.code != signal::any_code) {
        out += ':' + std::to_string(s.code);
    }
    for (std::size_t i = 0; i < s.values.size(); ++i) out += (i == 0 ? ":" : " ") + std::string(s.values[i]);
    return out;
}

// "4.0, 5.0 to 5.5" for a rule's version ranges.
template <class Ranges>
std::string describe_versions(const Ranges& ranges) {
    std::string out;
    for (const version_range& range : ranges) {
        if (!out.empty()) out += ", ";
        out += describe(range.first);
        if (range.last != range.first) out += " to " + describe(range.last);
    }
    return out;
}

}  // namespace ruledx::write

#endif
