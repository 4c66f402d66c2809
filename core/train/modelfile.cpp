#include "modelfile.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace attn::train {

namespace {

constexpr const char* kFormat = "attention-visualizer-trained-model";
constexpr int kVersion = 1;

using Json = nlohmann::ordered_json;

Json matrixToJson(const Matrix& m)
{
    Json rows = Json::array();
    for (Eigen::Index r = 0; r < m.rows(); ++r) {
        Json row = Json::array();
        for (Eigen::Index c = 0; c < m.cols(); ++c)
            row.push_back(m(r, c));
        rows.push_back(std::move(row));
    }
    return rows;
}

TrainingError fileError(const std::string& message)
{
    return TrainingError(TrainingError::Kind::File, message);
}

// A model file refused in a whole sentence, translated in the context "TrainingError".
template <typename... Args> TrainingError fileError(const char* sentence, Args&&... args)
{
    return TrainingError(TrainingError::Kind::File,
                         makeMessage("TrainingError", sentence, std::forward<Args>(args)...));
}

void matrixFromJson(const Json& j, Matrix& m, const std::string& name)
{
    if (!j.is_array() || static_cast<Eigen::Index>(j.size()) != m.rows())
        throw fileError(QT_TRANSLATE_NOOP("TrainingError", "The weights \"%1\" should have %2 rows."), name, m.rows());
    for (Eigen::Index r = 0; r < m.rows(); ++r) {
        const Json& row = j[static_cast<std::size_t>(r)];
        if (!row.is_array() || static_cast<Eigen::Index>(row.size()) != m.cols())
            throw fileError(QT_TRANSLATE_NOOP("TrainingError", "The weights \"%1\" should have %2 columns."), name,
                            m.cols());
        for (Eigen::Index c = 0; c < m.cols(); ++c) {
            const Json& v = row[static_cast<std::size_t>(c)];
            if (!v.is_number())
                throw fileError(
                    QT_TRANSLATE_NOOP("TrainingError", "The weights \"%1\" hold something that is not a number."),
                    name);
            m(r, c) = v.get<double>();
        }
    }
}

std::vector<double> seriesFromJson(const Json& j, const char* name, int steps)
{
    if (!j.is_array() || static_cast<int>(j.size()) != steps)
        throw fileError(QT_TRANSLATE_NOOP("TrainingError", "The model file's \"%1\" should list one number per step."),
                        name);
    std::vector<double> out;
    for (const Json& v : j) {
        if (!v.is_number())
            throw fileError(
                QT_TRANSLATE_NOOP("TrainingError", "The model file's \"%1\" holds something that is not a number."),
                name);
        out.push_back(v.get<double>());
    }
    return out;
}

} // namespace

std::string toJson(const TrainedModel& model)
{
    const TrainOptions& o = model.options;
    Json j;
    j["format"] = kFormat;
    j["version"] = kVersion;
    j["task"] = o.task;
    j["seed"] = model.seed;
    j["steps"] = model.steps;
    j["options"] = {{"layers", o.layers},
                    {"heads", o.heads},
                    {"d_model", o.dModel},
                    {"vocab", o.vocab},
                    {"length", o.length},
                    {"steps", o.steps},
                    {"learning_rate", o.learningRate},
                    {"batch", o.batch},
                    {"mlp", o.mlp},
                    {"mlp_width", o.mlpWidth},
                    {"snapshot_every", o.snapshotEvery},
                    {"beta1", o.beta1},
                    {"beta2", o.beta2},
                    {"epsilon", o.epsilon}};
    Json weights = Json::object();
    model.params.forEach([&](const std::string& name, const Matrix& m) { weights[name] = matrixToJson(m); });
    j["weights"] = std::move(weights);
    j["loss"] = model.loss;
    j["accuracy"] = model.accuracy;
    // One weight row or history per line would be long; a compact dump keeps
    // the shipped files small. A final newline keeps the text tools happy.
    return j.dump() + "\n";
}

TrainedModel fromJson(const std::string& text)
{
    Json j;
    try {
        j = Json::parse(text);
    } catch (const nlohmann::json::exception&) {
        throw fileError(QT_TRANSLATE_NOOP("TrainingError", "The model file is not valid JSON."));
    }
    try {
        if (!j.is_object() || j.value("format", "") != kFormat)
            throw fileError(QT_TRANSLATE_NOOP("TrainingError", "This is not a trained attention model file."));
        if (j.value("version", 0) != kVersion)
            throw fileError(
                QT_TRANSLATE_NOOP("TrainingError", "The model file has version %1; this program reads version 1."),
                j.value("version", Json(0)).dump());
        TrainedModel m;
        const Json& o = j.at("options");
        m.options.task = j.at("task").get<std::string>();
        m.options.layers = o.at("layers").get<int>();
        m.options.heads = o.at("heads").get<int>();
        m.options.dModel = o.at("d_model").get<int>();
        m.options.vocab = o.at("vocab").get<int>();
        m.options.length = o.at("length").get<int>();
        m.options.steps = o.at("steps").get<int>();
        m.options.learningRate = o.at("learning_rate").get<double>();
        m.options.batch = o.at("batch").get<int>();
        m.options.mlp = o.at("mlp").get<bool>();
        m.options.mlpWidth = o.at("mlp_width").get<int>();
        m.options.snapshotEvery = o.at("snapshot_every").get<int>();
        m.options.beta1 = o.at("beta1").get<double>();
        m.options.beta2 = o.at("beta2").get<double>();
        m.options.epsilon = o.at("epsilon").get<double>();
        validateOptions(m.options);
        m.seed = j.at("seed").get<std::uint64_t>();
        m.steps = j.at("steps").get<int>();
        if (m.steps < 0 || m.steps > m.options.steps)
            throw fileError(
                QT_TRANSLATE_NOOP("TrainingError", "The model file's step count lies outside its options' steps."));
        m.shape = shapeFor(m.options);
        m.params = zeroParams(m.shape);
        const Json& weights = j.at("weights");
        m.params.forEach([&](const std::string& name, Matrix& w) {
            if (!weights.contains(name))
                throw fileError(QT_TRANSLATE_NOOP("TrainingError", "The model file lacks the weights \"%1\"."), name);
            matrixFromJson(weights.at(name), w, name);
        });
        m.loss = seriesFromJson(j.at("loss"), "loss", m.steps);
        m.accuracy = seriesFromJson(j.at("accuracy"), "accuracy", m.steps);
        return m;
    } catch (const nlohmann::json::exception&) {
        throw fileError(
            QT_TRANSLATE_NOOP("TrainingError", "The model file lacks a setting or holds one of the wrong type."));
    } catch (const TrainingError& e) {
        if (e.kind() == TrainingError::Kind::File)
            throw;
        throw fileError(std::string("The model file's options are not valid: ") + e.what());
    }
}

void saveModel(const TrainedModel& model, const std::string& path)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << toJson(model);
    out.close();
    if (!out)
        throw fileError(QT_TRANSLATE_NOOP("TrainingError", "Could not write the model file %1."), path);
}

TrainedModel loadModel(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw fileError(QT_TRANSLATE_NOOP("TrainingError", "Could not open the model file %1."), path);
    std::ostringstream text;
    text << in.rdbuf();
    return fromJson(text.str());
}

} // namespace attn::train
