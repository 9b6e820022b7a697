// End-to-end: the evidence of one knowledge-base example in every layout support engineers send it
// (Event Viewer's clipboard copy, the NT 4.0 Event Detail dialog retyped, dumpel, psloglist, wevtutil,
// PowerShell's lists and tables, Log Parser CSV, a quoted mail, HTML; formats described in
// docs/formats.md), each written to a file and diagnosed by exchange-diagnose: the article the
// example proves must come out on top.
//
// The example is Q173496's (rule ims-service-account-not-admin): event 4143 from MSExchangeIMC
// (Error, Initialization/Termination, the article's text) and the IMS failing to start with Error
// 2140, here as the Service Control Manager's event 7000 beside it, or as a dialog. What the command
// must say comes from diagnosing the example itself in this process, never from the command's output.
#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <vector>

#include "cli_support.hpp"
#include "ruledx/eval/diagnose.hpp"
#include "ruledx/kb/exchange_ims.hpp"

using namespace cli_test;

namespace {

const std::string rule_id = "ims-service-account-not-admin";  // Q173496
const std::string ims_name = "Microsoft Exchange Internet Mail Service";

// The example's event (its source, id, type, category and description) and start error.
struct example_evidence {
    std::string source, category, description, type;
    unsigned id = 0, start_code = 0;
};

example_evidence the_example() {
    example_evidence out;
    const std::size_t index = rule_index(rule_id);
    REQUIRE(index < kb::table.rule_count);
    const ruledx::example& ex = kb::table.rules[index].examples[0];
    REQUIRE(ex.events.size() == 1);
    REQUIRE(ex.start_errors.size() == 1);
    const ruledx::observed_event& e = ex.events[0];
    out.source = std::string(e.source);
    out.category = std::string(e.category);
    out.description = std::string(e.description);
    out.type = std::string(ruledx::to_string(e.type));
    out.id = e.id;
    out.start_code = ex.start_errors[0].code;
    return out;
}

// The system message of the start error and the SCM 7000 message around it (docs/formats.md 4).
std::string error_text(unsigned code) { return code == 2140 ? "An internal Windows NT error occurred." : ""; }
std::string scm_7000(const example_evidence& x) {
    return "The " + ims_name + " service failed to start due to the following error: " + error_text(x.start_code);
}

// `text` broken at blanks into lines of at most `width`, the first after `first`, the rest after `indent`.
std::string wrapped(const std::string& text, std::size_t width, const std::string& first, const std::string& indent) {
    std::string out = first, line;
    std::size_t prefix = first.size();
    for (std::size_t at = 0; at <= text.size();) {
        std::size_t cut = text.find(' ', at);
        if (cut == std::string::npos) cut = text.size();
        const std::string word = text.substr(at, cut - at);
        if (!line.empty() && prefix + line.size() + 1 + word.size() > width) {
            out += line + "\n" + indent;
            line.clear();
            prefix = indent.size();
        }
        line += (line.empty() ? "" : " ") + word;
        at = cut + 1;
    }
    return out + line + "\n";
}

std::string clipboard(const example_evidence& x, const std::string& sep, bool xp) {
    std::string t = "Event Type:" + sep + x.type + "\r\nEvent Source:" + sep + x.source + "\r\nEvent Category:" + sep +
                    x.category + "\r\nEvent ID:" + sep + std::to_string(x.id) + "\r\nDate:" + sep + sep +
                    "9/13/2000\r\nTime:" + sep + sep + "5:56:06 PM\r\nUser:" + sep + sep + "N/A\r\nComputer:" + sep +
                    "EXCH01\r\nDescription:\r\n" + x.description + "\r\n";
    if (xp) t += "For more information, see Help and Support Center at http://go.microsoft.com/fwlink/events.asp.\r\n";
    return t;
}
std::string clipboard_scm(const example_evidence& x, const std::string& sep) {
    return "Event Type:" + sep + "Error\r\nEvent Source:" + sep + "Service Control Manager\r\nEvent Category:" + sep +
           "None\r\nEvent ID:" + sep + "7000\r\nDate:" + sep + sep + "9/13/2000\r\nTime:" + sep + sep +
           "5:56:06 PM\r\nUser:" + sep + sep + "N/A\r\nComputer:" + sep + "EXCH01\r\nDescription:\r\n" + scm_7000(x) +
           "\r\n";
}

// How much of the event's description a layout shows: a cut one ("The Internet Mail ...") still bears
// the article's text out (the evaluator takes a description cut short as part of it); none cannot.
enum class description { whole, cut, none };

struct layout {
    std::string name;
    std::function<std::string(const example_evidence&)> render;
    description shown = description::whole;
    std::string format = "text";     // what the command takes the file for
    bool start_in_text = true;       // the file shows the failed start (a table cuts the SCM message: given)
    bool has_type = true;            // the layout shows the event's type
};

std::vector<layout> layouts() {
    std::vector<layout> all;
    all.push_back({"clipboard-2000", [](const example_evidence& x) {
                       return clipboard(x, "\t", false) + "\r\n" + clipboard_scm(x, "\t");
                   }});
    all.push_back({"clipboard-xp-2003", [](const example_evidence& x) {
                       return clipboard(x, "      ", true) + clipboard_scm(x, "      ");
                   }});
    all.push_back({"nt4-event-detail", [](const example_evidence& x) {
                       return "Date:      9/13/00          Event ID:  " + std::to_string(x.id) +
                              "\nTime:      5:56:06 PM       Source:    " + x.source +
                              "\nUser:      N/A              Type:      " + x.type +
                              "\nComputer:  EXCH01           Category:  " + x.category + "\n\nDescription:\n" +
                              wrapped(x.description, 64, "", "") +
                              "\n\nDate:      9/13/00          Event ID:  7000\nTime:      5:56:06 PM       Source:    "
                              "Service Control Manager\nUser:      N/A              Type:      Error\nComputer:  EXCH01"
                              "           Category:  None\n\nDescription:\n" + wrapped(scm_7000(x), 64, "", "");
                   }});
    all.push_back({"dumpel-t", [](const example_evidence& x) {
                       return "9/13/2000\t5:56:06 PM\t1\t0\t7000\tService Control Manager\tN/A\tEXCH01\t" + ims_name +
                              "\t%%" + std::to_string(x.start_code) + "\n9/13/2000\t5:56:06 PM\t1\t1\t" +
                              std::to_string(x.id) + "\t" + x.source + "\tN/A\tEXCH01\n";
                   }, description::none});
    all.push_back({"dumpel-c", [](const example_evidence& x) {
                       return "9/13/2000,5:56:06 PM,1,0,7000,Service Control Manager,N/A,EXCH01," + ims_name + ",%%" +
                              std::to_string(x.start_code) + "\n9/13/2000,5:56:06 PM,1,1," + std::to_string(x.id) +
                              "," + x.source + ",N/A,EXCH01\n";
                   }, description::none});
    all.push_back({"psloglist", [](const example_evidence& x) {
                       return "System log on \\\\EXCH01:\n[1206] Service Control Manager\n   Type:     ERROR\n"
                              "   Computer: EXCH01\n   Time:     9/13/2000 5:56:06 PM   ID:     7000\n"
                              "   User:     N/A\n" + scm_7000(x) + "\n[1207] " + x.source + "\n   Type:     " + x.type +
                              "\n   Computer: EXCH01\n   Time:     9/13/2000 5:56:06 PM   ID:     " +
                              std::to_string(x.id) + "\n   User:     N/A\n" + wrapped(x.description, 79, "", "");
                   }});
    all.push_back({"wevtutil", [](const example_evidence& x) {
                       return "Event[0]:\n  Log Name: Application\n  Source: " + x.source +
                              "\n  Date: 2000-09-13T17:56:06.000\n  Event ID: " + std::to_string(x.id) + "\n  Task: " +
                              x.category + "\n  Level: " + x.type +
                              "\n  Opcode: Info\n  Keyword: Classic\n  User: N/A\n  User Name: N/A\n  Computer: EXCH01\n"
                              "  Description: \n" + x.description +
                              "\nEvent[1]:\n  Log Name: System\n  Source: Service Control Manager\n"
                              "  Date: 2000-09-13T17:56:06.000\n  Event ID: 7000\n  Task: N/A\n  Level: Error\n"
                              "  Opcode: N/A\n  Keyword: Classic\n  User: N/A\n  User Name: N/A\n  Computer: EXCH01\n"
                              "  Description: \n" + scm_7000(x) + "\n";
                   }});
    all.push_back({"get-eventlog-list", [](const example_evidence& x) {
                       const std::string pad(21, ' ');
                       return "Index              : 1207\nEntryType          : " + x.type +
                              "\nInstanceId         : " + std::to_string(0xC0000000u | x.id) + "\n" +
                              wrapped(x.description, 100, "Message            : ", pad) + "Category           : " +
                              x.category + "\nCategoryNumber     : 1\nReplacementStrings : {}\nSource             : " +
                              x.source + "\nTimeGenerated      : 9/13/2000 5:56:06 PM\n"
                              "TimeWritten        : 9/13/2000 5:56:06 PM\nUserName           :\n\n"
                              "Index              : 1206\nEntryType          : Error\nInstanceId         : 3221232472\n" +
                              wrapped(scm_7000(x), 100, "Message            : ", pad) +
                              "Category           : (0)\nCategoryNumber     : 0\nReplacementStrings : {" + ims_name +
                              ", %%" + std::to_string(x.start_code) +
                              "}\nSource             : Service Control Manager\n";
                   }});
    all.push_back({"get-eventlog-table", [](const example_evidence& x) {
                       std::string source = x.source;
                       source.resize(20, ' ');
                       return "   Index Time          EntryType   Source               InstanceID Message\n"
                              "   ----- ----          ---------   ------               ---------- -------\n"
                              "    1207 Sep 13 17:56  " + x.type + std::string(12 - x.type.size(), ' ') + source + " " +
                              std::to_string(0xC0000000u | x.id) + " " + x.description.substr(0, 40) + "...\n"
                              "    1206 Sep 13 17:56  Error       Service Control M... 3221232472 The " + ims_name +
                              " ser...\n";
                   }, description::cut, "text", false});
    all.push_back({"get-winevent-list", [](const example_evidence& x) {
                       return "TimeCreated  : 9/13/2000 5:56:06 PM\nProviderName : " + x.source + "\nId           : " +
                              std::to_string(x.id) + "\n" + wrapped(x.description, 100, "Message      : ",
                                                                    std::string(15, ' ')) +
                              "\nTimeCreated  : 9/13/2000 5:56:06 PM\nProviderName : Service Control Manager\n"
                              "Id           : 7000\n" + wrapped(scm_7000(x), 100, "Message      : ", std::string(15, ' '));
                   }, description::whole, "text", true, false});
    all.push_back({"get-winevent-table", [](const example_evidence& x) {
                       return "\n   ProviderName: " + x.source +
                              "\n\nTimeCreated                     Id LevelDisplayName Message\n"
                              "-----------                     -- ---------------- -------\n"
                              "9/13/2000 5:56:06 PM          " + std::to_string(x.id) + " " + x.type +
                              std::string(17 - x.type.size(), ' ') + x.description.substr(0, 60) + "...\n";
                   }, description::cut, "text", false});
    all.push_back({"logparser-csv", [](const example_evidence& x) {
                       return "EventLog,RecordNumber,TimeGenerated,TimeWritten,EventID,EventType,EventTypeName,"
                              "EventCategory,EventCategoryName,SourceName,Strings,ComputerName,SID,Message,Data\n"
                              "Application,1207,2000-09-13 17:56:06,2000-09-13 17:56:06," + std::to_string(x.id) +
                              ",1," + x.type + " event,1," + x.category + "," + x.source + ",,EXCH01,,\"" +
                              x.description + "\",\n"
                              "System,1206,2000-09-13 17:56:06,2000-09-13 17:56:06,7000,1,Error event,0,None,"
                              "Service Control Manager," + ims_name + "|%%" + std::to_string(x.start_code) +
                              ",EXCH01,,\"" + scm_7000(x) + "\",\n";
                   }, description::whole, "event_viewer_export"});
    all.push_back({"mail-quoted", [](const example_evidence& x) {
                       std::string body = clipboard(x, "\t", true) + "\r\n" + clipboard_scm(x, "\t");
                       std::string out = "Hi Alice,\n\nBob Smith wrote on Monday:\n";
                       for (std::size_t at = 0; at < body.size();) {
                           const std::size_t nl = body.find('\n', at);
                           out += "> > " + body.substr(at, nl - at + 1);
                           at = nl + 1;
                       }
                       return out + "\nPlease advise.\n-- \nCarol, Messaging team\n";
                   }});
    all.push_back({"html", [](const example_evidence& x) {
                       return "<html><body><p>Hi,</p><p>Event Type:&nbsp;" + x.type + "<br>Event Source:&nbsp;" +
                              x.source + "<br>Event Category:&nbsp;" + x.category + "<br>Event ID:&nbsp;" +
                              std::to_string(x.id) + "<br>Description:<br>" + x.description +
                              "</p>\n<p>&nbsp;</p>\n<p>Could not start the " + ims_name + " service on Local Computer.</p><p>Error " +
                              std::to_string(x.start_code) + ": " + error_text(x.start_code) +
                              "</p></body></html>\n";
                   }});
    all.push_back({"net-start", [](const example_evidence& x) {
                       return "Event ID: " + std::to_string(x.id) + "\nSource: " + x.source + "\nType: " + x.type +
                              "\nCategory: " + x.category + "\nDescription: " + x.description +
                              "\n\nC:\\>net start msexchangeimc\nThe " + ims_name + " service is starting.....\nThe " +
                              ims_name + " service could not be started.\n\nSystem error " +
                              std::to_string(x.start_code) + " has occurred.\n";
                   }});
    all.push_back({"services-2000-dialog", [](const example_evidence& x) {
                       return "Could not start the " + ims_name + " service on Local Computer.\n\nError " +
                              std::to_string(x.start_code) + ": " + error_text(x.start_code) + "\n\n" +
                              clipboard(x, "\t", false);
                   }});
    return all;
}

// Whether the report's evidence for the best candidate holds a signal of this kind and code, cited
// from `file`; `text` receives its text_matched.
bool cites(const json_value& first, const std::string& kind, unsigned code, const std::string& file, bool& text) {
    for (const json_value& item : first["evidence"].items()) {
        const json_value& sig = item["signal"];
        if (sig.is_null() || sig["kind"].text() != kind) continue;
        const std::string number = kind == "event" ? sig["event_id"].text() : sig["code"].text();
        if (number != std::to_string(code)) continue;
        if (!starts_with(item["from"].text(), file)) continue;
        text = item["text_matched"].is_true();
        return true;
    }
    return false;
}

}  // namespace

TEST_CASE("layouts: Q173496's evidence in every layout puts its rule first") {
    const example_evidence x = the_example();
    CHECK(x.start_code == 2140);  // the system message below is 2140's
    const std::size_t index = rule_index(rule_id);
    const ruledx::example& ex = kb::table.rules[index].examples[0];
    const auto expected = ruledx::diagnose(kb::table, ex.as_observations());
    REQUIRE(expected.best() != nullptr);
    CHECK(expected.best()->rule_index == index);
    for (const layout& l : layouts()) {
        INFO("layout " << l.name);
        const std::string file = work("layout-" + l.name + ".txt");
        const std::string text = l.render(x);
        REQUIRE(write_file(file, text));
        std::vector<std::string> args{"--format", "json"};
        if (!l.start_in_text) args.insert(args.end(), {"--start-error", "MSExchangeIMC:" + std::to_string(x.start_code)});
        args.push_back(file);
        const process_result run = run_cli(args);
        CHECK_FALSE(run.timed_out);
        CHECK(run.status == 0);
        const json_value report = parsed(run);
        const json_value& first = report["candidates"][0];
        CHECK(first["rule"].text() == rule_id);
        CHECK(first["status"].text() == ruledx::to_string(expected.best()->status));
        bool event_text = false, start_text = false;
        CHECK(cites(first, "event", x.id, file, event_text));
        if (l.start_in_text) CHECK(cites(first, "start_error", x.start_code, file, start_text));
        CHECK(event_text == (l.shown != description::none));
        if (l.shown != description::none) CHECK(first["score"].text() == std::to_string(expected.best()->score));
        CHECK(report["inputs"][0]["format"].text() == l.format);
        CHECK(report["inputs"][0]["problems"].text() == "0");
    }
}

TEST_CASE("layouts: --dump-events reads back the event's fields from each layout") {
    const example_evidence x = the_example();
    for (const layout& l : layouts()) {
        INFO("layout " << l.name);
        const std::string file = work("layout-dump-" + l.name + ".txt");
        REQUIRE(write_file(file, l.render(x)));
        const process_result dump = run_cli({"--dump-events", file});
        CHECK(dump.status == 0);
        bool found = false;
        for (const std::string& line : lines_of(dump.out)) {
            const json_value e = parsed(line);
            if (e["event_id"].text() != std::to_string(x.id)) continue;
            found = true;
            CHECK(e["source"].text() == x.source);
            if (l.has_type) CHECK(e["type"].text() == x.type);
            if (l.shown == description::whole) CHECK(e["description"].text() == x.description);
            if (l.shown == description::cut) CHECK(starts_with(x.description, e["description"].text()));
            if (l.shown == description::none) CHECK(e["description"].text().empty());
        }
        CHECK(found);
    }
}

TEST_CASE("layouts: the IMS wizard's dialogs read as the start errors Q300535 and Q263029 name") {
    struct wizard_case {
        std::string rule, text;
        std::vector<std::string> facts;
    };
    const std::vector<wizard_case> cases = {
        {"ims-wizard-admin-mailbox-no-x400-timeout",
         "When I ran the Internet Mail Wizard it said:\n\n"
         "  The service did not respond to the start or control request in a timely\n  fashion\n"
         "  Microsoft Windows NT\n  ID No:0xc002041d\n",
         {"--fact", "ims_admin_mailbox_has_x400_address=false"}},
        {"ims-cluster-setup-missing-dns-a-records",
         "> Setup hangs with\n>\n>   Overlapped I/O operation is in progress.\n>\n>   ID no: 0xc00203e5\n>\n"
         "> and the application log has\n>\n>   EventID 4058\n>\n>   Category: Intialization/Termination\n",
         {"--fact", "local_dns_has_cluster_a_records=false"}},
    };
    for (const wizard_case& c : cases) {
        INFO("rule " << c.rule);
        const std::size_t index = rule_index(c.rule);
        REQUIRE(index < kb::table.rule_count);
        const auto expected = ruledx::diagnose(kb::table, kb::table.rules[index].examples[0].as_observations());
        REQUIRE(expected.best() != nullptr);
        const std::string file = work("layout-wizard-" + c.rule + ".txt");
        REQUIRE(write_file(file, c.text));
        std::vector<std::string> args{"--format", "json"};
        args.insert(args.end(), c.facts.begin(), c.facts.end());
        args.push_back(file);
        const process_result run = run_cli(args);
        CHECK(run.status == 0);
        const json_value report = parsed(run);
        CHECK(report["candidates"][0]["rule"].text() == c.rule);
        CHECK(report["candidates"][0]["status"].text() == ruledx::to_string(expected.best()->status));
    }
}

TEST_CASE("layouts: dumpel's insertion strings are the values that tell articles apart") {
    // Event 4007's socket error is its insertion string: 10048 is Q222553's port in use, 10050 is
    // Q193928's and Q203116's proxy cases. dumpel shows no message, only the strings.
    const std::string imc = "MSExchangeIMC";
    for (const std::string value : {"10048", "10050"}) {
        INFO("4007 with " << value);
        using namespace std::string_literals;
        const std::string strings = value + "\0"s;
        const ruledx::observed_event seen_events[] = {ruledx::saw_event("MSExchangeIMC", 4007).with_strings(strings),
                                                     ruledx::saw_event("MSExchangeIMC", 4020)};
        ruledx::observations given;
        given.events = ruledx::view<ruledx::observed_event>(seen_events, 2);
        const auto expected = ruledx::diagnose(kb::table, given);
        REQUIRE(expected.best() != nullptr);
        const std::string best_rule(kb::table.rules[expected.best()->rule_index].id);
        CHECK((value == "10048") == (best_rule == "ims-winsock-bind-10048-port-in-use"));

        const std::string file = work("layout-dumpel-values-" + value + ".txt");
        REQUIRE(write_file(file, "9/13/2000\t5:56:06 PM\t1\t1\t4007\t" + imc + "\tN/A\tEXCH01\t" + value + "\n" +
                                     "9/13/2000\t5:56:06 PM\t1\t1\t4020\t" + imc + "\tN/A\tEXCH01\n"));
        const process_result run = run_cli({"--format", "json", file});
        CHECK(run.status == 0);
        const json_value report = parsed(run);
        CHECK(report["candidates"][0]["rule"].text() == best_rule);
        CHECK(report["candidates"][0]["status"].text() == ruledx::to_string(expected.best()->status));
        CHECK(report["candidates"][0]["score"].text() == std::to_string(expected.best()->score));
    }
}
