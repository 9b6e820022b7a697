// ruledx — default values that cost a constant evaluator nothing to copy.
//
// A rule holds many empty slots (inline lists sized for the largest rule). Constructing a
// std::string_view runs its constructor, which Clang counts as a step of its constant-evaluation
// budget; copying a value that already exists is free. So empty slots and members are copies of
// these constants, built once per type: a table of thousands of rules then stays within both
// compilers' default limits.
#ifndef RULEDX_DETAIL_BLANK_HPP
#define RULEDX_DETAIL_BLANK_HPP

#include <string_view>

namespace ruledx::detail {

template <class T>
inline constexpr T blank{};

inline constexpr std::string_view no_text{};

}  // namespace ruledx::detail

#endif
