// Compile-time benchmark: the single header included, nothing used.
#include "ruledx/ruledx.hpp"

int main() { return 0; }
