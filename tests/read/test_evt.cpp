// Tests of the binary .evt reader against logs written by tests/support/evt_writer.hpp, against the
// real samples in ../shared/samples (when present), and against damage.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "evt_shapes.hpp"
#include "support/shared_data.hpp"
#include "ruledx/read/evt.hpp"

namespace {

using ruledx::event_type;
using ruledx::read::event_record;
using ruledx::read::problem;
using ruledx::read::read_error;
using namespace ruledx::test;

// A record copied out of the callback (its views die with the callback).
struct got_record {
    std::uint64_t offset = 0;
    std::uint32_t number = 0, identifier = 0;
    std::uint16_t event_id = 0, category = 0, string_count = 0;
    event_type type = event_type::unspecified;
    std::string source, computer, user;
    std::vector<std::string> strings;
    std::uint32_t data_length = 0;
    std::int64_t time_generated = 0, time_written = 0;
    bool recovered = false;
};

struct got_error {
    std::uint64_t offset = 0;
    problem what = problem::truncated;
    std::string detail;
    std::string file;
};

struct result {
    std::vector<got_record> records;
    std::vector<got_error> errors;
    ruledx::read::evt_summary summary;

    [[nodiscard]] std::vector<std::uint32_t> numbers(bool recovered) const {
        std::vector<std::uint32_t> n;
        for (const got_record& r : records) {
            if (r.recovered == recovered) n.push_back(r.number);
        }
        return n;
    }
};

got_record copy_record(const event_record& r) {
    got_record g;
    g.offset = r.where.offset;
    g.number = r.record_number;
    g.identifier = r.identifier;
    g.event_id = r.event_id;
    g.category = r.category_number;
    g.string_count = r.string_count;
    g.type = r.type;
    g.source = std::string(r.source);
    g.computer = std::string(r.computer);
    g.user = std::string(r.user);
    std::string_view s = r.strings;
    while (!s.empty()) {
        const std::size_t nul = s.find('\0');
        g.strings.emplace_back(s.substr(0, nul));
        s.remove_prefix(nul == std::string_view::npos ? s.size() : nul + 1);
    }
    g.data_length = r.data_length;
    g.time_generated = r.time_generated;
    g.time_written = r.time_written;
    g.recovered = r.recovered;
    return g;
}

template <class Source>
result read_source(Source& src) {
    result out;
    ruledx::read::evt_reader reader;
    out.summary = reader.read(
        src, "test.evt",
        [&](const event_record& r) {
            CHECK(r.has_record_number);
            CHECK(r.has_identifier);
            CHECK(r.where.line == 0);
            // The strings view holds exactly string_count NUL-terminated strings.
            CHECK(static_cast<std::size_t>(std::count(r.strings.begin(), r.strings.end(), '\0')) == r.string_count);
            out.records.push_back(copy_record(r));
        },
        [&](const read_error& e) {
            out.errors.push_back({e.where.offset, e.what, std::string(e.detail), std::string(e.file)});
        });
    CHECK(out.summary.records + out.summary.recovered == out.records.size());
    CHECK(out.summary.errors == out.errors.size());
    return out;
}

result read_bytes(const bytes_t& b) {
    ruledx::read::memory_source src(b.data(), b.size());
    return read_source(src);
}

// Reference UTF-16 to UTF-8 for well-formed text (the generated events have no lone surrogates).
std::string utf8(const std::u16string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        std::uint32_t c = s[i];
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.size()) c = 0x10000 + ((c - 0xD800) << 10) + (s[++i] - 0xDC00);
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else if (c < 0x800) {
            out += static_cast<char>(0xC0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out += static_cast<char>(0xE0 | (c >> 12));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (c >> 18));
            out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return out;
}

// "S-1-5-18" from the writer's binary SID, computed independently of the reader.
std::string sid_text(const bytes_t& b) {
    std::uint64_t authority = 0;
    for (std::size_t i = 2; i < 8; ++i) authority = (authority << 8) | b[i];
    std::string s = "S-" + std::to_string(b[0]) + "-" + std::to_string(authority);
    for (std::size_t k = 0; k < b[1]; ++k) s += "-" + std::to_string(get32(b, 8 + 4 * k));
    return s;
}

// Checks that `got` holds what the writer put into `p`.
void check_matches(const got_record& got, const evt_log::placed& p) {
    const evt_event& e = p.event;
    CHECK(got.number == p.number);
    CHECK(got.offset == p.offset);
    CHECK(got.identifier == e.identifier);
    CHECK(got.event_id == (e.identifier & 0xFFFF));
    CHECK(static_cast<std::uint16_t>(got.type) == e.type);
    CHECK(got.category == e.category);
    CHECK(got.source == utf8(e.source));
    CHECK(got.computer == utf8(e.computer));
    CHECK(got.user == (e.user_sid.empty() ? std::string() : sid_text(e.user_sid)));
    REQUIRE(got.strings.size() == e.strings.size());
    CHECK(got.string_count == e.strings.size());
    for (std::size_t k = 0; k < e.strings.size(); ++k) CHECK(got.strings[k] == utf8(e.strings[k]));
    CHECK(got.data_length == e.data.size());
    CHECK(got.time_generated == e.time_generated);
    CHECK(got.time_written == e.time_written);
}

std::vector<std::uint32_t> numbers_of(const std::vector<evt_log::placed>& v) {
    std::vector<std::uint32_t> n;
    for (const evt_log::placed& p : v) n.push_back(p.number);
    return n;
}

}  // namespace

TEST_CASE("evt: a plain log yields every record with every field") {
    evt_log log(0x10000);
    for (std::uint32_t i = 0; i < 40; ++i) log.append(varied_event(i));
    const result r = read_bytes(log.bytes());
    CHECK(r.errors.empty());
    CHECK(r.summary.recognized);
    CHECK(r.summary.found_eof_record);
    CHECK(r.summary.header_flags == 0);
    REQUIRE(r.records.size() == 40);
    for (std::size_t i = 0; i < 40; ++i) {
        CAPTURE(i);
        check_matches(r.records[i], log.live()[i]);
        CHECK_FALSE(r.records[i].recovered);
    }
    // Type comes from EventType: record 1 is written with severity bits "Error" and type Error, record
    // 5 with severity Error but type Failure Audit.
    CHECK((r.records[4].identifier >> 30) == 3u);
    CHECK(r.records[4].type == event_type::failure_audit);
}

TEST_CASE("evt: a wrapped log continues the record that crosses the end at 0x30") {
    const evt_log log = wrapped_log(0x2000, 100);
    bool crossing = false;
    for (const evt_log::placed& p : log.live()) crossing = crossing || p.offset + p.length > 0x2000;
    REQUIRE(crossing);
    const bytes_t b = log.bytes();
    CHECK(get32(b, 36) == ruledx::read::evt_flag_wrapped);
    const result r = read_bytes(b);
    CHECK(r.errors.empty());
    REQUIRE(r.numbers(false) == numbers_of(log.live()));
    for (std::size_t i = 0; i < log.live().size(); ++i) check_matches(r.records[i], log.live()[i]);
    CHECK(r.numbers(true) == numbers_of(log.intact_dropped()));
}

TEST_CASE("evt: a dirty log is read from its floating EOF record, not its stale header") {
    evt_log log(0x2000);
    for (std::uint32_t i = 0; i < 60; ++i) log.append(varied_event(i));
    log.snapshot_header();
    for (std::uint32_t i = 60; i < 75; ++i) log.append(varied_event(i));
    const bytes_t b = log.bytes(true);
    REQUIRE(get32(b, 20) != log.eof_offset());  // the header really is stale
    REQUIRE(get32(b, 24) == 61);
    const result r = read_bytes(b);
    CHECK(r.errors.empty());
    CHECK((r.summary.header_flags & ruledx::read::evt_flag_dirty) != 0);
    CHECK(r.summary.found_eof_record);
    CHECK(r.numbers(false) == numbers_of(log.live()));
    CHECK(r.numbers(false).back() == 75);
}

TEST_CASE("evt: a dirty log whose header claims it is empty") {
    evt_log log(0x1000);
    log.snapshot_header();
    for (std::uint32_t i = 0; i < 5; ++i) log.append(varied_event(i));
    const bytes_t b = log.bytes(true);
    REQUIRE(get32(b, 16) == get32(b, 20));
    const result r = read_bytes(b);
    CHECK(r.errors.empty());
    CHECK(r.numbers(false) == std::vector<std::uint32_t>{1, 2, 3, 4, 5});
}

TEST_CASE("evt: an EOF record split across the end of the file is found") {
    // Grow logs until the final EOF record itself straddles the end.
    bool tried = false;
    for (std::uint32_t n = 30; n < 400 && !tried; ++n) {
        evt_log log(0x1000);
        for (std::uint32_t i = 0; i < n; ++i) log.append(varied_event(i));
        if (log.eof_offset() + evt_eof_bytes <= 0x1000) continue;
        tried = true;
        for (bool dirty : {false, true}) {
            CAPTURE(dirty);
            const result r = read_bytes(log.bytes(dirty));
            CHECK(r.errors.empty());
            CHECK(r.summary.found_eof_record);
            CHECK(r.numbers(false) == numbers_of(log.live()));
        }
    }
    CHECK(tried);
}

TEST_CASE("evt: a stale EOF copy in free space loses to the one describing itself") {
    evt_log log(0x10000);
    for (std::uint32_t i = 0; i < 10; ++i) log.append(varied_event(i));
    bytes_t b = log.bytes(true);  // dirty: the reader must search
    // A leftover EOF record with an older record number, far after the real one.
    const bytes_t stale = encode_eof(0x30, 0x9000, 3, 1);
    std::copy(stale.begin(), stale.end(), b.begin() + 0x9000);
    const result r = read_bytes(b);
    CHECK(r.errors.empty());
    CHECK(r.numbers(false).size() == 10);
}

TEST_CASE("evt: a truncated log keeps the whole records and reports where it ends") {
    evt_log log(0x10000);
    for (std::uint32_t i = 0; i < 40; ++i) log.append(varied_event(i));
    bytes_t b = log.bytes();
    const evt_log::placed& cut = log.live()[24];
    b.resize(cut.offset + cut.length / 2);
    const result r = read_bytes(b);
    CHECK_FALSE(r.summary.found_eof_record);
    REQUIRE(r.numbers(false).size() == 24);
    CHECK(r.numbers(false).back() == 24);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].offset == cut.offset);
    CHECK(r.errors[0].what == problem::truncated);
    CHECK(r.errors[0].file == "test.evt");
}

TEST_CASE("evt: a truncated log that ends exactly between records") {
    evt_log log(0x10000);
    for (std::uint32_t i = 0; i < 10; ++i) log.append(varied_event(i));
    bytes_t b = log.bytes();
    b.resize(log.live()[7].offset);
    const result r = read_bytes(b);
    CHECK(r.numbers(false).size() == 7);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].what == problem::truncated);
    CHECK(r.errors[0].offset == b.size());
}

TEST_CASE("evt: damage in the middle is reported precisely and the records after it are kept") {
    evt_log log(0x10000);
    for (std::uint32_t i = 0; i < 40; ++i) log.append(varied_event(i));
    const bytes_t clean = log.bytes();
    std::vector<std::uint32_t> all = numbers_of(log.live());

    SUBCASE("bad signature") {
        bytes_t b = clean;
        b[log.live()[9].offset + 4] = 'X';
        const result r = read_bytes(b);
        std::vector<std::uint32_t> expect = all;
        expect.erase(expect.begin() + 9);
        CHECK(r.numbers(false) == expect);
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].offset == log.live()[9].offset);
        CHECK(r.errors[0].what == problem::bad_signature);
        CHECK(r.numbers(true).empty());
    }
    SUBCASE("bogus length") {
        bytes_t b = clean;
        put32(b, log.live()[5].offset, 0xFFFF0);
        const result r = read_bytes(b);
        std::vector<std::uint32_t> expect = all;
        expect.erase(expect.begin() + 5);
        CHECK(r.numbers(false) == expect);
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].offset == log.live()[5].offset);
        CHECK(r.errors[0].what == problem::bad_length);
    }
    SUBCASE("length below the fixed part") {
        bytes_t b = clean;
        put32(b, log.live()[20].offset, 0x10);
        const result r = read_bytes(b);
        CHECK(r.numbers(false).size() == 39);
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].offset == log.live()[20].offset);
        CHECK(r.errors[0].what == problem::bad_length);
    }
    SUBCASE("trailing length copy differs") {
        bytes_t b = clean;
        const evt_log::placed& p = log.live()[30];
        put32(b, p.offset + p.length - 4, p.length + 4);
        const result r = read_bytes(b);
        CHECK(r.numbers(false).size() == 39);
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].offset == p.offset);
        CHECK(r.errors[0].what == problem::bad_length);
        CHECK(r.errors[0].detail.find("trailing") != std::string::npos);
    }
    SUBCASE("garbage over two records") {
        bytes_t b = clean;
        const std::size_t from = log.live()[12].offset, to = log.live()[14].offset;
        for (std::size_t k = from; k < to; ++k) b[k] = static_cast<std::uint8_t>(k * 37 + 11);
        const result r = read_bytes(b);
        std::vector<std::uint32_t> expect = all;
        expect.erase(expect.begin() + 12, expect.begin() + 14);
        CHECK(r.numbers(false) == expect);
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].offset == from);
    }
    SUBCASE("the last record before the EOF record is damaged") {
        bytes_t b = clean;
        b[log.live()[39].offset + 5] = 0;
        const result r = read_bytes(b);
        CHECK(r.numbers(false).size() == 39);
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].offset == log.live()[39].offset);
    }
}

TEST_CASE("evt: records freed into the slack are recovered after the live ones") {
    evt_log log = wrapped_log(0x3000, 120);
    log.drop_oldest(20);
    for (std::uint32_t i = 500; i < 504; ++i) log.append(varied_event(i));
    const std::vector<evt_log::placed> intact = log.intact_dropped();
    REQUIRE(intact.size() >= 5);
    const result r = read_bytes(log.bytes());
    CHECK(r.errors.empty());
    CHECK(r.summary.recovered == intact.size());
    CHECK(r.numbers(false) == numbers_of(log.live()));
    std::vector<std::uint32_t> got = r.numbers(true), want = numbers_of(intact);
    std::sort(got.begin(), got.end());
    std::sort(want.begin(), want.end());
    CHECK(got == want);
    // Live first, then recovered.
    const auto first_recovered = std::find_if(r.records.begin(), r.records.end(), [](const got_record& g) { return g.recovered; });
    CHECK(std::all_of(first_recovered, r.records.end(), [](const got_record& g) { return g.recovered; }));
    for (const got_record& g : r.records) {
        if (!g.recovered) continue;
        const auto it = std::find_if(intact.begin(), intact.end(), [&](const evt_log::placed& p) { return p.number == g.number; });
        REQUIRE(it != intact.end());
        check_matches(g, *it);
    }
}

TEST_CASE("evt: fields real logs write oddly") {
    evt_log log(0x4000);
    evt_event e;
    e.strings = {u"a", u"b"};

    SUBCASE("data offset past the record with no data") {
        e.data_offset_past_record = true;
        log.append(e);
        const result r = read_bytes(log.bytes());
        CHECK(r.errors.empty());
        REQUIRE(r.records.size() == 1);
        CHECK(r.records[0].data_length == 0);
        CHECK(r.records[0].strings == std::vector<std::string>{"a", "b"});
    }
    SUBCASE("SID aligned with pad bytes, found through UserSidOffset") {
        e.user_sid = sid(1, 5, {21, 1, 2, 3, 500});
        e.align_sid = true;
        e.padding = 0xEE;
        e.source = u"ABC";  // 56 + 8 + ... leaves the SID unaligned unless padded
        log.append(e);
        const bytes_t b = log.bytes();
        REQUIRE(get32(b, 0x30 + 44) % 4 == 0);
        const result r = read_bytes(b);
        CHECK(r.errors.empty());
        REQUIRE(r.records.size() == 1);
        CHECK(r.records[0].user == "S-1-5-21-1-2-3-500");
    }
    SUBCASE("identifier authority wider than 32 bits is printed in hex") {
        e.user_sid = sid(1, 0x123456789ABCull, {7});
        log.append(e);
        const result r = read_bytes(log.bytes());
        REQUIRE(r.records.size() == 1);
        CHECK(r.records[0].user == "S-1-0x123456789ABC-7");
    }
    SUBCASE("garbage padding and non-zero reserved fields") {
        e.padding = 0xFF;
        e.reserved_flags = 0x8000;
        e.closing_record_number = 852069;
        e.data = {1, 2, 3};
        log.append(e);
        const result r = read_bytes(log.bytes());
        CHECK(r.errors.empty());
        REQUIRE(r.records.size() == 1);
        CHECK(r.records[0].data_length == 3);
    }
    SUBCASE("unknown EventType values pass through") {
        e.type = 0x20;
        log.append(e);
        const result r = read_bytes(log.bytes());
        REQUIRE(r.records.size() == 1);
        CHECK(static_cast<std::uint16_t>(r.records[0].type) == 0x20);
    }
}

TEST_CASE("evt: malformed record fields are reported and the record still delivered") {
    evt_log log(0x4000);
    evt_event e;
    e.strings = {u"one", u"two"};
    e.user_sid = sid(1, 5, {18});
    log.append(e);
    const std::size_t at = log.live()[0].offset;

    SUBCASE("more strings declared than present") {
        bytes_t b = log.bytes();
        put16(b, at + 26, 9);
        const result r = read_bytes(b);
        REQUIRE(r.records.size() == 1);
        CHECK(r.records[0].strings.size() >= 2);
        CHECK(r.records[0].strings[0] == "one");
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].what == problem::bad_field);
        CHECK(r.errors[0].offset == at);
    }
    SUBCASE("SID offset outside the record") {
        bytes_t b = log.bytes();
        put32(b, at + 44, 0xFFFFFFF0);
        const result r = read_bytes(b);
        REQUIRE(r.records.size() == 1);
        CHECK(r.records[0].user.empty());
        CHECK(r.records[0].strings == std::vector<std::string>{"one", "two"});
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].what == problem::bad_field);
    }
    SUBCASE("SID shorter than its sub-authority count says") {
        bytes_t b = log.bytes();
        b[at + get32(b, at + 44) + 1] = 40;
        const result r = read_bytes(b);
        REQUIRE(r.records.size() == 1);
        CHECK(r.records[0].user.empty());
        CHECK(r.errors.size() == 1);
    }
    SUBCASE("data running past the record") {
        bytes_t b = log.bytes();
        put32(b, at + 48, 0x10000);
        const result r = read_bytes(b);
        REQUIRE(r.records.size() == 1);
        CHECK(r.records[0].data_length == 0);
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].what == problem::bad_field);
    }
    SUBCASE("string offset outside the record") {
        bytes_t b = log.bytes();
        put32(b, at + 36, 0x7FFFFFFF);
        const result r = read_bytes(b);
        REQUIRE(r.records.size() == 1);
        CHECK(r.records[0].string_count == 0);
        CHECK(r.records[0].source == "TestSource");
        CHECK(r.errors.size() == 1);
    }
}

TEST_CASE("evt: UTF-16 edge cases become valid UTF-8") {
    evt_log log(0x4000);
    evt_event e;
    e.strings = {
        std::u16string(u"a") + char16_t(0xD800),                         // lone high surrogate at the end
        std::u16string(u"b") + char16_t(0xDC00) + u"c",                  // lone low surrogate
        std::u16string() + char16_t(0xDC00) + char16_t(0xD800) + u"d",   // pair in the wrong order
        std::u16string() + char16_t(0xD83D) + char16_t(0xDE00),          // U+1F600
        std::u16string() + char16_t(0x00E9) + char16_t(0x4E2D) + char16_t(0xFFFF),
        u"",                                                              // empty
        std::u16string(u"\r\n%%1053"),
    };
    log.append(e);
    const result r = read_bytes(log.bytes());
    CHECK(r.errors.empty());
    REQUIRE(r.records.size() == 1);
    const std::vector<std::string> want = {
        "a\xEF\xBF\xBD", "b\xEF\xBF\xBD" "c", "\xEF\xBF\xBD\xEF\xBF\xBD" "d", "\xF0\x9F\x98\x80",
        "\xC3\xA9\xE4\xB8\xAD\xEF\xBF\xBF", "", "\r\n%%1053"};
    CHECK(r.records[0].strings == want);
    CHECK(r.records[0].string_count == want.size());
}

TEST_CASE("evt: a last string without NUL ends at the record's end") {
    evt_log log(0x4000);
    evt_event e;
    e.strings = {u"first", u"abc"};
    log.append(e);
    bytes_t b = log.bytes();
    const evt_log::placed& p = log.live()[0];
    // Overwrite the NUL of "abc" and the padding with 'z' up to the trailing length.
    const std::size_t nul = p.offset + get32(b, p.offset + 36) + 2 * 6 + 2 * 3;
    for (std::size_t k = nul; k + 1 < p.offset + p.length - 4; k += 2) {
        b[k] = 'z';
        b[k + 1] = 0;
    }
    const result r = read_bytes(b);
    REQUIRE(r.records.size() == 1);
    REQUIRE(r.records[0].strings.size() == 2);
    CHECK(r.records[0].strings[1].rfind("abcz", 0) == 0);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].what == problem::bad_field);
}

TEST_CASE("evt: inputs that are not logs, or barely") {
    SUBCASE("empty") {
        const result r = read_bytes({});
        CHECK(r.records.empty());
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].what == problem::unrecognized_format);
        CHECK_FALSE(r.summary.recognized);
    }
    SUBCASE("text") {
        const std::string text = "Event Type:\tError\r\nEvent Source:\tMSExchangeIMC\r\n" + std::string(200, '.');
        const result r = read_bytes(bytes_t(text.begin(), text.end()));
        CHECK(r.records.empty());
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].what == problem::unrecognized_format);
    }
    SUBCASE("header cut short") {
        bytes_t b = evt_log(0x1000).bytes();
        b.resize(20);
        const result r = read_bytes(b);
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].what == problem::truncated);
        CHECK(r.errors[0].offset == 20);
    }
    SUBCASE("header only") {
        bytes_t b = evt_log(0x1000).bytes();
        b.resize(0x30);
        const result r = read_bytes(b);
        CHECK(r.summary.recognized);
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].what == problem::truncated);
    }
    SUBCASE("an empty log") {
        const result r = read_bytes(evt_log(0x1000).bytes());
        CHECK(r.errors.empty());
        CHECK(r.records.empty());
        CHECK(r.summary.found_eof_record);
    }
}

TEST_CASE("evt: a broken file header still gives up the records") {
    evt_log log(0x4000);
    for (std::uint32_t i = 0; i < 12; ++i) log.append(varied_event(i));
    bytes_t b = log.bytes();
    b[4] = 'X';
    SUBCASE("EOF record intact: the chain is walked") {
        const result r = read_bytes(b);
        CHECK_FALSE(r.summary.recognized);
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].what == problem::unrecognized_format);
        CHECK(r.numbers(false) == numbers_of(log.live()));
    }
    SUBCASE("no EOF record either: records are salvaged as recovered") {
        b[log.eof_offset() + 4] = 0;
        const result r = read_bytes(b);
        CHECK(r.numbers(true) == numbers_of(log.live()));
        CHECK(r.numbers(false).empty());
    }
}

TEST_CASE("evt: a callback returning false stops the pass") {
    evt_log log(0x4000);
    for (std::uint32_t i = 0; i < 12; ++i) log.append(varied_event(i));
    const bytes_t b = log.bytes();
    int seen = 0;
    ruledx::read::evt_reader reader;
    ruledx::read::memory_source src(b.data(), b.size());
    const auto s = reader.read(src, "x", [&](const event_record&) { return ++seen < 3; }, [](const read_error&) {});
    CHECK(seen == 3);
    CHECK(s.stopped);
    CHECK(s.records == 3);
}

TEST_CASE("evt: file_source gives the same reading as memory, in bounded memory") {
    evt_log log = wrapped_log(0x3000, 120);
    log.drop_oldest(20);
    for (std::uint32_t i = 500; i < 504; ++i) log.append(varied_event(i));
    const bytes_t b = log.bytes(true);
    const std::string path = "ruledx_test_evt_file_source.evt";
    REQUIRE(write_file(path, b));
    const result want = read_bytes(b);
    // A window smaller than most records forces the copying paths; both ways of reading the file.
    using access = ruledx::read::file_source::access;
    for (const access how : {access::mapped_if_possible, access::stream})
    for (std::size_t window : {std::size_t{64}, std::size_t{300}, std::size_t{4096}, ruledx::read::file_source::default_window}) {
        CAPTURE(window);
        CAPTURE(how == access::stream);
        ruledx::read::file_source file(path.c_str(), window, how);
        REQUIRE(file.is_open());
#if defined(__unix__) || defined(__APPLE__)
        CHECK(file.mapped() == (how == access::mapped_if_possible));
#else
        CHECK_FALSE(file.mapped());
#endif
        CHECK(file.size() == b.size());
        CHECK(file.max_span() == window);
        const result got = read_source(file);
        CHECK_FALSE(file.failed());
        REQUIRE(got.records.size() == want.records.size());
        for (std::size_t i = 0; i < got.records.size(); ++i) {
            CHECK(got.records[i].number == want.records[i].number);
            CHECK(got.records[i].offset == want.records[i].offset);
            CHECK(got.records[i].strings == want.records[i].strings);
            CHECK(got.records[i].recovered == want.records[i].recovered);
        }
        CHECK(got.errors.size() == want.errors.size());
    }
    std::remove(path.c_str());
    ruledx::read::file_source missing("ruledx_no_such_file.evt");
    CHECK_FALSE(missing.is_open());
    CHECK(missing.bytes(0, 1) == nullptr);
}

TEST_CASE("evt: a log larger than one mapping reads the same mapped and streamed") {
    const std::string path = "ruledx_test_evt_mappings.evt";
    constexpr std::uint64_t count = 40000;  // about 7 MB: the mapping moves on and records cross its end
    REQUIRE(write_plain_evt_file(path.c_str(), count,
                                 [](std::uint64_t i) { return varied_event(static_cast<std::uint32_t>(i)); }));
    using access = ruledx::read::file_source::access;
    ruledx::read::file_source mapped(path.c_str(), ruledx::read::file_source::default_window, access::mapped_if_possible);
    ruledx::read::file_source streamed(path.c_str(), ruledx::read::file_source::default_window, access::stream);
    REQUIRE(mapped.size() > ruledx::read::file_source::mapping_size);
    const result a = read_source(mapped), b = read_source(streamed);
    CHECK(a.errors.empty());
    CHECK(b.errors.empty());
    REQUIRE(a.records.size() == count);
    REQUIRE(b.records.size() == count);
    for (std::size_t i = 0; i < count; i += 997) {
        CHECK(a.records[i].number == i + 1);
        CHECK(a.records[i].offset == b.records[i].offset);
        CHECK(a.records[i].strings == b.records[i].strings);
    }
    std::remove(path.c_str());
}

TEST_CASE("evt: the streaming writer's large plain log reads back") {
    const std::string path = "ruledx_test_evt_stream.evt";
    REQUIRE(write_plain_evt_file(path.c_str(), 3000, [](std::uint64_t i) { return varied_event(static_cast<std::uint32_t>(i)); }));
    ruledx::read::file_source file(path.c_str(), 4096);
    REQUIRE(file.is_open());
    const result r = read_source(file);
    CHECK(r.errors.empty());
    REQUIRE(r.records.size() == 3000);
    CHECK(r.records.front().number == 1);
    CHECK(r.records.back().number == 3000);
    std::remove(path.c_str());
}

TEST_CASE("evt: random damage never crashes, hangs or reads outside the input") {
    const bytes_t base = make_shape("free_space");
    std::mt19937 rng(12345);
    for (int round = 0; round < 300; ++round) {
        bytes_t b = base;
        const int flips = 1 + static_cast<int>(rng() % 40);
        for (int k = 0; k < flips; ++k) b[rng() % b.size()] = static_cast<std::uint8_t>(rng());
        if (round % 5 == 0) b.resize(rng() % b.size());
        result r;
        ruledx::read::memory_source src(b.data(), b.size());
        ruledx::read::evt_reader reader;
        const auto s = reader.read(
            src, "fuzz", [&](const event_record& e) { r.records.push_back(copy_record(e)); },
            [&](const read_error& e) { r.errors.push_back({e.where.offset, e.what, {}, {}}); });
        CHECK(s.records + s.recovered <= b.size() / 0x38 + 1);
        for (const got_record& g : r.records) CHECK(g.offset < std::max<std::size_t>(b.size(), 1));
        for (const got_error& e : r.errors) CHECK(e.offset <= b.size());
    }
}

TEST_CASE("evt: a record of exactly 56 bytes has an empty variable part") {
    bytes_t b = evt_log(0x1000).bytes();
    bytes_t rec(56, 0);
    put32(rec, 0, 56);
    rec[4] = 'L'; rec[5] = 'f'; rec[6] = 'L'; rec[7] = 'e';
    put32(rec, 8, 1);
    put32(rec, 52, 56);  // the trailing length copy overlaps DataOffset
    std::copy(rec.begin(), rec.end(), b.begin() + 0x30);
    const bytes_t eof = encode_eof(0x30, 0x68, 2, 1);
    std::copy(eof.begin(), eof.end(), b.begin() + 0x68);
    write_header(b, 0x30, 0x68, 2, 1, 0x1000, 0);
    const result r = read_bytes(b);
    REQUIRE(r.records.size() == 1);
    CHECK(r.records[0].source.empty());
    CHECK(r.records[0].string_count == 0);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].what == problem::bad_field);
    CHECK(r.errors[0].offset == 0x30);
}

// Found by fuzz_evt: a headerless input whose only record is 56 bytes long and wraps past the end
// of the input; the name scan computed a negative size and read past the record.
TEST_CASE("evt: fuzz regression: 56-byte record wrapping in a headerless input") {
    const bytes_t b = {
        0xc7, 0x00, 0x00, 0xc5, 0x4c, 0x66, 0x7a, 0x4c, 0x65, 0x00, 0x7b, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x04, 0x3d, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x39, 0x2a, 0x39,
        0x39, 0x39, 0x39, 0x39, 0x39, 0x00, 0x00, 0x00, 0x4c, 0x66, 0x4c, 0x65, 0x00, 0x80, 0xd8, 0x3a,
        0x3a, 0xff, 0x38, 0x3b, 0xb3, 0x98, 0x4c, 0x65, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x28, 0x00, 0x00, 0x00, 0x11, 0x11,
        0x11, 0x11, 0x22, 0x22, 0x22, 0x22, 0x33, 0x33, 0x33, 0x33, 0x44, 0x44, 0x44, 0x44, 0x93, 0x93,
        0x93, 0x93, 0x93, 0x93, 0x00, 0x00, 0x00, 0x4c, 0x66, 0x4c, 0x65, 0xc8};
    const result r = read_bytes(b);
    CHECK_FALSE(r.summary.recognized);
    REQUIRE_FALSE(r.errors.empty());
    CHECK(r.errors[0].what == problem::unrecognized_format);
    for (const got_record& g : r.records) CHECK(g.offset < b.size());
}

TEST_CASE("evt: a flood of overlapping fake records in free space is decoded in linear time") {
    // Every 8 bytes a "record" claiming 1 MiB with a wrong trailing copy: each is acceptable as a
    // damaged leftover, but they may not overlap, so only a handful are decoded.
    bytes_t b(std::size_t{4} << 20, 0);
    for (std::size_t at = 0x30; at + 8 <= b.size(); at += 8) {
        put32(b, at, 0x100000);
        b[at + 4] = 'L'; b[at + 5] = 'f'; b[at + 6] = 'L'; b[at + 7] = 'e';
    }
    const result r = read_bytes(b);  // no header: the whole input is salvaged as free space
    CHECK_FALSE(r.summary.recognized);
    CHECK(r.summary.recovered >= 1);
    CHECK(r.summary.recovered <= 4);
}

// The generated shapes the peer check uses: the unit-level view of the same files.
TEST_CASE("evt: every generated peer-check shape reads as its writer says") {
    for (std::string_view name : shape_names()) {
        CAPTURE(name);
        const bytes_t b = make_shape(name);
        REQUIRE_FALSE(b.empty());
        const result r = read_bytes(b);
        const bool damaged = name == "truncated" || name.rfind("damaged", 0) == 0;
        CHECK(r.errors.size() == (damaged ? 1u : 0u));
        CHECK(r.records.size() >= 24);
    }
    CHECK(make_shape("no such shape").empty());
}

TEST_CASE("evt: real sample logs give libevt's record counts" *
          doctest::skip(!test_support::shared_file_present("/samples/plaso_SysEvent.Evt"))) {
    struct sample {
        const char* name;
        std::uint64_t records, recovered;
    };
    // From samples/README.md (libevt 20200926 evtinfo).
    const sample samples[] = {
        {"plaso_SysEvent.Evt", 6063, 438},       {"go-evt_AppEvent.Evt", 121, 0},
        {"evt-parser_Application.evt", 67, 0},   {"evt-parser_Security.evt", 49, 0},
        {"evt-parser_System.evt", 95, 0},        {"dissect_TestLog.evt", 5, 0},
        {"dissect_TestLog-dirty.evt", 5, 0},
    };
    const std::string dir = test_support::shared_dir() + "/samples/";
    for (const sample& s : samples) {
        CAPTURE(s.name);
        ruledx::read::file_source file((dir + s.name).c_str());
        REQUIRE(file.is_open());
        const result r = read_source(file);
        CHECK(r.summary.recognized);
        CHECK(r.summary.found_eof_record);
        CHECK(r.summary.records == s.records);
        CHECK(r.summary.recovered == s.recovered);
        // Live records are numbered consecutively.
        const std::vector<std::uint32_t> live = r.numbers(false);
        REQUIRE_FALSE(live.empty());
        CHECK(live.back() - live.front() + 1 == live.size());
        if (std::string_view(s.name) == "plaso_SysEvent.Evt") {
            CHECK(live.front() == 1392);
            CHECK(live.back() == 7454);
            // One recovered record has an overwritten tail; that is the only error.
            CHECK(r.errors.size() == 1);
            // Record 4255: SCM 7000 with the %%1053 timeout insert, type Error despite its bits.
            const auto it = std::find_if(r.records.begin(), r.records.end(),
                                         [](const got_record& g) { return g.number == 4255 && !g.recovered; });
            REQUIRE(it != r.records.end());
            CHECK(it->source == "Service Control Manager");
            CHECK(it->event_id == 7000);
            CHECK(it->identifier == 0xc0001b58u);
            CHECK(it->type == event_type::error);
            CHECK(it->strings == std::vector<std::string>{"McAfee McShield", "%%1053"});
            CHECK(it->user.empty());
        } else {
            CHECK(r.errors.empty());
        }
        if (std::string_view(s.name) == "evt-parser_Security.evt") {
            std::size_t with_sid = 0;
            for (const got_record& g : r.records) with_sid += g.user.rfind("S-1-", 0) == 0 ? 1 : 0;
            CHECK(with_sid == 47);
            CHECK(r.records[0].user == "S-1-5-18");
        }
    }
}

TEST_CASE("evt: a filter on event ids delivers only the wanted records and counts the others") {
    evt_log log(16 * 1024);
    for (std::uint32_t id : {100u, 4143u, 200u, 4143u, 300u}) {
        evt_event e;
        e.identifier = 0xC0000000u | id;
        e.strings = {u"one", u"two"};
        log.append(e);
    }
    bytes_t bytes = log.bytes();
    // Damage the third record's signature: the reader must still resynchronise past a declined record.
    const std::uint32_t third = log.live()[2].offset;
    bytes[third + 4] = 'X';
    const std::string_view input(reinterpret_cast<const char*>(bytes.data()), bytes.size());

    std::vector<std::uint32_t> delivered;
    std::size_t errors = 0;
    ruledx::read::memory_source source(input);
    ruledx::read::evt_reader reader;
    const auto summary = reader.read(
        source, "filtered.evt",
        [&](const event_record& r) {
            delivered.push_back(r.record_number);
            CHECK(r.strings == std::string_view("one\0two\0", 8));
        },
        [&](const read_error&) { ++errors; }, [](std::uint16_t id) { return id == 4143; });
    CHECK(delivered == std::vector<std::uint32_t>{2, 4});
    CHECK(summary.records == 2);
    CHECK(summary.declined == 2);  // 100 and 300; the damaged 200 is an error, not a record
    CHECK(errors == 1);
}
