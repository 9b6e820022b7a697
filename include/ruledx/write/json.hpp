// ruledx — the report as JSON, for tools.
//
// {"candidates": [...], "next_checks": [...], "inputs": [...]}; the schema is in README.md.
// "inputs" is the caller's: pass it pre-rendered (ims-diagnose lists the files it read).
#ifndef RULEDX_WRITE_JSON_HPP
#define RULEDX_WRITE_JSON_HPP

#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>

#include "ruledx/eval/report.hpp"
#include "ruledx/write/describe.hpp"
#include "ruledx/write/text.hpp"

namespace ruledx::write {

// A JSON string literal: quotes, backslashes and control characters escaped. Bytes of 0x80 and
// above pass through (the readers hand over UTF-8).
inline void append_json_string(std::string& out, std::string_view s) {
    out += '"';
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0x20) {
                    char buffer[8];
                    std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
                    out += buffer;
                } else {
                    out += ch;
                }
        }
    }
    out += '"';
}

namespace detail {

inline void append_signal(std::string& out, const signal& s) {
    out += "{\"kind\": ";
    append_json_string(out, s.kind == signal_kind::event ? "event" : "start_error");
    out += s.kind == signal_kind::event ? ", \"source\": " : ", \"service\": ";
    append_json_string(out, s.source);
    out += s.kind == signal_kind::event ? ", \"event_id\": " : ", \"code\": ";
    out += std::to_string(s.code);
    if (s.type != event_type::unspecified) {
        out += ", \"type\": ";
        append_json_string(out, to_string(s.type));
    }
    if (!s.category.empty()) {
        out += ", \"category\": ";
        append_json_string(out, s.category);
    }
    out += ", \"text\": ";
    append_json_string(out, describe(s));
    out += '}';
}

// {"fact": name, key: value}, the shape of missing and contradicting facts.
inline void append_fact_item(std::string& out, std::string_view name, std::string_view key, const std::string& value) {
    out += "{\"fact\": ";
    append_json_string(out, name);
    out += ", \"";
    out += key;
    out += "\": ";
    append_json_string(out, value);
    out += '}';
}

template <class List>
void append_string_array(std::string& out, const List& items) {
    out += '[';
    bool first = true;
    for (std::string_view item : items) {
        if (!first) out += ", ";
        first = false;
        append_json_string(out, item);
    }
    out += ']';
}

}  // namespace detail

template <class Table, std::size_t Rules, class Cite = no_citations>
std::string to_json(const Table& table, const report<Rules>& result, const Cite& cite = {},
                    std::string_view inputs_json = "[]") {
    std::string out = "{\"candidates\": [";
    bool first = true;
    for (const candidate& c : result.ranked()) {
        const rule& r = table.rules[c.rule_index];
        out += first ? "\n  {" : ",\n  {";
        first = false;
        out += "\"rule\": ";
        append_json_string(out, r.id);
        out += ", \"article\": ";
        append_json_string(out, r.article);
        out += ", \"title\": ";
        append_json_string(out, r.title);
        out += ", \"status\": ";
        append_json_string(out, to_string(c.status));
        out += ", \"score\": " + std::to_string(c.score);
        out += ", \"cause\": ";
        append_json_string(out, r.cause);
        out += ", \"resolution\": ";
        detail::append_string_array(out, r.resolution);
        out += ", \"related\": ";
        detail::append_string_array(out, r.related);

        out += ", \"evidence\": [";
        bool first_item = true;
        const auto separator = [&first_item, &out] {
            if (!first_item) out += ", ";
            first_item = false;
        };
        for (std::size_t s = 0; s < r.signal_count(); ++s) {
            if (!c.matched(s)) continue;
            separator();
            out += "{\"signal\": ";
            detail::append_signal(out, r.signal_at(s));
            out += ", \"text_matched\": ";
            out += c.text_matched[s] ? "true" : "false";
            const std::string where = cite(r.signal_at(s).kind, c.evidence[s]);
            if (!where.empty()) {
                out += ", \"from\": ";
                append_json_string(out, where);
            }
            out += '}';
        }
        for (std::size_t f = 0; f < r.confirming.size(); ++f) {
            if (c.confirming[f] != fact_state::holds) continue;
            separator();
            out += "{\"fact\": ";
            append_json_string(out, describe(r.confirming[f]));
            out += '}';
        }
        out += "], \"missing\": [";
        first_item = true;
        for (std::size_t s = 0; s < r.required.size(); ++s) {
            if (c.matched(s)) continue;
            separator();
            out += "{\"signal\": ";
            detail::append_signal(out, r.signal_at(s));
            out += '}';
        }
        for (std::size_t f = 0; f < r.confirming.size(); ++f) {
            if (c.confirming[f] != fact_state::unknown) continue;
            separator();
            detail::append_fact_item(out, r.confirming[f].name, "expected", describe(r.confirming[f].value));
        }
        out += "], \"contradicted\": [";
        first_item = true;
        if (c.outside_versions) {
            separator();
            detail::append_fact_item(out, r.version_fact, "applies_to", describe_versions(r.versions));
        }
        for (std::size_t f = 0; f < r.confirming.size(); ++f) {
            if (c.confirming[f] != fact_state::contradicted) continue;
            separator();
            detail::append_fact_item(out, r.confirming[f].name, "expected", describe(r.confirming[f].value));
        }
        for (std::size_t f = 0; f < r.ruling_out.size(); ++f) {
            if (c.ruling_out[f] != fact_state::holds) continue;
            separator();
            detail::append_fact_item(out, r.ruling_out[f].name, "rules_out_when", describe(r.ruling_out[f].value));
        }
        out += "]}";
    }
    out += first ? "]" : "\n]";
    if (result.truncated) out += ", \"truncated\": true";

    out += ", \"next_checks\": [";
    first = true;
    for (const next_check& check : result.next_checks()) {
        out += first ? "\n  {" : ",\n  {";
        first = false;
        if (check.what == next_check::kind::fact) {
            const fact_definition& f = table.facts[check.fact_index];
            out += "\"fact\": ";
            append_json_string(out, f.name);
            out += ", \"type\": ";
            append_json_string(out, to_string(f.kind));
            out += ", \"question\": ";
            append_json_string(out, f.question);
        } else {
            const signal& s = table.rules[check.rule_index].signal_at(check.signal_index);
            out += s.kind == signal_kind::event ? "\"event\": " : "\"start_error\": ";
            detail::append_signal(out, s);
            out += ", \"question\": ";
            append_json_string(out, question_for(s));
        }
        out += ", \"score\": " + std::to_string(check.score) + "}";
    }
    out += first ? "]" : "\n]";
    out += ", \"inputs\": ";
    out += inputs_json;
    out += "}\n";
    return out;
}

}  // namespace ruledx::write

#endif
