// ruledx — PowerShell's table views of events as they are pasted, read by pasted_text_reader:
//
//   Get-EventLog (its default view):
//     Index Time          EntryType   Source               InstanceID Message
//     ----- ----          ---------   ------               ---------- -------
//     13821 Jan 17 19:17  Error       Service Control...   3221232472 The Microsoft Exchange Inter...
//   Get-WinEvent (its default view, grouped by provider):
//        ProviderName: Service Control Manager
//     TimeCreated                     Id LevelDisplayName Message
//     -----------                     -- ---------------- -------
//     3/5/2024 10:20:37 AM          7000 Error            The Microsoft Exchange Internet Mail ...
//
// and a Format-Table of the same properties in any order. Where the views come from: the
// Get-EventLog reference (learn.microsoft.com, PowerShell 5.1, examples 2 and 4) and PowerShell's
// format definitions (DotNetTypes.format.ps1xml: the EventLogEntry table of Index, Time (TimeGenerated
// as "MMM dd HH:mm"), EntryType, Source, InstanceID, Message; Event.format.ps1xml: the EventLogRecord
// table of TimeCreated, Id, LevelDisplayName, Message grouped by ProviderName).
//
// A header line of property names is followed by a line of dashes under each name. Values are left-
// or right-aligned in their columns and a cell too long for its column ends in "...", so a row is
// split into words and each word goes to the last column whose dashes start before the word ends:
// a right-aligned number ("     7000" under "--") reaches into its column's dashes, left-aligned
// words that run past a short header ("Jan 17 19:17" under "----") stay in theirs. Limits: a value
// cut with "..." is kept cut (the Message; a Source is completed by detail::complete_source to one
// the caller's rules name), and Get-EventLog's Time has no year, so those events have no time.
#ifndef RULEDX_READ_POWERSHELL_TABLE_HPP
#define RULEDX_READ_POWERSHELL_TABLE_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ruledx/read/detail/text.hpp"

namespace ruledx::read::detail {

enum class table_column : std::uint8_t {
    none, index, time, time_created, entry_type, level, source, instance_id, id, category, user, computer, message
};

[[nodiscard]] constexpr table_column table_column_for(std::string_view name) noexcept {
    struct entry {
        std::string_view name;
        table_column c;
    };
    constexpr entry table[] = {
        {"Index", table_column::index}, {"RecordId", table_column::index}, {"Time", table_column::time},
        {"TimeGenerated", table_column::time_created}, {"TimeCreated", table_column::time_created},
        {"EntryType", table_column::entry_type}, {"LevelDisplayName", table_column::level},
        {"Level", table_column::level}, {"Source", table_column::source}, {"ProviderName", table_column::source},
        {"InstanceID", table_column::instance_id}, {"Id", table_column::id}, {"EventID", table_column::id},
        {"Category", table_column::category}, {"TaskDisplayName", table_column::category},
        {"UserName", table_column::user}, {"MachineName", table_column::computer}, {"Message", table_column::message},
    };
    for (const entry& e : table)
        if (iequals(name, e.name)) return e.c;
    return table_column::none;
}

// The first word a table header starts with, followed by a blank: a cheap test before
// is_table_header(), one compare for most lines.
[[nodiscard]] constexpr bool may_start_table_header(std::string_view t, first_word w) noexcept {
    constexpr std::uint32_t sizes = 1u << 2 | 1u << 4 | 1u << 5 | 1u << 6 | 1u << 7 | 1u << 9 | 1u << 10 | 1u << 11 |
                                    1u << 12 | 1u << 13;
    if (((sizes >> (w.size & 31)) & 1u) == 0 || w.size >= t.size() || !is_blank(t[w.size])) return false;
    constexpr std::uint64_t id = pack_word("id"), time = pack_word("time"), index = pack_word("index"),
                            source = pack_word("source"), eventid = pack_word("eventid"), entrytype = pack_word("entrytyp"),
                            instanceid = pack_word("instance"), timecreated = pack_word("timecrea"),
                            providername = pack_word("provider"), timegenerated = pack_word("timegene");
    switch (w.size) {
        case 2: return w.packed == id;
        case 4: return w.packed == time;
        case 5: return w.packed == index;
        case 6: return w.packed == source;
        case 7: return w.packed == eventid;
        case 9: return w.packed == entrytype;
        case 10: return w.packed == instanceid;
        case 11: return w.packed == timecreated;
        case 12: return w.packed == providername;
        case 13: return w.packed == timegenerated;
        default: return false;
    }
}

struct table_layout {
    static constexpr std::size_t max_columns = 12;
    struct column_place {
        std::size_t start = 0;  // where its dashes start and end, in the raw line
        std::size_t end = 0;
        table_column kind = table_column::none;
    };
    column_place columns[max_columns];
    std::size_t count = 0;
};

// Whether `t` (trimmed) names table columns only, at least three of them, among them an event id
// and the Message.
[[nodiscard]] constexpr bool is_table_header(std::string_view t) noexcept {
    std::size_t words = 0;
    bool id = false, message = false;
    while (!t.empty()) {
        std::size_t n = 0;
        while (n < t.size() && !is_blank(t[n])) ++n;
        const table_column c = table_column_for(t.substr(0, n));
        if (c == table_column::none || ++words > table_layout::max_columns) return false;
        id = id || c == table_column::instance_id || c == table_column::id;
        message = message || c == table_column::message;
        t = ltrim(t.substr(n));
    }
    return words >= 3 && id && message;
}

// The layout from a header line and the line of dashes under it (raw lines, with the same margin);
// false unless every run of dashes sits under one column name. `from` is where both lines' text
// starts (after quote markers).
[[nodiscard]] constexpr bool make_table_layout(std::string_view header, std::string_view dashes, std::size_t from,
                                               table_layout& out) noexcept {
    out.count = 0;
    std::size_t i = from;
    while (i < dashes.size()) {
        if (is_blank(dashes[i])) {
            ++i;
            continue;
        }
        if (dashes[i] != '-' || out.count == table_layout::max_columns) return false;
        const std::size_t start = i;
        while (i < dashes.size() && dashes[i] == '-') ++i;
        if (i < dashes.size() && !is_blank(dashes[i])) return false;
        if (start >= header.size()) return false;
        const std::string_view name = trim(header.substr(start, i - start));
        const table_column c = table_column_for(name);
        if (c == table_column::none) return false;
        out.columns[out.count++] = {start, i, c};
    }
    return out.count >= 3;
}

// Splits a row (raw, its text from `from`) into the layout's cells: each word goes to the last column
// whose dashes start before the word ends. Returns the column of the row's first word (the layout's
// count when the row is empty).
[[nodiscard]] constexpr std::size_t split_table_row(std::string_view row, std::size_t from, const table_layout& layout,
                                                    std::string_view (&cells)[table_layout::max_columns]) noexcept {
    for (std::size_t c = 0; c < layout.count; ++c) cells[c] = {};
    std::size_t first = layout.count;
    std::size_t begin[table_layout::max_columns] = {};
    std::size_t i = from, column = 0;
    while (i < row.size()) {
        if (is_blank(row[i])) {
            ++i;
            continue;
        }
        const std::size_t start = i;
        while (i < row.size() && !is_blank(row[i])) ++i;
        while (column + 1 < layout.count && layout.columns[column + 1].start < i) ++column;
        if (first == layout.count) first = column;
        if (cells[column].empty()) begin[column] = start;
        cells[column] = row.substr(begin[column], i - begin[column]);
    }
    return first;
}

}  // namespace ruledx::read::detail

#endif
