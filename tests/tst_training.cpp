// Training small attention models (core/train/): the hand-written gradient
// against PyTorch autograd (tests/train_reference.py) and against central
// finite differences for every task; the trained outcomes of the previous
// and induction tasks measured on sequences this test draws itself;
// reproducibility, option validation, the conversion to AttentionResult and
// the model files.

#include "core/train/model.h"
#include "core/train/modelfile.h"
#include "core/train/training.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <chrono>
#include <cmath>
#include <cstring>
#include <map>
#include <random>

using namespace attn;
using namespace attn::train;

namespace {

// A model with every parameter random and away from zero (biases included),
// and a batch of the task's sequences.
struct GradientCase
{
    QString label;
    TrainOptions options;
    ModelShape shape;
    ModelParams params;
    std::vector<Example> batch;
};

GradientCase makeCase(const QString& label, TrainOptions o, std::uint64_t seed)
{
    GradientCase c;
    c.label = label;
    c.options = o;
    c.shape = shapeFor(o);
    std::mt19937_64 gen(seed);
    std::uniform_real_distribution<double> uniform(-1.0, 1.0);
    Rng init(seed, 11);
    c.params = initParams(c.shape, init);
    c.params.forEach([&](const std::string&, Matrix& m) {
        for (Eigen::Index i = 0; i < m.size(); ++i)
            m.data()[i] += 0.3 * uniform(gen);
    });
    Rng data(seed, 12);
    for (int i = 0; i < 3; ++i)
        c.batch.push_back(generateExample(o, data));
    return c;
}

std::vector<GradientCase> gradientCases()
{
    std::vector<GradientCase> cases;
    const auto small = [](const std::string& task, int layers, int heads, int d, int vocab, int length, bool mlp) {
        TrainOptions o = defaultOptions(task);
        o.layers = layers;
        o.heads = heads;
        o.dModel = d;
        o.vocab = vocab;
        o.length = length;
        o.mlp = mlp;
        o.mlpWidth = mlp ? 10 : 0;
        return o;
    };
    cases.push_back(makeCase("previous", small("previous", 1, 2, 8, 6, 6, false), 101));
    cases.push_back(makeCase("previous, 2 layers, MLP", small("previous", 2, 2, 8, 6, 6, true), 102));
    cases.push_back(makeCase("reverse (not causal)", small("reverse", 1, 2, 8, 6, 7, false), 103));
    cases.push_back(makeCase("reverse, 2 layers, MLP", small("reverse", 2, 4, 8, 5, 6, true), 104));
    cases.push_back(makeCase("sort", small("sort", 1, 2, 6, 7, 7, false), 105));
    cases.push_back(makeCase("sort, MLP", small("sort", 2, 3, 6, 7, 7, true), 106));
    cases.push_back(makeCase("induction", small("induction", 2, 2, 8, 8, 10, false), 107));
    cases.push_back(makeCase("induction, MLP", small("induction", 2, 1, 6, 6, 8, true), 108));
    return cases;
}

QJsonArray matrixJson(const Matrix& m)
{
    QJsonArray rows;
    for (Eigen::Index r = 0; r < m.rows(); ++r) {
        QJsonArray row;
        for (Eigen::Index c = 0; c < m.cols(); ++c)
            row.append(m(r, c));
        rows.append(row);
    }
    return rows;
}

QJsonArray intsJson(const std::vector<int>& v)
{
    QJsonArray a;
    for (int x : v)
        a.append(x);
    return a;
}

double batchLoss(const GradientCase& c, const ModelParams& params)
{
    const LossStats s = batchLossAndGradient(c.shape, params, c.batch, nullptr);
    return s.lossSum / s.scored;
}

// Largest |a - b| / max(|b|, floor) over a parameter, where floor is a
// small fraction of the largest reference entry of all parameters: entries
// far below the gradient's scale cannot carry 1e-8 relative accuracy through
// any reference's rounding.
struct Deviation
{
    double worst = 0;
    std::string where;
};

void compareGradients(const GradientCase& c, const ModelParams& ours, const std::map<std::string, Matrix>& ref,
                      double floorFraction, Deviation& dev)
{
    double scale = 0;
    for (const auto& [name, m] : ref)
        scale = std::max(scale, m.cwiseAbs().maxCoeff());
    const double floor = floorFraction * scale;
    ours.forEach([&](const std::string& name, const Matrix& g) {
        const auto it = ref.find(name);
        QVERIFY2(it != ref.end(), name.c_str());
        QCOMPARE(it->second.rows(), g.rows());
        QCOMPARE(it->second.cols(), g.cols());
        for (Eigen::Index i = 0; i < g.size(); ++i) {
            const double r = it->second.data()[i];
            const double e = std::abs(g.data()[i] - r) / std::max(std::abs(r), floor);
            if (e > dev.worst) {
                dev.worst = e;
                dev.where = c.label.toStdString() + " " + name + "[" + std::to_string(i) + "] ours " +
                            std::to_string(g.data()[i]) + " reference " + std::to_string(r) + " scale " +
                            std::to_string(scale);
            }
        }
    });
}

// One task's held-out sequences, drawn by this test with its own generator
// rather than the trainer's.
std::vector<int> randomTokens(std::mt19937& gen, int n, int vocab)
{
    std::uniform_int_distribution<int> pick(0, vocab - 1);
    std::vector<int> t(static_cast<std::size_t>(n));
    for (int& x : t)
        x = pick(gen);
    return t;
}

struct InductionSequence
{
    std::vector<int> tokens;
    int repeatStart = 0; // first position of the second copy
    int run = 0;
};

// Filler, a run of distinct tokens, the run again.
InductionSequence inductionSequence(std::mt19937& gen, int n, int vocab, int run)
{
    std::vector<int> perm(static_cast<std::size_t>(vocab));
    for (int i = 0; i < vocab; ++i)
        perm[static_cast<std::size_t>(i)] = i;
    std::shuffle(perm.begin(), perm.end(), gen);
    InductionSequence s;
    s.run = run;
    const int prefix = n - 2 * run;
    std::uniform_int_distribution<int> other(run, vocab - 1);
    for (int i = 0; i < prefix; ++i)
        s.tokens.push_back(perm[static_cast<std::size_t>(other(gen))]);
    for (int copy = 0; copy < 2; ++copy)
        for (int i = 0; i < run; ++i)
            s.tokens.push_back(perm[static_cast<std::size_t>(i)]);
    s.repeatStart = prefix + run;
    return s;
}

bool bitwiseEqual(const Matrix& a, const Matrix& b)
{
    return a.rows() == b.rows() && a.cols() == b.cols() &&
           std::memcmp(a.data(), b.data(), sizeof(double) * static_cast<std::size_t>(a.size())) == 0;
}

bool bitwiseEqual(const ModelParams& a, const ModelParams& b)
{
    std::vector<const Matrix*> other;
    b.forEach([&](const std::string&, const Matrix& m) { other.push_back(&m); });
    std::size_t i = 0;
    bool same = true;
    a.forEach(
        [&](const std::string&, const Matrix& m) { same = same && i < other.size() && bitwiseEqual(m, *other[i++]); });
    return same && i == other.size();
}

bool bitwiseEqual(const std::vector<double>& a, const std::vector<double>& b)
{
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), sizeof(double) * a.size()) == 0;
}

double seconds(std::chrono::steady_clock::time_point since)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

} // namespace

class TestTraining : public QObject
{
    Q_OBJECT

private slots:
    void gradientsMatchPyTorch();
    void gradientsMatchFiniteDifferences();
};

void TestTraining::gradientsMatchPyTorch()
{
    const std::vector<GradientCase> cases = gradientCases();
    QJsonArray input;
    std::vector<ModelParams> ours;
    std::vector<double> ourLoss;
    for (const GradientCase& c : cases) {
        QJsonObject shape{{"vocab", c.shape.vocab}, {"length", c.shape.length}, {"d_model", c.shape.dModel},
                          {"heads", c.shape.heads}, {"layers", c.shape.layers}, {"causal", c.shape.causal},
                          {"mlp", c.shape.mlp}};
        QJsonObject weights;
        c.params.forEach([&](const std::string& name, const Matrix& m) {
            weights.insert(QString::fromStdString(name), matrixJson(m));
        });
        QJsonArray batch;
        for (const Example& e : c.batch)
            batch.append(QJsonObject{{"tokens", intsJson(e.tokens)}, {"targets", intsJson(e.targets)}});
        input.append(QJsonObject{{"shape", shape}, {"weights", weights}, {"batch", batch}});
        ModelParams grad;
        const LossStats s = batchLossAndGradient(c.shape, c.params, c.batch, &grad);
        ours.push_back(std::move(grad));
        ourLoss.push_back(s.lossSum / s.scored);
    }
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("cases.json");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(input).toJson(QJsonDocument::Compact));
    file.close();

    QProcess python;
    python.start(QStringLiteral(AV_PYTHON), {QStringLiteral(AV_TRAIN_REFERENCE), path});
    QVERIFY2(python.waitForFinished(120000), "the PyTorch reference did not finish");
    QVERIFY2(python.exitStatus() == QProcess::NormalExit && python.exitCode() == 0,
             python.readAllStandardError().constData());
    const QJsonArray results = QJsonDocument::fromJson(python.readAllStandardOutput()).array();
    QCOMPARE(results.size(), static_cast<qsizetype>(cases.size()));

    Deviation dev;
    double worstLoss = 0;
    for (std::size_t k = 0; k < cases.size(); ++k) {
        const QJsonObject r = results[static_cast<qsizetype>(k)].toObject();
        const double torchLoss = r["loss"].toDouble();
        worstLoss = std::max(worstLoss, std::abs(ourLoss[k] - torchLoss) / std::abs(torchLoss));
        std::map<std::string, Matrix> ref;
        const QJsonObject grads = r["grads"].toObject();
        for (auto it = grads.begin(); it != grads.end(); ++it) {
            const QJsonArray rows = it.value().toArray();
            Matrix m(rows.size(), rows.isEmpty() ? 0 : rows[0].toArray().size());
            for (Eigen::Index i = 0; i < m.rows(); ++i)
                for (Eigen::Index j = 0; j < m.cols(); ++j)
                    m(i, j) = rows[i].toArray()[j].toDouble();
            ref[it.key().toStdString()] = m;
        }
        QCOMPARE(ref.size(), static_cast<std::size_t>([&] {
                     int n = 0;
                     ours[k].forEach([&](const std::string&, const Matrix&) { ++n; });
                     return n;
                 }()));
        compareGradients(cases[k], ours[k], ref, 1e-6, dev);
    }
    qInfo("PyTorch: worst relative loss difference %.3g, worst relative gradient difference %.3g (%s)", worstLoss,
          dev.worst, dev.where.c_str());
    QVERIFY2(worstLoss <= 1e-12, "the loss differs from PyTorch's");
    QVERIFY2(dev.worst <= 1e-8, dev.where.c_str());
}

void TestTraining::gradientsMatchFiniteDifferences()
{
    // Fourth-order central differences: (8 (f(+h) - f(-h)) - (f(+2h) - f(-2h))) / 12h.
    const double h = 1e-3;
    Deviation dev;
    for (const GradientCase& c : gradientCases()) {
        ModelParams grad;
        batchLossAndGradient(c.shape, c.params, c.batch, &grad);
        std::map<std::string, Matrix> numeric;
        ModelParams probe = c.params;
        probe.forEach([&](const std::string& name, Matrix& m) {
            Matrix fd(m.rows(), m.cols());
            for (Eigen::Index i = 0; i < m.size(); ++i) {
                const double saved = m.data()[i];
                const auto at = [&](double offset) {
                    m.data()[i] = saved + offset;
                    return batchLoss(c, probe);
                };
                const double d1 = at(h) - at(-h);
                const double d2 = at(2 * h) - at(-2 * h);
                m.data()[i] = saved;
                fd.data()[i] = (8 * d1 - d2) / (12 * h);
            }
            numeric[name] = fd;
        });
        compareGradients(c, grad, numeric, 1e-3, dev);
    }
    qInfo("finite differences: worst relative gradient difference %.3g (%s)", dev.worst, dev.where.c_str());
    QVERIFY2(dev.worst <= 1e-8, dev.where.c_str());
}

QTEST_GUILESS_MAIN(TestTraining)
#include "tst_training.moc"
