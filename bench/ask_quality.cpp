// How good the next questions are: for every rule of the Internet Mail Service knowledge base,
// the questions a truthful person answers (tests/support/question_oracle.hpp) until the tool
// shows that rule confirmed (or first, when it has nothing to confirm), starting from the rule's
// own start error, or Error 2140 when its article names none. The table is the one
// exchange-diagnose uses (every knowledge base joined). Prints one line per rule, then the
// average and worst for an answerer who knows only the rule's own evidence and for one who also
// knows the Exchange version.
//
//   ask_quality [--verbose]
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "ruledx/kb/exchange.hpp"
#include "ruledx/write/describe.hpp"
#include "support/question_oracle.hpp"

namespace {

using namespace ruledx;

// A bound for any questioner with these questions: one who knows every rule's expected answers
// (the oracle's model itself) and keeps exactly the rules consistent with the answers so far.
// Greedy: the question splitting the consistent rules most evenly (smallest sum of squared
// answer-group sizes); once one rule is left, its confirming facts. Counts questions per target.
struct ideal_questioner {
    const decltype(kb::exchange::table)& table;
    test::oracle_knows knows;
    std::vector<question> questions;
    bool trace = false;

    // The answer rule r's cause gives: 0 no / don't know, 1 yes, 2+ a fact's value (by slot).
    int answer(std::size_t r, const question& q) const {
        const rule& rl = table.rules[r];
        if (q.what != question::kind::fact) return test::shows(rl, *q.asked) ? 1 : 0;
        const std::string_view name = table.facts[q.fact_index].name;
        for (const fact_assignment& f : rl.confirming)
            if (f.name == name) return f.value.kind == fact_kind::boolean ? 2 + f.value.boolean : 4;
        if (knows == test::oracle_knows::version && rl.version_fact == name && !rl.versions.empty()) {
            const version v = rl.versions[rl.versions.size() - 1].last;
            return 5 + v.major * 16 + v.minor;
        }
        return 0;
    }

    std::size_t questions_for(std::size_t target, std::vector<std::size_t> consistent) const {
        std::vector<bool> asked(questions.size(), false);
        std::size_t count = 0;
        while (consistent.size() > 1) {
            std::size_t best = questions.size();
            std::size_t best_squares = consistent.size() * consistent.size();
            for (std::size_t q = 0; q < questions.size(); ++q) {
                if (asked[q]) continue;
                std::vector<std::size_t> groups(256, 0);
                for (std::size_t r : consistent) ++groups[static_cast<std::size_t>(answer(r, questions[q])) & 255];
                std::size_t squares = 0;
                for (std::size_t g : groups) squares += g * g;
                if (squares < best_squares) {
                    best_squares = squares;
                    best = q;
                }
            }
            if (best == questions.size()) break;  // nothing tells the rest apart
            asked[best] = true;
            ++count;
            if (trace) std::printf("    ideal asks %s (%zu consistent)\n", write::question_key(table, questions[best]).c_str(), consistent.size());
            const int given = answer(target, questions[best]);
            std::vector<std::size_t> kept;
            for (std::size_t r : consistent)
                if (answer(r, questions[best]) == given) kept.push_back(r);
            consistent = kept;
        }
        // The confirming facts not asked yet.
        for (const fact_assignment& f : table.rules[target].confirming) {
            bool done = false;
            for (std::size_t q = 0; q < questions.size(); ++q)
                done = done || (asked[q] && questions[q].what == question::kind::fact &&
                                table.facts[questions[q].fact_index].name == f.name);
            count += done ? 0 : 1;
        }
        return count;
    }
};

}  // namespace

int main(int argc, char** argv) {
    using namespace ruledx;
    const bool verbose = argc > 1 && std::strcmp(argv[1], "--verbose") == 0;
    const auto& table = kb::exchange::table;
    const observed_start_error error_2140 = saw_start_error("MSExchangeIMC", 2140);
    constexpr std::size_t max_questions = 80;
    for (const test::oracle_knows knows : {test::oracle_knows::nothing_else, test::oracle_knows::version}) {
        const char* who = knows == test::oracle_knows::version ? "knows its version" : "knows only the rule's evidence";
        std::size_t rules = 0;
        std::size_t total = 0;
        std::size_t worst = 0;
        std::size_t unfound_rules = 0;
        std::string worst_rule;
        for (const rule& r : kb::exchange_ims::table.rules) {
            const std::size_t index = table.find_rule(r.id);
            const observed_start_error start[] = {test::starting_error(r, error_2140)};
            const test::interview_result got = test::interview(table, index, {start, {}, {}}, knows, max_questions);
            if (verbose)
                std::printf("  %-55s %-8s %2zu%s\n", std::string(r.id).c_str(), std::string(r.article).c_str(), got.questions,
                            got.found ? "" : "  not found");
            ++rules;
            total += got.questions;
            if (got.questions > worst) {
                worst = got.questions;
                worst_rule = std::string(r.id);
            }
            unfound_rules += got.found ? 0 : 1;
        }
        std::printf("answerer %-32s rules %zu  questions: average %.2f, worst %zu (%s)  not found within %zu: %zu\n", who,
                    rules, static_cast<double>(total) / static_cast<double>(rules), worst, worst_rule.c_str(),
                    max_questions, unfound_rules);

        // The bound: the same answerer, asked by the ideal questioner over the IMS rules.
        ideal_questioner ideal{table, knows, {}};
        std::vector<std::size_t> all;
        for (const rule& r : kb::exchange_ims::table.rules) {
            const std::size_t index = table.find_rule(r.id);
            all.push_back(index);
            for (std::size_t s = 0; s < r.signal_count(); ++s) {
                question q;
                q.what = r.signal_at(s).kind == signal_kind::event ? question::kind::event : question::kind::start_error;
                q.asked = &table.rules[index].signal_at(s);
                bool known = false;
                for (const question& other : ideal.questions) known = known || same_question(other, q);
                if (!known) ideal.questions.push_back(q);
            }
        }
        for (std::size_t f = 0; f < table.facts.size(); ++f) {
            question q;
            q.fact_index = f;
            ideal.questions.push_back(q);
        }
        std::size_t ideal_total = 0;
        std::size_t ideal_worst = 0;
        for (std::size_t target : all) {
            const std::size_t n = ideal.questions_for(target, all);
            ideal_total += n;
            ideal_worst = n > ideal_worst ? n : ideal_worst;
        }
        std::printf("  bound: a questioner knowing every rule's answers needs on average %.2f, worst %zu\n",
                    static_cast<double>(ideal_total) / static_cast<double>(all.size()), ideal_worst);
    }
    return 0;
}
