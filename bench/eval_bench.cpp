// ruledx benchmarks — the cost of one diagnosis (Google Benchmark).
//
// ims_10: the Exchange IMS knowledge base with 10 observations (bench/ims_10.hpp).
// synth<N>/K: a generated table of N rules (bench/gen_rules.cpp) and K events, each touching a
// different rule. Comparing N = 60 (the size of the IMS table) with N = 10,000 at equal K, and K = 1
// with K = 100 at equal N, separates what a diagnosis costs per event from what it costs per rule.
// The synthetic tables are indexed at run time (build_table, the same code make_table runs at
// compile time) because checking 10,000 rules at compile time is not what this measures; indexing
// 10,000 rules needs some 10 MB of stack (run.sh raises the limit).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <vector>

#include "ruledx/eval/diagnose.hpp"
#include "ruledx/kb/exchange_ims.hpp"
#include "ims_10.hpp"
#include "synth_60.hpp"
#include "synth_10000.hpp"

namespace {

using namespace ruledx;
namespace ims = ruledx::kb::exchange_ims;

void ims_10(benchmark::State& state) {
    const observations& seen = ruledx::bench::ims_10;
    for (auto _ : state) {
        auto report = diagnose(ims::table, seen);
        benchmark::DoNotOptimize(report);
        benchmark::ClobberMemory();
    }
    state.counters["observations"] = 10;
}
BENCHMARK(ims_10);

// The table assembled once, on the heap (it is tens of megabytes at 10,000 rules).
template <const auto& Facts, auto Rules>
const auto& synth_table() {
    static const auto* table = new auto(ruledx::build_table(Facts, Rules()));
    return *table;
}

template <const auto& Facts, auto Rules>
void synth(benchmark::State& state) {
    const auto& table = synth_table<Facts, Rules>();
    constexpr std::size_t n = std::decay_t<decltype(table)>::rule_count;
    const std::size_t k = static_cast<std::size_t>(state.range(0));
    std::vector<observed_event> events;
    for (std::size_t j = 0; j < k; ++j)
        events.push_back(saw_event("SynthSource", static_cast<std::uint16_t>(1 + j * n / k)).with_type(event_type::error));
    // Events only: a start error shared by N / 20 rules would touch more rules in the bigger table.
    const observations seen{{}, {events.data(), events.size()}, {}};
    std::size_t candidates = 0;
    for (auto _ : state) {
        auto report = diagnose(table, seen);  // at 10,000 rules the report is 720 KB of stack
        benchmark::DoNotOptimize(report);
        benchmark::ClobberMemory();
        candidates = report.candidate_count;
    }
    state.counters["rules"] = static_cast<double>(n);
    state.counters["events"] = static_cast<double>(k);
    state.counters["candidates"] = static_cast<double>(candidates);
}

BENCHMARK_TEMPLATE(synth, synth_60::facts, &synth_60::rules)->Arg(1)->Arg(10)->Arg(60);
BENCHMARK_TEMPLATE(synth, synth_10000::facts, &synth_10000::rules)->Arg(1)->Arg(10)->Arg(60)->Arg(1000);

}  // namespace

BENCHMARK_MAIN();
