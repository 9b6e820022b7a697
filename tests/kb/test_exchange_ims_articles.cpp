// One test per Knowledge Base article of scope `ims-start`: the article's symptoms, written out here
// from the article (not taken from the rule's stored example), must put its rule first.
//
// Where an article's symptoms fit several causes equally (Q148727, Q163243, Q193928, Q317653, ...),
// the test shows the tie and that the deciding fact breaks it. Articles listed as exclusions are
// checked to be listed, with their evidence going to the rule that carries their cause if there is one.
#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <string>
#include <string_view>

#include "ims_test_support.hpp"
#include "support/shared_data.hpp"

using namespace ims_test;

namespace {

constexpr version v4_0{4, 0};
constexpr version v5_0{5, 0};
constexpr version v5_5{5, 5};

// The literal texts, as the articles print them.
constexpr std::string_view mapi_4018 =
    "Unable to start the Internet Mail Connector service because MAPI could not be initialized.";
constexpr std::string_view bad_folder_4116_commas =
    "An error was returned from the messaging software, the Internet Mail Service uses, to process messages on the "
    "Microsoft Exchange Server. It is possible that the piece of mail being processed at the time will not be "
    "delivered. The message that was being processed has been moved to the \"BAD\" folder. Use the appropriate "
    "utilities found in the SUPPORT directory of your Exchange CD to view and manipulate these messages.";
constexpr std::string_view bad_folder_4116 =
    "An error was returned from the messaging software the Internet Mail Service uses to process messages on the "
    "Microsoft Exchange Server.  It is possible that the piece of mail being processed at the time will not be "
    "delivered. The message that was being processed has been moved to the \"BAD\" folder.  Use the appropriate "
    "utilities found in the SUPPORT directory of your Exchange CD to view and manipulate these messages.";
constexpr std::string_view shut_down_4102 =
    "A serious error has occurred while trying to send mail into the Exchange Information Store. The Internet Mail "
    "Service is being shut down.";
constexpr std::string_view config_4086 =
    "Unable to start the service because the configuration could not be loaded from the Microsoft Exchange "
    "directory or Windows NT Registry.";
constexpr std::string_view bind_10050 = "The following error occurred while trying to bind the TCP/IP listener socket (10050)";
constexpr std::string_view winsock_q193928 = "Unable to start service because Winsock could not be initialized.";

findings q163243_symptoms() {
    return findings{}.start_error(2140).log(saw_event(imc, 4018)
                                                .with_type(event_type::error)
                                                .with_category("Initialization/Termination")
                                                .with_description(mapi_4018));
}

findings q193928_symptoms() {
    return findings{}.start_error(2140).log(imc_event(4007, bind_10050)).log(imc_event(4020, winsock_q193928));
}

findings q317653_symptoms() {
    return findings{}.log(imc_event(4116, bad_folder_4116)).log(imc_event(4102, shut_down_4102));
}

findings q322829_symptoms() {
    return findings{}
        .start_error(2140)
        .log(saw_event(imc, 4116)
                 .with_type(event_type::error)
                 .with_category("Internal Processing")
                 .with_description("An error was returned from the messaging software the Internet Mail Service uses "
                                   "to process messages on the Microsoft ExchangeServer. It is possible that the piece "
                                   "of mail being processed at the time will not be delivered."))
        .log(saw_event(imc, 4023)
                 .with_type(event_type::error)
                 .with_category("Initialization/Termination")
                 .with_description("Unable to start the Internet Mail Service because the work threads could not be "
                                   "initialized."))
        .log(saw_event(imc, 4182)
                 .with_type(event_type::error)
                 .with_category("Internal Processing")
                 .with_description(shut_down_4102))
        .log(saw_event(imc, 3039)
                 .with_type(event_type::error)
                 .with_category("Internal Processing")
                 .with_description("The error 0x80040115 was encountered while trying to communicate with the message "
                                   "store. An attempt to refresh the connection will be made. If not successful, the "
                                   "service will be shut down."))
        .log(saw_event(imc, 4037))
        .log(saw_event(imc, 1011));
}

const rule& rule_named(std::string_view id) { return ims::table.rules[rule_index(id)]; }

bool mentions(std::string_view text, std::string_view phrase) { return text.find(phrase) != std::string_view::npos; }

// Whether a step of the rule's resolution says the article gives no (further) step.
bool says_no_step(const rule& rl) {
    for (std::string_view step : rl.resolution)
        if (mentions(step, "article gives no") || mentions(step, "gives no steps") || mentions(step, "guide gives no"))
            return true;
    return false;
}

bool names_fact(const rule& rl, std::string_view fact) {
    for (const fact_assignment& f : rl.confirming)
        if (f.name == fact) return true;
    for (const fact_assignment& f : rl.ruling_out)
        if (f.name == fact) return true;
    return false;
}

// Each sibling of a fact-separated family: without facts all tie, with its fact it is first.
void check_siblings_split_by_fact(const findings& symptoms, std::string_view id, std::string_view fact,
                                  fact_value value, std::string_view sibling) {
    CAPTURE(std::string(id));
    const auto without = symptoms.diagnose();
    CHECK(tied(without, id, sibling));
    findings with = symptoms;
    with.fact(fact, value);
    const auto r = with.diagnose();
    CHECK(best_id(r) == std::string(id));
    CHECK(r.best()->status != status::ruled_out);
    CHECK_FALSE(tied(r, id, sibling));
}

// ---- a handful checked by the compiler as well ------------------------------------------------
namespace compile_time {
constexpr observed_event q222553_log[] = {
    saw_event("MSExchangeIMC", 4007)
        .with_description("The following error occurred while trying to bind the TCP/IP listener socket. 10048"),
    saw_event("MSExchangeIMC", 4020).with_description("Unable to start the service because WinSock could not be "
                                                      "initialized.")};
constexpr auto q222553 = ruledx::diagnose(ims::table, {{}, q222553_log, {}});
static_assert(ims::table.rules[q222553.best()->rule_index].id == "ims-winsock-bind-10048-port-in-use");
static_assert(q222553.best()->status == status::likely);

constexpr observed_start_error dialog_2140[] = {saw_start_error("MSExchangeIMC", 2140)};
constexpr observed_event q154589_log[] = {
    saw_event("MSExchangeIMC", 4058)
        .with_category("Intialization/Termination")
        .with_description("The Internet Mail Connector cannot start because the name resolver cannot be initialized.")};
constexpr fact_assignment domain_name_blank[] = {fact_is("tcpip_dns_domain_name_set", false)};
constexpr auto q154589 = ruledx::diagnose(ims::table, {dialog_2140, q154589_log, domain_name_blank});
static_assert(ims::table.rules[q154589.best()->rule_index].article == "Q154589");
static_assert(q154589.best()->status == status::confirmed);

constexpr observed_event q193928_log[] = {
    saw_event("MSExchangeIMC", 4007)
        .with_description("The following error occurred while trying to bind the TCP/IP listener socket (10050)"),
    saw_event("MSExchangeIMC", 4020).with_description("Unable to start service because Winsock could not be initialized.")};
constexpr fact_assignment other_firewall[] = {fact_is("ms_proxy_client_enabled", true),
                                              fact_is("uses_ms_proxy_server", false)};
constexpr auto q193928_b = ruledx::diagnose(ims::table, {dialog_2140, q193928_log, other_firewall});
static_assert(ims::table.rules[q193928_b.best()->rule_index].id == "ims-4007-10050-proxy-client-with-other-firewall");
static_assert(q193928_b.best()->status == status::confirmed);
// One log, one confirmed cause: Q203116's rule, which had the same cause and checks, is merged into this one.
static_assert(q193928_b.ranked().size() < 2 || q193928_b.ranked()[1].status != status::confirmed);

constexpr observed_event q306308_log[] = {
    saw_event("MSExchangeIS Private", 1023)
        .with_type(event_type::failure_audit)
        .with_category("Logons")
        .with_description("DOMAIN\\svc was validated as /o=Org/ou=Site/cn=Configuration/cn=Connections/cn=Internet "
                          "Mail Connector (SRV1) but was unable to log on to /o=Org/ou=Site/cn=Configuration/"
                          "cn=Connections/cn=Internet Mail Connector (SRV1)"),
    saw_event("MSExchangeIMC", 4018).with_type(event_type::error)};
constexpr auto q306308 = ruledx::diagnose(ims::table, {dialog_2140, q306308_log, {}});
static_assert(ims::table.rules[q306308.best()->rule_index].article == "Q306308");

constexpr observed_event q291123_log[] = {
    saw_event("MSExchangeIMC", 4067)
        .with_description("The Internet Mail Service cannot start because the TCP/IP domain name was not found during "
                          "initialization."),
    saw_event("MSExchangeIMC", 4058)
        .with_description("The Internet Mail Service cannot start because the name resolver cannot be initialized.")};
constexpr auto q291123 = ruledx::diagnose(ims::table, {{}, q291123_log, {}});
static_assert(ims::table.rules[q291123.best()->rule_index].article == "Q291123");
}  // namespace compile_time

}  // namespace

TEST_CASE("Q148565: per-domain routes named in 4032, 4057, 4014") {
    const auto r = findings{}
                       .start_error(2140)
                       .log(saw_event(imc, 4032))
                       .log(saw_event(imc, 4057))
                       .log(saw_event(imc, 4014))
                       .diagnose();
    check_first(r, "ims-per-domain-route-invalid", status::likely);
    CHECK(fact_check_position(r, "ims_delivery_routes_valid") == 0);
    // Only two of the three events: the rule is still a candidate, no longer likely, and the third is asked for.
    const auto partial = findings{}.log(saw_event(imc, 4032)).log(saw_event(imc, 4057)).diagnose();
    CHECK(status_of(partial, "ims-per-domain-route-invalid") == status::possible);
    CHECK(event_check_position(partial, imc, 4014) != absent);
}

TEST_CASE("Q148727: seven causes behind Error 2140 on the 4.0 IMC, each told apart by its check") {
    const findings symptoms = findings{}.start_error(2140).on(v4_0);
    struct cause {
        std::string_view id;
        std::string_view fact;
        bool value;
    };
    constexpr cause causes[] = {
        {"imc-address-space-not-configured", "ims_address_space_configured", false},
        {"imc-startup-account-wrong", "ims_service_logon_account_correct", false},
        {"imc-address-space-not-replicated", "ims_starts_after_address_space_reentered", true},
        {"imc-tcpip-dns-not-configured", "tcpip_dns_configured", false},
        {"imc-admin-mailbox-x400-removed", "ims_admin_mailbox_has_x400_address", false},
        {"imc-queue-dat-or-spool-file-damaged", "ims_starts_with_imcdata_emptied", true},
        {"imc-messages-stuck-in-mts-queues", "mts_queue_has_bad_message", true},
    };
    const auto without = symptoms.diagnose();
    for (const cause& c : causes) {
        CAPTURE(std::string(c.id));
        CHECK(ims::table.rules[rule_index(c.id)].article == "Q148727");
        CHECK(status_of(without, c.id) == status::possible);
        CHECK(tied(without, c.id, causes[0].id));
        findings with = symptoms;
        with.fact(c.fact, c.value);
        check_first(with.diagnose(), c.id, status::confirmed);
    }
    // The article names the startup account as a cause without steps, and for the administrator's
    // missing X.400 address gives only the check: the resolutions say so instead of borrowing steps.
    const rule& account = rule_named("imc-startup-account-wrong");
    CHECK(account.resolution.size() == 1);
    CHECK(says_no_step(account));
    CHECK(says_no_step(rule_named("imc-admin-mailbox-x400-removed")));
}

TEST_CASE("Q149542: Dr. Watson in MSEXCIMC.EXE and Error 1067 with an administrator mailbox lacking X.400") {
    const auto r = findings{}.start_error(1067).on(v4_0).fact("ims_admin_mailbox_has_x400_address", false).diagnose();
    check_first(r, "imc-admin-mailbox-no-x400-error-1067", status::confirmed);
    // Error 1067 alone is shared with Q168883's 4037 rules: the mailbox check comes first among the open questions.
    const auto alone = findings{}.start_error(1067).diagnose();
    CHECK(status_of(alone, "imc-admin-mailbox-no-x400-error-1067") == status::possible);
    CHECK(fact_check_position(alone, "ims_admin_mailbox_has_x400_address") != absent);
    CHECK(event_check_position(alone, imc, 4037) != absent);
    // "With the Microsoft Exchange Server version 5.0 Internet Mail Service (IMS) ... no 1067 error is
    // generated": an Error 1067 on 5.0 is not this article's evidence (its 5.0 symptom, the Dr. Watson
    // dialog alone, is the evidence of the article's 5.0 rule).
    const auto on_50 = findings{}.start_error(1067).on(v5_0).fact("ims_admin_mailbox_has_x400_address", false).diagnose();
    CHECK(status_of(on_50, "imc-admin-mailbox-no-x400-error-1067") == status::ruled_out);
    CHECK(candidate_of(on_50, "imc-admin-mailbox-no-x400-error-1067")->outside_versions);
}

TEST_CASE("Q154589: Error 2140 and event 4058 when the TCP/IP domain name is blank") {
    const auto r =
        findings{}
            .start_error(2140)
            .log(saw_event(imc, 4058)
                     .with_category("Intialization/Termination")
                     .with_description("The Internet Mail Connector cannot start because the name resolver cannot be "
                                       "initialized. Check your network settings in the Control Panel to ensure that you "
                                       "have set a domain name in the DNS dialog box of the TCP/IP configuration."))
            .diagnose();
    check_first(r, "imc-4058-dns-domain-name-blank", status::likely);
    CHECK(r.best()->text_matched[0]);
    CHECK(fact_check_position(r, "tcpip_dns_domain_name_set") != absent);
}

TEST_CASE("Q155585: Error 1069 when the service account's password is wrong") {
    const auto r = findings{}.start_error(1069).diagnose();
    check_first(r, "exchange-service-logon-failure-1069", status::likely);
    CHECK(fact_check_position(r, "service_starts_with_logon_account_reentered") == 0);
    const auto confirmed =
        findings{}.start_error(1069).fact("service_starts_with_logon_account_reentered", true).diagnose();
    check_first(confirmed, "exchange-service-logon-failure-1069", status::confirmed);
}

TEST_CASE("Q155585: logging on as the service account only picks the fix; 'it works' no longer rules the cause out") {
    // "If you can log on to the Domain as the Service Account, change the password in the Startup
    // option": the logon test tells which fix applies, both within the rule. The startup options mask
    // their password, so no answer about it is asked or can exclude the rule.
    CHECK(ims::table.find_fact("service_account_logon_works") == not_found);
    CHECK_FALSE(names_fact(rule_named("exchange-service-logon-failure-1069"), "service_account_logon_works"));
    const auto logon_works = findings{}.start_error(1069).fact("service_account_logon_works", true).diagnose();
    check_first(logon_works, "exchange-service-logon-failure-1069", status::likely);
    // The service still failing once its logon is entered again is what excludes it.
    const auto still_fails =
        findings{}.start_error(1069).fact("service_starts_with_logon_account_reentered", false).diagnose();
    CHECK(status_of(still_fails, "exchange-service-logon-failure-1069") == status::ruled_out);
}

TEST_CASE("Q155814: SCM 7000, event 4086 and Error 2186 when the service logs on as LocalSystem") {
    const auto r =
        findings{}
            .start_error(2186)
            .log(saw_event("Service Control Manager", 7000)
                     .with_description("The Microsoft Exchange Internet Mail Connector service failed to start due to "
                                       "the following error: The service did not respond to the start or control "
                                       "request in a timely fashion."))
            .log(saw_event("MSExchange IMC", 4086).with_category("Initialization/Termination").with_description(config_4086))
            .diagnose();
    check_first(r, "ims-4086-logs-on-as-local-system", status::likely);
    const auto confirmed = findings{}
                               .start_error(2186)
                               .log(imc_event(4086, config_4086))
                               .fact("ims_service_logs_on_as_local_system", true)
                               .diagnose();
    check_first(confirmed, "ims-4086-logs-on-as-local-system", status::confirmed);
    // The article prints 4086 with a category and no type: the rule does not claim one.
    const rule& rl = rule_named("ims-4086-logs-on-as-local-system");
    CHECK(rl.required[0].code == 4086);
    CHECK(rl.required[0].type == event_type::unspecified);
    CHECK(rl.required[0].category == "Initialization/Termination");
}

TEST_CASE("Q156229: Error 2140 and event 4074 when the Address Type is not SMTP") {
    const auto r = findings{}
                       .start_error(2140)
                       .log(imc_event(4074,
                                      "Unable to start the Internet Mail Connector because the routing table could not be "
                                      "read. Wait a few minutes to allow any routing table updates to complete and then "
                                      "try to start it again."))
                       .diagnose();
    check_first(r, "imc-4074-address-type-not-smtp", status::likely);
    CHECK(fact_check_position(r, "ims_address_type_is_smtp") == 0);
}

TEST_CASE("Q157042: event 4018 without a private information store (excluded: carried by Q163243's rule)") {
    const findings symptoms = findings{}.start_error(2140).on(v4_0).log(saw_event(imc, 4018)
                                                                            .with_category("Intialization/Termination")
                                                                            .with_description(mapi_4018));
    const auto r = symptoms.diagnose();
    // The four 4018 causes of Q163243 all fit; asking about the private store is among the first questions.
    CHECK(contains(top_tier(r), "ims-4018-no-private-store"));
    CHECK(fact_check_position(r, "private_store_on_server") != absent);
    CHECK(fact_check_position(r, "private_store_on_server") < 8);
    findings with = symptoms;
    with.fact("private_store_on_server", false);
    check_first(with.diagnose(), "ims-4018-no-private-store", status::confirmed);
    bool listed = false;
    for (const auto& x : ims::exclusions) listed = listed || (x.entry == "Q157042" && x.covered_by == "ims-4018-no-private-store");
    CHECK(listed);
}

TEST_CASE("Q158308: Error 2186 without events when more than seven connector instances run") {
    const auto r = findings{}.start_error(2186).diagnose();
    CHECK(status_of(r, "exchange-connector-desktop-heap-2186") == status::possible);
    CHECK(tied(r, "exchange-connector-desktop-heap-2186", "ims-4086-logs-on-as-local-system"));
    const auto decided = findings{}.start_error(2186).on(v4_0).fact("exchange_service_instances_over_seven", true).diagnose();
    check_first(decided, "exchange-connector-desktop-heap-2186", status::likely);
    const auto confirmed = findings{}
                               .start_error(2186)
                               .fact("exchange_service_instances_over_seven", true)
                               .fact("windows_version", version{4, 0})
                               .diagnose();
    check_first(confirmed, "exchange-connector-desktop-heap-2186", status::confirmed);
}

TEST_CASE("Q160932: Error 0002 when msexcimc.exe is missing") {
    const auto r = findings{}.start_error(2).diagnose();
    check_first(r, "exchange-service-executable-missing-0002", status::likely);
    const auto gone = findings{}.start_error(2).fact("ims_executable_intact", false).diagnose();
    check_first(gone, "exchange-service-executable-missing-0002", status::confirmed);
    const auto intact = findings{}.start_error(2).fact("ims_executable_intact", true).diagnose();
    CHECK(status_of(intact, "exchange-service-executable-missing-0002") == status::ruled_out);
}

TEST_CASE("Q163243: four causes of event 4018, each decided by its check") {
    const findings symptoms = q163243_symptoms();
    const auto r = symptoms.diagnose();
    const auto top = top_tier(r);
    CHECK(top.size() == 4);
    for (std::string_view id : {"ims-4018-mapisvc-inf-missing", "ims-4018-mapisvc-inf-no-change-right",
                                "ims-4018-no-private-store", "ims-4018-registry-commonname-homedsa"}) {
        CHECK(contains(top, id));
        CHECK(ims::table.rules[rule_index(id)].article == "Q163243");
    }
    check_siblings_split_by_fact(symptoms, "ims-4018-mapisvc-inf-missing", "mapisvc_inf_in_system32", false,
                                 "ims-4018-no-private-store");
    check_siblings_split_by_fact(symptoms, "ims-4018-mapisvc-inf-no-change-right",
                                 "service_account_can_change_mapisvc_inf", false, "ims-4018-mapisvc-inf-missing");
    check_siblings_split_by_fact(symptoms, "ims-4018-no-private-store", "private_store_on_server", false,
                                 "ims-4018-mapisvc-inf-missing");
    check_siblings_split_by_fact(symptoms, "ims-4018-registry-commonname-homedsa",
                                 "ims_registry_commonname_homedsa_valid", false, "ims-4018-mapisvc-inf-missing");
}

TEST_CASE("Q166080: DrWatson 4097 for MSEXCIMC.dbg during the Internet Mail Wizard") {
    const auto r = findings{}
                       .log(saw_event("DrWatson", 4097)
                                .with_description("The application; MSEXCIMC.dbg; generated an application error The error "
                                                  "occurred on 1/02/1999 @ 10:11: 1.123 The exception generated was "
                                                  "c0000005 at address 0042db78 ()."))
                       .diagnose();
    check_first(r, "ims-wizard-admin-mailbox-no-x400-dr-watson", status::likely);
    // Store.exe's Dr. Watson (Q169223) is another 4097: its value does not match this text.
    CHECK(candidate_of(r, "ims-4023-inbound-message-crashes-store") == nullptr);
    const auto confirmed =
        findings{}.log(saw_event("DrWatson", 4097)).fact("ims_admin_mailbox_has_x400_address", false).on(v5_5).diagnose();
    check_first(confirmed, "ims-wizard-admin-mailbox-no-x400-dr-watson", status::confirmed);
}

TEST_CASE("Q168883: event 4037 and Error 1067; Imcdata or the MTA queue") {
    const findings symptoms =
        findings{}.start_error(1067).log(saw_event(imc, 4037)
                                             .with_type(event_type::error)
                                             .with_category("Internal Processing")
                                             .with_description("An exception has occurred which was handled internally by "
                                                               "the Internet Mail Service. This may have resulted in a "
                                                               "message not being delivered."));
    const auto r = symptoms.diagnose();
    CHECK(tied(r, "ims-4037-corrupt-message-in-imcdata", "ims-4037-corrupt-message-in-mta-queue"));
    CHECK(status_of(r, "ims-4037-corrupt-message-in-imcdata") == status::likely);
    CHECK(fact_check_position(r, "ims_starts_with_imcdata_emptied") == 0);
    findings emptied_helps = symptoms;
    emptied_helps.fact("ims_starts_with_imcdata_emptied", true);
    check_first(emptied_helps.diagnose(), "ims-4037-corrupt-message-in-imcdata", status::confirmed);
    CHECK(status_of(emptied_helps.diagnose(), "ims-4037-corrupt-message-in-mta-queue") == status::ruled_out);
    findings emptied_fails = symptoms;
    emptied_fails.fact("ims_starts_with_imcdata_emptied", false);
    check_first(emptied_fails.diagnose(), "ims-4037-corrupt-message-in-mta-queue", status::confirmed);
}

TEST_CASE("Q169223: Store.exe Dr. Watson and 4023 from a bad message in Imcdata\\In") {
    const findings symptoms =
        findings{}
            .log(saw_event("DrWatson", 4097)
                     .with_type(event_type::information)
                     .with_description("The application, store.dbg, generated an application error. The error occurred "
                                       "on 3/3/1999@10:00:00.000. The exception generated was c0000005 at address "
                                       "0064897c (<nosymbols>)"))
            .log(saw_event(imc, 4117)
                     .with_type(event_type::error)
                     .with_description("An error was returned from the messaging software the Internet Mail Service uses "
                                       "to process messages on the Microsoft Exchange Server.  As a result, the message "
                                       "in spool file ABCD1234 failed to be delivered."))
            .log(saw_event(imc, 4116).with_type(event_type::error).with_description(bad_folder_4116))
            .log(saw_event(imc, 4023)
                     .with_type(event_type::error)
                     .with_category("Initialization/Termination")
                     .with_description("Unable to start the Internet Mail Service because the work threads could not be "
                                       "initialized."))
            .log(saw_event(imc, 4037).with_type(event_type::error).with_category("Internal processing"));
    check_first(symptoms.diagnose(), "ims-4023-inbound-message-crashes-store", status::likely);
    findings sp3 = symptoms;
    sp3.fact("exchange_service_pack", 3);
    const auto with_sp3 = sp3.diagnose();
    const candidate* c = candidate_of(with_sp3, "ims-4023-inbound-message-crashes-store");
    REQUIRE(c != nullptr);
    CHECK(c->status == status::ruled_out);
}

TEST_CASE("Q169686: the IMC shuts down on every start when the store grants too few threads") {
    const auto r = findings{}
                       .log(imc_event(4116, bad_folder_4116))
                       .log(imc_event(3039,
                                      "The error 0x80040115 was encountered while trying to communicate with the message "
                                      "store."))
                       .log(imc_event(4117))
                       .log(imc_event(4094,
                                      "The error 0x8004011d occurred while trying to refresh network connections to the "
                                      "Information Store. The Internet Mail Service is being shut down."))
                       .log(imc_event(4102, shut_down_4102))
                       .on(v5_0)
                       .diagnose();
    check_first(r, "ims-4094-store-thread-limit-too-low", status::likely);
    // Q317653's 5.5 rules share 4116 and 4102 but are out of their versions here.
    CHECK(status_of(r, "ims-4116-4102-antivirus") == status::ruled_out);
}

TEST_CASE("Q173496: event 4143, the service account is not an administrator") {
    const auto r = findings{}
                       .start_error(2140)
                       .log(saw_event(imc, 4143)
                                .with_type(event_type::error)
                                .with_description("The Internet Mail Service service account is not an administrator "
                                                  "account."))
                       .fact("service_account_is_admin", false)
                       .diagnose();
    check_first(r, "ims-service-account-not-admin", status::confirmed);
}

// ---- crashes, dialogs and failed starts without a code --------------------------------------

TEST_CASE("Q179289: application error c0000005 at RtlAllocateHeap in MSEXCIMC.dbg, IMS 5.5 does not start") {
    // "The application, exe\MSEXCIMC.dbg, generated an application error. ... The exception
    // generated was c0000005 at address 77f64654 (RtlAllocateHeap)"
    const findings symptoms =
        findings{}.crashed(saw_crash("exe\\MSEXCIMC.dbg", 0xc0000005).with_frames("RtlAllocateHeap\n")).on(v5_5);
    const auto r = symptoms.diagnose();
    check_first(r, "ims-5-5-heap-crash-relay-allow-list", status::likely);
    CHECK(r.best()->text_matched[0]);
    CHECK(fact_check_position(r, "ims_relay_allow_list_has_several_entries") == 0);
    findings checked = symptoms;
    checked.fact("ims_relay_allow_list_has_several_entries", true);
    check_first(checked.diagnose(), "ims-5-5-heap-crash-relay-allow-list", status::confirmed);
    // The article's only step is its fix: the service pack.
    const rule& rl = rule_named("ims-5-5-heap-crash-relay-allow-list");
    REQUIRE(rl.resolution.size() == 1);
    CHECK(mentions(rl.resolution[0], "service pack"));
}

TEST_CASE("Q185025: Dr. Watson 'Application exception occurred: App: MSEXCIMC.dbg', excess DNS search entries") {
    // The drwtsn32.log entry names the program and the exception, no stack: every crash rule of
    // MSEXCIMC on 5.5 fits it, and the article's check decides.
    const findings symptoms = findings{}.crashed(saw_crash("MSEXCIMC.dbg", 0xc0000005)).on(v5_5);
    const auto r = symptoms.diagnose();
    CHECK(status_of(r, "ims-dr-watson-dns-suffix-search-order-over-six") == status::likely);
    CHECK(fact_check_position(r, "dns_suffix_search_order_over_six_entries") != absent);
    findings checked = symptoms;
    checked.fact("dns_suffix_search_order_over_six_entries", true);
    check_first(checked.diagnose(), "ims-dr-watson-dns-suffix-search-order-over-six", status::confirmed);
    findings other = symptoms;
    other.fact("dns_suffix_search_order_over_six_entries", false);
    CHECK(status_of(other.diagnose(), "ims-dr-watson-dns-suffix-search-order-over-six") == status::ruled_out);
}

TEST_CASE("Q199429: 'The application, MSEXIMC.DBG, generated an application error', IMC 4.0 does not start") {
    // The article's spelling of the program (the IMC's MSEXCIMC without its C) matches the IMC's crash rules.
    const findings symptoms = findings{}.crashed(saw_crash("MSEXIMC.DBG", 0xc0000005)).start_error_without_code().on(v4_0);
    const auto r = symptoms.diagnose();
    check_first(r, "imc-4-application-error-admin-mailbox-damaged", status::likely);
    findings checked = symptoms;
    checked.fact("imc_starts_with_admin_mailbox_replaced", true);
    check_first(checked.diagnose(), "imc-4-application-error-admin-mailbox-damaged", status::confirmed);
}

TEST_CASE("Q149542 on 5.0: the Dr. Watson dialog alone, no Error 1067") {
    const findings symptoms = findings{}.crashed(saw_crash("MSEXCIMC.EXE", 0xc0000005)).on(v5_0);
    const auto r = symptoms.diagnose();
    CHECK(status_of(r, "ims-5-access-violation-admin-mailbox-no-x400") == status::likely);
    // On 5.0 Q185025's cause fits the same crash: the two checks split them.
    CHECK(tied(r, "ims-5-access-violation-admin-mailbox-no-x400", "ims-dr-watson-dns-suffix-search-order-over-six"));
    findings checked = symptoms;
    checked.fact("ims_admin_mailbox_has_x400_address", false);
    check_first(checked.diagnose(), "ims-5-access-violation-admin-mailbox-no-x400", status::confirmed);
    // On 4.0 the crash goes with Error 1067, the 4.0 rule's evidence.
    const auto on_40 = findings{}
                           .crashed(saw_crash("MSEXCIMC.EXE", 0xc0000005))
                           .start_error(1067)
                           .on(v4_0)
                           .fact("ims_admin_mailbox_has_x400_address", false)
                           .diagnose();
    check_first(on_40, "imc-admin-mailbox-no-x400-error-1067", status::confirmed);
    CHECK(status_of(on_40, "ims-5-access-violation-admin-mailbox-no-x400") == status::ruled_out);
}

TEST_CASE("Q199430: USER32.dll initialization dialog on 4.0, access violations on 5.0 and 5.5") {
    // 4.0: the dialog drwatsn32.exe shows.
    const auto on_40 = findings{}
                           .showed("drwatsn32.exe - DLL Initialization Failed\nInitialization of the dynamic link library "
                                   "C:\\WINNT\\system32\\USER32.dll failed. The process is terminating abnormally.")
                           .on(v4_0)
                           .diagnose();
    check_first(on_40, "imc-4-user32-initialization-failed-admin-no-x400", status::likely);
    CHECK(fact_check_position(on_40, "ims_admin_mailbox_has_x400_address") == 0);
    // Q158308's USER32.dll message "has failed" is another article's: it does not match.
    const auto heap =
        findings{}.showed("Initialization of the dynamic link library D:\\WINNT\\system32\\USER32.dll has failed.").diagnose();
    CHECK(candidate_of(heap, "imc-4-user32-initialization-failed-admin-no-x400") == nullptr);
    // 5.0: "Msexcimc.exe  Exception: Access violation (0xc0000005)", Q149542's 5.0 rule (same cause, same check).
    const auto on_50 = findings{}
                           .crashed(saw_crash("Msexcimc.exe", 0xc0000005))
                           .on(v5_0)
                           .fact("ims_admin_mailbox_has_x400_address", false)
                           .diagnose();
    check_first(on_50, "ims-5-access-violation-admin-mailbox-no-x400", status::confirmed);
    // 5.5: "WMS Idle: msexcimc.exe - Application Error ... referenced memory", an access violation of
    // msexcimc without a stack: Q281743's rule (same cause, same check) is confirmed.
    const auto on_55 = findings{}
                           .crashed(saw_crash("msexcimc.exe", 0xc0000005))
                           .on(v5_5)
                           .fact("ims_admin_mailbox_has_x400_address", false)
                           .diagnose();
    check_first(on_55, "ims-5-5-dr-watson-find-admin-x400-address", status::confirmed);
}

TEST_CASE("Q281743: Dr. Watson stack in msexcimc!CPostmaster__rcFindAdminX400Address") {
    const auto r = findings{}
                       .crashed(saw_crash("").with_frames("msexcimc!CPostmaster__rcFindAdminX400Address\n"
                                                          "msexcimc!CPostmaster__rcInitialize\n"
                                                          "msexcimc!CIMCService__InitializeService\n"
                                                          "ADVAPI32!ScSvcctrlThreadA\nKERNEL32!BaseThreadStart\n"))
                       .diagnose();
    check_first(r, "ims-5-5-dr-watson-find-admin-x400-address", status::likely);
    CHECK(r.best()->text_matched[0]);
    CHECK(candidate_of(r, "ims-5-5-heap-crash-relay-allow-list") == nullptr);  // its RtlAllocateHeap is not in the stack
    // A stack names no version: the version and the mailbox check are the first questions.
    CHECK(fact_check_position(r, "ims_admin_mailbox_has_x400_address") < 2);
    CHECK(fact_check_position(r, "exchange_version") < 2);
}

TEST_CASE("Q264162: 'Could not start. Service did not return an error.' on a Windows 2000 cluster") {
    // The dialog prints no service name and no code: a start that returned no error.
    const findings symptoms = findings{}.add_start_error("", 0);
    const auto r = symptoms.diagnose();
    CHECK(status_of(r, "ims-w2k-cluster-use-network-configuration") == status::likely);  // no other rule has it
    findings checked = symptoms;
    checked.fact("ims_cluster_resource_uses_network_configuration", true);
    check_first(checked.diagnose(), "ims-w2k-cluster-use-network-configuration", status::confirmed);
    findings not_clustered = symptoms;
    not_clustered.fact("server_is_cluster_node", false);
    CHECK(status_of(not_clustered.diagnose(), "ims-w2k-cluster-use-network-configuration") == status::ruled_out);
    // An error code is not "did not return an error".
    CHECK(candidate_of(findings{}.add_start_error("", 2140).diagnose(), "ims-w2k-cluster-use-network-configuration") ==
          nullptr);
}

TEST_CASE("Q161937: the IMC 4.0 does not start ('event 10.67', nothing else logged): a damaged attachment in MTS-OUT") {
    // "event 10.67" is no id and no code the article explains: a failed start without a code.
    const findings symptoms = findings{}.start_error_without_code().on(v4_0);
    const auto r = symptoms.diagnose();
    CHECK(status_of(r, "imc-4-mts-out-attachment-without-resource-fork") == status::possible);
    CHECK(fact_check_position(r, "imc_starts_after_first_mts_out_message_removed") != absent);
    findings checked = symptoms;
    checked.fact("imc_starts_after_first_mts_out_message_removed", true);
    check_first(checked.diagnose(), "imc-4-mts-out-attachment-without-resource-fork", status::confirmed);
}

TEST_CASE("Q182346: event 4087 when a network service or protocol does not work properly") {
    const findings symptoms = findings{}.log(saw_event(imc, 4087)
                                                 .with_category("Initialization/Termination")
                                                 .with_description("The service could not be started because the queue "
                                                                   "viewing interface could not be registered."));
    const auto r = symptoms.diagnose();
    check_first(r, "ims-4087-network-service-or-protocol-fault", status::likely);
    CHECK(fact_check_position(r, "ims_starts_after_network_components_reinstalled") == 0);
    // "After you perform each step, attempt to start or create the IMC or Internet Mail Service again."
    findings fixed = symptoms;
    fixed.fact("ims_starts_after_network_components_reinstalled", true);
    check_first(fixed.diagnose(), "ims-4087-network-service-or-protocol-fault", status::confirmed);
    findings not_fixed = symptoms;
    not_fixed.fact("ims_starts_after_network_components_reinstalled", false);
    CHECK(status_of(not_fixed.diagnose(), "ims-4087-network-service-or-protocol-fault") == status::ruled_out);
}

TEST_CASE("Q182346: answering that SFM/SNMP are not installed no longer rules the cause out") {
    // The cause is any network service or protocol; step 1 applies when Services for Macintosh or
    // SNMP is installed, and "If these network services are not installed, proceed to step 2".
    const rule& rl = rule_named("ims-4087-network-service-or-protocol-fault");
    CHECK(ims::table.find_fact("sfm_or_snmp_service_installed") == not_found);
    CHECK_FALSE(names_fact(rl, "sfm_or_snmp_service_installed"));
    CHECK_FALSE(mentions(rl.cause, "SNMP"));  // the CAUSE names Services for Macintosh only
    const auto not_installed = findings{}
                                   .log(imc_event(4087, "The service could not be started because the queue viewing "
                                                        "interface could not be registered."))
                                   .fact("sfm_or_snmp_service_installed", false)
                                   .on(v4_0)
                                   .diagnose();
    check_first(not_installed, "ims-4087-network-service-or-protocol-fault", status::likely);
}

TEST_CASE("Q182522: event 4056, a garbled delivery route written by the Administrator program") {
    const auto r = findings{}
                       .log(saw_event(imc, 4056)
                                .with_type(event_type::error)
                                .with_category("Initialization/termination.")
                                .with_description("Unable to parse the delivery route xyz.example.co. Since errors in "
                                                  "delivery routing parameters can result in misrouted mail, the Internet "
                                                  "Mail Service will not start until this error is corrected."))
                       .diagnose();
    check_first(r, "ims-4056-routing-table-corrupted-by-admin", status::likely);
    CHECK(r.best()->text_matched[0]);  // another route name still bears out the quoted text
}

TEST_CASE("Q183178: event 4071, the administrator mailbox is unset or unreachable") {
    const auto r = findings{}
                       .log(saw_event(imc, 4071)
                                .with_type(event_type::error)
                                .with_description("Unable to start the Internet Mail Service because it has not been "
                                                  "configured."))
                       .log(saw_event(imc, 4072))
                       .diagnose();
    check_first(r, "ims-4071-admin-mailbox-unset-or-unreachable", status::likely);
    CHECK(r.best()->matched(1));  // 4072 is cited too
}

TEST_CASE("Q186739: 4018 and 4116 when the service account cannot change System32") {
    const findings symptoms = findings{}
                                  .log(saw_event(imc, 4018).with_type(event_type::error).with_description(mapi_4018))
                                  .log(saw_event(imc, 4116).with_type(event_type::error).with_description(bad_folder_4116_commas));
    check_siblings_split_by_fact(symptoms, "ims-4018-4116-system32-no-change-right",
                                 "service_account_can_change_system32", false, "ims-4018-4116-mapi32-version-mismatch");
}

TEST_CASE("Q189730: Error 2140 and 4086 on 4.0 when the service account is not an administrator") {
    const findings symptoms = findings{}.start_error(2140).log(saw_event(imc, 4086)
                                                                   .with_type(event_type::error)
                                                                   .with_category("Initialization/Termination")
                                                                   .with_description(config_4086));
    CHECK(tied(symptoms.diagnose(), "imc-4086-service-account-not-domain-admin", "ims-4086-sitedn-mismatch"));
    findings on_4 = symptoms;
    on_4.on(v4_0);
    check_first(on_4.diagnose(), "imc-4086-service-account-not-domain-admin", status::likely);
    on_4.fact("service_account_in_domain_administrators", false).fact("windows_version", version{4, 0});
    check_first(on_4.diagnose(), "imc-4086-service-account-not-domain-admin", status::confirmed);
    // The workaround is the domain's Administrators group: membership of the local group (Q173496's
    // question) is not this article's check, so answering it does not settle Q189730.
    CHECK_FALSE(names_fact(rule_named("imc-4086-service-account-not-domain-admin"), "service_account_is_admin"));
    findings local_admin = symptoms;
    local_admin.on(v4_0).fact("service_account_is_admin", true);
    check_first(local_admin.diagnose(), "imc-4086-service-account-not-domain-admin", status::likely);
}

TEST_CASE("Q191548: the guide's 1075 and 7003: TCP/IP not installed correctly, or no restart since (cause b excluded)") {
    const findings symptoms =
        findings{}.log(saw_event("Service Control Manager", 7003)).log(saw_event("Service Control Manager", 1075));
    // The guide has two things verified, either of which may be wrong: one rule and one question each.
    const auto r = symptoms.diagnose();
    CHECK(tied(r, "imc-tcpip-missing-events-1075-7003", "imc-not-restarted-after-tcpip-events-1075-7003"));
    CHECK(status_of(r, "imc-tcpip-missing-events-1075-7003") == status::likely);
    CHECK(fact_check_position(r, "tcpip_installed_correctly") != absent);
    CHECK(fact_check_position(r, "restarted_after_tcpip_installed") != absent);
    check_siblings_split_by_fact(symptoms, "imc-tcpip-missing-events-1075-7003", "tcpip_installed_correctly", false,
                                 "imc-not-restarted-after-tcpip-events-1075-7003");
    check_siblings_split_by_fact(symptoms, "imc-not-restarted-after-tcpip-events-1075-7003",
                                 "restarted_after_tcpip_installed", false, "imc-tcpip-missing-events-1075-7003");
    // One answer settles its own cause and leaves the other open: TCP/IP installed correctly does
    // not rule out the missing restart.
    findings installed = symptoms;
    installed.fact("tcpip_installed_correctly", true);
    const auto after_yes = installed.diagnose();
    CHECK(status_of(after_yes, "imc-tcpip-missing-events-1075-7003") == status::ruled_out);
    check_first(after_yes, "imc-not-restarted-after-tcpip-events-1075-7003", status::likely);
    CHECK(fact_check_position(after_yes, "restarted_after_tcpip_installed") == 0);
    bool listed = false;
    for (const auto& x : ims::exclusions) listed = listed || x.entry == "Q191548-b";
    CHECK(listed);
    // The guide says what to verify, not why: no dependency on TCP/IP is claimed.
    for (std::string_view id : {"imc-tcpip-missing-events-1075-7003", "imc-not-restarted-after-tcpip-events-1075-7003"}) {
        const rule& rl = rule_named(id);
        CHECK_FALSE(mentions(rl.cause, "depends"));
        CHECK(says_no_step(rl));
    }
}

TEST_CASE("Q192540: 4018 and 4116 from bad messages in the IMS folders of the store") {
    const findings symptoms =
        findings{}
            .log(saw_event(imc, 4018).with_type(event_type::error).with_description(mapi_4018))
            .log(saw_event(imc, 4116)
                     .with_type(event_type::error)
                     .with_description("An error was returned from the messaging software the Internet Mail Service uses "
                                       "to process messages on the Microsoft Exchange Server. It is possible that the "
                                       "piece of mail being processed at the time will not be delivered. The message "
                                       "that was being processed has been moved to the \"BAD\" folder."));
    // Its quote of 4116 is cut short, and matches the longer quotes of Q186739 and the others as well:
    // the events alone leave them tied, and the queue check confirms it.
    const auto r = symptoms.diagnose();
    CHECK(status_of(r, "ims-4018-4116-bad-message-in-mts-queue") == status::likely);
    CHECK(tied(r, "ims-4018-4116-bad-message-in-mts-queue", "ims-4018-4116-system32-no-change-right"));
    findings with = symptoms;
    with.fact("mts_queue_has_bad_message", true);
    check_first(with.diagnose(), "ims-4018-4116-bad-message-in-mts-queue", status::confirmed);
    // The article cites no other article and gives no removal steps: the resolution says so.
    const rule& rl = rule_named("ims-4018-4116-bad-message-in-mts-queue");
    for (std::string_view step : rl.resolution) CHECK_FALSE(mentions(step, "Q165505"));
    CHECK(mentions(rl.resolution[0], "does not give the steps"));
}

TEST_CASE("Q193928: four proxy scenarios behind 4007 (10050) and 4020") {
    const findings symptoms = q193928_symptoms();
    const auto r = symptoms.diagnose();
    CHECK(top_tier(r).size() == 4);
    check_siblings_split_by_fact(symptoms, "ims-4007-10050-proxy-named-by-netbios-name",
                                 "proxy_client_names_proxy_by_netbios_name", true,
                                 "ims-4007-10050-option-pack-smtp-on-proxy");
    check_siblings_split_by_fact(symptoms, "ims-4007-10050-proxy-client-with-other-firewall", "uses_ms_proxy_server",
                                 false, "ims-4007-10050-proxy-named-by-netbios-name");
    check_siblings_split_by_fact(symptoms, "ims-4007-10050-option-pack-smtp-on-proxy",
                                 "smtp_service_running_on_proxy_server", true,
                                 "ims-4007-10050-proxy-named-by-netbios-name");
    check_siblings_split_by_fact(symptoms, "ims-4007-10050-proxy-not-resolvable-by-name",
                                 "proxy_server_pingable_by_name", false, "ims-4007-10050-proxy-named-by-netbios-name");
}

TEST_CASE("Q194128: 4058 and 4067 on a cluster after the 5.5 SP1 upgrade") {
    const findings symptoms =
        findings{}
            .log(imc_event(4058,
                           "The Internet Mail Connector cannot start because the name resolver cannot be initialized. Check "
                           "your network settings in the Control Panel to ensure that you have set a domain name in the "
                           "DNS dialog box of the TCP/IP configuration."))
            .log(imc_event(4067,
                           "The Internet Mail Connector cannot start because the TCP/IP domain name was not found during "
                           "initialization."));
    check_first(symptoms.diagnose(), "ims-cluster-sp1-upgrade-name-resolver", status::likely);
    findings fixed = symptoms;
    fixed.fact("exchange_service_pack", 2);
    CHECK(status_of(fixed.diagnose(), "ims-cluster-sp1-upgrade-name-resolver") == status::ruled_out);
}

TEST_CASE("The administrator mailbox's missing X.400 address: every article's rule is confirmed by the one check") {
    std::size_t carriers = 0;
    for (const rule& rl : ims::table.rules)
        for (const fact_assignment& f : rl.confirming)
            carriers += f.name == "ims_admin_mailbox_has_x400_address" && f.value == fact_value(false) ? 1 : 0;
    // Q148727, Q149542 (4.0 and 5.0), Q166080, Q199430, Q281743, Q300535.
    CHECK(carriers == 7);
}

TEST_CASE("Q199771: dial-up 4106 '(87) The parameter is incorrect' and 4037") {
    const auto r = findings{}
                       .log(saw_event(imc, 4106)
                                .with_type(event_type::error)
                                .with_category("SMTP Interface Events")
                                .with_description("The dial-up connection ISP could not be made. The error reported was: "
                                                  "(87) The parameter is incorrect."))
                       .log(saw_event(imc, 4037)
                                .with_type(event_type::error)
                                .with_category("Internal Processing")
                                .with_description("An exception has occurred which was handled internally by the Internet "
                                                  "Mail Service. This may have resulted in a message not being delivered. "
                                                  "Code: 0xc0000005 Flags: 0x00000000 Address: 0x0044e05c"))
                       .diagnose();
    check_first(r, "ims-dial-up-logon-domain-too-long", status::likely);
    // Another dial-up error is not this article's.
    const auto other = findings{}
                           .log(imc_event(4106, "The dial-up connection ISP could not be made. The error reported was: "
                                                "(633) The port is already in use."))
                           .diagnose();
    CHECK(candidate_of(other, "ims-dial-up-logon-domain-too-long") == nullptr);
}

TEST_CASE("Q200092: event 4087 on a DEC Alpha with GSNW and the cc:Mail connector") {
    const findings symptoms = findings{}.log(saw_event(imc, 4087)
                                                 .with_type(event_type::error)
                                                 .with_description("Service could not be started. Queue viewing "
                                                                   "interface could not be registered"));
    check_first(symptoms.diagnose(), "ims-4087-alpha-gsnw-ccmail", status::likely);
    // The Alpha, GSNW and cc:Mail are the article's situation ("Removing ... does not solve the
    // problem"): answering yes confirms nothing.
    findings situation = symptoms;
    situation.on(v5_0).fact("server_is_dec_alpha", true).fact("gsnw_and_ccmail_connector_added", true);
    check_first(situation.diagnose(), "ims-4087-alpha-gsnw-ccmail", status::likely);
    // The article's own last checks (the IMS starts and stays up after its steps) confirm.
    findings checked = situation;
    checked.fact("ims_starts_on_clean_nt_with_tcpip_only", true);
    check_first(checked.diagnose(), "ims-4087-alpha-gsnw-ccmail", status::confirmed);
    // Outside its situation the article does not apply.
    findings intel = symptoms;
    intel.fact("server_is_dec_alpha", false);
    CHECK(status_of(intel.diagnose(), "ims-4087-alpha-gsnw-ccmail") == status::ruled_out);
    findings no_gsnw = symptoms;
    no_gsnw.fact("gsnw_and_ccmail_connector_added", false);
    CHECK(status_of(no_gsnw.diagnose(), "ims-4087-alpha-gsnw-ccmail") == status::ruled_out);
}

TEST_CASE("Q203116: 4007 (10050) alone with the Microsoft Proxy client enabled (excluded, carried by Q193928-b)") {
    const kb::exclusion* found = nullptr;
    for (const auto& x : ims::exclusions)
        if (x.entry == "Q203116") found = &x;
    REQUIRE(found != nullptr);
    CHECK(found->covered_by == "ims-4007-10050-proxy-client-with-other-firewall");
    for (const rule& rl : ims::table.rules) CHECK(rl.article != "Q203116");

    // 4007 alone: Q193928's four scenarios, which also need 4020, are all open.
    const auto alone = findings{}.log(imc_event(4007, bind_10050)).diagnose();
    CHECK(top_tier(alone).size() == 4);
    CHECK(status_of(alone, "ims-4007-10050-proxy-client-with-other-firewall") == status::possible);
    CHECK(event_check_position(alone, imc, 4020) != absent);
    // With the article's two answers the merged rule leads; 4020 is what it still needs.
    const auto answered = findings{}
                              .log(imc_event(4007, bind_10050))
                              .on(v5_5)
                              .fact("ms_proxy_client_enabled", true)
                              .fact("uses_ms_proxy_server", false)
                              .diagnose();
    check_first(answered, "ims-4007-10050-proxy-client-with-other-firewall", status::possible);
    CHECK(event_check_position(answered, imc, 4020) != absent);
}

TEST_CASE("Q193928 B and Q203116: one log with the proxy answers confirms one rule, not two") {
    findings e = q193928_symptoms();
    e.fact("ms_proxy_client_enabled", true).fact("uses_ms_proxy_server", false);
    const auto r = e.diagnose();
    check_first(r, "ims-4007-10050-proxy-client-with-other-firewall", status::confirmed);
    std::size_t confirmed = 0;
    for (const candidate& c : r.ranked()) confirmed += c.status == status::confirmed ? 1 : 0;
    CHECK(confirmed == 1);
}

TEST_CASE("Q222553: 4007 with 10048 and 4020, port 25 on the proxy taken") {
    const auto r =
        findings{}
            .log(imc_event(4007, "The following error occurred while trying to bind the TCP/IP listener socket. 10048"))
            .log(imc_event(4020, "Unable to start the service because WinSock could not be initialized."))
            .diagnose();
    check_first(r, "ims-winsock-bind-10048-port-in-use", status::likely);
    // 10048 in the text excludes the 10050 articles' 4007.
    const candidate* q193928 = candidate_of(r, "ims-4007-10050-proxy-named-by-netbios-name");
    REQUIRE(q193928 != nullptr);
    CHECK_FALSE(q193928->matched(0));
}

TEST_CASE("Q231737: 4070 and 4131 when Imcdata\\In was deleted") {
    const auto r = findings{}
                       .log(imc_event(4070,
                                      "An error occurred while opening a temporary message file. Verify that the message "
                                      "spool directories are configured correctly and are readable by the Internet Mail "
                                      "Service."))
                       .log(imc_event(4131))
                       .diagnose();
    check_first(r, "ims-4070-imcdata-in-folder-missing", status::likely);
}

TEST_CASE("Q232279: 4182 and 4102, then INTERNAL WINDOWS NT ERROR 2140") {
    const auto r = findings{}
                       .start_error(2140)
                       .log(saw_event(imc, 4182)
                                .with_type(event_type::error)
                                .with_description("An error was returned from the messaging software the Internet Mail "
                                                  "Service uses to process messages on the Microsoft Exchange Server. As a "
                                                  "result, the message in spool file ZZZZ9999 will be retried when the "
                                                  "server is restarted."))
                       .log(imc_event(4102, shut_down_4102))
                       .diagnose();
    check_first(r, "ims-4182-malformed-message-before-sp3", status::likely);
    CHECK(status_of(r, "ims-4023-corrupt-message-in-bad-folder") == status::possible);
    // The article says the IMS shuts down on the message; it does not say the store fails.
    CHECK_FALSE(mentions(rule_named("ims-4182-malformed-message-before-sp3").cause, "information store fail"));
}

TEST_CASE("Q246115: events 2140 and 100 when the administrator mailbox is not valid") {
    const auto r = findings{}.log(saw_event(imc, 2140)).log(saw_event(imc, 100)).diagnose();
    check_first(r, "ims-admin-mailbox-invalid-events-2140-100", status::likely);
    // Event 2140 is not the start error 2140.
    CHECK(candidate_of(r, "imc-address-space-not-configured") == nullptr);
}

TEST_CASE("Q262939: wizard 0xc002041d and event 4018 after the DC was demoted and re-promoted") {
    const findings symptoms = findings{}
                                  .start_error(0xc002041d)
                                  .log(saw_event(imc, 4018)
                                           .with_category("Initialization/Termination")
                                           .with_description(mapi_4018));
    check_first(symptoms.diagnose(), "ims-4018-service-account-lost-domain-admins", status::likely);
    findings all = symptoms;
    all.fact("service_account_in_domain_admins", false)
        .fact("server_dc_demoted_and_repromoted", true)
        .fact("windows_version", version{5, 0});
    check_first(all.diagnose(), "ims-4018-service-account-lost-domain-admins", status::confirmed);
    findings nt4 = symptoms;
    nt4.fact("windows_version", version{4, 0});
    CHECK(status_of(nt4.diagnose(), "ims-4018-service-account-lost-domain-admins") == status::ruled_out);
    // The article applies to 5.5 SP3: another service pack rules it out, SP3 does not.
    for (int sp : {2, 4}) {
        CAPTURE(sp);
        findings other_sp = symptoms;
        other_sp.fact("exchange_service_pack", sp);
        CHECK(status_of(other_sp.diagnose(), "ims-4018-service-account-lost-domain-admins") == status::ruled_out);
    }
    findings sp3 = symptoms;
    sp3.fact("exchange_service_pack", 3);
    check_first(sp3.diagnose(), "ims-4018-service-account-lost-domain-admins", status::likely);
    // Its 4018 has no printed type, the cause is a condition ("can occur if"), and no wizard step is
    // added after the article's last one.
    const rule& rl = rule_named("ims-4018-service-account-lost-domain-admins");
    CHECK(rl.required[0].type == event_type::unspecified);
    CHECK(mentions(rl.cause, "can occur"));
    CHECK(says_no_step(rl));
    for (std::string_view step : rl.resolution) CHECK_FALSE(mentions(step, "Run the last step"));
}

TEST_CASE("Q263029: setup hangs with 0xc00203e5 and 4058 on a Windows 2000 cluster") {
    const findings symptoms =
        findings{}.start_error(0xc00203e5).log(saw_event(imc, 4058).with_category("Intialization/Termination"));
    const auto r = symptoms.diagnose();
    check_first(r, "ims-cluster-setup-missing-dns-a-records", status::likely);
    // Its cause has two parts, each asked on its own: the DNS search order and the A records.
    CHECK(fact_check_position(r, "local_dns_has_cluster_a_records") != absent);
    CHECK(fact_check_position(r, "cluster_uses_local_dns_first") != absent);
    findings both = symptoms;
    both.fact("server_is_cluster_node", true)
        .fact("local_dns_has_cluster_a_records", false)
        .fact("cluster_uses_local_dns_first", false);
    check_first(both.diagnose(), "ims-cluster-setup-missing-dns-a-records", status::confirmed);
    // The article names both missing together; one of them alone does not confirm it.
    findings records_only = symptoms;
    records_only.fact("server_is_cluster_node", true).fact("local_dns_has_cluster_a_records", false);
    check_first(records_only.diagnose(), "ims-cluster-setup-missing-dns-a-records", status::likely);
    findings records_there = symptoms;
    records_there.fact("local_dns_has_cluster_a_records", true);
    CHECK(status_of(records_there.diagnose(), "ims-cluster-setup-missing-dns-a-records") == status::ruled_out);
}

TEST_CASE("Q268643: 4003 Error=11004 and 4020 with the WSP client") {
    const findings symptoms =
        findings{}
            .log(imc_event(4003,
                           "The following error occurred while trying to retrieve protocol information. Error=11004"))
            .log(imc_event(4020, "Unable to start the service because Winsock could not be initialized."));
    const auto r = symptoms.diagnose();
    check_first(r, "ims-4003-11004-wsp-client-tcpip", status::likely);
    CHECK(fact_check_position(r, "ims_starts_after_tcpip_reinstalled") == 0);
    // The WSP client is the article's setting, not a check of the cause: it confirms nothing ...
    findings wsp = symptoms;
    wsp.fact("ms_proxy_client_enabled", true);
    check_first(wsp.diagnose(), "ims-4003-11004-wsp-client-tcpip", status::likely);
    // ... and without it the article does not apply.
    findings no_wsp = symptoms;
    no_wsp.fact("ms_proxy_client_enabled", false);
    CHECK(status_of(no_wsp.diagnose(), "ims-4003-11004-wsp-client-tcpip") == status::ruled_out);
    // The remedy working ("If IMS does not restart ... click Start") confirms it.
    findings fixed = wsp;
    fixed.fact("ims_starts_after_tcpip_reinstalled", true);
    check_first(fixed.diagnose(), "ims-4003-11004-wsp-client-tcpip", status::confirmed);
}

TEST_CASE("Q272506: event 3018 (printed with source IMC) and a 16-GB file in Imcdata\\Out") {
    const auto r = findings{}
                       .log(imc_event(3018,
                                      "The available disk space on the spool drive has dropped below 10240K. The Internet "
                                      "Mail Connector will not accept messages for inbound and outbound conversion until "
                                      "the available disk space has increased above 10240K."))
                       .diagnose();
    check_first(r, "ims-3018-huge-file-in-imcdata-out", status::likely);
    CHECK(r.best()->text_matched[0]);
}

TEST_CASE("Q291123: 4067 and 4058 on a Windows 2000 member server without a primary DNS suffix") {
    const auto r =
        findings{}
            .log(imc_event(4067,
                           "The Internet Mail Service cannot start because the TCP/IP domain name was not found during "
                           "initialization."))
            .log(imc_event(4058,
                           "The Internet Mail Service cannot start because the name resolver cannot be initialized. Check "
                           "your network settings in the Control Panel to ensure that you have set a domain name in the "
                           "DNS dialog box of the TCP/IP configuration."))
            .fact("primary_dns_suffix_set", false)
            .fact("windows_version", version{5, 0})
            .diagnose();
    check_first(r, "ims-w2k-primary-dns-suffix-not-set", status::confirmed);
    // Both articles describe a member server: a domain controller is outside them.
    findings member = findings{}
                          .log(imc_event(4067, "The Internet Mail Service cannot start because the TCP/IP domain "
                                               "name was not found during initialization."))
                          .log(imc_event(4058));
    findings controller = member;
    controller.fact("server_is_member_server", false);
    CHECK(status_of(controller.diagnose(), "ims-w2k-primary-dns-suffix-not-set") == status::ruled_out);
    member.fact("server_is_member_server", true);
    check_first(member.diagnose(), "ims-w2k-primary-dns-suffix-not-set", status::likely);  // the situation, no check
    CHECK(fact_check_position(member.diagnose(), "primary_dns_suffix_set") != absent);
    // The box is labelled "Primary DNS suffix" in the article.
    bool label = false;
    for (std::string_view step : rule_named("ims-w2k-primary-dns-suffix-not-set").resolution)
        label = label || mentions(step, "'Primary DNS suffix' box");
    CHECK(label);
}

TEST_CASE("Q298565: Error 2140 and 4086 on 5.5 when SiteDN does not match the directory") {
    const findings symptoms = findings{}.start_error(2140).log(imc_event(4086, config_4086));
    findings on_55 = symptoms;
    on_55.on(v5_5);
    check_first(on_55.diagnose(), "ims-4086-sitedn-mismatch", status::likely);
    findings checked = symptoms;
    checked.fact("ims_registry_sitedn_matches_directory", false);
    check_first(checked.diagnose(), "ims-4086-sitedn-mismatch", status::confirmed);
}

TEST_CASE("Q300535: wizard 0xc002041d when the chosen administrator mailbox lacks X.400") {
    const findings symptoms = findings{}.start_error(0xc002041d);
    CHECK(tied(symptoms.diagnose(), "ims-wizard-admin-mailbox-no-x400-timeout",
               "ims-4018-service-account-lost-domain-admins"));
    findings with = symptoms;
    with.fact("ims_admin_mailbox_has_x400_address", false);
    check_first(with.diagnose(), "ims-wizard-admin-mailbox-no-x400-timeout", status::confirmed);
}

TEST_CASE("Q306308: 1023 Failure Audit from MSExchangeIS Private with 4018 and 4116") {
    const auto r =
        findings{}
            .start_error(2140)
            .log(saw_event("MSExchangeIS Private", 1023)
                     .with_type(event_type::failure_audit)
                     .with_category("Logons")
                     .with_description("DOMSTW\\exchservice was validated as /o=MicrosoftCE/ou=northitaly/cn=Configuration/"
                                       "cn=Connections/cn=Internet Mail Connector (NTSTEFANWI1) but was unable to log on "
                                       "to /o=MicrosoftCE/ou=northitaly/cn=Configuration/cn=Connections/cn=Internet Mail "
                                       "Connector (NTSTEFANWI1)"))
            .log(saw_event(imc, 4018).with_type(event_type::error).with_description(mapi_4018))
            .log(saw_event(imc, 4116).with_type(event_type::error).with_description(bad_folder_4116_commas))
            .diagnose();
    check_first(r, "ims-4018-is-logons-limited-without-ims-dn", status::likely);
    // A logon failure of some other mailbox is not this article's 1023.
    const auto other = findings{}
                           .log(saw_event("MSExchangeIS Private", 1023)
                                    .with_description("DOM\\user was validated as /o=Org/ou=Site/cn=Recipients/cn=joe but "
                                                      "was unable to log on to /o=Org/ou=Site/cn=Recipients/cn=ann"))
                           .log(saw_event(imc, 4018))
                           .diagnose();
    const candidate* c = candidate_of(other, "ims-4018-is-logons-limited-without-ims-dn");
    REQUIRE(c != nullptr);
    CHECK_FALSE(c->matched(0));
}

TEST_CASE("Q312439: the same events worded 'The Microsoft Exchange Internet Mail Service' (excluded, carried by Q291123)") {
    const findings symptoms =
        findings{}
            .log(imc_event(4067,
                           "The Microsoft Exchange Internet Mail Service cannot start because the TCP/IP domain name was "
                           "not found during initialization."))
            .log(imc_event(4058,
                           "The Microsoft Exchange Internet Mail Service cannot start because the name resolver cannot be "
                           "initialized."));
    // No wording bears out either DNS article: the cluster rule of Q194128 ties with Q291123's.
    CHECK(tied(symptoms.diagnose(), "ims-w2k-primary-dns-suffix-not-set", "ims-cluster-sp1-upgrade-name-resolver"));
    findings with = symptoms;
    with.fact("primary_dns_suffix_set", false);
    check_first(with.diagnose(), "ims-w2k-primary-dns-suffix-not-set", status::likely);
}

TEST_CASE("Q316616: 4018 and 4116 when Mapi32.dll does not match the service pack") {
    const findings symptoms = findings{}
                                  .log(saw_event(imc, 4018).with_type(event_type::error).with_description(mapi_4018))
                                  .log(saw_event(imc, 4116).with_type(event_type::error).with_description(bad_folder_4116_commas));
    check_siblings_split_by_fact(symptoms, "ims-4018-4116-mapi32-version-mismatch", "mapi32_dll_matches_service_pack",
                                 false, "ims-4018-4116-system32-no-change-right");
}

TEST_CASE("Q317653: three scenarios behind 4116 and 4102 on 5.5") {
    const findings symptoms = q317653_symptoms();
    CHECK(top_tier(symptoms.diagnose()).size() == 3);
    check_siblings_split_by_fact(symptoms, "ims-4116-4102-antivirus", "antivirus_running_on_exchange_server", true,
                                 "ims-4116-4102-imcdata-disk-full");
    check_siblings_split_by_fact(symptoms, "ims-4116-4102-imcdata-disk-full", "ims_starts_after_imcdata_drive_space_freed", true,
                                 "ims-4116-4102-antivirus");
    check_siblings_split_by_fact(symptoms, "ims-4116-4102-store-not-updated", "latest_sp_and_store_hotfixes_applied",
                                 false, "ims-4116-4102-antivirus");
    // The article names antivirus software as a scenario, not how it causes the failure.
    CHECK_FALSE(mentions(rule_named("ims-4116-4102-antivirus").cause, "interferes"));
}

TEST_CASE("Q322829: the BAD folder first, a reinstall if that does not help") {
    const findings symptoms = q322829_symptoms();
    const auto r = symptoms.diagnose();
    CHECK(tied(r, "ims-4023-corrupt-message-in-bad-folder", "ims-4023-ims-installation-damaged"));
    CHECK(status_of(r, "ims-4023-corrupt-message-in-bad-folder") == status::likely);
    CHECK(fact_check_position(r, "ims_starts_after_bad_folder_emptied") != absent);
    check_siblings_split_by_fact(symptoms, "ims-4023-corrupt-message-in-bad-folder", "ims_starts_after_bad_folder_emptied",
                                 true, "ims-4023-ims-installation-damaged");
    check_siblings_split_by_fact(symptoms, "ims-4023-ims-installation-damaged", "ims_starts_after_bad_folder_emptied",
                                 false, "ims-4023-corrupt-message-in-bad-folder");
    // The BAD folder not helping is the reason to try the second method, not a check of a damaged
    // IMS: only that method working (the IMS starts once created again) confirms it.
    findings not_helped = symptoms;
    not_helped.fact("ims_starts_after_bad_folder_emptied", false);
    const auto after_no = not_helped.diagnose();
    check_first(after_no, "ims-4023-ims-installation-damaged", status::likely);
    CHECK(fact_check_position(after_no, "ims_starts_after_reinstalled") == 0);
    findings reinstalled = not_helped;
    reinstalled.fact("ims_starts_after_reinstalled", true);
    check_first(reinstalled.diagnose(), "ims-4023-ims-installation-damaged", status::confirmed);
    findings still_failing = not_helped;
    still_failing.fact("ims_starts_after_reinstalled", false);
    CHECK(status_of(still_failing.diagnose(), "ims-4023-ims-installation-damaged") == status::ruled_out);
}

TEST_CASE("Q322829 and Q169223: with the Store.exe check of Q169223, the damaged IMS is not confirmed") {
    // One log with both articles' events (Q322829 names a Dr. Watson error of Store.exe too), the BAD
    // folder emptied without effect, and Q169223's own check: the store fails again when the files
    // of Imcdata\In come back. Before, the BAD folder's answer alone made Q322829-b confirmed here.
    findings both = q322829_symptoms();
    both.log(saw_event("DrWatson", 4097)
                 .with_type(event_type::information)
                 .with_description("The application, store.dbg, generated an application error."))
        .on(v5_5)
        .fact("ims_starts_after_bad_folder_emptied", false)
        .fact("imcdata_in_has_bad_message", true);
    const auto r = both.diagnose();
    check_first(r, "ims-4023-inbound-message-crashes-store", status::confirmed);
    CHECK(status_of(r, "ims-4023-ims-installation-damaged") == status::likely);
    CHECK(status_of(r, "ims-4023-corrupt-message-in-bad-folder") == status::ruled_out);
}

TEST_CASE("Q322829: events 1011 and 4037, listed by id alone, are carried by both rules") {
    for (std::string_view id : {"ims-4023-corrupt-message-in-bad-folder", "ims-4023-ims-installation-damaged"}) {
        CAPTURE(std::string(id));
        const rule& rl = rule_named(id);
        bool has_1011 = false;
        bool has_4037 = false;
        for (const ruledx::signal& s : rl.supporting) {
            has_1011 = has_1011 || (s.kind == signal_kind::event && s.code == 1011 && s.source == imc);
            has_4037 = has_4037 || (s.kind == signal_kind::event && s.code == 4037 && s.source == imc);
        }
        CHECK(has_1011);
        CHECK(has_4037);
        // The symptoms' 1011 is matched as evidence.
        const auto r = q322829_symptoms().diagnose();
        const candidate* c = candidate_of(r, id);
        REQUIRE(c != nullptr);
        for (std::size_t s = 0; s < rl.signal_count(); ++s)
            if (rl.signal_at(s).code == 1011) CHECK(c->matched(s));
    }
    // 1011 with the article's other events lifts Q322829 above a log that lacks it.
    findings without_1011 = q322829_symptoms();
    without_1011.events.pop_back();
    const auto with_report = q322829_symptoms().diagnose();
    const auto without_report = without_1011.diagnose();
    const candidate* with = candidate_of(with_report, "ims-4023-corrupt-message-in-bad-folder");
    const candidate* without = candidate_of(without_report, "ims-4023-corrupt-message-in-bad-folder");
    REQUIRE(with != nullptr);
    REQUIRE(without != nullptr);
    CHECK(with->score > without->score);
}

// ---- coverage: every entry of the scope is a rule or an exclusion ------------------------------

namespace {
// The 68 entries of scope ims-start in shared/kb/index.tsv.
constexpr std::string_view ims_start_entries[] = {
    "Q148565",   "Q148727-a", "Q148727-b", "Q148727-c", "Q148727-d", "Q148727-e", "Q148727-f", "Q148727-g",
    "Q149542",   "Q154589",   "Q155585",   "Q155814",   "Q156229",   "Q157042",   "Q158308",   "Q160932",
    "Q161937",   "Q163243-a", "Q163243-b", "Q163243-c", "Q163243-d", "Q166080",   "Q168883-a", "Q168883-b",
    "Q169223",   "Q169686",   "Q173496",   "Q179289",   "Q182346",   "Q182522",   "Q183178",   "Q185025",
    "Q186739",   "Q189730",   "Q191548-a", "Q191548-b", "Q192540",   "Q193928-a", "Q193928-b", "Q193928-c",
    "Q193928-d", "Q194128",   "Q199429",   "Q199430",   "Q199771",   "Q200092",   "Q203116",   "Q222553",
    "Q231737",   "Q232279",   "Q246115",   "Q262939",   "Q263029",   "Q264162",   "Q268643",   "Q272506",
    "Q281743",   "Q291123",   "Q298565",   "Q300535",   "Q306308",   "Q312439",   "Q316616",   "Q317653-a",
    "Q317653-b", "Q317653-c", "Q322829-a", "Q322829-b",
};

std::string article_of(std::string_view entry) { return std::string(entry.substr(0, entry.find('-'))); }
}  // namespace

TEST_CASE("Coverage: each ims-start entry is a rule of its article or a listed exclusion") {
    CHECK(std::size(ims_start_entries) == 68);
    std::map<std::string, int> entries_per_article;
    for (std::string_view e : ims_start_entries) ++entries_per_article[article_of(e)];
    // Q191548-a has two things verified, either of which may be wrong: two rules. Q149542's symptom
    // differs by version (Error 1067 on 4.0, the Dr. Watson dialog alone on 5.0): two rules.
    ++entries_per_article["Q191548"];
    ++entries_per_article["Q149542"];
    std::map<std::string, int> covered;
    for (const rule& rl : ims::table.rules) ++covered[std::string(rl.article)];
    for (const auto& x : ims::exclusions) {
        CHECK(!x.reason.empty());
        ++covered[article_of(x.entry)];
        if (!x.covered_by.empty()) CHECK(ims::table.find_rule(x.covered_by) != not_found);
    }
    CHECK(entries_per_article.size() == 51);
    for (const auto& entry : entries_per_article) {
        const std::string& article = entry.first;
        CAPTURE(article);
        CHECK(covered[article] == entry.second);
    }
    for (const auto& entry : covered) {
        const std::string& article = entry.first;
        CAPTURE(article);
        CHECK(entries_per_article.count(article) == 1);  // no rule for an article outside the scope
    }
}

TEST_CASE("Coverage: the entry list matches shared/kb/index.tsv" *
          doctest::skip(!test_support::shared_file_present("/kb/index.tsv"))) {
    const auto from_index = kb_test::index_entries("ims-start");
    REQUIRE(from_index);
    CHECK(from_index->size() == std::size(ims_start_entries));
    for (std::string_view e : ims_start_entries) CHECK(from_index->count(std::string(e)) == 1);
}

TEST_CASE("Every rule's stored example picks it (the table check, repeated at run time)") {
    for (std::size_t r = 0; r < ims::table.rule_count; ++r) {
        const rule& rl = ims::table.rules[r];
        CAPTURE(std::string(rl.id));
        REQUIRE_FALSE(rl.examples.empty());
        for (const example& ex : rl.examples) {
            const auto result = ruledx::diagnose(ims::table, ex.as_observations());
            REQUIRE(result.best() != nullptr);
            CHECK(result.best()->rule_index == r);
        }
    }
}

// ---- the fact catalog: one name per real-world check ------------------------------------------
TEST_CASE("Catalog: merged and renamed facts answer to their former names") {
    struct renamed {
        std::string_view former;
        std::string_view name;
    };
    constexpr renamed renames[] = {
        {"ims_service_account_is_admin", "service_account_is_admin"},  // it is the Exchange service account
        {"wsp_client_installed", "ms_proxy_client_enabled"},           // the Microsoft Proxy client is the WSP client
        {"imcdata_drive_low_on_space", "ims_starts_after_imcdata_drive_space_freed"},  // no threshold: the remedy
    };
    for (const renamed& r : renames) {
        CAPTURE(std::string(r.former));
        const std::size_t f = ims::table.find_fact(r.name);
        REQUIRE(f != not_found);
        CHECK(ims::table.find_fact(r.former) == f);
        CHECK(ims::table.facts[f].former_name == r.former);
    }
    // The old question asked whether the fix works while its name and rule read "is it valid": its
    // answers meant the opposite of its name, so the old name is not kept for the remedy's test.
    CHECK(ims::table.find_fact("ims_address_space_valid") == not_found);
    CHECK(ims::table.find_fact("ims_starts_after_address_space_reentered") != not_found);
    // Questions that asked two things became one question per thing; a "no" to the old one did not
    // say which part failed, so neither new fact keeps the old name.
    struct split {
        std::string_view old_name, first, second;
    };
    constexpr split splits[] = {
        {"tcpip_installed_and_restarted", "tcpip_installed_correctly", "restarted_after_tcpip_installed"},
        {"cluster_dns_a_records_exist", "local_dns_has_cluster_a_records", "cluster_uses_local_dns_first"},
    };
    for (const split& x : splits) {
        CAPTURE(std::string(x.old_name));
        CHECK(ims::table.find_fact(x.old_name) == not_found);
        CHECK(ims::table.find_fact(x.first) != not_found);
        CHECK(ims::table.find_fact(x.second) != not_found);
    }
    // What the diagnosis says with the former names is what it says with the current ones.
    findings by_former = q193928_symptoms();
    by_former.fact("wsp_client_installed", true).fact("uses_ms_proxy_server", false);
    check_first(by_former.diagnose(), "ims-4007-10050-proxy-client-with-other-firewall", status::confirmed);
}

TEST_CASE("Catalog: the Microsoft Proxy client of Q193928 and the WSP client of Q268643 are one check") {
    const findings symptoms =
        findings{}
            .log(imc_event(4003,
                           "The following error occurred while trying to retrieve protocol information. Error=11004"))
            .log(imc_event(4020, "Unable to start the service because Winsock could not be initialized."));
    findings disabled = symptoms;
    disabled.fact("ms_proxy_client_enabled", false);
    CHECK(status_of(disabled.diagnose(), "ims-4003-11004-wsp-client-tcpip") == status::ruled_out);
    // The Q193928 scenario that needs the client enabled is told apart by its own events.
    findings enabled = symptoms;
    enabled.fact("ms_proxy_client_enabled", true).fact("uses_ms_proxy_server", false);
    check_first(enabled.diagnose(), "ims-4003-11004-wsp-client-tcpip", status::likely);
}

TEST_CASE("Catalog: port 25 free on the proxy rules out the SMTP service running there (Q193928 C)") {
    findings e = q193928_symptoms();
    e.fact("proxy_server_port_25_in_use", false);
    CHECK(status_of(e.diagnose(), "ims-4007-10050-option-pack-smtp-on-proxy") == status::ruled_out);
    findings running = q193928_symptoms();
    running.fact("smtp_service_running_on_proxy_server", true);
    check_first(running.diagnose(), "ims-4007-10050-option-pack-smtp-on-proxy", status::confirmed);
}

TEST_CASE("Catalog: a complete DNS tab rules Q154589 out; the domain name is asked as each Windows shows it") {
    const findings q154589 = findings{}
                                 .start_error(2140)
                                 .log(saw_event(imc, 4058)
                                          .with_category("Intialization/Termination")
                                          .with_description("The Internet Mail Connector cannot start because the name "
                                                            "resolver cannot be initialized."));
    findings complete = q154589;
    complete.fact("tcpip_dns_configured", true);
    CHECK(status_of(complete.diagnose(), "imc-4058-dns-domain-name-blank") == status::ruled_out);
    // An incomplete DNS tab leaves it open: the missing field may be another one.
    findings incomplete = q154589;
    incomplete.fact("tcpip_dns_configured", false);
    CHECK(status_of(incomplete.diagnose(), "imc-4058-dns-domain-name-blank") == status::likely);
    findings blank = q154589;
    blank.fact("tcpip_dns_domain_name_set", false);
    check_first(blank.diagnose(), "imc-4058-dns-domain-name-blank", status::confirmed);
    // Windows 2000's primary DNS suffix is the same setting, asked as a fact of its own: answered,
    // it does not confirm the Exchange 4.0 article on a server whose version is not known.
    CHECK_FALSE(names_fact(rule_named("imc-4058-dns-domain-name-blank"), "primary_dns_suffix_set"));
    CHECK_FALSE(names_fact(rule_named("ims-w2k-primary-dns-suffix-not-set"), "tcpip_dns_domain_name_set"));
    findings suffix = q154589;
    suffix.fact("primary_dns_suffix_set", false);
    CHECK(status_of(suffix.diagnose(), "imc-4058-dns-domain-name-blank") == status::likely);
}

TEST_CASE("Catalog: the IMC logging on as the right account rules out LocalSystem (Q155814)") {
    const findings q155814 = findings{}.start_error(2186).log(imc_event(4086, config_4086));
    findings right_account = q155814;
    right_account.fact("ims_service_logon_account_correct", true);
    CHECK(status_of(right_account.diagnose(), "ims-4086-logs-on-as-local-system") == status::ruled_out);
    // Q148727's wrong startup account is still its own check: LocalSystem does not confirm it.
    findings local_system = findings{}.start_error(2140).on(v4_0);
    local_system.fact("ims_service_logs_on_as_local_system", true);
    CHECK(status_of(local_system.diagnose(), "imc-startup-account-wrong") != status::confirmed);
}

TEST_CASE("Catalog: Q169223's check is Store.exe failing, its workaround the spool folders emptied") {
    const findings q169223 =
        findings{}
            .log(saw_event("DrWatson", 4097)
                     .with_type(event_type::information)
                     .with_description("The application, store.dbg, generated an application error."))
            .log(saw_event(imc, 4023)
                     .with_type(event_type::error)
                     .with_category("Initialization/Termination")
                     .with_description("Unable to start the Internet Mail Service because the work threads could not be "
                                       "initialized."));
    findings store_fails = q169223;
    store_fails.fact("imcdata_in_has_bad_message", true);
    check_first(store_fails.diagnose(), "ims-4023-inbound-message-crashes-store", status::confirmed);
    // The IMS starting with the folders emptied is Q148727's and Q168883's check: it does not
    // confirm Q169223 (whose Store.exe failure it does not see) ...
    findings helps = q169223;
    helps.fact("ims_starts_with_imcdata_emptied", true);
    check_first(helps.diagnose(), "ims-4023-inbound-message-crashes-store", status::likely);
    // ... but its failing rules Q169223 out: emptying Imcdata\In is that article's workaround.
    findings fails = q169223;
    fails.fact("ims_starts_with_imcdata_emptied", false);
    CHECK(status_of(fails.diagnose(), "ims-4023-inbound-message-crashes-store") == status::ruled_out);
    CHECK(mentions(ims::table.facts[ims::table.find_fact("imcdata_in_has_bad_message")].question, "Store.exe, not the IMS"));
}

TEST_CASE("Catalog: Q148727's address-space remedy is asked the way round its rule reads") {
    const findings symptoms = findings{}.start_error(2140).on(v4_0);
    findings starts = symptoms;
    starts.fact("ims_starts_after_address_space_reentered", true);
    check_first(starts.diagnose(), "imc-address-space-not-replicated", status::confirmed);
    findings still_fails = symptoms;
    still_fails.fact("ims_starts_after_address_space_reentered", false);
    CHECK(status_of(still_fails.diagnose(), "imc-address-space-not-replicated") == status::ruled_out);
}

TEST_CASE("Catalog: each question asks one thing the engineer can see") {
    const auto question = [](std::string_view name) {
        const std::size_t f = ims::table.find_fact(name);
        REQUIRE(f != not_found);
        return ims::table.facts[f].question;
    };
    // Q169686's own value, not "low".
    CHECK(mentions(question("is_max_threads_low"), "0x5 or less"));
    // Free space has no threshold in Q317653: its remedy is the check.
    CHECK(mentions(question("ims_starts_after_imcdata_drive_space_freed"), "once space is freed"));
    // The two permissions of Q163243 and Q186739 say which object they are about.
    CHECK(mentions(question("service_account_can_change_mapisvc_inf"), "the file"));
    CHECK(mentions(question("service_account_can_change_system32"), "folder itself"));
}
