// The one line source of the text readers: line ends, locations, the length limit and binary lines,
// whole and in pieces of every size.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ruledx/read/line_source.hpp"

using namespace ruledx::read;

namespace {

// Each line, skipped line and error as "L<line>@<offset>:<text>", "S<line>@<offset>", "E<line>:<problem>".
struct lines_read {
    std::vector<std::string> events;
    std::uint64_t newlines = 0;
};

lines_read read_in_pieces(std::string_view text, std::size_t piece, std::size_t max = 16) {
    lines_read out;
    line_source lines(max, "t.txt");
    std::string pending;
    auto on_line = [&](std::string_view line, location where) {
        out.events.push_back("L" + std::to_string(where.line) + "@" + std::to_string(where.offset) + ":" + std::string(line));
    };
    auto on_skipped = [&](location where) {
        out.events.push_back("S" + std::to_string(where.line) + "@" + std::to_string(where.offset));
    };
    auto on_error = [&](const read_error& e) {
        CHECK(e.file == "t.txt");
        out.events.push_back("E" + std::to_string(e.where.line) + ":" + std::string(to_string(e.what)));
    };
    for (std::size_t at = 0;; at += piece) {
        const bool final = at + piece >= text.size();
        pending.append(text.substr(at < text.size() ? at : text.size(), piece));
        const std::size_t used = lines.feed(pending, final, on_line, on_skipped, on_error);
        pending.erase(0, used);
        if (final) break;
    }
    CHECK(pending.empty());
    out.newlines = lines.newlines();
    return out;
}

}  // namespace

TEST_CASE("line source: LF and CR LF, a last line without its end, blank lines, locations") {
    const lines_read r = read_in_pieces("one\r\ntwo\n\nthree", 1000);
    CHECK(r.events == std::vector<std::string>{"L1@0:one", "L2@5:two", "L3@9:", "L4@10:three"});
    CHECK(r.newlines == 3);
    CHECK(read_in_pieces("", 1000).events.empty());
    CHECK(read_in_pieces("\n", 1000).events == std::vector<std::string>{"L1@0:"});
}

TEST_CASE("line source: a line over the limit is reported once and skipped, in any pieces") {
    const std::string text = "short\n" + std::string(40, 'x') + "\r\nafter\n" + std::string(17, 'y');
    const std::vector<std::string> expected = {"L1@0:short", "E2:bad length", "S2@6", "L3@48:after", "E4:bad length", "S4@54"};
    for (std::size_t piece = 1; piece <= text.size() + 1; ++piece) {
        CAPTURE(piece);
        const lines_read r = read_in_pieces(text, piece);
        CHECK(r.events == expected);
        CHECK(r.newlines == 3);
    }
    // At the limit itself a line is read.
    CHECK(read_in_pieces(std::string(16, 'z'), 1000).events == std::vector<std::string>{"L1@0:" + std::string(16, 'z')});
}

TEST_CASE("line source: lines holding NUL are skipped, the first of a run reported") {
    const std::string text = std::string("a\nb\0c\n\0\nd\ne\0\n", 13);
    const std::vector<std::string> expected = {"L1@0:a", "E2:skipped bytes", "S2@2", "S3@6", "L4@8:d", "E5:skipped bytes", "S5@10"};
    for (std::size_t piece = 1; piece <= text.size(); ++piece) {
        CAPTURE(piece);
        CHECK(read_in_pieces(text, piece).events == expected);
    }
}

TEST_CASE("line source: a NUL inside an over-long line does not mark the lines after it") {
    const std::string text = std::string(10, 'x') + '\0' + std::string(10, 'x') + "\nfine\n";
    CHECK(read_in_pieces(text, 1000).events == std::vector<std::string>{"E1:bad length", "S1@0", "L2@22:fine"});
}
