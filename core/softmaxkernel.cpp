#include "softmaxkernel.h"

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>

#if (defined(__x86_64__) || defined(__i386__)) && (defined(__GNUC__) || defined(__clang__))
#define AV_SOFTMAX_X86 1
#include <immintrin.h>
#endif

namespace attn::softmax {

namespace {

// 1.5 * 2^52: adding it rounds a double of magnitude below 2^51 to an integer
// (to nearest, ties to even), which then sits in the low bits of the sum.
constexpr double kRoundMagic = 6755399441055744.0;
constexpr double kLog2e = 1.4426950408889634;
// ln 2 split in two: the first part has 32 significant bits, the second the rest.
constexpr double kLn2Hi = 6.93147180369123816490e-01;
constexpr double kLn2Lo = 1.90821492927058770002e-10;
// 1 / j!, each rounded once.
constexpr double kExpTaylor[14] = {1.0,
                                   1.0,
                                   1.0 / 2.0,
                                   1.0 / 6.0,
                                   1.0 / 24.0,
                                   1.0 / 120.0,
                                   1.0 / 720.0,
                                   1.0 / 5040.0,
                                   1.0 / 40320.0,
                                   1.0 / 362880.0,
                                   1.0 / 3628800.0,
                                   1.0 / 39916800.0,
                                   1.0 / 479001600.0,
                                   1.0 / 6227020800.0};

#if defined(AV_SOFTMAX_X86)

// Each variant's code is defined inside a target region: compiled for that
// instruction set whatever the build's own flags, and called only when the
// processor runs it. (With -march=native, the baseline may use more.)

namespace baseline {
constexpr Variant kVariant = Variant::Baseline;

struct Ops
{
    using V = __m128d;
    static constexpr int W = 2;
    static V set1(double x) { return _mm_set1_pd(x); }
    static V load(const double* p) { return _mm_loadu_pd(p); }
    static void store(double* p, V v) { _mm_storeu_pd(p, v); }
    // With two lanes, a part is always the first lane alone.
    static V loadN(const double* p, int) { return _mm_load_sd(p); }
    static void storeN(double* p, V v, int) { _mm_store_sd(p, v); }
    static V keepFirst(V v, int, V other) { return _mm_move_sd(other, v); }
    static V add(V a, V b) { return _mm_add_pd(a, b); }
    static V sub(V a, V b) { return _mm_sub_pd(a, b); }
    static V mul(V a, V b) { return _mm_mul_pd(a, b); }
    static V div(V a, V b) { return _mm_div_pd(a, b); }
    static V min(V a, V b) { return _mm_min_pd(a, b); }
    static V max(V a, V b) { return _mm_max_pd(a, b); }
    static V fma(V a, V b, V c) { return _mm_add_pd(_mm_mul_pd(a, b), c); }
    static V shiftToExponent(V v) { return _mm_castsi128_pd(_mm_slli_epi64(_mm_castpd_si128(v), 52)); }
    static double hmax(V v) { return _mm_cvtsd_f64(_mm_max_sd(v, _mm_unpackhi_pd(v, v))); }
    static double hsum(V v) { return _mm_cvtsd_f64(_mm_add_sd(v, _mm_unpackhi_pd(v, v))); }
    static bool anyNaN(V v) { return _mm_movemask_pd(_mm_cmpunord_pd(v, v)) != 0; }
};

#include "softmaxkernel_rows.h"
} // namespace baseline

#if defined(__clang__)
#pragma clang attribute push(__attribute__((target("avx2,fma"))), apply_to = function)
#else
#pragma GCC push_options
#pragma GCC target("avx2,fma")
#endif
namespace avx2 {
constexpr Variant kVariant = Variant::Avx2;

struct Ops
{
    using V = __m256d;
    static constexpr int W = 4;
    static __m256i lanes(int count)
    {
        return _mm256_cmpgt_epi64(_mm256_set1_epi64x(count), _mm256_set_epi64x(3, 2, 1, 0));
    }
    static V set1(double x) { return _mm256_set1_pd(x); }
    static V load(const double* p) { return _mm256_loadu_pd(p); }
    static void store(double* p, V v) { _mm256_storeu_pd(p, v); }
    static V loadN(const double* p, int count) { return _mm256_maskload_pd(p, lanes(count)); }
    static void storeN(double* p, V v, int count) { _mm256_maskstore_pd(p, lanes(count), v); }
    static V keepFirst(V v, int count, V other)
    {
        return _mm256_blendv_pd(other, v, _mm256_castsi256_pd(lanes(count)));
    }
    static V add(V a, V b) { return _mm256_add_pd(a, b); }
    static V sub(V a, V b) { return _mm256_sub_pd(a, b); }
    static V mul(V a, V b) { return _mm256_mul_pd(a, b); }
    static V div(V a, V b) { return _mm256_div_pd(a, b); }
    static V min(V a, V b) { return _mm256_min_pd(a, b); }
    static V max(V a, V b) { return _mm256_max_pd(a, b); }
    static V fma(V a, V b, V c) { return _mm256_fmadd_pd(a, b, c); }
    static V shiftToExponent(V v) { return _mm256_castsi256_pd(_mm256_slli_epi64(_mm256_castpd_si256(v), 52)); }
    static double hmax(V v)
    {
        const __m128d m = _mm_max_pd(_mm256_castpd256_pd128(v), _mm256_extractf128_pd(v, 1));
        return _mm_cvtsd_f64(_mm_max_sd(m, _mm_unpackhi_pd(m, m)));
    }
    static double hsum(V v)
    {
        const __m128d s = _mm_add_pd(_mm256_castpd256_pd128(v), _mm256_extractf128_pd(v, 1));
        return _mm_cvtsd_f64(_mm_add_sd(s, _mm_unpackhi_pd(s, s)));
    }
    static bool anyNaN(V v) { return _mm256_movemask_pd(_mm256_cmp_pd(v, v, _CMP_UNORD_Q)) != 0; }
};

#include "softmaxkernel_rows.h"
} // namespace avx2
#if defined(__clang__)
#pragma clang attribute pop
#else
#pragma GCC pop_options
#endif

#if defined(__clang__)
#pragma clang attribute push(__attribute__((target("avx512f"))), apply_to = function)
#else
#pragma GCC push_options
#pragma GCC target("avx512f")
#endif
namespace avx512 {
constexpr Variant kVariant = Variant::Avx512;

struct Ops
{
    using V = __m512d;
    static constexpr int W = 8;
    static __mmask8 lanes(int count) { return static_cast<__mmask8>((1u << count) - 1u); }
    static V set1(double x) { return _mm512_set1_pd(x); }
    static V load(const double* p) { return _mm512_loadu_pd(p); }
    static void store(double* p, V v) { _mm512_storeu_pd(p, v); }
    static V loadN(const double* p, int count) { return _mm512_maskz_loadu_pd(lanes(count), p); }
    static void storeN(double* p, V v, int count) { _mm512_mask_storeu_pd(p, lanes(count), v); }
    static V keepFirst(V v, int count, V other) { return _mm512_mask_blend_pd(lanes(count), other, v); }
    static V add(V a, V b) { return _mm512_add_pd(a, b); }
    static V sub(V a, V b) { return _mm512_sub_pd(a, b); }
    static V mul(V a, V b) { return _mm512_mul_pd(a, b); }
    static V div(V a, V b) { return _mm512_div_pd(a, b); }
    static V min(V a, V b) { return _mm512_min_pd(a, b); }
    static V max(V a, V b) { return _mm512_max_pd(a, b); }
    static V fma(V a, V b, V c) { return _mm512_fmadd_pd(a, b, c); }
    static V shiftToExponent(V v) { return _mm512_castsi512_pd(_mm512_slli_epi64(_mm512_castpd_si512(v), 52)); }
    static double hmax(V v) { return _mm512_reduce_max_pd(v); }
    static double hsum(V v) { return _mm512_reduce_add_pd(v); }
    static bool anyNaN(V v) { return _mm512_cmp_pd_mask(v, v, _CMP_UNORD_Q) != 0; }
};

#include "softmaxkernel_rows.h"
} // namespace avx512
#if defined(__clang__)
#pragma clang attribute pop
#else
#pragma GCC pop_options
#endif

#else // not x86: one scalar variant of the same arithmetic

namespace baseline {
constexpr Variant kVariant = Variant::Baseline;

struct Ops
{
    using V = double;
    static constexpr int W = 1;
    static V set1(double x) { return x; }
    static V load(const double* p) { return *p; }
    static void store(double* p, V v) { *p = v; }
    static V loadN(const double* p, int) { return *p; }
    static void storeN(double* p, V v, int) { *p = v; }
    static V keepFirst(V v, int, V) { return v; }
    static V add(V a, V b) { return a + b; }
    static V sub(V a, V b) { return a - b; }
    static V mul(V a, V b) { return a * b; }
    static V div(V a, V b) { return a / b; }
    static V min(V a, V b) { return a < b ? a : b; }
    static V max(V a, V b) { return a > b ? a : b; }
    static V fma(V a, V b, V c) { return a * b + c; }
    static V shiftToExponent(V v)
    {
        std::uint64_t bits;
        std::memcpy(&bits, &v, sizeof bits);
        bits <<= 52;
        std::memcpy(&v, &bits, sizeof bits);
        return v;
    }
    static double hmax(V v) { return v; }
    static double hsum(V v) { return v; }
    static bool anyNaN(V v) { return v != v; }
};

#include "softmaxkernel_rows.h"
} // namespace baseline

#endif

bool processorRuns(Variant variant)
{
#if defined(AV_SOFTMAX_X86)
    __builtin_cpu_init();
    switch (variant) {
    case Variant::Baseline:
        return true;
    case Variant::Avx2:
        return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    case Variant::Avx512:
        return __builtin_cpu_supports("avx512f");
    }
    return false;
#else
    return variant == Variant::Baseline;
#endif
}

const Kernels* compiledKernels(Variant variant)
{
    switch (variant) {
    case Variant::Baseline:
        return &baseline::variantKernels();
#if defined(AV_SOFTMAX_X86)
    case Variant::Avx2:
        return &avx2::variantKernels();
    case Variant::Avx512:
        return &avx512::variantKernels();
#else
    default:
        break;
#endif
    }
    return nullptr;
}

const Kernels& widest()
{
    const std::vector<Variant> variants = compiledVariants();
    for (auto it = variants.rbegin(); it != variants.rend(); ++it) {
        if (processorRuns(*it))
            return *compiledKernels(*it);
    }
    return baseline::variantKernels();
}

} // namespace

const char* variantName(Variant variant)
{
    switch (variant) {
    case Variant::Avx512:
        return "AVX-512F";
    case Variant::Avx2:
        return "AVX2+FMA";
    case Variant::Baseline:
        break;
    }
#if defined(AV_SOFTMAX_X86)
    return "SSE2";
#else
    return "scalar";
#endif
}

std::vector<Variant> compiledVariants()
{
#if defined(AV_SOFTMAX_X86)
    return {Variant::Baseline, Variant::Avx2, Variant::Avx512};
#else
    return {Variant::Baseline};
#endif
}

bool supported(Variant variant)
{
    return compiledKernels(variant) != nullptr && processorRuns(variant);
}

const Kernels& kernels(Variant variant)
{
    const Kernels* found = compiledKernels(variant);
    if (!found)
        throw std::invalid_argument(std::string("softmax kernel: ") + variantName(variant) + " is not compiled in");
    if (!processorRuns(variant))
        throw std::invalid_argument(std::string("softmax kernel: this processor does not run ") + variantName(variant));
    return *found;
}

const Kernels& dispatched()
{
    static const Kernels& chosen = widest();
    return chosen;
}

} // namespace attn::softmax
