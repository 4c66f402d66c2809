#include "ui/document/modelloader.h"

#include "core/gpt2error.h"
#include "core/safetensors.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <future>
#include <map>
#include <mutex>

namespace {

constexpr int kGpt2Vocabulary = 50257;

QByteArray resource(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool hasTokenizerFiles(const QString& folder)
{
    const auto has = [&](const char* name) {
        return QFileInfo::exists(folder + QLatin1Char('/') + QLatin1String(name));
    };
    return has("tokenizer.json") || (has("vocab.json") && has("merges.txt")) ||
           (has("encoder.json") && has("vocab.bpe"));
}

std::string notAFolder(const std::string& path)
{
    return QCoreApplication::translate("ModelLoader",
                                       "%1 is not a folder: open a model's folder (config.json and model.safetensors).")
        .arg(QString::fromStdString(path))
        .toStdString();
}

} // namespace

std::shared_ptr<const attn::Gpt2Bundle> loadGpt2Bundle(const std::string& folder)
{
    static std::mutex mutex;
    static std::map<std::string, std::weak_ptr<const attn::Gpt2Bundle>> cache;
    const QString path = QFileInfo(QString::fromStdString(folder)).absoluteFilePath();
    const std::string key = path.toStdString();
    {
        std::lock_guard lock(mutex);
        if (auto found = cache[key].lock())
            return found;
    }
    if (!QFileInfo(path).isDir())
        throw attn::Gpt2Error(notAFolder(key));
    // The tokenizer is read while the model is (each takes a good part of a
    // second for gpt2); which one depends on the configuration only.
    const attn::Gpt2Config config = attn::loadGpt2Config(key + "/config.json");
    auto reading = std::async(std::launch::async, [&] {
        if (hasTokenizerFiles(path) || config.vocabSize != kGpt2Vocabulary)
            return attn::Gpt2Tokenizer::fromFolder(key);
        const QByteArray vocab = resource(QStringLiteral(":/gpt2/encoder.json"));
        const QByteArray merges = resource(QStringLiteral(":/gpt2/vocab.bpe"));
        return attn::Gpt2Tokenizer::fromData(
            std::string_view(vocab.constData(), static_cast<std::size_t>(vocab.size())),
            std::string_view(merges.constData(), static_cast<std::size_t>(merges.size())), "GPT-2's encoder.json",
            "GPT-2's vocab.bpe");
    });
    attn::Gpt2Model model = attn::Gpt2Model::load(config, key + "/model.safetensors");
    attn::Gpt2Tokenizer tokenizer = reading.get();
    if (tokenizer.vocabularySize() > model.config().vocabSize)
        throw attn::Gpt2Error(
            QCoreApplication::translate("ModelLoader", "%1: the tokenizer has %2 tokens but the model only %3.")
                .arg(QString::fromStdString(key))
                .arg(tokenizer.vocabularySize())
                .arg(model.config().vocabSize)
                .toStdString());
    auto bundle =
        std::make_shared<const attn::Gpt2Bundle>(attn::Gpt2Bundle{key, std::move(model), std::move(tokenizer)});
    std::lock_guard lock(mutex);
    cache[key] = bundle;
    return bundle;
}

attn::AttentionConfig withModel(attn::AttentionConfig config, const std::string& folder)
{
    const QString path = QFileInfo(QString::fromStdString(folder)).absoluteFilePath();
    if (!QFileInfo(path).isDir())
        throw attn::Gpt2Error(notAFolder(folder));
    const attn::Gpt2Config shape = attn::loadGpt2Config((path + QStringLiteral("/config.json")).toStdString());
    config.model = path.toStdString();
    config.dModel = shape.nEmbd;
    config.heads = shape.nHead;
    config.causal = true;
    config.scaled = true;
    config.positional = true;
    config.temperature = 1.0;
    config.explicitEmbeddings.clear();
    config.wQuery.reset();
    config.wKey.reset();
    config.wValue.reset();
    return config;
}

attn::AttentionResult computeModelResult(const attn::AttentionConfig& config, const attn::Gpt2TextOptions& options)
{
    using Kind = attn::AttentionError::Kind;
    attn::validateConfig(config);
    std::shared_ptr<const attn::Gpt2Bundle> bundle;
    try {
        bundle = loadGpt2Bundle(config.model);
    } catch (const attn::SafetensorsError& e) {
        throw attn::AttentionError(Kind::Weights, e);
    } catch (const attn::Gpt2Error& e) {
        throw attn::AttentionError(Kind::Weights, e);
    }
    try {
        return attn::runGpt2Text(bundle, config.sentence, options).result;
    } catch (const attn::Gpt2Error& e) {
        throw attn::AttentionError(Kind::TooManyTokens, e);
    }
}
