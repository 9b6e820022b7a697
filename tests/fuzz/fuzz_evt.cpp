// libFuzzer harness for the .evt reader: any bytes must be read without crashing, hanging or reading
// outside the input, and every delivered view must stay inside what the reader says.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ruledx/read/evt.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ruledx::read::memory_source source(data, size);
    ruledx::read::evt_reader reader;
    std::size_t delivered = 0;
    const auto summary = reader.read(
        source, "fuzz",
        [&](const ruledx::read::event_record& r) {
            ++delivered;
            // Touch every byte of every view so ASan sees a bad one.
            std::size_t nuls = 0;
            for (std::string_view v : {r.source, r.computer, r.user, r.strings}) {
                for (char c : v) nuls += c == '\0' ? 1 : 0;
            }
            if (r.where.offset >= size || nuls < r.string_count) std::abort();
        },
        [&](const ruledx::read::read_error& e) {
            if (e.where.offset > size || e.detail.empty()) std::abort();
        });
    if (summary.records + summary.recovered != delivered) std::abort();
    return 0;
}
