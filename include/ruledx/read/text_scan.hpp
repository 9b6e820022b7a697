// ruledx — one entry point for a text input: an Event Viewer export is read as such; any other text
// is scanned line by line for pasted events and for service start errors at the same time. Service
// Control Manager failed-start events found either way also yield a start_error_record. With
// on_crash set, application crashes are read too (crash_text.hpp): from pasted text, and from the
// DrWatson 4097 and Application Popup 26 events read either way.
//
// Both take the input's bytes in any encoding read/encoding.hpp detects (UTF-8 with or without a
// byte order mark, UTF-16LE/BE with or without, Windows-1252) and give the readers UTF-8 with NUL
// padding removed and LF or CR LF line ends. Line numbers and offsets in what they report count in
// that decoded text (for UTF-8 without a mark or NULs, the input's own).
//
// Callbacks: on_event(const event_record&), on_start_error(const start_error_record&),
// on_error(const read_error&), and the member on_crash(const crash_record&). Lifetime of the views in what they receive:
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

#include "ruledx/model/view.hpp"
#include "ruledx/read/detail/text.hpp"
#include "ruledx/read/crash_text.hpp"
#include "ruledx/read/encoding.hpp"
#include "ruledx/read/event_viewer_export.hpp"
#include "ruledx/read/line_source.hpp"
#include "ruledx/read/pasted_text.hpp"
#include "ruledx/read/record.hpp"
#include "ruledx/read/start_error_text.hpp"

namespace ruledx::read {

// scan_file's read size (of undecoded bytes), unless told otherwise.
inline constexpr std::size_t default_chunk_size = std::size_t{1} << 20;

struct text_scan_options {
    std::size_t max_line_length = default_max_line_length;  // longer lines (and quoted fields) are skipped
    bool start_errors_from_scm_events = true;                // 7000/7009/7023/7024 also as start errors
    std::string_view file;                                   // the name put in read_error::file
    std::size_t chunk_size = default_chunk_size;             // scan_file's read size (0: the default)
    view<service_name> services;  // display names of the services start errors name (start_error_text.hpp)
    view<std::string_view> sources;  // full source names a table column cut with "..." may stand for (pasted_text.hpp)
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
          lines_(options.max_line_length, options.file),
          pasted_(pasted_text_options{options.max_line_length, options.file, options.sources}),
          starts_(start_error_options{options.max_line_length, options.file, options.services}),
          crashes_(crash_text_options{options.max_line_length, options.file}),
          exported_(export_options()) {}

    // What the last scan or scan_file read: the encoding it detected from the first bytes, how
    // many bytes it took, and whether the decoded text held anything but white space (an empty
    // input, or one of blanks and NULs, holds nothing to read).
    [[nodiscard]] text_encoding encoding() const noexcept { return encoding_; }
    [[nodiscard]] std::uint64_t bytes_read() const noexcept { return bytes_read_; }
    [[nodiscard]] bool saw_visible_text() const noexcept { return visible_; }

    // Sees the decoded text of an input that is not an export, in order, each byte once, after
    // the lines it holds are read, with the number of line ends in it (ruledx::evidence
    // recognises known messages in it). Called once per piece read: its cost does not matter.
    std::function<void(std::string_view decoded, std::uint64_t newlines)> on_text;

    // Receives each application crash (crash_text.hpp) of pasted text and of DrWatson 4097 and
    // Application Popup 26 events; a crash read from a pasted event's lines is given once. Unset,
    // crashes are not looked for.
    std::function<void(const crash_record&)> on_crash;

    template <class OnEvent, class OnStartError, class OnError>
    void scan(std::string_view bytes, OnEvent&& on_event, OnStartError&& on_start_error, OnError&& on_error) {
        auto events = event_sink(on_event, on_start_error);
        encoding_ = detect_encoding(bytes);
        bytes_read_ = bytes.size();
        text_decoder decoder(encoding_);
        std::string_view text = bytes;
        const std::size_t unchanged = decoder.take_unchanged(bytes.data(), bytes.size());
        if (unchanged < bytes.size()) {
            decoded_.assign(bytes.data(), unchanged);
            decoder.decode(bytes.substr(unchanged), true, decoded_);
            text = decoded_;
        }
        visible_ = has_visible_text(text);
        event_crashes_.begin();
        crash_storage_.clear();
        if (looks_like_event_viewer_export(text)) {
            exported_.read(text, events, on_error);
            return;
        }
        begin_text();
        (void)read_lines(text, true, events, on_start_error, on_error);
        end_text(events, on_start_error);
    }

    // Reads `f` to its end in chunks, decoding each; false on a read error of the stream itself.
    // Memory: a chunk of input, its decoded text and an unfinished line or record. Text that
    // decodes to itself (plain UTF-8) is read where fread put it.
    template <class OnEvent, class OnStartError, class OnError>
    bool scan_file(std::FILE* f, OnEvent&& on_event, OnStartError&& on_start_error, OnError&& on_error) {
        auto events = event_sink(on_event, on_start_error);
        const std::size_t chunk = options_.chunk_size ? options_.chunk_size : default_chunk_size;
        std::string buf;  // the decoded text not yet used, then the bytes just read
        std::string raw;  // of the bytes read, those that decoding changes
        std::size_t kept = 0;    // decoded bytes at buf's start
        std::size_t unread = 0;  // undecoded bytes after them (the first bytes, until the encoding is known)
        text_decoder decoder;
        bool encoding_known = false, decided = false, is_export = false, eof = false;
        encoding_ = text_encoding::utf8;
        bytes_read_ = 0;
        visible_ = false;
        std::uint64_t exported = 0;  // decoded bytes the export reader has used
        exported_.begin();
        begin_text();
        while (!eof) {
            // Sized once (and again only for a long record): filling a string as it grows would
            // cost more than decoding it.
            const std::size_t room = kept + text_decoder::max_output(unread + chunk);
            if (buf.size() < room) buf.resize(room);
            const std::size_t got = std::fread(&buf[kept + unread], 1, chunk, f);
            unread += got;
            bytes_read_ += got;
            eof = got < chunk;
            if (eof && std::ferror(f)) return false;
            if (!encoding_known) {
                if (unread < encoding_prefix_size && !eof) continue;  // the encoding is told from these bytes
                encoding_ = detect_encoding(std::string_view(&buf[kept], unread));
                decoder.reset(encoding_);
                encoding_known = true;
            }
            char* const fresh = &buf[kept];
            std::size_t wrote = decoder.take_unchanged(fresh, unread);
            if (wrote < unread || eof) {  // the rest changes: decoded from a copy into its place
                raw.assign(fresh + wrote, unread - wrote);
                wrote += decoder.decode(raw.data(), raw.size(), eof, fresh + wrote);
            }
            unread = 0;
            if (!visible_) visible_ = has_visible_text(std::string_view(fresh, wrote));
            const std::string_view text(buf.data(), kept + wrote);
            if (!decided) {
                is_export = looks_like_event_viewer_export(text);
                decided = text.size() >= export_prefix_size || eof;
                if (!decided) {
                    kept = text.size();
                    continue;
                }
            }
            std::size_t used = 0;
            if (is_export) {
                used = exported_.feed(text, eof, events, on_error);
                if (!eof && text.size() - used > 2 * options_.max_line_length + chunk) {
                    // A record that never ends: report it and drop it up to its next line break.
                    on_error(read_error{options_.file, location{exported + used, 0}, problem::bad_length,
                                        "record longer than the limit; skipped"});
                    const void* nl = std::memchr(text.data() + used, '\n', text.size() - used);
                    used = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - text.data()) + 1 : text.size();
                    exported_ = event_viewer_export_reader(export_options());
                    exported_.begin();
                }
                exported += used;
            } else {
                used = read_lines(text, eof, events, on_start_error, on_error);
                pasted_.detach();  // the views they keep point into buf, which moves on
                starts_.detach();
                crashes_.detach();
                crash_storage_.clear();
            }
            kept = text.size() - used;
            if (kept > 0 && used > 0) std::memmove(&buf[0], &buf[used], kept);
        }
        if (!is_export) end_text(events, on_start_error);
        return true;
    }

private:
    event_viewer_export_options export_options() const noexcept {
        return event_viewer_export_options{options_.max_line_length, detail::date_order::unknown, options_.file};
    }

    // Wraps on_event so that SCM failed-start events also reach on_start_error (the id first: it
    // rules out nearly every event).
    template <class OnEvent, class OnStartError>
    auto event_sink(OnEvent& on_event, OnStartError& on_start_error) {
        return [this, &on_event, &on_start_error](const event_record& e) {
            on_event(e);
            if (options_.start_errors_from_scm_events && is_failed_start_event(e.event_id))
                if (const auto s = start_error_from_event(e, options_.services))
                    on_start_error(static_cast<const start_error_record&>(*s));
            if (on_crash)
                event_crashes_.feed(e, [this](crash_record c) {
                    c.frames = crash_storage_.store(c.frames);
                    on_crash(static_cast<const crash_record&>(c));
                });
        };
    }

    // The crash reader's sink: tells the events' crash reader (a pasted event's crash is given
    // once), then gives the crash to on_crash.
    auto line_crash_sink() {
        return [this](const crash_record& c) {
            event_crashes_.from_lines(c);
            on_crash(c);
        };
    }

    void begin_text() {
        lines_.begin();
        pasted_.begin();
        starts_.begin();
        crashes_.begin();
        event_crashes_.begin();
        crash_storage_.clear();
    }
    template <class Events, class OnStartError>
    void end_text(Events& events, OnStartError& on_start_error) {
        if (on_crash) {  // before the last pasted event, whose crash is then known to be given
            auto crashes = line_crash_sink();
            crashes_.end(crashes);
        }
        pasted_.end(events);
        starts_.end(on_start_error);
    }

    // Gives the complete lines of `text` (all of it when `final`) to the line readers, each line
    // trimmed once for all; returns the bytes used. The crash reader reads a line first, so that a
    // pasted event's crash is known before the event.
    template <class Events, class OnStartError, class OnError>
    std::size_t read_lines(std::string_view text, bool final, Events& events, OnStartError& on_start_error,
                           OnError& on_error) {
        const std::uint64_t newlines = lines_.newlines();
        const bool crashes_wanted = static_cast<bool>(on_crash);
        auto crashes = line_crash_sink();
        const std::size_t used = lines_.feed(
            text, final,
            [&](std::string_view line, location where) {
                const detail::trimmed_line trimmed = detail::trim_line(line);
                if (crashes_wanted) crashes_.feed(trimmed, where, crashes);
                pasted_.feed(trimmed, where, events);
                starts_.feed(trimmed, where, on_start_error);
            },
            [&](location) { pasted_.skip_line(events); }, on_error);
        if (on_text) on_text(text.substr(0, used), lines_.newlines() - newlines);
        return used;
    }

    text_scan_options options_;
    text_encoding encoding_ = text_encoding::utf8;
    std::uint64_t bytes_read_ = 0;
    bool visible_ = false;
    std::string decoded_;  // scan's decoded copy of an input that does not decode to itself
    line_source lines_;
    pasted_text_reader pasted_;
    start_error_reader starts_;
    crash_text_reader crashes_;
    event_crash_reader event_crashes_;  // the crashes of the events read, either way
    detail::scratch crash_storage_;     // their frames, copied to live as long as the other views
    event_viewer_export_reader exported_;
};

// Scans one text buffer (see text_scanner for the lifetime of the views).
template <class OnEvent, class OnStartError, class OnError>
void scan_text(std::string_view text, OnEvent&& on_event, OnStartError&& on_start_error, OnError&& on_error,
               text_scan_options options = {}) {
    text_scanner scanner(options);
    scanner.scan(text, on_event, on_start_error, on_error);
}

}  // namespace ruledx::read

#endif
