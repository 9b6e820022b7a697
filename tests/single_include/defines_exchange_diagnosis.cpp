// The single header has no include guard of its own: a unit that has included it once (here
// directly, in life through another header) defines kb::exchange_diagnosis's functions by including
// it again after RULEDX_EXCHANGE_DIAGNOSIS_IMPLEMENTATION, as with ruledx/kb/exchange_diagnosis.hpp.
#include <ruledx/ruledx.hpp>

#define RULEDX_EXCHANGE_DIAGNOSIS_IMPLEMENTATION
#include <ruledx/ruledx.hpp>
