// The engine's matrix products (core/products.h) against a plain triple loop,
// on the shapes the engine multiplies: row blocks, column slices of Q, K and V
// (strided), a transposed right-hand side, and sizes on both sides of the
// point where the BLAS takes over from Eigen. Then which kernels run: this
// process leaves the choice to the engine (OPENBLAS_CORETYPE unset), and
// children of it run the same products with OpenBLAS misdetecting the
// processor, with a core the user named, and without OpenBLAS.

#include "core/products.h"

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QtTest>

#include <cmath>
#include <cstdio>
#include <limits>
#include <random>

namespace {

attn::Matrix randomMatrix(Eigen::Index rows, Eigen::Index cols, std::mt19937& gen)
{
    std::normal_distribution<double> normal;
    attn::Matrix m(rows, cols);
    for (Eigen::Index i = 0; i < m.size(); ++i)
        m.data()[i] = normal(gen);
    return m;
}

// Sums in long double, in order: a reference no kernel shares code with.
attn::Matrix naiveProduct(const attn::ConstMatrixRef& lhs, const attn::ConstMatrixRef& rhs, attn::Rhs form)
{
    const bool transposed = form == attn::Rhs::Transposed;
    const Eigen::Index cols = transposed ? rhs.rows() : rhs.cols();
    attn::Matrix out(lhs.rows(), cols);
    for (Eigen::Index r = 0; r < lhs.rows(); ++r) {
        for (Eigen::Index c = 0; c < cols; ++c) {
            long double sum = 0;
            for (Eigen::Index k = 0; k < lhs.cols(); ++k)
                sum += static_cast<long double>(lhs(r, k)) * (transposed ? rhs(c, k) : rhs(k, c));
            out(r, c) = static_cast<double>(sum);
        }
    }
    return out;
}

// Each entry within a few units of rounding of the sum of |terms|.
void expectClose(const attn::Matrix& actual, const attn::ConstMatrixRef& lhs, const attn::ConstMatrixRef& rhs,
                 attn::Rhs form)
{
    const attn::Matrix expected = naiveProduct(lhs, rhs, form);
    const attn::Matrix magnitude = naiveProduct(lhs.cwiseAbs(), rhs.cwiseAbs(), form);
    QCOMPARE(actual.rows(), expected.rows());
    QCOMPARE(actual.cols(), expected.cols());
    const double eps = std::numeric_limits<double>::epsilon();
    for (Eigen::Index r = 0; r < actual.rows(); ++r) {
        for (Eigen::Index c = 0; c < actual.cols(); ++c) {
            const double bound = 4.0 * static_cast<double>(lhs.cols()) * eps * magnitude(r, c);
            QVERIFY2(std::abs(actual(r, c) - expected(r, c)) <= bound,
                     qPrintable(QStringLiteral("(%1, %2): %3 vs %4")
                                    .arg(r)
                                    .arg(c)
                                    .arg(actual(r, c), 0, 'g', 17)
                                    .arg(expected(r, c), 0, 'g', 17)));
        }
    }
}

// The widest vector units /proc/cpuinfo lists for the first processor: the
// kernel's view, independent of the engine's CPUID checks. Empty elsewhere.
QString cpuinfoVectorUnits()
{
    QFile file(QStringLiteral("/proc/cpuinfo"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (!line.startsWith("flags"))
            continue;
        const QList<QByteArray> flags = line.mid(line.indexOf(':') + 1).simplified().split(' ');
        const auto has = [&](const char* flag) { return flags.contains(QByteArray(flag)); };
        if (has("avx512f") && has("avx512cd") && has("avx512bw") && has("avx512dq") && has("avx512vl"))
            return QStringLiteral("AVX-512");
        if (has("avx2") && has("fma"))
            return QStringLiteral("AVX2");
        if (has("avx"))
            return QStringLiteral("AVX");
        return QStringLiteral("SSE2");
    }
    return {};
}

// Runs this test program's parity and report slots in a child whose
// environment differs from this one's by `changes` (an empty value unsets).
struct Child
{
    int exitCode = -1;
    QString output;
    QMap<QString, QString> kernels; // from the report line
};

Child runChild(const QList<QPair<QString, QString>>& changes)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("AV_TST_PRODUCTS_CHILD"), QStringLiteral("1"));
    for (const auto& [name, value] : changes) {
        if (value.isEmpty())
            env.remove(name);
        else
            env.insert(name, value);
    }
    QProcess process;
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QCoreApplication::applicationFilePath(),
                  {QStringLiteral("parityWithEigen"), QStringLiteral("reportKernels")});
    Child child;
    if (!process.waitForFinished(120000))
        return child;
    child.output = QString::fromUtf8(process.readAll());
    child.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    for (const QString& line : child.output.split('\n')) {
        const qsizetype at = line.indexOf(QStringLiteral("kernels|"));
        if (at < 0)
            continue;
        for (const QString& field : line.mid(at + 8).split('|')) {
            const qsizetype eq = field.indexOf('=');
            if (eq > 0)
                child.kernels.insert(field.left(eq), field.mid(eq + 1).trimmed());
        }
    }
    return child;
}

} // namespace

class TestProducts : public QObject
{
    Q_OBJECT

private slots:
    void wholeMatrices_data();
    void wholeMatrices();
    void headSlices();
    void rowBlockWritesOnlyItsRows();
    void integersAreExact();
    void nonFiniteValuesPropagate();
    void parityWithEigen();
    void reportKernels();
    void processorFeaturesMatchCpuinfo();
    void largeProductsRunOnKernelsForTheProcessor();
    void misdetectedCoreIsReplaced();
    void userCoreIsKept();
    void missingOpenblasFallsBackToEigen();
};

void TestProducts::wholeMatrices_data()
{
    QTest::addColumn<int>("m");
    QTest::addColumn<int>("k");
    QTest::addColumn<int>("n");
    QTest::addColumn<bool>("transposed");
    // From a single number through the article's 5 x 3 to sizes the BLAS runs.
    QTest::newRow("1x1x1") << 1 << 1 << 1 << false;
    QTest::newRow("article 5x3x3") << 5 << 3 << 3 << false;
    QTest::newRow("article scores 5x3x5") << 5 << 3 << 5 << true;
    QTest::newRow("just below BLAS 31x32x32") << 31 << 32 << 32 << false;
    QTest::newRow("just above BLAS 33x32x32") << 33 << 32 << 32 << false;
    QTest::newRow("odd 97x65x131") << 97 << 65 << 131 << false;
    QTest::newRow("odd transposed 97x65x131") << 97 << 65 << 131 << true;
    QTest::newRow("tall 300x7x2") << 300 << 7 << 2 << false;
    QTest::newRow("deep 3x500x4") << 3 << 500 << 4 << true;
}

void TestProducts::wholeMatrices()
{
    QFETCH(int, m);
    QFETCH(int, k);
    QFETCH(int, n);
    QFETCH(bool, transposed);
    std::mt19937 gen(static_cast<unsigned>(m * 1000003 + k * 1009 + n));
    const attn::Matrix lhs = randomMatrix(m, k, gen);
    const attn::Matrix rhs = transposed ? randomMatrix(n, k, gen) : randomMatrix(k, n, gen);
    const attn::Rhs form = transposed ? attn::Rhs::Transposed : attn::Rhs::AsIs;
    attn::Matrix out(m, n);
    attn::multiply(out, lhs, rhs, form);
    expectClose(out, lhs, rhs, form);
}

void TestProducts::headSlices()
{
    // Q_h K_hᵀ and W_h V_h on column slices of n x d matrices, as the engine
    // does for head 2 of 3.
    std::mt19937 gen(7);
    const int n = 70, d = 48, dk = 16, h = 2;
    const attn::Matrix q = randomMatrix(n, d, gen);
    const attn::Matrix k = randomMatrix(n, d, gen);
    const attn::Matrix v = randomMatrix(n, d, gen);
    attn::Matrix scores(n, n);
    attn::multiply(scores, q.middleCols(h * dk, dk), k.middleCols(h * dk, dk), attn::Rhs::Transposed);
    expectClose(scores, q.middleCols(h * dk, dk), k.middleCols(h * dk, dk), attn::Rhs::Transposed);

    attn::Matrix output = attn::Matrix::Constant(n, d, -7.0);
    attn::multiply(output.middleCols(h * dk, dk), scores, v.middleCols(h * dk, dk));
    expectClose(output.middleCols(h * dk, dk), scores, v.middleCols(h * dk, dk), attn::Rhs::AsIs);
    // The other heads' columns are untouched.
    QVERIFY((output.leftCols(h * dk).array() == -7.0).all());
}

void TestProducts::rowBlockWritesOnlyItsRows()
{
    // The engine splits the projections by rows over threads; each call must
    // write its own rows and nothing else.
    std::mt19937 gen(11);
    const attn::Matrix x = randomMatrix(100, 40, gen);
    const attn::Matrix w = randomMatrix(40, 40, gen);
    attn::Matrix out = attn::Matrix::Constant(100, 40, 123.0);
    attn::multiply(out.middleRows(37, 41), x.middleRows(37, 41), w);
    expectClose(out.middleRows(37, 41), x.middleRows(37, 41), w, attn::Rhs::AsIs);
    QVERIFY((out.topRows(37).array() == 123.0).all());
    QVERIFY((out.bottomRows(22).array() == 123.0).all());
}

void TestProducts::integersAreExact()
{
    // The article's weights are integers: every product is exact whatever
    // order a kernel sums in.
    std::mt19937 gen(3);
    std::uniform_int_distribution<int> digit(0, 2);
    attn::Matrix a(64, 64), b(64, 64);
    for (Eigen::Index i = 0; i < a.size(); ++i) {
        a.data()[i] = digit(gen);
        b.data()[i] = digit(gen);
    }
    attn::Matrix out(64, 64);
    attn::multiply(out, a, b);
    QCOMPARE(out, naiveProduct(a, b, attn::Rhs::AsIs));
}

void TestProducts::nonFiniteValuesPropagate()
{
    // An overflowing input must stay visible as inf / NaN in the products,
    // never turn into a finite number.
    attn::Matrix a = attn::Matrix::Ones(40, 40);
    attn::Matrix b = attn::Matrix::Ones(40, 40);
    a(3, 5) = std::numeric_limits<double>::infinity();
    b(5, 9) = 0.0;
    attn::Matrix out(40, 40);
    attn::multiply(out, a, b);
    QVERIFY(std::isinf(out(3, 0)));
    QVERIFY(std::isnan(out(3, 9))); // inf * 0
    QCOMPARE(out(4, 0), 40.0);
}

void TestProducts::parityWithEigen()
{
    // Whichever kernel runs, the same numbers as Eigen's own product to 1e-12
    // of the entries' magnitude, on the engine's shapes: a projection's row
    // block, a head's scores (strided slices, transposed) and weighted sum.
    std::mt19937 gen(19);
    const int n = 300, d = 192, dk = 48, h = 1;
    const attn::Matrix x = randomMatrix(n, d, gen);
    const attn::Matrix w = randomMatrix(d, d, gen);
    const attn::Matrix q = randomMatrix(n, d, gen);
    const attn::Matrix k = randomMatrix(n, d, gen);
    const auto check = [](const attn::Matrix& actual, const attn::Matrix& eigen) {
        const double scale = eigen.cwiseAbs().maxCoeff();
        const double worst = (actual - eigen).cwiseAbs().maxCoeff();
        QVERIFY2(worst <= 1e-12 * scale, qPrintable(QStringLiteral("%1 of %2 (%3)")
                                                        .arg(worst, 0, 'g', 3)
                                                        .arg(scale, 0, 'g', 3)
                                                        .arg(attn::productBackend())));
    };
    attn::Matrix projection(n - 50, d);
    attn::multiply(projection, x.middleRows(25, n - 50), w);
    check(projection, x.middleRows(25, n - 50) * w);

    attn::Matrix scores(n, n);
    attn::multiply(scores, q.middleCols(h * dk, dk), k.middleCols(h * dk, dk), attn::Rhs::Transposed);
    check(scores, q.middleCols(h * dk, dk) * k.middleCols(h * dk, dk).transpose());

    attn::Matrix output(n, dk);
    attn::multiply(output, scores, q.middleCols(h * dk, dk));
    check(output, scores * q.middleCols(h * dk, dk));
}

void TestProducts::reportKernels()
{
    const attn::ProductKernels& k = attn::productKernels();
    // One line the parent process reads (runChild).
    std::printf("kernels|openblas=%d|loaded=%d|core=%s|detected=%s|fitting=%s|processor=%s|kernel=%s|description=%s\n",
                k.openblas ? 1 : 0, k.openblasLoaded ? 1 : 0, k.core.c_str(), k.detected.c_str(), k.fitting.c_str(),
                attn::vectorUnitsName(k.processor), attn::vectorUnitsName(k.kernel), k.description.c_str());
    std::fflush(stdout);
    QVERIFY(!k.description.empty());
    QCOMPARE(QString::fromStdString(k.description), QString::fromUtf8(attn::productBackend()));
}

void TestProducts::processorFeaturesMatchCpuinfo()
{
    const QString listed = cpuinfoVectorUnits();
    if (listed.isEmpty())
        QSKIP("no /proc/cpuinfo");
    QCOMPARE(QString::fromUtf8(attn::vectorUnitsName(attn::processorVectorUnits())), listed);
}

void TestProducts::largeProductsRunOnKernelsForTheProcessor()
{
    // main() left the choice to the engine. A processor with AVX2 or wider
    // must not run the large products on generic SSE kernels, whatever
    // OpenBLAS's own table says about it.
    const attn::ProductKernels& k = attn::productKernels();
    qInfo("%s", k.description.c_str());
    QCOMPARE(QString::fromUtf8(attn::vectorUnitsName(k.processor)),
             QString::fromUtf8(attn::vectorUnitsName(attn::processorVectorUnits())));
    if (k.processor >= attn::VectorUnits::Avx2) {
        QVERIFY2(k.kernel >= attn::VectorUnits::Avx2, k.description.c_str());
        if (k.openblas) {
            QVERIFY2(attn::openblasCoreUnits(k.core) >= attn::VectorUnits::Avx2, k.description.c_str());
            QVERIFY(QString::fromStdString(k.description).contains(QString::fromStdString(k.core)));
        }
    }
    QVERIFY(!k.userCore);
}

void TestProducts::misdetectedCoreIsReplaced()
{
    // OpenBLAS's table gives a processor it does not know its generic
    // Prescott kernels; the engine loads it again with the fitting core.
    if (!attn::productKernels().openblasLoaded)
        QSKIP("OpenBLAS cannot be loaded");
    const attn::VectorUnits units = attn::processorVectorUnits();
    if (units < attn::VectorUnits::Avx)
        QSKIP("Prescott's kernels fit this processor");
    const Child child = runChild({{"OPENBLAS_CORETYPE", ""}, {"AV_OPENBLAS_TEST_DETECTS", "Prescott"}});
    QVERIFY2(child.exitCode == 0, qPrintable(child.output));
    QCOMPARE(child.kernels.value("openblas"), QStringLiteral("1"));
    QCOMPARE(child.kernels.value("detected"), QStringLiteral("Prescott"));
    QCOMPARE(child.kernels.value("core"), QString::fromStdString(attn::productKernels().fitting));
    QVERIFY(attn::openblasCoreUnits(child.kernels.value("core").toStdString()) == units);
    QVERIFY2(child.kernels.value("description").contains(QStringLiteral("OpenBLAS detected Prescott")),
             qPrintable(child.output));
}

void TestProducts::userCoreIsKept()
{
    // A core the user named is what OpenBLAS loads with; if its kernels are
    // narrower than the processor's, Eigen's may run instead when faster, and
    // the numbers are the same either way (the child's parity slot).
    if (!attn::productKernels().openblasLoaded)
        QSKIP("OpenBLAS cannot be loaded");
    const Child child = runChild({{"OPENBLAS_CORETYPE", "Prescott"}, {"AV_OPENBLAS_TEST_DETECTS", ""}});
    QVERIFY2(child.exitCode == 0, qPrintable(child.output));
    const QString description = child.kernels.value("description");
    if (child.kernels.value("openblas") == QStringLiteral("1")) {
        QCOMPARE(child.kernels.value("core"), QStringLiteral("Prescott"));
        QVERIFY2(description.contains(QStringLiteral("OPENBLAS_CORETYPE=Prescott")), qPrintable(description));
    } else {
        QVERIFY2(description.startsWith(QStringLiteral("Eigen")) && description.contains(QStringLiteral("Prescott")),
                 qPrintable(description));
    }
}

void TestProducts::missingOpenblasFallsBackToEigen()
{
    const Child child = runChild({{"AV_OPENBLAS_LIBRARY", "/nonexistent/libopenblas.so.0"}});
    QVERIFY2(child.exitCode == 0, qPrintable(child.output));
    QCOMPARE(child.kernels.value("openblas"), QStringLiteral("0"));
    QCOMPARE(child.kernels.value("loaded"), QStringLiteral("0"));
    QVERIFY2(child.kernels.value("description").startsWith(QStringLiteral("Eigen")), qPrintable(child.output));
}

int main(int argc, char** argv)
{
    // This process tests the engine's own choice; children say what differs.
    if (!qEnvironmentVariableIsSet("AV_TST_PRODUCTS_CHILD"))
        qunsetenv("OPENBLAS_CORETYPE");
    QCoreApplication app(argc, argv);
    TestProducts test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_products.moc"
