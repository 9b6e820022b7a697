// ruledx — small text helpers shared by the text readers: ASCII case folding, trimming, numbers,
// line splitting, event type names, civil dates, and a scratch arena for text the input does not
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

#include "ruledx/model/event_type.hpp"

namespace ruledx::read::detail {

[[nodiscard]] constexpr char lower(char c) noexcept {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
[[nodiscard]] constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
[[nodiscard]] constexpr bool is_alpha(char c) noexcept {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
[[nodiscard]] constexpr bool is_alnum(char c) noexcept { return is_digit(c) || is_alpha(c); }
// Horizontal blanks only; line ends are removed by the line splitter. '\r' counts as blank so that
// stray carriage returns (CR CR LF from some copy paths) do not leak into values.
[[nodiscard]] constexpr bool is_blank(char c) noexcept {
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

[[nodiscard]] constexpr std::string_view ltrim(std::string_view s) noexcept {
    std::size_t i = 0;
    while (i < s.size() && is_blank(s[i])) ++i;
    return s.substr(i);
}
[[nodiscard]] constexpr std::string_view rtrim(std::string_view s) noexcept {
    std::size_t n = s.size();
    while (n > 0 && is_blank(s[n - 1])) --n;
    return s.substr(0, n);
}
[[nodiscard]] constexpr std::string_view trim(std::string_view s) noexcept { return rtrim(ltrim(s)); }

[[nodiscard]] constexpr bool iequals(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}
[[nodiscard]] constexpr bool istarts_with(std::string_view s, std::string_view prefix) noexcept {
    return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}
[[nodiscard]] constexpr bool iends_with(std::string_view s, std::string_view suffix) noexcept {
    return s.size() >= suffix.size() && iequals(s.substr(s.size() - suffix.size()), suffix);
}
// Case-insensitive search; needles are short literals, so the naive loop is fine.
[[nodiscard]] constexpr std::size_t ifind(std::string_view hay, std::string_view needle,
                                          std::size_t from = 0) noexcept {
    if (needle.empty()) return from <= hay.size() ? from : std::string_view::npos;
    if (hay.size() < needle.size()) return std::string_view::npos;
    const char first = lower(needle[0]);
    for (std::size_t i = from; i + needle.size() <= hay.size(); ++i) {
        if (lower(hay[i]) != first) continue;
        if (iequals(hay.substr(i, needle.size()), needle)) return i;
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
    std::size_t i = 0, j = 0;
    for (;;) {
        while (i < a.size() && (is_blank(a[i]) || a[i] == '_' || a[i] == '-')) ++i;
        while (j < b.size() && (is_blank(b[j]) || b[j] == '_' || b[j] == '-')) ++j;
        if (i == a.size() || j == b.size()) return i == a.size() && j == b.size();
        if (lower(a[i]) != lower(b[j])) return false;
        ++i;
        ++j;
    }
}

// Consumes leading decimal digits of `s` into `out`. False when there are none or the value
// exceeds `max` (the digits are still consumed, so callers cannot loop on them).
[[nodiscard]] constexpr bool parse_uint(std::string_view& s, std::uint64_t max, std::uint64_t& out) noexcept {
    std::size_t i = 0;
    std::uint64_t v = 0;
    bool overflow = false;
    while (i < s.size() && is_digit(s[i])) {
        const auto d = static_cast<std::uint64_t>(s[i] - '0');
        if (!overflow && v > (max - d) / 10) overflow = true;
        if (!overflow) v = v * 10 + d;
        ++i;
    }
    s.remove_prefix(i);
    if (i == 0 || overflow) return false;
    out = v;
    return true;
}
// A whole field that is exactly one unsigned number (blanks around it allowed).
[[nodiscard]] constexpr bool parse_whole_uint(std::string_view s, std::uint64_t max, std::uint64_t& out) noexcept {
    s = trim(s);
    return parse_uint(s, max, out) && s.empty();
}

// The leading run of ASCII letters of a text, folded to lower case and packed into an integer (its
// first 8 letters) with its length (counted up to 16). Readers reject most lines with one compare of
// the first word instead of a row of prefix compares.
struct first_word {
    std::uint64_t packed = 0;
    std::size_t size = 0;
};
[[nodiscard]] constexpr std::uint64_t pack_word(std::string_view w) noexcept {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < w.size() && i < 8; ++i)
        v |= static_cast<std::uint64_t>(static_cast<unsigned char>(lower(w[i]))) << (8 * i);
    return v;
}
[[nodiscard]] constexpr first_word word_at_start(std::string_view s) noexcept {
    first_word w;
    const std::size_t n = s.size() < 16 ? s.size() : 16;
    while (w.size < n && is_alpha(s[w.size])) {
        if (w.size < 8) w.packed |= static_cast<std::uint64_t>(static_cast<unsigned char>(s[w.size]) | 0x20) << (8 * w.size);
        ++w.size;
    }
    return w;
}
// True when the word is `w` (compared on its first 8 letters only: a filter, not a match).
[[nodiscard]] constexpr bool word_may_be(first_word fw, std::string_view w) noexcept {
    return fw.size == w.size() && fw.packed == pack_word(w);
}

// Remembers where the next NUL byte of a text is, so that checking every line for one costs a
// compare instead of a second memchr over the line. Searches resume after the last NUL found, so
// the whole text is scanned once.
struct nul_finder {
    std::string_view text;
    std::size_t next = 0;  // offset of the first NUL at or after the last search start, or text.size()
    bool known = false;
    // Whether [begin, end) of `text` holds a NUL; calls must come with non-decreasing `begin`.
    [[nodiscard]] bool any(std::size_t begin, std::size_t end) noexcept {
        if (!known || next < begin) {
            const void* z = begin < text.size() ? std::memchr(text.data() + begin, '\0', text.size() - begin) : nullptr;
            next = z ? static_cast<std::size_t>(static_cast<const char*>(z) - text.data()) : text.size();
            known = true;
        }
        return next < end;
    }
};

// Line splitting with memchr: the line excludes "\n" and a trailing "\r".
struct line_cursor {
    std::string_view text;
    std::size_t pos = 0;
    std::size_t number = 0;  // 1-based number of the line last returned

    [[nodiscard]] bool done() const noexcept { return pos >= text.size(); }
    // Returns the next line; `start` receives its byte offset in `text`.
    std::string_view next(std::size_t& start) noexcept {
        start = pos;
        const char* base = text.data() + pos;
        const std::size_t left = text.size() - pos;
        const void* nl = left ? std::memchr(base, '\n', left) : nullptr;
        std::size_t len = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - base) : left;
        pos += len + (nl ? 1 : 0);
        ++number;
        if (len > 0 && base[len - 1] == '\r') --len;
        return {base, len};
    }
};

// Event Viewer's Type names, plus the spellings of later tools (PowerShell EntryType "SuccessAudit",
// eventquery "Audit Success", Log Parser "Error event") and the numeric EventType values.
[[nodiscard]] constexpr event_type parse_event_type(std::string_view s) noexcept {
    s = trim(s);
    if (iends_with(s, " event")) s = rtrim(s.substr(0, s.size() - 6));
    std::uint64_t n = 0;
    if (parse_whole_uint(s, 0xFFFF, n)) {
        switch (n) {
            case 1: return event_type::error;
            case 2: return event_type::warning;
            case 4: return event_type::information;
            case 8: return event_type::success_audit;
            case 16: return event_type::failure_audit;
            default: return event_type::unspecified;
        }
    }
    if (loose_equals(s, "error")) return event_type::error;
    if (loose_equals(s, "warning")) return event_type::warning;
    if (loose_equals(s, "information") || loose_equals(s, "informational") || loose_equals(s, "info"))
        return event_type::information;
    if (loose_equals(s, "success audit") || loose_equals(s, "audit success")) return event_type::success_audit;
    if (loose_equals(s, "failure audit") || loose_equals(s, "audit failure")) return event_type::failure_audit;
    return event_type::unspecified;
}

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
        const bool pm = lower(s[0]) == 'p';
        if (!(lower(s[0]) == 'a' || pm)) return false;
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
    t = days * 86400 + secs;
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
    [[nodiscard]] std::size_t building_size() const noexcept { return building_; }
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
    [[nodiscard]] std::size_t capacity() const noexcept { return blocks_.empty() ? 0 : size_; }

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

}  // namespace ruledx::read::detail

#endif
