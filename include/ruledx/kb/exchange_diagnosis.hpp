// ruledx knowledge base — the Exchange diagnosis as functions: declare everywhere, define once.
//
// Including ruledx/kb/exchange.hpp compiles the knowledge bases (and, with RULEDX_CHECK_EXAMPLES,
// proves their examples) in every translation unit that includes it. A program with many such
// units includes this header instead, which declares the diagnosis over the table of every
// Exchange knowledge base, and defines it in exactly one unit:
//
//   #define RULEDX_EXCHANGE_DIAGNOSIS_IMPLEMENTATION
//   #include <ruledx/kb/exchange_diagnosis.hpp>
//
// The other units pay for the model and report declarations only (bench/README.md, "Consumer
// cost"). The functions are the evaluator's, over kb::exchange::table.
#ifndef RULEDX_KB_EXCHANGE_DIAGNOSIS_HPP
#define RULEDX_KB_EXCHANGE_DIAGNOSIS_HPP

#include <cstddef>
#include <string_view>

#include "ruledx/eval/question.hpp"
#include "ruledx/eval/report.hpp"
#include "ruledx/model/fact.hpp"
#include "ruledx/model/observation.hpp"
#include "ruledx/model/rule.hpp"
#include "ruledx/model/rule_set.hpp"

namespace ruledx::kb::exchange_diagnosis {

// Room for every rule of kb::exchange::table in a report (the implementation checks it holds
// them all), so a report of these functions is never truncated; a fixed number, so the
// declarations need not know the table's size.
inline constexpr std::size_t report_capacity = 128;
using report_type = report<report_capacity>;

// diagnose(kb::exchange::table, seen).
[[nodiscard]] report_type diagnose(const observations& seen) noexcept;

// next_question(kb::exchange::table, result, settled, out), with settled(context, question).
[[nodiscard]] bool next_question(const report_type& result, bool (*settled)(const void* context, const question&),
                                 const void* context, question& out) noexcept;

// The table's rules and catalog.
[[nodiscard]] const rule& rule_at(std::size_t index) noexcept;
[[nodiscard]] std::size_t fact_count() noexcept;
[[nodiscard]] const fact_definition& fact_at(std::size_t index) noexcept;
// The index of the rule or fact with that id or name, or not_found.
[[nodiscard]] std::size_t find_rule(std::string_view id) noexcept;
[[nodiscard]] std::size_t find_fact(std::string_view name) noexcept;

}  // namespace ruledx::kb::exchange_diagnosis

#endif

#if defined(RULEDX_EXCHANGE_DIAGNOSIS_IMPLEMENTATION) && !defined(RULEDX_KB_EXCHANGE_DIAGNOSIS_DEFINED)
#define RULEDX_KB_EXCHANGE_DIAGNOSIS_DEFINED

#include "ruledx/eval/diagnose.hpp"
#include "ruledx/kb/exchange.hpp"

namespace ruledx::kb::exchange_diagnosis {

static_assert(exchange::table.rule_count <= report_capacity,
              "ruledx: kb::exchange_diagnosis::report_capacity must hold every rule of kb::exchange::table");

report_type diagnose(const observations& seen) noexcept { return ruledx::diagnose<report_capacity>(exchange::table, seen); }

bool next_question(const report_type& result, bool (*settled)(const void*, const question&), const void* context,
                   question& out) noexcept {
    return ruledx::next_question(exchange::table, result, [&](const question& q) { return settled(context, q); }, out);
}

const rule& rule_at(std::size_t index) noexcept { return exchange::table.rules[index]; }
std::size_t fact_count() noexcept { return exchange::table.fact_count; }
const fact_definition& fact_at(std::size_t index) noexcept { return exchange::table.facts[index]; }
std::size_t find_rule(std::string_view id) noexcept { return exchange::table.find_rule(id); }
std::size_t find_fact(std::string_view name) noexcept { return exchange::table.find_fact(name); }

}  // namespace ruledx::kb::exchange_diagnosis

#endif
