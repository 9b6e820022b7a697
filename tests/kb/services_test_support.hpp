// The knowledge-base test helpers (kb_test_support.hpp) bound to the Exchange services table
// (scope exchange-2140): a start error names its service.
#ifndef RULEDX_TESTS_KB_SERVICES_TEST_SUPPORT_HPP
#define RULEDX_TESTS_KB_SERVICES_TEST_SUPPORT_HPP

#include "kb_test_support.hpp"
#include "ruledx/kb/exchange_services.hpp"

namespace services_test {

using namespace ruledx;
using kb_test::absent;
using kb_test::contains;
using kb_test::findings_base;
using kb_test::report_of;
namespace svc = ruledx::kb::exchange_services;

using svc_report = report_of<svc::table>;

struct findings : findings_base<svc::table, findings> {
    findings& start_error(std::string_view service, std::uint32_t code) { return add_start_error(service, code); }
};

inline constexpr auto rule_index = &kb_test::rule_index<svc::table>;
inline constexpr auto best_id = &kb_test::best_id<svc::table>;
inline constexpr auto candidate_of = &kb_test::candidate_of<svc::table>;
inline constexpr auto status_of = &kb_test::status_of<svc::table>;
inline constexpr auto check_first = &kb_test::check_first<svc::table>;
inline constexpr auto tied = &kb_test::tied<svc::table>;
inline constexpr auto top_tier = &kb_test::top_tier<svc::table>;
inline constexpr auto fact_check_position = &kb_test::fact_check_position<svc::table>;
inline constexpr auto event_check_position = &kb_test::event_check_position<svc::table>;
inline constexpr auto start_error_check_position = &kb_test::start_error_check_position<svc::table>;

// An entry of the knowledge base's exclusion list.
struct exclusion_view {
    bool found = false;
    std::string_view covered_by;
};

inline exclusion_view find_exclusion(std::string_view entry) {
    for (const auto& x : svc::exclusions)
        if (x.entry == entry) return {true, x.covered_by};
    return {};
}

}  // namespace services_test

#endif
