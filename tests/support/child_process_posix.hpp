// ruledx tests — support/child_process.hpp's child_process for POSIX systems: fork, pipes and
// poll. Test code only. Standard output is drained whenever the child is waited on, so a child that
// writes a lot while the test waits for a prompt cannot block on a full pipe.
#ifndef RULEDX_TEST_CHILD_PROCESS_POSIX_HPP
#define RULEDX_TEST_CHILD_PROCESS_POSIX_HPP

#include <chrono>
#include <cerrno>
#include <csignal>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support/process_result.hpp"

namespace ruledx::test {

class child_process {
public:
    child_process() = default;
    child_process(const child_process&) = delete;
    child_process& operator=(const child_process&) = delete;
    ~child_process() {
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            int raw = 0;
            while (::waitpid(pid_, &raw, 0) < 0 && errno == EINTR) {
            }
        }
        close_fd(in_);
        close_fd(out_);
        close_fd(err_);
    }

    // Starts argv[0] (a path: no PATH search) with argv in `directory`. False when it cannot.
    bool start(const std::vector<std::string>& argv, const std::string& directory,
               std::chrono::milliseconds limit = std::chrono::seconds(20)) {
        if (argv.empty() || pid_ > 0) return false;
        std::signal(SIGPIPE, SIG_IGN);  // a child that exits early must not kill the test with SIGPIPE
        int in[2] = {-1, -1}, out[2] = {-1, -1}, err[2] = {-1, -1};
        if (::pipe(in) != 0 || ::pipe(out) != 0 || ::pipe(err) != 0) {
            for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]}) close_fd(fd);
            return false;
        }
        // Everything the child needs, made before fork: after it only async-signal-safe calls.
        std::vector<char*> args;
        for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        const pid_t pid = ::fork();
        if (pid < 0) {
            for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]}) close_fd(fd);
            return false;
        }
        if (pid == 0) {
            if (::chdir(directory.c_str()) != 0) ::_exit(126);
            if (::dup2(in[0], 0) < 0 || ::dup2(out[1], 1) < 0 || ::dup2(err[1], 2) < 0) ::_exit(126);
            for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]})
                if (fd > 2) ::close(fd);
            ::execv(args[0], args.data());
            ::_exit(127);
        }
        pid_ = pid;
        deadline_ = std::chrono::steady_clock::now() + limit;
        ::close(in[0]);
        ::close(out[1]);
        ::close(err[1]);
        in_ = in[1];
        out_ = out[0];
        err_ = err[0];
        for (int fd : {in_, out_, err_}) {
            ::fcntl(fd, F_SETFD, FD_CLOEXEC);  // later children must not inherit them
            ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
        }
        return true;
    }

    // The next line the child writes to standard error, without its '\n' (a last line without
    // one too). False when standard error ended or the deadline passed (then timed_out()).
    bool read_error_line(std::string& line) {
        for (;;) {
            const std::size_t nl = err_pending_.find('\n');
            if (nl != std::string::npos) {
                line = err_pending_.substr(0, nl);
                err_pending_.erase(0, nl + 1);
                return true;
            }
            if (err_ < 0) {
                if (err_pending_.empty()) return false;
                line = err_pending_;
                err_pending_.clear();
                return true;
            }
            if (!pump()) return false;
        }
    }

    // Writes to the child's standard input (all of it, unless the child closed it or the
    // deadline passed: false then).
    bool write_input(std::string_view text) {
        if (in_ < 0) return false;
        in_pending_.append(text.data(), text.size());
        while (!in_pending_.empty() && in_ >= 0)
            if (!pump()) return false;
        return in_pending_.empty();
    }

    // End of input for the child.
    void close_input() {
        in_pending_.clear();
        close_fd(in_);
    }

    // Closes standard input (after what is pending), reads the rest of both outputs, and waits
    // for the child; kills it at the deadline.
    process_result finish() {
        while (!in_pending_.empty() && in_ >= 0)
            if (!pump()) break;
        close_input();
        while ((out_ >= 0 || err_ >= 0) && !timed_out_)
            if (!pump()) break;
        process_result r;
        r.started = pid_ > 0;
        if (pid_ > 0) {
            if (timed_out_ || out_ >= 0 || err_ >= 0) {
                timed_out_ = true;
                ::kill(pid_, SIGKILL);
            }
            int raw = 0;
            pid_t got = -1;
            while ((got = ::waitpid(pid_, &raw, 0)) < 0 && errno == EINTR) {
            }
            pid_ = -1;
            if (got > 0 && WIFEXITED(raw)) r.status = WEXITSTATUS(raw);
            if (got > 0 && WIFSIGNALED(raw)) r.signal = WTERMSIG(raw);
        }
        close_fd(out_);
        close_fd(err_);
        r.timed_out = timed_out_;
        r.out = out_all_;
        r.err = err_all_;
        return r;
    }

    [[nodiscard]] bool timed_out() const noexcept { return timed_out_; }
    [[nodiscard]] const std::string& output_so_far() const noexcept { return out_all_; }

private:
    static void close_fd(int& fd) {
        if (fd >= 0) ::close(fd);
        fd = -1;
    }

    // Waits for the child to be readable or writable, up to the deadline, and moves bytes.
    // False when the deadline passed or nothing is left to wait on.
    bool pump() {
        const auto now = std::chrono::steady_clock::now();
        if (now >= deadline_) {
            timed_out_ = true;
            return false;
        }
        pollfd fds[3];
        nfds_t n = 0;
        const auto add = [&](int fd, short events) {
            if (fd < 0) return;
            fds[n].fd = fd;
            fds[n].events = events;
            fds[n].revents = 0;
            ++n;
        };
        add(out_, POLLIN);
        add(err_, POLLIN);
        if (!in_pending_.empty()) add(in_, POLLOUT);
        if (n == 0) return false;
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - now).count();
        const int ready = ::poll(fds, n, static_cast<int>(left > 0 ? left : 1));
        if (ready < 0) return errno == EINTR;
        if (ready == 0) {
            timed_out_ = true;
            return false;
        }
        for (nfds_t i = 0; i < n; ++i) {
            if (fds[i].revents == 0) continue;
            if (fds[i].fd == in_) {
                const ssize_t wrote = ::write(in_, in_pending_.data(), in_pending_.size());
                if (wrote > 0) in_pending_.erase(0, static_cast<std::size_t>(wrote));
                else if (wrote < 0 && errno != EAGAIN && errno != EINTR) close_input();  // EPIPE: the child is gone
                continue;
            }
            int& fd = fds[i].fd == out_ ? out_ : err_;
            char buffer[4096];
            const ssize_t got = ::read(fd, buffer, sizeof buffer);
            if (got > 0) {
                (fd == out_ ? out_all_ : err_all_).append(buffer, static_cast<std::size_t>(got));
                if (&fd == &err_) err_pending_.append(buffer, static_cast<std::size_t>(got));
            } else if (got == 0 || (errno != EAGAIN && errno != EINTR)) {
                close_fd(fd);
            }
        }
        return true;
    }

    pid_t pid_ = -1;
    int in_ = -1, out_ = -1, err_ = -1;
    std::chrono::steady_clock::time_point deadline_{};
    bool timed_out_ = false;
    std::string in_pending_;
    std::string out_all_, err_all_;
    std::string err_pending_;  // read from standard error, not yet returned as a line
};

}  // namespace ruledx::test

#endif
