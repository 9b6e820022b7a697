# Builds the Debian package (cpack -G DEB), unpacks it into a scratch root with dpkg-deb -x, and
# uses it as a user of the package would: the command (--version, the bundled sample), its man
# page, and a consumer built against the unpacked headers with pkg-config and with find_package.
file(REMOVE_RECURSE "${WORK}")
foreach(tool dpkg-deb pkg-config)
  find_program(found_${tool} ${tool})
  if(NOT found_${tool})
    message("skipped: ${tool} is not installed (Debian: dpkg, pkg-config)")
    return()
  endif()
endforeach()
find_program(dpkg_shlibdeps dpkg-shlibdeps)
if(NOT dpkg_shlibdeps)
  message("skipped: dpkg-shlibdeps is not installed (Debian: dpkg-dev)")
  return()
endif()

function(run)
  execute_process(COMMAND ${ARGV} RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "failed: ${ARGV}\n${out}\n${err}")
  endif()
  set(run_output "${out}" PARENT_SCOPE)
endfunction()

# -O2: GCC 12's -O3 warns falsely inside libstdc++ (see tools/test.sh).
run(${CMAKE_COMMAND} -S "${RULEDX_SOURCE}" -B "${WORK}/build" -DCMAKE_CXX_COMPILER=${CXX}
    -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE=-O2
    -DRULEDX_BUILD_TESTS=OFF -DRULEDX_BUILD_EXAMPLES=ON -DRULEDX_INSTALL=ON)
run(${CMAKE_COMMAND} --build "${WORK}/build" --target exchange-diagnose)
execute_process(COMMAND ${CMAKE_CPACK_COMMAND} -G DEB WORKING_DIRECTORY "${WORK}/build"
                RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "cpack -G DEB failed\n${out}\n${err}")
endif()
file(GLOB debs "${WORK}/build/ruledx_*.deb")
list(LENGTH debs count)
if(NOT count EQUAL 1)
  message(FATAL_ERROR "expected one ruledx_*.deb, found: ${debs}")
endif()
set(root "${WORK}/root")
run(dpkg-deb -x "${debs}" "${root}")

# What the package holds.
foreach(path usr/bin/exchange-diagnose usr/share/man/man1/exchange-diagnose.1 usr/include/ruledx/ruledx.hpp
             usr/share/pkgconfig/ruledx.pc usr/share/cmake/ruledx/ruledx-config.cmake)
  if(NOT EXISTS "${root}/${path}")
    message(FATAL_ERROR "the package has no ${path}")
  endif()
endforeach()

# The command: its version is config.hpp's, and it diagnoses the bundled sample.
file(STRINGS "${RULEDX_SOURCE}/include/ruledx/config.hpp" version_lines REGEX "^#define RULEDX_VERSION_(MAJOR|MINOR|PATCH) ")
set(version "")
foreach(part MAJOR MINOR PATCH)
  string(REGEX MATCH "RULEDX_VERSION_${part} ([0-9]+)" _ "${version_lines}")
  string(APPEND version ".${CMAKE_MATCH_1}")
endforeach()
string(SUBSTRING "${version}" 1 -1 version)
run("${root}/usr/bin/exchange-diagnose" --version)
if(NOT run_output MATCHES "ruledx ${version}")
  message(FATAL_ERROR "--version printed '${run_output}', not ruledx ${version}")
endif()
run("${root}/usr/bin/exchange-diagnose" "${RULEDX_SOURCE}/examples/samples/q173496-ticket.txt")
if(NOT run_output MATCHES "^1\\. LIKELY Q173496")
  message(FATAL_ERROR "the packaged command did not diagnose the sample:\n${run_output}")
endif()

# A consumer through pkg-config, from the unpacked root (the .pc file finds its prefix itself).
set(ENV{PKG_CONFIG_PATH} "${root}/usr/share/pkgconfig")
run(pkg-config --modversion ruledx)
string(STRIP "${run_output}" pc_version)
if(NOT pc_version STREQUAL version)
  message(FATAL_ERROR "pkg-config says version ${pc_version}, not ${version}")
endif()
run(pkg-config --cflags ruledx)
string(STRIP "${run_output}" cflags)
separate_arguments(cflags UNIX_COMMAND "${cflags}")
run(${CXX} -std=c++17 ${cflags} "${CMAKE_CURRENT_LIST_DIR}/project/main.cpp" -o "${WORK}/consumer-pkg-config")
run("${WORK}/consumer-pkg-config")

# And through find_package.
run(${CMAKE_COMMAND} -S "${CMAKE_CURRENT_LIST_DIR}/project" -B "${WORK}/consumer-build" -DCMAKE_CXX_COMPILER=${CXX}
    -DRULEDX_MODE=find_package "-DCMAKE_PREFIX_PATH=${root}/usr")
run(${CMAKE_COMMAND} --build "${WORK}/consumer-build")
run("${WORK}/consumer-build/consumer")
message(STATUS "the package installs, and consumers build from it with pkg-config and find_package")
