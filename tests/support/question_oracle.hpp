// The question loop against a truthful answerer: how many questions until a rule is found.
//
// For a target rule, starting from some evidence, the loop asks the report's best question and
// the oracle answers as a person facing exactly the target's cause would, through the same
// answers exchange-diagnose --ask takes: "yes" to an event or start error the target's signals
// show, "no" to every other one, the target's confirming value for its confirming facts, "skip"
// to every other fact. Used by the unit test that bounds the worst case and by the benchmark
// that publishes the figures.
#ifndef RULEDX_TESTS_SUPPORT_QUESTION_ORACLE_HPP
#define RULEDX_TESTS_SUPPORT_QUESTION_ORACLE_HPP

#include <cstddef>
#include <deque>
#include <string>
#include <vector>

#include "ruledx/detail/text_match.hpp"
#include "ruledx/eval/diagnose.hpp"
#include "ruledx/eval/question.hpp"

namespace ruledx::test {

struct interview_result {
    std::size_t questions = 0;  // asked until the target was found, or until the loop stopped
    bool found = false;         // the target ended first, confirmed (or first, if it has nothing to confirm)
};

// Does the target's cause show the asked signal? Same kind, source and code, and every telling
// value the question names is one of the target's.
inline bool shows(const rule& target, const signal& asked) {
    for (std::size_t s = 0; s < target.signal_count(); ++s) {
        const signal& own = target.signal_at(s);
        if (own.kind != asked.kind || own.code != asked.code || !detail::same_name(own.source, asked.source)) continue;
        const bool by_text = own.kind == signal_kind::dialog || (own.kind == signal_kind::event && own.code == signal::no_id);
        if (by_text && !detail::equal_text(own.description, asked.description)) continue;
        bool all = true;
        for (std::string_view value : asked.values) {
            bool has = false;
            for (std::string_view mine : own.values) has = has || detail::contains_phrase(mine, value);
            all = all && (has || detail::contains_phrase(own.description, value));
        }
        if (all) return true;
    }
    return false;
}

// Sees each question asked and whether the oracle said yes (facts: whether it knew the value).
struct no_trace {
    void operator()(const question&, bool) const {}
};

// What the oracle knows beyond the target's signals and confirming facts.
enum class oracle_knows : bool {
    nothing_else,  // every other fact is "don't know"
    version,       // also the version, the last one the target's ranges hold
};

// The evidence the loop starts from: the start error the target's rule names, or failing that the
// table's common one (Error 2140 of the Internet Mail Service): a truthful start for every rule.
inline observed_start_error starting_error(const rule& target, const observed_start_error& common) {
    for (std::size_t s = 0; s < target.signal_count(); ++s)
        if (target.signal_at(s).kind == signal_kind::start_error)
            return saw_start_error(target.signal_at(s).source, target.signal_at(s).code);
    return common;
}

template <class Table, class Trace = no_trace>
interview_result interview(const Table& table, std::size_t target, const observations& start,
                           oracle_knows knows = oracle_knows::nothing_else, std::size_t max_questions = 30,
                           Trace trace = {}) {
    const rule& goal = table.rules[target];
    std::vector<observed_start_error> start_errors(start.start_errors.begin(), start.start_errors.end());
    std::vector<observed_event> events(start.events.begin(), start.events.end());
    std::vector<fact_assignment> facts(start.facts.begin(), start.facts.end());
    std::vector<observed_absence> absent(start.absent.begin(), start.absent.end());
    std::vector<observed_crash> crashes(start.crashes.begin(), start.crashes.end());
    std::vector<observed_dialog> dialogs(start.dialogs.begin(), start.dialogs.end());
    std::deque<std::string> texts;  // what the answers' views point into
    std::vector<question> settled;

    interview_result result;
    for (;;) {
        const observations now{{start_errors.data(), start_errors.size()}, {events.data(), events.size()},
                               {facts.data(), facts.size()},             {absent.data(), absent.size()},
                               {crashes.data(), crashes.size()},         {dialogs.data(), dialogs.size()}};
        const auto report = diagnose(table, now);
        const candidate* best = report.best();
        if (best != nullptr && best->rule_index == target &&
            (best->status == status::confirmed || (goal.confirming.empty() && best->status != status::ruled_out))) {
            result.found = true;
            return result;
        }
        question q;
        const auto is_settled = [&settled](const question& other) {
            for (const question& s : settled)
                if (same_question(s, other)) return true;
            return false;
        };
        if (result.questions == max_questions || !next_question(table, report, is_settled, q)) return result;
        settled.push_back(q);
        ++result.questions;
        if (q.what == question::kind::fact) {
            const std::string_view name = table.facts[q.fact_index].name;
            bool known = false;
            for (const fact_assignment& f : goal.confirming) {
                if (!detail::equal_text(f.name, name)) continue;
                facts.push_back(f);
                known = true;
            }
            if (!known && knows == oracle_knows::version && detail::equal_text(goal.version_fact, name) &&
                !goal.versions.empty()) {
                facts.push_back(fact_is(name, goal.versions[goal.versions.size() - 1].last));
                known = true;
            }
            trace(q, known);
            continue;  // skipped unless the target confirms by it
        }
        std::string values;
        for (std::string_view v : q.asked->values) values.append(values.empty() ? "" : " ").append(v);
        trace(q, shows(goal, *q.asked));
        const signal& asked = *q.asked;
        const bool by_text = asked.kind == signal_kind::dialog || (asked.kind == signal_kind::event && asked.code == signal::no_id);
        if (shows(goal, asked)) {
            // What the person would see: the signal itself, its telling values where the input has them.
            switch (asked.kind) {
                case signal_kind::start_error: start_errors.push_back(saw_start_error(asked.source, asked.code)); break;
                case signal_kind::crash:
                    crashes.push_back(saw_crash(asked.source, asked.code).with_frames(std::string_view(texts.emplace_back(values))));
                    break;
                case signal_kind::dialog:
                    dialogs.push_back(saw_dialog(std::string_view(texts.emplace_back(std::string(asked.description) + " " + values))));
                    break;
                case signal_kind::event:
                    if (by_text) {
                        events.push_back(saw_event(asked.source, 0).with_description(asked.description));
                    } else {
                        const std::string& strings = texts.emplace_back(values.empty() ? std::string() : values + '\0');
                        events.push_back(saw_event(asked.source, static_cast<std::uint16_t>(asked.code)).with_strings(strings));
                    }
                    break;
            }
        } else {
            observed_absence a;
            a.kind = asked.kind;
            a.source = asked.source;
            a.code = asked.code;
            a.text = by_text ? asked.description : texts.emplace_back(values);
            absent.push_back(a);
        }
    }
}

}  // namespace ruledx::test

#endif
