// The softmax row kernel (core/softmaxkernel.h): every variant this processor
// runs, called explicitly, against rows computed here with std::exp and a long
// double sum; its exp against std::exp; and the dispatch against the vector
// units /proc/cpuinfo lists.

#include "core/softmaxkernel.h"

#include <QFile>
#include <QtTest>

#include <cmath>
#include <limits>
#include <random>
#include <vector>

namespace {

using attn::softmax::Kernels;
using attn::softmax::RowScale;
using attn::softmax::RowStatus;
using attn::softmax::Variant;

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kTiny = std::numeric_limits<double>::denorm_min();

struct Reference
{
    RowStatus status = RowStatus::Ok;
    std::vector<double> scaled;
    std::vector<double> weights;
};

// The engine's definition, one entry at a time: divisions as NumPy does them,
// the masked entries -inf and 0, the maximum subtracted, std::exp, the sum in
// long double.
Reference reference(const std::vector<double>& scores, std::ptrdiff_t visible, const RowScale& scale)
{
    Reference out;
    const std::size_t n = scores.size();
    for (double s : scores) {
        if (!std::isfinite(s)) {
            out.status = RowStatus::ScoresNotFinite;
            return out;
        }
    }
    out.scaled.resize(n);
    out.weights.assign(n, 0.0);
    double rowMax = -kInf;
    for (std::size_t i = 0; i < n; ++i) {
        double t = scores[i];
        if (scale.scaled)
            t /= scale.sqrtDk;
        if (scale.temperature != 1.0)
            t /= scale.temperature;
        if (static_cast<std::ptrdiff_t>(i) >= visible) {
            out.scaled[i] = -kInf;
            continue;
        }
        if (!std::isfinite(t)) {
            out.status = RowStatus::ScaledNotFinite;
            return out;
        }
        out.scaled[i] = t;
        rowMax = std::max(rowMax, t);
    }
    long double sum = 0;
    for (std::ptrdiff_t i = 0; i < visible; ++i) {
        out.weights[std::size_t(i)] = std::exp(out.scaled[std::size_t(i)] - rowMax);
        sum += out.weights[std::size_t(i)];
    }
    for (std::ptrdiff_t i = 0; i < visible; ++i)
        out.weights[std::size_t(i)] = static_cast<double>(out.weights[std::size_t(i)] / sum);
    return out;
}

// Within 1e-14 relative; below the normal range, within a few of the smallest
// subnormal steps (the absolute resolution there).
bool close(double actual, double expected)
{
    if (actual == expected)
        return true;
    return std::abs(actual - expected) <= 1e-14 * std::abs(expected) + 4 * kTiny;
}

QString describe(const char* what, std::size_t i, double actual, double expected)
{
    return QStringLiteral("%1[%2]: %3 vs reference %4")
        .arg(QLatin1String(what))
        .arg(i)
        .arg(actual, 0, 'g', 17)
        .arg(expected, 0, 'g', 17);
}

// Runs one variant's scale + softmax and its scale alone on the row and
// compares both with the reference. Empty when they agree.
QString checkRow(const Kernels& k, const std::vector<double>& scores, std::ptrdiff_t visible, const RowScale& scale)
{
    const Reference expected = reference(scores, visible, scale);
    const std::ptrdiff_t n = static_cast<std::ptrdiff_t>(scores.size());
    // One spare entry on each side: the kernel writes exactly the row.
    std::vector<double> scaled(scores.size() + 2, 7.0);
    std::vector<double> weights(scores.size() + 2, 7.0);
    const RowStatus status = k.scaleSoftmaxRow(scores.data(), scaled.data() + 1, weights.data() + 1, n, visible, scale);
    if (status != expected.status)
        return QStringLiteral("status %1, expected %2").arg(int(status)).arg(int(expected.status));
    if (scaled.front() != 7.0 || scaled.back() != 7.0 || weights.front() != 7.0 || weights.back() != 7.0)
        return QStringLiteral("wrote outside the row");
    if (status != RowStatus::Ok)
        return {};
    double sum = 0;
    for (std::size_t i = 0; i < scores.size(); ++i) {
        // The divisions are exact IEEE operations: bit for bit.
        const double s = scaled[i + 1];
        if (!(s == expected.scaled[i]))
            return describe("scaled", i, s, expected.scaled[i]);
        if (!close(weights[i + 1], expected.weights[i]))
            return describe("weights", i, weights[i + 1], expected.weights[i]);
        if (static_cast<std::ptrdiff_t>(i) >= visible && !(weights[i + 1] == 0.0 && !std::signbit(weights[i + 1])))
            return describe("masked weight", i, weights[i + 1], 0.0);
        sum += weights[i + 1];
    }
    if (!(std::abs(sum - 1.0) <= 1e-13))
        return QStringLiteral("weights sum to %1").arg(sum, 0, 'g', 17);

    std::vector<double> scaledOnly(scores.size() + 2, 7.0);
    const RowStatus only = k.scaleRow(scores.data(), scaledOnly.data() + 1, n, visible, scale);
    if (only != RowStatus::Ok || scaledOnly.front() != 7.0 || scaledOnly.back() != 7.0)
        return QStringLiteral("scaleRow: status %1 or wrote outside the row").arg(int(only));
    for (std::size_t i = 0; i < scores.size(); ++i) {
        if (!(scaledOnly[i + 1] == expected.scaled[i]))
            return describe("scaleRow", i, scaledOnly[i + 1], expected.scaled[i]);
    }
    return {};
}

// The widest variant the vector units /proc/cpuinfo lists call for: the
// kernel's view, not the engine's CPUID checks. Empty when it cannot be read.
std::optional<Variant> cpuinfoVariant()
{
    QFile file(QStringLiteral("/proc/cpuinfo"));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (!line.startsWith("flags"))
            continue;
        const QList<QByteArray> flags = line.mid(line.indexOf(':') + 1).simplified().split(' ');
        if (flags.contains("avx512f"))
            return Variant::Avx512;
        if (flags.contains("avx2") && flags.contains("fma"))
            return Variant::Avx2;
        return Variant::Baseline;
    }
    return std::nullopt;
}

std::vector<Variant> runnableVariants()
{
    std::vector<Variant> out;
    for (Variant v : attn::softmax::compiledVariants()) {
        if (attn::softmax::supported(v))
            out.push_back(v);
    }
    return out;
}

} // namespace

class TestSoftmaxKernel : public QObject
{
    Q_OBJECT

private slots:
    void dispatchIsTheWidest();
    void exp();
    void randomRows();
    void hugeNegative();
    void ties();
    void singleVisible();
    void notFinite();
    void powerOfTwoDivisorsRoundAsDivision();
};

void TestSoftmaxKernel::dispatchIsTheWidest()
{
    const Variant chosen = attn::softmax::dispatched().variant;
    qInfo("softmax kernel: %s", attn::softmax::variantName(chosen));
    QVERIFY(attn::softmax::supported(chosen));
    const std::vector<Variant> compiled = attn::softmax::compiledVariants();
    QVERIFY(!compiled.empty() && compiled.front() == Variant::Baseline);
    // Every compiled variant at most as wide as the dispatched one runs here.
    for (Variant v : compiled) {
        if (int(v) <= int(chosen))
            QVERIFY2(attn::softmax::supported(v), attn::softmax::variantName(v));
    }
#if defined(__x86_64__)
    QCOMPARE(compiled.size(), std::size_t(3));
    const std::optional<Variant> expected = cpuinfoVariant();
    if (!expected)
        QSKIP("/proc/cpuinfo is not readable");
    QVERIFY2(int(chosen) >= int(*expected), qPrintable(QStringLiteral("dispatched %1, the processor runs %2")
                                                           .arg(attn::softmax::variantName(chosen))
                                                           .arg(attn::softmax::variantName(*expected))));
    QCOMPARE(int(chosen), int(*expected));
#endif
}

void TestSoftmaxKernel::exp()
{
    std::mt19937_64 gen(13);
    std::vector<double> in;
    for (double x : {0.0,
                     -0.0,
                     1.0,
                     -1.0,
                     0.5,
                     -0.34657359027997264,
                     0.34657359027997264,
                     1e-300,
                     -1e-300,
                     88.0,
                     700.0,
                     709.0,
                     709.78,
                     709.782712893384,
                     709.7827128933841,
                     709.79,
                     710.0,
                     1000.0,
                     -700.0,
                     -708.39,
                     -708.4,
                     -709.0,
                     -720.0,
                     -740.0,
                     -744.0,
                     -745.0,
                     -745.13,
                     -745.1332191019411,
                     -745.1332191019412,
                     -745.2,
                     -746.0,
                     -750.0,
                     -800.0,
                     -1e300,
                     1e300,
                     kInf,
                     -kInf})
        in.push_back(x);
    std::uniform_real_distribution<double> wide(-760.0, 720.0);
    std::uniform_real_distribution<double> narrow(-1.0, 1.0);
    for (int i = 0; i < 200000; ++i)
        in.push_back(i % 2 ? wide(gen) : narrow(gen));
    // Every k = round(x / ln 2) near a tie between two k.
    for (int k = -1080; k <= 1025; ++k) {
        const double x = (k + 0.5) * 0.6931471805599453;
        in.push_back(std::nextafter(x, -kInf));
        in.push_back(x);
        in.push_back(std::nextafter(x, kInf));
    }
    in.push_back(std::numeric_limits<double>::quiet_NaN());
    for (Variant v : runnableVariants()) {
        const Kernels& k = attn::softmax::kernels(v);
        std::vector<double> out(in.size());
        // Odd lengths: the partial vector at the end goes through the same code.
        for (std::size_t length : {in.size(), in.size() - 1, std::size_t(3), std::size_t(1)}) {
            std::fill(out.begin(), out.end(), 7.0);
            k.exp(in.data(), out.data(), std::ptrdiff_t(length));
            for (std::size_t i = 0; i < length; ++i) {
                const double expected = std::exp(in[i]);
                const double actual = out[i];
                if (std::isnan(expected)) {
                    QVERIFY2(std::isnan(actual), attn::softmax::variantName(v));
                    continue;
                }
                // Two units in the last place; below the normal range, one
                // subnormal step.
                const double bound = expected >= std::numeric_limits<double>::min()
                                         ? 2 * std::numeric_limits<double>::epsilon() * expected
                                         : kTiny;
                QVERIFY2(actual == expected || std::abs(actual - expected) <= bound,
                         qPrintable(QStringLiteral("%1: exp(%2) = %3, std::exp %4")
                                        .arg(attn::softmax::variantName(v))
                                        .arg(in[i], 0, 'g', 17)
                                        .arg(actual, 0, 'g', 17)
                                        .arg(expected, 0, 'g', 17)));
            }
            if (length < out.size())
                QCOMPARE(out[length], 7.0);
        }
    }
}

void TestSoftmaxKernel::randomRows()
{
    std::mt19937_64 gen(2026);
    std::normal_distribution<double> normal;
    std::uniform_real_distribution<double> uniform(-1.0, 1.0);
    const std::vector<RowScale> scales{
        {true, 8.0, 1.0}, {true, std::sqrt(3.0), 0.37}, {false, 8.0, 1.0}, {false, 8.0, 4.5}, {true, 1.0, 1e-3}};
    const std::vector<std::ptrdiff_t> lengths{1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 33, 64, 100, 1023, 1024, 2049};
    for (Variant v : runnableVariants()) {
        const Kernels& k = attn::softmax::kernels(v);
        for (std::ptrdiff_t n : lengths) {
            for (const RowScale& scale : scales) {
                std::vector<double> scores(static_cast<std::size_t>(n));
                const double spread = n % 3 == 0 ? 300.0 : 30.0;
                for (double& s : scores)
                    s = spread * normal(gen) + uniform(gen);
                // All visible, causal rows at several positions, one visible.
                for (std::ptrdiff_t visible : {n, std::max<std::ptrdiff_t>(1, n / 2), std::ptrdiff_t(1),
                                               std::max<std::ptrdiff_t>(1, n - 1), std::min<std::ptrdiff_t>(n, 9)}) {
                    const QString problem = checkRow(k, scores, visible, scale);
                    QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("%1, n %2, visible %3: %4")
                                                               .arg(attn::softmax::variantName(v))
                                                               .arg(n)
                                                               .arg(visible)
                                                               .arg(problem)));
                }
            }
        }
    }
}

void TestSoftmaxKernel::hugeNegative()
{
    // Differences from the maximum that underflow exp to subnormals and to
    // 0, and one that overflows to -inf (1e308 - (-1e308)).
    const std::vector<std::vector<double>> rows{
        {0.0, -700.0, -708.5, -720.0, -740.0, -745.0, -745.2, -746.0, -800.0, -1e300},
        {1e308, -1e308, 5.0, 1e308, -1.7e308, 1e300},
        {-1e300, -1e300 - 1e285, -1e300 + 1e285, -1e300},
        {-3.0, -1000.0, -1000.0, -1000.0, -1000.0, -1000.0, -1000.0, -1000.0, -1000.0, -2.0, -1e5},
    };
    for (Variant v : runnableVariants()) {
        const Kernels& k = attn::softmax::kernels(v);
        for (const auto& row : rows) {
            for (const RowScale& scale : {RowScale{false, 1.0, 1.0}, RowScale{true, 1.0, 1.0 / 1.5}}) {
                // At every offset, so the small values fall on each lane and
                // on the partial vector.
                for (std::size_t pad = 0; pad < 9; ++pad) {
                    std::vector<double> scores(pad, -2e3);
                    scores.insert(scores.end(), row.begin(), row.end());
                    const QString problem = checkRow(k, scores, std::ptrdiff_t(scores.size()), scale);
                    QVERIFY2(
                        problem.isEmpty(),
                        qPrintable(
                            QStringLiteral("%1, pad %2: %3").arg(attn::softmax::variantName(v)).arg(pad).arg(problem)));
                }
            }
        }
        // The largest weight is 1 / sum; the others 0 exactly.
        std::vector<double> scores{0.0, -1e300, -800.0, -746.0, -1e308};
        std::vector<double> scaled(scores.size());
        std::vector<double> weights(scores.size());
        QCOMPARE(k.scaleSoftmaxRow(scores.data(), scaled.data(), weights.data(), 5, 5, RowScale{false, 1.0, 1.0}),
                 RowStatus::Ok);
        QCOMPARE(weights, (std::vector<double>{1.0, 0.0, 0.0, 0.0, 0.0}));
    }
}

void TestSoftmaxKernel::ties()
{
    for (Variant v : runnableVariants()) {
        const Kernels& k = attn::softmax::kernels(v);
        for (std::ptrdiff_t n : {2, 3, 8, 11, 64, 1000}) {
            // All equal: every weight 1 / visible.
            const std::vector<double> equal(static_cast<std::size_t>(n), 2.5);
            for (std::ptrdiff_t visible : {n, std::ptrdiff_t(1), (n + 1) / 2}) {
                const QString problem = checkRow(k, equal, visible, RowScale{true, 8.0, 1.0});
                QVERIFY2(problem.isEmpty(), qPrintable(problem));
                std::vector<double> scaled(static_cast<std::size_t>(n));
                std::vector<double> weights(static_cast<std::size_t>(n));
                k.scaleSoftmaxRow(equal.data(), scaled.data(), weights.data(), n, visible, RowScale{true, 8.0, 1.0});
                for (std::ptrdiff_t i = 0; i < visible; ++i)
                    QVERIFY(close(weights[std::size_t(i)], 1.0 / double(visible)));
            }
            // Two tied maxima among smaller values, at both ends.
            std::vector<double> twoMax(static_cast<std::size_t>(n), -1.0);
            twoMax.front() = 4.0;
            twoMax.back() = 4.0;
            const QString problem = checkRow(k, twoMax, n, RowScale{false, 1.0, 1.0});
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
    }
}

void TestSoftmaxKernel::singleVisible()
{
    for (Variant v : runnableVariants()) {
        const Kernels& k = attn::softmax::kernels(v);
        for (std::ptrdiff_t n : {1, 2, 9, 17, 100}) {
            std::vector<double> scores(static_cast<std::size_t>(n));
            for (std::ptrdiff_t i = 0; i < n; ++i)
                scores[std::size_t(i)] = 1e5 * double(i % 7) - 3e5;
            std::vector<double> scaled(static_cast<std::size_t>(n));
            std::vector<double> weights(static_cast<std::size_t>(n));
            QCOMPARE(k.scaleSoftmaxRow(scores.data(), scaled.data(), weights.data(), n, 1, RowScale{true, 8.0, 0.5}),
                     RowStatus::Ok);
            QCOMPARE(weights[0], 1.0);
            QCOMPARE(scaled[0], scores[0] / 8.0 / 0.5);
            for (std::ptrdiff_t i = 1; i < n; ++i) {
                QCOMPARE(weights[std::size_t(i)], 0.0);
                QCOMPARE(scaled[std::size_t(i)], -kInf);
            }
            const QString problem = checkRow(k, scores, 1, RowScale{true, 8.0, 0.5});
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
    }
}

void TestSoftmaxKernel::notFinite()
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (Variant v : runnableVariants()) {
        const Kernels& k = attn::softmax::kernels(v);
        for (std::ptrdiff_t n : {1, 5, 8, 13, 40}) {
            for (std::ptrdiff_t at = 0; at < n; ++at) {
                for (double bad : {-kInf, kInf, nan}) {
                    std::vector<double> scores(static_cast<std::size_t>(n), 1.0);
                    scores[std::size_t(at)] = bad;
                    // A non-finite score is refused, visible or masked.
                    for (std::ptrdiff_t visible : {n, std::ptrdiff_t(1), std::max<std::ptrdiff_t>(1, at)}) {
                        const QString problem = checkRow(k, scores, visible, RowScale{true, 8.0, 1.0});
                        QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("%1: n %2, %3 at %4, visible %5: %6")
                                                                   .arg(attn::softmax::variantName(v))
                                                                   .arg(n)
                                                                   .arg(bad)
                                                                   .arg(at)
                                                                   .arg(visible)
                                                                   .arg(problem)));
                        std::vector<double> scaled(static_cast<std::size_t>(n));
                        QCOMPARE(k.scaleRow(scores.data(), scaled.data(), n, visible, RowScale{true, 8.0, 1.0}),
                                 RowStatus::ScoresNotFinite);
                    }
                }
                // Finite scores whose scaled value overflows: refused when
                // visible, ignored when masked.
                std::vector<double> scores(static_cast<std::size_t>(n), 1.0);
                scores[std::size_t(at)] = (at % 2 ? -1.0 : 1.0) * 1e307;
                const RowScale hot{true, 1.0, 1e-3};
                for (std::ptrdiff_t visible = 1; visible <= n; ++visible) {
                    const QString problem = checkRow(k, scores, visible, hot);
                    QVERIFY2(problem.isEmpty(), qPrintable(problem));
                    std::vector<double> scaled(static_cast<std::size_t>(n));
                    std::vector<double> weights(static_cast<std::size_t>(n));
                    const RowStatus expected = at < visible ? RowStatus::ScaledNotFinite : RowStatus::Ok;
                    QCOMPARE(k.scaleSoftmaxRow(scores.data(), scaled.data(), weights.data(), n, visible, hot),
                             expected);
                    QCOMPARE(k.scaleRow(scores.data(), scaled.data(), n, visible, hot), expected);
                }
            }
        }
    }
}

void TestSoftmaxKernel::powerOfTwoDivisorsRoundAsDivision()
{
    // sqrt(d_k) = 8 (d_k 64) or a temperature of 0.5 is applied as a
    // multiplication by the reciprocal: the scaled scores must still be the
    // divisions' numbers, for subnormal, huge and ordinary scores alike.
    std::mt19937_64 gen(77);
    std::uniform_real_distribution<double> uniform(-30.0, 30.0);
    std::vector<double> scores;
    for (double s : {4.9e-324, -4.9e-324, 1e-310, -3.3e-309, 2.2250738585072014e-308, 1.5e-323, 0.0, -0.0, 1e300,
                     -1.7e308, 1.7976931348623157e308})
        scores.push_back(s);
    for (int i = 0; i < 53; ++i)
        scores.push_back(uniform(gen));
    std::vector<double> ordinary;
    for (double s : scores) {
        if (std::abs(s) < 1e300)
            ordinary.push_back(s);
    }
    for (Variant v : runnableVariants()) {
        const Kernels& k = attn::softmax::kernels(v);
        for (const double sqrtDk : {1.0, 2.0, 8.0, 16.0, 3.0, std::sqrt(48.0)}) {
            for (const double temperature : {1.0, 0.5, 2.0, 0.25, 4.0, 0.7}) {
                // Scores past float64's range once scaled are refused, as by a
                // division (checkRow then compares the status only), so the
                // row without the huge ones is checked too.
                for (const bool scaledRow : {true, false}) {
                    const RowScale scale{scaledRow, sqrtDk, temperature};
                    QString problem = checkRow(k, scores, static_cast<std::ptrdiff_t>(scores.size()), scale);
                    if (problem.isEmpty())
                        problem = checkRow(k, ordinary, static_cast<std::ptrdiff_t>(ordinary.size()), scale);
                    QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("%1, sqrt(d_k) %2, T %3: %4")
                                                               .arg(attn::softmax::variantName(v))
                                                               .arg(sqrtDk)
                                                               .arg(temperature)
                                                               .arg(problem)));
                }
            }
        }
    }
}

QTEST_GUILESS_MAIN(TestSoftmaxKernel)
#include "tst_softmaxkernel.moc"
