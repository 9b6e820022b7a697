// saw(signal): an example restating its rule's signals, checked by the observations it holds and
// by proving, as make_table does, that the example picks its rule.
#include <doctest/doctest.h>

#include <array>

#include "ruledx/check/checked_table.hpp"

namespace {

using namespace ruledx;

constexpr signal failed_start = start_error("Svc", 2140);
constexpr signal logged = event("Svc", 4143)
                              .with_type(event_type::error)
                              .with_category("General")
                              .with_description("The service could not open the database.");
constexpr signal socket_error = event("Svc", 4003).with_description("A network error occurred.").with_value("10048");
constexpr signal quoted_value = event("Svc", 4004).with_description("Socket error 10050 occurred.").with_value("10050");
constexpr signal two_values = event("Svc", 4005).with_value("10048").with_value("10050");

constexpr std::array<fact_definition, 1> catalog = {boolean_fact("account_is_admin", "Is the service account an administrator?")};

constexpr rule with_example(std::string_view id, const signal& required, const example& shown) {
    return rule(id, "Q123456")
        .titled("a title")
        .requires_signals({required})
        .supported_by({failed_start})
        .because("a cause")
        .resolved_by({"a step"})
        .shown_by({shown});
}

}  // namespace

TEST_CASE("saw(start error signal) is that start error") {
    constexpr example x = example_of(saw(failed_start));
    static_assert(x.start_errors.size() == 1 && x.events.empty());
    CHECK(x.start_errors[0].service == "Svc");
    CHECK(x.start_errors[0].code == 2140);
}

TEST_CASE("saw(event signal) is an event with the signal's source, id, type, category and description") {
    constexpr example x = example_of(saw(logged));
    static_assert(x.events.size() == 1 && x.start_errors.empty());
    const observed_event& e = x.events[0];
    CHECK(e.source == "Svc");
    CHECK(e.id == 4143);
    CHECK(e.type == event_type::error);
    CHECK(e.category == "General");
    CHECK(e.description == "The service could not open the database.");
    CHECK(e.strings.empty());
}

TEST_CASE("a telling value the description lacks is shown as the insertion string") {
    CHECK(example_of(saw(socket_error)).events[0].strings == "10048");
    CHECK(example_of(saw(quoted_value)).events[0].strings.empty());  // the description already says it
    CHECK(example_of(saw(two_values)).events[0].strings.empty());    // several: written out by the author
}

TEST_CASE("an example of saw() observations picks its rule, as one written out does") {
    constexpr std::array<rule, 3> rules = {
        with_example("database", logged, example_of(saw(failed_start), saw(logged))),
        with_example("socket", socket_error, example_of(saw(failed_start), saw(socket_error))),
        with_example("other-socket", event("Svc", 4003).with_value("10050"),
                     example_of(saw(failed_start), saw(event("Svc", 4003).with_value("10050")))),
    };
    static_assert(check_table(catalog, rules, true).ok());
    CHECK(check_table(catalog, rules, true).ok());
}

TEST_CASE("an event signal with several values its description lacks does not prove its rule by saw() alone") {
    constexpr std::array<rule, 2> rules = {
        with_example("both", two_values, example_of(saw(two_values))),
        with_example("one", event("Svc", 4005).with_value("10048"), example_of(saw(event("Svc", 4005).with_value("10048")))),
    };
    const check_result result = check_table(catalog, rules, true);
    CHECK(result.problem == table_problem::example_does_not_pick_its_rule);
    CHECK(result.rule_id == "both");
}
