#!/usr/bin/env bash
# The whole test suite: installs what the tests need when it is missing, then builds and runs
# every test with GCC 12 and Clang 14 in C++17 and C++20 (-Wall -Wextra -Wpedantic -Wshadow
# -Wconversion -Werror; the GCC C++20 build optimized), with GCC 11, Clang 13, 15 and 16 (16 with
# libc++; 15 against the single header) in C++17, once with -fno-exceptions -fno-rtti, and once with AddressSanitizer +
# UndefinedBehaviorSanitizer, which also runs each fuzzer for RULEDX_FUZZ_SECONDS (default 30), and
# cross-built for Windows with mingw-w64, run under Wine.
#
#   bash tools/test.sh            all configurations
#   bash tools/test.sh gcc-17     only the named ones (gcc-17 gcc-20 clang-17 clang-20 no-exceptions sanitize
#                                 gcc-11 clang-13 clang-15 clang-16-libc++ mingw)
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v cmake >/dev/null || missing+=(cmake)
command -v g++ >/dev/null || missing+=(g++)
command -v clang++ >/dev/null || missing+=(clang)
[ -f /usr/lib/cmake/doctest/doctestConfig.cmake ] || missing+=(doctest-dev)
command -v evtexport >/dev/null || missing+=(libevt-utils)
command -v pkg-config >/dev/null || missing+=(pkg-config)
# The other compilers and standard library the suite is run with (configurations gcc-11 ... clang-16-libc++).
command -v g++-11 >/dev/null || missing+=(g++-11)
for v in 13 15 16; do command -v "clang++-${v}" >/dev/null || missing+=("clang-${v}"); done
[ -f /usr/lib/llvm-16/include/c++/v1/vector ] || missing+=(libc++-16-dev libc++abi-16-dev)
command -v dpkg-shlibdeps >/dev/null || missing+=(dpkg-dev)  # cpack's DEB dependencies
# Windows: the mingw-w64 cross compiler and Wine to run what it builds (configuration mingw).
command -v x86_64-w64-mingw32-g++-posix >/dev/null || missing+=(g++-mingw-w64-x86-64-posix)
[ -x /usr/lib/wine/wine64 ] || command -v wine64 >/dev/null || missing+=(wine64)
if command -v clang++ >/dev/null; then
    clang_major=$(clang++ -dumpversion | cut -d. -f1)
    dpkg -s "libclang-rt-${clang_major}-dev" >/dev/null 2>&1 || missing+=("libclang-rt-${clang_major}-dev")
fi
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}"
    sudo_cmd=()
    [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    # clang's sanitizer runtime is versioned: install it now that clang is there.
    if ! dpkg -s "libclang-rt-$(clang++ -dumpversion | cut -d. -f1)-dev" >/dev/null 2>&1; then
        "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
            "libclang-rt-$(clang++ -dumpversion | cut -d. -f1)-dev" >/dev/null
    fi
fi

jobs=$(nproc 2>/dev/null || echo 2)
configure_args() {
    case "$1" in
        gcc-17) echo "-DCMAKE_CXX_COMPILER=g++ -DCMAKE_CXX_STANDARD=17 -DRULEDX_PACKAGE_TESTS=ON" ;;
        # -O2, not CMake's Release -O3: GCC 12's -O3 warns -Wrestrict falsely inside libstdc++'s
        # std::string (GCC bug 105651).
        gcc-20) echo "-DCMAKE_CXX_COMPILER=g++ -DCMAKE_CXX_STANDARD=20 -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE=-O2" ;;
        clang-17) echo "-DCMAKE_CXX_COMPILER=clang++ -DCMAKE_CXX_STANDARD=17" ;;
        clang-20) echo "-DCMAKE_CXX_COMPILER=clang++ -DCMAKE_CXX_STANDARD=20" ;;
        no-exceptions) echo "-DCMAKE_CXX_COMPILER=g++ -DCMAKE_CXX_STANDARD=17 -DCMAKE_CXX_FLAGS=-fno-exceptions\ -fno-rtti" ;;
        # Older and newer compilers, and libc++: the whole suite, C++17.
        gcc-11) echo "-DCMAKE_CXX_COMPILER=g++-11 -DCMAKE_CXX_STANDARD=17" ;;
        clang-13) echo "-DCMAKE_CXX_COMPILER=clang++-13 -DCMAKE_CXX_STANDARD=17" ;;
        # The whole suite against single_include/ruledx/ruledx.hpp instead of include/.
        clang-15) echo "-DCMAKE_CXX_COMPILER=clang++-15 -DCMAKE_CXX_STANDARD=17 -DRULEDX_TEST_SINGLE_HEADER=ON" ;;
        clang-16-libc++) echo "-DCMAKE_CXX_COMPILER=clang++-16 -DCMAKE_CXX_STANDARD=17 -DCMAKE_CXX_FLAGS=-stdlib=libc++" ;;
        # Windows: cross-built with mingw-w64 (posix threads, static), every test that can run there run under Wine.
        mingw) echo "-DCMAKE_TOOLCHAIN_FILE=cmake/mingw-w64-x86_64.cmake -DCMAKE_CXX_STANDARD=17" ;;
        sanitize) echo "-DCMAKE_CXX_COMPILER=clang++ -DCMAKE_CXX_STANDARD=17 -DRULEDX_BUILD_FUZZERS=ON -DRULEDX_FUZZ_SECONDS=${RULEDX_FUZZ_SECONDS:-30} -DCMAKE_CXX_FLAGS=-fsanitize=address,undefined\ -fno-sanitize-recover=all\ -fno-omit-frame-pointer" ;;
        *) echo "unknown configuration: $1" >&2; return 1 ;;
    esac
}

configs=("$@")
[ ${#configs[@]} -gt 0 ] || configs=(gcc-17 gcc-20 clang-17 clang-20 no-exceptions sanitize gcc-11 clang-13 clang-15 clang-16-libc++ mingw)
for config in "${configs[@]}"; do
    echo "=== ${config} ==="
    build="build/test-${config}"
    args=$(configure_args "${config}")
    # Debug unless the configuration says otherwise: one optimized build (gcc-20) lets GCC's
    # flow-based warnings (-Wdangling-pointer) see the code too.
    eval "cmake -S . -B '${build}' -DCMAKE_BUILD_TYPE=Debug ${args}" >/dev/null
    cmake --build "${build}" -j "${jobs}"
    # Under Wine a child process now and then gets no output (the emulator, not the program: the
    # same test passes when run again); there a failed test runs once more, and fails if it fails
    # twice. ctest prints both runs.
    repeat=()
    [ "${config}" != mingw ] || repeat=(--repeat until-pass:2)
    (cd "${build}" && ctest --output-on-failure --no-tests=error -j "${jobs}" "${repeat[@]}")
done
