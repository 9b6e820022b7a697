// ruledx knowledge base — why a Microsoft Exchange Server 4.0/5.0/5.5 service fails to start: the
// Internet Mail Service knowledge base and the one for the other services, as one table. The
// evidence decides which of their rules are touched; a diagnosis needs no choice of service.
#ifndef RULEDX_KB_EXCHANGE_HPP
#define RULEDX_KB_EXCHANGE_HPP

#include "ruledx/check/checked_table.hpp"
#include "ruledx/kb/exchange_ims.hpp"
#include "ruledx/kb/exchange_services.hpp"

namespace ruledx::kb::exchange {

inline constexpr auto table = join<exchange_ims::table, exchange_services::table>();

}  // namespace ruledx::kb::exchange

#endif
