#pragma once

// Splitting independent work (attention heads, row blocks of a product) over
// the machine's cores with plain threads. Plain threads rather than OpenMP:
// OpenMP workers spin while they wait, which on a shared two-core machine
// steals the time the GUI and other programs need.

#include <functional>

namespace attn {

// Calls work(begin, end) on disjoint ranges covering [0, count), on up to
// maxThreads threads (0: one per core), the calling thread included. Returns
// when all are done. Ranges are contiguous and in order.
void parallelFor(int count, const std::function<void(int begin, int end)>& work, int maxThreads = 0);

// Threads parallelFor uses when maxThreads is 0.
int workerCount();

} // namespace attn
