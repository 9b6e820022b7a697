// ruledx — a non-owning view of contiguous values (std::span is C++20; ruledx is C++17), and the
// iterator of the lists that read like arrays without being contiguous.
#ifndef RULEDX_MODEL_VIEW_HPP
#define RULEDX_MODEL_VIEW_HPP

#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

namespace ruledx {

namespace detail {
// Walks a list by index (anything with operator[]), for range-for and in constant expressions: *it
// is what list[i] gives, a reference (ref_list) or a value made on the spot (built_rules).
template <class List>
class index_iterator {
public:
    using reference = decltype(std::declval<const List&>()[std::size_t{0}]);

    constexpr index_iterator(const List* list, std::size_t at) noexcept : list_(list), at_(at) {}
    [[nodiscard]] constexpr reference operator*() const noexcept { return (*list_)[at_]; }
    // Only where *it is a reference: a value made on the spot has no address to give.
    template <class R = reference, std::enable_if_t<std::is_lvalue_reference_v<R>, int> = 0>
    [[nodiscard]] constexpr std::remove_reference_t<R>* operator->() const noexcept {
        return &(*list_)[at_];
    }
    constexpr index_iterator& operator++() noexcept {
        ++at_;
        return *this;
    }
    [[nodiscard]] friend constexpr bool operator==(index_iterator a, index_iterator b) noexcept { return a.at_ == b.at_; }
    [[nodiscard]] friend constexpr bool operator!=(index_iterator a, index_iterator b) noexcept { return a.at_ != b.at_; }

private:
    const List* list_;
    std::size_t at_;
};
}  // namespace detail

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
