// ruledx benchmarks — where the time of reading a text input goes, stage by stage.
//
//   ruledx_bench_text_read FILE
//
// Reads FILE into memory (timed once: the kernel's copy), then times each stage of
// exchange-diagnose's reading of it on its own (process CPU time, best of 3; MB/s are 10^6 bytes
// per second): the decoder's check that the bytes pass unchanged, the line source, the line source
// with each line trimmed, each line reader alone, both through text_scanner (what a text input
// costs without known-message recognition), the known-message scanner given the lines counted, and
// for an export the export reader. What the whole process adds is keeping the evidence.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <string>
#include <string_view>
#include <vector>

#include "ruledx/kb/exchange.hpp"
#include "ruledx/kb/exchange_service_names.hpp"
#include "ruledx/read/detect.hpp"
#include "ruledx/read/known_messages.hpp"
#include "ruledx/read/text_scan.hpp"

namespace {

using namespace ruledx::read;

double cpu_seconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

// Runs `stage` three times; prints the best CPU time as MB/s and ns per line. `stage` returns a
// count the compiler cannot drop.
template <class Stage>
void time_stage(const char* name, std::string_view text, std::size_t lines, Stage&& stage) {
    double best = 1e30;
    std::size_t result = 0;
    for (int round = 0; round < 3; ++round) {
        const double start = cpu_seconds();
        result = stage();
        best = std::min(best, cpu_seconds() - start);
    }
    best = std::max(best, 1e-9);
    std::printf("%-44s %8.3f s  %7.0f MB/s  %6.1f ns/line  (%zu)\n", name, best,
                static_cast<double>(text.size()) / best / 1e6, best * 1e9 / static_cast<double>(std::max<std::size_t>(lines, 1)),
                result);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fputs("usage: ruledx_bench_text_read FILE\n", stderr);
        return 2;
    }
    std::FILE* f = std::fopen(argv[1], "rb");
    if (f == nullptr) {
        std::perror(argv[1]);
        return 1;
    }
    // First the way exchange-diagnose reads a text input, timed: 1 MiB freads into one buffer (the
    // kernel's copy out of the page cache); then again into memory for the stages.
    std::vector<char> buffer(default_chunk_size);
    const double read_start = cpu_seconds();
    while (std::fread(buffer.data(), 1, buffer.size(), f) == buffer.size()) {
    }
    const double read_seconds = cpu_seconds() - read_start;
    std::rewind(f);
    std::string bytes;
    for (std::size_t got = 0; (got = std::fread(buffer.data(), 1, buffer.size(), f)) > 0;) bytes.append(buffer.data(), got);
    std::fclose(f);
    const std::string_view text = bytes;
    const std::size_t lines = static_cast<std::size_t>(std::count(bytes.begin(), bytes.end(), '\n'));
    const input_kind kind = detect_input(text.substr(0, detect_prefix_size));
    std::printf("%s: %zu bytes, %zu lines, %s\n", argv[1], bytes.size(), lines, std::string(to_string(kind.format)).c_str());
    std::printf("%-44s %8.3f s  (once, as the file is first read)\n", "reading the file (fread, 1 MiB at a time)", read_seconds);
    const auto ignore_error = [](const read_error&) {};

    time_stage("decoder: bytes that pass unchanged", text, lines, [&] {
        text_decoder decoder(detect_encoding(text));
        return decoder.take_unchanged(text.data(), text.size());
    });
    time_stage("line source", text, lines, [&] {
        std::size_t n = 0;
        line_source source;
        (void)source.feed(text, true, [&](std::string_view line, location) { n += line.size(); }, [](location) {}, ignore_error);
        return n;
    });
    time_stage("line source, lines trimmed", text, lines, [&] {
        std::size_t n = 0;
        line_source source;
        (void)source.feed(
            text, true, [&](std::string_view line, location) { n += detail::trim_line(line).word.size; }, [](location) {},
            ignore_error);
        return n;
    });
    time_stage("pasted_text_reader", text, lines, [&] {
        std::size_t n = 0;
        pasted_text_reader reader;
        reader.read(text, [&](const event_record&) { ++n; }, ignore_error);
        return n;
    });
    time_stage("start_error_reader", text, lines, [&] {
        std::size_t n = 0;
        start_error_reader reader(start_error_options{default_max_line_length, {}, ruledx::kb::exchange_service_names});
        reader.read(text, [&](const start_error_record&) { ++n; }, ignore_error);
        return n;
    });
    time_stage("text_scanner (both readers, or the export)", text, lines, [&] {
        std::size_t n = 0;
        text_scan_options options;
        options.services = ruledx::kb::exchange_service_names;
        text_scanner scanner(options);
        scanner.scan(text, [&](const event_record&) { ++n; }, [&](const start_error_record&) { ++n; }, ignore_error);
        return n;
    });
    const known_messages known(ruledx::kb::exchange::table);
    constexpr std::size_t chunk = std::size_t{1} << 20;
    std::vector<std::uint64_t> newlines;  // per chunk, counted before: the line source has them
    for (std::size_t at = 0; at < text.size(); at += chunk) {
        const std::string_view part = text.substr(at, chunk);
        newlines.push_back(static_cast<std::uint64_t>(std::count(part.begin(), part.end(), '\n')));
    }
    time_stage("known messages, lines counted, 1 MiB chunks", text, lines, [&] {
        std::size_t n = 0;
        known_message_scanner scanner(known);
        const auto on_match = [&](const known_match&) { ++n; };
        for (std::size_t at = 0, k = 0; at < text.size(); at += chunk, ++k) scanner.feed(text.substr(at, chunk), newlines[k], on_match);
        scanner.finish(on_match);
        return n;
    });
    if (kind.format == input_format::event_viewer_export)
        time_stage("event_viewer_export_reader", text, lines, [&] {
            std::size_t n = 0;
            event_viewer_export_reader reader;
            reader.read(text, [&](const event_record&) { ++n; }, ignore_error);
            return n;
        });
    return 0;
}
