// ruledx knowledge base — why the Microsoft Exchange Server 4.0/5.0/5.5 Internet Mail Service
// (service MSExchangeIMC; "Internet Mail Connector" in 4.0) fails to start.
//
// One rule per cause of one Microsoft Knowledge Base article. Quoted messages are the literal
// text Windows or Exchange shows, as the article quotes it; causes and resolutions are ours.
#ifndef RULEDX_KB_EXCHANGE_IMS_HPP
#define RULEDX_KB_EXCHANGE_IMS_HPP

#include "ruledx/check/checked_table.hpp"
#include "ruledx/model/fact.hpp"
#include "ruledx/model/observation.hpp"
#include "ruledx/model/rule.hpp"
#include "ruledx/model/signal.hpp"

namespace ruledx::kb::exchange_ims {

inline constexpr std::string_view service = "MSExchangeIMC";

inline constexpr fact_definition facts[] = {
    version_fact("exchange_version", "Which version of Exchange Server runs on the server (4.0, 5.0 or 5.5)?"),
    boolean_fact("ims_service_account_is_admin",
                 "Is the Exchange service account a member of the local or domain Administrators group?"),
};

inline constexpr std::string_view q173496_description =
    "The Internet Mail Service service account is not an administrator account. In order to provide SSL "
    "support, the service account must be an administrator account.";

inline constexpr rule rules[] = {
    rule("ims-service-account-not-admin", "Q173496")
        .titled("IMS 5.5 needs an administrator service account for its SSL support")
        .applies_to("exchange_version", {only({5, 5})})
        .requires_signals({event(service, 4143)
                               .with_type(event_type::error)
                               .with_category("Initialization/Termination")
                               .with_description(q173496_description)})
        .supported_by({start_error(service, 2140)})
        .confirmed_by({fact_is("ims_service_account_is_admin", false)})
        .because("The account the Exchange services log on with is not in the local or domain Administrators "
                 "group; the 5.5 Internet Mail Service refuses to start without administrator rights because "
                 "its SSL support needs them.")
        .resolved_by({"Add the Exchange service account to the local or domain Administrators group.",
                      "Start the Microsoft Exchange Internet Mail Service again."})
        .shown_by({example_of(saw_start_error(service, 2140),
                              saw_event(service, 4143)
                                  .with_type(event_type::error)
                                  .with_category("Initialization/Termination")
                                  .with_description(q173496_description))}),
};

inline constexpr auto table = make_table<facts, rules>();

}  // namespace ruledx::kb::exchange_ims

#endif
