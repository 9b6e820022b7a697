// ruledx benchmarks — the IMS diagnosis both evaluation benchmarks measure: the Exchange IMS
// knowledge base with 10 observations, as exchange-diagnose sees a typical ticket (a start error,
// the events of the failure, unrelated events, a fact).
#ifndef RULEDX_BENCH_IMS_10_HPP
#define RULEDX_BENCH_IMS_10_HPP

#include <string_view>

#include "ruledx/model/observation.hpp"

namespace ruledx::bench {

inline constexpr std::string_view q173496_text =
    "The Internet Mail Service service account is not an administrator account. In order to provide SSL support, "
    "the service account must be an administrator account.";

inline const observed_start_error ims_10_errors[] = {saw_start_error("MSExchangeIMC", 2140)};
inline const observed_event ims_10_events[] = {
    saw_event("MSExchangeIMC", 4143).with_type(event_type::error).with_description(q173496_text),
    saw_event("MSExchangeIMC", 4116).with_type(event_type::error),
    saw_event("MSExchangeIMC", 4018).with_type(event_type::error),
    saw_event("MSExchangeIMC", 4058).with_type(event_type::error),
    saw_event("ESE97", 100).with_type(event_type::information),
    saw_event("MSExchangeIS Private", 1221).with_type(event_type::information),
    saw_event("Service Control Manager", 7036).with_type(event_type::information),
    saw_event("Userenv", 1517).with_type(event_type::warning),
};
inline const fact_assignment ims_10_facts[] = {fact_is("exchange_version", version{5, 5})};
inline const observations ims_10{ims_10_errors, ims_10_events, ims_10_facts};

}  // namespace ruledx::bench

#endif
