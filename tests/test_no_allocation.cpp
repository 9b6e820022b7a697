// Diagnosing must not touch the heap: this program counts every global operator new and fails
// if a diagnosis made any call. It has no test framework on purpose, so nothing else allocates
// while counting.
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <new>

#include "ruledx/eval/diagnose.hpp"
#include "ruledx/kb/exchange.hpp"
#include "ruledx/kb/exchange_ims.hpp"

namespace {
std::size_t allocations = 0;
}

// GCC sees malloc'd memory reach free() through a new/delete pair and warns; with operator new
// and delete replaced together that pairing is exactly right.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif

// The nothrow and array forms call these by default, so two replacements count everything.
void* operator new(std::size_t size) {
    ++allocations;
    if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
    std::abort();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

int main() {
    using namespace ruledx;
    namespace ims = ruledx::kb::exchange_ims;

    // Make sure the counter works, or a zero below would prove nothing. (A call of operator new,
    // unlike a new-expression, is one the compiler may not leave out.)
    ::operator delete(::operator new(sizeof(int)));
    if (allocations != 1) {
        std::printf("FAILED: the replaced operator new was not called (%zu)\n", allocations);
        return 1;
    }

    // Built at run time (volatile), so the compiler cannot fold the diagnosis away.
    volatile std::uint16_t id = 4143;
    const observed_start_error errors[] = {saw_start_error("MSExchangeIMC", 2140)};
    const observed_event events[] = {saw_event("MSExchangeIMC", id).with_type(event_type::error)};
    const fact_assignment facts[] = {fact_is("service_account_is_admin", false)};

    // And over the joined table (its rules pooled per table), with many facts, and a question after it.
    fact_assignment many_facts[20] = {};
    for (fact_assignment& f : many_facts) f = fact_is("exchange_version", version{5, 5});

    allocations = 0;
    const auto result = diagnose(ims::table, {errors, events, facts});
    const auto joined = diagnose(kb::exchange::table, {errors, events, many_facts});
    question next;
    const bool asked = next_question(kb::exchange::table, joined, [](const question&) { return false; }, next);
    const std::size_t during = allocations;
    if (joined.best() == nullptr || kb::exchange::table.rules[joined.best()->rule_index].article != "Q173496" || !asked) {
        std::printf("FAILED: the joined table's diagnosis did not lead with Q173496 and ask a question\n");
        return 1;
    }

    if (result.best() == nullptr || result.best()->status != status::confirmed) {
        std::printf("FAILED: the diagnosis did not confirm Q173496\n");
        return 1;
    }
    if (during != 0) {
        std::printf("FAILED: diagnose() called operator new %zu times\n", during);
        return 1;
    }
    std::printf("diagnose() made 0 heap allocations\n");
    return 0;
}
