#pragma once

#include "core/error.h"
#include "core/message.h"
#include "core/runinput.h"
#include "tools/toolregistry.h"

#include <QObject>

#include <functional>
#include <optional>

namespace AgentDesk {

class Anonymizer;

// Settles the tool calls of one assistant turn, in order (runs-reference.md §4.1):
// - unknown tool: the model is told so; nothing runs;
// - acknowledged display (charts) and externally handled widgets: arguments validated (a
//   mistake goes back to the model), then acknowledged — or answered with the result the GUI
//   reported for that call (RunToolResultInput), which needs no validation;
// - backend and hybrid tools: validated, executed; hybrids show the model an acknowledgement;
// - results over MaxResultLength characters are replaced by a notice and their first 200;
// - results of tools that return personal data are anonymized in anonymous threads.
// Tool failures are answers to the model, never run errors. cancel() stops the running tool and
// settles nothing further. Thread affinity: the run worker's thread.
class ToolResultCollectorService : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxResultLength = 20'000;
    static constexpr int TruncatedPreviewLength = 200;
    // The default answers of acknowledged display tools and of externally handled widgets.
    static QString displayedText() { return QStringLiteral("Tool has been displayed successfully"); }
    static QString externallyHandledText() { return QStringLiteral("Tool execution is handled externally"); }

    struct Outcome
    {
        QString toolName;
        QString result;
        bool succeeded = true;
    };
    struct PhaseResult
    {
        QList<ContentPart> results; // ToolResultPart, one per call, in call order
        QList<Outcome> outcomes;
        bool cancelled = false;
        std::optional<Error> error; // anonymization failure: the run must stop
    };
    using Done = std::function<void(const PhaseResult &)>;

    // Asked before a backend or hybrid tool runs (approval, product.md §7); `decide` may be called
    // later (the user answers) or never (the run is stopped). Without a gate every tool runs.
    using ApprovalGate = std::function<void(const ToolUsePart &call, const Tool &tool, std::function<void(bool allowed)> decide)>;
    static QString declinedText() { return QStringLiteral("The user did not allow this tool to run."); }

    explicit ToolResultCollectorService(QObject *parent = nullptr) : QObject(parent) {}
    void setApprovalGate(ApprovalGate gate) { m_gate = std::move(gate); }

    void collect(const Message &assistant, const ToolRegistry &registry, const QString &threadId,
                 std::optional<RunToolResultInput> explicitResult, const Anonymizer *anonymizer, Done done);
    void cancel();

    // §4.4: the run ends after this turn when it called no tool, or when it called an externally
    // handled widget and every call of the turn is valid.
    static bool endsRun(const Message &assistant, const ToolRegistry &registry);
    static QJsonObject withoutNulls(const QJsonObject &arguments);
    static QString truncated(const QString &result);

private:
    void next();
    void run(const ToolUsePart &call, Tool *tool, const QJsonObject &arguments, bool explicitForCall);
    void settle(const ToolUsePart &call, const QString &text, bool succeeded, bool mayTruncate, bool personal);

    QList<ToolUsePart> m_calls;
    qsizetype m_index = 0;
    const ToolRegistry *m_registry = nullptr;
    QString m_threadId;
    std::optional<RunToolResultInput> m_explicit;
    const Anonymizer *m_anonymizer = nullptr;
    Done m_done;
    PhaseResult m_result;
    Tool *m_running = nullptr;
    ApprovalGate m_gate;
    quint64 m_generation = 0; // a decision for an earlier phase (or after cancel) is ignored
};

} // namespace AgentDesk
