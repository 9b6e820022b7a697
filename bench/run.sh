#!/usr/bin/env bash
# ruledx benchmarks: builds them, generates the inputs, runs every measurement and prints the results
# table (Markdown) on standard output; also kept in $BUILD/results.md. See bench/README.md.
#
#   bash bench/run.sh
#
# Environment (defaults in brackets):
#   RULEDX_BENCH_BUILD  build directory [/tmp/ruledx-bench]; inputs go to $RULEDX_BENCH_BUILD/inputs
#   RUNS                timed runs per measurement, after one warm-up run [5]
#   EVT_MIB             sizes of the generated .evt logs [100 1024]
#   TEXT_MIB            size of the Event Viewer export and of the pasted text [256]
#   EVTEXPORT_LARGE_RUNS  evtexport runs on logs over 200 MiB [1]: evtexport reads ~4 MB/s, so
#                       six runs over 1 GiB take 25 minutes
#   KEEP_INPUTS=1       keep the generated inputs (they are deleted at the end otherwise)
set -euo pipefail

src=$(cd "$(dirname "$0")/.." && pwd)
build=${RULEDX_BENCH_BUILD:-/tmp/ruledx-bench}
data=$build/inputs
runs=${RUNS:-5}
evt_sizes=${EVT_MIB:-100 1024}
text_mib=${TEXT_MIB:-256}
evtexport_large_runs=${EVTEXPORT_LARGE_RUNS:-1}
out=$build/results.md

log() { echo "run.sh: $*" >&2; }

# ---- build ---------------------------------------------------------------------------------------
log "building in $build"
cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release -DRULEDX_BUILD_BENCHMARKS=ON -DRULEDX_BUILD_TESTS=OFF \
  -DRULEDX_BUILD_EXAMPLES=ON >/dev/null
cmake --build "$build" -j2 --target exchange-diagnose ruledx_example_embed ruledx_bench_gen_inputs \
  ruledx_bench_gen_rules ruledx_bench_timeit ruledx_bench_eval >&2
diag=$build/examples/exchange-diagnose
timeit=$build/bench/ruledx_bench_timeit
gen=$build/bench/ruledx_bench_gen_inputs

# ---- inputs --------------------------------------------------------------------------------------
mkdir -p "$data"
need=$text_mib
for m in $evt_sizes; do need=$((need + m)); done
need=$((need + text_mib + 512))
avail=$(df -Pm "$data" | awk 'NR == 2 {print $4}')
if [ "$avail" -lt "$need" ]; then
  log "need $need MiB free in $data, have $avail MiB"
  exit 1
fi
cleanup() { [ "${KEEP_INPUTS:-0}" = 1 ] || rm -rf "$data"; }
trap cleanup EXIT

generate() {  # kind file MiB
  if [ ! -s "$data/$2" ] || [ "$(cat "$data/$2.mib" 2>/dev/null)" != "$3" ]; then
    log "generating $2 ($3 MiB)"
    "$gen" "$1" "$data/$2" "$3" >/dev/null
    echo "$3" >"$data/$2.mib"
  fi
}
for m in $evt_sizes; do generate evt "log-$m.evt" "$m"; done
generate csv export.csv "$text_mib"
generate text pasted.txt "$text_mib"

# The records exchange-diagnose reads, and its verdict (the inputs must be diagnosed, not just read).
records_of() {
  "$diag" --format json "$1" | python3 -c 'import json, sys; d = json.load(sys.stdin); c = d["candidates"][0]
print(d["inputs"][0]["records"], c["article"] + ":" + c["status"])'
}

# ---- measurements --------------------------------------------------------------------------------
# time_it RUNS CMD... -> "median min max rss_kib status"
time_it() { "$timeit" "$@"; }
mbs() { awk -v b="$1" -v s="$2" 'BEGIN {printf "%.0f", b / 1e6 / s}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", a / b}'; }
mib() { awk -v k="$1" 'BEGIN {printf "%.1f", k / 1024}'; }

scan_rows=""
add_scan_row() {  # input tool bytes records result-line
  read -r med lo hi rss st <<<"$5"
  local rps="-"
  [ "$4" != "-" ] && rps=$(awk -v r="$4" -v s="$med" 'BEGIN {printf "%.2f M", r / s / 1e6}')
  scan_rows+="| $1 | $2 | $(printf %.3f "$med") ($(printf %.3f "$lo")–$(printf %.3f "$hi")) | $(mbs "$3" "$med") | $rps | $(mib "$rss") | $6 |"$'\n'
}

summary=""
for m in $evt_sizes; do
  f=$data/log-$m.evt
  bytes=$(stat -c %s "$f")
  read -r records verdict < <(records_of "$f")
  log "scanning $f ($records records, $verdict)"
  d=$(time_it "$runs" "$diag" "$f")
  c=$(time_it "$runs" cat "$f")
  er=$runs
  [ "$m" -gt 200 ] && er=$evtexport_large_runs
  log "evtexport on $f ($er runs)"
  e=$(time_it "$er" evtexport -m all "$f")
  dm=${d%% *}; cm=${c%% *}; em=${e%% *}
  add_scan_row "$m MiB .evt" "exchange-diagnose" "$bytes" "$records" "$d" "1.0× / $(ratio "$dm" "$cm")× cat"
  add_scan_row "$m MiB .evt" "evtexport -m all ($er runs)" "$bytes" "$records" "$e" "$(ratio "$em" "$dm")× slower than exchange-diagnose"
  add_scan_row "$m MiB .evt" "cat" "$bytes" "-" "$c" "I/O floor"
  summary+="evt_${m}_vs_evtexport=$(ratio "$em" "$dm") evt_${m}_vs_cat=$(ratio "$dm" "$cm") evt_${m}_rss_mib=$(mib "$(echo "$d" | cut -d' ' -f4)") verdict_${m}=$verdict"$'\n'
done
for f in export.csv pasted.txt; do
  p=$data/$f
  bytes=$(stat -c %s "$p")
  read -r records verdict < <(records_of "$p")
  log "scanning $p ($records records, $verdict)"
  d=$(time_it "$runs" "$diag" "$p")
  c=$(time_it "$runs" cat "$p")
  add_scan_row "$text_mib MiB $f" "exchange-diagnose" "$bytes" "$records" "$d" "$(ratio "${d%% *}" "${c%% *}")× cat"
  add_scan_row "$text_mib MiB $f" "cat" "$bytes" "-" "$c" "I/O floor"
  summary+="${f}_mbs=$(mbs "$bytes" "${d%% *}") verdict_$f=$verdict"$'\n'
done

# ---- evaluation (Google Benchmark) --------------------------------------------------------------
log "evaluation benchmark"
(ulimit -s unlimited 2>/dev/null || ulimit -s 65536; exec "$build/bench/ruledx_bench_eval" --benchmark_repetitions="$runs" --benchmark_report_aggregates_only=true \
  --benchmark_min_time=0.2 --benchmark_format=json --benchmark_out="$build/eval.json" >/dev/null 2>&1)
eval_rows=$(python3 - "$build/eval.json" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
med = {b["run_name"]: b for b in d["benchmarks"] if b.get("aggregate_name") == "median"}
def ns(b): return b["cpu_time"] * {"ns": 1, "us": 1e3, "ms": 1e6}[b["time_unit"]]
rows = []
for name, b in med.items():
    short = name.replace("synth<synth_60::facts, &synth_60::rules>", "synth 60 rules").replace(
        "synth<synth_10000::facts, &synth_10000::rules>", "synth 10,000 rules")
    per = ns(b) / b.get("events", b.get("observations", 1))
    rows.append(f"| {short} | {ns(b):,.0f} | {b['real_time'] * (1 if b['time_unit'] == 'ns' else 1e3):,.0f} | "
                f"{int(b.get('events', b.get('observations', 0)))} | {int(b.get('candidates', 0)) if 'candidates' in b else '-'} | {per:,.0f} |")
print("\n".join(rows))
EOF
)

# ---- compile time and memory ---------------------------------------------------------------------
cdir=$build/compile
mkdir -p "$cdir"
"$build/bench/ruledx_bench_gen_rules" 1000 synth checked "$cdir/synth_checked.hpp"
compile_rows=""
for cxx in g++ clang++; do
  # unit:include folder. include_only twice: the umbrella (include/), the single header.
  for unit in empty:single_include include_only:include include_only:single_include diagnose_one:single_include; do
    tu=${unit%%:*}
    dir=${unit#*:}
    label=$tu
    [ "$tu" != empty ] && label="$tu ($dir/)"
    log "compiling $label with $cxx"
    r=$(time_it "$runs" "$cxx" -std=c++17 -O2 -c -I"$src/$dir" "$src/bench/compile/$tu.cpp" -o "$cdir/$tu.o")
    read -r med lo hi rss st <<<"$r"
    [ "$tu" = empty ] && base=$med
    compile_rows+="| $($cxx --version | head -1 | sed 's/ (.*)//') | $label | $(printf %.2f "$med") | +$(awk -v a="$med" -v b="$base" 'BEGIN {printf "%.0f", (a - b) * 1000}') ms | $(mib "$rss") | $st |"$'\n'
  done
  log "compiling the checked 1,000-rule table with $cxx"
  r=$(time_it "$runs" "$cxx" -std=c++17 -O2 -c -I"$src/include" -I"$cdir" "$src/bench/compile/synth_checked.cpp" -o "$cdir/synth.o")
  read -r med lo hi rss st <<<"$r"
  note="compiles"
  if [ "$st" != 0 ]; then
    note=$("$cxx" -std=c++17 -O2 -c -I"$src/include" -I"$cdir" "$src/bench/compile/synth_checked.cpp" -o "$cdir/synth.o" 2>&1 |
      grep -E -m1 "error: " | sed "s|$src/||; s|$cdir/||; s/|/\\\\|/g" | cut -c1-200 || true)
    where=$("$cxx" -std=c++17 -O2 -c -I"$src/include" -I"$cdir" "$src/bench/compile/synth_checked.cpp" -o "$cdir/synth.o" 2>&1 |
      grep -E "in .constexpr. expansion of|in call to|note: (in call|constexpr evaluation)" | sed "s|$src/||g; s|$cdir/||g" |
      grep -oE "[a-z_/]+\.hpp:[0-9]+(:[0-9]+)?" | sort -u | tr '\n' ' ' || true)
    note="$note (at: $where)"
  fi
  compile_rows+="| $($cxx --version | head -1 | sed 's/ (.*)//') | 1,000-rule table, make_table | $(printf %.2f "$med") | +$(awk -v a="$med" -v b="$base" 'BEGIN {printf "%.0f", (a - b) * 1000}') ms | $(mib "$rss") | $st: $note |"$'\n'
done

# ---- size ----------------------------------------------------------------------------------------
size_rows=""
for t in examples/exchange-diagnose examples/ruledx_example_embed; do
  strip -o "$cdir/stripped" "$build/$t"
  size_rows+="| $(basename "$t") | $(stat -c %s "$build/$t") | $(stat -c %s "$cdir/stripped") |"$'\n'
done

# ---- report --------------------------------------------------------------------------------------
{
  echo "## Results ($(date -u +%Y-%m-%d), $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), load $(uptime | sed 's/.*average: //'))"
  echo
  echo "Compilers: $(g++ --version | head -1); $(clang++ --version | head -1). evtexport $(evtexport -V 2>/dev/null | head -1 | awk '{print $2}'). Release build (-O3). Medians of $runs runs after a warm-up run (page cache warm)."
  echo
  echo "### Scan (wall time, s: median (min–max))"
  echo
  echo "| input | tool | time s | MB/s | records/s | peak RSS MiB | ratio |"
  echo "|---|---|---|---|---|---|---|"
  printf %s "$scan_rows"
  echo
  echo "### Evaluation (Google Benchmark, median of $runs repetitions)"
  echo
  echo "| benchmark | CPU ns | wall ns | events | candidates | CPU ns per event (or per observation) |"
  echo "|---|---|---|---|---|---|"
  echo "$eval_rows"
  echo
  echo "### Compile time at -O2 (median of $runs) and compiler peak memory"
  echo
  echo "| compiler | translation unit | s | over empty | peak MiB | exit: note |"
  echo "|---|---|---|---|---|---|"
  printf %s "$compile_rows"
  echo
  echo "### Size (bytes)"
  echo
  echo "| target | unstripped | stripped |"
  echo "|---|---|---|"
  printf %s "$size_rows"
  echo
  echo "Summary: $(echo "$summary" | tr '\n' ' ')"
} | tee "$out"
