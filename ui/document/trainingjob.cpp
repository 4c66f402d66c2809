#include "trainingjob.h"

#include "ui/render/translatedmessage.h"

#include <QMetaObject>

#include <chrono>
#include <exception>

namespace {

// The worker hands over a new picture of the training at most this often.
constexpr auto kPublishInterval = std::chrono::milliseconds(50);

} // namespace

TrainingJob::TrainingJob(QObject* parent)
    : QObject(parent)
{
}

TrainingJob::~TrainingJob()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
}

QString TrainingJob::reset(const attn::train::TrainOptions& options, std::uint64_t seed)
{
    std::unique_ptr<attn::train::Trainer> trainer;
    try {
        trainer = std::make_unique<attn::train::Trainer>(options, seed);
    } catch (const std::exception& e) {
        return attn::ui::translatedMessage(e);
    }
    const bool wasRunning = stopWorker();
    m_trainer = std::move(trainer);
    publish({});
    if (wasRunning)
        emit runningChanged(false);
    emit progressed();
    return {};
}

void TrainingJob::show(std::shared_ptr<const attn::train::TrainedModel> model)
{
    if (!model)
        return;
    const bool wasRunning = stopWorker();
    m_trainer.reset();
    auto progress = progressOf(std::move(model));
    progress->done = true;
    {
        std::lock_guard lock(m_mutex);
        m_progress = std::move(progress);
    }
    if (wasRunning)
        emit runningChanged(false);
    emit progressed();
}

bool TrainingJob::stopWorker()
{
    const bool wasRunning = m_running;
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
    m_running = false;
    m_snapshots.clear();
    m_failed = false;
    return wasRunning;
}

bool TrainingJob::canStep() const
{
    return m_trainer && !m_running && !m_failed && !m_trainer->done();
}

void TrainingJob::train()
{
    start(-1);
}

void TrainingJob::step()
{
    start(1);
}

void TrainingJob::pause()
{
    m_stop = true;
}

std::shared_ptr<const TrainingProgress> TrainingJob::progress() const
{
    std::lock_guard lock(m_mutex);
    return m_progress;
}

void TrainingJob::start(int steps)
{
    if (!canStep())
        return;
    if (m_thread.joinable())
        m_thread.join();
    m_stop = false;
    m_running = true;
    const std::uint64_t run = ++m_run;
    emit runningChanged(true);
    m_thread = std::thread([this, steps, run] {
        QString error;
        auto last = std::chrono::steady_clock::now();
        try {
            for (int taken = 0; (steps < 0 || taken < steps) && !m_stop && !m_trainer->done(); ++taken) {
                m_trainer->step();
                const auto now = std::chrono::steady_clock::now();
                if (now - last >= kPublishInterval) {
                    last = now;
                    publish({});
                    QMetaObject::invokeMethod(this, &TrainingJob::progressed, Qt::QueuedConnection);
                }
            }
        } catch (const std::exception& e) {
            error = attn::ui::translatedMessage(e);
        }
        publish(error);
        QMetaObject::invokeMethod(
            this, [this, run] { finished(run); }, Qt::QueuedConnection);
    });
}

void TrainingJob::finished(std::uint64_t run)
{
    if (run != m_run || !m_running)
        return; // a reset or a newer run took over
    if (m_thread.joinable())
        m_thread.join();
    m_running = false;
    const auto latest = progress();
    m_failed = !latest->error.isEmpty();
    emit progressed();
    emit runningChanged(false);
    if (m_failed)
        emit failed(latest->error);
}

std::shared_ptr<TrainingProgress> TrainingJob::progressOf(std::shared_ptr<const attn::train::TrainedModel> model)
{
    auto progress = std::make_shared<TrainingProgress>();
    const attn::train::Example example = attn::train::fixedExample(model->options);
    for (const int token : example.tokens)
        progress->exampleTokens.push_back(attn::train::tokenLabel(model->options, token));
    progress->attention = attn::train::attentionWeights(*model, example.tokens);
    progress->model = std::move(model);
    return progress;
}

void TrainingJob::publish(const QString& error)
{
    auto progress = progressOf(std::make_shared<const attn::train::TrainedModel>(m_trainer->model()));
    // Snapshots are only ever added: share the ones handed over before.
    const auto& taken = m_trainer->snapshots();
    for (std::size_t i = m_snapshots.size(); i < taken.size(); ++i)
        m_snapshots.push_back(std::make_shared<const attn::train::AttentionSnapshot>(taken[i]));
    progress->snapshots = m_snapshots;
    for (const attn::train::LayerParams& layer : m_trainer->gradients().layers)
        progress->gradients.push_back({layer.wQuery, layer.wKey, layer.wValue});
    progress->done = m_trainer->done();
    progress->error = error;
    std::lock_guard lock(m_mutex);
    m_progress = std::move(progress);
}
