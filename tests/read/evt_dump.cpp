// evt_dump — prints ruledx's reading of a .evt log in the format of libevt's `evtexport -m all`,
// and compares it with evtexport's output record by record (the peer check).
//
//   evt_dump FILE                                  print, evtexport style
//   evt_dump --compare FILE EVTEXPORT_OUTPUT MODE  MODE is `equal` (same records, same order) or
//                                                  `superset` (ruledx may find records libevt
//                                                  misses; every libevt record must be matched)
//
// Exit: 0 agree, 1 disagree, 2 usage or I/O error.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "ruledx/read/evt.hpp"

namespace {

// "Oct 08, 2011 07:23:15 UTC" from POSIX seconds, as evtexport prints times.
std::string format_time(std::int64_t t) {
    if (t == 0) return "Not set (0)";
    static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::int64_t days = t / 86400;
    std::int64_t secs = t % 86400;
    if (secs < 0) {
        secs += 86400;
        --days;
    }
    // Days since 1970-01-01 to a civil date, counting in 400-year eras that start on March 1st.
    const std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const std::int64_t day = doy - (153 * mp + 2) / 5 + 1;
    const std::int64_t month = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s %02d, %04d %02d:%02d:%02d UTC", months[month - 1], static_cast<int>(day),
                  static_cast<int>(year), static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
                  static_cast<int>(secs % 60));
    return buf;
}

const char* type_name(ruledx::event_type t) {
    switch (static_cast<unsigned>(t)) {
        case 1: return "Error event";
        case 2: return "Warning event";
        case 4: return "Information event";
        case 8: return "Success Audit event";
        case 16: return "Failure Audit event";
        default: return "(Unknown)";
    }
}

void print_record(std::string& out, const ruledx::read::event_record& r) {
    char buf[64];
    out += "Event number\t\t\t: " + std::to_string(r.record_number) + "\n";
    out += "Creation time\t\t\t: " + format_time(r.time_generated) + "\n";
    out += "Written time\t\t\t: " + format_time(r.time_written) + "\n";
    out += std::string("Event type\t\t\t: ") + type_name(r.type) + " (" +
           std::to_string(static_cast<unsigned>(r.type)) + ")\n";
    if (!r.user.empty()) out += "User security identifier\t: " + std::string(r.user) + "\n";
    out += "Computer name\t\t\t: " + std::string(r.computer) + "\n";
    out += "Source name\t\t\t: " + std::string(r.source) + "\n";
    out += "Event category\t\t\t: " + std::to_string(r.category_number) + "\n";
    std::snprintf(buf, sizeof buf, "0x%08x (%u)", static_cast<unsigned>(r.identifier),
                  static_cast<unsigned>(r.identifier));
    out += std::string("Event identifier\t\t: ") + buf + "\n";
    out += "Number of strings\t\t: " + std::to_string(r.string_count) + "\n";
    std::string_view s = r.strings;
    for (unsigned i = 1; i <= r.string_count && !s.empty(); ++i) {
        const std::size_t nul = s.find('\0');
        out += "String: " + std::to_string(i) + "\t\t\t: " + std::string(s.substr(0, nul)) + "\n";
        s.remove_prefix(nul == std::string_view::npos ? s.size() : nul + 1);
    }
    out += "\n";
}

struct dump_result {
    std::string text;
    std::uint64_t records = 0, recovered = 0;
    std::vector<std::string> errors;
    bool opened = false;
};

dump_result dump(const char* path) {
    dump_result d;
    ruledx::read::file_source file(path);
    if (!file.is_open()) return d;
    d.opened = true;
    d.text = "evtexport 20200926\n\n";
    ruledx::read::evt_reader reader;
    const auto summary = reader.read(
        file, path, [&](const ruledx::read::event_record& r) { print_record(d.text, r); },
        [&](const ruledx::read::read_error& e) {
            char buf[64];
            std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(e.where.offset));
            d.errors.push_back(std::string(buf) + ": " + std::string(to_string(e.what)) + ": " + std::string(e.detail));
        });
    d.records = summary.records;
    d.recovered = summary.recovered;
    return d;
}

// Splits evtexport-style output into one block per record. A block starts at a line beginning with
// "Event number"; lines end in LF, while CR LF inside a string is part of the string.
std::vector<std::string> split_blocks(const std::string& text) {
    static const std::string key = "Event number\t\t\t: ";
    std::vector<std::size_t> starts;
    for (std::size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + 1)) {
        if (at == 0 || (text[at - 1] == '\n' && (at < 2 || text[at - 2] != '\r'))) starts.push_back(at);
    }
    std::vector<std::string> blocks;
    for (std::size_t i = 0; i < starts.size(); ++i) {
        const std::size_t end = i + 1 < starts.size() ? starts[i + 1] : text.size();
        std::string b = text.substr(starts[i], end - starts[i]);
        while (!b.empty() && b.back() == '\n') b.pop_back();
        blocks.push_back(std::move(b));
    }
    return blocks;
}

std::string first_line(const std::string& block) { return block.substr(0, block.find('\n')); }

// A record block cut into the lines before "Number of strings" and the strings themselves.
struct parsed_block {
    std::string head;
    std::vector<std::string> strings;
};

parsed_block parse_block(const std::string& block) {
    static const std::string count_key = "\nNumber of strings\t\t: ";
    parsed_block p;
    const std::size_t at = block.find(count_key);
    if (at == std::string::npos) {
        p.head = block;
        return p;
    }
    p.head = block.substr(0, at);
    std::size_t pos = block.find('\n', at + 1);
    for (unsigned i = 1; pos != std::string::npos; ++i) {
        const std::string key = "\nString: " + std::to_string(i) + "\t\t\t: ";
        if (block.compare(pos, key.size(), key) != 0) break;
        const std::size_t value = pos + key.size();
        // The string runs to the next LF that is not part of a CR LF inside the string.
        std::size_t end = value;
        while ((end = block.find('\n', end)) != std::string::npos && end > 0 && block[end - 1] == '\r') ++end;
        p.strings.push_back(block.substr(value, end == std::string::npos ? std::string::npos : end - value));
        pos = end;
    }
    return p;
}

enum class match { same, extra_strings, differ };

// libevt splits the whole strings area at NULs and ignores NumStrings, so padding or leftovers after
// the declared strings show up in evtexport as extra strings. ruledx keeps NumStrings. That one
// difference is accepted (and counted); anything else is a mismatch.
match compare_blocks(const std::string& ours, const std::string& theirs) {
    if (ours == theirs) return match::same;
    const parsed_block a = parse_block(ours), b = parse_block(theirs);
    if (a.head != b.head || a.strings.size() >= b.strings.size()) return match::differ;
    for (std::size_t i = 0; i < a.strings.size(); ++i) {
        if (a.strings[i] != b.strings[i]) return match::differ;
    }
    return match::extra_strings;
}

// The first line where two blocks differ, both versions.
std::string block_diff(const std::string& ours, const std::string& theirs) {
    std::istringstream a(ours), b(theirs);
    std::string la, lb;
    while (true) {
        const bool ga = static_cast<bool>(std::getline(a, la));
        const bool gb = static_cast<bool>(std::getline(b, lb));
        if (!ga && !gb) return "(identical)";
        if (!ga) la = "(nothing)";
        if (!gb) lb = "(nothing)";
        if (la != lb || !ga || !gb) return "    ruledx   : " + la + "\n    evtexport: " + lb;
    }
}

int compare(const char* evt_path, const char* theirs_path, std::string_view mode) {
    const dump_result d = dump(evt_path);
    if (!d.opened) {
        std::cerr << "evt_dump: cannot open " << evt_path << "\n";
        return 2;
    }
    std::ifstream in(theirs_path, std::ios::binary);
    if (!in) {
        std::cerr << "evt_dump: cannot open " << theirs_path << "\n";
        return 2;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    const std::vector<std::string> ours = split_blocks(d.text);
    const std::vector<std::string> theirs = split_blocks(ss.str());

    std::cout << evt_path << ": ruledx " << ours.size() << " (" << d.records << " live + " << d.recovered
              << " recovered, " << d.errors.size() << " errors), evtexport " << theirs.size() << "\n";
    for (const std::string& e : d.errors) std::cout << "  ruledx error " << e << "\n";

    int failures = 0;
    std::size_t extra_strings = 0;
    const auto note_extra = [&](const std::string& block) {
        if (++extra_strings <= 5) {
            std::cout << "  known difference: evtexport lists strings past NumStrings in " << first_line(block) << "\n";
        }
    };
    if (mode == "equal") {
        if (ours.size() != theirs.size()) {
            std::cout << "MISMATCH: record count differs\n";
            ++failures;
        }
        const std::size_t n = std::min(ours.size(), theirs.size());
        for (std::size_t i = 0; i < n; ++i) {
            const match m = compare_blocks(ours[i], theirs[i]);
            if (m == match::same) continue;
            if (m == match::extra_strings) {
                note_extra(theirs[i]);
                continue;
            }
            if (++failures <= 10) {
                std::cout << "MISMATCH at record #" << i + 1 << " (" << first_line(theirs[i]) << ")\n"
                          << block_diff(ours[i], theirs[i]) << "\n";
            }
        }
    } else if (mode == "superset") {
        // Every evtexport record must match a distinct ruledx record; the extra ones are listed.
        std::vector<bool> used(ours.size(), false);
        for (const std::string& t : theirs) {
            bool matched = false;
            for (std::size_t j = 0; j < ours.size() && !matched; ++j) {
                if (used[j]) continue;
                const match m = compare_blocks(ours[j], t);
                if (m == match::differ) continue;
                if (m == match::extra_strings) note_extra(t);
                used[j] = matched = true;
            }
            if (!matched && ++failures <= 10) {
                std::cout << "MISSING in ruledx: evtexport " << first_line(t) << "\n";
            }
        }
        std::size_t extra = 0;
        for (std::size_t j = 0; j < ours.size(); ++j) {
            if (!used[j] && ++extra <= 20) std::cout << "  ruledx-only (intended): " << first_line(ours[j]) << "\n";
        }
        std::cout << "  " << extra << " record(s) found by ruledx only; libevt does not resynchronise after a "
                     "bogus record length (formats.md 1.8)\n";
    } else {
        std::cerr << "evt_dump: mode must be equal or superset\n";
        return 2;
    }
    if (extra_strings != 0) {
        std::cout << "  " << extra_strings << " record(s) where evtexport shows more strings than NumStrings declares "
                     "(libevt splits the strings area at NULs; ruledx keeps NumStrings)\n";
    }
    std::cout << (failures == 0 ? "AGREE" : "DISAGREE") << "\n";
    return failures == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 2) {
        const dump_result d = dump(argv[1]);
        if (!d.opened) {
            std::cerr << "evt_dump: cannot open " << argv[1] << "\n";
            return 2;
        }
        std::fwrite(d.text.data(), 1, d.text.size(), stdout);
        for (const std::string& e : d.errors) std::cerr << "evt_dump: " << e << "\n";
        return 0;
    }
    if (argc == 5 && std::string_view(argv[1]) == "--compare") return compare(argv[2], argv[3], argv[4]);
    std::cerr << "usage: evt_dump FILE | evt_dump --compare FILE EVTEXPORT_OUTPUT equal|superset\n";
    return 2;
}
