// ruledx — from inputs to observations: the one entry point that reads files or buffers of any
// supported format and keeps what a rule table can use.
//
//   ruledx::evidence seen(ruledx::kb::exchange_ims::table, ruledx::kb::exchange_service_names);
//   seen.read_file("Application.evt");
//   seen.read_buffer(pasted_ticket_text, "ticket");
//   seen.set_fact(ruledx::fact_is("exchange_version", ruledx::version{5, 5}));
//   seen.add(ruledx::absent_event("MSExchangeIMC", 4116));  // the caller knows it was not logged
//   auto report = ruledx::diagnose(ruledx::kb::exchange_ims::table, seen.observations());
//
// Reading allocates (it copies what it keeps); diagnosing the observations does not. Only events
// whose id some rule of the table names are kept, each distinct event once, so a multi-gigabyte
// log is read in bounded memory.
//
// A whole log (a binary .evt, an Event Viewer export) answers for the sources it holds records
// of: every event of such a source that the log lacks is absent (observations().absent). Pasted
// text says nothing about what it does not show.
//
// Text inputs may be UTF-8 (with or without a byte order mark), UTF-16LE or UTF-16BE (with or
// without), or Windows-1252, told from their bytes (read/encoding.hpp); the readers see UTF-8 and
// line numbers count in it. An input nothing can be read from says why in its warnings: it cannot
// be opened (the system's reason), it is empty or only white space, or it is no supported format.
//
// File paths are UTF-8 on every system, like the reports that name them; on Windows they are
// opened by their UTF-16 name, so any name works (read/detail/input_file.hpp).
#ifndef RULEDX_READ_EVIDENCE_HPP
#define RULEDX_READ_EVIDENCE_HPP

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <deque>
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "ruledx/detail/text_hash.hpp"
#include "ruledx/detail/text_match.hpp"
#include "ruledx/eval/report.hpp"
#include "ruledx/model/observation.hpp"
#include "ruledx/model/rule.hpp"
#include "ruledx/model/signal.hpp"
#include "ruledx/read/crash_text.hpp"
#include "ruledx/read/detail/bytes.hpp"
#include "ruledx/read/detail/input_file.hpp"
#include "ruledx/read/detect.hpp"
#include "ruledx/read/encoding.hpp"
#include "ruledx/read/evt.hpp"
#include "ruledx/read/known_messages.hpp"
#include "ruledx/read/record.hpp"
#include "ruledx/read/start_error_text.hpp"
#include "ruledx/read/text_scan.hpp"

namespace ruledx {

// What was read from one input.
struct input_report {
    static constexpr std::size_t max_warnings = 100;

    std::string path;
    read::input_format format = read::input_format::binary;
    // A text input's encoding, as told from its first bytes; none for a binary log and for bytes no
    // reader understands.
    read::text_encoding encoding = read::text_encoding::none;
    bool opened = false;
    std::uint64_t records = 0;    // events and start errors read (kept or not)
    std::uint64_t recovered = 0;  // of which, records recovered from a log's free space
    std::uint64_t problems = 0;   // read errors, all counted; the first max_warnings are in warnings
    std::vector<std::string> warnings;
    // A whole log: the sources some rule names that it holds records of, whose other events are
    // therefore absent. Empty for pasted text.
    std::vector<std::string> complete_sources;

    // Nothing could be read: the caller should say so (exchange-diagnose exits 2). The warnings
    // say why; an empty input, or one of white space only, counts a problem too.
    [[nodiscard]] bool unreadable() const noexcept {
        return !opened || format == read::input_format::binary || (records == 0 && problems > 0);
    }
};

// Where a kept observation came from.
struct origin {
    static constexpr std::size_t given = static_cast<std::size_t>(-1);
    std::size_t input = 0;  // index into evidence::inputs(), or given (by the caller: evidence::add)
    read::location where;
    bool has_record_number = false;
    std::uint32_t record_number = 0;
    bool recognised = false;  // found by its literal description, not read from a layout
};

class evidence {
public:
    // `services`: the display names failed starts print for the table's services (for Exchange,
    // kb/exchange_service_names.hpp; `{}` for none); a name not among them stays as printed.
    template <class Table>
    evidence(const Table& table, view<read::service_name> services)
        : services_(services), relevant_ids_(0x10000, false), known_(table) {
        for (const auto& r : table.rules) {
            for (std::size_t s = 0; s < r.signal_count(); ++s) {
                const signal& sig = r.signal_at(s);
                if (sig.kind != signal_kind::event) continue;
                if (sig.code <= 0xFFFF) relevant_ids_[sig.code] = true;
                rule_sources_.push_back(detail::hash_name(sig.source));
                rule_source_names_.push_back(sig.source);
            }
        }
        std::sort(rule_sources_.begin(), rule_sources_.end());
        rule_sources_.erase(std::unique(rule_sources_.begin(), rule_sources_.end()), rule_sources_.end());
        std::sort(rule_source_names_.begin(), rule_source_names_.end());
        rule_source_names_.erase(std::unique(rule_source_names_.begin(), rule_source_names_.end()), rule_source_names_.end());
    }

    // Before 0.2 the readers knew Exchange's display names themselves; readers know formats, not
    // products, so code written then is told, rather than left to read display names unmapped.
    template <class Table>
    [[deprecated("ruledx::evidence(table) maps no service display names any more: pass them, "
                 "evidence(table, ruledx::kb::exchange_service_names), or evidence(table, {}) for none")]]
    explicit evidence(const Table& table)
        : evidence(table, {}) {}

    // Sees every event record read, kept or not, and each event recognised by its text
    // (exchange-diagnose --dump-events uses it).
    std::function<void(const read::event_record&, const input_report&)> on_event;

    // The read size for text files (undecoded bytes); memory follows it, not the file's size.
    std::size_t text_chunk_size = read::default_chunk_size;

    // Reads a file ("-": standard input), streaming it in bounded memory.
    const input_report& read_file(const std::string& path) {
        if (path == "-") return read_buffer(read::detail::read_standard_input(), "-");
        const std::size_t index = begin_input(path);
        errno = 0;
        std::FILE* f = read::detail::open_input_file(path.c_str());
        if (f == nullptr) {
            cannot_open(index, errno);
            return inputs_[index];
        }
        char prefix[read::detect_prefix_size];
        errno = 0;
        const std::size_t got = std::fread(prefix, 1, sizeof prefix, f);
        if (got < sizeof prefix && std::ferror(f)) {
            // fopen opens a directory on POSIX systems; reading it fails with EISDIR.
            const int error = errno;
            std::fclose(f);
            cannot_open(index, error);
            return inputs_[index];
        }
        if (got == 0) {
            std::fclose(f);
            nothing_to_read(index, "the input is empty");
            return inputs_[index];
        }
        if (detected(index, std::string_view(prefix, got)) == read::input_format::evt) {
            std::fclose(f);
            read::file_source source(path.c_str());
            read_evt(index, source);
        } else if (inputs_[index].format != read::input_format::binary) {
            std::rewind(f);
            read::text_scanner scanner(text_options(index));
            take_crashes(index, scanner);
            recognition recognising(*this, index, scanner);
            if (!scanner.scan_file(f, sink{this, index}, sink{this, index}, sink{this, index}))
                take_error(index, read::read_error{path, {}, read::problem::truncated, "reading the file failed"});
            std::fclose(f);
            recognising.finish();
            scanned(index, scanner);
        } else {
            std::fclose(f);
        }
        return inputs_[index];
    }

    // Reads a caller's buffer; `name` is what warnings and citations call it. What is kept is
    // copied: the buffer may go away afterwards.
    const input_report& read_buffer(std::string_view bytes, std::string_view name) {
        const std::size_t index = begin_input(std::string(name));
        if (bytes.empty()) {
            nothing_to_read(index, "the input is empty");
            return inputs_[index];
        }
        const read::input_format format = detected(index, bytes.substr(0, read::detect_prefix_size));
        if (format == read::input_format::evt) {
            read::memory_source source(bytes);
            read_evt(index, source);
        } else if (format != read::input_format::binary) {
            read::text_scanner scanner(text_options(index));
            take_crashes(index, scanner);
            recognition recognising(*this, index, scanner);
            scanner.scan(bytes, sink{this, index}, sink{this, index}, sink{this, index});
            recognising.finish();
            scanned(index, scanner);
        }
        return inputs_[index];
    }

    // Sets a fact (a later value for the same name replaces the earlier one).
    void set_fact(const fact_assignment& fact) {
        fact_assignment copy = fact;
        copy.name = keep(fact.name);
        if (copy.value.kind == fact_kind::text) copy.value.text = keep(fact.value.text);
        for (fact_assignment& known : facts_) {
            if (known.name == copy.name) {
                known = copy;
                return;
            }
        }
        facts_.push_back(copy);
    }

    // Evidence the caller knows without an input (a person's answer): kept like what is read,
    // cited as "given". Texts are copied.
    void add(const observed_event& event) {
        read::event_record record;
        record.source = event.source;
        record.event_id = event.id;
        record.type = event.type;
        record.category = event.category;
        record.description = event.description;
        record.strings = event.strings;
        keep_event(record, origin::given);
    }
    void add(const observed_start_error& start) {
        read::start_error_record record;
        record.service = start.service;
        record.code = start.code;
        keep_start_error(record, origin::given);
    }
    void add(const observed_absence& absence) { keep_absence(absence, origin::given); }
    void add(const observed_crash& crash) { keep_crash(crash, origin{origin::given, {}, false, 0}); }
    void add(const observed_dialog& dialog) { keep_dialog(dialog.text, origin{origin::given, {}, false, 0}); }

    // Views into this object: valid until it reads again or is destroyed.
    [[nodiscard]] ruledx::observations observations() const noexcept {
        return {view<observed_start_error>(start_errors_.data(), start_errors_.size()),
                view<observed_event>(events_.data(), events_.size()),
                view<fact_assignment>(facts_.data(), facts_.size()),
                view<observed_absence>(absences_.data(), absences_.size()),
                view<observed_crash>(crashes_.data(), crashes_.size()),
                view<observed_dialog>(dialogs_.data(), dialogs_.size())};
    }
    [[nodiscard]] const std::vector<input_report>& inputs() const noexcept { return inputs_; }
    [[nodiscard]] const origin& origin_of(signal_kind kind, std::size_t index) const noexcept {
        return origins_[static_cast<std::size_t>(kind)][index];
    }

    // "Application.evt record 1207", "ticket.txt line 12": for reports that cite their evidence.
    [[nodiscard]] std::string cite(signal_kind kind, std::size_t index) const {
        const std::vector<origin>& origins = origins_[static_cast<std::size_t>(kind)];
        if (index >= origins.size()) return {};
        const origin& o = origins[index];
        if (o.input == origin::given) return "given";
        std::string out = inputs_[o.input].path;
        if (o.has_record_number) return out + " record " + std::to_string(o.record_number);
        if (o.where.line != 0) return out + " line " + std::to_string(o.where.line) + (o.recognised ? ", recognised by its text" : "");
        return out + " offset " + std::to_string(o.where.offset);
    }
    // The whole log that shows a signal absent; empty when the caller said so (add).
    [[nodiscard]] std::string cite(absence_ref absence) const {
        if (absence.index >= absence_inputs_.size()) return {};
        const std::size_t input = absence_inputs_[absence.index];
        return input == origin::given ? std::string() : inputs_[input].path;
    }

    // The citations a report writer takes (write::to_text, write::to_json): valid while this is.
    struct citations_type {
        const evidence* seen;
        std::string operator()(signal_kind kind, std::size_t index) const { return seen->cite(kind, index); }
        std::string operator()(absence_ref absence) const { return seen->cite(absence); }
    };
    [[nodiscard]] citations_type citations() const noexcept { return {this}; }

private:
    // What the readers call back with, for one input.
    struct sink {
        evidence* self;
        std::size_t index;
        void operator()(const read::event_record& record) const { self->take_event(index, record); }
        void operator()(const read::start_error_record& record) const { self->take_start_error(index, record); }
        void operator()(const read::read_error& error) const { self->take_error(index, error); }
    };

    // The evaluator cites observations with 16-bit indexes.
    static constexpr std::size_t max_observations = 0xFFFE;

    std::size_t begin_input(std::string path) {
        inputs_.emplace_back();
        inputs_.back().path = std::move(path);
        return inputs_.size() - 1;
    }

    // Records the input's format from its first bytes; a binary input gets its warning here.
    read::input_format detected(std::size_t index, std::string_view prefix) {
        input_report& in = inputs_[index];
        in.opened = true;
        const read::input_kind kind = read::detect_input(prefix);
        in.format = kind.format;
        in.encoding = kind.encoding;
        if (in.format == read::input_format::binary)
            take_error(index, read::read_error{in.path, {}, read::problem::unrecognized_format,
                                               "not an event log, an Event Viewer export or text"});
        return in.format;
    }

    // The file could not be opened or read at all: the system's reason (errno), e.g. "no such file
    // or directory", "is a directory", "permission denied".
    void cannot_open(std::size_t index, int error) {
        std::string reason = error != 0 ? std::strerror(error) : "the file could not be read";
        if (!reason.empty() && reason[0] >= 'A' && reason[0] <= 'Z') reason[0] = static_cast<char>(reason[0] - 'A' + 'a');
        take_error(index, read::read_error{inputs_[index].path, {}, read::problem::cannot_open, reason});
    }

    // Opened, but it holds nothing a reader could look at.
    void nothing_to_read(std::size_t index, std::string_view why) {
        input_report& in = inputs_[index];
        in.opened = true;
        in.format = read::input_format::text;
        take_error(index, read::read_error{in.path, {}, read::problem::empty_input, why});
    }

    // What the text scanner found out about the input as a whole.
    void scanned(std::size_t index, const read::text_scanner& scanner) {
        inputs_[index].encoding = scanner.encoding();
        if (!scanner.saw_visible_text()) nothing_to_read(index, "the input holds only white space");
    }

    read::text_scan_options text_options(std::size_t index) const {
        read::text_scan_options options;
        options.file = inputs_[index].path;
        options.chunk_size = text_chunk_size;
        options.services = services_;
        options.sources = rule_source_names_;
        return options;
    }

    // The crashes a text input shows, in any of read/crash_text.hpp's layouts.
    void take_crashes(std::size_t index, read::text_scanner& scanner) {
        scanner.on_crash = [this, index](const read::crash_record& crash) {
            ++inputs_[index].records;
            keep_crash(observed_crash{crash.image, crash.exception, crash.frames}, origin{index, crash.where, false, 0});
        };
    }

    template <class Source>
    void read_evt(std::size_t index, Source& source) {
        auto on_record = [this, index](const read::event_record& record) {
            take_event(index, record);
            evt_crashes_.feed(record, [&](const read::crash_record& crash) {
                keep_crash(observed_crash{crash.image, crash.exception, crash.frames},
                           origin{index, record.where, record.has_record_number, record.record_number});
            });
            if (!read::is_failed_start_event(record.event_id)) return;
            if (const auto start = read::start_error_from_event(record, services_)) take_start_error(index, *start);
        };
        // Records no rule names are only counted: decoding them is most of a log scan's cost.
        auto wanted = [this](std::uint16_t id) {
            return static_cast<bool>(on_event) || relevant_ids_[id] || read::is_failed_start_event(id) ||
                   id == read::dr_watson_event_id || id == read::application_popup_event_id;
        };
        const read::evt_summary summary =
            evt_reader_.read(source, inputs_[index].path, on_record, sink{this, index}, wanted);
        inputs_[index].records += summary.declined;
        inputs_[index].recovered += summary.declined_recovered;
    }

    // Known-message recognition over a text input: the events whose literal description the input
    // holds, in whatever layout. Kept after the input is read, and only where the readers did not
    // read that event from the input themselves: recognition is for the layouts they do not know.
    class recognition {
    public:
        recognition(evidence& self, std::size_t index, read::text_scanner& scanner)
            : self_(self), index_(index), scan_(self.known_) {
            self_.read_ids_.clear();
            self_.recognising_ = true;
            scanner.on_text = [this](std::string_view text, std::uint64_t newlines) {
                scan_.feed(text, newlines, [this](const read::known_match& m) { take(m); });
            };
        }
        void finish() {
            scan_.finish([this](const read::known_match& m) { take(m); });
            self_.recognising_ = false;
            for (const recognised_dialog& d : dialogs_found_)
                self_.keep_dialog(d.text, origin{index_, d.where, false, 0, true});
            for (recognised& r : found_) {
                // An event of that id read from the input, from whichever source, is the one the
                // text belongs to: the readers' reading of it stands. (An event known by its text
                // alone has no id to compare; it is kept as id 0.)
                if (r.carrier->code != signal::no_id &&
                    std::find(self_.read_ids_.begin(), self_.read_ids_.end(), r.id) != self_.read_ids_.end())
                    continue;
                read::event_record record;
                record.where = r.where;
                record.event_id = r.id;
                record.source = r.carrier->source;
                record.type = r.carrier->type;
                record.category = r.carrier->category;
                record.description = r.carrier->description;
                record.recognised = true;
                if (self_.on_event) self_.on_event(record, self_.inputs_[index_]);
                self_.keep_event(record, index_);
            }
        }

    private:
        struct recognised {
            const ruledx::signal* carrier;
            std::uint16_t id;
            read::location where;
        };
        struct recognised_dialog {
            std::string text;  // the text around the match: the dialog's values are read in it
            read::location where;
        };
        // A message box's text is that dialog. Otherwise the event a recognised text is: the one
        // of its stated id, else the only one it can be (a text several events print, with no id
        // near it, names none); an event known by its text alone, whatever id is stated.
        void take(const read::known_match& m) {
            const ruledx::signal* chosen = nullptr;
            bool dialog = false;
            for (const read::known_signal& s : m.signals) {
                if (s.carrier->kind == signal_kind::dialog) {
                    dialog = true;
                    continue;
                }
                const bool by_text = s.carrier->code == signal::no_id;
                if (m.id_form != read::stated_id_form::none && !by_text && s.carrier->code != m.stated_id) continue;
                if (chosen != nullptr && (chosen->code != s.carrier->code || !detail::same_name(chosen->source, s.carrier->source)))
                    return;
                chosen = s.carrier;
            }
            if (dialog) dialogs_found_.push_back({std::string(m.context), m.where});
            if (chosen == nullptr) return;
            if (chosen->code == signal::no_id) {
                found_.push_back({chosen, 0, m.where});
                return;
            }
            if (m.id_form != read::stated_id_form::none && !m.id_agrees()) return;  // the input says another event
            if (chosen->code > 0xFFFF) return;
            found_.push_back({chosen, static_cast<std::uint16_t>(chosen->code), m.where});
        }
        evidence& self_;
        std::size_t index_;
        read::known_message_scanner scan_;
        std::vector<recognised> found_;
        std::vector<recognised_dialog> dialogs_found_;
    };

    void take_event(std::size_t index, const read::event_record& record) {
        input_report& in = inputs_[index];
        if (recognising_ && relevant_ids_[record.event_id] &&  // only ids a known text can have: a short list
            std::find(read_ids_.begin(), read_ids_.end(), record.event_id) == read_ids_.end())
            read_ids_.push_back(record.event_id);
        ++in.records;
        in.recovered += record.recovered ? 1 : 0;
        if (on_event) on_event(record, in);
        if (in.format != read::input_format::text) note_complete_source(index, record.source);
        if (relevant_ids_[record.event_id]) keep_event(record, index);
        // A popup the System log recorded is a message box the input shows.
        if (read::is_application_popup(record) && !record.description.empty())
            keep_dialog(record.description, origin{index, record.where, record.has_record_number, record.record_number});
    }

    // A whole log holds records of this source: if some rule names it, its unseen events are absent.
    // A log repeats a few sources, each printed one way: the names of the input's last few, as
    // printed, are compared first, byte for byte, and a name among them was noted already.
    void note_complete_source(std::size_t index, std::string_view source) {
        if (source.empty()) return;
        recent_sources& recent = recent_sources_;
        if (recent.input != index) {
            recent = recent_sources{};
            recent.input = index;
        }
        for (const std::string& name : recent.names)
            if (name.size() == source.size() && read::detail::equal_bytes(name.data(), source.data(), source.size())) return;
        recent.names[recent.next].assign(source.data(), source.size());
        recent.next = (recent.next + 1) % recent_sources::size;
        const std::uint64_t key = detail::hash_name(source);
        if (!std::binary_search(rule_sources_.begin(), rule_sources_.end(), key)) return;
        input_report& in = inputs_[index];
        for (const std::string& known : in.complete_sources)
            if (detail::same_name(known, source)) return;
        in.complete_sources.emplace_back(source);
        keep_absence(complete_log_of(source), index);
    }

    void keep_absence(const observed_absence& absence, std::size_t input) {
        if (absences_.size() >= max_observations) return;
        observed_absence copy = absence;
        copy.source = keep(absence.source);
        copy.text = keep(absence.text);
        absences_.push_back(copy);
        absence_inputs_.push_back(input);
    }

    void take_start_error(std::size_t index, const read::start_error_record& record) {
        ++inputs_[index].records;
        keep_start_error(record, index);
    }

    void take_error(std::size_t index, const read::read_error& error) {
        input_report& in = inputs_[index];
        ++in.problems;
        if (in.warnings.size() >= input_report::max_warnings) return;
        // A problem of the whole input has no place in it.
        std::string text;
        if (!read::is_about_whole_input(error.what)) {
            text = error.where.line != 0 ? "line " + std::to_string(error.where.line)
                                         : "offset " + std::to_string(error.where.offset);
            text += ": ";
        }
        text += read::to_string(error.what);
        if (!error.detail.empty()) {
            text += ": ";
            text += error.detail;
        }
        in.warnings.push_back(std::move(text));
    }

    std::string_view keep(std::string_view text) { return storage_.emplace_back(text); }

    // Each distinct observation once: a service that fails every few minutes logs the same events
    // and crashes. True, and noted, the first time an observation of `kind` with these fields comes.
    // One hashed lookup, not a scan of what was kept: a million distinct crashes stay linear.
    bool first_seen(signal_kind kind, std::initializer_list<std::string_view> fields) {
        std::string& key = seen_key_;  // a member: most observations are seen before, and then nothing is allocated
        key.assign(1, static_cast<char>(kind));
        // Each field after its length: no text of a hostile input makes two observations one key.
        for (std::string_view field : fields) key.append(std::to_string(field.size())).append(1, ':').append(field);
        if (seen_.count(key) != 0) return false;
        seen_.insert(key);
        return true;
    }

    void keep_event(const read::event_record& record, std::size_t input) {
        if (events_.size() >= max_observations ||
            !first_seen(signal_kind::event, {record.source, std::to_string(record.event_id),
                                             std::to_string(static_cast<unsigned>(record.type)), record.category,
                                             record.description, record.strings}))
            return;
        observed_event e;
        e.source = keep(record.source);
        e.id = record.event_id;
        e.type = record.type;
        e.category = keep(record.category);
        e.description = keep(record.description);
        e.strings = keep(record.strings);
        events_.push_back(e);
        origins_[static_cast<std::size_t>(signal_kind::event)].push_back(
            origin{input, record.where, record.has_record_number, record.record_number, record.recognised});
    }

    void keep_start_error(const read::start_error_record& record, std::size_t input) {
        // A display name no table knows stays as the service: it then matches no rule for another service.
        const std::string_view service = !record.service.empty() ? record.service : record.display_name;
        if (start_errors_.size() >= max_observations ||
            !first_seen(signal_kind::start_error, {service, std::to_string(record.code)}))
            return;
        start_errors_.push_back(observed_start_error{keep(service), record.code});
        origins_[static_cast<std::size_t>(signal_kind::start_error)].push_back(origin{input, record.where, false, 0});
    }

    void keep_crash(const observed_crash& crash, const origin& from) {
        if (crashes_.size() >= max_observations ||
            !first_seen(signal_kind::crash, {crash.program, std::to_string(crash.exception), crash.frames}))
            return;
        crashes_.push_back(observed_crash{keep(crash.program), crash.exception, keep(crash.frames)});
        origins_[static_cast<std::size_t>(signal_kind::crash)].push_back(from);
    }

    void keep_dialog(std::string_view text, const origin& from) {
        if (dialogs_.size() >= max_observations || !first_seen(signal_kind::dialog, {text})) return;
        dialogs_.push_back(observed_dialog{keep(text)});
        origins_[static_cast<std::size_t>(signal_kind::dialog)].push_back(from);
    }

    view<read::service_name> services_;
    // The sources the rules' events name, once each: a table column cut ("MSExchangeIS Pri...") is
    // completed to one of them. Views into the table's rules, which outlive the evidence (as for known_).
    std::vector<std::string_view> rule_source_names_;
    std::vector<bool> relevant_ids_;
    std::vector<std::uint64_t> rule_sources_;  // hash_name of every event source a rule names, sorted
    struct recent_sources {
        static constexpr std::size_t size = 8;
        std::size_t input = static_cast<std::size_t>(-1);  // of inputs_ (none yet)
        std::array<std::string, size> names;
        std::size_t next = 0;  // the slot the next name takes
    };
    recent_sources recent_sources_;  // note_complete_source's
    read::known_messages known_;                // the literal texts of the table's events
    std::vector<std::uint16_t> read_ids_;  // the ids the readers read from this input (those some rule names)
    bool recognising_ = false;
    read::evt_reader evt_reader_;
    read::event_crash_reader evt_crashes_;  // the crashes of its records (a text's are the text scanner's)
    std::deque<std::string> storage_;  // a deque: its strings never move, so views into them stay valid
    std::unordered_set<std::string> seen_;  // first_seen's keys of what was kept, of every kind
    std::string seen_key_;                   // first_seen's key of the observation at hand
    std::vector<input_report> inputs_;
    std::vector<observed_event> events_;
    std::vector<observed_start_error> start_errors_;
    std::vector<fact_assignment> facts_;
    std::vector<observed_crash> crashes_;
    std::vector<observed_dialog> dialogs_;
    std::array<std::vector<origin>, signal_kind_count> origins_;  // per kind, per observation of the kind
    std::vector<observed_absence> absences_;
    std::vector<std::size_t> absence_inputs_;  // per absence: the input that proved it, or origin::given
};

}  // namespace ruledx

#endif
