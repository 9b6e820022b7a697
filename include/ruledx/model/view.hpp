// ruledx — a non-owning view of contiguous values (std::span is C++20; ruledx is C++17).
#ifndef RULEDX_MODEL_VIEW_HPP
#define RULEDX_MODEL_VIEW_HPP

#include <array>
#include <cstddef>
#include <utility>

namespace ruledx {

template <class T>
class view {
public:
    constexpr view() noexcept = default;
    constexpr view(const T* data, std::size_t size) noexcept : data_(data), size_(size) {}
    template <std::size_t N>
    constexpr view(const T (&items)[N]) noexcept : data_(items), size_(N) {}
    template <std::size_t N>
    constexpr view(const std::array<T, N>& items) noexcept : data_(items.data()), size_(N) {}
    // Any contiguous container of T with data() and size(): std::vector, fixed_list, ...
    template <class Container,
              class = decltype(static_cast<const T*>(std::declval<const Container&>().data())),
              class = decltype(std::declval<const Container&>().size())>
    constexpr view(const Container& items) noexcept : data_(items.data()), size_(items.size()) {}

    [[nodiscard]] constexpr std::size_t size() const noexcept { return size_; }
    [[nodiscard]] constexpr bool empty() const noexcept { return size_ == 0; }
    [[nodiscard]] constexpr const T& operator[](std::size_t i) const noexcept { return data_[i]; }
    [[nodiscard]] constexpr const T* begin() const noexcept { return data_; }
    [[nodiscard]] constexpr const T* end() const noexcept { return data_ + size_; }

private:
    const T* data_ = nullptr;
    std::size_t size_ = 0;
};

}  // namespace ruledx

#endif
