# Makes single_include/ruledx/ruledx.hpp from include/: the library (the umbrella header) and every
# knowledge base, each #include "ruledx/..." replaced by that header's text, each header once, under
# a banner holding LICENSE. A vendor who copies the one file has all that include/ holds.
#
#   cmake -P tools/amalgamate.cmake                       (rewrites the committed single header)
#   cmake -DCOMPARE_WITH=<file> -DOUTPUT=<tmp> -P ...     (fails if <file> differs from a fresh build)
cmake_minimum_required(VERSION 3.16)

if(NOT SOURCE_DIR)
  get_filename_component(SOURCE_DIR "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)
endif()
if(NOT OUTPUT)
  set(OUTPUT "${SOURCE_DIR}/single_include/ruledx/ruledx.hpp")
endif()

# What the single header holds: every knowledge base, then the umbrella (the library; a test checks
# it includes every header outside kb/). The knowledge bases come first because the umbrella
# includes one under a condition (the deprecated RULEDX_DEPRECATED_UMBRELLA_INCLUDES_EXCHANGE_IMS),
# which is then inlined already; in name order, kb/exchange.hpp's tables come before
# kb/exchange_diagnosis.hpp's definitions, also under a condition, that use them.
file(GLOB roots RELATIVE "${SOURCE_DIR}/include" "${SOURCE_DIR}/include/ruledx/kb/*.hpp")
list(SORT roots)
list(APPEND roots ruledx/ruledx.hpp)

set_property(GLOBAL PROPERTY ruledx_seen "")

# Appends the text of header `path` (relative to include/) to the variable named by `out`. A header
# included under a condition (other than its includer's include guard: the includer's first #if) is
# inlined there unless already inlined, and is not marked as inlined, because the text under the
# condition may not be compiled; `conditional` says the header itself is so included.
function(ruledx_inline path conditional out)
  get_property(seen GLOBAL PROPERTY ruledx_seen)
  if(path IN_LIST seen)
    set(${out} "" PARENT_SCOPE)
    return()
  endif()
  if(NOT conditional)
    set_property(GLOBAL APPEND PROPERTY ruledx_seen "${path}")
  endif()
  file(READ "${SOURCE_DIR}/include/${path}" text)
  # The newline ends the begin marker's line, and lets every directive be found as "\n#".
  set(text "\n${text}")
  set(result "// ---- begin ${path} ----")
  set(depth 0)             # conditionals open
  set(guard_open FALSE)    # the one open conditional is the include guard
  set(conditionals_seen 0)
  set(include_marker "\n#include \"ruledx/")
  string(LENGTH "${include_marker}" include_marker_length)
  while(TRUE)
    # The next of: #if/#ifdef/#ifndef, #endif, #include "ruledx/...".
    string(FIND "${text}" "\n#if" at_if)
    string(FIND "${text}" "\n#endif" at_endif)
    string(FIND "${text}" "${include_marker}" at_include)
    set(at -1)
    foreach(candidate IN ITEMS ${at_if} ${at_endif} ${at_include})
      if(NOT candidate EQUAL -1 AND (at EQUAL -1 OR candidate LESS at))
        set(at ${candidate})
      endif()
    endforeach()
    if(at EQUAL -1)
      break()
    endif()
    if(at EQUAL at_include)
      string(SUBSTRING "${text}" 0 ${at} before)
      string(APPEND result "${before}")
      math(EXPR name_start "${at} + ${include_marker_length}")
      string(SUBSTRING "${text}" ${name_start} -1 rest)
      string(FIND "${rest}" "\"" name_end)
      string(SUBSTRING "${rest}" 0 ${name_end} name)
      # Drop the include line, keeping the newline that ends it for the next search, and splice
      # the header in (nothing when it was inlined before).
      string(SUBSTRING "${rest}" ${name_end} -1 text)
      string(FIND "${text}" "\n" eol)
      string(SUBSTRING "${text}" ${eol} -1 text)
      set(inner_conditional ${conditional})
      if(depth GREATER 1 OR (depth EQUAL 1 AND NOT guard_open))
        set(inner_conditional TRUE)
      endif()
      ruledx_inline("ruledx/${name}" ${inner_conditional} inner)
      if(NOT inner STREQUAL "")
        string(REGEX REPLACE "\n$" "" inner "${inner}")
        string(APPEND result "\n${inner}")
      endif()
      continue()
    endif()
    if(at EQUAL at_if)
      math(EXPR depth "${depth} + 1")
      math(EXPR conditionals_seen "${conditionals_seen} + 1")
      if(depth EQUAL 1 AND conditionals_seen EQUAL 1)
        set(guard_open TRUE)
      endif()
    else()
      math(EXPR depth "${depth} - 1")
      if(depth EQUAL 0)
        set(guard_open FALSE)
      endif()
    endif()
    # Copy up to and including the directive's "\n#" and go on after it.
    math(EXPR after "${at} + 2")
    string(SUBSTRING "${text}" 0 ${after} before)
    string(APPEND result "${before}")
    string(SUBSTRING "${text}" ${after} -1 text)
  endwhile()
  string(APPEND result "${text}// ---- end ${path} ----\n")
  set(${out} "${result}" PARENT_SCOPE)
endfunction()

# The banner: LICENSE as a comment, then what made the file. RULEDX_SINGLE_HEADER is defined here
# only, never in include/, so a program (and the test suite) can tell which it was built from.
file(STRINGS "${SOURCE_DIR}/LICENSE" license_lines)
set(banner "")
foreach(line IN LISTS license_lines)
  if(line STREQUAL "")
    string(APPEND banner "//\n")
  else()
    string(APPEND banner "// ${line}\n")
  endif()
endforeach()
string(APPEND banner "\n// ruledx single header, generated by tools/amalgamate.cmake from include/ -- do not edit.\n")
string(APPEND banner "// Regenerate with: cmake -P tools/amalgamate.cmake\n")
string(APPEND banner "// It holds the library and every knowledge base; it has no include guard of its own, so that\n")
string(APPEND banner "// like ruledx/kb/exchange_diagnosis.hpp it may be included again after defining\n")
string(APPEND banner "// RULEDX_EXCHANGE_DIAGNOSIS_IMPLEMENTATION (each part keeps its own guard).\n")
string(APPEND banner "#define RULEDX_SINGLE_HEADER 1\n")
set(body "")
foreach(root IN LISTS roots)
  ruledx_inline("${root}" FALSE text)
  string(APPEND body "${text}")
endforeach()
file(WRITE "${OUTPUT}" "${banner}${body}")

if(COMPARE_WITH)
  file(READ "${OUTPUT}" fresh)
  if(EXISTS "${COMPARE_WITH}")
    file(READ "${COMPARE_WITH}" committed)
  else()
    set(committed "")
  endif()
  if(NOT fresh STREQUAL committed)
    message(FATAL_ERROR "${COMPARE_WITH} is stale: it differs from what tools/amalgamate.cmake makes of "
                        "include/. Run: cmake -P tools/amalgamate.cmake")
  endif()
  message(STATUS "single header is current")
endif()
