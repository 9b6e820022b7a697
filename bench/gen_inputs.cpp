// ruledx benchmarks — writes the large inputs the scan benchmarks read:
//
//   ruledx_bench_gen_inputs evt  PATH MIB   a binary event log (.evt) of about MIB MiB
//   ruledx_bench_gen_inputs csv  PATH MIB   an Event Viewer "Save As" comma-delimited export
//   ruledx_bench_gen_inputs text PATH MIB   text pasted into tickets (prose, event blocks, net start)
//
// Every input is mostly unrelated traffic (Service Control Manager state changes, the information
// store, user environment, ESE) with, every few tens of thousands of records, the MSExchangeIMC 4143
// event and the Service Control Manager 7023 "%%2140" failure, so exchange-diagnose has something to
// diagnose (Q173496). The output is a pure function of the arguments. Prints the record count.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "support/evt_writer.hpp"

namespace {

using ruledx::test::evt_event;
using ruledx::test::u16;

// A small deterministic hash: record i always gets the same content.
std::uint64_t mix(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

// How often the diagnosable records come (one of each per period).
constexpr std::uint64_t period = 50000;

constexpr const char* services[] = {
    "Microsoft Exchange Information Store", "Microsoft Exchange Directory", "Microsoft Exchange Message Transfer Agent",
    "Spooler", "Remote Procedure Call (RPC) Locator", "Computer Browser", "Windows Internet Name Service",
    "Microsoft Exchange System Attendant", "Messenger", "Alerter", "Simple Mail Transfer Protocol (SMTP)",
};
constexpr const char* users[] = {"CORP\\jsmith", "CORP\\mlopez", "CORP\\akhan", "CORP\\svc-exchange", "CORP\\bwong"};
constexpr const char* databases[] = {"Private Information Store", "Public Information Store"};
constexpr const char* q173496_text =
    "The Internet Mail Service service account is not an administrator account. In order to provide SSL support, "
    "the service account must be an administrator account.";

// The kinds of record the inputs mix; `ims_4143` and `scm_7023` are the diagnosable ones.
enum class kind { scm_state, store_online, userenv, ese_start, mta_info, ims_4143, scm_7023 };

kind kind_of(std::uint64_t i) {
    if (i % period == period / 2) return kind::ims_4143;
    if (i % period == period / 2 + 1) return kind::scm_7023;
    const std::uint64_t r = mix(i) % 100;
    if (r < 40) return kind::scm_state;
    if (r < 65) return kind::store_online;
    if (r < 85) return kind::userenv;
    if (r < 87) return kind::ese_start;  // event 100: an id the knowledge base names (for MSExchangeIMC)
    return kind::mta_info;
}

evt_event make_evt(std::uint64_t i) {
    const std::uint64_t h = mix(i ^ 0xABCDEF);
    evt_event e;
    e.time_generated = e.time_written = static_cast<std::uint32_t>(968000000 + i * 7);
    e.computer = u"MAIL01";
    switch (kind_of(i)) {
        case kind::scm_state:
            e.source = u"Service Control Manager";
            e.identifier = 7036;
            e.strings = {u16(services[h % 11]), (h >> 8) % 2 ? u"running" : u"stopped"};
            break;
        case kind::store_online:
            e.source = u"MSExchangeIS Private";
            e.identifier = 0x400004C5;  // 1221, with the Information severity bits
            e.category = 6;
            e.strings = {u16(databases[h % 2]), u16(std::to_string(h % 5000)), u16(std::to_string(h % 100))};
            break;
        case kind::userenv:
            e.source = u"Userenv";
            e.identifier = 0x800005ED;  // 1517, Warning
            e.type = 2;
            e.strings = {u16(users[h % 5])};
            e.user_sid = ruledx::test::sid(1, 5, {18});
            break;
        case kind::ese_start:
            e.source = u"ESE97";
            e.identifier = 100;
            e.category = 1;
            e.strings = {u"MSExchangeIS", u16(std::to_string(h % 900)), u"Microsoft Exchange Information Store"};
            break;
        case kind::mta_info:
            e.source = u"MSExchangeMTA";
            e.identifier = 0x40002451;  // 9297
            e.category = 2;
            e.strings = {u"MTA", u16(std::to_string(h % 10000))};
            e.data = ruledx::test::bytes_t(16 + h % 48, static_cast<std::uint8_t>(h));
            break;
        case kind::ims_4143:
            e.source = u"MSExchangeIMC";
            e.identifier = 0xC000102F;  // 4143, Error
            e.type = 1;
            e.category = 2;
            e.strings = {u16(q173496_text)};
            break;
        case kind::scm_7023:
            e.source = u"Service Control Manager";
            e.identifier = 0xC0001B6F;  // 7023, Error
            e.type = 1;
            e.strings = {u"Microsoft Exchange Internet Mail Service", u"%%2140"};
            break;
    }
    return e;
}

std::string date_of(std::uint64_t i) {
    const std::uint64_t day = 1 + (i / 40000) % 28;
    const std::uint64_t seconds = (i * 3) % 86400;
    const std::uint64_t hour = seconds / 3600 % 12;
    return "9/" + std::to_string(day) + "/2000," + std::to_string(hour == 0 ? 12 : hour) + ":" +
           (seconds / 60 % 60 < 10 ? "0" : "") + std::to_string(seconds / 60 % 60) + ":" +
           (seconds % 60 < 10 ? "0" : "") + std::to_string(seconds % 60) + (seconds >= 43200 ? " PM" : " AM");
}

// One row of an NT 4.0 Event Viewer "Save As... Comma Delimited Text" export (no header, no quotes).
std::string csv_row(std::uint64_t i) {
    const std::uint64_t h = mix(i ^ 0x5151);
    std::string row = date_of(i) + ",";
    switch (kind_of(i)) {
        case kind::scm_state:
            row += "Service Control Manager,Information,None,7036,N/A,MAIL01,The ";
            row += services[h % 11];
            row += (h >> 8) % 2 ? " service entered the running state." : " service entered the stopped state.";
            break;
        case kind::store_online:
            row += "MSExchangeIS Private,Information,General,1221,N/A,MAIL01,The database has " +
                   std::to_string(h % 5000) + " megabytes of free space after online defragmentation has terminated.";
            break;
        case kind::userenv:
            row += "Userenv,Warning,None,1517,SYSTEM,MAIL01,Windows saved user ";
            row += users[h % 5];
            row += " registry while an application or service was still using the registry during log off.";
            break;
        case kind::ese_start:
            row += "ESE97,Information,General,100,N/A,MAIL01,MSExchangeIS (" + std::to_string(h % 900) +
                   ") The database engine 5.5.2448.4 started.";
            break;
        case kind::mta_info:
            row += "MSExchangeMTA,Information,Interface,9297,N/A,MAIL01,The message transfer agent, association " +
                   std::to_string(h % 10000) + ", completed a transfer, as requested by the remote MTA.";
            break;
        case kind::ims_4143:
            row += "MSExchangeIMC,Error,Initialization/Termination,4143,N/A,MAIL01,";
            row += q173496_text;
            break;
        case kind::scm_7023:
            row += "Service Control Manager,Error,None,7023,N/A,MAIL01,The Microsoft Exchange Internet Mail Service "
                   "service terminated with the following error: An internal Windows NT error occurred.";
            break;
    }
    return row + "\r\n";
}

// One block of text a customer pasted into a ticket.
std::string text_block(std::uint64_t i) {
    const std::uint64_t h = mix(i ^ 0x7777);
    switch (kind_of(i)) {
        case kind::scm_state:
        case kind::mta_info:
            return "Customer says the server was rebooted at " + std::to_string(h % 12 + 1) +
                   " o'clock and that users in building " + std::to_string(h % 40) +
                   " still cannot send mail to the Internet.\nThey checked the cabling and the DNS settings; "
                   "nothing changed since last week.\n\n";
        case kind::store_online:
            return "  Event ID: 1221\n  Source: MSExchangeIS Private\n  Type: Information\n  Category: General\n"
                   "  Description:\n  The database has " +
                   std::to_string(h % 5000) + " megabytes of free space after online defragmentation has terminated.\n\n";
        case kind::userenv:
            return "C:\\>net start\nThese Windows NT services are started:\n\n   Alerter\n   Computer Browser\n"
                   "   Microsoft Exchange Directory\n   Microsoft Exchange Information Store\n"
                   "   Microsoft Exchange Message Transfer Agent\n   Spooler\n\nThe command completed successfully.\n\n";
        case kind::ese_start:
            return "Event ID: 100\nSource: ESE97\nType: Information\nDescription: MSExchangeIS (" + std::to_string(h % 900) +
                   ") The database engine 5.5.2448.4 started.\n\n";
        case kind::ims_4143:
            return std::string("  Event id: 4143\n  Source: MSExchangeIMC\n  Type: Error\n"
                               "  Category: Initialization/Termination\n  Description:\n  ") +
                   q173496_text + "\n\n";
        case kind::scm_7023:
            return "Could not start the Microsoft Exchange Internet Mail Service service on \\\\MAIL01.\n\n"
                   "Error 2140: An internal Windows NT error occurred.\n\n";
    }
    return {};
}

template <class Make>
bool write_text(const char* path, std::uint64_t target, Make make, std::uint64_t& count) {
    std::FILE* f = std::fopen(path, "wb");
    if (f == nullptr) return false;
    std::string buf;
    std::uint64_t written = 0;
    bool ok = true;
    for (count = 0; ok && written < target; ++count) {
        buf += make(count);
        if (buf.size() >= (1u << 20)) {
            ok = std::fwrite(buf.data(), 1, buf.size(), f) == buf.size();
            written += buf.size();
            buf.clear();
        }
    }
    ok = ok && std::fwrite(buf.data(), 1, buf.size(), f) == buf.size();
    return std::fclose(f) == 0 && ok;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fputs("usage: ruledx_bench_gen_inputs evt|csv|text PATH MIB\n", stderr);
        return 2;
    }
    const std::string_view what = argv[1];
    const char* path = argv[2];
    const std::uint64_t target = std::strtoull(argv[3], nullptr, 10) << 20;
    std::uint64_t count = 0;
    bool ok = false;
    if (what == "evt") {
        if (target >= (std::uint64_t{4} << 30)) {
            std::fputs("ruledx_bench_gen_inputs: .evt offsets are 32-bit; stay below 4 GiB\n", stderr);
            return 2;
        }
        // The record count that reaches the size, from the records' own lengths.
        std::uint64_t bytes = ruledx::test::evt_header_bytes + ruledx::test::evt_eof_bytes;
        while (bytes < target) bytes += ruledx::test::encode_record(make_evt(count++), 1).size();
        ok = ruledx::test::write_plain_evt_file(path, count, make_evt);
    } else if (what == "csv") {
        ok = write_text(path, target, csv_row, count);
    } else if (what == "text") {
        ok = write_text(path, target, text_block, count);
    } else {
        std::fputs("ruledx_bench_gen_inputs: the kind is evt, csv or text\n", stderr);
        return 2;
    }
    if (!ok) {
        std::fprintf(stderr, "ruledx_bench_gen_inputs: writing %s failed\n", path);
        return 1;
    }
    std::printf("%llu\n", static_cast<unsigned long long>(count));
    return 0;
}
