#pragma once

// The row kernel of the attention weights: one row of scores scaled (÷ sqrt(d_k),
// ÷ temperature, each a true division as NumPy does it), masked, and turned into
// softmax weights (max subtracted, exp, sum, division by the sum), float64.
//
// The kernel is compiled several times, for AVX-512F, for AVX2 with FMA and for
// the baseline instruction set (SSE2 on x86-64), in every build: the first call
// chooses the widest variant the processor and its operating system run, once,
// so a portable build (no -march) computes on the same vector width as one
// built for this machine. Its exp reduces by ln 2 and evaluates a polynomial,
// within a few units in the last place of the correctly rounded exp; it
// underflows to 0 (through the subnormals) below about -745, overflows to +inf
// above about 709.78, and gives exp(-inf) = 0, exp(+inf) = +inf, exp(NaN) = NaN.

#include <cstddef>
#include <vector>

namespace attn::softmax {

// The instruction sets a kernel is compiled for, narrowest first.
enum class Variant { Baseline, Avx2, Avx512 };

// "AVX-512F", "AVX2+FMA", "SSE2" (or "scalar" where the baseline is not x86).
const char* variantName(Variant variant);

// How a row is scaled: divided by sqrtDk when `scaled`, then by temperature
// when it is not 1.
struct RowScale
{
    bool scaled = true;
    double sqrtDk = 1.0;
    double temperature = 1.0;
};

enum class RowStatus {
    Ok,
    ScoresNotFinite, // a score of the row (visible or masked) is infinite or NaN
    ScaledNotFinite, // the scores are finite, but a visible scaled score is not
};

// Entries [0, visible) are visible, [visible, n) masked: their scaled score is
// -inf and their weight 0. Needs 1 <= visible <= n. Every row pointer points to
// n contiguous doubles; the rows must not overlap. When the status is not Ok,
// the outputs hold no meaning.
using ScaleRowFunction = RowStatus (*)(const double* scores, double* scaled, std::ptrdiff_t n, std::ptrdiff_t visible,
                                       const RowScale& scale);
using SoftmaxRowFunction = RowStatus (*)(const double* scores, double* scaled, double* weights, std::ptrdiff_t n,
                                         std::ptrdiff_t visible, const RowScale& scale);
// out[i] = exp(in[i]); in and out may be the same array.
using ExpFunction = void (*)(const double* in, double* out, std::ptrdiff_t n);

struct Kernels
{
    Variant variant = Variant::Baseline;
    ScaleRowFunction scaleRow = nullptr;
    SoftmaxRowFunction scaleSoftmaxRow = nullptr;
    ExpFunction exp = nullptr;
};

// Every variant this build holds, narrowest first (always at least Baseline).
std::vector<Variant> compiledVariants();

// Whether this processor and its operating system run the variant.
bool supported(Variant variant);

// One variant's functions, to call it explicitly (tests, benchmarks). Needs
// supported(variant) and a compiled variant; throws std::invalid_argument
// otherwise.
const Kernels& kernels(Variant variant);

// The widest compiled variant this processor runs, chosen at the first call.
const Kernels& dispatched();

// The dispatched variant's functions.
inline RowStatus scaleRow(const double* scores, double* scaled, std::ptrdiff_t n, std::ptrdiff_t visible,
                          const RowScale& scale)
{
    return dispatched().scaleRow(scores, scaled, n, visible, scale);
}

inline RowStatus scaleSoftmaxRow(const double* scores, double* scaled, double* weights, std::ptrdiff_t n,
                                 std::ptrdiff_t visible, const RowScale& scale)
{
    return dispatched().scaleSoftmaxRow(scores, scaled, weights, n, visible, scale);
}

} // namespace attn::softmax
