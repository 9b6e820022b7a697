// libFuzzer: Event Viewer exports and CSV, read whole and fed in small pieces.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "ruledx/read/event_viewer_export.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace ruledx::read;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::size_t sink = 0;
    auto touch = [&](std::string_view v) {
        for (char c : v) sink += static_cast<unsigned char>(c);
    };
    auto on_event = [&](const event_record& e) {
        touch(e.source);
        touch(e.category);
        touch(e.description);
        touch(e.user);
        touch(e.computer);
    };
    (void)looks_like_event_viewer_export(text);
    event_viewer_export_options o;
    o.max_record_length = 256;
    event_viewer_export_reader reader(o);
    reader.read(text, on_event, [&](const read_error& e) { touch(e.detail); });

    // Chunked: the carried bytes must always shrink or wait for more input, never be skipped wrongly.
    reader.begin();
    std::string buf;
    const std::size_t step = 1 + size % 13;
    for (std::size_t i = 0; i < size; i += step) {
        buf.append(text.substr(i, step));
        const bool final = i + step >= size;
        const std::size_t used = reader.feed(buf, final, on_event, [](const read_error&) {});
        if (used > buf.size()) __builtin_trap();
        buf.erase(0, used);
    }
    return sink == 0xFFFFFFFF ? 1 : 0;
}
