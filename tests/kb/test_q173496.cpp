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
constexpr fact_assignment account_not_admin[] = {fact_is("ims_service_account_is_admin", false)};
constexpr fact_assignment account_is_admin[] = {fact_is("ims_service_account_is_admin", true)};

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
    CHECK(ims::table.facts[first.fact_index].name == "ims_service_account_is_admin");
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
