// Next checks as questions, and what a person types: replies, facts, events.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "ruledx/eval/diagnose.hpp"
#include "ruledx/eval/question.hpp"
#include "ruledx/kb/exchange_ims.hpp"
#include "ruledx/read/answer.hpp"
#include "ruledx/write/describe.hpp"

namespace {

using namespace ruledx;
namespace ims = kb::exchange_ims;

constexpr observed_start_error error_2140[] = {saw_start_error("MSExchangeIMC", 2140)};

}  // namespace

TEST_CASE("the next question is the best next check not yet settled") {
    const auto r = diagnose(ims::table, {error_2140, {}, {}});
    REQUIRE(r.next_checks().size() >= 2);
    question q;
    REQUIRE(next_question(ims::table, r, [](const question&) { return false; }, q));
    const question first = question_of(ims::table, r.next_checks()[0]);
    CHECK(same_question(q, first));
    CHECK(q.score == r.next_checks()[0].score);
    REQUIRE(next_question(ims::table, r, [&first](const question& other) { return same_question(first, other); }, q));
    CHECK_FALSE(same_question(q, first));
    CHECK(same_question(q, question_of(ims::table, r.next_checks()[1])));
    CHECK_FALSE(next_question(ims::table, r, [](const question&) { return true; }, q));
}

TEST_CASE("a confirmed best candidate asks nothing more") {
    const observed_event logged[] = {saw_event("MSExchangeIMC", 4143).with_type(event_type::error)};
    const fact_assignment answers[] = {fact_is("service_account_is_admin", false)};
    const auto r = diagnose(ims::table, {error_2140, logged, answers});
    REQUIRE(r.best()->status == status::confirmed);
    question q;
    CHECK_FALSE(next_question(ims::table, r, [](const question&) { return false; }, q));
}

TEST_CASE("question keys name the fact, the event or the start error") {
    const auto r = diagnose(ims::table, {error_2140, {}, {}});
    std::vector<std::string> keys;
    for (const next_check& check : r.next_checks()) keys.push_back(write::question_key(ims::table, question_of(ims::table, check)));
    bool fact = false;
    bool event = false;
    for (const std::string& key : keys) {
        fact = fact || key.rfind("fact:", 0) == 0;
        event = event || key.rfind("event:MSExchangeIMC:", 0) == 0;
    }
    CHECK(fact);
    CHECK(event);
    question start;
    start.what = question::kind::start_error;
    const ruledx::signal s = ruledx::start_error("MSExchangeIMC", 2140);
    start.asked = &s;
    CHECK(write::question_key(ims::table, start) == "start_error:MSExchangeIMC:2140");
}

TEST_CASE("replies: yes, no, skip, anything else") {
    using read::reply;
    for (const char* yes : {"yes", "Y", " y ", "TRUE", "1"}) CHECK(read::parse_reply(yes) == reply::yes);
    for (const char* no : {"no", "N", "false", "0\r"}) CHECK(read::parse_reply(no) == reply::no);
    for (const char* skip : {"", "  ", "skip", "SKIP"}) CHECK(read::parse_reply(skip) == reply::skip);
    for (const char* other : {"maybe", "yess", "5.5"}) CHECK(read::parse_reply(other) == reply::other);
}

TEST_CASE("fact values of each kind, and what is not one") {
    fact_value v;
    CHECK(read::parse_fact_value(fact_kind::boolean, "yes", v));
    CHECK(v == fact_value(true));
    CHECK_FALSE(read::parse_fact_value(fact_kind::boolean, "5", v));
    CHECK(read::parse_fact_value(fact_kind::number, "-12", v));
    CHECK(v == fact_value(std::int64_t{-12}));
    CHECK_FALSE(read::parse_fact_value(fact_kind::number, "12a", v));
    CHECK_FALSE(read::parse_fact_value(fact_kind::number, "-", v));
    CHECK_FALSE(read::parse_fact_value(fact_kind::number, "1234567890123456789", v));
    CHECK(read::parse_fact_value(fact_kind::version, "5.5", v));
    CHECK(v == fact_value(version{5, 5}));
    CHECK(read::parse_fact_value(fact_kind::version, "4", v));
    CHECK(v == fact_value(version{4, 0}));
    CHECK_FALSE(read::parse_fact_value(fact_kind::version, "5.x", v));
    CHECK_FALSE(read::parse_fact_value(fact_kind::version, "70000", v));
    CHECK(read::parse_fact_value(fact_kind::text, " alpha ", v));
    CHECK(v == fact_value("alpha"));
    CHECK_FALSE(read::parse_fact_value(fact_kind::text, " ", v));
}

TEST_CASE("NAME=VALUE against the catalog, with the nearest names for a typo") {
    const read::fact_argument ok = read::parse_fact_argument(ims::table, "exchange_version=5.5");
    REQUIRE(ok.what == read::fact_argument::problem::none);
    CHECK(ok.fact.name == "exchange_version");
    CHECK(ok.fact.value == fact_value(version{5, 5}));
    CHECK(read::parse_fact_argument(ims::table, "exchange_version").what == read::fact_argument::problem::no_equals);
    CHECK(read::parse_fact_argument(ims::table, "exchange_version=new").what == read::fact_argument::problem::wrong_value);
    const read::fact_argument typo = read::parse_fact_argument(ims::table, "exchange_verison=5.5");
    CHECK(typo.what == read::fact_argument::problem::unknown_fact);
    const auto closest = read::closest_facts(ims::table, typo.name);
    REQUIRE_FALSE(closest.empty());
    CHECK(closest[0] == "exchange_version");
}

TEST_CASE("SOURCE:ID[:TEXT], the source with spaces") {
    const read::signal_argument a = read::parse_signal_argument("MSExchangeIS Private:1023");
    REQUIRE(a.ok);
    CHECK(a.source == "MSExchangeIS Private");
    CHECK(a.code == 1023);
    CHECK(a.text.empty());
    const read::signal_argument b = read::parse_signal_argument("MSExchangeIMC:4003:11004 and more: text");
    REQUIRE(b.ok);
    CHECK(b.source == "MSExchangeIMC");
    CHECK(b.code == 4003);
    CHECK(b.text == "11004 and more: text");
    const read::signal_argument c = read::parse_signal_argument("Source: odd:7");
    REQUIRE(c.ok);
    CHECK(c.source == "Source: odd");
    for (const char* bad : {"MSExchangeIMC", "MSExchangeIMC:", ":4003", "MSExchangeIMC:x", "MSExchangeIMC:-1",
                            "MSExchangeIMC:99999999999"})
        CHECK_MESSAGE(!read::parse_signal_argument(bad).ok, bad);
}
