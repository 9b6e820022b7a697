// ruledx/kb/exchange_diagnosis.hpp used as a program's other units use it: declarations only (the
// definitions are in exchange_diagnosis_definitions.cpp).
#include "ruledx/kb/exchange_diagnosis.hpp"

#include <doctest/doctest.h>

#include <string_view>

namespace {

using namespace ruledx;
namespace declared = kb::exchange_diagnosis;

}  // namespace

TEST_CASE("declared: a diagnosis, its rules and facts, and the question loop without the table's header") {
    const observed_start_error dialog[] = {saw_start_error("MSExchangeIMC", 2140)};
    const observed_event log[] = {saw_event("MSExchangeIMC", 4143).with_type(event_type::error)};
    const auto likely = declared::diagnose({dialog, log, {}});
    REQUIRE(likely.best() != nullptr);
    CHECK(likely.best()->status == status::likely);
    CHECK(declared::rule_at(likely.best()->rule_index).article == "Q173496");

    // The first question asks for the leader's deciding fact; answered, nothing more is asked.
    question q;
    const auto nothing_settled = [](const void*, const question&) { return false; };
    REQUIRE(declared::next_question(likely, nothing_settled, nullptr, q));
    REQUIRE(q.what == question::kind::fact);
    CHECK(declared::fact_at(q.fact_index).name == "service_account_is_admin");
    const fact_assignment answer[] = {fact_is("service_account_is_admin", false)};
    const auto confirmed = declared::diagnose({dialog, log, answer});
    CHECK(confirmed.best()->status == status::confirmed);
    CHECK_FALSE(declared::next_question(confirmed, nothing_settled, nullptr, q));

    // A settled question is passed over, with the caller's context.
    const std::size_t admin = q.fact_index;
    const auto settled_admin = [](const void* context, const question& other) {
        return other.what == question::kind::fact && other.fact_index == *static_cast<const std::size_t*>(context);
    };
    REQUIRE(declared::next_question(likely, settled_admin, &admin, q));
    CHECK_FALSE((q.what == question::kind::fact && q.fact_index == admin));

    CHECK(declared::find_rule("ims-service-account-not-admin") == likely.best()->rule_index);
    CHECK(declared::find_rule("no-such-rule") == not_found);
    CHECK(declared::find_fact("exchange_version") < declared::fact_count());
    // A renamed fact is found by its former name too.
    CHECK(declared::find_fact("ims_service_account_is_admin") == admin);
    CHECK(declared::report_capacity == declared::report_type::capacity);
    CHECK_FALSE(likely.truncated);
}
