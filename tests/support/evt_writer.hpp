// ruledx tests — writes .evt logs of any size and shape, so no test depends on a file nobody can
// regenerate. Test and benchmark code only.
//
// evt_log simulates the NT event log service's circular buffer: appending a record that does not
// fit frees the oldest records; their bytes stay in the slack until overwritten, which gives wrapped
// logs, records crossing the end of the file and free-space leftovers the way real logs have them.
// snapshot_header() freezes the header, so bytes(true) yields a dirty log with a stale header and
// only the floating EOF record telling the truth.
#ifndef RULEDX_TEST_EVT_WRITER_HPP
#define RULEDX_TEST_EVT_WRITER_HPP

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "files.hpp"

namespace ruledx::test {

using bytes_t = std::vector<std::uint8_t>;

inline constexpr std::uint32_t evt_header_bytes = 0x30;
inline constexpr std::uint32_t evt_eof_bytes = 0x28;

// ASCII or UTF-8 text as UTF-16 code units (surrogate pairs for characters past U+FFFF). Invalid UTF-8
// is not expected here: tests that want bad UTF-16 build the u16string by hand.
[[nodiscard]] inline std::u16string u16(std::string_view utf8) {
    std::u16string out;
    for (std::size_t i = 0; i < utf8.size();) {
        const auto b = static_cast<unsigned char>(utf8[i]);
        std::uint32_t c = b;
        std::size_t n = 1;
        if (b >= 0xF0) { c = b & 0x07; n = 4; }
        else if (b >= 0xE0) { c = b & 0x0F; n = 3; }
        else if (b >= 0xC0) { c = b & 0x1F; n = 2; }
        for (std::size_t k = 1; k < n && i + k < utf8.size(); ++k) c = (c << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
        i += n;
        if (c >= 0x10000) {
            c -= 0x10000;
            out.push_back(static_cast<char16_t>(0xD800 + (c >> 10)));
            out.push_back(static_cast<char16_t>(0xDC00 + (c & 0x3FF)));
        } else {
            out.push_back(static_cast<char16_t>(c));
        }
    }
    return out;
}

// A binary SID, e.g. sid(1, 5, {18}) for S-1-5-18.
[[nodiscard]] inline bytes_t sid(std::uint8_t revision, std::uint64_t authority, std::initializer_list<std::uint32_t> subs) {
    bytes_t b{revision, static_cast<std::uint8_t>(subs.size())};
    for (int shift = 40; shift >= 0; shift -= 8) b.push_back(static_cast<std::uint8_t>(authority >> shift));
    for (std::uint32_t s : subs) {
        for (int k = 0; k < 4; ++k) b.push_back(static_cast<std::uint8_t>(s >> (8 * k)));
    }
    return b;
}

inline void put32(bytes_t& b, std::size_t at, std::uint32_t v) {
    for (std::size_t k = 0; k < 4; ++k) b[at + k] = static_cast<std::uint8_t>(v >> (8 * k));
}
inline void put16(bytes_t& b, std::size_t at, std::uint16_t v) {
    b[at] = static_cast<std::uint8_t>(v);
    b[at + 1] = static_cast<std::uint8_t>(v >> 8);
}
[[nodiscard]] inline std::uint32_t get32(const bytes_t& b, std::size_t at) {
    return static_cast<std::uint32_t>(b[at]) | (static_cast<std::uint32_t>(b[at + 1]) << 8) |
           (static_cast<std::uint32_t>(b[at + 2]) << 16) | (static_cast<std::uint32_t>(b[at + 3]) << 24);
}

// One event to write. Defaults make a plain Information record.
struct evt_event {
    std::uint32_t time_generated = 1000000000;
    std::uint32_t time_written = 1000000000;
    std::uint32_t identifier = 1;
    std::uint16_t type = 4;
    std::uint16_t category = 0;
    std::u16string source = u"TestSource";
    std::u16string computer = u"TESTHOST";
    bytes_t user_sid;            // binary SID; empty = none
    bool align_sid = false;      // Server 2003 style: pad so the SID starts 4-aligned
    std::vector<std::u16string> strings;
    bytes_t data;
    std::uint8_t padding = 0;    // value of the alignment padding bytes (real logs have garbage there)
    bool data_offset_past_record = false;  // with no data, point DataOffset past the record (2003)
    std::uint16_t reserved_flags = 0;
    std::uint32_t closing_record_number = 0;
};

// The bytes of one record numbered `number`.
[[nodiscard]] inline bytes_t encode_record(const evt_event& e, std::uint32_t number) {
    bytes_t b(0x38, 0);
    const auto add_text = [&b](const std::u16string& s) {
        for (char16_t c : s) {
            b.push_back(static_cast<std::uint8_t>(c));
            b.push_back(static_cast<std::uint8_t>(c >> 8));
        }
        b.push_back(0);
        b.push_back(0);
    };
    add_text(e.source);
    add_text(e.computer);
    if (!e.user_sid.empty() && e.align_sid) {
        while (b.size() % 4 != 0) b.push_back(e.padding);
    }
    const std::size_t sid_offset = b.size();
    b.insert(b.end(), e.user_sid.begin(), e.user_sid.end());
    const std::size_t string_offset = b.size();
    for (const std::u16string& s : e.strings) add_text(s);
    const std::size_t data_offset = b.size();
    b.insert(b.end(), e.data.begin(), e.data.end());
    while ((b.size() + 4) % 4 != 0) b.push_back(e.padding);
    const std::uint32_t length = static_cast<std::uint32_t>(b.size() + 4);
    b.resize(length);
    put32(b, 0, length);
    b[4] = 'L'; b[5] = 'f'; b[6] = 'L'; b[7] = 'e';
    put32(b, 8, number);
    put32(b, 12, e.time_generated);
    put32(b, 16, e.time_written);
    put32(b, 20, e.identifier);
    put16(b, 24, e.type);
    put16(b, 26, static_cast<std::uint16_t>(e.strings.size()));
    put16(b, 28, e.category);
    put16(b, 30, e.reserved_flags);
    put32(b, 32, e.closing_record_number);
    put32(b, 36, static_cast<std::uint32_t>(string_offset));
    put32(b, 40, static_cast<std::uint32_t>(e.user_sid.size()));
    put32(b, 44, static_cast<std::uint32_t>(e.user_sid.empty() ? string_offset : sid_offset));
    put32(b, 48, static_cast<std::uint32_t>(e.data.size()));
    put32(b, 52, static_cast<std::uint32_t>(e.data.empty() && e.data_offset_past_record ? length + 0x40 : data_offset));
    put32(b, length - 4, length);
    return b;
}

// Writes the 48-byte header into `b`.
inline void write_header(bytes_t& b, std::uint32_t begin, std::uint32_t end, std::uint32_t next, std::uint32_t oldest,
                         std::uint32_t max_size, std::uint32_t flags) {
    put32(b, 0, evt_header_bytes);
    b[4] = 'L'; b[5] = 'f'; b[6] = 'L'; b[7] = 'e';
    put32(b, 8, 1);
    put32(b, 12, 1);
    put32(b, 16, begin);
    put32(b, 20, end);
    put32(b, 24, next);
    put32(b, 28, oldest);
    put32(b, 32, max_size);
    put32(b, 36, flags);
    put32(b, 40, 0);
    put32(b, 44, evt_header_bytes);
}

[[nodiscard]] inline bytes_t encode_eof(std::uint32_t begin, std::uint32_t end, std::uint32_t next, std::uint32_t oldest) {
    bytes_t b(evt_eof_bytes, 0);
    put32(b, 0, evt_eof_bytes);
    for (std::size_t k = 0; k < 4; ++k) {
        for (std::size_t j = 0; j < 4; ++j) b[4 + 4 * k + j] = static_cast<std::uint8_t>(0x11 * (k + 1));
    }
    put32(b, 20, begin);
    put32(b, 24, end);
    put32(b, 28, next);
    put32(b, 32, oldest);
    put32(b, 36, evt_eof_bytes);
    return b;
}

// A log being written, held in memory.
class evt_log {
public:
    struct placed {
        std::uint32_t number = 0;
        std::uint32_t offset = 0;
        std::uint32_t length = 0;
        std::uint64_t written_at = 0;  // total bytes written before this record
        evt_event event;
    };

    // `file_size` is the size of the whole file, header included; `fill` is what unused bytes hold.
    explicit evt_log(std::uint32_t file_size, std::uint8_t fill = 0) : buf_(file_size, fill) {
        if (file_size < evt_header_bytes + evt_eof_bytes + 0x38) std::abort();  // test misuse
    }

    // Appends a record, freeing the oldest records when it does not fit. Returns its number.
    std::uint32_t append(const evt_event& e) {
        const bytes_t rec = encode_record(e, next_);
        const std::uint32_t region = static_cast<std::uint32_t>(buf_.size()) - evt_header_bytes;
        if (rec.size() + evt_eof_bytes > region) std::abort();  // test misuse: the record cannot fit
        while (used_ + rec.size() + evt_eof_bytes > region) {
            used_ -= live_.front().length;
            begin_ = advance(begin_, live_.front().length);
            oldest_ = live_.front().number + 1;
            dropped_.push_back(live_.front());
            live_.erase(live_.begin());
        }
        placed p;
        p.number = next_++;
        p.offset = end_;
        p.length = static_cast<std::uint32_t>(rec.size());
        p.written_at = written_;
        p.event = e;
        write(end_, rec);
        if (end_ + rec.size() > buf_.size()) crossed_ = true;
        end_ = advance(end_, p.length);
        used_ += p.length;
        written_ += p.length;
        if (live_.empty()) oldest_ = p.number;
        live_.push_back(std::move(p));
        return next_ - 1;
    }

    // Frees the `n` oldest records at once (as clearing old events does), leaving their bytes as
    // free space for a reader to recover until later records overwrite them.
    void drop_oldest(std::size_t n) {
        while (n-- != 0 && !live_.empty()) {
            used_ -= live_.front().length;
            begin_ = advance(begin_, live_.front().length);
            oldest_ = live_.front().number + 1;
            dropped_.push_back(live_.front());
            live_.erase(live_.begin());
        }
    }

    // Freezes the header as it is now; bytes(true) then writes these stale values.
    void snapshot_header() {
        snap_ = true;
        snap_begin_ = begin_;
        snap_end_ = end_;
        snap_next_ = next_;
        snap_oldest_ = live_.empty() ? 0 : oldest_;
        snap_wrapped_ = !dropped_.empty();
    }

    // The file: header, records, and the EOF record at the end of the newest record. `dirty` sets the
    // DIRTY flag and, if snapshot_header() was called, writes the stale header.
    [[nodiscard]] bytes_t bytes(bool dirty = false) const {
        bytes_t b = buf_;
        const std::uint32_t oldest = live_.empty() ? 0 : oldest_;
        const bytes_t eof = encode_eof(begin_, end_, next_, oldest);
        write_into(b, end_, eof);
        const std::uint32_t size = static_cast<std::uint32_t>(b.size());
        if (dirty && snap_) {
            write_header(b, snap_begin_, snap_end_, snap_next_, snap_oldest_, size,
                         0x1 | (snap_wrapped_ ? 0x2u : 0u));
        } else {
            write_header(b, begin_, end_, next_, oldest, size, (dirty ? 0x1u : 0u) | (wrapped() ? 0x2u : 0u));
        }
        return b;
    }

    [[nodiscard]] const std::vector<placed>& live() const noexcept { return live_; }  // oldest first
    [[nodiscard]] const std::vector<placed>& dropped() const noexcept { return dropped_; }
    [[nodiscard]] bool wrapped() const noexcept { return !dropped_.empty(); }
    // Some record was written across the end of the file and continued at 0x30.
    [[nodiscard]] bool crossed_end() const noexcept { return crossed_; }
    [[nodiscard]] std::uint32_t eof_offset() const noexcept { return end_; }
    [[nodiscard]] std::uint32_t begin_offset() const noexcept { return begin_; }

    // Freed records whose bytes no later write (nor the final EOF record) touched: exactly the ones a
    // reader can recover. Writes are sequential around the ring, so a record is intact while the
    // bytes written after it, plus its own length, still fit in the ring.
    [[nodiscard]] std::vector<placed> intact_dropped() const {
        std::vector<placed> out;
        const std::uint64_t region = buf_.size() - evt_header_bytes;
        for (const placed& p : dropped_) {
            const std::uint64_t after = written_ - (p.written_at + p.length) + evt_eof_bytes;
            if (after + p.length <= region) out.push_back(p);
        }
        return out;
    }

private:
    [[nodiscard]] std::uint32_t advance(std::uint32_t pos, std::uint32_t n) const noexcept {
        const std::uint64_t r = std::uint64_t{pos} + n;
        return static_cast<std::uint32_t>(r >= buf_.size() ? r - (buf_.size() - evt_header_bytes) : r);
    }
    void write_into(bytes_t& b, std::uint32_t pos, const bytes_t& what) const {
        for (std::uint8_t byte : what) {
            b[pos] = byte;
            pos = advance(pos, 1);
        }
    }
    void write(std::uint32_t pos, const bytes_t& what) { write_into(buf_, pos, what); }

    bytes_t buf_;
    std::uint32_t begin_ = evt_header_bytes, end_ = evt_header_bytes, next_ = 1, oldest_ = 1;
    std::uint64_t used_ = 0, written_ = 0;
    bool crossed_ = false;
    std::vector<placed> live_, dropped_;
    bool snap_ = false, snap_wrapped_ = false;
    std::uint32_t snap_begin_ = 0, snap_end_ = 0, snap_next_ = 0, snap_oldest_ = 0;
};

// Streams a clean, unwrapped log of `count` records to `path` without holding it in memory (for
// multi-GB benchmark inputs). `make(i)` gives event i (0-based). Returns false on I/O failure.
inline bool write_plain_evt_file(const char* path, std::uint64_t count, const std::function<evt_event(std::uint64_t)>& make) {
    std::FILE* f = std::fopen(path, "wb");
    if (f == nullptr) return false;
    bytes_t header(evt_header_bytes, 0);
    bool ok = std::fwrite(header.data(), 1, header.size(), f) == header.size();
    std::uint64_t offset = evt_header_bytes;
    for (std::uint64_t i = 0; ok && i < count; ++i) {
        const bytes_t rec = encode_record(make(i), static_cast<std::uint32_t>(i + 1));
        ok = std::fwrite(rec.data(), 1, rec.size(), f) == rec.size();
        offset += rec.size();
    }
    const std::uint32_t end = static_cast<std::uint32_t>(offset);  // offsets are 32-bit in the format
    const std::uint32_t next = static_cast<std::uint32_t>(count + 1);
    const bytes_t eof = encode_eof(evt_header_bytes, end, next, count == 0 ? 0 : 1);
    ok = ok && std::fwrite(eof.data(), 1, eof.size(), f) == eof.size();
    write_header(header, evt_header_bytes, end, next, count == 0 ? 0 : 1,
                 static_cast<std::uint32_t>(offset + evt_eof_bytes), 0);
    ok = ok && std::fseek(f, 0, SEEK_SET) == 0 && std::fwrite(header.data(), 1, header.size(), f) == header.size();
    return std::fclose(f) == 0 && ok;
}

// Writes a log's bytes to a file; false on failure.
inline bool write_file(const std::string& path, const bytes_t& b) {
    return write_file(path, std::string_view(reinterpret_cast<const char*>(b.data()), b.size()));
}

}  // namespace ruledx::test

#endif
