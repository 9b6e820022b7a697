// ruledx tests — runs a program with pipes for its standard input, output and error, so a test
// can talk to it (a question loop) or feed it input without a shell. Test code only.
//
//   child_process p;
//   p.start({"/path/to/program", "--ask", "file.txt"}, "/work/dir");
//   std::string line;
//   while (p.read_error_line(line)) p.write_input("skip\n");  // one answer per prompt
//   const process_result r = p.finish();
//
// Everything is bounded by one deadline per child (20 s unless told otherwise): a program that
// hangs is killed and the result says timed_out, so a hang fails a test instead of hanging CI.
// One interface, two back ends with the same calls and results: POSIX (fork, poll) and Windows
// (CreateProcessW, a thread per pipe).
#ifndef RULEDX_TEST_CHILD_PROCESS_HPP
#define RULEDX_TEST_CHILD_PROCESS_HPP

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#ifdef _WIN32
#include "support/child_process_windows.hpp"
#else
#include "support/child_process_posix.hpp"
#endif

namespace ruledx::test {

// Runs a program to its end with `input` as its standard input.
inline process_result run_process(const std::vector<std::string>& argv, const std::string& directory,
                                  std::string_view input = {},
                                  std::chrono::milliseconds limit = std::chrono::seconds(20)) {
    child_process p;
    if (!p.start(argv, directory, limit)) return {};
    p.write_input(input);
    return p.finish();
}

}  // namespace ruledx::test

#endif
