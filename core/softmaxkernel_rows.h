// The row kernel's body, written once for every instruction set: no include
// guard on purpose. core/softmaxkernel.cpp includes it once per variant,
// inside that variant's namespace and its target region, after defining `Ops`
// there: the vector type V of W doubles and its operations (load, store,
// loadN/storeN for the first `count` lanes, keepFirst, arithmetic, min/max
// that return their second operand when one is NaN, fma (a * b + c),
// shiftToExponent, hmax, hsum, anyNaN). Everything here is defined inside the
// region, so it is compiled for that variant's instructions only.

using V = Ops::V;
constexpr std::ptrdiff_t W = Ops::W;

// exp(x) = 2^k exp(r), k = round(x / ln 2), |r| <= ln 2 / 2 (a little more
// when x / ln 2 rounds near a tie). k * kLn2Hi is exact (kLn2Hi has 32
// significant bits), so r = x - k * kLn2Hi - k * kLn2Lo loses nothing that
// matters. exp(r) is its Taylor polynomial of degree 13: the first term left
// out, r^14 / 14!, is below 1e-17 of exp(r). 2^k is applied as 2^k1 * 2^k2
// with both halves normal numbers, so that a subnormal result is rounded
// only once and 2^1024 overflows to +inf as exp does.
inline V expV(V x)
{
    // The clamps keep k within [-1082, 1025]: exp(-750) is 0 and exp(710) is
    // +inf in float64, as for everything beyond them. NaN passes through.
    x = Ops::max(Ops::set1(-750.0), Ops::min(Ops::set1(710.0), x));
    const V magic = Ops::set1(kRoundMagic);
    const V k = Ops::sub(Ops::fma(x, Ops::set1(kLog2e), magic), magic);
    V r = Ops::sub(x, Ops::mul(k, Ops::set1(kLn2Hi)));
    r = Ops::sub(r, Ops::mul(k, Ops::set1(kLn2Lo)));
    V p = Ops::set1(kExpTaylor[13]);
    for (int j = 12; j >= 0; --j)
        p = Ops::fma(p, r, Ops::set1(kExpTaylor[j]));
    const V k1 = Ops::sub(Ops::fma(k, Ops::set1(0.5), magic), magic);
    const V k2 = Ops::sub(k, k1);
    const V bias = Ops::set1(kRoundMagic + 1023.0);
    const V scale1 = Ops::shiftToExponent(Ops::add(k1, bias));
    const V scale2 = Ops::shiftToExponent(Ops::add(k2, bias));
    return Ops::mul(Ops::mul(p, scale1), scale2);
}

// How a row is divided by sqrt(d_k) or the temperature: not at all, by a
// division, or, when the divisor is a power of two, by a multiplication with
// its reciprocal, which is exact and so rounds as the division does.
enum Divide { Not, ByDivision, ByReciprocal };

template <Divide D> inline V divideBy(V v, V divisor, V reciprocal)
{
    if constexpr (D == ByDivision)
        return Ops::div(v, divisor);
    else if constexpr (D == ByReciprocal)
        return Ops::mul(v, reciprocal);
    else
        return v;
}

// The visible entries' scaled scores and their maximum. False when one of
// them is infinite or NaN: x * 0 + check stays 0 for finite x only.
template <Divide ByDk, Divide ByTemperature>
bool scaleVisible(const double* scores, double* scaled, std::ptrdiff_t visible, const RowScale& scale, double& rowMax)
{
    const V dk = Ops::set1(scale.sqrtDk);
    const V temperature = Ops::set1(scale.temperature);
    const V dkReciprocal = Ops::set1(1.0 / scale.sqrtDk);
    const V temperatureReciprocal = Ops::set1(1.0 / scale.temperature);
    const auto scaleOne = [&](V v) {
        return divideBy<ByTemperature>(divideBy<ByDk>(v, dk, dkReciprocal), temperature, temperatureReciprocal);
    };
    const V zero = Ops::set1(0.0);
    V most = Ops::set1(-__builtin_inf());
    V check = zero;
    std::ptrdiff_t i = 0;
    for (; i + W <= visible; i += W) {
        const V t = scaleOne(Ops::load(scores + i));
        Ops::store(scaled + i, t);
        most = Ops::max(most, t);
        check = Ops::fma(t, zero, check);
    }
    if (i < visible) {
        const int rest = static_cast<int>(visible - i);
        const V t = scaleOne(Ops::loadN(scores + i, rest));
        Ops::storeN(scaled + i, t, rest);
        most = Ops::max(most, Ops::keepFirst(t, rest, Ops::set1(-__builtin_inf())));
        check = Ops::fma(t, zero, check);
    }
    rowMax = Ops::hmax(most);
    return !Ops::anyNaN(check);
}

// A power of two whose reciprocal is a normal number: x / d == x * (1 / d).
inline bool exactReciprocal(double d)
{
    int exponent = 0;
    return d > 0.0 && __builtin_frexp(d, &exponent) == 0.5 && exponent <= 1023 && exponent >= -1020;
}

template <Divide ByDk>
bool scaleVisibleByTemperature(const double* scores, double* scaled, std::ptrdiff_t visible, const RowScale& scale,
                               double& rowMax)
{
    if (scale.temperature == 1.0)
        return scaleVisible<ByDk, Not>(scores, scaled, visible, scale, rowMax);
    if (exactReciprocal(scale.temperature))
        return scaleVisible<ByDk, ByReciprocal>(scores, scaled, visible, scale, rowMax);
    return scaleVisible<ByDk, ByDivision>(scores, scaled, visible, scale, rowMax);
}

inline bool scaleVisibleAny(const double* scores, double* scaled, std::ptrdiff_t visible, const RowScale& scale,
                            double& rowMax)
{
    if (!scale.scaled)
        return scaleVisibleByTemperature<Not>(scores, scaled, visible, scale, rowMax);
    if (exactReciprocal(scale.sqrtDk))
        return scaleVisibleByTemperature<ByReciprocal>(scores, scaled, visible, scale, rowMax);
    return scaleVisibleByTemperature<ByDivision>(scores, scaled, visible, scale, rowMax);
}

// The masked entries [begin, n): scaled score -inf, weight 0 (when weights
// is not null). False when one of their scores is infinite or NaN.
inline bool maskFrom(const double* scores, double* scaled, double* weights, std::ptrdiff_t begin, std::ptrdiff_t n)
{
    const V zero = Ops::set1(0.0);
    const V minusInf = Ops::set1(-__builtin_inf());
    V check = zero;
    std::ptrdiff_t i = begin;
    for (; i + W <= n; i += W) {
        check = Ops::fma(Ops::load(scores + i), zero, check);
        Ops::store(scaled + i, minusInf);
        if (weights)
            Ops::store(weights + i, zero);
    }
    if (i < n) {
        const int rest = static_cast<int>(n - i);
        check = Ops::fma(Ops::loadN(scores + i, rest), zero, check);
        Ops::storeN(scaled + i, minusInf, rest);
        if (weights)
            Ops::storeN(weights + i, zero, rest);
    }
    return !Ops::anyNaN(check);
}

// Which check failed, in the order the engine reports them: a score first.
inline RowStatus failure(const double* scores, std::ptrdiff_t n)
{
    for (std::ptrdiff_t i = 0; i < n; ++i) {
        if (!__builtin_isfinite(scores[i]))
            return RowStatus::ScoresNotFinite;
    }
    return RowStatus::ScaledNotFinite;
}

RowStatus scaleRowKernel(const double* scores, double* scaled, std::ptrdiff_t n, std::ptrdiff_t visible,
                         const RowScale& scale)
{
    double rowMax = 0.0;
    const bool visibleFinite = scaleVisibleAny(scores, scaled, visible, scale, rowMax);
    const bool maskedFinite = maskFrom(scores, scaled, nullptr, visible, n);
    return visibleFinite && maskedFinite ? RowStatus::Ok : failure(scores, n);
}

RowStatus scaleSoftmaxRowKernel(const double* scores, double* scaled, double* weights, std::ptrdiff_t n,
                                std::ptrdiff_t visible, const RowScale& scale)
{
    double rowMax = 0.0;
    const bool visibleFinite = scaleVisibleAny(scores, scaled, visible, scale, rowMax);
    const bool maskedFinite = maskFrom(scores, scaled, weights, visible, n);
    if (!visibleFinite || !maskedFinite)
        return failure(scores, n);

    // exp(scaled - max): every argument is at most 0 (or -inf when the
    // difference overflows), so the largest weight is exactly 1 before the
    // division and the sum is at least 1.
    const V most = Ops::set1(rowMax);
    const V zero = Ops::set1(0.0);
    V sum0 = zero;
    V sum1 = zero;
    std::ptrdiff_t i = 0;
    for (; i + 2 * W <= visible; i += 2 * W) {
        const V e0 = expV(Ops::sub(Ops::load(scaled + i), most));
        const V e1 = expV(Ops::sub(Ops::load(scaled + i + W), most));
        Ops::store(weights + i, e0);
        Ops::store(weights + i + W, e1);
        sum0 = Ops::add(sum0, e0);
        sum1 = Ops::add(sum1, e1);
    }
    for (; i + W <= visible; i += W) {
        const V e = expV(Ops::sub(Ops::load(scaled + i), most));
        Ops::store(weights + i, e);
        sum0 = Ops::add(sum0, e);
    }
    if (i < visible) {
        const int rest = static_cast<int>(visible - i);
        const V e = Ops::keepFirst(expV(Ops::sub(Ops::loadN(scaled + i, rest), most)), rest, zero);
        Ops::storeN(weights + i, e, rest);
        sum0 = Ops::add(sum0, e);
    }
    // Divided, not multiplied by the reciprocal: rounded as NumPy's w / w.sum().
    const V total = Ops::set1(Ops::hsum(Ops::add(sum0, sum1)));
    i = 0;
    for (; i + W <= visible; i += W)
        Ops::store(weights + i, Ops::div(Ops::load(weights + i), total));
    if (i < visible) {
        const int rest = static_cast<int>(visible - i);
        Ops::storeN(weights + i, Ops::div(Ops::loadN(weights + i, rest), total), rest);
    }
    return RowStatus::Ok;
}

void expKernel(const double* in, double* out, std::ptrdiff_t n)
{
    std::ptrdiff_t i = 0;
    for (; i + W <= n; i += W)
        Ops::store(out + i, expV(Ops::load(in + i)));
    if (i < n) {
        const int rest = static_cast<int>(n - i);
        Ops::storeN(out + i, expV(Ops::loadN(in + i, rest)), rest);
    }
}

inline const Kernels& variantKernels()
{
    static const Kernels table{kVariant, &scaleRowKernel, &scaleSoftmaxRowKernel, &expKernel};
    return table;
}
