// libFuzzer: pasted event text in every layout pasted_text_reader takes (label blocks, record headers,
// PowerShell tables, delimited rows, HTML, quoted mail), through the reader and through text_scanner
// (whole and chunked), and the layout helpers on their own. Seeds: seeds/fuzz_pasted_text/.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string_view>

#include "ruledx/read/detail/text.hpp"
#include "ruledx/read/event_viewer_export.hpp"
#include "ruledx/read/pasted_text.hpp"
#include "ruledx/read/powershell_table.hpp"
#include "ruledx/read/text_scan.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace ruledx::read;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::size_t sink = 0;
    // Touch every byte of every view so ASan sees a bad one.
    auto touch = [&](std::string_view v) {
        for (char c : v) sink += static_cast<unsigned char>(c);
    };
    // The insertion strings are string_count strings, each followed by '\0'.
    auto check_strings = [&](const event_record& e) {
        touch(e.strings);
        std::size_t ends = 0;
        for (char c : e.strings) ends += c == '\0';
        if (ends != e.string_count || (!e.strings.empty() && e.strings.back() != '\0')) __builtin_trap();
    };
    static constexpr std::string_view sources[] = {"MSExchangeIS Private", "MSExchangeIS Public", "MSExchangeMTA"};
    pasted_text_reader reader(pasted_text_options{4096, {}, sources});
    reader.read(
        text,
        [&](const event_record& e) {
            touch(e.source);
            touch(e.category);
            touch(e.description);
            touch(e.user);
            touch(e.computer);
            check_strings(e);
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
            f,
            [&](const event_record& e) {
                touch(e.description);
                touch(e.source);
                check_strings(e);
            },
            [&](const start_error_record& s) { touch(s.display_name); }, [&](const read_error&) {});
        std::fclose(f);
    }

    // The helpers on the input as one line, and its first lines as a table's header and dashes.
    detail::scratch storage;
    std::string_view shown;
    if (detail::html_text(text, storage, shown)) touch(shown);
    (void)detail::delimited_line_kind(text);
    const std::size_t first_break = text.find('\n');
    if (first_break != std::string_view::npos) {
        const std::string_view header = text.substr(0, first_break), rest = text.substr(first_break + 1);
        const std::string_view dashes = rest.substr(0, rest.find('\n'));
        detail::table_layout layout;
        if (detail::make_table_layout(header, dashes, size % 3, layout)) {
            std::string_view cells[detail::table_layout::max_columns];
            const std::size_t column = detail::split_table_row(rest, size % 5, layout, cells);
            if (column > layout.count) __builtin_trap();
            for (std::string_view c : cells) touch(c);
        }
    }
    return sink == 0xFFFFFFFF ? 1 : 0;
}
