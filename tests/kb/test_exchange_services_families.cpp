// Families of articles that share a symptom: the ranking the shared evidence gives, the questions
// the report asks next (the discriminating fact or event), and what the answer does.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "services_test_support.hpp"

using namespace services_test;

namespace {

constexpr version v4_0{4, 0};
constexpr version v5_5{5, 5};

constexpr std::string_view mta = "MSExchangeMTA";
constexpr std::string_view ds = "MSExchangeDS";
constexpr std::string_view es = "MSExchangeES";
constexpr std::string_view dx = "MSExchangeDX";
constexpr std::string_view kms = "MSExchangeKMS";

bool has_start_error(const rule& rl, std::string_view service, std::uint32_t code) {
    for (std::size_t s = 0; s < rl.signal_count(); ++s) {
        const ruledx::signal& sig = rl.signal_at(s);
        if (sig.kind == signal_kind::start_error && sig.code == code && detail::same_name(sig.source, service)) return true;
    }
    return false;
}

// Every rule that shows this service's Error 2140 is a candidate and ranks first; the others are
// the rules naming the service otherwise (its events, another of its start errors), with nothing
// matched.
void check_2140_candidates(const svc_report& r, std::string_view service) {
    std::size_t with_2140 = 0;
    for (std::size_t i = 0; i < svc::table.rule_count; ++i) {
        if (!has_start_error(svc::table.rules[i], service, 2140)) continue;
        ++with_2140;
        CHECK(r.find(i) != nullptr);
    }
    REQUIRE(r.ranked().size() >= with_2140);
    for (std::size_t k = 0; k < r.ranked().size(); ++k) {
        const candidate& c = r.ranked()[k];
        const rule& rl = svc::table.rules[c.rule_index];
        CHECK(has_start_error(rl, service, 2140) == (k < with_2140));
        if (k < with_2140) continue;
        CHECK(c.score == 0);
        bool names_service = false;
        for (std::size_t s = 0; s < rl.signal_count(); ++s) names_service = names_service || ruledx::detail::same_name(rl.signal_at(s).source, service);
        CHECK(names_service);
    }
}

}  // namespace

// ------------------------------------------------------------------------------------------------
TEST_CASE("Family: Error 2140 alone, per service") {
    SUBCASE("MTA: every MTA rule is possible; the first questions are the version and the MTA's events") {
        const auto r = findings{}.start_error(mta, 2140).diagnose();
        check_2140_candidates(r, mta);
        CHECK(r.ranked().size() >= 9);
        for (const candidate& c : r.ranked()) CHECK(c.status == status::possible);
        REQUIRE(r.next_checks().size() >= 4);
        CHECK(fact_check_position(r, "exchange_version") != absent);
        CHECK(event_check_position(r, mta, 2152) != absent);
        // An Error 2140 of another service touches no MTA rule.
        const auto directory = findings{}.start_error(ds, 2140).diagnose();
        for (const candidate& c : directory.ranked()) CHECK(svc::table.rules[c.rule_index].id.substr(0, 4) != "mta-");
    }
    SUBCASE("Directory: ten causes; on 5.5 the 4.0 and 4.0/5.0 articles drop out") {
        const auto r = findings{}.start_error(ds, 2140).diagnose();
        check_2140_candidates(r, ds);
        CHECK(r.ranked().size() >= 11);  // ten Directory rules and Q163139's System Attendant rule
        for (const candidate& c : r.ranked()) CHECK(c.status == status::possible);
        CHECK(event_check_position(r, ds, 1002) < 4);  // the event most of them log
        const auto on_55 = findings{}.start_error(ds, 2140).on(v5_5).diagnose();
        for (std::string_view id : {"ds-edbutil-logs-outside-dsadata", "ds-1002-1022-disk-errors",
                                    "ds-1002-1022-dsadata-permissions", "ds-1002-1022-paging-file"}) {
            CAPTURE(std::string(id));
            CHECK(status_of(on_55, id) == status::ruled_out);
            CHECK(candidate_of(on_55, id)->outside_versions);
        }
        CHECK(status_of(on_55, "ds-1016-parameters-value-missing") == status::possible);
    }
    SUBCASE("Directory Synchronization: three causes, told apart by event 124 and two checks") {
        const auto r = findings{}.start_error(dx, 2140).diagnose();
        check_2140_candidates(r, dx);
        CHECK(r.ranked().size() >= 3);
        CHECK(event_check_position(r, "ESE97", 124) != absent);
        CHECK(fact_check_position(r, "service_account_can_change_drive_root") != absent);
        CHECK(fact_check_position(r, "addr_map_cfg_extra_line_feeds") != absent);
        const auto on_55 = findings{}.start_error(dx, 2140).on(v5_5).diagnose();
        CHECK(status_of(on_55, "dx-addr-map-cfg-extra-line-feeds") == status::ruled_out);
    }
    SUBCASE("Event Service: three causes behind two MAPI errors; event 5 is asked first") {
        const auto r = findings{}.start_error(es, 2140).diagnose();
        check_2140_candidates(r, es);
        CHECK(r.ranked().size() >= 3);
        CHECK(event_check_position(r, es, 5) < 2);
    }
    SUBCASE("Key Management: one article shows the Error 2140; without its event 5057 it stays possible") {
        const auto r = findings{}.start_error(kms, 2140).diagnose();
        check_first(r, "kms-5057-password-not-supplied", status::possible);
        check_2140_candidates(r, kms);
        CHECK(event_check_position(r, kms, 5057) < 2);
        CHECK(fact_check_position(r, "kms_password_in_startup_parameters") < 2);
    }
}

// ------------------------------------------------------------------------------------------------
TEST_CASE("Family: Directory event 1002, the database error number decides") {
    SUBCASE("1002 read from a binary log (no text): every 1002 rule is likely; the error number is not readable") {
        const auto r = findings{}.start_error(ds, 2140).log(saw_event(ds, 1002)).diagnose();
        for (std::string_view id :
             {"ds-1002-1022-disk-errors", "ds-1002-1811-move-server-wizard-registry", "ds-1002-1008-database-read-only",
              "ds-1002-1811-antivirus-renamed-files"}) {
            CAPTURE(std::string(id));
            CHECK(status_of(r, id) == status::likely);
        }
        CHECK(status_of(r, "ds-1016-parameters-value-missing") == status::possible);  // needs 1016
        // The facts of the leading causes are asked, and the 1016 that would single out Q263548.
        CHECK(fact_check_position(r, "ds_database_read_only") != absent);
        CHECK(fact_check_position(r, "antivirus_quarantined_exchange_files") != absent);
    }
    SUBCASE("-1811: the Move Server Wizard and antivirus tie until the registry or the quarantine is checked") {
        const findings symptoms = findings{}.start_error(ds, 2140).log(
            saw_event(ds, 1002).with_description("The Microsoft Exchange Server database, EDB, could not be initialized "
                                                 "and returned error -1811. Unrecoverable error. The directory cannot "
                                                 "continue."));
        const auto r = symptoms.diagnose();
        CHECK(tied(r, "ds-1002-1811-move-server-wizard-registry", "ds-1002-1811-antivirus-renamed-files"));
        CHECK(top_tier(r).size() == 2);
        CHECK(fact_check_position(r, "ds_registry_points_to_newdsa") < 2);
        CHECK(fact_check_position(r, "antivirus_quarantined_exchange_files") < 2);
        findings wizard = symptoms;
        wizard.fact("ds_registry_points_to_newdsa", true);
        check_first(wizard.diagnose(), "ds-1002-1811-move-server-wizard-registry", status::confirmed);
        findings antivirus = symptoms;
        antivirus.fact("antivirus_quarantined_exchange_files", true);
        check_first(antivirus.diagnose(), "ds-1002-1811-antivirus-renamed-files", status::confirmed);
    }
    SUBCASE("-1022 on 5.5: Q166335 covers 4.0 and 5.0 only, so its three causes are ruled out") {
        const auto r = findings{}
                           .start_error(ds, 2140)
                           .log(saw_event(ds, 1002).with_description("The Microsoft Exchange Server database, EDB, "
                                                                     "could not be initialized and returned error "
                                                                     "-1022."))
                           .on(v5_5)
                           .diagnose();
        for (const candidate& c : r.ranked())
            if (svc::table.rules[c.rule_index].article == "Q166335") CHECK(c.status == status::ruled_out);
    }
}

// ------------------------------------------------------------------------------------------------
TEST_CASE("Family: MTA database events 2152, 2127, 2155") {
    SUBCASE("2152 from a binary log (no category, no text): Mtacheck.log and the database path tie") {
        const auto r = findings{}.start_error(mta, 2140).log(saw_event(mta, 2152)).diagnose();
        CHECK(tied(r, "mta-2152-mtacheck-log-damaged", "mta-2152-database-path-registry-wrong"));
        CHECK(status_of(r, "mta-2152-mtacheck-log-damaged") == status::likely);
        // The leaders' checks come first, with the events that tell them apart (2127 and 2155 are Q324026's).
        CHECK(fact_check_position(r, "mtacheck_log_damaged_or_read_only") < 4);
        CHECK(fact_check_position(r, "mta_database_path_correct") < 4);
        CHECK(event_check_position(r, mta, 2127) < 4);
        // The events only Q324026 logs are asked for too.
        CHECK(event_check_position(r, mta, 2187) != absent);
    }
    SUBCASE("2127 and 2155 without 2152: Q274285 and Q324026 both open, the missing events asked") {
        const auto r = findings{}
                           .start_error(mta, 2140)
                           .log(saw_event(mta, 2127).with_type(event_type::warning).with_category("Operating System"))
                           .log(saw_event(mta, 2155).with_type(event_type::warning).with_category("Internal Processing"))
                           .diagnose();
        CHECK(status_of(r, "mta-3080-2171-dat-files-missing") == status::possible);
        CHECK(status_of(r, "mta-2152-database-path-registry-wrong") == status::possible);
        CHECK(event_check_position(r, mta, 2152) != absent);
        CHECK(event_check_position(r, mta, 3080) != absent);
        findings missing;
        missing.start_error(mta, 2140).log(saw_event(mta, 2127)).log(saw_event(mta, 2155)).log(saw_event(mta, 3080)).log(
            saw_event(mta, 2171));
        check_first(missing.diagnose(), "mta-3080-2171-dat-files-missing", status::likely);
    }
}

// ------------------------------------------------------------------------------------------------
TEST_CASE("Family: MTA events 9266, 9321, 9406") {
    SUBCASE("9406 alone is shared by three articles: none is more than possible") {
        const auto r = findings{}.start_error(mta, 2140).log(saw_event(mta, 9406)).diagnose();
        for (std::string_view id :
             {"mta-6613-logs-on-as-system", "mta-9321-11004-internal-nic-not-first", "mta-sp4-9266-reinstall-tcpip"}) {
            CAPTURE(std::string(id));
            CHECK(status_of(r, id) == status::possible);
        }
    }
    SUBCASE("9266 and 9321 from a binary log: both SP4 articles likely; the binding order and the TCP/IP "
            "reinstall decide") {
        const findings symptoms = findings{}.start_error(mta, 2140).log(saw_event(mta, 9266)).log(saw_event(mta, 9321));
        const auto r = symptoms.diagnose();
        CHECK(status_of(r, "mta-9321-11004-internal-nic-not-first") == status::likely);
        CHECK(status_of(r, "mta-sp4-9266-reinstall-tcpip") == status::likely);
        CHECK(fact_check_position(r, "internal_nic_first_in_binding_order") < 3);
        CHECK(fact_check_position(r, "mta_starts_after_tcpip_reinstalled") < 3);
        findings bindings = symptoms;
        bindings.fact("internal_nic_first_in_binding_order", false);
        check_first(bindings.diagnose(), "mta-9321-11004-internal-nic-not-first", status::confirmed);
        findings reinstalled = symptoms;
        reinstalled.fact("exchange_service_pack", 4).fact("mta_starts_after_tcpip_reinstalled", true);
        check_first(reinstalled.diagnose(), "mta-sp4-9266-reinstall-tcpip", status::confirmed);
        // SP4 alone confirms nothing: both stay likely.
        findings sp4 = symptoms;
        sp4.fact("exchange_service_pack", 4);
        CHECK(status_of(sp4.diagnose(), "mta-sp4-9266-reinstall-tcpip") == status::likely);
        CHECK(status_of(sp4.diagnose(), "mta-9321-11004-internal-nic-not-first") == status::likely);
        // The service pack separates them where the articles' situations differ: SP3 (with the
        // post-SP3 hotfix) is Q279415's only, before SP3 neither article's.
        findings sp3 = symptoms;
        sp3.fact("exchange_service_pack", 3);
        check_first(sp3.diagnose(), "mta-9321-11004-internal-nic-not-first", status::likely);
        CHECK(status_of(sp3.diagnose(), "mta-sp4-9266-reinstall-tcpip") == status::ruled_out);
        findings sp2 = symptoms;
        sp2.fact("exchange_service_pack", 2);
        CHECK(status_of(sp2.diagnose(), "mta-sp4-9266-reinstall-tcpip") == status::ruled_out);
        CHECK(status_of(sp2.diagnose(), "mta-9321-11004-internal-nic-not-first") == status::ruled_out);
    }
    SUBCASE("6613 singles out the System logon account (4.0/5.0)") {
        const auto r = findings{}.start_error(mta, 2140).log(saw_event(mta, 6613)).log(saw_event(mta, 9406)).diagnose();
        check_first(r, "mta-6613-logs-on-as-system", status::likely);
        const auto on_55 = findings{}.start_error(mta, 2140).log(saw_event(mta, 6613)).on(v5_5).diagnose();
        CHECK(status_of(on_55, "mta-6613-logs-on-as-system") == status::ruled_out);
    }
}

// ------------------------------------------------------------------------------------------------
TEST_CASE("Family: Event Service event 5, the MAPI error decides") {
    SUBCASE("0x80040107: the two causes of Q190993; 0x80004005 rules do not take it") {
        const auto r = findings{}
                           .start_error(es, 2140)
                           .log(saw_event(es, 5).with_description("An unexpected MAPI error occurred. Error returned "
                                                                  "was [0x80040107]."))
                           .diagnose();
        CHECK(tied(r, "es-5-80040107-damaged-mapi-dlls", "es-5-80040107-eventconfig-folder"));
        CHECK(status_of(r, "es-5-80004005-own-account-permissions") == status::possible);  // its 2140 only
        // Only a hypothesis of the failed Event Service (its article shows no 2140): nothing of it matched.
        CHECK(candidate_of(r, "es-5-80004005-sa-registry-names-wrong")->score == 0);
        CHECK(fact_check_position(r, "mapi_dlls_intact") < 2);
        CHECK(fact_check_position(r, "eventconfig_folder_duplicated") < 2);
    }
    SUBCASE("0x80004005 without Error 2140: own account and SA registry names tie until checked") {
        const findings symptoms = findings{}.log(
            saw_event(es, 5).with_description("An unexpected MAPI error occurred. Error returned was [0x80004005]."));
        const auto r = symptoms.diagnose();
        CHECK(tied(r, "es-5-80004005-own-account-permissions", "es-5-80004005-sa-registry-names-wrong"));
        CHECK(fact_check_position(r, "sa_registry_names_match_directory") < 3);
        CHECK(fact_check_position(r, "es_starts_with_another_account") < 3);
        findings names = symptoms;
        names.fact("sa_registry_names_match_directory", false);
        check_first(names.diagnose(), "es-5-80004005-sa-registry-names-wrong", status::confirmed);
        findings names_ok = symptoms;
        names_ok.fact("sa_registry_names_match_directory", true);
        CHECK(status_of(names_ok.diagnose(), "es-5-80004005-sa-registry-names-wrong") == status::ruled_out);
        check_first(names_ok.diagnose(), "es-5-80004005-own-account-permissions", status::likely);
    }
    SUBCASE("event 5 from a binary log: all four Event Service rules open, the MAPI error unreadable") {
        const auto r = findings{}.log(saw_event(es, 5)).diagnose();
        CHECK(r.ranked().size() == 4);
        for (const candidate& c : r.ranked()) CHECK(c.status == status::likely);
    }
}

// ------------------------------------------------------------------------------------------------
TEST_CASE("Family: antivirus software and the Exchange databases (Q262371, Q262374, Q262375)") {
    // One check, two services: the answer confirms the rule whose events were seen.
    const auto ds_case = findings{}
                             .start_error(ds, 2140)
                             .log(saw_event(ds, 1002).with_description("The Microsoft Exchange Server database, EDB, "
                                                                       "could not be initialized and returned error "
                                                                       "-1811."))
                             .fact("antivirus_quarantined_exchange_files", true)
                             .diagnose();
    check_first(ds_case, "ds-1002-1811-antivirus-renamed-files", status::confirmed);
    CHECK(status_of(ds_case, "is-7024-log-sequence-antivirus") == status::possible);
    const auto read_only = findings{}
                               .log(saw_event(ds, 1002).with_description("... returned error -1008. Unrecoverable error."))
                               .fact("ds_database_read_only", true)
                               .diagnose();
    check_first(read_only, "ds-1002-1008-database-read-only", status::confirmed);
}

// ------------------------------------------------------------------------------------------------
TEST_CASE("Applicability: a 4.0-only article is ruled out on 5.5, and the report says why") {
    const auto r = findings{}.start_error(ds, 2140).fact("edbutil_logs_outside_dsadata", true).on(v5_5).diagnose();
    const candidate* c = candidate_of(r, "ds-edbutil-logs-outside-dsadata");
    REQUIRE(c != nullptr);
    CHECK(c->status == status::ruled_out);
    CHECK(c->version_known);
    CHECK(c->outside_versions);
    CHECK(c->confirming[0] == fact_state::holds);  // the fact fits; only the version rules it out
    CHECK(best_id(r) != "ds-edbutil-logs-outside-dsadata");
    const auto on_4 = findings{}.start_error(ds, 2140).fact("edbutil_logs_outside_dsadata", true).on(v4_0).diagnose();
    check_first(on_4, "ds-edbutil-logs-outside-dsadata", status::confirmed);

    SUBCASE("every rule whose article excludes 5.5 is ruled out on 5.5 with its own evidence") {
        std::size_t checked = 0;
        for (std::size_t i = 0; i < svc::table.rule_count; ++i) {
            const rule& rl = svc::table.rules[i];
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
        CHECK(checked == 6);  // Q131727, Q140951, Q166335 (three), Q185154
    }
}
