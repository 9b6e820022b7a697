// ruledx tests — a small JSON reader, so tests can look into a report's structure (a candidate's
// "contradicted" items, "next_checks" keys) instead of searching its text. It accepts what
// json_check accepts; check validity with json_check first, parse() gives a null value for
// anything it cannot read. Test code only: numbers are kept as doubles and as their text.
#ifndef RULEDX_TEST_JSON_VALUE_HPP
#define RULEDX_TEST_JSON_VALUE_HPP

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ruledx::test {

class json_value {
public:
    enum class kind { null, boolean, number, string, array, object };

    [[nodiscard]] kind type() const noexcept { return kind_; }
    [[nodiscard]] bool is_null() const noexcept { return kind_ == kind::null; }
    [[nodiscard]] bool is_string() const noexcept { return kind_ == kind::string; }
    [[nodiscard]] bool is_array() const noexcept { return kind_ == kind::array; }
    [[nodiscard]] bool is_object() const noexcept { return kind_ == kind::object; }
    [[nodiscard]] bool is_true() const noexcept { return kind_ == kind::boolean && boolean_; }
    [[nodiscard]] bool is_number() const noexcept { return kind_ == kind::number; }

    // The text of a string, the digits of a number, "" otherwise.
    [[nodiscard]] const std::string& text() const noexcept { return text_; }
    [[nodiscard]] double number() const noexcept { return number_; }
    // Array items, or object members' values in order.
    [[nodiscard]] const std::vector<json_value>& items() const noexcept { return items_; }
    [[nodiscard]] const std::vector<std::string>& keys() const noexcept { return keys_; }
    [[nodiscard]] std::size_t size() const noexcept { return items_.size(); }
    [[nodiscard]] const json_value& operator[](std::size_t i) const noexcept { return i < items_.size() ? items_[i] : none(); }

    [[nodiscard]] bool has(std::string_view key) const noexcept {
        for (const std::string& k : keys_)
            if (k == key) return true;
        return false;
    }
    // A member's value; a null value when there is no such member.
    [[nodiscard]] const json_value& operator[](std::string_view key) const noexcept {
        for (std::size_t i = 0; i < keys_.size(); ++i)
            if (keys_[i] == key) return items_[i];
        return none();
    }

    static json_value parse(std::string_view text) {
        reader r{text};
        json_value v;
        r.space();
        if (!r.value(v)) return {};
        r.space();
        if (r.at != text.size()) return {};
        return v;
    }

private:
    static const json_value& none() noexcept {
        static const json_value empty;
        return empty;
    }

    struct reader {
        std::string_view s;
        std::size_t at = 0;

        char peek() const { return at < s.size() ? s[at] : '\0'; }
        void space() {
            while (at < s.size() && (s[at] == ' ' || s[at] == '\n' || s[at] == '\r' || s[at] == '\t')) ++at;
        }
        bool literal(std::string_view word) {
            if (s.substr(at, word.size()) != word) return false;
            at += word.size();
            return true;
        }
        bool value(json_value& v) {
            switch (peek()) {
                case '{': return object(v);
                case '[': return array(v);
                case '"': v.kind_ = kind::string; return string(v.text_);
                case 't': v.kind_ = kind::boolean; v.boolean_ = true; return literal("true");
                case 'f': v.kind_ = kind::boolean; return literal("false");
                case 'n': return literal("null");
                default: return number(v);
            }
        }
        bool object(json_value& v) {
            v.kind_ = kind::object;
            ++at;
            space();
            if (peek() == '}') return ++at, true;
            for (;;) {
                space();
                std::string key;
                if (peek() != '"' || !string(key)) return false;
                space();
                if (peek() != ':') return false;
                ++at;
                space();
                json_value item;
                if (!value(item)) return false;
                v.keys_.push_back(std::move(key));
                v.items_.push_back(std::move(item));
                space();
                if (peek() == '}') return ++at, true;
                if (peek() != ',') return false;
                ++at;
            }
        }
        bool array(json_value& v) {
            v.kind_ = kind::array;
            ++at;
            space();
            if (peek() == ']') return ++at, true;
            for (;;) {
                space();
                json_value item;
                if (!value(item)) return false;
                v.items_.push_back(std::move(item));
                space();
                if (peek() == ']') return ++at, true;
                if (peek() != ',') return false;
                ++at;
            }
        }
        static void append_utf8(std::string& out, std::uint32_t c) {
            if (c < 0x80) {
                out += static_cast<char>(c);
            } else if (c < 0x800) {
                out += static_cast<char>(0xC0 | (c >> 6));
                out += static_cast<char>(0x80 | (c & 0x3F));
            } else {
                out += static_cast<char>(0xE0 | (c >> 12));
                out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
                out += static_cast<char>(0x80 | (c & 0x3F));
            }
        }
        bool string(std::string& out) {
            ++at;
            while (at < s.size()) {
                const char c = s[at++];
                if (c == '"') return true;
                if (static_cast<unsigned char>(c) < 0x20) return false;
                if (c != '\\') {
                    out += c;
                    continue;
                }
                const char e = peek();
                ++at;
                switch (e) {
                    case '"': out += '"'; break;
                    case '\\': out += '\\'; break;
                    case '/': out += '/'; break;
                    case 'b': out += '\b'; break;
                    case 'f': out += '\f'; break;
                    case 'n': out += '\n'; break;
                    case 'r': out += '\r'; break;
                    case 't': out += '\t'; break;
                    case 'u': {
                        if (at + 4 > s.size()) return false;
                        const std::string hex(s.substr(at, 4));
                        char* end = nullptr;
                        const unsigned long c16 = std::strtoul(hex.c_str(), &end, 16);
                        if (end != hex.c_str() + 4) return false;
                        append_utf8(out, static_cast<std::uint32_t>(c16));  // surrogates are not joined: tests need none
                        at += 4;
                        break;
                    }
                    default: return false;
                }
            }
            return false;
        }
        bool number(json_value& v) {
            const std::size_t start = at;
            if (peek() == '-') ++at;
            while (at < s.size() && ((s[at] >= '0' && s[at] <= '9') || s[at] == '.' || s[at] == 'e' || s[at] == 'E' ||
                                     s[at] == '+' || s[at] == '-'))
                ++at;
            if (at == start) return false;
            v.kind_ = kind::number;
            v.text_ = std::string(s.substr(start, at - start));
            char* end = nullptr;
            v.number_ = std::strtod(v.text_.c_str(), &end);
            return end == v.text_.c_str() + v.text_.size();
        }
    };

    kind kind_ = kind::null;
    bool boolean_ = false;
    double number_ = 0;
    std::string text_;
    std::vector<std::string> keys_;
    std::vector<json_value> items_;
};

}  // namespace ruledx::test

#endif
