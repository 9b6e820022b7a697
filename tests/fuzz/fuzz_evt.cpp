// libFuzzer harness for the .evt reader: any bytes must be read without crashing, hanging or reading
// outside the input, and every delivered view must stay inside what the reader says.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string_view>

#include "ruledx/read/evt.hpp"

namespace {

// A source that, like file_source, hands out at most `window` bytes at a time, valid only until the
// next call: each call copies them into a fresh allocation and frees the last, so a view kept past
// its time is a use after free that ASan reports.
class fresh_window_source {
public:
    fresh_window_source(const std::uint8_t* data, std::size_t size, std::size_t window) noexcept
        : data_(data), size_(size), window_(window) {}
    [[nodiscard]] std::uint64_t size() const noexcept { return size_; }
    [[nodiscard]] std::size_t max_span() const noexcept { return window_; }
    [[nodiscard]] const unsigned char* bytes(std::uint64_t offset, std::size_t n) {
        if (offset > size_ || n > size_ - offset || n > window_) return nullptr;
        const std::size_t left = static_cast<std::size_t>(size_ - offset);
        const std::size_t take = left < window_ ? left : window_;
        copy_ = std::make_unique<unsigned char[]>(take + 1);
        std::memcpy(copy_.get(), data_ + offset, take);
        return copy_.get();
    }

private:
    const std::uint8_t* data_;
    std::size_t size_;
    std::size_t window_;
    std::unique_ptr<unsigned char[]> copy_;
};

}  // namespace

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
    // Read through a small window, the reading is the same (the copying paths, and views that
    // live only until the next read).
    const std::size_t window = size == 0 ? 64 : 64 + std::size_t{data[0]} * 16;
    fresh_window_source windowed(data, size, window);
    std::size_t windowed_delivered = 0;
    const auto windowed_summary = reader.read(
        windowed, "fuzz",
        [&](const ruledx::read::event_record& r) {
            ++windowed_delivered;
            std::size_t sum = 0;
            for (std::string_view v : {r.source, r.computer, r.user, r.strings})
                for (char c : v) sum += static_cast<unsigned char>(c);
            if (sum == ~std::size_t{0}) std::abort();  // the bytes must be read
        },
        [](const ruledx::read::read_error&) {});
    if (windowed_summary.records != summary.records || windowed_summary.recovered != summary.recovered ||
        windowed_summary.errors != summary.errors || windowed_delivered != delivered)
        std::abort();
    return 0;
}
