// The case ruledx exists for (Knowledge Base article Q173496): starting the IMS fails with
// Error 2140, the Application log holds event 4143 from MSExchangeIMC, the service account is not
// an administrator. Checked at run time (so sanitizers see it) and in static_asserts.
#include <doctest/doctest.h>

#include "ruledx/kb/exchange_ims.hpp"
#include "ruledx/eval/diagnose.hpp"

namespace {

using namespace ruledx;
namespace ims = ruledx::kb::exchange_ims;

constexpr observed_start_error dialog[] = {saw_start_error("MSExchangeIMC", 2140)};
constexpr observed_event application_log[] = {
    saw_event("MSExchangeIMC", 4143)
        .with_type(event_type::error)
        .with_category("Initialization/Termination")
        .with_description("The Internet Mail Service service account is not an administrator account. In order "
                          "to provide SSL support, the service account must be an administrator account.")};
constexpr fact_assignment account_not_admin[] = {fact_is("service_account_is_admin", false)};
constexpr fact_assignment account_is_admin[] = {fact_is("service_account_is_admin", true)};

constexpr std::size_t q173496 = ims::table.find_rule("ims-service-account-not-admin");

template <class Report>
constexpr status status_of(const Report& r) {
    const candidate* c = r.find(q173496);
    return c == nullptr ? status::possible : c->status;
}

constexpr auto when_not_admin = diagnose(ims::table, {dialog, application_log, account_not_admin});
constexpr auto when_unknown = diagnose(ims::table, {dialog, application_log, {}});
constexpr auto when_admin = diagnose(ims::table, {dialog, application_log, account_is_admin});

static_assert(q173496 != not_found);
static_assert(when_not_admin.best()->rule_index == q173496);
static_assert(status_of(when_not_admin) == status::confirmed);
static_assert(status_of(when_unknown) == status::likely);
static_assert(status_of(when_admin) == status::ruled_out);

// The fact was called ims_service_account_is_admin (it is the Exchange service account, not the
// IMS's): code written with that name still confirms the rule, and finds the same fact.
constexpr fact_assignment former_name[] = {fact_is("ims_service_account_is_admin", false)};
constexpr auto by_former_name = diagnose(ims::table, {dialog, application_log, former_name});
static_assert(status_of(by_former_name) == status::confirmed);
static_assert(ims::table.find_fact("ims_service_account_is_admin") == ims::table.find_fact("service_account_is_admin"));
static_assert(ims::table.facts[ims::table.find_fact("service_account_is_admin")].former_name ==
              "ims_service_account_is_admin");

}  // namespace

TEST_CASE("Q173496: confirmed when the service account is not an administrator") {
    const auto r = diagnose(ims::table, {dialog, application_log, account_not_admin});
    REQUIRE(r.best() != nullptr);
    CHECK(r.best()->rule_index == q173496);
    CHECK(r.best()->status == status::confirmed);
    CHECK(ims::table.rules[q173496].article == "Q173496");
    // Both signals are cited as evidence, and the event's description was read, not only its id.
    CHECK(r.best()->matched(0));
    CHECK(r.best()->matched(1));
    CHECK(r.best()->text_matched[0]);
    CHECK(r.best()->confirming[0] == fact_state::holds);
}

TEST_CASE("Q173496: likely while the account check is unknown, which is the next check") {
    const auto r = diagnose(ims::table, {dialog, application_log, {}});
    REQUIRE(r.best() != nullptr);
    CHECK(r.best()->rule_index == q173496);
    CHECK(r.best()->status == status::likely);
    CHECK(r.best()->confirming[0] == fact_state::unknown);
    REQUIRE_FALSE(r.next_checks().empty());
    const next_check& first = r.next_checks()[0];
    CHECK(first.what == next_check::kind::fact);
    CHECK(ims::table.facts[first.fact_index].name == "service_account_is_admin");
    CHECK_FALSE(ims::table.facts[first.fact_index].question.empty());
}

TEST_CASE("Q173496: ruled out when the account is an administrator") {
    const auto r = diagnose(ims::table, {dialog, application_log, account_is_admin});
    const candidate* c = r.find(q173496);
    REQUIRE(c != nullptr);
    CHECK(c->status == status::ruled_out);
    CHECK(c->confirming[0] == fact_state::contradicted);
}

TEST_CASE("Q173496: ruled out on Exchange 4.0, which the article does not cover") {
    constexpr fact_assignment on_4_0[] = {fact_is("exchange_version", version{4, 0})};
    const auto r = diagnose(ims::table, {dialog, application_log, on_4_0});
    const candidate* c = r.find(q173496);
    REQUIRE(c != nullptr);
    CHECK(c->status == status::ruled_out);
    CHECK(c->outside_versions);
    CHECK(c->version_known);
}

TEST_CASE("Q173496: the fact's former name ims_service_account_is_admin still answers it") {
    const auto r = diagnose(ims::table, {dialog, application_log, former_name});
    REQUIRE(r.best() != nullptr);
    CHECK(r.best()->rule_index == q173496);
    CHECK(r.best()->status == status::confirmed);
    // The report and its questions use the current name.
    CHECK(ims::table.facts[ims::table.find_fact("ims_service_account_is_admin")].name == "service_account_is_admin");
    const auto unknown = diagnose(ims::table, {dialog, application_log, {}});
    CHECK(ims::table.facts[unknown.next_checks()[0].fact_index].name == "service_account_is_admin");
    // Given under the former name, the check is not asked again.
    for (const next_check& check : r.next_checks())
        CHECK((check.what != next_check::kind::fact || ims::table.facts[check.fact_index].name != "service_account_is_admin"));
}

TEST_CASE("Q173496: its question is about the Exchange service account, and the other groups stay their own checks") {
    const std::size_t f = ims::table.find_fact("service_account_is_admin");
    REQUIRE(f != not_found);
    CHECK(ims::table.facts[f].question.find("Exchange service account") != std::string_view::npos);
    // Q262939's Domain Admins and Q189730's domain Administrators group are narrower checks: the
    // next checks of a Q173496 report do not put them before the version.
    const auto r = diagnose(ims::table, {dialog, application_log, {}});
    REQUIRE(r.next_checks().size() >= 2);
    CHECK(r.next_checks()[1].what == next_check::kind::fact);
    CHECK(ims::table.facts[r.next_checks()[1].fact_index].name == "exchange_version");
}
