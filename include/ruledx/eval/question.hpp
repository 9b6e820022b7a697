// ruledx — a report's next checks as questions to put to a person, one at a time.
//
// A next check names a fact of the catalog or a signal of a rule; a question says what kind of
// answer it takes. Putting the best question (next_question, in eval/diagnose.hpp), taking the
// answer as evidence and diagnosing again is the question-by-question loop of a troubleshooting
// guide.
#ifndef RULEDX_EVAL_QUESTION_HPP
#define RULEDX_EVAL_QUESTION_HPP

#include <cstddef>
#include <cstdint>

#include "ruledx/detail/text_match.hpp"
#include "ruledx/eval/report.hpp"
#include "ruledx/model/signal.hpp"

namespace ruledx {

struct question {
    enum class kind : std::uint8_t { fact, event, start_error, crash, dialog };
    question::kind what = kind::fact;
    std::size_t fact_index = 0;     // kind::fact: index into the table's catalog
    const signal* asked = nullptr;  // the other kinds: was this seen?
    std::uint64_t score = 0;        // the next check's

    // Two questions ask the same thing (the same fact, or signals that match the same events).
    friend constexpr bool same_question(const question& a, const question& b) noexcept {
        if (a.what != b.what) return false;
        if (a.what == kind::fact) return a.fact_index == b.fact_index;
        if (a.asked->code != b.asked->code || !detail::same_name(a.asked->source, b.asked->source)) return false;
        if (a.what == kind::dialog && !detail::equal_text(a.asked->description, b.asked->description)) return false;
        if (a.asked->values.size() != b.asked->values.size()) return false;
        for (std::size_t i = 0; i < a.asked->values.size(); ++i)
            if (!detail::equal_text(a.asked->values[i], b.asked->values[i])) return false;
        return true;
    }
};

template <class Table>
[[nodiscard]] constexpr question question_of(const Table& table, const next_check& check) noexcept {
    question q;
    q.score = check.score;
    if (check.what == next_check::kind::fact) {
        q.fact_index = check.fact_index;
        return q;
    }
    q.asked = &table.rules[check.rule_index].signal_at(check.signal_index);
    switch (q.asked->kind) {
        case signal_kind::start_error: q.what = question::kind::start_error; break;
        case signal_kind::event: q.what = question::kind::event; break;
        case signal_kind::crash: q.what = question::kind::crash; break;
        case signal_kind::dialog: q.what = question::kind::dialog; break;
    }
    return q;
}

}  // namespace ruledx

#endif
