// libFuzzer: pasted event text, through the reader and through text_scanner (whole and chunked).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string_view>

#include "ruledx/read/pasted_text.hpp"
#include "ruledx/read/text_scan.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace ruledx::read;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::size_t sink = 0;
    // Touch every byte of every view so ASan sees a bad one.
    auto touch = [&](std::string_view v) {
        for (char c : v) sink += static_cast<unsigned char>(c);
    };
    pasted_text_reader reader(pasted_text_options{4096});
    reader.read(
        text,
        [&](const event_record& e) {
            touch(e.source);
            touch(e.category);
            touch(e.description);
            touch(e.user);
            touch(e.computer);
            if (e.where.line == 0) __builtin_trap();
        },
        [&](const read_error& e) { touch(e.detail); });
    if (std::FILE* f = std::tmpfile()) {
        std::fwrite(data, 1, size, f);
        std::rewind(f);
        text_scan_options o;
        o.chunk_size = 1 + size % 61;
        o.max_line_length = 512;
        text_scanner scanner(o);
        (void)scanner.scan_file(
            f, [&](const event_record& e) { touch(e.description); touch(e.source); },
            [&](const start_error_record& s) { touch(s.display_name); }, [&](const read_error&) {});
        std::fclose(f);
    }
    return sink == 0xFFFFFFFF ? 1 : 0;
}
