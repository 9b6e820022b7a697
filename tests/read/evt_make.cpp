// evt_make — writes the generated .evt shapes to files for the libevt peer check.
//
//   evt_make DIR            writes DIR/<shape>.evt for every shape
//   evt_make DIR SHAPE      writes DIR/SHAPE.evt
#include <iostream>
#include <string>
#include <string_view>

#include "evt_shapes.hpp"

int main(int argc, char** argv) {
    if (argc != 2 && argc != 3) {
        std::cerr << "usage: evt_make DIR [SHAPE]\n";
        return 2;
    }
    const std::string dir = argv[1];
    for (std::string_view name : ruledx::test::shape_names()) {
        if (argc == 3 && name != argv[2]) continue;
        const std::string path = dir + "/" + std::string(name) + ".evt";
        if (!ruledx::test::write_file(path, ruledx::test::make_shape(name))) {
            std::cerr << "evt_make: cannot write " << path << "\n";
            return 2;
        }
        std::cout << path << "\n";
        if (argc == 3) return 0;
    }
    if (argc == 3) {
        std::cerr << "evt_make: unknown shape " << argv[2] << "\n";
        return 2;
    }
    return 0;
}
