// ruledx knowledge bases — what the Exchange knowledge bases share: the product and Windows versions
// their rules name, and the facts both catalogs ask (the installation, and the one group membership
// the articles of both scopes check). Each knowledge base lists these facts in its own catalog, so
// that it stands alone; declared here once, they are asked the same way in both, and the joined
// table (kb/exchange.hpp) keeps each of them once.
#ifndef RULEDX_KB_EXCHANGE_COMMON_HPP
#define RULEDX_KB_EXCHANGE_COMMON_HPP

#include "ruledx/model/fact.hpp"
#include "ruledx/model/version.hpp"

namespace ruledx::kb::exchange_common {

inline constexpr version v4_0{4, 0};
inline constexpr version v5_0{5, 0};
inline constexpr version v5_5{5, 5};
// Windows NT 4.0 reports version 4.0, Windows 2000 version 5.0.
inline constexpr version nt4{4, 0};
inline constexpr version windows_2000{5, 0};

namespace shared_facts {
inline constexpr fact_definition exchange_version =
    version_fact("exchange_version", "Which version of Exchange Server runs on the server (4.0, 5.0 or 5.5)?");
inline constexpr fact_definition exchange_service_pack =
    number_fact("exchange_service_pack", "Which Exchange Server service pack is installed on the server (0 if none)?");
inline constexpr fact_definition windows_version =
    version_fact("windows_version",
                 "Which Windows version runs on the Exchange server (Windows NT 4.0 is 4.0, Windows 2000 is 5.0)?");
// Domain Admins, as Q262939 (the IMS) and Q274321 (Key Management) check it after a change of domain
// controller.
inline constexpr fact_definition service_account_in_domain_admins =
    boolean_fact("service_account_in_domain_admins",
                 "Is the Exchange service account a member of the Domain Admins group (Active Directory Users "
                 "and Computers, Member Of tab; membership of Administrators alone does not count)?");
}  // namespace shared_facts

}  // namespace ruledx::kb::exchange_common

#endif
