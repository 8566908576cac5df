#include "roletracker.h"

#include "itemmodels/providerlistmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace AgentDesk;
using namespace AgentDesk::Test;
using namespace Qt::StringLiterals;

// Providers and models for Settings: no key in any role, exact roles per change, one default.
class TestProviderListModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void providersShowWhereTheKeyLivesNeverTheKey();
    void modelsChangeInPlaceAndKeepOneDefault();
};

void TestProviderListModel::providersShowWhereTheKeyLivesNeverTheKey()
{
    ProviderListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    RoleTracker roles(&model);
    Provider openai;
    openai.id = u"p1"_s;
    openai.name = u"openai"_s;
    openai.kind = ProviderKind::OpenAi;
    openai.baseUrl = QUrl(u"https://api.openai.com/v1"_s);
    openai.apiKey.keychainKey = u"provider/p1"_s;
    Provider local;
    local.id = u"p2"_s;
    local.name = u"ollama"_s;
    local.kind = ProviderKind::Ollama;
    local.baseUrl = QUrl(u"http://127.0.0.1:11434"_s);
    model.setItems({openai, local});
    QCOMPARE(model.index(0).data(ProviderListModel::KindRole).toString(), u"openai"_s);
    QCOMPARE(model.index(0).data(ProviderListModel::KeySourceRole).toString(), u"keychain"_s);
    QCOMPARE(model.index(1).data(ProviderListModel::KeySourceRole).toString(), QString());
    QCOMPARE(model.index(1).data(ProviderListModel::BaseUrlRole).toString(), u"http://127.0.0.1:11434"_s);
    local.apiKey.envVar = u"OLLAMA_KEY"_s;
    model.upsert(local);
    QCOMPARE(roles.take(), QStringList{u"1:keySource"_s});
    QCOMPARE(model.index(1).data(ProviderListModel::KeySourceRole).toString(), u"environment"_s);
    local.baseUrl = QUrl(u"http://127.0.0.1:11435"_s);
    local.name = u"ollama2"_s;
    model.upsert(local);
    QCOMPARE(roles.take(), QStringList{u"1:display,name,toolTip,baseUrl"_s});
    // Every role of every row: nothing that looks like a key.
    for (int row = 0; row < model.rowCount(); ++row) {
        for (int role : model.roleNames().keys())
            QVERIFY(!model.index(row).data(role).toString().contains(u"sk-"_s));
    }
}

void TestProviderListModel::modelsChangeInPlaceAndKeepOneDefault()
{
    ModelListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    RoleTracker roles(&model);
    Model a;
    a.id = u"m1"_s;
    a.providerName = u"openai"_s;
    a.name = u"gpt-4o"_s;
    a.capabilities.tools = true;
    a.capabilities.vision = true;
    a.capabilities.contextWindow = 128000;
    a.inputPricePerMillion = 2.5;
    a.outputPricePerMillion = 10;
    a.isDefault = true;
    Model b;
    b.id = u"m2"_s;
    b.providerName = u"ollama"_s;
    b.name = u"llama3"_s;
    b.displayName = u"Llama 3"_s;
    model.setItems({a, b});
    QCOMPARE(model.index(0).data().toString(), u"openai/gpt-4o"_s);
    QCOMPARE(model.index(0).data(ModelListModel::DisplayNameRole).toString(), u"gpt-4o"_s);
    QCOMPARE(model.index(1).data(ModelListModel::DisplayNameRole).toString(), u"Llama 3"_s);
    QCOMPARE(model.index(0).data(ModelListModel::InputPriceRole).toDouble(), 2.5);
    QVERIFY(model.index(1).data(ModelListModel::InputPriceRole).isNull());
    QCOMPARE(model.index(0).data(ModelListModel::ContextWindowRole).toInt(), 128000);

    model.setDefault(u"ollama/llama3"_s);
    QCOMPARE(roles.take(), (QStringList{u"0:isDefault"_s, u"1:isDefault"_s}));
    QVERIFY(!model.index(0).data(ModelListModel::DefaultRole).toBool());
    QVERIFY(model.index(1).data(ModelListModel::DefaultRole).toBool());
    model.setDefault(u"ollama/llama3"_s);
    QCOMPARE(roles.take(), QStringList{});

    b.isDefault = true;
    b.capabilities.reasoning = true;
    b.outputPricePerMillion = 0.5;
    b.isTitleModel = true;
    model.upsert(b);
    QCOMPARE(roles.take(), QStringList{u"1:reasoning,outputPrice,isTitleModel"_s});
    b.name = u"llama3.1"_s;
    model.upsert(b);
    QCOMPARE(roles.take(), QStringList{u"1:display,qualifiedName"_s}); // the display name stays "Llama 3"
}

QTEST_APPLESS_MAIN(TestProviderListModel)
#include "tst_providerlistmodel.moc"
