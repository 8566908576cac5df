#pragma once

#include "core/error.h"

#include <QUrl>
#include <QWidget>

#include <functional>

class QLabel;
class QVBoxLayout;

namespace AgentDesk {

class Workspace;

// First start (issue 6 §7): with no provider set up, the window opens here. It looks for local
// model servers on their default ports (Ollama 11434, LM Studio 1234, llama.cpp 8080) and offers
// each one it finds with one click (provider stored, models discovered, the first made the
// default); cloud services open Settings with their preset. Reading stored conversations needs no
// provider: "Continue without a provider" goes to them. GUI thread.
class WelcomePage : public QWidget
{
    Q_OBJECT
public:
    struct Candidate
    {
        QString presetId;
        QUrl baseUrl;
    };
    static QList<Candidate> defaultCandidates();

    explicit WelcomePage(Workspace *workspace, QWidget *parent = nullptr);

    void setCandidates(const QList<Candidate> &candidates) { m_candidates = candidates; }
    // Probes every candidate (asynchronous; `detectionFinished` when all answered or timed out).
    void detect();
    bool isDetecting() const { return m_pending > 0; }
    QStringList detected() const; // preset ids found, in candidate order
    // Sets up a detected server: provider, its models, the first one as default.
    void use(const QString &presetId, std::function<void(Result<int>)> done = {});
    QLabel *status() const { return m_status; }

Q_SIGNALS:
    void detectionFinished();
    void providerReady();
    void settingsRequested(const QString &presetId);
    void skipped();

private:
    void showFound();

    Workspace *m_workspace;
    QList<Candidate> m_candidates;
    QHash<QString, QStringList> m_found; // preset id → model names
    int m_pending = 0;
    quint64 m_generation = 0;
    QVBoxLayout *m_foundLayout;
    QLabel *m_status;
};

} // namespace AgentDesk
