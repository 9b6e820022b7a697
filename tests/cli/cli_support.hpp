// What the end-to-end tests of exchange-diagnose share: running the built binary without a shell
// (arguments are passed as they are, nothing to quote), files in the test's work folder, reading
// its output (lines, JSON), and a knowledge-base example rendered as the inputs a person gives the
// command.
#ifndef RULEDX_TESTS_CLI_SUPPORT_HPP
#define RULEDX_TESTS_CLI_SUPPORT_HPP

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "ruledx/kb/exchange.hpp"
#include "ruledx/model/event_type.hpp"
#include "ruledx/model/fact.hpp"
#include "ruledx/model/observation.hpp"
#include "ruledx/model/rule.hpp"
#include "ruledx/write/describe.hpp"
#include "support/files.hpp"
#include "support/json_value.hpp"
#include "support/child_process.hpp"
#include "support/process_result.hpp"
#ifdef _WIN32
#include <cstdio>
#endif

namespace cli_test {

namespace kb = ruledx::kb::exchange;
using ruledx::test::json_value;
using ruledx::test::process_result;
using ruledx::test::read_file;
using ruledx::test::write_file;

inline std::string program() { return RULEDX_EXCHANGE_DIAGNOSE; }
inline std::string source_dir() { return RULEDX_SOURCE_DIR; }
inline std::string work(const std::string& name) { return std::string(RULEDX_CLI_WORK) + "/" + name; }

// Runs exchange-diagnose in the source folder with these arguments and standard input.
inline process_result run_cli(const std::vector<std::string>& args, std::string_view input = {}) {
    std::vector<std::string> argv{program()};
    argv.insert(argv.end(), args.begin(), args.end());
    return ruledx::test::run_process(argv, source_dir(), input);
}

// The command line, for failure messages.
inline std::string command_line(const std::vector<std::string>& args) {
    std::string out = "exchange-diagnose";
    for (const std::string& a : args) out += " [" + a + "]";
    return out;
}

// Writes a file whose name may hold any character (UTF-8), like write_file: on Windows by its
// UTF-16 name, which write_file's std::fopen would read in the ANSI code page.
inline bool write_file_named(const std::string& path, std::string_view bytes) {
#ifdef _WIN32
    std::FILE* f = _wfopen(ruledx::test::widened(path).c_str(), L"wb");
    if (f == nullptr) return false;
    const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
    return std::fclose(f) == 0 && ok;
#else
    return write_file(path, bytes);
#endif
}

inline bool has(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }
inline bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

// Runs of white space as one space: the text report wraps lines at 80 columns.
inline std::string squeezed(std::string_view text) {
    std::string out;
    bool blank = false;
    for (char c : text) {
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (space) {
            blank = true;
            continue;
        }
        if (blank && !out.empty()) out += ' ';
        blank = false;
        out += c;
    }
    return out;
}

// The lines of a text, without their '\n' (a last line without one too).
inline std::vector<std::string> lines_of(std::string_view text) {
    std::vector<std::string> lines;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        lines.emplace_back(text.substr(0, end));
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    }
    return lines;
}

// The text as a JSON value, checked to be one valid JSON value (strictly: json_check's check).
inline json_value parsed(std::string_view text) {
    std::size_t error = json_value::no_error;
    json_value value = json_value::parse(text, &error);
    INFO("JSON error at offset " << error);
    CHECK(error == json_value::no_error);
    return value;
}

// A child's standard output as a JSON value; when it is none, the failure says how the child ended
// (under Wine a child now and then gives no output at all, and this tells a crash from a timeout).
inline json_value parsed(const process_result& run) {
    const std::string ended = std::string(run.started ? "" : "not started, ") + "exit status " +
                              std::to_string(run.status) + ", signal " + std::to_string(run.signal) +
                              (run.timed_out ? ", timed out" : ", not timed out") + ", stderr [" + run.err + "]";
    INFO("child " << ended);
    return parsed(run.out);
}

// What comes before the first '-' of a rule id: "ims", "mta", ...
inline std::string family_of(std::string_view rule_id) { return std::string(rule_id.substr(0, rule_id.find('-'))); }

// "--start-error SERVICE:CODE" for a start error.
inline void add_start_error(std::vector<std::string>& args, const ruledx::observed_start_error& s) {
    args.emplace_back("--start-error");
    args.push_back(s.code == ruledx::signal::any_code ? std::string(s.service)
                                                      : std::string(s.service) + ":" + std::to_string(s.code));
}

// "--crash PROGRAM[:0xCODE][:NAMES]" and "--dialog TEXT".
inline void add_crash(std::vector<std::string>& args, const ruledx::observed_crash& c) {
    args.emplace_back("--crash");
    std::string value(c.program);
    if (c.exception != 0) value += ":" + ruledx::write::hex_code(c.exception);
    if (!c.frames.empty()) value += ":" + std::string(c.frames);
    args.push_back(value);
}
inline void add_dialog(std::vector<std::string>& args, const ruledx::observed_dialog& d) {
    args.emplace_back("--dialog");
    args.emplace_back(d.text);
}

// "--fact NAME=VALUE" for a fact.
inline void add_fact(std::vector<std::string>& args, const ruledx::fact_assignment& f) {
    args.emplace_back("--fact");
    args.push_back(ruledx::write::describe(f));
}

// Events as a person pastes them from Event Viewer, in the KB label-block layout the pasted-text
// reader reads back whole (id, source, type, category and the description on its label line),
// one block per event, blocks apart.
inline std::string pasted_events(const std::vector<ruledx::observed_event>& events) {
    std::string out = "Copied from the event log of the server:\n\n";
    for (const ruledx::observed_event& e : events) {
        out += "Event ID: " + std::to_string(e.id) + "\n";
        if (!e.source.empty()) out += "Source: " + std::string(e.source) + "\n";
        if (e.type != ruledx::event_type::unspecified) out += "Type: " + std::string(ruledx::to_string(e.type)) + "\n";
        if (!e.category.empty()) out += "Category: " + std::string(e.category) + "\n";
        if (!e.description.empty()) out += "Description: " + std::string(e.description) + "\n";
        out += "\n";
    }
    return out;
}

inline std::vector<ruledx::observed_event> events_of(const ruledx::example& ex) {
    return std::vector<ruledx::observed_event>(ex.events.begin(), ex.events.end());
}

// --start-error and --fact arguments for an example's start errors and facts.
inline std::vector<std::string> given_arguments(const ruledx::example& ex) {
    std::vector<std::string> args;
    for (const ruledx::observed_start_error& s : ex.start_errors) add_start_error(args, s);
    for (const ruledx::observed_crash& c : ex.crashes) add_crash(args, c);
    for (const ruledx::observed_dialog& d : ex.dialogs) add_dialog(args, d);
    for (const ruledx::fact_assignment& f : ex.facts) add_fact(args, f);
    return args;
}

// The rule's index in the table, or the table's size.
inline std::size_t rule_index(std::string_view id) {
    for (std::size_t i = 0; i < kb::table.rule_count; ++i)
        if (kb::table.rules[i].id == id) return i;
    return kb::table.rule_count;
}

}  // namespace cli_test

#endif
