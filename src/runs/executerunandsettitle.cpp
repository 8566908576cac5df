#include "executerunandsettitle.h"

#include "core/logging.h"
#include "core/piiunmasker.h"
#include "core/titletext.h"
#include "inference/providerclient.h"
#include "storage/piimaskrepository.h"
#include "storage/threadrepository.h"
#include "storage/usagerepository.h"

#include <QElapsedTimer>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {
constexpr int TitleTimeoutMs = 30'000;
}

ExecuteRunAndSetTitle::ExecuteRunAndSetTitle(QNetworkAccessManager *network, QSqlDatabase db, ExecuteRun::Options options, QObject *parent)
    : QObject(parent), m_network(network), m_db(db), m_generateTitle(options.run.generateTitle),
      m_run(new ExecuteRun(network, std::move(db), std::move(options), this))
{
    connect(m_run, &ExecuteRun::eventReady, this, &ExecuteRunAndSetTitle::eventReady);
    connect(m_run, &ExecuteRun::finished, this, &ExecuteRunAndSetTitle::onRunFinished);
    connect(m_run, &ExecuteRun::waitingForThread, this, &ExecuteRunAndSetTitle::waitingForThread);
}

ExecuteRunAndSetTitle::~ExecuteRunAndSetTitle() = default;

void ExecuteRunAndSetTitle::emitEvent(RunEventPayload payload)
{
    Q_EMIT eventReady(RunEvent{m_runId, m_threadId, QDateTime::currentDateTimeUtc(), std::move(payload)});
}

void ExecuteRunAndSetTitle::start(const QString &runId, const QString &threadId, const RunInput &input, const QString &apiKey)
{
    m_runId = runId;
    m_threadId = threadId;
    m_apiKey = apiKey;
    m_cancelled = false;
    m_running = true;
    emitEvent(RunSessionEvent{true});
    m_run->start(runId, threadId, input, apiKey);
}

void ExecuteRunAndSetTitle::cancel()
{
    if (!m_running)
        return;
    m_cancelled = true;
    if (m_titleClient) {
        // The answer is complete; Stop only skips the title.
        m_titleClient->deleteLater();
        m_titleClient = nullptr;
        QMetaObject::invokeMethod(this, &ExecuteRunAndSetTitle::finish, Qt::QueuedConnection);
        return;
    }
    m_run->cancel();
}

void ExecuteRunAndSetTitle::onRunFinished(const ExecuteRun::Result &result)
{
    m_result = result;
    if (result.error && result.outcome != ExecuteRun::Outcome::Aborted) {
        emitEvent(RunErrorEvent{result.error->code, result.error->message, result.error->details});
        return finish();
    }
    if (result.outcome != ExecuteRun::Outcome::Completed || !result.firstRun || result.titleSource.trimmed().isEmpty() || m_cancelled
        || !m_generateTitle)
        return finish();
    InferenceRequest request;
    request.model = result.target.model.name;
    Message user;
    user.role = MessageRole::User;
    user.content = {TextPart{TitleText::prompt(result.titleSource), false, {}, {}}};
    request.messages = {user};
    m_titleClient = new ProviderClient(m_network, this);
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    m_titleClient->complete(
        result.target.provider, m_apiKey, request,
        [this, timer](Result<ProviderAdapter::Completion> completion) {
            if (!m_titleClient)
                return; // stopped meanwhile; cancel() finishes the run
            m_titleClient->deleteLater();
            m_titleClient = nullptr;
            if (!completion) {
                qCWarning(lcRun) << "title generation failed:" << completion.error().code << completion.error().message;
            } else {
                // The title's tokens count against the budget like any other request.
                if (completion->usage.inputTokens || completion->usage.outputTokens) {
                    const UsageRecord record = ExecuteRun::usageRecord(m_result.target, completion->usage, QString(), timer->elapsed());
                    if (auto stored = UsageRepository(m_db).add(record); !stored)
                        qCWarning(lcRun) << "recording the title's usage failed:" << stored.error().message;
                }
                // The title is asked for with masked input (anonymous mode) but only ever shown
                // here: it is stored with the real values (put back before the clean-up, which
                // would take a token's underscores for Markdown).
                const QString title = TitleText::clean(
                    PiiUnmasker(PiiMaskRepository(m_db).masks(m_threadId).value_or(QList<PiiMask>())).unmask(completion->text));
                if (title.isEmpty()) {
                    qCWarning(lcRun) << "title generation failed: EMPTY_TITLE_RESPONSE";
                } else if (auto stored = ThreadRepository(m_db).rename(m_threadId, title); !stored) {
                    qCWarning(lcRun) << "storing the title failed:" << stored.error().message;
                } else {
                    emitEvent(RunThreadEvent{u"title_updated"_s, title});
                }
            }
            finish();
        },
        TitleTimeoutMs);
}

void ExecuteRunAndSetTitle::finish()
{
    if (!m_running)
        return;
    m_running = false;
    emitEvent(RunSessionEvent{false});
    Q_EMIT finished(m_result);
}

} // namespace AgentDesk
