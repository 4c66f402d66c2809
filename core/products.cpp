#include "products.h"

#include <cassert>

#if defined(AV_USE_OPENBLAS)
#include <mutex>

extern "C" {
// From OpenBLAS's cblas.h; declared here so that whichever cblas.h the system
// chose as its default (OpenBLAS's or the reference one) does not matter.
void cblas_dgemm(int order, int transA, int transB, int m, int n, int k, double alpha, const double* a, int lda,
                 const double* b, int ldb, double beta, double* c, int ldc);
void openblas_set_num_threads(int threads);
}
#endif

namespace attn {

namespace {

#if defined(AV_USE_OPENBLAS)
constexpr int kRowMajor = 101; // CblasRowMajor
constexpr int kNoTrans = 111;  // CblasNoTrans
constexpr int kTrans = 112;    // CblasTrans

// Below this many multiply-adds a BLAS call costs more than Eigen's product.
constexpr double kBlasMinimum = 32.0 * 32.0 * 32.0;
#endif

} // namespace

void multiply(MatrixRef dst, const ConstMatrixRef& lhs, const ConstMatrixRef& rhs, Rhs form)
{
    const bool transposed = form == Rhs::Transposed;
    assert(lhs.cols() == (transposed ? rhs.cols() : rhs.rows()));
    assert(dst.rows() == lhs.rows() && dst.cols() == (transposed ? rhs.rows() : rhs.cols()));
#if defined(AV_USE_OPENBLAS)
    const double work = static_cast<double>(dst.rows()) * static_cast<double>(dst.cols()) * lhs.cols();
    if (work >= kBlasMinimum) {
        static std::once_flag singleThreaded;
        std::call_once(singleThreaded, [] { openblas_set_num_threads(1); });
        cblas_dgemm(kRowMajor, kNoTrans, transposed ? kTrans : kNoTrans, static_cast<int>(dst.rows()),
                    static_cast<int>(dst.cols()), static_cast<int>(lhs.cols()), 1.0, lhs.data(),
                    static_cast<int>(lhs.outerStride()), rhs.data(), static_cast<int>(rhs.outerStride()), 0.0,
                    dst.data(), static_cast<int>(dst.outerStride()));
        return;
    }
#endif
    if (transposed)
        dst.noalias() = lhs * rhs.transpose();
    else
        dst.noalias() = lhs * rhs;
}

const char* productBackend()
{
#if defined(AV_USE_OPENBLAS)
    return "OpenBLAS";
#else
    return "Eigen";
#endif
}

} // namespace attn
