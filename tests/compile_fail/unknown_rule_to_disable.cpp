#include "common.hpp"
#include "ruledx/kb/exchange_ims.hpp"
inline constexpr std::string_view off[] = {"ims-service-acount-not-admin"};
inline constexpr auto table = ruledx::without<ruledx::kb::exchange_ims::table, off>();
