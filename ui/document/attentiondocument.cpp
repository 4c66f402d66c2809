#include "attentiondocument.h"
#include "ui/document/modelloader.h"
#include "ui/document/trainedpresets.h"
#include "ui/render/translatedmessage.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMetaObject>
#include <QUndoCommand>
#include <QUndoStack>

#include <new>
#include <vector>

namespace {

// The settings whose edits come as bursts (keystrokes, slider moves, spin
// box steps); a burst of one of them is one undo step.
enum class Continuous { None, Sentence, Temperature, WeightSeed, EmbeddingSeed, DModel, Heads };

struct Change
{
    QString text;
    Continuous kind = Continuous::None;
};

// Names an edit after the one setting it changes. Literal values that a
// seed or size change drops along with it do not count as a second setting.
Change describeChange(const attn::AttentionConfig& before, const attn::AttentionConfig& after)
{
    std::vector<Change> changes;
    const auto add = [&](bool changed, const char* text, Continuous kind) {
        if (changed)
            changes.push_back({QCoreApplication::translate("AttentionDocument", text), kind});
    };
    add(before.sentence != after.sentence, QT_TRANSLATE_NOOP("AttentionDocument", "Edit Sentence"),
        Continuous::Sentence);
    add(before.temperature != after.temperature, QT_TRANSLATE_NOOP("AttentionDocument", "Change Temperature"),
        Continuous::Temperature);
    add(before.weightSeed != after.weightSeed, QT_TRANSLATE_NOOP("AttentionDocument", "Change Weight Seed"),
        Continuous::WeightSeed);
    add(before.embeddingSeed != after.embeddingSeed, QT_TRANSLATE_NOOP("AttentionDocument", "Change Embedding Seed"),
        Continuous::EmbeddingSeed);
    add(before.dModel != after.dModel, QT_TRANSLATE_NOOP("AttentionDocument", "Change d_model"), Continuous::DModel);
    add(before.heads != after.heads, QT_TRANSLATE_NOOP("AttentionDocument", "Change Heads"), Continuous::Heads);
    add(before.init != after.init, QT_TRANSLATE_NOOP("AttentionDocument", "Change Weight Init"), Continuous::None);
    add(before.causal != after.causal, QT_TRANSLATE_NOOP("AttentionDocument", "Toggle Causal Mask"), Continuous::None);
    add(before.scaled != after.scaled, QT_TRANSLATE_NOOP("AttentionDocument", "Toggle Scaling"), Continuous::None);
    add(before.positional != after.positional, QT_TRANSLATE_NOOP("AttentionDocument", "Toggle Positional Encoding"),
        Continuous::None);
    if (changes.size() == 1)
        return changes.front();
    if (changes.empty())
        return {QCoreApplication::translate("AttentionDocument", "Edit Values"), Continuous::None};
    return {QCoreApplication::translate("AttentionDocument", "Change Settings"), Continuous::None};
}

// One undo step: the configuration before and after. Redo and undo go
// through setConfig(), so the worker, the error state and every view follow.
class ConfigCommand : public QUndoCommand
{
public:
    ConfigCommand(AttentionDocument* document, attn::AttentionConfig before, attn::AttentionConfig after,
                  const Change& change, std::uint64_t epoch, qint64 timeMs)
        : QUndoCommand(change.text)
        , m_document(document)
        , m_before(std::move(before))
        , m_after(std::move(after))
        , m_kind(change.kind)
        , m_epoch(epoch)
        , m_timeMs(timeMs)
    {
    }

    int id() const override { return m_kind == Continuous::None ? -1 : 1000 + static_cast<int>(m_kind); }

    bool mergeWith(const QUndoCommand* other) override
    {
        const auto* next = static_cast<const ConfigCommand*>(other);
        if (next->m_kind != m_kind || next->m_epoch != m_epoch || next->m_timeMs - m_timeMs > m_document->mergeWindow())
            return false;
        m_after = next->m_after;
        m_timeMs = next->m_timeMs; // the burst lasts while the edits keep coming
        setObsolete(m_after == m_before);
        return true;
    }

    void redo() override { m_document->setConfig(m_after); }
    void undo() override { m_document->setConfig(m_before); }

private:
    AttentionDocument* m_document;
    attn::AttentionConfig m_before;
    attn::AttentionConfig m_after;
    Continuous m_kind;
    std::uint64_t m_epoch;
    qint64 m_timeMs; // the burst's latest edit, on the document's clock
};

} // namespace

AttentionDocument::AttentionDocument(QObject* parent)
    : QObject(parent)
    , m_undoStack(new QUndoStack(this))
    , m_worker([this] { workerLoop(); })
{
    setClock({});
}

AttentionDocument::~AttentionDocument()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_pending.reset();
    }
    m_cancel = true;
    m_wake.notify_all();
    // A computation in flight stops at the engine's next cancel point, so
    // closing the window during long work does not wait for it. Its queued
    // delivery dies with this QObject.
    m_worker.join();
}

void AttentionDocument::setConfig(const attn::AttentionConfig& config)
{
    if (m_hasConfig && config == m_config)
        return;
    m_config = config;
    m_hasConfig = true;
    ++m_generation;
    updateModified();
    emit configChanged();

    try {
        attn::validateConfig(config);
    } catch (const attn::AttentionError& e) {
        // The request still supersedes any computation in flight: its result
        // would show settings the user has already left.
        {
            std::lock_guard lock(m_mutex);
            m_pending.reset();
        }
        setError(attn::ui::translatedMessage(e), e.kind());
        setBusy(false);
        return;
    }

    if (m_result && config == m_resultConfig) {
        // Back to what is on screen (say, after fixing an error): nothing to
        // compute, and whatever is in flight is for settings already left.
        {
            std::lock_guard lock(m_mutex);
            m_pending.reset();
        }
        setError(QString(), std::nullopt);
        setBusy(false);
        return;
    }

    enqueue(config);
}

void AttentionDocument::enqueue(const attn::AttentionConfig& config)
{
    {
        std::lock_guard lock(m_mutex);
        m_pending = Request{m_generation, config, m_result, m_resultConfig, m_shownLayer, m_shownHead};
    }
    m_wake.notify_one();
    setError(QString(), std::nullopt);
    setBusy(true);
}

void AttentionDocument::setShownHead(int layer, int head)
{
    if (layer == m_shownLayer && head == m_shownHead)
        return;
    m_shownLayer = std::max(0, layer);
    m_shownHead = std::max(0, head);
    if (!m_result || m_result->layers.empty() || m_config != m_resultConfig || !m_errorText.isEmpty())
        return; // the request in flight (or the next) keeps the new head's scores
    const attn::LayerResult& shown = m_result->layer(m_shownLayer);
    if (m_shownHead >= static_cast<int>(shown.heads.size()) ||
        shown.heads[static_cast<std::size_t>(m_shownHead)].hasScores())
        return;
    ++m_generation;
    enqueue(m_config);
}

void AttentionDocument::edit(const attn::AttentionConfig& config, const QString& text)
{
    if (m_hasConfig && config == m_config)
        return;
    Change change = describeChange(m_config, config);
    if (!text.isEmpty())
        change = {text, Continuous::None};
    m_undoStack->push(new ConfigCommand(this, m_config, config, change, m_mergeEpoch, m_clock()));
}

void AttentionDocument::setClock(Clock millisecondsNow)
{
    if (!millisecondsNow) {
        QElapsedTimer monotonic;
        monotonic.start();
        millisecondsNow = [monotonic] { return monotonic.elapsed(); };
    }
    m_clock = std::move(millisecondsNow);
}

void AttentionDocument::reset(const attn::AttentionConfig& config)
{
    ++m_mergeEpoch;
    m_undoStack->clear();
    m_savedConfig = config; // never modified on the way
    setConfig(config);
    markSaved();
}

void AttentionDocument::markSaved()
{
    ++m_mergeEpoch;
    m_undoStack->setClean();
    m_savedConfig = m_config;
    updateModified();
}

void AttentionDocument::updateModified()
{
    const bool modified = m_config != m_savedConfig;
    if (modified == m_modified)
        return;
    m_modified = modified;
    emit modifiedChanged(m_modified);
}

void AttentionDocument::workerLoop()
{
    for (;;) {
        Request request;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || m_pending.has_value(); });
            if (m_stopping)
                return;
            request = std::move(*m_pending);
            m_pending.reset();
        }

        std::shared_ptr<const attn::AttentionResult> result;
        QString error;
        std::optional<attn::AttentionError::Kind> errorKind;
        try {
            const attn::ScoresKept keep = attn::scoresToKeep(
                attn::countTokens(request.config.sentence, static_cast<std::size_t>(attn::Limits::maxTokens)),
                static_cast<std::uint64_t>(request.config.heads), request.shownLayer,
                std::min(request.shownHead, request.config.heads - 1));
            if (request.config.trainedModel)
                result = std::make_shared<const attn::AttentionResult>(
                    trainedModelResult(*request.config.trainedModel, request.shownLayer, request.config.sentence));
            else if (!request.config.trainedTask.empty())
                result = std::make_shared<const attn::AttentionResult>(trainedModelResult(
                    loadTrainedPreset(request.config.trainedTask), request.shownLayer, request.config.sentence));
            else if (!request.config.model.empty())
                result = std::make_shared<const attn::AttentionResult>(
                    computeModelResult(request.config, {.stageLayer = request.shownLayer,
                                                        .cancel = &m_cancel,
                                                        .reusable = true,
                                                        .previous = request.base.get()}));
            else if (request.base && attn::differsOnlyAfterScores(request.baseConfig, request.config))
                result = std::make_shared<const attn::AttentionResult>(
                    attn::recomputeAfterScores(*request.base, request.config, &m_cancel, keep));
            else
                result = std::make_shared<const attn::AttentionResult>(
                    attn::computeAttention(request.config, &m_cancel, keep));
        } catch (const attn::Cancelled&) {
            return; // only the destructor cancels
        } catch (const attn::AttentionError& e) {
            error = attn::ui::translatedMessage(e);
            errorKind = e.kind();
        } catch (const std::bad_alloc&) {
            error = attn::ui::translatedMessage(attn::outOfMemoryError()); // outside the engine
        } catch (const std::exception& e) {
            error = attn::ui::translatedMessage(e);
            if (error.isEmpty())
                error = QCoreApplication::translate("AttentionDocument", "The computation failed.");
        }
        request.base.reset(); // not kept alive while the worker waits

        QMetaObject::invokeMethod(
            this,
            [this, generation = request.generation, config = std::move(request.config), result = std::move(result),
             error, errorKind]() mutable { deliver(generation, config, std::move(result), error, errorKind); },
            Qt::QueuedConnection);
    }
}

void AttentionDocument::deliver(std::uint64_t generation, const attn::AttentionConfig& config,
                                std::shared_ptr<const attn::AttentionResult> result, const QString& error,
                                std::optional<attn::AttentionError::Kind> errorKind)
{
    if (generation != m_generation)
        return; // superseded; the newer request delivers (or errs) on its own
    setBusy(false);
    if (!result) {
        setError(error, errorKind);
        return;
    }
    m_result = std::move(result);
    m_resultConfig = config;
    setError(QString(), std::nullopt);
    emit resultChanged();
}

void AttentionDocument::setError(const QString& text, std::optional<attn::AttentionError::Kind> kind)
{
    m_errorKind = text.isEmpty() ? std::nullopt : kind;
    if (text == m_errorText)
        return;
    m_errorText = text;
    emit errorChanged(m_errorText);
}

void AttentionDocument::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    emit busyChanged(m_busy);
}
