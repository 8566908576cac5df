#pragma once

#include "core/runinput.h"

#include <QPlainTextEdit>
#include <QWidget>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QToolButton;

namespace AgentDesk {

// The message input (product.md §11): multi-line; Enter sends, Shift+Enter starts a new line;
// pasted or dropped images become attachments, dropped files become sources; model and agent
// pickers, skill quick actions, the anonymous toggle, and Send turning into Stop while the run
// streams. It holds what the user typed; the owner saves it as the thread's draft. GUI thread.
class Composer : public QWidget
{
    Q_OBJECT
public:
    explicit Composer(QWidget *parent = nullptr);

    QString text() const;
    void setText(const QString &text);
    QList<PendingImage> images() const { return m_images; }
    QStringList files() const { return m_files; }
    void addImage(const PendingImage &image);
    void addFile(const QString &path);
    // An image file becomes an image of the message, any other file a source.
    void addPath(const QString &path);
    void clear();
    bool isEmpty() const;

    void setRunning(bool running);
    bool isRunning() const { return m_running; }

    // Entries are "provider/model"; `current` empty: the default.
    void setModels(const QStringList &models, const QString &current);
    QString model() const;
    void setModel(const QString &model);
    // Agents by (id, name); `current` empty: none.
    void setAgents(const QList<std::pair<QString, QString>> &agents, const QString &current);
    QString agentId() const;
    void setAgentId(const QString &id);
    // Skills offered as quick actions, by (id, name).
    void setSkills(const QList<std::pair<QString, QString>> &skills);
    void setAnonymous(bool anonymous);
    bool isAnonymous() const;

    void focusInput();
    QPlainTextEdit *editor() const;

Q_SIGNALS:
    void sendRequested();
    void stopRequested();
    void textEdited();
    void modelChosen(const QString &model);
    void agentChosen(const QString &agentId);
    void anonymousToggled(bool anonymous);
    void skillActivated(const QString &skillId);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    class Edit;
    void setUpInput();   // the text field and Send
    void setUpPickers(); // model, agent, skills, anonymous, attach
    void layoutWidgets();
    void updateButtons();
    void rebuildChips();
    bool acceptMime(const QMimeData *mime);

    Edit *m_edit;
    QToolButton *m_send;
    QComboBox *m_model;
    QComboBox *m_agent;
    QToolButton *m_skills;
    QToolButton *m_anonymous;
    QToolButton *m_attach;
    QWidget *m_chips;
    QHBoxLayout *m_chipLayout;
    QList<PendingImage> m_images;
    QStringList m_files;
    bool m_running = false;
    bool m_filling = false;
};

} // namespace AgentDesk
