#pragma once

// The engine's large matrix products, in one place. With the build option
// AV_USE_OPENBLAS (the default when OpenBLAS is installed) they run on
// OpenBLAS's double-precision kernels, the same ones NumPy uses, single-
// threaded on whichever thread calls them: the engine splits the work over
// the cores itself (parallel.h), so products on two threads never queue for
// one BLAS thread pool. Without it they are Eigen products. Either way the
// result is the exact product rounded as the kernel sums it, as in NumPy.

#include "core/matrix.h"

namespace attn {

using MatrixRef = Eigen::Ref<Matrix, 0, Eigen::OuterStride<>>;
using ConstMatrixRef = Eigen::Ref<const Matrix, 0, Eigen::OuterStride<>>;

enum class Rhs { AsIs, Transposed };

// dst = lhs * rhs, or lhs * rhsᵀ. dst must already have the result's shape and
// must not overlap the operands.
void multiply(MatrixRef dst, const ConstMatrixRef& lhs, const ConstMatrixRef& rhs, Rhs form = Rhs::AsIs);

// Which kernels multiply() runs on, for the benchmark report and --version.
const char* productBackend();

} // namespace attn
