// ruledx — a list with a fixed capacity, stored inline, usable in constant expressions.
//
// Rules are plain constexpr values, so every list a rule holds (signals, facts, steps) needs
// storage that lives inside the rule: no pointers to other objects, no heap. A list given more
// items than it holds keeps the first ones and remembers that it overflowed; the table check
// reports that as an error naming the rule and the list.
#ifndef RULEDX_MODEL_FIXED_LIST_HPP
#define RULEDX_MODEL_FIXED_LIST_HPP

#include <cstddef>
#include <initializer_list>
#include <utility>

#include "ruledx/detail/blank.hpp"

namespace ruledx {

template <class T, std::size_t Capacity>
class fixed_list {
public:
    static constexpr std::size_t capacity = Capacity;

    constexpr fixed_list() noexcept : fixed_list(std::make_index_sequence<copies_blank_slots ? storage_size : 0>{}) {}
    constexpr fixed_list(std::initializer_list<T> items) noexcept : fixed_list() { assign(items); }

    constexpr void assign(std::initializer_list<T> items) noexcept {
        clear();
        for (const T& item : items) push_back(item);
    }
    constexpr void clear() noexcept {
        count_ = 0;
        overflowed_ = false;
    }
    constexpr void push_back(const T& item) noexcept {
        if (count_ == Capacity) {
            overflowed_ = true;
            return;
        }
        items_[count_++] = item;
    }

    [[nodiscard]] constexpr std::size_t size() const noexcept { return count_; }
    [[nodiscard]] constexpr bool empty() const noexcept { return count_ == 0; }
    // More items were given than the list holds (the first `capacity` were kept).
    [[nodiscard]] constexpr bool overflowed() const noexcept { return overflowed_; }
    [[nodiscard]] constexpr const T& operator[](std::size_t i) const noexcept { return items_[i]; }
    [[nodiscard]] constexpr T& operator[](std::size_t i) noexcept { return items_[i]; }
    [[nodiscard]] constexpr const T* data() const noexcept { return items_; }
    [[nodiscard]] constexpr const T* begin() const noexcept { return items_; }
    [[nodiscard]] constexpr const T* end() const noexcept { return items_ + count_; }

private:
    static constexpr std::size_t storage_size = Capacity == 0 ? 1 : Capacity;
    // Empty slots cost the constant evaluator most of a large rules[] array. Clang evaluates a
    // copy of a value faster than a constructor (and counts std::string_view's constructor as a
    // step), so there every slot is a copy of a blank item; GCC stores value-initialised slots as
    // one range instead of an element each (text slots too: copies of a blank string_view cost
    // GCC 15 KB a rule), so there none is.
#if defined(__clang__)
    static constexpr bool copies_blank_slots = true;
#else
    static constexpr bool copies_blank_slots = false;
#endif
    template <std::size_t... I>
    constexpr explicit fixed_list(std::index_sequence<I...>) noexcept : items_{(static_cast<void>(I), detail::blank<T>)...} {}

    T items_[storage_size]{};
    std::size_t count_ = 0;
    bool overflowed_ = false;
};

}  // namespace ruledx

#endif
