// ruledx tests — support/child_process.hpp's child_process for Windows (the part the tests use):
// the same calls and results, made with CreateProcessW, anonymous pipes and a thread per pipe,
// since Windows cannot poll a pipe. Test code only.
//
// Arguments are UTF-8, as the tests write them; the child gets them as UTF-16, quoted the way the
// C runtime splits a command line. One deadline per child bounds everything as on POSIX systems:
// a watchdog thread kills the child when it passes, which ends every read and write blocked on it;
// the result then says timed_out.
#ifndef RULEDX_TEST_CHILD_PROCESS_WINDOWS_HPP
#define RULEDX_TEST_CHILD_PROCESS_WINDOWS_HPP

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#ifndef NOMINMAX
#define NOMINMAX  // std::min and std::max, not windows.h's macros
#endif
#include <windows.h>

#include "support/process_result.hpp"

namespace ruledx::test {

// UTF-16 of UTF-8 text.
inline std::wstring widened(std::string_view utf8) {
    if (utf8.empty()) return {};
    const int size = static_cast<int>(utf8.size());
    const int units = ::MultiByteToWideChar(CP_UTF8, 0, utf8.data(), size, nullptr, 0);
    std::wstring wide(static_cast<std::size_t>(units), L'\0');
    ::MultiByteToWideChar(CP_UTF8, 0, utf8.data(), size, &wide[0], units);
    return wide;
}

// One argument of a command line, as the C runtime's parser gives it back to the child's main:
// quoted when it is empty or holds white space or a quote; backslashes doubled before a quote.
inline std::wstring command_line_argument(const std::wstring& argument) {
    if (!argument.empty() && argument.find_first_of(L" \t\n\v\"") == std::wstring::npos) return argument;
    std::wstring out = L"\"";
    std::size_t backslashes = 0;
    for (wchar_t c : argument) {
        if (c == L'\\') {
            ++backslashes;
            continue;
        }
        out.append(c == L'"' ? 2 * backslashes + 1 : backslashes, L'\\');
        backslashes = 0;
        out += c;
    }
    out.append(2 * backslashes, L'\\');  // before the closing quote
    return out + L"\"";
}

class child_process {
public:
    child_process() = default;
    child_process(const child_process&) = delete;
    child_process& operator=(const child_process&) = delete;
    ~child_process() {
        if (process_ != nullptr) {
            ::TerminateProcess(process_, 1);
            finish();
        }
    }

    // Starts argv[0] (a path to the .exe: no PATH search) with argv in `directory`. False when it cannot.
    bool start(const std::vector<std::string>& argv, const std::string& directory,
               std::chrono::milliseconds limit = std::chrono::seconds(20)) {
        if (argv.empty() || process_ != nullptr) return false;
        SECURITY_ATTRIBUTES inheritable{sizeof(SECURITY_ATTRIBUTES), nullptr, TRUE};
        HANDLE child_in = nullptr, child_out = nullptr, child_err = nullptr;
        HANDLE in = nullptr, out = nullptr, err = nullptr;
        const bool piped = ::CreatePipe(&child_in, &in, &inheritable, 0) && ::CreatePipe(&out, &child_out, &inheritable, 0) &&
                           ::CreatePipe(&err, &child_err, &inheritable, 0);
        // The test's ends stay here: a child holding one would keep its own pipe open.
        for (HANDLE h : {in, out, err})
            if (h != nullptr) ::SetHandleInformation(h, HANDLE_FLAG_INHERIT, 0);
        std::wstring command;
        for (const std::string& a : argv) command += (command.empty() ? L"" : L" ") + command_line_argument(widened(a));
        STARTUPINFOW startup{};
        startup.cb = sizeof startup;
        startup.dwFlags = STARTF_USESTDHANDLES;
        startup.hStdInput = child_in;
        startup.hStdOutput = child_out;
        startup.hStdError = child_err;
        PROCESS_INFORMATION created{};
        const bool started = piped && ::CreateProcessW(widened(argv[0]).c_str(), &command[0], nullptr, nullptr, TRUE,
                                                       CREATE_NO_WINDOW, nullptr, widened(directory).c_str(), &startup,
                                                       &created);
        for (HANDLE h : {child_in, child_out, child_err})
            if (h != nullptr) ::CloseHandle(h);  // the child's ends: its exit then ends the pipes
        if (!started) {
            for (HANDLE h : {in, out, err})
                if (h != nullptr) ::CloseHandle(h);
            return false;
        }
        ::CloseHandle(created.hThread);
        process_ = created.hProcess;
        in_ = in;
        err_open_ = true;
        out_reader_ = std::thread([this, out] { drain(out, false); });
        err_reader_ = std::thread([this, err] { drain(err, true); });
        watchdog_ = std::thread([this, limit] {
            if (::WaitForSingleObject(process_, static_cast<DWORD>(limit.count())) == WAIT_TIMEOUT) {
                timed_out_ = true;
                ::TerminateProcess(process_, 1);
            }
        });
        return true;
    }

    // The next line the child writes to standard error, without its '\n' (a last line without
    // one too). False when standard error ended (the child exited, or was killed at the deadline).
    bool read_error_line(std::string& line) {
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [this] { return err_pending_.find('\n') != std::string::npos || !err_open_; });
        const std::size_t nl = err_pending_.find('\n');
        if (nl == std::string::npos && err_pending_.empty()) return false;
        line = err_pending_.substr(0, nl);
        err_pending_.erase(0, nl == std::string::npos ? nl : nl + 1);
        return true;
    }

    // Writes to the child's standard input; false when the child closed it (or is gone).
    bool write_input(std::string_view text) {
        while (!text.empty() && in_ != nullptr) {
            DWORD wrote = 0;
            if (!::WriteFile(in_, text.data(), static_cast<DWORD>(text.size()), &wrote, nullptr)) {
                close_input();
                return false;
            }
            text.remove_prefix(wrote);
        }
        return text.empty();
    }

    // End of input for the child.
    void close_input() {
        if (in_ != nullptr) ::CloseHandle(in_);
        in_ = nullptr;
    }

    // Closes standard input, reads the rest of both outputs and waits for the child (which the
    // watchdog kills at the deadline).
    process_result finish() {
        close_input();
        process_result r;
        r.started = process_ != nullptr;
        if (process_ == nullptr) return r;
        for (std::thread* t : {&out_reader_, &err_reader_, &watchdog_}) t->join();
        DWORD code = 0;
        if (timed_out_) {
            r.signal = 9;
        } else if (::GetExitCodeProcess(process_, &code)) {
            r.status = static_cast<int>(code);
        }
        ::CloseHandle(process_);
        process_ = nullptr;
        r.timed_out = timed_out_;
        r.out = out_all_;
        r.err = err_all_;
        return r;
    }

private:
    // Reads one of the child's outputs to its end (a reader thread).
    void drain(HANDLE pipe, bool is_error) {
        char buffer[4096];
        DWORD got = 0;
        while (::ReadFile(pipe, buffer, sizeof buffer, &got, nullptr) && got > 0) {
            const std::lock_guard<std::mutex> lock(mutex_);
            (is_error ? err_all_ : out_all_).append(buffer, got);
            if (is_error) err_pending_.append(buffer, got);
            changed_.notify_all();
        }
        ::CloseHandle(pipe);
        if (!is_error) return;
        const std::lock_guard<std::mutex> lock(mutex_);
        err_open_ = false;
        changed_.notify_all();
    }

    HANDLE process_ = nullptr;
    HANDLE in_ = nullptr;
    std::thread out_reader_, err_reader_, watchdog_;
    std::atomic<bool> timed_out_{false};
    std::mutex mutex_;  // guards what follows, written by the reader threads
    std::condition_variable changed_;
    bool err_open_ = false;
    std::string out_all_, err_all_;
    std::string err_pending_;  // read from standard error, not yet returned as a line
};

}  // namespace ruledx::test

#endif
