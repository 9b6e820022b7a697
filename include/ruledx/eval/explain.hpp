// ruledx — why a candidate has its status: its explanation, item by item.
//
// The one walk over a candidate that every rendering of a report shares: the evidence that
// matched, what its rule still needs, and what contradicts it, in that order.
#ifndef RULEDX_EVAL_EXPLAIN_HPP
#define RULEDX_EVAL_EXPLAIN_HPP

#include <cstddef>
#include <cstdint>

#include "ruledx/eval/report.hpp"
#include "ruledx/model/fact.hpp"
#include "ruledx/model/rule.hpp"
#include "ruledx/model/signal.hpp"

namespace ruledx {

enum class explanation_part : std::uint8_t { evidence, missing, contradicted };

enum class reason_kind : std::uint8_t {
    signal_seen,        // evidence: a signal matched observation `observation`
    fact_holds,         // evidence: a confirming fact has its value
    signal_unseen,      // missing: a required signal nobody has seen or ruled out
    fact_unknown,       // missing: a confirming fact not given
    outside_versions,   // contradicted: the version given is not one the rule applies to
    signal_absent,      // contradicted: a required signal is known absent (absence `observation`)
    fact_differs,       // contradicted: a confirming fact has another value
    ruling_out_holds,   // contradicted: a ruling-out fact holds
};

struct reason {
    explanation_part part = explanation_part::evidence;
    reason_kind what = reason_kind::signal_seen;
    const signal* sig = nullptr;              // the signal kinds
    std::size_t signal_index = 0;             // its number in the rule
    const fact_assignment* fact = nullptr;    // the fact kinds: the rule's expectation
    std::uint16_t observation = no_observation;  // signal_seen: the observation; signal_absent: the absence
    bool text_matched = false;                // signal_seen: the input's text bore it out
};

// Calls visit(const reason&) for each item of the candidate's explanation: evidence, then
// missing, then contradicted.
template <class Table, class Visit>
constexpr void explain(const Table& table, const candidate& c, Visit&& visit) {
    const auto& r = table.rules[c.rule_index];
    const auto signal_reason = [&r](explanation_part part, reason_kind what, std::size_t s) {
        reason item;
        item.part = part;
        item.what = what;
        item.sig = &r.signal_at(s);
        item.signal_index = s;
        return item;
    };
    const auto fact_reason = [](explanation_part part, reason_kind what, const fact_assignment& fact) {
        reason item;
        item.part = part;
        item.what = what;
        item.fact = &fact;
        return item;
    };
    for (std::size_t s = 0; s < r.signal_count(); ++s) {
        if (!c.matched(s)) continue;
        reason item = signal_reason(explanation_part::evidence, reason_kind::signal_seen, s);
        item.observation = c.evidence[s];
        item.text_matched = c.text_matched[s];
        visit(item);
    }
    for (std::size_t f = 0; f < r.confirming.size(); ++f)
        if (c.confirming[f] == fact_state::holds)
            visit(fact_reason(explanation_part::evidence, reason_kind::fact_holds, r.confirming[f]));

    for (std::size_t s = 0; s < r.required.size(); ++s)
        if (!c.matched(s) && !c.known_absent(s)) visit(signal_reason(explanation_part::missing, reason_kind::signal_unseen, s));
    for (std::size_t f = 0; f < r.confirming.size(); ++f)
        if (c.confirming[f] == fact_state::unknown)
            visit(fact_reason(explanation_part::missing, reason_kind::fact_unknown, r.confirming[f]));

    if (c.outside_versions) {
        reason item;
        item.part = explanation_part::contradicted;
        item.what = reason_kind::outside_versions;
        visit(item);
    }
    for (std::size_t s = 0; s < r.required.size(); ++s) {
        if (!c.known_absent(s)) continue;
        reason item = signal_reason(explanation_part::contradicted, reason_kind::signal_absent, s);
        item.observation = c.absence[s];
        visit(item);
    }
    for (std::size_t f = 0; f < r.confirming.size(); ++f)
        if (c.confirming[f] == fact_state::contradicted)
            visit(fact_reason(explanation_part::contradicted, reason_kind::fact_differs, r.confirming[f]));
    for (std::size_t f = 0; f < r.ruling_out.size(); ++f)
        if (c.ruling_out[f] == fact_state::holds)
            visit(fact_reason(explanation_part::contradicted, reason_kind::ruling_out_holds, r.ruling_out[f]));
}

}  // namespace ruledx

#endif
