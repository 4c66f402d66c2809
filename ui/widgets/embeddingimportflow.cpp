#include "ui/widgets/embeddingimportflow.h"

#include "core/configedits.h"
#include "core/embeddingimport.h"
#include "core/tokenizer.h"
#include "ui/document/attentiondocument.h"
#include "ui/document/embeddingimportjob.h"
#include "ui/widgets/messagebar.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QToolButton>
#include <QUndoStack>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace {

std::vector<std::string> sentenceWords(const attn::AttentionConfig& config)
{
    return attn::buildVocabulary(attn::splitTokens(config.sentence)).words;
}

// At most `listed` quoted words, then "and N more".
QString quotedList(const QStringList& words, int listed)
{
    QStringList shown;
    for (const QString& word : words.mid(0, listed))
        shown << QStringLiteral("\"%1\"").arg(word);
    if (words.size() > listed)
        shown << EmbeddingImportFlow::tr("and %1 more").arg(words.size() - listed);
    return shown.join(QStringLiteral(", "));
}

} // namespace

EmbeddingImportFlow::EmbeddingImportFlow(AttentionDocument* document, MessageBar* bar, std::function<void()> flushEdits,
                                         QWidget* parent)
    : QObject(parent)
    , m_document(document)
    , m_bar(bar)
    , m_flushEdits(std::move(flushEdits))
{
    // Non-modal: the window stays usable while a large file streams in.
    m_progress = new QWidget(parent);
    m_progress->setObjectName(QStringLiteral("importProgress"));
    auto* layout = new QHBoxLayout(m_progress);
    layout->setContentsMargins(0, 0, 16, 0);
    layout->setSpacing(6);
    m_label = new QLabel(m_progress);
    layout->addWidget(m_label);
    m_progressBar = new QProgressBar(m_progress);
    m_progressBar->setObjectName(QStringLiteral("importBar"));
    m_progressBar->setRange(0, 1000);
    m_progressBar->setTextVisible(false);
    m_progressBar->setFixedWidth(160);
    layout->addWidget(m_progressBar);
    auto* cancelButton = new QToolButton(m_progress);
    cancelButton->setObjectName(QStringLiteral("cancelImportButton"));
    cancelButton->setText(tr("Cancel"));
    cancelButton->setToolTip(tr("Stop reading the file; nothing changes"));
    connect(cancelButton, &QToolButton::clicked, this, &EmbeddingImportFlow::cancel);
    layout->addWidget(cancelButton);
    m_progress->hide();

    // The message about an applied import describes that step: undoing it
    // (or redoing past it) takes the message away.
    connect(m_document->undoStack(), &QUndoStack::indexChanged, this, [this](int index) {
        if (m_appliedStep < 0 || index == m_appliedStep)
            return;
        if (m_bar->text() == m_appliedText)
            m_bar->dismiss();
        m_appliedStep = -1;
    });
}

// The reader thread stops (the job's destructor waits) before anything it
// reports to goes.
EmbeddingImportFlow::~EmbeddingImportFlow() = default;

void EmbeddingImportFlow::showError(const QString& text)
{
    m_bar->showMessage(MessageBar::Kind::Error, text);
}

void EmbeddingImportFlow::importFrom(const QString& path)
{
    if (m_job) {
        emit statusMessage(tr("An import is already running."));
        return;
    }
    m_flushEdits();
    const std::vector<std::string> words = sentenceWords(m_document->config());
    if (words.empty()) {
        showError(tr("Type a sentence first: the import looks up its words."));
        emit finished(false);
        return;
    }
    m_job = std::make_unique<EmbeddingImportJob>(path, words);
    connect(m_job.get(), &EmbeddingImportJob::progress, this, &EmbeddingImportFlow::showProgress);
    connect(m_job.get(), &EmbeddingImportJob::finished, this, &EmbeddingImportFlow::finish);
    m_label->setText(tr("Importing %1…").arg(QFileInfo(path).fileName()));
    m_progressBar->setValue(0);
    m_progress->show();
    emit runningChanged(true);
    m_job->start();
}

void EmbeddingImportFlow::cancel()
{
    if (m_job)
        m_job->cancel();
}

void EmbeddingImportFlow::showProgress(qint64 bytesRead, qint64 totalBytes)
{
    if (totalBytes > 0)
        m_progressBar->setValue(static_cast<int>(std::min<qint64>(1000, bytesRead * 1000 / totalBytes)));
}

void EmbeddingImportFlow::finish(const attn::ImportedEmbeddings& result, const QString& error)
{
    // Called from the job's own signal: it goes once control is back.
    EmbeddingImportJob* job = m_job.release();
    job->deleteLater();
    m_progress->hide();
    emit runningChanged(false);
    const QString path = job->path();

    if (!error.isEmpty()) {
        showError(error);
        emit finished(false);
        return;
    }
    if (result.cancelled) {
        emit statusMessage(tr("Import cancelled; nothing changed."));
        emit finished(false);
        return;
    }

    // The vectors were looked up for the words the sentence had when the
    // import started. When the sentence has gained words since, applying them
    // silently would leave those words random: the user decides.
    m_flushEdits();
    const std::set<std::string> lookedUp(job->wanted().begin(), job->wanted().end());
    QStringList notLookedUp;
    for (const std::string& word : sentenceWords(m_document->config()))
        if (!lookedUp.count(word))
            notLookedUp << QString::fromStdString(word);
    if (!notLookedUp.isEmpty()) {
        m_bar->showMessage(
            MessageBar::Kind::Warning,
            tr("The sentence changed while %1 was being read: %2 were not looked up. Nothing changed yet.")
                .arg(QFileInfo(path).fileName(), quotedList(notLookedUp, 10)));
        connect(m_bar->addButton(tr("Import Again"), QStringLiteral("importAgainButton")), &QPushButton::clicked, this,
                [this, path] { importFrom(path); });
        connect(m_bar->addButton(tr("Apply Anyway"), QStringLiteral("applyImportButton")), &QPushButton::clicked, this,
                [this, result, path] { apply(result, path); });
        emit finished(false);
        return;
    }
    if (result.vectors.empty()) {
        // Applying would change d_model to the file's and drop earlier
        // literal vectors for nothing: the user decides.
        m_bar->showMessage(MessageBar::Kind::Warning,
                           tr("None of the sentence's words is in %1, so nothing changed. Applying it anyway "
                              "would only change d_model from %2 to %3 and keep every word random.")
                               .arg(QFileInfo(path).fileName())
                               .arg(m_document->config().dModel)
                               .arg(result.dimension));
        connect(m_bar->addButton(tr("Apply Anyway"), QStringLiteral("applyImportButton")), &QPushButton::clicked, this,
                [this, result, path] { apply(result, path); });
        emit finished(false);
        return;
    }
    apply(result, path);
    emit finished(true);
}

void EmbeddingImportFlow::apply(const attn::ImportedEmbeddings& result, const QString& path)
{
    m_flushEdits();
    const int oldHeads = m_document->config().heads;
    const attn::ImportApplied applied =
        attn::withImportedEmbeddings(m_document->config(), result.dimension, result.vectors);
    const attn::AttentionConfig& config = applied.config;
    m_document->edit(config, tr("Import Embeddings"));
    m_appliedStep = m_document->undoStack()->index();

    // The sentence's words the file did not give, in the sentence's order.
    const std::vector<std::string> words = sentenceWords(config);
    m_missingWords.clear();
    for (const std::string& word : words)
        if (!result.vectors.count(word))
            m_missingWords << QString::fromStdString(word);
    const int wanted = static_cast<int>(words.size());
    const int found = wanted - static_cast<int>(m_missingWords.size());
    QString text = tr("Imported %1 of %2 words from %3; d_model is now %4.")
                       .arg(found)
                       .arg(wanted)
                       .arg(QFileInfo(path).fileName())
                       .arg(result.dimension);
    if (applied.headsReset)
        text += tr(" Heads set to 1: %1 heads do not divide %2.").arg(oldHeads).arg(config.dModel);
    if (!m_missingWords.isEmpty())
        text += tr(" Not in the file, so still random (embedding seed): %1.").arg(quotedList(m_missingWords, 30));
    if (result.malformedLines > 0) {
        // Saying what a good line is lets the user find the bad ones.
        const int malformed = static_cast<int>(std::min<std::int64_t>(result.malformedLines, INT_MAX));
        if (malformed == 1)
            text += tr(" Skipped 1 malformed line (line %1): each line should be a word and %2 numbers.")
                        .arg(result.firstMalformedLine)
                        .arg(result.dimension);
        else
            text += tr(" Skipped %n malformed lines; the first is line %1: each line should be a word and %2 "
                       "numbers.",
                       nullptr, malformed)
                        .arg(result.firstMalformedLine)
                        .arg(result.dimension);
        if (result.overlongLines > 0)
            text += tr(" %1 of them longer than %2 MiB.")
                        .arg(result.overlongLines)
                        .arg(attn::ImportLimits::maxLineBytes >> 20);
    }
    m_bar->showMessage(m_missingWords.isEmpty() && result.malformedLines == 0 ? MessageBar::Kind::Info
                                                                              : MessageBar::Kind::Warning,
                       text);
    m_appliedText = m_bar->text();
    emit statusMessage(tr("Imported %1 of %2 words.").arg(found).arg(wanted));
}
