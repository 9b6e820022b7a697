// ruledx — one entry point for a text input: an Event Viewer export is read as such; any other text
// is scanned line by line for pasted events and for service start errors at the same time. Service
// Control Manager failed-start events found either way also yield a start_error_record.
//
// Both take the input's bytes in any encoding read/encoding.hpp detects (UTF-8 with or without a
// byte order mark, UTF-16LE/BE with or without, Windows-1252) and give the readers UTF-8 with NUL
// padding removed and LF or CR LF line ends. Line numbers and offsets in what they report count in
// that decoded text (for UTF-8 without a mark or NULs, the input's own).
//
// Callbacks: on_event(const event_record&), on_start_error(const start_error_record&),
// on_error(const read_error&). Lifetime of the views in what they receive:
//   - scan(text): when `text` decodes to itself (decodes_unchanged: plain UTF-8), views into it
//     live as long as it; otherwise they point into this scanner's decoded copy. Views into it and
//     into reader storage (joined lines, unescaped quotes) live until this scanner scans again or
//     is destroyed.
//   - scan_file(FILE*): input is read in chunks of bounded size, so every view is valid only until
//     the callback returns. Copy what you keep.
#ifndef RULEDX_READ_TEXT_SCAN_HPP
#define RULEDX_READ_TEXT_SCAN_HPP

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>

#include "ruledx/read/detail/text.hpp"
#include "ruledx/read/encoding.hpp"
#include "ruledx/read/event_viewer_export.hpp"
#include "ruledx/read/pasted_text.hpp"
#include "ruledx/read/record.hpp"
#include "ruledx/read/start_error_text.hpp"

namespace ruledx::read {

struct text_scan_options {
    std::size_t max_line_length = std::size_t{1} << 20;  // longer lines (and quoted fields) are skipped
    bool start_errors_from_scm_events = true;             // 7000/7009/7023/7024 also as start errors
    std::string_view file;                                // the name put in read_error::file
    std::size_t chunk_size = std::size_t{1} << 20;        // scan_file's read size (of undecoded bytes)
};

// True when the text holds something other than ASCII white space (line ends, blanks, form feeds).
[[nodiscard]] inline bool has_visible_text(std::string_view text) noexcept {
    for (char c : text)
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\v' && c != '\f') return true;
    return false;
}

class text_scanner {
public:
    text_scanner() : text_scanner(text_scan_options{}) {}
    explicit text_scanner(text_scan_options options)
        : options_(options),
          pasted_(pasted_text_options{options.max_line_length}),
          exported_(event_viewer_export_options{options.max_line_length, detail::date_order::unknown}) {}

    // What the last scan or scan_file read: the encoding it detected from the first bytes, how
    // many bytes it took, and whether the decoded text held anything but white space (an empty
    // input, or one of blanks and NULs, holds nothing to read).
    [[nodiscard]] text_encoding encoding() const noexcept { return encoding_; }
    [[nodiscard]] std::uint64_t bytes_read() const noexcept { return bytes_read_; }
    [[nodiscard]] bool saw_visible_text() const noexcept { return visible_; }

    // Sees the decoded text of an input that is not an export, in order, each byte once, before
    // the lines it holds are read (ruledx::evidence recognises known messages in it).
    std::function<void(std::string_view decoded)> on_text;

    template <class OnEvent, class OnStartError, class OnError>
    void scan(std::string_view bytes, OnEvent&& on_event, OnStartError&& on_start_error, OnError&& on_error) {
        auto events = event_sink(on_event, on_start_error);
        encoding_ = detect_encoding(bytes);
        bytes_read_ = bytes.size();
        std::string_view text = bytes;
        if (!decodes_unchanged(bytes)) {
            decoded_.clear();
            text_decoder(encoding_).decode(bytes, true, decoded_);
            text = decoded_;
        }
        visible_ = has_visible_text(text);
        if (looks_like_event_viewer_export(text)) {
            exported_.read(text, events, on_error, options_.file);
            return;
        }
        pasted_.begin();
        starts_.begin();
        lines lines_state;
        if (on_text) on_text(text);
        feed_lines(text, 0, true, lines_state, events, on_start_error, on_error);
        pasted_.end(events);
        starts_.end(on_start_error);
    }

    // Reads `f` to its end in chunks, decoding each; false on a read error of the stream itself.
    // Memory: a chunk of input, its decoded text and an unfinished line or record.
    template <class OnEvent, class OnStartError, class OnError>
    bool scan_file(std::FILE* f, OnEvent&& on_event, OnStartError&& on_start_error, OnError&& on_error) {
        auto events = event_sink(on_event, on_start_error);
        const std::size_t chunk = options_.chunk_size ? options_.chunk_size : 4096;
        // Sized once: filling a string as it grows would cost more than decoding it.
        std::string raw(chunk + encoding_prefix_size, '\0');  // one chunk, or the first bytes until the encoding is known
        std::size_t have = 0;                                  // bytes in raw
        std::string decoded(text_decoder::max_output(raw.size()), '\0');
        std::string buf;  // decoded text not yet consumed
        text_decoder decoder;
        std::uint64_t base = 0;  // offset of buf's first byte in the decoded text
        bool encoding_known = false, decided = false, is_export = false, eof = false;
        encoding_ = text_encoding::utf8;
        bytes_read_ = 0;
        visible_ = false;
        lines lines_state;
        pasted_.begin();
        starts_.begin();
        exported_.begin();
        while (!eof) {
            const std::size_t got = std::fread(&raw[have], 1, chunk, f);
            have += got;
            bytes_read_ += got;
            eof = got < chunk;
            if (eof && std::ferror(f)) return false;
            if (!encoding_known) {
                if (have < encoding_prefix_size && !eof) continue;  // raw has room: have < the prefix size
                encoding_ = detect_encoding(std::string_view(raw.data(), have));
                decoder.reset(encoding_);
                encoding_known = true;
            }
            const std::size_t wrote = decoder.decode(raw.data(), have, eof, &decoded[0]);
            have = 0;
            const std::string_view fresh(decoded.data(), wrote);
            if (!visible_) visible_ = has_visible_text(fresh);
            buf.append(fresh);
            if (!decided) {
                is_export = looks_like_event_viewer_export(buf);
                decided = buf.size() >= 4096 || eof;
                if (!decided) continue;
            }
            std::size_t used = 0;
            if (is_export) {
                used = exported_.feed(buf, eof, events, on_error, options_.file);
                if (!eof && buf.size() - used > 2 * options_.max_line_length + chunk) {
                    // A record that never ends: report it and drop it up to its next line break.
                    on_error(read_error{options_.file, location{base + used, 0}, problem::bad_length,
                                        "record longer than the limit; skipped"});
                    const void* nl = std::memchr(buf.data() + used, '\n', buf.size() - used);
                    used = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - buf.data()) + 1 : buf.size();
                    exported_ = event_viewer_export_reader(event_viewer_export_options{options_.max_line_length, detail::date_order::unknown});
                    exported_.begin();
                }
            } else {
                used = feed_lines(buf, base, eof, lines_state, events, on_start_error, on_error);
                if (on_text) on_text(std::string_view(buf.data(), used));
                pasted_.detach();
                starts_.detach();
            }
            base += used;
            buf.erase(0, used);
        }
        if (!is_export) {
            pasted_.end(events);
            starts_.end(on_start_error);
        }
        return true;
    }

private:
    struct lines {
        std::size_t number = 0;     // lines completed so far
        bool in_binary = false;
        bool skipping = false;      // inside an over-long line, dropping bytes until its end
    };

    // Wraps on_event so that SCM failed-start events also reach on_start_error.
    template <class OnEvent, class OnStartError>
    auto event_sink(OnEvent& on_event, OnStartError& on_start_error) {
        return [this, &on_event, &on_start_error](const event_record& e) {
            on_event(e);
            if (options_.start_errors_from_scm_events)
                if (const auto s = start_error_from_event(e)) on_start_error(static_cast<const start_error_record&>(*s));
        };
    }

    // Feeds the complete lines of `text` (all of it when `final`); returns the bytes used.
    template <class Events, class OnStartError, class OnError>
    std::size_t feed_lines(std::string_view text, std::uint64_t base, bool final, lines& st, Events& events,
                           OnStartError& on_start_error, OnError& on_error) {
        std::size_t pos = 0;
        detail::nul_finder nul{text};
        while (pos < text.size()) {
            const void* nl = std::memchr(text.data() + pos, '\n', text.size() - pos);
            const std::size_t end = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - text.data()) : text.size();
            const bool complete = nl != nullptr || final;
            const location where{base + pos, st.number + 1};
            if (st.skipping) {  // the rest of an over-long line from an earlier chunk
                if (!complete) return text.size();
                st.skipping = false;
                ++st.number;
                pos = end + 1;
                continue;
            }
            if (end - pos > options_.max_line_length) {
                on_error(read_error{options_.file, where, problem::bad_length, "line longer than the limit; skipped"});
                pasted_.feed(std::string_view{}, where, events);  // acts as a break between blocks
                if (!complete) {
                    st.skipping = true;
                    return text.size();
                }
                ++st.number;
                pos = end + 1;
                continue;
            }
            if (!complete) return pos;
            std::string_view line = text.substr(pos, end - pos);
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            const bool binary = nul.any(pos, pos + line.size());
            ++st.number;
            pos = end + 1;
            if (binary) {
                if (!st.in_binary)
                    on_error(read_error{options_.file, where, problem::skipped_bytes, "binary data in text; skipped"});
                st.in_binary = true;
                pasted_.feed(std::string_view{}, where, events);
                continue;
            }
            st.in_binary = false;
            const detail::trimmed_line trimmed = detail::trim_line(line);  // once for both readers
            pasted_.feed(trimmed, where, events);
            starts_.feed(trimmed, where, on_start_error);
        }
        return text.size();
    }

    text_scan_options options_;
    text_encoding encoding_ = text_encoding::utf8;
    std::uint64_t bytes_read_ = 0;
    bool visible_ = false;
    std::string decoded_;  // scan's decoded copy of an input that does not decode to itself
    pasted_text_reader pasted_;
    start_error_reader starts_;
    event_viewer_export_reader exported_;
};

// Scans one text buffer with default options (see text_scanner for the lifetime of the views).
template <class OnEvent, class OnStartError, class OnError>
void scan_text(std::string_view text, OnEvent&& on_event, OnStartError&& on_start_error, OnError&& on_error,
               text_scan_options options = {}) {
    text_scanner scanner(options);
    scanner.scan(text, on_event, on_start_error, on_error);
}

}  // namespace ruledx::read

#endif
