// Built like every unit of the tests, examples and benchmarks (linked with ruledx_dev): it fails
// when the headers it finds are not the ones the configuration names, the single header (which
// alone defines RULEDX_SINGLE_HEADER) with RULEDX_TEST_SINGLE_HEADER on, include/ otherwise.
#include "ruledx/config.hpp"

#include <cstdio>

int main() {
#ifdef RULEDX_SINGLE_HEADER
    constexpr bool single_header = true;
#else
    constexpr bool single_header = false;
#endif
    constexpr bool expected = RULEDX_EXPECT_SINGLE_HEADER != 0;
    std::printf("built against %s, expected %s\n", single_header ? "single_include/ruledx/ruledx.hpp" : "include/",
                expected ? "single_include/ruledx/ruledx.hpp" : "include/");
    return single_header == expected ? 0 : 1;
}
