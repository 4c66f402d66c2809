#include "core/attention.h"
#include "core/configedits.h"
#include "core/panels.h"

#include <QtTest>

#include <limits>

// The window's configuration changes as plain functions: reseeding, applying
// imported word vectors and typing a number into a cell, each checked by
// computing the configuration it returns.
class TestConfigEdits : public QObject
{
    Q_OBJECT

private slots:
    void reseedingWeightsKeepsTheEmbeddings();
    void reseedingEmbeddingsKeepsTheWeights();
    void importSetsDModelAndDropsMisfits_data();
    void importSetsDModelAndDropsMisfits();
    void anEmbeddingEditChangesTheWordEverywhere();
    void aWeightEditStartsFromTheDrawnMatrix();
    void editsBuildOnTheNewestRequestOnlyWhenItDrawsTheSameNumbers();
    void computedPanelsCannotBeEdited();
    void cellsOutsideOrValuesNotFiniteChangeNothing_data();
    void cellsOutsideOrValuesNotFiniteChangeNothing();

private:
    static attn::AttentionConfig sample();
};

attn::AttentionConfig TestConfigEdits::sample()
{
    attn::AttentionConfig config;
    config.sentence = "the cat saw the dog";
    config.dModel = 4;
    config.heads = 2;
    return config;
}

void TestConfigEdits::reseedingWeightsKeepsTheEmbeddings()
{
    attn::AttentionConfig config = sample();
    config.wKey = attn::Matrix::Constant(4, 4, 2.0);
    config.explicitEmbeddings["cat"] = {1, 2, 3, 4};
    const attn::AttentionResult before = attn::computeAttention(config);

    const attn::AttentionConfig reseeded = attn::withWeightsReseeded(config, 7);
    QCOMPARE(reseeded.weightSeed, std::int64_t(7));
    QVERIFY(!reseeded.wQuery && !reseeded.wKey && !reseeded.wValue);
    const attn::AttentionResult after = attn::computeAttention(reseeded);
    QCOMPARE(after.embeddings, before.embeddings);
    QVERIFY(after.layers[0].wKey != before.layers[0].wKey);
}

void TestConfigEdits::reseedingEmbeddingsKeepsTheWeights()
{
    attn::AttentionConfig config = sample();
    config.explicitEmbeddings["cat"] = {1, 2, 3, 4};
    config.wValue = attn::Matrix::Identity(4, 4);
    const attn::AttentionResult before = attn::computeAttention(config);

    const attn::AttentionConfig reseeded = attn::withEmbeddingsReseeded(config, 9);
    QCOMPARE(reseeded.embeddingSeed, std::int64_t(9));
    QVERIFY(reseeded.explicitEmbeddings.empty());
    const attn::AttentionResult after = attn::computeAttention(reseeded);
    QCOMPARE(after.layers[0].wValue, before.layers[0].wValue);
    QCOMPARE(after.layers[0].wQuery, before.layers[0].wQuery);
    QVERIFY(after.embeddings != before.embeddings);
}

void TestConfigEdits::importSetsDModelAndDropsMisfits_data()
{
    QTest::addColumn<int>("dimension");
    QTest::addColumn<int>("heads");
    QTest::addColumn<bool>("headsReset");
    QTest::addColumn<bool>("literalKept");
    QTest::addRow("same size") << 4 << 2 << false << true;
    QTest::addRow("heads still divide") << 6 << 2 << false << false;
    QTest::addRow("heads no longer divide") << 5 << 1 << true << false;
}

void TestConfigEdits::importSetsDModelAndDropsMisfits()
{
    QFETCH(int, dimension);
    QFETCH(int, heads);
    QFETCH(bool, headsReset);
    QFETCH(bool, literalKept);
    attn::AttentionConfig config = sample();
    config.wQuery = attn::Matrix::Constant(4, 4, 0.5);
    config.explicitEmbeddings["old"] = {9, 9, 9, 9};
    const std::map<std::string, std::vector<double>> vectors = {{"cat", std::vector<double>(dimension, 0.25)}};

    const attn::ImportApplied applied = attn::withImportedEmbeddings(config, dimension, vectors);
    QCOMPARE(applied.config.dModel, dimension);
    QCOMPARE(applied.config.heads, heads);
    QCOMPARE(applied.headsReset, headsReset);
    QCOMPARE(applied.config.wQuery.has_value(), literalKept);
    QCOMPARE(applied.config.explicitEmbeddings, vectors); // earlier literal vectors are replaced
    const attn::AttentionResult result = attn::computeAttention(applied.config);
    QCOMPARE(result.embeddings(1, dimension - 1), 0.25); // "cat"
    QCOMPARE(result.wordIsExplicit, (std::vector<bool>{false, true, false, false}));
}

void TestConfigEdits::anEmbeddingEditChangesTheWordEverywhere()
{
    const attn::AttentionConfig config = sample();
    const attn::AttentionResult shown = attn::computeAttention(config);
    // Row 3 is the second "the".
    const auto edit = attn::withCellEdited(config, config, shown, attn::PanelId::Embeddings, 3, 2, 5.5);
    QVERIFY(edit);
    QCOMPARE(edit->word, std::string("the"));
    const attn::AttentionResult after = attn::computeAttention(edit->config);
    QCOMPARE(after.embeddings(0, 2), 5.5);
    QCOMPARE(after.embeddings(3, 2), 5.5);
    QCOMPARE(after.embeddings(0, 1), shown.embeddings(0, 1));
    QCOMPARE(after.embeddings.row(1), shown.embeddings.row(1));

    // A second edit of the same word keeps the first.
    const auto second = attn::withCellEdited(edit->config, edit->config, after, attn::PanelId::Embeddings, 0, 0, -1.0);
    QVERIFY(second);
    QCOMPARE(second->config.explicitEmbeddings.at("the")[2], 5.5);
    QCOMPARE(second->config.explicitEmbeddings.at("the")[0], -1.0);
}

void TestConfigEdits::aWeightEditStartsFromTheDrawnMatrix()
{
    const attn::AttentionConfig config = sample();
    const attn::AttentionResult shown = attn::computeAttention(config);
    for (const auto& [matrix, drawn] : {std::pair{attn::PanelId::WQuery, &shown.layers[0].wQuery},
                                        std::pair{attn::PanelId::WKey, &shown.layers[0].wKey},
                                        std::pair{attn::PanelId::WValue, &shown.layers[0].wValue}}) {
        const auto edit = attn::withCellEdited(config, config, shown, matrix, 1, 3, 42.0);
        QVERIFY(edit);
        QVERIFY(edit->word.empty());
        const attn::AttentionResult after = attn::computeAttention(edit->config);
        const attn::Matrix& now = matrix == attn::PanelId::WQuery ? after.layers[0].wQuery
                                  : matrix == attn::PanelId::WKey ? after.layers[0].wKey
                                                                  : after.layers[0].wValue;
        attn::Matrix expected = *drawn;
        expected(1, 3) = 42.0;
        QCOMPARE(now, expected);
    }
}

void TestConfigEdits::editsBuildOnTheNewestRequestOnlyWhenItDrawsTheSameNumbers()
{
    const attn::AttentionConfig shownConfig = sample();
    const attn::AttentionResult shown = attn::computeAttention(shownConfig);

    attn::AttentionConfig warmer = shownConfig; // still computing: same draws
    warmer.temperature = 2.0;
    auto edit = attn::withCellEdited(warmer, shownConfig, shown, attn::PanelId::WKey, 0, 0, 1.0);
    QVERIFY(edit);
    QCOMPARE(edit->config.temperature, 2.0);

    attn::AttentionConfig reseeded = shownConfig; // other draws: the cell on screen is not its cell
    reseeded.weightSeed = 1234;
    edit = attn::withCellEdited(reseeded, shownConfig, shown, attn::PanelId::WKey, 0, 0, 1.0);
    QVERIFY(edit);
    QCOMPARE(edit->config.weightSeed, shownConfig.weightSeed);
}

void TestConfigEdits::computedPanelsCannotBeEdited()
{
    const attn::AttentionConfig config = sample();
    const attn::AttentionResult shown = attn::computeAttention(config);
    for (const attn::PanelId panel : {attn::PanelId::Q, attn::PanelId::Scores, attn::PanelId::Weights,
                                      attn::PanelId::Output, attn::PanelId::Inputs})
        QVERIFY(!attn::withCellEdited(config, config, shown, panel, 0, 0, 1.0));
}

void TestConfigEdits::cellsOutsideOrValuesNotFiniteChangeNothing_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<double>("value");
    QTest::addRow("row below") << 5 << 0 << 1.0;
    QTest::addRow("negative column") << 0 << -1 << 1.0;
    QTest::addRow("column past d_model") << 0 << 4 << 1.0;
    QTest::addRow("infinity") << 0 << 0 << std::numeric_limits<double>::infinity();
    QTest::addRow("nan") << 0 << 0 << std::numeric_limits<double>::quiet_NaN();
}

void TestConfigEdits::cellsOutsideOrValuesNotFiniteChangeNothing()
{
    QFETCH(int, row);
    QFETCH(int, column);
    QFETCH(double, value);
    const attn::AttentionConfig config = sample();
    const attn::AttentionResult shown = attn::computeAttention(config);
    QVERIFY(!attn::withCellEdited(config, config, shown, attn::PanelId::Embeddings, row, column, value));
    QVERIFY(!attn::withCellEdited(config, config, shown, attn::PanelId::WValue, row, column, value));
}

QTEST_GUILESS_MAIN(TestConfigEdits)
#include "tst_configedits.moc"
