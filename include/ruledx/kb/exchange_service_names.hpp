// ruledx knowledge base — the Microsoft Exchange Server 4.0/5.0/5.5 services as failed starts name
// them: the display name the Services dialog and net start print, and the service name the rules use
// (kb/facts.md; docs/formats.md 4). The start-error readers take this list from their caller:
//
//   ruledx::evidence seen(ruledx::kb::exchange::table, ruledx::kb::exchange_service_names);
#ifndef RULEDX_KB_EXCHANGE_SERVICE_NAMES_HPP
#define RULEDX_KB_EXCHANGE_SERVICE_NAMES_HPP

#include "ruledx/read/start_error_text.hpp"

namespace ruledx::kb {

inline constexpr read::service_name exchange_service_names[] = {
    {"Microsoft Exchange Internet Mail Service", "MSExchangeIMC"},  // 5.0 and 5.5
    {"Microsoft Exchange Internet Mail Connector", "MSExchangeIMC"},  // 4.0
    {"Microsoft Exchange Message Transfer Agent", "MSExchangeMTA"},
    {"Microsoft Exchange Directory", "MSExchangeDS"},
    {"Microsoft Exchange Information Store", "MSExchangeIS"},
    {"Microsoft Exchange Directory Synchronization", "MSExchangeDX"},
    {"Microsoft Exchange Key Management Server", "MSExchangeKMS"},
    {"Microsoft Exchange Event Service", "MSExchangeES"},
    {"Microsoft Exchange System Attendant", "MSExchangeSA"},
    {{}, "MSExchangeMSMI"},  // the MS Mail Connector Interchange: its articles print only the service name
};

}  // namespace ruledx::kb

#endif
