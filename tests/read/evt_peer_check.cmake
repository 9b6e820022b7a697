# Peer check: ruledx's reading of one .evt file against libevt's `evtexport -m all`, record by record.
#
#   cmake -DEVTEXPORT=<evtexport or empty> -DDUMP=<evt_dump> -DWORK=<dir> -DMODE=equal|superset
#         (-DEVT=<file.evt> | -DMAKE=<evt_make> -DSHAPE=<name>) -P evt_peer_check.cmake
#
# MODE equal: the same records in the same order. MODE superset: every evtexport record must be
# matched, and ruledx may find more -- used only where libevt is known to give up early (it does not
# resynchronise after a bogus record length; formats.md 1.8). One difference is accepted in both
# modes and counted in the output: evtexport splits the whole strings area at NULs, so padding after
# the declared strings shows up as extra empty strings; ruledx keeps NumStrings.
# Prints "skipped: ..." (matched by the test's SKIP_REGULAR_EXPRESSION) when evtexport or the
# sample file is missing.
if(NOT EVTEXPORT)
  message("skipped: evtexport not found (install Debian package libevt-utils)")
  return()
endif()
file(MAKE_DIRECTORY "${WORK}")
if(SHAPE)
  execute_process(COMMAND "${MAKE}" "${WORK}" "${SHAPE}" RESULT_VARIABLE rc OUTPUT_QUIET)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "evt_make ${SHAPE} failed: ${rc}")
  endif()
  set(EVT "${WORK}/${SHAPE}.evt")
endif()
if(NOT EXISTS "${EVT}")
  message("skipped: ${EVT} not present (../shared/samples is not part of a user's clone)")
  return()
endif()
get_filename_component(name "${EVT}" NAME)
set(theirs "${WORK}/${name}.evtexport.txt")
execute_process(COMMAND "${EVTEXPORT}" -m all "${EVT}" OUTPUT_FILE "${theirs}" RESULT_VARIABLE rc
                ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "evtexport failed on ${EVT} (${rc}): ${err}")
endif()
execute_process(COMMAND "${DUMP}" --compare "${EVT}" "${theirs}" "${MODE}" RESULT_VARIABLE rc
                OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "peer check failed: ruledx and evtexport disagree on ${EVT}")
endif()
