// ruledx — version. CMake reads the version from these three lines; keep them the only source.
#ifndef RULEDX_CONFIG_HPP
#define RULEDX_CONFIG_HPP

#define RULEDX_VERSION_MAJOR 0
#define RULEDX_VERSION_MINOR 1
#define RULEDX_VERSION_PATCH 0

#endif
