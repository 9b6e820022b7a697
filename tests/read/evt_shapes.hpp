// ruledx tests — the generated .evt shapes shared by the unit tests and the libevt peer check.
#ifndef RULEDX_TEST_EVT_SHAPES_HPP
#define RULEDX_TEST_EVT_SHAPES_HPP

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "../support/evt_writer.hpp"

namespace ruledx::test {

// Event `i` of a varied, deterministic stream: every EventType, severity bits that disagree with the
// type, SIDs 4-aligned or not, binary data, garbage padding, CR LF and non-ASCII text, a data offset
// past the record.
[[nodiscard]] inline evt_event varied_event(std::uint32_t i) {
    static const std::uint16_t types[] = {1, 2, 4, 8, 16};
    static const char* const sources[] = {"Service Control Manager", "MSExchangeIMC", "EventLog", "Tcpip"};
    evt_event e;
    e.time_generated = 1300000000 + i * 61;
    e.time_written = e.time_generated + (i % 3);
    e.type = types[i % 5];
    e.identifier = (i % 4 == 0 ? 0xC0000000u : 0u) | (7000 + i % 40);
    e.category = static_cast<std::uint16_t>(i % 7);
    e.source = u16(sources[i % 4]);
    e.computer = u16(i % 9 == 0 ? "HÔTE-中文" : "EXCH01");
    // A SID only with strings: no real log has a SID without strings, and libevt rejects that record.
    if (i % 3 == 0 && i % 5 != 0) {
        e.user_sid = i % 2 == 0 ? sid(1, 5, {18}) : sid(1, 5, {21, 2036804247, 3058324640u, 2116585241, 1107 + i});
        e.align_sid = i % 6 == 3;
    }
    const std::uint32_t nstrings = i % 5;
    for (std::uint32_t k = 0; k < nstrings; ++k) {
        std::string s = "string " + std::to_string(k) + " of record " + std::to_string(i);
        if (k == 1) s += "\r\nsecond line %%1053";
        if (k == 2 && i % 10 == 2) s += " caf\xc3\xa9 \xf0\x9f\x98\x80";
        s.append(i * 7 % 23, 'x');
        e.strings.push_back(u16(s));
    }
    if (i % 8 == 5) e.data = bytes_t(1 + i % 13, static_cast<std::uint8_t>(i));
    e.padding = i % 4 == 1 ? 0xA5 : 0;
    e.data_offset_past_record = e.data.empty() && i % 6 == 1;
    if (i % 11 == 4) {
        e.reserved_flags = 0x44;
        e.closing_record_number = 852069;
    }
    return e;
}

// A log that wraps and has a live record crossing the end of the file.
[[nodiscard]] inline evt_log wrapped_log(std::uint32_t file_size, std::uint32_t at_least) {
    evt_log log(file_size);
    for (std::uint32_t i = 0;; ++i) {
        log.append(varied_event(i));
        if (i + 1 < at_least || !log.wrapped()) continue;
        for (const evt_log::placed& p : log.live()) {
            if (p.offset + p.length > file_size) return log;
        }
    }
}

inline const std::vector<std::string_view>& shape_names() {
    static const std::vector<std::string_view> names = {
        "plain", "wrapped", "dirty", "truncated", "damaged_signature", "damaged_length", "free_space"};
    return names;
}

// The file bytes of a named shape; empty for an unknown name.
[[nodiscard]] inline bytes_t make_shape(std::string_view name) {
    if (name == "plain") {
        evt_log log(0x10000);
        for (std::uint32_t i = 0; i < 40; ++i) log.append(varied_event(i));
        return log.bytes();
    }
    if (name == "wrapped") return wrapped_log(0x2000, 100).bytes();
    if (name == "dirty") {
        evt_log log(0x2000);
        for (std::uint32_t i = 0; i < 60; ++i) log.append(varied_event(i));
        log.snapshot_header();
        for (std::uint32_t i = 60; i < 75; ++i) log.append(varied_event(i));
        return log.bytes(true);
    }
    if (name == "truncated") {
        evt_log log(0x10000);
        for (std::uint32_t i = 0; i < 40; ++i) log.append(varied_event(i));
        bytes_t b = log.bytes();
        const evt_log::placed& cut = log.live()[24];  // record 25, cut in its middle
        b.resize(cut.offset + cut.length / 2);
        return b;
    }
    if (name == "damaged_signature" || name == "damaged_length") {
        evt_log log(0x10000);
        for (std::uint32_t i = 0; i < 40; ++i) log.append(varied_event(i));
        bytes_t b = log.bytes();
        if (name == "damaged_signature") {
            b[log.live()[9].offset + 4] = 'X';  // record 10
        } else {
            put32(b, log.live()[5].offset, 0xFFFF0);  // record 6
        }
        return b;
    }
    if (name == "free_space") {
        evt_log log = wrapped_log(0x3000, 120);
        log.drop_oldest(20);
        for (std::uint32_t i = 500; i < 504; ++i) log.append(varied_event(i));
        return log.bytes();
    }
    return {};
}

}  // namespace ruledx::test

#endif
