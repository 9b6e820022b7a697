// 1,025 rules share one start error, and each rule's example shows it: a proof would have to rank
// more candidates than detail::max_proof_candidates (1,024).
#include <array>

#include "common.hpp"

namespace many {
constexpr std::size_t count = 1025;

// Distinct ids without 1,025 literals: "r0000" ... "r1024", in static storage.
struct id_text {
    char text[6]{};
};
constexpr std::array<id_text, count> make_ids() {
    std::array<id_text, count> ids{};
    for (std::size_t i = 0; i < count; ++i) {
        ids[i].text[0] = 'r';
        std::size_t v = i;
        for (std::size_t d = 5; d-- > 1;) {
            ids[i].text[d] = static_cast<char>('0' + v % 10);
            v /= 10;
        }
    }
    return ids;
}
inline constexpr auto ids = make_ids();

constexpr std::array<ruledx::rule, count> make_rules() {
    std::array<ruledx::rule, count> rules{};
    for (std::size_t i = 0; i < count; ++i) {
        const std::string_view id(ids[i].text, 5);
        rules[i] = cf::good(id, static_cast<std::uint32_t>(i + 1))
                       .shown_by({ruledx::example_of(ruledx::saw_start_error("Svc", 2140),
                                                     ruledx::saw_event("Svc", static_cast<std::uint16_t>(i + 1)))});
    }
    return rules;
}
inline constexpr auto rules = make_rules();
}  // namespace many

inline constexpr auto table = ruledx::make_table<cf::facts, many::rules>();
