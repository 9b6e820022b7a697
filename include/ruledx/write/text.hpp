// ruledx — the report as text for a person at an 80-column terminal.
//
// Causes that the evidence makes likely or confirmed are printed in full (cause, numbered
// resolution steps, evidence, what is still unknown); merely possible and ruled-out ones get a
// line each; then the next checks, as questions.
#ifndef RULEDX_WRITE_TEXT_HPP
#define RULEDX_WRITE_TEXT_HPP

#include <cstddef>
#include <string>
#include <string_view>

#include "ruledx/eval/report.hpp"
#include "ruledx/model/rule_set.hpp"
#include "ruledx/write/describe.hpp"

namespace ruledx::write {

// Where a matched observation came from ("app.evt record 17"); empty when unknown.
struct no_citations {
    std::string operator()(signal_kind, std::size_t) const { return {}; }
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

// Why a candidate was ruled out, in words.
template <class Table>
std::string ruled_out_because(const Table& table, const candidate& c) {
    const rule& r = table.rules[c.rule_index];
    std::string why;
    const auto add = [&why](const std::string& reason) {
        if (!why.empty()) why += "; ";
        why += reason;
    };
    if (c.outside_versions) add("applies to Exchange " + describe_versions(r.versions) + " only");
    for (std::size_t f = 0; f < r.confirming.size(); ++f)
        if (c.confirming[f] == fact_state::contradicted) add("needs " + describe(r.confirming[f]));
    for (std::size_t f = 0; f < r.ruling_out.size(); ++f)
        if (c.ruling_out[f] == fact_state::holds) add(describe(r.ruling_out[f]) + " rules it out");
    return why;
}

}  // namespace detail

template <class Table, std::size_t Rules, class Cite = no_citations>
std::string to_text(const Table& table, const report<Rules>& result, const Cite& cite = {}, std::size_t width = 80) {
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
        const rule& r = table.rules[c.rule_index];
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
            if (!possible) line += " -- " + detail::ruled_out_because(table, c);
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
        out += indent + "Evidence:\n";
        for (std::size_t s = 0; s < r.signal_count(); ++s) {
            if (!c.matched(s)) continue;
            std::string line = describe(r.signal_at(s));
            if (c.text_matched[s]) line += ", text matches the article";
            const std::string where = cite(r.signal_at(s).kind, c.evidence[s]);
            if (!where.empty()) line += " [" + where + "]";
            detail::append_wrapped(out, indent + "  + ", line, width);
        }
        for (std::size_t f = 0; f < r.confirming.size(); ++f)
            if (c.confirming[f] == fact_state::holds) detail::append_wrapped(out, indent + "  + ", describe(r.confirming[f]), width);
        bool wrote_unknown_header = false;
        const auto unknown = [&](const std::string& line) {
            if (!wrote_unknown_header) out += indent + "Still unknown:\n";
            wrote_unknown_header = true;
            detail::append_wrapped(out, indent + "  ? ", line, width);
        };
        for (std::size_t s = 0; s < r.required.size(); ++s)
            if (!c.matched(s)) unknown(describe(r.signal_at(s)) + " (not seen)");
        for (std::size_t f = 0; f < r.confirming.size(); ++f) {
            if (c.confirming[f] != fact_state::unknown) continue;
            const std::size_t index = table.find_fact(r.confirming[f].name);
            unknown(index == not_found ? describe(r.confirming[f]) : std::string(table.facts[index].question));
        }
        if (!r.related.empty()) {
            std::string related;
            for (std::string_view article : r.related) related += (related.empty() ? "" : ", ") + std::string(article);
            detail::append_wrapped(out, indent + "See also: ", related, width);
        }
        out += '\n';
    }
    if (result.truncated) out += "  (more rules matched than the report holds)\n";
    if (not_shown > 0)
        out += "  (" + std::to_string(not_shown) + " more candidates not shown; --format json lists them all)\n";
    if (!result.next_checks().empty()) {
        if (out.size() < 2 || out.compare(out.size() - 2, 2, "\n\n") != 0) out += '\n';
        out += "Next checks, most informative first:\n";
        constexpr std::size_t max_checks_shown = 5;
        std::size_t n = 0;
        for (const next_check& check : result.next_checks()) {
            if (n == max_checks_shown) break;
            const std::string head = "  " + std::to_string(++n) + ". ";
            if (check.what == next_check::kind::fact) {
                const fact_definition& f = table.facts[check.fact_index];
                detail::append_wrapped(out, head, f.question, width);
                detail::append_wrapped(out, std::string(head.size(), ' '),
                                       "(--fact " + std::string(f.name) + "=<" + std::string(to_string(f.kind)) + ">)", width);
            } else {
                detail::append_wrapped(out, head, question_for(table.rules[check.rule_index].signal_at(check.signal_index)),
                                       width);
            }
        }
    }
    return out;
}

}  // namespace ruledx::write

#endif
