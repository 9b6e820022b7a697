// Code written when the umbrella header included the Internet Mail Service knowledge base.
#include "ruledx/ruledx.hpp"

static_assert(ruledx::kb::exchange_ims::table.rule_count > 0);
