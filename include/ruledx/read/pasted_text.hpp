// ruledx — events as people paste them: KB-style label blocks ("Event ID: 4143" / "Source:" / "Type:"
// / "Category:" / "Description:"), one-line forms ("ID: 4087, Source: MSExchangeIMC, Type: Error"),
// "4007: MSExchangeIMC", the NT 4.0 Event Detail two-column layout and the Windows 2000 "copy to
// clipboard" layout, several events per text, mixed with prose.
//
// The rule that keeps prose out: a block is an event only when an event-id label opens a line (after
// indentation and an optional "-"/"*" bullet) and the block also has a Source, Type, Category or
// Description. A label without ':' or '=' ("Event ID 4072") must be followed by nothing or by
// another key on the line, so "Event ID 4072 may also be logged." is prose.
//
// Lifetime: values are views into the caller's text, except multi-line descriptions, which are joined
// (lines trimmed, joined by one space, because KB text wraps messages at 80 columns) into the
// reader's scratch storage; those stay valid until the reader's next begin()/read().
#ifndef RULEDX_READ_PASTED_TEXT_HPP
#define RULEDX_READ_PASTED_TEXT_HPP

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>

#include "ruledx/read/detail/text.hpp"
#include "ruledx/read/record.hpp"

namespace ruledx::read {

namespace detail {

enum class key : std::uint8_t { none, id, source, type, category, description, date, time, user, computer, data };

// Reads a label ("Event ID", "EventID", "Event Source", "Type", "Data (Words)", ...) and its
// separator. `strong` is true when ':' or '=' follows; a weak label needs a blank before its value.
[[nodiscard]] constexpr key take_label(std::string_view& s, bool& strong) noexcept {
    std::string_view r = s;
    key k = key::none;
    if (istarts_with(r, "event")) {
        r.remove_prefix(5);
        if (!r.empty() && is_alpha(r[0]) && !istarts_with(r, "id")) return key::none;  // "Events", "Eventlog"
        if (take_word(r, "id")) {
            k = key::id;
        } else {
            std::string_view t = ltrim(r);
            if (take_word(t, "id")) k = key::id, r = t;
            else if (take_word(t, "source")) k = key::source, r = t;
            else if (take_word(t, "type")) k = key::type, r = t;
            else if (take_word(t, "category")) k = key::category, r = t;
            else if (!r.empty() && is_alnum(r[0])) return key::none;
            else k = key::id;  // bare "Event: 4087" / "Event 2241:"
        }
    } else if (take_word(r, "id")) k = key::id;
    else if (take_word(r, "source")) k = key::source;
    else if (take_word(r, "type")) k = key::type;
    else if (take_word(r, "category") || take_word(r, "cat")) k = key::category;
    else if (take_word(r, "description") || take_word(r, "desc")) k = key::description;
    else if (take_word(r, "date")) k = key::date;
    else if (take_word(r, "time")) k = key::time;
    else if (take_word(r, "user")) k = key::user;
    else if (take_word(r, "computer")) k = key::computer;
    else if (take_word(r, "data")) {
        k = key::data;
        std::string_view t = ltrim(r);
        if (!t.empty() && t[0] == '(') {  // "Data (Words)"
            const std::size_t close = t.find(')');
            if (close == std::string_view::npos || close > 8) return key::none;
            r = t.substr(close + 1);
        }
    } else return key::none;
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
[[nodiscard]] constexpr std::size_t value_end(std::string_view s, std::size_t& next) noexcept {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const bool sep = c == ',' || c == ';' || is_blank(c) ||
                         (c == '-' && i > 0 && s[i - 1] == ' ' && i + 1 < s.size() && s[i + 1] == ' ');
        if (!sep) continue;
        std::size_t j = i + 1;
        while (j < s.size() && is_blank(s[j])) ++j;
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
    return is_digit(c) || (lower(c) >= 'a' && lower(c) <= 'f');
}

// "4007: MSExchangeIMC": a number and a lone source-like token, nothing else. The number may not start
// with 0 and the token may not be hex, which keeps Data dumps ("0000: c000005e") out.
[[nodiscard]] constexpr bool parse_number_source(std::string_view t, key_line& out) noexcept {
    std::string_view s = t;
    std::uint64_t n = 0;
    if (s.empty() || s[0] == '0') return false;
    const std::string_view num = s;
    if (!parse_uint(s, 0xFFFF, n) || s.empty() || s[0] != ':') return false;
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

// False only when parse_key_line() must return false: the line starts with neither a digit nor a word
// take_label() accepts. Labels are whole words ("Type:" but not "Types") except "Event...", so the
// first word decides. Most prose lines stop here. Bitwise | and & keep it free of branches.
[[nodiscard]] inline bool may_be_key_line(std::string_view t, first_word w) noexcept {
    if (t.empty()) return false;
    const std::uint64_t p = w.packed;
    constexpr std::uint64_t event = pack_word("event"), id = pack_word("id"), source = pack_word("source"),
                            type = pack_word("type"), category = pack_word("category"), cat = pack_word("cat"),
                            desc = pack_word("desc"), date = pack_word("date"), time = pack_word("time"),
                            user = pack_word("user"), computer = pack_word("computer"), data = pack_word("data"),
                            descript = pack_word("descript");
    if (is_digit(t[0])) {  // parse_number_source(): "4007:", no leading 0, at most 5 digits (<= 0xFFFF)
        std::size_t i = 1;
        while (i < t.size() && i < 6 && is_digit(t[i])) ++i;
        return t[0] != '0' && i < t.size() && t[i] == ':';
    }
    return ((p & 0xFFFFFFFFFFu) == event) |  // "Event", "EventID", "Events"
           (p == id) | (p == source) | (p == type) | (p == category) | (p == cat) | (p == desc) | (p == date) |
           (p == time) | (p == user) | (p == computer) | (p == data) |
           ((p == descript) & (w.size == 11));  // "description"
}

// Splits a line into labelled fields; false when the line is not a key line.
[[nodiscard]] constexpr bool parse_key_line(std::string_view t, key_line& out) noexcept {
    out.n = 0;  // not `out = key_line{}`: this runs for every line, and the fields are written before use
    out.weak_first = false;
    out.number_source = false;
    out.inline_text = {};
    if (t.empty()) return false;
    switch (lower(t[0])) {  // the first letters of all labels, and digits for "4007: MSExchangeIMC"
        case 'e': case 'i': case 's': case 't': case 'c': case 'd': case 'u':
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9': break;
        default: return false;
    }
    if (!t.empty() && is_digit(t[0])) return parse_number_source(t, out);
    std::string_view s = t;
    for (bool first = true; out.n < 10; first = false) {
        bool strong = false;
        const key k = take_label(s, strong);
        if (k == key::none) return out.n > 0;
        if (first) out.weak_first = !strong;
        if (k == key::id) {
            const std::string_view num = s;
            std::uint64_t n = 0;
            if (!parse_uint(s, 0xFFFF, n)) return false;
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
        if (k == key::description) {
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

[[nodiscard]] inline bool has_nul(std::string_view line) noexcept {
    return !line.empty() && std::memchr(line.data(), '\0', line.size()) != nullptr;
}

}  // namespace detail

struct pasted_text_options {
    std::size_t max_line_length = std::size_t{1} << 20;  // longer lines are reported and skipped
};

class pasted_text_reader {
public:
    pasted_text_reader() = default;
    explicit pasted_text_reader(pasted_text_options options) : options_(options) {}

    // Reads a whole text. on_event(const event_record&); on_error(const read_error&).
    template <class OnEvent, class OnError>
    void read(std::string_view text, OnEvent&& on_event, OnError&& on_error, std::string_view file = {}) {
        begin();
        detail::line_cursor lines{text};
        detail::nul_finder nul{text};
        bool in_binary = false;
        while (!lines.done()) {
            std::size_t start = 0;
            const std::string_view line = lines.next(start);
            const location where{start, lines.number};
            if (line.size() > options_.max_line_length) {
                on_error(read_error{file, where, problem::bad_length, "line longer than the limit; skipped"});
                break_block(on_event);
                continue;
            }
            if (nul.any(start, start + line.size())) {
                if (!in_binary) on_error(read_error{file, where, problem::skipped_bytes, "binary data in text; skipped"});
                in_binary = true;
                break_block(on_event);
                continue;
            }
            in_binary = false;
            feed(line, where, on_event);
        }
        end(on_event);
    }

    // Line-at-a-time interface, for text_scan and chunked reading.
    void begin() {
        scratch_.clear();
        order_ = detail::date_order::unknown;
        reset_block();
    }
    template <class OnEvent>
    void feed(std::string_view line, location where, OnEvent&& on_event) {
        feed(detail::trim_line(line), where, on_event);
    }
    // The same with the line already trimmed (text_scan shares that work with start_error_reader).
    template <class OnEvent>
    void feed(const detail::trimmed_line& l, location where, OnEvent&& on_event) {
        const std::string_view body = l.body;
        const std::size_t indent = l.line.size() - body.size();
        const std::string_view t = l.t;
        if (t.empty()) {
            on_blank(on_event);
            return;
        }
        if (b_.in_data) {
            if (detail::is_hex_dump_line(t)) return;
            b_.in_data = false;
        }
        std::string_view keyed = t;
        detail::first_word word = l.word;
        if (keyed.size() > 2 && (keyed[0] == '-' || keyed[0] == '*') && detail::is_blank(keyed[1])) {
            keyed = detail::ltrim(keyed.substr(1));
            word = detail::word_at_start(keyed);
        }
        // kl_ is a member, not a local: building a key_line per line zeroes its ten fields.
        if (detail::may_be_key_line(keyed, word) && detail::parse_key_line(keyed, kl_) && apply(kl_, indent, where, on_event)) {
            b_.blanks = 0;
            b_.last_was_key = true;
            return;
        }
        on_text(t, indent, where, on_event);
    }
    template <class OnEvent>
    void end(OnEvent&& on_event) {
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
        std::swap(scratch_, spare_);
        spare_.clear();
    }

private:
    struct block {
        event_record rec;
        bool open = false;        // any key seen
        bool has_id = false;
        bool id_weak = false;       // "Event ID 4086": needs a labelled field to count
        bool needs_desc = false;    // "4007: MSExchangeIMC": needs a description to count
        bool has_keyed = false;     // a Source/Type/Category/Description label was seen
        bool has_source = false, has_type = false, has_category = false, has_date = false, has_time = false;
        bool has_user = false, has_computer = false;
        bool has_desc = false;      // a description was started
        bool desc_open = false;     // further lines continue it
        bool desc_label_empty = false;  // "Description:" with nothing after it
        bool in_data = false;
        bool last_was_key = false;
        std::size_t blanks = 0;
        std::size_t indent = 0;
        std::size_t desc_lines = 0;
        std::string_view desc_first;
        std::string_view date, time;
    };

    void reset_block() {
        b_ = block{};
        desc_buf_.clear();
    }

    template <class OnEvent>
    void finish_block(OnEvent& on_event) {
        if (!b_.open) return;  // prose between blocks: nothing to reset
        const bool confirmed = b_.needs_desc ? b_.has_desc : b_.id_weak ? b_.has_keyed : (b_.has_keyed || b_.has_desc);
        if (b_.has_id && confirmed) {
            event_record r = b_.rec;
            if (b_.desc_lines > 1) r.description = scratch_.store(desc_buf_);
            else r.description = b_.desc_first;
            if (b_.has_date) {
                std::int64_t days = 0, secs = 0;
                if (detail::parse_date(b_.date, order_, days)) {
                    r.time_generated = days * 86400;
                    if (b_.has_time && detail::parse_time(b_.time, secs)) r.time_generated += secs;
                }
            }
            on_event(static_cast<const event_record&>(r));
        }
        reset_block();
    }

    template <class OnEvent>
    void break_block(OnEvent& on_event) {
        finish_block(on_event);
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

    // Applies one key line; false when it should be read as prose instead.
    template <class OnEvent>
    bool apply(const detail::key_line& kl, std::size_t indent, location where, OnEvent& on_event) {
        const bool has_id_field = kl.f[0].k == detail::key::id;
        if (kl.weak_first && !has_id_field && !b_.has_id) return false;  // "Source code ..." in prose
        if (kl.weak_first && !has_id_field && b_.desc_open && b_.desc_lines > 0) return false;
        if (!b_.open) start_block(indent, where);
        b_.desc_open = false;
        b_.desc_label_empty = false;
        for (std::size_t i = 0; i < kl.n; ++i) {
            const detail::field& f = kl.f[i];
            switch (f.k) {
                case detail::key::id: {
                    if (b_.has_id) {
                        finish_block(on_event);
                        start_block(indent, where);
                    }
                    std::string_view v = f.value;
                    std::uint64_t n = 0;
                    (void)detail::parse_uint(v, 0xFFFF, n);
                    b_.rec.event_id = static_cast<std::uint16_t>(n);
                    b_.has_id = true;
                    b_.id_weak = i == 0 && kl.weak_first;
                    b_.needs_desc = kl.number_source;
                    break;
                }
                case detail::key::source:
                    renew_if(b_.has_source, indent, where, on_event);
                    b_.rec.source = detail::strip_period(f.value);
                    b_.has_source = !b_.rec.source.empty();
                    b_.has_keyed = b_.has_keyed || b_.has_source;
                    break;
                case detail::key::type:
                    renew_if(b_.has_type, indent, where, on_event);
                    b_.rec.type = detail::parse_event_type(detail::strip_period(f.value));
                    b_.has_type = true;
                    b_.has_keyed = true;
                    break;
                case detail::key::category: {
                    renew_if(b_.has_category, indent, where, on_event);
                    const std::string_view v = detail::strip_period(f.value);
                    if (detail::iequals(v, "none") || detail::iequals(v, "<none>") || detail::iequals(v, "(none)")) {
                        b_.rec.category = {};
                        b_.rec.has_category_number = true;
                        b_.rec.category_number = 0;
                    } else {
                        b_.rec.category = v;
                    }
                    b_.has_category = true;
                    b_.has_keyed = true;
                    break;
                }
                case detail::key::date:
                    renew_if(b_.has_date, indent, where, on_event);
                    b_.date = f.value;
                    b_.has_date = true;
                    break;
                case detail::key::time:
                    renew_if(b_.has_time, indent, where, on_event);
                    b_.time = f.value;
                    b_.has_time = true;
                    break;
                case detail::key::user:
                    renew_if(b_.has_user, indent, where, on_event);
                    b_.rec.user = detail::iequals(f.value, "N/A") ? std::string_view{} : f.value;
                    b_.has_user = true;
                    break;
                case detail::key::computer:
                    renew_if(b_.has_computer, indent, where, on_event);
                    b_.rec.computer = f.value;
                    b_.has_computer = true;
                    break;
                case detail::key::description: {
                    renew_if(b_.has_desc, indent, where, on_event);
                    std::string_view v = f.value;
                    if (!v.empty() && v[0] == '.') v = detail::ltrim(v.substr(1));  // "Description:. The ..."
                    add_desc_line(v);
                    b_.desc_open = true;
                    b_.desc_label_empty = v.empty();
                    b_.has_keyed = true;
                    break;
                }
                case detail::key::data:
                    b_.in_data = true;
                    break;
                case detail::key::none: break;
            }
        }
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
        if (b_.open && b_.has_id) {
            if (b_.desc_open) {
                add_desc_line(t);
                b_.desc_label_empty = false;
                b_.last_was_key = false;
                return;
            }
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
    detail::date_order order_ = detail::date_order::unknown;
    std::string desc_buf_;
    detail::scratch scratch_;
    detail::scratch spare_;
};

}  // namespace ruledx::read

#endif
