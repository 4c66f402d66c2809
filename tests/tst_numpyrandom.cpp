// The generator against values NumPy's legacy RandomState printed
// (fixtures/make_fixtures.py wrote them).

#include "core/numpyrandom.h"

#include "testutil.h"

class TestNumpyRandom : public QObject
{
    Q_OBJECT

private slots:
    void draws_data();
    void draws();
    void standardMt19937Stream();
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
            QVERIFY2(value == expected[i].toDouble(),
                     qPrintable(QStringLiteral("%1[%2]: %3 != %4")
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
    const double drawn[] = {rng.rand(),  rng.rand(),  double(rng.randint(0, 3)), double(rng.randint(0, 3)),
                            double(rng.randint(0, 3)), rng.randn(), rng.randn(), rng.randn(), rng.rand()};
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
