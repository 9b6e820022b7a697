// ruledx — the tolerant text comparisons rules need, usable in constant expressions.
//
// Knowledge-base articles quote messages with their own spacing, case and typos
// ("MSExchange IMC", "Intialization/Termination"); real logs differ from articles the same way.
#ifndef RULEDX_DETAIL_TEXT_MATCH_HPP
#define RULEDX_DETAIL_TEXT_MATCH_HPP

#include <cstddef>
#include <string_view>

namespace ruledx::detail {

// The ASCII character classes of every text helper, the readers' included. Bytes of 0x80 and above
// are in none of them, so UTF-8 passes through untouched.
[[nodiscard]] constexpr char ascii_lower(char c) noexcept {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
[[nodiscard]] constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
[[nodiscard]] constexpr bool is_alpha(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
[[nodiscard]] constexpr bool is_alnum(char c) noexcept { return is_alpha(c) || is_digit(c); }
// White space between words: blanks, line ends, and NUL (padding in logs).
[[nodiscard]] constexpr bool is_space(char c) noexcept {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v' || c == '\0';
}
// White space inside a line (the readers split lines first). '\r' counts, so that stray carriage
// returns (CR CR LF from some copy paths) do not leak into values.
[[nodiscard]] constexpr bool is_blank(char c) noexcept {
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

// Exact equality. std::string_view's == compares one character at a time in a constant
// expression, and Clang counts each against its step budget; the builtin is one step in both
// compilers and memcmp at run time.
[[nodiscard]] constexpr bool equal_text(std::string_view a, std::string_view b) noexcept {
    return a.size() == b.size() && (a.empty() || __builtin_memcmp(a.data(), b.data(), a.size()) == 0);
}

// Names (sources, services): case-insensitive, spaces ignored.
[[nodiscard]] constexpr bool same_name(std::string_view a, std::string_view b) noexcept {
    if (equal_text(a, b)) return true;  // the usual case
    std::size_t i = 0;
    std::size_t j = 0;
    for (;;) {
        while (i < a.size() && a[i] == ' ') ++i;
        while (j < b.size() && b[j] == ' ') ++j;
        if (i == a.size() || j == b.size()) return i == a.size() && j == b.size();
        if (ascii_lower(a[i]) != ascii_lower(b[j])) return false;
        ++i;
        ++j;
    }
}

// A program's name as a crash report prints it, without blanks, quotes, directory or extension:
// "exe\\MSEXCIMC.dbg" and "msexcimc.exe" are "MSEXCIMC" and "msexcimc" (compared by same_program).
[[nodiscard]] constexpr std::string_view program_name(std::string_view printed) noexcept {
    constexpr std::size_t max_extension = 4;
    const auto is_trimmed = [](char c) { return is_blank(c) || c == '"' || c == '\''; };
    std::size_t begin = 0;
    std::size_t end = printed.size();
    for (std::size_t i = 0; i < end; ++i)
        if (printed[i] == '\\' || printed[i] == '/') begin = i + 1;
    while (begin < end && is_trimmed(printed[begin])) ++begin;
    while (end > begin && is_trimmed(printed[end - 1])) --end;
    // A final extension of 1 to 4 letters or digits (".exe", ".dbg") is not part of the name.
    // (dot: where the extension starts; it holds one character at least.)
    for (std::size_t dot = end - (end > begin ? 1 : 0); dot > begin + 1 && end - dot <= max_extension; --dot) {
        const char c = printed[dot - 1];
        if (c == '.') {
            end = dot - 1;
            break;
        }
        if (!is_alnum(c)) break;
    }
    while (end > begin && is_blank(printed[end - 1])) --end;
    return printed.substr(begin, end - begin);
}

// What separates words when a text is searched for a phrase: any run of white space counting as
// one space (a space in the phrase needs one in the text), or everything but letters, digits and
// the bytes of non-ASCII characters (which count as letters) ignored on both sides.
enum class separators { as_one_space, ignored };

// Written out for letters and digits rather than composed of is_alnum: the example proofs run this
// in constant evaluation, where each nested call costs Clang steps of its budget.
template <separators Rule>
[[nodiscard]] constexpr bool is_separator(char c) noexcept {
    if constexpr (Rule == separators::as_one_space)
        return is_space(c);
    else
        return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 static_cast<unsigned char>(c) >= 0x80);
}

// Does `text` contain `phrase`, ignoring case, with separators as `Rule` says? Written for the
// constant evaluator as much as for run time: raw pointers, and a cheap scan for the phrase's first
// letter before any comparison.
template <separators Rule>
[[nodiscard]] constexpr bool contains_text(std::string_view text, std::string_view phrase) noexcept {
    constexpr bool spaces_count = Rule == separators::as_one_space;
    const char* t = text.data();
    const char* p = phrase.data();
    const std::size_t n = text.size();
    const std::size_t m = phrase.size();
    std::size_t p0 = 0;
    while (p0 < m && is_separator<Rule>(p[p0])) ++p0;
    if (p0 == m) return true;
    const char first = ascii_lower(p[p0]);
    for (std::size_t start = 0; start < n; ++start) {
        if (t[start] != first && ascii_lower(t[start]) != first) continue;
        std::size_t i = start;
        std::size_t j = p0;
        for (;;) {
            if (j == m) return true;
            if (is_separator<Rule>(p[j])) {
                while (j < m && is_separator<Rule>(p[j])) ++j;
                if (j == m) return true;
                if (spaces_count && (i == n || !is_separator<Rule>(t[i]))) break;
                while (i < n && is_separator<Rule>(t[i])) ++i;
                continue;
            }
            if (!spaces_count)
                while (i < n && is_separator<Rule>(t[i])) ++i;
            if (i == n || ascii_lower(t[i]) != ascii_lower(p[j])) break;
            ++i;
            ++j;
        }
    }
    return false;
}

// Does `text` contain `phrase`, ignoring case and treating any run of white space as one space?
// For values ("Error=11004"), whose word spacing matters.
[[nodiscard]] constexpr bool contains_phrase(std::string_view text, std::string_view phrase) noexcept {
    return contains_text<separators::as_one_space>(text, phrase);
}

// Does `text` hold `phrase`'s wording: its letters and digits in order, ignoring case, white space and
// ASCII punctuation? Articles quoting one message differ in exactly those ("the messaging software, the
// Internet Mail Service uses, to process" and "... software the Internet Mail Service uses to process",
// "Exchange Server" and "ExchangeServer"), and so do logs. For descriptions, whose wording is long
// enough that dropping the separators cannot make an unrelated text match.
[[nodiscard]] constexpr bool contains_wording(std::string_view text, std::string_view phrase) noexcept {
    return contains_text<separators::ignored>(text, phrase);
}

// Levenshtein distance of the first `max_distance_text` characters of each (typos in names and
// labels; longer texts count their extra length as edits).
inline constexpr std::size_t max_distance_text = 64;
[[nodiscard]] constexpr std::size_t edit_distance(std::string_view a, std::string_view b) noexcept {
    const std::size_t n = a.size() < max_distance_text ? a.size() : max_distance_text;
    const std::size_t m = b.size() < max_distance_text ? b.size() : max_distance_text;
    const std::size_t excess = (a.size() - n) + (b.size() - m);
    std::size_t prev[max_distance_text + 1]{};
    std::size_t cur[max_distance_text + 1]{};
    for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= m; ++j) {
            std::size_t best = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            if (prev[j] + 1 < best) best = prev[j] + 1;
            if (cur[j - 1] + 1 < best) best = cur[j - 1] + 1;
            cur[j] = best;
        }
        for (std::size_t j = 0; j <= m; ++j) prev[j] = cur[j];
    }
    return prev[m] + excess;
}

// Programs by name (program_name's): the same ignoring case, or, for names of six characters or
// more, one typo apart (articles misprint them: "MSEXIMC.DBG" for the IMC's MSEXCIMC).
[[nodiscard]] constexpr bool same_program(std::string_view a, std::string_view b) noexcept {
    if (same_name(a, b)) return true;
    constexpr std::size_t min_size = 6;
    if (a.size() < min_size || b.size() < min_size || a.size() > max_distance_text || b.size() > max_distance_text) return false;
    char x[max_distance_text]{};
    char y[max_distance_text]{};
    for (std::size_t i = 0; i < a.size(); ++i) x[i] = ascii_lower(a[i]);
    for (std::size_t i = 0; i < b.size(); ++i) y[i] = ascii_lower(b[i]);
    return edit_distance(std::string_view(x, a.size()), std::string_view(y, b.size())) <= 1;
}

// Categories: letters and digits only, case-insensitive, up to two typos
// ("Intialization/Termination" is "Initialization/Termination").
[[nodiscard]] constexpr bool similar_label(std::string_view a, std::string_view b) noexcept {
    constexpr std::size_t max_typos = 2;
    char x[max_distance_text]{};
    char y[max_distance_text]{};
    std::size_t n = 0;
    std::size_t m = 0;
    for (char c : a)
        if (is_alnum(c) && n < max_distance_text) x[n++] = ascii_lower(c);
    for (char c : b)
        if (is_alnum(c) && m < max_distance_text) y[m++] = ascii_lower(c);
    // Most labels are spelled alike: answer those without the distance table.
    bool equal = n == m;
    for (std::size_t i = 0; equal && i < n; ++i) equal = x[i] == y[i];
    if (equal) return true;
    if ((n > m ? n - m : m - n) > max_typos) return false;
    return edit_distance(std::string_view(x, n), std::string_view(y, m)) <= max_typos;
}

}  // namespace ruledx::detail

#endif
