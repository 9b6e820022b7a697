// The evidence layer on the articles' crash, dialog and no-code texts, pasted as a support engineer
// receives them: each becomes its observation, is cited by line, and puts the article's rule first.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "ruledx/eval/diagnose.hpp"
#include "ruledx/kb/exchange.hpp"
#include "ruledx/kb/exchange_service_names.hpp"
#include "ruledx/read/evidence.hpp"
#include "support/evt_writer.hpp"

namespace {

using namespace ruledx;
namespace joined = kb::exchange;

struct read_text {
    evidence seen{joined::table, kb::exchange_service_names};
    explicit read_text(std::string_view text, std::initializer_list<fact_assignment> facts = {}) {
        seen.read_buffer(text, "ticket");
        for (const fact_assignment& f : facts) seen.set_fact(f);
    }
    [[nodiscard]] std::string best() const {
        const auto r = diagnose(joined::table, seen.observations());
        return r.best() == nullptr ? std::string("<none>") : std::string(joined::table.rules[r.best()->rule_index].id);
    }
};

}  // namespace

TEST_CASE("evidence: Q179289's application-error sentence in a mail is a crash, cited by its line") {
    const read_text t("Hello,\n\nsince this morning the IMS will not start. Dr. Watson shows:\n\n"
                      "> The application, exe\\MSEXCIMC.dbg, generated an application error. The\n"
                      "> error occurred on 12/ 2/1997 @ 17:27:29.240 The exception generated was\n"
                      "> c0000005 at address 77f64654 (RtlAllocateHeap)\n\nThanks\n",
                      {fact_is("exchange_version", version{5, 5}), fact_is("ims_relay_allow_list_has_several_entries", true)});
    const observations seen = t.seen.observations();
    REQUIRE(seen.crashes.size() == 1);
    CHECK(detail::program_name(seen.crashes[0].program) == "MSEXCIMC");
    CHECK(seen.crashes[0].exception == 0xc0000005u);
    CHECK(detail::contains_phrase(seen.crashes[0].frames, "RtlAllocateHeap"));
    CHECK(t.seen.cite(signal_kind::crash, 0) == "ticket line 5");
    CHECK(t.best() == "ims-5-5-heap-crash-relay-allow-list");
}

TEST_CASE("evidence: Q281743's stack alone is a crash of no named program") {
    const read_text t("ChildEBP RetAddr  Args to Child\n"
                      "00f7fd50 00431b39 00000000 00000000 00e11a00 msexcimc!CPostmaster__rcFindAdminX400Address+0x129\n"
                      "00f7fd68 0043ca46 00e11870 00e118b0 00e10f88 msexcimc!CPostmaster__rcInitialize+0xc3\n"
                      "00f7ffb8 77f04ee8 00134d00 ffffffff 0012ff60 KERNEL32!BaseThreadStart+0x51\n",
                      {fact_is("ims_admin_mailbox_has_x400_address", false)});
    REQUIRE(t.seen.observations().crashes.size() == 1);
    CHECK(t.seen.observations().crashes[0].program.empty());
    CHECK(t.best() == "ims-5-5-dr-watson-find-admin-x400-address");
}

TEST_CASE("evidence: Q199430's DLL initialization dialog is a message box, recognised by its text") {
    const read_text t("drwatsn32.exe - DLL Initialization Failed\n"
                      "------------------------------------------\n"
                      "Initialization of the dynamic link library\n"
                      "C:\\WINNT\\system32\\USER32.dll failed. The process is\n"
                      "terminating abnormally.\n",
                      {fact_is("exchange_version", version{4, 0}), fact_is("ims_admin_mailbox_has_x400_address", false)});
    REQUIRE(t.seen.observations().dialogs.size() == 1);
    CHECK(t.seen.cite(signal_kind::dialog, 0) == "ticket line 3, recognised by its text");
    CHECK(t.best() == "imc-4-user32-initialization-failed-admin-no-x400");
}

TEST_CASE("evidence: Q264162's 'Could not start. Service did not return an error.' is a start that returned none") {
    const read_text t("Could not start. Service did not return an error.\n"
                      "This could be an internal Windows error or an internal service error.\n",
                      {fact_is("ims_cluster_resource_uses_network_configuration", true)});
    REQUIRE(t.seen.observations().start_errors.size() == 1);
    CHECK(t.seen.observations().start_errors[0].code == 0);
    CHECK(t.best() == "ims-w2k-cluster-use-network-configuration");
}

TEST_CASE("evidence: Q158488's MTA event, quoted without id or source, is recognised by its text") {
    const read_text t("Could not start the Microsoft Exchange Message Transfer Agent service on \\\\EXCH1.\n"
                      "Error 2140: An internal Windows NT error occurred.\n\nIn the event log:\n"
                      "An unexpected error has occurred which may cause the MTA to terminate. Error:\n"
                      "Queue-Desc-Object (ID 1) not found {BASE MAIN BASE] (16).\n",
                      {fact_is("mta_database_path_correct", false)});
    const observations seen = t.seen.observations();
    bool recognised = false;
    for (std::size_t i = 0; i < seen.events.size(); ++i)
        recognised = recognised || (seen.events[i].source == "MSExchangeMTA" && seen.events[i].id == 0 &&
                                    t.seen.origin_of(signal_kind::event, i).recognised);
    CHECK(recognised);
    const auto r = diagnose(joined::table, seen);
    REQUIRE(r.best() != nullptr);
    CHECK(joined::table.rules[r.best()->rule_index].id == "mta-database-path-wrong-after-restore");
    CHECK(r.best()->matched(1));  // the event by its text
}

TEST_CASE("evidence: an Application Popup event in a binary log is a crash and a message box") {
    test::evt_log log(64 * 1024);
    test::evt_event popup;
    popup.source = u"Application Popup";
    popup.identifier = 0x40000000u | 26u;
    popup.strings = {u"msexcimc.exe - Application Error",
                     u"The instruction at \"0x004467c8\" referenced memory at \"0x00000000\". The memory could not be \"written\"."};
    log.append(popup);
    const test::bytes_t& bytes = log.bytes();
    evidence seen(joined::table, kb::exchange_service_names);
    seen.read_buffer(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()), "System.evt");
    const observations got = seen.observations();
    REQUIRE(got.crashes.size() == 1);
    CHECK(detail::program_name(got.crashes[0].program) == "msexcimc");
    CHECK(got.crashes[0].exception == 0xc0000005u);
    CHECK(seen.cite(signal_kind::crash, 0) == "System.evt record 1");
}
