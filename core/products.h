#pragma once

// The engine's large matrix products, in one place. With the build option
// AV_USE_OPENBLAS (the default) they run on OpenBLAS's double-precision
// kernels, the same ones NumPy uses, single-threaded on whichever thread calls
// them: the engine splits the work over the cores itself (parallel.h), so
// products on two threads never queue for one BLAS thread pool. Without it, or
// when OpenBLAS cannot be loaded, they are Eigen products. Either way the
// result is the exact product rounded as the kernel sums it, as in NumPy.
//
// OpenBLAS is not linked: the first product loads libopenblas.so.0 and picks
// the core (OpenBLAS's name for a set of kernels) that fits the processor's
// vector units. OpenBLAS chooses its core once, while it loads, from
// OPENBLAS_CORETYPE or from its own table of processors, which does not know
// every processor (one it does not know gets generic SSE3 kernels, a fifth of
// the speed of AVX-512 ones). So the engine lets OpenBLAS detect first and,
// when what it detected uses narrower vectors than the processor has, loads it
// again with OPENBLAS_CORETYPE naming the fitting core. An OPENBLAS_CORETYPE
// set by the user is kept as it is. When the core that runs is still narrower
// than the processor (the user's choice, or a reload that did not happen), the
// first product times it against Eigen's kernels and keeps the faster.
//
// Environment, read at the first product:
//   OPENBLAS_CORETYPE    OpenBLAS's own: the core to run (kept when set)
//   AV_OPENBLAS=0        Eigen's kernels, OpenBLAS is not loaded
//   AV_OPENBLAS_LIBRARY  the library to load instead of libopenblas.so.0
//   AV_OPENBLAS_TEST_DETECTS  for the tests: OpenBLAS's first load runs with
//                        this core, as if its table had chosen it

#include "core/matrix.h"

#include <string>

namespace attn {

using MatrixRef = Eigen::Ref<Matrix, 0, Eigen::OuterStride<>>;
using ConstMatrixRef = Eigen::Ref<const Matrix, 0, Eigen::OuterStride<>>;

enum class Rhs { AsIs, Transposed };

// dst = lhs * rhs, or lhs * rhsᵀ. dst must already have the result's shape and
// must not overlap the operands.
void multiply(MatrixRef dst, const ConstMatrixRef& lhs, const ConstMatrixRef& rhs, Rhs form = Rhs::AsIs);

// OpenBLAS's single-precision product (cblas_sgemm, loaded with the double
// one and run single-threaded like it), for GPT-2's float32 forward pass; null
// when the products run on Eigen's kernels.
using SgemmFunction = void (*)(int order, int transA, int transB, int m, int n, int k, float alpha, const float* a,
                               int lda, const float* b, int ldb, float beta, float* c, int ldc);
SgemmFunction singlePrecisionGemm();

// The widest vectors a kernel uses, in the order of their width.
enum class VectorUnits { Baseline, Avx, Avx2, Avx512 };

// "AVX-512", "AVX2", "AVX" or "SSE2".
const char* vectorUnitsName(VectorUnits units);

// The widest vector units this processor and its operating system run
// (AVX-512: F, CD, BW, DQ and VL; AVX2: with FMA).
VectorUnits processorVectorUnits();

// The vector units of one of OpenBLAS's cores, by its name as
// openblas_get_corename() gives it ("SkylakeX", "Haswell", "Prescott", ...,
// in any case). Baseline for a name it does not know.
VectorUnits openblasCoreUnits(const std::string& core);

// What multiply() runs on; fixed at the first product (or first call here).
struct ProductKernels
{
    bool openblas = false;       // the large products run on OpenBLAS
    bool openblasLoaded = false; // it could be loaded (its kernels may still have lost to Eigen's)
    std::string version;         // OpenBLAS's version, "0.3.21"
    std::string core;            // OpenBLAS's core that runs, "SkylakeX"
    std::string detected;        // the core OpenBLAS chose itself, when it was asked
    std::string fitting;         // the core the processor's vector units call for, if any
    bool userCore = false;       // OPENBLAS_CORETYPE was set before the first product
    std::string userCoreValue;   // to what
    VectorUnits processor = VectorUnits::Baseline;
    VectorUnits kernel = VectorUnits::Baseline; // of the kernels that run the large products
    std::string eigen;                          // Eigen's version and vector instructions
    std::string whyNotOpenblas;                 // when the products run on Eigen: why
    std::string description;                    // one line for people: productBackend()
};
const ProductKernels& productKernels();

// Which kernels multiply() runs on, for the benchmark report and --version,
// e.g. "OpenBLAS 0.3.21 SkylakeX (chosen for AVX-512; OpenBLAS detected Prescott)".
const char* productBackend();

} // namespace attn
