// ruledx knowledge bases — an entry of a knowledge base's source scope that is not a rule, and why.
#ifndef RULEDX_KB_EXCLUSION_HPP
#define RULEDX_KB_EXCLUSION_HPP

#include <string_view>

namespace ruledx::kb {

struct exclusion {
    std::string_view entry;       // the facts.json entry id ("Q191548-b")
    std::string_view reason;
    std::string_view covered_by;  // the rule that carries the entry's cause, when another article's rule does
};

}  // namespace ruledx::kb

#endif
