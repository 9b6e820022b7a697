// A vendor's own rule table for another service, checked by the compiler like the shipped one:
// a typo in a fact name, a duplicate id or two rules no evidence could tell apart would not compile.
#include <cstdio>
#include <string>

#include "ruledx/check/checked_table.hpp"
#include "ruledx/eval/diagnose.hpp"
#include "ruledx/write/text.hpp"

namespace acme {
using namespace ruledx;

constexpr std::string_view service = "AcmeBackup";

inline constexpr fact_definition facts[] = {
    boolean_fact("backup_disk_mounted", "Is the backup target disk mounted?"),
    number_fact("free_disk_percent", "How many percent of the backup disk are free?"),
};

inline constexpr rule rules[] = {
    rule("acme-disk-not-mounted", "Q900101")
        .titled("The backup target disk is not mounted")
        .requires_signals({event(service, 310).with_type(event_type::error)})
        .supported_by({start_error(service, 1067)})
        .confirmed_by({fact_is("backup_disk_mounted", false)})
        .because("The service opens its target disk at start and stops when it is missing.")
        .resolved_by({"Mount the backup disk.", "Start AcmeBackup."})
        .shown_by({example_of(saw_start_error(service, 1067), saw_event(service, 310))}),
    rule("acme-disk-full", "Q900102")
        .titled("The backup disk is full")
        .requires_signals({event(service, 311).with_type(event_type::error)})
        .supported_by({start_error(service, 1067)})
        .confirmed_by({fact_is("free_disk_percent", 0)})
        .because("The service needs free space for its catalog and stops when there is none.")
        .resolved_by({"Delete old backup sets or enlarge the disk."})
        .shown_by({example_of(saw_event(service, 311))}),
};

inline constexpr auto table = make_table<facts, rules>();
}  // namespace acme

int main() {
    using namespace ruledx;
    const observed_start_error errors[] = {saw_start_error("AcmeBackup", 1067)};
    const observed_event events[] = {saw_event("AcmeBackup", 311).with_type(event_type::error)};
    const auto report = diagnose(acme::table, {errors, events, {}});
    std::fputs(write::to_text(acme::table, report).c_str(), stdout);
    return report.best() != nullptr && acme::table.rules[report.best()->rule_index].id == "acme-disk-full" ? 0 : 1;
}
