# Compiles SOURCE and passes only if compilation fails with output matching every regex in EXPECT
# (a ;-separated list). With EXPECT_SUCCESS set, passes only if compilation succeeds: the control
# case that shows the harness itself compiles a valid table.
separate_arguments(flags UNIX_COMMAND "${FLAGS}")
execute_process(
  COMMAND "${COMPILER}" ${flags} -fsyntax-only -I "${INCLUDE_DIR}" -I "${CASE_DIR}" "${SOURCE}"
  RESULT_VARIABLE result
  OUTPUT_VARIABLE output
  ERROR_VARIABLE output)
if(EXPECT_SUCCESS)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "the valid table did not compile:\n${output}")
  endif()
  return()
endif()
if(result EQUAL 0)
  message(FATAL_ERROR "${SOURCE} compiled, but it must not")
endif()
foreach(pattern IN LISTS EXPECT)
  if(NOT output MATCHES "${pattern}")
    message(FATAL_ERROR "compilation failed, but the message does not name the problem.\n"
                        "expected to match: ${pattern}\noutput:\n${output}")
  endif()
endforeach()
# One error, not a cascade: the table's initialisation must stay a constant expression, and a
# defect shared by many rules is reported once.
string(REGEX MATCHALL "[0-9]: error: " errors "${output}")
list(LENGTH errors error_count)
if(NOT error_count EQUAL 1 OR output MATCHES "must be initialized by a constant expression|is not a constant expression")
  message(FATAL_ERROR "the problem was reported, but with ${error_count} errors in all.\noutput:\n${output}")
endif()
message(STATUS "rejected as expected: ${SOURCE}")
