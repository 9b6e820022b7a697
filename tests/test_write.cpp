// The output formats: text for people, JSON for tools.
#include <doctest/doctest.h>

#include <string>

#include "ruledx/kb/exchange_ims.hpp"
#include "ruledx/write/json.hpp"
#include "ruledx/write/text.hpp"
#include "support/json_check.hpp"

namespace {

using namespace ruledx;
namespace ims = ruledx::kb::exchange_ims;

const observed_start_error dialog[] = {saw_start_error("MSExchangeIMC", 2140)};
const observed_event logged[] = {saw_event("MSExchangeIMC", 4143).with_description(
    "The Internet Mail Service service account is not an administrator account.")};

std::string cite(signal_kind kind, std::size_t index) {
    return std::string(kind == signal_kind::event ? "log" : "dialog") + " #" + std::to_string(index);
}

std::size_t longest_line(const std::string& text) {
    std::size_t longest = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        if (end - start > longest) longest = end - start;
        start = end + 1;
    }
    return longest;
}

}  // namespace

TEST_CASE("text: the likely cause in full, readable at 80 columns") {
    const auto r = diagnose(ims::table, {dialog, logged, {}});
    const std::string text = write::to_text(ims::table, r, cite);
    CHECK(text.rfind("1. LIKELY Q173496", 0) == 0);
    CHECK(text.find("Cause: ") != std::string::npos);
    CHECK(text.find("  1. Add the Exchange service account") != std::string::npos);
    CHECK(text.find("+ event 4143 from MSExchangeIMC") != std::string::npos);
    CHECK(text.find("[log #0]") != std::string::npos);
    CHECK(text.find("[dialog #0]") != std::string::npos);
    CHECK(text.find("Next checks, most informative first:") != std::string::npos);
    CHECK(text.find("--fact") == std::string::npos);  // how to answer is the caller's to say
    CHECK(longest_line(text) <= 80);
    CHECK(text.find("\n\n\n") == std::string::npos);
}

TEST_CASE("text: the caller says how to answer a question and where the other candidates are") {
    const auto r = diagnose(ims::table, {dialog, {}, {}});
    write::text_options options;
    options.how_to_answer = [](const question& q) {
        return q.what == question::kind::fact ? "answer fact #" + std::to_string(q.fact_index) : std::string("look it up");
    };
    options.more_candidates = "see elsewhere";
    const std::string text = write::to_text(ims::table, r, cite, options);
    const std::size_t checks = text.find("Next checks, most informative first:");
    REQUIRE(checks != std::string::npos);
    const question first = question_of(ims::table, r.next_checks()[0]);
    CHECK(text.find(options.how_to_answer(first), checks) != std::string::npos);
    CHECK(text.find("more candidates not shown; see elsewhere)") != std::string::npos);
    CHECK(write::to_text(ims::table, r, cite).find("not shown)") != std::string::npos);
}

TEST_CASE("text: ruled-out candidates say why") {
    const fact_assignment on_4_0[] = {fact_is("exchange_version", version{4, 0})};
    const auto r = diagnose(ims::table, {dialog, logged, on_4_0});
    const std::string text = write::to_text(ims::table, r);
    CHECK(text.find("Ruled out:") != std::string::npos);
    CHECK(text.find("needs exchange_version 5.5") != std::string::npos);
}

TEST_CASE("text: no candidates") {
    CHECK(write::to_text(ims::table, diagnose(ims::table, {})) == "No rule matches the evidence.\n");
}

TEST_CASE("json: valid, with the documented members") {
    const auto r = diagnose(ims::table, {dialog, logged, {}});
    const std::string json = write::to_json(ims::table, r, cite, "[{\"path\": \"x\"}]");
    CHECK(test::json_check::first_error(json) == test::json_check::valid);
    for (const char* member : {"\"candidates\": [", "\"rule\": \"ims-service-account-not-admin\"", "\"article\": \"Q173496\"",
                               "\"status\": \"likely\"", "\"cause\": ", "\"resolution\": [", "\"evidence\": [",
                               "\"missing\": [{\"fact\": \"service_account_is_admin\"", "\"contradicted\": []",
                               "\"next_checks\": [", "\"key\": \"fact:", "\"question\": ", "\"from\": \"log #0\"", "\"inputs\": [{\"path\": \"x\"}]"})
        CHECK_MESSAGE(json.find(member) != std::string::npos, member);
    const std::string empty = write::to_json(ims::table, diagnose(ims::table, {}));
    CHECK(test::json_check::first_error(empty) == test::json_check::valid);
    CHECK(empty == "{\"candidates\": [], \"next_checks\": [], \"inputs\": []}\n");
}

TEST_CASE("json: strings are escaped") {
    std::string out;
    write::append_json_string(out, std::string_view("a\"b\\c\nd\x01\te", 10));
    CHECK(out == "\"a\\\"b\\\\c\\nd\\u0001\\te\"");
    CHECK(test::json_check::first_error(out) == test::json_check::valid);
}

TEST_CASE("the JSON checker itself rejects what it should") {
    CHECK(test::json_check::first_error("{\"a\": [1, 2,]}") != test::json_check::valid);
    CHECK(test::json_check::first_error("{\"a\" 1}") != test::json_check::valid);
    CHECK(test::json_check::first_error("\"tab\there\"") != test::json_check::valid);
    CHECK(test::json_check::first_error("{} {}") != test::json_check::valid);
    CHECK(test::json_check::first_error("{\"a\": [true, null, -1.5e3, \"\\u00e9\"]}") == test::json_check::valid);
}
