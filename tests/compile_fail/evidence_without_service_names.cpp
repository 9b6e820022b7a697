// ruledx::evidence(table) from before the services' display names were the caller's: it still
// compiles, with a deprecation warning (an error under -Werror) saying that it maps none and what to pass.
#include "ruledx/kb/exchange_ims.hpp"
#include "ruledx/read/evidence.hpp"

int main() {
    ruledx::evidence seen(ruledx::kb::exchange_ims::table);
    return seen.inputs().empty() ? 0 : 1;
}
