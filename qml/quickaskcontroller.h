#pragma once

#include "itemmodels/messagelistmodel.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QtQmlIntegration>

#include <functional>

namespace AgentDesk {

class ConversationBlockModel;
class ConversationService;

// What the Quick Ask window (QuickAsk.qml) binds to: a thin facade over the conversation service
// and the item models (house-style.md §10). It turns the window's input into ConversationService
// calls and the service's run events into the same MessageListModel the main window uses (shown
// through a ConversationBlockModel); QML holds no logic beyond layout.
class QuickAskController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The application makes the one Quick Ask controller.")
    Q_PROPERTY(QAbstractItemModel *conversation READ conversation CONSTANT)
    Q_PROPERTY(QAbstractItemModel *recent READ recent NOTIFY recentChanged)
    Q_PROPERTY(QStringList choices READ choiceNames NOTIFY choicesChanged)
    Q_PROPERTY(int choice READ choice WRITE setChoice NOTIFY choiceChanged)
    Q_PROPERTY(QString threadId READ threadId NOTIFY threadChanged)
    Q_PROPERTY(bool running READ running NOTIFY runningChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(QStringList pendingApprovals READ pendingApprovals NOTIFY pendingApprovalsChanged)
    Q_PROPERTY(QString shortcut READ shortcut NOTIFY shortcutChanged)
public:
    // A model or an agent of the picker.
    struct Choice
    {
        QString label;
        QString model; // PROVIDER/MODEL; empty for an agent (its own model, else the default)
        QString agentId;
    };
    // What a stored conversation was set to, and the text its draft holds.
    struct ThreadSettings
    {
        QString model;
        QString agentId;
        QString draft;
    };
    struct Loaders
    {
        std::function<QList<Choice>()> choices; // models first (the default model first of all), then agents
        MessageListModel::PageLoader pages;
        MessageListModel::PathLoader path;
        std::function<ThreadSettings(const QString &threadId)> threadSettings;
    };
    enum class Decision { AllowOnce, AllowForThread, Deny };
    Q_ENUM(Decision)

    QuickAskController(ConversationService *conversations, Loaders loaders, QObject *parent = nullptr);

    QAbstractItemModel *conversation() const;
    MessageListModel *messages() const { return m_messages; }
    QAbstractItemModel *recent() const { return m_recent; }
    // The conversations to pick up again (the main window's ThreadListModel, through its proxy).
    void setRecent(QAbstractItemModel *threads);
    QStringList choiceNames() const;
    int choice() const { return m_choice; }
    void setChoice(int choice);
    QString threadId() const { return m_threadId; }
    bool running() const;
    QString error() const { return m_error; }
    QStringList pendingApprovals() const;
    // The global shortcut that opens the window, as the desktop shows it ("" when none is bound here).
    QString shortcut() const { return m_shortcut; }
    void setShortcut(const QString &shortcut);

    // Asks `text` in the open conversation, or in a new one with the chosen model or agent. False
    // when it was not taken (nothing to send, a run going, no model, refused: `error` says why);
    // a question taken that cannot start after all comes back through questionReturned.
    Q_INVOKABLE bool send(const QString &text);
    Q_INVOKABLE void stop();
    Q_INVOKABLE void answerApproval(const QString &toolCallId, AgentDesk::QuickAskController::Decision decision);
    // The last answer's text (Markdown), as Copy puts it on the clipboard.
    Q_INVOKABLE QString answerText() const;
    Q_INVOKABLE void copyAnswer();
    // Any text (a code block) to the clipboard.
    Q_INVOKABLE void copyText(const QString &text);
    // Asks the application to open the conversation in the main window.
    Q_INVOKABLE void continueInMainWindow();
    Q_INVOKABLE void newConversation();
    Q_INVOKABLE void openThread(const QString &threadId);
    // Reads the models and agents again (the picker keeps what it showed when it still exists).
    Q_INVOKABLE void reloadChoices();
    // Reads the open conversation again from what is stored (another window may have changed it).
    Q_INVOKABLE void refresh();
    // Opens a link of an answer in the desktop's browser or mail program (http, https, mailto only).
    Q_INVOKABLE void openLink(const QString &link);

Q_SIGNALS:
    void recentChanged();
    void choicesChanged();
    void choiceChanged();
    void threadChanged();
    void runningChanged();
    void errorChanged();
    void pendingApprovalsChanged();
    void shortcutChanged();
    void continueRequested(const QString &threadId);
    void answerCopied();
    // A question that did not get an answer, back into the field (the key could not be read, the
    // run failed and its cleanup put the text into the thread's draft).
    void questionReturned(const QString &text);

private:
    void connectConversations();
    void setError(const QString &error);
    void setSending(bool sending);
    void startRun(const QString &threadId, bool created);
    void showThreadSettings();
    void onRunFinished(const QString &threadId, bool completed);

    QPointer<ConversationService> m_conversations;
    Loaders m_loaders;
    MessageListModel *m_messages;
    ConversationBlockModel *m_blocks;
    QPointer<QAbstractItemModel> m_recent;
    QList<Choice> m_choices;
    int m_choice = -1;
    QString m_threadId;
    bool m_sending = false;
    quint64 m_generation = 0; // a send's key may come after New or Stop: then it is dropped
    QString m_error;
    QSet<QString> m_approvals;
    QString m_shortcut;
};

} // namespace AgentDesk
