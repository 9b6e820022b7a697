// Compile-time benchmark: a generated table of SYNTH_RULES rules through make_table, i.e. every
// compile-time check (structure, then one diagnosis per rule example). Compile with -I to the
// directory holding the generated synth_checked.hpp (ruledx_bench_gen_rules N synth checked ...).
#include "synth_checked.hpp"

int main() { return synth::table.rule_count == synth::rules.size() ? 0 : 1; }
