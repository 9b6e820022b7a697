// ruledx — what every input reader produces: event records, service start errors, application
// crashes, and typed errors.
//
// All string views point either into the caller's input buffer or into storage owned by the reader
// object that produced them; they stay valid until that reader is destroyed or reads again.
#ifndef RULEDX_READ_RECORD_HPP
#define RULEDX_READ_RECORD_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ruledx/model/event_type.hpp"

namespace ruledx::read {

// Where something was found: a byte offset for binary input, a 1-based line for text input.
struct location {
    std::uint64_t offset = 0;  // byte offset from the start of the input; for text, of its UTF-8 decoding
    std::size_t line = 0;      // 1-based; 0 for binary input
};

// One event as an input shows it. Fields the input does not have stay empty / zero / false.
struct event_record {
    location where;
    bool has_record_number = false;
    std::uint32_t record_number = 0;
    bool has_identifier = false;  // true when the input holds the full 32-bit EventID (binary logs)
    std::uint32_t identifier = 0;  // the full 32-bit value (severity, facility, code)
    std::uint16_t event_id = 0;    // the 16-bit number Event Viewer shows
    event_type type = event_type::unspecified;
    bool has_category_number = false;
    std::uint16_t category_number = 0;
    std::string_view category;     // the category name, when the input has it (text forms)
    std::string_view source;
    std::string_view computer;
    std::string_view user;         // "DOMAIN\\user" in text forms, or a SID string ("S-1-5-18") from binary logs
    std::string_view description;  // the rendered message, when the input has it (text forms)
    std::string_view strings;      // the insertion strings as UTF-8, each followed by '\0'
    std::uint16_t string_count = 0;
    std::uint32_t data_length = 0;
    std::int64_t time_generated = -1;  // POSIX seconds, UTC; -1 when unknown
    std::int64_t time_written = -1;
    bool recovered = false;        // true for a record recovered from a log's free space
    bool recognised = false;       // found by its literal description (known-message recognition), not read from a layout
};

// A service that failed to start, as a dialog, a `net start` transcript or an SCM event shows it.
struct start_error_record {
    location where;
    std::string_view service;       // the service name, e.g. "MSExchangeIMC", when the display name is known
    std::string_view display_name;  // as printed, e.g. "Microsoft Exchange Internet Mail Service"
    std::uint32_t code = 0;         // the Win32 or NERR code, e.g. 2140
};

// An application that crashed, as a Dr. Watson dialog, a drwtsn32.log excerpt, a debugger stack, an
// application-error popup or their events show it (read/crash_text.hpp). Its views point into the
// storage of the reader that produced it (crash_text_reader), or for crash_from_event() into the
// event's text and the caller's crash_frames.
struct crash_record {
    location where;
    // The crashed program's file name as printed, without directory and extension: "MSEXCIMC" from
    // "exe\\MSEXCIMC.dbg", "msexcimc" from "msexcimc.exe"; empty when the input does not say.
    std::string_view image;
    std::uint32_t exception = 0;  // the NTSTATUS exception code (0xc0000005), or 0 when not stated
    // Where it crashed, when the input says: the faulting symbol ("RtlAllocateHeap" from "at address
    // 77f64654 (RtlAllocateHeap)") and/or the stack frames' "module!symbol" names, each followed by '\n'.
    std::string_view frames;
};

// What went wrong at one place of the input. Readers report and go on: valid records around it are kept.
enum class problem : std::uint8_t {
    truncated,           // the input ends inside a structure
    bad_signature,       // a magic value is not what the format requires
    bad_length,          // a length field disagrees with the structure or the input size
    bad_field,           // a field holds a value outside its range
    skipped_bytes,       // bytes between records that hold no valid record
    unrecognized_format, // nothing in the input looks like a supported format
    cannot_open,         // the input cannot be opened or read; detail: the system's reason
    empty_input,         // the input holds nothing (no bytes, or only white space once decoded)
};

[[nodiscard]] constexpr std::string_view to_string(problem p) noexcept {
    switch (p) {
        case problem::truncated: return "truncated";
        case problem::bad_signature: return "bad signature";
        case problem::bad_length: return "bad length";
        case problem::bad_field: return "bad field";
        case problem::skipped_bytes: return "skipped bytes";
        case problem::unrecognized_format: return "unrecognized format";
        case problem::cannot_open: return "cannot open";
        case problem::empty_input: return "nothing to read";
    }
    return "";
}

// A problem of the input as a whole, which has no offset or line.
[[nodiscard]] constexpr bool is_about_whole_input(problem p) noexcept {
    return p == problem::cannot_open || p == problem::empty_input;
}

struct read_error {
    std::string_view file;  // the name the caller gave the input ("-" for standard input)
    location where;
    problem what = problem::truncated;
    std::string_view detail;  // what was expected; static text, or valid during the callback (cannot_open's reason)
};

}  // namespace ruledx::read

#endif
