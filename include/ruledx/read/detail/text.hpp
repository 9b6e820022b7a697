// ruledx — small text helpers shared by the text readers: ASCII case folding, trimming, numbers,
// a line's first word, event type names, civil dates, and a scratch arena for text the input does not
// hold contiguously. Everything is ASCII-only on purpose: the labels and messages we look for are
// ASCII, and bytes >= 0x80 must pass through untouched.
#ifndef RULEDX_READ_DETAIL_TEXT_HPP
#define RULEDX_READ_DETAIL_TEXT_HPP

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

#include "ruledx/detail/text_match.hpp"
#include "ruledx/model/event_type.hpp"
#include "ruledx/model/view.hpp"
#include "ruledx/read/detail/bytes.hpp"
#include "ruledx/read/detail/utf8.hpp"

namespace ruledx::read::detail {

// The character classes are ruledx::detail's (detail/text_match.hpp): one set for the library.
using ruledx::detail::ascii_lower;
using ruledx::detail::is_alnum;
using ruledx::detail::is_alpha;
using ruledx::detail::is_blank;
using ruledx::detail::is_digit;

// These run on every line: views are made from pointers, not substr(), whose range check keeps them
// from being inlined.
[[nodiscard]] constexpr std::string_view ltrim(std::string_view s) noexcept {
    std::size_t i = 0;
    while (i < s.size() && is_blank(s[i])) ++i;
    return std::string_view(s.data() + i, s.size() - i);
}
[[nodiscard]] constexpr std::string_view rtrim(std::string_view s) noexcept {
    std::size_t n = s.size();
    while (n > 0 && is_blank(s[n - 1])) --n;
    return std::string_view(s.data(), n);
}
[[nodiscard]] constexpr std::string_view trim_blanks(std::string_view s) noexcept { return rtrim(ltrim(s)); }
[[nodiscard]] constexpr std::string_view trim(std::string_view s) noexcept {
    // Most fields and values have no blank at either end: two compares, small enough to inline (an
    // export trims every field of every row); the loops are in trim_blanks().
    if (s.empty() || (!is_blank(s.front()) && !is_blank(s.back()))) return s;
    return trim_blanks(s);
}

[[nodiscard]] constexpr bool iequals(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)  // equal bytes, the most, without folding
        if (a[i] != b[i] && ascii_lower(a[i]) != ascii_lower(b[i])) return false;
    return true;
}
[[nodiscard]] constexpr bool istarts_with(std::string_view s, std::string_view prefix) noexcept {
    return s.size() >= prefix.size() && iequals(std::string_view(s.data(), prefix.size()), prefix);
}
[[nodiscard]] constexpr bool iends_with(std::string_view s, std::string_view suffix) noexcept {
    return s.size() >= suffix.size() && iequals(std::string_view(s.data() + s.size() - suffix.size(), suffix.size()), suffix);
}
// Case-insensitive search; needles are short literals, so the naive loop is fine.
[[nodiscard]] constexpr std::size_t ifind(std::string_view hay, std::string_view needle,
                                          std::size_t from = 0) noexcept {
    if (needle.empty()) return from <= hay.size() ? from : std::string_view::npos;
    if (hay.size() < needle.size()) return std::string_view::npos;
    const char first = ascii_lower(needle[0]);
    for (std::size_t i = from; i + needle.size() <= hay.size(); ++i) {
        if (ascii_lower(hay[i]) != first) continue;
        if (iequals(std::string_view(hay.data() + i, needle.size()), needle)) return i;
    }
    return std::string_view::npos;
}
// Matches `word` at the start of `s` ending at a word boundary.
[[nodiscard]] constexpr bool take_word(std::string_view& s, std::string_view word) noexcept {
    if (!istarts_with(s, word)) return false;
    if (s.size() > word.size() && is_alnum(s[word.size()])) return false;
    s.remove_prefix(word.size());
    return true;
}

// Equal after folding case and ignoring blanks, '_' and '-': for column headers and type names.
[[nodiscard]] constexpr bool loose_equals(std::string_view a, std::string_view b) noexcept {
    if (a.size() == b.size() && iequals(a, b)) return true;  // the usual case, without the skipping
    std::size_t i = 0, j = 0;
    for (;;) {
        while (i < a.size() && (is_blank(a[i]) || a[i] == '_' || a[i] == '-')) ++i;
        while (j < b.size() && (is_blank(b[j]) || b[j] == '_' || b[j] == '-')) ++j;
        if (i == a.size() || j == b.size()) return i == a.size() && j == b.size();
        if (ascii_lower(a[i]) != ascii_lower(b[j])) return false;
        ++i;
        ++j;
    }
}

// The largest values of the 16- and 32-bit fields numbers in text are read into (event ids,
// categories; identifiers, record numbers, error codes): parse_uint's usual `max`.
inline constexpr std::uint64_t max_u16 = 0xFFFF;
inline constexpr std::uint64_t max_u32 = 0xFFFFFFFFu;

// Consumes leading decimal digits of `s` into `out`. False when there are none or the value
// exceeds `max` (the digits are still consumed, so callers cannot loop on them).
[[nodiscard]] constexpr bool parse_uint(std::string_view& s, std::uint64_t max, std::uint64_t& out) noexcept {
    // Nineteen digits always fit 64 bits: up to there the value is compared with `max` once, at the
    // end, instead of a check per digit.
    constexpr std::size_t exact_digits = 19;
    std::size_t i = 0;
    std::uint64_t v = 0;
    for (; i < s.size() && i < exact_digits && is_digit(s[i]); ++i) v = v * 10 + static_cast<std::uint64_t>(s[i] - '0');
    bool overflow = v > max;
    for (; i < s.size() && is_digit(s[i]); ++i) {  // a 20th digit and more: checked one by one
        const auto d = static_cast<std::uint64_t>(s[i] - '0');
        if (!overflow && v > (max - d) / 10) overflow = true;
        if (!overflow) v = v * 10 + d;
    }
    s.remove_prefix(i);
    if (i == 0 || overflow) return false;
    out = v;
    return true;
}

[[nodiscard]] constexpr bool is_hex_digit(char c) noexcept {
    const char l = ascii_lower(c);
    return is_digit(c) || (l >= 'a' && l <= 'f');
}

// Consumes leading hexadecimal digits of `s`, in either case, into `out`; where they start is the
// caller's (after "0x", "&#x"). False when there are none or more than MaxDigits (the digits are
// still consumed, as parse_uint's are).
template <std::size_t MaxDigits>
[[nodiscard]] constexpr bool parse_hex(std::string_view& s, std::uint64_t& out) noexcept {
    static_assert(MaxDigits > 0 && MaxDigits <= 16, "the value must fit 64 bits");
    std::size_t i = 0;
    std::uint64_t v = 0;
    for (; i < s.size() && is_hex_digit(s[i]); ++i) {
        const char l = ascii_lower(s[i]);
        if (i < MaxDigits) v = v * 16 + static_cast<std::uint64_t>(is_digit(l) ? l - '0' : l - 'a' + 10);
    }
    s.remove_prefix(i);
    if (i == 0 || i > MaxDigits) return false;
    out = v;
    return true;
}

// A whole field that is exactly one unsigned number (blanks around it allowed).
[[nodiscard]] constexpr bool parse_whole_uint(std::string_view s, std::uint64_t max, std::uint64_t& out) noexcept {
    s = trim(s);
    return parse_uint(s, max, out) && s.empty();
}

// How many of the low-order bytes of `x` (already OR-ed with 0x20 in every byte) are letters, 0..8.
// Byte-parallel range checks: no branch per byte, so varying word lengths cost no mispredictions.
[[nodiscard]] constexpr std::size_t leading_letters(std::uint64_t x) noexcept {
    constexpr std::uint64_t ones = 0x0101010101010101u, highs = ones * 0x80, low7 = ones * 0x7F;
    const std::uint64_t x7 = x & low7;
    const std::uint64_t ge_a = (x7 + ones * (0x80 - 'a')) & highs;
    const std::uint64_t gt_z = (x7 + ones * (0x80 - 'z' - 1)) & highs;
    const std::uint64_t other = highs & ~(ge_a & ~gt_z & ~x);  // 0x80 in each byte that is no letter
    return other == 0 ? 8 : lowest_marked_byte(other);
}

// The leading run of ASCII letters of a text, folded to lower case and packed into an integer (its
// first 8 letters, byte i = letter i, zero after the run) with its length (counted up to 16).
// Readers reject most lines by one compare of the first word instead of a row of prefix compares.
// As the packed value holds no zero byte inside the run, equal packed values of runs up to 8 letters
// imply equal lengths.
struct first_word {
    std::uint64_t packed = 0;
    std::size_t size = 0;
};
[[nodiscard]] constexpr std::uint64_t pack_word(std::string_view w) noexcept {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < w.size() && i < 8; ++i)
        v |= static_cast<std::uint64_t>(static_cast<unsigned char>(ascii_lower(w[i]))) << (8 * i);
    return v;
}
[[nodiscard]] inline first_word word_at_start(std::string_view s) noexcept {
    constexpr std::uint64_t blanks = 0x2020202020202020u;
    const std::uint64_t x = load_le64(s.data(), s.size()) | blanks;
    first_word w;
    w.size = leading_letters(x);
    w.packed = w.size == 8 ? x : x & ((std::uint64_t{1} << (8 * w.size)) - 1);
    if (w.size == 8 && s.size() > 8) w.size += leading_letters(load_le64(s.data() + 8, s.size() - 8) | blanks);
    return w;
}

// Mail and forum quoting before a line: ">", "> >", ">>", and "|" (a '|' only before a blank or the
// line's end, so a pipe that starts text, "|---" or "|foo", is kept). The blanks after each marker go
// with it.
[[nodiscard]] constexpr std::string_view strip_quote_markers(std::string_view s) noexcept {
    while (!s.empty() && (s[0] == '>' || (s[0] == '|' && (s.size() == 1 || is_blank(s[1]))))) s = ltrim(s.substr(1));
    return s;
}

// A line as the line readers first look at it. text_scan feeds every line to two readers: it trims
// the line, drops its quote markers and finds its first word once for both.
struct trimmed_line {
    std::string_view line;  // without its line break
    std::string_view body;  // without leading blanks and quote markers
    std::string_view t;     // without blanks at either end
    first_word word;        // word_at_start(t)
    bool markup = false;    // t starts with '<': maybe HTML pasted as text (see html_text)
    bool decoded = false;   // t is already the text an HTML line shows
    // Whether t holds a '<' or a '&' anywhere. Readers ask once their input has shown HTML (a line
    // that starts with a known tag, as pasted HTML's first line does): plain text costs no search.
    [[nodiscard]] bool may_hold_markup() const noexcept {
        return !t.empty() && (std::memchr(t.data(), '<', t.size()) != nullptr ||
                              std::memchr(t.data(), '&', t.size()) != nullptr);
    }
    // Whether the line may be HTML for a reader that has (or has not) met HTML in this input: the
    // cheap test before feed_html_lines().
    [[nodiscard]] bool may_be_html(bool html_seen) const noexcept {
        return !decoded && (markup || (html_seen && may_hold_markup()));
    }
};
[[nodiscard]] inline trimmed_line trim_line(std::string_view line) noexcept {
    trimmed_line l;
    l.line = line;
    // Every line comes here: the loops are written out (trim() is not always inlined).
    const char* begin = line.data();
    const char* const stop = begin + line.size();
    while (begin != stop && is_blank(*begin)) ++begin;
    l.body = std::string_view(begin, static_cast<std::size_t>(stop - begin));
    if (begin == stop) {
        l.t = l.body;
        return l;
    }
    if (*begin == '>' || *begin == '|') l.body = strip_quote_markers(l.body);
    const char* end = l.body.data() + l.body.size();
    while (end != l.body.data() && is_blank(end[-1])) --end;
    l.t = std::string_view(l.body.data(), static_cast<std::size_t>(end - l.body.data()));
    l.word = word_at_start(l.t);
    l.markup = !l.t.empty() && l.t[0] == '<';
    return l;
}

// Event Viewer's Type names, plus the spellings of later tools (PowerShell EntryType "SuccessAudit",
// eventquery "Audit Success", Log Parser "Error event") and the numeric EventType values.
[[nodiscard]] constexpr event_type parse_event_type(std::string_view s) noexcept {
    s = trim(s);
    if (iends_with(s, " event")) s = rtrim(s.substr(0, s.size() - 6));
    std::uint64_t n = 0;
    if (!s.empty() && is_digit(s[0]) && parse_whole_uint(s, max_u16, n)) {
        switch (n) {
            case 1: return event_type::error;
            case 2: return event_type::warning;
            case 4: return event_type::information;
            case 8: return event_type::success_audit;
            case 16: return event_type::failure_audit;
            default: return event_type::unspecified;
        }
    }
    // Only names that begin with the first letter loose_equals() would compare can match.
    std::size_t i = 0;
    while (i < s.size() && (is_blank(s[i]) || s[i] == '_' || s[i] == '-')) ++i;
    switch (i < s.size() ? ascii_lower(s[i]) : '\0') {
        case 'e': return loose_equals(s, "error") ? event_type::error : event_type::unspecified;
        case 'w': return loose_equals(s, "warning") ? event_type::warning : event_type::unspecified;
        case 'i':
            return loose_equals(s, "information") || loose_equals(s, "informational") || loose_equals(s, "info")
                       ? event_type::information : event_type::unspecified;
        case 's': return loose_equals(s, "success audit") ? event_type::success_audit : event_type::unspecified;
        case 'f': return loose_equals(s, "failure audit") ? event_type::failure_audit : event_type::unspecified;
        case 'a':
            if (loose_equals(s, "audit success")) return event_type::success_audit;
            return loose_equals(s, "audit failure") ? event_type::failure_audit : event_type::unspecified;
        default: return event_type::unspecified;
    }
}

inline constexpr std::int64_t seconds_per_day = 86400;

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's civil-date algorithm).
[[nodiscard]] constexpr std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) noexcept {
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}
[[nodiscard]] constexpr unsigned days_in_month(std::int64_t y, unsigned m) noexcept {
    constexpr unsigned table[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return (m >= 1 && m <= 12) ? table[m - 1] : 0;
}

// Which part of an ambiguous numeric date is the month. Exports carry the exporting user's locale,
// so one input uses one order; a date whose first or second part exceeds 12 proves it.
enum class date_order : std::uint8_t { unknown, month_first, day_first };

// "M/D/YY", "M/D/YYYY", "D/M/YYYY" (also with '.' or '-'), and "YYYY-MM-DD". Two-digit years follow
// POSIX %y: 69..99 are 19xx, 00..68 are 20xx. A date like 3/4/99 is ambiguous until `order` is known:
// then it yields false (unknown time) rather than a guess. Evidence found here updates `order`.
[[nodiscard]] constexpr bool parse_date(std::string_view s, date_order& order, std::int64_t& days) noexcept {
    s = trim(s);
    std::uint64_t p[3] = {0, 0, 0};
    std::size_t digits[3] = {0, 0, 0};
    char sep = 0;
    for (int i = 0; i < 3; ++i) {
        const std::size_t before = s.size();
        if (!parse_uint(s, 9999, p[i])) return false;
        digits[i] = before - s.size();
        if (i < 2) {
            if (s.empty() || (s[0] != '/' && s[0] != '.' && s[0] != '-')) return false;
            if (sep && s[0] != sep) return false;
            sep = s[0];
            s.remove_prefix(1);
        }
    }
    if (!s.empty() && s != ".") return false;
    std::int64_t y = 0;
    unsigned m = 0, d = 0;
    if (digits[0] == 4) {  // ISO order is never ambiguous
        y = static_cast<std::int64_t>(p[0]);
        m = static_cast<unsigned>(p[1]);
        d = static_cast<unsigned>(p[2]);
    } else {
        if (digits[2] == 2) y = static_cast<std::int64_t>(p[2]) + (p[2] >= 69 ? 1900 : 2000);
        else if (digits[2] == 4) y = static_cast<std::int64_t>(p[2]);
        else return false;
        const auto a = static_cast<unsigned>(p[0]), b = static_cast<unsigned>(p[1]);
        if (a > 12 && b > 12) return false;
        if (a > 12) {
            if (order == date_order::month_first) return false;
            order = date_order::day_first;
        } else if (b > 12) {
            if (order == date_order::day_first) return false;
            order = date_order::month_first;
        } else if (a != b && order == date_order::unknown) {
            return false;
        }
        const bool day_first = order == date_order::day_first;
        m = day_first ? b : a;
        d = day_first ? a : b;
    }
    if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return false;
    days = days_from_civil(y, m, d);
    return true;
}

// "H:MM", "H:MM:SS", optional fraction, optional "AM"/"PM" (also "a.m."); 24-hour otherwise.
[[nodiscard]] constexpr bool parse_time(std::string_view s, std::int64_t& seconds) noexcept {
    s = trim(s);
    std::uint64_t h = 0, mi = 0, se = 0;
    if (!parse_uint(s, 99, h) || s.empty() || s[0] != ':') return false;
    s.remove_prefix(1);
    if (!parse_uint(s, 99, mi)) return false;
    if (!s.empty() && s[0] == ':') {
        s.remove_prefix(1);
        if (!parse_uint(s, 99, se)) return false;
        if (!s.empty() && (s[0] == '.' || s[0] == ',') && s.size() > 1 && is_digit(s[1])) {
            s.remove_prefix(1);
            while (!s.empty() && is_digit(s[0])) s.remove_prefix(1);
        }
    }
    s = trim(s);
    if (!s.empty()) {
        const bool pm = ascii_lower(s[0]) == 'p';
        if (!(ascii_lower(s[0]) == 'a' || pm)) return false;
        if (!(loose_equals(s, "am") || loose_equals(s, "pm") || loose_equals(s, "a.m.") || loose_equals(s, "p.m.")))
            return false;
        if (h < 1 || h > 12) return false;
        h = (h % 12) + (pm ? 12 : 0);
    }
    if (h > 23 || mi > 59 || se > 60) return false;
    seconds = static_cast<std::int64_t>(h * 3600 + mi * 60 + se);
    return true;
}

// A date and a time in one field ("9/13/2000 5:56:06 PM", "2000-09-13 17:56:06", "2000-09-13T17:56:06").
[[nodiscard]] constexpr bool parse_date_time(std::string_view s, date_order& order, std::int64_t& t) noexcept {
    s = trim(s);
    std::size_t cut = 0;
    while (cut < s.size() && !is_blank(s[cut]) && s[cut] != 'T') ++cut;
    std::int64_t days = 0, secs = 0;
    if (cut == s.size() || !parse_date(s.substr(0, cut), order, days)) return false;
    if (!parse_time(s.substr(cut + 1), secs)) return false;
    t = days * seconds_per_day + secs;
    return true;
}

// Storage for text the reader must assemble (joined lines, unescaped quotes). Blocks never move, so
// views handed out stay valid until clear().
class scratch {
public:
    [[nodiscard]] std::string_view store(std::string_view s) {
        if (s.empty()) return {};
        char* p = reserve(s.size());
        std::memcpy(p, s.data(), s.size());
        used_ += s.size();
        return {p, s.size()};
    }
    // Builds a string piece by piece in the current block; finish() returns it.
    void begin() { building_ = 0; }
    void append(std::string_view s) {
        if (s.empty()) return;
        char* old = cur() ? cur() + used_ : nullptr;
        char* p = reserve(building_ + s.size());
        if (old && p != old && building_) std::memcpy(p, old, building_);  // moved to a new block
        std::memcpy(p + building_, s.data(), s.size());
        building_ += s.size();
    }
    void append(char c) { append(std::string_view(&c, 1)); }
    [[nodiscard]] std::string_view finish() {
        if (!building_) return {};
        std::string_view r(cur() + used_, building_);
        used_ += building_;
        building_ = 0;
        return r;
    }
    void clear() noexcept {
        // Keep one block to avoid reallocating on every read.
        if (blocks_.size() > 1) blocks_.erase(blocks_.begin(), blocks_.end() - 1);
        used_ = 0;
        building_ = 0;
    }

private:
    static constexpr std::size_t block_size = 64 * 1024;
    char* cur() const noexcept { return blocks_.empty() ? nullptr : blocks_.back().get(); }
    // Returns space for `n` bytes at the fill point, opening a new block when needed.
    char* reserve(std::size_t n) {
        if (blocks_.empty() || used_ + n > size_) {
            const std::size_t sz = n > block_size ? n : block_size;
            blocks_.push_back(std::unique_ptr<char[]>(new char[sz]));
            size_ = sz;
            used_ = 0;
        }
        return cur() + used_;
    }
    std::vector<std::unique_ptr<char[]>> blocks_;
    std::size_t size_ = 0;      // size of the last block
    std::size_t used_ = 0;      // bytes handed out in the last block
    std::size_t building_ = 0;  // bytes of an unfinished string after used_
};

// Windows Event Log levels (wevtutil "Level:", Get-WinEvent's Level and LevelDisplayName): names as
// parse_event_type() reads them plus "Critical"; numbers are levels, not classic EventType values
// (1 critical, 2 error, 3 warning, 4 information, 5 verbose; 0 is what classic audit events get).
[[nodiscard]] constexpr event_type parse_level(std::string_view s) noexcept {
    s = trim(s);
    std::uint64_t n = 0;
    if (parse_whole_uint(s, 0xFF, n)) {
        switch (n) {
            case 1: case 2: return event_type::error;
            case 3: return event_type::warning;
            case 4: case 5: return event_type::information;
            default: return event_type::unspecified;
        }
    }
    if (iequals(s, "critical")) return event_type::error;
    return parse_event_type(s);
}

// The Type a 32-bit event identifier's severity bits (31..30) imply: 3 error, 2 warning, 1
// information; 0 ("success") says nothing, as logs often disagree with the bits (docs/formats.md 1).
[[nodiscard]] constexpr event_type type_from_severity(std::uint32_t identifier) noexcept {
    switch (identifier >> 30) {
        case 3: return event_type::error;
        case 2: return event_type::warning;
        case 1: return event_type::information;
        default: return event_type::unspecified;
    }
}

// A table cell PowerShell cut to its column's width ends in "..."; `cut` says whether it was.
[[nodiscard]] constexpr std::string_view strip_ellipsis(std::string_view s, bool& cut) noexcept {
    s = rtrim(s);
    cut = s.size() >= 3 && s.substr(s.size() - 3) == "...";
    return cut ? rtrim(s.substr(0, s.size() - 3)) : s;
}

// The source of Windows' service events (7000, 7009, 7023, 7024 for failed starts).
inline constexpr std::string_view service_control_manager = "Service Control Manager";

// A source a table column cut ("Service Control...") taken back to its full name: the one among
// `known` (the sources the caller's rules name) and the Service Control Manager that starts with
// what is left, when exactly one does; else the cut name.
[[nodiscard]] constexpr std::string_view complete_source(std::string_view prefix, view<std::string_view> known) noexcept {
    if (prefix.size() < 4) return prefix;
    std::string_view found = istarts_with(service_control_manager, prefix) ? service_control_manager : std::string_view{};
    for (std::string_view s : known) {
        if (!istarts_with(s, prefix) || iequals(s, found)) continue;
        if (!found.empty()) return prefix;  // ambiguous
        found = s;
    }
    return found.empty() ? prefix : found;
}

// Appends `list` split at every `sep` to `out` as insertion strings (each part trimmed, followed by
// '\0'); returns how many (at most 65535: the rest is dropped). Empty parts are kept as empty
// strings, except an empty list.
[[nodiscard]] inline std::uint16_t append_strings(scratch& out, std::string_view list, std::string_view sep) {
    list = trim(list);
    if (list.empty() || sep.empty()) return 0;
    std::uint16_t n = 0;
    while (n < 0xFFFF) {
        const std::size_t cut = list.find(sep);
        out.append(trim(list.substr(0, cut)));
        out.append('\0');
        ++n;
        if (cut == std::string_view::npos) break;
        list.remove_prefix(cut + sep.size());
    }
    return n;
}

// HTML pasted as text. Tags that end a line or a block (br, p, div, tr, li, h1..h6, table, ...)
// become one '\n' between the texts around them (never two in a row, so "</p><p>" leaves no blank
// line, but "<p>&nbsp;</p>" does: a line of one blank), td and th a '\t', other
// known tags (b, font, span, ...) nothing; comments are dropped; the entities &nbsp; &amp; &lt;
// &gt; &quot; &apos; &#n; &#xh; are decoded (a code point above 127 as UTF-8). A '<' that opens no
// known tag ("<domain name>", "<<0xc0040000") is text. One pass over the line, one copy into `out`;
// false when the line holds no known tag and no entity (then nothing is written), else true with
// `text` the line's text (and the line breaks its tags made). Script and style contents are kept.
namespace html {
enum class tag_effect : std::uint8_t { none, inline_tag, cell, line };
[[nodiscard]] constexpr tag_effect effect_of(std::string_view name) noexcept {
    struct entry {
        std::string_view name;
        tag_effect effect;
    };
    constexpr entry tags[] = {
        {"br", tag_effect::line}, {"p", tag_effect::line}, {"div", tag_effect::line}, {"tr", tag_effect::line},
        {"li", tag_effect::line}, {"ul", tag_effect::line}, {"ol", tag_effect::line}, {"table", tag_effect::line},
        {"tbody", tag_effect::line}, {"thead", tag_effect::line}, {"tfoot", tag_effect::line},
        {"h1", tag_effect::line}, {"h2", tag_effect::line}, {"h3", tag_effect::line}, {"h4", tag_effect::line},
        {"h5", tag_effect::line}, {"h6", tag_effect::line}, {"blockquote", tag_effect::line},
        {"pre", tag_effect::line}, {"hr", tag_effect::line}, {"html", tag_effect::line}, {"body", tag_effect::line},
        {"head", tag_effect::line}, {"center", tag_effect::line}, {"dd", tag_effect::line}, {"dt", tag_effect::line},
        {"td", tag_effect::cell}, {"th", tag_effect::cell},
        {"a", tag_effect::inline_tag}, {"b", tag_effect::inline_tag}, {"i", tag_effect::inline_tag},
        {"u", tag_effect::inline_tag}, {"s", tag_effect::inline_tag}, {"em", tag_effect::inline_tag},
        {"strong", tag_effect::inline_tag}, {"span", tag_effect::inline_tag}, {"font", tag_effect::inline_tag},
        {"tt", tag_effect::inline_tag}, {"code", tag_effect::inline_tag}, {"small", tag_effect::inline_tag},
        {"big", tag_effect::inline_tag}, {"sup", tag_effect::inline_tag}, {"sub", tag_effect::inline_tag},
        {"nobr", tag_effect::inline_tag}, {"wbr", tag_effect::inline_tag}, {"meta", tag_effect::inline_tag},
        {"title", tag_effect::inline_tag}, {"style", tag_effect::inline_tag}, {"img", tag_effect::inline_tag},
        {"o:p", tag_effect::inline_tag}, {"dl", tag_effect::line}, {"col", tag_effect::inline_tag},
        {"colgroup", tag_effect::inline_tag}, {"caption", tag_effect::line}, {"address", tag_effect::line},
    };
    for (const entry& e : tags)
        if (iequals(name, e.name)) return e.effect;
    return tag_effect::none;
}

// The tag that starts at s[0] == '<': its length and effect, or effect none when it is not one.
// `close` is the offset in `s` of the first '>' after s[0] and `comment_end` that of the first
// "-->" after s[0] + 4 (npos when there is none): the caller finds them once for many tags, which
// keeps a line of "<a <a <a ..." linear.
[[nodiscard]] constexpr tag_effect tag_at(std::string_view s, std::size_t close, std::size_t comment_end,
                                          std::size_t& length) noexcept {
    if (s.size() >= 4 && s.substr(0, 4) == "<!--") {  // a comment, to its end on this line
        if (comment_end == std::string_view::npos) return tag_effect::none;
        length = comment_end + 3;
        return tag_effect::inline_tag;
    }
    std::size_t i = 1;
    if (i < s.size() && s[i] == '/') ++i;
    const std::size_t name_start = i;
    while (i < s.size() && i - name_start < 12 && (is_alnum(s[i]) || s[i] == ':')) ++i;
    if (i == name_start || i >= s.size()) return tag_effect::none;
    if (!(s[i] == '>' || s[i] == '/' || is_blank(s[i]))) return tag_effect::none;
    const tag_effect e = effect_of(s.substr(name_start, i - name_start));
    if (e == tag_effect::none || close == std::string_view::npos || close < i) return tag_effect::none;
    length = close + 1;
    return e;
}

// The entity at s[0] == '&': its length and decoded bytes (at most 4), or false.
[[nodiscard]] constexpr bool entity_at(std::string_view s, std::size_t& length, char (&bytes)[4], std::size_t& count) noexcept {
    const std::size_t semi = s.substr(0, s.size() < 12 ? s.size() : 12).find(';');
    if (semi == std::string_view::npos || semi < 2) return false;
    const std::string_view name = s.substr(1, semi - 1);
    length = semi + 1;
    count = 1;
    if (name[0] == '#') {
        std::uint64_t cp = 0;
        std::string_view digits = name.substr(1);
        if (!digits.empty() && (digits[0] == 'x' || digits[0] == 'X')) {
            digits.remove_prefix(1);
            if (!parse_hex<6>(digits, cp) || !digits.empty()) return false;
        } else if (!parse_whole_uint(digits, 0x10FFFF, cp)) {
            return false;
        }
        if (cp == 0 || cp > 0x10FFFF) return false;
        if (cp == 0xA0) cp = ' ';
        count = put_utf8(static_cast<std::uint32_t>(cp), bytes);
        return true;
    }
    struct entry {
        std::string_view name;
        char c;
    };
    constexpr entry named[] = {{"nbsp", ' '}, {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
    for (const entry& e : named) {
        if (iequals(name, e.name)) {
            bytes[0] = e.c;
            return true;
        }
    }
    return false;
}
}  // namespace html

[[nodiscard]] inline bool html_text(std::string_view line, scratch& out, std::string_view& text) {
    std::size_t gt = 0, comment = 0;  // the next '>' and "-->" at or after the current '<' (npos: none left)
    bool gt_known = false, comment_known = false;
    // The effect of the tag or entity at line[i], with its length; none (and false) when there is none.
    auto markup_at = [&](std::size_t i, std::size_t& len, char (&bytes)[4], std::size_t& count, bool& entity) {
        entity = false;
        if (line[i] == '&') {
            entity = html::entity_at(line.substr(i), len, bytes, count);
            return html::tag_effect::none;
        }
        if (!gt_known || (gt != std::string_view::npos && gt <= i)) {
            const void* p = std::memchr(line.data() + i + 1, '>', line.size() - i - 1);
            gt = p ? static_cast<std::size_t>(static_cast<const char*>(p) - line.data()) : std::string_view::npos;
            gt_known = true;
        }
        if (!comment_known || (comment != std::string_view::npos && comment < i + 4)) {
            comment = line.find("-->", i + 4);
            comment_known = true;
        }
        const std::size_t close = gt == std::string_view::npos ? gt : gt - i;
        const std::size_t cend = comment == std::string_view::npos ? comment : comment - i;
        return html::tag_at(line.substr(i), close, cend, len);
    };
    // Find the first tag or entity before copying anything: most lines with '<' or '&' are not HTML.
    std::size_t first = std::string_view::npos;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] != '<' && line[i] != '&') continue;
        std::size_t len = 0, count = 0;
        char bytes[4] = {};
        bool entity = false;
        if (markup_at(i, len, bytes, count, entity) != html::tag_effect::none || entity) {
            first = i;
            break;
        }
    }
    if (first == std::string_view::npos) return false;
    out.begin();
    // A tag's line break is written only when text follows it: none at the start, none at the end
    // (the line's own end follows), never two in a row.
    bool at_line_start = true, pending_break = false;
    auto put = [&](std::string_view piece) {
        if (piece.empty()) return;
        if (pending_break) out.append('\n');
        pending_break = false;
        out.append(piece);
        at_line_start = false;
    };
    put(line.substr(0, first));
    std::size_t i = first, copied = first;
    while (i < line.size()) {
        if (line[i] != '<' && line[i] != '&') {
            ++i;
            continue;
        }
        std::size_t len = 0, count = 0;
        char bytes[4] = {};
        bool entity = false;
        const html::tag_effect effect = markup_at(i, len, bytes, count, entity);
        if (!entity && effect == html::tag_effect::none) {
            ++i;
            continue;
        }
        put(line.substr(copied, i - copied));
        if (entity) {
            put(std::string_view(bytes, count));
        } else if (effect == html::tag_effect::line && !at_line_start) {
            pending_break = true;
            at_line_start = true;
        } else if (effect == html::tag_effect::cell && !at_line_start) {
            put("\t");
        }
        i += len;
        copied = i;
    }
    put(line.substr(copied));
    text = out.finish();
    return true;
}

// What the line readers do with a line that may_be_html(): when it is HTML, each line of the text it
// shows goes to `feed` as a decoded trimmed_line and the result is true; otherwise nothing happens
// and the result is false. `html_seen` is the reader's memory of having met HTML; the text is kept
// in `storage`.
template <class Feed>
[[nodiscard]] bool feed_html_lines(const trimmed_line& l, bool& html_seen, scratch& storage, Feed&& feed) {
    std::string_view text;
    if (!html_text(l.t, storage, text)) return false;
    html_seen = true;
    for (;;) {
        const std::size_t cut = text.find('\n');
        trimmed_line piece = trim_line(text.substr(0, cut));
        piece.decoded = true;
        feed(piece);
        if (cut == std::string_view::npos) return true;
        text.remove_prefix(cut + 1);
    }
}

}  // namespace ruledx::read::detail

#endif
