// ruledx — an application that crashed, as Windows and Dr. Watson print it (their formats only; no
// product is known here). Layouts, each with a public text that quotes it:
//   a. Dr. Watson for Windows NT's dialog: "An application error has occurred and an application
//      error log is being generated." (or "... has been generated."), the program's file name
//      ("MSEXCIMC.EXE"), then "Exception: access violation (0xc0000005), Address 0x10205c11", also
//      without the colon or with "Address:" (Q149542, both of its dialogs; Q199430).
//   b. The application-error sentence of the debugger's dialog and of the Application log's
//      DrWatson event 4097: "The application, exe\MSEXCIMC.dbg, generated an application error. The
//      error occurred on 12/ 2/1997 @ 17:27:29.240 The exception generated was c0000005 at address
//      77f64654 (RtlAllocateHeap)" (Q179289; Q199429 with placeholders), wrapped over lines as
//      articles and mail wrap it: its lines are joined until it ends or a blank line comes.
//   c. drwtsn32.log: "Application exception occurred:", "App: MSEXCIMC.dbg (pid=167)", "When: ...",
//      "Exception number: c0000005 (access violation)" (Q185025), then for each thread a register
//      dump, a disassembly under "function: <name>" whose faulting instruction is marked "FAULT ->",
//      and a stack back trace (Q246084 describes the sections). The faulting thread's function and
//      stack are kept; a log without a FAULT line gives its first stack.
//   d. A stack back trace: "ChildEBP RetAddr  Args to Child" (debuggers, later drwtsn32.log) or
//      "FramePtr ReturnAd Param#1 ..." (NT 4.0 drwtsn32.log), then one line per frame ending in
//      "module!symbol+0xoffset" (Q281743). After a/b/c/e it belongs to that crash; alone it names no
//      program (the image stays empty: frames name modules, not the process).
//   e. The application-error popup: its title "<program> - Application Error", after any
//      "<window>: " ("WMS Idle: msexcimc.exe - Application Error"), then Windows' text for an
//      access violation, 'The instruction at "0x004467c8" referenced memory at "0x00000000". The
//      memory could not be written.' (Q199430); the System log's Application Popup event 26 prints
//      both on one line: "Application popup: <title> : <text>".
// Lines are read after their quote markers and leading blanks (detail/text.hpp's trim_line).
//
// Untrusted input: a record keeps at most crash_frames::max_count frames in crash_frames::capacity
// bytes, a sentence at most max_sentence bytes over max_sentence_lines lines; every line is looked
// at a bounded number of times.
#ifndef RULEDX_READ_CRASH_TEXT_HPP
#define RULEDX_READ_CRASH_TEXT_HPP

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "ruledx/detail/text_match.hpp"
#include "ruledx/read/detail/text.hpp"
#include "ruledx/read/line_source.hpp"
#include "ruledx/read/record.hpp"

namespace ruledx::read {

namespace detail {

// Text of at most N bytes kept by value: the reader's copies of what its pending record needs.
template <std::size_t N>
class fixed_text {
public:
    // Replaces the text; false (and empty) when `s` does not fit.
    bool assign(std::string_view s) noexcept {
        size_ = 0;
        return append(s);
    }
    // Appends `s`; false (and nothing appended) when it does not fit.
    bool append(std::string_view s) noexcept {
        if (s.size() > N - size_) return false;
        if (!s.empty()) std::memcpy(text_ + size_, s.data(), s.size());
        size_ += s.size();
        return true;
    }
    // Appends as much of `s` as fits; false when some did not.
    bool append_some(std::string_view s) noexcept {
        const std::size_t room = N - size_;
        return append(s.substr(0, s.size() < room ? s.size() : room)) && s.size() <= room;
    }
    void clear() noexcept { size_ = 0; }
    [[nodiscard]] std::string_view view() const noexcept { return {text_, size_}; }

private:
    char text_[N] = {};
    std::size_t size_ = 0;
};

// A file name longer than MAX_PATH is no program's name; a longer symbol is not kept.
inline constexpr std::size_t max_image_name = 260;
inline constexpr std::size_t max_symbol = 256;

}  // namespace detail

// The frames of one crash, each followed by '\n': bounded, whatever the input holds.
class crash_frames {
public:
    static constexpr std::size_t max_count = 16;
    static constexpr std::size_t capacity = 1024;
    // Appends `name`; false (nothing added) when it is empty or the count or the room is used up.
    bool add(std::string_view name) noexcept {
        if (name.empty() || count_ == max_count || name.size() + 1 > capacity - text_.view().size()) return false;
        (void)text_.append(name);
        (void)text_.append("\n");
        ++count_;
        return true;
    }
    void clear() noexcept {
        text_.clear();
        count_ = 0;
    }
    [[nodiscard]] std::string_view text() const noexcept { return text_.view(); }
    [[nodiscard]] std::size_t count() const noexcept { return count_; }

private:
    detail::fixed_text<capacity> text_;
    std::size_t count_ = 0;
};

// Windows' popup text for STATUS_ACCESS_VIOLATION (layout e) names no code: this is its code.
inline constexpr std::uint32_t status_access_violation = 0xC0000005u;

namespace detail {

// "c0000005" or "0xc0000005" at the start of `s`: one to eight hex digits not followed by a letter
// or digit. Taken off `s` when true.
[[nodiscard]] constexpr bool parse_hex32(std::string_view& s, std::uint32_t& out) noexcept {
    std::string_view rest = s.size() >= 2 && s[0] == '0' && ascii_lower(s[1]) == 'x' ? s.substr(2) : s;
    std::uint64_t v = 0;
    if (!parse_hex<8>(rest, v) || (!rest.empty() && is_alnum(rest[0]))) return false;
    s = rest;
    out = static_cast<std::uint32_t>(v);
    return true;
}

// What a layout's parser found. Views point into the parsed text.
struct crash_fields {
    std::string_view image;
    bool has_exception = false;
    std::uint32_t exception = 0;
    std::string_view symbol;  // the faulting symbol the sentence names in parentheses
};

// How far a text holds the application-error sentence (layout b): not at all; its start, still
// without an exception code; the code, with more perhaps to follow (an address, a symbol); all of it.
enum class sentence_state : std::uint8_t { none, open, exception, complete };

[[nodiscard]] constexpr sentence_state app_error_sentence(std::string_view text, crash_fields& out) noexcept {
    constexpr std::string_view opening = "the application,", generated = ", generated an application error",
                               was = "exception generated was";
    text = trim(text);
    if (!istarts_with(text, opening)) return sentence_state::none;
    const std::string_view rest = text.substr(opening.size());
    const std::size_t g = ifind(rest, generated);
    if (g == std::string_view::npos) return sentence_state::open;
    const std::string_view image = ruledx::detail::program_name(rest.substr(0, g));
    out.image = image.size() <= max_image_name ? image : std::string_view{};
    const std::size_t w = ifind(rest, was, g);
    if (w == std::string_view::npos) return sentence_state::open;
    std::string_view s = ltrim(rest.substr(w + was.size()));
    if (s.empty()) return sentence_state::open;
    if (!parse_hex32(s, out.exception)) return sentence_state::none;
    out.has_exception = true;
    s = ltrim(s);
    if (s.empty()) return sentence_state::exception;
    if (!take_word(s, "at")) return sentence_state::complete;
    s = ltrim(s);
    if (!take_word(s, "address")) return s.empty() ? sentence_state::exception : sentence_state::complete;
    s = ltrim(s);
    std::size_t a = 0;  // the address, or Q199429's "<xxxxxxxx>."
    while (a < s.size() && !is_blank(s[a]) && s[a] != '(') ++a;
    const bool full_stop = a > 0 && s[a - 1] == '.';
    s = ltrim(s.substr(a));
    if (s.empty()) return full_stop ? sentence_state::complete : sentence_state::exception;
    if (s[0] != '(') return sentence_state::complete;
    const std::size_t close = s.substr(0, max_symbol + 2).find(')');
    if (close == std::string_view::npos) return sentence_state::exception;  // the symbol may wrap
    const std::string_view symbol = trim(s.substr(1, close - 1));
    bool one_word = !symbol.empty();
    for (char c : symbol) one_word = one_word && !is_blank(c);
    if (one_word) out.symbol = symbol;
    return sentence_state::complete;
}

// A popup's title, "<program> - Application Error" after any "<window>: ", with perhaps the popup's
// text after it (event 26: "Application popup: <title> : <text>"): the program, and the text after
// the title. False when `line` holds no such title.
[[nodiscard]] constexpr bool popup_line(std::string_view line, std::string_view& image, std::string_view& message) noexcept {
    constexpr std::string_view title_end = "- application error";
    const std::size_t at = ifind(line, title_end);
    if (at == std::string_view::npos) return false;
    std::string_view head = rtrim(line.substr(0, at));
    const std::size_t colon = head.rfind(": ");
    if (colon != std::string_view::npos) head = head.substr(colon + 2);
    image = ruledx::detail::program_name(head);
    message = ltrim(line.substr(at + title_end.size()));
    if (!message.empty() && message[0] == ':') message = ltrim(message.substr(1));
    return !image.empty() && image.size() <= max_image_name;
}

// Windows' popup text for an access violation: 'The instruction at "0x004467c8" referenced memory at
// ...', perhaps after the dialog's icon pasted as a letter ("X The instruction at", Q199430).
[[nodiscard]] constexpr bool access_violation_text(std::string_view text) noexcept {
    constexpr std::string_view instruction = "the instruction at";
    constexpr std::size_t icon_reach = 4;
    text = trim(text);
    return ifind(text.substr(0, icon_reach + instruction.size()), instruction) != std::string_view::npos;
}

// "Exception: access violation (0xc0000005), Address 0x10205c11" (the dialog, layout a) or
// "Exception number: c0000005 (access violation)" (drwtsn32.log, layout c): the code.
[[nodiscard]] constexpr bool exception_line(std::string_view t, std::uint32_t& code) noexcept {
    constexpr std::size_t name_reach = 80;  // the exception's name before its code
    if (!take_word(t, "exception")) return false;
    t = ltrim(t);
    if (take_word(t, "number")) {
        t = ltrim(t);
        if (t.empty() || t[0] != ':') return false;
        t = ltrim(t.substr(1));
        return parse_hex32(t, code);
    }
    const std::size_t open = ifind(t.substr(0, name_reach), "(0x");
    if (open == std::string_view::npos) return false;
    std::string_view s = t.substr(open + 1);
    std::uint32_t v = 0;
    if (!parse_hex32(s, v) || s.empty() || s[0] != ')') return false;
    code = v;
    return true;
}

// drwtsn32.log's "<label>: <value>" lines ("App: MSEXCIMC.dbg (pid=167)", "function: RtlAllocateHeap"):
// the value, or false when `t` is no such line.
[[nodiscard]] constexpr bool log_value(std::string_view t, std::string_view label, std::string_view& value) noexcept {
    if (!take_word(t, label)) return false;
    t = ltrim(t);
    if (t.empty() || t[0] != ':') return false;
    value = trim(t.substr(1));
    return true;
}

// The program of an "App:" line, without its "(pid=167)".
[[nodiscard]] constexpr std::string_view log_app_image(std::string_view value) noexcept {
    const std::size_t pid = ifind(value, "(pid");
    const std::string_view image = ruledx::detail::program_name(pid == std::string_view::npos ? value : value.substr(0, pid));
    return image.size() <= max_image_name ? image : std::string_view{};
}

// drwtsn32.log marks the faulting instruction "FAULT ->77f64654 8b08  mov ecx,[eax]".
[[nodiscard]] constexpr bool fault_line(std::string_view t) noexcept {
    if (!take_word(t, "fault")) return false;
    t = ltrim(t);
    return t.size() >= 2 && t[0] == '-' && t[1] == '>';
}

// "ChildEBP RetAddr  Args to Child" or "FramePtr ReturnAd Param#1 ...": a stack back trace follows.
[[nodiscard]] constexpr bool stack_header(std::string_view t) noexcept {
    std::string_view second;
    if (take_word(t, "childebp")) second = "retaddr";
    else if (take_word(t, "frameptr")) second = "returnad";
    else return false;
    t = ltrim(t);
    return take_word(t, second);
}

// The next blank-separated word of `s`, taken off it.
[[nodiscard]] constexpr std::string_view take_token(std::string_view& s) noexcept {
    s = ltrim(s);
    std::size_t i = 0;
    while (i < s.size() && !is_blank(s[i])) ++i;
    const std::string_view token = s.substr(0, i);
    s.remove_prefix(i);
    return token;
}
// A 32- or 64-bit address as stack traces print them.
[[nodiscard]] constexpr bool is_address(std::string_view w) noexcept {
    if (w.size() != 8 && w.size() != 16) return false;
    for (char c : w)
        if (!is_hex_digit(c)) return false;
    return true;
}

// A frame line "00f7fd50 00431b39 00000000 00000000 00e11a00 msexcimc!CPostmaster__rcFindAdminX400Address+0x129":
// true, with `name` its "module!symbol" without the offset (empty when the line names no symbol, as
// "!<nosymbols>" or a bare address).
[[nodiscard]] constexpr bool stack_frame(std::string_view t, std::string_view& name) noexcept {
    name = {};
    if (!is_address(take_token(t)) || !is_address(take_token(t))) return false;  // the frame and return addresses
    std::string_view w = take_token(t);
    while (is_address(w)) w = take_token(t);  // the arguments
    const std::size_t offset = w.find("+0x");
    if (offset != std::string_view::npos) w = w.substr(0, offset);
    const std::size_t bang = w.find('!');
    if (bang == std::string_view::npos || bang + 1 == w.size() || w[bang + 1] == '<' || w.size() > max_symbol) return true;
    name = w;
    return true;
}

}  // namespace detail

// DrWatson's event 4097 (Application log) and Application Popup's event 26 (System log).
inline constexpr std::uint16_t dr_watson_event_id = 4097;
inline constexpr std::uint16_t application_popup_event_id = 26;

// The System log's record of a message box a program showed.
[[nodiscard]] constexpr bool is_application_popup(const event_record& e) noexcept {
    return e.event_id == application_popup_event_id && detail::loose_equals(e.source, "Application Popup");
}
[[nodiscard]] constexpr bool is_crash_event(const event_record& e) noexcept {
    return (e.event_id == dr_watson_event_id && detail::loose_equals(e.source, "DrWatson")) || is_application_popup(e);
}

// The crash a DrWatson 4097 or an Application Popup 26 event reports, read from its description
// (layouts b and e) or, when it has none, from its insertion strings: for event 26 the popup's title
// and text; for event 4097 a string that holds the whole sentence (our sources do not document how
// the event splits it). `frames` holds the faulting symbol; the other views point into `e`'s text.
// nullopt when the event is neither or its text says no crash.
[[nodiscard]] inline std::optional<crash_record> crash_from_event(const event_record& e, crash_frames& frames) noexcept {
    constexpr std::size_t max_strings = 8;  // the few inserts of these events; more are not looked at
    frames.clear();
    if (!is_crash_event(e)) return std::nullopt;
    const std::string_view description = detail::trim(e.description);
    std::string_view strings[2];  // the first insertion strings
    std::string_view rest = e.strings;
    detail::crash_fields f;
    bool found = false;
    const bool popup = e.event_id == 26;
    for (std::size_t i = 0; i < e.string_count && i < max_strings && !rest.empty() && !found; ++i) {
        const std::size_t z = rest.find('\0');
        const std::string_view s = rest.substr(0, z);
        rest = z == std::string_view::npos ? std::string_view{} : rest.substr(z + 1);
        if (i < 2) strings[i] = s;
        if (!popup && description.empty()) found = detail::app_error_sentence(s, f) >= detail::sentence_state::exception;
    }
    if (!popup && !description.empty()) found = detail::app_error_sentence(description, f) >= detail::sentence_state::exception;
    if (popup) {
        std::string_view message;
        const std::string_view title = description.empty() ? strings[0] : description;
        found = detail::popup_line(title, f.image, message) &&
                detail::access_violation_text(message.empty() && description.empty() ? strings[1] : message);
        f.exception = status_access_violation;
    }
    if (!found) return std::nullopt;
    (void)frames.add(f.symbol);
    crash_record r;
    r.where = e.where;
    r.image = f.image;
    r.exception = f.exception;
    r.frames = frames.text();
    return r;
}

// The crashes of the event records a reader gives, whichever reader it is: text_scanner's pasted
// events and export rows, ruledx::evidence's binary logs; each record is looked at once, here. A
// pasted event's lines are also read by a crash_text_reader, which gives their crash first (each
// line reaches it before the pasted-event reader delivers the event): told of it (from_lines), this
// reader does not give that crash again. The frames of what it gives live until the next record.
class event_crash_reader {
public:
    // A new input: no crash of its lines is known.
    void begin() { last_from_lines_ = {}; }

    // The crash a crash_text_reader gave from the input's lines.
    void from_lines(const crash_record& c) {
        last_from_lines_.known = true;
        last_from_lines_.line = c.where.line;
        last_from_lines_.exception = c.exception;
        last_from_lines_.image.assign(c.image.data(), c.image.size());
    }

    // on_crash(const crash_record&) with the crash `e` reports, unless its lines gave it already.
    template <class OnCrash>
    void feed(const event_record& e, OnCrash&& on_crash) {
        const std::optional<crash_record> c = crash_from_event(e, frames_);
        if (c && !given_from_lines(e, *c)) on_crash(*c);
    }

private:
    // The event's text was read as lines before it ended (a record read from lines has a line), and
    // the crash read there is this one.
    [[nodiscard]] bool given_from_lines(const event_record& e, const crash_record& c) const noexcept {
        return last_from_lines_.known && e.where.line > 0 && last_from_lines_.line >= e.where.line &&
               last_from_lines_.exception == c.exception && detail::iequals(last_from_lines_.image, c.image);
    }

    crash_frames frames_;  // the frames of the last record's crash
    struct {
        bool known = false;
        std::size_t line = 0;
        std::uint32_t exception = 0;
        std::string image;
    } last_from_lines_;  // the last crash the lines gave
};

struct crash_text_options {
    std::size_t max_line_length = default_max_line_length;  // longer lines are reported and skipped
    std::string_view file;                                   // the name put in read_error::file
};

// Reads the layouts above from lines of text. Records are delivered when their text ends: a
// dialog, sentence or popup a few lines after it (a stack may follow), a drwtsn32.log excerpt at the
// end of its faulting thread's stack, the next crash or the input's end. A record needs an exception
// code or a stack frame: a header alone is no crash. Views in the records point into this reader's
// storage and stay valid until it begins again (read, begin), detach()es or is destroyed.
class crash_text_reader {
public:
    crash_text_reader() = default;
    explicit crash_text_reader(crash_text_options options) : options_(options) {}

    // Reads a whole text. on_crash(const crash_record&) for each crash found; on_error(const read_error&).
    template <class OnCrash, class OnError>
    void read(std::string_view text, OnCrash&& on_crash, OnError&& on_error) {
        begin();
        line_source lines(options_.max_line_length, options_.file);
        (void)lines.feed(
            text, true, [&](std::string_view line, location where) { feed(line, where, on_crash); }, [](location) {},
            on_error);
        end(on_crash);
    }

    void begin() {
        p_.reset();
        storage_.clear();
    }

    template <class OnCrash>
    void feed(std::string_view line, location where, OnCrash& out) {
        feed(detail::trim_line(line), where, out);
    }
    // The same with the line already trimmed (text_scan shares that work with the other readers).
    // With nothing pending only a line that may start a layout matters: its first word or its end says.
    template <class OnCrash>
    void feed(const detail::trimmed_line& l, location where, OnCrash& out) {
        if (p_.kind == layout::none && !may_start(l)) return;
        feed_line(l.t, where, out);
    }

    template <class OnCrash>
    void end(OnCrash& out) {
        flush(out);
    }

    // Drops the storage of records already delivered (the pending record keeps its own copies).
    void detach() { storage_.clear(); }

    // A sentence is joined from at most this many lines and bytes.
    static constexpr std::size_t max_sentence_lines = 8;
    static constexpr std::size_t max_sentence = 1024;

private:
    enum class layout : std::uint8_t { none, dialog, sentence, log, popup, stack };

    [[nodiscard]] static bool may_start(const detail::trimmed_line& l) noexcept {
        using detail::pack_word;
        constexpr std::uint64_t an = pack_word("an"), the = pack_word("the"), application = pack_word("application"),
                                childebp = pack_word("childebp"), frameptr = pack_word("frameptr");
        constexpr std::size_t application_size = 11, stack_word_size = 8;
        const std::uint64_t w = l.word.packed;
        const std::size_t n = l.word.size;
        return !l.t.empty() &&
               (w == an || w == the || (w == application && n == application_size) ||
                ((w == childebp || w == frameptr) && n == stack_word_size) ||
                ((l.t.back() | 0x20) == 'r' && detail::iends_with(l.t, "application error")));  // one compare for most lines
    }

    template <class OnCrash>
    void feed_line(std::string_view t, location where, OnCrash& out) {
        if (p_.in_stack) {
            // Blank lines and debugger warnings go with the trace; another line ends it.
            if (t.empty() || detail::istarts_with(t, "warning:")) return;
            std::string_view name;
            if (detail::stack_frame(t, name)) {
                if (p_.keep_frames) (void)p_.frames.add(name);
                return;
            }
            end_stack(out);
        }
        if (p_.kind == layout::sentence && !p_.closed) {
            if (!t.empty() && p_.sentence_lines < max_sentence_lines && !detail::stack_header(t) && !starts_record(t)) {
                ++p_.sentence_lines;
                if (!p_.sentence.append_some(" ") || !p_.sentence.append_some(t)) p_.sentence_lines = max_sentence_lines;
                detail::crash_fields f;
                if (detail::app_error_sentence(p_.sentence.view(), f) == detail::sentence_state::complete) close_sentence();
                return;
            }
            close_sentence();
        }
        if (t.empty()) {
            expire(out);
            return;
        }
        if (detail::stack_header(t)) {
            start_stack(where, out);
            return;
        }
        if (start(t, where, out)) return;
        std::uint32_t code = 0;
        std::string_view value;
        switch (p_.kind) {
            case layout::dialog:
                if (p_.closed) break;
                if (detail::exception_line(t, code)) {
                    set_exception(code);
                    return;
                }
                // The program's file name, alone on its line ("generated." has no extension).
                if (p_.image.view().empty() && t.find(' ') == std::string_view::npos && t.find('\t') == std::string_view::npos) {
                    const std::string_view image = ruledx::detail::program_name(t);
                    if (!image.empty() && image.size() < t.size() && p_.image.assign(image)) return;
                }
                break;
            case layout::popup:
                if (!p_.closed && detail::access_violation_text(t)) {
                    set_exception(status_access_violation);
                    return;
                }
                break;
            case layout::log:  // a log runs long: its lines do not count towards expiry
                if (detail::log_value(t, "app", value)) (void)p_.image.assign(detail::log_app_image(value));
                else if (detail::exception_line(t, code)) set_exception(code);
                else if (detail::log_value(t, "function", value)) {
                    const std::string_view name = detail::take_token(value);
                    if (name.empty() || name[0] == '<' || !p_.function.assign(name)) p_.function.clear();  // "<nosymbols>"
                } else if (detail::istarts_with(t, "state dump for thread")) p_.function.clear();  // the next thread
                else if (detail::fault_line(t)) {
                    // The faulting thread: its function and, next, its stack.
                    p_.fault = true;
                    p_.stack_read = false;
                    p_.frames.clear();
                    (void)p_.frames.add(p_.function.view());
                }
                return;
            case layout::none:
            case layout::sentence:
            case layout::stack: break;
        }
        expire(out);
    }

    // A line that starts a record of layout a, b, c or e.
    [[nodiscard]] static bool starts_record(std::string_view t) noexcept {
        std::string_view image, message;
        return detail::istarts_with(t, "an application error has occurred") || detail::istarts_with(t, "the application,") ||
               detail::istarts_with(t, "application exception occurred") ||
               ((detail::istarts_with(t, "application popup:") || detail::iends_with(t, "application error")) &&
                detail::popup_line(t, image, message));
    }

    template <class OnCrash>
    bool start(std::string_view t, location where, OnCrash& out) {
        if (!starts_record(t)) return false;
        flush(out);
        p_.where = where;
        if (detail::istarts_with(t, "an application error")) {
            p_.kind = layout::dialog;
        } else if (detail::istarts_with(t, "the application,")) {
            p_.kind = layout::sentence;
            p_.sentence_lines = 1;
            (void)p_.sentence.append_some(t);
            detail::crash_fields f;
            if (detail::app_error_sentence(p_.sentence.view(), f) == detail::sentence_state::complete) close_sentence();
        } else if (detail::istarts_with(t, "application exception")) {
            p_.kind = layout::log;
        } else {
            std::string_view image, message;
            (void)detail::popup_line(t, image, message);
            p_.kind = layout::popup;
            (void)p_.image.assign(image);
            if (detail::access_violation_text(message)) set_exception(status_access_violation);
        }
        return true;
    }

    // The sentence's lines are over: keep what it says, or drop it when it names no exception.
    void close_sentence() noexcept {
        detail::crash_fields f;
        if (detail::app_error_sentence(p_.sentence.view(), f) < detail::sentence_state::exception) {
            p_.reset();
            return;
        }
        (void)p_.image.assign(f.image);
        (void)p_.frames.add(f.symbol);
        set_exception(f.exception);
    }

    void set_exception(std::uint32_t code) noexcept {
        p_.exception = code;
        p_.has_exception = true;
        p_.quiet = 0;
        if (p_.kind != layout::log) p_.closed = true;
    }

    template <class OnCrash>
    void start_stack(location where, OnCrash& out) {
        if (p_.kind == layout::none || (p_.kind != layout::log && p_.stack_read)) {
            flush(out);
            p_.kind = layout::stack;
            p_.where = where;
        }
        // A log's threads each have a stack: the faulting thread's, or without a FAULT line the first.
        p_.keep_frames = !p_.stack_read;
        p_.in_stack = true;
        p_.quiet = 0;
    }

    template <class OnCrash>
    void end_stack(OnCrash& out) {
        p_.in_stack = false;
        p_.stack_read = true;
        if (p_.kind != layout::log || p_.fault) flush(out);
    }

    // A line that adds nothing: a record whose own lines are over waits a few lines for its stack,
    // an unfinished one for its next line.
    template <class OnCrash>
    void expire(OnCrash& out) {
        if (p_.kind == layout::none || p_.kind == layout::log) return;
        if (++p_.quiet > window) flush(out);
    }

    template <class OnCrash>
    void flush(OnCrash& out) {
        if (p_.kind == layout::sentence && !p_.closed) close_sentence();
        if (p_.kind != layout::none && (p_.has_exception || p_.frames.count() > 0)) {
            crash_record r;
            r.where = p_.where;
            r.image = storage_.store(p_.image.view());
            r.exception = p_.exception;
            r.frames = storage_.store(p_.frames.text());
            out(static_cast<const crash_record&>(r));
        }
        p_.reset();
    }

    static constexpr std::size_t window = 8;

    struct pending {
        layout kind = layout::none;
        location where;
        bool has_exception = false;
        std::uint32_t exception = 0;
        bool closed = false;       // the record's own lines are over: only a stack may follow
        bool in_stack = false;     // reading a stack back trace's frames
        bool keep_frames = false;  // ... and keeping them
        bool stack_read = false;   // a stack was read (in a log: since the FAULT line)
        bool fault = false;        // a log's "FAULT ->" line was read
        std::size_t quiet = 0;     // lines since the last one that said something
        std::size_t sentence_lines = 0;
        detail::fixed_text<detail::max_image_name> image;
        detail::fixed_text<detail::max_symbol> function;  // a log's last "function:" line's name
        detail::fixed_text<max_sentence> sentence;       // layout b's lines, joined by blanks
        crash_frames frames;

        void reset() noexcept {
            kind = layout::none;
            where = {};
            has_exception = closed = in_stack = keep_frames = stack_read = fault = false;
            exception = 0;
            quiet = sentence_lines = 0;
            image.clear();
            function.clear();
            sentence.clear();
            frames.clear();
        }
    };

    crash_text_options options_{};
    pending p_{};
    detail::scratch storage_;  // the delivered records' image and frames
};

}  // namespace ruledx::read

#endif
