// ruledx — diagnose failures from rule tables the compiler has checked.
//
// The umbrella header: the library, one include per header (model, checks, evaluator, readers,
// writers). It holds no knowledge base, so that a unit using its own tables does not compile the
// shipped ones: include those by name (ruledx/kb/exchange_ims.hpp, ruledx/kb/exchange_services.hpp,
// ruledx/kb/exchange.hpp for both joined, or the declarations of ruledx/kb/exchange_diagnosis.hpp;
// ruledx/kb/exchange_service_names.hpp for the start-error readers).
#ifndef RULEDX_RULEDX_HPP
#define RULEDX_RULEDX_HPP

#include "ruledx/config.hpp"
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
#include "ruledx/eval/question.hpp"
#include "ruledx/eval/explain.hpp"
#include "ruledx/read/record.hpp"
#include "ruledx/read/encoding.hpp"
#include "ruledx/read/detect.hpp"
#include "ruledx/read/line_source.hpp"
#include "ruledx/read/evt.hpp"
#include "ruledx/read/event_viewer_export.hpp"
#include "ruledx/read/powershell_table.hpp"
#include "ruledx/read/pasted_text.hpp"
#include "ruledx/read/start_error_text.hpp"
#include "ruledx/read/crash_text.hpp"
#include "ruledx/read/text_scan.hpp"
#include "ruledx/read/known_messages.hpp"
#include "ruledx/read/evidence.hpp"
#include "ruledx/read/answer.hpp"
#include "ruledx/write/describe.hpp"
#include "ruledx/write/text.hpp"
#include "ruledx/write/json.hpp"
#include "ruledx/write/json_evidence.hpp"

// This header used to include the Internet Mail Service knowledge base. Code that still uses
// kb::exchange_ims through it alone may define this macro for a while; the use of the deprecated
// entity below warns, naming what to include instead.
#if defined(RULEDX_DEPRECATED_UMBRELLA_INCLUDES_EXCHANGE_IMS)
#include "ruledx/kb/exchange_ims.hpp"

namespace ruledx::deprecated {
[[deprecated("RULEDX_DEPRECATED_UMBRELLA_INCLUDES_EXCHANGE_IMS will be removed, since ruledx/ruledx.hpp holds "
             "no knowledge base: #include <ruledx/kb/exchange_ims.hpp> where kb::exchange_ims is used (or "
             "<ruledx/kb/exchange.hpp> for every Exchange knowledge base) and drop the macro")]]
inline constexpr bool umbrella_includes_exchange_ims = true;
static_assert(umbrella_includes_exchange_ims);
}  // namespace ruledx::deprecated
#endif

#endif
