// ruledx — Event Viewer "Save As" text exports (tab- or comma-delimited, columns Date, Time, Source,
// Type, Category, Event, User, Computer, Description) and the CSV of later tools (PowerShell
// Export-Csv with its "#TYPE" line, Log Parser, eventquery). A header row, when present, decides the
// column mapping; without one the first row's shape decides between the Event Viewer order and the
// Resource Kit's dumpel order (below).
//
// Log Parser (`LogParser -i:EVT -o:CSV`): its EVT input format's fields are EventLog, RecordNumber,
// TimeGenerated, TimeWritten, EventID, EventType, EventTypeName, EventCategory, EventCategoryName,
// SourceName, Strings, ComputerName, SID, Message, Data (Log Parser 2.2 help, "EVT Input Format
// Fields"). Strings holds the insertion strings joined by '|'; they become event_record::strings.
// "<NULL>" stands for a missing value.
//
// dumpel (Windows NT/2000 Resource Kit, "Dump Event Log"): one line per event, fields separated by
// tabs or commas (-t / -c), in the order date, time, numeric type (1 error, 2 warning, 4
// information, 8 success audit, 16 failure audit), numeric category, event id, source, user,
// computer, then the insertion strings only (no message text). The order is the Resource Kit help's
// default -format; its exact wording was not available to us, so the first row is recognised by its
// shape (three numbers, then a name) and every field after the computer is one insertion string.
// Strings dumpel joins with blanks (no -t) stay one string.
//
// Quoted fields may hold doubled quotes, delimiters and line breaks. Values are views into the
// caller's text, except quoted fields with doubled quotes, which are unescaped into the reader's
// scratch storage (valid until the reader's next read()).
//
// Dates: the export uses the exporting user's short-date format. An all-numeric date is read as D/M
// or M/D only once some row of the same input proves the order (a part above 12), or when the caller
// sets `options.date_order`; until then an ambiguous date gives time_generated = -1. The time is the
// exporting machine's local wall-clock time, stored as if it were UTC (the export has no zone).
#ifndef RULEDX_READ_EVENT_VIEWER_EXPORT_HPP
#define RULEDX_READ_EVENT_VIEWER_EXPORT_HPP

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "ruledx/read/detail/bytes.hpp"
#include "ruledx/read/detail/text.hpp"
#include "ruledx/read/line_source.hpp"
#include "ruledx/read/record.hpp"

namespace ruledx::read {

namespace detail {

enum class column : std::uint8_t {
    none, date, time, date_time, written, source, type, category, category_number, event_id,
    instance_id, user, computer, description, record_number,
    strings,       // Log Parser's Strings: insertion strings joined by '|'
    strings_rest,  // dumpel: this field and every one after it is an insertion string
};

[[nodiscard]] constexpr column column_for(std::string_view name) noexcept {
    name = trim(name);
    struct entry {
        std::string_view name;
        column c;
    };
    constexpr entry table[] = {
        {"Date", column::date}, {"Time", column::time}, {"Date Time", column::date_time},
        {"TimeGenerated", column::date_time}, {"TimeCreated", column::date_time},
        {"TimeWritten", column::written}, {"Source", column::source}, {"SourceName", column::source},
        {"ProviderName", column::source}, {"Type", column::type}, {"EntryType", column::type},
        {"EventType", column::type}, {"EventTypeName", column::type}, {"Level", column::type},
        {"LevelDisplayName", column::type}, {"Category", column::category},
        {"EventCategoryName", column::category}, {"TaskDisplayName", column::category},
        {"CategoryNumber", column::category_number}, {"EventCategory", column::category_number},
        {"Event", column::event_id}, {"EventID", column::event_id}, {"Event ID", column::event_id},
        {"Id", column::event_id}, {"InstanceId", column::instance_id}, {"User", column::user},
        {"UserName", column::user}, {"SID", column::user}, {"Computer", column::computer},
        {"ComputerName", column::computer}, {"MachineName", column::computer},
        {"Description", column::description}, {"Message", column::description},
        {"Index", column::record_number}, {"RecordNumber", column::record_number},
        {"RecordId", column::record_number}, {"Strings", column::strings},
    };
    for (const auto& e : table)
        if (loose_equals(name, e.name)) return e.c;
    return column::none;
}

// The Event Viewer column order (docs/formats.md 2), used when there is no header row.
inline constexpr column default_columns[] = {column::date, column::time, column::source, column::type,
                                             column::category, column::event_id, column::user,
                                             column::computer, column::description};

// dumpel's order (see the top of this file).
inline constexpr column dumpel_columns[] = {column::date, column::time, column::type, column::category_number,
                                            column::event_id, column::source, column::user, column::computer,
                                            column::strings_rest};

[[nodiscard]] constexpr bool date_shaped(std::string_view s) noexcept {
    s = trim(s);
    int groups = 0;
    while (!s.empty()) {
        std::uint64_t n = 0;
        if (!parse_uint(s, 9999, n)) return false;
        ++groups;
        if (s.empty()) break;
        if (s[0] != '/' && s[0] != '.' && s[0] != '-') return false;
        s.remove_prefix(1);
    }
    return groups == 3;
}

// What a header-less row is, from its first cells (unquoted): an Event Viewer row (date, time,
// source, type name, category, event id, ...) or a dumpel row (date, time, type number, category
// number, event id, source, ...).
enum class row_shape : std::uint8_t { none, event_viewer, dumpel };
[[nodiscard]] constexpr row_shape shape_of_row(const std::string_view* cells, std::size_t n) noexcept {
    std::int64_t secs = 0;
    if (n < 8 || !date_shaped(cells[0]) || !parse_time(cells[1], secs)) return row_shape::none;
    std::uint64_t type = 0, category = 0, id = 0;
    if (parse_whole_uint(cells[5], max_u16, id)) {
        return parse_event_type(cells[3]) != event_type::unspecified ? row_shape::event_viewer : row_shape::none;
    }
    const bool numbers = parse_whole_uint(cells[2], max_u16, type) && parse_whole_uint(cells[3], max_u16, category) &&
                         parse_whole_uint(cells[4], max_u16, id);
    const bool known_type = type == 0 || type == 1 || type == 2 || type == 4 || type == 8 || type == 16;
    return numbers && known_type && !trim(cells[5]).empty() ? row_shape::dumpel : row_shape::none;
}

// Up to `max` cells of a line split at `delim`, a cell in quotes unquoted (no escapes: for shapes).
[[nodiscard]] constexpr std::size_t split_cells(std::string_view line, char delim, std::string_view* cells,
                                                std::size_t max) noexcept {
    std::size_t n = 0;
    for (std::string_view rest = line; n < max;) {
        const std::size_t cut = rest.find(delim);
        std::string_view cell = trim(rest.substr(0, cut));
        if (cell.size() >= 2 && cell.front() == '"' && cell.back() == '"') cell = cell.substr(1, cell.size() - 2);
        cells[n++] = cell;
        if (cut == std::string_view::npos) break;
        rest = rest.substr(cut + 1);
    }
    return n;
}

// How many of a line's first cells name known columns (a header row names at least four).
[[nodiscard]] constexpr int known_columns(const std::string_view* cells, std::size_t n) noexcept {
    int known = 0;
    for (std::size_t i = 0; i < n; ++i) known += column_for(cells[i]) != column::none;
    return known;
}

// One line's kind, for the readers that meet delimited rows inside other text.
enum class delimited_line : std::uint8_t { none, type_line, header, event_viewer_row, dumpel_row };
[[nodiscard]] constexpr delimited_line delimited_line_kind(std::string_view line) noexcept {
    if (istarts_with(line, "#TYPE ")) return delimited_line::type_line;
    const char delim = line.find('\t') != std::string_view::npos ? '\t' : ',';
    std::string_view cells[9];
    const std::size_t n = split_cells(line, delim, cells, 9);
    if (known_columns(cells, n) >= 4) return delimited_line::header;
    switch (shape_of_row(cells, n)) {
        case row_shape::event_viewer: return delimited_line::event_viewer_row;
        case row_shape::dumpel: return delimited_line::dumpel_row;
        case row_shape::none: break;
    }
    return delimited_line::none;
}

// An event id as exports print it, one to five digits and nothing else, read in a loop of its own
// (parse_whole_uint's trim and overflow checks cost more than the digits, and every row has one).
[[nodiscard]] inline bool short_number(std::string_view s, std::uint64_t& out) noexcept {
    if (s.empty() || s.size() > 5) return false;
    std::uint64_t v = 0;
    for (char c : s) {
        if (!is_digit(c)) return false;
        v = v * 10 + static_cast<std::uint64_t>(c - '0');
    }
    out = v;
    return true;
}

struct csv_field {
    std::string_view raw;    // as in the input, quotes included
    std::string_view value;  // unquoted (and unescaped)
};

}  // namespace detail

// Which part of an all-numeric date is the month (detail/text.hpp), for a caller that knows.
using detail::date_order;

struct event_viewer_export_options {
    std::size_t max_record_length = default_max_line_length;  // a quoted field may not run on longer
    detail::date_order date_order = detail::date_order::unknown;
    std::string_view file;  // the name put in read_error::file
};

// How much of a decoded text looks_like_event_viewer_export looks at.
inline constexpr std::size_t export_prefix_size = 4096;

// Cheap check on the start of `text` for format detection: a "#TYPE" line, a header row naming at
// least four known columns, or a first row shaped like Date, Time, Source, Type, Category, Event.
[[nodiscard]] inline bool looks_like_event_viewer_export(std::string_view text) noexcept {
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    text = text.substr(0, export_prefix_size);
    // The first line that is not blank, as it is (its blanks before the text included).
    std::size_t first = 0;
    while (first < text.size() && (detail::is_blank(text[first]) || text[first] == '\n')) ++first;
    if (first == text.size()) return false;
    const std::size_t start = first == 0 ? 0 : text.rfind('\n', first - 1) + 1;  // npos + 1 is 0
    std::string_view line = text.substr(start, text.find('\n', first) - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    // A dumpel listing is not taken for an export: it is read as text (pasted_text_reader reads its
    // rows), because dumpel can filter what it lists (-m, -e), so it does not show a whole log.
    const detail::delimited_line kind = detail::delimited_line_kind(line);
    return kind == detail::delimited_line::type_line || kind == detail::delimited_line::header ||
           kind == detail::delimited_line::event_viewer_row;
}

class event_viewer_export_reader {
public:
    event_viewer_export_reader() = default;
    explicit event_viewer_export_reader(event_viewer_export_options options) : options_(options) {}

    // Reads a whole export. on_event(const event_record&); on_error(const read_error&).
    template <class OnEvent, class OnError>
    void read(std::string_view text, OnEvent&& on_event, OnError&& on_error) {
        begin();
        (void)feed(text, true, on_event, on_error);
    }

    // Chunked reading: feed() consumes whole records and returns how many bytes it used; the caller
    // keeps the rest, appends more input and calls again (final = true for the last piece). Line
    // numbers and offsets continue across calls.
    void begin() {
        scratch_.clear();
        order_ = options_.date_order;
        first_ = true;
        delim_ = 0;
        map_size_ = 0;
        line_ = 1;
        offset_ = 0;
    }
    template <class OnEvent, class OnError>
    std::size_t feed(std::string_view text, bool final, OnEvent&& on_event, OnError&& on_error) {
        const std::string_view file = options_.file;
        std::size_t pos = 0;
        if (offset_ == 0 && text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
        while (pos < text.size()) {
            const std::size_t rec_start = pos, rec_line = line_;
            const location where{offset_ + rec_start, rec_line};
            // Before the first record the delimiter is unknown: '\n' then stands for none.
            row_scan row = scan_row(text, pos, delim_ ? delim_ : '\n');
            if (row.line_end == text.size() && !final) break;  // wait for the rest of the line
            const std::size_t line_end = row.line_end;
            const std::string_view first_line = detail::rtrim(text.substr(pos, line_end - pos));
            if (first_line.empty() || (first_ && first_line[0] == '#')) {  // blank, or PowerShell "#TYPE ..."
                pos = line_end + 1;
                ++line_;
                continue;
            }
            if (line_end - pos > options_.max_record_length) {
                on_error(read_error{file, where, problem::bad_length, "line longer than the limit; skipped"});
                pos = line_end + 1;
                ++line_;
                continue;
            }
            if (!delim_) {
                delim_ = first_line.find('\t') != std::string_view::npos ? '\t' : ',';
                row = scan_row(text, pos, delim_);
            }
            detail::csv_field* fields = fields_;  // a member: a local array would be zeroed per record
            std::size_t count = 0, end = 0, lines_used = 0;
            // Most rows quote nothing: their fields are where scan_row found the delimiters.
            const status st = row.quoted ? parse_record(text, pos, line_end, delim_, fields, count, end, lines_used)
                                         : split_line(text, pos, line_end, row.delimiters, fields, count, end, lines_used);
            if (st == status::unterminated && !final && text.size() - pos <= options_.max_record_length)
                break;  // the quote may close in the next piece
            if (st != status::ok) {
                on_error(read_error{file, where, st == status::too_long ? problem::bad_length : problem::truncated,
                                    st == status::too_long ? "quoted field longer than the limit; skipped its line"
                                                           : "quoted field not closed before the end of the input; skipped its line"});
                pos = line_end + 1;  // resynchronise on the next physical line
                ++line_;
                continue;
            }
            pos = end;
            line_ += lines_used;
            if (first_) {
                first_ = false;
                int known = 0;
                for (std::size_t i = 0; i < count; ++i) known += detail::column_for(fields[i].value) != detail::column::none;
                if (known >= 3) {
                    map_size_ = count;
                    for (std::size_t i = 0; i < count; ++i) map_[i] = detail::column_for(fields[i].value);
                    continue;
                }
                std::string_view cells[9];
                for (std::size_t i = 0; i < count && i < 9; ++i) cells[i] = fields[i].value;
                const bool dumpel = detail::shape_of_row(cells, count < 9 ? count : 9) == detail::row_shape::dumpel;
                map_size_ = 9;
                for (std::size_t i = 0; i < 9; ++i) map_[i] = dumpel ? detail::dumpel_columns[i] : detail::default_columns[i];
            }
            // Without a header, an unquoted description may hold the delimiter: it runs to the record's end.
            if (map_size_ == 9 && map_[8] == detail::column::description && count > 9 && !fields[8].raw.empty() &&
                fields[8].raw[0] != '"') {
                const std::size_t from = static_cast<std::size_t>(fields[8].raw.data() - text.data());
                const std::size_t to = (end > from && text[end - 1] == '\n') ? end - 1 : end;
                fields[8].value = detail::rtrim(text.substr(from, to > from ? to - from : 0));
                count = 9;
            }
            event_record r = blank_record_;  // copied: zeroing it in place is a slow `rep stos` at -O2
            r.where = where;
            if (build(r, fields, count)) on_event(static_cast<const event_record&>(r));
            else on_error(read_error{file, r.where, problem::bad_field, "row has no event number and source"});
        }
        if (pos > text.size()) pos = text.size();
        offset_ += pos;
        return pos;
    }

private:
    static constexpr std::size_t max_fields = 64;
    enum class status : std::uint8_t { ok, unterminated, too_long };

    // One record from `pos`; fields past max_fields are parsed and dropped. `line_end` is where the
    // first physical line ends (the caller has found it already).
    status parse_record(std::string_view text, std::size_t pos, std::size_t line_end, char delim,
                        detail::csv_field* fields, std::size_t& count, std::size_t& end, std::size_t& lines_used) {
        const std::size_t limit = options_.max_record_length;
        const std::size_t start = pos;
        lines_used = 1;
        count = 0;
        std::size_t eol = line_end;  // end of the current physical line, found once per line
        auto find_eol = [&] {
            const void* nl = std::memchr(text.data() + pos, '\n', text.size() - pos);
            eol = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - text.data()) : text.size();
        };
        for (;;) {
            detail::csv_field f;
            const std::size_t fstart = pos;
            while (pos < text.size() && (text[pos] == ' ')) ++pos;  // blanks before an opening quote
            if (pos < text.size() && text[pos] == '"') {
                const std::size_t open = pos++;
                bool doubled = false;
                for (;;) {
                    const void* q = std::memchr(text.data() + pos, '"', text.size() - pos);
                    if (!q) return status::unterminated;
                    const std::size_t at = static_cast<std::size_t>(static_cast<const char*>(q) - text.data());
                    if (at - start > limit) return status::too_long;
                    if (at + 1 < text.size() && text[at + 1] == '"') {
                        doubled = true;
                        pos = at + 2;
                        continue;
                    }
                    pos = at + 1;
                    break;
                }
                const std::string_view inner = text.substr(open + 1, pos - open - 2);
                if (pos > eol) {  // the quoted field ran over a line break
                    // eol is the first '\n' after the opening quote: count it and the ones after it.
                    const char* const stop = inner.data() + inner.size();
                    for (const char* p = text.data() + eol; p && p < stop;
                         p = static_cast<const char*>(std::memchr(p + 1, '\n', static_cast<std::size_t>(stop - p - 1))))
                        ++lines_used;
                    find_eol();
                }
                f.value = doubled ? unescape(inner) : inner;
                while (pos < text.size() && text[pos] != delim && text[pos] != '\n') ++pos;  // junk after the quote
                f.raw = text.substr(fstart, pos - fstart);
            } else {
                // memchr for the delimiter within the physical line: the hot loop of large exports.
                pos = fstart;
                if (pos > eol) find_eol();
                const char* base = text.data();
                const void* d = std::memchr(base + pos, delim, eol - pos);
                pos = d ? static_cast<std::size_t>(static_cast<const char*>(d) - base) : eol;
                f.raw = text.substr(fstart, pos - fstart);
                f.value = detail::trim(f.raw);
            }
            if (count < max_fields) fields[count++] = f;
            if (pos >= text.size() || text[pos] == '\n') {
                end = pos < text.size() ? pos + 1 : pos;
                return status::ok;
            }
            ++pos;  // the delimiter
        }
    }

    // Where a row's first physical line ends, whether it holds a quote before that, and where its
    // delimiters are (the first max_fields of them, in delimiter_at_) when it holds none: one pass,
    // sixteen bytes per compare, over bytes that memchr for the line end, memchr for a quote and a
    // split at the delimiters read three times before.
    struct row_scan {
        std::size_t line_end;  // of the first physical line: its '\n', or text.size()
        bool quoted;
        std::size_t delimiters;  // found before the line end (counted in full; the first max_fields kept)
    };
    row_scan scan_row(std::string_view text, std::size_t pos, char delim) noexcept {
        const char* const base = text.data();
        const std::size_t size = text.size();
        row_scan row{size, false, 0};
        const auto delimiter = [&](std::size_t at) {
            if (row.delimiters < max_fields) delimiter_at_[row.delimiters] = at;
            ++row.delimiters;
        };
        const auto stop = [&](std::size_t at) {  // at the line end or at a quote before it
            row.quoted = base[at] == '"';
            const void* nl = row.quoted ? std::memchr(base + at, '\n', size - at) : base + at;
            row.line_end = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - base) : size;
            return row;
        };
        const auto lanes = [](char c) {
            const auto v = static_cast<signed char>(c);
            return detail::signed_bytes16{v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v};
        };
        const detail::signed_bytes16 newline = lanes('\n'), quote = lanes('"'), separator = lanes(delim);
        constexpr std::uint64_t tops = 0x8080808080808080u;
        std::size_t i = pos;
        for (; i + 16 <= size; i += 16) {
            detail::signed_bytes16 v;
            std::memcpy(&v, base + i, 16);
            std::uint64_t stops[2], separators[2];
            detail::lanes_le64((v == newline) | (v == quote), stops);
            detail::lanes_le64(v == separator, separators);
            if (((stops[0] | stops[1]) & tops) == 0) {  // the line goes on: every delimiter counts
                for (std::uint64_t m = separators[0] & tops; m != 0; m &= m - 1) delimiter(i + detail::lowest_marked_byte(m));
                for (std::uint64_t m = separators[1] & tops; m != 0; m &= m - 1) delimiter(i + 8 + detail::lowest_marked_byte(m));
                continue;
            }
            for (std::size_t h = 0; h < 2; ++h) {
                const std::uint64_t end = stops[h] & tops;
                std::uint64_t m = separators[h] & tops;
                if (end != 0) m &= (end & (~end + 1)) - 1;  // only the delimiters before the stop
                for (; m != 0; m &= m - 1) delimiter(i + 8 * h + detail::lowest_marked_byte(m));
                if (end != 0) return stop(i + 8 * h + detail::lowest_marked_byte(end));
            }
        }
        for (; i < size; ++i) {
            if (base[i] == '\n' || base[i] == '"') return stop(i);
            if (base[i] == delim) delimiter(i);
        }
        return row;
    }

    // parse_record's result for a line from `pos` to `line_end` that holds no quote, whose
    // delimiters scan_row found.
    status split_line(std::string_view text, std::size_t pos, std::size_t line_end, std::size_t delimiters,
                      detail::csv_field* fields, std::size_t& count, std::size_t& end, std::size_t& lines_used) const noexcept {
        const char* const base = text.data();
        std::size_t start = pos;
        count = 0;
        const auto field_to = [&](std::size_t stop) {
            const std::string_view raw(base + start, stop - start);
            fields[count++] = detail::csv_field{raw, detail::trim(raw)};
            start = stop + 1;
        };
        const std::size_t kept = delimiters < max_fields ? delimiters : max_fields;
        for (std::size_t d = 0; d < kept; ++d) field_to(delimiter_at_[d]);
        if (count < max_fields) field_to(line_end);
        lines_used = 1;
        end = line_end < text.size() ? line_end + 1 : line_end;
        return status::ok;
    }

    // detail::parse_date, remembering the last date read: the rows of a log mostly share theirs. (A
    // date's reading depends only on its text and the order known when it is read.)
    bool parse_date(std::string_view date, std::int64_t& days) {
        remembered_date& last = last_date_;
        if (date.size() == last.size && last.order == order_ && detail::equal_bytes(date.data(), last.text, date.size())) {
            days = last.days;
            return last.valid;
        }
        const bool valid = detail::parse_date(date, order_, days);
        if (date.size() <= sizeof last.text) {
            std::memcpy(last.text, date.data(), date.size());
            last.size = date.size();
            last.order = order_;
            last.valid = valid;
            last.days = days;
        }
        return valid;
    }

    // detail::parse_event_type, remembering the last types read (a log has a few, rows mix them).
    event_type parse_type(std::string_view text) {
        if (text.empty()) return event_type::unspecified;
        for (const remembered_type& known : types_)
            if (text.size() == known.size && detail::equal_bytes(text.data(), known.text, text.size())) return known.type;
        const event_type type = detail::parse_event_type(text);
        remembered_type& slot = types_[next_type_slot_];
        if (text.size() <= sizeof slot.text) {
            std::memcpy(slot.text, text.data(), text.size());
            slot.size = text.size();
            slot.type = type;
            next_type_slot_ = (next_type_slot_ + 1) % (sizeof types_ / sizeof types_[0]);
        }
        return type;
    }

    std::string_view unescape(std::string_view inner) {
        scratch_.begin();
        for (std::size_t i = 0; i < inner.size(); ++i) {
            const std::size_t q = inner.find('"', i);
            if (q == std::string_view::npos) {
                scratch_.append(inner.substr(i));
                break;
            }
            scratch_.append(inner.substr(i, q + 1 - i));  // keeps one quote of the pair
            i = q + 1;
        }
        return scratch_.finish();
    }

    bool build(event_record& r, const detail::csv_field* fields, std::size_t count) {
        const detail::column* map = map_;
        const std::size_t map_size = map_size_;
        std::string_view date, time;
        bool has_id = false;
        for (std::size_t i = 0; i < count && i < map_size; ++i) {
            const std::string_view raw = fields[i].value;
            const std::string_view v = raw.size() == 6 && raw[0] == '<' && detail::iequals(raw, "<NULL>") ? std::string_view{} : raw;
            std::uint64_t n = 0;
            std::int64_t t = 0;
            switch (map[i]) {
                case detail::column::date: date = v; break;
                case detail::column::time: time = v; break;
                case detail::column::date_time:
                    if (detail::parse_date_time(v, order_, t)) r.time_generated = t;
                    break;
                case detail::column::written:
                    if (detail::parse_date_time(v, order_, t)) r.time_written = t;
                    break;
                case detail::column::source: r.source = detail::trim(v); break;
                case detail::column::type: r.type = parse_type(v); break;
                case detail::column::category: {
                    const std::string_view c = detail::trim(v);
                    std::string_view inner = c;
                    if (inner.size() > 2 && inner.front() == '(' && inner.back() == ')') inner = inner.substr(1, inner.size() - 2);
                    const bool none = detail::iequals(c, "none");
                    if (none || detail::parse_whole_uint(inner, detail::max_u16, n)) {
                        r.has_category_number = true;  // "None" is category 0; PowerShell writes "(n)"
                        r.category_number = static_cast<std::uint16_t>(none ? 0 : n);
                    } else {
                        r.category = c;
                    }
                    break;
                }
                case detail::column::category_number:
                    if (detail::parse_whole_uint(v, detail::max_u16, n)) {
                        r.has_category_number = true;
                        r.category_number = static_cast<std::uint16_t>(n);
                    }
                    break;
                case detail::column::event_id:
                    if (detail::short_number(v, n) || detail::parse_whole_uint(v, detail::max_u32, n)) {
                        r.event_id = static_cast<std::uint16_t>(n & 0xFFFF);
                        has_id = true;
                    }
                    break;
                case detail::column::instance_id:
                    if (detail::parse_whole_uint(v, detail::max_u32, n)) {
                        r.has_identifier = true;
                        r.identifier = static_cast<std::uint32_t>(n);
                        if (!has_id) r.event_id = static_cast<std::uint16_t>(n & 0xFFFF);
                        has_id = true;
                    }
                    break;
                case detail::column::user: {
                    const std::string_view user = detail::trim(v);
                    r.user = detail::iequals(user, "N/A") ? std::string_view{} : user;
                    break;
                }
                case detail::column::computer: r.computer = detail::trim(v); break;
                case detail::column::description: r.description = v; break;
                case detail::column::record_number:
                    if (detail::parse_whole_uint(v, detail::max_u32, n)) {
                        r.has_record_number = true;
                        r.record_number = static_cast<std::uint32_t>(n);
                    }
                    break;
                case detail::column::strings:
                    scratch_.begin();
                    r.string_count = detail::append_strings(scratch_, v, "|");
                    r.strings = scratch_.finish();
                    break;
                case detail::column::strings_rest: {
                    scratch_.begin();
                    std::uint16_t strings = 0;
                    for (std::size_t j = i; j < count; ++j, ++strings) {
                        scratch_.append(detail::trim(fields[j].value));
                        scratch_.append('\0');
                    }
                    // No string at all is one empty field after the computer, or none.
                    const bool none = count == i + 1 && detail::trim(fields[i].value).empty();
                    const std::string_view built = scratch_.finish();
                    r.string_count = none ? 0 : strings;
                    r.strings = none ? std::string_view{} : built;
                    i = count;
                    break;
                }
                case detail::column::none: break;
            }
        }
        if (r.type == event_type::unspecified && r.has_identifier) r.type = detail::type_from_severity(r.identifier);
        if (!date.empty()) {
            std::int64_t days = 0, secs = 0;
            if (parse_date(date, days) && detail::parse_time(time, secs)) r.time_generated = days * detail::seconds_per_day + secs;
        }
        return has_id && !r.source.empty();
    }

    event_viewer_export_options options_{};
    detail::date_order order_ = detail::date_order::unknown;
    struct remembered_date {
        char text[24] = {};
        std::size_t size = sizeof text + 1;  // none yet
        detail::date_order order = detail::date_order::unknown;  // the order after reading it
        bool valid = false;
        std::int64_t days = 0;
    };
    remembered_date last_date_;
    struct remembered_type {
        char text[24] = {};
        std::size_t size = sizeof text + 1;  // none yet
        event_type type = event_type::unspecified;
    };
    remembered_type types_[4];
    std::size_t next_type_slot_ = 0;
    bool first_ = true;
    char delim_ = 0;
    detail::column map_[max_fields] = {};
    std::size_t map_size_ = 0;
    std::size_t line_ = 1;
    std::uint64_t offset_ = 0;
    detail::scratch scratch_;
    detail::csv_field fields_[max_fields];  // the current record's fields, written before they are read
    std::size_t delimiter_at_[max_fields]{};  // scan_row's, written before they are read (zeroed once: GCC -O2 cannot tell)
    event_record blank_record_{};
};

}  // namespace ruledx::read

#endif
