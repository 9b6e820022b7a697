// ruledx tests — a whole file written or read in one call. Test and benchmark code only.
#ifndef RULEDX_TEST_FILES_HPP
#define RULEDX_TEST_FILES_HPP

#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>

namespace ruledx::test {

// Writes the bytes to a file, replacing it; false on failure.
inline bool write_file(const std::string& path, std::string_view bytes) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (f == nullptr) return false;
    const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
    return std::fclose(f) == 0 && ok;
}

// All of a file's bytes; "" when it cannot be read.
inline std::string read_file(const std::string& path) {
    std::string text;
    if (std::FILE* f = std::fopen(path.c_str(), "rb")) {
        char buffer[4096];
        std::size_t got = 0;
        while ((got = std::fread(buffer, 1, sizeof buffer, f)) > 0) text.append(buffer, got);
        std::fclose(f);
    }
    return text;
}

}  // namespace ruledx::test

#endif
