// The knowledge-base test helpers (kb_test_support.hpp) bound to the Exchange IMS table.
#ifndef RULEDX_TESTS_KB_IMS_TEST_SUPPORT_HPP
#define RULEDX_TESTS_KB_IMS_TEST_SUPPORT_HPP

#include "kb_test_support.hpp"
#include "ruledx/kb/exchange_ims.hpp"

namespace ims_test {

using namespace ruledx;
using kb_test::absent;
using kb_test::contains;
using kb_test::findings_base;
using kb_test::report_of;
namespace ims = ruledx::kb::exchange_ims;

inline constexpr std::string_view imc = "MSExchangeIMC";
using ims_report = report_of<ims::table>;

// Every start error of this knowledge base is the Internet Mail Service's.
struct findings : findings_base<ims::table, findings> {
    findings& start_error(std::uint32_t code) { return add_start_error(imc, code); }
    // The service failed to start, with no code known.
    findings& start_error_without_code() { return add_start_error(imc, signal::any_code); }
};

inline observed_event imc_event(std::uint16_t id, std::string_view description = {}) {
    return saw_event(imc, id).with_description(description);
}

inline constexpr auto rule_index = &kb_test::rule_index<ims::table>;
inline constexpr auto best_id = &kb_test::best_id<ims::table>;
inline constexpr auto candidate_of = &kb_test::candidate_of<ims::table>;
inline constexpr auto status_of = &kb_test::status_of<ims::table>;
inline constexpr auto check_first = &kb_test::check_first<ims::table>;
inline constexpr auto tied = &kb_test::tied<ims::table>;
inline constexpr auto top_tier = &kb_test::top_tier<ims::table>;
inline constexpr auto fact_check_position = &kb_test::fact_check_position<ims::table>;
inline constexpr auto event_check_position = &kb_test::event_check_position<ims::table>;
inline constexpr auto start_error_check_position = &kb_test::start_error_check_position<ims::table>;

}  // namespace ims_test

#endif
