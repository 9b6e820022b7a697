// A small valid catalog and rule for the compile-fail cases; each case breaks one thing.
#ifndef RULEDX_TESTS_COMPILE_FAIL_COMMON_HPP
#define RULEDX_TESTS_COMPILE_FAIL_COMMON_HPP

#include "ruledx/check/checked_table.hpp"

namespace cf {
using namespace ruledx;

inline constexpr fact_definition facts[] = {
    version_fact("product_version", "Which version is installed?"),
    boolean_fact("account_is_admin", "Is the service account an administrator?"),
};

constexpr rule good(std::string_view id, std::uint32_t event_id) {
    return rule(id, "Q123456")
        .titled("a title")
        .applies_to("product_version", {only({5, 5})})
        .requires_signals({event("Svc", event_id)})
        .supported_by({start_error("Svc", 2140)})
        .because("a cause")
        .resolved_by({"a step"})
        .shown_by({example_of(saw_event("Svc", static_cast<std::uint16_t>(event_id)))});
}
}  // namespace cf

#endif
