// ruledx knowledge base — why Microsoft Exchange Server 4.0/5.0/5.5 services other than the Internet
// Mail Service fail to start, mostly with "Error 2140: An internal Windows NT error occurred": the MTA
// (MSExchangeMTA), the Directory (MSExchangeDS), the Information Store (MSExchangeIS), Key Management
// (MSExchangeKMS), the Event Service (MSExchangeES), Directory Synchronization (MSExchangeDX), the
// System Attendant (MSExchangeSA), the MS Mail Connector Interchange (MSExchangeMSMI) and the
// Exchange Replication Service.
//
// One rule per cause of one Microsoft Knowledge Base article (scope `exchange-2140` of shared/kb).
// Quoted messages are the literal text Windows or Exchange shows, as the article quotes it (its typos
// and odd capitalisation included); causes, resolutions and titles are ours.
//
// Conventions: those of ruledx/kb/exchange_ims.hpp, and for this scope:
// - Rule ids start with the service: mta-, ds-, is-, kms-, es-, dx-, sa-, msmi-, replication-.
// - Start errors name the NT service of the article's service ("MSExchangeMTA"). The Exchange
//   Replication Service of Q236416 is named by the display name its dialog prints, "Exchange
//   Replication Service", since the article gives no service name (the evidence reader keeps a display
//   name it does not know as the service, so the dialog still matches). Q163139's "Error 0005 Access is
//   denied" appears "when the services attempt to start" with a System Attendant event: it is taken as
//   a start error of MSExchangeSA.
// - Event sources as the article prints them ("MSEXCHANGEMTA" in Q279415, "MsExchangeDS" in Q263548;
//   matching ignores case and spaces). An MTA event printed without a source (Q155027's 2245 and 2241)
//   or with the shorthand "MTA" (Q324026's 2187) gets MSExchangeMTA, as the IMS KB does for "IMC".
// - Descriptions stop before a value of the reporter's machine (paths, object numbers, process ids,
//   addresses, "<organization>"). ESE97 events name the database client in their text ("MSExchangeDS
//   (988) ..."): the client is a telling value, the process id is left out.
// - Types and categories as printed; "None" is the absence of a type or category and is not matched.
//   Q301505 prints every event, 1002 included, as ESE97 "Information": kept as printed.
// - Versions as each article's "applies to" line states them; Exchange 2000 (Q301505) and MS Mail 3.x
//   (Q140951) are not versions of exchange_version and are named in the title; service-pack
//   qualifiers ("5.5 SP1", "5.5 SP2", "5.5 SP3") are named in the title.
// - Every rule has at least one confirming fact, so "confirmed" always means the deciding check was
//   made, and "likely" that the symptoms fit but the check is still open. As in the IMS knowledge
//   base, where the article names no check of its cause the confirming fact is the article's own
//   test of its remedy, and a situation it only describes (a service pack installed, a platform)
//   rules the rule out when absent instead of confirming it (Q320200).
//
// Entries of the scope that are not rules are listed, with the reason, in `exclusions` below.
#ifndef RULEDX_KB_EXCHANGE_SERVICES_HPP
#define RULEDX_KB_EXCHANGE_SERVICES_HPP

#include <string_view>

#include "ruledx/check/checked_table.hpp"
#include "ruledx/kb/exchange_common.hpp"
#include "ruledx/kb/exclusion.hpp"
#include "ruledx/model/event_type.hpp"
#include "ruledx/model/fact.hpp"
#include "ruledx/model/observation.hpp"
#include "ruledx/model/rule.hpp"
#include "ruledx/model/signal.hpp"
#include "ruledx/model/version.hpp"

namespace ruledx::kb::exchange_services {

inline constexpr std::string_view mta = "MSExchangeMTA";
inline constexpr std::string_view ds = "MSExchangeDS";
inline constexpr std::string_view is = "MSExchangeIS";
inline constexpr std::string_view kms = "MSExchangeKMS";
inline constexpr std::string_view es = "MSExchangeES";
inline constexpr std::string_view dx = "MSExchangeDX";
inline constexpr std::string_view sa = "MSExchangeSA";
inline constexpr std::string_view msmi = "MSExchangeMSMI";
inline constexpr std::string_view replication = "Exchange Replication Service";
inline constexpr std::string_view ese = "ESE97";

using exchange_common::nt4;
using exchange_common::v4_0;
using exchange_common::v5_0;
using exchange_common::v5_5;
using exchange_common::windows_2000;

// ---------------------------------------------------------------------------------------------
// The fact catalog: one name per real-world check, with the question that settles it. The first
// four are shared with the IMS knowledge base (kb/exchange_common.hpp).
// ---------------------------------------------------------------------------------------------
inline constexpr fact_definition facts[] = {
    // The installation, and the service account's Domain Admins membership
    exchange_common::shared_facts::exchange_version,
    exchange_common::shared_facts::exchange_service_pack,
    exchange_common::shared_facts::windows_version,
    exchange_common::shared_facts::service_account_in_domain_admins,
    // Message Transfer Agent
    boolean_fact("mta_x500_dn_matches_directory",
                 "Do the o=, ou= and cn= parts of the X500 DN value under "
                 "HKLM\\System\\CurrentControlSet\\Services\\MSExchangeMTA\\Parameters match the Directory Names of "
                 "the organization, site and server in the Exchange Administrator program?"),
    boolean_fact("mta_database_path_correct",
                 "Does the 'MTA database path' value under "
                 "HKLM\\System\\CurrentControlSet\\Services\\MSExchangeMTA\\Parameters point to the folder that "
                 "holds the MTA database files (normally Exchsrvr\\Mtadata)?"),
    boolean_fact("server_restored_after_optimizer",
                 "Was the server restored from backup after Performance Optimizer had moved Exchange files to "
                 "other locations?"),
    boolean_fact("mtacheck_log_damaged_or_read_only",
                 "Is Exchsrvr\\Mtadata\\Mtacheck.out\\Mtacheck.log damaged or marked read-only?"),
    boolean_fact("mta_service_logs_on_as_local_system",
                 "Does the Microsoft Exchange Message Transfer Agent service log on as the System (LocalSystem) "
                 "account (Services, Startup, Log On As)?"),
    boolean_fact("mta_control_blocks_over_limit",
                 "Do the 'TCP/IP control blocks', 'TP4 control blocks' and 'Eicon X.25 connections' values under "
                 "HKLM\\System\\CurrentControlSet\\Services\\MSExchangeMTA\\Parameters add up to more than 1,250?"),
    boolean_fact("mta_database_dat_files_missing",
                 "Are .dat files of the MTA database (DB*.DAT) missing from Exchsrvr\\Mtadata?"),
    boolean_fact("mta_starts_after_tcpip_reinstalled",
                 "Does the MTA start once TCP/IP is removed and reinstalled with its recorded settings (ipconfig /all) "
                 "and the latest Windows NT service pack is installed again?"),
    boolean_fact("internal_nic_first_in_binding_order",
                 "Is the internal network adapter first in the binding order of every service and protocol "
                 "(Network, Bindings tab)?"),
    // Directory
    boolean_fact("edbutil_logs_outside_dsadata",
                 "Was Edbutil /d run on Dir.edb from a folder other than Exchsrvr\\Dsadata (for example "
                 "Exchsrvr\\Bin), leaving Edb.chk, Edb.log, Res1.log and Res2.log in that folder?"),
    boolean_fact("system_date_after_2038", "Is the server's system date later than January 17, 2038?"),
    boolean_fact("chkdsk_finds_disk_errors", "Does CHKDSK report problems on the disk that holds Exchsrvr\\Dsadata?"),
    // Full Control on Dsadata (Q166335) is part of Full Control on the whole Exchsrvr tree (Q163139),
    // which rules the Dsadata cause out.
    boolean_fact("service_account_full_control_on_dsadata",
                 "Does the Exchange service account have Full Control (NTFS) on the Exchsrvr\\Dsadata folder?"),
    boolean_fact("limited_virtual_memory_at_boot",
                 "Does Windows NT report 'Limited Virtual Memory' (no paging file, or one too small) when it starts?"),
    boolean_fact("ds_registry_points_to_newdsa",
                 "Do the Directory's database locations in the registry (MSExchangeDS\\Parameters) point to the "
                 "Dsadata\\newdsa folder the Move Server Wizard creates?"),
    boolean_fact("antivirus_quarantined_exchange_files",
                 "Has antivirus software renamed, deleted or quarantined database or log files in the Exchsrvr "
                 "folders (check its quarantine folder and the Recycle Bin)?"),
    boolean_fact("ds_database_read_only",
                 "Is the Read-only attribute set on the Directory database (Dir.edb in Exchsrvr\\Dsadata)?"),
    // Q263548's cause is a missing value; the service account's access to the key is a step of its
    // resolution, not a second check.
    boolean_fact("ds_parameters_complete",
                 "Are all the values Q263548 lists present under "
                 "HKLM\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeDS\\Parameters ('Dsa Database File', "
                 "'DSA Working Directory', 'Database log files path' and the others; event 1016 names a missing "
                 "one)?"),
    boolean_fact("ds_edb_log_damaged",
                 "Is a Directory transaction log (Edb.log in the Dsadata log folder) damaged?"),
    // System Attendant and the Exchsrvr tree
    boolean_fact("service_account_full_control_on_exchsrvr",
                 "Does the Exchange service account have Full Control (NTFS, not share permissions) on the Exchsrvr "
                 "folder and every folder and file under it, itself or through the Everyone group Setup gives Full "
                 "Control?"),
    boolean_fact("sa_registry_names_match_directory",
                 "Do the Enterprise, Site and Server values under "
                 "HKLM\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeSA\\Parameters match the organization, site "
                 "and server directory names in the Exchange Administrator program, case included?"),
    // Key Management
    boolean_fact("kms_password_in_startup_parameters",
                 "Was the Key Management Server password shown at setup typed into the Startup Parameters box of "
                 "the service (Control Panel, Services)?"),
    // Event Service
    boolean_fact("mapi_dlls_intact",
                 "Are Emsmdb32.dll and Mapi32.dll on the server undamaged (the same as in Server\\Setup\\<Platform> "
                 "on the Exchange 5.5 disc)?"),
    // Q190993 names no check of an "invalid" EventConfig folder; its workaround removes copies.
    boolean_fact("eventconfig_folder_duplicated",
                 "Is there more than one EventConfig public folder for this server (Q187523 shows how to find and "
                 "remove the copies)?")
        .formerly("eventconfig_folder_duplicated_or_invalid"),
    // Q285021: the Event Service's own account is the situation (absent, it rules the rule out);
    // changed permissions cannot be seen, starting it under another account is the article's test.
    boolean_fact("es_logs_on_with_own_account",
                 "Does the Microsoft Exchange Event Service log on with an account other than the one the other "
                 "Exchange services use (Services, Startup, Log On As)?"),
    boolean_fact("es_starts_with_another_account",
                 "Does the Event Service start once it is set to log on with a different service account "
                 "(Services, Startup, Log On As)?")
        .formerly("es_own_account_permissions_changed"),
    // Directory Synchronization
    boolean_fact("addr_map_cfg_extra_line_feeds",
                 "Does the DXA's Addr_map.cfg file (AddressMappingFileName) end with more than one line break "
                 "after its last entry?"),
    boolean_fact("service_account_can_change_drive_root",
                 "Does the Exchange service account have at least Change permission on the root folder of the NTFS "
                 "drive Exchange is installed on?"),
    boolean_fact("dxadata_xdir_edb_missing",
                 "Is Xdir.edb missing from Exchsrvr\\Dxadata while Edb.log files are there?"),
    // Other services
    boolean_fact("exchsync_installed_outside_ts_install_mode",
                 "Was the Exchange Server Replication Service installed on a Terminal Services computer without "
                 "Terminal Services installation mode (Add/Remove Programs or 'change user /install')?"),
    boolean_fact("msmi_mt_exe_older_than_5_5_2524",
                 "Is Mt.exe of the Microsoft Mail Connector older than version 5.5.2524.0?"),
};

// ---------------------------------------------------------------------------------------------
// Literal messages shared by several rules or long enough to name once.
// ---------------------------------------------------------------------------------------------
namespace quoted {
inline constexpr std::string_view mta_9406 =
    "There is not enough Performance Monitor memory to display the MTA Connections information. Stop attached "
    "Performance Monitors and re-start the MTA.";
inline constexpr std::string_view mta_2127 =
    "An MTA database server error was encountered. Error accessing object attribute (AAT) on a Read/Write "
    "operation. Filename:";
inline constexpr std::string_view mta_2155 =
    "An MTA database server error was encountered. Failed to read attribute information (AAT) for object";
inline constexpr std::string_view mta_2152 =
    "A fatal database error occurred, the database recovery operation was not successful and manual correction "
    "will be required. Details can be found in the file:";
inline constexpr std::string_view mta_2152_q324026 =
    "MSExchangeMTA - A fatal database error occurred, the database recovery operation was not successful and "
    "manual correction will be required. Details can be found in the file:";
inline constexpr std::string_view ds_1002_1022 =
    "The Microsoft Exchange Server database, EDB, could not be initialized and returned error -1022. "
    "Unrecoverable error. The directory cannot continue.";
inline constexpr std::string_view ds_1002_1811_q196159 =
    "The Microsoft Exchange Server database, EDB, could not be initialized and returned error -1811. "
    "Unrecoverable error. The directory can't continue.";
inline constexpr std::string_view ds_1002_1811_q262374 =
    "The Microsoft Exchange Server database, EDB, could not be initialized and returned error -1811. "
    "Unrecoverable error. The directory cannot continue.";
inline constexpr std::string_view es_5_80040107 = "An unexpected MAPI error occurred. Error returned was [0x80040107].";
inline constexpr std::string_view es_5_80004005_q285021 =
    "An unexpected MAPI error occurred. Error returned was [0x80004005]";
inline constexpr std::string_view es_5_80004005 = "An unexpected MAPI error occurred. Error returned was [0x80004005].";
}  // namespace quoted

// Signals named once: those several rules use, then those a rule and its examples share (an example
// shows them by saw(...)). An example writes an event out where it shows it as a log prints it
// instead: another spelling of the source, the article's full text with the values of the
// reporter's machine the rule's description stops before, a typo as printed, or no text.
namespace signals {
inline constexpr signal mta_2140 = start_error(mta, 2140);
inline constexpr signal ds_2140 = start_error(ds, 2140);
inline constexpr signal es_2140 = start_error(es, 2140);
inline constexpr signal dx_2140 = start_error(dx, 2140);
inline constexpr signal mta_9406 = event(mta, 9406).with_description(quoted::mta_9406);
inline constexpr signal mta_2127 = event(mta, 2127)
                                       .with_type(event_type::warning)
                                       .with_category("Operating System")
                                       .with_description(quoted::mta_2127);
inline constexpr signal mta_2155 = event(mta, 2155)
                                       .with_type(event_type::warning)
                                       .with_category("Internal Processing")
                                       .with_description(quoted::mta_2155);
inline constexpr signal ds_1002_1022 = event(ds, 1002)
                                           .with_type(event_type::error)
                                           .with_category("Internal Processing")
                                           .with_description(quoted::ds_1002_1022)
                                           .with_value("-1022");
inline constexpr signal es_5_80040107 = event(es, 5)
                                            .with_type(event_type::error)
                                            .with_category("General")
                                            .with_description(quoted::es_5_80040107)
                                            .with_value("0x80040107");
// Shared by a rule and its examples: start errors, then by article in rule order.
inline constexpr signal sa_5 = start_error(sa, 5);
inline constexpr signal is_2140 = start_error(is, 2140);
inline constexpr signal kms_2140 = start_error(kms, 2140);
inline constexpr signal replication_2140 = start_error(replication, 2140);
inline constexpr signal msmi_2140 = start_error(msmi, 2140);
// Q155027
inline constexpr signal q155027_137 =
    event(mta, 137).with_description("A fatal directory error occurred. Change to the maximum logging level for more "
                                     "details. [MTA MAIN BASE 1 15] (16)");
// Q169918
inline constexpr signal q169918_2152 =
    event(mta, 2152).with_category("Field Engineering").with_description(quoted::mta_2152);
// Q185154
inline constexpr signal q185154_6613 =
    event(mta, 6613)
        .with_category("Configuration")
        .with_description("A fatal internal MTA error occurred. The registration of the conversion routines has "
                          "failed. Contact Microsoft Product Support Services. (16)");
inline constexpr signal q185154_9406 = event(mta, 9406).with_category("Resource").with_description(quoted::mta_9406);
// Q243632
inline constexpr signal q243632_4300 =
    event(mta, 4300)
        .with_type(event_type::error)
        .with_category("Configuration")
        .with_description("Unable to initialize due to a bad configuration. Contact Microsoft Technical Support. "
                          "Error code=");
// Q274285
inline constexpr signal q274285_3080 =
    event(mta, 3080)
        .with_type(event_type::warning)
        .with_category("Internal Processing")
        .with_description("A fatal MTA database server error was encountered. [XAPI OPERATOR 41 26] (16)");
// Q320200
inline constexpr signal q320200_9266 =
    event(mta, 9266).with_description("A fatal system error occurred while initializing the MTA. Reboot the "
                                      "computer. If that does not work, contact Microsoft Product Support.");
inline constexpr signal q320200_9321 = event(mta, 9321).with_description("An RPC communication error has occurred.");
// Q324026
inline constexpr signal q324026_2152 =
    event(mta, 2152)
        .with_type(event_type::warning)
        .with_category("Operating System")
        .with_description(quoted::mta_2152_q324026);
// Q154595
inline constexpr signal q154595_5000 =
    event(is, 5000)
        .with_type(event_type::error)
        .with_category("General")
        .with_description("Unable to initialize the Microsoft Exchange Information Store service. Error 4015.");
inline constexpr signal q154595_1121 =
    event(is, 1121)
        .with_type(event_type::error)
        .with_category("General")
        .with_description("Error 4015 connecting to the Microsoft Exchange Information Server Directory Service.");
// Q196159
inline constexpr signal q196159_1002 =
    event(ds, 1002)
        .with_type(event_type::error)
        .with_category("Internal Processing")
        .with_description(quoted::ds_1002_1811_q196159)
        .with_value("-1811");
// Q262371
inline constexpr signal q262371_1002 =
    event(ds, 1002)
        .with_type(event_type::error)
        .with_category("Internal Processing")
        .with_description("The Microsoft Exchange Server database, EDB, could not be initialized and returned error "
                          "-1008. Unrecoverable error. The directory cannot continue.")
        .with_value("-1008");
// Q262374
inline constexpr signal q262374_1002 =
    event(ds, 1002)
        .with_type(event_type::error)
        .with_category("Internal Processing")
        .with_description(quoted::ds_1002_1811_q262374)
        .with_value("-1811");
// Q263548
inline constexpr signal q263548_1016 =
    event("MsExchangeDS", 1016)
        .with_description("Missing configuration parameter (DSA Database file). The Microsoft Exchange Server "
                          "database (EDB) may be corrupted. Try to reinstall the software.");
inline constexpr signal q263548_1002 =
    event("MsExchangeDS", 1002)
        .with_description("The Microsoft Exchange Server database (EDB) could not be initialized and returned error "
                          "1. Unrecoverable error, the directory can not continue.")
        .with_value("returned error 1.");
// Q301505
inline constexpr signal q301505_1166 =
    event(ese, 1166)
        .with_type(event_type::information)
        .with_description("Error -510 has occurred (internal ID 2030148). Contact Microsoft Technical Support for "
                          "assistance.")
        .with_value("-510");
inline constexpr signal q301505_1002 =
    event(ese, 1002)
        .with_type(event_type::information)
        .with_description("The Microsoft Exchange Server database (EDB) could not be initialized and returned error "
                          "-510. Unrecoverable error, the directory can't continue.")
        .with_value("-510");
// Q262375
inline constexpr signal q262375_7024 =
    event(is, 7024)
        .with_type(event_type::error)
        .with_description("The Microsoft Exchange Information Store stopped with Service Specific Error 4294966781.")
        .with_value("4294966781");
// Q184420
inline constexpr signal q184420_5057 = event(kms, 5057).with_description("The supplied password is not valid.");
// Q274321
inline constexpr signal q274321_5389 =
    event(kms, 5389)
        .with_type(event_type::information)
        .with_description("Microsoft Exchange Key Management service is exiting with return code 0.");
inline constexpr signal q274321_5015 =
    event(kms, 5015)
        .with_type(event_type::error)
        .with_description("Microsoft Exchange Key Management service failed logging on as a MAPI client.");
// Q285021
inline constexpr signal q285021_5 =
    event(es, 5)
        .with_type(event_type::error)
        .with_category("General")
        .with_description(quoted::es_5_80004005_q285021)
        .with_value("0x80004005");
// Q299676
inline constexpr signal q299676_5 =
    event(es, 5)
        .with_type(event_type::error)
        .with_category("General")
        .with_description(quoted::es_5_80004005)
        .with_value("0x80004005");
// Q236416
inline constexpr signal q236416_114 =
    event("Exchsync", 114)
        .with_type(event_type::error)
        .with_description("Unable to read configuration file [], not a valid configuration file or file is corrupted.");
// Q198393
inline constexpr signal q198393_10003 =
    event(msmi, 10003).with_description("Fatal Error: File SFSEMS.CPP, line 878 Mailer Thread failed.");
// The article quotes this event "in the event log" without an id or a source: the MTA's own event,
// known by its text.
inline constexpr signal q158488_queue_desc_object =
    event_described(mta, "An unexpected error has occurred which may cause the MTA to terminate. Error: "
                         "Queue-Desc-Object (ID 1) not found {BASE MAIN BASE] (16).");
}  // namespace signals


// ---------------------------------------------------------------------------------------------
// The rules, by service, each service's in article order.
// ---------------------------------------------------------------------------------------------
inline constexpr rule rules[] = {
    // ===== Message Transfer Agent (MSExchangeMTA) =================================================
    // Q155027 ------------------------------------------------------------------------------
    rule("mta-137-x500-dn-mismatch", "Q155027")
        .titled("MTA stops at start (Error 1067 or 2140, event 137): its X500 DN in the registry does not match "
                "the directory")
        .applies_to("exchange_version", {only(v4_0), only(v5_0), only(v5_5)})
        .requires_signals({signals::q155027_137})
        .supported_by({signals::mta_2140, start_error(mta, 1067),
                       event(mta, 2245)
                           .with_type(event_type::warning)
                           .with_category("Directory Access")
                           .with_description("Directory operation (ds_read) failed with problem DS_E_NO_SUCH_OBJECT."),
                       event(mta, 2241).with_description(
                           "Directory operation (ds_search) failed with problem DS_E_NO_SUCH_OBJECT.")})
        .confirmed_by({fact_is("mta_x500_dn_matches_directory", false)})
        .because("At start the MTA compares the distinguished name of its MTA object stored in the X500 DN registry "
                 "value with the one in the Exchange directory; Exchange was reinstalled with a wrong organization "
                 "or site name, so they differ and the MTA stops. Events 2245 and 2241 (DS_E_NO_SUCH_OBJECT) show "
                 "once Directory Access and Field Engineering logging are set to Maximum.")
        .resolved_by({"In Regedt32 open HKLM\\System\\CurrentControlSet\\Services\\MSExchangeMTA\\Parameters and "
                      "read the X500 DN value.",
                      "In the Exchange Administrator program open the properties of the Organization, Site and "
                      "Server objects and note each Directory Name.",
                      "Edit X500 DN so that its o=, ou= and cn= parts match those names exactly, or reinstall "
                      "Exchange Server with the correct organization and site names.",
                      "Start the MTA again."})
        .see_also({"Q314148", "Q299676"})
        .shown_by({example_of(saw(signals::mta_2140), saw(signals::q155027_137),
                              fact_is("mta_x500_dn_matches_directory", false))}),

    // Q158488 ------------------------------------------------------------------------------
    rule("mta-database-path-wrong-after-restore", "Q158488")
        .titled("MTA Error 2140 ('Queue-Desc-Object (ID 1) not found') after restoring an optimized server: the MTA "
                "database path in the registry is wrong")
        .applies_to("exchange_version", {only(v4_0), only(v5_0), only(v5_5)})
        .requires_signals({signals::mta_2140})
        .supported_by({signals::q158488_queue_desc_object})
        .confirmed_by({fact_is("mta_database_path_correct", false), fact_is("server_restored_after_optimizer", true)})
        .because("After a restore of a server on which Performance Optimizer had moved files, the registry no longer "
                 "points to the MTADATA folder; the MTA logs 'Queue-Desc-Object (ID 1) not found' (the article gives "
                 "no event id) and Mtacheck reports errors it cannot repair.")
        .resolved_by({"In Regedt32 open HKLM\\System\\CurrentControlSet\\Services\\MSExchangeMTA\\Parameters.",
                      "Set the MTA database path value to the folder that holds the MTA database and its log files.",
                      "Quit Registry Editor and start the MTA."})
        .see_also({"Q324026"})
        .shown_by({example_of(saw(signals::mta_2140), saw(signals::q158488_queue_desc_object),
                              fact_is("mta_database_path_correct", false),
                              fact_is("server_restored_after_optimizer", true))}),

    // Q169918 ------------------------------------------------------------------------------
    rule("mta-2152-mtacheck-log-damaged", "Q169918")
        .titled("MTA 5.5 Error 2140 with event 2152 (Field Engineering): Mtacheck.log is damaged or read-only")
        .applies_to("exchange_version", {only(v5_5)})
        .requires_signals({signals::q169918_2152})
        .supported_by({signals::mta_2140})
        .confirmed_by({fact_is("mtacheck_log_damaged_or_read_only", true)})
        .because("The MTA runs an online MTACHECK while it starts, and the Mtacheck.log left in "
                 "Exchsrvr\\Mtadata\\Mtacheck.out is damaged or has the read-only attribute (which the MTA never "
                 "sets itself).")
        .resolved_by({"Move or delete Exchsrvr\\Mtadata\\Mtacheck.out\\Mtacheck.log, or clear its read-only "
                      "attribute.",
                      "Start the MTA again."})
        .see_also({"Q324026", "Q274285"})
        .shown_by({example_of(saw(signals::mta_2140), saw(signals::q169918_2152),
                              fact_is("mtacheck_log_damaged_or_read_only", true))}),

    // Q185154 ------------------------------------------------------------------------------
    rule("mta-6613-logs-on-as-system", "Q185154")
        .titled("MTA Error 2140 with events 6613 and 9406: the MTA service logs on as the System account")
        .applies_to("exchange_version", {only(v4_0), only(v5_0)})
        .requires_signals({signals::q185154_6613})
        .supported_by({signals::mta_2140, signals::q185154_9406})
        .confirmed_by({fact_is("mta_service_logs_on_as_local_system", true)})
        .because("The Message Transfer Agent service is set to start as the System (LocalSystem) account instead of "
                 "the Exchange service account.")
        .resolved_by({"In Control Panel, Services, select the Microsoft Exchange Message Transfer Agent service and "
                      "click Startup.",
                      "Set the Exchange service account and type its password and confirmation again.",
                      "In User Manager for Domains, Policies, User Rights, Show Advanced User Rights, check that the "
                      "service account has Act as part of the operating system, Back up files and directories, Log "
                      "on as a service, and Restore files and directories.",
                      "Start the MTA again."})
        .see_also({"Q279415", "Q320200"})
        .shown_by({example_of(saw(signals::mta_2140), saw(signals::q185154_6613), saw(signals::q185154_9406),
                              fact_is("mta_service_logs_on_as_local_system", true))}),

    // Q243632 ------------------------------------------------------------------------------
    rule("mta-4300-control-blocks-too-high", "Q243632")
        .titled("MTA 5.5 Error 2140 with event 4300 (bad configuration): the pooled control-block values are set "
                "too high")
        .applies_to("exchange_version", {only(v5_5)})
        .requires_signals({signals::q243632_4300})
        .supported_by({signals::mta_2140})
        .confirmed_by({fact_is("mta_control_blocks_over_limit", true)})
        .because("The TCP/IP control blocks, TP4 control blocks and Eicon X.25 connections values share one pool of "
                 "at most 1,250 control blocks; set higher (typically after raising TCP/IP control blocks for many "
                 "X.400 connectors) the MTA cannot initialize.")
        .resolved_by({"Open HKLM\\System\\CurrentControlSet\\Services\\MSExchangeMTA\\Parameters.",
                      "Lower 'TCP/IP control blocks' so that it, 'TP4 control blocks' and 'Eicon X.25 connections' "
                      "(20 each by default) add up to 1,250 or less; about 10 per X.400 connector is enough, and "
                      "the X.25 value can be 0 when X.25 is not used.",
                      "Start the MTA again."})
        .see_also({"Q194589"})
        .shown_by({example_of(saw(signals::mta_2140), saw(signals::q243632_4300),
                              fact_is("mta_control_blocks_over_limit", true))}),

    // Q274285 ------------------------------------------------------------------------------
    rule("mta-3080-2171-dat-files-missing", "Q274285")
        .titled("MTA 5.5 Error 2140 with events 3080, 2171 (ODXOINIU), 2155 and 2127: .dat files are missing from "
                "Exchsrvr\\Mtadata")
        .applies_to("exchange_version", {only(v5_5)})
        .requires_signals({signals::q274285_3080,
                           event(mta, 2171)
                               .with_type(event_type::warning)
                               .with_category("Internal Processing")
                               .with_description("An MTA database server error was encountered while reading an "
                                                 "attribute. Called from MTA. Procedure: 423. Database error code: "
                                                 "ODXOINIU - Object does not exist.")
                               .with_value("ODXOINIU")})
        .supported_by({signals::mta_2140, signals::mta_2155, signals::mta_2127})
        .confirmed_by({fact_is("mta_database_dat_files_missing", true)})
        .because("One or more .dat files of the MTA database have been removed from Exchsrvr\\Mtadata, and the MTA "
                 "cannot read its queues and objects.")
        .resolved_by({"Put the missing DB*.DAT files back into Exchsrvr\\Mtadata.",
                      "Run Mtacheck (Q163326) and start the MTA."})
        .see_also({"Q163326", "Q324026", "Q169918"})
        .shown_by({example_of(saw(signals::mta_2140), saw(signals::q274285_3080),
                              saw_event(mta, 2171)
                                  .with_type(event_type::warning)
                                  .with_category("Internal Processing")
                                  .with_description("An MTA database server error was encountered while reading an "
                                                    "attribute. Called from MTA. Procedure: 423. Database error code: "
                                                    "ODXOINIU - Object does not exist. Object at fault: [DB######.DAT]."),
                              saw(signals::mta_2155), saw(signals::mta_2127),
                              fact_is("mta_database_dat_files_missing", true))}),

    // Q279415 ------------------------------------------------------------------------------
    // The post-SP3 hotfix or SP4 is the situation the article describes: a server before SP3 is ruled
    // out (SP3 itself may carry the hotfix). On SP3, so, Q320200 (SP4) is out and this rule is not.
    rule("mta-9321-11004-internal-nic-not-first", "Q279415")
        .titled("MTA 5.5 Error 2140 after a post-SP3 hotfix or SP4 (9321 'NT Error: 11004', 9266, 9406): the "
                "internal network adapter is not first in the bindings")
        .applies_to("exchange_version", {only(v5_5)})
        .requires_signals({event("MSEXCHANGEMTA", 9321)
                               .with_description("An RPC communications error occurred. An attempt to listen over RPC "
                                                 "has failed. NT Error: 11004.")
                               .with_value("11004")})
        .supported_by({signals::mta_2140,
                       event("MSEXCHANGEMTA", 9266)
                           .with_description("A fatal system error occurred while initializing the MTA. Reboot the "
                                             "computer. If that does not work, contact Microsoft Technical Support."),
                       signals::mta_9406})
        .confirmed_by({fact_is("internal_nic_first_in_binding_order", false)})
        .ruled_out_by({fact_below("exchange_service_pack", 3)})
        .because("The internal network adapter is not the first item in the binding order; the article's "
                 "resolution moves it to the top. It was seen on servers with more than one network adapter, after "
                 "the post-SP3 hotfix or SP4; the article does not say why this stops the MTA.")
        .resolved_by({"Quit running programs; open Network Neighborhood, Properties, Bindings.",
                      "Under Show Bindings For: All Services, expand each service and move the internal network "
                      "adapter to the top.",
                      "Do the same under All Protocols (internal adapter, second adapter, Remote Access WAN "
                      "Wrapper).",
                      "Click OK and restart the computer when prompted."})
        .see_also({"Q320200", "Q185154"})
        .shown_by({example_of(saw(signals::mta_2140),
                              saw_event("MSEXCHANGEMTA", 9321)
                                  .with_description("An RPC communications error occurred. An attempt to listen over "
                                                    "RPC has failed. NT Error: 11004. [ BASE IL MAIN BASE 1 504] (14)"),
                              saw_event("MSEXCHANGEMTA", 9266)
                                  .with_description("A fatal system error occurred while initializing the MTA. Reboot "
                                                    "the computer. If that does not work, contact Microsoft Technical "
                                                    "Support. [4 BASE IL MAIN BASE 1 173] (16)"),
                              saw_event("MSEXCHANGEMTA", 9406).with_description(quoted::mta_9406),
                              fact_is("internal_nic_first_in_binding_order", false))}),

    // Q320200 ------------------------------------------------------------------------------
    // Service Pack 4 is the situation the article describes, not a check: a server without it is ruled
    // out. The article names no cause; its remedy working (the MTA starts) confirms.
    rule("mta-sp4-9266-reinstall-tcpip", "Q320200")
        .titled("MTA 5.5 does not start after Service Pack 4 (Error 2140; 9266, 9406, 9321): TCP/IP must be "
                "reinstalled")
        .applies_to("exchange_version", {only(v5_5)})
        .requires_signals({signals::q320200_9266, signals::q320200_9321})
        .supported_by({signals::mta_2140, signals::mta_9406})
        .confirmed_by({fact_is("mta_starts_after_tcpip_reinstalled", true)})
        .ruled_out_by({fact_below("exchange_service_pack", 4)})
        .because("After Exchange Server 5.5 Service Pack 4 is installed and the computer restarted, the MTA does not "
                 "start. The article gives no cause; its resolution removes and reinstalls TCP/IP.")
        .resolved_by({"Record the TCP/IP settings: ipconfig /all > c:\\ipconfig.txt.",
                      "In Control Panel, Network, Protocols, remove TCP/IP Protocol and restart the computer.",
                      "Add TCP/IP Protocol again and enter the recorded settings; do not restart yet.",
                      "Reinstall the latest Windows NT service pack (Q152734), then restart the computer."})
        .see_also({"Q279415", "Q152734"})
        .shown_by({example_of(saw(signals::mta_2140), saw(signals::q320200_9266),
                              saw_event(mta, 9406).with_description("there is not enough Performance Monitor Memory to "
                                                                    "display the MTA connections information. Stop "
                                                                    "attached performance monitors and re-start the "
                                                                    "MTA."),
                              saw(signals::q320200_9321), fact_is("mta_starts_after_tcpip_reinstalled", true))}),

    // Q324026 ------------------------------------------------------------------------------
    rule("mta-2152-database-path-registry-wrong", "Q324026")
        .titled("MTA 5.5 Error 2140 with events 2152 (Operating System), 2127, 2155, 2187, 2219: the MTA Database "
                "Path in the registry is wrong")
        .applies_to("exchange_version", {only(v5_5)})
        .requires_signals({signals::q324026_2152})
        .supported_by({signals::mta_2140, signals::mta_2127, signals::mta_2155,
                       event(mta, 2187)
                           .with_type(event_type::warning)
                           .with_category("Internal Processing")
                           .with_description("An MTA database server error was encountered while attempting to unlock "
                                             "an object which is not locked."),
                       event(mta, 2219)
                           .with_category("Field Engineering")
                           .with_description("The MTA is running recovery on the internal message database because "
                                             "the MTA was not shut down cleanly. This operation may take some time. "
                                             "Status updates will be written to the Windows NT Event Log.")})
        .confirmed_by({fact_is("mta_database_path_correct", false)})
        .because("The MTA Database Path value (and possibly MTA Run Directory) under MSExchangeMTA\\Parameters "
                 "names the wrong folder, so the MTA and Mtacheck cannot find the database files.")
        .resolved_by({"In Regedit open HKLM\\System\\CurrentControlSet\\Services\\MSExchangeMTA\\Parameters.",
                      "Set 'MTA Database Path' to the folder of the MTA database files, e.g. <drive>:\\exchsrvr\\mtadata.",
                      "Check that 'MTA Run Directory' names the same folder.",
                      "Or move the MTA database with Performance Optimizer (Q246125 for verbose mode); then start "
                      "the MTA."})
        .see_also({"Q282780", "Q163326", "Q148284", "Q175495", "Q246125", "Q266051"})
        .shown_by({example_of(saw(signals::mta_2140), saw(signals::q324026_2152), saw(signals::mta_2127),
                              saw(signals::mta_2155),
                              saw_event("MTA", 2187)
                                  .with_type(event_type::warning)
                                  .with_category("Internal Processing")
                                  .with_description("An MTA database server error was encountered while attempting "
                                                    "to unlock an object which is not locked."),
                              fact_is("mta_database_path_correct", false))}),

    // ===== Directory (MSExchangeDS) ===============================================================
    // Q131727 ------------------------------------------------------------------------------
    rule("ds-edbutil-logs-outside-dsadata", "Q131727")
        .titled("Directory 4.0 Error 2140 after 'Edbutil /d' was run outside Exchsrvr\\Dsadata")
        .applies_to("exchange_version", {only(v4_0)})
        .requires_signals({signals::ds_2140})
        .confirmed_by({fact_is("edbutil_logs_outside_dsadata", true)})
        .because("Edbutil writes a new Edb.chk, Edb.log, Res1.log and Res2.log into the folder it is run from; run "
                 "from Exchsrvr\\Bin, the Directory looks for them in its working folder Exchsrvr\\Dsadata and does "
                 "not find them.")
        .resolved_by({"Move Edb.chk, Edb.log, Res1.log and Res2.log from the folder Edbutil ran in to "
                      "Exchsrvr\\Dsadata,",
                      "or run Edbutil again from the Dsadata folder: C:\\Exchsrvr\\Dsadata>C:\\Exchsrvr\\Bin\\Edbutil "
                      "/d C:\\Exchsrvr\\Dsadata\\Dir.edb.",
                      "Start the Directory service again."})
        .shown_by({example_of(saw(signals::ds_2140), fact_is("edbutil_logs_outside_dsadata", true))}),

    // Q154595 ------------------------------------------------------------------------------
    rule("ds-system-date-after-2038", "Q154595")
        .titled("Directory Error 2140 (store events 5000 and 1121, error 4015) when the system date is after "
                "January 17, 2038")
        .applies_to("exchange_version", {only(v4_0), only(v5_0), only(v5_5)})
        .requires_signals({signals::ds_2140})
        .supported_by({signals::q154595_5000, signals::q154595_1121})
        .confirmed_by({fact_is("system_date_after_2038", true)})
        .because("The Directory service does not start when the system date is later than January 17, 2038; the "
                 "information store's events then report error 4015 connecting to the directory.")
        .resolved_by({"The article gives no resolution: it names the cause and says that Microsoft confirmed the "
                      "problem in Exchange Server 4.0 and 5.0 and was researching it."})
        .shown_by({example_of(saw(signals::ds_2140), saw(signals::q154595_5000), saw(signals::q154595_1121),
                              fact_is("system_date_after_2038", true))}),

    // Q166335: three checks for one symptom (event 1002, error -1022 JET_errDiskIO).
    rule("ds-1002-1022-disk-errors", "Q166335")
        .titled("Directory Error 2140 with event 1002 error -1022 (disk I/O): the disk has errors")
        .applies_to("exchange_version", {only(v4_0), only(v5_0)})
        .requires_signals({signals::ds_1002_1022})
        .supported_by({signals::ds_2140})
        .confirmed_by({fact_is("chkdsk_finds_disk_errors", true)})
        .because("Error -1022 is JET_errDiskIO: the directory database cannot be read or written because of a "
                 "problem on the hard disk.")
        .resolved_by({"Run CHKDSK on the drive that holds Exchsrvr\\Dsadata and repair what it finds.",
                      "Start the Directory service again."})
        .shown_by({example_of(saw(signals::ds_2140), saw(signals::ds_1002_1022),
                              fact_is("chkdsk_finds_disk_errors", true))}),
    rule("ds-1002-1022-dsadata-permissions", "Q166335")
        .titled("Directory Error 2140 with event 1002 error -1022 (disk I/O): the service account lacks Full "
                "Control on Exchsrvr\\Dsadata")
        .applies_to("exchange_version", {only(v4_0), only(v5_0)})
        .requires_signals({signals::ds_1002_1022})
        .supported_by({signals::ds_2140})
        .confirmed_by({fact_is("service_account_full_control_on_dsadata", false)})
        .ruled_out_by({fact_is("service_account_full_control_on_exchsrvr", true)})  // Dsadata is in that tree
        .because("Error -1022 is JET_errDiskIO: the Exchange service account cannot fully access the "
                 "Exchsrvr\\Dsadata folder that holds the directory database.")
        .resolved_by({"Give the Exchange service account Full Control on Exchsrvr\\Dsadata (folder Properties, "
                      "Security, Permissions).",
                      "Start the Directory service again."})
        .see_also({"Q163139"})
        .shown_by({example_of(saw(signals::ds_2140), saw(signals::ds_1002_1022),
                              fact_is("service_account_full_control_on_dsadata", false))}),
    rule("ds-1002-1022-paging-file", "Q166335")
        .titled("Directory Error 2140 with event 1002 error -1022 (disk I/O): Windows NT runs with limited virtual "
                "memory")
        .applies_to("exchange_version", {only(v4_0), only(v5_0)})
        .requires_signals({signals::ds_1002_1022})
        .supported_by({signals::ds_2140})
        .confirmed_by({fact_is("limited_virtual_memory_at_boot", true)})
        .because("Error -1022 is JET_errDiskIO: the paging file is missing or too small, which Windows NT reports "
                 "at boot as 'Limited Virtual Memory'.")
        .resolved_by({"Create a paging file or raise its initial size with the Virtual Memory option of Control "
                      "Panel, System (Q140472).",
                      "If Everyone was removed from the root folder's permissions, see Q130016; see also Q257758.",
                      "Restart the computer and start the Directory service."})
        .see_also({"Q140472", "Q130016", "Q257758"})
        .shown_by({example_of(saw(signals::ds_2140), saw(signals::ds_1002_1022),
                              fact_is("limited_virtual_memory_at_boot", true))}),

    // Q196159 ------------------------------------------------------------------------------
    rule("ds-1002-1811-move-server-wizard-registry", "Q196159")
        .titled("Directory 5.5 SP1 Error 2140 with event 1002 error -1811 after the Move Server Wizard failed: the "
                "registry points to the wrong Dir.edb folder")
        .applies_to("exchange_version", {only(v5_5)})
        .requires_signals({signals::q196159_1002})
        .supported_by({signals::ds_2140})
        .confirmed_by({fact_is("ds_registry_points_to_newdsa", true)})
        .ruled_out_by({fact_below("exchange_service_pack", 1), fact_at_least("exchange_service_pack", 2)})  // 5.5 SP1
        .because("The Move Server Wizard builds the new Dir.edb in Dsadata\\newdsa and points the registry there; "
                 "when it fails badly its recovery does not run and the registry keeps pointing to newdsa, even if "
                 "Dsadata itself is restored.")
        .resolved_by({"Open the archive folder under the folder chosen for the wizard's temporary files "
                      "(mvsrvdata\\archive).",
                      "Double-click Restore.reg to put back the Exchange registry keys saved before the wizard ran.",
                      "Start the Directory service again."})
        .see_also({"Q262374"})
        .shown_by({example_of(saw(signals::ds_2140), saw(signals::q196159_1002),
                              fact_is("ds_registry_points_to_newdsa", true))}),

    // Q262371 ------------------------------------------------------------------------------
    rule("ds-1002-1008-database-read-only", "Q262371")
        .titled("Directory 5.5 Error 2140 with event 1002 error -1008: antivirus software made the database "
                "read-only")
        .applies_to("exchange_version", {only(v5_5)})
        .requires_signals({signals::q262371_1002})
        .supported_by({signals::ds_2140})
        .confirmed_by({fact_is("ds_database_read_only", true)})
        .because("Error -1008 is JET_errDatabaseFileReadOnly: many virus protection programs set files read-only "
                 "to protect them, including the directory database.")
        .resolved_by({"Clear the Read-only attribute of the database in Exchsrvr\\Dsadata.",
                      "Start the Directory service; run eseutil /r /ds if the directory must be made consistent.",
                      "Exclude the Exchange database and log files from file-level virus scanning (Q245822)."})
        .see_also({"Q245822"})
        .shown_by({example_of(saw(signals::ds_2140), saw(signals::q262371_1002),
                              fact_is("ds_database_read_only", true))}),

    // Q262374 ------------------------------------------------------------------------------
    rule("ds-1002-1811-antivirus-renamed-files", "Q262374")
        .titled("Directory 5.5 Error 2140 with event 1002 error -1811: antivirus software renamed, deleted or "
                "quarantined the directory files")
        .applies_to("exchange_version", {only(v5_5)})
        .requires_signals({signals::q262374_1002})
        .supported_by({signals::ds_2140})
        .confirmed_by({fact_is("antivirus_quarantined_exchange_files", true)})
        .because("Error -1811 is JET_errFileNotFound: the virus protection program's cleanup renamed, removed or "
                 "quarantined directory files.")
        .resolved_by({"Check the settings of the virus protection program.",
                      "Give renamed files back their original names; move deleted or quarantined files back from the "
                      "quarantine folder or the Recycle Bin.",
                      "If the files are gone, restore them from a backup.",
                      "Exclude the Exchange database and log files from file-level virus scanning (Q245822)."})
        .see_also({"Q245822", "Q196159", "Q262371"})
        .shown_by({example_of(saw(signals::ds_2140), saw(signals::q262374_1002),
                              fact_is("antivirus_quarantined_exchange_files", true))}),

    // Q263548 ------------------------------------------------------------------------------
    rule("ds-1016-parameters-value-missing", "Q263548")
        .titled("Directory 5.5 'Internal Error 2140' with events 1016 (missing configuration parameter) and 1002 "
                "error 1: a value under MSExchangeDS\\Parameters is missing")
        .applies_to("exchange_version", {only(v5_5)})
        .requires_signals({signals::q263548_1016})
        .supported_by({signals::ds_2140, signals::q263548_1002})
        .confirmed_by({fact_is("ds_parameters_complete", false)})
        .because("A value under HKLM\\System\\CurrentControlSet\\Services\\MSExchangeDS\\Parameters (here 'Dsa "
                 "Database File') is missing or was deleted.")
        .resolved_by({"Open HKLM\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeDS\\Parameters.",
                      "Check that the service account has Full access to the key and its values.",
                      "Re-create any missing value (Database log files path, DSA Working Directory, Dsa Database "
                      "File, DSA Temporary file, DSA Hierarchy table file and the other defaults the article lists).",
                      "Start the Directory service again."})
        .shown_by({example_of(saw(signals::ds_2140), saw(signals::q263548_1016), saw(signals::q263548_1002),
                              fact_is("ds_parameters_complete", false))}),

    // Q301505 ------------------------------------------------------------------------------
    rule("ds-510-edb-log-damaged", "Q301505")
        .titled("Directory 5.5 (and Exchange 2000) Error 2140 with ESE97 events 0, 1166 and 1002 error -510: a "
                "damaged Edb.log")
        .applies_to("exchange_version", {only(v5_5)})
        .requires_signals({signals::q301505_1002})
        .supported_by({signals::ds_2140, signals::q301505_1166,
                       event(ese, 0).with_type(event_type::information).with_value("MSExchangeDS").with_value("-510"),
                       event(ese, 109)
                           .with_type(event_type::information)
                           .with_description("the database engine is replaying log file")
                           .with_value("MSExchangeDS"),
                       event(ese, 110)
                           .with_type(event_type::information)
                           .with_description("the database engine has successfully completed recovery steps.")
                           .with_value("MSExchangeDS")})
        .confirmed_by({fact_is("ds_edb_log_damaged", true)})
        .because("Error -510 is JET_errLogWriteFail; a damaged Edb.log of the directory causes it.")
        .resolved_by({"Back up the current database.",
                      "Check Dir.edb with eseutil /mh.",
                      "If Dir.edb is consistent, remove all the log files and start the Directory service.",
                      "If it is not, restore: from an online backup replay only the logs older than the damaged one; "
                      "from an offline backup empty the database and log folders and restore only Dir.edb."})
        .shown_by({example_of(saw(signals::ds_2140),
                              saw_event(ese, 0).with_type(event_type::information).with_description("MSExchangeDS (988) -510"),
                              saw(signals::q301505_1166), saw(signals::q301505_1002),
                              fact_is("ds_edb_log_damaged", true))}),

    // ===== System Attendant (MSExchangeSA) ========================================================
    // Q163139 ------------------------------------------------------------------------------
    rule("sa-1005-exchsrvr-permissions", "Q163139")
        .titled("Exchange setup on an NTFS partition: the services fail to start with 'Error 0005 Access is denied' "
                "(System Attendant event 1005, emsabp.dll), the service account lacks Full Control on Exchsrvr")
        .applies_to("exchange_version", {only(v4_0), only(v5_5)})
        .requires_signals({event(sa, 1005)
                               .with_type(event_type::error)
                               .with_description("0xc0040000 - Network problems are preventing connection to the "
                                                 "Microsoft Exchange Server computer. Contact your system "
                                                 "administrator if this condition persists. MAPI was unable to load "
                                                 "the information service emsabp.dll.")
                               .with_value("emsabp.dll")})
        .supported_by({signals::sa_5, signals::ds_2140})
        .confirmed_by({fact_is("service_account_full_control_on_exchsrvr", false)})
        .because("When Exchange Server 4.0 is installed to an NTFS partition, the services that start during setup "
                 "fail: the NTFS permissions on the Exchsrvr tree are insufficient. The service account needs Full "
                 "Control there, which setup grants through the Everyone group; changed permissions for Everyone "
                 "may keep the services from starting (the Directory may also fail with 2140, the store with "
                 "service-specific errors).")
        .resolved_by({"In Windows NT Explorer (File Manager on 3.51) open Exchsrvr, Properties, Security, "
                      "Permissions.",
                      "Give the Everyone group Full Control, with Replace Permissions on Subdirectories and on "
                      "Existing Files checked.",
                      "Click OK, then Yes, and start the services."})
        .see_also({"Q166335"})
        .shown_by({example_of(saw(signals::sa_5),
                              saw_event(sa, 1005)
                                  .with_type(event_type::error)
                                  .with_description("The description for Event ID ( 1005) in Source ( MSExchangeSA ) "
                                                    "could not be found. It contains the following insertion "
                                                    "string(s): <<0xc0040000 - Network problems are preventing "
                                                    "connection to the Microsoft Exchange Server computer. Contact "
                                                    "your system administrator if this condition persists. MAPI was "
                                                    "unable to load the information service emsabp.dll. Be sure the "
                                                    "service is correctly installed and configured."),
                              fact_is("service_account_full_control_on_exchsrvr", false))}),

    // ===== Information Store (MSExchangeIS) =======================================================
    // Q262375 ------------------------------------------------------------------------------
    rule("is-7024-log-sequence-antivirus", "Q262375")
        .titled("Information Store 5.5 stops with Error 2140 and event 7024 (service-specific error 4294966781): "
                "antivirus software removed transaction logs")
        .applies_to("exchange_version", {only(v5_5)})
        .requires_signals({signals::q262375_7024})
        .supported_by({signals::is_2140})
        .confirmed_by({fact_is("antivirus_quarantined_exchange_files", true)})
        .because("Antivirus software scanning the server took log files in the Exchsrvr\\Mdbdata folders for "
                 "infected documents and removed or quarantined them; the logs are then out of sequence (error "
                 "4294966781 is JET_errInvalidLogSequence) and the store stops.")
        .resolved_by({"Restore the server from the last known good backup; without one, repair the databases with "
                      "a repair utility.",
                      "Exclude all Exchsrvr folders from third-party antivirus scanning (Q245822)."})
        .see_also({"Q245822", "Q247788", "Q262374"})
        .shown_by({example_of(saw(signals::is_2140), saw(signals::q262375_7024),
                              fact_is("antivirus_quarantined_exchange_files", true))}),

    // ===== Key Management Server (MSExchangeKMS) ==================================================
    // Q184420 ------------------------------------------------------------------------------
    rule("kms-5057-password-not-supplied", "Q184420")
        .titled("Key Management Server 5.5 Error 2140 with event 5057 ('The supplied password is not valid.'): no "
                "password in the startup parameters")
        .applies_to("exchange_version", {only(v5_5)})
        .requires_signals({signals::q184420_5057})
        .supported_by({signals::kms_2140})
        .confirmed_by({fact_is("kms_password_in_startup_parameters", false)})
        .because("Key Management Server setup was told to display its password once for manual entry, and the "
                 "manually started service was not given that password.")
        .resolved_by({"In Control Panel, Services, select the Microsoft Key Management Server service.",
                      "Type the password shown during setup into the Startup Parameters box and start the service "
                      "(Exchange Server 5.5 Operations, page 45)."})
        .shown_by({example_of(saw(signals::kms_2140), saw(signals::q184420_5057),
                              fact_is("kms_password_in_startup_parameters", false))}),

    // Q274321 ------------------------------------------------------------------------------
    rule("kms-5015-service-account-lost-admin", "Q274321")
        .titled("Key Management Server 5.5 SP3 does not start after the domain controller was upgraded to Windows "
                "2000 (events 5015, 5389): the service account lost its administrator membership")
        .applies_to("exchange_version", {only(v5_5)})
        .requires_signals({signals::q274321_5015})
        .supported_by({signals::q274321_5389,
                       event(ese, 101)
                           .with_type(event_type::information)
                           .with_category("General")
                           .with_description("The database engine stopped.")
                           .with_value("MSExchangeKMS")})
        .confirmed_by({fact_is("service_account_in_domain_admins", false), fact_is("windows_version", windows_2000)})
        .ruled_out_by({fact_is("windows_version", nt4), fact_below("exchange_service_pack", 3),
                       fact_at_least("exchange_service_pack", 4)})  // 5.5 SP3
        .because("Upgrading a Windows NT 4.0 domain controller to Windows 2000 removes the domain and initializes it "
                 "again in Active Directory; the Exchange service account loses its Administrators membership and "
                 "the KM server cannot log on as a MAPI client.")
        .resolved_by({"In Active Directory Users and Computers open the service account in the Users container.",
                      "On the Member Of tab add Domain Admins if the account is only in Domain Users.",
                      "Start the Key Management Server again."})
        .see_also({"Q262939"})
        .shown_by({example_of(saw(signals::q274321_5389),
                              saw_event(ese, 101)
                                  .with_type(event_type::information)
                                  .with_category("General")
                                  .with_description("MSExchangeKMS (2480) The database engine stopped."),
                              saw(signals::q274321_5015), fact_is("service_account_in_domain_admins", false))}),

    // ===== Event Service (MSExchangeES) ===========================================================
    // Q190993: two causes behind event 5 with MAPI error 0x80040107 (Invalid EntryID).
    rule("es-5-80040107-damaged-mapi-dlls", "Q190993")
        .titled("Event Service 5.5 Error 2140 with event 5 (MAPI 0x80040107): Emsmdb32.dll or Mapi32.dll is damaged")
        .applies_to("exchange_version", {only(v5_5)})
        .requires_signals({signals::es_5_80040107})
        .supported_by({signals::es_2140})
        .confirmed_by({fact_is("mapi_dlls_intact", false)})
        .because("A DLL the Event Service uses (Emsmdb32.dll or Mapi32.dll) is damaged; 0x80040107 is MAPI's "
                 "Invalid EntryID. Removing and reinstalling the Event Service does not replace these files.")
        .resolved_by({"Stop the Exchange services.",
                      "Copy Emsmdb32.dll and Mapi32.dll from Server\\Setup\\<Platform> on the original Exchange "
                      "Server 5.5 disc.",
                      "Start the services and the Event Service."})
        .see_also({"Q285021", "Q299676"})
        .shown_by({example_of(saw(signals::es_2140), saw(signals::es_5_80040107),
                              fact_is("mapi_dlls_intact", false))}),
    rule("es-5-80040107-eventconfig-folder", "Q190993")
        .titled("Event Service 5.5 Error 2140 with event 5 (MAPI 0x80040107): the server's EventConfig folder is "
                "invalid or duplicated")
        .applies_to("exchange_version", {only(v5_5)})
        .requires_signals({signals::es_5_80040107})
        .supported_by({signals::es_2140})
        .confirmed_by({fact_is("eventconfig_folder_duplicated", true)})
        .because("The EventConfig public folder of the server is invalid, or there are several copies of it; "
                 "0x80040107 is MAPI's Invalid EntryID.")
        .resolved_by({"Remove the duplicate EventConfig folders as Q187523 describes.",
                      "Start the Event Service again."})
        .see_also({"Q187523"})
        .shown_by({example_of(saw(signals::es_2140), saw(signals::es_5_80040107),
                              fact_is("eventconfig_folder_duplicated", true))}),

    // Q285021 ------------------------------------------------------------------------------
    rule("es-5-80004005-own-account-permissions", "Q285021")
        .titled("Event Service 5.5 Error 2140 with event 5 (MAPI 0x80004005): its own service account's permissions "
                "were changed")
        .applies_to("exchange_version", {only(v5_5)})
        .requires_signals({signals::q285021_5})
        .supported_by({signals::es_2140})
        .confirmed_by({fact_is("es_starts_with_another_account", true)})
        .ruled_out_by({fact_is("es_logs_on_with_own_account", false)})
        .because("The Event Service starts under an account other than the Exchange service account, and the "
                 "permissions of that account were changed; the other services still work and the EventConfig "
                 "properties open in the Administrator program.")
        .resolved_by({"Start the Event Service with a different service account (Control Panel, Services, Startup),",
                      "or give the current account back the permissions it had."})
        .see_also({"Q299676", "Q190993"})
        .shown_by({example_of(saw(signals::es_2140), saw(signals::q285021_5),
                              fact_is("es_starts_with_another_account", true))}),

    // Q299676 (Q314148 is the same cause after a restore; see the exclusions) ---------------------
    rule("es-5-80004005-sa-registry-names-wrong", "Q299676")
        .titled("Event Service 5.5 does not start (event 5, MAPI 0x80004005): the organization, site or server name "
                "under MSExchangeSA\\Parameters is wrong")
        .applies_to("exchange_version", {only(v5_5)})
        .requires_signals({signals::q299676_5})
        .confirmed_by({fact_is("sa_registry_names_match_directory", false)})
        .because("The server was installed with a wrong organization, server or site name, or the Enterprise, "
                 "Server or Site value under MSExchangeSA\\Parameters was changed from its original value.")
        .resolved_by({"If you know the correct organization, server or site name: in Regedt32 open "
                      "HKLM\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeSA\\Parameters and set the Enterprise, "
                      "Server or Site value to it, case included.",
                      "Another Exchange server of the same site shows the names to compare with in the X500 DN value "
                      "under HKLM\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeMTA\\Parameters.",
                      "Quit Registry Editor; the article gives no further steps."})
        .see_also({"Q314148", "Q155027", "Q285021"})
        .shown_by({example_of(saw(signals::q299676_5), fact_is("sa_registry_names_match_directory", false)),
                   // Q314148: after a restore with a wrong organization or site name.
                   example_of(saw(signals::q299676_5), fact_is("exchange_version", v5_5),
                              fact_is("sa_registry_names_match_directory", false))}),

    // ===== Directory Synchronization (MSExchangeDX) ===============================================
    // Q140951 ------------------------------------------------------------------------------
    rule("dx-addr-map-cfg-extra-line-feeds", "Q140951")
        .titled("Directory Synchronization 4.0 (with MS Mail 3.x dirsync) Error 2140: Addr_map.cfg ends with extra "
                "line feeds")
        .applies_to("exchange_version", {only(v4_0)})
        .requires_signals({signals::dx_2140})
        .confirmed_by({fact_is("addr_map_cfg_extra_line_feeds", true)})
        .because("The address mapping file the DXA reads (AddressMappingFileName, e.g. Imcdata\\Addr_map.cfg) has "
                 "more than one line feed after its last entry.")
        .resolved_by({"Edit Addr_map.cfg so that a single carriage return follows the last entry (the cursor rests "
                      "on the empty line just below it).",
                      "Stop and start the Directory Synchronization service for the change to take effect."})
        .shown_by({example_of(saw(signals::dx_2140), fact_is("addr_map_cfg_extra_line_feeds", true))}),

    // Q171260 ------------------------------------------------------------------------------
    rule("dx-service-account-no-change-on-drive-root", "Q171260")
        .titled("Directory Synchronization Error 2140: the service account lacks Change permission on the root of "
                "the Exchange NTFS drive")
        .applies_to("exchange_version", {only(v4_0), only(v5_0), only(v5_5)})
        .requires_signals({signals::dx_2140})
        .confirmed_by({fact_is("service_account_can_change_drive_root", false)})
        .because("Exchange is installed on an NTFS partition and the Exchange service account has less than Change "
                 "access to the root folder of that partition.")
        .resolved_by({"In My Computer select the root of the drive Exchange is installed on; Properties, Security, "
                      "Permissions.",
                      "Give the Exchange service account at least Change access.",
                      "Start the Directory Synchronization service again."})
        .shown_by({example_of(saw(signals::dx_2140), fact_is("service_account_can_change_drive_root", false))}),

    // Q185225 ------------------------------------------------------------------------------
    rule("dx-124-xdir-edb-missing", "Q185225")
        .titled("Directory Synchronization Error 2140 with ESE97 event 124 ('Unable to read the log header'): "
                "Xdir.edb is missing from Exchsrvr\\Dxadata")
        .applies_to("exchange_version", {only(v4_0), only(v5_0), only(v5_5)})
        .requires_signals({event(ese, 124)
                               .with_category("Logging/Recovery")
                               .with_description("Unable to read the log header. error - 1022")
                               .with_value("MSExchangeDX")
                               .with_value("Unable to read the log header")})
        .supported_by({signals::dx_2140})
        .confirmed_by({fact_is("dxadata_xdir_edb_missing", true)})
        .because("The transaction logs (Edb.log, which holds the path to Xdir.edb) are in Exchsrvr\\Dxadata but "
                 "Xdir.edb is not, so the DXA's database cannot be initialized; MSExchangeDX itself logs only its "
                 "start and stop.")
        .resolved_by({"Restore Xdir.edb from a backup,",
                      "or remove all files from Exchsrvr\\Dxadata so that they are created again empty (uncommitted "
                      "directory synchronization transactions are lost).",
                      "Start the Directory Synchronization service again."})
        .see_also({"Q171260"})
        .shown_by({example_of(saw(signals::dx_2140),
                              saw_event(ese, 124)
                                  .with_category("Logging/Recovery")
                                  .with_description("MSExchangeDX 185 (Unable to read the log header. error - 1022)"),
                              fact_is("dxadata_xdir_edb_missing", true))}),

    // ===== Exchange Replication Service (InterOrg Replication Utility) ============================
    // Q236416 ------------------------------------------------------------------------------
    rule("replication-114-installed-outside-ts-install-mode", "Q236416")
        .titled("Exchange Replication Service (5.5 SP2 InterOrg Replication Utility, Windows 2000) Error 2140 with "
                "Exchsync event 114: installed outside Terminal Services installation mode")
        .applies_to("exchange_version", {only(v5_5)})
        .requires_signals({signals::q236416_114})
        .supported_by({signals::replication_2140})
        .confirmed_by({fact_is("exchsync_installed_outside_ts_install_mode", true)})
        .ruled_out_by({fact_below("exchange_service_pack", 2), fact_at_least("exchange_service_pack", 3)})  // 5.5 SP2
        .because("With Terminal Services installed, the installer put Exchsync.ini in the Windows folder of the "
                 "logged-on user's profile, where the service does not find it.")
        .resolved_by({"Run Exssrv.exe and click Remove to uninstall the Exchange Server Replication Service.",
                      "Switch to installation mode: Add/Remove Programs with 'All users begin with common application "
                      "settings', or 'change user /install' at a command prompt.",
                      "Run Exssrv.exe again and click Install, then run 'change user /execute'."})
        .see_also({"Q186515", "Q186531"})
        .shown_by({example_of(saw(signals::replication_2140), saw(signals::q236416_114),
                              fact_is("exchsync_installed_outside_ts_install_mode", true))}),

    // ===== MS Mail Connector Interchange (MSExchangeMSMI) =========================================
    // Q198393 ------------------------------------------------------------------------------
    rule("msmi-2380-access-violation-before-sp3", "Q198393")
        .titled("MS Mail Connector 5.5 stops (events 2380 and 10003) and restarting gives 'Internal Windows NT Error "
                "2140': a defect corrected in 5.5 Service Pack 3")
        .applies_to("exchange_version", {only(v5_5)})
        .requires_signals({event(msmi, 2380).with_description("A memory access violation has occurred that prevents "
                                                              "further processing of a message. The access violation "
                                                              "that occurred is an attempt to read from")})
        .supported_by({signals::msmi_2140, signals::q198393_10003})
        .confirmed_by({fact_is("msmi_mt_exe_older_than_5_5_2524", true)})
        .ruled_out_by({fact_at_least("exchange_service_pack", 3)})
        .because("A defect in the Microsoft Mail Connector before Exchange Server 5.5 Service Pack 3 (Mt.exe and "
                 "Mtmsg.dll 5.5.2524.0) makes it stop with a memory access violation while processing a message.")
        .resolved_by({"Install the latest Exchange Server 5.5 service pack (Q191014); Mt.exe and Mtmsg.dll must be "
                      "5.5.2524.0 or later.",
                      "Start the MS Mail Connector again."})
        .see_also({"Q191014"})
        .shown_by({example_of(saw_event(msmi, 2380)
                                  .with_description("A memory access violation has occurred that prevents further "
                                                    "processing of a message. The access violation that occurred is an "
                                                    "attempt to read from 0x480df78."),
                              saw(signals::q198393_10003), saw(signals::msmi_2140),
                              fact_is("msmi_mt_exe_older_than_5_5_2524", true))}),
};

inline constexpr auto table = make_table<facts, rules>();

// ---------------------------------------------------------------------------------------------
// Entries of scope `exchange-2140` that are not rules of their own, and why.
// ---------------------------------------------------------------------------------------------
using kb::exclusion;

inline constexpr exclusion exclusions[] = {
    {"Q146738",
     "Not a failure: pausing the Directory Synchronization service with PauseKicksDX=1 triggers a T1 or T2 cycle "
     "and shows 'Could not pause ... Error 2140', which the article calls a good message. It is a pause, not a "
     "start, so it is no start error.",
     ""},
    {"Q314148",
     "Same cause (wrong organization or site under MSExchangeSA\\Parameters), same event (5, MAPI 0x80004005), same "
     "check and same version (5.5) as Q299676; it differs only in the restore that led to it, which evidence "
     "cannot show. Its evidence is the rule's second example.",
     "es-5-80004005-sa-registry-names-wrong"},
};

}  // namespace ruledx::kb::exchange_services

#endif
