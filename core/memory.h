#pragma once

// Large matrices (the n x n stages of every head) are mostly new memory that
// the kernel must fault in page by page; on Linux, asking for transparent
// huge pages cuts those faults by a factor of 512, which is most of the cost
// of allocating them. Elsewhere this does nothing.

#include "core/matrix.h"

#include <cstddef>

namespace attn {

void adviseHugePages(void* data, std::size_t bytes);

// Once per process: keeps freed blocks of up to 32 MB (the largest glibc
// allows outside mmap) in the allocator instead of returning them to the
// kernel, so recomputing after an edit reuses the memory of the result it
// replaces instead of faulting in fresh zeroed pages. All threads share one
// heap: glibc hands a fully freed per-thread heap back to the kernel at
// once, so a worker thread's results would always land in new memory. Call
// it before starting threads (main() does); later calls do nothing. A no-op
// outside glibc.
void keepLargeBlocksForReuse();

// Resizes m to rows x cols and, when it is large, asks for huge pages before
// anything touches the memory.
void resizeLarge(Matrix& m, Eigen::Index rows, Eigen::Index cols);

} // namespace attn
