// The evidence kinds articles give without an id or a code: a failed start whatever its error, an
// event known by its description alone, a program's crash, a message box. Each is matched by the
// evaluator as its comment in model/signal.hpp says, proved by make_table from an example, asked
// about, and answered as absent.
#include <doctest/doctest.h>

#include <array>
#include <string>

#include "ruledx/check/checked_table.hpp"
#include "ruledx/write/describe.hpp"

namespace {

using namespace ruledx;

constexpr signal any_failure = start_failure("Svc");
constexpr signal no_error = start_error("Svc", 2140);
constexpr signal queue_lost = event_described("SvcLog", "Queue-Desc-Object (ID 1) not found");
constexpr signal heap_crash = program_crash("svc", 0xc0000005).with_value("RtlAllocateHeap");
constexpr signal admin_crash = program_crash("svc").with_value("CFinder__rcFindAdmin");
constexpr signal dll_box = message_box("Initialization of the dynamic link library").with_value("USER32.dll");

inline constexpr std::array<fact_definition, 4> catalog = {
    boolean_fact("relay_list_long", "Does the relay list hold more than one entry?"),
    boolean_fact("admin_has_address", "Does the administrator mailbox have an address?"),
    boolean_fact("queue_path_right", "Does the queue path point to the queue folder?"),
    boolean_fact("dll_damaged", "Is the library damaged?"),
};

inline constexpr rule rules[] = {
    rule("svc-heap-crash", "Q100001")
        .titled("Svc crashes in RtlAllocateHeap while starting")
        .requires_signals({heap_crash})
        .supported_by({any_failure})
        .confirmed_by({fact_is("relay_list_long", true)})
        .because("a long relay list")
        .resolved_by({"shorten it"})
        .shown_by({example_of(saw(heap_crash), saw_start_failure("Svc"))}),
    rule("svc-admin-crash", "Q100002")
        .titled("Svc crashes looking for its administrator")
        .requires_signals({admin_crash})
        .confirmed_by({fact_is("admin_has_address", false)})
        .because("no address")
        .resolved_by({"add one"})
        .shown_by({example_of(saw(admin_crash))}),
    rule("svc-queue-lost", "Q100003")
        .titled("Svc 2140 with the queue object not found")
        .requires_signals({queue_lost})
        .supported_by({no_error})
        .confirmed_by({fact_is("queue_path_right", false)})
        .because("a wrong path")
        .resolved_by({"fix the path"})
        .shown_by({example_of(saw(no_error), saw(queue_lost))}),
    rule("svc-dll-box", "Q100004")
        .titled("Svc shows a library initialization box")
        .requires_signals({dll_box})
        .confirmed_by({fact_is("dll_damaged", true)})
        .because("a damaged library")
        .resolved_by({"replace it"})
        .shown_by({example_of(saw_dialog("Initialization of the dynamic link library C:\\WINNT\\system32\\USER32.dll "
                                         "failed. The process is terminating abnormally."))}),
};

inline constexpr auto table = make_table<catalog, rules>();

template <std::size_t N>
[[nodiscard]] const candidate* find(const report<N>& r, std::string_view id) {
    for (const candidate& c : r.ranked())
        if (table.rules[c.rule_index].id == id) return &c;
    return nullptr;
}

template <class... Evidence>
[[nodiscard]] auto diagnose_example(const Evidence&... evidence) {
    return diagnose(table, example_of(evidence...).as_observations());
}

}  // namespace

TEST_CASE("a failed start without a code matches only rules that name none; a coded one matches both") {
    const auto no_code = diagnose_example(saw_start_failure("Svc"));
    CHECK(find(no_code, "svc-heap-crash") != nullptr);
    CHECK(find(no_code, "svc-heap-crash")->matched(1));
    // svc-queue-lost names Error 2140: a start without a code does not bear it out (opened by the
    // service, it has matched nothing).
    REQUIRE(find(no_code, "svc-queue-lost") != nullptr);
    CHECK_FALSE(find(no_code, "svc-queue-lost")->matched(1));

    const auto coded = diagnose_example(saw_start_error("Svc", 2140));
    CHECK(find(coded, "svc-heap-crash")->matched(1));
    CHECK(find(coded, "svc-queue-lost")->matched(1));
    CHECK_FALSE(find(diagnose_example(saw_start_error("Other", 2140)), "svc-heap-crash") != nullptr);
}

TEST_CASE("an event known by its text matches any id of its source, and only by its text") {
    const auto by_text = diagnose_example(
        saw_event("SvcLog", 9).with_description("An unexpected error has occurred. Error: Queue-Desc-Object (ID 1) not "
                                                "found {BASE MAIN BASE] (16)."));
    REQUIRE(by_text.best() != nullptr);
    CHECK(table.rules[by_text.best()->rule_index].id == "svc-queue-lost");
    CHECK(by_text.best()->text_matched[0]);
    // No text, another text, another source, or only part of the text: no match.
    CHECK(find(diagnose_example(saw_event("SvcLog", 9)), "svc-queue-lost") == nullptr);
    CHECK(find(diagnose_example(saw_event("SvcLog", 9).with_description("Queue-Desc-Object")), "svc-queue-lost") == nullptr);
    CHECK(find(diagnose_example(saw_event("Other", 9).with_description("Queue-Desc-Object (ID 1) not found")),
               "svc-queue-lost") == nullptr);
    // A pasted event without a source matches any source.
    CHECK(find(diagnose_example(saw_event("", 0).with_description("Queue-Desc-Object (ID 1) not found")),
               "svc-queue-lost") != nullptr);
}

TEST_CASE("a crash matches by program (as printed), exception and the names in its stack") {
    // "exe\\SVC.dbg" is the program svc; the faulting symbol tells the two crash rules apart.
    const auto heap = diagnose_example(saw_crash("exe\\SVC.dbg", 0xc0000005).with_frames("RtlAllocateHeap\n"));
    REQUIRE(heap.best() != nullptr);
    CHECK(table.rules[heap.best()->rule_index].id == "svc-heap-crash");
    CHECK(heap.best()->text_matched[0]);
    CHECK(find(heap, "svc-admin-crash") == nullptr);  // its name is not in the stack

    // Without a stack both crash rules fit; another exception or program fits neither.
    const auto bare = diagnose_example(saw_crash("svc.exe", 0xc0000005));
    CHECK(find(bare, "svc-heap-crash") != nullptr);
    CHECK(find(bare, "svc-admin-crash") != nullptr);
    CHECK(find(diagnose_example(saw_crash("svc.exe", 0xc0000017)), "svc-heap-crash") == nullptr);
    CHECK(find(diagnose_example(saw_crash("svc.exe", 0xc0000017)), "svc-admin-crash") != nullptr);  // names no exception
    CHECK(find(diagnose_example(saw_crash("other.exe", 0xc0000005)), "svc-heap-crash") == nullptr);
    // A stack without the program's name (a bare debugger stack) matches by its names.
    const auto stack = diagnose_example(saw_crash("").with_frames("svc!CFinder__rcFindAdmin\nKERNEL32!BaseThreadStart\n"));
    REQUIRE(stack.best() != nullptr);
    CHECK(table.rules[stack.best()->rule_index].id == "svc-admin-crash");
}

TEST_CASE("a message box matches by its text and its telling values") {
    const auto shown = diagnose_example(saw_dialog("drwtsn32.exe - DLL Initialization Failed: Initialization of the "
                                                   "dynamic link library D:\\WINNT\\system32\\USER32.dll failed."));
    REQUIRE(shown.best() != nullptr);
    CHECK(table.rules[shown.best()->rule_index].id == "svc-dll-box");
    CHECK(find(diagnose_example(saw_dialog("Initialization of the dynamic link library KERNEL32.dll failed.")), "svc-dll-box") ==
          nullptr);
    CHECK(find(diagnose_example(saw_dialog("USER32.dll failed")), "svc-dll-box") == nullptr);
}

TEST_CASE("absences of the new kinds") {
    const observed_crash crashed[] = {saw_crash("svc.exe", 0xc0000005)};
    observations seen{};
    seen.crashes = crashed;
    const auto present = diagnose(table, seen);
    REQUIRE(find(present, "svc-heap-crash") != nullptr);
    CHECK(find(present, "svc-heap-crash")->status == status::likely);  // a crash is specific evidence

    // "svc did not crash" rules out both crash rules once a fact opens them.
    const fact_assignment facts[] = {fact_is("relay_list_long", true), fact_is("dll_damaged", true)};
    observed_absence absent[] = {absent_crash("svc.exe"), {}};
    absent[1].kind = signal_kind::dialog;
    absent[1].text = "Initialization of the dynamic link library ... USER32.dll failed";
    const auto without = diagnose(table, {{}, {}, facts, absent});
    CHECK(find(without, "svc-heap-crash")->status == status::ruled_out);
    CHECK(find(without, "svc-dll-box")->status == status::ruled_out);

    // The text alone says there was no such box; the text with another DLL leaves this one open.
    absent[1].text = "Initialization of the dynamic link library";
    CHECK(find(diagnose(table, {{}, {}, facts, absent}), "svc-dll-box")->status == status::ruled_out);
    absent[1].text = "Initialization of the dynamic link library KERNEL32.dll failed";
    CHECK(find(diagnose(table, {{}, {}, facts, absent}), "svc-dll-box")->status != status::ruled_out);
}

TEST_CASE("the new kinds are described and asked about with keys the command line takes back") {
    CHECK(write::describe(any_failure) == "a failed start of Svc");
    CHECK(write::describe(heap_crash) == "a crash of svc (exception 0xc0000005, in \"RtlAllocateHeap\")");
    CHECK(write::describe(dll_box) == "a message box reading \"Initialization of the dynamic link library\" with \"USER32.dll\"");
    CHECK(write::describe(queue_lost) == "an event from SvcLog reading \"Queue-Desc-Object (ID 1) not found\"");
    const auto key = [](const signal& s) {
        question q;
        q.what = question::kind::event;
        q.asked = &s;
        return write::question_key(table, q);
    };
    CHECK(key(any_failure) == "start_error:Svc");
    CHECK(key(heap_crash) == "crash:svc:0xc0000005:RtlAllocateHeap");
    CHECK(key(dll_box) == "dialog:Initialization of the dynamic link library USER32.dll");
    CHECK(write::question_for(dll_box) == "Is a message box shown reading \"Initialization of the dynamic link library\" with \"USER32.dll\"?");
    CHECK(key(queue_lost) == "event:SvcLog::Queue-Desc-Object (ID 1) not found");
    CHECK(write::question_for(heap_crash) ==
          "Does svc crash (an application error, a Dr. Watson report) with exception 0xc0000005 in \"RtlAllocateHeap\"?");
}

TEST_CASE("saw() shows each new kind as its observation") {
    constexpr example x = example_of(saw(heap_crash), saw(any_failure), saw(queue_lost));
    static_assert(x.crashes.size() == 1 && x.start_errors.size() == 1 && x.events.size() == 1);
    CHECK(x.crashes[0].program == "svc");
    CHECK(x.crashes[0].exception == 0xc0000005);
    CHECK(x.crashes[0].frames == "RtlAllocateHeap");
    CHECK(x.start_errors[0].code == signal::any_code);
    CHECK(x.events[0].id == 0);
    CHECK(x.events[0].description == "Queue-Desc-Object (ID 1) not found");
    CHECK(detail::program_name("exe\\MSEXCIMC.dbg") == "MSEXCIMC");
    CHECK(detail::program_name("\"C:/Program Files/x/msexcimc.exe\"") == "msexcimc");
    CHECK(detail::program_name("msexcimc") == "msexcimc");
}

TEST_CASE("program names match with one typo when long enough, not short ones") {
    CHECK(detail::same_program("MSEXIMC", "msexcimc"));  // Q199429's misprint of the IMC's program
    CHECK(detail::same_program("msexcimc", "MSEXCIMC"));
    CHECK_FALSE(detail::same_program("svc", "src"));
    CHECK_FALSE(detail::same_program("msexcimc", "msexchmta"));
}

TEST_CASE("a number fact compared with a bound: below and at least") {
    constexpr fact_assignment from_sp3 = fact_below("service_pack", 3);  // ruled out before SP3
    constexpr fact_assignment up_to_sp3 = fact_at_least("service_pack", 4);
    static_assert(from_sp3.holds_for(fact_value(2)) && !from_sp3.holds_for(fact_value(3)));
    static_assert(up_to_sp3.holds_for(fact_value(4)) && !up_to_sp3.holds_for(fact_value(3)));
    static_assert(!from_sp3.holds_for(fact_value(true)));  // another kind: no comparison holds
    CHECK(write::describe(from_sp3) == "service_pack<3");
    CHECK(write::describe(up_to_sp3) == "service_pack>=4");
    CHECK(write::describe(fact_is("service_pack", 3)) == "service_pack=3");
    CHECK(write::describe_expected(from_sp3) == "<3");
}
