#pragma once

// Test helpers shared by the run-engine tests: the local provider and model, a run driven to its
// end while its events are recorded, and the parts of a message by kind.

#include "testsupport.h"

#include "runs/executerun.h"
#include "storage/providerrepository.h"
#include "storage/settingsrepository.h"
#include "storage/usagerepository.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QTest>
#include <QUrl>

#include <functional>

namespace AgentDesk::Test {

// The provider "local" (OpenAI-compatible, at `baseUrl`) and its model "local/m": tool-capable,
// the default, $1/$2 per million tokens.
inline void addLocalModel(const QSqlDatabase &db, const QUrl &baseUrl)
{
    ProviderRepository providers(db);
    Provider p;
    p.name = QStringLiteral("local");
    p.kind = ProviderKind::OpenAiCompatible;
    p.baseUrl = baseUrl;
    QVERIFY(providers.addProvider(p));
    Model m;
    m.providerName = QStringLiteral("local");
    m.name = QStringLiteral("m");
    m.capabilities.tools = true;
    m.isDefault = true;
    m.inputPricePerMillion = 1.0;
    m.outputPricePerMillion = 2.0;
    QVERIFY(providers.addModel(m));
}

// A monthly budget of `limit` and a usage record of model "local/m" that cost `spent` this month.
inline void setBudgetAndSpend(const QSqlDatabase &db, double limit, double spent)
{
    SettingsRepository settings(db);
    auto chat = AD_VERIFY_OK(settings.chatSettings()).value();
    chat.monthlyBudget = limit;
    QVERIFY(settings.setChatSettings(chat));
    UsageRecord record;
    record.model = QStringLiteral("local/m");
    record.cost = spent;
    record.inputTokens = 1;
    QVERIFY(UsageRepository(db).add(record));
}

struct RecordedRun
{
    ExecuteRun::Result result;
    QList<RunEvent> events;
};

// Starts `executor` (ExecuteRun or ExecuteRunAndSetTitle) and waits for its end; `onEvent` sees
// every event as it comes (and may answer approvals or stop the run).
template<typename Executor>
RecordedRun runToEnd(QObject *context, Executor &executor, const QString &threadId, const RunInput &input,
                     const std::function<void(Executor &, const RunEvent &)> &onEvent = {})
{
    RecordedRun out;
    bool done = false;
    QObject::connect(&executor, &Executor::eventReady, context, [&](const RunEvent &event) {
        out.events << event;
        if (onEvent)
            onEvent(executor, event);
    });
    QObject::connect(&executor, &Executor::finished, context, [&](const ExecuteRun::Result &result) {
        out.result = result;
        done = true;
    });
    executor.start(QStringLiteral("run-test"), threadId, input, {});
    if (!QTest::qWaitFor([&] { return done; }, 20000))
        qFatal("the run did not finish");
    return out;
}

inline QList<ToolUsePart> toolCalls(const Message &message)
{
    QList<ToolUsePart> out;
    for (const ContentPart &part : message.content) {
        if (const auto *call = std::get_if<ToolUsePart>(&part))
            out << *call;
    }
    return out;
}

inline QList<ToolResultPart> toolResults(const Message &message)
{
    QList<ToolResultPart> out;
    for (const ContentPart &part : message.content) {
        if (const auto *result = std::get_if<ToolResultPart>(&part))
            out << *result;
    }
    return out;
}

// A valid bar_chart call's arguments.
inline QJsonObject barChartArguments()
{
    using namespace Qt::StringLiterals;
    return QJsonObject{{u"chartTitle"_s, u"Sales"_s},
                       {u"xAxis"_s, QJsonArray{u"Q1"_s, u"Q2"_s}},
                       {u"yAxis"_s, QJsonArray{QJsonObject{{u"label"_s, u"2026"_s}, {u"values"_s, QJsonArray{3, 5}}}}},
                       {u"insight"_s, u"Q2 grew."_s}};
}

} // namespace AgentDesk::Test
