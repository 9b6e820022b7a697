// ruledx — a rule: one cause of a failure, from one knowledge-base article.
//
// A rule is a constexpr value built with named steps, so a table reads like the article:
//
//   rule("ims-account-not-admin", "Q173496")
//       .titled("...")
//       .applies_to("exchange_version", {only({5, 5})})
//       .requires_signals({event("MSExchangeIMC", 4143).with_type(event_type::error)})
//       .supported_by({start_error("MSExchangeIMC", 2140)})
//       .confirmed_by({fact_is("ims_service_account_is_admin", false)})
//       .because("...")
//       .resolved_by({"...", "..."})
//       .shown_by({example_of(...)})
//
// On a temporary each step changes it in place (a copy of a 5 KB rule per step would dominate the
// compile time of a knowledge base); on a named rule it returns a changed copy. The table check,
// not the steps, decides whether a rule is valid.
#ifndef RULEDX_MODEL_RULE_HPP
#define RULEDX_MODEL_RULE_HPP

#include <initializer_list>
#include <string_view>

#include "ruledx/model/fact.hpp"
#include "ruledx/model/fixed_list.hpp"
#include "ruledx/model/observation.hpp"
#include "ruledx/model/signal.hpp"
#include "ruledx/model/version.hpp"

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

    std::string_view id;       // stable, e.g. "ims-account-not-admin"
    std::string_view article;  // e.g. "Q173496"
    std::string_view title;
    // The versions the rule applies to, as a version fact of the catalog ("exchange_version").
    // Empty: the rule does not depend on the version.
    std::string_view version_fact;
    fixed_list<version_range, max_versions> versions;
    fixed_list<signal, max_required> required;      // all must be seen for the rule to be likely
    fixed_list<signal, max_supporting> supporting;  // raise confidence; not needed
    fixed_list<fact_assignment, max_confirming> confirming;  // must hold for `confirmed`; a known
                                                              // different value rules the rule out
    fixed_list<fact_assignment, max_ruling_out> ruling_out;  // any that holds rules the rule out
    std::string_view cause;
    fixed_list<std::string_view, max_steps> resolution;
    fixed_list<std::string_view, max_related> related;  // article ids
    fixed_list<example, max_examples> examples;

    constexpr rule() noexcept = default;
    constexpr rule(std::string_view rule_id, std::string_view article_id) noexcept : id(rule_id), article(article_id) {}

    constexpr rule&& titled(std::string_view text) && noexcept {
        title = text;
        return static_cast<rule&&>(*this);
    }
    [[nodiscard]] constexpr rule titled(std::string_view text) const& noexcept { return rule(*this).titled(text); }
    constexpr rule&& applies_to(std::string_view fact, std::initializer_list<version_range> ranges) && noexcept {
        version_fact = fact;
        versions = ranges;
        return static_cast<rule&&>(*this);
    }
    [[nodiscard]] constexpr rule applies_to(std::string_view fact, std::initializer_list<version_range> ranges) const& noexcept { return rule(*this).applies_to(fact, ranges); }
    constexpr rule&& requires_signals(std::initializer_list<signal> signals) && noexcept {
        required = signals;
        return static_cast<rule&&>(*this);
    }
    [[nodiscard]] constexpr rule requires_signals(std::initializer_list<signal> signals) const& noexcept { return rule(*this).requires_signals(signals); }
    constexpr rule&& supported_by(std::initializer_list<signal> signals) && noexcept {
        supporting = signals;
        return static_cast<rule&&>(*this);
    }
    [[nodiscard]] constexpr rule supported_by(std::initializer_list<signal> signals) const& noexcept { return rule(*this).supported_by(signals); }
    constexpr rule&& confirmed_by(std::initializer_list<fact_assignment> facts) && noexcept {
        confirming = facts;
        return static_cast<rule&&>(*this);
    }
    [[nodiscard]] constexpr rule confirmed_by(std::initializer_list<fact_assignment> facts) const& noexcept { return rule(*this).confirmed_by(facts); }
    constexpr rule&& ruled_out_by(std::initializer_list<fact_assignment> facts) && noexcept {
        ruling_out = facts;
        return static_cast<rule&&>(*this);
    }
    [[nodiscard]] constexpr rule ruled_out_by(std::initializer_list<fact_assignment> facts) const& noexcept { return rule(*this).ruled_out_by(facts); }
    constexpr rule&& because(std::string_view text) && noexcept {
        cause = text;
        return static_cast<rule&&>(*this);
    }
    [[nodiscard]] constexpr rule because(std::string_view text) const& noexcept { return rule(*this).because(text); }
    constexpr rule&& resolved_by(std::initializer_list<std::string_view> steps) && noexcept {
        resolution = steps;
        return static_cast<rule&&>(*this);
    }
    [[nodiscard]] constexpr rule resolved_by(std::initializer_list<std::string_view> steps) const& noexcept { return rule(*this).resolved_by(steps); }
    constexpr rule&& see_also(std::initializer_list<std::string_view> articles) && noexcept {
        related = articles;
        return static_cast<rule&&>(*this);
    }
    [[nodiscard]] constexpr rule see_also(std::initializer_list<std::string_view> articles) const& noexcept { return rule(*this).see_also(articles); }
    constexpr rule&& shown_by(std::initializer_list<example> evidence) && noexcept {
        examples = evidence;
        return static_cast<rule&&>(*this);
    }
    [[nodiscard]] constexpr rule shown_by(std::initializer_list<example> evidence) const& noexcept { return rule(*this).shown_by(evidence); }

    // Signals are numbered required first, then supporting; reports refer to them by that number.
    [[nodiscard]] constexpr std::size_t signal_count() const noexcept { return required.size() + supporting.size(); }
    [[nodiscard]] constexpr const signal& signal_at(std::size_t i) const noexcept {
        return i < required.size() ? required[i] : supporting[i - required.size()];
    }
    [[nodiscard]] constexpr bool is_required(std::size_t i) const noexcept { return i < required.size(); }
};

}  // namespace ruledx

#endif
