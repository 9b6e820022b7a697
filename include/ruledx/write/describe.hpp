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

// "event 4143 from MSExchangeIMC (Error, Initialization/Termination)" or "Error 2140 starting MSExchangeIMC".
inline std::string describe(const signal& s) {
    std::string out;
    if (s.kind == signal_kind::start_error) {
        out = "Error " + std::to_string(s.code) + " starting ";
        out += s.source;
        return out;
    }
    out = "event " + std::to_string(s.code) + " from ";
    out += s.source;
    std::string details;
    if (s.type != event_type::unspecified) details += to_string(s.type);
    if (!s.category.empty()) {
        if (!details.empty()) details += ", ";
        details += s.category;
    }
    for (std::string_view value : s.values) {
        if (!details.empty()) details += ", ";
        details += "with \"";
        details += value;
        details += '"';
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

// "service_account_is_admin=false", the form --fact takes.
inline std::string describe(const fact_assignment& fact) { return std::string(fact.name) + "=" + describe(fact.value); }

// The question that asks for a missing signal. It names what an answer settles: the source, the
// id and the telling values (an answer covers every type and category of that event).
inline std::string question_for(const signal& s) {
    if (s.kind == signal_kind::start_error)
        return "Does starting " + std::string(s.source) + " fail with Error " + std::to_string(s.code) + "?";
    std::string out = "Is there an event " + std::to_string(s.code) + " from " + std::string(s.source);
    for (std::size_t i = 0; i < s.values.size(); ++i) out += (i == 0 ? " with \"" : " and \"") + std::string(s.values[i]) + "\"";
    return out + " in the event logs?";
}

// What a question asks, in the catalog's words for a fact.
template <class Table>
std::string question_text(const Table& table, const question& q) {
    if (q.what == question::kind::fact) return std::string(table.facts[q.fact_index].question);
    return question_for(*q.asked);
}

// A stable name for a question, for tools that drive the question loop: "fact:NAME",
// "event:SOURCE:ID", "event:SOURCE:ID:VALUES" (the telling values, space-separated, when the
// question names them: two questions about one event id differ by them) or
// "start_error:SERVICE:CODE". After the kind, the form --event and --absent-event take.
template <class Table>
std::string question_key(const Table& table, const question& q) {
    if (q.what == question::kind::fact) return "fact:" + std::string(table.facts[q.fact_index].name);
    std::string out = q.what == question::kind::event ? "event:" : "start_error:";
    out += q.asked->source;
    out += ':' + std::to_string(q.asked->code);
    for (std::size_t i = 0; i < q.asked->values.size(); ++i) out += (i == 0 ? ":" : " ") + std::string(q.asked->values[i]);
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
