#include "chatpane.h"

#include "ui/workspace.h"

#include "artifactpanel.h"

#include "composer.h"
#include "conversationview.h"

#include "itemmodels/messagelistmodel.h"
#include "runs/runcontroller.h"

#include <QDesktopServices>
#include <QDir>
#include <QTemporaryFile>
#include <QDialog>
#include <QLabel>
#include <QPointer>
#include <QLocale>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AgentDesk {

ChatPane::ChatPane(Workspace *workspace, QWidget *parent)
    : QWidget(parent), m_workspace(workspace), m_conversations(&workspace->conversations()), m_messages(new MessageListModel(this)),
      m_view(new ConversationView), m_composer(new Composer), m_artifacts(new ArtifactPanel(m_workspace))
{
    setObjectName(u"chatPane"_s);
    m_messages->setPageLoader(workspace->messagePages());
    m_messages->setPathLoader(workspace->messagePaths());
    m_view->setModel(m_messages);
    m_view->state().imageLoader = [this](const QString &blob) { return image(blob); };
    m_view->state().usageText = [this](const QString &messageId) { return usageText(messageId); };

    layoutWidgets();
    connectComposer();
    connectView();
    connectConversations();
    reloadChoices();
    openThread({});
}

void ChatPane::layoutWidgets()
{
    auto *conversation = new QWidget;
    auto *column = new QVBoxLayout(conversation);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    column->addWidget(m_view, 1);
    column->addWidget(m_composer);
    auto *split = new QSplitter;
    split->setObjectName(u"chatSplitter"_s);
    split->addWidget(conversation);
    split->addWidget(m_artifacts);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setCollapsible(0, false);
    m_artifacts->hide();
    // The panel appears when the thread gets its first artifact (the user can close it again).
    connect(m_artifacts, &ArtifactPanel::artifactsChanged, this, [this, split](int count) {
        if (count > m_artifactCount && count > 0 && !m_artifacts->isVisible()) {
            m_artifacts->show();
            // Two fifths of the room for the panel.
            const int total = split->width();
            split->setSizes({total * 3 / 5, total * 2 / 5});
        }
        if (count == 0)
            m_artifacts->hide();
        m_artifactCount = count;
    });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
}

void ChatPane::connectComposer()
{
    m_draftTimer.setSingleShot(true);
    m_draftTimer.setInterval(400);
    connect(&m_draftTimer, &QTimer::timeout, this, &ChatPane::saveDraft);
    connect(m_composer, &Composer::textEdited, this, [this] { m_draftTimer.start(); });
    connect(m_composer, &Composer::sendRequested, this, &ChatPane::send);
    connect(m_composer, &Composer::stopRequested, this, &ChatPane::stop);
    connect(m_composer, &Composer::modelChosen, this, [this] { applyThreadSettings(); });
    connect(m_composer, &Composer::agentChosen, this, [this] { applyThreadSettings(); });
    connect(m_composer, &Composer::anonymousToggled, this, [this] { applyThreadSettings(); });
    connect(m_composer, &Composer::skillActivated, this, [this](const QString &skillId) {
        if (m_threadId.isEmpty()) {
            showError(tr("Send a first message, then activate a skill for this conversation."));
            return;
        }
        RunUserInput input;
        input.text = m_composer->text();
        input.skillId = skillId;
        input.images = m_composer->images();
        auto prepared = m_conversations->prepareSend(m_threadId, {}, input);
        if (!prepared) {
            showError(prepared.error().message);
            return;
        }
        withKey(*prepared, [this, prepared = *prepared](const QString &key) { startRun(prepared, key); });
    });
}

void ChatPane::connectView()
{
    connect(m_view, &ConversationView::approvalAnswered, this, [this](const QString &toolCallId, ApprovalDecision decision) {
        m_conversations->answerApproval(m_threadId, toolCallId, decision);
    });
    connect(m_view, &ConversationView::retryRequested, this, &ChatPane::retry);
    connect(m_view, &ConversationView::editRequested, this, &ChatPane::editMessage);
    connect(m_view, &ConversationView::regenerateRequested, this, &ChatPane::regenerate);
    connect(m_view, &ConversationView::versionRequested, this, &ChatPane::switchVersion);
    connect(m_view, &ConversationView::forkRequested, this, &ChatPane::fork);
    connect(m_view, &ConversationView::linkActivated, this, [](const QUrl &url) {
        if (url.scheme() == u"http" || url.scheme() == u"https" || url.scheme() == u"mailto")
            QDesktopServices::openUrl(url);
    });
    connect(m_view, &ConversationView::textCopied, this, [this] { Q_EMIT statusMessage(tr("Copied to the clipboard")); });
    connect(m_view, &ConversationView::imageActivated, this, &ChatPane::showImage);
    connect(m_view, &ConversationView::mailRequested, this, [](const QUrl &mailto) { QDesktopServices::openUrl(mailto); });
    connect(m_view, &ConversationView::eventRequested, this, [this](const QString &icalendar) {
        // Handed to the calendar app as a file, which opens it and offers to add the event.
        QTemporaryFile file(QDir::temp().filePath(u"agentdesk-event-XXXXXX.ics"_s));
        file.setAutoRemove(false);
        if (!file.open() || file.write(icalendar.toUtf8()) < 0) {
            Q_EMIT statusMessage(tr("The event could not be written: %1").arg(file.errorString()));
            return;
        }
        file.close();
        QDesktopServices::openUrl(QUrl::fromLocalFile(file.fileName()));
        Q_EMIT statusMessage(tr("The event was handed to your calendar."));
    });
}

void ChatPane::connectConversations()
{
    // The run engine's events, through the service that keeps each thread's run state.
    connect(m_conversations, &ConversationService::messageReady, this, [this](const QString &threadId, const Message &message) {
        if (threadId == m_threadId) {
            m_messages->upsertMessage(message);
            if (message.role == MessageRole::Tool)
                m_artifacts->reload(); // a tool may have written an artifact
        }
        Q_EMIT threadChanged(threadId);
    });
    connect(m_conversations, &ConversationService::messageDelta, this, [this](const QString &threadId, const RunMessageDeltaEvent &delta) {
        if (threadId == m_threadId)
            m_messages->applyDelta(delta);
    });
    connect(m_conversations, &ConversationService::approvalRequested, this,
            [this](const QString &threadId, const RunApprovalRequestEvent &request) {
                if (threadId == m_threadId)
                    m_view->addPendingApproval(request.toolCallId);
            });
    connect(m_conversations, &ConversationService::approvalAnswered, this, [this](const QString &threadId, const QString &toolCallId) {
        if (threadId == m_threadId)
            m_view->removePendingApproval(toolCallId);
    });
    connect(m_conversations, &ConversationService::runFailed, this, [this](const QString &threadId, const RunErrorEvent &error) {
        if (threadId == m_threadId)
            m_view->setError(error.message);
    });
    connect(m_conversations, &ConversationService::sessionChanged, this, [this](const QString &threadId, bool streaming) {
        if (threadId != m_threadId)
            return;
        m_composer->setRunning(streaming || m_conversations->isRunning(threadId));
        m_view->setRunning(streaming);
    });
    connect(m_conversations, &ConversationService::titleUpdated, this, [this](const QString &threadId) { Q_EMIT threadChanged(threadId); });
    connect(m_conversations, &ConversationService::runFinished, this, &ChatPane::onRunFinished);
}

ChatPane::~ChatPane()
{
    saveDraft();
}

void ChatPane::reloadChoices()
{
    ProviderRepository providers = m_workspace->providers();
    QStringList models;
    QString preferred;
    if (auto list = providers.models()) {
        for (const Model &m : std::as_const(*list)) {
            models << m.qualifiedName();
            if (m.isDefault)
                preferred = m.qualifiedName();
        }
    }
    QString current = m_composer->model();
    if (!m_threadId.isEmpty()) {
        if (auto thread = m_workspace->threads().get(m_threadId); thread && !thread->model.isEmpty())
            current = thread->model;
    }
    m_composer->setModels(models, current.isEmpty() || !models.contains(current) ? preferred : current);
    AgentRepository agents = m_workspace->agents();
    QList<std::pair<QString, QString>> agentChoices;
    if (auto list = agents.agents()) {
        for (const Agent &a : std::as_const(*list))
            agentChoices.append({a.id, a.name});
    }
    m_composer->setAgents(agentChoices, m_composer->agentId());
    QList<std::pair<QString, QString>> skillChoices;
    if (auto list = agents.skills()) {
        for (const Skill &s : std::as_const(*list))
            skillChoices.append({s.id, s.name});
    }
    m_composer->setSkills(skillChoices);
}

void ChatPane::saveDraft()
{
    m_draftTimer.stop();
    if (m_threadId.isEmpty()) {
        m_newDraft = m_composer->text();
        return;
    }
    ThreadRepository threads = m_workspace->threads();
    auto thread = threads.get(m_threadId);
    if (thread && thread->draft != m_composer->text())
        threads.setDraft(m_threadId, m_composer->text());
}

void ChatPane::openThread(const QString &threadId)
{
    if (threadId == m_threadId && !threadId.isEmpty())
        return;
    saveDraft();
    m_editing.clear();
    Thread thread;
    if (!threadId.isEmpty()) {
        auto stored = m_workspace->threads().get(threadId);
        if (!stored) {
            Q_EMIT statusMessage(stored.error().message);
            return;
        }
        thread = *stored;
    }
    if (auto opened = m_messages->openThread(threadId); !opened) {
        Q_EMIT statusMessage(opened.error().message);
        return;
    }
    m_threadId = threadId;
    m_artifactCount = 0;
    m_artifacts->hide();
    m_artifacts->setThread(threadId);
    for (const QString &callId : m_conversations->pendingApprovals(threadId))
        m_view->addPendingApproval(callId);
    m_view->setError(m_conversations->lastError(threadId));
    const bool running = m_conversations->isRunning(threadId);
    m_composer->setRunning(running);
    m_view->setRunning(running);
    m_composer->clear();
    m_composer->setText(threadId.isEmpty() ? m_newDraft : thread.draft);
    if (!threadId.isEmpty()) {
        m_composer->setModel(thread.model);
        m_composer->setAgentId(thread.agentId);
        m_composer->setAnonymous(thread.anonymous);
    }
    QStringList ids;
    for (int row = 0; row < m_messages->rowCount(); ++row)
        ids << m_messages->message(row).id;
    loadUsage(ids);
    m_view->refreshState();
}

void ChatPane::applyThreadSettings()
{
    if (m_threadId.isEmpty())
        return;
    ThreadRepository threads = m_workspace->threads();
    threads.setModel(m_threadId, m_composer->model());
    threads.setAgent(m_threadId, m_composer->agentId());
    threads.setAnonymous(m_threadId, m_composer->isAnonymous());
    Q_EMIT threadChanged(m_threadId);
}

void ChatPane::focusComposer()
{
    m_composer->focusInput();
}

void ChatPane::attachFile(const QString &path)
{
    m_composer->addFile(path);
}

void ChatPane::showError(const QString &message)
{
    m_view->setError(message);
    Q_EMIT statusMessage(message);
}

void ChatPane::send()
{
    if (m_sending || m_composer->isEmpty() || (!m_threadId.isEmpty() && m_conversations->isRunning(m_threadId)))
        return;
    if (m_composer->model().isEmpty()) {
        showError(tr("No model is set up yet. Add a provider and a model in Settings (Ctrl+,)."));
        return;
    }
    if (!m_editing.isEmpty() && !m_threadId.isEmpty())
        return sendEdit();
    m_editing.clear();
    RunUserInput input;
    input.text = m_composer->text().trimmed();
    input.images = m_composer->images();
    const ConversationService::NewThread settings{m_composer->model(), m_composer->agentId(), m_composer->isAnonymous()};
    auto prepared = m_conversations->prepareSend(m_threadId, settings, input);
    if (!prepared) {
        showError(prepared.error().message);
        return;
    }
    m_sending = true;
    // The key first: without it nothing is kept (the service takes a new thread back again).
    withKey(*prepared, [this, prepared = *prepared](const QString &key) {
        auto proceed = [this, prepared, key] {
            m_sending = false;
            if (prepared.threadCreated) {
                m_newDraft.clear();
                if (m_threadId.isEmpty()) { // still on the new conversation (files take a moment)
                    m_threadId = prepared.threadId;
                    m_messages->openThread(prepared.threadId);
                    m_artifacts->setThread(prepared.threadId);
                    m_view->setError({});
                }
                if (auto thread = m_workspace->threads().get(prepared.threadId))
                    Q_EMIT threadCreated(*thread);
            }
            // The message goes to the end of the conversation: the view shows the end.
            if (prepared.threadId == m_threadId && m_messages->canFetchNewer()) {
                if (auto reloaded = m_messages->reload(); !reloaded)
                    Q_EMIT statusMessage(reloaded.error().message);
            }
            startRun(prepared, key);
        };
        // Files become sources of the thread before the run, so the model can search them at once.
        // They are read on a worker thread: the window stays responsive while a large PDF is read.
        const QStringList files = m_composer->files();
        if (files.isEmpty())
            return proceed();
        Q_EMIT statusMessage(tr("Reading %n file(s)…", nullptr, int(files.size())));
        m_conversations->attachFiles(prepared.threadId, files, [self = QPointer<ChatPane>(this), proceed](const QList<Error> &errors) {
            if (!self)
                return;
            for (const Error &error : errors)
                Q_EMIT self->statusMessage(error.message);
            proceed();
        });
    });
}

void ChatPane::withKey(const ConversationService::PreparedRun &prepared, std::function<void(const QString &)> then)
{
    // The keychain answers later; the environment at once. Either way the pane may be gone by then.
    const bool keychain = !prepared.provider.apiKey.keychainKey.isEmpty();
    m_conversations->readKey(prepared, ConversationService::KeySource::KeychainThenEnvironment,
                                         [self = QPointer<ChatPane>(this), keychain, then = std::move(then)](Result<QString> key) {
        if (!self)
            return;
        if (!key) {
            self->m_sending = false;
            self->showError(keychain ? tr("The API key could not be read from the keychain: %1").arg(key.error().message)
                                     : key.error().message);
            return;
        }
        then(*key);
    }, this);
}

bool ChatPane::startRun(const ConversationService::PreparedRun &prepared, const QString &apiKey)
{
    auto runId = m_conversations->start(prepared, apiKey);
    if (!runId) {
        showError(runId.error().message);
        return false;
    }
    m_lastRun = {LastRun::Kind::Send, {}, prepared.threadId};
    if (prepared.threadId == m_threadId) {
        // What was typed is sent (the run stores it and empties the thread's draft together); a
        // regeneration leaves the composer alone.
        if (std::holds_alternative<RunUserInput>(prepared.input))
            m_composer->clear();
        m_composer->setRunning(true);
        m_view->setError({});
        m_view->setRunning(true);
        m_view->scrollToBottom();
    }
    Q_EMIT threadChanged(prepared.threadId);
    return true;
}

void ChatPane::stop()
{
    m_conversations->stop(m_threadId);
}

void ChatPane::onRunFinished(const QString &threadId, const ExecuteRun::Result &result, const QStringList &produced)
{
    if (threadId != m_threadId) {
        Q_EMIT threadChanged(threadId);
        return;
    }
    m_composer->setRunning(false);
    m_view->setRunning(false);
    m_view->clearPendingApprovals();
    // What the run left in the database is authoritative: a stopped answer is stored as
    // interrupted, and the cleanup after a failure deletes the failed tip (the view goes back to
    // the version shown before, an edited question's text into the composer).
    resync();
    m_artifacts->reload();
    loadUsage(produced);
    if (result.outcome != ExecuteRun::Outcome::Completed) {
        // The cleanup put the user's text back into the thread's draft: into the composer with it,
        // in front of whatever the user typed meanwhile.
        auto thread = m_workspace->threads().get(threadId);
        if (thread && !thread->draft.isEmpty()) {
            const QString typed = m_composer->text();
            m_composer->setText(typed.isEmpty() || thread->draft.contains(typed) ? thread->draft
                                                                                 : thread->draft + u"\n\n"_s + typed);
            saveDraft();
        }
    }
    m_view->refreshState();
    Q_EMIT threadChanged(threadId);
}

void ChatPane::editMessage(const QString &messageId)
{
    const int row = m_messages->rowOf(messageId);
    if (row < 0 || m_conversations->isRunning(m_threadId))
        return;
    m_editing = messageId;
    m_composer->setText(m_messages->message(row).plainText());
    m_composer->focusInput();
    Q_EMIT statusMessage(tr("Editing a message: Send adds your text as a new version; the old one stays."));
}

void ChatPane::sendEdit()
{
    // A new version keeps the message's images; what the composer holds besides stays there.
    if (!m_composer->files().isEmpty() || !m_composer->images().isEmpty()) {
        showError(tr("An edited message keeps its own images. Send the edit first, then attach files to a new message."));
        return;
    }
    auto prepared = m_conversations->prepareEdit(m_editing, m_composer->text());
    if (!prepared) {
        showError(prepared.error().message);
        return;
    }
    const QString edited = m_editing;
    m_sending = true;
    withKey(*prepared, [this, edited, prepared = *prepared](const QString &key) {
        m_sending = false;
        if (!startRun(prepared, key))
            return;
        m_lastRun = {LastRun::Kind::Edit, edited, prepared.threadId};
        m_editing.clear();
        // The new version takes the old one's place in the view; the old one stays stored.
        if (prepared.threadId == m_threadId) {
            if (const int row = m_messages->rowOf(edited); row >= 0)
                m_messages->replaceFrom(row, {});
        }
    });
}

void ChatPane::regenerate(const QString &messageId)
{
    // The answer is asked for again below the same question; the old answer stays as a version.
    if (m_sending || m_conversations->isRunning(m_threadId))
        return;
    auto prepared = m_conversations->prepareRegenerate(m_threadId, messageId);
    if (!prepared) {
        showError(prepared.error().message);
        return;
    }
    const QString question = std::get<RunRegenerateInput>(prepared->input).userMessageId;
    m_sending = true;
    withKey(*prepared, [this, question, prepared = *prepared](const QString &key) {
        m_sending = false;
        if (prepared.threadId != m_threadId || !startRun(prepared, key))
            return;
        m_lastRun = {LastRun::Kind::Regenerate, question, prepared.threadId};
        // The new answer's rows follow the question (its events are queued behind this).
        if (const int row = m_messages->rowOf(question); row >= 0)
            m_messages->replaceFrom(row + 1, {});
    });
}

void ChatPane::retry()
{
    // Again what failed: a regeneration asks again, an edit (its text is back in the composer)
    // becomes a new version again, a message is sent again.
    if (m_lastRun.threadId == m_threadId && m_lastRun.kind == LastRun::Kind::Regenerate)
        return regenerate(m_lastRun.messageId);
    if (m_lastRun.threadId == m_threadId && m_lastRun.kind == LastRun::Kind::Edit && m_editing.isEmpty())
        m_editing = m_lastRun.messageId;
    send();
}

void ChatPane::switchVersion(const QString &messageId, int step)
{
    auto shown = m_conversations->switchVersion(messageId, step);
    if (!shown) {
        Q_EMIT statusMessage(shown.error().message);
        return;
    }
    showBranchFrom(messageId, *shown);
}

void ChatPane::showBranchFrom(const QString &replacedId, const QString &shownId)
{
    // Only the rows from the switched message down change; the ones above stay as they are. A
    // page of them comes now, the rest as the view scrolls down.
    const int row = m_messages->rowOf(replacedId);
    const int page = MessageListModel::PageSize;
    auto below = m_workspace->messages().shownBranchFrom(shownId, page + 1);
    if (row < 0 || !below) {
        resync();
        return;
    }
    const bool more = below->size() > page;
    below->resize(std::min<qsizetype>(below->size(), page));
    m_messages->replaceFrom(row, *below, more);
    QStringList ids;
    for (const Message &m : std::as_const(*below))
        ids << m.id;
    loadUsage(ids);
    if (const int shownRow = m_messages->rowOf(shownId); shownRow >= 0)
        m_view->setCurrentIndex(m_messages->index(shownRow));
}

void ChatPane::resync()
{
    // What is stored is authoritative: the rows that differ from the active path are replaced.
    if (m_threadId.isEmpty())
        return;
    // As far down as the rows loaded now, and a page more: whether the path goes on below.
    const int limit = m_messages->rowCount() + MessageListModel::PageSize;
    auto path = m_messages->rowCount() > 0 ? m_workspace->messages().activePathFrom(m_messages->message(0).id, limit + 1)
                                           : Result<QList<Message>>(QList<Message>());
    if (!path || path->isEmpty()) { // the first loaded message is no longer shown
        if (auto reloaded = m_messages->reload(); !reloaded)
            Q_EMIT statusMessage(reloaded.error().message);
        return;
    }
    const bool more = path->size() > limit;
    path->resize(std::min<qsizetype>(path->size(), limit));
    int row = 0;
    while (row < m_messages->rowCount() && row < path->size() && m_messages->message(row) == path->at(row))
        ++row;
    if (row < m_messages->rowCount() || row < path->size() || more != m_messages->canFetchNewer())
        m_messages->replaceFrom(row, path->mid(row), more);
}

void ChatPane::fork(const QString &messageId)
{
    auto thread = m_conversations->fork(messageId);
    if (!thread) {
        showError(thread.error().message);
        return;
    }
    Q_EMIT threadCreated(*thread);
    openThread(thread->id);
    Q_EMIT statusMessage(tr("Forked into a new conversation"));
}

void ChatPane::revealMessage(const QString &threadId, const QString &messageId)
{
    // A hit in a version that is not shown: its branch becomes the shown one.
    auto onPath = m_workspace->messages().activePathFrom(messageId);
    if (onPath && onPath->isEmpty()) {
        if (auto switched = m_conversations->switchTo(messageId); !switched)
            Q_EMIT statusMessage(switched.error().message);
    }
    if (threadId == m_threadId)
        resync();
    else
        openThread(threadId);
    if (m_threadId != threadId)
        return;
    // Older pages until the message is there — only when it is on the shown path (the switch may
    // have been refused while a run answers).
    auto shown = m_workspace->messages().activePathFrom(messageId);
    if (!shown || shown->isEmpty())
        return;
    while (m_messages->rowOf(messageId) < 0 && m_messages->canFetchNewer())
        m_messages->fetchNewer();
    while (m_messages->rowOf(messageId) < 0 && m_messages->canFetchOlder())
        m_messages->fetchOlder();
    if (const int row = m_messages->rowOf(messageId); row >= 0) {
        m_view->setCurrentIndex(m_messages->index(row));
        m_view->scrollTo(m_messages->index(row), QAbstractItemView::PositionAtTop);
    }
}

void ChatPane::loadUsage(const QStringList &messageIds)
{
    auto totals = m_workspace->usage().totalsByMessage(messageIds);
    if (!totals)
        return;
    for (auto it = totals->cbegin(); it != totals->cend(); ++it)
        m_usage.insert(it.key(), {it->inputTokens, it->outputTokens, it->cost});
}

QString ChatPane::usageText(const QString &messageId) const
{
    const auto it = m_usage.constFind(messageId);
    if (it == m_usage.cend())
        return {};
    const QLocale locale;
    QString text = tr("%1 in · %2 out").arg(locale.toString(it->input), locale.toString(it->output));
    if (it->cost >= 0)
        text += u" · $"_s + locale.toString(it->cost, 'f', it->cost < 0.01 ? 4 : 2);
    return text;
}

QImage ChatPane::image(const QString &blob)
{
    if (QImage *cached = m_images.object(blob))
        return *cached;
    QImage loaded(m_workspace->blobs().path(blob));
    if (loaded.isNull())
        return {};
    // Thumbnails are what the view paints; the full image is read again when enlarged.
    QImage thumbnail = loaded.width() > 440 || loaded.height() > 440
        ? loaded.scaled(440, 440, Qt::KeepAspectRatio, Qt::SmoothTransformation)
        : loaded;
    const qsizetype cost = std::max<qsizetype>(1, thumbnail.sizeInBytes());
    m_images.insert(blob, new QImage(thumbnail), cost);
    return thumbnail;
}

void ChatPane::showImage(const QString &blob)
{
    const QImage full(m_workspace->blobs().path(blob));
    if (full.isNull())
        return;
    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Image"));
    auto *label = new QLabel;
    label->setPixmap(QPixmap::fromImage(full));
    label->setAccessibleName(tr("Full-size image"));
    auto *scroll = new QScrollArea;
    scroll->setWidget(label);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(scroll);
    dialog->resize(std::min(full.width() + 40, 1200), std::min(full.height() + 40, 900));
    dialog->show();
}

} // namespace AgentDesk
