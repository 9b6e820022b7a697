// ruledx — diagnose failures from rule tables the compiler has checked.
//
// The umbrella header: one include per concept.
#ifndef RULEDX_RULEDX_HPP
#define RULEDX_RULEDX_HPP

#include "ruledx/config.hpp"
#include "ruledx/detail/blank.hpp"
#include "ruledx/detail/sort.hpp"
#include "ruledx/detail/text_arg.hpp"
#include "ruledx/detail/text_hash.hpp"
#include "ruledx/model/event_type.hpp"
#include "ruledx/model/fact.hpp"
#include "ruledx/model/fixed_list.hpp"
#include "ruledx/model/observation.hpp"
#include "ruledx/model/rule.hpp"
#include "ruledx/model/rule_set.hpp"
#include "ruledx/model/signal.hpp"
#include "ruledx/model/version.hpp"
#include "ruledx/model/view.hpp"
#include "ruledx/check/problem.hpp"
#include "ruledx/check/structure.hpp"
#include "ruledx/check/examples.hpp"
#include "ruledx/check/checked_table.hpp"
#include "ruledx/eval/rule_table.hpp"
#include "ruledx/eval/report.hpp"
#include "ruledx/eval/diagnose.hpp"
#include "ruledx/kb/exchange_ims.hpp"
#include "ruledx/read/evidence.hpp"
#include "ruledx/write/describe.hpp"
#include "ruledx/write/json.hpp"
#include "ruledx/write/text.hpp"

#endif
