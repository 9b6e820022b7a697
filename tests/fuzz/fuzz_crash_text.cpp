// libFuzzer: crash text (Dr. Watson, drwtsn32.log, stacks, popups) as lines, and DrWatson 4097 /
// Application Popup 26 events built from fuzz bytes. Every view a record holds lies in the input or
// in the reader's storage, its image names no directory, and its frames stay within their bounds.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>

#include "ruledx/read/crash_text.hpp"

namespace {

bool inside(std::string_view part, std::string_view whole) {
    return part.empty() || (std::less_equal<const char*>()(whole.data(), part.data()) &&
                            std::less_equal<const char*>()(part.data() + part.size(), whole.data() + whole.size()));
}

void check(const ruledx::read::crash_record& c) {
    using ruledx::read::crash_frames;
    if (c.image.find('\\') != std::string_view::npos || c.image.find('/') != std::string_view::npos) __builtin_trap();
    if (c.frames.size() > crash_frames::capacity || (!c.frames.empty() && c.frames.back() != '\n')) __builtin_trap();
    std::size_t lines = 0;
    for (char ch : c.frames) lines += ch == '\n' ? 1 : 0;
    if (lines > crash_frames::max_count) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace ruledx::read;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::size_t sink = 0;
    auto touch = [&](std::string_view v) {
        for (char c : v) sink += static_cast<unsigned char>(c);
    };
    crash_text_reader reader(crash_text_options{512, {}});
    reader.read(
        text,
        [&](const crash_record& c) {
            check(c);
            // The reader copies what it keeps: views into the input would not survive scan_file.
            if (!c.image.empty() && inside(c.image, text)) __builtin_trap();
            touch(c.image);
            touch(c.frames);
        },
        [&](const read_error& e) {
            if (e.where.line == 0) __builtin_trap();
        });
    (void)ruledx::detail::program_name(text);
    if (ruledx::detail::program_name(text).find_first_of("\\/") != std::string_view::npos) __builtin_trap();

    crash_frames frames;
    event_record e;
    const bool popup = size % 2 == 0;
    e.source = popup ? "Application Popup" : "DrWatson";
    e.event_id = popup ? 26 : 4097;
    e.description = text;
    for (int pass = 0; pass < 2; ++pass) {
        if (const auto c = crash_from_event(e, frames)) {
            check(*c);
            if (!inside(c->image, text) || !inside(c->frames, frames.text())) __builtin_trap();
            touch(c->image);
        }
        e.description = {};
        e.strings = text;
        e.string_count = 3;
    }
    return sink == 0xFFFFFFFF ? 1 : 0;
}
