// ruledx — opening an input file, and reading standard input, as bytes on every system.
//
// A path is UTF-8, as all of ruledx's text is (it is echoed in warnings, citations and JSON). On
// POSIX systems a file name is bytes and the path is used as it is, as std::fopen always did. On
// Windows file names are UTF-16 and std::fopen would read the path in the ANSI code page, where
// most names ("Журнал событий.txt" under a Western code page) cannot be written: there the UTF-8
// is converted to UTF-16 and opened with _wfopen. A path that is not UTF-8 is still opened by
// std::fopen, so a caller passing ANSI names keeps what it had.
#ifndef RULEDX_READ_DETAIL_INPUT_FILE_HPP
#define RULEDX_READ_DETAIL_INPUT_FILE_HPP

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <string>
#include <utility>

#if !defined(_WIN32) && (defined(__unix__) || defined(__APPLE__))
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#define RULEDX_READ_CAN_MAP_FILES 1
#endif

#ifdef _WIN32
#include <cerrno>
#include <string_view>

#include <fcntl.h>
#include <io.h>
#include <sys/stat.h>

#include "ruledx/read/encoding.hpp"
#endif

namespace ruledx::read::detail {

#ifdef _WIN32
// The UTF-16 of a UTF-8 path; false when it is not well-formed UTF-8.
inline bool widened_path(std::string_view utf8, std::wstring& wide) {
    const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
    for (std::size_t i = 0; i < utf8.size();) {
        const std::size_t len = utf8_sequence(p + i, utf8.size() - i);
        if (len == 0 || len == utf8_incomplete) return false;
        const char32_t c = utf8_value(p + i, len);
        if (c < 0x10000) {
            wide += static_cast<wchar_t>(c);
        } else {  // a surrogate pair
            wide += static_cast<wchar_t>(0xD800 + ((c - 0x10000) >> 10));
            wide += static_cast<wchar_t>(0xDC00 + ((c - 0x10000) & 0x3FF));
        }
        i += len;
    }
    return true;
}
#endif

// Opens a file to read its bytes, like std::fopen(path, "rb"): nullptr and errno when it cannot.
inline std::FILE* open_input_file(const char* path) {
#ifdef _WIN32
    std::wstring wide;
    if (!widened_path(path, wide)) return std::fopen(path, "rb");
    std::FILE* file = _wfopen(wide.c_str(), L"rb");
    // Windows refuses to open a directory with EACCES ("permission denied"), where POSIX systems
    // say EISDIR when it is read: the reason a person can act on.
    if (file == nullptr && errno == EACCES) {
        struct _stat status;
        const bool directory = _wstat(wide.c_str(), &status) == 0 && (status.st_mode & _S_IFDIR) != 0;
        errno = directory ? EISDIR : EACCES;
    }
    return file;
#else
    return std::fopen(path, "rb");
#endif
}

// 64-bit offsets on every system: std::fseek and std::ftell take a `long`, which Windows keeps at 32
// bits, so a log over 2 GiB could not be read there.
[[nodiscard]] inline bool seek_input(std::FILE* f, std::uint64_t offset) noexcept {
#ifdef _WIN32
    return offset <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) &&
           _fseeki64(f, static_cast<__int64>(offset), SEEK_SET) == 0;
#elif defined(RULEDX_READ_CAN_MAP_FILES)
    return static_cast<off_t>(offset) >= 0 && static_cast<std::uint64_t>(static_cast<off_t>(offset)) == offset &&
           fseeko(f, static_cast<off_t>(offset), SEEK_SET) == 0;
#else
    return offset <= static_cast<std::uint64_t>(std::numeric_limits<long>::max()) &&
           std::fseek(f, static_cast<long>(offset), SEEK_SET) == 0;
#endif
}
// The size of an open file (its end's offset), or false when it has none (a pipe).
[[nodiscard]] inline bool input_size(std::FILE* f, std::uint64_t& size) noexcept {
#ifdef _WIN32
    const bool at_end = _fseeki64(f, 0, SEEK_END) == 0;
    const __int64 end = at_end ? _ftelli64(f) : -1;
#elif defined(RULEDX_READ_CAN_MAP_FILES)
    const bool at_end = fseeko(f, 0, SEEK_END) == 0;
    const off_t end = at_end ? ftello(f) : -1;
#else
    const bool at_end = std::fseek(f, 0, SEEK_END) == 0;
    const long end = at_end ? std::ftell(f) : -1;
#endif
    if (end < 0) return false;
    size = static_cast<std::uint64_t>(end);
    return true;
}

#ifdef RULEDX_READ_CAN_MAP_FILES
// A read-only view of part of a regular file, mapped instead of copied (POSIX mmap): reading a file
// in the page cache then costs no copy. Elsewhere, and for what is no regular file, callers read
// through std::FILE.
class mapped_range {
public:
    mapped_range() noexcept = default;
    mapped_range(const mapped_range&) = delete;
    mapped_range& operator=(const mapped_range&) = delete;
    ~mapped_range() { unmap(); }

    // Whether `f` is a regular file that can be mapped.
    [[nodiscard]] static bool can_map(std::FILE* f) noexcept {
        struct stat st;
        return fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode);
    }
    // Maps the bytes [offset, offset + length) of `f` (offset a multiple of page_size()); the
    // previous range is unmapped first. (MAP_POPULATE, filling the page table at once, was measured
    // slower than the faults it saves on a Linux VM.)
    [[nodiscard]] bool map(std::FILE* f, std::uint64_t offset, std::size_t length) noexcept {
        unmap();
        if (length == 0 || static_cast<off_t>(offset) < 0) return false;
        void* p = mmap(nullptr, length, PROT_READ, MAP_PRIVATE, fileno(f), static_cast<off_t>(offset));
        if (p == MAP_FAILED) return false;
        data_ = static_cast<const unsigned char*>(p);
        length_ = length;
        return true;
    }
    void unmap() noexcept {
        if (data_ != nullptr) munmap(const_cast<unsigned char*>(data_), length_);
        data_ = nullptr;
        length_ = 0;
    }
    [[nodiscard]] const unsigned char* data() const noexcept { return data_; }
    // Asked of the system once: it does not change while the program runs, and every remapping needs it.
    [[nodiscard]] static std::size_t page_size() noexcept {
        static const std::size_t size = [] {
            const long page = sysconf(_SC_PAGESIZE);
            return page > 0 ? static_cast<std::size_t>(page) : std::size_t{4096};
        }();
        return size;
    }
    void swap(mapped_range& o) noexcept {
        std::swap(data_, o.data_);
        std::swap(length_, o.length_);
    }

private:
    const unsigned char* data_ = nullptr;
    std::size_t length_ = 0;
};
#endif

// All of standard input. Windows reads it in text mode, which turns CR LF into LF and ends the
// input at a Ctrl-Z byte, both found in binary logs and UTF-16 text: a pipe or a file is read in
// binary mode (and its mode put back after); a console is left as it is, where Ctrl-Z is how a
// person ends what they type.
inline std::string read_standard_input() {
#ifdef _WIN32
    const int fd = _fileno(stdin);
    const int previous_mode = _isatty(fd) ? -1 : _setmode(fd, _O_BINARY);
#endif
    std::string all;
    char chunk[1 << 16];
    std::size_t got = 0;
    while ((got = std::fread(chunk, 1, sizeof chunk, stdin)) > 0) all.append(chunk, got);
#ifdef _WIN32
    if (previous_mode != -1) _setmode(fd, previous_mode);
#endif
    return all;
}

}  // namespace ruledx::read::detail

#endif
