// ruledx — which reader an input needs, decided from its first bytes, never from its file name.
#ifndef RULEDX_READ_DETECT_HPP
#define RULEDX_READ_DETECT_HPP

#include <cstddef>
#include <string_view>

#include "ruledx/read/event_viewer_export.hpp"

namespace ruledx::read {

enum class input_format {
    evt,                  // a binary NT event log
    event_viewer_export,  // a tab- or comma-delimited Event Viewer / tool export
    text,                 // anything else that is text: pasted events, dialogs, net start transcripts
    binary,               // bytes no reader understands
};

[[nodiscard]] constexpr std::string_view to_string(input_format f) noexcept {
    switch (f) {
        case input_format::evt: return "evt";
        case input_format::event_viewer_export: return "event_viewer_export";
        case input_format::text: return "text";
        case input_format::binary: return "binary";
    }
    return "";
}

// How many leading bytes detect_format looks at.
inline constexpr std::size_t detect_prefix_size = 4096;

[[nodiscard]] inline input_format detect_format(std::string_view prefix) noexcept {
    // ELF_LOGFILE_HEADER: HeaderSize 0x30, then the "LfLe" signature.
    if (prefix.size() >= 8 && prefix.substr(0, 4) == std::string_view("\x30\0\0\0", 4) && prefix.substr(4, 4) == "LfLe")
        return input_format::evt;
    const std::string_view head = prefix.substr(0, detect_prefix_size);
    // Text has no NUL bytes and few control characters; binary has both.
    std::size_t control = 0;
    for (char ch : head) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == 0) return input_format::binary;
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
    }
    if (control * 20 > head.size()) return input_format::binary;
    return looks_like_event_viewer_export(head) ? input_format::event_viewer_export : input_format::text;
}

}  // namespace ruledx::read

#endif
