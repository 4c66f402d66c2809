// The panel catalogue (core/panels.h): one row per panel in figure order,
// names that round-trip, and the matrix each panel reads from a result.

#include "core/panels.h"

#include <QtTest>

#include <string>
#include <vector>

using attn::PanelAxis;
using attn::PanelId;

class TestPanels : public QObject
{
    Q_OBJECT

private slots:
    void figureOrder();
    void namesRoundTrip();
    void unknownNames();
    void perHeadPanels();
    void axes();
    void editablePanels();
    void inputsOnlyWithPositionalEncoding();
    void matrixOfEachPanel();
    void matrixOfEachHead();
    void matrixOfEachLayer();
    void eachPanelLivesAtOneLevel();
    void givenMatrices();
};

void TestPanels::figureOrder()
{
    const std::vector<std::string> expected{"embeddings",    "positional", "inputs", "w_query", "w_key",
                                            "w_value",       "q",          "k",      "v",       "scores",
                                            "scaled_scores", "weights",    "output"};
    const auto catalogue = attn::panelCatalogue();
    QCOMPARE(catalogue.size(), expected.size());
    for (std::size_t i = 0; i < catalogue.size(); ++i) {
        QCOMPARE(std::string(catalogue[i].name), expected[i]);
        QCOMPARE(static_cast<std::size_t>(catalogue[i].id), i);
        QCOMPARE(&attn::panelInfo(catalogue[i].id), &catalogue[i]);
    }
    QCOMPARE(catalogue.front().id, PanelId::Embeddings);
    QCOMPARE(catalogue.back().id, PanelId::Output);
    QCOMPARE(std::string(attn::panelInfo(PanelId::WQuery).title), std::string("W_Q"));
    QCOMPARE(std::string(attn::panelInfo(PanelId::ScaledScores).title), std::string("scaled scores"));
}

void TestPanels::namesRoundTrip()
{
    for (const attn::PanelInfo& info : attn::panelCatalogue()) {
        const auto id = attn::panelFromName(info.name);
        QVERIFY2(id.has_value(), info.name.data());
        QCOMPARE(*id, info.id);
        QCOMPARE(attn::panelInfo(*id).name, info.name);
    }
}

void TestPanels::unknownNames()
{
    for (const char* name : {"", "E", "Embeddings", "scaled scores", "w_q", "weights ", "head"})
        QVERIFY2(!attn::panelFromName(name).has_value(), name);
}

void TestPanels::perHeadPanels()
{
    std::vector<PanelId> perHead;
    for (const attn::PanelInfo& info : attn::panelCatalogue()) {
        if (info.perHead)
            perHead.push_back(info.id);
    }
    QCOMPARE(perHead, (std::vector<PanelId>{PanelId::Scores, PanelId::ScaledScores, PanelId::Weights}));
}

void TestPanels::axes()
{
    // Rows: tokens except in the weight matrices; columns: tokens only in the
    // per-head n × n panels, where they are the keys.
    for (const attn::PanelInfo& info : attn::panelCatalogue()) {
        const bool weights = info.id == PanelId::WQuery || info.id == PanelId::WKey || info.id == PanelId::WValue;
        QCOMPARE(attn::isTokenAxis(info.rows), !weights);
        QCOMPARE(attn::isTokenAxis(info.columns), info.perHead);
        if (info.perHead) {
            QCOMPARE(info.rows, PanelAxis::Queries);
            QCOMPARE(info.columns, PanelAxis::Keys);
        }
    }
    QCOMPARE(attn::panelInfo(PanelId::K).rows, PanelAxis::Keys);
    QCOMPARE(attn::panelInfo(PanelId::V).rows, PanelAxis::Keys);
    QCOMPARE(attn::panelInfo(PanelId::Q).rows, PanelAxis::Queries);
    QCOMPARE(attn::panelInfo(PanelId::Output).rows, PanelAxis::Queries);
    QCOMPARE(attn::panelInfo(PanelId::Embeddings).rows, PanelAxis::Tokens);
    QCOMPARE(attn::panelInfo(PanelId::Embeddings).columns, PanelAxis::Model);
    QCOMPARE(attn::panelInfo(PanelId::Q).columns, PanelAxis::HeadSplit);
}

void TestPanels::editablePanels()
{
    std::vector<PanelId> editable;
    for (const attn::PanelInfo& info : attn::panelCatalogue()) {
        if (info.editable)
            editable.push_back(info.id);
    }
    QCOMPARE(editable, (std::vector<PanelId>{PanelId::Embeddings, PanelId::WQuery, PanelId::WKey, PanelId::WValue}));
}

void TestPanels::inputsOnlyWithPositionalEncoding()
{
    attn::AttentionConfig config;
    config.positional = false;
    for (const attn::PanelInfo& info : attn::panelCatalogue())
        QCOMPARE(attn::panelAvailable(config, info.id), info.id != PanelId::Inputs && info.id != PanelId::Positional);
    config.positional = true;
    for (const attn::PanelInfo& info : attn::panelCatalogue())
        QVERIFY(attn::panelAvailable(config, info.id));
}

void TestPanels::matrixOfEachPanel()
{
    attn::AttentionConfig config;
    config.positional = true;
    const attn::AttentionResult r = attn::computeAttention(config);
    QCOMPARE(&attn::panelMatrix(r, PanelId::Embeddings, 0, 0), &r.embeddings);
    QCOMPARE(&attn::panelMatrix(r, PanelId::Inputs, 0, 0), &r.inputs);
    QCOMPARE(&attn::panelMatrix(r, PanelId::WQuery, 0, 0), &r.layers[0].wQuery);
    QCOMPARE(&attn::panelMatrix(r, PanelId::WKey, 0, 0), &r.layers[0].wKey);
    QCOMPARE(&attn::panelMatrix(r, PanelId::WValue, 0, 0), &r.layers[0].wValue);
    QCOMPARE(&attn::panelMatrix(r, PanelId::Q, 0, 0), &r.layers[0].q);
    QCOMPARE(&attn::panelMatrix(r, PanelId::K, 0, 0), &r.layers[0].k);
    QCOMPARE(&attn::panelMatrix(r, PanelId::V, 0, 0), &r.layers[0].v);
    QCOMPARE(&attn::panelMatrix(r, PanelId::Scores, 0, 0), &r.layers[0].heads[0].scores);
    QCOMPARE(&attn::panelMatrix(r, PanelId::ScaledScores, 0, 0), &r.layers[0].heads[0].scaledScores);
    QCOMPARE(&attn::panelMatrix(r, PanelId::Weights, 0, 0), &r.layers[0].heads[0].weights);
    QCOMPARE(&attn::panelMatrix(r, PanelId::Output, 0, 0), &r.layers[0].output);
    // Panels of all heads ignore the head.
    QCOMPARE(&attn::panelMatrix(r, PanelId::Q, 0, 5), &r.layers[0].q);
}

void TestPanels::matrixOfEachHead()
{
    attn::AttentionConfig config;
    config.sentence = "the cat sat on the mat";
    config.dModel = 6;
    config.heads = 3;
    const attn::AttentionResult r = attn::computeAttention(config);
    QCOMPARE(r.layers[0].heads.size(), std::size_t(3));
    for (int h = 0; h < 3; ++h) {
        const auto& head = r.layers[0].heads[static_cast<std::size_t>(h)];
        QCOMPARE(&attn::panelMatrix(r, PanelId::Scores, 0, h), &head.scores);
        QCOMPARE(&attn::panelMatrix(r, PanelId::ScaledScores, 0, h), &head.scaledScores);
        QCOMPARE(&attn::panelMatrix(r, PanelId::Weights, 0, h), &head.weights);
        QCOMPARE(attn::panelMatrix(r, PanelId::Weights, 0, h).rows(), Eigen::Index(6));
    }
    // Out-of-range heads are clamped to the first and the last.
    QCOMPARE(&attn::panelMatrix(r, PanelId::Weights, 0, -1), &r.layers[0].heads[0].weights);
    QCOMPARE(&attn::panelMatrix(r, PanelId::Weights, 0, 7), &r.layers[0].heads[2].weights);
}

void TestPanels::matrixOfEachLayer()
{
    attn::AttentionConfig config;
    config.sentence = "the cat sat on the mat";
    config.dModel = 6;
    config.heads = 3;
    attn::AttentionResult r = attn::computeAttention(config);
    QCOMPARE(r.layers.size(), std::size_t(1));
    r.layers.push_back(r.layers.front()); // a second layer, for the catalogue's sake
    for (int l = 0; l < 2; ++l) {
        const attn::LayerResult& layer = r.layers[static_cast<std::size_t>(l)];
        QCOMPARE(&attn::panelMatrix(r, PanelId::WQuery, l, 0), &layer.wQuery);
        QCOMPARE(&attn::panelMatrix(r, PanelId::V, l, 2), &layer.v);
        QCOMPARE(&attn::panelMatrix(r, PanelId::Output, l, 1), &layer.output);
        QCOMPARE(&attn::panelMatrix(r, PanelId::Weights, l, 1), &layer.heads[1].weights);
        // E and X belong to no layer: every layer reads the result's.
        QCOMPARE(&attn::panelMatrix(r, PanelId::Embeddings, l, 0), &r.embeddings);
        QCOMPARE(&attn::panelMatrix(r, PanelId::Inputs, l, 0), &r.inputs);
    }
    // Out-of-range layers are clamped to the first and the last, as heads are.
    QCOMPARE(&attn::panelMatrix(r, PanelId::Q, -1, 0), &r.layers[0].q);
    QCOMPARE(&attn::panelMatrix(r, PanelId::Q, 2, 0), &r.layers[1].q);
    QCOMPARE(&attn::panelMatrix(r, PanelId::Scores, 7, 9), &r.layers[1].heads[2].scores);
    QCOMPARE(&attn::panelMatrix(r, PanelId::Scores, -3, -1), &r.layers[0].heads[0].scores);
}

void TestPanels::eachPanelLivesAtOneLevel()
{
    // E, PE and X are shared by the layers, the per-head panels are the
    // heads', everything else belongs to a layer.
    for (const attn::PanelInfo& info : attn::panelCatalogue()) {
        const bool shared =
            info.id == PanelId::Embeddings || info.id == PanelId::Positional || info.id == PanelId::Inputs;
        QCOMPARE(info.matrix != nullptr, shared);
        QCOMPARE(info.headMatrix != nullptr, info.perHead);
        QCOMPARE(info.layerMatrix != nullptr, !shared && !info.perHead);
    }
}

void TestPanels::givenMatrices()
{
    attn::AttentionConfig config;
    QCOMPARE(attn::givenMatrix(config, PanelId::WQuery), &config.wQuery);
    QCOMPARE(attn::givenMatrix(config, PanelId::WKey), &config.wKey);
    QCOMPARE(attn::givenMatrix(config, PanelId::WValue), &config.wValue);
    for (PanelId id : {PanelId::Embeddings, PanelId::Inputs, PanelId::Q, PanelId::Weights, PanelId::Output})
        QVERIFY(attn::givenMatrix(config, id) == nullptr);
    const attn::AttentionConfig& constant = config;
    QCOMPARE(attn::givenMatrix(constant, PanelId::WKey), &config.wKey);
}

QTEST_GUILESS_MAIN(TestPanels)
#include "tst_panels.moc"
