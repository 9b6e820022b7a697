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
#include <cstdio>
#include <string>

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
