#include "quickaskcontroller.h"

#include "itemmodels/conversationblockmodel.h"
#include "runs/conversationservice.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QUrl>
#include <QGuiApplication>

using namespace Qt::StringLiterals;

namespace AgentDesk {

QuickAskController::QuickAskController(ConversationService *conversations, Loaders loaders, QObject *parent)
    : QObject(parent), m_conversations(conversations), m_loaders(std::move(loaders)), m_messages(new MessageListModel(this)),
      m_blocks(new ConversationBlockModel(m_messages, this))
{
    m_messages->setPageLoader(m_loaders.pages);
    m_messages->setPathLoader(m_loaders.path);
    connectConversations();
    // The models and agents are read when the window shows (QuickAskWindow::show), not at start.
}

QAbstractItemModel *QuickAskController::conversation() const
{
    return m_blocks;
}

void QuickAskController::setRecent(QAbstractItemModel *threads)
{
    if (m_recent == threads)
        return;
    m_recent = threads;
    Q_EMIT recentChanged();
}

QStringList QuickAskController::choiceNames() const
{
    QStringList names;
    for (const Choice &choice : m_choices)
        names << choice.label;
    return names;
}

void QuickAskController::setChoice(int choice)
{
    if (choice == m_choice || choice < 0 || choice >= m_choices.size())
        return;
    m_choice = choice;
    Q_EMIT choiceChanged();
}

void QuickAskController::reloadChoices()
{
    const Choice was = m_choice >= 0 ? m_choices.value(m_choice) : Choice{};
    m_choices = m_loaders.choices ? m_loaders.choices() : QList<Choice>{};
    int kept = m_choices.isEmpty() ? -1 : 0;
    for (int i = 0; i < m_choices.size(); ++i) {
        if (!was.label.isEmpty() && m_choices.at(i).model == was.model && m_choices.at(i).agentId == was.agentId)
            kept = i;
    }
    Q_EMIT choicesChanged();
    m_choice = kept;
    Q_EMIT choiceChanged();
}

bool QuickAskController::running() const
{
    return m_sending || (!m_threadId.isEmpty() && m_conversations && m_conversations->isRunning(m_threadId));
}

QStringList QuickAskController::pendingApprovals() const
{
    QStringList ids(m_approvals.begin(), m_approvals.end());
    ids.sort();
    return ids;
}

void QuickAskController::setShortcut(const QString &shortcut)
{
    if (shortcut == m_shortcut)
        return;
    m_shortcut = shortcut;
    Q_EMIT shortcutChanged();
}

void QuickAskController::setError(const QString &error)
{
    if (error == m_error)
        return;
    m_error = error;
    Q_EMIT errorChanged();
}

void QuickAskController::setSending(bool sending)
{
    const bool was = running();
    m_sending = sending;
    if (running() != was)
        Q_EMIT runningChanged();
}

bool QuickAskController::send(const QString &text)
{
    const QString question = text.trimmed();
    if (question.isEmpty() || running() || !m_conversations)
        return false;
    if (m_threadId.isEmpty() && m_choice < 0) {
        setError(tr("No model is set up yet. Add a provider and a model in AgentDesk's settings."));
        return false;
    }
    RunUserInput input;
    input.text = question;
    const Choice choice = m_choices.value(m_choice);
    const ConversationService::NewThread settings{choice.model, choice.agentId, false};
    auto prepared = m_conversations->prepareSend(m_threadId, settings, input);
    if (!prepared) {
        setError(prepared.error().message);
        return false;
    }
    setError({});
    setSending(true);
    // The key first (the keychain may ask the user): without it the service takes a new thread
    // back; after New, another conversation or Stop meanwhile, the question is dropped the same way.
    const quint64 generation = ++m_generation;
    m_conversations->readKey(*prepared, ConversationService::KeySource::KeychainThenEnvironment,
                             [this, prepared = *prepared, generation, question](Result<QString> key) {
                                 if (generation != m_generation) {
                                     m_conversations->abandon(prepared);
                                     return;
                                 }
                                 setSending(false);
                                 if (!key) {
                                     setError(key.error().message);
                                     Q_EMIT questionReturned(question);
                                     return;
                                 }
                                 if (auto runId = m_conversations->start(prepared, *key); !runId) {
                                     setError(runId.error().message);
                                     Q_EMIT questionReturned(question);
                                     return;
                                 }
                                 startRun(prepared.threadId, prepared.threadCreated);
                             },
                             this);
    return true;
}

void QuickAskController::startRun(const QString &threadId, bool created)
{
    if (created || threadId != m_threadId) {
        m_threadId = threadId;
        m_approvals.clear();
        if (auto opened = m_messages->openThread(threadId); !opened)
            setError(opened.error().message);
        Q_EMIT threadChanged();
        Q_EMIT pendingApprovalsChanged();
    }
    Q_EMIT runningChanged();
}

void QuickAskController::stop()
{
    if (m_sending) { // still waiting for the key: the question is dropped when it comes
        ++m_generation;
        setSending(false);
        return;
    }
    if (m_conversations && !m_threadId.isEmpty())
        m_conversations->stop(m_threadId);
}

void QuickAskController::answerApproval(const QString &toolCallId, Decision decision)
{
    if (!m_conversations || !m_approvals.remove(toolCallId))
        return;
    static constexpr ApprovalDecision decisions[] = {ApprovalDecision::AllowOnce, ApprovalDecision::AllowForThread, ApprovalDecision::Deny};
    m_conversations->answerApproval(m_threadId, toolCallId, decisions[int(decision)]);
    Q_EMIT pendingApprovalsChanged();
}

QString QuickAskController::answerText() const
{
    for (int row = m_messages->rowCount() - 1; row >= 0; --row) {
        const QModelIndex index = m_messages->index(row);
        if (index.data(MessageListModel::MessageRoleRole).toInt() == int(MessageRole::User))
            break;
        const QString text = index.data(MessageListModel::TextRole).toString();
        if (!text.isEmpty())
            return text;
    }
    return {};
}

void QuickAskController::copyAnswer()
{
    copyText(answerText());
}

void QuickAskController::copyText(const QString &text)
{
    if (text.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(text);
    Q_EMIT answerCopied();
}

void QuickAskController::continueInMainWindow()
{
    if (!m_threadId.isEmpty())
        Q_EMIT continueRequested(m_threadId);
}

void QuickAskController::newConversation()
{
    openThread({});
}

void QuickAskController::openThread(const QString &threadId)
{
    if (auto opened = m_messages->openThread(threadId); !opened) {
        setError(opened.error().message);
        return;
    }
    const bool wasRunning = running();
    m_threadId = threadId;
    m_sending = false;
    ++m_generation; // a key still being read for the conversation before is not used
    showThreadSettings();
    m_approvals.clear();
    if (m_conversations && !threadId.isEmpty()) {
        m_approvals = m_conversations->pendingApprovals(threadId);
        setError(m_conversations->lastError(threadId));
    } else {
        setError({});
    }
    Q_EMIT threadChanged();
    Q_EMIT pendingApprovalsChanged();
    if (running() != wasRunning)
        Q_EMIT runningChanged();
}

void QuickAskController::showThreadSettings()
{
    // The picker shows what the open conversation runs on (it is fixed for the conversation).
    if (m_threadId.isEmpty() || !m_loaders.threadSettings)
        return;
    const ThreadSettings settings = m_loaders.threadSettings(m_threadId);
    for (int i = 0; i < m_choices.size(); ++i) {
        if (m_choices.at(i).agentId == settings.agentId && (!settings.agentId.isEmpty() || m_choices.at(i).model == settings.model)) {
            setChoice(i);
            return;
        }
    }
}

void QuickAskController::refresh()
{
    if (!m_threadId.isEmpty() && !running()) {
        if (auto reloaded = m_messages->reload(); !reloaded)
            setError(reloaded.error().message);
        showThreadSettings();
    }
}

void QuickAskController::openLink(const QString &link)
{
    const QUrl url(link);
    if (url.scheme() == u"http" || url.scheme() == u"https" || url.scheme() == u"mailto")
        QDesktopServices::openUrl(url);
}

void QuickAskController::onRunFinished(const QString &threadId, bool completed)
{
    if (threadId != m_threadId)
        return;
    if (!m_approvals.isEmpty()) {
        m_approvals.clear();
        Q_EMIT pendingApprovalsChanged();
    }
    // What the run left is authoritative: a stopped answer is stored as interrupted, and the
    // cleanup after a failure deletes the failed tip and puts the question into the draft.
    if (auto reloaded = m_messages->reload(); !reloaded)
        setError(reloaded.error().message);
    if (!completed && m_loaders.threadSettings) {
        if (const QString draft = m_loaders.threadSettings(threadId).draft; !draft.isEmpty())
            Q_EMIT questionReturned(draft);
    }
    Q_EMIT runningChanged();
}

void QuickAskController::connectConversations()
{
    // The run engine's events for the open conversation, into the same model the main window uses.
    ConversationService *service = m_conversations;
    connect(service, &ConversationService::messageReady, this, [this](const QString &threadId, const Message &message) {
        if (threadId == m_threadId)
            m_messages->upsertMessage(message);
    });
    connect(service, &ConversationService::messageDelta, this, [this](const QString &threadId, const RunMessageDeltaEvent &delta) {
        if (threadId == m_threadId)
            m_messages->applyDelta(delta);
    });
    connect(service, &ConversationService::approvalRequested, this, [this](const QString &threadId, const RunApprovalRequestEvent &request) {
        if (threadId != m_threadId)
            return;
        m_approvals.insert(request.toolCallId);
        Q_EMIT pendingApprovalsChanged();
    });
    connect(service, &ConversationService::approvalAnswered, this, [this](const QString &threadId, const QString &toolCallId) {
        if (threadId == m_threadId && m_approvals.remove(toolCallId))
            Q_EMIT pendingApprovalsChanged(); // answered in the main window
    });
    connect(service, &ConversationService::runFailed, this, [this](const QString &threadId, const RunErrorEvent &error) {
        if (threadId == m_threadId)
            setError(error.message);
    });
    connect(service, &ConversationService::sessionChanged, this, [this](const QString &threadId) {
        if (threadId == m_threadId)
            Q_EMIT runningChanged();
    });
    connect(service, &ConversationService::runFinished, this,
            [this](const QString &threadId, const ExecuteRun::Result &result) {
                onRunFinished(threadId, result.outcome == ExecuteRun::Outcome::Completed);
            });
}

} // namespace AgentDesk
