// Helpers shared by the tests of the Exchange services knowledge base (scope exchange-2140): evidence
// written out in a test, and questions about the report ("who is first", "where is this check").
// The same helpers as ims_test_support.hpp, for a knowledge base of several services: a start error
// names its service.
#ifndef RULEDX_TESTS_KB_SERVICES_TEST_SUPPORT_HPP
#define RULEDX_TESTS_KB_SERVICES_TEST_SUPPORT_HPP

#include <doctest/doctest.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ruledx/eval/diagnose.hpp"
#include "ruledx/kb/exchange_services.hpp"

namespace services_test {

using namespace ruledx;
namespace svc = ruledx::kb::exchange_services;

inline constexpr std::size_t absent = static_cast<std::size_t>(-1);
using svc_report = report<svc::table.rule_count>;

// One failure's evidence, as a test writes it down from an article.
struct evidence {
    std::vector<observed_start_error> errors;
    std::vector<observed_event> events;
    std::vector<fact_assignment> facts;

    evidence& start_error(std::string_view service, std::uint32_t code) {
        errors.push_back(saw_start_error(service, code));
        return *this;
    }
    evidence& log(const observed_event& e) {
        events.push_back(e);
        return *this;
    }
    evidence& fact(std::string_view name, fact_value value) {
        facts.push_back(fact_is(name, value));
        return *this;
    }
    evidence& on(version v) { return fact("exchange_version", v); }
    [[nodiscard]] svc_report diagnose() const {
        return ruledx::diagnose(svc::table, observations{view<observed_start_error>(errors),
                                                         view<observed_event>(events), view<fact_assignment>(facts)});
    }
};

inline std::size_t rule_index(std::string_view id) {
    const std::size_t index = svc::table.find_rule(id);
    REQUIRE_MESSAGE(index != not_found, "no rule " << std::string(id));
    return index;
}

inline std::string best_id(const svc_report& r) {
    return r.best() == nullptr ? std::string("<none>") : std::string(svc::table.rules[r.best()->rule_index].id);
}

inline const candidate* candidate_of(const svc_report& r, std::string_view id) { return r.find(rule_index(id)); }

inline status status_of(const svc_report& r, std::string_view id) {
    const candidate* c = candidate_of(r, id);
    REQUIRE_MESSAGE(c != nullptr, "no candidate for " << std::string(id));
    return c->status;
}

// The rule is first, with this status, strictly ahead of the next candidate.
inline void check_first(const svc_report& r, std::string_view id, status expected) {
    REQUIRE(r.best() != nullptr);
    CHECK(best_id(r) == std::string(id));
    CHECK(to_string(r.best()->status) == to_string(expected));
    const auto ranked = r.ranked();
    if (ranked.size() > 1)
        CHECK_MESSAGE((ranked[1].status != ranked[0].status || ranked[1].score != ranked[0].score),
                      "tied with " << std::string(svc::table.rules[ranked[1].rule_index].id));
}

// Both rules are candidates with the same status and score: nothing in the evidence separates them.
inline bool tied(const svc_report& r, std::string_view a, std::string_view b) {
    const candidate* x = candidate_of(r, a);
    const candidate* y = candidate_of(r, b);
    return x != nullptr && y != nullptr && x->status == y->status && x->score == y->score;
}

// The rules that share the top status and score, by id.
inline std::vector<std::string> top_tier(const svc_report& r) {
    std::vector<std::string> ids;
    const auto ranked = r.ranked();
    for (const candidate& c : ranked)
        if (c.status == ranked[0].status && c.score == ranked[0].score)
            ids.emplace_back(svc::table.rules[c.rule_index].id);
    return ids;
}

inline bool contains(const std::vector<std::string>& ids, std::string_view id) {
    for (const std::string& s : ids)
        if (s == id) return true;
    return false;
}

// Where the report asks for this fact among its next checks, or `absent`.
inline std::size_t fact_check_position(const svc_report& r, std::string_view fact) {
    const auto checks = r.next_checks();
    for (std::size_t i = 0; i < checks.size(); ++i)
        if (checks[i].what == next_check::kind::fact && svc::table.facts[checks[i].fact_index].name == fact) return i;
    return absent;
}

// Where the report asks for an event (source and id), or `absent`.
inline std::size_t event_check_position(const svc_report& r, std::string_view source, std::uint32_t id) {
    const auto checks = r.next_checks();
    for (std::size_t i = 0; i < checks.size(); ++i) {
        if (checks[i].what != next_check::kind::signal) continue;
        const ruledx::signal& s = svc::table.rules[checks[i].rule_index].signal_at(checks[i].signal_index);
        if (s.kind == signal_kind::event && s.code == id && detail::same_name(s.source, source)) return i;
    }
    return absent;
}

// Where the report asks for a start error code, or `absent`.
inline std::size_t start_error_check_position(const svc_report& r, std::uint32_t code) {
    const auto checks = r.next_checks();
    for (std::size_t i = 0; i < checks.size(); ++i) {
        if (checks[i].what != next_check::kind::signal) continue;
        const ruledx::signal& s = svc::table.rules[checks[i].rule_index].signal_at(checks[i].signal_index);
        if (s.kind == signal_kind::start_error && s.code == code) return i;
    }
    return absent;
}

// An entry of the knowledge base's exclusion list.
struct exclusion_view {
    bool found = false;
    std::string_view covered_by;
};

inline exclusion_view find_exclusion(std::string_view entry) {
    for (const auto& x : svc::exclusions)
        if (x.entry == entry) return {true, x.covered_by};
    return {};
}

}  // namespace services_test

#endif
