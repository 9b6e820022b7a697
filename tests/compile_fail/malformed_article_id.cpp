#include "common.hpp"
inline constexpr ruledx::rule rules[] = {cf::good("fine-rule", 1), [] {
    auto r = cf::good("bad-article", 2);
    r.article = "KB-2140";
    return r;
}()};
inline constexpr auto table = ruledx::make_table<cf::facts, rules>();
