#include "memory.h"

#include <cstdint>

#include <mutex>

#if defined(__linux__)
#include <sys/mman.h>
#endif
#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace attn {

namespace {

constexpr std::size_t kHugePage = std::size_t(2) << 20;

} // namespace

void adviseHugePages(void* data, std::size_t bytes)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    const auto begin = reinterpret_cast<std::uintptr_t>(data);
    const std::uintptr_t alignedBegin = (begin + kHugePage - 1) & ~(kHugePage - 1);
    const std::uintptr_t alignedEnd = (begin + bytes) & ~(kHugePage - 1);
    if (alignedEnd > alignedBegin)
        madvise(reinterpret_cast<void*>(alignedBegin), alignedEnd - alignedBegin, MADV_HUGEPAGE);
#else
    (void)data;
    (void)bytes;
#endif
}

void keepLargeBlocksForReuse()
{
#if defined(__GLIBC__)
    static std::once_flag once;
    std::call_once(once, [] {
        mallopt(M_ARENA_MAX, 1);
        mallopt(M_MMAP_THRESHOLD, 32 << 20);
        mallopt(M_TRIM_THRESHOLD, 1 << 30);
    });
#endif
}

void resizeLarge(Matrix& m, Eigen::Index rows, Eigen::Index cols)
{
    m.resize(rows, cols);
    const std::size_t bytes = static_cast<std::size_t>(m.size()) * sizeof(double);
    if (bytes >= 2 * kHugePage)
        adviseHugePages(m.data(), bytes);
}

} // namespace attn
