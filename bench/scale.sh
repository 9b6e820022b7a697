#!/usr/bin/env bash
# Compile-time scaling of make_table: vendor-shaped tables (bench/gen_rules.cpp, `vendor`) of
# several sizes, every check on (the examples' proofs included), default constexpr limits, -O0,
# one translation unit; wall time, CPU time (user + sys: what to compare on a shared machine) and
# compiler peak memory per compiler, as a Markdown table.
#
#   bash bench/scale.sh
#
# Environment: SIZES ["1000 2000 5000 10000"]; sizes over 2,000 are written as five arrays of
# N/5 rules, each make_table'd, combined with join<>. COMPILERS ["g++ clang++"].
# STEPS_RULES ["2000 256"]: for each, the Clang steps of the largest single constant evaluation,
# found by bisecting -fconstexpr-steps: of the rules[] array alone (first size), and of a whole
# make_table (second size, small enough that its parts, not its array, are the largest); set
# and empty (STEPS_RULES=) skips them.
# RULEDX_BENCH_BUILD [/tmp/ruledx-bench]: where the generator is built and the tables written.
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=${RULEDX_BENCH_BUILD:-/tmp/ruledx-bench}/scale
sizes=${SIZES:-1000 2000 5000 10000}
compilers=${COMPILERS:-g++ clang++}
mkdir -p "$build"
g++ -std=c++17 -O1 -o "$build/gen_rules" "$src/bench/gen_rules.cpp"

echo "| rules | arrays | compiler | exit | wall s | CPU s | peak MiB |"
echo "|---|---|---|---|---|---|---|"
for n in $sizes; do
    parts=1
    [ "$n" -le 2000 ] || parts=5
    "$build/gen_rules" "$n" vendor_bench vendor "$build/vendor_$n.hpp" "$parts"
    printf '#include "vendor_%s.hpp"\nint main() { return static_cast<int>(vendor_bench::table.rule_count %% 7); }\n' "$n" \
        >"$build/vendor_$n.cpp"
    for cxx in $compilers; do
        rc=0
        /usr/bin/time -f "%e %U %S %M" -o "$build/time.txt" "$cxx" -std=c++17 -O0 -I "$src/include" -I "$build" \
            -c "$build/vendor_$n.cpp" -o "$build/vendor_$n.o" 2>"$build/errors.txt" || rc=$?
        read -r wall user sys kib < <(tail -1 "$build/time.txt")
        echo "| $n | $parts | $("$cxx" --version | head -1) | $rc | $wall | $(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }') | $((kib / 1024)) |"
    done
done

# ---- the largest single constant evaluation, in Clang steps ---------------------------------------
least_steps() {  # source: the least -fconstexpr-steps that compiles it (within 2%)
    local lo=1000 hi=16000000 mid
    clang++ -std=c++17 -I "$src/include" -I "$build" -fconstexpr-steps=$hi -fsyntax-only "$1" 2>/dev/null || { echo "over $hi"; return; }
    while [ $((hi - lo)) -gt $((lo / 50)) ]; do
        mid=$(((lo + hi) / 2))
        if clang++ -std=c++17 -I "$src/include" -I "$build" -fconstexpr-steps=$mid -fsyntax-only "$1" 2>/dev/null; then hi=$mid; else lo=$mid; fi
    done
    echo "$hi"
}
if command -v clang++ >/dev/null && [ -n "${STEPS_RULES-2000 256}" ]; then
    set -- ${STEPS_RULES-2000 256}
    echo
    echo "| what | Clang steps (default limit 1,048,576) |"
    echo "|---|---|"
    "$build/gen_rules" "$1" vendor_bench vendor "$build/steps_array.hpp"
    sed -i 's/^inline constexpr auto table = make_table<facts, rules>();$//' "$build/steps_array.hpp"
    printf '#include "steps_array.hpp"\nint main() { return sizeof(vendor_bench::rules) %% 7; }\n' >"$build/steps_array.cpp"
    echo "| the rules[] array of $1 rules, alone | $(least_steps "$build/steps_array.cpp") |"
    "$build/gen_rules" "$2" vendor_bench vendor "$build/steps_table.hpp"
    printf '#include "steps_table.hpp"\nint main() { return static_cast<int>(vendor_bench::table.rule_count %% 7); }\n' \
        >"$build/steps_table.cpp"
    echo "| the largest evaluation of make_table over $2 rules (array included) | $(least_steps "$build/steps_table.cpp") |"
fi
