#include <doctest/doctest.h>

#include "ruledx/detail/text_match.hpp"

using ruledx::detail::contains_phrase;
using ruledx::detail::contains_wording;
using ruledx::detail::same_name;
using ruledx::detail::similar_label;

TEST_CASE("names compare without case or spaces") {
    CHECK(same_name("MSExchangeIMC", "msexchangeimc"));
    CHECK(same_name("MSExchange IMC", "MSExchangeIMC"));
    CHECK_FALSE(same_name("MSExchangeIMC", "MSExchangeMTA"));
    CHECK_FALSE(same_name("MSExchangeIMC", "MSExchangeIM"));
    CHECK(same_name("", " "));
    static_assert(same_name("IMC ", " imc"));
}

TEST_CASE("phrases are found across case and line breaks") {
    constexpr std::string_view logged =
        "The Internet Mail Service service account is not an administrator account. In\r\n"
        "order to provide SSL support, the service account must be an administrator account.";
    CHECK(contains_phrase(logged, "in order to provide SSL support"));
    CHECK(contains_phrase(logged, "ADMINISTRATOR ACCOUNT."));
    CHECK_FALSE(contains_phrase(logged, "administrator accounts"));
    CHECK_FALSE(contains_phrase(logged, "inorder"));
    CHECK(contains_phrase(std::string_view("10048\0other\0", 12), "10048"));
    CHECK_FALSE(contains_phrase("bind (10050)", "10048"));
    CHECK(contains_phrase("anything", ""));
    CHECK_FALSE(contains_phrase("", "x"));
    static_assert(contains_phrase("a  b", "A B"));
}

TEST_CASE("descriptions match by their wording, whatever the punctuation and spacing") {
    constexpr std::string_view with_commas =
        "An error was returned from the messaging software, the Internet Mail Service uses, to process messages "
        "on the Microsoft Exchange Server.";
    CHECK(contains_wording(with_commas,
                           "the messaging software the Internet Mail Service uses to process messages on the "
                           "Microsoft ExchangeServer."));
    CHECK(contains_wording("moved to the \"BAD\" folder", "moved to the BAD folder"));
    CHECK(contains_wording("Error=11004.", "error 11004"));
    CHECK_FALSE(contains_wording(with_commas, "the messaging software the Internet Mail Connector uses"));
    CHECK_FALSE(contains_wording("moved to the folder", "moved to the BAD folder"));
    // Letters outside ASCII are wording, not separators.
    CHECK_FALSE(contains_wording("Журнал", "Жорнал"));
    CHECK(contains_wording("Журнал событий", "Журнал, событий"));
    CHECK(contains_wording("anything", ".,;"));
    CHECK_FALSE(contains_wording("...", "x"));
    static_assert(contains_wording("a,b", "A B"));
}

TEST_CASE("labels tolerate the typos articles print") {
    CHECK(similar_label("Intialization/Termination", "Initialization/Termination"));
    CHECK(similar_label("initialization / termination", "Initialization/Termination"));
    CHECK_FALSE(similar_label("Internal Processing", "Initialization/Termination"));
    CHECK_FALSE(similar_label("Configuration", "Initialization/Termination"));
    static_assert(similar_label("Intialization/Termination", "Initialization/Termination"));
}
