// ruledx tests — what running a child program gave (support/child_process.hpp). Test code only.
#ifndef RULEDX_TEST_PROCESS_RESULT_HPP
#define RULEDX_TEST_PROCESS_RESULT_HPP

#include <string>

namespace ruledx::test {

struct process_result {
    bool started = false;
    bool timed_out = false;   // killed at the deadline
    int status = -1;          // the exit status; -1 when killed or not started
    int signal = 0;           // the signal that ended it; on Windows 9 (SIGKILL's number) when
                              // killed at the deadline, as a POSIX kill reports
    std::string out;          // all of standard output
    std::string err;          // all of standard error
};

}  // namespace ruledx::test

#endif
