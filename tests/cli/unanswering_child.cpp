// A child that asks a question and never reads the answer, nor ends: the test driver's guard
// (test_cli_ask.cpp) must kill it at its deadline, on every system.
#include <chrono>
#include <cstdio>
#include <thread>

int main() {
    std::fputs("? [fact:x] waiting", stderr);  // no line end: Windows' text mode would make it "\r\n"
    std::fflush(stderr);
    std::this_thread::sleep_for(std::chrono::seconds(30));
    return 0;
}
