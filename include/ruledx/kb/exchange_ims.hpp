// ruledx knowledge base — why the Microsoft Exchange Server 4.0/5.0/5.5 Internet Mail Service
// (service MSExchangeIMC; "Internet Mail Connector" in 4.0) fails to start.
//
// One rule per cause of one Microsoft Knowledge Base article (scope `ims-start` of shared/kb).
// Quoted messages are the literal text Windows or Exchange shows, as the article quotes it (its typos
// included); causes, resolutions and titles are ours.
//
// Conventions, decided once for the whole file:
// - Versions are listed exactly as each article's "applies to" line states them, except where the
//   article gives each version a symptom of its own: then one rule per symptom (Q149542: Error
//   1067 on 4.0, the Dr. Watson dialog alone on 5.0; Q199430: a dialog on 4.0, crashes on 5.0 and
//   5.5, carried by Q149542's and Q281743's rules). Service packs the "applies to" line names
//   ("5.5 SP3") rule the rule out on the others, as versions do, through comparisons of
//   `exchange_service_pack` (fact_below / fact_at_least; the title names them too); a fix that an
//   article dates to a service pack rules the rule out from that service pack on.
// - Versions and the facts both Exchange knowledge bases ask are declared in kb/exchange_common.hpp.
// - Event source: "MSExchangeIMC" for IMS events (ids 3000-4999) when the article prints no source,
//   or prints it as "MSExchange IMC" (same name) or "IMC" (Q272506; a shorthand no log uses).
// - A signal needs a source, so an event an article names by id alone outside 3000-4999 gets one by
//   assumption, named here and in the rule's comment: "MSExchangeIMC" for the ids an article lists
//   in the Application log with the IMS's own failure and no other service (Q246115's 2140 and 100,
//   Q322829's 1011); "Service Control Manager" for the troubleshooting guide's 7003 and 1075 (Q191548
//   prints no source; Q155814 prints that source for the IMC's 7000). A pasted event without a
//   source matches any source, so only a log naming another source is affected.
// - Descriptions: quoted in full; where the article's quote holds a placeholder ("<servername>",
//   "(%1)K") or an example value of the reporter's machine (a route, a spool file name), the quote
//   stops before it, so a real log with other values still bears it out.
// - A category the article prints as "None"/"<none>" is the absence of a category and is not matched.
// - Error 2140 and the other codes a service start reports are start errors; the Internet Mail
//   Wizard's "ID no: 0xc002041d" / "0xc00203e5" are treated the same way (the wizard is starting
//   MSExchangeIMC when it shows them).
// - Every rule has at least one confirming fact, so "confirmed" always means the deciding check was
//   made, and "likely" that the symptoms fit but the check is still open. (A rule with none would be
//   confirmed by its signals alone.) Where the article names no check of its cause, the confirming
//   fact is the article's own test of its remedy ("does the service start after ..."). A situation
//   the article only describes (a platform, a component installed, a service pack applied) never
//   confirms a rule by itself: it rules the rule out when it is absent.
//
// Entries of the scope that are not rules are listed, with the reason, in `exclusions` below.
#ifndef RULEDX_KB_EXCHANGE_IMS_HPP
#define RULEDX_KB_EXCHANGE_IMS_HPP

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

namespace ruledx::kb::exchange_ims {

inline constexpr std::string_view service = "MSExchangeIMC";

using exchange_common::nt4;
using exchange_common::v4_0;
using exchange_common::v5_0;
using exchange_common::v5_5;
using exchange_common::windows_2000;

// ---------------------------------------------------------------------------------------------
// The fact catalog: one name per real-world check, with the question that settles it.
// ---------------------------------------------------------------------------------------------
inline constexpr fact_definition facts[] = {
    // The installation (declared with the other knowledge base in kb/exchange_common.hpp)
    exchange_common::shared_facts::exchange_version,
    exchange_common::shared_facts::exchange_service_pack,
    exchange_common::shared_facts::windows_version,
    boolean_fact("server_is_cluster_node", "Is the Exchange server a node of a Microsoft cluster?"),
    boolean_fact("server_is_dec_alpha", "Does the Exchange server run on a DEC Alpha processor?"),
    boolean_fact("server_is_member_server",
                 "Is the Exchange server a member server of its domain (not a domain controller)?"),
    boolean_fact("ims_executable_intact",
                 "Is the Internet Mail Service program file msexcimc.exe present on the server and undamaged?"),
    boolean_fact("exchange_service_instances_over_seven",
                 "Are more than seven instances of the PC MTA, MS Mail Connector, Internet Mail Connector, "
                 "Schedule+ Free & Busy Connector, MTA and Directory Synchronization services started together?"),
    // The service account
    // Three group memberships the articles check, each asked as its article names it: any
    // Administrators group, local or the domain's (Q173496); the domain's Administrators group
    // (Q189730); Domain Admins (Q262939, Q274321). Membership of either domain group makes the
    // account an administrator, so a "yes" to either would rule Q173496's cause out; that rule-out
    // is left out because it puts both narrower questions right after Q173496's own deciding one
    // in every report that Q173496 leads, where a "no" to that one already answers them.
    boolean_fact("service_account_is_admin",
                 "Is the Exchange service account a member of the local or domain Administrators group?")
        .formerly("ims_service_account_is_admin"),
    exchange_common::shared_facts::service_account_in_domain_admins,
    boolean_fact("server_dc_demoted_and_repromoted",
                 "Was this Windows 2000 server demoted from domain controller and then promoted again?"),
    boolean_fact("ims_service_logs_on_as_local_system",
                 "Does the Internet Mail Service log on as the LocalSystem (system) account (Services, Startup, "
                 "Log On As)?"),
    // Q148727 names no right account; Q155814's resolution does: the Exchange service account, or
    // one with service account administrator rights. Logging on as one of them is not LocalSystem.
    boolean_fact("ims_service_logon_account_correct",
                 "Does the Internet Mail Connector service log on as This Account with the Exchange service "
                 "account, or another account with service account administrator rights on the Organization, Site "
                 "and Configuration containers (Services, Startup, Log On As)?"),
    boolean_fact("service_account_in_domain_administrators",
                 "Is the Exchange service account a member of the Administrators group of the domain (User "
                 "Manager for Domains; Domain Admins is another group)?"),
    boolean_fact("service_starts_with_logon_account_reentered",
                 "Does the service start once Log On As, This Account, in its Startup options names an existing "
                 "service account with its current password (checked by logging on to the domain as that "
                 "account, or newly set in User Manager for Domains)?"),
    // IMS configuration in the Exchange Administrator program and the registry
    boolean_fact("ims_address_space_configured",
                 "Does the Address Space tab of the Internet Mail Connector list at least one entry?"),
    // Q148727 names no check of an inactive or wrong address space, only its remedy.
    boolean_fact("ims_starts_after_address_space_reentered",
                 "Does the Internet Mail Connector start once its SMTP address space is removed, entered again "
                 "and routing is recalculated (Site Addressing, Routing tab)?"),
    boolean_fact("ims_address_type_is_smtp",
                 "Is the Address Type on the Internet Mail tab of the Internet Mail Connector properties SMTP?"),
    boolean_fact("ims_delivery_routes_valid",
                 "Are all the per-domain delivery routes of the Internet Mail Service (Connections tab, E-Mail "
                 "Domain) well-formed?"),
    // Two checks of the same setting: whether it names a usable mailbox at all (Q183178, Q246115),
    // and whether the mailbox it names has an X.400 address (Q148727, Q149542, Q166080, Q300535).
    boolean_fact("ims_admin_mailbox_has_x400_address",
                 "Does the mailbox named as Administrator's Mailbox on the Internet Mail tab have an X.400 "
                 "address among the addresses on its E-mail Addresses tab (the mailbox may exist and still lack "
                 "one)?"),
    boolean_fact("ims_admin_mailbox_valid",
                 "Does the Administrator's Mailbox on the Internet Mail tab name a mailbox that exists and can be "
                 "opened (not left empty, not a deleted or inaccessible one; its addresses do not matter here)?"),
    boolean_fact("ims_registry_commonname_homedsa_valid",
                 "Are the CommonName and HomeDSA values present and correct under "
                 "HKLM\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIMC\\Parameters?"),
    boolean_fact("ims_registry_sitedn_matches_directory",
                 "Do the o=, ou= and cn= parts of the SiteDN value under "
                 "HKLM\\System\\CurrentControlSet\\Services\\MSExchangeIMC\\Parameters match the organization, "
                 "site and server names in the Exchange Administrator program?"),
    boolean_fact("ims_dialup_logon_domain_too_long",
                 "Does a dial-up connection of the Internet Mail Service have logon information whose Domain "
                 "field holds 18 or more characters?"),
    // MAPI and the information store
    boolean_fact("mapisvc_inf_in_system32", "Is Mapisvc.inf present in %SystemRoot%\\System32?"),
    // Two permissions, checked in two places: the file's own (Q163243) and its folder's (Q186739).
    boolean_fact("service_account_can_change_mapisvc_inf",
                 "Does the Exchange service account have at least Change rights on the file "
                 "%SystemRoot%\\System32\\Mapisvc.inf itself (the file's Security properties, not the folder's)?"),
    boolean_fact("service_account_can_change_system32",
                 "Does the Exchange service account have at least Change rights on the %SystemRoot%\\System32 "
                 "folder itself (the folder's Security properties, not those of the files in it)?"),
    boolean_fact("private_store_on_server",
                 "Does the server that runs the Internet Mail Connector have a private information store?"),
    boolean_fact("mapi32_dll_matches_service_pack",
                 "Does the version of %SystemRoot%\\System32\\Mapi32.dll match the installed Exchange 5.5 "
                 "service pack (none 5.5.1960, SP1 5.5.2232, SP2 5.5.2448, SP3 5.5.2650)?"),
    boolean_fact("is_logons_limited_without_ims_dn",
                 "Does HKLM\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem hold a "
                 "'Logon Only As' value that does not list the distinguished name of the Internet Mail Service?"),
    // Q169686 gives the value that is too low: the 0x5 Performance Optimizer sets (default 0x20).
    boolean_fact("is_max_threads_low",
                 "Is 'Max Threads(Private+Public)' under "
                 "HKLM\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem set to 0x5 or less "
                 "(Performance Optimizer lowers it from its default 0x20 to 0x5; perfopt.log in System32 records "
                 "the change)?"),
    boolean_fact("latest_sp_and_store_hotfixes_applied",
                 "Are the latest Exchange 5.5 service pack and the latest Store.exe hotfixes installed?"),
    // Queues and spool folders
    // Two checks of the spool folders: whether the IMS starts with them emptied (Q148727, Q168883;
    // Q169223's workaround), and what fails when their files are put back: the IMS again (Q148727,
    // Q168883) or Store.exe (Q169223). The emptied folders not helping rules Q169223 out.
    boolean_fact("ims_starts_with_imcdata_emptied",
                 "Does the Internet Mail Service start and stay up once the files in Imcdata\\In and Imcdata\\Out "
                 "are moved to another folder and Imcdata\\Queue.dat is deleted?"),
    boolean_fact("imcdata_in_has_bad_message",
                 "When the files moved out of Imcdata\\In are put back one or a few at a time (Queue.dat deleted "
                 "and the IMS restarted each time), does the information store (Store.exe, not the IMS) stop "
                 "responding again?"),
    boolean_fact("mts_queue_has_bad_message",
                 "Does the MTS-IN or MTS-OUT queue of the Internet Mail Service hold messages that block it "
                 "(Mdbvu32 or Q165505)?"),
    boolean_fact("imcdata_in_folder_exists", "Does the Exchsrvr\\Imcdata\\In folder exist?"),
    // Q161937 and Q199429 name no check of their cause, only its remedy.
    boolean_fact("imc_starts_after_first_mts_out_message_removed",
                 "Does the IMC start once the first message of its MTS-OUT folder is removed (after saving the "
                 "folder's messages with Imcsave, or copying them out with Mdbvu32)?"),
    boolean_fact("imc_starts_with_admin_mailbox_replaced",
                 "Does the IMC start once another mailbox is chosen as its administrator mailbox, or the "
                 "administrator mailbox is deleted and created again?"),
    boolean_fact("ims_relay_allow_list_has_several_entries",
                 "Are the registry values RelayFlags and RelayAllowList both set for the Internet Mail Service, "
                 "with RelayAllowList (REG_MULTI_SZ) holding more than one entry?"),
    boolean_fact("dns_suffix_search_order_over_six_entries",
                 "Does the DNS Suffix Search Order of the server's TCP/IP settings hold more than six entries "
                 "(entries added with RegEdit or another tool count)?"),
    boolean_fact("ims_cluster_resource_uses_network_configuration",
                 "In Cluster Administrator, is 'Use Network Configuration' checked in the properties of the "
                 "Internet Mail Service resource of the Exchange group?"),
    boolean_fact("imcdata_out_has_huge_file", "Is there a file of about 16 GB in Exchsrvr\\Imcdata\\Out?"),
    // Q317653 gives no free-space threshold: its remedy working is the check.
    boolean_fact("ims_starts_after_imcdata_drive_space_freed",
                 "Does the Internet Mail Service start again once space is freed on the drive that holds the "
                 "Imcdata folder (unneeded programs and files removed, the Recycle Bin and temporary folders "
                 "emptied, Imcdata\\Log cleaned, or Imcdata moved to another drive)?")
        .formerly("imcdata_drive_low_on_space"),
    boolean_fact("spool_file_from_event_4182_in_imcdata",
                 "Is the spool file named in event 4182 still in the Exchsrvr\\Imcdata folder?"),
    boolean_fact("ims_starts_after_bad_folder_emptied",
                 "Does the Internet Mail Service start after the messages in its BAD folder are deleted with "
                 "Mdbvu32?"),
    // Q322829 names no check of a damaged IMS, only its remedy, tried once the BAD folder did not help.
    boolean_fact("ims_starts_after_reinstalled",
                 "Does the Internet Mail Service start once it is deleted under Configuration, Connections in the "
                 "Exchange Administrator program and created again with the Internet Mail Wizard?"),
    boolean_fact("antivirus_running_on_exchange_server", "Is antivirus software installed and running on the Exchange server?"),
    // Network, DNS and proxy
    // Q191548's two checks of TCP/IP, either of which fails in its cause: asked one at a time (they
    // were one question, "installed and restarted", whose "no" did not say which).
    boolean_fact("tcpip_installed_correctly",
                 "Is TCP/IP installed on the IMC's computer with the correct IP address and subnet mask (Control "
                 "Panel, Network, Protocols)?"),
    boolean_fact("restarted_after_tcpip_installed",
                 "Was the IMC's computer restarted after TCP/IP was installed on it?"),
    // The DNS tab as a whole (Q148727), and the computer's DNS domain name alone, as each Windows
    // shows it: the Domain Name box of that tab on Windows NT (Q154589), the primary DNS suffix on
    // Windows 2000 (Q291123, Q312439). A complete DNS tab has the domain name, which rules
    // Q154589's cause out. The two domain-name questions read one setting but stay two facts: one
    // answer would otherwise confirm Q154589 (Exchange 4.0, Error 2140 and 4058) on the evidence
    // of Q291123 (5.5, 4067 and 4058) before its 4067 is asked, whenever the version is unknown.
    boolean_fact("tcpip_dns_configured",
                 "Are Host Name, Domain Name and the DNS Service Search Order all filled in on the DNS tab of the "
                 "TCP/IP properties (Control Panel, Network)?"),
    boolean_fact("tcpip_dns_domain_name_set",
                 "On Windows NT: is the Domain Name box on the DNS tab of the TCP/IP properties (Control Panel, "
                 "Network) filled in?"),
    boolean_fact("primary_dns_suffix_set",
                 "On Windows 2000: is a primary DNS suffix set for the computer (System, Network Identification, "
                 "Properties, More), the domain name Windows NT shows on the TCP/IP DNS tab?"),
    boolean_fact("sp1_upgrade_ran_while_ims_running",
                 "Was Exchange 5.5 Service Pack 1 installed on the cluster while the Internet Mail Service was running?"),
    // Q263029's cause has two parts, both missing: the cluster server's DNS settings and the A records
    // (they were one question, "records and order", whose "no" did not say which).
    boolean_fact("local_dns_has_cluster_a_records",
                 "Does the DNS server on the local network hold host (A) records for both the Exchange network name "
                 "and the cluster network name, each with its IP address (Cluster Administrator shows them)?"),
    boolean_fact("cluster_uses_local_dns_first",
                 "Does the cluster server's TCP/IP DNS tab (Advanced, 'DNS server addresses, in order of use') "
                 "list the DNS server on the local network before the Internet service provider's?"),
    boolean_fact("ims_starts_after_network_components_reinstalled",
                 "Does the IMC/IMS start (or get created) once Services for Macintosh and the SNMP Service, where "
                 "installed, and then each installed network protocol in turn are removed and reinstalled, with "
                 "the Windows NT service pack reapplied?"),
    boolean_fact("ims_starts_on_clean_nt_with_tcpip_only",
                 "Does the IMS start and stay up on a clean release (RTM) installation of Windows NT, with Services "
                 "for AppleTalk and the SNMP service not running and every network protocol but TCP/IP removed?"),
    boolean_fact("gsnw_and_ccmail_connector_added",
                 "Were Gateway Services for NetWare and the Exchange Connector for Lotus cc:Mail added to the server?"),
    boolean_fact("proxy_client_names_proxy_by_netbios_name",
                 "Does the [Servers IP Address] section of Mspclnt.ini name the proxy server by its NetBIOS name "
                 "rather than its IP address?"),
    // The Microsoft Proxy client is the WinSock Proxy (WSP) client (Q193928 updates it as "the WSP
    // client in Control Panel"): Q193928 has it enabled, Q268643 running; one check.
    boolean_fact("ms_proxy_client_enabled",
                 "Is the Microsoft Proxy (WinSock Proxy, WSP) client enabled on the Exchange server (the WSP Client "
                 "in Control Panel; not installed counts as no)?")
        .formerly("wsp_client_installed"),
    boolean_fact("uses_ms_proxy_server",
                 "Does the Exchange server reach the Internet through Microsoft Proxy Server (not another firewall)?"),
    // The SMTP service running on the proxy is one thing that can hold its port 25 (Q222553: "The
    // SMTP service will grab and bind to port 25"); port 25 free rules it out.
    boolean_fact("smtp_service_running_on_proxy_server",
                 "Is the Microsoft SMTP service of the Windows NT 4.0 Option Pack installed and running on the Proxy "
                 "Server 2.0 computer (Control Panel, Services)?"),
    boolean_fact("proxy_server_pingable_by_name", "Can the Exchange server ping the proxy server by name?"),
    boolean_fact("proxy_server_port_25_in_use",
                 "Is port 25 on the proxy server already bound by another service or program (whichever it is: "
                 "the Windows NT SMTP service, an antivirus product or any other)?"),
    boolean_fact("ims_starts_after_tcpip_reinstalled",
                 "Does the IMS start once TCP/IP is removed and reinstalled with its recorded settings and the "
                 "latest Windows NT 4.0 and Exchange Server 5.5 service packs are applied again?"),
};

// ---------------------------------------------------------------------------------------------
// Literal messages shared by several rules or long enough to name once.
// ---------------------------------------------------------------------------------------------
namespace quoted {
inline constexpr std::string_view q173496_4143 =
    "The Internet Mail Service service account is not an administrator account. In order to provide SSL "
    "support, the service account must be an administrator account.";
inline constexpr std::string_view mapi_4018 =
    "Unable to start the Internet Mail Connector service because MAPI could not be initialized.";
// Event 4116 as the articles print it: with commas (Q186739, Q306308, Q316616), without (Q169223,
// Q169686, Q317653), cut short (Q192540), and with "ExchangeServer" run together (Q322829).
inline constexpr std::string_view bad_folder_4116_commas =
    "An error was returned from the messaging software, the Internet Mail Service uses, to process messages "
    "on the Microsoft Exchange Server. It is possible that the piece of mail being processed at the time will "
    "not be delivered. The message that was being processed has been moved to the \"BAD\" folder. Use the "
    "appropriate utilities found in the SUPPORT directory of your Exchange CD to view and manipulate these "
    "messages.";
inline constexpr std::string_view bad_folder_4116 =
    "An error was returned from the messaging software the Internet Mail Service uses to process messages on "
    "the Microsoft Exchange Server.  It is possible that the piece of mail being processed at the time will "
    "not be delivered. The message that was being processed has been moved to the \"BAD\" folder.  Use the "
    "appropriate utilities found in the SUPPORT directory of your Exchange CD to view and manipulate these "
    "messages.";
inline constexpr std::string_view bad_folder_4116_short =
    "An error was returned from the messaging software the Internet Mail Service uses to process messages on "
    "the Microsoft Exchange Server. It is possible that the piece of mail being processed at the time will not "
    "be delivered. The message that was being processed has been moved to the \"BAD\" folder.";
inline constexpr std::string_view bad_folder_4116_q322829 =
    "An error was returned from the messaging software the Internet Mail Service uses to process messages on "
    "the Microsoft ExchangeServer. It is possible that the piece of mail being processed at the time will not "
    "be delivered. The message that was being processed has been moved to the \"BAD\" folder. Use the "
    "appropriate utilities found in the SUPPORT directory of your Exchange CD to view and manipulate these "
    "messages.";
inline constexpr std::string_view spool_file_prefix =
    "An error was returned from the messaging software the Internet Mail Service uses to process messages on "
    "the Microsoft Exchange Server. As a result, the message in spool file";
inline constexpr std::string_view shut_down_4102 =
    "A serious error has occurred while trying to send mail into the Exchange Information Store. The Internet "
    "Mail Service is being shut down.";
inline constexpr std::string_view store_3039 =
    "The error 0x80040115 was encountered while trying to communicate with the message store. An attempt to "
    "refresh the connection will be made. If not successful, the service will be shut down.";
inline constexpr std::string_view work_threads_4023 =
    "Unable to start the Internet Mail Service because the work threads could not be initialized.";
inline constexpr std::string_view exception_4037 =
    "An exception has occurred which was handled internally by the Internet Mail Service. This may have "
    "resulted in a message not being delivered.";
inline constexpr std::string_view exception_4037_code =
    "An exception has occurred which was handled internally by the Internet Mail Service.  This may have "
    "resulted in a message not being delivered. Code: 0xc0000005 Flags: 0x00000000 Address:";
inline constexpr std::string_view config_4086 =
    "Unable to start the service because the configuration could not be loaded from the Microsoft Exchange "
    "directory or Windows NT Registry.";
inline constexpr std::string_view connector_resolver_4058 =
    "The Internet Mail Connector cannot start because the name resolver cannot be initialized. Check your "
    "network settings in the Control Panel to ensure that you have set a domain name in the DNS dialog box of "
    "the TCP/IP configuration.";
inline constexpr std::string_view connector_domain_4067 =
    "The Internet Mail Connector cannot start because the TCP/IP domain name was not found during "
    "initialization.";
inline constexpr std::string_view service_resolver_4058 =
    "The Internet Mail Service cannot start because the name resolver cannot be initialized. Check your "
    "network settings in the Control Panel to ensure that you have set a domain name in the DNS dialog box of "
    "the TCP/IP configuration.";
inline constexpr std::string_view service_domain_4067 =
    "The Internet Mail Service cannot start because the TCP/IP domain name was not found during initialization.";
inline constexpr std::string_view bind_10050_4007 =
    "The following error occurred while trying to bind the TCP/IP listener socket (10050)";
inline constexpr std::string_view bind_10048_4007 =
    "The following error occurred while trying to bind the TCP/IP listener socket. 10048";
inline constexpr std::string_view winsock_4020_q193928 = "Unable to start service because Winsock could not be initialized.";
inline constexpr std::string_view winsock_4020_q222553 =
    "Unable to start the service because WinSock could not be initialized.";
inline constexpr std::string_view winsock_4020_q268643 =
    "Unable to start the service because Winsock could not be initialized.";
inline constexpr std::string_view queue_viewing_4087_q182346 =
    "The service could not be started because the queue viewing interface could not be registered.";
inline constexpr std::string_view queue_viewing_4087_q200092 =
    "Service could not be started. Queue viewing interface could not be registered";
inline constexpr std::string_view not_configured_4071 =
    "Unable to start the Internet Mail Service because it has not been configured. You must go to Connections "
    "in the Microsoft Exchange Administrator program for this site, select the Internet Mail Service object, "
    "and configure its setting.";
}  // namespace quoted

// Signals named once: those several rules use, then those a rule and its examples share (an example
// shows them by saw(...)). An example writes an event out where it shows it as a log prints it
// instead: another spelling of the source, the article's full text with the values of the
// reporter's machine the rule's description stops before, a typo as printed, or no text.
namespace signals {
inline constexpr signal error_2140 = start_error(service, 2140);
inline constexpr signal mapi_4018 = event(service, 4018)
                                        .with_type(event_type::error)
                                        .with_category("Initialization/Termination")
                                        .with_description(quoted::mapi_4018);
inline constexpr signal bind_10050_4007 =
    event(service, 4007).with_description(quoted::bind_10050_4007).with_value("10050");
inline constexpr signal winsock_4020_q193928 = event(service, 4020).with_description(quoted::winsock_4020_q193928);
inline constexpr signal config_4086 = event(service, 4086)
                                          .with_type(event_type::error)
                                          .with_category("Initialization/Termination")
                                          .with_description(quoted::config_4086);
inline constexpr signal bad_folder_4116 =
    event(service, 4116).with_description(quoted::bad_folder_4116);
inline constexpr signal shut_down_4102 = event(service, 4102).with_description(quoted::shut_down_4102);
inline constexpr signal wizard_timeout = start_error(service, 0xc002041d);
inline constexpr signal work_threads_4023 =
    event(service, 4023)
        .with_type(event_type::error)
        .with_category("Initialization/Termination")
        .with_description(quoted::work_threads_4023);
inline constexpr signal mapi_4018_without_category =
    event(service, 4018).with_type(event_type::error).with_description(quoted::mapi_4018);
inline constexpr signal bad_folder_4116_commas =
    event(service, 4116)
        .with_type(event_type::error)
        .with_description(quoted::bad_folder_4116_commas);
// Shared by a rule and its examples: start errors, then by article in rule order.
inline constexpr signal error_1067 = start_error(service, 1067);
inline constexpr signal error_1069 = start_error(service, 1069);
inline constexpr signal error_2186 = start_error(service, 2186);
inline constexpr signal error_2 = start_error(service, 2);
inline constexpr signal error_0xc00203e5 = start_error(service, 0xc00203e5);
// Q148565
inline constexpr signal q148565_4032 = event(service, 4032);
inline constexpr signal q148565_4057 = event(service, 4057);
inline constexpr signal q148565_4014 = event(service, 4014);
// Q154589
inline constexpr signal q154589_4058 =
    event(service, 4058)
        .with_category("Intialization/Termination")
        .with_description(quoted::connector_resolver_4058);
// Q155814
inline constexpr signal q155814_7000 =
    event("Service Control Manager", 7000)
        .with_description("The Microsoft Exchange Internet Mail Connector service failed to start due to the "
                          "following error: The service did not respond to the start or control request in a timely "
                          "fashion.");
// Q168883
inline constexpr signal q168883_4037 =
    event(service, 4037)
        .with_type(event_type::error)
        .with_category("Internal Processing")
        .with_description(quoted::exception_4037);
// Q169223
inline constexpr signal q169223_4117 =
    event(service, 4117)
        .with_type(event_type::error)
        .with_category("Internal Processing")
        .with_description(quoted::spool_file_prefix);
inline constexpr signal q169223_4116 =
    event(service, 4116)
        .with_type(event_type::error)
        .with_category("Internal Processing")
        .with_description(quoted::bad_folder_4116);
// Q169686
inline constexpr signal q169686_3039 = event(service, 3039).with_description(quoted::store_3039);
inline constexpr signal q169686_4094 =
    event(service, 4094)
        .with_description("The error 0x8004011d occurred while trying to refresh network connections to the "
                          "Information Store. The Internet Mail Service is being shut down.");
// Q173496
inline constexpr signal q173496_4143 =
    event(service, 4143)
        .with_type(event_type::error)
        .with_category("Initialization/Termination")
        .with_description(quoted::q173496_4143);
// Q182346
inline constexpr signal q182346_4087 =
    event(service, 4087)
        .with_category("Initialization/Termination")
        .with_description(quoted::queue_viewing_4087_q182346);
// Q183178
inline constexpr signal q183178_4071 =
    event(service, 4071)
        .with_type(event_type::error)
        .with_category("Initialization/Termination")
        .with_description(quoted::not_configured_4071);
// Q191548
inline constexpr signal q191548_7003 = event("Service Control Manager", 7003);
inline constexpr signal q191548_1075 = event("Service Control Manager", 1075);
// Q192540
inline constexpr signal q192540_4116 =
    event(service, 4116)
        .with_type(event_type::error)
        .with_description(quoted::bad_folder_4116_short);
// Q194128
inline constexpr signal q194128_4058 = event(service, 4058).with_description(quoted::connector_resolver_4058);
inline constexpr signal q194128_4067 = event(service, 4067).with_description(quoted::connector_domain_4067);
// Q199771
inline constexpr signal q199771_4037 =
    event(service, 4037)
        .with_type(event_type::error)
        .with_category("Internal Processing")
        .with_description(quoted::exception_4037_code);
// Q200092
inline constexpr signal q200092_4087 =
    event(service, 4087)
        .with_type(event_type::error)
        .with_description(quoted::queue_viewing_4087_q200092);
// Q222553
inline constexpr signal q222553_4007 =
    event(service, 4007).with_description(quoted::bind_10048_4007).with_value("10048");
inline constexpr signal q222553_4020 = event(service, 4020).with_description(quoted::winsock_4020_q222553);
// Q231737
inline constexpr signal q231737_4070 =
    event(service, 4070)
        .with_description("An error occurred while opening a temporary message file. Verify that the message spool "
                          "directories are configured correctly and are readable by the Internet Mail Service.");
// Q232279
inline constexpr signal q232279_4102 =
    event(service, 4102)
        .with_type(event_type::error)
        .with_category("Internal Processing")
        .with_description(quoted::shut_down_4102);
// Q246115
inline constexpr signal q246115_2140 = event(service, 2140);
inline constexpr signal q246115_100 = event(service, 100);
// Q262939
inline constexpr signal q262939_4018 =
    event(service, 4018)
        .with_category("Initialization/Termination")
        .with_description(quoted::mapi_4018);
// Q263029
inline constexpr signal q263029_4058 = event(service, 4058).with_category("Intialization/Termination");
// Q268643
inline constexpr signal q268643_4003 =
    event(service, 4003)
        .with_description("The following error occurred while trying to retrieve protocol information. Error=11004")
        .with_value("11004");
inline constexpr signal q268643_4020 = event(service, 4020).with_description(quoted::winsock_4020_q268643);
// Q291123
inline constexpr signal q291123_4067 = event(service, 4067).with_description(quoted::service_domain_4067);
inline constexpr signal q291123_4058 = event(service, 4058).with_description(quoted::service_resolver_4058);
// Q322829
inline constexpr signal q322829_4116 =
    event(service, 4116)
        .with_type(event_type::error)
        .with_category("Internal Processing")
        .with_description(quoted::bad_folder_4116_q322829);
inline constexpr signal q322829_4182 =
    event(service, 4182)
        .with_type(event_type::error)
        .with_category("Internal Processing")
        .with_description(quoted::shut_down_4102);
inline constexpr signal q322829_3039 =
    event(service, 3039)
        .with_type(event_type::error)
        .with_category("Internal Processing")
        .with_description(quoted::store_3039);
// Evidence without an id or a code: failed starts whatever their error, Dr. Watson's and the
// application-error dialogs' crashes of the IMC's program, msexcimc.exe, and message boxes.
inline constexpr signal failed_start = start_failure(service);
inline constexpr signal no_error_returned = start_error(service, 0);  // "Service did not return an error."
inline constexpr signal access_violation = program_crash("MSEXCIMC", 0xc0000005);
inline constexpr signal q179289_heap_crash = program_crash("MSEXCIMC", 0xc0000005).with_value("RtlAllocateHeap");
inline constexpr signal q281743_stack = program_crash("msexcimc").with_value("CPostmaster__rcFindAdminX400Address");
// The quote stops before the library's path (a placeholder); what follows is a telling value.
inline constexpr signal q199430_user32 = message_box("Initialization of the dynamic link library").with_value("USER32.dll failed");
inline constexpr signal q158308_user32 = message_box("Initialization of the dynamic link library").with_value("USER32.dll has failed");
}  // namespace signals


// ---------------------------------------------------------------------------------------------
// The rules, in article order.
// ---------------------------------------------------------------------------------------------
inline constexpr rule rules[] = {
    // Q148565 ------------------------------------------------------------------------------
    rule("ims-per-domain-route-invalid", "Q148565")
        .titled("A wrong per-domain delivery route keeps the IMC/IMS from starting (events 4032, 4057, 4014)")
        .applies_to("exchange_version", {only(v4_0), only(v5_0), only(v5_5)})
        .requires_signals({signals::q148565_4032, signals::q148565_4057, signals::q148565_4014})
        .supported_by({signals::error_2140})
        .confirmed_by({fact_is("ims_delivery_routes_valid", false)})
        .because("At least one per-domain delivery route set up on the Connections page of the IMC/IMS is "
                 "wrong; the service will not start while it is there. The events name the faulty entry.")
        .resolved_by({"Read events 4032, 4057 and 4014 in the Application log to find the route they name.",
                      "Correct or remove that route under E-Mail Domain on the Connections tab of the IMC/IMS.",
                      "Start the MSExchangeIMC service again."})
        .see_also({"Q182522"})
        .shown_by({example_of(saw(signals::error_2140), saw(signals::q148565_4032), saw(signals::q148565_4057),
                              saw(signals::q148565_4014), fact_is("ims_delivery_routes_valid", false))}),

    // Q148727: seven alternative causes behind the same dialog (Error 2140), Exchange 4.0 only.
    rule("imc-address-space-not-configured", "Q148727")
        .titled("IMC 4.0 Error 2140: the connector's property pages, usually the Address Space tab, were never "
                "filled in")
        .applies_to("exchange_version", {only(v4_0)})
        .requires_signals({signals::error_2140})
        .confirmed_by({fact_is("ims_address_space_configured", false)})
        .because("The Internet Mail Connector was installed but not configured; the page most often left out is "
                 "Address Space, and without an address space the connector does not start.")
        .resolved_by({"On the Address Space tab of the IMC, click New Internet, leave E-mail Domain empty, click "
                      "Apply and OK.",
                      "Select the Configuration container, open Site Addressing, and click Recalculate Routing on "
                      "the Routing tab.",
                      "See chapter 11 of the Exchange Server Administrator's Guide for the other IMC pages."})
        .see_also({"Q191548"})
        .shown_by({example_of(saw(signals::error_2140), fact_is("exchange_version", v4_0),
                              fact_is("ims_address_space_configured", false))}),
    rule("imc-startup-account-wrong", "Q148727")
        .titled("IMC 4.0 Error 2140: the service starts under the wrong account")
        .applies_to("exchange_version", {only(v4_0)})
        .requires_signals({signals::error_2140})
        .confirmed_by({fact_is("ims_service_logon_account_correct", false)})
        .because("The Internet Mail Connector service is set up to start under the wrong account; the article "
                 "does not say which account is the right one.")
        .resolved_by({"The article names this cause but gives no steps to correct it."})
        .see_also({"Q155814", "Q155585"})
        .shown_by({example_of(saw(signals::error_2140), fact_is("exchange_version", v4_0),
                              fact_is("ims_service_logon_account_correct", false))}),
    rule("imc-address-space-not-replicated", "Q148727")
        .titled("IMC 4.0 Error 2140: the connector's address space is inactive or wrong")
        .applies_to("exchange_version", {only(v4_0)})
        .requires_signals({signals::error_2140})
        .confirmed_by({fact_is("ims_starts_after_address_space_reentered", true)})
        .because("The IMC has an address space that never became active (configured but never used, not "
                 "replicated) or that is recorded wrongly in the registry.")
        .resolved_by({"On the Address Space tab of the IMC, select the SMTP address space(s) and click Remove.",
                      "Enter the Internet address space again.",
                      "Select the Configuration container, open Site Addressing, and click Recalculate Routing on "
                      "the Routing tab."})
        .shown_by({example_of(saw(signals::error_2140), fact_is("exchange_version", v4_0),
                              fact_is("ims_starts_after_address_space_reentered", true))}),
    rule("imc-tcpip-dns-not-configured", "Q148727")
        .titled("IMC 4.0 Error 2140: the DNS settings of Windows NT TCP/IP were never filled in")
        .applies_to("exchange_version", {only(v4_0)})
        .requires_signals({signals::error_2140})
        .confirmed_by({fact_is("tcpip_dns_configured", false)})
        .because("The DNS page of the Windows NT TCP/IP properties lacks the host name, the domain name or the "
                 "DNS server search order, all of which the connector needs.")
        .resolved_by({"In Control Panel, Network, TCP/IP Protocol, Properties, DNS, fill in Host Name, Domain "
                      "Name and the DNS Service Search Order.",
                      "Start the Internet Mail Connector again."})
        .see_also({"Q154589"})
        .shown_by({example_of(saw(signals::error_2140), fact_is("exchange_version", v4_0),
                              fact_is("tcpip_dns_configured", false))}),
    rule("imc-admin-mailbox-x400-removed", "Q148727")
        .titled("IMC 4.0 Error 2140: the IMC administrator's mailbox lost its X.400 address")
        .applies_to("exchange_version", {only(v4_0)})
        .requires_signals({signals::error_2140})
        .confirmed_by({fact_is("ims_admin_mailbox_has_x400_address", false)})
        .because("The mailbox chosen as Administrator's Mailbox on the Internet Mail tab has no X.400 address; "
                 "it must have all three address types (MS, SMTP and X.400), and without the X.400 one the "
                 "connector does not start.")
        .resolved_by({"Find the Administrator's Mailbox on the Internet Mail tab of the IMC.",
                      "Open that recipient's properties from the Global Address List and check its E-mail Address "
                      "tab for the MS, SMTP and X.400 addresses.",
                      "The article gives no steps to restore a missing X.400 address."})
        .see_also({"Q149542", "Q199430", "Q281743"})
        .shown_by({example_of(saw(signals::error_2140), fact_is("exchange_version", v4_0),
                              fact_is("ims_admin_mailbox_has_x400_address", false))}),
    rule("imc-queue-dat-or-spool-file-damaged", "Q148727")
        .titled("IMC 4.0 Error 2140: Imcdata\\Queue.dat or a queued message file is damaged")
        .applies_to("exchange_version", {only(v4_0)})
        .requires_signals({signals::error_2140})
        .confirmed_by({fact_is("ims_starts_with_imcdata_emptied", true)})
        .because("Queue.dat, which records the state of the IMC's queues (not the messages), is damaged or "
                 "read-only, or one of the queued files in Imcdata\\In or Imcdata\\Out stops the connector.")
        .resolved_by({"With the IMC stopped, clear the read-only attribute of C:\\Exchsrvr\\Imcdata\\Queue.dat "
                      "if set and delete it; the IMC rebuilds it at start.",
                      "If it still fails, move the files in Imcdata\\In and Imcdata\\Out elsewhere, delete "
                      "Queue.dat again and start the IMC.",
                      "Then stop the IMC, move the files back a few at a time (deleting Queue.dat each time) to "
                      "find the offending file, and delete that file."})
        .see_also({"Q168883"})
        .shown_by({example_of(saw(signals::error_2140), fact_is("exchange_version", v4_0),
                              fact_is("ims_starts_with_imcdata_emptied", true))}),
    rule("imc-messages-stuck-in-mts-queues", "Q148727")
        .titled("IMC 4.0 Error 2140: messages are stuck in the MTS-IN or MTS-OUT queue")
        .applies_to("exchange_version", {only(v4_0)})
        .requires_signals({signals::error_2140})
        .confirmed_by({fact_is("mts_queue_has_bad_message", true)})
        .because("Messages held in the connector's MTS-IN or MTS-OUT queue in the information store keep it from "
                 "starting.")
        .resolved_by({"View and delete the blocking messages in MTS-IN and MTS-OUT as Q165505 describes.",
                      "Start the Internet Mail Connector again."})
        .see_also({"Q165505", "Q192540"})
        .shown_by({example_of(saw(signals::error_2140), fact_is("exchange_version", v4_0),
                              fact_is("mts_queue_has_bad_message", true))}),

    // Q149542 ------------------------------------------------------------------------------
    // The article covers 4.0 and 5.0 with different symptoms: on 4.0 the Dr. Watson dialog and then
    // Error 1067; on 5.0 "no 1067 error is generated", the dialog alone. Two rules, one a version:
    // an Error 1067 on 5.0 is not this article's evidence.
    rule("imc-admin-mailbox-no-x400-error-1067", "Q149542")
        .titled("IMC 4.0 Error 1067 after an MSEXCIMC.EXE access violation at start: administrator's mailbox "
                "without an X.400 address")
        .applies_to("exchange_version", {only(v4_0)})
        .requires_signals({signals::error_1067})
        .supported_by({signals::access_violation})
        .confirmed_by({fact_is("ims_admin_mailbox_has_x400_address", false)})
        .because("The user named as Administrator's Mailbox of the IMC/IMS has no X.400 address, and the service "
                 "crashes with an access violation in MSEXCIMC.EXE while starting; on 4.0 the start then ends with "
                 "Error 1067, on 5.0 only Dr. Watson reports it.")
        .resolved_by({"In the Exchange Administrator program, note the Administrator's Mailbox on the IMC/IMS "
                      "properties.",
                      "Add an X.400 address on that user's E-Mail Addresses tab, or choose a user that has one as "
                      "Administrator's Mailbox."})
        .see_also({"Q148727", "Q199430", "Q166080", "Q281743", "Q300535"})
        .shown_by({example_of(saw(signals::error_1067), fact_is("exchange_version", v4_0),
                              fact_is("ims_admin_mailbox_has_x400_address", false))}),
    // Also carries Q199430's 5.0 symptom (the same dialog, the same cause and check).
    rule("ims-5-access-violation-admin-mailbox-no-x400", "Q149542")
        .about_service("MSExchangeIMC")  // Q149542: the IMC's program crashes as it starts
        .titled("IMS 5.0 Dr. Watson access violation (0xc0000005) in MSEXCIMC.EXE at start, no Error 1067: "
                "administrator's mailbox without an X.400 address")
        .applies_to("exchange_version", {only(v5_0)})
        .requires_signals({signals::access_violation})
        .confirmed_by({fact_is("ims_admin_mailbox_has_x400_address", false)})
        .because("The user named as Administrator's Mailbox of the IMS has no X.400 address; starting the 5.0 "
                 "Internet Mail Service then ends in an access violation in MSEXCIMC.EXE that Dr. Watson reports, "
                 "without an Error 1067.")
        .resolved_by({"In the Exchange Administrator program, note the Administrator's Mailbox on the IMS "
                      "properties.",
                      "Add an X.400 address on that user's E-Mail Addresses tab, or choose a user that has one as "
                      "Administrator's Mailbox."})
        .see_also({"Q148727", "Q199430", "Q166080", "Q281743", "Q300535"})
        .shown_by({example_of(saw_crash("MSEXCIMC.EXE", 0xc0000005), fact_is("exchange_version", v5_0),
                              fact_is("ims_admin_mailbox_has_x400_address", false)),
                   example_of(saw_crash("Msexcimc.exe", 0xc0000005), fact_is("exchange_version", v5_0),
                              fact_is("ims_admin_mailbox_has_x400_address", false))}),

    // Q154589 ------------------------------------------------------------------------------
    rule("imc-4058-dns-domain-name-blank", "Q154589")
        .titled("IMC 4.0 Error 2140 with event 4058: the TCP/IP DNS domain name is empty")
        .applies_to("exchange_version", {only(v4_0)})
        .requires_signals({signals::q154589_4058})
        .supported_by({signals::error_2140})
        .confirmed_by({fact_is("tcpip_dns_domain_name_set", false)})
        .ruled_out_by({fact_is("tcpip_dns_configured", true)})  // that DNS tab has its Domain Name
        .because("TCP/IP is set up to use DNS but the Domain Name box of its DNS settings is empty, so the "
                 "connector's name resolver cannot start.")
        .resolved_by({"Open Control Panel, Network, select TCP/IP Protocol and click Configure (Properties).",
                      "On the DNS page type any letters into the Domain Name box; the value itself does not "
                      "matter.",
                      "Close the dialogs with OK and start the Internet Mail Connector."})
        .see_also({"Q148727", "Q291123", "Q194128"})
        .shown_by({example_of(saw(signals::error_2140), saw(signals::q154589_4058),
                              fact_is("tcpip_dns_domain_name_set", false))}),

    // Q155585 ------------------------------------------------------------------------------
    // Logging on to the domain as the service account tells which fix applies (keep the password, or
    // set a new one), not whether this is the cause: the article fixes the startup password either
    // way. The service starting once its logon is entered again confirms.
    rule("exchange-service-logon-failure-1069", "Q155585")
        .titled("Error 1069 starting an Exchange 4.0 service: its logon account's password is wrong or the account "
                "is gone")
        .applies_to("exchange_version", {only(v4_0)})
        .requires_signals({signals::error_1069})
        .confirmed_by({fact_is("service_starts_with_logon_account_reentered", true)})
        .because("The This Account logon set in the service's startup options has a wrong password, or the "
                 "account no longer exists.")
        .resolved_by({"Log off the Windows NT domain and log on to it again as the service account.",
                      "If that works, enter the same password in the service's Startup options.",
                      "If the password is unknown, set a new one in User Manager for Domains, then start the "
                      "System Attendant and Directory services (updating their startup password as needed).",
                      "In the Exchange Administrator program, open the Configuration container's properties and "
                      "enter the new password on the Service Account Password tab.",
                      "Change the password on any service account override pages in other sites (Q157780)."})
        .see_also({"Q157780"})
        .shown_by({example_of(saw(signals::error_1069),
                              fact_is("service_starts_with_logon_account_reentered", true))}),

    // Q155814 ------------------------------------------------------------------------------
    // Its 4086 is printed with category but no type.
    rule("ims-4086-logs-on-as-local-system", "Q155814")
        .titled("IMC/IMS does not start at boot (7000, 4086) and Error 2186 by hand: the service logs on as "
                "LocalSystem")
        .applies_to("exchange_version", {only(v4_0), only(v5_0), only(v5_5)})
        .requires_signals({event(service, 4086)
                               .with_category("Initialization/Termination")
                               .with_description(quoted::config_4086)})
        .supported_by({signals::q155814_7000, signals::error_2186})
        .confirmed_by({fact_is("ims_service_logs_on_as_local_system", true)})
        .ruled_out_by({fact_is("ims_service_logon_account_correct", true)})  // it logs on as This Account
        .because("The IMC or IMS service is set to log on as a system account or with the LocalSystem account "
                 "rather than This Account; the article does not say why it then fails.")
        .resolved_by({"In Control Panel, Services, select the Microsoft Exchange Internet Mail service and click "
                      "Startup.",
                      "Under Log On As choose This Account and enter the Exchange service account, or an account "
                      "with service account administrator rights on the Organization, Site and Configuration "
                      "containers."})
        .see_also({"Q189730", "Q298565"})
        .shown_by({example_of(saw(signals::error_2186), saw(signals::q155814_7000),
                              saw_event("MSExchange IMC", 4086)
                                  .with_category("Initialization/Termination")
                                  .with_description(quoted::config_4086),
                              fact_is("ims_service_logs_on_as_local_system", true))}),

    // Q156229 ------------------------------------------------------------------------------
    rule("imc-4074-address-type-not-smtp", "Q156229")
        .titled("IMC 4.0 Error 2140 with event 4074 (routing table unreadable): the Address Type is not SMTP")
        .applies_to("exchange_version", {only(v4_0)})
        .requires_signals({event(service, 4074)
                               .with_description("Unable to start the Internet Mail Connector because the routing "
                                                 "table could not be read. Wait a few minutes to allow any routing "
                                                 "table updates to complete and then try to start it again. If this "
                                                 "problem persists, check the configuration on the Connections and "
                                                 "Address Space pages of the Internet Mail Connector properties.")})
        .supported_by({signals::error_2140})
        .confirmed_by({fact_is("ims_address_type_is_smtp", false)})
        .because("The Address Type field on the Internet Mail tab of the IMC holds a type other than SMTP, and the "
                 "connector cannot read its routing table.")
        .resolved_by({"Set Address Type on the Internet Mail tab of the IMC properties to SMTP,",
                      "or add a proxy address of the type you want,",
                      "or remove the SMTP address type entered on the connector's Address tab,",
                      "or add the REG_SZ value SiteDomain, holding the address type you want, under "
                      "HKLM\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIMC\\Parameters (see section 7.3.4 "
                      "of the 4.0 Readme.wri, 8.3.4 on 4.0a)."})
        .shown_by({example_of(saw(signals::error_2140),
                              saw_event(service, 4074)
                                  .with_description("Unable to start the Internet Mail Connector because the routing "
                                                    "table could not be read."),
                              fact_is("ims_address_type_is_smtp", false))}),

    // Q158308 ------------------------------------------------------------------------------
    rule("exchange-connector-desktop-heap-2186", "Q158308")
        .titled("The eighth Exchange connector instance on Windows NT 4.0 fails with a USER32.dll error and Error "
                "2186: desktop heap exhausted")
        .applies_to("exchange_version", {only(v4_0)})
        .requires_signals({signals::error_2186})
        .supported_by({signals::q158308_user32})
        .confirmed_by({fact_is("exchange_service_instances_over_seven", true), fact_is("windows_version", nt4)})
        .because("Windows NT 4.0 runs out of memory for a new desktop heap when more than about seven of the "
                 "PC MTA, MS Mail Connector, IMC, Schedule+ Free & Busy, MTA and Directory Synchronization "
                 "services run at once; the next one fails (USER32.dll initialization dialog, no events).")
        .resolved_by({"In Regedt32, open HKLM\\System\\CurrentControlSet\\Control\\Session Manager\\SubSystems, "
                      "value Windows.",
                      "In the SharedSection part, add \",512\" after the second number "
                      "(SharedSection=1024,3072,512), which caps the desktop heap of non-interactive services at "
                      "512 KB.",
                      "Restart the computer (see Q126962 and Q142676)."})
        .see_also({"Q155814", "Q126962", "Q142676"})
        .shown_by({example_of(saw(signals::error_2186), fact_is("exchange_version", v4_0),
                              fact_is("exchange_service_instances_over_seven", true))}),

    // Q160932 ------------------------------------------------------------------------------
    rule("exchange-service-executable-missing-0002", "Q160932")
        .titled("Error 0002 starting an Exchange service: its program file (msexcimc.exe for the IMC) is missing or "
                "damaged")
        .applies_to("exchange_version", {only(v4_0), only(v5_0)})
        .requires_signals({signals::error_2})
        .confirmed_by({fact_is("ims_executable_intact", false)})
        .because("Windows cannot find the executable registered for the service; for the Internet Mail Connector "
                 "that is msexcimc.exe. This is the generic Windows NT 'file not found' error.")
        .resolved_by({"Copy msexcimc.exe back from a backup, another Exchange server or the service pack CD.",
                      "Start the service again."})
        .shown_by({example_of(saw(signals::error_2), fact_is("ims_executable_intact", false))}),

    // Q161937 ------------------------------------------------------------------------------
    // The article prints the failed start as "event 10.67", which is no event id, and does not say it
    // means Error 1067: the rule takes a failed start of any error (or none). "No other events are
    // logged." DEC Alpha servers "seem to be susceptible", which decides nothing.
    rule("imc-4-mts-out-attachment-without-resource-fork", "Q161937")
        .titled("IMC 4.0 stops sending mail and does not start (printed 'event 10.67', no other events): a "
                "message in MTS-OUT with a damaged Macintosh attachment")
        .applies_to("exchange_version", {only(v4_0)})
        .requires_signals({signals::failed_start})
        .confirmed_by({fact_is("imc_starts_after_first_mts_out_message_removed", true)})
        .because("An outbound message sent in TNEF carries a Macintosh attachment whose resource fork was "
                 "stripped; the IMC reads it as MacBinary, takes a wrong file name length from its first 128 "
                 "bytes, and the memory that corrupts crashes the connector.")
        .resolved_by({"Save the messages of the MTS-OUT folder and remove them with the Resource Kit utility "
                      "Imcsave, or copy them out with Mdbvu32 and remove the first message.",
                      "Start the IMC. The article says the latest Exchange 4.0 service pack corrects the problem."})
        .shown_by({example_of(saw(signals::failed_start), fact_is("exchange_version", v4_0),
                              fact_is("imc_starts_after_first_mts_out_message_removed", true))}),

    // Q163243: four alternative causes of event 4018 (one of them is Q157042's).
    rule("ims-4018-mapisvc-inf-missing", "Q163243")
        .titled("IMC/IMS Error 2140 with event 4018 (MAPI not initialized): Mapisvc.inf is not in System32")
        .applies_to("exchange_version", {only(v4_0), only(v5_0), only(v5_5)})
        .requires_signals({signals::mapi_4018})
        .supported_by({signals::error_2140})
        .confirmed_by({fact_is("mapisvc_inf_in_system32", false)})
        .because("MAPI cannot start for the service because Mapisvc.inf is missing from %SystemRoot%\\System32.")
        .resolved_by({"Put Mapisvc.inf back into %SystemRoot%\\System32.", "Start the service again."})
        .see_also({"Q157042", "Q186739", "Q147935"})
        .shown_by({example_of(saw(signals::error_2140), saw(signals::mapi_4018),
                              fact_is("mapisvc_inf_in_system32", false))}),
    rule("ims-4018-mapisvc-inf-no-change-right", "Q163243")
        .titled("IMC/IMS Error 2140 with event 4018: the service account cannot change Mapisvc.inf")
        .applies_to("exchange_version", {only(v4_0), only(v5_0), only(v5_5)})
        .requires_signals({signals::mapi_4018})
        .supported_by({signals::error_2140})
        .confirmed_by({fact_is("service_account_can_change_mapisvc_inf", false)})
        .because("The Exchange service account lacks at least Change rights on Mapisvc.inf in "
                 "%SystemRoot%\\System32, so MAPI cannot be initialized for the service.")
        .resolved_by({"Give the Exchange service account Change (or higher) rights on "
                      "%SystemRoot%\\System32\\Mapisvc.inf.",
                      "Start the service again."})
        .see_also({"Q186739", "Q147935"})
        .shown_by({example_of(saw(signals::error_2140), saw(signals::mapi_4018),
                              fact_is("service_account_can_change_mapisvc_inf", false))}),
    rule("ims-4018-no-private-store", "Q163243")
        .titled("IMC/IMS Error 2140 with event 4018: the server has no private information store")
        .applies_to("exchange_version", {only(v4_0), only(v5_0), only(v5_5)})
        .requires_signals({signals::mapi_4018})
        .supported_by({signals::error_2140})
        .confirmed_by({fact_is("private_store_on_server", false)})
        .because("The connector keeps inbound SMTP mail in the private information store of its own server until "
                 "the MTA routes it on; without a private store on that server MAPI cannot start for it.")
        .resolved_by({"In the Exchange Administrator program choose File, New Other, Information Store.",
                      "Select Private as the Information Store Type and the connector's server in the Server box, "
                      "then click OK (Q157042).",
                      "Start the service again."})
        .see_also({"Q157042", "Q147935"})
        .shown_by({example_of(saw(signals::error_2140), saw(signals::mapi_4018),
                              fact_is("private_store_on_server", false)),
                   // Q157042's own evidence: Exchange 4.0, its category printed as "Intialization/Termination".
                   example_of(saw(signals::error_2140),
                              saw_event(service, 4018)
                                  .with_category("Intialization/Termination")
                                  .with_description(quoted::mapi_4018),
                              fact_is("exchange_version", v4_0), fact_is("private_store_on_server", false))}),
    rule("ims-4018-registry-commonname-homedsa", "Q163243")
        .titled("IMC/IMS Error 2140 with event 4018: CommonName or HomeDSA missing from the IMC's registry "
                "parameters")
        .applies_to("exchange_version", {only(v4_0), only(v5_0), only(v5_5)})
        .requires_signals({signals::mapi_4018})
        .supported_by({signals::error_2140})
        .confirmed_by({fact_is("ims_registry_commonname_homedsa_valid", false)})
        .because("The CommonName or HomeDSA value under "
                 "HKLM\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIMC\\Parameters is missing or wrong, so "
                 "MAPI cannot be initialized for the service.")
        .resolved_by({"Check CommonName and HomeDSA under "
                      "HKLM\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIMC\\Parameters and correct them "
                      "(Q147935 describes the connector's registry information).",
                      "Start the service again."})
        .see_also({"Q147935"})
        .shown_by({example_of(saw(signals::error_2140), saw(signals::mapi_4018),
                              fact_is("ims_registry_commonname_homedsa_valid", false))}),

    // Q166080 ------------------------------------------------------------------------------
    rule("ims-wizard-admin-mailbox-no-x400-dr-watson", "Q166080")
        .about_service("MSExchangeIMC")  // Q166080: the IMS's program crashes as the services start
        .titled("Internet Mail Wizard: MSEXCIMC access violation when services start, IMS not created: the chosen "
                "administrator mailbox has no X.400 address")
        .applies_to("exchange_version", {only(v5_0), only(v5_5)})
        .requires_signals({event("DrWatson", 4097)
                               .with_description("The application; MSEXCIMC.dbg; generated an application error")
                               .with_value("MSEXCIMC.dbg")})
        .supported_by({signals::access_violation})
        .confirmed_by({fact_is("ims_admin_mailbox_has_x400_address", false)})
        .because("The mailbox picked as IMS administrator mailbox in the Internet Mail Wizard lacks an X.400 "
                 "address, and MSEXCIMC crashes with an access violation (c0000005) when the wizard starts it.")
        .resolved_by({"Run the Internet Mail Wizard again and pick another mailbox or distribution list as "
                      "administrator mailbox,",
                      "or pick the option to create/use the mailbox called Administrator,",
                      "or give the chosen mailbox its X.400 address back and run the wizard again."})
        .see_also({"Q149542", "Q300535", "Q199430", "Q281743"})
        .shown_by({example_of(saw_event("DrWatson", 4097)
                                  .with_description("The application; MSEXCIMC.dbg; generated an application error "
                                                    "The error occurred on D/MM/YYYY @ hh:mm: s.sss The exception "
                                                    "generated was c0000005 at address 0042db78 ()."),
                              fact_is("ims_admin_mailbox_has_x400_address", false))}),

    // Q168883: 4037 and Error 1067, two places the corrupt message can be.
    rule("ims-4037-corrupt-message-in-imcdata", "Q168883")
        .titled("IMS/IMC hangs and will not restart (event 4037, Error 1067): a corrupt message in Imcdata\\In or "
                "Imcdata\\Out")
        .applies_to("exchange_version", {only(v4_0), only(v5_0), only(v5_5)})
        .requires_signals({signals::q168883_4037})
        .supported_by({signals::error_1067})
        .confirmed_by({fact_is("ims_starts_with_imcdata_emptied", true)})
        .because("A corrupt message file in the Imcdata\\In or Imcdata\\Out folder makes the service fail each time "
                 "it processes it; the Stop button is greyed out while it hangs.")
        .resolved_by({"Stop the hung service with Kill.exe or Tlist from the Resource Kit.",
                      "Create Temp subfolders under Imcdata\\In and Imcdata\\Out, move all files into them, and "
                      "delete Imcdata\\Queue.dat.",
                      "Start the service; if it stays up, move the files back half at a time (deleting Queue.dat "
                      "and restarting each time) until the bad file is found, and delete it.",
                      "A file that cannot be moved because it is in use while the service hangs is most likely the "
                      "bad one."})
        .see_also({"Q148727", "Q165505", "Q157323"})
        .shown_by({example_of(saw(signals::error_1067), saw(signals::q168883_4037),
                              fact_is("ims_starts_with_imcdata_emptied", true))}),
    rule("ims-4037-corrupt-message-in-mta-queue", "Q168883")
        .titled("IMS/IMC hangs and will not restart (event 4037, Error 1067): a corrupt message in the MTA queues")
        .applies_to("exchange_version", {only(v4_0), only(v5_0), only(v5_5)})
        .requires_signals({signals::q168883_4037})
        .supported_by({signals::error_1067})
        .confirmed_by({fact_is("ims_starts_with_imcdata_emptied", false)})
        .because("The service still fails with Imcdata\\In and Imcdata\\Out emptied, so the corrupt message sits in "
                 "the message transfer agent's store (MTS-IN or MTS-OUT).")
        .resolved_by({"Find and remove the corrupt message in MTS-IN or MTS-OUT as Q165505 describes.",
                      "Q157323 shows how to identify or rebuild a connector queue.",
                      "Start the service again."})
        .see_also({"Q165505", "Q157323", "Q192540"})
        .shown_by({example_of(saw(signals::error_1067), saw(signals::q168883_4037),
                              fact_is("ims_starts_with_imcdata_emptied", false))}),

    // Q169223 ------------------------------------------------------------------------------
    rule("ims-4023-inbound-message-crashes-store", "Q169223")
        .titled("A bad inbound message in Imcdata\\In crashes Store.exe and the IMS cannot start its work threads "
                "(4023)")
        .applies_to("exchange_version", {only(v5_0), only(v5_5)})
        .requires_signals({signals::work_threads_4023,
                           event("DrWatson", 4097)
                               .with_type(event_type::information)
                               .with_description("The application, store.dbg, generated an application error.")
                               .with_value("store.dbg")})
        .supported_by({signals::q169223_4117, signals::q169223_4116,
                       event(service, 4037)
                           .with_type(event_type::error)
                           .with_category("Internal processing")
                           .with_description(quoted::exception_4037_code)})
        .confirmed_by({fact_is("imcdata_in_has_bad_message", true)})
        // Its workaround is emptying Imcdata\In (with Queue.dat deleted): the IMS not starting so
        // rules the cause out.
        .ruled_out_by({fact_at_least("exchange_service_pack", 3),
                       fact_is("ims_starts_with_imcdata_emptied", false)})
        .because("Delivering a bad message from the Imcdata\\In queue to the information store makes Store.exe "
                 "fail with an access violation; a defect corrected in Exchange Server 5.5 Service Pack 3.")
        .resolved_by({"Move the messages out of Imcdata\\In and delete Imcdata\\Queue.dat.",
                      "Restart the information store and the Internet Mail Service.",
                      "To find the bad message, stop the IMS, put the files back one at a time or in small groups, "
                      "delete Queue.dat and restart; the store fails again when the bad one is back.",
                      "Apply Exchange Server 5.5 Service Pack 3 or later."})
        .see_also({"Q322829", "Q317653", "Q232279"})
        .shown_by({example_of(saw_event("DrWatson", 4097)
                                  .with_type(event_type::information)
                                  .with_description("The application, store.dbg, generated an application error. The "
                                                    "error occurred on <date>@<timestamp>."),
                              saw(signals::q169223_4117), saw(signals::q169223_4116), saw(signals::work_threads_4023),
                              fact_is("imcdata_in_has_bad_message", true))}),

    // Q169686 ------------------------------------------------------------------------------
    rule("ims-4094-store-thread-limit-too-low", "Q169686")
        .titled("IMC/IMS shuts down again after every start (4094, 4102, 3039): the information store gives it too "
                "few threads")
        .applies_to("exchange_version", {only(v4_0), only(v5_0)})
        .requires_signals({signals::q169686_4094})
        .supported_by({signals::bad_folder_4116, signals::q169686_3039,
                       event(service, 4117).with_description(quoted::spool_file_prefix), signals::shut_down_4102})
        .confirmed_by({fact_is("is_max_threads_low", true)})
        .because("Performance Optimizer (default answers, all server types, or few users) lowered "
                 "'Max Threads(Private+Public)' under MSExchangeIS\\ParametersSystem from 0x20 to 0x5, so the "
                 "connector cannot get a connection to the information store to deliver or fetch mail.")
        .resolved_by({"In the registry, raise "
                      "HKLM\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem\\Max "
                      "Threads(Private+Public), e.g. to 0x14 (20 threads).",
                      "Perfopt.log in the Windows NT system32 folder records what Performance Optimizer changed.",
                      "Restart the information store and the Internet Mail Service."})
        .see_also({"Q317653", "Q232279", "Q322829"})
        .shown_by({example_of(saw(signals::bad_folder_4116), saw(signals::q169686_3039),
                              saw(signals::q169686_4094), saw(signals::shut_down_4102),
                              fact_is("is_max_threads_low", true))}),

    // Q173496 ------------------------------------------------------------------------------
    rule("ims-service-account-not-admin", "Q173496")
        .titled("IMS 5.5 needs an administrator service account for its SSL support")
        .applies_to("exchange_version", {only(v5_5)})
        .requires_signals({signals::q173496_4143})
        .supported_by({signals::error_2140})
        .confirmed_by({fact_is("service_account_is_admin", false)})
        .because("The account the Exchange services log on with is not in the local or domain Administrators "
                 "group; the 5.5 Internet Mail Service refuses to start without administrator rights because "
                 "its SSL support needs them.")
        .resolved_by({"Add the Exchange service account to the local or domain Administrators group.",
                      "Start the Microsoft Exchange Internet Mail Service again."})
        .see_also({"Q189730"})
        .shown_by({example_of(saw(signals::error_2140), saw(signals::q173496_4143))}),

    // Q182346 ------------------------------------------------------------------------------
    // The cause is any network service or protocol that does not work properly; whether Services for
    // Macintosh or SNMP is installed only picks the workaround's first step, so it is no check: the
    // article's own test (start or create the IMC/IMS after each step) confirms.
    rule("ims-4087-network-service-or-protocol-fault", "Q182346")
        .titled("IMC/IMS cannot start or be created (event 4087, queue viewing interface): a network service or "
                "protocol does not work properly")
        .applies_to("exchange_version", {only(v4_0), only(v5_0)})
        .requires_signals({signals::q182346_4087})
        .confirmed_by({fact_is("ims_starts_after_network_components_reinstalled", true)})
        .because("A network service or network protocol on the server is not working properly; in particular "
                 "after Windows NT Server 3.51 was upgraded to 4.0 on a computer with Services for Macintosh.")
        .resolved_by({"If Services for Macintosh or the SNMP Service is installed, remove it (Control Panel, Network, "
                      "Services; both if both are), restart, and install it again; with a Windows NT service pack "
                      "applied, reapply the service pack before restarting. If neither is installed, go to the next "
                      "step.",
                      "Remove and reinstall each installed protocol, one at a time, restarting (and reapplying the "
                      "service pack) each time; folders shared in Windows NT must be shared again if all protocols "
                      "were removed at once or only one is installed.",
                      "Try to start or create the IMC/IMS after each step."})
        .see_also({"Q200092"})
        .shown_by({example_of(saw(signals::q182346_4087),
                              fact_is("ims_starts_after_network_components_reinstalled", true))}),

    // Q182522 ------------------------------------------------------------------------------
    rule("ims-4056-routing-table-corrupted-by-admin", "Q182522")
        .titled("IMS will not start (event 4056, unparsable delivery route) after the Administrator program "
                "corrupted its routing table")
        .applies_to("exchange_version", {only(v5_0), only(v5_5)})
        .requires_signals({event(service, 4056)
                               .with_type(event_type::error)
                               .with_category("Initialization/termination.")
                               .with_description("Unable to parse the delivery route")})
        .confirmed_by({fact_is("ims_delivery_routes_valid", false)})
        .because("With many entries in the IMS routing table (E-Mail Domain on the Connections tab), "
                 "Imcadmin.dll corrupts the heap when the table is edited and writes a garbled route; the "
                 "Administrator program may also crash (msvcrt!strchr) on later edits.")
        .resolved_by({"Save the routes with IMCCOPY -save routes c:\\exchsrvr\\imcdata\\save.txt (IMCCOPY is in "
                      "\\server\\support\\utils\\i386 on the 5.5 CD).",
                      "In a copy of the file, empty the [Routes] section between DeliveryRouting= and "
                      "DefaultRouting=, and load it with IMCCOPY -restore routes.",
                      "Start the IMS and check in the Administrator program that the routes are gone.",
                      "Enter the routes again by hand or restore a corrected list with IMCCOPY, then restart the "
                      "IMS.",
                      "Install the fixed Imcadmin.dll (5.0 hotfix, or the latest 5.5 service pack) so it does not "
                      "happen again."})
        .see_also({"Q148565"})
        .shown_by({example_of(saw_event(service, 4056)
                                  .with_type(event_type::error)
                                  .with_category("Initialization/termination.")
                                  .with_description("Unable to parse the delivery route anlsf.msbp.co. Since errors "
                                                    "in delivery routing parameters  can result in misrouted mail, "
                                                    "the Internet Mail Service will not start until this error is "
                                                    "corrected."),
                              fact_is("ims_delivery_routes_valid", false))}),

    // Q183178 ------------------------------------------------------------------------------
    rule("ims-4071-admin-mailbox-unset-or-unreachable", "Q183178")
        .titled("IMS will not start with event 4071 ('has not been configured'): the administrator mailbox is "
                "unset, wrong or unreachable")
        .applies_to("exchange_version", {only(v5_0), only(v5_5)})
        .requires_signals({signals::q183178_4071})
        .supported_by({event(service, 4072)})
        .confirmed_by({fact_is("ims_admin_mailbox_valid", false)})
        .because("While initializing, the IMS cannot get hold of its administrator mailbox: none is set, the one "
                 "set does not exist, or it cannot be reached. It may happen only on the automatic start after a "
                 "reboot.")
        .resolved_by({"Starting the service by hand may work around it.",
                      "On the Internet Mail tab of the IMS properties, set an existing, reachable administrator "
                      "mailbox.",
                      "If the setting already looks right, change it to another mailbox, click OK, then set it back "
                      "and click OK again to reset it internally."})
        .see_also({"Q246115", "Q149542"})
        .shown_by({example_of(saw(signals::q183178_4071), fact_is("ims_admin_mailbox_valid", false))}),

    // Q179289 ------------------------------------------------------------------------------
    rule("ims-5-5-heap-crash-relay-allow-list", "Q179289")
        .titled("IMS 5.5 does not start: application error c0000005 in RtlAllocateHeap (MSEXCIMC.dbg) with "
                "RelayFlags set and several entries in RelayAllowList")
        .applies_to("exchange_version", {only(v5_5)})
        .requires_signals({signals::q179289_heap_crash})
        .supported_by({signals::failed_start})
        .confirmed_by({fact_is("ims_relay_allow_list_has_several_entries", true)})
        .because("The registry values RelayFlags and RelayAllowList are set for the Internet Mail Service with "
                 "several entries in RelayAllowList; a problem of Exchange Server 5.5 then makes the service fail "
                 "with an access violation as it starts.")
        .resolved_by({"The article gives no workaround: install the latest Exchange Server 5.5 service pack, "
                      "which it says corrects the problem."})
        .shown_by({example_of(saw_crash("exe\\MSEXCIMC.dbg", 0xc0000005).with_frames("RtlAllocateHeap"),
                              saw(signals::failed_start), fact_is("ims_relay_allow_list_has_several_entries", true))}),

    // Q185025 ------------------------------------------------------------------------------
    // Windows NT 4.0's limit of six entries is what the article names; it says nothing of Windows 2000.
    rule("ims-dr-watson-dns-suffix-search-order-over-six", "Q185025")
        .about_service("MSExchangeIMC")  // Q185025: the IMS's program crashes as Exchange starts
        .titled("IMS Dr. Watson access violation (c0000005, MSEXCIMC.dbg) at start: more than six entries in "
                "the DNS Suffix Search Order")
        .applies_to("exchange_version", {only(v5_0), only(v5_5)})
        .requires_signals({signals::access_violation})
        .confirmed_by({fact_is("dns_suffix_search_order_over_six_entries", true)})
        .because("Entries added to the TCP/IP DNS Suffix Search Order with RegEdit or another tool make it longer "
                 "than the six entries Windows NT 4.0 supports; the Internet Mail Service reads them as it starts "
                 "and causes an access violation at the seventh.")
        .resolved_by({"Keep the DNS Suffix Search Order to six entries or fewer."})
        .shown_by({example_of(saw_crash("MSEXCIMC.dbg", 0xc0000005),
                              fact_is("dns_suffix_search_order_over_six_entries", true))}),

    // Q186739 ------------------------------------------------------------------------------
    rule("ims-4018-4116-system32-no-change-right", "Q186739")
        .titled("IMS logs 4018 and 4116 at start: the service account cannot change the System32 folder")
        .applies_to("exchange_version", {only(v5_0), only(v5_5)})
        .requires_signals({signals::mapi_4018_without_category, signals::bad_folder_4116_commas})
        .confirmed_by({fact_is("service_account_can_change_system32", false)})
        .because("The Exchange service account lacks Change rights on %SystemRoot%\\System32 and so cannot update "
                 "Mapisvc.inf there, which MAPI needs.")
        .resolved_by({"Give the Exchange service account at least Change rights on %SystemRoot%\\System32.",
                      "Start the Internet Mail Service again."})
        .see_also({"Q163243"})
        .shown_by({example_of(saw(signals::mapi_4018_without_category), saw(signals::bad_folder_4116_commas),
                              fact_is("service_account_can_change_system32", false))}),

    // Q189730 ------------------------------------------------------------------------------
    rule("imc-4086-service-account-not-domain-admin", "Q189730")
        .titled("IMC 4.0 on Windows NT 4.0: Error 2140 with event 4086, service account not in the domain's "
                "Administrators group")
        .applies_to("exchange_version", {only(v4_0)})
        .requires_signals({signals::config_4086})
        .supported_by({signals::error_2140})
        .confirmed_by({fact_is("service_account_in_domain_administrators", false), fact_is("windows_version", nt4)})
        .because("Windows NT 4.0 has become more restrictive in its control of the registry; the workaround is to "
                 "put the Exchange service account in the domain's Administrators group.")
        .resolved_by({"Add the Exchange service account to the Administrators group of the domain.",
                      "Start the Internet Mail Connector again."})
        .see_also({"Q298565", "Q155814", "Q173496"})
        .shown_by({example_of(saw(signals::error_2140), saw(signals::config_4086),
                              fact_is("exchange_version", v4_0),
                              fact_is("service_account_in_domain_administrators", false))}),

    // Q191548 (troubleshooting guide), entry a --------------------------------------------
    // The guide gives no source for events 1075 and 7003: "Service Control Manager" by the file's
    // convention for such ids. It has two things verified, either of which may be wrong: TCP/IP
    // installed correctly, and the computer restarted after it was; one rule each.
    rule("imc-tcpip-missing-events-1075-7003", "Q191548")
        .about_service("MSExchangeIMC")  // Q191548: the guide's step for an IMC that does not start
        .titled("A new IMC never starts and events 1075 and 7003 are logged: TCP/IP is not installed correctly")
        .applies_to("exchange_version", {only(v4_0), only(v5_0)})
        .requires_signals({signals::q191548_7003})
        .supported_by({signals::q191548_1075})
        .confirmed_by({fact_is("tcpip_installed_correctly", false)})
        .because("For an IMC that has never started and events 1075 and 7003, the guide points to TCP/IP: it may not "
                 "be installed correctly (with the correct IP address and subnet mask) on the IMC's computer.")
        .resolved_by({"Verify that TCP/IP is installed on the IMC's computer with the correct IP address and subnet "
                      "mask; the guide gives no further steps."})
        .see_also({"Q148727", "Q149542"})
        .shown_by({example_of(saw(signals::q191548_7003), saw(signals::q191548_1075),
                              fact_is("tcpip_installed_correctly", false))}),
    rule("imc-not-restarted-after-tcpip-events-1075-7003", "Q191548")
        .about_service("MSExchangeIMC")  // Q191548: the guide's step for an IMC that does not start
        .titled("A new IMC never starts and events 1075 and 7003 are logged: the computer was not restarted after "
                "TCP/IP was installed")
        .applies_to("exchange_version", {only(v4_0), only(v5_0)})
        .requires_signals({signals::q191548_7003})
        .supported_by({signals::q191548_1075})
        .confirmed_by({fact_is("restarted_after_tcpip_installed", false)})
        .because("For an IMC that has never started and events 1075 and 7003, the guide points to TCP/IP: the IMC's "
                 "computer may not have been restarted after TCP/IP was installed.")
        .resolved_by({"Verify that the IMC's computer was restarted after TCP/IP was installed; the guide gives no "
                      "further steps."})
        .see_also({"Q148727", "Q149542"})
        .shown_by({example_of(saw(signals::q191548_7003), saw(signals::q191548_1075),
                              fact_is("restarted_after_tcpip_installed", false))}),

    // Q192540 ------------------------------------------------------------------------------
    rule("ims-4018-4116-bad-message-in-mts-queue", "Q192540")
        .titled("IMS stops delivering and logs 4018 and 4116 at start: bad messages in its folders in the "
                "information store")
        .applies_to("exchange_version", {only(v4_0), only(v5_0), only(v5_5)})
        .requires_signals({signals::mapi_4018_without_category, signals::q192540_4116})
        .confirmed_by({fact_is("mts_queue_has_bad_message", true)})
        .because("Bad messages in the Internet Mail Service's folders in the information store need to be removed; "
                 "the article says this is the usual cause.")
        .resolved_by({"Remove the bad messages from the IMS folders in the information store; the article does not "
                      "give the steps.",
                      "The messages saved from the In and Out folders can be replayed: stop the IMS, move a few at a "
                      "time into Imcdata\\In (or Out), delete Queue.dat and start it; a bad one stops the service "
                      "again, and the process is repeated."})
        .see_also({"Q165505", "Q168883", "Q148727"})
        .shown_by({example_of(saw(signals::mapi_4018_without_category), saw(signals::q192540_4116),
                              fact_is("mts_queue_has_bad_message", true))}),

    // Q193928: four proxy scenarios behind 4007 (10050) and 4020.
    rule("ims-4007-10050-proxy-named-by-netbios-name", "Q193928")
        .titled("IMS will not start (4007 bind error 10050, 4020): Mspclnt.ini names the proxy server by NetBIOS "
                "name")
        .applies_to("exchange_version", {only(v5_0), only(v5_5)})
        .requires_signals({signals::bind_10050_4007, signals::winsock_4020_q193928})
        .supported_by({signals::error_2140})
        .confirmed_by({fact_is("proxy_client_names_proxy_by_netbios_name", true)})
        .because("On an Exchange server set up as a Microsoft Proxy client, the [Servers IP Address] section of "
                 "Mspclnt.ini holds Name = <NetBIOS name> of the proxy, and the IMS cannot bind its listener.")
        .resolved_by({"Change the entry to the proxy server's IP address; the IMS then starts.",
                      "So it does not revert at restart: in Internet Service Manager open the Web, WinSock or Socks "
                      "Proxy properties, Services tab, Client Configuration, choose IP Address and click OK twice.",
                      "Stop and restart all three proxy services, then click Update in the WSP client in Control "
                      "Panel on the Exchange server."})
        .see_also({"Q203116", "Q222553", "Q268643"})
        .shown_by({example_of(saw(signals::error_2140), saw(signals::bind_10050_4007),
                              saw(signals::winsock_4020_q193928),
                              fact_is("proxy_client_names_proxy_by_netbios_name", true))}),
    // Also carries Q203116 (same cause, same checks; see the exclusions): its evidence, 4007 alone, is
    // the second example, which leaves the rule possible until 4020 is seen.
    rule("ims-4007-10050-proxy-client-with-other-firewall", "Q193928")
        .titled("IMS will not start (4007 bind error 10050, 4020): the Microsoft Proxy client is on but the "
                "firewall is not Microsoft Proxy Server")
        .applies_to("exchange_version", {only(v5_0), only(v5_5)})
        .requires_signals({signals::bind_10050_4007, signals::winsock_4020_q193928})
        .supported_by({signals::error_2140})
        .confirmed_by({fact_is("ms_proxy_client_enabled", true), fact_is("uses_ms_proxy_server", false)})
        .because("The Exchange server connects through a firewall other than Microsoft Proxy Server while the "
                 "Microsoft Proxy client is enabled on it.")
        .resolved_by({"Disable the Microsoft Proxy client on the Exchange server.", "Start the Internet Mail Service."})
        .see_also({"Q203116", "Q222553"})
        .shown_by({example_of(saw(signals::error_2140), saw(signals::bind_10050_4007),
                              saw(signals::winsock_4020_q193928), fact_is("ms_proxy_client_enabled", true),
                              fact_is("uses_ms_proxy_server", false)),
                   // Q203116's evidence (5.5): event 4007 only, with the same two answers.
                   example_of(saw(signals::bind_10050_4007), fact_is("exchange_version", v5_5),
                              fact_is("ms_proxy_client_enabled", true), fact_is("uses_ms_proxy_server", false))}),
    rule("ims-4007-10050-option-pack-smtp-on-proxy", "Q193928")
        .titled("IMS will not start (4007 bind error 10050, 4020): the Option Pack SMTP service runs on the Proxy 2 "
                "server")
        .applies_to("exchange_version", {only(v5_0), only(v5_5)})
        .requires_signals({signals::bind_10050_4007, signals::winsock_4020_q193928})
        .supported_by({signals::error_2140})
        .confirmed_by({fact_is("smtp_service_running_on_proxy_server", true)})
        .ruled_out_by({fact_is("proxy_server_port_25_in_use", false)})  // that service would hold it (Q222553)
        .because("The SMTP service of the Windows NT 4.0 Option Pack is installed and running on the Proxy Server "
                 "2.0 computer.")
        .resolved_by({"On the proxy server, in Control Panel, Services, set the Microsoft SMTP service to Manual.",
                      "Stop that service; the Internet Mail Service then starts."})
        .see_also({"Q222553"})
        .shown_by({example_of(saw(signals::error_2140), saw(signals::bind_10050_4007),
                              saw(signals::winsock_4020_q193928),
                              fact_is("smtp_service_running_on_proxy_server", true))}),
    rule("ims-4007-10050-proxy-not-resolvable-by-name", "Q193928")
        .titled("IMS will not start (4007 bind error 10050, 4020): the proxy server cannot be pinged by name")
        .applies_to("exchange_version", {only(v5_0), only(v5_5)})
        .requires_signals({signals::bind_10050_4007, signals::winsock_4020_q193928})
        .supported_by({signals::error_2140})
        .confirmed_by({fact_is("proxy_server_pingable_by_name", false)})
        .because("The proxy server's name does not resolve, so the proxy client cannot reach it by name.")
        .resolved_by({"Map a drive to the proxy server and edit the hosts file in Winnt\\System32\\Drivers\\Etc.",
                      "Add a line with the proxy's internal IP address, a tab, and its name.",
                      "Check that the proxy server answers a ping by name, then start the IMS."})
        .shown_by({example_of(saw(signals::error_2140), saw(signals::bind_10050_4007),
                              saw(signals::winsock_4020_q193928), fact_is("proxy_server_pingable_by_name", false))}),

    // Q194128 ------------------------------------------------------------------------------
    rule("ims-cluster-sp1-upgrade-name-resolver", "Q194128")
        .titled("IMS on a Windows NT cluster will not start after Exchange 5.5 SP1 was installed with it running "
                "(4058, 4067)")
        .applies_to("exchange_version", {only(v5_5)})
        .requires_signals({signals::q194128_4058, signals::q194128_4067})
        .confirmed_by({fact_is("server_is_cluster_node", true), fact_is("sp1_upgrade_ran_while_ims_running", true)})
        .ruled_out_by({fact_at_least("exchange_service_pack", 2)})
        .because("Installing Exchange 5.5 Service Pack 1 on a cluster while the Internet Mail Service runs leaves "
                 "the IMS unable to start; Msexcimc.exe 5.5.2423.0 (Service Pack 2) corrects it.")
        .resolved_by({"Install the latest Exchange Server 5.5 service pack (Q191014); Service Pack 2 was the first "
                      "with the fix.",
                      "Start the Internet Mail Service."})
        .see_also({"Q191014", "Q291123", "Q154589"})
        .shown_by({example_of(saw(signals::q194128_4058), saw(signals::q194128_4067),
                              fact_is("server_is_cluster_node", true))}),

    // Q199429 ------------------------------------------------------------------------------
    // The article prints the program as "MSEXIMC.DBG", the IMC's MSEXCIMC without its C; the example
    // keeps its spelling (program names are compared with one typo allowed).
    rule("imc-4-application-error-admin-mailbox-damaged", "Q199429")
        .titled("IMC 4.0 does not start after an application error c0000005 in MSEXIMC.DBG: the administrator "
                "mailbox may be damaged")
        .applies_to("exchange_version", {only(v4_0)})
        .requires_signals({signals::access_violation})
        .supported_by({signals::failed_start})
        .confirmed_by({fact_is("imc_starts_with_admin_mailbox_replaced", true)})
        .because("The mailbox set as the IMC's administrator mailbox may be damaged.")
        .resolved_by({"Choose another mailbox as the IMC's administrator mailbox, or delete the administrator "
                      "mailbox and create it again."})
        .shown_by({example_of(saw_crash("MSEXIMC.DBG", 0xc0000005), saw(signals::failed_start),
                              fact_is("imc_starts_with_admin_mailbox_replaced", true))}),

    // Q199430 ------------------------------------------------------------------------------
    // Three symptoms, one a version: on 4.0 drwatsn32.exe's DLL initialization dialog (this rule); on
    // 5.0 a Dr. Watson access violation in Msexcimc.exe, Q149542's 5.0 rule; on 5.5 msexcimc.exe's
    // application-error popup ('The instruction at ... referenced memory'), Q281743's rule. Same
    // cause and check each time; the other two are those rules' examples.
    rule("imc-4-user32-initialization-failed-admin-no-x400", "Q199430")
        .about_service("MSExchangeIMC")  // Q199430: the dialog appears as the IMC is started
        .titled("IMC 4.0 does not start, drwatsn32.exe 'Initialization of the dynamic link library ... USER32.dll "
                "failed': the administrator's mailbox lost its X.400 address")
        .applies_to("exchange_version", {only(v4_0)})
        .requires_signals({signals::q199430_user32})
        .confirmed_by({fact_is("ims_admin_mailbox_has_x400_address", false)})
        .because("The X.400 e-mail address of the mailbox set as Administrator's Mailbox of the Internet Mail "
                 "Connector was removed (4.0 requires one for every user); starting the connector on Windows NT "
                 "4.0 then ends in a DLL initialization failure of Dr. Watson.")
        .resolved_by({"Right-click the Internet Mail Connector and open its properties.",
                      "Choose another Administrator's mailbox, or add the X.400 address back to the existing one "
                      "on its E-mail Addresses tab."})
        .see_also({"Q175875"})
        .shown_by({example_of(saw_dialog("drwatsn32.exe - DLL Initialization Failed\nInitialization of the dynamic "
                                         "link library C:\\WINNT\\system32\\USER32.dll failed. The process is "
                                         "terminating abnormally."),
                              fact_is("ims_admin_mailbox_has_x400_address", false))}),

    // Q199771 ------------------------------------------------------------------------------
    rule("ims-dial-up-logon-domain-too-long", "Q199771")
        .titled("IMS with a dial-up connection crashes at start while mail waits (4106 error 87, 4037): logon "
                "domain of 18 or more characters")
        .applies_to("exchange_version", {only(v5_0), only(v5_5)})
        .requires_signals({event(service, 4106)
                               .with_type(event_type::error)
                               .with_category("SMTP Interface Events")
                               .with_value("(87) The parameter is incorrect")})
        .supported_by({signals::q199771_4037})
        .confirmed_by({fact_is("ims_dialup_logon_domain_too_long", true)})
        .because("A dial-up connection of the IMS has logon information whose Domain field holds 18 or more "
                 "characters; that field is the Windows NT domain, which has at most 15.")
        .resolved_by({"In the Exchange Administrator program, set the Domain field of the dial-up logon "
                      "information to the proper Windows NT domain name.",
                      "Restart the computer."})
        .shown_by({example_of(saw_event(service, 4106)
                                  .with_type(event_type::error)
                                  .with_category("SMTP Interface Events")
                                  .with_description("The dial-up connection <name here> could not be made. The "
                                                    "error reported was: (87) The parameter is incorrect."),
                              saw(signals::q199771_4037), fact_is("ims_dialup_logon_domain_too_long", true))}),

    // Q200092 ------------------------------------------------------------------------------
    // The Alpha, GSNW and cc:Mail are the situation the article describes, not a check ("Removing ...
    // does not solve the problem"): they rule the rule out when absent. The article's last checks
    // (the IMS starts and stays up after its steps) confirm.
    rule("ims-4087-alpha-gsnw-ccmail", "Q200092")
        .titled("IMS 5.0 on DEC Alpha fails with event 4087 after Gateway Services for NetWare and the cc:Mail "
                "connector were added")
        .applies_to("exchange_version", {only(v5_0)})
        .requires_signals({signals::q200092_4087})
        .confirmed_by({fact_is("ims_starts_on_clean_nt_with_tcpip_only", true)})
        .ruled_out_by({fact_is("server_is_dec_alpha", false), fact_is("gsnw_and_ccmail_connector_added", false)})
        .because("After Gateway Services for NetWare and the Lotus cc:Mail connector were added to a DEC Alpha "
                 "running Exchange 5.0, the IMS may fail to start with event 4087; removing both again does not "
                 "help. The article gives no cause, only checks to make in order.")
        .resolved_by({"Make sure Windows NT is a clean release (RTM) installation, not over a beta.",
                      "Make sure Services for AppleTalk and the SNMP service are not running (Q182346).",
                      "Remove every network protocol except TCP/IP and restart, reapplying the Windows NT service "
                      "pack when protocols are added.",
                      "Confirm in Task Manager or Performance Monitor that the IMS runs, then send a test SMTP "
                      "message through it."})
        .see_also({"Q182346"})
        .shown_by({example_of(saw(signals::q200092_4087), fact_is("server_is_dec_alpha", true),
                              fact_is("ims_starts_on_clean_nt_with_tcpip_only", true))}),

    // Q222553 ------------------------------------------------------------------------------
    rule("ims-winsock-bind-10048-port-in-use", "Q222553")
        .titled("IMS fails to start (4007 with error 10048, 4020): port 25 on the Proxy Server 2.0 computer is "
                "already taken")
        .applies_to("exchange_version", {only(v4_0), only(v5_0), only(v5_5)})
        .requires_signals({signals::q222553_4007, signals::q222553_4020})
        .confirmed_by({fact_is("proxy_server_port_25_in_use", true)})
        .because("To use Proxy Server 2.0 the IMS binds and listens on port 25 of the proxy server; another service "
                 "already holds that port, usually the Windows NT SMTP service, sometimes an antivirus product.")
        .resolved_by({"Make sure the Windows NT SMTP service is not running on the proxy server.",
                      "Make sure nothing else uses port 25 of the proxy server.",
                      "Try with the antivirus product on the proxy server disabled; if that helps, ask its vendor.",
                      "Start the Internet Mail Service."})
        .see_also({"Q193928", "Q203116", "Q268643"})
        .shown_by({example_of(saw(signals::q222553_4007), saw(signals::q222553_4020),
                              fact_is("proxy_server_port_25_in_use", true))}),

    // Q231737 ------------------------------------------------------------------------------
    rule("ims-4070-imcdata-in-folder-missing", "Q231737")
        .titled("IMS does not start and inbound mail stops (4070, 4131): the Imcdata\\In folder was deleted")
        .applies_to("exchange_version", {only(v4_0), only(v5_0), only(v5_5)})
        .requires_signals({signals::q231737_4070})
        .supported_by({event(service, 4131)
                           .with_description("An unexpected error occurred in the Internet Mail Service. Information "
                                             "about this error is stored in the data portion of this event.")})
        .confirmed_by({fact_is("imcdata_in_folder_exists", false)})
        .because("A program or a user deleted or renamed Exchsrvr\\Imcdata\\In, which is possible while its "
                 "permissions are not read-only; disk space is not the problem.")
        .resolved_by({"Check that C:\\Exchsrvr\\Imcdata\\In exists and create it again if needed.",
                      "Give Everyone read-only access to the Imcdata folder and restart the IMS.",
                      "If the folder keeps disappearing, turn on auditing to find out what removes it (Q146791)."})
        .see_also({"Q146791"})
        .shown_by({example_of(saw(signals::q231737_4070), saw_event(service, 4131),
                              fact_is("imcdata_in_folder_exists", false))}),

    // Q232279 ------------------------------------------------------------------------------
    rule("ims-4182-malformed-message-before-sp3", "Q232279")
        .titled("IMS 5.5 shuts down on a malformed message (4182, 4102) and restarts fail with Error 2140 until the "
                "spool file is deleted")
        .applies_to("exchange_version", {only(v5_5)})
        .requires_signals({event(service, 4182)
                               .with_type(event_type::error)
                               .with_category("Internal Processing")
                               .with_description(quoted::spool_file_prefix),
                           signals::q232279_4102})
        .supported_by({signals::error_2140})
        .confirmed_by({fact_is("spool_file_from_event_4182_in_imcdata", true)})
        .ruled_out_by({fact_at_least("exchange_service_pack", 3)})
        .because("The IMS may shut down when it receives a malformed message, and does not start again while that "
                 "message, the spool file named in event 4182, is in Exchsrvr\\Imcdata. First corrected in Exchange "
                 "Server 5.5 Service Pack 3 (Information Store files such as Store.exe 5.5.2619.0).")
        .resolved_by({"Delete the spool file named in event 4182 from the Exchsrvr\\Imcdata folder by hand.",
                      "Install the latest Exchange Server 5.5 service pack (Q191014).",
                      "Start the Internet Mail Service."})
        .see_also({"Q191014", "Q322829", "Q317653"})
        .shown_by({example_of(saw(signals::error_2140),
                              saw_event(service, 4182)
                                  .with_type(event_type::error)
                                  .with_category("Internal Processing")
                                  .with_description("An error was returned from the messaging software the Internet "
                                                    "Mail Service uses to process messages on the Microsoft Exchange "
                                                    "Server. As a result, the message in spool file HBWK2Q2P will be "
                                                    "retried when the server is restarted."),
                              saw(signals::q232279_4102), fact_is("spool_file_from_event_4182_in_imcdata", true))}),

    // Q246115 ------------------------------------------------------------------------------
    // The article names events 2140 and 100 by id alone: MSExchangeIMC by the file's convention for such ids.
    rule("ims-admin-mailbox-invalid-events-2140-100", "Q246115")
        .titled("IMS/IMC does not start and events 2140 and 100 are logged: the administrator's mailbox is not a "
                "valid mailbox")
        .applies_to("exchange_version", {only(v4_0), only(v5_0), only(v5_5)})
        .requires_signals({signals::q246115_2140, signals::q246115_100})
        .confirmed_by({fact_is("ims_admin_mailbox_valid", false)})
        .because("The IMS/IMC property pages may not be configured properly: the administrator's mailbox on the "
                 "Internet Mail tab may not be a valid mailbox.")
        .resolved_by({"In the Exchange Administrator program open Configuration, Connectors, and the Internet Mail "
                      "Service (or IMC).",
                      "On the Internet Mail tab select a valid user as administrator's mailbox; the service then "
                      "starts."})
        .see_also({"Q148727", "Q191548", "Q183178"})
        .shown_by({example_of(saw(signals::q246115_2140), saw(signals::q246115_100),
                              fact_is("ims_admin_mailbox_valid", false))}),

    // Q262939 ------------------------------------------------------------------------------
    // Its 4018 is printed with source and category but no type.
    rule("ims-4018-service-account-lost-domain-admins", "Q262939")
        .titled("Exchange 5.5 SP3 on Windows 2000: the IMS wizard times out (0xc002041d, event 4018) after the "
                "server was demoted and re-promoted")
        .applies_to("exchange_version", {only(v5_5)})
        .requires_signals({signals::q262939_4018})
        .supported_by({signals::wizard_timeout})
        .confirmed_by({fact_is("service_account_in_domain_admins", false),
                       fact_is("server_dc_demoted_and_repromoted", true), fact_is("windows_version", windows_2000)})
        .ruled_out_by({fact_below("exchange_service_pack", 3), fact_at_least("exchange_service_pack", 4)})  // 5.5 SP3
        .because("The issue can occur when the group membership of the local users changed after the Windows 2000 "
                 "server, demoted from domain controller, was promoted to one again. The resolution makes sure that "
                 "the Exchange service account is a member of the Domain Admins group.")
        .resolved_by({"In Active Directory Users and Computers, open the service account in the Users container.",
                      "On the Member Of tab, make sure the account is in Domain Admins; if it is only in Domain "
                      "Users, add Domain Admins.",
                      "The article gives no step after that (it does not say to run the Internet Mail Service "
                      "Wizard again)."})
        .see_also({"Q300535", "Q173496"})
        .shown_by({example_of(saw(signals::wizard_timeout), saw(signals::q262939_4018),
                              fact_is("service_account_in_domain_admins", false))}),

    // Q263029 ------------------------------------------------------------------------------
    rule("ims-cluster-setup-missing-dns-a-records", "Q263029")
        .titled("Exchange 5.5 SP3 IMS setup on a Windows 2000 cluster hangs (0xc00203e5, event 4058): no DNS A "
                "records for the cluster")
        .applies_to("exchange_version", {only(v5_5)})
        .requires_signals({signals::q263029_4058})
        .supported_by({signals::error_0xc00203e5})
        .confirmed_by({fact_is("local_dns_has_cluster_a_records", false),
                       fact_is("cluster_uses_local_dns_first", false), fact_is("server_is_cluster_node", true)})
        .ruled_out_by({fact_below("exchange_service_pack", 3), fact_at_least("exchange_service_pack", 4)})  // 5.5 SP3
        .because("The cluster server's TCP/IP DNS settings are not set up correctly and the local DNS (on Windows NT "
                 "4.0, which does not register names by itself) has no host records for the cluster and Exchange "
                 "names; the article names both together as the cause.")
        .resolved_by({"In Cluster Administrator note the IP address and network name of the Exchange group and of "
                      "the cluster; they must differ.",
                      "In the advanced TCP/IP properties, DNS tab, of the cluster server list the local DNS server "
                      "before the provider's.",
                      "In the local DNS add host (A) records for the Exchange name and the cluster name with their "
                      "IP addresses, then run the setup again."})
        .see_also({"Q194128", "Q291123"})
        .shown_by({example_of(saw(signals::error_0xc00203e5), saw(signals::q263029_4058),
                              fact_is("local_dns_has_cluster_a_records", false),
                              fact_is("cluster_uses_local_dns_first", false))}),

    // Q264162 ------------------------------------------------------------------------------
    // The article applies to 5.5 up to SP3; the dialog prints no service and no code: the reader
    // gives a start error 0 ("did not return an error") of no named service, which matches.
    rule("ims-w2k-cluster-use-network-configuration", "Q264162")
        .titled("IMS 5.5 (to SP3) on a Windows 2000 cluster does not start, 'Service did not return an error': "
                "its cluster resource is set to Use Network Configuration")
        .applies_to("exchange_version", {only(v5_5)})
        .requires_signals({signals::no_error_returned})
        .confirmed_by({fact_is("ims_cluster_resource_uses_network_configuration", true)})
        .ruled_out_by({fact_is("server_is_cluster_node", false), fact_is("windows_version", nt4),
                       fact_at_least("exchange_service_pack", 4)})  // 5.5 to SP3
        .because("The cluster service is set to use network configuration for the Internet Mail Service when no "
                 "network configuration is available, so the service cannot start.")
        .resolved_by({"Start Cluster Administrator.", "Click the group that holds the Exchange Server services.",
                      "Open the properties of the Internet Mail Service resource.",
                      "Clear the Use Network Configuration check box."})
        .shown_by({example_of(saw(signals::no_error_returned),
                              fact_is("ims_cluster_resource_uses_network_configuration", true))}),

    // Q268643 ------------------------------------------------------------------------------
    // The WSP client (the Microsoft Proxy client) is the setting the article describes, not a check:
    // it rules the rule out when absent. The article names no cause; its remedy working (the IMS
    // starts) confirms.
    rule("ims-4003-11004-wsp-client-tcpip", "Q268643")
        .titled("IMS 5.5 with the Winsock Proxy client does not start (4003 Error=11004, 4020): reinstall TCP/IP")
        .applies_to("exchange_version", {only(v5_5)})
        .requires_signals({signals::q268643_4003, signals::q268643_4020})
        .confirmed_by({fact_is("ims_starts_after_tcpip_reinstalled", true)})
        .ruled_out_by({fact_is("ms_proxy_client_enabled", false)})
        .because("When the IMS is installed on an Exchange 5.5 server that runs the Winsock Proxy client, it may not "
                 "start: retrieving protocol information fails with error 11004. The article gives no cause; its "
                 "remedy removes and reinstalls TCP/IP.")
        .resolved_by({"Write down the TCP/IP settings (Control Panel, Network, Protocols).",
                      "Remove TCP/IP and restart; add TCP/IP again with the same settings and restart.",
                      "Reapply the latest Windows NT 4.0 and Exchange Server 5.5 service packs and restart.",
                      "Start the Microsoft Exchange Internet Mail Service if it did not start by itself."})
        .see_also({"Q193928", "Q222553", "Q222134", "Q178532", "Q181847"})
        .shown_by({example_of(saw(signals::q268643_4003), saw(signals::q268643_4020),
                              fact_is("ims_starts_after_tcpip_reinstalled", true))}),

    // Q272506 ------------------------------------------------------------------------------
    rule("ims-3018-huge-file-in-imcdata-out", "Q272506")
        .titled("IMS 5.5 will not restart with event 3018 (spool disk space low): a 16-GB file in Imcdata\\Out")
        .applies_to("exchange_version", {only(v5_5)})
        .requires_signals({event(service, 3018)
                               .with_description("The available disk space on the spool drive has dropped below")})
        .confirmed_by({fact_is("imcdata_out_has_huge_file", true)})
        .because("A file of 16 GB in Exchsrvr\\Imcdata\\Out uses up the spool drive, and the IMS refuses to work "
                 "below its free-space threshold.")
        .resolved_by({"Delete the 16-GB file from Exchsrvr\\Imcdata\\Out.", "Delete Exchsrvr\\Imcdata\\Queue.dat.",
                      "Restart the Internet Mail Service."})
        .see_also({"Q317653"})
        .shown_by({example_of(saw_event(service, 3018)
                                  .with_description("The available disk space on the spool drive has dropped below "
                                                    "(%1)K. The Internet Mail Connector will not accept messages for "
                                                    "inbound and outbound conversion until the available disk space "
                                                    "has increased above (%1)K."),
                              fact_is("imcdata_out_has_huge_file", true))}),

    // Q281743 ------------------------------------------------------------------------------
    // Also carries Q199430's 5.5 symptom, msexcimc.exe's application-error popup: the same cause and
    // check; without a stack it matches by the program alone.
    rule("ims-5-5-dr-watson-find-admin-x400-address", "Q281743")
        .about_service("MSExchangeIMC")  // Q281743: the IMS's program crashes as it starts
        .titled("IMS 5.5 Dr. Watson at start in CPostmaster::rcFindAdminX400Address: the administrator mailbox "
                "has no X.400 proxy address")
        .applies_to("exchange_version", {only(v5_5)})
        .requires_signals({signals::q281743_stack})
        .confirmed_by({fact_is("ims_admin_mailbox_has_x400_address", false)})
        .because("The mailbox set as the Internet Mail Service's Administrator mailbox has no X.400 proxy address, "
                 "and the service stops responding while it looks that address up as it starts.")
        .resolved_by({"Give the Administrator mailbox an X.400 proxy address on its E-mail Address tab."})
        .shown_by({example_of(saw_crash("").with_frames("msexcimc!CPostmaster__rcFindAdminX400Address\n"
                                                        "msexcimc!CPostmaster__rcInitialize\n"),
                              fact_is("ims_admin_mailbox_has_x400_address", false)),
                   example_of(saw_crash("msexcimc.exe", 0xc0000005), fact_is("exchange_version", v5_5),
                              fact_is("ims_admin_mailbox_has_x400_address", false))}),

    // Q291123 (and Q312439, same cause) -----------------------------------------------------
    // Both articles describe a Windows 2000 member server: that is their situation, so a domain
    // controller rules the rule out; the missing suffix is the check.
    rule("ims-w2k-primary-dns-suffix-not-set", "Q291123")
        .titled("IMS 5.5 setup on a Windows 2000 member server fails (4067, 4058): no primary DNS suffix")
        .applies_to("exchange_version", {only(v5_5)})
        .requires_signals({signals::q291123_4067, signals::q291123_4058})
        .confirmed_by({fact_is("primary_dns_suffix_set", false), fact_is("windows_version", windows_2000)})
        .ruled_out_by({fact_is("server_is_member_server", false)})
        .because("The Windows 2000 member server has no primary DNS suffix, so the IMS finds no TCP/IP domain name "
                 "and its name resolver cannot start.")
        .resolved_by({"In Control Panel, System, Network Identification, click Properties, then More.",
                      "Type the new domain or subdomain of the computer in the 'Primary DNS suffix' box and click OK "
                      "three times."})
        .see_also({"Q312439", "Q247063", "Q194128", "Q154589"})
        .shown_by({example_of(saw(signals::q291123_4067), saw(signals::q291123_4058),
                              fact_is("primary_dns_suffix_set", false)),
                   // Q312439's evidence (5.5 SP3): the same events, worded "The Microsoft Exchange Internet Mail
                   // Service cannot start ...", so no description bears out; the fact decides.
                   example_of(saw_event(service, 4067)
                                  .with_description("The Microsoft Exchange Internet Mail Service cannot start because "
                                                    "the TCP/IP domain name was not found during initialization."),
                              saw_event(service, 4058)
                                  .with_description("The Microsoft Exchange Internet Mail Service cannot start because "
                                                    "the name resolver cannot be initialized."),
                              fact_is("exchange_version", v5_5), fact_is("primary_dns_suffix_set", false))}),

    // Q298565 ------------------------------------------------------------------------------
    rule("ims-4086-sitedn-mismatch", "Q298565")
        .titled("IMC/IMS 5.5 Error 2140 with event 4086: the SiteDN registry value does not match the directory")
        .applies_to("exchange_version", {only(v5_5)})
        .requires_signals({signals::config_4086})
        .supported_by({signals::error_2140})
        .confirmed_by({fact_is("ims_registry_sitedn_matches_directory", false)})
        .because("SiteDN under HKLM\\System\\CurrentControlSet\\Services\\MSExchangeIMC\\Parameters differs from "
                 "the directory, for example because Exchange was reinstalled with a wrong organization or site "
                 "name.")
        .resolved_by({"In Regedt32, read SiteDN under "
                      "HKLM\\System\\CurrentControlSet\\Services\\MSExchangeIMC\\Parameters.",
                      "Compare its o=, ou= and cn= parts with the directory names of the organization, site and "
                      "server shown by File, Properties in the Exchange Administrator program, and correct them,",
                      "or reinstall Exchange Server with the correct organization and site names."})
        .see_also({"Q189730", "Q155814"})
        .shown_by({example_of(saw(signals::error_2140), saw(signals::config_4086),
                              fact_is("exchange_version", v5_5),
                              fact_is("ims_registry_sitedn_matches_directory", false))}),

    // Q300535 ------------------------------------------------------------------------------
    rule("ims-wizard-admin-mailbox-no-x400-timeout", "Q300535")
        .titled("IMS 5.5 setup stops with 'did not respond ... in a timely fashion' (0xc002041d): the wizard's "
                "administrator mailbox has no X.400 address")
        .applies_to("exchange_version", {only(v5_5)})
        .requires_signals({signals::wizard_timeout})
        .confirmed_by({fact_is("ims_admin_mailbox_has_x400_address", false)})
        .because("The administrator mailbox given in the Internet Mail Service Setup Wizard has no X.400 address, "
                 "and the service does not answer the wizard's start request.")
        .resolved_by({"Run the Internet Mail Wizard again.",
                      "When asked for the administrator mailbox for non-delivery notifications, select a mailbox or "
                      "distribution list that has an X.400 address, or choose to create/use the mailbox called "
                      "Administrator.",
                      "Finish the wizard to install the Internet Mail Service again."})
        .see_also({"Q262939", "Q166080", "Q149542"})
        .shown_by({example_of(saw(signals::wizard_timeout), fact_is("ims_admin_mailbox_has_x400_address", false))}),

    // Q306308 ------------------------------------------------------------------------------
    rule("ims-4018-is-logons-limited-without-ims-dn", "Q306308")
        .titled("IMS Error 2140 with events 1023, 4018, 4116: logons to the information store are limited and the "
                "IMS is not on the list")
        .applies_to("exchange_version", {only(v4_0), only(v5_0), only(v5_5)})
        .requires_signals({event("MSExchangeIS Private", 1023)
                               .with_type(event_type::failure_audit)
                               .with_category("Logons")
                               .with_value("was unable to log on to")
                               .with_value("cn=Internet Mail Connector"),
                           signals::mapi_4018_without_category})
        .supported_by({signals::bad_folder_4116_commas, signals::error_2140})
        .confirmed_by({fact_is("is_logons_limited_without_ims_dn", true)})
        .because("Logons to the information store are limited with the 'Logon Only As' value (Q146764) and the "
                 "distinguished name of the IMS is not on it, so the service account may not log on to the store "
                 "as the IMS.")
        .resolved_by({"Stop the information store service.",
                      "In Regedt32, add the IMS's distinguished name (/o=<org>/ou=<site>/cn=Configuration/"
                      "cn=Connections/cn=Internet Mail Connector (<server>)) to the REG_MULTI_SZ value Logon Only As "
                      "under HKLM\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem.",
                      "Start the information store and the IMS again."})
        .see_also({"Q146764", "Q163243", "Q186739", "Q316616"})
        .shown_by({example_of(saw(signals::error_2140),
                              saw_event("MSExchangeIS Private", 1023)
                                  .with_type(event_type::failure_audit)
                                  .with_category("Logons")
                                  .with_description("DOMSTW\\exchservice was validated as /o=MicrosoftCE/ou=northitaly/"
                                                    "cn=Configuration/cn=Connections/cn=Internet Mail Connector "
                                                    "(NTSTEFANWI1) but was unable to log on to /o=MicrosoftCE/"
                                                    "ou=northitaly/cn=Configuration/cn=Connections/cn=Internet Mail "
                                                    "Connector (NTSTEFANWI1)"),
                              saw(signals::mapi_4018_without_category), saw(signals::bad_folder_4116_commas))}),

    // Q316616 ------------------------------------------------------------------------------
    rule("ims-4018-4116-mapi32-version-mismatch", "Q316616")
        .titled("IMS 5.5 will not start (4018, 4116): Mapi32.dll does not match the installed service pack")
        .applies_to("exchange_version", {only(v5_5)})
        .requires_signals({signals::mapi_4018_without_category, signals::bad_folder_4116_commas})
        .confirmed_by({fact_is("mapi32_dll_matches_service_pack", false)})
        .because("The Mapi32.dll in the system folder is not the version that goes with the Exchange Server 5.5 "
                 "service pack on the server (none 5.5.1960, SP1 5.5.2232, SP2 5.5.2448, SP3 5.5.2650).")
        .resolved_by({"Check the version of Mapi32.dll in <drive>:\\winnt\\system32 (Properties, Version tab) "
                      "against the service pack.",
                      "If it is wrong, rename it to Mapi32.dll.old and copy Mapi32.dll from "
                      "\\server\\enterprise\\setup\\i386\\exchange on the Exchange 5.5 CD into system32.",
                      "Restart the computer and reinstall the Exchange service packs that were installed."})
        .see_also({"Q186739", "Q306308", "Q163243"})
        .shown_by({example_of(saw(signals::mapi_4018_without_category), saw(signals::bad_folder_4116_commas),
                              fact_is("mapi32_dll_matches_service_pack", false))}),

    // Q317653: three scenarios behind 4116 and 4102 on 5.5.
    rule("ims-4116-4102-antivirus", "Q317653")
        .titled("IMS 5.5 stops and cannot be restarted (4116, 4102): antivirus software on the server")
        .applies_to("exchange_version", {only(v5_5)})
        .requires_signals({signals::bad_folder_4116, signals::shut_down_4102})
        .confirmed_by({fact_is("antivirus_running_on_exchange_server", true)})
        .because("Antivirus software is installed and running on the Exchange server; the article names this as a "
                 "scenario in which the issue may occur and does not say how it causes it.")
        .resolved_by({"Turn off or remove the antivirus software on the server.",
                      "If it still fails, look for a bad message in Imcdata\\In: stop the IMS, move the messages "
                      "out, bring them back one (or a few) at a time, delete Queue.dat and restart each time.",
                      "Raise Max Threads(Private+Public) as Q169686 describes, and apply the latest service pack "
                      "and Store.exe hotfixes."})
        .see_also({"Q169686", "Q191014", "Q282533"})
        .shown_by({example_of(saw(signals::bad_folder_4116), saw(signals::shut_down_4102),
                              fact_is("antivirus_running_on_exchange_server", true))}),
    rule("ims-4116-4102-imcdata-disk-full", "Q317653")
        .titled("IMS 5.5 stops and cannot be restarted (4116, 4102): the Imcdata drive is running out of space")
        .applies_to("exchange_version", {only(v5_5)})
        .requires_signals({signals::bad_folder_4116, signals::shut_down_4102})
        .confirmed_by({fact_is("ims_starts_after_imcdata_drive_space_freed", true)})
        .because("The partition that holds the Imcdata folder is running out of free space.")
        .resolved_by({"Free space on that drive: remove unneeded programs and files, empty the Recycle Bin and the "
                      "temporary folders, clean Imcdata\\Log, or move Imcdata to another partition.",
                      "If the SMTP protocol log takes much of the drive, lower its level on the Diagnostic Logging "
                      "tab of the server properties.",
                      "Restart the Internet Mail Service."})
        .see_also({"Q169686", "Q272506"})
        .shown_by({example_of(saw(signals::bad_folder_4116), saw(signals::shut_down_4102),
                              fact_is("ims_starts_after_imcdata_drive_space_freed", true))}),
    rule("ims-4116-4102-store-not-updated", "Q317653")
        .titled("IMS 5.5 stops and cannot be restarted (4116, 4102): the server lacks the latest service pack and "
                "Store.exe hotfixes")
        .applies_to("exchange_version", {only(v5_5)})
        .requires_signals({signals::bad_folder_4116, signals::shut_down_4102})
        .confirmed_by({fact_is("latest_sp_and_store_hotfixes_applied", false)})
        .because("The information store has defects fixed in later service packs and Store.exe hotfixes that the "
                 "server does not have yet.")
        .resolved_by({"Install the latest Exchange Server 5.5 service pack (Q191014) and the current Store.exe "
                      "hotfixes (Q282533 lists the post-SP4 store fixes).",
                      "Restart the information store and the Internet Mail Service."})
        .see_also({"Q191014", "Q282533", "Q279798", "Q295969"})
        .shown_by({example_of(saw(signals::bad_folder_4116), saw(signals::shut_down_4102),
                              fact_is("latest_sp_and_store_hotfixes_applied", false))}),

    // Q322829: a corrupted message or a damaged IMS, to be tried in that order. The article lists events
    // 1011 and 4037 by id alone; 1011 gets MSExchangeIMC by the file's convention for such ids. The
    // BAD folder not helping is the article's reason to try its second method, not a check of the
    // damage (Q169223's bad message in Imcdata\In, which logs 4116 and 4023 too, would pass it): the
    // damaged IMS is confirmed by that method working, the IMS starting once it is created again.
    rule("ims-4023-corrupt-message-in-bad-folder", "Q322829")
        .titled("IMS 5.5 does not start (2140, 4023, 4182, 3039, Store.exe Dr. Watson): a corrupted message in the "
                "IMS's BAD folder")
        .applies_to("exchange_version", {only(v5_5)})
        .requires_signals({signals::q322829_4116, signals::work_threads_4023, signals::q322829_4182,
                           signals::q322829_3039})
        .supported_by({signals::error_2140, event(service, 4037), event(service, 1011)})
        .confirmed_by({fact_is("ims_starts_after_bad_folder_emptied", true)})
        .because("A corrupted item in the BAD folder of the IMS mailbox makes Store.exe fail when the IMS starts.")
        .resolved_by({"Back up the server first.",
                      "Create a gateway profile for the IMS with Profinst (profinst /service=msexchangeimc "
                      "/name=<ims> /type=gateway).",
                      "Open it in Mdbvu32 (Exchange 5.5 CD, Server\\Support\\Utils\\I386) with "
                      "MAPI_EXPLICIT_PROFILE, open the 'Mailbox - Internet Mail Service (<server>)' store and its "
                      "root folder, and delete the messages in the Bad child folder with IpFld->DeleteMessages().",
                      "Start the Internet Mail Service."})
        .see_also({"Q165505", "Q191548", "Q169223", "Q232279"})
        .shown_by({example_of(saw(signals::error_2140), saw(signals::q322829_4116), saw(signals::work_threads_4023),
                              saw(signals::q322829_4182), saw(signals::q322829_3039),
                              fact_is("ims_starts_after_bad_folder_emptied", true))}),
    rule("ims-4023-ims-installation-damaged", "Q322829")
        .titled("IMS 5.5 does not start (2140, 4023, 4182, 3039) even with its BAD folder empty: the IMS is "
                "damaged and must be reinstalled")
        .applies_to("exchange_version", {only(v5_5)})
        .requires_signals({signals::q322829_4116, signals::work_threads_4023, signals::q322829_4182,
                           signals::q322829_3039})
        .supported_by({signals::error_2140, event(service, 4037), event(service, 1011)})
        .confirmed_by({fact_is("ims_starts_after_bad_folder_emptied", false),
                       fact_is("ims_starts_after_reinstalled", true)})
        .because("The Internet Mail Service itself is damaged; the article turns to it once clearing the BAD folder "
                 "did not help.")
        .resolved_by({"Back up the server first.",
                      "Delete the Internet Mail Service under Configuration, Connections in the Exchange "
                      "Administrator program.",
                      "Check that the Internet Mail Connector no longer appears under the server's Private "
                      "Information Store, Mailbox Resources; if it does, defragment Priv.edb (Q255035).",
                      "Create the Internet Mail Service again (File, New Other, Internet Mail Service) with the "
                      "Internet Mail Wizard, then stop and start it in Services."})
        .see_also({"Q255035", "Q191548", "Q289258"})
        .shown_by({example_of(saw(signals::error_2140), saw(signals::q322829_4116), saw(signals::work_threads_4023),
                              saw(signals::q322829_4182), saw(signals::q322829_3039),
                              fact_is("ims_starts_after_bad_folder_emptied", false),
                              fact_is("ims_starts_after_reinstalled", true))}),
};

inline constexpr auto table = make_table<facts, rules>();

// ---------------------------------------------------------------------------------------------
// Entries of scope `ims-start` that are not rules of their own, and why.
// ---------------------------------------------------------------------------------------------
using kb::exclusion;

inline constexpr exclusion exclusions[] = {
    {"Q157042",
     "Same symptoms (Error 2140, event 4018) and same cause (no private information store) as cause c of Q163243, "
     "which refers to it; Q157042 covers 4.0 only, Q163243 4.0 to 5.5, so two rules could never be told apart on "
     "4.0. Its evidence is the rule's second example.",
     "ims-4018-no-private-store"},
    {"Q312439",
     "Same cause (no primary DNS suffix on a Windows 2000 member server), same events (4067, 4058) and same "
     "version (5.5) as Q291123; it differs only in the events' wording and a setup dialog the model cannot "
     "observe. Its evidence is the rule's second example.",
     "ims-w2k-primary-dns-suffix-not-set"},
    {"Q203116",
     "Same cause (the Microsoft Proxy client enabled while the server does not reach the Internet through "
     "Microsoft Proxy Server) and same two checks as scenario B of Q193928, on 5.5, which Q193928 covers too: two "
     "rules would both be confirmed by one log. Q203116 shows event 4007 (10050) alone, Q193928 4007 with 4020 and "
     "Error 2140. Its evidence is the rule's second example; without 4020 the rule stays possible.",
     "ims-4007-10050-proxy-client-with-other-firewall"},
    {"Q191548-b",
     "Troubleshooting guide: routes Error 2140 to Q148727 and Dr. Watson to Q149542, and lists events 4092, "
     "4018, 4086 and 4026 without a cause of their own.",
     ""},
};

}  // namespace ruledx::kb::exchange_ims

#endif
