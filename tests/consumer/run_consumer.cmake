# Installs ruledx into a scratch prefix (find_package mode), then configures, builds and runs the
# consumer project against it.
file(REMOVE_RECURSE "${WORK}")
set(prefix "${WORK}/prefix")
function(run)
  execute_process(COMMAND ${ARGV} RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "failed: ${ARGV}\n${out}")
  endif()
endfunction()

if(MODE STREQUAL "find_package")
  run(${CMAKE_COMMAND} -S "${RULEDX_SOURCE}" -B "${WORK}/ruledx-build" -DCMAKE_CXX_COMPILER=${CXX}
      -DRULEDX_BUILD_TESTS=OFF -DRULEDX_BUILD_EXAMPLES=OFF -DRULEDX_INSTALL=ON "-DCMAKE_INSTALL_PREFIX=${prefix}")
  run(${CMAKE_COMMAND} --install "${WORK}/ruledx-build")
  if(NOT EXISTS "${prefix}/share/cmake/ruledx/ruledx-config-version.cmake")
    message(FATAL_ERROR "the install has no version file")
  endif()
endif()
run(${CMAKE_COMMAND} -S "${CMAKE_CURRENT_LIST_DIR}/project" -B "${WORK}/consumer-build" -DCMAKE_CXX_COMPILER=${CXX}
    -DRULEDX_MODE=${MODE} "-DRULEDX_SOURCE=${RULEDX_SOURCE}" "-DCMAKE_PREFIX_PATH=${prefix}")
run(${CMAKE_COMMAND} --build "${WORK}/consumer-build")
run("${WORK}/consumer-build/consumer")
message(STATUS "consumer built and ran (${MODE})")
