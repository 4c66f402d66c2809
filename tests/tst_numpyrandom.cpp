// The generator against values NumPy's legacy RandomState printed
// (fixtures/make_fixtures.py wrote them).

#include "core/numpyrandom.h"

#include "testutil.h"

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

namespace {

// An independent implementation to check the generator against: std::mt19937
// one word at a time with NumPy's legacy formulas written out plainly.
class ReferenceRandom
{
public:
    explicit ReferenceRandom(std::uint32_t seed)
        : m_engine(seed)
    {
    }

    std::uint32_t nextWord() { return static_cast<std::uint32_t>(m_engine()); }

    double rand()
    {
        const std::uint32_t a = nextWord() >> 5;
        const std::uint32_t b = nextWord() >> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    std::int64_t randint(std::int64_t low, std::int64_t high)
    {
        const std::uint64_t range = static_cast<std::uint64_t>(high) - static_cast<std::uint64_t>(low) - 1;
        if (range == 0)
            return low;
        std::uint64_t mask = 1;
        while (mask < range)
            mask = (mask << 1) | 1;
        std::uint64_t value = 0;
        do {
            if (range <= 0xFFFFFFFFull) {
                value = nextWord() & mask;
            } else {
                const std::uint64_t high32 = nextWord();
                value = ((high32 << 32) | nextWord()) & mask;
            }
        } while (value > range);
        return static_cast<std::int64_t>(static_cast<std::uint64_t>(low) + value);
    }

    double randn()
    {
        if (m_hasGauss) {
            m_hasGauss = false;
            return m_gauss;
        }
        double x1 = 0.0;
        double x2 = 0.0;
        double r2 = 0.0;
        do {
            x1 = 2.0 * rand() - 1.0;
            x2 = 2.0 * rand() - 1.0;
            // The tests, unlike core/, may fuse a * b + c into one rounding;
            // going through memory keeps the two squares rounded apart.
            volatile const double x1Squared = x1 * x1;
            volatile const double x2Squared = x2 * x2;
            r2 = x1Squared + x2Squared;
        } while (r2 >= 1.0 || r2 == 0.0);
        const double f = std::sqrt(-2.0 * std::log(r2) / r2);
        m_gauss = f * x1;
        m_hasGauss = true;
        return f * x2;
    }

private:
    std::mt19937 m_engine;
    bool m_hasGauss = false;
    double m_gauss = 0.0;
};

// QCOMPARE on doubles is fuzzy; these draws must agree to the bit.
bool sameBits(double a, double b)
{
    return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

} // namespace

class TestNumpyRandom : public QObject
{
    Q_OBJECT

private slots:
    void draws_data();
    void draws();
    void standardMt19937Stream();
    void wordsMatchStdMt19937_data();
    void wordsMatchStdMt19937();
    void interleavedDrawsMatchReference_data();
    void interleavedDrawsMatchReference();
    void fillRandnMatchesRandn_data();
    void fillRandnMatchesRandn();
    void randintRejectsEmptyRange();
};

void TestNumpyRandom::draws_data()
{
    QTest::addColumn<QJsonObject>("fixture");
    const QJsonArray seeds = testutil::loadFixture("numpy_random.json").value("seeds").toArray();
    QVERIFY(seeds.size() >= 5);
    for (const QJsonValue& seed : seeds)
        QTest::addRow("seed %lld", seed.toObject().value("seed").toInteger()) << seed.toObject();
}

void TestNumpyRandom::draws()
{
    QFETCH(QJsonObject, fixture);
    const auto seed = static_cast<std::uint32_t>(fixture.value("seed").toInteger());
    attn::NumpyRandom rng(seed);

    const auto expectDoubles = [&](const char* key, auto draw) {
        rng.seed(seed);
        const QJsonArray expected = fixture.value(key).toArray();
        QVERIFY(!expected.isEmpty());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const double value = draw();
            // Bit-exact: the same 53 bits or the same Box-Muller arithmetic.
            QVERIFY2(value == expected[i].toDouble(), qPrintable(QStringLiteral("%1[%2]: %3 != %4")
                                                                     .arg(key)
                                                                     .arg(i)
                                                                     .arg(value, 0, 'g', 17)
                                                                     .arg(expected[i].toDouble(), 0, 'g', 17)));
        }
    };
    const auto expectIntegers = [&](const char* key, std::int64_t low, std::int64_t high) {
        rng.seed(seed);
        const QJsonArray expected = fixture.value(key).toArray();
        QVERIFY(!expected.isEmpty());
        for (qsizetype i = 0; i < expected.size(); ++i)
            QCOMPARE(rng.randint(low, high), expected[i].toInteger());
    };

    expectDoubles("rand", [&] { return rng.rand(); });
    expectIntegers("randint3", 0, 3);
    expectIntegers("randint_-5_100", -5, 100);
    expectIntegers("randint_0_2p40", 0, std::int64_t(1) << 40);
    expectIntegers("randint_1_2", 1, 2);
    expectDoubles("randn", [&] { return rng.randn(); });

    // One Gaussian leaves its twin cached; reseeding must drop it.
    rng.seed(seed);
    rng.randn();
    expectDoubles("randn_after_reseed", [&] { return rng.randn(); });

    rng.seed(seed);
    const QJsonArray mixed = fixture.value("mixed").toArray();
    QCOMPARE(mixed.size(), 9);
    const double drawn[] = {rng.rand(),
                            rng.rand(),
                            double(rng.randint(0, 3)),
                            double(rng.randint(0, 3)),
                            double(rng.randint(0, 3)),
                            rng.randn(),
                            rng.randn(),
                            rng.randn(),
                            rng.rand()};
    for (qsizetype i = 0; i < mixed.size(); ++i)
        QCOMPARE(drawn[i], mixed[i].toDouble());
}

void TestNumpyRandom::standardMt19937Stream()
{
    // The 10000th output of a default-seeded MT19937 is fixed by the C++ standard.
    attn::NumpyRandom rng(5489);
    std::uint32_t word = 0;
    for (int i = 0; i < 10000; ++i)
        word = rng.nextWord();
    QCOMPARE(word, 4123659995u);
}

void TestNumpyRandom::wordsMatchStdMt19937_data()
{
    QTest::addColumn<quint32>("seed");
    for (const quint32 seed : {0u, 1u, 42u, 5489u, 2147483648u, 4294967295u})
        QTest::addRow("seed %u", seed) << seed;
}

void TestNumpyRandom::wordsMatchStdMt19937()
{
    QFETCH(quint32, seed);
    // Freshly constructed, and reseeded after a part-used block.
    attn::NumpyRandom rng(seed);
    for (int pass = 0; pass < 2; ++pass) {
        std::mt19937 reference(seed);
        for (int i = 0; i < 2000; ++i) {
            const std::uint32_t expected = static_cast<std::uint32_t>(reference());
            QVERIFY2(rng.nextWord() == expected, qPrintable(QStringLiteral("pass %1, word %2").arg(pass).arg(i)));
        }
        rng.seed(seed ^ 0x5a5a5a5au);
        rng.randn(); // leaves a cached Gaussian that seed() must drop
        rng.nextWord();
        rng.seed(seed);
    }
}

void TestNumpyRandom::interleavedDrawsMatchReference_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<int>("threads");
    QTest::addRow("seed 42, one thread") << 42u << 1;
    QTest::addRow("seed 7, all cores") << 7u << 0;
    QTest::addRow("seed 4294967295, two threads") << 4294967295u << 2;
}

void TestNumpyRandom::interleavedDrawsMatchReference()
{
    QFETCH(quint32, seed);
    QFETCH(int, threads);
    attn::NumpyRandom rng(seed);
    ReferenceRandom reference(seed);

    // Fills of odd and even lengths, short and long (>= 8192 spreads the
    // logarithms over threads), around multiples of a block's 156 candidates.
    const int counts[] = {1, 2, 3, 0, 155, 156, 311, 312, 313, 623, 624, 625, 1247, 1248, 8193, 8194, 20001};
    constexpr std::int64_t kMin64 = std::numeric_limits<std::int64_t>::min();
    constexpr std::int64_t kMax64 = std::numeric_limits<std::int64_t>::max();
    std::vector<double> bulk;
    int step = 0;
    for (int round = 0; round < 3; ++round) {
        for (const int count : counts) {
            // A draw before each fill moves where it starts: in the block, at
            // which word modulo 4, and with or without a cached Gaussian.
            switch (step++ % 7) {
            case 0:
                QVERIFY(sameBits(rng.rand(), reference.rand()));
                break;
            case 1:
                QCOMPARE(rng.randint(0, 3), reference.randint(0, 3));
                break;
            case 2:
                QCOMPARE(rng.nextWord(), reference.nextWord());
                break;
            case 3:
                QCOMPARE(rng.randint(-5, std::int64_t(1) << 40), reference.randint(-5, std::int64_t(1) << 40));
                break;
            case 4:
                QVERIFY(sameBits(rng.randn(), reference.randn()));
                break;
            case 5:
                QCOMPARE(rng.randint(0, std::int64_t(1) << 32), reference.randint(0, std::int64_t(1) << 32));
                break;
            case 6:
                QCOMPARE(rng.randint(kMin64, kMax64), reference.randint(kMin64, kMax64));
                break;
            }

            bulk.assign(static_cast<std::size_t>(count) + 1, -123.0);
            rng.fillRandn(bulk.data(), static_cast<std::size_t>(count), threads);
            for (int i = 0; i < count; ++i) {
                const double expected = reference.randn();
                QVERIFY2(sameBits(bulk[std::size_t(i)], expected),
                         qPrintable(QStringLiteral("step %1, fill of %2, value %3: %4 != %5")
                                        .arg(step)
                                        .arg(count)
                                        .arg(i)
                                        .arg(bulk[std::size_t(i)], 0, 'g', 17)
                                        .arg(expected, 0, 'g', 17)));
            }
            QCOMPARE(bulk.back(), -123.0); // nothing written past the end
        }
    }
    // Still in step afterwards: the cached Gaussian, then the raw words
    // across the next block boundary.
    for (int i = 0; i < 3; ++i)
        QVERIFY(sameBits(rng.randn(), reference.randn()));
    for (int i = 0; i < 700; ++i)
        QCOMPARE(rng.nextWord(), reference.nextWord());
}

void TestNumpyRandom::randintRejectsEmptyRange()
{
    attn::NumpyRandom rng(1);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rng.randint(3, 3));
}

void TestNumpyRandom::fillRandnMatchesRandn_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<bool>("startWithCachedValue");
    for (const int count : {0, 1, 2, 3, 7, 10000, 20001}) {
        QTest::addRow("%d fresh", count) << count << false;
        QTest::addRow("%d after an odd draw", count) << count << true;
    }
}

void TestNumpyRandom::fillRandnMatchesRandn()
{
    QFETCH(int, count);
    QFETCH(bool, startWithCachedValue);
    attn::NumpyRandom one(42), bulk(42);
    if (startWithCachedValue) {
        QCOMPARE(bulk.randn(), one.randn());
    }
    std::vector<double> values(static_cast<std::size_t>(count) + 1, -123.0);
    bulk.fillRandn(values.data(), static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i)
        QCOMPARE(values[std::size_t(i)], one.randn());
    QCOMPARE(values.back(), -123.0); // nothing written past the end
    // The generators stay in step, cached Gaussian included.
    for (int i = 0; i < 5; ++i)
        QCOMPARE(bulk.randn(), one.randn());
    QCOMPARE(bulk.nextWord(), one.nextWord());
}

QTEST_GUILESS_MAIN(TestNumpyRandom)
#include "tst_numpyrandom.moc"
