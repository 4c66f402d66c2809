#pragma once

// Training a small model (core/train/) in the window: the trainer steps on a
// worker thread of its own, and what the window shows of it (the curves, the
// example's attention now and at each snapshot, the last step's gradients)
// comes back as immutable TrainingProgress values, at most about twenty a
// second while it runs. The GUI thread only starts, pauses and reads.
//
//   TrainingJob job;
//   job.reset(attn::train::defaultOptions("previous"), 1); // step 0
//   job.train();                                           // until done or pause()
//   connect(&job, &TrainingJob::progressed, [&] { show(*job.progress()); });

#include "core/train/training.h"

#include <QObject>
#include <QString>

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

struct TrainingProgress
{
    // The model as trained so far: options, seed, steps, weights, the loss
    // and accuracy of every step.
    std::shared_ptr<const attn::train::TrainedModel> model;
    // The task's fixed example, its tokens written as the task writes them.
    std::vector<std::string> exampleTokens;
    // The example's attention now: [layer][head], each n x n.
    std::vector<std::vector<attn::Matrix>> attention;
    // Earlier attention of the example, every options.snapshotEvery steps,
    // shared between the progress values (a long training has thousands).
    std::vector<std::shared_ptr<const attn::train::AttentionSnapshot>> snapshots;
    // dL/dW_Q, dL/dW_K, dL/dW_V of each layer on the last step's batch.
    std::vector<std::array<attn::Matrix, 3>> gradients;
    bool done = false; // every step taken
    QString error;     // why training stopped early (divergence), else empty

    int step() const { return model ? model->steps : 0; }
};

class TrainingJob : public QObject
{
    Q_OBJECT

public:
    explicit TrainingJob(QObject* parent = nullptr);
    ~TrainingJob() override; // stops the worker and waits for its step

    // A new model from the options and seed, at step 0 (a running training
    // stops first). Returns the sentence saying which setting the task
    // cannot take, and then keeps the model it had.
    QString reset(const attn::train::TrainOptions& options, std::uint64_t seed);
    // A model trained before (a session's): its curve and the example's
    // attention, to look at, not to train on (a running training stops first).
    void show(std::shared_ptr<const attn::train::TrainedModel> model);
    // Steps until every step is taken or pause(); step() takes one. Both do
    // nothing while running, before reset, once done or after a failure.
    void train();
    void step();
    void pause();

    bool isRunning() const { return m_running; }
    bool canStep() const;
    // Never null after a successful reset().
    std::shared_ptr<const TrainingProgress> progress() const;

signals:
    void progressed();
    void runningChanged(bool running);
    void failed(const QString& message);

private:
    void start(int steps);
    // Stops and joins the worker and forgets the trainer's snapshots and
    // failure, for a new model; true when it was running.
    bool stopWorker();
    void finished(std::uint64_t run);
    // On the worker (or the GUI thread while nothing runs): a new progress
    // value from the trainer.
    void publish(const QString& error);
    static std::shared_ptr<TrainingProgress> progressOf(std::shared_ptr<const attn::train::TrainedModel> model);

    std::unique_ptr<attn::train::Trainer> m_trainer;                                // the worker's while running
    std::vector<std::shared_ptr<const attn::train::AttentionSnapshot>> m_snapshots; // the trainer's, shared
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_running{false};
    bool m_failed = false;
    std::uint64_t m_run = 0; // which start() the worker's report belongs to
    mutable std::mutex m_mutex;
    std::shared_ptr<const TrainingProgress> m_progress;
};
