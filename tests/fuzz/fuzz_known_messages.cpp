// libFuzzer: known-message recognition. Each input is scanned twice as it is and twice as text
// built from it out of the knowledge bases' descriptions (random bytes alone hardly ever hold
// one): in one piece and in chunks of sizes the input picks. The two must report the same
// matches, and, for inputs the scanner holds whole in its history, the same as a plain search
// over the normalised text.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "ruledx/kb/exchange.hpp"
#include "ruledx/read/known_messages.hpp"

namespace {

using namespace ruledx;
using namespace ruledx::read;

const known_messages& known() {
    static const known_messages k(kb::exchange::table);
    return k;
}

using match_key = std::tuple<std::uint64_t, std::size_t, std::uint64_t, std::size_t, std::size_t, int, std::uint32_t,
                             std::vector<std::size_t>, std::vector<std::uint8_t>>;

std::size_t sink = 0;
void touch(std::string_view v) {
    for (char c : v) sink += static_cast<unsigned char>(c);
}

std::vector<match_key> scan(std::string_view text, const std::uint8_t* sizes, std::size_t size_count) {
    std::vector<match_key> out;
    auto on = [&](const known_match& m) {
        touch(m.context);
        touch(m.known->pattern);
        if (m.signals.size() != m.values_present.size() || m.signals.empty()) __builtin_trap();
        if (m.where.offset > m.last.offset || m.last.offset >= text.size() || m.where.line > m.last.line) __builtin_trap();
        std::vector<std::size_t> signals;
        for (const known_signal& s : m.signals) {
            touch(s.carrier->source);
            signals.push_back(s.rule * 64 + s.index);
        }
        out.emplace_back(m.where.offset, m.text, m.last.offset, m.where.line, m.last.line, static_cast<int>(m.id_form),
                         m.stated_id, std::move(signals),
                         std::vector<std::uint8_t>(m.values_present.begin(), m.values_present.end()));
    };
    known_message_scanner scanner(known());
    std::size_t at = 0;
    for (std::size_t k = 0; at < text.size(); ++k) {
        std::size_t n = text.size() - at;
        if (size_count > 0) n = std::min<std::size_t>(n, 1 + sizes[k % size_count] % 97);
        scanner.feed(text.substr(at, n), on);
        at += n;
    }
    scanner.finish(on);
    std::sort(out.begin(), out.end());
    return out;
}

// The documented normalisation and containment, plainly: (first byte, text, last byte).
std::vector<std::tuple<std::uint64_t, std::size_t, std::uint64_t>> plain_search(std::string_view text) {
    std::string norm;
    std::vector<std::uint64_t> where;
    bool blank = true;
    bool line_start = true;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (ruledx::detail::is_space(c)) {
            if (!blank) {
                norm.push_back(' ');
                where.push_back(i);
            }
            blank = true;
            if (c == '\n') line_start = true;
        } else if (!(line_start && (c == '>' || c == '|'))) {
            norm.push_back(ruledx::detail::ascii_lower(c));
            where.push_back(i);
            blank = false;
            line_start = false;
        }
    }
    std::vector<std::tuple<std::size_t, std::size_t, std::size_t>> all;  // begin, end, text
    for (std::size_t t = 0; t < known().texts().size(); ++t) {
        const std::string& p = known().texts()[t].pattern;
        for (std::size_t at = norm.find(p); at != std::string::npos; at = norm.find(p, at + 1)) all.emplace_back(at, at + p.size(), t);
    }
    std::vector<std::tuple<std::uint64_t, std::size_t, std::uint64_t>> out;
    for (std::size_t a = 0; a < all.size(); ++a) {
        bool inside = false;
        for (std::size_t b = 0; b < all.size() && !inside; ++b)
            inside = a != b && std::get<0>(all[b]) <= std::get<0>(all[a]) && std::get<1>(all[a]) <= std::get<1>(all[b]);
        if (!inside) out.emplace_back(where[std::get<0>(all[a])], std::get<2>(all[a]), where[std::get<1>(all[a]) - 1]);
    }
    std::sort(out.begin(), out.end());
    return out;
}

// Text the scanner can find something in: descriptions whole and in pieces, in the layouts
// support mail has, with the bytes of the input between them.
std::string assemble(const std::uint8_t* data, std::size_t size) {
    static const std::string_view quotes[] = {"\n", "\n> ", "\n>>", "\n> > ", "\n| ", "\r\n", "\n  >\t"};
    std::string out;
    bool upper = false;
    for (std::size_t i = 0; i + 1 < size; i += 2) {
        const std::uint8_t op = data[i];
        const std::uint8_t arg = data[i + 1];
        const std::string& d = known().texts()[arg % known().texts().size()].pattern;
        std::string piece;
        switch (op % 8) {
            case 0: piece = d; break;
            case 1: piece = d.substr(0, d.size() * (op >> 3) / 32); break;
            case 2: piece = d.substr(d.size() * (op >> 3) / 32); break;
            case 3: piece = quotes[arg % 7]; break;
            case 4: piece.assign(1 + arg % 9, arg & 1 ? ' ' : '\t'); break;
            case 5: upper = !upper; break;
            case 6: piece = "Event ID: " + std::to_string(arg * 17) + "\n"; break;
            default: piece.assign(reinterpret_cast<const char*>(data + i), std::min<std::size_t>(size - i, 1 + arg % 16)); break;
        }
        // Words re-wrapped at a column the input picks.
        std::size_t column = 0;
        for (char c : piece) {
            if (upper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
            if (c == ' ' && column > 20u + arg % 60u) {
                out += quotes[op % 7];
                column = 0;
                continue;
            }
            out += c;
            ++column;
        }
        if (out.size() > 12000) break;
    }
    return out;
}

void check(std::string_view text, const std::uint8_t* data, std::size_t size) {
    const std::vector<match_key> whole = scan(text, nullptr, 0);
    const std::vector<match_key> chunked = scan(text, data, size);
    if (whole != chunked) __builtin_trap();
    if (text.size() < known().options().history) {
        std::vector<std::tuple<std::uint64_t, std::size_t, std::uint64_t>> found;
        for (const match_key& m : whole) found.emplace_back(std::get<0>(m), std::get<1>(m), std::get<2>(m));
        if (found != plain_search(text)) __builtin_trap();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    check(std::string_view(reinterpret_cast<const char*>(data), size), data, size);
    const std::string text = assemble(data, size);
    check(text, data, size);
    return sink == 0xFFFFFFFF ? 1 : 0;
}
