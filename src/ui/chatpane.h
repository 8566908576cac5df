#pragma once

#include "core/error.h"
#include "core/provider.h"
#include "core/runevent.h"
#include "core/thread.h"
#include "runs/conversationservice.h"
#include "runs/executerun.h"

#include <QCache>
#include <QHash>
#include <QImage>
#include <QSet>
#include <QTimer>
#include <QWidget>

#include <functional>

namespace AgentDesk {

class Workspace;

class ArtifactPanel;
class Composer;
class ConversationView;
class MessageListModel;

// One conversation at a time: the conversation view over a MessageListModel, the composer, and
// what connects them to the run engine (product.md §3, §11). Sending creates the thread on first
// use, reads the provider's key from the keychain, and starts the run; the run's events go into
// the model of the thread they belong to (a thread streaming in the background is read from the
// database when it is opened again). After a failed or stopped run the stored messages are
// authoritative: rows the cleanup deleted go, and the user's text comes back into the composer.
// The draft is saved per thread. GUI thread; reads and writes through the GUI's own connection.
class ChatPane : public QWidget
{
    Q_OBJECT
public:
    explicit ChatPane(Workspace *workspace, QWidget *parent = nullptr);
    ~ChatPane() override;

    // Shows a stored thread, or an empty new conversation for an empty id. The current draft is
    // saved first.
    void openThread(const QString &threadId);
    QString threadId() const { return m_threadId; }
    // Models, agents and skills for the pickers (after settings changed).
    void reloadChoices();
    void stop();
    void saveDraft();
    void focusComposer();
    // A file for the next message (as when dropped on the composer).
    void attachFile(const QString &path);
    // Opens the thread at one of its messages (a search hit): a version not shown becomes shown.
    void revealMessage(const QString &threadId, const QString &messageId);

    MessageListModel *messages() const { return m_messages; }
    ConversationView *view() const { return m_view; }
    Composer *composer() const { return m_composer; }
    ArtifactPanel *artifacts() const { return m_artifacts; }

Q_SIGNALS:
    // A new thread was stored (first send of a new conversation).
    void threadCreated(const AgentDesk::Thread &thread);
    // A stored thread changed (activity, title, settings): the list reloads it.
    void threadChanged(const QString &threadId);
    void statusMessage(const QString &text);

private:
    void layoutWidgets();
    void connectComposer();
    void connectView();
    void connectConversations();
    void send();
    // False (with the reason shown) when the run could not start.
    bool startRun(const ConversationService::PreparedRun &prepared, const QString &apiKey);
    // The error box's Retry: again what the last run of this pane did.
    void retry();
    // Reads the prepared run's key, then `then` with it (or shows why it could not be read).
    void withKey(const ConversationService::PreparedRun &prepared, std::function<void(const QString &)> then);
    void onRunFinished(const QString &threadId, const ExecuteRun::Result &result, const QStringList &produced);
    void showError(const QString &message);
    void editMessage(const QString &messageId);
    void sendEdit();
    void regenerate(const QString &messageId);
    void switchVersion(const QString &messageId, int step);
    // Replaces the rows from `replacedId` on with the active path from `shownId` down.
    void showBranchFrom(const QString &replacedId, const QString &shownId);
    // Brings the rows in line with the stored active path (after a run, a switch elsewhere).
    void resync();
    void fork(const QString &messageId);
    void applyThreadSettings();
    void loadUsage(const QStringList &messageIds);
    QString usageText(const QString &messageId) const;
    QImage image(const QString &blob);
    void showImage(const QString &blob);

    Workspace *m_workspace;
    ConversationService *m_conversations;
    MessageListModel *m_messages;
    ConversationView *m_view;
    Composer *m_composer;
    ArtifactPanel *m_artifacts;
    int m_artifactCount = 0;
    QString m_threadId;
    QString m_newDraft; // the draft of the new, not yet stored conversation
    QString m_editing;  // the user message that Send adds a new version of
    struct LastRun
    {
        enum class Kind { Send, Edit, Regenerate } kind = Kind::Send;
        QString messageId; // the edited message, the question answered again
        QString threadId;
    };
    LastRun m_lastRun;
    bool m_sending = false;
    QTimer m_draftTimer;
    struct Usage
    {
        qint64 input = 0;
        qint64 output = 0;
        double cost = -1;
    };
    QHash<QString, Usage> m_usage; // by message id
    QCache<QString, QImage> m_images{64 * 1024 * 1024};
};

} // namespace AgentDesk
