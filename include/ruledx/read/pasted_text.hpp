// ruledx — events as support engineers receive them: pasted into a ticket, a mail or a forum post,
// in any of the layouts below, several events per text, mixed with prose, signatures and quoting.
//
// Label blocks (one "Label: value" per line, or several per line):
//   - KB style: "Event ID: 4143" / "Source:" / "Type:" / "Category:" / "Description:", one-line forms
//     ("ID: 4087, Source: MSExchangeIMC, Type: Error"), "4007: MSExchangeIMC" (docs/formats.md 3.1).
//   - The NT 4.0 Event Detail dialog retyped, two columns ("Date: 4/13/95   Event ID: 2001", Q131008),
//     and Event Viewer's "copy to clipboard" of Windows 2000/XP/2003 ("Event Type:", "Event Source:",
//     "Event Category:", "Event ID:", "Date:", "Time:", "User:", "Computer:", "Description:", tabs or
//     blanks; Q310339). XP and 2003 add "For more information, see Help and Support Center at
//     http://go.microsoft.com/fwlink/events.asp." after the message: never part of the description.
//   - `wevtutil qe LOG /f:text` (also with /lf:true on a saved log): "Event[n]:" opens each event,
//     then "Log Name:", "Source:", "Date:" (ISO 8601), "Event ID:", "Task:", "Level:", "Opcode:",
//     "Keyword:", "User:", "User Name:", "Computer:", "Description:" with the message on that line or
//     the next (wevtutil's reference on learn.microsoft.com; docs/formats.md 3.3).
//   - Sysinternals `psloglist`: "[1207] Service Control Manager" (record number, source), then
//     "Type:", "Computer:", "Time: <date time>   ID: <id>", "User:", then the message lines
//     (PsLogList's page, sysinternals.com: "visually-friendly formatting of Event Log records").
//   - PowerShell Format-List: Get-EventLog's list view (Index, EntryType, InstanceID, Message,
//     Category, CategoryNumber, ReplacementStrings, Source, TimeGenerated, TimeWritten, UserName, from
//     DotNetTypes.format.ps1xml; `Select-Object *` adds EventID, MachineName, Data, Site, Container),
//     and Get-WinEvent's (TimeCreated, ProviderName, Id, Message; `Format-List *` adds Level,
//     LevelDisplayName, Task, Qualifiers, RecordId, ...). Values wrap onto lines indented to the value
//     column. InstanceId is the 32-bit identifier: the id shown is its low 16 bits, the type its
//     severity bits when EntryType is missing (Get-EventLog's reference, learn.microsoft.com, examples
//     2 and 8). ReplacementStrings "{a, b}" become the insertion strings (PowerShell shows at most four
//     of them, then "...": a longer list is cut).
// Tables: PowerShell's table views of Get-EventLog and Get-WinEvent (read/powershell_table.hpp).
// Delimited rows: Event Viewer "Save As" rows, with or without their header, Log Parser CSV and
// dumpel listings, found inside text and read by event_viewer_export_reader (its header says how).
//
// Mail and forum text: quote markers (">", "> >", ">>", "|") are dropped before a line is read
// (detail::trim_line), and a line holding HTML tags or entities is read as the text it shows
// (detail::html_text): tags that end a line or a cell split it, entities are decoded.
//
// The rule that keeps prose out: a block is an event only when an event-id label opens a line (after
// indentation and an optional "-"/"*" bullet) and the block also has a Source, Type, Category or
// Description. A label without ':' or '=' ("Event ID 4072") must be followed by nothing or by
// another key on the line, so "Event ID 4072 may also be logged." is prose.
//
// Lifetime: values are views into the caller's text, except multi-line descriptions (lines trimmed,
// joined by one space, because KB text wraps messages at 80 columns), insertion strings, HTML lines
// and rows read by the delimited-row reader, which are copied into the reader's scratch storage;
// those stay valid until the reader's next begin()/read().
#ifndef RULEDX_READ_PASTED_TEXT_HPP
#define RULEDX_READ_PASTED_TEXT_HPP

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ruledx/read/detail/text.hpp"
#include "ruledx/read/event_viewer_export.hpp"
#include "ruledx/read/line_source.hpp"
#include "ruledx/read/powershell_table.hpp"
#include "ruledx/read/record.hpp"

namespace ruledx::read {

namespace detail {

enum class key : std::uint8_t {
    none, id, source, type, category, description, date, time, user, computer, data,
    record,           // "Event[3]:" (wevtutil) or "[1207] Source" (psloglist): a new event begins
    record_number,    // Index, RecordId, RecordNumber
    instance_id,      // the 32-bit InstanceId (Get-EventLog)
    level,            // Level: wevtutil's names, Get-WinEvent's numbers
    task,             // Task: wevtutil's category name, Get-WinEvent's category number
    category_number,  // CategoryNumber, EventCategory
    date_time,        // TimeGenerated, TimeCreated: a date and a time in one value
    time_written,     // TimeWritten
    user_name,        // "User Name" (wevtutil, beside "User", the SID), UserName (Get-EventLog)
    strings,          // ReplacementStrings: {a, b}
    qualifiers,       // Qualifiers (Get-WinEvent): the identifier's upper 16 bits
    ignored,          // labels of these layouts that say nothing a rule uses (Opcode, Keyword, ...)
};

// The one-word labels, by their letters in any case; "Event ..." two-word labels, "Log Name", "User
// Name" and "Data (Words)" are taken by take_label() itself.
struct label_word {
    std::string_view name;
    key k;
};
inline constexpr label_word label_words[] = {
    {"id", key::id}, {"eventid", key::id}, {"source", key::source}, {"sourcename", key::source},
    {"providername", key::source}, {"type", key::type}, {"entrytype", key::type}, {"eventtype", key::type},
    {"eventtypename", key::type}, {"leveldisplayname", key::type}, {"category", key::category},
    {"cat", key::category}, {"eventcategoryname", key::category}, {"taskdisplayname", key::category},
    {"description", key::description}, {"desc", key::description}, {"message", key::description},
    {"date", key::date}, {"time", key::time}, {"timegenerated", key::date_time}, {"timecreated", key::date_time},
    {"timewritten", key::time_written}, {"user", key::user}, {"userid", key::user}, {"username", key::user_name},
    {"computer", key::computer}, {"computername", key::computer}, {"machinename", key::computer},
    {"data", key::data}, {"index", key::record_number}, {"recordid", key::record_number},
    {"recordnumber", key::record_number}, {"instanceid", key::instance_id}, {"level", key::level},
    {"task", key::task}, {"categorynumber", key::category_number}, {"eventcategory", key::category_number},
    {"replacementstrings", key::strings}, {"qualifiers", key::qualifiers},
    {"logname", key::ignored}, {"eventlog", key::ignored}, {"opcode", key::ignored},
    {"opcodedisplayname", key::ignored}, {"keyword", key::ignored}, {"keywords", key::ignored},
    {"keywordsdisplaynames", key::ignored}, {"version", key::ignored}, {"providerid", key::ignored},
    {"processid", key::ignored}, {"threadid", key::ignored}, {"activityid", key::ignored},
    {"relatedactivityid", key::ignored}, {"containerlog", key::ignored}, {"matchedqueryids", key::ignored},
    {"bookmark", key::ignored}, {"properties", key::ignored}, {"site", key::ignored}, {"container", key::ignored},
    {"log", key::none},  // "Log Name": only with its second word
};

// The words above in an open-addressing table keyed by first_word (the first 8 letters packed, the
// length counted up to 16): one multiply and, mostly, one compare find a line's first word.
struct label_index {
    static constexpr std::size_t slots = 256;
    std::uint64_t packed[slots] = {};
    std::uint8_t size[slots] = {};
    std::uint8_t entry[slots] = {};  // 1 + the index in label_words; 0 for an empty slot
};
[[nodiscard]] constexpr std::size_t label_slot(std::uint64_t packed, std::size_t size) noexcept {
    return static_cast<std::size_t>(((packed + size) * 0x9E3779B97F4A7C15u) >> 56);
}
[[nodiscard]] constexpr label_index make_label_index() noexcept {
    label_index ix{};
    for (std::size_t i = 0; i < sizeof label_words / sizeof label_words[0]; ++i) {
        const std::string_view name = label_words[i].name;
        const std::uint64_t p = pack_word(name);
        const std::size_t n = name.size() < 16 ? name.size() : 16;
        std::size_t s = label_slot(p, n);
        while (ix.entry[s] != 0) s = (s + 1) % label_index::slots;
        ix.packed[s] = p;
        ix.size[s] = static_cast<std::uint8_t>(n);
        ix.entry[s] = static_cast<std::uint8_t>(i + 1);
    }
    return ix;
}
inline constexpr label_index labels = make_label_index();
static_assert(sizeof label_words / sizeof label_words[0] < label_index::slots / 2, "ruledx: label table too full");

// The label_words entry for a first word (packed, size), or nullptr. `word` (the whole letter run)
// confirms a word longer than 8 letters (up to 8, the packed letters and the length are the word);
// without `word` any entry with that packed prefix and length is returned.
[[nodiscard]] constexpr const label_word* find_label(std::uint64_t packed, std::size_t size,
                                                     std::string_view word = {}) noexcept {
    for (std::size_t s = label_slot(packed, size); labels.entry[s] != 0; s = (s + 1) % label_index::slots) {
        if (labels.packed[s] != packed || labels.size[s] != size) continue;
        const label_word& e = label_words[labels.entry[s] - 1];
        if (word.empty() || (word.size() <= 8 && e.name.size() == word.size()) || iequals(word, e.name)) return &e;
    }
    return nullptr;
}

// Reads a label ("Event ID", "EventID", "Event Source", "Type", "Data (Words)", "User Name", ...) and
// its separator. `strong` is true when ':' or '=' follows; a weak label needs a blank before its
// value. For "Event[3]:" and "Event[3]" it returns key::record with `s` left at the number.
// `fw` is word_at_start(s), when the caller has it.
[[nodiscard]] inline key take_label(std::string_view& s, bool& strong, first_word fw) noexcept {
    std::size_t n = fw.size;  // the letters, packed, counted up to 16
    while (n >= 16 && n < s.size() && is_alpha(s[n])) ++n;
    if (n == 0 || (n < s.size() && is_digit(s[n]))) return key::none;  // "ID4087"
    const std::string_view w(s.data(), n);
    std::string_view r(s.data() + n, s.size() - n);
    const label_word* found = find_label(fw.packed, fw.size, w);
    key k = found ? found->k : key::none;
    if (k == key::none) {
        if (iequals(w, "event")) {
            if (!r.empty() && r[0] == '[') {  // wevtutil's "Event[0]:"
                std::string_view d = r.substr(1);
                std::uint64_t number = 0;
                if (!parse_uint(d, max_u32, number) || d.empty() || d[0] != ']') return key::none;
                d = ltrim(d.substr(1));
                if (!d.empty() && d[0] == ':') d = ltrim(d.substr(1));
                if (!d.empty()) return key::none;
                strong = true;
                s = {};
                return key::record;
            }
            std::string_view t = ltrim(r);
            if (take_word(t, "id")) k = key::id, r = t;
            else if (take_word(t, "source")) k = key::source, r = t;
            else if (take_word(t, "type")) k = key::type, r = t;
            else if (take_word(t, "category")) k = key::category, r = t;
            else k = key::id;  // bare "Event: 4087" / "Event 2241:"
        } else if (iequals(w, "log")) {  // wevtutil's "Log Name:"
            std::string_view t = ltrim(r);
            if (!take_word(t, "name")) return key::none;
            k = key::ignored;
            r = t;
        } else {
            return key::none;
        }
    } else if (k == key::user) {  // wevtutil's "User Name:" beside "User:"
        std::string_view t = ltrim(r);
        if (take_word(t, "name")) k = key::user_name, r = t;
    } else if (k == key::data) {
        std::string_view t = ltrim(r);
        if (!t.empty() && t[0] == '(') {  // "Data (Words)"
            const std::size_t close = t.find(')');
            if (close == std::string_view::npos || close > 8) return key::none;
            r = t.substr(close + 1);
        }
    }
    const std::size_t before = r.size();
    r = ltrim(r);
    const bool blank = r.size() != before;
    strong = !r.empty() && (r[0] == ':' || r[0] == '=');
    if (strong) {
        r.remove_prefix(1);
        r = ltrim(r);
    } else if (!blank && !r.empty()) {
        return key::none;
    } else if (k != key::id && k != key::source && k != key::data) {
        return key::none;  // "Type Error" without a colon is too likely to be prose
    }
    s = r;
    return k;
}
[[nodiscard]] inline key take_label(std::string_view& s, bool& strong) noexcept {
    return take_label(s, strong, word_at_start(s));
}

struct field {
    key k = key::none;
    std::string_view value;
};

struct key_line {
    field f[10];
    std::size_t n = 0;
    bool weak_first = false;       // the first label had no ':' or '='
    bool number_source = false;    // "4007: MSExchangeIMC": counts only with a description below
    std::string_view inline_text;  // text after "Event ID=4003" or "Event 2241:" on the same line
};

// A value ends where a separator (",", ";", " - ", or blanks) is followed by a strong label
// ("Event ID: 9266 Source: MSExchangeMTA Description: A fatal ...").
[[nodiscard]] inline std::size_t value_end(std::string_view s, std::size_t& next) noexcept {
    // A strong label ends in ':' or '=' (or is wevtutil's "Event[n]"): without one of those on the rest
    // of the line (most values), none follows.
    std::size_t last_mark = holds_any(s, ':', '=', ']') ? s.size() : 0;
    while (last_mark > 0 && s[last_mark - 1] != ':' && s[last_mark - 1] != '=' && s[last_mark - 1] != ']') --last_mark;
    for (std::size_t i = 0; i + 1 < last_mark; ++i) {
        const char c = s[i];
        const bool sep = c == ',' || c == ';' || is_blank(c) ||
                         (c == '-' && i > 0 && s[i - 1] == ' ' && i + 1 < s.size() && s[i + 1] == ' ');
        if (!sep) continue;
        std::size_t j = i + 1;
        while (j < s.size() && is_blank(s[j])) ++j;
        if (j == s.size() || !is_alpha(s[j])) continue;  // every label starts with a letter
        std::string_view rest = s.substr(j);
        bool strong = false;
        if (take_label(rest, strong) != key::none && strong) {
            next = j;
            return i;
        }
    }
    next = s.size();
    return s.size();
}

[[nodiscard]] constexpr bool is_hex(char c) noexcept {
    return is_digit(c) || (ascii_lower(c) >= 'a' && ascii_lower(c) <= 'f');
}

// "4007: MSExchangeIMC": a number and a lone source-like token, nothing else. The number may not start
// with 0 and the token may not be hex, which keeps Data dumps ("0000: c000005e") out.
[[nodiscard]] constexpr bool parse_number_source(std::string_view t, key_line& out) noexcept {
    std::string_view s = t;
    std::uint64_t n = 0;
    if (s.empty() || s[0] == '0') return false;
    const std::string_view num = s;
    if (!parse_uint(s, max_u16, n) || s.empty() || s[0] != ':') return false;
    const std::string_view id = num.substr(0, num.size() - s.size());
    s = trim(s.substr(1));
    if (s.size() < 2 || s.size() > 64 || !is_alpha(s[0]) || s.back() == '.') return false;
    bool all_hex = true;
    for (char c : s) {
        if (!(is_alnum(c) || c == '_' || c == '.' || c == '-')) return false;
        all_hex = all_hex && is_hex(c);
    }
    if (all_hex) return false;
    bool source_like = false;  // "MSExchangeIMC", "ESE97", "IMC"; not "Russian" in a code-page list
    for (std::size_t i = 1; i < s.size(); ++i) source_like = source_like || (s[i] >= 'A' && s[i] <= 'Z') || is_digit(s[i]);
    if (!source_like) return false;
    out.number_source = true;
    out.f[0] = {key::id, id};
    out.f[1] = {key::source, s};
    out.n = 2;
    return true;
}

// psloglist's record line "[1207] Service Control Manager": a record number in brackets, a blank,
// then the source (a name that starts with a letter).
[[nodiscard]] constexpr bool parse_bracket_record(std::string_view t, key_line& out) noexcept {
    if (t.size() < 4 || t[0] != '[') return false;
    std::string_view s = t.substr(1);
    const std::string_view digits = s;
    std::uint64_t n = 0;
    if (!parse_uint(s, max_u32, n) || s.size() < 3 || s[0] != ']' || !is_blank(s[1])) return false;
    const std::string_view source = trim(s.substr(1));
    if (source.empty() || source.size() > 256 || !is_alpha(source[0])) return false;
    out.n = 0;
    out.weak_first = false;
    out.number_source = false;
    out.inline_text = {};
    out.f[out.n++] = {key::record, digits.substr(0, digits.size() - s.size())};
    out.f[out.n++] = {key::source, source};
    return true;
}

// False only when parse_key_line() must return false: the line starts with neither a digit nor a word
// take_label() accepts. Labels are whole words ("Type:" but not "Types") except "Event...", so the
// first word decides. Most prose lines stop here.
[[nodiscard]] inline bool may_be_key_line(std::string_view t, first_word w) noexcept {
    if (t.empty()) return false;
    if (is_digit(t[0])) {  // parse_number_source(): "4007:", no leading 0, at most 5 digits (<= 0xFFFF)
        std::size_t i = 1;
        while (i < t.size() && i < 6 && is_digit(t[i])) ++i;
        return t[0] != '0' && i < t.size() && t[i] == ':';
    }
    constexpr std::uint64_t event = pack_word("event");
    if ((w.packed & 0xFFFFFFFFFFu) == event) return true;  // "Event", "EventID", "Events", "Event[0]"
    return w.size != 0 && find_label(w.packed, w.size) != nullptr;
}

// Splits a line into labelled fields; false when the line is not a key line.
// `w` is word_at_start(t).
[[nodiscard]] inline bool parse_key_line(std::string_view t, first_word w, key_line& out) noexcept {
    out.n = 0;  // not `out = key_line{}`: this runs for every line, and the fields are written before use
    out.weak_first = false;
    out.number_source = false;
    out.inline_text = {};
    if (t.empty()) return false;
    if (is_digit(t[0])) return parse_number_source(t, out);
    if (!is_alpha(t[0])) return false;
    std::string_view s = t;
    for (bool first = true; out.n < 10; first = false) {
        bool strong = false;
        const key k = first ? take_label(s, strong, w) : take_label(s, strong);
        if (k == key::none) return out.n > 0;
        if (first) out.weak_first = !strong;
        if (k == key::record) {  // "Event[0]:" stands alone
            if (!first) return false;
            out.f[out.n++] = {key::record, {}};
            return true;
        }
        if (k == key::id) {
            const std::string_view num = s;
            std::uint64_t n = 0;
            if (!parse_uint(s, max_u16, n)) return false;
            out.f[out.n++] = {key::id, num.substr(0, num.size() - s.size())};
            if (!s.empty() && is_alnum(s[0])) return false;  // "4087abc"
            std::string_view r = ltrim(s);
            if (r.empty() || r == "." || r == ",") return true;
            if (r[0] == ':') {  // "Event 2241: Directory operation ..."
                out.inline_text = trim(r.substr(1));
                return out.inline_text.empty() || (out.inline_text[0] >= 'A' && out.inline_text[0] <= 'Z');
            }
            std::string_view after = r;
            if (r[0] == ',' || r[0] == ';' || r[0] == '-') after = ltrim(r.substr(1));
            if (after.empty() || after == ".") return true;
            std::string_view probe = after;
            bool probe_strong = false;
            const key pk = take_label(probe, probe_strong);
            if (pk != key::none && (probe_strong || pk == key::source)) {
                s = after;
                continue;
            }
            if (!strong) return false;  // "Event ID 4072 may also be logged."
            // "Event ID=4003 The following error ...": messages start with a capital letter; prose
            // like "Event ID=4092 error, 4018, and 4086 in the Event Viewer." does not.
            const std::string_view text = trim(r[0] == '-' ? after : r);
            if (text.empty() || !(text[0] >= 'A' && text[0] <= 'Z')) return false;
            out.inline_text = text;
            return true;
        }
        if (k == key::description || k == key::strings || k == key::ignored) {  // the rest of the line
            out.f[out.n++] = {k, trim(s)};
            return true;
        }
        std::size_t next = 0;
        const std::size_t end = value_end(s, next);
        std::string_view v = trim(s.substr(0, end));
        while (!v.empty() && (v.back() == ',' || v.back() == ';')) v = rtrim(v.substr(0, v.size() - 1));
        out.f[out.n++] = {k, v};
        if (next >= s.size()) return true;
        s = s.substr(next);
    }
    return true;
}

// Values as KB text writes them: "MSExchangeMTA." and "Initialization/termination." lose the period.
[[nodiscard]] constexpr std::string_view strip_period(std::string_view v) noexcept {
    v = trim(v);
    if (!v.empty() && v.back() == '.') v = rtrim(v.substr(0, v.size() - 1));
    return v;
}

// Values that mean "none": Event Viewer's "None", KB text's "<none>", wevtutil's "N/A".
[[nodiscard]] constexpr bool is_none_value(std::string_view v) noexcept {
    return iequals(v, "none") || iequals(v, "<none>") || iequals(v, "(none)") || iequals(v, "N/A");
}

// A category shown as its number: PowerShell's "(0)" when the source names no categories.
[[nodiscard]] constexpr bool parenthesised_number(std::string_view v, std::uint64_t& n) noexcept {
    return v.size() > 2 && v.front() == '(' && v.back() == ')' && parse_whole_uint(v.substr(1, v.size() - 2), max_u16, n);
}

// Lines that start a KB section ("CAUSE", "RESOLUTION") or underline one are never descriptions.
[[nodiscard]] constexpr bool looks_like_heading(std::string_view t) noexcept {
    for (char c : t) {
        if (c >= 'a' && c <= 'z') return false;
        if (!(is_alpha(c) || c == ' ' || c == '=' || c == '-' || c == ':' || c == '_' || is_digit(c))) return false;
    }
    return true;
}

[[nodiscard]] constexpr bool is_hex_dump_line(std::string_view t) noexcept {
    std::size_t i = 0;
    while (i < t.size() && is_hex(t[i])) ++i;
    return i >= 4 && i <= 8 && i < t.size() && t[i] == ':';
}

// Windows XP's and Server 2003's line after a copied event's message (docs/formats.md 3.2).
[[nodiscard]] constexpr bool is_help_center_line(std::string_view t) noexcept {
    return !t.empty() && (t[0] == 'F' || t[0] == 'f') && istarts_with(t, "For more information, see Help and Support Center");
}

// Whether a line may start a run of delimited rows (an export's header or rows, a dumpel listing):
// the cheap test before delimited_line_kind(). A row starts with its date and its delimiter within
// 11 characters; a header with a column name followed by its delimiter.
[[nodiscard]] inline bool may_start_rows(std::string_view t, first_word w) noexcept {
    if (w.size != 0) {  // a header: "EventLog,RecordNumber,..." (most prose fails the delimiter test)
        if (w.size >= t.size() || (t[w.size] != ',' && t[w.size] != '\t')) return false;
    } else if (is_digit(t[0])) {  // a row: "9/13/2000,..."
        const std::size_t n = t.size() < 11 ? t.size() : 11;
        return std::memchr(t.data(), '\t', n) != nullptr || std::memchr(t.data(), ',', n) != nullptr;
    } else if (t[0] == '"') {  // a quoted header: "\"EventID\",\"MachineName\",..."
        w = word_at_start(t.substr(1));
        if (w.size == 0 || w.size + 2 >= t.size() || t[w.size + 1] != '"') return false;
        if (t[w.size + 2] != ',' && t[w.size + 2] != '\t') return false;
        t.remove_prefix(1);
    } else {
        return t[0] == '#' && istarts_with(t, "#TYPE ");
    }
    if (w.size >= 16) return false;
    const std::string_view first = t.substr(0, w.size);
    return column_for(first) != column::none || iequals(first, "EventLog");  // Log Parser's first field
}

}  // namespace detail

struct pasted_text_options {
    std::size_t max_line_length = default_max_line_length;  // longer lines are reported and skipped
    std::string_view file;                                   // the name put in read_error::file
    view<std::string_view> sources;  // full source names a table column cut with "..." may stand for (the rules')
};

class pasted_text_reader {
public:
    pasted_text_reader() = default;
    explicit pasted_text_reader(pasted_text_options options)
        : options_(options),
          rows_reader_(event_viewer_export_options{options.max_line_length, detail::date_order::unknown, options.file}) {}

    // Reads a whole text. on_event(const event_record&); on_error(const read_error&).
    template <class OnEvent, class OnError>
    void read(std::string_view text, OnEvent&& on_event, OnError&& on_error) {
        begin();
        line_source lines(options_.max_line_length, options_.file);
        (void)lines.feed(
            text, true, [&](std::string_view line, location where) { feed(line, where, on_event); },
            [&](location) { skip_line(on_event); }, on_error);
        end(on_event);
    }

    // Line-at-a-time interface, for text_scan and chunked reading.
    void begin() {
        scratch_.clear();
        order_ = detail::date_order::unknown;
        reset_block();
        table_ = table_state{};
        rows_ = rows_state{};
        provider_ = {};
        html_seen_ = false;
    }
    template <class OnEvent>
    void feed(std::string_view line, location where, OnEvent&& on_event) {
        feed(detail::trim_line(line), where, on_event);
    }
    // The same with the line already trimmed (text_scan shares that work with start_error_reader).
    // Most lines are prose between events: those are told by a few compares, here.
    template <class OnEvent>
    void feed(const detail::trimmed_line& l, location where, OnEvent&& on_event) {
        const bool idle = !b_.open && !rows_.active && !table_.active && !table_.header_pending && !b_.in_data;
        if (idle && !l.may_be_html(html_seen_) && (l.t.empty() || !may_start(l))) return;
        feed_line(l, where, on_event);
    }
    // A line the line source skipped (too long, or binary data): whatever was being read ends there.
    template <class OnEvent>
    void skip_line(OnEvent&& on_event) {
        table_.header_pending = false;
        end(on_event);
    }
    template <class OnEvent>
    void end(OnEvent&& on_event) {
        if (rows_.active) end_rows(on_event);
        if (table_.active) end_table(on_event);
        finish_block(on_event);
    }
    // Before the caller's buffer goes away with a block still open: copy its views to storage
    // of our own and drop the storage of records already delivered.
    void detach() {
        spare_.clear();
        auto keep = [this](std::string_view& v) { v = spare_.store(v); };
        keep(b_.rec.source);
        keep(b_.rec.category);
        keep(b_.rec.computer);
        keep(b_.rec.user);
        keep(b_.desc_first);
        keep(b_.date);
        keep(b_.time);
        keep(b_.date_time);
        keep(b_.written);
        keep(provider_);
        std::swap(scratch_, spare_);
        spare_.clear();
    }

private:
    // A line that needs more than the fast test of feed().
    template <class OnEvent>
    void feed_line(const detail::trimmed_line& l, location where, OnEvent& on_event) {
        // HTML: each line it shows, as a line.
        if (l.may_be_html(html_seen_) && detail::feed_html_lines(l, html_seen_, scratch_, [&](const detail::trimmed_line& piece) {
                feed(piece, where, on_event);
            }))
            return;
        const std::string_view body = l.body;
        const std::size_t indent = l.line.size() - body.size();
        const std::string_view t = l.t;
        if (rows_.active) {
            if (feed_rows(l, where, on_event)) return;
            end_rows(on_event);
        }
        if (table_.active) {
            if (feed_table_row(l, indent, where, on_event)) return;
            end_table(on_event);
        }
        if (t.empty()) {
            table_.header_pending = false;
            on_blank(on_event);
            return;
        }
        if (table_.header_pending) {
            table_.header_pending = false;
            if (t[0] == '-' && detail::make_table_layout(table_.header, l.line, indent, table_.layout)) {
                finish_block(on_event);
                table_.active = true;
                return;
            }
        }
        if (b_.in_data) {
            if (detail::is_hex_dump_line(t)) return;
            b_.in_data = false;
        }
        const keyed_text k = keyed_of(l);
        const std::string_view keyed = k.text;
        const detail::first_word word = k.word;
        if (detail::may_start_rows(keyed, word) && detail::delimited_line_kind(keyed) != detail::delimited_line::none) {
            finish_block(on_event);
            rows_ = rows_state{};
            rows_.active = true;
            rows_reader_.begin();
            (void)feed_rows(l, where, on_event);
            return;
        }
        if (detail::may_start_table_header(keyed, word) && detail::is_table_header(keyed)) {
            table_.header.assign(l.line.data(), l.line.size());
            table_.header_pending = true;
        }
        constexpr std::uint64_t provider = detail::pack_word("provider");
        if (word.packed == provider && word.size == 12) {  // Get-WinEvent's group line "ProviderName: X"
            const std::size_t colon = keyed.find(':');
            if (colon != std::string_view::npos) provider_ = scratch_.store(detail::trim(keyed.substr(colon + 1)));
        }
        // kl_ is a member, not a local: building a key_line per line zeroes its ten fields.
        const bool key_line = keyed[0] == '[' ? detail::parse_bracket_record(keyed, kl_)
                                              : detail::may_be_key_line(keyed, word) && detail::parse_key_line(keyed, word, kl_);
        if (key_line && apply(kl_, l.line, indent, where, on_event)) {
            b_.blanks = 0;
            b_.last_was_key = true;
            return;
        }
        on_text(t, indent, where, on_event);
    }

    // The text a line's labels start in (after a "-" or "*" bullet), and its first word.
    struct keyed_text {
        std::string_view text;
        detail::first_word word;
    };
    [[nodiscard]] static keyed_text keyed_of(const detail::trimmed_line& l) noexcept {
        const std::string_view t = l.t;
        const bool bulleted = t.size() > 2 && (t[0] == '-' || t[0] == '*') && detail::is_blank(t[1]);
        return bulleted ? after_bullet(t) : keyed_text{t, l.word};
    }
    [[nodiscard]] static keyed_text after_bullet(std::string_view t) noexcept {
        const std::string_view after = detail::ltrim(t.substr(1));
        return {after, detail::word_at_start(after)};
    }
    // Whether a line (not blank) may start what this reader reads: delimited rows, a table header,
    // Get-WinEvent's provider line, a record or key line. False for most prose.
    [[nodiscard]] static bool may_start(const detail::trimmed_line& l) noexcept {
        const keyed_text k = keyed_of(l);
        constexpr std::uint64_t provider = detail::pack_word("provider");
        return k.text[0] == '[' || (k.word.packed == provider && k.word.size == 12) || detail::may_start_rows(k.text, k.word) ||
               detail::may_start_table_header(k.text, k.word) || detail::may_be_key_line(k.text, k.word);
    }

    struct block {
        event_record rec;
        bool open = false;        // any key seen
        bool has_id = false;
        bool has_explicit_id = false;  // an id label (not only an InstanceId)
        bool id_weak = false;       // "Event ID 4086": needs a labelled field to count
        bool needs_desc = false;    // "4007: MSExchangeIMC": needs a description to count
        bool has_keyed = false;     // a Source/Type/Category/Description label was seen
        bool has_source = false, has_type = false, has_category = false, has_date = false, has_time = false;
        bool has_user = false, has_computer = false;
        bool has_instance = false, has_record_number = false, has_level = false, has_task = false;
        bool has_category_number = false, has_date_time = false, has_written = false, has_user_name = false;
        bool has_strings = false, has_qualifiers = false;
        bool has_desc = false;      // a description was started
        bool desc_open = false;     // further lines continue it
        bool desc_label_empty = false;  // "Description:" with nothing after it
        bool strings_open = false;  // "ReplacementStrings : {a, b," continues on the next line
        bool skip_url = false;      // after XP's help line: its URL may follow on a line of its own
        bool in_data = false;
        bool last_was_key = false;
        std::size_t blanks = 0;
        std::size_t indent = 0;
        std::size_t desc_lines = 0;
        std::size_t value_col = 0;  // where the last key line's last value starts (0: unknown)
        std::size_t desc_col = 0;   // where the description's value starts (0: on a line of its own)
        std::uint32_t qualifiers = 0;
        event_type level = event_type::unspecified;
        std::string_view desc_first;
        std::string_view date, time, date_time, written;
    };

    // A PowerShell table being read (read/powershell_table.hpp).
    struct table_state {
        bool active = false;
        bool header_pending = false;  // the last line named columns: a line of dashes starts the table
        std::string header;
        detail::table_layout layout;
    };
    // Delimited rows being read by rows_reader_. Lines wait in `buf` while a quoted field goes on
    // (an odd number of quotes so far); the reader is called when the quotes are even, which is
    // when a row can be complete, and, after a call that found the row still open, only once the
    // lines waiting have doubled: every byte is looked at a bounded number of times.
    struct rows_state {
        static constexpr std::size_t max_pending = 16 * 1024;  // a quoted field longer than this ends the rows
        bool active = false;
        std::string buf;               // lines not yet consumed
        std::vector<location> lines;   // where each of them is
        std::size_t first_line = 1;    // the rows reader's number for buf's first line
        bool odd_quotes = false;
        std::size_t retry_at = 0;
    };

    void reset_block() {
        b_ = block{};
        desc_buf_.clear();
        strings_buf_.clear();
    }

    template <class OnEvent>
    void finish_block(OnEvent& on_event) {
        if (!b_.open) return;  // prose between blocks: nothing to reset
        const bool confirmed = b_.needs_desc ? b_.has_desc : b_.id_weak ? b_.has_keyed : (b_.has_keyed || b_.has_desc);
        if (b_.has_id && confirmed) {
            event_record r = b_.rec;
            if (b_.desc_lines > 1) r.description = scratch_.store(desc_buf_);
            else r.description = b_.desc_first;
            std::int64_t t = 0;
            if (b_.has_date_time && detail::parse_date_time(b_.date_time, order_, t)) {
                r.time_generated = t;
            } else if (b_.has_date) {
                std::int64_t days = 0, secs = 0;
                if (detail::parse_date(b_.date, order_, days)) {
                    r.time_generated = days * detail::seconds_per_day;
                    if (b_.has_time && detail::parse_time(b_.time, secs)) r.time_generated += secs;
                } else if (detail::parse_date_time(b_.date, order_, t)) {  // wevtutil: "2000-09-13T17:56:06.000"
                    r.time_generated = t;
                }
            } else if (b_.has_time && detail::parse_date_time(b_.time, order_, t)) {  // psloglist
                r.time_generated = t;
            }
            if (b_.has_written && detail::parse_date_time(b_.written, order_, t)) r.time_written = t;
            if (b_.has_qualifiers && !r.has_identifier) {
                r.has_identifier = true;
                r.identifier = (b_.qualifiers << 16) | r.event_id;
            }
            if (r.type == event_type::unspecified) r.type = b_.level;
            if (r.type == event_type::unspecified && r.has_identifier) r.type = detail::type_from_severity(r.identifier);
            if (!strings_buf_.empty()) take_strings(r);
            on_event(static_cast<const event_record&>(r));
        }
        reset_block();
    }

    // "{a, b, c}" (PowerShell's rendering of a string array) as insertion strings.
    void take_strings(event_record& r) {
        std::string_view list = detail::trim(strings_buf_);
        if (!list.empty() && list.front() == '{') list.remove_prefix(1);
        if (!list.empty() && list.back() == '}') list.remove_suffix(1);
        bool cut = false;
        list = detail::strip_ellipsis(list, cut);  // more strings than PowerShell shows: the rest is lost
        scratch_.begin();
        r.string_count = detail::append_strings(scratch_, list, ", ");
        r.strings = scratch_.finish();
    }

    void start_block(std::size_t indent, location where) {
        reset_block();
        b_.open = true;
        b_.indent = indent;
        b_.rec.where = where;
    }

    void add_desc_line(std::string_view t) {
        if (b_.desc_lines == 0) {
            b_.desc_first = t;
        } else {
            if (b_.desc_lines == 1) desc_buf_.assign(b_.desc_first.data(), b_.desc_first.size());
            if (!desc_buf_.empty() && !t.empty()) desc_buf_.push_back(' ');
            desc_buf_.append(t.data(), t.size());
        }
        if (!t.empty()) ++b_.desc_lines;
        b_.has_desc = b_.has_desc || !t.empty();
    }

    void add_strings_text(std::string_view t) {
        if (strings_buf_.size() + t.size() >= options_.max_line_length) {  // a list that never closes
            b_.strings_open = false;
            return;
        }
        if (!strings_buf_.empty() && !t.empty()) strings_buf_.push_back(' ');
        strings_buf_.append(t.data(), t.size());
        b_.strings_open = !t.empty() && strings_buf_.front() == '{' && t.back() != '}';
    }

    // One line of delimited rows; false when the rows have ended (the line is then read as usual).
    template <class OnEvent>
    bool feed_rows(const detail::trimmed_line& l, location where, OnEvent& on_event) {
        const std::string_view t = l.t;
        if (rows_.buf.empty()) {
            if (t.empty()) return false;
            // A row has its fields' delimiters: four at least (a header, a quoted field going on, or
            // a row); fewer, and the rows are over.
            std::size_t delimiters = 0;
            for (char c : t) {
                delimiters += c == ',' || c == '\t';
                if (delimiters >= 4) break;
            }
            if (delimiters < 4) return false;
        }
        if (rows_.buf.size() + t.size() >= rows_state::max_pending) {  // a quoted field that does not end
            rows_.buf.clear();
            rows_.lines.clear();
            return false;
        }
        rows_.buf.append(t.data(), t.size());
        rows_.buf.push_back('\n');
        rows_.lines.push_back(where);
        std::size_t quotes = 0;
        for (const char* p = t.empty() ? nullptr : static_cast<const char*>(std::memchr(t.data(), '"', t.size())); p != nullptr;
             p = static_cast<const char*>(std::memchr(p + 1, '"', static_cast<std::size_t>(t.data() + t.size() - p - 1))))
            ++quotes;
        rows_.odd_quotes = rows_.odd_quotes != (quotes % 2 == 1);
        if (rows_.odd_quotes || rows_.buf.size() < rows_.retry_at) return true;
        consume_rows(false, on_event);
        return true;
    }
    template <class OnEvent>
    void consume_rows(bool final, OnEvent& on_event) {
        const std::size_t used = rows_reader_.feed(rows_.buf, final, row_sink(on_event), [](const read_error&) {});
        rows_.retry_at = used == 0 ? 2 * rows_.buf.size() : 0;
        if (used == 0) return;
        std::size_t lines = 0;
        for (const char* p = static_cast<const char*>(std::memchr(rows_.buf.data(), '\n', used)); p != nullptr;
             p = static_cast<const char*>(std::memchr(p + 1, '\n', static_cast<std::size_t>(rows_.buf.data() + used - p - 1))))
            ++lines;
        if (used == rows_.buf.size() && rows_.buf.back() != '\n') ++lines;  // a last row without its line end
        rows_.buf.erase(0, used);
        rows_.lines.erase(rows_.lines.begin(), rows_.lines.begin() + static_cast<std::ptrdiff_t>(
                                                   lines < rows_.lines.size() ? lines : rows_.lines.size()));
        rows_.first_line += lines;
        rows_.odd_quotes = false;
        for (char c : rows_.buf) rows_.odd_quotes = rows_.odd_quotes != (c == '"');
    }
    template <class OnEvent>
    void end_rows(OnEvent& on_event) {
        if (!rows_.buf.empty()) consume_rows(true, on_event);
        rows_ = rows_state{};
    }
    // The rows reader's records, copied into our storage (its buffer goes on) and placed at the line
    // their row starts on.
    template <class OnEvent>
    auto row_sink(OnEvent& on_event) {
        return [this, &on_event](const event_record& e) {
            event_record r = e;
            const std::size_t index = e.where.line - rows_.first_line;
            if (e.where.line >= rows_.first_line && index < rows_.lines.size()) r.where = rows_.lines[index];
            else if (!rows_.lines.empty()) r.where = rows_.lines.front();
            r.source = scratch_.store(e.source);
            r.category = scratch_.store(e.category);
            r.computer = scratch_.store(e.computer);
            r.user = scratch_.store(e.user);
            r.description = scratch_.store(e.description);
            r.strings = scratch_.store(e.strings);
            on_event(static_cast<const event_record&>(r));
        };
    }

    // One row of a PowerShell table; false when the table has ended.
    template <class OnEvent>
    bool feed_table_row(const detail::trimmed_line& l, std::size_t indent, location where, OnEvent& on_event) {
        if (l.t.empty()) return false;
        const detail::table_layout& layout = table_.layout;
        std::string_view cells[detail::table_layout::max_columns];
        const std::size_t first = detail::split_table_row(l.line, indent, layout, cells);
        if (first >= layout.count) return false;
        if (layout.columns[first].kind == detail::table_column::message) {  // Format-Table -Wrap: the message goes on
            if (!b_.open || !b_.has_id) return false;
            add_desc_line(detail::trim(cells[first]));
            return true;
        }
        finish_block(on_event);
        start_block(indent, where);
        for (std::size_t c = 0; c < layout.count; ++c) {
            const std::string_view v = detail::trim(cells[c]);
            if (v.empty()) continue;
            std::uint64_t n = 0;
            bool cut = false;
            switch (layout.columns[c].kind) {
                case detail::table_column::index:
                    if (detail::parse_whole_uint(v, detail::max_u32, n)) {
                        b_.rec.has_record_number = true;
                        b_.rec.record_number = static_cast<std::uint32_t>(n);
                    }
                    break;
                case detail::table_column::time: break;  // "Jan 17 19:17": no year
                case detail::table_column::time_created:
                    b_.date_time = v;
                    b_.has_date_time = true;
                    break;
                case detail::table_column::entry_type: b_.rec.type = detail::parse_event_type(v); break;
                case detail::table_column::level: b_.level = detail::parse_level(v); break;
                case detail::table_column::source: {
                    const std::string_view shown = detail::strip_ellipsis(v, cut);
                    b_.rec.source = cut ? detail::complete_source(shown, options_.sources) : shown;  // "Service Control..."
                    break;
                }
                case detail::table_column::instance_id:
                    if (detail::parse_whole_uint(v, detail::max_u32, n)) {
                        b_.rec.has_identifier = true;
                        b_.rec.identifier = static_cast<std::uint32_t>(n);
                        if (!b_.has_id) b_.rec.event_id = static_cast<std::uint16_t>(n & 0xFFFF);
                        b_.has_id = true;
                    }
                    break;
                case detail::table_column::id:
                    if (detail::parse_whole_uint(v, detail::max_u16, n)) {
                        b_.rec.event_id = static_cast<std::uint16_t>(n);
                        b_.has_id = true;
                    }
                    break;
                case detail::table_column::category: b_.rec.category = detail::strip_ellipsis(v, cut); break;
                case detail::table_column::user: b_.rec.user = detail::strip_ellipsis(v, cut); break;
                case detail::table_column::computer: b_.rec.computer = detail::strip_ellipsis(v, cut); break;
                case detail::table_column::message: add_desc_line(detail::strip_ellipsis(v, cut)); break;
                case detail::table_column::none: break;
            }
        }
        if (!b_.has_id) {
            reset_block();
            return false;
        }
        if (b_.rec.source.empty()) b_.rec.source = provider_;
        b_.has_keyed = true;
        return true;
    }
    template <class OnEvent>
    void end_table(OnEvent& on_event) {
        finish_block(on_event);
        table_.active = false;
    }

    // Applies one key line; false when it should be read as prose instead.
    template <class OnEvent>
    bool apply(const detail::key_line& kl, std::string_view line, std::size_t indent, location where, OnEvent& on_event) {
        const bool has_id_field = kl.f[0].k == detail::key::id;
        if (kl.weak_first && !has_id_field && !b_.has_id) return false;  // "Source code ..." in prose
        if (!b_.open && kl.n == 1 && kl.f[0].k == detail::key::ignored) return false;  // "Version: 5.5" opens nothing
        if (kl.weak_first && !has_id_field && b_.desc_open && b_.desc_lines > 0) return false;
        if (!b_.open) start_block(indent, where);
        b_.desc_open = false;
        b_.desc_label_empty = false;
        b_.strings_open = false;
        b_.skip_url = false;
        // A field met again renews the block (renew_if), then counts as seen in the block it is in.
        const auto renew = [&](bool block::*seen) {
            renew_if(b_.*seen, indent, where, on_event);
            b_.*seen = true;
        };
        for (std::size_t i = 0; i < kl.n; ++i) {
            const detail::field& f = kl.f[i];
            std::uint64_t n = 0;
            switch (f.k) {
                case detail::key::record:  // a new event, whatever came before
                    finish_block(on_event);
                    start_block(indent, where);
                    if (detail::parse_whole_uint(f.value, detail::max_u32, n)) {
                        b_.rec.has_record_number = true;
                        b_.rec.record_number = static_cast<std::uint32_t>(n);
                        b_.has_record_number = true;
                    }
                    break;
                case detail::key::id: {
                    if (b_.has_explicit_id) {
                        finish_block(on_event);
                        start_block(indent, where);
                    }
                    std::string_view v = f.value;
                    (void)detail::parse_uint(v, detail::max_u16, n);
                    b_.rec.event_id = static_cast<std::uint16_t>(n);
                    b_.has_id = true;
                    b_.has_explicit_id = true;
                    b_.id_weak = i == 0 && kl.weak_first;
                    b_.needs_desc = kl.number_source;
                    break;
                }
                case detail::key::instance_id:
                    renew(&block::has_instance);
                    if (detail::parse_whole_uint(f.value, detail::max_u32, n)) {
                        b_.rec.has_identifier = true;
                        b_.rec.identifier = static_cast<std::uint32_t>(n);
                        if (!b_.has_explicit_id) b_.rec.event_id = static_cast<std::uint16_t>(n & 0xFFFF);
                        b_.has_id = true;
                    }
                    break;
                case detail::key::qualifiers:
                    renew_if(b_.has_qualifiers, indent, where, on_event);
                    if (detail::parse_whole_uint(f.value, detail::max_u16, n)) {
                        b_.qualifiers = static_cast<std::uint32_t>(n);
                        b_.has_qualifiers = true;
                    }
                    break;
                case detail::key::record_number:
                    renew(&block::has_record_number);
                    if (detail::parse_whole_uint(f.value, detail::max_u32, n)) {
                        b_.rec.has_record_number = true;
                        b_.rec.record_number = static_cast<std::uint32_t>(n);
                    }
                    break;
                case detail::key::source:
                    renew_if(b_.has_source, indent, where, on_event);
                    b_.rec.source = detail::strip_period(f.value);
                    b_.has_source = !b_.rec.source.empty();
                    b_.has_keyed = b_.has_keyed || b_.has_source;
                    break;
                case detail::key::type:
                    renew(&block::has_type);
                    b_.rec.type = detail::parse_event_type(detail::strip_period(f.value));
                    b_.has_keyed = true;
                    break;
                case detail::key::level:
                    renew(&block::has_level);
                    b_.level = detail::parse_level(f.value);
                    b_.has_keyed = true;
                    break;
                case detail::key::category: {
                    renew(&block::has_category);
                    const std::string_view v = detail::strip_period(f.value);
                    if (detail::is_none_value(v) || detail::parenthesised_number(v, n)) {
                        b_.rec.category = {};
                        b_.rec.has_category_number = true;
                        b_.rec.category_number = static_cast<std::uint16_t>(n);
                    } else {
                        b_.rec.category = v;
                    }
                    b_.has_keyed = true;
                    break;
                }
                case detail::key::category_number:
                case detail::key::task: {
                    renew(f.k == detail::key::task ? &block::has_task : &block::has_category_number);
                    const std::string_view v = detail::strip_period(f.value);
                    if (detail::parse_whole_uint(v, detail::max_u16, n) || detail::parenthesised_number(v, n)) {
                        b_.rec.has_category_number = true;
                        b_.rec.category_number = static_cast<std::uint16_t>(n);
                    } else if (!v.empty() && !detail::is_none_value(v) && b_.rec.category.empty()) {
                        b_.rec.category = v;  // wevtutil's Task: the category name
                        b_.has_keyed = true;
                    }
                    break;
                }
                case detail::key::date: renew(&block::has_date); b_.date = f.value; break;
                case detail::key::time: renew(&block::has_time); b_.time = f.value; break;
                case detail::key::date_time: renew(&block::has_date_time); b_.date_time = f.value; break;
                case detail::key::time_written: renew(&block::has_written); b_.written = f.value; break;
                case detail::key::computer: renew(&block::has_computer); b_.rec.computer = f.value; break;
                case detail::key::user:
                    renew(&block::has_user);
                    if (!b_.has_user_name) b_.rec.user = detail::is_none_value(f.value) ? std::string_view{} : f.value;
                    break;
                case detail::key::user_name:
                    renew(&block::has_user_name);
                    if (!detail::is_none_value(f.value) && !f.value.empty()) b_.rec.user = f.value;
                    break;
                case detail::key::strings:
                    renew(&block::has_strings);
                    strings_buf_.clear();
                    add_strings_text(f.value);
                    break;
                case detail::key::description: {
                    renew_if(b_.has_desc, indent, where, on_event);
                    std::string_view v = f.value;
                    if (!v.empty() && v[0] == '.') v = detail::ltrim(v.substr(1));  // "Description:. The ..."
                    add_desc_line(v);
                    b_.desc_open = true;
                    b_.desc_label_empty = v.empty();
                    b_.desc_col = v.empty() ? 0 : static_cast<std::size_t>(v.data() - line.data());
                    b_.has_keyed = true;
                    break;
                }
                case detail::key::data:
                    b_.in_data = true;
                    break;
                case detail::key::ignored:
                case detail::key::none: break;
            }
        }
        const std::string_view last = kl.n > 0 ? kl.f[kl.n - 1].value : std::string_view{};
        b_.value_col = last.empty() || last.data() < line.data() || last.data() > line.data() + line.size()
                           ? 0 : static_cast<std::size_t>(last.data() - line.data());
        if (!kl.inline_text.empty() && !b_.has_desc) {
            add_desc_line(kl.inline_text);
            b_.desc_open = true;
        }
        return true;
    }

    // A field seen twice after the id belongs to the next event (Windows 2000 layout, no blank line).
    template <class OnEvent>
    void renew_if(bool seen, std::size_t indent, location where, OnEvent& on_event) {
        if (seen && b_.has_id) {
            finish_block(on_event);
            start_block(indent, where);
        } else if (seen) {
            start_block(indent, where);  // a stale pre-id field from prose
        }
    }

    template <class OnEvent>
    void on_blank(OnEvent& on_event) {
        ++b_.blanks;
        b_.last_was_key = false;
        b_.in_data = false;
        if (!b_.open) return;
        if (!b_.has_id || b_.blanks >= 2) {
            finish_block(on_event);
            return;
        }
        if (b_.desc_open && !b_.desc_label_empty) b_.desc_open = false;
    }

    template <class OnEvent>
    void on_text(std::string_view t, std::size_t indent, location where, OnEvent& on_event) {
        const bool after_blank = b_.blanks > 0;
        b_.blanks = 0;
        if (b_.open && b_.strings_open && !after_blank) {  // "ReplacementStrings : {a," goes on
            add_strings_text(t);
            return;
        }
        if (b_.open && b_.has_id) {
            if (detail::is_help_center_line(t)) {  // XP / 2003: after the message, never part of it
                b_.desc_open = false;
                b_.skip_url = detail::ifind(t, "http") == std::string_view::npos;  // the URL may be on the next line
                b_.last_was_key = false;
                return;
            }
            if (b_.skip_url && detail::istarts_with(t, "http")) {
                b_.skip_url = false;
                return;
            }
            b_.skip_url = false;
            if (b_.desc_open) {
                add_desc_line(t);
                b_.desc_label_empty = false;
                b_.last_was_key = false;
                return;
            }
            // A list's value that wraps (Format-List) goes on at its value column: after a blank
            // line inside the description, or under another label, whose continuation is dropped.
            if (b_.has_desc && after_blank && b_.desc_col >= 8 && indent == b_.desc_col) {
                add_desc_line(t);
                b_.desc_open = true;
                b_.last_was_key = false;
                return;
            }
            if (!after_blank && b_.last_was_key && b_.value_col >= 8 && indent == b_.value_col) return;
            const bool adjoining = !after_blank && b_.last_was_key;
            const bool next_paragraph = after_blank && indent == b_.indent && !detail::looks_like_heading(t);
            if (!b_.has_desc && (adjoining || next_paragraph)) {
                add_desc_line(t);
                b_.desc_open = true;
                b_.last_was_key = false;
                return;
            }
        }
        (void)where;
        finish_block(on_event);
    }

    pasted_text_options options_{};
    detail::key_line kl_{};  // the current line's fields, filled by parse_key_line()
    block b_{};
    table_state table_{};
    rows_state rows_{};
    event_viewer_export_reader rows_reader_{event_viewer_export_options{options_.max_line_length, detail::date_order::unknown, options_.file}};
    std::string_view provider_;  // Get-WinEvent's group line: the source of the rows under it
    bool html_seen_ = false;     // a line of this input was HTML: look for markup on every line
    detail::date_order order_ = detail::date_order::unknown;
    std::string desc_buf_;
    std::string strings_buf_;
    detail::scratch scratch_;
    detail::scratch spare_;
};

}  // namespace ruledx::read

#endif
