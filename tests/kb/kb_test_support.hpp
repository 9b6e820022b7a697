// Helpers shared by the knowledge-base tests, for any table: evidence written out in a test, and
// questions about the report ("who is first", "where is this check in the list"). Each knowledge
// base's support header binds them to its table (ims_test_support.hpp, services_test_support.hpp).
#ifndef RULEDX_TESTS_KB_KB_TEST_SUPPORT_HPP
#define RULEDX_TESTS_KB_KB_TEST_SUPPORT_HPP

#include <doctest/doctest.h>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ruledx/eval/diagnose.hpp"

namespace kb_test {

using namespace ruledx;

inline constexpr std::size_t absent = static_cast<std::size_t>(-1);

template <const auto& Table>
using report_of = decltype(ruledx::diagnose(Table, observations{}));

// One failure's findings, as a test writes them down from an article. `Derived` adds the
// knowledge base's own way of naming a start error.
template <const auto& Table, class Derived>
struct findings_base {
    std::vector<observed_start_error> errors;
    std::vector<observed_event> events;
    std::vector<fact_assignment> facts;
    std::vector<observed_absence> absences;
    std::vector<observed_crash> crashes;
    std::vector<observed_dialog> dialogs;

    Derived& crashed(const observed_crash& c) {
        crashes.push_back(c);
        return static_cast<Derived&>(*this);
    }
    Derived& showed(std::string_view dialog_text) {
        dialogs.push_back(saw_dialog(dialog_text));
        return static_cast<Derived&>(*this);
    }
    Derived& add_start_error(std::string_view service, std::uint32_t code) {
        errors.push_back(saw_start_error(service, code));
        return static_cast<Derived&>(*this);
    }
    Derived& log(const observed_event& e) {
        events.push_back(e);
        return static_cast<Derived&>(*this);
    }
    Derived& fact(std::string_view name, fact_value value) {
        facts.push_back(fact_is(name, value));
        return static_cast<Derived&>(*this);
    }
    Derived& on(version v) { return fact("exchange_version", v); }
    // The events shown are the whole log of `source`: its other events were not logged.
    Derived& whole_log_of(std::string_view source) {
        absences.push_back(complete_log_of(source));
        return static_cast<Derived&>(*this);
    }
    [[nodiscard]] report_of<Table> diagnose() const {
        return ruledx::diagnose(Table, observations{view<observed_start_error>(errors), view<observed_event>(events),
                                                    view<fact_assignment>(facts), view<observed_absence>(absences),
                                                    view<observed_crash>(crashes), view<observed_dialog>(dialogs)});
    }
};

template <const auto& Table>
std::size_t rule_index(std::string_view id) {
    const std::size_t index = Table.find_rule(id);
    REQUIRE_MESSAGE(index != not_found, "no rule " << std::string(id));
    return index;
}

template <const auto& Table>
std::string best_id(const report_of<Table>& r) {
    return r.best() == nullptr ? std::string("<none>") : std::string(Table.rules[r.best()->rule_index].id);
}

template <const auto& Table>
const candidate* candidate_of(const report_of<Table>& r, std::string_view id) {
    return r.find(rule_index<Table>(id));
}

template <const auto& Table>
status status_of(const report_of<Table>& r, std::string_view id) {
    const candidate* c = candidate_of<Table>(r, id);
    REQUIRE_MESSAGE(c != nullptr, "no candidate for " << std::string(id));
    return c->status;
}

// The rule is first, with this status, strictly ahead of the next candidate.
template <const auto& Table>
void check_first(const report_of<Table>& r, std::string_view id, status expected) {
    REQUIRE(r.best() != nullptr);
    CHECK(best_id<Table>(r) == std::string(id));
    CHECK(to_string(r.best()->status) == to_string(expected));
    const auto ranked = r.ranked();
    if (ranked.size() > 1)
        CHECK_MESSAGE((ranked[1].status != ranked[0].status || ranked[1].score != ranked[0].score),
                      "tied with " << std::string(Table.rules[ranked[1].rule_index].id));
}

// Both rules are candidates with the same status and score: nothing in the evidence separates them.
template <const auto& Table>
bool tied(const report_of<Table>& r, std::string_view a, std::string_view b) {
    const candidate* x = candidate_of<Table>(r, a);
    const candidate* y = candidate_of<Table>(r, b);
    return x != nullptr && y != nullptr && x->status == y->status && x->score == y->score;
}

// The ids of the candidates that share the best status and score.
template <const auto& Table>
std::vector<std::string> top_tier(const report_of<Table>& r) {
    std::vector<std::string> ids;
    const auto ranked = r.ranked();
    for (const candidate& c : ranked)
        if (c.status == ranked[0].status && c.score == ranked[0].score) ids.emplace_back(Table.rules[c.rule_index].id);
    return ids;
}

inline bool contains(const std::vector<std::string>& ids, std::string_view id) {
    for (const std::string& s : ids)
        if (s == id) return true;
    return false;
}

// Where the report asks for this fact among its next checks, or `absent`.
template <const auto& Table>
std::size_t fact_check_position(const report_of<Table>& r, std::string_view fact) {
    const auto checks = r.next_checks();
    for (std::size_t i = 0; i < checks.size(); ++i)
        if (checks[i].what == next_check::kind::fact && Table.facts[checks[i].fact_index].name == fact) return i;
    return absent;
}

// Where the report asks for a signal the predicate accepts, or `absent`.
template <const auto& Table, class Accepts>
std::size_t signal_check_position(const report_of<Table>& r, Accepts accepts) {
    const auto checks = r.next_checks();
    for (std::size_t i = 0; i < checks.size(); ++i) {
        if (checks[i].what != next_check::kind::signal) continue;
        if (accepts(Table.rules[checks[i].rule_index].signal_at(checks[i].signal_index))) return i;
    }
    return absent;
}

// Where the report asks for an event (source and id), or `absent`.
template <const auto& Table>
std::size_t event_check_position(const report_of<Table>& r, std::string_view source, std::uint32_t id) {
    return signal_check_position<Table>(r, [&](const ruledx::signal& s) {
        return s.kind == signal_kind::event && s.code == id && detail::same_name(s.source, source);
    });
}

// Where the report asks for a start error code, or `absent`.
template <const auto& Table>
std::size_t start_error_check_position(const report_of<Table>& r, std::uint32_t code) {
    return signal_check_position<Table>(
        r, [&](const ruledx::signal& s) { return s.kind == signal_kind::start_error && s.code == code; });
}

// The entries shared/kb/index.tsv lists for a scope ("ims-start"), with how often each is listed;
// nothing when ../shared is not beside the repository (a user's clone).
inline std::optional<std::map<std::string, int>> index_entries(std::string_view scope) {
#ifdef RULEDX_SHARED_DIR
    std::ifstream index(std::string(RULEDX_SHARED_DIR) + "/kb/index.tsv");
    if (!index) return std::nullopt;
    std::map<std::string, int> entries;
    std::string line;
    while (std::getline(index, line)) {
        std::vector<std::string> cols;
        std::size_t start = 0;
        for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
            cols.push_back(line.substr(start, tab - start));
        cols.push_back(line.substr(start));
        if (cols.size() < 3 || cols[1] != scope) continue;
        std::size_t from = 0;
        for (std::size_t comma; from <= cols[2].size(); from = comma + 1) {
            comma = cols[2].find(',', from);
            if (comma == std::string::npos) comma = cols[2].size();
            ++entries[cols[2].substr(from, comma - from)];
        }
    }
    return entries;
#else
    (void)scope;
    return std::nullopt;
#endif
}

}  // namespace kb_test

#endif
