// ruledx — a service that failed to start, as the user saw it: the Services dialog ("Could not start
// the <name> service on \\SERVER." / "Error 2140: An internal Windows NT error occurred."), the
// Windows 2000 Services snap-in ("... on Local Computer."; with "The service did not return an
// error." below or on the same line, Q299676), that dialog as Q264162 quotes it, naming no service
// ("Could not start. Service did not return an error."), XP's "Windows could not start the <name>
// on Local Computer. ... service-specific error code 1011.", its KB paraphrases, `net start`
// transcripts (docs/formats.md 4: "System error 1067 has occurred." below 2100, the netmsg text and
// "More help is available by typing NET HELPMSG 2140." above; for a service that stopped while
// starting without an error, "The service did not report an error." and NET HELPMSG 3534), the
// Internet Mail Service wizard's dialogs that end in "ID no: 0xc002041d" (Q262939, Q300535) or
// "ID no: 0xc00203e5" (Q263029), and Service Control Manager events 7000/7009/7023/7024 in whatever
// layout the event was read from. Lines are read after their quote markers, and HTML as the text it
// shows (detail/text.hpp).
//
// Codes are kept as printed, but a start that failed without one is code 0 (ERROR_SUCCESS), whether
// the dialog says "did not return an error" or net start "did not report an error" (3534 is that
// message's number, not an error code). NT 4.0 shows a start timeout (1053) as 2186, so a 2186 record
// and a 1053 record mean the same thing: see is_start_timeout(). For event 7024 the code is the
// service's own (service-specific) code.
#ifndef RULEDX_READ_START_ERROR_TEXT_HPP
#define RULEDX_READ_START_ERROR_TEXT_HPP

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>
#include <utility>

#include "ruledx/model/view.hpp"
#include "ruledx/read/detail/text.hpp"
#include "ruledx/read/line_source.hpp"
#include "ruledx/read/record.hpp"

namespace ruledx::read {

// A service as start errors name it: the display name dialogs and net start print, and the service
// name rules use. The names are the caller's (a knowledge base's, e.g. kb/exchange_service_names.hpp):
// the reader knows how failed starts are printed, not which services there are.
struct service_name {
    std::string_view display_name;  // empty: known by its service name only
    std::string_view service;
};

// The service name for a display name (or for a service name in any case) among `names`; empty when
// it is none of them.
[[nodiscard]] constexpr std::string_view service_for_display_name(std::string_view name, view<service_name> names) noexcept {
    name = detail::trim(name);
    for (const service_name& e : names)
        if ((!e.display_name.empty() && detail::loose_equals(name, e.display_name)) || detail::iequals(name, e.service))
            return e.service;
    return {};
}

namespace detail {

// "An internal Windows NT error occurred.", "Internal Windows NT Error 2140": where the word "error"
// of that message ends (within its first words), or npos when `text` does not start with it.
[[nodiscard]] constexpr std::size_t internal_error_end(std::string_view text) noexcept {
    constexpr std::string_view error = "error";
    constexpr std::size_t reach = 40;  // "An internal Windows NT error", in any spacing
    if (!istarts_with(text, "internal windows") && !istarts_with(text, "an internal windows")) return std::string_view::npos;
    const std::size_t at = ifind(text.substr(0, reach), error);
    return at == std::string_view::npos ? at : at + error.size();
}

// The system messages a failed start prints, by their first words, and their codes.
struct system_message {
    std::string_view prefix;
    std::uint32_t code;
};
inline constexpr system_message system_messages[] = {
    {"The service is not responding to the control function", 2186},
    {"The process terminated unexpectedly", 1067},
    {"The service did not start due to a logon failure", 1069},
    {"The service did not start due to logon failure", 1069},
    {"The service did not respond to the start or control request", 1053},
    {"The specified service is disabled", 1058},
    {"The service cannot be started, either because it is disabled", 1058},
    {"The dependency service or group failed to start", 1068},
    {"The dependency service does not exist", 1075},
    {"The system cannot find the file specified", 2},
    {"The system cannot find the path specified", 3},
    {"Access is denied", 5},
    {"The service did not return an error", 0},
    {"The service did not report an error", 0},  // net start's wording (NET HELPMSG 3534)
};

}  // namespace detail

// NT 4.0 reports ERROR_SERVICE_REQUEST_TIMEOUT (1053) as NERR_ServiceCtlTimeout (2186).
[[nodiscard]] constexpr bool is_start_timeout(std::uint32_t code) noexcept { return code == 1053 || code == 2186; }

// The code whose system message `text` begins with; nullopt when the text is not a known message.
[[nodiscard]] constexpr std::optional<std::uint32_t> code_for_message(std::string_view text) noexcept {
    using detail::istarts_with;
    text = detail::trim(text);
    if (text.empty()) return std::nullopt;
    const char first = detail::ascii_lower(text[0]);
    constexpr std::string_view the = "the ", bare = "service did not ";
    if (first == 's' && istarts_with(text, bare)) {  // no article, as Q264162 has it: "Service did not ..."
        for (const auto& e : detail::system_messages) {
            const std::string_view rest = e.prefix.substr(the.size());
            if (istarts_with(e.prefix, the) && istarts_with(rest, bare) && istarts_with(text, rest)) return e.code;
        }
        return std::nullopt;
    }
    if ((first == 'i' || first == 'a') && detail::internal_error_end(text) != std::string_view::npos) return 2140u;
    // Every system message starts "The s", "The p", "The d" or "Access": prose stops here. The letters
    // after "The " tell the messages apart: two compares reject most prefixes.
    constexpr std::size_t telling = 4;
    const char c = text.size() > telling ? detail::ascii_lower(text[telling]) : '\0';
    if (istarts_with(text, the)) {
        if (c != 's' && c != 'p' && c != 'd') return std::nullopt;
    } else if (!istarts_with(text, "access")) {
        return std::nullopt;
    }
    const char d = text.size() > telling + 1 ? detail::ascii_lower(text[telling + 1]) : '\0';
    for (const auto& e : detail::system_messages)
        if (detail::ascii_lower(e.prefix[telling]) == c && detail::ascii_lower(e.prefix[telling + 1]) == d &&
            istarts_with(text, e.prefix))
            return e.code;
    return std::nullopt;
}

namespace detail {

// "%%2140" anywhere in `s` (SCM insertion strings hold the error as a parameter insert).
[[nodiscard]] constexpr std::optional<std::uint32_t> find_percent_code(std::string_view s) noexcept {
    constexpr std::string_view insert = "%%";
    for (std::size_t i = s.find(insert); i != std::string_view::npos; i = s.find(insert, i + 1)) {
        std::string_view r = s.substr(i + insert.size());
        std::uint64_t n = 0;
        if (parse_uint(r, max_u32, n)) return static_cast<std::uint32_t>(n);
    }
    return std::nullopt;
}

// What lies between the first `before` and the first `after` of `text` (in any case); empty unless
// both are there in that order.
[[nodiscard]] constexpr std::string_view between(std::string_view text, std::string_view before, std::string_view after) noexcept {
    const std::size_t a = ifind(text, before), b = ifind(text, after);
    if (a == std::string_view::npos || b == std::string_view::npos || b <= a + before.size()) return {};
    return text.substr(a + before.size(), b - a - before.size());
}

// The display name in a dialog's "<name> service" text: drop the " service" the dialog appends,
// unless the name itself ends in "Service" ("Microsoft Exchange Internet Mail Service on.").
[[nodiscard]] constexpr std::string_view strip_service_word(std::string_view name, view<service_name> names) noexcept {
    constexpr std::string_view service = " service";
    name = trim(name);
    while (!name.empty() && (name.back() == '"' || name.back() == '.' || name.back() == ',')) name = rtrim(name.substr(0, name.size() - 1));
    while (!name.empty() && name.front() == '"') name = ltrim(name.substr(1));
    if (!iends_with(name, service)) return name;
    const std::string_view shorter = rtrim(name.substr(0, name.size() - service.size()));
    if (!service_for_display_name(shorter, names).empty()) return shorter;
    if (!service_for_display_name(name, names).empty()) return name;
    // The dialog writes " service" in lower case: "Service" is part of the name.
    return name[name.size() - service.size() + 1] == 's' ? shorter : name;
}

// Where "<name> service" ends in a dialog line: the last " on" before the server name; npos if the
// line wraps before it.
[[nodiscard]] constexpr std::size_t name_end(std::string_view rest) noexcept {
    constexpr std::string_view on = " on";
    std::size_t cut = std::string_view::npos;
    const std::size_t after_start = on.size() - 1;  // "on" opening the line (the name ended the line before)
    if (istarts_with(rest, on.substr(1)) && (rest.size() == after_start || is_blank(rest[after_start]) || rest[after_start] == '\\'))
        cut = 0;
    for (std::size_t i = ifind(rest, on); i != std::string_view::npos; i = ifind(rest, on, i + 1)) {
        const std::size_t j = i + on.size();
        if (j == rest.size() || is_blank(rest[j]) || rest[j] == '\\' || rest[j] == '.' || rest[j] == '<') cut = i;
    }
    return cut;
}

// The sentence after a dialog header's on its line ("<header> on Local Computer. The service did not
// return an error. This could be ..."): the text after the first full stop and blank, or empty.
[[nodiscard]] constexpr std::string_view next_sentence(std::string_view after) noexcept {
    for (std::size_t i = after.find('.'); i != std::string_view::npos; i = after.find('.', i + 1))
        if (i + 1 < after.size() && is_blank(after[i + 1])) return trim(after.substr(i + 1));
    return {};
}

// "Error 2140" later on a dialog line ("... on \\servername. Error 2140: An internal").
[[nodiscard]] constexpr std::optional<std::uint32_t> inline_error(std::string_view s) noexcept {
    constexpr std::string_view error = "Error ";
    for (std::size_t i = s.find(error); i != std::string_view::npos; i = s.find(error, i + 1)) {
        std::string_view r = s.substr(i + error.size());
        std::uint64_t n = 0;
        if (parse_uint(r, max_u32, n) && (r.empty() || !is_alnum(r[0]))) return static_cast<std::uint32_t>(n);
    }
    return std::nullopt;
}

// A dialog's header, and how near a line's start it begins ("Stop \"Could not ...", "Windows could
// not ..."): looking no further keeps the per-line cost O(1).
inline constexpr std::string_view could_not_start = "could not start the ";
inline constexpr std::size_t header_reach = 40;
// The header as Q264162 quotes it, naming no service: "Could not start. Service did not return an
// error." Only at the line's start: elsewhere it is prose ("The IMS could not start.").
inline constexpr std::string_view could_not_start_unnamed = "could not start.";

// "Could not start the X service on \\SERVER." -> "X service"; `wrapped` when no " on" ends it.
// `after` is the line from where the name ends. "Could not start." gives an empty name.
[[nodiscard]] constexpr bool dialog_header(std::string_view line, std::string_view& name, bool& wrapped,
                                           std::string_view& after) noexcept {
    const std::size_t at = ifind(line.substr(0, header_reach), could_not_start);
    if (at == std::string_view::npos) {
        while (!line.empty() && (line[0] == '"' || line[0] == '\'')) line = ltrim(line.substr(1));
        const std::size_t n = could_not_start_unnamed.size();
        if (!istarts_with(line, could_not_start_unnamed) || (line.size() > n && !is_blank(line[n]))) return false;
        name = {};
        wrapped = false;
        after = line.substr(n - 1);  // from the full stop: the message is the next sentence
        return true;
    }
    const std::string_view rest = line.substr(at + could_not_start.size());
    const std::size_t cut = name_end(rest);
    wrapped = cut == std::string_view::npos;
    name = wrapped ? trim(rest) : trim(rest.substr(0, cut));
    after = wrapped ? std::string_view{} : rest.substr(cut);
    return !name.empty();
}

// "The X service could not be started." / "The X service is starting...." (net start).
[[nodiscard]] constexpr bool net_header(std::string_view t, std::string_view& name, bool& starting) noexcept {
    constexpr std::string_view the = "the ", failed = " service could not be started", start = " service is starting";
    if (!istarts_with(t, the)) return false;
    while (!t.empty() && t.back() == '.') t.remove_suffix(1);  // NET prints progress dots
    starting = iends_with(t, start);
    const std::size_t tail = starting ? start.size() : iends_with(t, failed) ? failed.size() : 0;
    if (tail == 0 || t.size() <= the.size() + tail) return false;
    name = trim(t.substr(the.size(), t.size() - the.size() - tail));
    return true;
}

enum class code_kind : std::uint8_t { none, strong, message, context };

// The Internet Mail Service wizard's dialog line "ID no: 0xc002041d" ("ID No:0xc002041d" in Q300535,
// "ID no: 0xc00203e5" in Q263029): the code, in hex, as kb/exchange_ims.hpp's rules name it.
[[nodiscard]] constexpr bool wizard_id_line(std::string_view s, std::uint32_t& code) noexcept {
    if (!take_word(s, "id")) return false;
    s = ltrim(s);
    if (!take_word(s, "no") && !take_word(s, "number")) return false;
    if (!s.empty() && s[0] == '.') s.remove_prefix(1);
    s = ltrim(s);
    if (!s.empty() && s[0] == ':') s = ltrim(s.substr(1));
    constexpr std::size_t digits_at = 2, max_digits = 8;  // "0x", then a 32-bit code
    if (s.size() <= digits_at || s[0] != '0' || ascii_lower(s[1]) != 'x') return false;
    std::uint32_t v = 0;
    std::size_t i = digits_at;
    for (; i < s.size() && i < digits_at + max_digits; ++i) {
        const char c = ascii_lower(s[i]);
        const bool digit = is_digit(c), hex = c >= 'a' && c <= 'f';
        if (!digit && !hex) break;
        v = v * 16 + static_cast<std::uint32_t>(digit ? c - '0' : c - 'a' + 10);
    }
    if (i == digits_at) return false;
    const std::string_view rest = trim(s.substr(i));
    if (!(rest.empty() || rest == ".")) return false;
    code = v;
    return true;
}

// One line that carries an error code, or a message whose code we know. Its first word says which
// it can be.
[[nodiscard]] inline code_kind error_line(std::string_view t, std::uint32_t& code) noexcept {
    while (!t.empty() && (t[0] == '"' || t[0] == '\'')) t = ltrim(t.substr(1));
    std::string_view s = t;
    std::uint64_t n = 0;
    const auto number = [&](std::string_view& digits) {
        if (!parse_uint(digits, max_u32, n)) return code_kind::none;
        code = static_cast<std::uint32_t>(n);
        return code_kind::strong;
    };
    {  // XP: "... refer to service-specific error code 1011." (checked from the end: O(1) per line)
        std::string_view r = rtrim(s);
        while (!r.empty() && r.back() == '.') r.remove_suffix(1);
        std::size_t d = r.size();
        while (d > 0 && is_digit(r[d - 1])) --d;
        const std::string_view head = r.substr(0, d);
        if (d < r.size() && (iends_with(head, "service-specific error code ") || iends_with(head, "service specific error code "))) {
            std::string_view digits = r.substr(d);
            if (number(digits) == code_kind::strong) return code_kind::strong;
        }
    }
    // Dialog lines and messages start with a capital; a lower-case "error: 2127." is a wrapped sentence.
    if (s.empty() || !(s[0] >= 'A' && s[0] <= 'Z')) return code_kind::none;
    const first_word w = word_at_start(s);
    constexpr std::uint64_t error = pack_word("error"), internal = pack_word("internal"), an = pack_word("an"),
                            id = pack_word("id"), system = pack_word("system"), more = pack_word("more"),
                            a = pack_word("a"), the = pack_word("the"), access = pack_word("access"),
                            service = pack_word("service");
    if (w.packed == id) return wizard_id_line(s, code) ? code_kind::strong : code_kind::none;
    if (w.packed == error) {  // "Error 2140: ...", "Error: 2140: ...", "Error 2140, the ..."
        if (!take_word(s, "error")) return code_kind::none;
        s = ltrim(s);
        if (!s.empty() && s[0] == ':') s = ltrim(s.substr(1));
        if (!parse_uint(s, max_u32, n)) return code_kind::none;
        const std::string_view rest = trim(s);
        const bool ends = s.empty() || s[0] == ':' || s[0] == '.' || s[0] == ',' || s[0] == ')' ||
                          (is_blank(s[0]) && (rest.empty() || rest[0] == '-' || (rest[0] >= 'A' && rest[0] <= 'Z')));
        if (!ends) return code_kind::none;  // "Error 4015 connecting to ..." is prose
        code = static_cast<std::uint32_t>(n);
        return code_kind::strong;
    }
    if ((w.packed == internal && w.size == 8) || w.packed == an) {
        // "Internal Windows NT Error 2140", "INTERNAL WINDOWS NT ERROR 2140.", "An internal Windows NT error occurred."
        const std::size_t e = internal_error_end(s);
        if (e == std::string_view::npos) return code_kind::none;
        std::string_view r = ltrim(s.substr(e));
        if (number(r) == code_kind::strong) return code_kind::strong;
        code = 2140;
        return code_kind::message;
    }
    if (w.packed == system) {  // "System error 1067 has occurred."
        constexpr std::string_view system_error = "system error ";
        if (!istarts_with(s, system_error)) return code_kind::none;
        s.remove_prefix(system_error.size());
        if (!parse_uint(s, max_u32, n) || !istarts_with(ltrim(s), "has occurred")) return code_kind::none;
        code = static_cast<std::uint32_t>(n);
        return code_kind::strong;
    }
    if (w.packed == more) {
        constexpr std::string_view helpmsg = "more help is available by typing net helpmsg ";
        // NET HELPMSG 3534 is "The service did not report an error.": the start failed with no code.
        constexpr std::uint32_t no_error_reported = 3534;
        if (!istarts_with(s, helpmsg)) return code_kind::none;
        s.remove_prefix(helpmsg.size());
        const code_kind k = number(s);
        if (k == code_kind::strong && code == no_error_reported) code = 0;
        return k;
    }
    if (w.packed == a) {
        constexpr std::string_view specific = "a service specific error occurred:";
        if (istarts_with(s, specific)) {
            s = ltrim(s.substr(specific.size()));
            return number(s);
        }
        return istarts_with(s, "a system error has occurred") ? code_kind::context : code_kind::none;
    }
    if (w.packed == the || w.packed == access || w.packed == service) {
        if (const auto c = code_for_message(s)) {
            code = *c;
            return code_kind::message;
        }
    }
    return code_kind::none;
}

// Whether dialog_header() may find a header: "coul" (any case) at one of the line's first
// header_reach - could_not_start.size() + 1 bytes (24 are tested: 0..15 and 8..23, each sixteen at
// once). A line too short for could_not_start can hold only "Could not start.", at its start or
// after a quote.
[[nodiscard]] inline bool may_hold_could(std::string_view t) noexcept {
    static_assert(header_reach - could_not_start.size() + 1 <= 24, "may_hold_could tests the first 24 offsets");
    constexpr std::size_t reads = 8 + 3 + 16;  // the bytes the last load ends at
    if (t.size() < could_not_start.size()) {  // "cou" or a quote first: three byte compares, no loop
        if (t.size() < could_not_start_unnamed.size()) return false;
        const bool cou = ascii_lower(t[0]) == 'c' && ascii_lower(t[1]) == 'o' && ascii_lower(t[2]) == 'u';
        return cou || t[0] == '"' || t[0] == '\'';
    }
    // A shorter line is copied next to zeros first (zeros match no letter).
    char pad[reads] = {};
    const char* b = t.data();
    if (t.size() < reads) {
        std::memcpy(pad, t.data(), t.size());
        b = pad;
    }
    const auto lanes = [](char c) {
        const auto v = static_cast<signed char>(c);
        return signed_bytes16{v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v};
    };
    const signed_bytes16 fold = lanes(0x20), c = lanes('c'), o = lanes('o'), u = lanes('u'), l = lanes('l');
    const auto at = [&](std::size_t k) {
        signed_bytes16 v;
        std::memcpy(&v, b + k, 16);
        return v | fold;  // letters in lower case
    };
    signed_bytes16 found = {};
    for (std::size_t k = 0; k <= 8; k += 8) found |= (at(k) == c) & (at(k + 1) == o) & (at(k + 2) == u) & (at(k + 3) == l);
    std::uint64_t half[2];
    std::memcpy(half, &found, 16);
    return (half[0] | half[1]) != 0;
}

// may_report()'s first words, in a table hashed by one multiply: one compare for every line instead
// of one per word. "the" also covers net_header() (then no quote came before it).
struct report_word {
    std::uint64_t packed = ~std::uint64_t{0};  // no first word packs to this (its bytes are letters or zero)
    bool needs_capital = false;
};
[[nodiscard]] constexpr std::size_t report_slot(std::uint64_t packed) noexcept {
    return static_cast<std::size_t>((packed * 0x9E3779B97F4A7C15u) >> 58);
}
struct report_word_table {
    report_word slot[64];
    bool distinct = true;  // no two words in one slot
};
inline constexpr report_word_table report_words = [] {
    report_word_table t{};
    const std::string_view words[] = {"the", "a", "an", "more", "error", "system", "access", "internal", "id"};
    for (std::string_view word : words) {
        report_word& r = t.slot[report_slot(pack_word(word))];
        t.distinct = t.distinct && r.packed == ~std::uint64_t{0};
        r.packed = pack_word(word);
        r.needs_capital = word != "the";
    }
    return t;
}();
static_assert(report_words.distinct, "may_report's words need distinct slots: change report_slot's multiplier");

// False only when net_header() is false and error_line() must return none: the first word after
// quotes is none of Error, Internal, An, A, System, More, The, Access, and the line does not end in a
// number. `t` is trimmed and not empty; `w` is word_at_start(t). Left out, as they matter only to a
// pending record (whose lines are all read in full): messages without their article ("Service did not
// return an error.").
[[nodiscard]] inline bool may_report(std::string_view t, first_word w) noexcept {
    std::string_view s = t;
    if (s[0] == '"' || s[0] == '\'') {
        while (!s.empty() && (s[0] == '"' || s[0] == '\'')) s = ltrim(s.substr(1));
        if (s.empty()) return false;
        w = word_at_start(s);
    }
    // "... service-specific error code 1011." (error_line drops trailing dots): a number after "code ".
    std::size_t e = s.size();
    while (e > 0 && s[e - 1] == '.') --e;
    if (e > 0 && is_digit(s[e - 1])) {
        while (e > 0 && is_digit(s[e - 1])) --e;
        if (iends_with(s.substr(0, e), "code ")) return true;
    }
    const report_word& r = report_words.slot[report_slot(w.packed)];
    const bool capital = s[0] >= 'A' && s[0] <= 'Z';  // error_line() wants one, except after "the"
    return r.packed == w.packed && (capital || !r.needs_capital);
}

}  // namespace detail

struct start_error_options {
    std::size_t max_line_length = default_max_line_length;  // longer lines are reported and skipped
    std::string_view file;                                   // the name put in read_error::file
    view<service_name> services;  // the services the display names name (kb/exchange_service_names.hpp)
};

class start_error_reader {
public:
    start_error_reader() = default;
    explicit start_error_reader(start_error_options options) : options_(options) {}

    // Reads a whole text. on_start_error(const start_error_record&) for each failed start found;
    // on_error(const read_error&).
    template <class OnStartError, class OnError>
    void read(std::string_view text, OnStartError&& on_start_error, OnError&& on_error) {
        begin();
        line_source lines(options_.max_line_length, options_.file);
        (void)lines.feed(
            text, true, [&](std::string_view line, location where) { feed(line, where, on_start_error); },
            [](location) {}, on_error);
        end(on_start_error);
    }

    void begin() {
        p_ = pending{};
        scratch_.clear();
        html_seen_ = false;
    }

    template <class OnStartError>
    void feed(std::string_view line, location where, OnStartError& out) {
        feed(detail::trim_line(line), where, out);
    }
    // The same with the line already trimmed (text_scan shares that work with pasted_text_reader).
    // With nothing pending only a line that starts a record matters, and most lines are prose: two
    // cheap checks send them back here (a later header or code starts its own count of quiet lines).
    template <class OnStartError>
    void feed(const detail::trimmed_line& l, location where, OnStartError& out) {
        if (!pending_record() && !l.may_be_html(html_seen_) &&
            (l.t.empty() || !(detail::may_hold_could(l.t) || detail::may_report(l.t, l.word))))
            return;
        feed_line(l, where, out);
    }

    template <class OnStartError>
    void end(OnStartError& out) {
        flush(out);
    }

    // Before the caller's buffer goes away: copy the pending record's name to our own storage and
    // drop the storage of records already delivered.
    void detach() {
        detail::scratch fresh;
        p_.rec.display_name = fresh.store(p_.rec.display_name);
        scratch_ = std::move(fresh);
    }

private:
    // A line that needs more than the fast test of feed().
    template <class OnStartError>
    void feed_line(const detail::trimmed_line& l, location where, OnStartError& out) {
        // HTML: each line it shows, as a line.
        if (l.may_be_html(html_seen_) &&
            detail::feed_html_lines(l, html_seen_, scratch_, [&](const detail::trimmed_line& piece) { feed(piece, where, out); }))
            return;
        const std::string_view t = l.t;
        const bool could = !t.empty() && detail::may_hold_could(t);
        const bool reports = could || (!t.empty() && (pending_record() || detail::may_report(t, l.word)));
        if (t.empty()) {
            ++p_.quiet;
            expire();
            return;
        }
        if (p_.wrapped) {  // the dialog's name ran onto this line
            p_.wrapped = false;
            const std::size_t cut = detail::name_end(t);
            if (cut != std::string_view::npos) {
                scratch_.begin();
                scratch_.append(p_.rec.display_name);
                if (cut > 0) {
                    scratch_.append(' ');
                    scratch_.append(detail::trim(t.substr(0, cut)));
                }
                set_name(scratch_.finish());
                if (const auto c = detail::inline_error(t.substr(cut))) set_code(*c, where);
                p_.quiet = 0;
                return;
            }
        }
        if (reports) {
            std::string_view name, after;
            bool starting = false, wrapped = false;
            if ((could && detail::dialog_header(t, name, wrapped, after)) || detail::net_header(t, name, starting)) {
                if (p_.has_code || (p_.has_header && !detail::iequals(name, p_.rec.display_name))) flush(out);
                if (!p_.has_header) p_.rec.where = where;
                p_.has_header = true;
                p_.wrapped = wrapped;
                set_name(name);
                // On the same line: XP's "... refer to service-specific error code 1011.", or the message
                // after the header's sentence ("... on Local Computer. The service did not return an error.").
                std::uint32_t tail = 0;
                const auto sentence_code = [&] {
                    const detail::code_kind k = detail::error_line(detail::next_sentence(after), tail);
                    return k == detail::code_kind::strong || k == detail::code_kind::message;
                };
                if (const auto c = detail::inline_error(after)) set_code(*c, where);
                else if (!wrapped && (detail::error_line(t, tail) == detail::code_kind::strong || sentence_code()))
                    set_code(tail, where);
                p_.quiet = 0;
                return;
            }
            std::uint32_t code = 0;
            switch (detail::error_line(t, code)) {
                case detail::code_kind::strong:
                    if (p_.has_code && p_.rec.code != code) flush(out);
                    set_code(code, where);
                    return;
                case detail::code_kind::message:
                    if (p_.has_code) {  // the message of a code already seen
                        p_.quiet = 0;
                        return;
                    }
                    if (p_.has_header || p_.context || code == 2140) set_code(code, where);
                    return;
                case detail::code_kind::context:
                    if (p_.has_code) flush(out);
                    if (!p_.has_header) p_.rec.where = where;
                    p_.context = true;
                    p_.quiet = 0;
                    return;
                case detail::code_kind::none: break;
            }
        }
        // An unrelated line: a finished record is delivered; a header waits a few lines for its code.
        if (p_.has_code) {
            flush(out);
            return;
        }
        if (p_.has_header) {  // "\\<server name>. Error 2140: An Internal Windows NT error occurred."
            if (const auto c = detail::inline_error(t)) {
                set_code(*c, where);
                return;
            }
        }
        ++p_.quiet;
        expire();
    }

    struct pending {
        start_error_record rec;
        bool has_header = false;
        bool has_code = false;
        bool context = false;  // "A system error has occurred." seen
        bool wrapped = false;  // the dialog header's name may continue on the next line
        std::size_t quiet = 0;  // lines since the last related line
    };
    static constexpr std::size_t window = 4;

    [[nodiscard]] bool pending_record() const noexcept { return p_.has_header || p_.has_code || p_.context; }

    void set_name(std::string_view raw) {
        p_.rec.display_name = detail::strip_service_word(raw, options_.services);
        p_.rec.service = service_for_display_name(p_.rec.display_name, options_.services);
    }
    void set_code(std::uint32_t code, location where) {
        if (!p_.has_header && !p_.context) p_.rec.where = where;
        p_.rec.code = code;
        p_.has_code = true;
        p_.quiet = 0;
    }
    void expire() noexcept {
        if (!p_.has_code && p_.quiet > window) {
            // Without a header or context nothing but `quiet` was ever set (the record is written only
            // with those or a code): reset just that, not the whole record, on every few prose lines.
            if (p_.has_header || p_.context) p_ = pending{};
            else p_.quiet = 0;
        }
    }
    template <class OnStartError>
    void flush(OnStartError& out) {
        if (p_.has_code) out(static_cast<const start_error_record&>(p_.rec));
        p_ = pending{};
    }

    start_error_options options_{};
    pending p_{};
    detail::scratch scratch_;  // joined names of wrapped dialog headers, HTML lines' text
    bool html_seen_ = false;   // a line of this input was HTML: look for markup on every line
};

// The Service Control Manager's event ids for a service that failed to start or stopped with an
// error: 7000 (failed to start), 7009 (timeout), 7023 (terminated with an error), 7024
// (terminated with a service-specific error).
[[nodiscard]] constexpr bool is_failed_start_event(std::uint16_t id) noexcept {
    return id == 7000 || id == 7009 || id == 7023 || id == 7024;
}

// A Service Control Manager failed-start event (7000, 7009, 7023, 7024) as a start error, its service
// named among `services`. Uses the insertion strings when the record has them (binary logs), else
// the rendered description.
[[nodiscard]] constexpr std::optional<start_error_record> start_error_from_event(const event_record& e,
                                                                                 view<service_name> services) noexcept {
    using detail::ifind;
    if (!detail::loose_equals(e.source, detail::service_control_manager)) return std::nullopt;
    const std::uint16_t id = e.event_id;
    if (!is_failed_start_event(id)) return std::nullopt;
    start_error_record r;
    r.where = e.where;
    std::optional<std::uint32_t> code;
    if (e.string_count > 0 && !e.strings.empty()) {
        std::string_view s[2];
        std::string_view rest = e.strings;
        for (auto& part : s) {
            const std::size_t z = rest.find('\0');
            part = rest.substr(0, z);
            rest = z == std::string_view::npos ? std::string_view{} : rest.substr(z + 1);
        }
        if (e.string_count == 1) {  // dumpel without -t joins a record's strings with blanks: split them again
            const std::string_view one = detail::trim(s[0]);
            const std::size_t cut = id == 7009 ? one.find(' ')        // "30000 <name>"
                                    : one.find("%%") != std::string_view::npos ? one.find("%%")  // "<name> %%2140"
                                                                               : one.rfind(' ');  // "<name> 1011"
            if (cut == std::string_view::npos) return std::nullopt;
            s[0] = detail::trim(one.substr(0, cut));
            s[1] = detail::trim(one.substr(cut));
        }
        r.display_name = id == 7009 ? s[1] : s[0];
        if (id == 7009) code = 1053u;
        else if (const auto pc = detail::find_percent_code(s[1])) code = pc;
        else if (id == 7024) {
            std::uint64_t n = 0;
            if (detail::parse_whole_uint(s[1], detail::max_u32, n)) code = static_cast<std::uint32_t>(n);
        } else code = code_for_message(s[1]);
    } else {
        const std::string_view d = detail::trim(e.description);
        const std::size_t ins = ifind(d, "insertion string");
        if (ins != std::string_view::npos) {  // "The description for Event ID ... could not be found"
            std::string_view list = d.substr(ins);
            const std::size_t colon = list.find(':');
            list = colon == std::string_view::npos ? std::string_view{} : detail::ltrim(list.substr(colon + 1));
            const std::size_t comma = list.find(',');
            const std::string_view first = detail::trim(list.substr(0, comma));
            const std::string_view second = comma == std::string_view::npos ? std::string_view{} : detail::trim(list.substr(comma + 1));
            r.display_name = id == 7009 ? second : first;
            code = id == 7009 ? std::optional<std::uint32_t>(1053u) : detail::find_percent_code(list);
        } else if (id == 7009) {  // "Timeout (30000 milliseconds) waiting for the X service to connect."
            r.display_name = detail::between(d, "waiting for the ", " service to connect");
            code = 1053u;
        } else {
            const std::string_view tail = id == 7000 ? " service failed to start due to the following error"
                                           : id == 7023 ? " service terminated with the following error"
                                                        : " service terminated with service specific error";
            r.display_name = detail::between(d, "the ", tail);
            const std::size_t b = ifind(d, tail);
            std::string_view after = b == std::string_view::npos ? std::string_view{} : d.substr(b + tail.size());
            after = detail::ltrim(after);
            if (!after.empty() && after[0] == ':') after = detail::ltrim(after.substr(1));
            if (const auto pc = detail::find_percent_code(after)) code = pc;
            else if (id == 7024) {
                std::uint64_t n = 0;
                if (detail::parse_uint(after, detail::max_u32, n)) code = static_cast<std::uint32_t>(n);
            } else code = code_for_message(after);
        }
    }
    if (!code) return std::nullopt;
    r.display_name = detail::trim(r.display_name);
    r.service = service_for_display_name(r.display_name, services);
    r.code = *code;
    return r;
}

}  // namespace ruledx::read

#endif
