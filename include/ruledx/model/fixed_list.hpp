// ruledx — a list with a fixed capacity, stored inline, usable in constant expressions.
//
// Rules are plain constexpr values, so every list a rule holds (signals, facts, steps) needs
// storage that lives inside the rule: no pointers to other objects, no heap.
#ifndef RULEDX_MODEL_FIXED_LIST_HPP
#define RULEDX_MODEL_FIXED_LIST_HPP

#include <cstddef>
#include <initializer_list>

namespace ruledx {
namespace detail {
// Not constexpr on purpose: reaching it in a constant expression stops compilation, and the
// compiler names this function, so the message says what is wrong.
inline void ruledx_error_list_longer_than_its_capacity() noexcept {}
}  // namespace detail

template <class T, std::size_t Capacity>
class fixed_list {
public:
    static constexpr std::size_t capacity = Capacity;

    constexpr fixed_list() noexcept = default;
    constexpr fixed_list(std::initializer_list<T> items) noexcept {
        for (const T& item : items) push_back(item);
    }

    constexpr void push_back(const T& item) noexcept {
        if (count_ == Capacity) {
            detail::ruledx_error_list_longer_than_its_capacity();
            return;
        }
        items_[count_++] = item;
    }

    [[nodiscard]] constexpr std::size_t size() const noexcept { return count_; }
    [[nodiscard]] constexpr bool empty() const noexcept { return count_ == 0; }
    [[nodiscard]] constexpr const T& operator[](std::size_t i) const noexcept { return items_[i]; }
    [[nodiscard]] constexpr T& operator[](std::size_t i) noexcept { return items_[i]; }
    [[nodiscard]] constexpr const T* data() const noexcept { return items_; }
    [[nodiscard]] constexpr const T* begin() const noexcept { return items_; }
    [[nodiscard]] constexpr const T* end() const noexcept { return items_ + count_; }

private:
    T items_[Capacity == 0 ? 1 : Capacity]{};
    std::size_t count_ = 0;
};

}  // namespace ruledx

#endif
