// ruledx — the type of an event as Event Viewer shows it.
#ifndef RULEDX_MODEL_EVENT_TYPE_HPP
#define RULEDX_MODEL_EVENT_TYPE_HPP

#include <cstdint>
#include <string_view>

namespace ruledx {

// The values are the EVENTLOGRECORD EventType bits, so a binary record converts without a table.
// `unspecified` (0) doubles as EVENTLOG_SUCCESS, which Exchange never logs for a start failure.
enum class event_type : std::uint16_t {
    unspecified = 0,
    error = 0x1,
    warning = 0x2,
    information = 0x4,
    success_audit = 0x8,
    failure_audit = 0x10,
};

[[nodiscard]] constexpr std::string_view to_string(event_type type) noexcept {
    switch (type) {
        case event_type::error: return "Error";
        case event_type::warning: return "Warning";
        case event_type::information: return "Information";
        case event_type::success_audit: return "Success Audit";
        case event_type::failure_audit: return "Failure Audit";
        case event_type::unspecified: break;
    }
    return "";
}

}  // namespace ruledx

#endif
