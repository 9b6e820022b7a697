// Tests that read ../shared (the knowledge-base sources and sample logs beside the repository, not
// part of a user's clone) are registered as skipped when it is absent, so doctest's summary counts
// them as skipped instead of passing them:
//   TEST_CASE("..." * doctest::skip(!test_support::shared_file_present("/kb/index.tsv")))
#ifndef RULEDX_TESTS_SUPPORT_SHARED_DATA_HPP
#define RULEDX_TESTS_SUPPORT_SHARED_DATA_HPP

#include <cstdio>
#include <string>

namespace test_support {

// The folder, from the build (tests/CMakeLists.txt defines RULEDX_SHARED_DIR).
inline std::string shared_dir() {
#ifdef RULEDX_SHARED_DIR
    return RULEDX_SHARED_DIR;
#else
    return "";
#endif
}

inline bool shared_file_present(const char* relative) {
    const std::string dir = shared_dir();
    if (dir.empty()) return false;
    std::FILE* f = std::fopen((dir + relative).c_str(), "rb");
    if (f == nullptr) return false;
    std::fclose(f);
    return true;
}

}  // namespace test_support

#endif
