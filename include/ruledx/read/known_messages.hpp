// ruledx — known messages: finds the event descriptions a rule table quotes, in any text.
//
// Support engineers send event text in every layout: re-wrapped by a mail client, quoted ('>',
// '> >', '|' at line starts), upper-cased, flattened onto one line by a web page, without the
// "Event ID:" and "Source:" labels the text readers look for. The table knows the literal text of
// every description it matches, so the text itself says which event it is:
//
//   ruledx::read::known_messages known(ruledx::kb::exchange::table);   // once: builds the automaton
//   ruledx::read::known_message_scanner scan(known);                   // one per input
//   scan.feed(chunk, on_match);  ...  scan.feed(chunk, on_match);       // any chunking (or
//                                                                      // feed(chunk, newlines, on_match)
//                                                                      // from a line reader)
//   scan.finish(on_match);                                              // the scanner is then reset
//
// on_match(const known_match&) gets the known text, every signal that carries it (several rules
// share a description; one text can belong to two events: 4102 and 4182 print the same words), the
// line and byte offset of its first and last byte, the event id the input states next to it
// ("4070: An error ...", "Event ID: 4070") when it states one, and per signal whether its telling
// values appear around the text. Views in a match are valid until on_match returns.
//
// What counts as a match. Text and description are compared normalised: ASCII letters lower-cased,
// every run of white space (NUL included, as in detail::contains_phrase) one space, and at a line
// start any run of '>', '|' and white space dropped (quote markers of mail and of pasted tables).
// A description is searched as the table quotes it, except where it holds one of its signal's
// telling values ("...listener socket (10050)", "...returned error -1811.") or a placeholder
// ("<name here>", "%1", "[]"): then the longest part without them is searched, so a log with
// another value is still recognised, and the values are looked for around it (values_present:
// from the stated id before the text to lookahead after it; what lies between two texts is the
// first one's, a text cut before its value being followed by it). A part shorter than min_alone is
// no good alone: the whole description is searched then, value and all. Start errors carry no
// text in the tables (only events do), so only events are recognised.
//
// Short texts: a known text shorter than min_alone (24) characters is reported only next to a
// stated id that agrees with it: "Access is denied." alone is in every other mail. Measured on both
// shipped knowledge bases when this was written: 71 distinct texts searched, none under 24
// characters (the shortest, "The database engine stopped.", has 28; 8 are under 45), so the rule
// drops nothing shipped; it is there for tables to come.
//
// One known text inside another (event 4116 quoted in full holds its shortened quote; the
// directory's EDB text holds ESE97's) is one match: the longer, with the signals of both.
// Matches are reported in the order they are decided, about the order of their ends.
//
// How it is fast. One Aho-Corasick automaton over the normalised texts finds them all: its cost per
// byte does not depend on how many there are. It only runs near candidates. Each text has an
// anchor, seven characters of one of its words (a word is the same bytes in any layout: no white
// space inside), chosen rare: not in common English words, rare in the table's own prose. The first
// pass hashes four bytes at every fourth offset into a 32 KiB byte filter (one load per four bytes,
// no dependency from one probe to the next), then an 8 KiB bitset; a hit is checked against the
// anchors it names (one masked 8-byte compare), and a found anchor against what follows it in the
// texts that use it (a false anchor fails within a character or two). Only then the automaton
// starts, backed up to where any text holding that anchor would begin, and reads until no text in
// progress has begun its anchor (it resumes a run that stopped within that backup). Every
// occurrence holds its anchor, so
// nothing is missed; a run started anywhere before a text's first byte finds it, so results
// depend only on the bytes, never on the chunking. The context before a match
// (its id, its values) is normalised again from the raw bytes, only for matches.
// The one limit: a text whose first byte lies more than `history` (16 KiB) raw bytes before its
// anchor is not found (a text interleaved with kilobytes of blanks or quote markers).
//
// Memory is bounded: about twice `history` bytes of input, a ring of normalised characters, and the
// matches waiting for the text after them. Building allocates, and so does scanning (readers may;
// the evaluator does not).
#ifndef RULEDX_READ_KNOWN_MESSAGES_HPP
#define RULEDX_READ_KNOWN_MESSAGES_HPP

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "ruledx/detail/text_match.hpp"
#include "ruledx/model/rule.hpp"
#include "ruledx/model/signal.hpp"
#include "ruledx/model/view.hpp"
#include "ruledx/read/record.hpp"

namespace ruledx::read {

struct known_messages_options {
    // Known texts shorter than this (normalised) count only next to a stated id that agrees.
    std::size_t min_alone = 24;
    // Normalised characters before a text searched for its stated id and its telling values.
    std::size_t lookback = 200;
    // Normalised characters after a text searched for its telling values.
    std::size_t lookahead = 128;
    // Raw bytes kept to start the automaton back from an anchor.
    std::size_t history = std::size_t{1} << 14;
};

// A signal that carries a known text: the table's own signal (its strings are the table's).
struct known_signal {
    const ruledx::signal* carrier = nullptr;
    std::size_t rule = 0;   // index into table.rules
    std::size_t index = 0;  // rule::signal_at numbering
};

// One distinct text searched for.
struct known_text {
    std::string_view description;  // as the table quotes it (its first signal's)
    std::string pattern;           // what is searched, normalised
    bool whole = true;             // false: the longest part without a telling value or placeholder
    std::size_t first_signal = 0;  // into known_messages::signals()
    std::size_t signal_count = 0;
};

enum class stated_id_form : std::uint8_t {
    none,      // the input states no id near the text
    adjacent,  // right before it: "4070: An error ...", "(4070) An error"
    labelled,  // in a label before it: "Event ID: 4070", "event 4070"
};

struct known_match {
    std::size_t text = 0;  // index into known_messages::texts()
    const known_text* known = nullptr;
    // Every signal whose text is here: this text's, then those of known texts found inside it.
    view<known_signal> signals;
    // Per signal: 1 when each of its telling values appears in `context` (or it has none).
    view<std::uint8_t> values_present;
    location where;  // the text's first byte: its byte offset and 1-based line
    location last;   // its last byte
    stated_id_form id_form = stated_id_form::none;
    std::uint32_t stated_id = 0;
    // The normalised text around the match, the match included: up to lookback characters before
    // and lookahead after, not across another match; what the id and values were read from.
    std::string_view context;

    // The stated id is the code of one of the signals (false when none is stated).
    [[nodiscard]] bool id_agrees() const noexcept {
        if (id_form == stated_id_form::none) return false;
        for (const known_signal& s : signals)
            if (s.carrier->code == stated_id) return true;
        return false;
    }
};

class known_message_scanner;

// What a scan did, for tuning and benchmarks: counted on the slow paths only.
struct known_scan_stats {
    std::uint64_t probe_hits = 0;      // probes whose hash named an anchor
    std::uint64_t anchors = 0;         // anchors verified: the automaton was started or resumed
    std::uint64_t automaton_bytes = 0; // bytes the automaton read
    std::uint64_t matches = 0;         // matches reported
};

namespace detail_known {

inline constexpr std::uint32_t none = 0xFFFFFFFFu;
inline constexpr std::size_t qgram = 4;        // bytes hashed per probe
inline constexpr std::size_t max_stride = 4;   // probes every 4th offset when every anchor allows
inline constexpr std::size_t anchor_reach = 64;  // anchors are chosen within a text's first characters

// The texts are compared as bytes: the character classes of detail/text_match.hpp, on unsigned char.
[[nodiscard]] inline bool is_space(unsigned char c) noexcept { return ruledx::detail::is_space(static_cast<char>(c)); }
[[nodiscard]] inline unsigned char lower(unsigned char c) noexcept {
    return static_cast<unsigned char>(ruledx::detail::ascii_lower(static_cast<char>(c)));
}
[[nodiscard]] inline bool is_alnum(unsigned char c) noexcept { return ruledx::detail::is_alnum(static_cast<char>(c)); }
// A byte that always yields one normalised character, whatever precedes it.
[[nodiscard]] inline bool always_emits(unsigned char c) noexcept { return !is_space(c) && c != '>' && c != '|'; }

// Lower-case ASCII, runs of white space as one space, no leading or trailing space.
[[nodiscard]] inline std::string normalise(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool blank = true;
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (is_space(c)) {
            if (!blank) out.push_back(' ');
            blank = true;
        } else {
            out.push_back(static_cast<char>(lower(c)));
            blank = false;
        }
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

[[nodiscard]] inline std::uint32_t load4(const unsigned char* p) noexcept {
    std::uint32_t w;
    std::memcpy(&w, p, 4);
    return w;
}
// ASCII letters compare equal in either case after | 0x20, and equal bytes stay equal: the probe
// may say yes wrongly, never no wrongly.
[[nodiscard]] inline std::uint32_t probe_product(std::uint32_t w) noexcept { return (w | 0x20202020u) * 0x9E3779B1u; }
[[nodiscard]] inline std::uint32_t probe_hash(std::uint32_t w, unsigned shift) noexcept { return probe_product(w) >> shift; }
// The first pass's filter is indexed by the product's top 15 bits: a constant shift and one byte
// load per probe (the bitset's variable shifts cost twice the instructions), 32 KiB that stay in
// L1 (64 KiB did not). The hash has at least 16 bits: a byte set here is a prefix of some hash in
// the bitset, which then decides.
inline constexpr unsigned filter_shift = 17;

// Sixteen bytes compared at once (GCC's and Clang's vector extension, plain SSE2/NEON code): lines
// are counted over every byte read, and bytewise or 8-byte tricks cost a fifth of a scan.
typedef unsigned char bytes16 __attribute__((vector_size(16)));

[[nodiscard]] inline std::uint64_t count_newlines(const char* p, std::size_t n) noexcept {
    const bytes16 newline = {'\n', '\n', '\n', '\n', '\n', '\n', '\n', '\n',
                             '\n', '\n', '\n', '\n', '\n', '\n', '\n', '\n'};
    std::uint64_t count = 0;
    std::size_t i = 0;
    while (i + 16 <= n) {
        bytes16 sums = {};
        // A lane is -1 where the byte is a newline; 255 rounds at most keep each sum in its byte.
        for (int k = 0; k < 255 && i + 16 <= n; ++k, i += 16) {
            bytes16 v;
            std::memcpy(&v, p + i, 16);
            sums -= (v == newline);
        }
        std::uint64_t half[2];
        std::memcpy(half, &sums, 16);
        for (std::uint64_t w : half) {  // add the bytes, two 16-bit lanes of four at a time
            count += ((w & 0x00FF00FF00FF00FFull) * 0x0001000100010001ull) >> 48;
            count += (((w >> 8) & 0x00FF00FF00FF00FFull) * 0x0001000100010001ull) >> 48;
        }
    }
    for (; i < n; ++i) count += p[i] == '\n' ? 1 : 0;
    return count;
}

struct gap {
    std::size_t begin;
    std::size_t end;
};

// Spans of a normalised description that a real log fills with its own text.
inline void placeholders(const std::string& text, std::vector<gap>& gaps) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '<') {
            const std::size_t close = text.find('>', i + 1);
            if (close != std::string::npos && close - i <= 40 && text.find('<', i + 1) >= close) {
                gaps.push_back({i, close + 1});
                i = close;
            }
        } else if (c == '%' && i + 1 < text.size() && text[i + 1] >= '0' && text[i + 1] <= '9') {
            std::size_t end = i + 1;
            while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
            gaps.push_back({i, end});
            i = end - 1;
        } else if ((c == '[' || c == '(') && i + 1 < text.size() && text[i + 1] == (c == '[' ? ']' : ')')) {
            gaps.push_back({i, i + 2});
            ++i;
        }
    }
}

struct searched {
    std::string pattern;
    bool whole = true;
};

// The longest part of the description between its values and placeholders, when it is long enough
// to be recognised alone; the whole description otherwise.
inline searched searched_text(const signal& s, std::size_t min_alone) {
    searched out;
    out.pattern = normalise(s.description);
    const std::string& text = out.pattern;
    std::vector<gap> gaps;
    for (std::string_view v : s.values) {
        const std::string value = normalise(v);
        if (value.empty()) continue;
        for (std::size_t at = text.find(value); at != std::string::npos; at = text.find(value, at + 1))
            gaps.push_back({at, at + value.size()});
    }
    placeholders(text, gaps);
    if (gaps.empty()) return out;
    std::sort(gaps.begin(), gaps.end(), [](const gap& a, const gap& b) { return a.begin < b.begin; });
    std::size_t best_begin = 0;
    std::size_t best_size = 0;
    std::size_t from = 0;
    const auto consider = [&](std::size_t begin, std::size_t end, bool gap_before, bool gap_after) {
        // Punctuation beside a value varies ("(10050)", ". 10048"): trim it on the value's side.
        if (gap_before)
            while (begin < end && !is_alnum(static_cast<unsigned char>(text[begin]))) ++begin;
        if (gap_after)
            while (end > begin && !is_alnum(static_cast<unsigned char>(text[end - 1]))) --end;
        if (end - begin > best_size) {
            best_begin = begin;
            best_size = end - begin;
        }
    };
    for (const gap& g : gaps) {
        if (g.begin > from) consider(from, g.begin, from != 0, true);
        from = std::max(from, g.end);
    }
    if (from < text.size()) consider(from, text.size(), true, false);
    if (best_size >= min_alone) {
        out.pattern = text.substr(best_begin, best_size);
        out.whole = false;
    }
    return out;
}

// Up to seven bytes as one key (with their count on top), for counting them in the corpus.
[[nodiscard]] inline std::uint64_t pack(const char* p, std::size_t n) noexcept {
    std::uint64_t key = n;
    for (std::size_t i = 0; i < n; ++i) key = (key << 8) | static_cast<unsigned char>(p[i]);
    return key;
}

// English letter frequencies in tenths of a percent: the tie-break between anchors equally rare
// in the table's prose.
[[nodiscard]] inline unsigned letter_weight(unsigned char c) noexcept {
    static constexpr unsigned char weights[26] = {82, 15, 28, 43, 127, 22, 20, 61, 70, 2, 8, 40, 24,
                                                  67, 75, 19, 1,  60, 63, 91, 28, 10, 24, 2, 20, 1};
    if (c >= 'a' && c <= 'z') return weights[c - 'a'];
    if (c >= '0' && c <= '9') return 10;
    if (c == '.' || c == ',') return 60;
    return 10;
}

// Long words common in any support mail: an anchor inside one would start the automaton all the
// time. (The table's own prose counts the domain's words; this list counts plain English.)
inline constexpr std::string_view common_words =
    " because between through without another however against nothing something everything anything "
    "already perhaps several certain general example problem question information important different "
    "following including available possible possibly probably actually usually recently directly "
    "correctly completely currently original company customer computer internet network service message "
    "support contact control program windows microsoft exchange account address version install "
    "installed configured configuration connection connect directory database started starting running "
    "working stopped restart application attached attachment regards weekend morning tomorrow yesterday "
    "product software hardware machine process processing settings upgrade updated administrator "
    "properties trouble resolution resolved occurred receive received sending delivered delivery "
    "believe thought looking getting trying whether instead anyone someone everyone himself herself "
    "children country history morning evening minutes seconds monday tuesday wednesday thursday friday "
    "saturday sunday january february march april august september october november december connector "
    "messaging initialized initialize generated generate encountered following operation information ";

// Words of nearly every ticket and event listing, the labels and tools' output included ("Type:
// Information", "The command completed successfully."): an anchor inside one is the last choice.
inline constexpr std::string_view everyday_words =
    " information informational microsoft exchange service services windows successfully completed command "
    "description category computer ";

}  // namespace detail_known

// The automaton over a table's known texts. Built once, shared by any number of scanners (it is
// not changed by scanning). It refers to the table's rules: they must outlive it.
class known_messages {
public:
    template <class Table>
    explicit known_messages(const Table& table, known_messages_options options = {}) : options_(options) {
        collect(table);
        std::string corpus;
        for (std::size_t r = 0; r < table.rule_count; ++r) {
            const auto& ru = table.rules[r];
            corpus.append(ru.title).append(" ").append(ru.cause).append(" ");
            for (std::string_view step : ru.resolution) corpus.append(step).append(" ");
            for (std::size_t s = 0; s < ru.signal_count(); ++s) corpus.append(ru.signal_at(s).description).append(" ");
        }
        for (std::size_t f = 0; f < table.fact_count; ++f) corpus.append(table.facts[f].question).append(" ");
        build(detail_known::normalise(corpus));
    }

    [[nodiscard]] const std::vector<known_text>& texts() const noexcept { return texts_; }
    [[nodiscard]] const std::vector<known_signal>& signals() const noexcept { return signals_; }
    [[nodiscard]] view<known_signal> signals_of(const known_text& t) const noexcept {
        return {signals_.data() + t.first_signal, t.signal_count};
    }
    [[nodiscard]] const known_messages_options& options() const noexcept { return options_; }
    [[nodiscard]] std::size_t state_count() const noexcept { return state_count_; }
    // Offsets apart that the first pass probes (0: it is off, every byte goes through the automaton).
    [[nodiscard]] std::size_t stride() const noexcept { return stride_; }
    // The anchor of each known text (empty when the first pass is off).
    [[nodiscard]] std::string_view anchor_of(std::size_t text) const noexcept {
        return text < anchor_.size() && anchor_[text] != detail_known::none ? std::string_view(windows_[anchor_[text]])
                                                                            : std::string_view();
    }

private:
    friend class known_message_scanner;

    struct probe_entry {
        std::uint32_t hash;
        std::uint32_t window;
        std::uint32_t offset;  // of the hashed bytes within the window
    };

    template <class Table>
    void collect(const Table& table) {
        struct found {
            std::string pattern;
            bool whole;
            std::string_view description;
            known_signal carrier;
        };
        std::vector<found> all;
        for (std::size_t r = 0; r < table.rule_count; ++r) {
            const auto& ru = table.rules[r];
            for (std::size_t s = 0; s < ru.signal_count(); ++s) {
                const signal& sig = ru.signal_at(s);
                // Events and message boxes carry the texts; start errors and crashes are read by
                // their layouts (read/start_error_text.hpp, read/crash_text.hpp).
                const bool carries_text = sig.kind == signal_kind::event || sig.kind == signal_kind::dialog;
                if (!carries_text || sig.description.empty()) continue;
                detail_known::searched text = detail_known::searched_text(sig, options_.min_alone);
                if (text.pattern.empty()) continue;
                all.push_back({std::move(text.pattern), text.whole, sig.description, known_signal{&sig, r, s}});
            }
        }
        std::stable_sort(all.begin(), all.end(), [](const found& a, const found& b) { return a.pattern < b.pattern; });
        for (std::size_t i = 0; i < all.size();) {
            known_text t;
            t.description = all[i].description;
            t.pattern = all[i].pattern;
            t.whole = all[i].whole;
            t.first_signal = signals_.size();
            std::size_t j = i;
            for (; j < all.size() && all[j].pattern == all[i].pattern; ++j) signals_.push_back(all[j].carrier);
            t.signal_count = j - i;
            texts_.push_back(std::move(t));
            i = j;
        }
    }

    void build(const std::string& corpus) {
        using detail_known::none;
        // The alphabet: the characters the texts use, and one class for any other.
        std::fill(std::begin(class_of_), std::end(class_of_), std::uint16_t{0});
        classes_ = 1;
        for (const known_text& t : texts_)
            for (char ch : t.pattern) {
                const auto c = static_cast<unsigned char>(ch);
                if (class_of_[c] == 0) class_of_[c] = static_cast<std::uint16_t>(classes_++);
            }
        // The trie.
        std::vector<std::uint32_t> trie(classes_, none);
        std::vector<std::uint32_t> depth(1, 0);
        out_.assign(1, none);
        for (std::size_t p = 0; p < texts_.size(); ++p) {
            std::uint32_t s = 0;
            for (char ch : texts_[p].pattern) {
                const std::uint16_t c = class_of_[static_cast<unsigned char>(ch)];
                if (trie[s * classes_ + c] == none) {
                    trie[s * classes_ + c] = static_cast<std::uint32_t>(depth.size());
                    trie.resize(trie.size() + classes_, none);
                    depth.push_back(depth[s] + 1);
                    out_.push_back(none);
                }
                s = trie[s * classes_ + c];
            }
            out_[s] = static_cast<std::uint32_t>(p);
        }
        state_count_ = depth.size();
        // Breadth first: failure links, the full transition table, the dictionary links.
        std::vector<std::uint32_t> fail(state_count_, 0);
        std::vector<std::uint32_t> order;
        order.reserve(state_count_);
        std::vector<std::uint32_t> delta(state_count_ * classes_, 0);  // the full automaton, while building
        dict_.assign(state_count_, none);
        for (std::size_t c = 0; c < classes_; ++c) {
            const std::uint32_t t = trie[c];
            delta[c] = t == none ? 0 : t;
            if (t != none) order.push_back(t);
        }
        for (std::size_t k = 0; k < order.size(); ++k) {
            const std::uint32_t s = order[k];
            for (std::size_t c = 0; c < classes_; ++c) {
                const std::uint32_t t = trie[s * classes_ + c];
                if (t == none) {
                    delta[s * classes_ + c] = delta[fail[s] * classes_ + c];
                } else {
                    delta[s * classes_ + c] = t;
                    fail[t] = delta[fail[s] * classes_ + c];
                    order.push_back(t);
                }
            }
            dict_[s] = out_[fail[s]] != none ? fail[s] : dict_[fail[s]];
        }
        // Which texts occur inside which, and how far into the outer one: a backup for the inner
        // one's anchor must reach the outer one's start.
        std::vector<std::size_t> reach_back(texts_.size(), 0);
        for (std::size_t q = 0; q < texts_.size(); ++q) {
            std::uint32_t s = 0;
            const std::string& outer = texts_[q].pattern;
            for (std::size_t i = 0; i < outer.size(); ++i) {
                s = delta[s * classes_ + class_of_[static_cast<unsigned char>(outer[i])]];
                for (std::uint32_t o = out_[s] != none ? s : dict_[s]; o != none; o = dict_[o]) {
                    const std::size_t p = out_[o];
                    if (p != q) reach_back[p] = std::max(reach_back[p], i + 1 - texts_[p].pattern.size());
                }
            }
        }
        max_length_ = 0;
        for (const known_text& t : texts_) max_length_ = std::max(max_length_, t.pattern.size());
        std::vector<std::uint8_t> hot(state_count_, 1);
        choose_anchors(corpus, trie, fail, depth, order, reach_back, hot);
        pack(trie, delta, fail, depth, hot);
        // The ring holds a match and what is read after it before it is reported (the lookahead,
        // then at most a text in progress).
        const std::size_t span = 2 * max_length_ + options_.lookahead + 64;
        ring_size_ = 64;
        while (ring_size_ < span) ring_size_ *= 2;
    }

    void choose_anchors(const std::string& corpus, const std::vector<std::uint32_t>& trie,
                        const std::vector<std::uint32_t>& fail, const std::vector<std::uint32_t>& depth,
                        const std::vector<std::uint32_t>& order, const std::vector<std::size_t>& reach_back,
                        std::vector<std::uint8_t>& hot) {
        using detail_known::none;
        anchor_.assign(texts_.size(), none);
        stride_ = texts_.empty() ? 0 : detail_known::max_stride;
        // Every text needs a word of qgram + stride - 1 characters; the stride gives way first.
        for (const known_text& t : texts_) {
            std::size_t longest = 0;
            for (std::size_t i = 0; i < t.pattern.size();) {
                std::size_t j = i;
                while (j < t.pattern.size() && t.pattern[j] != ' ' && t.pattern[j] != '>' && t.pattern[j] != '|') ++j;
                longest = std::max(longest, j - i);
                i = j + 1;
            }
            if (longest < detail_known::qgram) {
                stride_ = 0;  // a text with no word of four characters: the automaton reads every byte
                break;
            }
            stride_ = std::min(stride_, longest - detail_known::qgram + 1);
        }
        if (stride_ == 0) return;
        window_ = detail_known::qgram + stride_ - 1;
        // How often each four bytes occur in the table's prose: the probe tests each four bytes
        // of an anchor, so an anchor is as rare as the sum of its four-byte parts.
        std::unordered_map<std::uint64_t, std::uint32_t> counts;
        counts.reserve(corpus.size());
        for (std::size_t i = 0; i + detail_known::qgram <= corpus.size(); ++i)
            ++counts[detail_known::pack(corpus.data() + i, detail_known::qgram)];
        std::unordered_map<std::string, std::uint32_t> window_ids;
        std::vector<std::uint32_t> anchor_start(texts_.size(), 0);
        for (std::size_t p = 0; p < texts_.size(); ++p) {
            const std::string& text = texts_[p].pattern;
            std::size_t best = none;
            std::uint64_t best_score = ~std::uint64_t{0};
            for (std::size_t k = 0; k + window_ <= text.size(); ++k) {
                bool word = true;
                unsigned letters = 0;
                for (std::size_t i = k; i < k + window_ && word; ++i) {
                    const char c = text[i];
                    word = c != ' ' && c != '>' && c != '|';
                    letters += detail_known::letter_weight(static_cast<unsigned char>(c));
                }
                if (!word) continue;
                std::uint64_t seen = 0;
                for (std::size_t j = 0; j < stride_; ++j) {
                    const auto it = counts.find(detail_known::pack(text.data() + k + j, detail_known::qgram));
                    seen += it == counts.end() ? 0 : it->second;
                }
                seen = std::min<std::uint64_t>(seen, 0x7FFF);
                // Its letters and digits inside a common word ("curred," is in "occurred").
                std::string_view core = std::string_view(text).substr(k, window_);
                while (!core.empty() && !detail_known::is_alnum(static_cast<unsigned char>(core.front()))) core.remove_prefix(1);
                while (!core.empty() && !detail_known::is_alnum(static_cast<unsigned char>(core.back()))) core.remove_suffix(1);
                const bool common = core.size() >= 4 && detail_known::common_words.find(core) != std::string_view::npos;
                const bool everyday = core.size() >= 4 && detail_known::everyday_words.find(core) != std::string_view::npos;
                // Outside the words of every ticket first, then rare in plain English, then near the
                // start (the automaton backs up that far at every candidate), then rare in the
                // table's prose, then rare letters.
                const std::uint64_t score = (std::uint64_t{everyday} << 51) | (std::uint64_t{common} << 50) |
                                            (std::uint64_t{k > detail_known::anchor_reach} << 49) | (seen << 24) |
                                            (std::uint64_t{letters} << 12) | std::min<std::size_t>(k, 0xFFF);
                if (score < best_score) {
                    best_score = score;
                    best = k;
                }
            }
            const std::string window = text.substr(best, window_);
            auto [it, added] = window_ids.emplace(window, static_cast<std::uint32_t>(windows_.size()));
            if (added) windows_.push_back(window);
            anchor_[p] = it->second;
            anchor_start[p] = static_cast<std::uint32_t>(best);
        }
        // Per anchor, the texts that use it and where: a found anchor is followed by one of their
        // continuations, or the automaton need not start.
        use_begin_.assign(windows_.size() + 1, 0);
        for (std::size_t p = 0; p < texts_.size(); ++p) ++use_begin_[anchor_[p] + 1];
        for (std::size_t w = 0; w < windows_.size(); ++w) use_begin_[w + 1] += use_begin_[w];
        uses_.assign(texts_.size(), {});
        std::vector<std::uint32_t> fill(use_begin_.begin(), use_begin_.end() - 1);
        for (std::size_t p = 0; p < texts_.size(); ++p)
            uses_[fill[anchor_[p]]++] = {static_cast<std::uint32_t>(p), anchor_start[p]};
        // Back up to the start of any text whose anchor (or whose inner text's anchor) this may be,
        // counted in bytes that always yield a character. The context before a match is read
        // again from the raw bytes when there is one: false candidates stay cheap.
        backup_ = 1;
        for (std::size_t p = 0; p < texts_.size(); ++p)
            backup_ = std::max(backup_, anchor_start[p] + reach_back[p] + 1);
        // A state is hot when some text in progress there has begun its anchor: the automaton may
        // stop only in a cold state, where every text in progress still has its anchor ahead.
        std::vector<std::uint32_t> min_anchor(state_count_, none);
        for (std::size_t p = 0; p < texts_.size(); ++p) {
            // Walk the text's path: every state on it has this text below it.
            std::uint32_t s = 0;
            for (char ch : texts_[p].pattern) {
                s = trie[s * classes_ + class_of_[static_cast<unsigned char>(ch)]];
                min_anchor[s] = std::min(min_anchor[s], anchor_start[p]);
            }
        }
        // A hot suffix makes the state hot (its text may be the one in progress); breadth-first
        // order settles a state's failure state before the state.
        hot[0] = 0;
        for (std::uint32_t s : order) hot[s] = static_cast<std::uint8_t>((depth[s] > min_anchor[s] ? 1 : 0) | hot[fail[s]]);
        // The probe table.
        std::vector<probe_entry> entries;
        for (std::size_t w = 0; w < windows_.size(); ++w)
            for (std::size_t j = 0; j < stride_; ++j) entries.push_back({0, static_cast<std::uint32_t>(w), static_cast<std::uint32_t>(j)});
        unsigned bits = 16;
        while (bits < 22 && (std::size_t{1} << bits) < entries.size() * 64) ++bits;
        shift_ = 32 - bits;
        bitset_.assign((std::size_t{1} << bits) / 64, 0);
        for (probe_entry& e : entries) {
            const auto* p = reinterpret_cast<const unsigned char*>(windows_[e.window].data()) + e.offset;
            e.hash = detail_known::probe_hash(detail_known::load4(p), shift_);
            bitset_[e.hash >> 6] |= std::uint64_t{1} << (e.hash & 63);
        }
        filter_.assign(std::size_t{1} << (32 - detail_known::filter_shift), 0);
        for (const probe_entry& e : entries) filter_[e.hash >> (bits - (32 - detail_known::filter_shift))] = 1;
        std::sort(entries.begin(), entries.end(), [](const probe_entry& a, const probe_entry& b) {
            return a.hash != b.hash ? a.hash < b.hash : (a.window != b.window ? a.window < b.window : a.offset < b.offset);
        });
        probes_ = std::move(entries);
        // Where each of 1024 hash ranges starts in probes_: a hit looks at one or two entries.
        bucket_shift_ = bits - 10;
        bucket_.assign(1025, 0);
        for (const probe_entry& e : probes_) ++bucket_[(e.hash >> bucket_shift_) + 1];
        for (std::size_t b = 0; b < 1024; ++b) bucket_[b + 1] += bucket_[b];
        // Each anchor as eight bytes and a mask: (bytes | fold) & keep == word compares the
        // anchor's bytes in either case with one comparison (| 0x20 only where it is a letter).
        window_words_.assign(windows_.size(), {});
        for (std::size_t w = 0; w < windows_.size(); ++w) {
            unsigned char word[8] = {};
            unsigned char fold[8] = {};
            unsigned char keep[8] = {};
            for (std::size_t j = 0; j < window_ && j < 8; ++j) {
                const auto c = static_cast<unsigned char>(windows_[w][j]);
                word[j] = c;
                fold[j] = (c >= 'a' && c <= 'z') ? 0x20 : 0;
                keep[j] = 0xFF;
            }
            std::memcpy(&window_words_[w].word, word, 8);
            std::memcpy(&window_words_[w].fold, fold, 8);
            std::memcpy(&window_words_[w].keep, keep, 8);
        }
    }

    // The automaton as the scanner reads it. A full row of transitions only for the states that
    // branch (and the first two levels); a state on a text's unbranched run keeps its one child
    // and its failure state, where any other character is looked up: the transitions of a table
    // of this size then fit in L2 (the full table of 7,000 states by 53 classes was 1.5 MB, and
    // the automaton's loads missed).
    void pack(const std::vector<std::uint32_t>& trie, const std::vector<std::uint32_t>& delta,
              const std::vector<std::uint32_t>& fail, const std::vector<std::uint32_t>& depth,
              const std::vector<std::uint8_t>& hot) {
        using detail_known::none;
        states_.assign(state_count_, {});
        rows_.clear();
        for (std::size_t s = 0; s < state_count_; ++s) {
            state_info& st = states_[s];
            st.fail = fail[s];
            st.first_out = out_[s] != none ? static_cast<std::uint32_t>(s) : dict_[s];
            st.depth = depth[s];
            st.hot = hot[s];
            std::size_t children = 0;
            std::uint32_t child_class = 0;
            for (std::size_t c = 0; c < classes_; ++c)
                if (trie[s * classes_ + c] != none) {
                    ++children;
                    child_class = static_cast<std::uint32_t>(c);
                }
            if (children >= 2 || depth[s] <= 1) {
                st.child_class = state_info::row;
                st.next = static_cast<std::uint32_t>(rows_.size());
                rows_.insert(rows_.end(), delta.begin() + static_cast<std::ptrdiff_t>(s * classes_),
                             delta.begin() + static_cast<std::ptrdiff_t>((s + 1) * classes_));
            } else if (children == 1) {
                st.child_class = static_cast<std::uint16_t>(child_class);
                st.next = trie[s * classes_ + child_class];
            } else {
                st.child_class = state_info::leaf;
            }
        }
    }

    // The next state after character class c. A state without a row passes every character but
    // its child's to its failure state, which is shallower: the loop ends at a row (the root has one).
    [[nodiscard]] std::uint32_t step(std::uint32_t s, std::uint16_t c) const noexcept {
        for (;;) {
            const state_info& st = states_[s];
            if (st.child_class == state_info::row) return rows_[st.next + c];
            if (st.child_class == c) return st.next;
            s = st.fail;
        }
    }

    known_messages_options options_;
    std::vector<known_text> texts_;
    std::vector<known_signal> signals_;
    // The automaton over normalised characters.
    std::uint16_t class_of_[256] = {};
    std::size_t classes_ = 1;
    std::size_t state_count_ = 1;
    struct state_info {
        static constexpr std::uint16_t row = 0xFFFF;   // child_class of a state with a row
        static constexpr std::uint16_t leaf = 0xFFFE;  // ... of a state without children
        std::uint32_t next = 0;       // a row: where it starts in rows_; else the one child
        std::uint32_t fail = 0;       // the failure state
        std::uint32_t first_out = 0;  // the state itself if a text ends there, else dict_'s
        std::uint32_t depth = 0;      // characters from the root: the longest text in progress
        std::uint16_t child_class = leaf;
        std::uint8_t hot = 1;         // some text in progress has begun its anchor
    };
    std::vector<state_info> states_;
    std::vector<std::uint32_t> rows_;   // full rows of transitions, classes_ each
    std::vector<std::uint32_t> out_;    // the text ending at a state, or none
    std::vector<std::uint32_t> dict_;   // the next state on the failure chain with a text, or none

    std::size_t max_length_ = 0;
    // The first pass.
    std::size_t stride_ = 0;
    std::size_t window_ = 0;
    std::vector<std::string> windows_;      // distinct anchors
    std::vector<std::uint32_t> anchor_;     // per text: its anchor
    struct anchor_use {
        std::uint32_t text;
        std::uint32_t start;  // of the anchor in the text
    };
    std::vector<anchor_use> uses_;          // by anchor: uses_[use_begin_[w] .. use_begin_[w + 1])
    std::vector<std::uint32_t> use_begin_;
    std::vector<probe_entry> probes_;       // sorted by hash
    std::vector<std::uint32_t> bucket_;     // probes_ of hash h from bucket_[h >> bucket_shift_]
    unsigned bucket_shift_ = 6;
    struct window_word {
        std::uint64_t word = 0;
        std::uint64_t fold = 0;
        std::uint64_t keep = 0;
    };
    std::vector<window_word> window_words_;
    std::vector<std::uint64_t> bitset_;
    std::vector<unsigned char> filter_;  // by a probe's top 15 bits: 1 when the bitset may hold its hash
    unsigned shift_ = 16;
    std::size_t backup_ = 0;
    std::size_t ring_size_ = 64;
};

// Finds known texts in one input given in chunks of any size. Results depend only on the bytes,
// never on how they were chunked. It refers to `known`, which must outlive it; a chunk is only
// read during feed() (what a later call needs is copied).
class known_message_scanner {
public:
    explicit known_message_scanner(const known_messages& known)
        : k_(&known),
          ring_chars_(known.ring_size_),
          ring_offsets_(known.ring_size_),
          ring_lines_(known.ring_size_) {
        reset();
    }

    // Reads the next bytes of the input; on_match(const known_match&) may be called for texts
    // found so far (a match waits for the context after it, so it may come in a later call).
    template <class OnMatch>
    void feed(std::string_view chunk, OnMatch&& on_match) {
        scan_chunk(chunk, false, 0, on_match);
    }
    // The same when the caller has counted the line ends ('\n') in the chunk, as a line reader
    // has: lines are then counted only around candidates, most chunks never.
    template <class OnMatch>
    void feed(std::string_view chunk, std::uint64_t newlines, OnMatch&& on_match) {
        scan_chunk(chunk, true, newlines, on_match);
    }

    // Ends the input: reports what is still waiting, then resets for a new input.
    template <class OnMatch>
    void finish(OnMatch&& on_match) {
        if (!k_->texts_.empty()) {
            process(true, on_match);
            flushing_ = true;
            reading_ = available();
            while (!pending_.empty()) report_first(on_match);
        }
        reset();
    }

    // Forgets the input (matches still waiting are dropped).
    void reset() {
        hist_.clear();
        hist_base_ = 0;
        chunk_base_ = 0;
        next_probe_ = 0;
        running_ = k_->stride_ == 0;  // no first pass: the automaton reads every byte
        min_stop_ = running_ ? ~std::uint64_t{0} : 0;
        next_ = 0;
        state_ = 0;
        blank_ = true;
        line_start_ = true;
        line_ = 1;
        np_ = 0;
        ring_from_ = 0;
        cache_off_ = 0;
        cache_lines_ = 0;
        pending_.clear();
        recent_.clear();
        flushing_ = false;
    }

    // Bytes read so far.
    [[nodiscard]] std::uint64_t offset() const noexcept { return chunk_base_ + chunk_size_; }
    // Since construction (reset() keeps them).
    [[nodiscard]] const known_scan_stats& stats() const noexcept { return stats_; }

private:
    struct pending {
        std::uint32_t text;
        std::uint64_t begin;   // normalised positions
        std::uint64_t end;
        std::uint64_t decide;  // its end and the lookahead: reported no sooner (see due)
        std::vector<std::uint32_t> inner;  // texts found inside it
    };
    struct span {
        std::uint64_t begin;
        std::uint64_t end;
        std::uint64_t end_raw;  // one past its last byte
    };

    template <class OnMatch>
    void scan_chunk(std::string_view chunk, bool counted, std::uint64_t newlines, OnMatch& on_match) {
        if (chunk.empty()) return;
        chunk_ = chunk.data();
        chunk_size_ = chunk.size();
        lines_counted_ = counted;
        const std::uint64_t before = line_at(chunk_base_) - 1;  // the checkpoint is there: no counting
        if (!k_->texts_.empty()) process(false, on_match);
        // The checkpoint moves to the chunk's end, whose line is known now or counted now.
        const std::uint64_t end = chunk_base_ + chunk_size_;
        if (counted) {
            cache_off_ = end;
            cache_lines_ = before + newlines;
        } else {
            (void)line_at(end);
        }
        keep_tail();
        chunk_ = nullptr;
        chunk_size_ = 0;
    }

    [[nodiscard]] std::uint64_t available() const noexcept { return chunk_base_ + chunk_size_; }
    [[nodiscard]] unsigned char at(std::uint64_t off) const noexcept {
        return static_cast<unsigned char>(off < chunk_base_ ? hist_[static_cast<std::size_t>(off - hist_base_)]
                                                            : chunk_[static_cast<std::size_t>(off - chunk_base_)]);
    }
    [[nodiscard]] std::uint64_t count_newlines(std::uint64_t from, std::uint64_t to) const noexcept {
        std::uint64_t n = 0;
        if (from < chunk_base_) {
            const std::uint64_t stop = std::min(to, chunk_base_);
            n += detail_known::count_newlines(hist_.data() + (from - hist_base_), static_cast<std::size_t>(stop - from));
            from = stop;
        }
        if (from < to) n += detail_known::count_newlines(chunk_ + (from - chunk_base_), static_cast<std::size_t>(to - from));
        return n;
    }
    // The 1-based line of the byte at `off` (within the bytes at hand).
    [[nodiscard]] std::uint64_t line_at(std::uint64_t off) {
        if (off >= cache_off_) {
            cache_lines_ += count_newlines(cache_off_, off);
            cache_off_ = off;
            return cache_lines_ + 1;
        }
        return cache_lines_ - count_newlines(off, cache_off_) + 1;
    }

    // Keeps the bytes a later backup, probe or report may read. Twice the history: a run may
    // resume up to `history` before the newest byte, and a report reads up to `history` before
    // the byte the run is at. (Lines are counted up to the chunk's end.)
    void keep_tail() {
        const std::size_t keep = 2 * k_->options_.history + k_->window_ + 2 * detail_known::max_stride + 16;
        const std::uint64_t end = chunk_base_ + chunk_size_;
        const std::uint64_t base = end > keep ? end - keep : 0;
        if (chunk_size_ >= keep || base >= chunk_base_) {
            hist_.assign(chunk_ + (base - chunk_base_), chunk_ + chunk_size_);
            hist_base_ = base;
        } else {
            hist_.insert(hist_.end(), chunk_, chunk_ + chunk_size_);
            if (hist_.size() > 2 * keep) {  // drop in bulk: one move per `keep` bytes fed
                hist_.erase(hist_.begin(), hist_.begin() + static_cast<std::ptrdiff_t>(base - hist_base_));
                hist_base_ = base;
            }
        }
        chunk_base_ = end;
    }

    template <class OnMatch>
    void process(bool final, OnMatch& on_match) {
        last_bytes_ = final;
        for (;;) {
            if (running_) {
                if (!run(on_match)) return;  // read everything at hand
                continue;                    // stopped: back to probing
            }
            if (!probe(final)) return;
        }
    }

    // The first pass: from next_probe_, every stride-th offset. True when it started the automaton.
    bool probe(bool final) {
        const known_messages& k = *k_;
        const std::size_t stride = k.stride_;
        const std::size_t window = k.window_;
        const std::uint64_t end = available();
        std::uint64_t i = next_probe_;
        // Offsets whose four bytes begin before the chunk (left from the previous one).
        for (; i < chunk_base_ && i + window <= end; i += stride)
            if (probe_at(i, end)) return true;
        if (i >= chunk_base_ && i + window <= end) {
            const auto* bytes = reinterpret_cast<const unsigned char*>(chunk_);
            const std::uint64_t* bits = k.bitset_.data();
            const unsigned char* filter = k.filter_.data();
            const unsigned shift = k.shift_;
            const unsigned char* p = bytes + (i - chunk_base_);
            const unsigned char* last = bytes + (end - window - chunk_base_);  // the last offset whose anchor fits
            constexpr std::ptrdiff_t block_size = 16384;  // in cache still when its newlines are counted
            while (p <= last) {
                // A block at a time. Unless the caller counted them, its newlines are counted as it
                // is probed, in cache (a second pass would read the input again), up to the block's
                // start: a run started inside it counts forward from there.
                const std::uint64_t block = chunk_base_ + static_cast<std::uint64_t>(p - bytes);
                if (!lines_counted_ && block > cache_off_) (void)line_at(block);
                const unsigned char* block_last = last - p > block_size ? p + block_size : last;
                // The hot loop: loads at fixed strides, no dependency from one probe to the next, four
                // probes per branch; a hit is looked at in order.
                const auto product = [&](const unsigned char* at) { return detail_known::probe_product(detail_known::load4(at)); };
                const auto passes = [&](std::uint32_t x) { return filter[x >> detail_known::filter_shift]; };
                // A probe the filter passes: its hash in the bitset, then its anchors.
                const auto hit = [&](const unsigned char* at, std::uint32_t x) {
                    const std::uint32_t h = x >> shift;
                    if (!((bits[h >> 6] >> (h & 63)) & 1)) return false;
                    ++stats_.probe_hits;
                    return verify(chunk_base_ + static_cast<std::uint64_t>(at - bytes), h, end);
                };
                for (; block_last - p >= static_cast<std::ptrdiff_t>(3 * stride); p += 4 * stride) {
                    // Written out: GCC keeps a loop over four here, through memory.
                    const std::uint32_t x0 = product(p), x1 = product(p + stride), x2 = product(p + 2 * stride),
                                        x3 = product(p + 3 * stride);
                    if ((passes(x0) | passes(x1) | passes(x2) | passes(x3)) == 0) continue;
                    const std::uint32_t x[4] = {x0, x1, x2, x3};
                    for (std::size_t j = 0; j < 4; ++j)
                        if (passes(x[j]) && hit(p + j * stride, x[j])) return true;
                }
                for (; p <= block_last; p += stride) {
                    const std::uint32_t x = product(p);
                    if (passes(x) && hit(p, x)) return true;
                }
            }
            i = chunk_base_ + static_cast<std::uint64_t>(p - bytes);
        }
        if (final)  // the last offsets: an anchor must fit in what is left
            for (; i + detail_known::qgram <= end; i += stride)
                if (probe_at(i, end)) return true;
        next_probe_ = i;
        return false;
    }

    bool probe_at(std::uint64_t i, std::uint64_t end) {
        unsigned char b[4];
        for (int j = 0; j < 4; ++j) b[j] = at(i + static_cast<std::uint64_t>(j));
        const std::uint32_t h = detail_known::probe_hash(detail_known::load4(b), k_->shift_);
        if (!((k_->bitset_[h >> 6] >> (h & 63)) & 1)) return false;
        ++stats_.probe_hits;
        return verify(i, h, end);
    }

    // An anchor whose hashed bytes are at `i`, in full? Then starts the automaton.
    bool verify(std::uint64_t i, std::uint32_t h, std::uint64_t end) {
        const known_messages& k = *k_;
        const std::uint32_t first = k.bucket_[h >> k.bucket_shift_];
        const std::uint32_t last = k.bucket_[(h >> k.bucket_shift_) + 1];
        for (std::uint32_t e = first; e < last; ++e) {
            const known_messages::probe_entry& entry = k.probes_[e];
            if (entry.hash != h || i < entry.offset) continue;
            const std::uint64_t a = i - entry.offset;
            if (a < hist_base_ || a + k.window_ > end) continue;
            if (!anchor_at(entry.window, a) || !continues(entry.window, a + k.window_, end)) continue;
            ++stats_.anchors;
            start(i, a);
            return true;
        }
        return false;
    }

    // Is anchor `w` at raw offset `a` (in either case)?
    [[nodiscard]] bool anchor_at(std::uint32_t w, std::uint64_t a) const noexcept {
        const known_messages& k = *k_;
        if (a >= chunk_base_ && a + 8 <= chunk_base_ + chunk_size_) {  // the usual case: one comparison
            const known_messages::window_word& ww = k.window_words_[w];
            std::uint64_t bytes;
            std::memcpy(&bytes, chunk_ + (a - chunk_base_), 8);
            return ((bytes | ww.fold) & ww.keep) == ww.word;
        }
        const std::string& word = k.windows_[w];
        for (std::size_t j = 0; j < word.size(); ++j)
            if (detail_known::lower(at(a + j)) != static_cast<unsigned char>(word[j])) return false;
        return true;
    }

    // Could a text using anchor `w` go on from raw offset `from` (the byte after the anchor)?
    // Normalises the bytes after it only as far as some text's continuation still agrees (a false
    // anchor usually fails at the first character); when the bytes at hand run out first, it
    // cannot tell and says yes (the automaton then decides).
    bool continues(std::uint32_t w, std::uint64_t from, std::uint64_t end) {
        const known_messages& k = *k_;
        constexpr std::size_t compare = 32;   // characters after the anchor
        constexpr std::uint64_t scan = 4096;  // raw bytes read at most (blank runs)
        const std::uint32_t first = k.use_begin_[w];
        const std::uint32_t last = k.use_begin_[w + 1];
        std::uint32_t alive = 0;  // bit u - first: that use still agrees (at most 32 tried)
        for (std::uint32_t u = first; u < last && u - first < 32; ++u) alive |= 1u << (u - first);
        if (last - first > 32) return true;  // too many texts share it to track: let the automaton decide
        bool blank = false;  // the anchor's last byte yields a character
        bool line_start = false;
        std::size_t n = 0;
        const std::uint64_t stop = std::min(end, from + scan);
        std::uint64_t q = from;
        for (; q < stop && n < compare; ++q) {
            const unsigned char c = at(q);
            char ch;
            if (detail_known::is_space(c)) {
                if (c == '\n') line_start = true;
                if (blank) continue;
                blank = true;
                ch = ' ';
            } else if (line_start && (c == '>' || c == '|')) {
                continue;
            } else {
                blank = false;
                line_start = false;
                ch = static_cast<char>(detail_known::lower(c));
            }
            for (std::uint32_t u = first; u < last; ++u) {
                if (!(alive & (1u << (u - first)))) continue;
                const known_messages::anchor_use& use = k.uses_[u];
                const std::string& text = k.texts_[use.text].pattern;
                const std::size_t at_char = use.start + k.window_ + n;
                if (at_char >= text.size()) return true;  // the whole text agrees up to its end
                if (text[at_char] != ch) alive &= ~(1u << (u - first));
            }
            if (alive == 0) return false;
            ++n;
        }
        if (n == compare) return true;
        // Stopped early: at the end of the bytes at hand, or of a blank run that long.
        if (q < end || !last_bytes_) return true;
        for (std::uint32_t u = first; u < last; ++u)  // the input ends here: only a text ending here fits
            if ((alive & (1u << (u - first))) &&
                k.uses_[u].start + k.window_ + n >= k.texts_[k.uses_[u].text].pattern.size())
                return true;
        return false;
    }

    // Starts the automaton far enough back from the anchor at `a` (found by the probe at `i`).
    void start(std::uint64_t i, std::uint64_t a) {
        const std::uint64_t history = k_->options_.history;
        std::uint64_t limit = a > history ? a - history : 0;
        limit = std::max(limit, hist_base_);
        std::size_t count = 0;
        std::uint64_t x = a;
        std::uint64_t lowest = a;
        while (x > limit && count < k_->backup_) {
            --x;
            if (detail_known::always_emits(at(x))) {
                ++count;
                lowest = x;
            }
        }
        const std::uint64_t from = count == k_->backup_ ? x : (limit == 0 ? 0 : lowest);
        // Backups only move forward, so a run that stopped at or after `from` is still valid for
        // every text starting from it: resume it instead of reading those bytes again.
        if (from > next_) {
            next_ = from;
            state_ = 0;
            blank_ = false;  // `from` holds a byte that yields a character whatever precedes it
            line_start_ = false;
            line_ = line_at(from);
            ring_from_ = np_;
        }
        running_ = true;
        min_stop_ = i + 1;
    }

    // The automaton from next_ over the bytes at hand. True when it stopped (no text in progress
    // has begun its anchor, nothing waits for context), false when it read everything.
    template <class OnMatch>
    bool run(OnMatch& on_match) {
        const std::uint64_t end = available();
        while (next_ < end) {
            const bool in_history = next_ < chunk_base_;
            const char* p = in_history ? hist_.data() + (next_ - hist_base_) : chunk_ + (next_ - chunk_base_);
            const std::uint64_t n = (in_history ? chunk_base_ : end) - next_;
            if (run_span(p, static_cast<std::size_t>(n), on_match)) return true;
        }
        return false;
    }

    template <class OnMatch>
    bool run_span(const char* p, std::size_t n, OnMatch& on_match) {
        const known_messages& k = *k_;
        const std::size_t mask = k.ring_size_ - 1;
        // The state in locals: members would make every character wait on a store and a reload.
        // They are written back before anything that reads them (accept, report, stop).
        std::uint32_t state = state_;
        bool blank = blank_;
        bool line_start = line_start_;
        std::uint64_t line = line_;
        std::uint64_t np = np_;
        const auto save = [&] {
            state_ = state;
            blank_ = blank;
            line_start_ = line_start;
            line_ = line;
            np_ = np;
        };
        for (std::size_t i = 0; i < n; ++i) {
            const auto c = static_cast<unsigned char>(p[i]);
            const std::uint64_t x = next_ + i;
            unsigned char ch = 0;
            bool emit = false;
            if (detail_known::is_space(c)) {
                emit = !blank;
                ch = ' ';
                blank = true;
                if (c == '\n') line_start = true;
            } else if (!(line_start && (c == '>' || c == '|'))) {  // quote markers at a line start are dropped
                emit = true;
                ch = detail_known::lower(c);
                blank = false;
                line_start = false;
            }
            if (emit) {
                const std::size_t slot = static_cast<std::size_t>(np & mask);
                ring_chars_[slot] = ch;
                ring_offsets_[slot] = x;
                ring_lines_[slot] = line;
                ++np;
                state = k.step(state, k.class_of_[ch]);
                const std::uint32_t out = k.states_[state].first_out;
                if (out != detail_known::none || !pending_.empty()) {
                    save();
                    reading_ = x;
                    for (std::uint32_t o = out; o != detail_known::none; o = k.dict_[o]) accept(k.out_[o]);
                    while (!pending_.empty() && any_due()) report_first(on_match);
                }
            }
            if (c == '\n') ++line;
            if (x + 1 >= min_stop_ && !k.states_[state].hot && pending_.empty()) {
                save();
                stats_.automaton_bytes += i + 1;
                next_ += i + 1;
                stop();
                return true;
            }
        }
        save();
        stats_.automaton_bytes += n;
        next_ += n;
        return false;
    }

    void stop() {
        running_ = false;
        if (next_ > cache_off_) {
            cache_off_ = next_;
            cache_lines_ = line_ - 1;
        }
        const std::uint64_t stride = k_->stride_;
        next_probe_ = (next_ + stride - 1) / stride * stride;
    }

    void accept(std::uint32_t text) {
        const known_messages& k = *k_;
        const std::uint64_t length = k.texts_[text].pattern.size();
        const std::uint64_t end = np_;
        const std::uint64_t begin = end - length;
        if (begin < ring_from_) return;  // cannot happen: a run starts before any text it finds
        // Texts found at the same place come longest first: a shorter one is inside it, and its
        // signals join the longer one's (its words are there as much).
        for (pending& e : pending_)
            if (e.end == end && e.begin <= begin) {
                e.inner.push_back(text);
                return;
            }
        pending m{text, begin, end, end + k.options_.lookahead, {}};
        for (std::size_t j = 0; j < pending_.size();) {
            if (pending_[j].begin >= begin) {  // ends no later: inside the new one
                m.inner.push_back(pending_[j].text);
                m.inner.insert(m.inner.end(), pending_[j].inner.begin(), pending_[j].inner.end());
                pending_.erase(pending_.begin() + static_cast<std::ptrdiff_t>(j));
            } else {
                ++j;
            }
        }
        pending_.push_back(std::move(m));
    }

    // A match is decided once the lookahead after it is read and no text still in progress started
    // before its end (a longer text around it) or within the lookahead (the next text, whose start
    // bounds the context): the state's depth is the longest text in progress.
    [[nodiscard]] bool due(const pending& e) const noexcept {
        return flushing_ || (np_ >= e.decide && np_ - k_->states_[state_].depth >= e.decide);
    }
    [[nodiscard]] bool any_due() const noexcept {
        for (const pending& e : pending_)
            if (due(e)) return true;
        return false;
    }

    // Reports the due match that starts first (at the end of the input every one is due).
    template <class OnMatch>
    void report_first(OnMatch& on_match) {
        std::size_t pick = pending_.size();
        for (std::size_t j = 0; j < pending_.size(); ++j)
            if (due(pending_[j]) && (pick == pending_.size() || pending_[j].begin < pending_[pick].begin))
                pick = j;
        if (pick == pending_.size()) return;
        pending m = std::move(pending_[pick]);
        pending_.erase(pending_.begin() + static_cast<std::ptrdiff_t>(pick));
        report(m, on_match);
    }

    template <class OnMatch>
    void report(const pending& m, OnMatch& on_match) {
        const known_messages& k = *k_;
        const known_messages_options& o = k.options_;
        const std::size_t mask = k.ring_size_ - 1;
        const auto ring_char = [&](std::uint64_t q) { return static_cast<char>(ring_chars_[static_cast<std::size_t>(q & mask)]); };
        const auto raw_after = [&](std::uint64_t end) { return ring_offsets_[static_cast<std::size_t>((end - 1) & mask)] + 1; };
        const std::uint64_t begin_raw = ring_offsets_[static_cast<std::size_t>(m.begin & mask)];
        // The neighbours: the context stops at them, so each text's id and values are its own.
        bool has_prev = false;
        bool has_next = false;
        std::uint64_t prev_end_raw = 0;
        std::uint64_t next_begin = 0;
        const auto neighbour = [&](std::uint64_t begin, std::uint64_t end, std::uint64_t end_raw) {
            if (end <= m.begin) {
                prev_end_raw = has_prev ? std::max(prev_end_raw, end_raw) : end_raw;
                has_prev = true;
            }
            if (begin >= m.end) {
                next_begin = has_next ? std::min(next_begin, begin) : begin;
                has_next = true;
            }
        };
        for (const span& r : recent_) neighbour(r.begin, r.end, r.end_raw);
        for (const pending& e : pending_) neighbour(e.begin, e.end, raw_after(e.end));

        known_match match;
        match.text = m.text;
        match.known = &k.texts_[m.text];
        // Before: read again from the raw bytes, from no earlier than the text before it.
        std::uint64_t floor = std::max(reading_ > o.history ? reading_ - o.history : 0, hist_base_);
        const bool after_prev = has_prev && prev_end_raw >= floor;
        if (after_prev) floor = prev_end_raw;
        context_.clear();
        const bool reached_floor = read_before(begin_raw, floor);
        const std::size_t before = context_.size();
        std::size_t id_start = 0;
        const bool stated = read_stated_id(context_, match.id_form, match.stated_id, id_start);
        // What lies between two texts is the first one's (a text cut before its value is followed by
        // it), except from the second one's stated id on.
        const std::size_t values_from = after_prev && reached_floor ? (stated ? id_start : before) : 0;
        // After: up to lookahead, up to the next text or the id stated before it.
        std::uint64_t hi = std::min(np_, m.end + o.lookahead);
        if (has_next && next_begin < hi) {
            hi = next_begin;
            between_.clear();
            for (std::uint64_t q = m.end; q < next_begin; ++q) between_.push_back(ring_char(q));
            stated_id_form form = stated_id_form::none;
            std::uint32_t id = 0;
            std::size_t start = 0;
            if (read_stated_id(between_, form, id, start)) hi = m.end + start;
        }
        for (std::uint64_t q = m.begin; q < hi; ++q) context_.push_back(ring_char(q));

        found_.clear();
        const view<known_signal> own = k.signals_of(*match.known);
        found_.insert(found_.end(), own.begin(), own.end());
        for (std::uint32_t t : m.inner) {
            const view<known_signal> inner = k.signals_of(k.texts_[t]);
            found_.insert(found_.end(), inner.begin(), inner.end());
        }
        match.signals = view<known_signal>(found_.data(), found_.size());
        if (match.known->pattern.size() < o.min_alone && !match.id_agrees()) return;  // too generic alone
        const std::string_view values = std::string_view(context_).substr(values_from);
        present_.clear();
        for (const known_signal& s : match.signals) {
            bool all = true;
            for (std::string_view v : s.carrier->values) all = all && ruledx::detail::contains_phrase(values, v);
            present_.push_back(all ? 1 : 0);
        }
        match.values_present = view<std::uint8_t>(present_.data(), present_.size());
        const std::size_t last = static_cast<std::size_t>((m.end - 1) & mask);
        match.where = location{begin_raw, static_cast<std::size_t>(ring_lines_[static_cast<std::size_t>(m.begin & mask)])};
        match.last = location{ring_offsets_[last], static_cast<std::size_t>(ring_lines_[last])};
        match.context = context_;
        recent_.push_back({m.begin, m.end, ring_offsets_[last] + 1});
        if (recent_.size() > 8) recent_.erase(recent_.begin());
        ++stats_.matches;
        on_match(static_cast<const known_match&>(match));
    }

    // Appends to context_ the normalised text of up to `lookback` characters before the raw
    // offset `begin`, from no earlier than `floor`; true when the floor, not the lookback, stopped it.
    bool read_before(std::uint64_t begin, std::uint64_t floor) {
        const std::size_t want = k_->options_.lookback;
        std::uint64_t x = begin;
        std::uint64_t from = begin;
        std::size_t count = 0;
        while (x > floor && count < want) {
            --x;
            if (detail_known::always_emits(at(x))) {
                ++count;
                from = x;
            }
        }
        const bool reached_floor = count < want;
        if (x == 0 && from > 0 && reached_floor) from = 0;  // the input's start: its own state
        // Normalised as the automaton does; `from` yields a character whatever precedes it, or
        // is the input's start.
        bool blank = from == 0;
        bool line_start = from == 0;
        for (std::uint64_t q = from; q < begin; ++q) {
            const unsigned char c = at(q);
            if (detail_known::is_space(c)) {
                if (!blank) context_.push_back(' ');
                blank = true;
                if (c == '\n') line_start = true;
            } else if (!(line_start && (c == '>' || c == '|'))) {
                context_.push_back(static_cast<char>(detail_known::lower(c)));
                blank = false;
                line_start = false;
            }
        }
        return reached_floor;
    }

    // The id the input states before a text: a number right before it ("4070: ", "(4070) "), or
    // the nearest number after a label ("Event ID: 4070", "event 4070"); a number that is both
    // counts as labelled. `start` is where the id's words begin in `before`.
    static bool read_stated_id(std::string_view before, stated_id_form& form, std::uint32_t& id, std::size_t& start) {
        const auto digit = [](char c) { return c >= '0' && c <= '9'; };
        const auto alnum = [](char c) { return detail_known::is_alnum(static_cast<unsigned char>(c)); };
        const auto skip_spaces = [&](std::size_t& at) {
            while (at > 0 && before[at - 1] == ' ') --at;
        };
        const auto number = [&](std::size_t begin, std::size_t end, std::uint32_t& value) {
            if (end - begin > 10) return false;
            std::uint64_t v = 0;
            for (std::size_t i = begin; i < end; ++i) v = v * 10 + static_cast<std::uint64_t>(before[i] - '0');
            if (v > 0xFFFFFFFFull) return false;
            value = static_cast<std::uint32_t>(v);
            return true;
        };
        // Where the label of the number starting at `begin` starts ("event id", "eventid",
        // "event-id", "event_id", "event code", "event", the word "id"; ':', '=' or '#' between),
        // or npos.
        const auto label_of = [&](std::size_t begin) {
            static constexpr std::string_view labels[] = {"event id", "eventid", "event-id", "event_id",
                                                          "event code", "event", "id"};
            std::size_t t = begin;
            skip_spaces(t);
            if (t > 0 && (before[t - 1] == ':' || before[t - 1] == '=' || before[t - 1] == '#')) --t;
            skip_spaces(t);
            for (std::string_view label : labels) {
                if (t < label.size() || before.substr(t - label.size(), label.size()) != label) continue;
                const std::size_t at = t - label.size();
                if (at == 0 || !alnum(before[at - 1])) return at;
            }
            return std::string_view::npos;
        };
        // Right before the text.
        std::size_t e = before.size();
        skip_spaces(e);
        if (e > 0 && (before[e - 1] == ':' || before[e - 1] == '-' || before[e - 1] == '=')) --e;
        skip_spaces(e);
        if (e > 0 && (before[e - 1] == ')' || before[e - 1] == ']')) --e;
        std::size_t d = e;
        while (d > 0 && digit(before[d - 1])) --d;
        if (d < e) {
            std::size_t s = d;
            if (s > 0 && (before[s - 1] == '(' || before[s - 1] == '[' || before[s - 1] == '#')) --s;
            // Not a time, a date, a version, a negative number ("error -510") or part of a word.
            const bool free = s == 0 || !(alnum(before[s - 1]) || before[s - 1] == ':' || before[s - 1] == '/' ||
                                          before[s - 1] == '.' || before[s - 1] == ',' || before[s - 1] == '-');
            if (free && number(d, e, id)) {
                const std::size_t label = label_of(d);
                form = label != std::string_view::npos ? stated_id_form::labelled : stated_id_form::adjacent;
                start = label != std::string_view::npos ? label : s;
                return true;
            }
        }
        // After a label, the nearest.
        std::size_t end = before.size();
        while (end > 0) {
            if (!digit(before[end - 1])) {
                --end;
                continue;
            }
            std::size_t begin = end;
            while (begin > 0 && digit(before[begin - 1])) --begin;
            const bool whole = (begin == 0 || !alnum(before[begin - 1])) && (end == before.size() || !alnum(before[end]));
            const std::size_t label = whole ? label_of(begin) : std::string_view::npos;
            if (label != std::string_view::npos && number(begin, end, id)) {
                form = stated_id_form::labelled;
                start = label;
                return true;
            }
            end = begin;
        }
        return false;
    }

    const known_messages* k_;
    known_scan_stats stats_;
    // The bytes at hand: the kept history, then the chunk being fed.
    std::vector<char> hist_;
    std::uint64_t hist_base_ = 0;
    const char* chunk_ = nullptr;
    std::uint64_t chunk_base_ = 0;
    std::size_t chunk_size_ = 0;
    // The first pass.
    std::uint64_t next_probe_ = 0;
    // The automaton run, kept when it stops so a later run can resume it.
    bool running_ = false;
    bool flushing_ = false;  // finish(): every waiting match is due
    bool last_bytes_ = false;  // the bytes at hand end the input
    std::uint64_t min_stop_ = 0;
    std::uint64_t next_ = 0;  // the next byte it reads
    std::uint32_t state_ = 0;
    bool blank_ = true;       // the last character was a space (or there was none)
    bool line_start_ = true;  // only blanks and quote markers since the last newline
    std::uint64_t line_ = 1;
    std::uint64_t np_ = 0;        // normalised characters so far
    std::uint64_t ring_from_ = 0; // the first valid one in the ring
    std::vector<unsigned char> ring_chars_;
    std::vector<std::uint64_t> ring_offsets_;
    std::vector<std::uint64_t> ring_lines_;
    // Newlines before cache_off_: at the end of what was fed, or further on during a feed.
    std::uint64_t cache_off_ = 0;
    std::uint64_t cache_lines_ = 0;
    bool lines_counted_ = false;  // the caller counted the chunk's lines
    std::vector<pending> pending_;
    std::vector<span> recent_;  // the last matches reported
    std::uint64_t reading_ = 0;  // the byte the automaton is at (bounds what a report may read)
    std::string context_;
    std::string between_;
    std::vector<known_signal> found_;
    std::vector<std::uint8_t> present_;
};

// Finds the known texts in one buffer.
template <class OnMatch>
void find_known_messages(const known_messages& known, std::string_view text, OnMatch&& on_match) {
    known_message_scanner scanner(known);
    scanner.feed(text, on_match);
    scanner.finish(on_match);
}

}  // namespace ruledx::read

#endif
