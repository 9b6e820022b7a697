// What the layout tests share: scanning a text the way exchange-diagnose does (text_scanner, both
// readers, SCM events as start errors), keeping copies of what was read, and building inputs from the
// knowledge bases' literal texts.
#ifndef RULEDX_TESTS_READ_LAYOUT_SUPPORT_HPP
#define RULEDX_TESTS_READ_LAYOUT_SUPPORT_HPP

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "ruledx/kb/exchange_service_names.hpp"
#include "ruledx/read/record.hpp"
#include "ruledx/read/text_scan.hpp"

namespace layout_test {

// An event as read, with its views copied (the scanner's storage goes away with it).
struct event {
    std::size_t line = 0;
    std::uint16_t id = 0;
    bool has_identifier = false;
    std::uint32_t identifier = 0;
    ruledx::event_type type = ruledx::event_type::unspecified;
    bool has_category_number = false;
    std::uint16_t category_number = 0;
    std::string category, source, computer, user, description;
    std::vector<std::string> strings;
    bool has_record_number = false;
    std::uint32_t record_number = 0;
    std::int64_t time_generated = -1;
    std::int64_t time_written = -1;
};

struct start_error {
    std::size_t line = 0;
    std::string service, display_name;
    std::uint32_t code = 0;
};

struct scanned {
    std::vector<event> events;
    std::vector<start_error> starts;
    std::size_t errors = 0;
};

inline event copy_of(const ruledx::read::event_record& e) {
    event c;
    c.line = e.where.line;
    c.id = e.event_id;
    c.has_identifier = e.has_identifier;
    c.identifier = e.identifier;
    c.type = e.type;
    c.has_category_number = e.has_category_number;
    c.category_number = e.category_number;
    c.category = std::string(e.category);
    c.source = std::string(e.source);
    c.computer = std::string(e.computer);
    c.user = std::string(e.user);
    c.description = std::string(e.description);
    // Each insertion string is followed by '\0' (record.hpp); string_count says how many.
    std::string_view rest = e.strings;
    for (std::size_t i = 0; i < e.string_count && !rest.empty(); ++i) {
        const std::size_t z = rest.find('\0');
        c.strings.emplace_back(rest.substr(0, z));
        rest = z == std::string_view::npos ? std::string_view{} : rest.substr(z + 1);
    }
    c.has_record_number = e.has_record_number;
    c.record_number = e.record_number;
    c.time_generated = e.time_generated;
    c.time_written = e.time_written;
    return c;
}

// Scans `text` as one buffer (scan) or, with `chunk` > 0, through a file read in chunks of that size
// (scan_file): both must read the same.
inline scanned scan(std::string_view text, std::size_t chunk = 0) {
    scanned out;
    auto on_event = [&](const ruledx::read::event_record& e) { out.events.push_back(copy_of(e)); };
    auto on_start = [&](const ruledx::read::start_error_record& s) {
        out.starts.push_back(start_error{s.where.line, std::string(s.service), std::string(s.display_name), s.code});
    };
    auto on_error = [&](const ruledx::read::read_error&) { ++out.errors; };
    ruledx::read::text_scan_options o;
    o.services = ruledx::kb::exchange_service_names;  // as exchange-diagnose names them
    if (chunk == 0) {
        ruledx::read::text_scanner scanner(o);
        scanner.scan(text, on_event, on_start, on_error);
        return out;
    }
    std::FILE* f = std::tmpfile();
    if (f == nullptr) return out;
    std::fwrite(text.data(), 1, text.size(), f);
    std::rewind(f);
    o.chunk_size = chunk;
    ruledx::read::text_scanner scanner(o);
    (void)scanner.scan_file(f, on_event, on_start, on_error);
    std::fclose(f);
    return out;
}

// The events of one id, in order.
inline std::vector<event> with_id(const scanned& s, std::uint16_t id) {
    std::vector<event> out;
    for (const event& e : s.events)
        if (e.id == id) out.push_back(e);
    return out;
}

// The start errors of one code whose service is `service` (empty: any).
inline std::size_t count_starts(const scanned& s, std::uint32_t code, std::string_view service = {}) {
    std::size_t n = 0;
    for (const start_error& e : s.starts) n += e.code == code && (service.empty() || e.service == service);
    return n;
}

// `text` broken at blanks into lines of at most `width` characters, the first after `first`, the
// others after `indent` (how PowerShell's Format-List and 80-column text wrap a message).
inline std::string wrapped(std::string_view text, std::size_t width, std::string_view first, std::string_view indent) {
    std::string out(first), line;
    bool first_line = true;
    while (!text.empty()) {
        std::size_t cut = text.find(' ');
        const std::string_view word = text.substr(0, cut);
        const std::size_t prefix = first_line ? first.size() : indent.size();
        if (!line.empty() && prefix + line.size() + 1 + word.size() > width) {
            out += line + "\n";
            out += indent;
            line.clear();
            first_line = false;
        }
        if (!line.empty()) line += ' ';
        line += word;
        text.remove_prefix(cut == std::string_view::npos ? text.size() : cut + 1);
    }
    return out + line + "\n";
}

// The Service Control Manager's 7000 message ("The %1 service failed to start due to the following
// error: %2", docs/formats.md 4) for the IMS and error 2140, whose system message is "An internal Windows
// NT error occurred." (docs/formats.md 4).
inline constexpr std::string_view ims_display_name = "Microsoft Exchange Internet Mail Service";
inline constexpr std::string_view error_2140_text = "An internal Windows NT error occurred.";
inline std::string scm_7000_2140() {
    return "The " + std::string(ims_display_name) + " service failed to start due to the following error: " +
           std::string(error_2140_text);
}

}  // namespace layout_test

#endif
