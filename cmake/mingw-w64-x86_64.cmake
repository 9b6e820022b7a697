# Cross-compiling for 64-bit Windows with mingw-w64, the tests run under Wine:
#
#   cmake -S . -B build-mingw -DCMAKE_TOOLCHAIN_FILE=cmake/mingw-w64-x86_64.cmake
#   cmake --build build-mingw && (cd build-mingw && ctest)
#
# Debian packages: g++-mingw-w64-x86-64-posix (the posix thread model: std::thread, which the test
# driver of the command's end-to-end tests uses) and wine64.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(CMAKE_CXX_COMPILER x86_64-w64-mingw32-g++-posix)
set(CMAKE_RC_COMPILER x86_64-w64-mingw32-windres)

# Libraries and headers of the target only; programs (Wine, the host's tools) of the host.
set(CMAKE_FIND_ROOT_PATH /usr/x86_64-w64-mingw32)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)

# libgcc, libstdc++ and winpthread linked in: the programs run under Wine (and on Windows) without
# the compiler's DLLs on the path.
set(CMAKE_EXE_LINKER_FLAGS_INIT -static)

# Wine runs the tests (add_test of a target goes through the emulator). Debian's wine64 package
# installs the loader and the server outside PATH (the `wine` package's /usr/bin/wine is a script
# around them). The Wine prefix is the build folder's own, so a run depends on nothing in $HOME,
# and Wine's debug messages are off so that they do not mix with what the tests read.
find_program(RULEDX_WINE NAMES wine64 wine PATHS /usr/lib/wine DOC "Wine, to run the Windows programs the tests build")
find_program(RULEDX_WINESERVER NAMES wineserver64 wineserver PATHS /usr/lib/wine DOC "Wine's server")
if(NOT RULEDX_WINE OR NOT RULEDX_WINESERVER)
  message(WARNING "Wine not found (Debian package wine64): the tests cannot run")
elseif(NOT CMAKE_IN_TRY_COMPILE)
  set(RULEDX_WINEPREFIX "${CMAKE_BINARY_DIR}/wineprefix")
  set(CMAKE_CROSSCOMPILING_EMULATOR env WINEPREFIX=${RULEDX_WINEPREFIX} WINEDEBUG=-all ${RULEDX_WINE})
  # Wine is started before the tests and stopped after them (ctest runs CTestCustom.cmake's
  # commands). The first program to start it would otherwise make the prefix (seconds, with
  # messages on its standard error), and the server's helper processes would inherit that test's
  # output pipe, so that ctest waits for the test until Wine ends, after every other test. The
  # server stays up for 60 s between programs, and ends then if ctest was interrupted.
  set(wine_script "${CMAKE_BINARY_DIR}/wine-for-tests.sh")
  file(WRITE "${wine_script}" "\
# start: makes the prefix if need be and starts Wine, away from any test's output. stop: stops it.
export WINEPREFIX='${RULEDX_WINEPREFIX}' WINEDEBUG=-all
case \"$1\" in
  start) exec </dev/null >/dev/null 2>&1  # what Wine starts keeps these open
         mkdir -p \"$WINEPREFIX\" && { '${RULEDX_WINESERVER}' -p60 || true; } && '${RULEDX_WINE}' wineboot ;;
  stop) '${RULEDX_WINESERVER}' -k 2>/dev/null || true ;;
esac
")
  file(WRITE "${CMAKE_BINARY_DIR}/CTestCustom.cmake"
    "set(CTEST_CUSTOM_PRE_TEST \"sh ${wine_script} start\")\n"
    "set(CTEST_CUSTOM_POST_TEST \"sh ${wine_script} stop\")\n")
endif()
