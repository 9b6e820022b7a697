// ruledx — the report as JSON, for tools.
//
// {"candidates": [...], "next_checks": [...], "inputs": [...]}; the schema is in README.md.
// "inputs" is the caller's: pass it pre-rendered (write::inputs_to_json lists what an evidence
// read); so are any further members (exchange-diagnose adds the answers of its question loop).
#ifndef RULEDX_WRITE_JSON_HPP
#define RULEDX_WRITE_JSON_HPP

#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>

#include "ruledx/eval/explain.hpp"
#include "ruledx/eval/question.hpp"
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
    append_json_string(out, to_string(s.kind));
    switch (s.kind) {
        case signal_kind::start_error:
            out += ", \"service\": ";
            append_json_string(out, s.source);
            if (s.code != signal::any_code) out += ", \"code\": " + std::to_string(s.code);
            break;
        case signal_kind::event:
            out += ", \"source\": ";
            append_json_string(out, s.source);
            if (s.code != signal::no_id) out += ", \"event_id\": " + std::to_string(s.code);
            break;
        case signal_kind::crash:
            out += ", \"program\": ";
            append_json_string(out, s.source);
            if (s.code != 0) {
                out += ", \"exception\": ";
                append_json_string(out, hex_code(s.code));
            }
            break;
        case signal_kind::dialog: break;
    }
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

// ", \"from\": where" when the citation says where.
inline void append_from(std::string& out, const std::string& where) {
    if (where.empty()) return;
    out += ", \"from\": ";
    append_json_string(out, where);
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
                    std::string_view inputs_json = "[]", std::string_view more_members = {}) {
    std::string out = "{\"candidates\": [";
    bool first = true;
    for (const candidate& c : result.ranked()) {
        const auto& r = table.rules[c.rule_index];
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

        // One array per part of the explanation, which lists its items part by part.
        explanation_part open_part = explanation_part::evidence;
        bool first_item = true;
        out += ", \"evidence\": [";
        explain(table, c, [&](const reason& item) {
            while (open_part != item.part) {
                open_part = open_part == explanation_part::evidence ? explanation_part::missing : explanation_part::contradicted;
                out += open_part == explanation_part::missing ? "], \"missing\": [" : "], \"contradicted\": [";
                first_item = true;
            }
            if (!first_item) out += ", ";
            first_item = false;
            switch (item.what) {
                case reason_kind::signal_seen: {
                    out += "{\"signal\": ";
                    detail::append_signal(out, *item.sig);
                    out += ", \"text_matched\": ";
                    out += item.text_matched ? "true" : "false";
                    detail::append_from(out, cite(item.sig->kind, item.observation));
                    out += '}';
                    return;
                }
                case reason_kind::fact_holds:
                    out += "{\"fact\": ";
                    append_json_string(out, describe(*item.fact));
                    out += '}';
                    return;
                case reason_kind::signal_unseen:
                    out += "{\"signal\": ";
                    detail::append_signal(out, *item.sig);
                    out += '}';
                    return;
                case reason_kind::signal_absent:
                    out += "{\"signal\": ";
                    detail::append_signal(out, *item.sig);
                    out += ", \"absent\": true";
                    detail::append_from(out, detail::cite_absence(cite, item.observation));
                    out += '}';
                    return;
                case reason_kind::outside_versions:
                    detail::append_fact_item(out, r.version_fact, "applies_to", describe_versions(r.versions));
                    return;
                case reason_kind::fact_unknown:
                case reason_kind::fact_differs:
                    detail::append_fact_item(out, item.fact->name, "expected", describe_expected(*item.fact));
                    return;
                case reason_kind::ruling_out_holds:
                    detail::append_fact_item(out, item.fact->name, "rules_out_when", describe_expected(*item.fact));
                    return;
            }
        });
        while (open_part != explanation_part::contradicted) {
            open_part = open_part == explanation_part::evidence ? explanation_part::missing : explanation_part::contradicted;
            out += open_part == explanation_part::missing ? "], \"missing\": [" : "], \"contradicted\": [";
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
        const question q = question_of(table, check);
        out += "\"key\": ";
        append_json_string(out, question_key(table, q));
        out += ", ";
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
            out += '"' + std::string(to_string(s.kind)) + "\": ";
            detail::append_signal(out, s);
            out += ", \"question\": ";
            append_json_string(out, question_for(s));
        }
        out += ", \"score\": " + std::to_string(check.score) + "}";
    }
    out += first ? "]" : "\n]";
    out += ", \"inputs\": ";
    out += inputs_json;
    if (!more_members.empty()) {
        out += ", ";
        out += more_members;
    }
    out += "}\n";
    return out;
}

}  // namespace ruledx::write

#endif
