// ruledx — one entry point for a text input: an Event Viewer export is read as such; any other text
// is scanned line by line for pasted events and for service start errors at the same time. Service
// Control Manager failed-start events found either way also yield a start_error_record.
//
// Callbacks: on_event(const event_record&), on_start_error(const start_error_record&),
// on_error(const read_error&). Lifetime of the views in what they receive:
//   - scan(text): views into `text` live as long as it; views into reader storage (joined lines,
//     unescaped quotes) until this scanner scans again or is destroyed.
//   - scan_file(FILE*): input is read in chunks of bounded size, so every view is valid only until
//     the callback returns. Copy what you keep.
#ifndef RULEDX_READ_TEXT_SCAN_HPP
#define RULEDX_READ_TEXT_SCAN_HPP

#include <cstddef>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

#include "ruledx/read/detail/text.hpp"
#include "ruledx/read/event_viewer_export.hpp"
#include "ruledx/read/pasted_text.hpp"
#include "ruledx/read/record.hpp"
#include "ruledx/read/start_error_text.hpp"

namespace ruledx::read {

struct text_scan_options {
    std::size_t max_line_length = std::size_t{1} << 20;  // longer lines (and quoted fields) are skipped
    bool start_errors_from_scm_events = true;             // 7000/7009/7023/7024 also as start errors
    std::string_view file;                                // the name put in read_error::file
    std::size_t chunk_size = std::size_t{1} << 20;        // scan_file's read size
};

class text_scanner {
public:
    text_scanner() : text_scanner(text_scan_options{}) {}
    explicit text_scanner(text_scan_options options)
        : options_(options),
          pasted_(pasted_text_options{options.max_line_length}),
          exported_(event_viewer_export_options{options.max_line_length, detail::date_order::unknown}) {}

    template <class OnEvent, class OnStartError, class OnError>
    void scan(std::string_view text, OnEvent&& on_event, OnStartError&& on_start_error, OnError&& on_error) {
        auto events = event_sink(on_event, on_start_error);
        if (looks_like_event_viewer_export(text)) {
            exported_.read(text, events, on_error, options_.file);
            return;
        }
        pasted_.begin();
        starts_.begin();
        lines lines_state;
        feed_lines(text, 0, true, lines_state, events, on_start_error, on_error);
        pasted_.end(events);
        starts_.end(on_start_error);
    }

    // Reads `f` to its end in chunks; false on a read error of the stream itself.
    template <class OnEvent, class OnStartError, class OnError>
    bool scan_file(std::FILE* f, OnEvent&& on_event, OnStartError&& on_start_error, OnError&& on_error) {
        auto events = event_sink(on_event, on_start_error);
        std::string buf;
        std::size_t keep = 0;  // bytes at the front of buf not yet consumed
        std::uint64_t base = 0;
        bool decided = false, is_export = false, eof = false;
        lines lines_state;
        pasted_.begin();
        starts_.begin();
        exported_.begin();
        const std::size_t chunk = options_.chunk_size ? options_.chunk_size : 4096;
        while (!eof) {
            buf.resize(keep + chunk);
            const std::size_t got = std::fread(&buf[keep], 1, chunk, f);
            buf.resize(keep + got);
            eof = got < chunk;
            if (eof && std::ferror(f)) return false;
            if (!decided) {
                is_export = looks_like_event_viewer_export(buf);
                decided = buf.size() >= 4096 || eof;
                if (!decided) {
                    keep = buf.size();
                    continue;
                }
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
                pasted_.detach();
                starts_.detach();
            }
            base += used;
            buf.erase(0, used);
            keep = buf.size();
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
