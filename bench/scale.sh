#!/usr/bin/env bash
# Compile-time scaling of make_table: vendor-shaped tables (bench/gen_rules.cpp, `vendor`) of
# several sizes, every check on (the examples' proofs included), default constexpr limits, -O0,
# one translation unit; wall time and compiler peak memory per compiler, as a Markdown table.
#
#   bash bench/scale.sh
#
# Environment: SIZES ["1000 2000 5000 10000"]; sizes over 2,000 are written as five arrays of
# N/5 rules, each make_table'd, combined with join<>. COMPILERS ["g++ clang++"].
# RULEDX_BENCH_BUILD [/tmp/ruledx-bench]: where the generator is built and the tables written.
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=${RULEDX_BENCH_BUILD:-/tmp/ruledx-bench}/scale
sizes=${SIZES:-1000 2000 5000 10000}
compilers=${COMPILERS:-g++ clang++}
mkdir -p "$build"
g++ -std=c++17 -O1 -o "$build/gen_rules" "$src/bench/gen_rules.cpp"

echo "| rules | arrays | compiler | exit | wall s | peak MiB |"
echo "|---|---|---|---|---|---|"
for n in $sizes; do
    parts=1
    [ "$n" -le 2000 ] || parts=5
    "$build/gen_rules" "$n" vendor_bench vendor "$build/vendor_$n.hpp" "$parts"
    printf '#include "vendor_%s.hpp"\nint main() { return static_cast<int>(vendor_bench::table.rule_count %% 7); }\n' "$n" \
        >"$build/vendor_$n.cpp"
    for cxx in $compilers; do
        rc=0
        /usr/bin/time -f "%e %M" -o "$build/time.txt" "$cxx" -std=c++17 -O0 -I "$src/include" -I "$build" \
            -c "$build/vendor_$n.cpp" -o "$build/vendor_$n.o" 2>"$build/errors.txt" || rc=$?
        read -r wall kib < <(tail -1 "$build/time.txt")
        echo "| $n | $parts | $("$cxx" --version | head -1) | $rc | $wall | $((kib / 1024)) |"
    done
done
