// Families of articles that share a symptom: the ranking the shared evidence gives, the questions
// the report asks next (the discriminating fact or event), and what the answer does.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "ims_test_support.hpp"

using namespace ims_test;

namespace {

constexpr version v4_0{4, 0};
constexpr version v5_0{5, 0};
constexpr version v5_5{5, 5};

constexpr std::string_view mapi_4018 =
    "Unable to start the Internet Mail Connector service because MAPI could not be initialized.";
constexpr std::string_view bad_folder_4116_commas =
    "An error was returned from the messaging software, the Internet Mail Service uses, to process messages on the "
    "Microsoft Exchange Server. It is possible that the piece of mail being processed at the time will not be "
    "delivered.";

bool has_signal(const rule& rl, signal_kind kind, std::uint32_t code) {
    for (std::size_t s = 0; s < rl.signal_count(); ++s)
        if (rl.signal_at(s).kind == kind && rl.signal_at(s).code == code) return true;
    return false;
}

// Error 2140, or a failed start of any error.
bool shows_2140(const rule& rl) {
    return has_signal(rl, signal_kind::start_error, 2140) || has_signal(rl, signal_kind::start_error, signal::any_code);
}

}  // namespace

// ------------------------------------------------------------------------------------------------
TEST_CASE("Family: Error 2140 alone") {
    const auto r = findings{}.start_error(2140).diagnose();

    SUBCASE("every rule of the service is a candidate, those that show Error 2140 first; none is more than possible") {
        std::size_t with_2140 = 0;
        std::size_t about_imc = 0;
        for (std::size_t i = 0; i < ims::table.rule_count; ++i) {
            const rule& rl = ims::table.rules[i];
            bool names_imc = rl.service == imc;  // about it: its program crashes, or only the SCM logs
            for (std::size_t s = 0; s < rl.signal_count(); ++s) names_imc = names_imc || rl.signal_at(s).source == imc;
            about_imc += names_imc ? 1 : 0;
            CHECK((r.find(i) != nullptr) == names_imc);
            with_2140 += shows_2140(rl) ? 1 : 0;
        }
        CHECK(with_2140 >= 20);
        CHECK(about_imc > with_2140);
        CHECK(r.ranked().size() == about_imc);
        for (std::size_t k = 0; k < r.ranked().size(); ++k) {
            const candidate& c = r.ranked()[k];
            CHECK(c.status == status::possible);
            CHECK(shows_2140(ims::table.rules[c.rule_index]) == (k < with_2140));
        }
    }
    SUBCASE("the first questions are the version and the events many of the causes log") {
        REQUIRE(r.next_checks().size() >= 5);
        CHECK(fact_check_position(r, "exchange_version") == 0);
        const std::size_t mapi = event_check_position(r, imc, 4018);
        const std::size_t bind = event_check_position(r, imc, 4007);
        const std::size_t winsock = event_check_position(r, imc, 4020);
        CHECK(mapi < 5);
        CHECK(bind < 5);
        CHECK(winsock < 5);
        CHECK(mapi < bind);  // 4018 is logged by more of the 2140 articles than 4007
    }
    SUBCASE("on 4.0 the 5.x-only articles drop out and say why") {
        const auto on_4 = findings{}.start_error(2140).on(v4_0).diagnose();
        for (std::string_view id : {"ims-service-account-not-admin", "ims-4086-sitedn-mismatch",
                                    "ims-4007-10050-proxy-client-with-other-firewall", "ims-4182-malformed-message-before-sp3"}) {
            CAPTURE(std::string(id));
            const candidate* c = candidate_of(on_4, id);
            REQUIRE(c != nullptr);
            CHECK(c->status == status::ruled_out);
            CHECK(c->outside_versions);
        }
        CHECK(status_of(on_4, "imc-address-space-not-configured") == status::possible);
        CHECK(fact_check_position(on_4, "exchange_version") == absent);  // answered
        CHECK(event_check_position(on_4, imc, 4018) == 0);
        // With the whole log of the service at hand and none of its events in it, what is left to
        // ask is the checks of the causes that log nothing: Q148727's.
        const auto quiet = findings{}.start_error(2140).on(v4_0).whole_log_of(imc).diagnose();
        REQUIRE_FALSE(quiet.next_checks().empty());
        for (const next_check& check : quiet.next_checks()) {
            if (check.what == next_check::kind::fact) continue;
            const ruledx::signal& s = ims::table.rules[check.rule_index].signal_at(check.signal_index);
            CHECK((s.kind != signal_kind::event || s.source != imc));
        }
        CHECK(fact_check_position(quiet, "ims_address_space_configured") != absent);
        CHECK(status_of(quiet, "imc-address-space-not-configured") == status::possible);
    }
    SUBCASE("on 5.5 the seven causes of the 4.0-only Q148727 drop out") {
        const auto on_55 = findings{}.start_error(2140).on(v5_5).diagnose();
        std::size_t q148727 = 0;
        for (const candidate& c : on_55.ranked()) {
            if (ims::table.rules[c.rule_index].article != "Q148727") continue;
            ++q148727;
            CHECK(c.status == status::ruled_out);
        }
        CHECK(q148727 == 7);
    }
}

// ------------------------------------------------------------------------------------------------
TEST_CASE("Family: event 4018, MAPI could not be initialized") {
    const auto mapi = saw_event(imc, 4018)
                          .with_type(event_type::error)
                          .with_category("Initialization/Termination")
                          .with_description(mapi_4018);

    SUBCASE("Error 2140 and 4018: the four causes of Q163243 lead, and their checks are asked first") {
        const auto r = findings{}.start_error(2140).log(mapi).diagnose();
        const auto top = top_tier(r);
        CHECK(top.size() == 4);
        CHECK(contains(top, "ims-4018-no-private-store"));
        CHECK(status_of(r, "ims-4018-mapisvc-inf-missing") == status::likely);
        // Q262939 also fits 4018 (without its wizard code it scores lower); the 4116 and 1023 articles lack an event.
        CHECK(status_of(r, "ims-4018-service-account-lost-domain-admins") == status::likely);
        CHECK(status_of(r, "ims-4018-4116-system32-no-change-right") == status::possible);
        CHECK(status_of(r, "ims-4018-is-logons-limited-without-ims-dn") == status::possible);
        const std::size_t open_facts = 8;
        for (std::string_view fact : {"mapisvc_inf_in_system32", "service_account_can_change_mapisvc_inf",
                                      "private_store_on_server", "ims_registry_commonname_homedsa_valid"}) {
            CAPTURE(std::string(fact));
            CHECK(fact_check_position(r, fact) < open_facts);
            CHECK(fact_check_position(r, fact) < event_check_position(r, imc, 4116));
        }
        // The event that would lift the 4116 articles is asked for too.
        CHECK(event_check_position(r, imc, 4116) != absent);
    }
    SUBCASE("4018 and 4116: Q186739 and Q316616 lead; the version and their checks decide") {
        const auto symptoms = findings{}.log(mapi).log(saw_event(imc, 4116).with_description(bad_folder_4116_commas));
        const auto r = symptoms.diagnose();
        CHECK(tied(r, "ims-4018-4116-system32-no-change-right", "ims-4018-4116-mapi32-version-mismatch"));
        CHECK(contains(top_tier(r), "ims-4018-4116-system32-no-change-right"));
        CHECK(fact_check_position(r, "service_account_can_change_system32") != absent);
        CHECK(fact_check_position(r, "mapi32_dll_matches_service_pack") != absent);
        // On 4.0 only Q192540 among the 4116 articles applies (Q186739 covers 5.0/5.5, Q316616 5.5).
        findings on_4 = symptoms;
        on_4.on(v4_0);
        check_first(on_4.diagnose(), "ims-4018-4116-bad-message-in-mts-queue", status::likely);
        findings mapi32 = symptoms;
        mapi32.fact("mapi32_dll_matches_service_pack", false);
        check_first(mapi32.diagnose(), "ims-4018-4116-mapi32-version-mismatch", status::confirmed);
        findings queue = symptoms;
        queue.fact("mts_queue_has_bad_message", true);
        check_first(queue.diagnose(), "ims-4018-4116-bad-message-in-mts-queue", status::confirmed);
    }
    SUBCASE("how the log words 4116 is read by its wording: each article's punctuation ranks the same") {
        // The articles print 4116 with commas, without, and with "ExchangeServer" run together; a log
        // holds one of them. Each article's rule is text-matched by all of them, so no quote wins on commas.
        const std::string_view wordings[] = {ims::quoted::bad_folder_4116_commas, ims::quoted::bad_folder_4116,
                                             ims::quoted::bad_folder_4116_q322829};
        const auto ranked_by = [&](std::string_view wording) {
            return top_tier(findings{}.log(mapi).log(saw_event(imc, 4116).with_description(wording)).diagnose());
        };
        const auto with_commas = ranked_by(wordings[0]);
        for (std::string_view wording : wordings) {
            CAPTURE(std::string(wording));
            CHECK(ranked_by(wording) == with_commas);
            const observed_event logged = saw_event(imc, 4116).with_description(wording);
            for (const rule& rl : ims::table.rules)
                for (std::size_t s = 0; s < rl.signal_count(); ++s) {
                    const ruledx::signal& quoted = rl.signal_at(s);
                    if (quoted.kind != signal_kind::event || quoted.code != 4116 || quoted.description.empty()) continue;
                    CAPTURE(std::string(rl.id));
                    CHECK(ruledx::detail::match_event(quoted, logged).text);
                }
        }
    }
    SUBCASE("the IS logon failure 1023 singles out Q306308") {
        const auto r = findings{}
                           .start_error(2140)
                           .log(saw_event("MSExchangeIS Private", 1023)
                                    .with_type(event_type::failure_audit)
                                    .with_description("EX\\svc was validated as /o=O/ou=S/cn=Configuration/cn=Connections/"
                                                      "cn=Internet Mail Connector (S1) but was unable to log on to "
                                                      "/o=O/ou=S/cn=Configuration/cn=Connections/cn=Internet Mail "
                                                      "Connector (S1)"))
                           .log(mapi)
                           .diagnose();
        check_first(r, "ims-4018-is-logons-limited-without-ims-dn", status::likely);
        CHECK(fact_check_position(r, "is_logons_limited_without_ims_dn") != absent);
        const auto answered = findings{}
                                  .start_error(2140)
                                  .log(saw_event("MSExchangeIS Private", 1023))
                                  .log(mapi)
                                  .fact("is_logons_limited_without_ims_dn", true)
                                  .diagnose();
        check_first(answered, "ims-4018-is-logons-limited-without-ims-dn", status::confirmed);
    }
    SUBCASE("the wizard code 0xc002041d with 4018 singles out Q262939") {
        const auto r = findings{}.start_error(0xc002041d).log(mapi).diagnose();
        check_first(r, "ims-4018-service-account-lost-domain-admins", status::likely);
        CHECK(status_of(r, "ims-wizard-admin-mailbox-no-x400-timeout") == status::possible);
    }
    SUBCASE("Q157042's evidence on 4.0: the private-store check settles it") {
        const auto r = findings{}.start_error(2140).log(mapi).on(v4_0).fact("private_store_on_server", false).diagnose();
        check_first(r, "ims-4018-no-private-store", status::confirmed);
        // Answers that exclude a cause rule it out.
        const auto has_store = findings{}.start_error(2140).log(mapi).fact("private_store_on_server", true).diagnose();
        CHECK(status_of(has_store, "ims-4018-no-private-store") == status::ruled_out);
        CHECK_FALSE(contains(top_tier(has_store), "ims-4018-no-private-store"));
    }
}

// ------------------------------------------------------------------------------------------------
TEST_CASE("Family: 4007 / 4020 / 4003 Winsock and proxy") {
    const auto bind_10050 =
        saw_event(imc, 4007).with_description("The following error occurred while trying to bind the TCP/IP listener socket "
                                              "(10050)");
    const auto winsock = saw_event(imc, 4020).with_description("Unable to start service because Winsock could not be "
                                                               "initialized.");

    SUBCASE("10050 with 4020: Q193928's four scenarios lead, the proxy questions come first") {
        const auto r = findings{}.start_error(2140).log(bind_10050).log(winsock).diagnose();
        const auto top = top_tier(r);
        CHECK(top.size() == 4);
        for (const std::string& id : top) CHECK(ims::table.rules[rule_index(id)].article == "Q193928");
        CHECK(ims::table.find_rule("ims-4007-10050-proxy-client-without-proxy-server") == not_found);  // merged
        CHECK(status_of(r, "ims-winsock-bind-10048-port-in-use") == status::possible);
        // Each scenario's check is among the first questions.
        for (std::string_view fact : {"ms_proxy_client_enabled", "uses_ms_proxy_server",
                                      "proxy_client_names_proxy_by_netbios_name", "smtp_service_running_on_proxy_server",
                                      "proxy_server_pingable_by_name"})
            CHECK(fact_check_position(r, fact) < 6);
        // Q222553 (10048) is only possible here, but its port-25 question also settles scenario C (the
        // SMTP service would hold that port): it is among the first questions too.
        CHECK(status_of(r, "ims-winsock-bind-10048-port-in-use") == status::possible);
        CHECK(fact_check_position(r, "proxy_server_port_25_in_use") < 6);
    }
    SUBCASE("10048 in the text: Q222553") {
        const auto r = findings{}
                           .log(saw_event(imc, 4007).with_description("bind the TCP/IP listener socket. 10048"))
                           .log(saw_event(imc, 4020))
                           .diagnose();
        check_first(r, "ims-winsock-bind-10048-port-in-use", status::likely);
        CHECK(fact_check_position(r, "proxy_server_port_25_in_use") == 0);
    }
    SUBCASE("4003 with 11004 and 4020: Q268643") {
        const auto r = findings{}
                           .log(saw_event(imc, 4003).with_description("Error=11004"))
                           .log(saw_event(imc, 4020))
                           .diagnose();
        check_first(r, "ims-4003-11004-wsp-client-tcpip", status::likely);
    }
    SUBCASE("4007 without its text: both socket errors stay open and all the proxy questions are asked") {
        const auto r = findings{}.log(saw_event(imc, 4007)).log(saw_event(imc, 4020)).diagnose();
        CHECK(status_of(r, "ims-winsock-bind-10048-port-in-use") == status::likely);
        CHECK(status_of(r, "ims-4007-10050-proxy-named-by-netbios-name") == status::likely);
        CHECK(fact_check_position(r, "proxy_server_port_25_in_use") != absent);
        CHECK(fact_check_position(r, "proxy_client_names_proxy_by_netbios_name") != absent);
        const auto answered = findings{}
                                  .log(saw_event(imc, 4007))
                                  .log(saw_event(imc, 4020))
                                  .fact("proxy_server_pingable_by_name", false)
                                  .diagnose();
        check_first(answered, "ims-4007-10050-proxy-not-resolvable-by-name", status::confirmed);
    }
    SUBCASE("4007 (10050) alone: Q193928's scenarios (Q203116's cause is B's), and 4020 is what would lift them") {
        const auto r = findings{}.log(bind_10050).diagnose();
        CHECK(top_tier(r).size() == 4);
        for (const std::string& id : top_tier(r)) CHECK(ims::table.rules[rule_index(id)].article == "Q193928");
        CHECK(status_of(r, "ims-4007-10050-proxy-client-with-other-firewall") == status::possible);
        CHECK(event_check_position(r, imc, 4020) != absent);
    }
}

// ------------------------------------------------------------------------------------------------
TEST_CASE("Family: 4058 / 4067 DNS naming") {
    constexpr std::string_view connector_4058 =
        "The Internet Mail Connector cannot start because the name resolver cannot be initialized.";
    constexpr std::string_view connector_4067 =
        "The Internet Mail Connector cannot start because the TCP/IP domain name was not found during initialization.";
    constexpr std::string_view service_4058 =
        "The Internet Mail Service cannot start because the name resolver cannot be initialized.";
    constexpr std::string_view service_4067 =
        "The Internet Mail Service cannot start because the TCP/IP domain name was not found during initialization.";

    SUBCASE("4058 alone with Error 2140: Q154589 leads, 4067 would lift the 5.5 articles") {
        const auto r = findings{}.start_error(2140).log(imc_event(4058, connector_4058)).diagnose();
        check_first(r, "imc-4058-dns-domain-name-blank", status::likely);
        CHECK(status_of(r, "ims-cluster-sp1-upgrade-name-resolver") == status::possible);
        CHECK(fact_check_position(r, "tcpip_dns_domain_name_set") != absent);
        CHECK(event_check_position(r, imc, 4067) != absent);
    }
    SUBCASE("the wording names the product: 'Connector' is Q194128, 'Service' is Q291123") {
        const auto connector = findings{}.log(imc_event(4058, connector_4058)).log(imc_event(4067, connector_4067)).diagnose();
        check_first(connector, "ims-cluster-sp1-upgrade-name-resolver", status::likely);
        const auto service = findings{}.log(imc_event(4058, service_4058)).log(imc_event(4067, service_4067)).diagnose();
        check_first(service, "ims-w2k-primary-dns-suffix-not-set", status::likely);
    }
    SUBCASE("ids only: the cluster and DNS-suffix checks decide") {
        const auto symptoms = findings{}.log(imc_event(4058)).log(imc_event(4067));
        const auto r = symptoms.diagnose();
        CHECK(tied(r, "ims-cluster-sp1-upgrade-name-resolver", "ims-w2k-primary-dns-suffix-not-set"));
        CHECK(fact_check_position(r, "server_is_cluster_node") < 4);
        CHECK(fact_check_position(r, "primary_dns_suffix_set") != absent);
        findings cluster = symptoms;
        cluster.fact("server_is_cluster_node", true);
        check_first(cluster.diagnose(), "ims-cluster-sp1-upgrade-name-resolver", status::likely);
        findings suffix = symptoms;
        suffix.fact("primary_dns_suffix_set", false).fact("windows_version", version{5, 0});
        check_first(suffix.diagnose(), "ims-w2k-primary-dns-suffix-not-set", status::confirmed);
        // SP2 fixed Q194128's defect.
        findings sp2 = symptoms;
        sp2.fact("exchange_service_pack", 2);
        CHECK(status_of(sp2.diagnose(), "ims-cluster-sp1-upgrade-name-resolver") == status::ruled_out);
    }
    SUBCASE("the setup code 0xc00203e5 with 4058: Q263029") {
        const auto r = findings{}.start_error(0xc00203e5).log(imc_event(4058)).diagnose();
        check_first(r, "ims-cluster-setup-missing-dns-a-records", status::likely);
    }
    SUBCASE("on 4.0 the 5.5 naming articles are out; on 5.5 Q154589 is") {
        const auto on_4 = findings{}.log(imc_event(4058)).log(imc_event(4067)).on(v4_0).diagnose();
        CHECK(status_of(on_4, "ims-cluster-sp1-upgrade-name-resolver") == status::ruled_out);
        CHECK(status_of(on_4, "ims-w2k-primary-dns-suffix-not-set") == status::ruled_out);
        check_first(on_4, "imc-4058-dns-domain-name-blank", status::likely);
        const auto on_55 = findings{}.start_error(2140).log(imc_event(4058, connector_4058)).on(v5_5).diagnose();
        CHECK(status_of(on_55, "imc-4058-dns-domain-name-blank") == status::ruled_out);
    }
}

// ------------------------------------------------------------------------------------------------
TEST_CASE("Family: event 4086, configuration could not be loaded") {
    const auto config = saw_event(imc, 4086).with_description(
        "Unable to start the service because the configuration could not be loaded from the Microsoft Exchange "
        "directory or Windows NT Registry.");

    SUBCASE("Error 2140 and 4086: Q189730 and Q298565 tie; the version is the first question") {
        const auto r = findings{}.start_error(2140).log(config).diagnose();
        CHECK(tied(r, "imc-4086-service-account-not-domain-admin", "ims-4086-sitedn-mismatch"));
        CHECK(contains(top_tier(r), "ims-4086-sitedn-mismatch"));
        CHECK(status_of(r, "ims-4086-logs-on-as-local-system") == status::likely);
        CHECK(fact_check_position(r, "exchange_version") < 4);
        // Each leader's deciding check comes before the events only merely possible causes log.
        for (std::string_view fact : {"service_account_in_domain_administrators", "ims_registry_sitedn_matches_directory",
                                      "ims_service_logs_on_as_local_system"})
            CHECK(fact_check_position(r, fact) < event_check_position(r, imc, 4018));
        const auto on_4 = findings{}.start_error(2140).log(config).on(v4_0).diagnose();
        check_first(on_4, "imc-4086-service-account-not-domain-admin", status::likely);
        CHECK(status_of(on_4, "ims-4086-sitedn-mismatch") == status::ruled_out);
        const auto on_55 = findings{}.start_error(2140).log(config).on(v5_5).diagnose();
        check_first(on_55, "ims-4086-sitedn-mismatch", status::likely);
    }
    SUBCASE("Error 2186 and the SCM's 7000 point to Q155814") {
        const auto r =
            findings{}.start_error(2186).log(config).log(saw_event("Service Control Manager", 7000)).diagnose();
        check_first(r, "ims-4086-logs-on-as-local-system", status::likely);
    }
    SUBCASE("4086 alone with the LocalSystem answer") {
        const auto r = findings{}.log(config).fact("ims_service_logs_on_as_local_system", true).diagnose();
        check_first(r, "ims-4086-logs-on-as-local-system", status::confirmed);
    }
}

// ------------------------------------------------------------------------------------------------
TEST_CASE("Family: event 4087, queue viewing interface") {
    SUBCASE("the id alone: Q182346 and Q200092 tie, their checks and Q200092's situation are the questions") {
        const auto r = findings{}.log(imc_event(4087)).diagnose();
        CHECK(tied(r, "ims-4087-network-service-or-protocol-fault", "ims-4087-alpha-gsnw-ccmail"));
        for (std::string_view fact : {"ims_starts_after_network_components_reinstalled",
                                      "ims_starts_on_clean_nt_with_tcpip_only", "server_is_dec_alpha",
                                      "gsnw_and_ccmail_connector_added", "exchange_version"})
            CHECK(fact_check_position(r, fact) < 5);
    }
    SUBCASE("Q200092 covers only 5.0: on 4.0 Q182346 remains") {
        const auto r = findings{}.log(imc_event(4087)).on(v4_0).diagnose();
        check_first(r, "ims-4087-network-service-or-protocol-fault", status::likely);
        CHECK(candidate_of(r, "ims-4087-alpha-gsnw-ccmail")->outside_versions);
    }
    SUBCASE("on 5.0 the platform rules Q200092 out, and each article's own test confirms") {
        // The Alpha with GSNW and cc:Mail is Q200092's situation: it confirms nothing, its absence rules out.
        const auto alpha = findings{}
                               .log(imc_event(4087))
                               .on(v5_0)
                               .fact("server_is_dec_alpha", true)
                               .fact("gsnw_and_ccmail_connector_added", true)
                               .diagnose();
        CHECK(status_of(alpha, "ims-4087-alpha-gsnw-ccmail") == status::likely);
        CHECK(status_of(alpha, "ims-4087-network-service-or-protocol-fault") == status::likely);
        const auto intel = findings{}.log(imc_event(4087)).on(v5_0).fact("server_is_dec_alpha", false).diagnose();
        check_first(intel, "ims-4087-network-service-or-protocol-fault", status::likely);
        CHECK(status_of(intel, "ims-4087-alpha-gsnw-ccmail") == status::ruled_out);
        const auto clean = findings{}
                               .log(imc_event(4087))
                               .on(v5_0)
                               .fact("ims_starts_on_clean_nt_with_tcpip_only", true)
                               .diagnose();
        check_first(clean, "ims-4087-alpha-gsnw-ccmail", status::confirmed);
        const auto reinstalled = findings{}
                                     .log(imc_event(4087))
                                     .on(v5_0)
                                     .fact("ims_starts_after_network_components_reinstalled", true)
                                     .diagnose();
        check_first(reinstalled, "ims-4087-network-service-or-protocol-fault", status::confirmed);
    }
    SUBCASE("on Q200092's own situation the articles give nothing more than their own tests") {
        // Q200092's situation is context: with it, neither article is confirmed.
        const auto situation = findings{}
                                   .log(imc_event(4087))
                                   .on(v5_0)
                                   .fact("server_is_dec_alpha", true)
                                   .fact("gsnw_and_ccmail_connector_added", true)
                                   .diagnose();
        CHECK(tied(situation, "ims-4087-network-service-or-protocol-fault", "ims-4087-alpha-gsnw-ccmail"));
        // What is left to tell them apart is each article's own test of its steps, asked first.
        CHECK(fact_check_position(situation, "ims_starts_after_network_components_reinstalled") < 2);
        CHECK(fact_check_position(situation, "ims_starts_on_clean_nt_with_tcpip_only") < 2);
    }
}

// ------------------------------------------------------------------------------------------------
TEST_CASE("Family: the administrator mailbox") {
    SUBCASE("only the answer 'no X.400 address'") {
        const auto r = findings{}.fact("ims_admin_mailbox_has_x400_address", false).diagnose();
        const std::string_view carriers[] = {
            "imc-admin-mailbox-x400-removed",          "imc-admin-mailbox-no-x400-error-1067",
            "ims-5-access-violation-admin-mailbox-no-x400", "ims-wizard-admin-mailbox-no-x400-dr-watson",
            "imc-4-user32-initialization-failed-admin-no-x400", "ims-5-5-dr-watson-find-admin-x400-address",
            "ims-wizard-admin-mailbox-no-x400-timeout"};
        CHECK(r.ranked().size() == std::size(carriers));
        for (std::string_view id : carriers) CHECK(status_of(r, id) == status::possible);
        // The questions are the symptoms that would tell them apart.
        CHECK(start_error_check_position(r, 2140) != absent);
        CHECK(start_error_check_position(r, 1067) != absent);
        CHECK(start_error_check_position(r, 0xc002041d) != absent);
        CHECK(event_check_position(r, "DrWatson", 4097) != absent);
        CHECK(fact_check_position(r, "exchange_version") == 0);
        // On 5.5 the 4.0 and 5.0 rules are out, and without a symptom none is more than possible.
        const auto on_55 = findings{}.fact("ims_admin_mailbox_has_x400_address", false).on(v5_5).diagnose();
        CHECK(status_of(on_55, "imc-admin-mailbox-x400-removed") == status::ruled_out);
        CHECK(status_of(on_55, "imc-admin-mailbox-no-x400-error-1067") == status::ruled_out);
        CHECK(status_of(on_55, "ims-5-access-violation-admin-mailbox-no-x400") == status::ruled_out);
        CHECK(status_of(on_55, "ims-wizard-admin-mailbox-no-x400-timeout") == status::possible);
        CHECK(status_of(on_55, "ims-5-5-dr-watson-find-admin-x400-address") == status::possible);
    }
    SUBCASE("each symptom with the answer picks its article") {
        const auto q149542 = findings{}.start_error(1067).fact("ims_admin_mailbox_has_x400_address", false).diagnose();
        check_first(q149542, "imc-admin-mailbox-no-x400-error-1067", status::confirmed);
        const auto q148727 =
            findings{}.start_error(2140).on(v4_0).fact("ims_admin_mailbox_has_x400_address", false).diagnose();
        check_first(q148727, "imc-admin-mailbox-x400-removed", status::confirmed);
        const auto q166080 = findings{}
                                 .log(saw_event("DrWatson", 4097).with_description("The application; MSEXCIMC.dbg;"))
                                 .fact("ims_admin_mailbox_has_x400_address", false)
                                 .diagnose();
        check_first(q166080, "ims-wizard-admin-mailbox-no-x400-dr-watson", status::confirmed);
        const auto q300535 =
            findings{}.start_error(0xc002041d).fact("ims_admin_mailbox_has_x400_address", false).diagnose();
        check_first(q300535, "ims-wizard-admin-mailbox-no-x400-timeout", status::confirmed);
    }
    SUBCASE("an unset or invalid mailbox: 4071 is Q183178, events 2140 and 100 are Q246115") {
        const auto q183178 = findings{}.log(imc_event(4071)).fact("ims_admin_mailbox_valid", false).diagnose();
        check_first(q183178, "ims-4071-admin-mailbox-unset-or-unreachable", status::confirmed);
        CHECK(status_of(q183178, "ims-admin-mailbox-invalid-events-2140-100") == status::possible);
        const auto q246115 = findings{}.log(imc_event(2140)).log(imc_event(100)).diagnose();
        check_first(q246115, "ims-admin-mailbox-invalid-events-2140-100", status::likely);
        CHECK(fact_check_position(q246115, "ims_admin_mailbox_valid") == 0);
    }
    SUBCASE("the wizard code without the answer: Q300535 and Q262939 both open") {
        const auto r = findings{}.start_error(0xc002041d).diagnose();
        CHECK(tied(r, "ims-wizard-admin-mailbox-no-x400-timeout", "ims-4018-service-account-lost-domain-admins"));
        CHECK(fact_check_position(r, "ims_admin_mailbox_has_x400_address") != absent);
        CHECK(event_check_position(r, imc, 4018) != absent);
    }
}

// ------------------------------------------------------------------------------------------------
TEST_CASE("Applicability: a 4.0-only article is ruled out on 5.5, and the report says why") {
    const auto r = findings{}
                       .start_error(2140)
                       .log(saw_event(imc, 4058)
                                .with_category("Intialization/Termination")
                                .with_description("The Internet Mail Connector cannot start because the name resolver "
                                                  "cannot be initialized."))
                       .fact("tcpip_dns_domain_name_set", false)
                       .on(v5_5)
                       .diagnose();
    const candidate* c = candidate_of(r, "imc-4058-dns-domain-name-blank");
    REQUIRE(c != nullptr);
    CHECK(c->status == status::ruled_out);
    CHECK(c->version_known);
    CHECK(c->outside_versions);
    CHECK(c->confirming[0] == fact_state::holds);  // the fact fits; only the version rules it out
    CHECK(best_id(r) != "imc-4058-dns-domain-name-blank");

    SUBCASE("every rule whose article excludes 5.5 is ruled out on 5.5 with its own evidence") {
        std::size_t checked = 0;
        for (std::size_t i = 0; i < ims::table.rule_count; ++i) {
            const rule& rl = ims::table.rules[i];
            bool covers_55 = false;
            for (const version_range& range : rl.versions) covers_55 = covers_55 || range.contains(v5_5);
            if (covers_55) continue;
            CAPTURE(std::string(rl.id));
            ++checked;
            findings e;
            for (const observed_start_error& s : rl.examples[0].start_errors) e.errors.push_back(s);
            for (const observed_event& ev : rl.examples[0].events) e.events.push_back(ev);
            for (const fact_assignment& f : rl.examples[0].facts)
                if (f.name != "exchange_version") e.facts.push_back(f);
            e.on(v5_5);
            const auto result = e.diagnose();
            const candidate* mine = result.find(i);
            REQUIRE(mine != nullptr);
            CHECK(mine->status == status::ruled_out);
            CHECK(mine->outside_versions);
        }
        CHECK(checked >= 15);
    }
}
