// ruledx — a stable merge sort and a merge, usable in constant expressions.
//
// std::sort is constexpr only from C++20; the table checks and indexes sort at compile time in C++17.
#ifndef RULEDX_DETAIL_SORT_HPP
#define RULEDX_DETAIL_SORT_HPP

#include <array>
#include <cstddef>

namespace ruledx::detail {

// Orders by the sorts_before() of the item's type (found by argument-dependent lookup).
struct before_fn {
    template <class T>
    constexpr bool operator()(const T& a, const T& b) const noexcept {
        return sorts_before(a, b);
    }
};
inline constexpr before_fn before{};

// Sorts items[0, count) so that comes_first(a, b) orders them; equal items keep their order.
// Through pointers, not std::array's operator[]: GCC keeps what each call of it allocates while
// it evaluates a table, three times what the copy of an item costs.
template <class T, std::size_t N, class Before>
constexpr void stable_sort(std::array<T, N>& items, std::size_t count, Before comes_first) noexcept {
    if (count < 2) return;
    std::array<T, N> buffer{};
    T* from = items.data();
    T* to = buffer.data();
    for (std::size_t width = 1; width < count; width *= 2) {
        for (std::size_t lo = 0; lo < count; lo += 2 * width) {
            const std::size_t mid = lo + width < count ? lo + width : count;
            const std::size_t hi = lo + 2 * width < count ? lo + 2 * width : count;
            std::size_t i = lo;
            std::size_t j = mid;
            std::size_t k = lo;
            while (i < mid && j < hi) to[k++] = comes_first(from[j], from[i]) ? from[j++] : from[i++];
            while (i < mid) to[k++] = from[i++];
            while (j < hi) to[k++] = from[j++];
        }
        T* swap = from;
        from = to;
        to = swap;
    }
    if (from != items.data()) {
        T* out = items.data();
        for (std::size_t i = 0; i < count; ++i) out[i] = from[i];
    }
}

// Merges two sorted ranges into out (which holds both); on equal items a's come first.
template <class T, std::size_t A, std::size_t B, std::size_t Out, class Before>
constexpr std::size_t merge_sorted(const std::array<T, A>& a, std::size_t a_count, const std::array<T, B>& b,
                                   std::size_t b_count, std::array<T, Out>& out, Before comes_first) noexcept {
    const T* x = a.data();
    const T* y = b.data();
    T* to = out.data();
    std::size_t i = 0;
    std::size_t j = 0;
    std::size_t k = 0;
    while (i < a_count && j < b_count) to[k++] = comes_first(y[j], x[i]) ? y[j++] : x[i++];
    while (i < a_count) to[k++] = x[i++];
    while (j < b_count) to[k++] = y[j++];
    return k;
}

}  // namespace ruledx::detail

#endif
