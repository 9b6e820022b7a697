// ruledx benchmarks — `ruledx_bench_eval_count N`: N diagnoses of bench/ims_10.hpp, for counting
// instructions, which a shared machine does not disturb as it does times:
//
//   valgrind --tool=callgrind --callgrind-out-file=/dev/null ruledx_bench_eval_count 200
//
// minus the same with 0, divided by 200, is the instructions of one diagnosis.
#include <cstddef>
#include <cstdio>
#include <cstdlib>

#include "ruledx/eval/diagnose.hpp"
#include "ruledx/kb/exchange_ims.hpp"
#include "ims_10.hpp"

namespace {

// Out of line, so that the loop cannot share work between diagnoses.
[[gnu::noinline]] std::size_t diagnose_once() {
    const auto report = ruledx::diagnose(ruledx::kb::exchange_ims::table, ruledx::bench::ims_10);
    return report.candidate_count + report.check_count + (report.best() != nullptr ? report.best()->rule_index : 0);
}

}  // namespace

int main(int argc, char** argv) {
    const long runs = argc > 1 ? std::strtol(argv[1], nullptr, 10) : 1000;
    std::size_t digest = 0;
    for (long i = 0; i < runs; ++i) digest += diagnose_once();
    std::printf("%ld diagnoses, digest %zu\n", runs, digest);
    return 0;
}
