// ruledx — how rule tables take text: string literals at no cost to the constant evaluator.
//
// A string literal converted to std::string_view has its length counted one character at a time
// in a constant expression (libstdc++ and libc++ both loop there), and Clang counts every one
// against its step budget: the text of one knowledge-base rule (title, cause, steps, quoted
// messages) costs thousands of steps, so a table's rules[] array, one constant evaluation, would
// stop at a few hundred rules. __builtin_strlen is one step in both compilers.
#ifndef RULEDX_DETAIL_TEXT_ARG_HPP
#define RULEDX_DETAIL_TEXT_ARG_HPP

#include <string_view>

namespace ruledx::detail {

// Accepts what a std::string_view parameter accepts from table authors: a string literal (or
// other char array), a const char*, or a std::string_view. No template: GCC keeps what every
// overload resolution allocates while it parses a table, and deducing a template per literal
// cost it 20 KB a rule.
struct text_arg {
    std::string_view value;

    constexpr text_arg(const char* text) noexcept : value(text, __builtin_strlen(text)) {}
    constexpr text_arg(std::string_view text) noexcept : value(text) {}

    constexpr operator std::string_view() const noexcept { return value; }
};

}  // namespace ruledx::detail

#endif
