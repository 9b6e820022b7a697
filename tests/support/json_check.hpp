// A strict JSON syntax check (RFC 8259) for tests of ruledx's JSON output. Returns the offset of
// the first error, or `valid` when the whole text is one valid JSON value. It is json_value's
// reader, asked only where it stopped.
#ifndef RULEDX_TESTS_SUPPORT_JSON_CHECK_HPP
#define RULEDX_TESTS_SUPPORT_JSON_CHECK_HPP

#include <cstddef>
#include <string_view>

#include "json_value.hpp"

namespace ruledx::test {

class json_check {
public:
    static constexpr std::size_t valid = json_value::no_error;

    static std::size_t first_error(std::string_view text) {
        std::size_t error = valid;
        json_value::parse(text, &error);
        return error;
    }
};

}  // namespace ruledx::test

#endif
