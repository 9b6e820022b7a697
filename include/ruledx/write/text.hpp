// ruledx — the report as text for a person at an 80-column terminal.
//
// Causes that the evidence makes likely or confirmed are printed in full (cause, numbered
// resolution steps, evidence, what is still unknown); merely possible and ruled-out ones get a
// line each; then the next checks, as questions.
#ifndef RULEDX_WRITE_TEXT_HPP
#define RULEDX_WRITE_TEXT_HPP

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <type_traits>

#include "ruledx/eval/explain.hpp"
#include "ruledx/eval/question.hpp"
#include "ruledx/eval/report.hpp"
#include "ruledx/model/rule_set.hpp"
#include "ruledx/write/describe.hpp"

namespace ruledx::write {

// Where a matched observation came from ("app.evt record 17"), and who says a signal is absent
// (absence_ref); empty when unknown. A caller's citations may leave absences out.
struct no_citations {
    std::string operator()(signal_kind, std::size_t) const { return {}; }
    std::string operator()(absence_ref) const { return {}; }
};

// What the caller adds to the text: the writer knows the report, the caller knows how its user
// answers a question (a command-line flag, a button) and where the rest of a long report is.
struct text_options {
    std::size_t width = 80;
    // A line under each next check; empty or unset: none.
    std::function<std::string(const question&)> how_to_answer;
    // After "(N more candidates not shown": where they are, e.g. "the JSON output lists them all".
    std::string more_candidates;
};

namespace detail {

// Appends `text` wrapped at `width`, the first line after `first_prefix`, the rest indented to match.
inline void append_wrapped(std::string& out, std::string_view first_prefix, std::string_view text, std::size_t width) {
    const std::size_t indent = first_prefix.size();
    out += first_prefix;
    std::size_t column = indent;
    bool line_has_word = false;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t')) ++i;
        std::size_t j = i;
        while (j < text.size() && text[j] != ' ' && text[j] != '\n' && text[j] != '\r' && text[j] != '\t') ++j;
        if (j == i) break;
        const std::size_t word = j - i;
        if (line_has_word && column + 1 + word > width) {
            out += '\n';
            out.append(indent, ' ');
            column = indent;
            line_has_word = false;
        }
        if (line_has_word) {
            out += ' ';
            ++column;
        }
        out.append(text.substr(i, word));
        column += word;
        line_has_word = true;
        i = j;
    }
    out += '\n';
}

// "ruled_out" -> "RULED OUT": a status as the heading of a candidate.
inline std::string status_heading(status st) {
    std::string out(to_string(st));
    for (char& c : out) c = c == '_' ? ' ' : static_cast<char>(c - 'a' + 'A');
    return out;
}

// What the report cites for an absence, when the caller's citations can say it.
template <class Cite>
std::string cite_absence(const Cite& cite, std::uint16_t index) {
    if constexpr (std::is_invocable_v<const Cite&, absence_ref>)
        return cite(absence_ref{index});
    else
        return {};
}

// A contradiction, in words: "needs exchange_version 5.5", "event 4116 from MSExchangeIMC is
// absent from app.evt", "x=true rules it out".
template <class Table, class Cite>
std::string contradiction_text(const Table& table, const candidate& c, const reason& item, const Cite& cite) {
    const auto& r = table.rules[c.rule_index];
    switch (item.what) {
        case reason_kind::outside_versions: return "needs " + std::string(r.version_fact) + " " + describe_versions(r.versions);
        case reason_kind::signal_absent: {
            const std::string from = cite_absence(cite, item.observation);
            return describe(*item.sig) + " is absent" + (from.empty() ? "" : " from " + from);
        }
        case reason_kind::fact_differs: return "needs " + describe(*item.fact);
        case reason_kind::ruling_out_holds: return describe(*item.fact) + " rules it out";
        default: return {};
    }
}

// Why a candidate was ruled out, in words.
template <class Table, class Cite = no_citations>
std::string ruled_out_because(const Table& table, const candidate& c, const Cite& cite = {}) {
    std::string why;
    explain(table, c, [&](const reason& item) {
        if (item.part != explanation_part::contradicted) return;
        if (!why.empty()) why += "; ";
        why += contradiction_text(table, c, item, cite);
    });
    return why;
}

}  // namespace detail

template <class Table, std::size_t Rules, class Cite>
std::string to_text(const Table& table, const report<Rules>& result, const Cite& cite, const text_options& options) {
    const std::size_t width = options.width;
    std::string out;
    if (result.ranked().empty()) {
        out += "No rule matches the evidence.\n";
        return out;
    }
    // Short lists of the weaker candidates: the JSON output has them all.
    const bool has_leader = result.best()->status >= status::likely;
    const std::size_t max_listed = has_leader ? 3 : 10;
    std::size_t number = 0;
    bool listed_possible = false;
    bool listed_ruled_out = false;
    std::size_t possible_shown = 0;
    std::size_t ruled_out_shown = 0;
    std::size_t not_shown = 0;
    for (const candidate& c : result.ranked()) {
        const auto& r = table.rules[c.rule_index];
        ++number;
        const std::string head = std::to_string(number) + ". ";
        if (c.status == status::possible || c.status == status::ruled_out) {
            const bool possible = c.status == status::possible;
            std::size_t& shown = possible ? possible_shown : ruled_out_shown;
            if (shown == max_listed) {
                ++not_shown;
                continue;
            }
            ++shown;
            bool& listed = possible ? listed_possible : listed_ruled_out;
            if (!listed) {
                out += possible ? "Possible causes (the evidence does not single them out):\n"
                                : "Ruled out:\n";
                listed = true;
            }
            std::string line = std::string(r.article) + "  " + std::string(r.title);
            if (!possible) line += " -- " + detail::ruled_out_because(table, c, cite);
            detail::append_wrapped(out, "  " + head, line, width);
            continue;
        }
        detail::append_wrapped(out, head, detail::status_heading(c.status) + "  " + std::string(r.article) + "  " +
                                              std::string(r.title), width);
        const std::string indent(head.size(), ' ');
        detail::append_wrapped(out, indent + "Cause: ", r.cause, width);
        out += indent + "Resolution:\n";
        for (std::size_t s = 0; s < r.resolution.size(); ++s)
            detail::append_wrapped(out, indent + "  " + std::to_string(s + 1) + ". ", r.resolution[s], width);
        bool wrote_unknown_header = false;
        out += indent + "Evidence:\n";
        explain(table, c, [&](const reason& item) {
            switch (item.what) {
                case reason_kind::signal_seen: {
                    std::string line = describe(*item.sig);
                    if (item.text_matched) line += ", text matches the article";
                    const std::string where = cite(item.sig->kind, item.observation);
                    if (!where.empty()) line += " [" + where + "]";
                    detail::append_wrapped(out, indent + "  + ", line, width);
                    return;
                }
                case reason_kind::fact_holds: detail::append_wrapped(out, indent + "  + ", describe(*item.fact), width); return;
                case reason_kind::signal_unseen:
                case reason_kind::fact_unknown: {
                    if (!wrote_unknown_header) out += indent + "Still unknown:\n";
                    wrote_unknown_header = true;
                    std::string line;
                    if (item.what == reason_kind::signal_unseen) {
                        line = describe(*item.sig) + " (not seen)";
                    } else {
                        const std::size_t index = table.find_fact(item.fact->name);
                        line = index == not_found ? describe(*item.fact) : std::string(table.facts[index].question);
                    }
                    detail::append_wrapped(out, indent + "  ? ", line, width);
                    return;
                }
                default: return;  // a likely or confirmed candidate has no contradictions
            }
        });
        if (!r.related.empty()) {
            std::string related;
            for (std::string_view article : r.related) related += (related.empty() ? "" : ", ") + std::string(article);
            detail::append_wrapped(out, indent + "See also: ", related, width);
        }
        out += '\n';
    }
    if (result.truncated) out += "  (more rules matched than the report holds)\n";
    if (not_shown > 0)
        out += "  (" + std::to_string(not_shown) + " more candidates not shown" +
               (options.more_candidates.empty() ? "" : "; " + options.more_candidates) + ")\n";
    if (!result.next_checks().empty()) {
        if (out.size() < 2 || out.compare(out.size() - 2, 2, "\n\n") != 0) out += '\n';
        out += "Next checks, most informative first:\n";
        constexpr std::size_t max_checks_shown = 5;
        std::size_t n = 0;
        for (const next_check& check : result.next_checks()) {
            if (n == max_checks_shown) break;
            const std::string head = "  " + std::to_string(++n) + ". ";
            const question q = question_of(table, check);
            detail::append_wrapped(out, head, question_text(table, q), width);
            if (options.how_to_answer) {
                const std::string hint = options.how_to_answer(q);
                if (!hint.empty()) detail::append_wrapped(out, std::string(head.size(), ' '), hint, width);
            }
        }
    }
    return out;
}

template <class Table, std::size_t Rules, class Cite = no_citations>
std::string to_text(const Table& table, const report<Rules>& result, const Cite& cite = {}, std::size_t width = 80) {
    text_options options;
    options.width = width;
    return to_text(table, result, cite, options);
}

}  // namespace ruledx::write

#endif
