#pragma once

// Large matrices (the n x n stages of every head) are mostly new memory that
// the kernel must fault in page by page; on Linux, asking for transparent
// huge pages cuts those faults by a factor of 512, which is most of the cost
// of allocating them. Elsewhere this does nothing.

#include "core/matrix.h"

#include <cstddef>

namespace attn {

void adviseHugePages(void* data, std::size_t bytes);

// Resizes m to rows x cols and, when it is large, asks for huge pages before
// anything touches the memory.
void resizeLarge(Matrix& m, Eigen::Index rows, Eigen::Index cols);

} // namespace attn
