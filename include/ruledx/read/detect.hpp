// ruledx — which reader an input needs, and the encoding of a text input, decided from its first
// bytes, never from its file name.
#ifndef RULEDX_READ_DETECT_HPP
#define RULEDX_READ_DETECT_HPP

#include <cstddef>
#include <string_view>

#include "ruledx/read/encoding.hpp"
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

// How many leading bytes detect_format looks at: those the encoding is told from.
inline constexpr std::size_t detect_prefix_size = encoding_prefix_size;

// What an input is, and for text its encoding (text_encoding::none otherwise).
struct input_kind {
    input_format format = input_format::binary;
    text_encoding encoding = text_encoding::none;
};

[[nodiscard]] inline input_kind detect_input(std::string_view prefix) noexcept {
    // ELF_LOGFILE_HEADER: HeaderSize 0x30, then the "LfLe" signature.
    if (prefix.size() >= 8 && prefix.substr(0, 4) == std::string_view("\x30\0\0\0", 4) && prefix.substr(4, 4) == "LfLe")
        return {input_format::evt, text_encoding::none};
    prefix = prefix.substr(0, detect_prefix_size);
    // The rest is judged on the decoded text: UTF-16 is full of NULs, Windows-1252 of bytes UTF-8
    // rejects. Not final: a prefix may end inside a character, and NULs at its end are padding.
    const text_encoding encoding = detect_encoding(prefix);
    char decoded[text_decoder::max_output(detect_prefix_size)];
    text_decoder decoder(encoding);
    const std::string_view head(decoded, decoder.decode(prefix.data(), prefix.size(), false, decoded));
    // Text has no NUL inside a line (padding is gone) and few control characters, replacement
    // characters (U+FFFD: surrogates or bytes no table defines) or C1 controls; binary has them.
    std::size_t control = 0, characters = 0;
    for (std::size_t i = 0; i < head.size(); ++i) {
        const auto c = static_cast<unsigned char>(head[i]);
        if (c == 0) return {input_format::binary, text_encoding::none};
        if ((c & 0xC0) != 0x80) ++characters;  // not a continuation byte
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
        if (c == 0xC2 && i + 1 < head.size() && static_cast<unsigned char>(head[i + 1]) < 0xA0) ++control;
        if (c == 0xEF && head.substr(i, 3) == "\xEF\xBF\xBD") ++control;
    }
    if (control * 20 > characters) return {input_format::binary, text_encoding::none};
    return {looks_like_event_viewer_export(head) ? input_format::event_viewer_export : input_format::text, encoding};
}

[[nodiscard]] inline input_format detect_format(std::string_view prefix) noexcept { return detect_input(prefix).format; }

}  // namespace ruledx::read

#endif
