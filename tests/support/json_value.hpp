// ruledx tests — a small JSON reader, so tests can look into a report's structure (a candidate's
// "contradicted" items, "next_checks" keys) instead of searching its text. It reads strictly per
// RFC 8259 and says where the first error is: json_check is this reader asked only that. parse()
// gives a null value for anything that is not one valid JSON value. Test code only: numbers are
// kept as doubles and as their text.
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

    // What parse() gives as the error offset of a text that is one valid JSON value.
    static constexpr std::size_t no_error = static_cast<std::size_t>(-1);

    // The text as one JSON value, read strictly per RFC 8259; a null value when it is not one.
    // `error`, when given, is set to the offset of the first error, or to no_error.
    static json_value parse(std::string_view text, std::size_t* error = nullptr) {
        reader r{text};
        json_value v;
        r.space();
        bool ok = r.value(v);
        if (ok) {
            r.space();
            ok = r.at == text.size();
        }
        if (error != nullptr) *error = ok ? no_error : r.at;
        if (!ok) return {};
        return v;
    }

private:
    static const json_value& none() noexcept {
        static const json_value empty;
        return empty;
    }

    // Reads at `at`; on an error, `at` is where it is.
    struct reader {
        static constexpr int max_depth = 256;

        std::string_view s;
        std::size_t at = 0;
        int depth = 0;

        char peek() const { return at < s.size() ? s[at] : '\0'; }
        void space() {
            while (peek() == ' ' || peek() == '\n' || peek() == '\r' || peek() == '\t') ++at;
        }
        bool literal(std::string_view word) {
            if (s.substr(at, word.size()) != word) return false;
            at += word.size();
            return true;
        }
        bool value(json_value& v) {
            if (++depth > max_depth) return false;
            bool ok = false;
            switch (peek()) {
                case '{': ok = members(v, kind::object, '}'); break;
                case '[': ok = members(v, kind::array, ']'); break;
                case '"': v.kind_ = kind::string; ok = string(v.text_); break;
                case 't': v.kind_ = kind::boolean; v.boolean_ = true; ok = literal("true"); break;
                case 'f': v.kind_ = kind::boolean; ok = literal("false"); break;
                case 'n': ok = literal("null"); break;
                default: ok = number(v);
            }
            --depth;
            return ok;
        }
        // An object's members (each a key, ':' and a value) or an array's items, up to `close`.
        bool members(json_value& v, kind k, char close) {
            v.kind_ = k;
            ++at;
            space();
            if (peek() == close) return ++at, true;
            for (;;) {
                space();
                if (k == kind::object && !key(v.keys_)) return false;
                json_value item;
                if (!value(item)) return false;
                v.items_.push_back(std::move(item));
                space();
                if (peek() == close) return ++at, true;
                if (peek() != ',') return false;
                ++at;
            }
        }
        // A member's key and its ':', and the space after it.
        bool key(std::vector<std::string>& keys) {
            std::string k;
            if (peek() != '"' || !string(k)) return false;
            space();
            if (peek() != ':') return false;
            ++at;
            space();
            keys.push_back(std::move(k));
            return true;
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
        static int hex_digit(char h) {
            if (h >= '0' && h <= '9') return h - '0';
            if (h >= 'a' && h <= 'f') return h - 'a' + 10;
            if (h >= 'A' && h <= 'F') return h - 'A' + 10;
            return -1;
        }
        bool string(std::string& out) {
            static constexpr std::string_view escaped = "\"\\/bfnrt";
            static constexpr std::string_view meant = "\"\\/\b\f\n\r\t";
            ++at;
            while (at < s.size()) {
                const char c = s[at];
                if (c == '"') return ++at, true;
                if (static_cast<unsigned char>(c) < 0x20) return false;
                ++at;
                if (c != '\\') {
                    out += c;
                    continue;
                }
                const char e = peek();
                if (e == 'u') {
                    std::uint32_t c16 = 0;
                    for (int i = 0; i < 4; ++i) {
                        ++at;
                        const int d = hex_digit(peek());
                        if (d < 0) return false;
                        c16 = c16 * 16 + static_cast<std::uint32_t>(d);
                    }
                    append_utf8(out, c16);  // surrogates are not joined: tests need none
                } else {
                    const std::size_t which = e == '\0' ? std::string_view::npos : escaped.find(e);
                    if (which == std::string_view::npos) return false;
                    out += meant[which];
                }
                ++at;
            }
            return false;
        }
        bool digits() {
            const std::size_t start = at;
            while (peek() >= '0' && peek() <= '9') ++at;
            return at > start;
        }
        bool number(json_value& v) {
            const std::size_t start = at;
            if (peek() == '-') ++at;
            if (peek() == '0') {
                ++at;
            } else if (!digits()) {
                return false;
            }
            if (peek() == '.') {
                ++at;
                if (!digits()) return false;
            }
            if (peek() == 'e' || peek() == 'E') {
                ++at;
                if (peek() == '+' || peek() == '-') ++at;
                if (!digits()) return false;
            }
            v.kind_ = kind::number;
            v.text_ = std::string(s.substr(start, at - start));
            v.number_ = std::strtod(v.text_.c_str(), nullptr);
            return true;
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
