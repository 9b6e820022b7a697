// Compile-time benchmark: ruledx/ruledx.hpp included, nothing used. With -Iinclude that is the
// umbrella (the library, no knowledge base); with -Isingle_include, the single header (the library
// and every knowledge base).
#include "ruledx/ruledx.hpp"

int main() { return 0; }
