# Runs PROGRAM ARGUMENT and passes only if its standard output equals the file EXPECTED, which a
# generator wrote and git keeps (docs/rules.md from rules_doc).
execute_process(COMMAND "${PROGRAM}" ${ARGUMENT} OUTPUT_VARIABLE output RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} exited ${result}")
endif()
file(READ "${EXPECTED}" expected)
if(NOT output STREQUAL expected)
  message(FATAL_ERROR "${EXPECTED} is stale. Regenerate it: ${PROGRAM} ${ARGUMENT} > ${EXPECTED}")
endif()
message(STATUS "${EXPECTED} is current")
