// The baseline of the compile-time benchmark: a translation unit with nothing in it.
int main() { return 0; }
