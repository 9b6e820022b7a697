// libFuzzer: start-error text, and SCM events built from fuzz bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ruledx/kb/exchange_service_names.hpp"
#include "ruledx/read/start_error_text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace ruledx::read;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::size_t sink = 0;
    auto touch = [&](std::string_view v) {
        for (char c : v) sink += static_cast<unsigned char>(c);
    };
    const ruledx::view<service_name> names = ruledx::kb::exchange_service_names;
    start_error_reader reader(start_error_options{512, {}, names});
    reader.read(
        text,
        [&](const start_error_record& s) {
            touch(s.display_name);
            touch(s.service);
        },
        [&](const read_error& e) {
            if (e.where.line == 0) __builtin_trap();
        });
    (void)code_for_message(text);
    (void)service_for_display_name(text, names);

    event_record e;
    e.source = "Service Control Manager";
    const std::uint16_t ids[] = {7000, 7009, 7023, 7024};
    e.event_id = ids[size % 4];
    e.description = text;
    if (const auto s = start_error_from_event(e, names)) touch(s->display_name);
    e.strings = text;
    e.string_count = 2;
    if (const auto s = start_error_from_event(e, names)) touch(s->display_name);
    return sink == 0xFFFFFFFF ? 1 : 0;
}
