// ruledx benchmarks — runs a command several times and prints its median wall time and peak RSS.
//
//   ruledx_bench_timeit RUNS COMMAND [ARG]...
//
// One untimed warm-up run first (it warms the page cache), then RUNS timed runs. The command's
// standard output goes to /dev/null (as `COMMAND > /dev/null`); its standard error is kept.
// Prints one line: median_seconds min_seconds max_seconds median_peak_rss_kib exit_status
// Peak RSS is the kernel's ru_maxrss of the child (what `/usr/bin/time -f %M` reports).
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace {

struct run_result {
    double seconds = 0;
    long rss_kib = 0;
    int status = -1;
};

run_result run_once(char** argv) {
    run_result r;
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid < 0) {
        std::perror("fork");
        std::exit(2);
    }
    if (pid == 0) {
        const int null = open("/dev/null", O_WRONLY);
        if (null >= 0) dup2(null, 1);
        execvp(argv[0], argv);
        std::perror(argv[0]);
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    if (wait4(pid, &status, 0, &usage) != pid) {
        std::perror("wait4");
        std::exit(2);
    }
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    r.rss_kib = usage.ru_maxrss;
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return r;
}

template <class T>
T median(std::vector<T> v) {
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fputs("usage: ruledx_bench_timeit RUNS COMMAND [ARG]...\n", stderr);
        return 2;
    }
    const int runs = std::atoi(argv[1]);
    if (runs < 1) return 2;
    run_once(argv + 2);  // warm-up
    std::vector<double> times;
    std::vector<long> rss;
    int status = 0;
    for (int i = 0; i < runs; ++i) {
        const run_result r = run_once(argv + 2);
        times.push_back(r.seconds);
        rss.push_back(r.rss_kib);
        status = r.status;
    }
    std::printf("%.6f %.6f %.6f %ld %d\n", median(times), *std::min_element(times.begin(), times.end()),
                *std::max_element(times.begin(), times.end()), median(rss), status);
    return 0;
}
