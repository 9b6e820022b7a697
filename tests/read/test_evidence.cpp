// The evidence layer: what a whole log says is absent, and evidence a caller gives.
#include <doctest/doctest.h>

#include <string>

#include "ruledx/eval/diagnose.hpp"
#include "ruledx/kb/exchange_ims.hpp"
#include "ruledx/kb/exchange_service_names.hpp"
#include "ruledx/read/evidence.hpp"
#include "support/evt_writer.hpp"

namespace {

using namespace ruledx;
namespace ims = kb::exchange_ims;

// An Application log holding an IMS event 4018, another source's event and an event no rule names.
std::string application_log() {
    test::evt_log log(64 * 1024);
    test::evt_event e4018;
    e4018.source = u"MSExchangeIMC";
    e4018.identifier = 0xC0000000u | 4018u;
    e4018.type = 1;
    log.append(e4018);
    test::evt_event other;
    other.source = u"MSExchangeMTA";
    other.identifier = 0x40000000u | 9298u;
    log.append(other);
    test::evt_event unnamed;
    unnamed.source = u"Print";
    unnamed.identifier = 10;
    log.append(unnamed);
    const test::bytes_t& bytes = log.bytes();
    return std::string(reinterpret_cast<const char*>(bytes.data()), bytes.size());
}

std::size_t rule_index(std::string_view id) { return ims::table.find_rule(id); }

}  // namespace

TEST_CASE("a whole .evt answers for the sources it holds: what it lacks is absent") {
    evidence seen(ims::table, kb::exchange_service_names);
    const input_report& in = seen.read_buffer(application_log(), "Application.evt");
    CHECK(in.complete_sources == std::vector<std::string>{"MSExchangeIMC"});  // MTA and Print: no IMS rule names them
    REQUIRE(seen.observations().absent.size() == 1);
    CHECK(seen.observations().absent[0].whole_source);
    CHECK(seen.cite(absence_ref{0}) == "Application.evt");
    seen.add(saw_start_error("MSExchangeIMC", 2140));
    const auto r = diagnose(ims::table, seen.observations());
    // Rules that need an IMS event other than 4018 are ruled out, with the log as the reason.
    bool some_ruled_out_by_absence = false;
    for (const candidate& c : r.ranked()) {
        const rule& rl = ims::table.rules[c.rule_index];
        for (std::size_t s = 0; s < rl.required.size(); ++s) {
            if (!c.known_absent(s)) continue;
            CHECK(c.status == status::ruled_out);
            CHECK(rl.required[s].source == "MSExchangeIMC");
            CHECK(rl.required[s].code != 4018);
            some_ruled_out_by_absence = true;
        }
    }
    CHECK(some_ruled_out_by_absence);
    // No question asks about an IMS event any more: the log answered them all.
    for (const next_check& check : r.next_checks()) {
        if (check.what != next_check::kind::signal) continue;
        const ruledx::signal& s = ims::table.rules[check.rule_index].signal_at(check.signal_index);
        CHECK_FALSE((s.kind == signal_kind::event && s.source == "MSExchangeIMC"));
    }
}

TEST_CASE("pasted text says nothing about what it does not show") {
    evidence seen(ims::table, kb::exchange_service_names);
    const input_report& in = seen.read_buffer(
        "Event ID: 4018\nSource: MSExchangeIMC\nType: Error\nDescription:\nThe service could not start.\n", "ticket");
    CHECK(in.records >= 1);
    CHECK(in.complete_sources.empty());
    CHECK(seen.observations().absent.empty());
}

TEST_CASE("evidence given by the caller is kept, cited as given, and copied") {
    evidence seen(ims::table, kb::exchange_service_names);
    {
        std::string source = "MSExchangeIMC";
        std::string strings = std::string("11004") + '\0';
        seen.add(saw_event(std::string_view(source), 4003).with_strings(strings));
        observed_absence a = absent_event(std::string_view(source), 4116);
        seen.add(a);
        seen.add(saw_start_error(std::string_view(source), 2140));
        source.assign(source.size(), 'x');  // the evidence holds copies
        strings.assign(strings.size(), 'x');
    }
    const observations o = seen.observations();
    REQUIRE(o.events.size() == 1);
    CHECK(o.events[0].source == "MSExchangeIMC");
    CHECK(o.events[0].strings == std::string_view("11004\0", 6));
    REQUIRE(o.absent.size() == 1);
    CHECK(o.absent[0].source == "MSExchangeIMC");
    CHECK(o.absent[0].code == 4116);
    CHECK(seen.cite(signal_kind::event, 0) == "given");
    CHECK(seen.cite(absence_ref{0}).empty());
    const auto r = diagnose(ims::table, o);
    REQUIRE(r.best() != nullptr);
    CHECK(ims::table.rules[r.best()->rule_index].article == "Q268643");  // 4003 with 11004
    CHECK(r.find(rule_index("ims-4003-11004-wsp-client-tcpip")) != nullptr);
}

TEST_CASE("known messages are recognised in text no reader understands, and the readers' events stand") {
    const std::size_t r = rule_index("ims-4070-imcdata-in-folder-missing");
    REQUIRE(r != not_found);
    const rule& q231737 = ims::table.rules[r];
    REQUIRE(q231737.signal_count() == 2);
    const std::string_view d4070 = q231737.signal_at(0).description;
    const std::string_view d4131 = q231737.signal_at(1).description;
    REQUIRE_FALSE(d4070.empty());
    REQUIRE_FALSE(d4131.empty());
    // Two events flattened onto one line by a web page, no source, no layout.
    const std::string page = "From the forum: the IMS stopped. 4070: " + std::string(d4070) + " 4131: " +
                             std::string(d4131) + " Any ideas?\n";
    evidence seen(ims::table, kb::exchange_service_names);
    seen.read_buffer(page, "forum.txt");
    const observations o = seen.observations();
    REQUIRE(o.events.size() == 2);
    CHECK(o.events[0].id == 4070);
    CHECK(o.events[0].source == "MSExchangeIMC");
    CHECK(o.events[1].id == 4131);
    CHECK(seen.cite(signal_kind::event, 0) == "forum.txt line 1, recognised by its text");
    const auto report = diagnose(ims::table, o);
    REQUIRE(report.best() != nullptr);
    CHECK(report.best()->rule_index == r);
    CHECK(report.best()->text_matched[0]);

    // A stated id that disagrees names another event: the text is not taken for this one.
    evidence other(ims::table, kb::exchange_service_names);
    other.read_buffer("4999: " + std::string(d4070) + "\n", "forum.txt");
    CHECK(other.observations().events.empty());

    // Where a reader reads the event itself, its reading is kept and nothing is added.
    evidence pasted(ims::table, kb::exchange_service_names);
    pasted.read_buffer("Event ID: 4070\nSource: MSExchangeIMC\nType: Error\nDescription: " + std::string(d4070) + "\n",
                       "ticket.txt");
    CHECK(pasted.observations().events.size() == 1);
}

TEST_CASE("the services' display names are the caller's; evidence(table), deprecated, maps none") {
    const std::string dialog =
        "Could not start the Microsoft Exchange Internet Mail Service service on Local Computer.\n"
        "Error 2140: An internal Windows NT error occurred.\n";
    const auto service_of = [&](evidence& seen) {
        seen.read_buffer(dialog, "dialog");
        REQUIRE(seen.observations().start_errors.size() == 1);
        return std::string(seen.observations().start_errors[0].service);
    };
    evidence named(ims::table, kb::exchange_service_names);
    CHECK(service_of(named) == "MSExchangeIMC");
    evidence unnamed(ims::table, {});
    CHECK(service_of(unnamed) == "Microsoft Exchange Internet Mail Service");
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#endif
    evidence written_before(ims::table);
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
    CHECK(service_of(written_before) == "Microsoft Exchange Internet Mail Service");
}

TEST_CASE("each distinct observation is kept once, cited where it was first seen") {
    evidence seen(ims::table, kb::exchange_service_names);
    const std::string twice = "The application, exe\\MSEXCIMC.dbg, generated an application error. The exception "
                              "generated was c0000005 at address 77f64654 (RtlAllocateHeap)\n\n";
    seen.read_buffer(twice + twice, "ticket");  // lines 1 and 3
    seen.add(saw_crash("MSEXCIMC", 0xc0000005u).with_frames("RtlAllocateHeap\n"));  // as read
    seen.add(saw_crash("MSEXCIMC", 0xc0000005u).with_frames("RtlFreeHeap\n"));
    seen.add(saw_crash("MSEXCIMC", 0xc0000006u).with_frames("RtlAllocateHeap\n"));
    seen.add(saw_crash("msexcimc", 0xc0000005u).with_frames("RtlAllocateHeap\n"));  // as printed: another
    seen.add(saw_crash("MSEXCIMC", 0xc0000006u).with_frames("RtlAllocateHeap\n"));
    seen.add(saw_dialog("The service did not start."));
    seen.add(saw_dialog("The service did not start."));
    seen.add(saw_dialog("The service did not start"));
    seen.add(saw_dialog("MSEXCIMC"));  // a dialog's text like a crash's program: kinds are kept apart
    seen.add(saw_start_error("MSExchangeIMC", 2140));
    seen.add(saw_start_error("MSExchangeIMC", 2140));
    seen.add(saw_start_error("MSExchangeIMC", 2139));
    seen.add(saw_start_error("MSExchangeMTA", 2140));
    seen.add(saw_event("MSExchangeIMC", 4003).with_strings("11004"));
    seen.add(saw_event("MSExchangeIMC", 4003).with_strings("11004"));
    seen.add(saw_event("MSExchangeIMC", 4003).with_strings("10050"));
    const observations o = seen.observations();
    REQUIRE(o.crashes.size() == 4);
    CHECK(seen.cite(signal_kind::crash, 0) == "ticket line 1");
    CHECK(o.crashes[1].frames == "RtlFreeHeap\n");
    CHECK(o.crashes[2].exception == 0xc0000006u);
    CHECK(o.crashes[3].program == "msexcimc");
    REQUIRE(o.dialogs.size() == 3);
    CHECK(o.dialogs[1].text == "The service did not start");
    CHECK(o.dialogs[2].text == "MSEXCIMC");
    REQUIRE(o.start_errors.size() == 3);
    CHECK(o.start_errors[1].code == 2139);
    CHECK(o.start_errors[2].service == "MSExchangeMTA");
    std::string strings_4003;  // (the text's sentence is also recognised as DrWatson's event 4097)
    for (const observed_event& e : o.events)
        if (e.id == 4003) strings_4003 += std::string(e.strings) + ";";
    CHECK(strings_4003 == "11004;10050;");

    // However many distinct ones come, at most 0xFFFE of a kind (the evaluator cites observations by
    // 16-bit index).
    evidence many(ims::table, kb::exchange_service_names);
    for (int i = 0; i < 0x10000; ++i) many.add(saw_dialog(std::string_view(std::to_string(i))));
    REQUIRE(many.observations().dialogs.size() == 0xFFFE);
    CHECK(many.observations().dialogs[0xFFFD].text == std::to_string(0xFFFD));
}
