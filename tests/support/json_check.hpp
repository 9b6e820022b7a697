// A strict JSON syntax check (RFC 8259) for tests of ruledx's JSON output. Returns the offset of
// the first error, or npos when the whole text is one valid JSON value.
#ifndef RULEDX_TESTS_SUPPORT_JSON_CHECK_HPP
#define RULEDX_TESTS_SUPPORT_JSON_CHECK_HPP

#include <cstddef>
#include <string_view>

namespace ruledx::test {

class json_check {
public:
    static constexpr std::size_t valid = static_cast<std::size_t>(-1);

    static std::size_t first_error(std::string_view text) {
        json_check c{text};
        c.space();
        if (!c.value()) return c.at_;
        c.space();
        return c.at_ == text.size() ? valid : c.at_;
    }

private:
    explicit json_check(std::string_view text) : s_(text) {}

    bool more() const { return at_ < s_.size(); }
    char peek() const { return more() ? s_[at_] : '\0'; }
    void space() {
        while (more() && (peek() == ' ' || peek() == '\n' || peek() == '\r' || peek() == '\t')) ++at_;
    }
    bool literal(std::string_view word) {
        if (s_.substr(at_, word.size()) != word) return false;
        at_ += word.size();
        return true;
    }
    bool value() {
        if (++depth_ > 256) return false;
        bool ok = false;
        switch (peek()) {
            case '{': ok = object(); break;
            case '[': ok = array(); break;
            case '"': ok = string(); break;
            case 't': ok = literal("true"); break;
            case 'f': ok = literal("false"); break;
            case 'n': ok = literal("null"); break;
            default: ok = number();
        }
        --depth_;
        return ok;
    }
    bool object() {
        ++at_;
        space();
        if (peek() == '}') return ++at_, true;
        for (;;) {
            space();
            if (peek() != '"' || !string()) return false;
            space();
            if (peek() != ':') return false;
            ++at_;
            space();
            if (!value()) return false;
            space();
            if (peek() == '}') return ++at_, true;
            if (peek() != ',') return false;
            ++at_;
        }
    }
    bool array() {
        ++at_;
        space();
        if (peek() == ']') return ++at_, true;
        for (;;) {
            space();
            if (!value()) return false;
            space();
            if (peek() == ']') return ++at_, true;
            if (peek() != ',') return false;
            ++at_;
        }
    }
    bool string() {
        ++at_;
        while (more()) {
            const auto c = static_cast<unsigned char>(s_[at_]);
            if (c == '"') return ++at_, true;
            if (c < 0x20) return false;
            if (c == '\\') {
                ++at_;
                const char e = peek();
                if (e == 'u') {
                    for (int i = 0; i < 4; ++i) {
                        ++at_;
                        const char h = peek();
                        if (!((h >= '0' && h <= '9') || (h >= 'a' && h <= 'f') || (h >= 'A' && h <= 'F'))) return false;
                    }
                } else if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos || e == '\0') {
                    return false;
                }
            }
            ++at_;
        }
        return false;
    }
    bool digits() {
        const std::size_t start = at_;
        while (peek() >= '0' && peek() <= '9') ++at_;
        return at_ > start;
    }
    bool number() {
        if (peek() == '-') ++at_;
        if (peek() == '0') {
            ++at_;
        } else if (!digits()) {
            return false;
        }
        if (peek() == '.') {
            ++at_;
            if (!digits()) return false;
        }
        if (peek() == 'e' || peek() == 'E') {
            ++at_;
            if (peek() == '+' || peek() == '-') ++at_;
            if (!digits()) return false;
        }
        return true;
    }

    std::string_view s_;
    std::size_t at_ = 0;
    int depth_ = 0;
};

}  // namespace ruledx::test

#endif
