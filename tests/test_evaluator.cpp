// The evaluator on a small made-up table, so each behaviour is visible in isolation.
#include <doctest/doctest.h>

#include <array>
#include <cstdint>
#include <iterator>
#include <string_view>
#include <utility>
#include <vector>

#include "ruledx/check/checked_table.hpp"
#include "ruledx/eval/diagnose.hpp"

namespace {

using namespace ruledx;

constexpr std::string_view svc = "Widget";

inline constexpr fact_definition widget_facts[] = {
    version_fact("widget_version", "Which Widget version is installed?"),
    boolean_fact("disk_full", "Is the data disk full?"),
    boolean_fact("port_in_use", "Does another program listen on the Widget port?"),
    text_fact("platform", "Which processor platform is it (x86, Alpha)?"),
};

inline constexpr rule widget_rules[] = {
    rule("disk-full", "Q100001")
        .titled("disk full")
        .applies_to("widget_version", {{{1, 0}, {2, 0}}})
        .requires_signals({event(svc, 100).with_type(event_type::error)})
        .supported_by({start_error(svc, 2140)})
        .confirmed_by({fact_is("disk_full", true)})
        .because("The data disk is full.")
        .resolved_by({"Free space on the data disk."})
        .shown_by({example_of(saw_start_error(svc, 2140), saw_event(svc, 100))}),
    rule("port-10048", "Q100002")
        .titled("port taken")
        .requires_signals({event(svc, 200).with_value("10048")})
        .supported_by({start_error(svc, 2140)})
        .confirmed_by({fact_is("port_in_use", true)})
        .because("Another program holds the port.")
        .resolved_by({"Stop the other program."})
        .shown_by({example_of(saw_event(svc, 200).with_description("bind failed (10048)"))}),
    rule("port-10050", "Q100003")
        .titled("network down")
        .requires_signals({event(svc, 200).with_value("10050")})
        .supported_by({start_error(svc, 2140)})
        .because("The network is down.")
        .resolved_by({"Fix the network."})
        .shown_by({example_of(saw_event(svc, 200).with_description("bind failed (10050)"))}),
    rule("alpha-only", "Q100004")
        .titled("alpha build")
        .requires_signals({start_error(svc, 2140)})
        .confirmed_by({fact_is("platform", "alpha")})
        .ruled_out_by({fact_is("disk_full", true)})
        .because("The Alpha build has a defect.")
        .resolved_by({"Apply the fix."})
        .shown_by({example_of(saw_start_error(svc, 2140), fact_is("platform", "alpha"))}),
    rule("logon-failure", "Q100005")
        .titled("logon failure")
        .requires_signals({start_error(svc, 1069)})
        .because("The service account password is wrong.")
        .resolved_by({"Set the password."})
        .shown_by({example_of(saw_start_error(svc, 1069))}),
};

inline constexpr auto widgets = make_table<widget_facts, widget_rules>();

std::size_t index_of(std::string_view id) { return widgets.find_rule(id); }

template <class Report>
status status_of(const Report& r, std::string_view id) {
    const candidate* c = r.find(index_of(id));
    REQUIRE(c != nullptr);
    return c->status;
}

}  // namespace

TEST_CASE("no evidence, no candidates") {
    const auto r = diagnose(widgets, {});
    CHECK(r.ranked().empty());
    CHECK(r.next_checks().empty());
    CHECK(r.best() == nullptr);
}

TEST_CASE("a start error many rules share leaves them all possible") {
    const observed_start_error errors[] = {saw_start_error(svc, 2140)};
    const auto r = diagnose(widgets, {errors, {}, {}});
    CHECK(r.ranked().size() == 5);
    for (const candidate& c : r.ranked()) CHECK(c.status == status::possible);
    // The failed start of the service makes its other rules hypotheses too, ranked below the
    // rules that name the error.
    REQUIRE(r.find(index_of("logon-failure")) != nullptr);
    CHECK(r.find(index_of("logon-failure"))->score == 0);
    CHECK(r.ranked()[r.ranked().size() - 1].rule_index == index_of("logon-failure"));
    for (std::size_t i = 0; i + 1 < r.ranked().size(); ++i) CHECK(r.ranked()[i].score > 0);
    // The next checks ask for what separates them: each rule's own event or fact.
    bool asks_for_event_100 = false;
    for (const next_check& check : r.next_checks()) {
        if (check.what != next_check::kind::signal) continue;
        const ruledx::signal& s = widgets.rules[check.rule_index].signal_at(check.signal_index);  // not mingw's ::signal
        asks_for_event_100 = asks_for_event_100 || (s.kind == signal_kind::event && s.code == 100);
    }
    CHECK(asks_for_event_100);
}

TEST_CASE("a start error only one rule has is specific evidence") {
    const observed_start_error errors[] = {saw_start_error("widget", 1069)};
    const auto r = diagnose(widgets, {errors, {}, {}});
    REQUIRE(r.best() != nullptr);
    CHECK(r.best()->rule_index == index_of("logon-failure"));
    CHECK(r.best()->status == status::confirmed);
}

TEST_CASE("an event outranks a shared start error, and facts decide confirmed or likely") {
    const observed_start_error errors[] = {saw_start_error(svc, 2140)};
    const observed_event events[] = {saw_event(svc, 100).with_type(event_type::error)};
    const auto unknown = diagnose(widgets, {errors, events, {}});
    CHECK(unknown.best()->rule_index == index_of("disk-full"));
    CHECK(unknown.best()->status == status::likely);
    CHECK(unknown.ranked()[1].status == status::possible);
    CHECK(unknown.best()->score > unknown.ranked()[1].score);

    const fact_assignment full[] = {fact_is("disk_full", true)};
    const auto known = diagnose(widgets, {errors, events, full});
    CHECK(known.best()->status == status::confirmed);
    // The same fact rules out a rule that names it as ruling out.
    CHECK(status_of(known, "alpha-only") == status::ruled_out);
    CHECK(known.ranked()[known.ranked().size() - 1].status == status::ruled_out);
}

TEST_CASE("an event of the wrong type does not match") {
    const observed_event events[] = {saw_event(svc, 100).with_type(event_type::warning)};
    CHECK(diagnose(widgets, {{}, events, {}}).ranked().empty());
}

TEST_CASE("value fragments tell rules with the same event apart") {
    const observed_event with_10048[] = {saw_event(svc, 200).with_description("bind failed (10048)")};
    const auto a = diagnose(widgets, {{}, with_10048, {}});
    REQUIRE(a.ranked().size() == 1);
    CHECK(a.best()->rule_index == index_of("port-10048"));
    CHECK(a.best()->text_matched[0]);

    const observed_event in_strings[] = {saw_event(svc, 200).with_strings(std::string_view("x\0" "10050\0", 8))};
    const auto b = diagnose(widgets, {{}, in_strings, {}});
    REQUIRE(a.ranked().size() == 1);
    CHECK(b.best()->rule_index == index_of("port-10050"));

    // Without text (a binary log read without message files) both stay open, and the report says
    // which question separates them.
    const observed_event bare[] = {saw_event(svc, 200)};
    const auto c = diagnose(widgets, {{}, bare, {}});
    CHECK(c.ranked().size() == 2);
    CHECK_FALSE(c.best()->text_matched[0]);
    // Matched on the id alone, each is worth what the shared id is worth: neither leads.
    CHECK(c.ranked()[0].score == c.ranked()[1].score);
    CHECK(c.ranked()[0].score < a.best()->score);
}

TEST_CASE("a version outside the rule's range rules it out, and the report says so") {
    const observed_event events[] = {saw_event(svc, 100)};
    const fact_assignment v3[] = {fact_is("widget_version", version{3, 0})};
    const auto r = diagnose(widgets, {{}, events, v3});
    const candidate* c = r.find(index_of("disk-full"));
    REQUIRE(c != nullptr);
    CHECK(c->status == status::ruled_out);
    CHECK(c->outside_versions);
    const fact_assignment v2[] = {fact_is("widget_version", version{2, 0})};
    CHECK(diagnose(widgets, {{}, events, v2}).best()->status == status::likely);
}

TEST_CASE("next checks: the fact that bears on most open candidates comes first") {
    const observed_start_error errors[] = {saw_start_error(svc, 2140)};
    const observed_event events[] = {saw_event(svc, 100)};
    const auto r = diagnose(widgets, {errors, events, {}});
    REQUIRE_FALSE(r.next_checks().empty());
    // disk_full is the open question of the likely candidate and of another: it leads.
    const next_check& first = r.next_checks()[0];
    REQUIRE(first.what == next_check::kind::fact);
    CHECK(widgets.facts[first.fact_index].name == "disk_full");
    for (std::size_t i = 1; i < r.next_checks().size(); ++i)
        CHECK(r.next_checks()[i - 1].score >= r.next_checks()[i].score);
    // Facts already known are never asked again.
    const fact_assignment full[] = {fact_is("disk_full", false)};
    const auto answered = diagnose(widgets, {errors, events, full});
    for (const next_check& check : answered.next_checks())
        CHECK((check.what != next_check::kind::fact || widgets.facts[check.fact_index].name != "disk_full"));
}

TEST_CASE("a fact given with the wrong kind at run time counts as unknown") {
    const observed_event events[] = {saw_event(svc, 100)};
    const fact_assignment wrong[] = {fact_is("disk_full", "yes")};
    CHECK(diagnose(widgets, {{}, events, wrong}).best()->status == status::likely);
}

TEST_CASE("the same diagnosis works in a constant expression") {
    constexpr observed_start_error errors[] = {saw_start_error(svc, 1069)};
    constexpr auto r = diagnose(widgets, {errors, {}, {}});
    static_assert(r.candidate_count == 5);  // every rule of the service, as a hypothesis
    static_assert(r.best()->status == status::confirmed);
    CHECK(r.best()->rule_index == index_of("logon-failure"));
}

// Composition: a vendor's rules joined with these, and rules switched off by id.
namespace {
inline constexpr fact_definition vendor_facts[] = {
    boolean_fact("disk_full", "Is the data disk full?"),
    boolean_fact("license_expired", "Has the Widget license expired?"),
};
inline constexpr rule vendor_rules[] = {
    rule("vendor-license", "Q900001")
        .titled("license expired")
        .requires_signals({event(svc, 900)})
        .confirmed_by({fact_is("license_expired", true)})
        .because("The license expired.")
        .resolved_by({"Renew the license."})
        .shown_by({example_of(saw_event(svc, 900))}),
};
inline constexpr auto vendor = make_table<vendor_facts, vendor_rules>();
inline constexpr auto combined = join<widgets, vendor>();
inline constexpr std::string_view switched_off[] = {"alpha-only", "port-10050"};
inline constexpr auto trimmed = without<combined, switched_off>();
}  // namespace

TEST_CASE("tables compose: join keeps shared facts once, without drops rules by id") {
    static_assert(combined.rule_count == 6);
    static_assert(combined.fact_count == 5);  // disk_full declared alike in both
    static_assert(trimmed.rule_count == 4);
    CHECK(trimmed.find_rule("alpha-only") == not_found);
    CHECK(trimmed.find_rule("vendor-license") != not_found);
    const observed_event events[] = {saw_event(svc, 900)};
    const auto r = diagnose(trimmed, {{}, events, {}});
    REQUIRE(r.best() != nullptr);
    CHECK(trimmed.rules[r.best()->rule_index].id == "vendor-license");
    // Specificity is recomputed for the joined table: 2140 is now shared by three rules.
    CHECK(trimmed.index.stats_of(trimmed.find_rule("disk-full"), 1).shared_by == 2);
    CHECK(combined.index.stats_of(combined.find_rule("disk-full"), 1).shared_by == 4);
}

// A renamed fact: its table answers to the former name, and a table that still declares the fact
// under that name joins it as the same fact.
namespace {
inline constexpr fact_definition renamed_facts[] = {
    boolean_fact("data_disk_full", "Is the data disk full?").formerly("disk_full"),
};
inline constexpr rule renamed_rules[] = {
    rule("data-disk-full", "Q910001")
        .titled("data disk full")
        .requires_signals({event(svc, 910)})
        .confirmed_by({fact_is("data_disk_full", true)})
        .because("The data disk is full.")
        .resolved_by({"Free space on the data disk."})
        .shown_by({example_of(saw_event(svc, 910), fact_is("disk_full", true))}),  // the former name
};
inline constexpr auto renamed = make_table<renamed_facts, renamed_rules>();
inline constexpr auto renamed_then_widgets = join<renamed, widgets>();

constexpr observed_event event_910[] = {saw_event(svc, 910)};
constexpr fact_assignment by_former_name[] = {fact_is("disk_full", true)};
static_assert(diagnose(renamed, {{}, event_910, by_former_name}).best()->status == status::confirmed);
static_assert(renamed.find_fact("disk_full") == 0);
}  // namespace

TEST_CASE("a renamed fact answers to its former name, in observations, rules and joins") {
    const auto r = diagnose(renamed, {{}, event_910, by_former_name});
    REQUIRE(r.best() != nullptr);
    CHECK(r.best()->status == status::confirmed);
    CHECK(renamed.facts[0].name == "data_disk_full");
    // widgets declares disk_full, data_disk_full's former name: one fact in the joined catalog.
    static_assert(renamed_then_widgets.fact_count == 4);
    CHECK(renamed_then_widgets.find_fact("disk_full") == renamed_then_widgets.find_fact("data_disk_full"));
    // Given by either name, the fact opens and confirms the rules of both tables.
    const observed_event event_100[] = {saw_event(svc, 100)};
    for (std::string_view name : {"disk_full", "data_disk_full"}) {
        const fact_assignment full[] = {fact_is(name, true)};
        const auto widget = diagnose(renamed_then_widgets, {{}, event_100, full});
        REQUIRE(widget.best() != nullptr);
        CHECK(renamed_then_widgets.rules[widget.best()->rule_index].id == "disk-full");
        CHECK(widget.best()->status == status::confirmed);
        // No signal of either rule: the fact alone makes both candidates.
        const auto opened = diagnose(renamed_then_widgets, {{}, {}, full});
        CHECK(opened.find(renamed_then_widgets.find_rule("disk-full")) != nullptr);
        CHECK(opened.find(renamed_then_widgets.find_rule("data-disk-full")) != nullptr);
        // alpha-only is ruled out by it, named disk_full in its rule.
        const observed_start_error failed[] = {saw_start_error(svc, 2140)};
        const auto alpha = diagnose(renamed_then_widgets, {failed, {}, full});
        const candidate* c = alpha.find(renamed_then_widgets.find_rule("alpha-only"));
        REQUIRE(c != nullptr);
        CHECK(c->status == status::ruled_out);
    }
}

TEST_CASE("a report with less room than the touched rules says it is truncated") {
    const observed_start_error errors[] = {saw_start_error(svc, 2140)};
    const auto full = diagnose(widgets, {errors, {}, {}});
    CHECK(full.capacity == widgets.rule_count);
    CHECK_FALSE(full.truncated);
    CHECK(full.ranked().size() == 5);
    const auto small = diagnose<2>(widgets, {errors, {}, {}});
    CHECK(small.capacity == 2);
    CHECK(small.truncated);
    CHECK(small.ranked().size() == 2);
}

TEST_CASE("signal classes: equal exactly when the signals are the same") {
    const auto check_classes = [](const auto& table) {
        for (std::size_t a = 0; a < table.rule_count; ++a)
            for (std::size_t s = 0; s < table.rules[a].signal_count(); ++s)
                for (std::size_t b = 0; b < table.rule_count; ++b)
                    for (std::size_t t = 0; t < table.rules[b].signal_count(); ++t)
                        REQUIRE((table.index.stats_of(a, s).signal_class == table.index.stats_of(b, t).signal_class) ==
                                same_signal(table.rules[a].signal_at(s), table.rules[b].signal_at(t)));
    };
    check_classes(widgets);
    check_classes(combined);
}

TEST_CASE("an absent required signal rules its rule out and says which absence did") {
    const observed_start_error errors[] = {saw_start_error(svc, 2140)};
    const observed_absence no_100[] = {absent_event(svc, 100)};
    const auto r = diagnose(widgets, {errors, {}, {}, no_100});
    const candidate* c = r.find(index_of("disk-full"));
    REQUIRE(c != nullptr);
    CHECK(c->status == status::ruled_out);
    CHECK(c->known_absent(0));
    CHECK(c->absence[0] == 0);
    CHECK_FALSE(c->known_absent(1));  // the start error was seen
    // The others are untouched, and nobody is asked about event 100 any more.
    CHECK(status_of(r, "alpha-only") == status::possible);
    for (const next_check& check : r.next_checks())
        CHECK((check.what != next_check::kind::signal ||
               widgets.rules[check.rule_index].signal_at(check.signal_index).code != 100));
    // An absence alone opens no candidate.
    CHECK(diagnose(widgets, {{}, {}, {}, no_100}).ranked().empty());
}

TEST_CASE("an absent supporting signal is not asked about but rules nothing out") {
    const observed_event events[] = {saw_event(svc, 100)};
    const observed_absence no_start_error[] = {absent_start_error(svc, 2140)};
    const auto r = diagnose(widgets, {{}, events, {}, no_start_error});
    const candidate* c = r.find(index_of("disk-full"));
    REQUIRE(c != nullptr);
    CHECK(c->status == status::likely);
    CHECK(c->known_absent(1));
}

TEST_CASE("an absence with text covers only the signals whose values it holds") {
    const observed_start_error errors[] = {saw_start_error(svc, 2140)};
    observed_absence no_10048 = absent_event(svc, 200);
    no_10048.text = "10048";
    const observed_absence absent[] = {no_10048};
    const auto r = diagnose(widgets, {errors, {}, {}, absent});
    CHECK(status_of(r, "port-10048") == status::ruled_out);
    CHECK(status_of(r, "port-10050") == status::possible);
    CHECK(status_of(r, "disk-full") == status::possible);  // event 100 has no values: not covered
}

TEST_CASE("a complete log of a source makes every event of it that nothing matched absent") {
    const observed_start_error errors[] = {saw_start_error(svc, 2140)};
    const observed_event events[] = {saw_event(svc, 200).with_description("bind failed (10048)")};
    const observed_absence whole[] = {complete_log_of("WIDGET")};  // names compare as sources do
    const auto r = diagnose(widgets, {errors, events, {}, whole});
    CHECK(status_of(r, "port-10048") == status::likely);       // seen: the log has it
    CHECK(status_of(r, "port-10050") == status::ruled_out);    // the log's 200 lacks 10050
    CHECK(status_of(r, "disk-full") == status::ruled_out);     // no 100 in the log
    CHECK(status_of(r, "alpha-only") == status::possible);     // start errors are not in the log
    // A complete log of another source says nothing of these.
    const observed_absence other[] = {complete_log_of("Gadget")};
    CHECK(status_of(diagnose(widgets, {errors, events, {}, other}), "disk-full") == status::possible);
}

TEST_CASE("absence works in a constant expression") {
    static constexpr observed_start_error errors[] = {saw_start_error(svc, 2140)};
    static constexpr observed_absence no_100[] = {absent_event(svc, 100)};
    constexpr auto r = diagnose(widgets, {errors, {}, {}, no_100});
    static_assert(r.find(widgets.find_rule("disk-full"))->status == status::ruled_out);
    CHECK(r.find(index_of("disk-full"))->known_absent(0));
}

TEST_CASE("a failed start of a service opens only the rules naming that service") {
    const observed_start_error other[] = {saw_start_error("Gadget", 2140)};
    CHECK(diagnose(widgets, {other, {}, {}}).ranked().empty());
    const observed_start_error unnamed[] = {saw_start_error("", 1069)};  // the input did not say which service
    const auto r = diagnose(widgets, {unnamed, {}, {}});
    CHECK(r.ranked().size() == 1);
    CHECK(r.best()->rule_index == index_of("logon-failure"));
}

// Rules about the Widget service whose signals do not name it.
inline constexpr fact_definition crash_facts[] = {boolean_fact("disk_full", "Is the data disk full?")};
inline constexpr rule crash_rules[] = {
    rule("crash-at-start", "Q100006")
        .titled("crash at start")
        .about_service(svc)
        .requires_signals({program_crash("widget", 0xc0000005)})
        .because("The program crashes as it starts.")
        .resolved_by({"Repair the program."})
        .shown_by({example_of(saw_crash("widget.exe", 0xc0000005))}),
    rule("scm-only", "Q100007")
        .titled("only the SCM says")
        .requires_signals({event("Service Control Manager", 7003)})
        .because("A service it depends on is missing.")
        .resolved_by({"Install it."})
        .shown_by({example_of(saw_event("Service Control Manager", 7003))}),
};
inline constexpr auto crashes = make_table<crash_facts, crash_rules>();

TEST_CASE("a failed start of the service a rule is about opens it, and asks for its signals") {
    const observed_start_error failed[] = {saw_start_error(svc, 2140)};
    const auto r = diagnose(crashes, {failed, {}, {}});
    const std::size_t crash = crashes.find_rule("crash-at-start");
    REQUIRE(r.find(crash) != nullptr);
    CHECK(r.find(crash)->status == status::possible);
    CHECK(!r.find(crash)->matched(0));
    CHECK(r.find(crashes.find_rule("scm-only")) == nullptr);  // about no service, naming none
    REQUIRE(!r.next_checks().empty());
    CHECK(r.next_checks()[0].what == next_check::kind::signal);
    CHECK(r.next_checks()[0].rule_index == crash);
    const observed_start_error other[] = {saw_start_error("Gadget", 2140)};
    CHECK(diagnose(crashes, {other, {}, {}}).ranked().empty());
}

TEST_CASE("an event that names no source is compared with every source's") {
    const observed_event unnamed[] = {saw_event("", 100)};
    const auto r = diagnose(widgets, {{}, unnamed, {}});
    REQUIRE(r.best() != nullptr);
    CHECK(r.best()->rule_index == index_of("disk-full"));
    CHECK(r.best()->matched(0));
}

// The run-time form of a built table: every rule's lists as its author wrote them, pooled; the
// author's rule itself (its examples, a `const rule&`) reached through the table's type.
template <class Built, std::size_t Rules>
void check_same_rules(const Built& built, const std::array<const rule*, Rules>& authored) {
    REQUIRE(built.rules.size() == Rules);
    for (std::size_t r = 0; r < Rules; ++r) {
        const rule_view v = built.rules[r];
        const rule& a = *authored[r];
        CAPTURE(a.id);
        CHECK(v.id == a.id);
        CHECK(v.article == a.article);
        CHECK(v.title == a.title);
        CHECK(v.cause == a.cause);
        CHECK(v.version_fact == a.version_fact);
        REQUIRE(v.signal_count() == a.signal_count());
        for (std::size_t s = 0; s < a.signal_count(); ++s) {
            CHECK(same_signal(v.signal_at(s), a.signal_at(s)));
            CHECK(v.is_required(s) == a.is_required(s));
        }
        REQUIRE(v.confirming.size() == a.confirming.size());
        for (std::size_t f = 0; f < a.confirming.size(); ++f) CHECK(v.confirming[f].name == a.confirming[f].name);
        REQUIRE(v.ruling_out.size() == a.ruling_out.size());
        for (std::size_t f = 0; f < a.ruling_out.size(); ++f) CHECK(v.ruling_out[f].value == a.ruling_out[f].value);
        REQUIRE(v.versions.size() == a.versions.size());
        for (std::size_t i = 0; i < a.versions.size(); ++i) CHECK(v.versions[i].last == a.versions[i].last);
        REQUIRE(v.resolution.size() == a.resolution.size());
        for (std::size_t i = 0; i < a.resolution.size(); ++i) CHECK(v.resolution[i] == a.resolution[i]);
        REQUIRE(v.related.size() == a.related.size());
        for (std::size_t i = 0; i < a.related.size(); ++i) CHECK(v.related[i] == a.related[i]);
        CHECK(built.rules[r].examples.size() == a.examples.size());
        CHECK(built.rules[r].rule_index == r);
        const rule& same = built.rules[r];
        CHECK(&same == &a);
    }
}

TEST_CASE("a built table's rules read as their authors wrote them, through joins and without") {
    std::array<const rule*, std::size(widget_rules)> own{};
    std::array<const rule*, std::size(widget_rules) + 1> joined{};
    for (std::size_t r = 0; r < own.size(); ++r) own[r] = joined[r] = &widget_rules[r];
    joined.back() = &vendor_rules[0];
    check_same_rules(widgets, own);
    check_same_rules(combined, joined);
    std::size_t kept = 0;
    for (const auto& r : trimmed.rules) {
        CHECK(r.id == combined.rules[combined.find_rule(r.id)].id);
        ++kept;
    }
    CHECK(kept == trimmed.rule_count);
    // A const rule& is the author's own rule; a view's signals are the table's own, which questions point to.
    constexpr const rule& first = widgets.rules[0];
    static_assert(&first == &widget_rules[0]);
    static_assert(widgets.rules[0].signal_at(0).code == widget_rules[0].signal_at(0).code);
}

TEST_CASE("facts are found the same however many are given") {
    // Observed facts are resolved to the catalog once per diagnosis, however many there are:
    // padding with facts no rule names changes nothing.
    const observed_start_error errors[] = {saw_start_error(svc, 2140)};
    const observed_event events[] = {saw_event(svc, 100)};
    const fact_assignment few[] = {fact_is("disk_full", true), fact_is("widget_version", version{3, 0})};
    std::vector<fact_assignment> many(few, few + 2);
    constexpr std::string_view names[] = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q"};
    for (std::string_view name : names) many.push_back(fact_is(name, true));
    REQUIRE(many.size() > 16);
    const auto a = diagnose(widgets, {errors, events, few});
    const auto b = diagnose(widgets, {errors, events, {many.data(), many.size()}});
    REQUIRE(a.candidate_count == b.candidate_count);
    for (std::size_t i = 0; i < a.candidate_count; ++i) {
        CHECK(a.candidates[i].rule_index == b.candidates[i].rule_index);
        CHECK(a.candidates[i].status == b.candidates[i].status);
        CHECK(a.candidates[i].score == b.candidates[i].score);
        CHECK(a.candidates[i].confirming == b.candidates[i].confirming);
        CHECK(a.candidates[i].outside_versions == b.candidates[i].outside_versions);
    }
    CHECK(status_of(a, "disk-full") == status::ruled_out);  // 3.0 is outside its versions
}

TEST_CASE("the ranking's sort orders any keys, nearly in order or not") {
    // Insertion up to a bound of moves, then a merge sort: both must give the one order.
    std::array<std::uint64_t, 300> keys{};
    std::uint64_t x = 88172645463325252ull;
    for (std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{7}, std::size_t{64}, std::size_t{300}}) {
        for (std::size_t i = 0; i < n; ++i) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            keys[i] = (x & ~std::uint64_t{0xFFFF}) | i;  // distinct, as rank keys are
        }
        std::array<std::uint64_t, 300> sorted = keys;
        detail::sort_descending(sorted, n);
        for (std::size_t i = 1; i < n; ++i) CHECK(sorted[i - 1] > sorted[i]);
        std::uint64_t sum_before = 0;
        std::uint64_t sum_after = 0;
        for (std::size_t i = 0; i < n; ++i) sum_before += keys[i], sum_after += sorted[i];
        CHECK(sum_before == sum_after);
    }
    // Nearly sorted, as reports are: few moves, no merge.
    for (std::size_t i = 0; i < 64; ++i) keys[i] = (std::uint64_t{64 - i} << 16) | i;
    std::swap(keys[3], keys[40]);
    detail::sort_descending(keys, 64);
    for (std::size_t i = 1; i < 64; ++i) CHECK(keys[i - 1] > keys[i]);
}
