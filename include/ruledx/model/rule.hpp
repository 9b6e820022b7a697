// ruledx — a rule: one cause of a failure, from one knowledge-base article.
//
// A rule is a constexpr value built with named steps, so a table reads like the article:
//
//   rule("ims-account-not-admin", "Q173496")
//       .titled("...")
//       .applies_to("exchange_version", {only({5, 5})})
//       .requires_signals({event("MSExchangeIMC", 4143).with_type(event_type::error)})
//       .supported_by({start_error("MSExchangeIMC", 2140)})
//       .confirmed_by({fact_is("service_account_is_admin", false)})
//       .because("...")
//       .resolved_by({"...", "..."})
//       .shown_by({example_of(...)})
//
// Each step changes the temporary rule in place: one definition per step, and no copy of the
// rule per step (a rule is several KB; copies made a table's rules[] array cost four times the
// compiler memory, 2.5 GB with GCC for 2,000 rules). Steps apply to temporaries only: to derive
// a rule from a named one, copy it first, `rule(base).titled("...")`. Keep the result by value
// (an array element, `rule r = ...`), never by reference: Clang warns when a reference is bound
// to it (RULEDX_LIFETIMEBOUND). The table check, not the steps, decides whether a rule is valid;
// a list given more items than its capacity is reported there, naming the rule and the list.
#ifndef RULEDX_MODEL_RULE_HPP
#define RULEDX_MODEL_RULE_HPP

#include <initializer_list>
#include <string_view>

#include "ruledx/detail/blank.hpp"
#include "ruledx/detail/text_arg.hpp"

#include "ruledx/model/fact.hpp"
#include "ruledx/model/fixed_list.hpp"
#include "ruledx/model/observation.hpp"
#include "ruledx/model/signal.hpp"
#include "ruledx/model/version.hpp"

// Marks a step's result as referring to the rule it was called on, so Clang's -Wdangling
// diagnoses `const rule& r = rule(...).titled(...);`.
#if defined(__clang__)
#define RULEDX_LIFETIMEBOUND [[clang::lifetimebound]]
#else
#define RULEDX_LIFETIMEBOUND
#endif

namespace ruledx {

struct rule {
    static constexpr std::size_t max_required = 6;
    static constexpr std::size_t max_supporting = 6;
    static constexpr std::size_t max_signals = max_required + max_supporting;
    static constexpr std::size_t max_confirming = 6;
    static constexpr std::size_t max_ruling_out = 6;
    static constexpr std::size_t max_versions = 4;
    static constexpr std::size_t max_steps = 10;
    static constexpr std::size_t max_related = 8;
    static constexpr std::size_t max_examples = 3;

    std::string_view id = detail::no_text;       // stable, e.g. "ims-account-not-admin"
    std::string_view article = detail::no_text;  // e.g. "Q173496"
    std::string_view title = detail::no_text;
    // The service whose failed start the rule explains although none of its signals names it (the
    // service's program crashed; only the Service Control Manager logged events): a failed start
    // of that service opens the rule as a hypothesis, so that its signals get asked about.
    std::string_view service = detail::no_text;
    // The versions the rule applies to, as a version fact of the catalog ("exchange_version").
    // Empty: the rule does not depend on the version.
    std::string_view version_fact = detail::no_text;
    fixed_list<version_range, max_versions> versions;
    fixed_list<signal, max_required> required;      // all must be seen for the rule to be likely
    fixed_list<signal, max_supporting> supporting;  // raise confidence; not needed
    fixed_list<fact_assignment, max_confirming> confirming;  // must hold for `confirmed`; a known
                                                              // different value rules the rule out
    fixed_list<fact_assignment, max_ruling_out> ruling_out;  // any that holds rules the rule out
    std::string_view cause = detail::no_text;
    fixed_list<std::string_view, max_steps> resolution;
    fixed_list<std::string_view, max_related> related;  // article ids
    fixed_list<example, max_examples> examples;

    constexpr rule() noexcept = default;
    // A copy of the blank rule, not a construction of every member: GCC keeps all it allocates
    // while it evaluates a table's rules[] array, and constructing the members (every list's
    // slots) allocated 24 KB a rule more there than copying one value.
    constexpr rule(detail::text_arg rule_id, detail::text_arg article_id) noexcept : rule(detail::blank<rule>) {
        id = rule_id.value;
        article = article_id.value;
    }

    constexpr rule&& titled(detail::text_arg text) && noexcept RULEDX_LIFETIMEBOUND {
        title = text.value;
        return static_cast<rule&&>(*this);
    }
    constexpr rule&& about_service(detail::text_arg name) && noexcept RULEDX_LIFETIMEBOUND {
        service = name.value;
        return static_cast<rule&&>(*this);
    }
    constexpr rule&& applies_to(detail::text_arg fact, std::initializer_list<version_range> ranges) && noexcept RULEDX_LIFETIMEBOUND {
        version_fact = fact.value;
        versions.assign(ranges);
        return static_cast<rule&&>(*this);
    }
    constexpr rule&& requires_signals(std::initializer_list<signal> signals) && noexcept RULEDX_LIFETIMEBOUND {
        required.assign(signals);
        return static_cast<rule&&>(*this);
    }
    constexpr rule&& supported_by(std::initializer_list<signal> signals) && noexcept RULEDX_LIFETIMEBOUND {
        supporting.assign(signals);
        return static_cast<rule&&>(*this);
    }
    constexpr rule&& confirmed_by(std::initializer_list<fact_assignment> facts) && noexcept RULEDX_LIFETIMEBOUND {
        confirming.assign(facts);
        return static_cast<rule&&>(*this);
    }
    constexpr rule&& ruled_out_by(std::initializer_list<fact_assignment> facts) && noexcept RULEDX_LIFETIMEBOUND {
        ruling_out.assign(facts);
        return static_cast<rule&&>(*this);
    }
    constexpr rule&& because(detail::text_arg text) && noexcept RULEDX_LIFETIMEBOUND {
        cause = text.value;
        return static_cast<rule&&>(*this);
    }
    constexpr rule&& resolved_by(std::initializer_list<detail::text_arg> steps) && noexcept RULEDX_LIFETIMEBOUND {
        resolution.clear();
        for (const detail::text_arg& step : steps) resolution.push_back(step.value);
        return static_cast<rule&&>(*this);
    }
    constexpr rule&& see_also(std::initializer_list<detail::text_arg> articles) && noexcept RULEDX_LIFETIMEBOUND {
        related.clear();
        for (const detail::text_arg& other : articles) related.push_back(other.value);
        return static_cast<rule&&>(*this);
    }
    constexpr rule&& shown_by(std::initializer_list<example> evidence) && noexcept RULEDX_LIFETIMEBOUND {
        examples.assign(evidence);
        return static_cast<rule&&>(*this);
    }

    // Signals are numbered required first, then supporting; reports refer to them by that number.
    [[nodiscard]] constexpr std::size_t signal_count() const noexcept { return required.size() + supporting.size(); }
    [[nodiscard]] constexpr const signal& signal_at(std::size_t i) const noexcept {
        return i < required.size() ? required[i] : supporting[i - required.size()];
    }
    [[nodiscard]] constexpr bool is_required(std::size_t i) const noexcept { return i < required.size(); }
};

}  // namespace ruledx

#endif
