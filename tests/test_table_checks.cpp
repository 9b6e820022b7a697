// The table checks, called at run time on tables with one defect each. The compile-fail tests
// (tests/compile_fail) prove the same checks stop compilation; these show each check finds
// exactly its problem, at the right rule.
#include <doctest/doctest.h>

#include <array>

#include "ruledx/check/checked_table.hpp"

namespace {

using namespace ruledx;

constexpr std::array<fact_definition, 3> catalog = {
    version_fact("product_version", "Which version is installed?"),
    boolean_fact("account_is_admin", "Is the service account an administrator?"),
    text_fact("platform", "Which processor platform is it?"),
};

constexpr rule valid_rule(std::string_view id, std::uint32_t event_id) {
    return rule(id, "Q123456")
        .titled("a title")
        .applies_to("product_version", {{{4, 0}, {5, 5}}})
        .requires_signals({event("Svc", event_id)})
        .supported_by({start_error("Svc", 2140)})
        .confirmed_by({fact_is("account_is_admin", false)})
        .because("a cause")
        .resolved_by({"a step"})
        .see_also({"Q654321"})
        .shown_by({example_of(saw_start_error("Svc", 2140), saw_event("Svc", static_cast<std::uint16_t>(event_id)))});
}

template <std::size_t N>
constexpr check_result check_rules(const std::array<rule, N>& rules, const std::array<fact_definition, 3>& facts = catalog) {
    return check_table(facts, rules, true);
}

template <std::size_t N>
void expect(const std::array<rule, N>& rules, table_problem problem, std::size_t at_rule, std::string_view subject) {
    const check_result result = check_rules(rules);
    CHECK(result.problem == problem);
    CHECK(result.rule_index == at_rule);
    CHECK(result.rule_id == rules[at_rule].id);
    CHECK(result.subject == subject);
}

}  // namespace

TEST_CASE("a valid table passes every check, also in a constant expression") {
    constexpr std::array<rule, 2> rules = {valid_rule("first", 1), valid_rule("second", 2)};
    static_assert(check_rules(rules).ok());
    CHECK(check_rules(rules).ok());
}

TEST_CASE("rule ids: well formed and unique") {
    expect(std::array<rule, 2>{valid_rule("same", 1), valid_rule("same", 2)}, table_problem::duplicate_rule_id, 1, "same");
    expect(std::array<rule, 1>{valid_rule("Has Spaces", 1)}, table_problem::malformed_rule_id, 0, "");
    expect(std::array<rule, 1>{valid_rule("", 1)}, table_problem::malformed_rule_id, 0, "");
}

TEST_CASE("article ids look like Q123456") {
    auto bad = valid_rule("r", 1);
    bad.article = "KB173496";
    expect(std::array<rule, 1>{bad}, table_problem::malformed_article_id, 0, "KB173496");
    auto related = valid_rule("r", 1).see_also({"Q12"});
    expect(std::array<rule, 1>{related}, table_problem::malformed_related_article, 0, "Q12");
}

TEST_CASE("a rule needs an observable signal") {
    auto bad = valid_rule("r", 1).requires_signals({}).supported_by({});
    expect(std::array<rule, 1>{bad}, table_problem::no_observable_signal, 0, "");
}

TEST_CASE("event ids fit 16 bits and sources are named") {
    expect(std::array<rule, 1>{valid_rule("r", 70000)}, table_problem::event_id_over_65535, 0, "Svc");
    auto unnamed = valid_rule("r", 1).supported_by({start_error("", 2140)});
    expect(std::array<rule, 1>{unnamed}, table_problem::empty_source, 0, "");
}

TEST_CASE("a message box and an event known by its text have a text") {
    for (std::string_view empty : {"", " ", "...", "\"\""}) {
        expect(std::array<rule, 1>{valid_rule("r", 1).supported_by({message_box(empty)})}, table_problem::empty_signal_text, 0,
               "message_box");
        expect(std::array<rule, 1>{valid_rule("r", 1).supported_by({event_described("Svc", empty)})},
               table_problem::empty_signal_text, 0, "Svc");
    }
    auto described = valid_rule("r", 1).supported_by({message_box("x"), event_described("Svc", "an 8")});
    CHECK(check_rules(std::array<rule, 1>{described}).ok());
    // A crash's program is its source: program_crash("") has an empty source.
    expect(std::array<rule, 1>{valid_rule("r", 1).supported_by({program_crash("", 0xc0000005u)})},
           table_problem::empty_source, 0, "");
}

TEST_CASE("the service a rule is about is named") {
    expect(std::array<rule, 1>{valid_rule("r", 1).about_service("")}, table_problem::empty_source, 0, "about_service");
    expect(std::array<rule, 1>{valid_rule("r", 1).about_service(" ")}, table_problem::empty_source, 0, "about_service");
    CHECK(check_rules(std::array<rule, 1>{valid_rule("r", 1).about_service("Svc")}).ok());
}

TEST_CASE("a signal's telling values have a letter or digit") {
    for (std::string_view empty : {"", " ", "..."}) {
        expect(std::array<rule, 1>{valid_rule("r", 1).supported_by({event("Svc", 4003).with_value(empty)})},
               table_problem::empty_signal_value, 0, "Svc");
        expect(std::array<rule, 1>{valid_rule("r", 1).supported_by({message_box("Initialization failed").with_value(empty)})},
               table_problem::empty_signal_value, 0, "message_box");
        expect(std::array<rule, 1>{valid_rule("r", 1).supported_by({program_crash("svc").with_value(empty)})},
               table_problem::empty_signal_value, 0, "svc");
    }
    auto valued = valid_rule("r", 1).supported_by({event("Svc", 4003).with_value("10048"), program_crash("svc").with_value("-1811")});
    CHECK(check_rules(std::array<rule, 1>{valued}).ok());
}

TEST_CASE("facts come from the catalog, with values of their kind") {
    auto unknown = valid_rule("r", 1).confirmed_by({fact_is("acount_is_admin", false)});
    expect(std::array<rule, 1>{unknown}, table_problem::unknown_fact, 0, "acount_is_admin");
    auto wrong_kind = valid_rule("r", 1).ruled_out_by({fact_is("account_is_admin", "no")});
    expect(std::array<rule, 1>{wrong_kind}, table_problem::fact_type_mismatch, 0, "account_is_admin");
    auto version_not_version = valid_rule("r", 1).applies_to("platform", {only({5, 5})});
    expect(std::array<rule, 1>{version_not_version}, table_problem::fact_type_mismatch, 0, "platform");
    auto example_fact = valid_rule("r", 1).shown_by({example_of(saw_event("Svc", 1), fact_is("nope", true))});
    expect(std::array<rule, 1>{example_fact}, table_problem::unknown_fact, 0, "nope");
}

TEST_CASE("version ranges run forwards") {
    auto bad = valid_rule("r", 1).applies_to("product_version", {only({4, 0}), {{5, 5}, {5, 0}}});
    expect(std::array<rule, 1>{bad}, table_problem::inverted_version_range, 0, "product_version");
}

TEST_CASE("cause and resolution are not empty") {
    auto no_cause = valid_rule("r", 1).because("");
    expect(std::array<rule, 1>{no_cause}, table_problem::missing_cause, 0, "");
    auto no_steps = valid_rule("r", 1).resolved_by({});
    expect(std::array<rule, 1>{no_steps}, table_problem::missing_resolution, 0, "");
    auto empty_step = valid_rule("r", 1).resolved_by({"step", ""});
    expect(std::array<rule, 1>{empty_step}, table_problem::missing_resolution, 0, "");
}

TEST_CASE("two rules no evidence could tell apart are rejected") {
    expect(std::array<rule, 2>{valid_rule("a", 7), valid_rule("b", 7)}, table_problem::indistinguishable_rules, 1, "a");
    // A fact that differs is enough to tell them apart (and their examples then must use it).
    auto b = valid_rule("b", 7).confirmed_by({fact_is("account_is_admin", true)});
    const check_result result = check_rules(std::array<rule, 2>{valid_rule("a", 7), b});
    CHECK(result.problem != table_problem::indistinguishable_rules);
}

TEST_CASE("each rule's example must make it the single top candidate") {
    // Same event, different facts, but b's example does not give the deciding fact: a tie.
    auto b = valid_rule("b", 7).confirmed_by({fact_is("account_is_admin", true)});
    expect(std::array<rule, 2>{valid_rule("a", 7), b}, table_problem::example_does_not_pick_its_rule, 0, "b");
    // With the deciding facts in both examples, both pass.
    auto a_decided = valid_rule("a", 7).shown_by(
        {example_of(saw_event("Svc", 7), fact_is("account_is_admin", false))});
    auto b_decided = rule(b).shown_by({example_of(saw_event("Svc", 7), fact_is("account_is_admin", true))});
    CHECK(check_rules(std::array<rule, 2>{a_decided, b_decided}).ok());
    // An example whose evidence points at another rule names the winner.
    auto misplaced = valid_rule("c", 8).shown_by({example_of(saw_event("Svc", 9))});
    expect(std::array<rule, 2>{valid_rule("d", 9), misplaced}, table_problem::example_does_not_pick_its_rule, 1, "d");
    auto empty = valid_rule("e", 1).shown_by({example{}});
    expect(std::array<rule, 1>{empty}, table_problem::example_without_evidence, 0, "");
}

TEST_CASE("the catalog: snake_case names, declared once, each with a question") {
    constexpr std::array<rule, 1> rules = {valid_rule("r", 1)};
    std::array<fact_definition, 3> facts = catalog;
    facts[2] = text_fact("Platform", "q?");
    CHECK(check_rules(rules, facts).problem == table_problem::malformed_fact_name);
    facts[2] = boolean_fact("account_is_admin", "again?");
    CHECK(check_rules(rules, facts).problem == table_problem::duplicate_fact);
    CHECK(check_rules(rules, facts).rule_index == 2);
    facts[2] = text_fact("platform", "");
    CHECK(check_rules(rules, facts).problem == table_problem::fact_without_question);
}

TEST_CASE("former names: resolved like names, and no name twice counting them") {
    std::array<fact_definition, 3> facts = catalog;
    facts[1] = boolean_fact("service_account_is_admin", "Is the service account an administrator?").formerly("account_is_admin");
    // The rules and examples still say account_is_admin: it is the renamed fact.
    constexpr std::array<rule, 1> rules = {valid_rule("r", 1)};
    CHECK(check_rules(rules, facts).ok());
    const auto table = build_table(facts, rules);
    CHECK(table.find_fact("account_is_admin") == 1);
    CHECK(table.find_fact("service_account_is_admin") == 1);
    // A former name that is another fact's name, another fact's former name, or the fact's own name.
    std::array<fact_definition, 3> clash = facts;
    clash[2] = text_fact("platform", "Which processor platform is it?").formerly("product_version");
    CHECK(check_rules(rules, clash).problem == table_problem::former_name_clash);
    CHECK(check_rules(rules, clash).rule_index == 2);
    CHECK(check_rules(rules, clash).subject == "product_version");
    CHECK(check_rules(rules, clash).value == 0);
    clash[2] = text_fact("platform", "Which processor platform is it?").formerly("account_is_admin");
    CHECK(check_rules(rules, clash).problem == table_problem::former_name_clash);
    CHECK(check_rules(rules, clash).rule_index == 2);
    CHECK(check_rules(rules, clash).value == 1);
    clash[2] = text_fact("platform", "Which processor platform is it?").formerly("platform");
    CHECK(check_rules(rules, clash).problem == table_problem::former_name_clash);
    CHECK(check_rules(rules, clash).value == 2);
    // A name given later that an earlier fact had: reported at the earlier fact, whose former name it is.
    clash[2] = text_fact("account_is_admin", "Which processor platform is it?");
    CHECK(check_rules(rules, clash).problem == table_problem::former_name_clash);
    CHECK(check_rules(rules, clash).rule_index == 1);
    CHECK(check_rules(rules, clash).value == 2);
    clash[2] = text_fact("platform", "Which processor platform is it?").formerly("Platform");
    CHECK(check_rules(rules, clash).problem == table_problem::malformed_fact_name);
    CHECK(check_rules(rules, clash).subject == "");
    CHECK(check_rules(rules, clash).rule_id == "Platform");
}
