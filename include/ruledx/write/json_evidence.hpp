// ruledx — what was read, as JSON: one event record, and the inputs a diagnosis was made from.
//
// The "inputs" member of write::to_json's report, and the lines of an event dump (exchange-diagnose
// --dump-events); the schema is in README.md.
#ifndef RULEDX_WRITE_JSON_EVIDENCE_HPP
#define RULEDX_WRITE_JSON_EVIDENCE_HPP

#include <string>
#include <string_view>

#include "ruledx/read/evidence.hpp"
#include "ruledx/read/record.hpp"
#include "ruledx/write/json.hpp"

namespace ruledx::write {

// One event record as a JSON object on one line: where it was read (file, record or line) and
// each field the input had.
inline std::string to_json(const read::event_record& e, const input_report& in) {
    std::string line = "{\"file\": ";
    append_json_string(line, in.path);
    if (e.has_record_number) line += ", \"record\": " + std::to_string(e.record_number);
    if (e.where.line != 0) line += ", \"line\": " + std::to_string(e.where.line);
    line += ", \"event_id\": " + std::to_string(e.event_id);
    if (e.has_identifier) line += ", \"event_id_raw\": " + std::to_string(e.identifier);
    const auto text_member = [&line](std::string_view name, std::string_view value) {
        if (value.empty()) return;
        line += ", \"";
        line += name;
        line += "\": ";
        append_json_string(line, value);
    };
    if (e.type != event_type::unspecified) text_member("type", to_string(e.type));
    if (!e.category.empty())
        text_member("category", e.category);
    else if (e.has_category_number)
        line += ", \"category\": " + std::to_string(e.category_number);
    text_member("source", e.source);
    text_member("computer", e.computer);
    if (e.time_generated >= 0) line += ", \"time_generated\": " + std::to_string(e.time_generated);
    text_member("description", e.description);
    if (e.string_count > 0) {
        line += ", \"strings\": [";
        std::string_view rest = e.strings;
        for (std::uint16_t i = 0; i < e.string_count && !rest.empty(); ++i) {
            const std::size_t end = rest.find('\0');
            if (i) line += ", ";
            append_json_string(line, rest.substr(0, end));
            rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
        }
        line += ']';
    }
    if (e.recovered) line += ", \"recovered\": true";
    if (e.recognised) line += ", \"recognised\": true";
    line += '}';
    return line;
}

// The inputs of a diagnosis as a JSON array: each {path, format, encoding?, records, recovered?,
// complete_log_of?, problems, warnings}.
inline std::string inputs_to_json(const evidence& seen) {
    std::string out = "[";
    bool first = true;
    for (const input_report& in : seen.inputs()) {
        out += first ? "\n  {" : ",\n  {";
        first = false;
        out += "\"path\": ";
        append_json_string(out, in.path);
        out += ", \"format\": ";
        append_json_string(out, read::to_string(in.format));
        if (in.encoding != read::text_encoding::none) {
            out += ", \"encoding\": ";
            append_json_string(out, read::to_string(in.encoding));
        }
        out += ", \"records\": " + std::to_string(in.records);
        if (in.recovered) out += ", \"recovered\": " + std::to_string(in.recovered);
        if (!in.complete_sources.empty()) {
            out += ", \"complete_log_of\": ";
            detail::append_string_array(out, in.complete_sources);
        }
        out += ", \"problems\": " + std::to_string(in.problems) + ", \"warnings\": ";
        detail::append_string_array(out, in.warnings);
        out += '}';
    }
    out += first ? "]" : "\n]";
    return out;
}

}  // namespace ruledx::write

#endif
