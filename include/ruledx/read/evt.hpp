// ruledx — reader for binary NT event logs (.evt, Windows NT 3.1 to Server 2003).
//
// The story of a .evt file (formats.md section 1): a 48-byte header, then a circular buffer of
// records closed by a floating end-of-file (EOF) record. Logs copied from a live system are usually
// "dirty": the header's offsets are stale and only the EOF record tells where the log really begins
// and ends. Records freed to make room stay in the slack between the EOF record and the oldest
// record until overwritten; they are returned too, marked `recovered`, after the live ones.
//
// Damage is reported as `read_error` and skipped: after a bad record the reader looks for the next
// "LfLe" whose length field and trailing length copy agree, and goes on from there.
//
// Usage:
//     ruledx::read::file_source file("AppEvent.Evt");     // or memory_source{bytes}
//     if (!file.is_open()) ...;
//     ruledx::read::evt_reader reader;
//     auto summary = reader.read(file, "AppEvent.Evt",
//         [](const ruledx::read::event_record& r) { ... },   // may return bool: false stops
//         [](const ruledx::read::read_error& e) { ... });
//
// Views in the records point into the caller's buffer or into the reader's scratch storage and are
// valid only during the callback.
#ifndef RULEDX_READ_EVT_HPP
#define RULEDX_READ_EVT_HPP

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "ruledx/model/event_type.hpp"
#include "ruledx/read/detail/input_file.hpp"
#include "ruledx/read/detail/utf16.hpp"
#include "ruledx/read/record.hpp"

namespace ruledx::read {

// Header flag bits (ELF_LOGFILE_HEADER Flags).
inline constexpr std::uint32_t evt_flag_dirty = 0x1;
inline constexpr std::uint32_t evt_flag_wrapped = 0x2;
inline constexpr std::uint32_t evt_flag_log_full = 0x4;
inline constexpr std::uint32_t evt_flag_archive = 0x8;

// A caller's bytes, read in place.
class memory_source {
public:
    constexpr memory_source() noexcept = default;
    constexpr memory_source(const void* data, std::size_t size) noexcept
        : data_(static_cast<const unsigned char*>(data)), size_(size) {}
    explicit memory_source(std::string_view bytes) noexcept : memory_source(bytes.data(), bytes.size()) {}

    [[nodiscard]] constexpr std::uint64_t size() const noexcept { return size_; }
    // The longest span bytes() hands out in one piece.
    [[nodiscard]] constexpr std::size_t max_span() const noexcept { return size_; }
    // `n` bytes at `offset`, or nullptr when they are not all inside the input.
    [[nodiscard]] constexpr const unsigned char* bytes(std::uint64_t offset, std::size_t n) const noexcept {
        if (offset > size_ || n > size_ - offset) return nullptr;
        return data_ + offset;
    }

private:
    const unsigned char* data_ = nullptr;
    std::size_t size_ = 0;
};

// A file read through one window of bounded size, so memory stays bounded however large the log is.
// Where the system can map files (POSIX: mmap) a regular file is mapped a few MiB at a time
// instead of copied: a log in the page cache is then read at the speed of memory. Elsewhere
// (Windows, pipes, or when asked) the window is filled by std::fread, with 64-bit offsets.
// The path is UTF-8, on Windows too (read/detail/input_file.hpp).
// A mapped file that another process makes shorter while it is read ends this one (SIGBUS), as with
// any program that maps its input; `access::stream` reads without mapping.
class file_source {
public:
    // The longest span bytes() hands out in one piece, unless told otherwise.
    static constexpr std::size_t default_window = std::size_t{1} << 20;
    // How much of a file one mapping holds (at least the window): mapping costs a system call and
    // the page table's filling, so fewer, larger mappings cost less; the pages mapped count in the
    // process's resident memory, so not the whole file.
    static constexpr std::size_t mapping_size = std::size_t{4} << 20;

    enum class access : std::uint8_t {
        mapped_if_possible,  // map a regular file where the system can, else read it
        stream,              // always std::fread into the window
    };

    file_source() noexcept = default;
    explicit file_source(const char* path, std::size_t window = default_window, access how = access::mapped_if_possible) {
        file_ = detail::open_input_file(path);
        if (file_ == nullptr) return;
        if (!detail::input_size(file_, size_)) size_ = 0;
        window_size_ = window < 64 ? 64 : window;
#ifdef RULEDX_READ_CAN_MAP_FILES
        mapped_ = how == access::mapped_if_possible && detail::mapped_range::can_map(file_);
#else
        (void)how;
#endif
        // Reserved, not filled, when mapped: the fallback to reading needs no allocation then.
        if (mapped_) window_.reserve(window_size_);
        else window_.resize(window_size_);
    }
    file_source(const file_source&) = delete;
    file_source& operator=(const file_source&) = delete;
    file_source(file_source&& other) noexcept { swap(other); }
    file_source& operator=(file_source&& other) noexcept {
        file_source tmp(std::move(other));
        swap(tmp);
        return *this;
    }
    ~file_source() {
#ifdef RULEDX_READ_CAN_MAP_FILES
        map_.unmap();
#endif
        if (file_ != nullptr) std::fclose(file_);
    }

    [[nodiscard]] bool is_open() const noexcept { return file_ != nullptr; }
    // True once a read came back short although the file claimed to be long enough.
    [[nodiscard]] bool failed() const noexcept { return failed_; }
    [[nodiscard]] std::uint64_t size() const noexcept { return size_; }
    [[nodiscard]] std::size_t max_span() const noexcept { return window_size_; }
    // Whether the file is read by mapping it (false: through std::fread).
    [[nodiscard]] bool mapped() const noexcept { return mapped_; }

    // `n` bytes at `offset`, valid until the next call; nullptr when unavailable.
    [[nodiscard]] const unsigned char* bytes(std::uint64_t offset, std::size_t n) noexcept {
        if (file_ == nullptr || offset > size_ || n > size_ - offset || n > window_size_) return nullptr;
        if (offset >= window_offset_ && offset - window_offset_ + n <= window_length_)
            return window_data_ + (offset - window_offset_);
        return mapped_ ? map_at(offset, n) : read_at(offset, n);
    }

private:
    // The stdio window filled from `offset`.
    const unsigned char* read_at(std::uint64_t offset, std::size_t n) noexcept {
        window_length_ = 0;
        window_data_ = window_.data();
        if (!detail::seek_input(file_, offset)) {
            failed_ = true;
            return nullptr;
        }
        const std::uint64_t left = size_ - offset;
        const std::size_t want = left < window_.size() ? static_cast<std::size_t>(left) : window_.size();
        window_length_ = std::fread(window_.data(), 1, want, file_);
        window_offset_ = offset;
        if (window_length_ < n) {
            failed_ = true;
            return nullptr;
        }
        return window_.data();
    }
    // A mapping of the file from the page that holds `offset`; when the system refuses one, the
    // file is read through the window from then on.
    const unsigned char* map_at(std::uint64_t offset, std::size_t n) noexcept {
#ifdef RULEDX_READ_CAN_MAP_FILES
        const std::uint64_t base = offset - offset % detail::mapped_range::page_size();
        const std::uint64_t want = (offset - base) + (window_size_ > mapping_size ? window_size_ : mapping_size);
        const std::uint64_t length = size_ - base < want ? size_ - base : want;
        window_length_ = 0;
        if (map_.map(file_, base, static_cast<std::size_t>(length))) {
            window_data_ = map_.data();
            window_offset_ = base;
            window_length_ = static_cast<std::size_t>(length);
            return window_data_ + (offset - base);
        }
#endif
        mapped_ = false;
        window_.resize(window_size_);  // within the capacity reserved: no allocation
        return read_at(offset, n);
    }

    void swap(file_source& o) noexcept {
        std::swap(file_, o.file_);
        std::swap(size_, o.size_);
        std::swap(window_size_, o.window_size_);
        window_.swap(o.window_);
#ifdef RULEDX_READ_CAN_MAP_FILES
        map_.swap(o.map_);
#endif
        std::swap(mapped_, o.mapped_);
        std::swap(window_data_, o.window_data_);
        std::swap(window_offset_, o.window_offset_);
        std::swap(window_length_, o.window_length_);
        std::swap(failed_, o.failed_);
    }

    std::FILE* file_ = nullptr;
    std::uint64_t size_ = 0;
    std::size_t window_size_ = 0;
    std::vector<unsigned char> window_;  // the stdio path's window
#ifdef RULEDX_READ_CAN_MAP_FILES
    detail::mapped_range map_;
#endif
    bool mapped_ = false;
    const unsigned char* window_data_ = nullptr;  // the bytes at window_offset_: window_'s or the mapping's
    std::uint64_t window_offset_ = 0;
    std::size_t window_length_ = 0;
    bool failed_ = false;
};

// What one pass over a log found.
struct evt_summary {
    bool recognized = false;        // the input starts with a .evt file header
    bool found_eof_record = false;  // the floating end-of-file record was found
    std::uint32_t header_flags = 0; // evt_flag_* bits as the header states them
    std::uint64_t records = 0;      // live records delivered
    std::uint64_t recovered = 0;    // records recovered from free space
    std::uint64_t errors = 0;       // read_error values delivered
    std::uint64_t declined = 0;            // records the caller's filter declined (live and recovered)
    std::uint64_t declined_recovered = 0;  // of which, recovered from free space
    bool stopped = false;           // a callback returned false
};

namespace detail {

inline constexpr std::uint32_t evt_signature = 0x654c664c;  // "LfLe"
inline constexpr std::uint64_t evt_header_size = 0x30;
inline constexpr std::uint32_t evt_fixed_size = 0x38;
inline constexpr std::uint32_t evt_eof_size = 0x28;
// No real record comes near this; it bounds the scratch memory a bogus length could demand.
inline constexpr std::uint32_t evt_max_record_length = std::uint32_t{16} << 20;
inline constexpr char evt_signature_text[4] = {'L', 'f', 'L', 'e'};
inline constexpr char evt_eof_needle[20] = {0x28, 0,    0,    0,    0x11, 0x11, 0x11, 0x11, 0x22, 0x22,
                                            0x22, 0x22, 0x33, 0x33, 0x33, 0x33, 0x44, 0x44, 0x44, 0x44};
inline constexpr std::uint64_t npos = ~std::uint64_t{0};
// The most bytes a search for a signature asks the source for at once.
inline constexpr std::size_t evt_search_chunk = std::size_t{1} << 20;

[[nodiscard]] constexpr std::uint32_t le32(const unsigned char* p) noexcept {
    return static_cast<std::uint32_t>(p[0]) | (static_cast<std::uint32_t>(p[1]) << 8) |
           (static_cast<std::uint32_t>(p[2]) << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
}
[[nodiscard]] constexpr std::uint16_t le16(const unsigned char* p) noexcept {
    return static_cast<std::uint16_t>(p[0] | (p[1] << 8));
}

// Callbacks may return void, or bool where false means "stop".
template <class F, class Arg>
[[nodiscard]] bool invoke_continue(F& f, const Arg& arg) {
    if constexpr (std::is_same_v<std::invoke_result_t<F&, const Arg&>, bool>) {
        return f(arg);
    } else {
        f(arg);
        return true;
    }
}

inline void append_decimal(std::string& out, std::uint64_t v) {
    char buf[24];
    std::size_t n = 0;
    do {
        buf[n++] = static_cast<char>('0' + v % 10);
        v /= 10;
    } while (v != 0);
    while (n != 0) out.push_back(buf[--n]);
}

// "S-1-5-18" from a binary SID; false when the bytes are not a SID.
[[nodiscard]] inline bool append_sid(std::string& out, const unsigned char* p, std::size_t length) {
    if (length < 8) return false;
    const std::size_t count = p[1];
    if (8 + 4 * count > length) return false;
    std::uint64_t authority = 0;
    for (int i = 2; i < 8; ++i) authority = (authority << 8) | p[i];
    out += "S-";
    append_decimal(out, p[0]);
    out.push_back('-');
    if (authority >> 32 != 0) {
        // Windows writes authorities that do not fit 32 bits in hex.
        static constexpr char hex[] = "0123456789ABCDEF";
        out += "0x";
        for (int shift = 44; shift >= 0; shift -= 4) out.push_back(hex[(authority >> shift) & 0xF]);
    } else {
        append_decimal(out, authority);
    }
    for (std::size_t i = 0; i < count; ++i) {
        out.push_back('-');
        append_decimal(out, le32(p + 8 + 4 * i));
    }
    return true;
}

struct evt_scratch {
    std::vector<unsigned char> record;  // a record that wraps or exceeds the source's window
    std::string source, computer, user, strings;
};

struct evt_check {
    bool ok = false;
    bool copy_differs = false;  // accepted without a matching trailing length copy (free space only)
    std::uint32_t length = 0;
    const unsigned char* data = nullptr;  // the record read in place, when it could be (else emit copies it); valid until the source is read again
    problem what = problem::truncated;
    std::string_view detail;
};

struct evt_eof {
    std::uint64_t offset = 0;
    std::uint32_t begin = 0, end = 0, current = 0, oldest = 0;
};

// One pass over one input. The region [0x30, size) is the circular buffer; positions in it wrap
// from the end of the input back to 0x30.
template <class Source, class OnRecord, class OnError, class Wants>
class evt_pass {
public:
    evt_pass(Source& src, std::string_view name, OnRecord& on_record, OnError& on_error, Wants& wants,
             evt_scratch& scratch, evt_summary& summary) noexcept
        : src_(src), size_(src.size()), name_(name), on_record_(on_record), on_error_(on_error), wants_(wants),
          scratch_(scratch), sum_(summary) {}

    void run() {
        const unsigned char* h = size_ >= evt_header_size ? src_.bytes(0, evt_header_size) : nullptr;
        const bool header_signature = h != nullptr && le32(h + 4) == evt_signature;
        if (h == nullptr) {
            const unsigned char* s = size_ >= 8 ? src_.bytes(4, 4) : nullptr;
            if (s != nullptr && le32(s) == evt_signature) {
                report(size_, problem::truncated, "input ends inside the 48-byte file header");
            } else {
                report(0, problem::unrecognized_format, "not an .evt log: no LfLe file header");
            }
            return;
        }
        if (!header_signature) {
            report(0, problem::unrecognized_format, "not an .evt log: no LfLe file header");
        } else {
            sum_.recognized = true;
            sum_.header_flags = le32(h + 36);
            if (le32(h) != evt_header_size || le32(h + 44) != evt_header_size) {
                report(0, problem::bad_field, "file header size fields are not 0x30");
            }
        }
        const std::uint32_t header_begin = le32(h + 16);
        const std::uint32_t header_end = le32(h + 20);
        const std::uint32_t flags = le32(h + 36);
        if (size_ < evt_header_size + evt_eof_size) {
            if (header_signature) report(size_, problem::truncated, "input ends before any record");
            return;
        }
        region_ = size_ - evt_header_size;

        // The floating EOF record holds the truth; the header is only trusted when clean and it
        // points at a matching EOF record.
        evt_eof eof;
        bool have_eof = false;
        if (header_signature && (flags & evt_flag_dirty) == 0 && in_region(header_end) &&
            eof_at(header_end, eof) && eof.end == header_end) {
            have_eof = true;
        } else {
            have_eof = find_eof(eof);
        }
        sum_.found_eof_record = have_eof;
        if (stopped_) return;

        std::uint64_t begin = 0;
        if (have_eof && in_region(eof.begin)) {
            begin = eof.begin;
        } else {
            if (have_eof) report(eof.offset, problem::bad_field, "end-of-file record's begin offset is outside the log");
            if (header_signature && in_region(header_begin)) {
                begin = header_begin;
            } else if (!header_signature) {
                // Nothing says where the log starts: salvage whatever whole records remain.
                recover(evt_header_size, region_, region_);
                return;
            } else {
                report(16, problem::bad_field, "file header's start offset is outside the log");
                begin = evt_header_size;
            }
        }

        if (have_eof) {
            const std::uint64_t live = distance(begin, eof.offset);
            walk(begin, live, true, false);
            if (!stopped_ && live + evt_eof_size <= region_) {
                // In file-offset order, as libevt does: the part of the free space that wrapped to
                // 0x30 first, then the part up to the end of the file.
                const std::uint64_t start = advance(eof.offset, evt_eof_size);
                const std::uint64_t length = region_ - live - evt_eof_size;
                const std::uint64_t before_end = size_ - start < length ? size_ - start : length;
                if (before_end < length) recover(evt_header_size, length - before_end, length - before_end);
                recover(start, length, before_end);
            }
        } else {
            const bool wraps = (flags & evt_flag_wrapped) != 0;
            walk(begin, wraps ? region_ : size_ - begin, false, true);
        }
    }

private:
    [[nodiscard]] bool in_region(std::uint64_t pos) const noexcept {
        return pos >= evt_header_size && pos < size_;
    }
    // `pos` moved on by `n` (n <= region) around the circular buffer.
    [[nodiscard]] std::uint64_t advance(std::uint64_t pos, std::uint64_t n) const noexcept {
        const std::uint64_t r = pos + n;
        return r >= size_ ? r - region_ : r;
    }
    [[nodiscard]] std::uint64_t distance(std::uint64_t from, std::uint64_t to) const noexcept {
        return to >= from ? to - from : region_ - (from - to);
    }

    void report(std::uint64_t offset, problem what, std::string_view detail) {
        if (stopped_) return;
        ++sum_.errors;
        read_error e;
        e.file = name_;
        e.where.offset = offset;
        e.what = what;
        e.detail = detail;
        if (!invoke_continue(on_error_, e)) stop();
    }
    void stop() noexcept {
        stopped_ = true;
        sum_.stopped = true;
    }

    // Copies `n` bytes starting at region position `pos`, wrapping at the end of the input.
    [[nodiscard]] bool copy(std::uint64_t pos, std::uint64_t n, unsigned char* dst) {
        const std::uint64_t span = src_.max_span();
        if (span == 0 && n != 0) return false;
        while (n != 0) {
            std::uint64_t piece = size_ - pos;
            if (piece > n) piece = n;
            if (piece > span) piece = span;
            const unsigned char* p = src_.bytes(pos, static_cast<std::size_t>(piece));
            if (p == nullptr) return false;
            std::memcpy(dst, p, static_cast<std::size_t>(piece));
            dst += piece;
            n -= piece;
            pos = advance(pos, piece);
        }
        return true;
    }
    // The N bytes at region position `pos`: read in place when they do not wrap (nearly always:
    // every record's head and trailing length pass here), else copied.
    template <std::size_t N>
    [[nodiscard]] bool fixed_at(std::uint64_t pos, unsigned char (&b)[N]) {
        if (pos + N <= size_) {
            const unsigned char* p = src_.bytes(pos, N);
            if (p == nullptr) return false;
            std::memcpy(b, p, N);
            return true;
        }
        return copy(pos, N, b);
    }
    [[nodiscard]] bool u32_at(std::uint64_t pos, std::uint32_t& v) {
        unsigned char b[4];
        if (!fixed_at(pos, b)) return false;
        v = le32(b);
        return true;
    }

    // First offset in [from, to) where `needle` starts and fits before `to`; npos if none.
    [[nodiscard]] std::uint64_t find_linear(std::uint64_t from, std::uint64_t to, std::string_view needle) {
        const std::size_t k = needle.size();
        const std::uint64_t chunk = src_.max_span() < evt_search_chunk ? src_.max_span() : evt_search_chunk;
        if (chunk < k) return npos;
        std::uint64_t pos = from;
        while (pos + k <= to) {
            const std::uint64_t n = to - pos < chunk ? to - pos : chunk;
            const unsigned char* p = src_.bytes(pos, static_cast<std::size_t>(n));
            if (p == nullptr) return npos;
            const std::size_t i = std::string_view(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n)).find(needle);
            if (i != std::string_view::npos) return pos + i;
            if (pos + n >= to) break;
            pos += n - (k - 1);  // overlap so a needle across chunks is seen; n >= k, so this advances
        }
        return npos;
    }

    // Distance from region position `start` to the first `needle` lying wholly in the next `length`
    // bytes of the circular buffer (it may straddle the wrap point); npos if none.
    [[nodiscard]] std::uint64_t find_circular(std::uint64_t start, std::uint64_t length, std::string_view needle) {
        const std::uint64_t k = needle.size();
        if (length < k) return npos;
        const std::uint64_t first = size_ - start < length ? size_ - start : length;
        const std::uint64_t hit = find_linear(start, start + first, needle);
        if (hit != npos) return hit - start;
        if (first == length) return npos;
        // Needles crossing the wrap point: start in the last k-1 bytes, end after 0x30.
        unsigned char tmp[64];
        const std::uint64_t tail = first < k - 1 ? first : k - 1;
        const std::uint64_t jstart = size_ - tail;
        const std::uint64_t jdist = first - tail;
        std::uint64_t jlen = tail + (k - 1);
        if (jlen > length - jdist) jlen = length - jdist;
        if (jlen <= sizeof tmp && copy(jstart, jlen, tmp)) {
            const std::size_t i = std::string_view(reinterpret_cast<const char*>(tmp), static_cast<std::size_t>(jlen)).find(needle);
            if (i != std::string_view::npos && i < tail) return jdist + i;
        }
        const std::uint64_t rest = length - first;
        const std::uint64_t second = find_linear(evt_header_size, evt_header_size + rest, needle);
        return second == npos ? npos : first + (second - evt_header_size);
    }

    [[nodiscard]] bool eof_at(std::uint64_t pos, evt_eof& out) {
        unsigned char b[evt_eof_size];
        if (!fixed_at(pos, b)) return false;
        if (std::memcmp(b, evt_eof_needle, sizeof evt_eof_needle) != 0 || le32(b + 36) != evt_eof_size) return false;
        out.offset = pos;
        out.begin = le32(b + 20);
        out.end = le32(b + 24);
        out.current = le32(b + 28);
        out.oldest = le32(b + 32);
        return true;
    }

    // The EOF record that describes itself (EndRecord = its own offset) with the newest record
    // number wins: any other copy is a stale leftover.
    [[nodiscard]] bool find_eof(evt_eof& best) {
        bool found = false, best_self = false;
        const std::string_view needle(evt_eof_needle, sizeof evt_eof_needle);
        std::uint64_t from = 0;
        while (from < region_) {
            const std::uint64_t d = find_circular(advance(evt_header_size, from), region_ - from, needle);
            if (d == npos) break;
            const std::uint64_t pos = advance(evt_header_size, from + d);
            evt_eof e;
            if (eof_at(pos, e)) {
                const bool self = e.end == pos;
                if (!found || (self && !best_self) || (self == best_self && e.current > best.current)) {
                    best = e;
                    best_self = self;
                    found = true;
                }
            }
            from += d + 1;
        }
        return found;
    }

    // Whether a whole record starts at `pos` within the next `avail` bytes.
    // `lenient` accepts a trailing copy that differs: a freed record whose tail was overwritten still
    // has a readable head, and libevt returns such records too.
    [[nodiscard]] evt_check check(std::uint64_t pos, std::uint64_t avail, bool input_end, bool lenient = false) {
        evt_check c;
        c.what = problem::bad_length;
        unsigned char b[8];
        if (avail < 8 || !fixed_at(pos, b)) {
            c.what = input_end ? problem::truncated : problem::skipped_bytes;
            c.detail = input_end ? "input ends inside a record" : "bytes too few for a record before the end-of-file record";
            return c;
        }
        const std::uint32_t length = le32(b);
        if (le32(b + 4) != evt_signature) {
            c.what = problem::bad_signature;
            c.detail = "record signature is not LfLe";
        } else if (length < evt_fixed_size) {
            c.detail = "record length is below the 56-byte fixed part";
        } else if (length > evt_max_record_length || length > region_) {
            c.detail = "record length is larger than any real record";
        } else if (length > avail) {
            if (input_end) {
                c.what = problem::truncated;
                c.detail = "input ends inside a record";
            } else {
                c.detail = "record runs past the end-of-file record";
            }
        } else {
            // A record that does not wrap and fits the source's span is read in place, once.
            const unsigned char* whole = pos + length <= size_ && length <= src_.max_span() ? src_.bytes(pos, length) : nullptr;
            std::uint32_t copy_of_length = 0;
            if (whole != nullptr) copy_of_length = le32(whole + length - 4);
            c.length = length;
            c.data = whole;
            if ((whole == nullptr && !u32_at(advance(pos, length - 4), copy_of_length)) || copy_of_length != length) {
                c.detail = "record's trailing length copy differs from its length";
                c.ok = lenient;
                c.copy_differs = true;
            } else {
                c.ok = true;
            }
        }
        return c;
    }

    // Reads the live records: `span` bytes from `begin`, stopping early at damage that cannot be
    // skipped. `input_end` says the span ends where the input ends (no EOF record was found).
    void walk(std::uint64_t begin, std::uint64_t span, bool eof_known, bool input_end) {
        std::uint64_t pos = begin, done = 0;
        while (done < span && !stopped_) {
            const std::uint64_t avail = span - done;
            const evt_check c = check(pos, avail, input_end);
            if (c.ok) {
                emit(pos, c, false);
                pos = advance(pos, c.length);
                done += c.length;
                continue;
            }
            evt_eof e;
            if (!eof_known && eof_at(pos, e)) return;  // a stale EOF record ends an unknown chain
            report(pos, c.what, c.detail);
            // Resynchronise: the next "LfLe" preceded by a length whose trailing copy agrees.
            bool found = false;
            std::uint64_t from = 1;  // candidate record starts at pos + from
            while (!stopped_ && from + 8 <= avail) {
                const std::uint64_t d = find_circular(advance(pos, from + 4), avail - from - 4,
                                                      std::string_view(evt_signature_text, 4));
                if (d == npos) break;
                from += d;
                const evt_check again = check(advance(pos, from), avail - from, input_end);
                if (again.ok) {
                    found = true;
                    break;
                }
                ++from;
            }
            if (!found) return;
            pos = advance(pos, from);
            done += from;
        }
        if (input_end && done >= span && !stopped_) {
            report(size_, problem::truncated, "input ends without an end-of-file record");
        }
    }

    // Whole records left in `length` bytes of free space from `start`; free space is garbage by
    // nature, so what is not a record there is skipped silently.
    // Only records starting in the first `starts_within` bytes are taken.
    void recover(std::uint64_t start, std::uint64_t length, std::uint64_t starts_within) {
        std::uint64_t from = 0;  // candidate record starts at start + from
        // Damaged-tail records may not overlap one another: otherwise a crafted run of signatures
        // would make each byte of free space be decoded again and again.
        std::uint64_t lenient_from = 0;
        while (!stopped_ && from + evt_fixed_size <= length) {
            const std::uint64_t d = find_circular(advance(start, from + 4), length - from - 4,
                                                  std::string_view(evt_signature_text, 4));
            if (d == npos) return;
            from += d;
            if (from >= starts_within) return;
            const evt_check c = check(advance(start, from), length - from, false, from >= lenient_from);
            if (c.ok) {
                if (c.copy_differs) lenient_from = from + c.length;
                if (c.copy_differs) {
                    report(advance(start, from), problem::bad_length,
                           "recovered record's trailing length copy differs: its tail may be overwritten");
                }
                emit(advance(start, from), c, true);
                // A record with a damaged tail may overlap a newer leftover: look inside it too.
                from += c.copy_differs ? 8 : c.length;
            } else {
                ++from;
            }
        }
    }

    // The record check() accepted at `pos`: read in place when check() could, else copied (it wraps,
    // exceeds the source's span, or its read in place failed and is tried once more by copy()).
    void emit(std::uint64_t pos, const evt_check& c, bool recovered) {
        const unsigned char* p = c.data;
        if (p == nullptr) {
            scratch_.record.resize(c.length);
            if (copy(pos, c.length, scratch_.record.data())) p = scratch_.record.data();
        }
        if (p == nullptr) {
            report(pos, problem::truncated, "record could not be read from the input");
            return;
        }
        decode(p, c.length, pos, recovered);
    }

    void decode(const unsigned char* p, std::uint32_t length, std::uint64_t pos, bool recovered) {
        event_record r;
        r.where.offset = pos;
        r.recovered = recovered;
        r.has_record_number = true;
        r.record_number = le32(p + 8);
        r.time_generated = le32(p + 12);
        r.time_written = le32(p + 16);
        r.has_identifier = true;
        r.identifier = le32(p + 20);
        r.event_id = static_cast<std::uint16_t>(r.identifier & 0xFFFF);
        r.type = static_cast<event_type>(le16(p + 24));  // EventType, not the EventID severity bits
        // Decoding names and strings from UTF-16 is most of a record's cost: a caller that wants
        // only some event ids has the rest skipped here, their structure already checked.
        if (!wants_(r.event_id)) {
            ++sum_.declined;
            if (recovered) ++sum_.declined_recovered;
            return;
        }
        const std::uint16_t declared_strings = le16(p + 26);
        r.has_category_number = true;
        r.category_number = le16(p + 28);
        const std::uint64_t string_offset = le32(p + 36);
        const std::uint64_t sid_length = le32(p + 40);
        const std::uint64_t sid_offset = le32(p + 44);
        const std::uint64_t data_length = le32(p + 48);
        const std::uint64_t data_offset = le32(p + 52);
        // Before the trailing length copy; a 56-byte record's copy overlaps DataOffset, and then
        // the variable part is empty rather than of negative size.
        const std::uint64_t body_end = length - 4 < evt_fixed_size ? evt_fixed_size : length - 4;

        scratch_.source.clear();
        scratch_.computer.clear();
        scratch_.user.clear();
        scratch_.strings.clear();
        std::string_view field_problem;

        // Source and computer names come first; they must end before the SID and the strings.
        std::uint64_t names_end = body_end;
        if (string_offset >= evt_fixed_size && string_offset < names_end) names_end = string_offset;
        if (sid_length != 0 && sid_offset >= evt_fixed_size && sid_offset < names_end) names_end = sid_offset;
        std::uint64_t at = evt_fixed_size;
        for (std::string* name : {&scratch_.source, &scratch_.computer}) {
            const std::size_t max_units = static_cast<std::size_t>((names_end - at) / 2);
            const std::size_t units = utf16_length(p + at, max_units);
            append_utf16le_as_utf8(*name, p + at, units);
            if (units == max_units) {
                field_problem = "source or computer name is not NUL-terminated inside the record";
                at = names_end;
            } else {
                at += 2 * (units + 1);
            }
        }

        // Seek to UserSidOffset: the SID is 4-aligned on Server 2003 but not on XP.
        if (sid_length != 0) {
            if (sid_offset < evt_fixed_size || sid_offset > body_end || sid_length > body_end - sid_offset ||
                !append_sid(scratch_.user, p + sid_offset, static_cast<std::size_t>(sid_length))) {
                scratch_.user.clear();
                field_problem = "user SID is outside the record or malformed";
            }
        }

        // Strings end where the data begins, when the data offset means anything.
        std::uint64_t strings_end = body_end;
        if (data_length != 0 && data_offset >= string_offset && data_offset < strings_end) strings_end = data_offset;
        std::uint16_t count = 0;
        if (declared_strings != 0) {
            if (string_offset < evt_fixed_size || string_offset > strings_end) {
                field_problem = "string offset is outside the record";
            } else {
                at = string_offset;
                while (count < declared_strings) {
                    if (at >= strings_end) {
                        field_problem = "record holds fewer strings than it declares";
                        break;
                    }
                    const std::size_t max_units = static_cast<std::size_t>((strings_end - at) / 2);
                    const std::size_t units = utf16_length(p + at, max_units);
                    append_utf16le_as_utf8(scratch_.strings, p + at, units);
                    scratch_.strings.push_back('\0');
                    ++count;
                    if (units == max_units) {
                        if (count < declared_strings) field_problem = "record holds fewer strings than it declares";
                        else field_problem = "last string is not NUL-terminated inside the record";
                        break;
                    }
                    at += 2 * (units + 1);
                }
            }
        }
        r.string_count = count;

        // A data offset past the record is normal when there is no data (Server 2003 Security).
        if (data_length != 0) {
            if (data_offset < evt_fixed_size || data_offset > body_end || data_length > body_end - data_offset) {
                field_problem = "binary data runs outside the record";
            } else {
                r.data_length = static_cast<std::uint32_t>(data_length);
            }
        }

        r.source = scratch_.source;
        r.computer = scratch_.computer;
        r.user = scratch_.user;
        r.strings = scratch_.strings;
        if (!field_problem.empty()) report(pos, problem::bad_field, field_problem);
        if (stopped_) return;
        if (recovered) ++sum_.recovered;
        else ++sum_.records;
        if (!invoke_continue(on_record_, r)) stop();
    }

    Source& src_;
    std::uint64_t size_;
    std::uint64_t region_ = 0;
    std::string_view name_;
    OnRecord& on_record_;
    OnError& on_error_;
    Wants& wants_;
    evt_scratch& scratch_;
    evt_summary& sum_;
    bool stopped_ = false;
};

}  // namespace detail

// Reads .evt logs; owns the scratch storage record views point into, so reusing one reader for many
// logs avoids allocating per record or per file.
class evt_reader {
public:
    // Calls on_record(const event_record&) for each live record in log order, then for each record
    // recovered from free space; on_error(const read_error&) for each problem. Either may return
    // bool; false stops the pass. Not [[nodiscard]]: the callbacks are the main result.
    template <class Source, class OnRecord, class OnError>
    evt_summary read(Source& source, std::string_view file_name, OnRecord&& on_record, OnError&& on_error) {
        return read(source, file_name, on_record, on_error, [](std::uint16_t) { return true; });
    }

    // The same, delivering only the records whose 16-bit event id wants(id) accepts; the others
    // are checked for structure (and resynchronised after), counted in evt_summary::declined, and
    // not decoded, so no error about their fields is reported.
    template <class Source, class OnRecord, class OnError, class Wants>
    evt_summary read(Source& source, std::string_view file_name, OnRecord&& on_record, OnError&& on_error,
                     Wants&& wants) {
        evt_summary summary;
        detail::evt_pass<Source, std::remove_reference_t<OnRecord>, std::remove_reference_t<OnError>,
                         std::remove_reference_t<Wants>>
            pass(source, file_name, on_record, on_error, wants, scratch_, summary);
        pass.run();
        return summary;
    }

private:
    detail::evt_scratch scratch_;
};

// One-shot convenience over a caller's buffer.
template <class OnRecord, class OnError>
evt_summary read_evt(std::string_view bytes, std::string_view file_name, OnRecord&& on_record, OnError&& on_error) {
    memory_source source(bytes);
    evt_reader reader;
    return reader.read(source, file_name, std::forward<OnRecord>(on_record), std::forward<OnError>(on_error));
}

}  // namespace ruledx::read

#endif
