// The question loop as exchange-diagnose --ask runs it, against a truthful answerer
// (support/question_oracle.hpp), for every rule of the Internet Mail Service knowledge base in the
// table of every knowledge base: each rule whose signals name the service is found, within the
// number of questions bench/ask_quality.cpp measured (bench/README.md, "Question quality").
#include <doctest/doctest.h>

#include <string>

#include "ruledx/kb/exchange.hpp"
#include "support/question_oracle.hpp"

namespace {

using namespace ruledx;

// The bounds measured when the question choice or the rules last changed (2026-12-02, with the rules
// about the service whose signals do not name it: 62 rules found, average 11.74, worst 35); a change
// that asks more fails.
constexpr double max_average_questions = 12.5;
constexpr std::size_t max_questions_for_one_rule = 35;

bool names_service(const rule& r, std::string_view service) {
    for (std::size_t s = 0; s < r.signal_count(); ++s)
        if (detail::same_name(r.signal_at(s).source, service)) return true;
    return false;
}

}  // namespace

TEST_CASE("the question loop finds every IMS rule from its start error, within the measured bounds") {
    const auto& table = kb::exchange::table;
    const observed_start_error error_2140 = saw_start_error("MSExchangeIMC", 2140);
    std::size_t found = 0;
    std::size_t total = 0;
    std::size_t worst = 0;
    for (const rule& r : kb::exchange_ims::table.rules) {
        CAPTURE(std::string(r.id));
        const std::size_t index = table.find_rule(r.id);
        const observed_start_error start[] = {test::starting_error(r, error_2140)};
        const test::interview_result got = test::interview(table, index, {start, {}, {}}, test::oracle_knows::nothing_else, 80);
        // Every IMS rule names the service or is about it (about_service), so its failed start
        // opens it. A rule only about it (its program's crash, a dialog) may still lose to a rule
        // with the same cause and fix that the answers confirm first (the administrator mailbox
        // without an X.400 address: its articles differ only in the crash they show).
        const bool named = names_service(r, "MSExchangeIMC");
        CHECK((named || detail::same_name(r.service, "MSExchangeIMC")));
        if (named) CHECK(got.found);
        if (!got.found) continue;
        ++found;
        total += got.questions;
        CHECK(got.questions <= max_questions_for_one_rule);
        worst = got.questions > worst ? got.questions : worst;
    }
    REQUIRE(found > 0);
    const double average = static_cast<double>(total) / static_cast<double>(found);
    MESSAGE("found " << found << " rules; questions: average " << average << ", worst " << worst);
    CHECK(average <= max_average_questions);
}

TEST_CASE("an answerer who shows a rule's own events finds it without being asked about them") {
    // Given the events up front, the loop only has the confirming checks left to ask.
    const auto& table = kb::exchange::table;
    const std::size_t q173496 = table.find_rule("ims-service-account-not-admin");
    const observed_start_error start[] = {saw_start_error("MSExchangeIMC", 2140)};
    const observed_event logged[] = {saw_event("MSExchangeIMC", 4143).with_type(event_type::error)};
    const test::interview_result got = test::interview(table, q173496, {start, logged, {}});
    CHECK(got.found);
    CHECK(got.questions == 1);  // the administrator check, first
}
