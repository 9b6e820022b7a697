// Known-message recognition: every description both knowledge bases quote is found in any layout
// (wrapped, quoted, upper-cased, spaced, split across chunks anywhere), nothing is found that is
// not there, and the scanner agrees with a plain search over the normalised text.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "ruledx/kb/exchange.hpp"
#include "ruledx/kb/exchange_ims.hpp"
#include "ruledx/kb/exchange_services.hpp"
#include "ruledx/read/known_messages.hpp"

using namespace ruledx;
using namespace ruledx::read;

namespace {

struct seen_match {
    std::size_t text = 0;
    std::uint64_t offset = 0;
    std::size_t line = 0;
    std::uint64_t last = 0;
    std::size_t last_line = 0;
    stated_id_form form = stated_id_form::none;
    std::uint32_t id = 0;
    std::vector<std::pair<std::size_t, std::size_t>> signals;  // (rule, index)
    std::vector<std::uint8_t> present;

    [[nodiscard]] auto key() const { return std::tie(offset, text, last, line, last_line, form, id, signals, present); }
    friend bool operator==(const seen_match& a, const seen_match& b) { return a.key() == b.key(); }
    friend bool operator<(const seen_match& a, const seen_match& b) { return a.key() < b.key(); }
    [[nodiscard]] bool carries(std::size_t rule, std::size_t index) const {
        return std::find(signals.begin(), signals.end(), std::make_pair(rule, index)) != signals.end();
    }
};

seen_match record(const known_match& m) {
    seen_match s;
    s.text = m.text;
    s.offset = m.where.offset;
    s.line = m.where.line;
    s.last = m.last.offset;
    s.last_line = m.last.line;
    s.form = m.id_form;
    s.id = m.stated_id;
    for (const known_signal& k : m.signals) s.signals.emplace_back(k.rule, k.index);
    s.present.assign(m.values_present.begin(), m.values_present.end());
    return s;
}

// Feeds `text` in chunks of the given sizes (cycled), sorted by offset; with `counted`, each chunk
// with its count of line ends, as a line reader gives it.
std::vector<seen_match> scan(const known_messages& known, std::string_view text, std::vector<std::size_t> sizes = {},
                             bool counted = false) {
    std::vector<seen_match> out;
    auto on = [&](const known_match& m) { out.push_back(record(m)); };
    known_message_scanner scanner(known);
    if (sizes.empty()) sizes.push_back(text.size() + 1);
    std::size_t at = 0;
    for (std::size_t k = 0; at < text.size(); ++k) {
        const std::size_t n = std::min(std::max<std::size_t>(sizes[k % sizes.size()], 1), text.size() - at);
        const std::string_view chunk = text.substr(at, n);
        if (counted) scanner.feed(chunk, static_cast<std::uint64_t>(std::count(chunk.begin(), chunk.end(), '\n')), on);
        else scanner.feed(chunk, on);
        at += n;
    }
    scanner.finish(on);
    std::sort(out.begin(), out.end());
    return out;
}

// The plain reference: normalise the whole text the documented way, find every text anywhere,
// keep the occurrences no other occurrence contains. (text, first byte offset, last byte offset)
// The documented normalisation, written plainly: each character with the offset of its byte.
struct normalised {
    std::string text;
    std::vector<std::uint64_t> where;
};
normalised normalise_plainly(std::string_view text) {
    normalised out;
    bool blank = true;
    bool line_start = true;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (ruledx::detail::is_space(static_cast<char>(c))) {
            if (!blank) {
                out.text.push_back(' ');
                out.where.push_back(i);
            }
            blank = true;
            if (c == '\n') line_start = true;
        } else if (!(line_start && (c == '>' || c == '|'))) {
            out.text.push_back(ruledx::detail::ascii_lower(static_cast<char>(c)));
            out.where.push_back(i);
            blank = false;
            line_start = false;
        }
    }
    return out;
}

// The plain reference: find every text anywhere in the normalised input and keep the
// occurrences no other occurrence contains. (first byte offset, text, last byte offset)
using plain_match = std::tuple<std::uint64_t, std::size_t, std::uint64_t>;
std::vector<plain_match> plain_search(const known_messages& known, std::string_view input) {
    const normalised n = normalise_plainly(input);
    const std::string& norm = n.text;
    const std::vector<std::uint64_t>& where = n.where;
    struct occurrence {
        std::size_t begin, end, text;
    };
    std::vector<occurrence> all;
    for (std::size_t t = 0; t < known.texts().size(); ++t) {
        const std::string& p = known.texts()[t].pattern;
        for (std::size_t at = norm.find(p); at != std::string::npos; at = norm.find(p, at + 1)) all.push_back({at, at + p.size(), t});
    }
    std::vector<plain_match> out;
    for (const occurrence& a : all) {
        bool inside = false;
        for (const occurrence& b : all)
            inside = inside || (&a != &b && b.begin <= a.begin && a.end <= b.end);
        if (!inside) out.emplace_back(where[a.begin], a.text, where[a.end - 1]);
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<plain_match> plain_of(const std::vector<seen_match>& seen) {
    std::vector<plain_match> out;
    for (const seen_match& m : seen) out.emplace_back(m.offset, m.text, m.last);
    std::sort(out.begin(), out.end());
    return out;
}

// Layouts a description arrives in.
std::string wrap(std::string_view text, std::size_t columns, std::string_view prefix) {
    std::string out(prefix);
    std::size_t column = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ') ++i;
        std::size_t j = i;
        while (j < text.size() && text[j] != ' ') ++j;
        if (j == i) break;
        if (column > 0 && column + 1 + (j - i) > columns) {
            out += "\n";
            out += prefix;
            column = 0;
        }
        if (column > 0) {
            out += ' ';
            ++column;
        }
        out.append(text.substr(i, j - i));
        column += j - i;
        i = j;
    }
    return out;
}
std::string upper(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}
std::string double_spaces(std::string_view text) {
    std::string out;
    for (char c : text) {
        out += c;
        if (c == ' ') out += " \t";
    }
    return out;
}

const std::string chatter_before =
    "Hi team,\n\nthe customer says the service stopped again after the weekend. An error was returned, they "
    "think, from the mail software; the services were restarted twice.\nThey pasted this from the log:\n\n";
const std::string chatter_after =
    "\n\nThanks,\nJim\n> Did you check the Application log of the server?\n> Regards\n";

struct carrier {
    std::size_t rule;
    std::size_t index;
    const signal* sig;
};

template <class Table>
std::vector<carrier> described_events(const Table& table) {
    std::vector<carrier> out;
    for (std::size_t r = 0; r < table.rule_count; ++r)
        for (std::size_t s = 0; s < table.rules[r].signal_count(); ++s) {
            const signal& sig = table.rules[r].signal_at(s);
            if ((sig.kind == signal_kind::event || sig.kind == signal_kind::dialog) && !sig.description.empty())
                out.push_back({r, s, &sig});
        }
    return out;
}

// A signal's values all appear in its description: the embedded description then shows them.
bool values_in_description(const signal& sig) {
    for (std::string_view v : sig.values)
        if (!ruledx::detail::contains_phrase(sig.description, v)) return false;
    return true;
}

template <class Table>
void every_description_in_every_layout(const Table& table) {
    const known_messages known(table);
    const std::vector<carrier> carriers = described_events(table);
    REQUIRE(!carriers.empty());
    for (const carrier& c : carriers) {
        const std::string d(c.sig->description);
        const std::string layouts[] = {
            d,
            wrap(d, 40, ""),
            upper(d),
            wrap(d, 40, "> "),
            wrap(d, 38, "> > "),
            wrap(d, 40, ">>"),
            wrap(d, 40, "| "),
            double_spaces(d),
            upper(wrap(double_spaces(d), 40, "> ")),
        };
        for (const std::string& layout : layouts) {
            const std::string input = chatter_before + layout + chatter_after;
            const std::vector<seen_match> found = scan(known, input);
            CAPTURE(c.sig->source);
            CAPTURE(c.sig->code);
            CAPTURE(layout);
            const auto it = std::find_if(found.begin(), found.end(), [&](const seen_match& m) { return m.carries(c.rule, c.index); });
            REQUIRE(it != found.end());
            // Found where it is: from the layout's first line on.
            CHECK(it->offset >= chatter_before.size());
            CHECK(it->last < chatter_before.size() + layout.size());
            CHECK(it->line >= 6);  // the chatter has five lines
            CHECK(it->form == stated_id_form::none);
            if (values_in_description(*c.sig)) {
                const std::size_t k = static_cast<std::size_t>(std::find(it->signals.begin(), it->signals.end(),
                                                                         std::make_pair(c.rule, c.index)) -
                                                               it->signals.begin());
                CHECK(it->present[k] == 1);
            }
            // Every reported signal's own text is in the input.
            for (const seen_match& m : found)
                for (const auto& [rule, index] : m.signals) {
                    const signal& s = table.rules[rule].signal_at(index);
                    const std::string pattern = ruledx::read::detail_known::searched_text(s, 24).pattern;
                    CHECK(normalise_plainly(input).text.find(pattern) != std::string::npos);
                }
        }
    }
}


const signal& ims_event(std::uint32_t code) {
    for (const carrier& c : described_events(kb::exchange_ims::table))
        if (c.sig->code == code) return *c.sig;
    FAIL("no described event " << code);
    static const signal none;
    return none;
}

// A table of one's own, read the way known_messages reads any table.
struct mini_table {
    static constexpr std::size_t rule_count = 2;
    static constexpr std::size_t fact_count = 0;
    const rule* rules;
    const fact_definition* facts;
};
const rule widget_rules[] = {
    rule("widget-denied", "Q1").requires_signals({event("Widget", 5).with_description("Access is denied.")}),
    rule("widget-down", "Q2").requires_signals(
        {event("Widget", 7).with_description("The widget service could not reach the <server name> server.")}),
};

}  // namespace

TEST_CASE("known messages: every Internet Mail Service description, in every layout") {
    every_description_in_every_layout(kb::exchange_ims::table);
}

TEST_CASE("known messages: every description of the other services, in every layout") {
    every_description_in_every_layout(kb::exchange_services::table);
}

TEST_CASE("known messages: what is searched, measured on both knowledge bases") {
    const known_messages known(kb::exchange::table);
    std::size_t shortest = ~std::size_t{0};
    std::size_t under_24 = 0;
    std::size_t under_45 = 0;
    std::size_t parts = 0;
    for (std::size_t t = 0; t < known.texts().size(); ++t) {
        const known_text& text = known.texts()[t];
        shortest = std::min(shortest, text.pattern.size());
        under_24 += text.pattern.size() < 24 ? 1 : 0;
        under_45 += text.pattern.size() < 45 ? 1 : 0;
        parts += text.whole ? 0 : 1;
        // Every text has an anchor inside one of its words.
        const std::string_view anchor = known.anchor_of(t);
        CHECK(anchor.size() == 7);
        CHECK(anchor.find(' ') == std::string_view::npos);
        CHECK(text.pattern.find(anchor) != std::string::npos);
        CHECK(text.signal_count > 0);
    }
    // The decision on short texts (see the header) rests on this: no shipped text is short. (At
    // the time of writing: 71 texts, the shortest 28 characters, 6 under 45, 16 cut at a value
    // or placeholder.)
    MESSAGE("texts " << known.texts().size() << ", shortest " << shortest << ", under 45: " << under_45
                     << ", cut at a value or placeholder: " << parts);
    CHECK(under_24 == 0);
    CHECK(shortest >= 24);
    CHECK(parts > 0);
    CHECK(known.stride() == 4);
    // Start errors and crashes carry no text: only events and message boxes are searched.
    for (const known_signal& s : known.signals())
        CHECK((s.carrier->kind == signal_kind::event || s.carrier->kind == signal_kind::dialog));
}

TEST_CASE("known messages: a text's signals are every signal whose rule quotes it") {
    const auto& table = kb::exchange::table;
    const known_messages known(table);
    std::set<std::pair<std::size_t, std::size_t>> listed;
    for (const known_text& t : known.texts())
        for (const known_signal& s : known.signals_of(t)) {
            CHECK(s.carrier == &table.rules[s.rule].signal_at(s.index));
            CHECK(detail_known::searched_text(*s.carrier, 24).pattern == t.pattern);
            CHECK(listed.insert({s.rule, s.index}).second);
        }
    CHECK(listed.size() == described_events(table).size());
    // One text, two events: 4102 and 4182 print the same words (Q322829).
    const std::string shut_down(kb::exchange_ims::quoted::shut_down_4102);
    const std::vector<seen_match> found = scan(known, shut_down);
    REQUIRE(found.size() == 1);
    std::set<std::uint32_t> codes;
    for (const auto& [rule, index] : found[0].signals) codes.insert(table.rules[rule].signal_at(index).code);
    CHECK(codes == std::set<std::uint32_t>{4102, 4182});
}

TEST_CASE("known messages: two events flattened onto one line by a web page, no source") {
    const known_messages known(kb::exchange_ims::table);
    const std::string d4070(ims_event(4070).description);
    const std::string d4131(ims_event(4131).description);
    const std::string line = "Error log: 4070: " + d4070 + " 4131: " + d4131 + "\n";
    const std::vector<seen_match> found = scan(known, line);
    REQUIRE(found.size() == 2);
    const auto check = [&](const seen_match& m, std::uint32_t code, std::size_t offset) {
        CAPTURE(code);
        CHECK(m.offset == offset);
        CHECK(m.line == 1);
        CHECK(m.form == stated_id_form::adjacent);
        CHECK(m.id == code);
        REQUIRE(!m.signals.empty());
        for (const auto& [rule, index] : m.signals) {
            const signal& s = kb::exchange_ims::table.rules[rule].signal_at(index);
            CHECK(s.code == code);
            CHECK(s.source == "MSExchangeIMC");
        }
    };
    check(found[0], 4070, line.find("An error occurred"));
    check(found[1], 4131, line.find("An unexpected"));
    // id_agrees, as the caller sees it.
    known_message_scanner scanner(known);
    std::size_t agreeing = 0;
    auto on = [&](const known_match& m) { agreeing += m.id_agrees() ? 1 : 0; };
    scanner.feed(line, on);
    scanner.finish(on);
    CHECK(agreeing == 2);
}

TEST_CASE("known messages: ids stated before the text") {
    const known_messages known(kb::exchange_ims::table);
    const std::string d4070(ims_event(4070).description);
    const auto one = [&](const std::string& input) {
        const std::vector<seen_match> found = scan(known, input);
        REQUIRE(found.size() == 1);
        return found[0];
    };
    const std::string block = "Event Type: Error\nEvent Source: MSExchangeIMC\nEvent Category: Internal Processing\n"
                              "Event ID: 4070\nDate: 3/4/1999\nTime: 10:45:12 AM\nUser: N/A\nComputer: MAIL01\n"
                              "Description:\n" +
                              wrap(d4070, 72, "");
    seen_match m = one(block);
    CHECK(m.form == stated_id_form::labelled);
    CHECK(m.id == 4070);
    m = one("> Event id 4131\n> " + wrap(d4070, 60, "> "));
    CHECK(m.form == stated_id_form::labelled);
    CHECK(m.id == 4131);  // reported as stated: the caller sees that it disagrees
    m = one("EventID=4070 " + d4070);
    CHECK(m.id == 4070);
    m = one("(4070) " + d4070);
    CHECK(m.form == stated_id_form::adjacent);
    CHECK(m.id == 4070);
    m = one("at 10:45 " + d4070);  // a time is no id
    CHECK(m.form == stated_id_form::none);
    m = one("Version 5.5 " + d4070);
    CHECK(m.form == stated_id_form::none);
    m = one(d4070);
    CHECK(m.form == stated_id_form::none);
    // Each event's id is its own: the label of the event before does not reach across its text.
    const std::string d4131(ims_event(4131).description);
    const std::vector<seen_match> two = scan(known, "Event ID: 4070\n" + d4070 + "\n\n" + d4131 + "\n");
    REQUIRE(two.size() == 2);
    CHECK(two[0].id == 4070);
    CHECK(two[1].form == stated_id_form::none);
}

TEST_CASE("known messages: split across chunk boundaries at every position") {
    const known_messages known(kb::exchange::table);
    const std::string texts[] = {
        std::string(ims_event(4070).description),
        std::string(kb::exchange_ims::quoted::bad_folder_4116),
        "The following error occurred while trying to bind the TCP/IP listener socket (10048).",
        "MSExchangeMTA - A fatal database error occurred, the database recovery operation was not successful and "
        "manual correction will be required. Details can be found in the file: C:\\exchsrvr\\mtadata\\mtacheck.out",
    };
    for (const std::string& text : texts) {
        const std::string input = "Event ID: 4070\n" + wrap(upper(text), 40, "> ") + "\n\nagain:\n" + text + "\n";
        const std::vector<seen_match> whole = scan(known, input);
        CAPTURE(text);
        REQUIRE(whole.size() == 2);
        for (std::size_t cut = 0; cut <= input.size(); ++cut) {
            CAPTURE(cut);
            std::vector<seen_match> split;
            auto on = [&](const known_match& m) { split.push_back(record(m)); };
            known_message_scanner scanner(known);
            scanner.feed(std::string_view(input).substr(0, cut), on);
            scanner.feed(std::string_view(input).substr(cut), on);
            scanner.finish(on);
            std::sort(split.begin(), split.end());
            REQUIRE(split == whole);
        }
        for (std::size_t size : std::initializer_list<std::size_t>{1, 2, 3, 5, 7, 13, 64}) {
            CHECK(scan(known, input, {size}) == whole);
            CHECK(scan(known, input, {size}, true) == whole);  // lines counted by the caller
        }
    }
}

TEST_CASE("known messages: text that shares only a prefix is not found") {
    const known_messages known(kb::exchange::table);
    for (std::size_t t = 0; t < known.texts().size(); ++t) {
        const std::string& pattern = known.texts()[t].pattern;
        CAPTURE(pattern);
        const auto found_t = [&](const std::string& input) {
            for (const seen_match& m : scan(known, input))
                if (m.text == t) return true;
            return false;
        };
        CHECK(found_t("note: " + pattern + " (as logged)"));
        CHECK(!found_t(pattern.substr(0, pattern.size() * 4 / 5) + " and then something else happened."));
        CHECK(!found_t(pattern.substr(0, pattern.size() - 1)));
        std::string changed = pattern;
        char& middle = changed[changed.size() / 2];
        middle = middle == 'q' ? 'z' : 'q';
        CHECK(!found_t(changed));
    }
}

TEST_CASE("known messages: a text that appears twice is reported twice") {
    const known_messages known(kb::exchange_ims::table);
    const std::string d(ims_event(4070).description);
    const std::string input = d + "\n\nand again after the restart:\n\n" + wrap(d, 40, "> ");
    const std::vector<seen_match> found = scan(known, input);
    REQUIRE(found.size() == 2);
    CHECK(found[0].text == found[1].text);
    CHECK(found[0].offset == 0);
    CHECK(found[0].line == 1);
    CHECK(found[1].offset == input.find("> An error") + 2);
    CHECK(found[1].line == 5);
    CHECK(found[1].last_line == 9);
    CHECK(found[1].last == input.size() - 1);
}

TEST_CASE("known messages: a text inside a longer one is reported once, with the signals of both") {
    const auto& table = kb::exchange::table;
    const known_messages known(table);
    // Event 4116 as most articles quote it holds the shortened quote of Q192540.
    const std::vector<seen_match> full = scan(known, std::string(kb::exchange_ims::quoted::bad_folder_4116));
    REQUIRE(full.size() == 1);
    const std::string short_pattern = detail_known::normalise(kb::exchange_ims::quoted::bad_folder_4116_short);
    bool has_short = false;
    for (const auto& [rule, index] : full[0].signals)
        has_short = has_short || detail_known::normalise(table.rules[rule].signal_at(index).description) == short_pattern;
    CHECK(has_short);
    // The directory's EDB text with "returned error 1." holds ESE97's part: one match, both events,
    // and the values say which.
    const std::vector<seen_match> edb = scan(known,
                                             "The Microsoft Exchange Server database (EDB) could not be initialized and returned "
                                             "error 1. Unrecoverable error, the directory can not continue.");
    REQUIRE(edb.size() == 1);
    std::set<std::pair<std::string, int>> sources;
    for (std::size_t k = 0; k < edb[0].signals.size(); ++k) {
        const signal& s = table.rules[edb[0].signals[k].first].signal_at(edb[0].signals[k].second);
        sources.insert({std::string(s.source), edb[0].present[k]});
    }
    CHECK(sources == std::set<std::pair<std::string, int>>{{"MsExchangeDS", 1}, {"ESE97", 0}});
}

TEST_CASE("known messages: another value where the description has one") {
    const auto& table = kb::exchange_ims::table;
    const known_messages known(table);
    const auto values = [&](const std::string& input) {
        std::set<std::pair<std::string, int>> out;
        for (const seen_match& m : scan(known, input))
            for (std::size_t k = 0; k < m.signals.size(); ++k) {
                const signal& s = table.rules[m.signals[k].first].signal_at(m.signals[k].second);
                out.insert({s.values.empty() ? std::string() : std::string(s.values[0]), m.present[k]});
            }
        return out;
    };
    const std::string bind = "The following error occurred while trying to bind the TCP/IP listener socket";
    CHECK(values(bind + " (10048).") == std::set<std::pair<std::string, int>>{{"10048", 1}, {"10050", 0}});
    CHECK(values(bind + ". 10050") == std::set<std::pair<std::string, int>>{{"10048", 0}, {"10050", 1}});
    CHECK(values(bind + " (10013)") == std::set<std::pair<std::string, int>>{{"10048", 0}, {"10050", 0}});
    // The value of the next event's text is not this one's.
    CHECK(values(bind + " (10050)\n4007: " + bind + ". 10048") ==
          std::set<std::pair<std::string, int>>{{"10048", 0}, {"10050", 1}, {"10048", 1}, {"10050", 0}});
    // A placeholder: the Exchsync event names its file where the article prints "[]".
    const known_messages services(kb::exchange_services::table);
    const std::vector<seen_match> exchsync = scan(
        services, "Unable to read configuration file [C:\\exchsrvr\\dxamex\\exchsync.ini], not a valid configuration file "
                  "or file is corrupted.");
    REQUIRE(exchsync.size() == 1);
    const signal& s = kb::exchange_services::table.rules[exchsync[0].signals[0].first].signal_at(exchsync[0].signals[0].second);
    CHECK(s.code == 114);
}

TEST_CASE("known messages: the knowledge bases' own example events are recognised") {
    const auto check_table = [](const auto& table) {
        const known_messages known(table);
        std::size_t checked = 0;
        for (std::size_t r = 0; r < table.rule_count; ++r) {
            const rule& ru = table.rules[r];
            for (const example& x : ru.examples)
                for (const observed_event& e : x.events) {
                    if (e.description.empty()) continue;
                    const normalised seen = normalise_plainly(e.description);
                    for (std::size_t s = 0; s < ru.signal_count(); ++s) {
                        const signal& sig = ru.signal_at(s);
                        if (sig.kind != signal_kind::event || sig.code != e.id || sig.description.empty()) continue;
                        if (seen.text.find(detail_known::searched_text(sig, 24).pattern) == std::string::npos) continue;
                        CAPTURE(e.description);
                        const std::vector<seen_match> found = scan(known, e.description);
                        CHECK(std::any_of(found.begin(), found.end(), [&](const seen_match& m) { return m.carries(r, s); }));
                        ++checked;
                    }
                }
        }
        return checked;
    };
    CHECK(check_table(kb::exchange_ims::table) > 60);
    CHECK(check_table(kb::exchange_services::table) > 40);
}

TEST_CASE("known messages: agree with a plain search over the normalised text, in any chunking") {
    const known_messages known(kb::exchange::table);
    const std::vector<carrier> carriers = described_events(kb::exchange::table);
    std::mt19937 random(20240611);
    const auto pick = [&](std::size_t n) { return static_cast<std::size_t>(random() % n); };
    std::string doc;
    for (int block = 0; block < 300; ++block) {
        const std::string d(carriers[pick(carriers.size())].sig->description);
        switch (pick(7)) {
            case 0: doc += d; break;
            case 1: doc += wrap(d, 30 + pick(50), "> "); break;
            case 2: doc += upper(wrap(d, 40, "| ")); break;
            case 3: doc += double_spaces(d); break;
            case 4: doc += d.substr(0, pick(d.size())); break;           // a fragment
            case 5: doc += d.substr(pick(d.size()));  break;             // a tail
            default: doc += "Event ID: " + std::to_string(4000 + pick(200)) + "\n" + wrap(d, 72, ""); break;
        }
        doc += pick(2) ? "\n\n" : " ";
        if (pick(4) == 0) doc += chatter_before;
    }
    const std::vector<plain_match> expected = plain_search(known, doc);
    CHECK(expected.size() > 150);
    const std::vector<seen_match> whole = scan(known, doc);
    CHECK(plain_of(whole) == expected);
    for (int round = 0; round < 4; ++round) {
        std::vector<std::size_t> sizes;
        for (int k = 0; k < 50; ++k) sizes.push_back(1 + pick(round == 0 ? 8 : 5000));
        CHECK(scan(known, doc, sizes) == whole);
    }
}

TEST_CASE("known messages: a short text counts only next to an id that agrees") {
    const mini_table table{widget_rules, nullptr};
    const known_messages known(table);
    REQUIRE(known.texts().size() == 2);
    CHECK(scan(known, "The server said: Access is denied.").empty());
    CHECK(scan(known, "Event ID: 6\nAccess is denied.").empty());
    const std::vector<seen_match> found = scan(known, "Event ID: 5\nDescription: Access is denied.");
    REQUIRE(found.size() == 1);
    CHECK(found[0].id == 5);
    // The placeholder: the longest part around it is searched.
    CHECK(scan(known, "The widget service could not reach the MAIL01 server.").size() == 1);
}

TEST_CASE("known messages: lines and offsets") {
    const known_messages known(kb::exchange_ims::table);
    const std::string d(ims_event(4131).description);
    const std::string input = "line one\r\nline two\r\n> " + wrap(d, 50, "> ") + "\r\n";
    const std::vector<seen_match> found = scan(known, input);
    REQUIRE(found.size() == 1);
    CHECK(found[0].offset == input.find("An unexpected"));
    CHECK(found[0].line == 3);
    CHECK(found[0].last == input.find("event.") + 5);
    CHECK(found[0].last_line == 5);
}

TEST_CASE("known messages: lines counted by the caller give the same lines, far into a long input") {
    const known_messages known(kb::exchange_ims::table);
    const std::string d(ims_event(4131).description);
    std::string input;
    for (std::size_t block = 0; block < 40; ++block) {
        for (std::size_t k = 0; k < 200 + block * 37; ++k) input += "Some prose of a ticket, line " + std::to_string(k) + ".\r\n";
        input += (block % 2 ? "> " : "") + wrap(d, 40 + block, block % 2 ? "> " : "") + "\n";
    }
    const std::vector<seen_match> whole = scan(known, input);
    REQUIRE(whole.size() == 40);
    CHECK(whole.back().line > 10000);
    for (std::size_t size : std::initializer_list<std::size_t>{4096, 65536, std::size_t{1} << 20})
        CHECK(scan(known, input, {size, size / 3 + 1}, true) == whole);
}

TEST_CASE("known messages: hostile inputs and layouts") {
    const known_messages known(kb::exchange::table);
    const std::string d(ims_event(4070).description);
    CHECK(scan(known, "").empty());
    CHECK(scan(known, std::string(100000, '>')).empty());
    std::string binary;
    for (int i = 0; i < 70000; ++i) binary.push_back(static_cast<char>((i * 7919) & 0xFF));
    (void)scan(known, binary, {4093});
    // Blank lines and quote markers by the kilobyte inside the text: still one text.
    std::string spread;
    for (char c : d) {
        spread += c;
        if (c == ' ') spread += "\n> > |\n" + std::string(30, ' ') + "\n>";
    }
    CHECK(spread.size() > 1000);
    CHECK(scan(known, "\0\0x" + spread, {977}).size() == 1);
    CHECK(scan(known, binary + spread + binary).size() == 1);
    // NULs are white space, as in the evaluator's matching.
    std::string nul = d;
    std::replace(nul.begin(), nul.end(), ' ', '\0');
    CHECK(scan(known, nul).size() == 1);
    // A table with no descriptions finds nothing.
    const rule plain[] = {rule("x", "Q1").requires_signals({start_error("Svc", 2140)}),
                          rule("y", "Q2").requires_signals({event("Svc", 1)})};
    const known_messages empty(mini_table{plain, nullptr});
    CHECK(empty.texts().empty());
    CHECK(scan(empty, d).empty());
}

TEST_CASE("known messages: the documented limit, a text spread over more than the history") {
    // The scanner backs up at most `history` raw bytes from an anchor ("opening" here) to where
    // its text starts; the plain search has no such limit.
    const known_messages known(kb::exchange_ims::table);
    const std::string d(ims_event(4070).description);
    REQUIRE(d.rfind("An error occurred while opening", 0) == 0);
    const std::size_t history = known.options().history;
    const auto spread = [&](std::size_t blanks) { return "An" + std::string(blanks, ' ') + d.substr(2); };
    CHECK(scan(known, spread(history - 100)).size() == 1);
    CHECK(scan(known, spread(history + 100)).empty());
    CHECK(plain_search(known, spread(history + 100)).size() == 1);
}
