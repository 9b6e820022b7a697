// ruledx benchmarks — known-message recognition throughput.
//
//   ruledx_bench_known_messages [MIB] [FILE]...
//
// Generates MIB (default 256) MiB of support-mail text from the knowledge bases' own prose (their
// titles, causes, resolution steps and questions: the words real tickets use, which is the hard
// case for the anchors), re-wrapped, partly quoted ('>', '> >'), with Event Viewer-like blocks
// whose descriptions are prose, and one real description about every MiB in a random layout.
// Scans it with one known_messages automaton over both knowledge bases: in one piece, and in
// 1 MiB chunks. Each FILE given is read, repeated to 64 MiB and scanned too (e.g. the articles
// the knowledge bases quote: a description every few kilobytes, the dense case).
// Prints MB/s (10^6 bytes per second; best of 3) by the wall clock and by process CPU time (on a
// loaded machine the wall clock also counts the time the process waited for a core), and the
// matches found.
//
// Measured (AMD EPYC VM, 2 cores, Release, both knowledge bases: 71 texts, 7,121 states):
//   generated support mail, 256 MiB, 229 texts:  GCC 12  2,020 MB/s one piece, 2,006 in 1 MiB chunks
//                                                Clang 14  1,876 / 1,880 MB/s   (memchr of '\n' 5,775)
//   the articles repeated (a text every 5.8 KB): GCC 12  722 / 713 MB/s, Clang 14  697 / 724 MB/s
// Per KiB of mail: 5.4 probe hits, 0.04 anchors through to the automaton, which reads 1% of the
// bytes; in the articles 7.5% (each match is read on for its lookahead). On a machine loaded by
// other builds the same runs gave 1.2-1.5 GB/s by the wall clock, 1.9-2.0 GB/s by CPU time.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "ruledx/kb/exchange.hpp"
#include "ruledx/read/known_messages.hpp"

namespace {

using namespace ruledx;

template <class Table>
void add_prose(const Table& table, std::vector<std::string>& words) {
    std::string text;
    for (std::size_t r = 0; r < table.rule_count; ++r) {
        const rule& ru = table.rules[r];
        text.append(ru.title).append(" ").append(ru.cause).append(" ");
        for (std::string_view step : ru.resolution) text.append(step).append(" ");
    }
    for (std::size_t f = 0; f < table.fact_count; ++f) text.append(table.facts[f].question).append(" ");
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ') ++i;
        std::size_t j = i;
        while (j < text.size() && text[j] != ' ') ++j;
        if (j > i) words.emplace_back(text.substr(i, j - i));
        i = j;
    }
}

std::string wrap(const std::string& text, std::size_t columns, const std::string& prefix) {
    std::string out = prefix;
    std::size_t column = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t j = text.find(' ', i);
        if (j == std::string::npos) j = text.size();
        if (column > 0 && column + 1 + (j - i) > columns) {
            out += "\n" + prefix;
            column = 0;
        } else if (column > 0) {
            out += ' ';
            ++column;
        }
        out.append(text, i, j - i);
        column += j - i;
        i = j + 1;
    }
    return out + "\n";
}

std::string generate(std::size_t bytes, std::size_t& planted) {
    std::vector<std::string> words;
    add_prose(kb::exchange_ims::table, words);
    add_prose(kb::exchange_services::table, words);
    std::vector<std::string> descriptions;
    for (std::size_t r = 0; r < kb::exchange::table.rule_count; ++r)
        for (std::size_t s = 0; s < kb::exchange::table.rules[r].signal_count(); ++s) {
            const signal& sig = kb::exchange::table.rules[r].signal_at(s);
            if (sig.kind == signal_kind::event && !sig.description.empty()) descriptions.emplace_back(sig.description);
        }
    std::mt19937_64 random(1998);
    const auto pick = [&](std::size_t n) { return static_cast<std::size_t>(random() % n); };
    const auto sentence = [&] {
        std::string s;
        const std::size_t n = 6 + pick(16);
        for (std::size_t k = 0; k < n; ++k) s += (k ? " " : "") + words[pick(words.size())];
        return s + ".";
    };
    std::string out;
    out.reserve(bytes + 4096);
    std::size_t next_plant = 1 << 19;
    planted = 0;
    static const char* const sources[] = {"MSExchangeIMC", "MSExchangeMTA", "MSExchangeIS", "MSExchangeDS", "ESE97"};
    while (out.size() < bytes) {
        if (out.size() >= next_plant) {  // a real description, in a random layout
            const std::string& d = descriptions[pick(descriptions.size())];
            out += "Event ID: " + std::to_string(4000 + pick(200)) + "\n";
            out += wrap(d, 40 + pick(40), pick(2) ? "> " : "");
            ++planted;
            next_plant += (1 << 20) + pick(1 << 18);
        }
        switch (pick(5)) {
            case 0: {  // an event block whose description is prose
                out += "Event Type:\tError\nEvent Source:\t" + std::string(sources[pick(5)]) +
                       "\nEvent Category:\tNone\nEvent ID:\t" + std::to_string(pick(10000)) +
                       "\nDate:\t\t3/4/1999\nTime:\t\t10:45:12 AM\nUser:\t\tN/A\nComputer:\tMAIL01\nDescription:\n";
                out += wrap(sentence() + " " + sentence(), 72, "");
                break;
            }
            case 1:  // quoted mail
                out += wrap(sentence() + " " + sentence() + " " + sentence(), 72, pick(2) ? "> " : "> > ");
                break;
            default:
                out += wrap(sentence() + " " + sentence() + " " + sentence() + " " + sentence(), 72, "");
                break;
        }
        out += "\n";
    }
    return out;
}

struct timing {
    double mb_per_s = 0;      // wall clock
    double cpu_mb_per_s = 0;  // process CPU time: what a shared machine's load does not change much
    std::size_t matches = 0;
    read::known_scan_stats stats;
};

timing measure(const read::known_messages& known, const std::string& text, std::size_t chunk) {
    timing best;
    for (int round = 0; round < 3; ++round) {
        std::size_t matches = 0;
        auto on = [&](const read::known_match&) { ++matches; };
        const auto start = std::chrono::steady_clock::now();
        const std::clock_t cpu_start = std::clock();
        read::known_message_scanner scanner(known);
        for (std::size_t at = 0; at < text.size(); at += chunk)
            scanner.feed(std::string_view(text).substr(at, std::min(chunk, text.size() - at)), on);
        scanner.finish(on);
        const read::known_scan_stats stats = scanner.stats();
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const double cpu_seconds = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
        const double rate = static_cast<double>(text.size()) / seconds / 1e6;
        const double cpu_rate = static_cast<double>(text.size()) / std::max(cpu_seconds, 1e-9) / 1e6;
        if (rate > best.mb_per_s) best = {rate, best.cpu_mb_per_s, matches, stats};
        best.cpu_mb_per_s = std::max(best.cpu_mb_per_s, cpu_rate);
    }
    return best;
}

double memchr_rate(const std::string& text) {
    double best = 0;
    for (int round = 0; round < 3; ++round) {
        std::size_t lines = 0;
        const auto start = std::chrono::steady_clock::now();
        const char* const end = text.data() + text.size();
        for (const char* p = text.data();
             (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)))); ++p)
            ++lines;
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        best = std::max(best, static_cast<double>(text.size()) / seconds / 1e6);
        if (lines == 0) std::printf(" ");
    }
    return best;
}

void print_rates(const char* name, const read::known_messages& known, const std::string& text) {
    const timing whole = measure(known, text, text.size());
    const timing chunked = measure(known, text, std::size_t{1} << 20);
    std::printf("%-28s %8.1f MiB  one piece %6.0f MB/s (CPU time %6.0f)  1 MiB chunks %6.0f MB/s (CPU time %6.0f)  "
                "matches %zu  (memchr of newlines %5.0f MB/s)\n",
                name, static_cast<double>(text.size()) / 1048576.0, whole.mb_per_s, whole.cpu_mb_per_s, chunked.mb_per_s,
                chunked.cpu_mb_per_s, whole.matches, memchr_rate(text));
    const double kib = static_cast<double>(text.size()) / 1024.0;
    std::printf("%-28s per KiB: %.2f probe hits, %.3f anchors, %.1f bytes read by the automaton\n", "", 
                static_cast<double>(whole.stats.probe_hits) / kib, static_cast<double>(whole.stats.anchors) / kib,
                static_cast<double>(whole.stats.automaton_bytes) / kib);
}

}  // namespace

int main(int argc, char** argv) {
    const std::size_t mib = argc > 1 ? static_cast<std::size_t>(std::strtoul(argv[1], nullptr, 10)) : 256;
    const auto build_start = std::chrono::steady_clock::now();
    const read::known_messages known(kb::exchange::table);
    const double build_ms = std::chrono::duration<double>(std::chrono::steady_clock::now() - build_start).count() * 1e3;
    std::printf("automaton: %zu texts, %zu states, probe stride %zu, built in %.1f ms\n", known.texts().size(),
                known.state_count(), known.stride(), build_ms);
    std::size_t planted = 0;
    const std::string text = generate(mib << 20, planted);
    std::printf("generated support mail: %zu descriptions planted\n", planted);
    print_rates("support mail (generated)", known, text);
    for (int i = 2; i < argc; ++i) {
        std::FILE* f = std::fopen(argv[i], "rb");
        if (f == nullptr) {
            std::perror(argv[i]);
            continue;
        }
        std::string data;
        char buf[1 << 16];
        std::size_t got = 0;
        while ((got = std::fread(buf, 1, sizeof buf, f)) > 0) data.append(buf, got);
        std::fclose(f);
        if (data.empty()) continue;
        const std::string once = data;  // repeated to 64 MiB: timings of a few milliseconds are noise
        while (data.size() < (std::size_t{64} << 20)) data += once;
        print_rates(argv[i], known, data);
    }
    return 0;
}
