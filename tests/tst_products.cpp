// The engine's matrix products (core/products.h) against a plain triple loop,
// on the shapes the engine multiplies: row blocks, column slices of Q, K and V
// (strided), a transposed right-hand side, and sizes on both sides of the
// point where the BLAS takes over from Eigen.

#include "core/products.h"

#include <QtTest>

#include <cmath>
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

QTEST_GUILESS_MAIN(TestProducts)
#include "tst_products.moc"
