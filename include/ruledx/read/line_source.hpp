// ruledx — the lines of a text, for every reader that reads text line by line (text_scan.hpp,
// pasted_text_reader, start_error_reader): one splitter, one length limit, one test for binary data,
// and the same errors whoever reads.
//
// The text is the decoded input (UTF-8, read/encoding.hpp), given whole or in pieces of any size.
// A line ends at LF; a CR before it is not part of the line. A line longer than the limit is
// reported ("line longer than the limit; skipped") and skipped, also when it runs over many pieces,
// so memory never holds more than one line. A line holding a NUL byte is binary data: the first of
// a run of such lines is reported ("binary data in text; skipped") and each is skipped. Locations
// count in the decoded text: the byte offset of a line's first byte and its 1-based number.
#ifndef RULEDX_READ_LINE_SOURCE_HPP
#define RULEDX_READ_LINE_SOURCE_HPP

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "ruledx/read/record.hpp"

namespace ruledx::read {

// The longest line (or delimited record) the text readers read, unless told otherwise.
inline constexpr std::size_t default_max_line_length = std::size_t{1} << 20;

class line_source {
public:
    explicit line_source(std::size_t max_line_length = default_max_line_length, std::string_view file = {}) noexcept
        : max_(max_line_length), file_(file) {}

    // Starts a new input.
    void begin() noexcept {
        offset_ = 0;
        lines_ = 0;
        newlines_ = 0;
        skipping_ = false;
        in_binary_ = false;
    }

    // Reads the complete lines of `text`, the input's next bytes, and all of it when `final` (the
    // input ends there): on_line(std::string_view line, location where) for each line to read,
    // on_skipped(location where) for each line skipped (after on_error(const read_error&) said why).
    // Returns the bytes used; the rest, an unfinished line, is to be given again with what follows.
    template <class OnLine, class OnSkipped, class OnError>
    std::size_t feed(std::string_view text, bool final, OnLine&& on_line, OnSkipped&& on_skipped, OnError&& on_error) {
        const char* const data = text.data();
        const std::size_t size = text.size();
        std::size_t pos = 0;
        std::size_t nul = next_nul(text, 0);  // found once per piece, not once per line
        while (pos < size) {
            const void* found = std::memchr(data + pos, '\n', size - pos);
            const bool nl = found != nullptr;
            const std::size_t end = nl ? static_cast<std::size_t>(static_cast<const char*>(found) - data) : size;
            if (!nl && !final && !skipping_ && end - pos <= max_) break;  // the line goes on in the next piece
            const location where{offset_ + pos, lines_ + 1};
            const std::size_t next = nl ? end + 1 : size;
            if (skipping_ || end - pos > max_) {
                if (!skipping_) {
                    on_error(read_error{file_, where, problem::bad_length, "line longer than the limit; skipped"});
                    on_skipped(where);
                }
                skipping_ = !nl && !final;  // its end is still to come
                if (!skipping_) end_line(nl);
                if (nul < next) nul = next_nul(text, next);
                pos = next;
                continue;
            }
            std::size_t length = end - pos;
            if (length > 0 && data[end - 1] == '\r') --length;
            end_line(nl);
            if (nul < pos + length) {
                nul = next_nul(text, next);
                if (!in_binary_) on_error(read_error{file_, where, problem::skipped_bytes, "binary data in text; skipped"});
                in_binary_ = true;
                on_skipped(where);
                pos = next;
                continue;
            }
            in_binary_ = false;
            on_line(std::string_view(data + pos, length), where);
            pos = next;
        }
        offset_ += pos;
        return pos;
    }

    // Line ends read so far (the lines of the input read, but a last line without its line end).
    [[nodiscard]] std::uint64_t newlines() const noexcept { return newlines_; }

private:
    [[nodiscard]] static std::size_t next_nul(std::string_view text, std::size_t from) noexcept {
        if (from >= text.size()) return text.size();
        const void* z = std::memchr(text.data() + from, '\0', text.size() - from);
        return z ? static_cast<std::size_t>(static_cast<const char*>(z) - text.data()) : text.size();
    }
    void end_line(bool with_newline) noexcept {
        ++lines_;
        newlines_ += with_newline ? 1 : 0;
    }

    std::size_t max_;
    std::string_view file_;
    std::uint64_t offset_ = 0;    // of the next byte fed, in the decoded input
    std::size_t lines_ = 0;       // lines ended so far
    std::uint64_t newlines_ = 0;
    bool skipping_ = false;       // inside an over-long line whose end is in a later piece
    bool in_binary_ = false;      // the last line held a NUL
};

}  // namespace ruledx::read

#endif
