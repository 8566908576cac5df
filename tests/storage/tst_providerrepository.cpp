#include "testsupport.h"

#include "storage/providerrepository.h"

#include <QSqlQuery>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestProviderRepository : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void providersRoundTrip();
    void rejectsBadProviders_data();
    void rejectsBadProviders();
    void modelsWithDefaultAndPrices();
    void removingAProviderRemovesItsModels();
    void updatesProvidersAndModels();

private:
    static Provider local();
};

Provider TestProviderRepository::local()
{
    Provider p;
    p.name = u"local"_s;
    p.kind = ProviderKind::Ollama;
    p.baseUrl = QUrl(u"http://127.0.0.1:11434"_s);
    return p;
}

void TestProviderRepository::updatesProvidersAndModels()
{
    Test::TempDatabase t;
    ProviderRepository repo(t.connection());
    Provider p = AD_VERIFY_OK(repo.addProvider(local())).value();
    Provider other = local();
    other.name = u"other"_s;
    QVERIFY(repo.addProvider(other));
    p.name = u"ollama"_s;
    p.baseUrl = QUrl(u"http://127.0.0.1:11435"_s);
    p.apiKey.keychainKey = u"provider/"_s + p.id;
    QVERIFY(repo.updateProvider(p));
    QCOMPARE(AD_VERIFY_OK(repo.providerById(p.id)).value(), p);
    // A taken name or a bad URL is refused and changes nothing.
    Provider clash = p;
    clash.name = u"other"_s;
    QCOMPARE(repo.updateProvider(clash).error().code, QString(ErrorCode::AlreadyExists));
    Provider badUrl = p;
    badUrl.baseUrl = QUrl(u"ftp://x"_s);
    QCOMPARE(repo.updateProvider(badUrl).error().code, QString(ErrorCode::InvalidArgument));
    QCOMPARE(AD_VERIFY_OK(repo.providerById(p.id)).value(), p);
    Provider gone = p;
    gone.id = u"nope"_s;
    QCOMPARE(repo.updateProvider(gone).error().code, QString(ErrorCode::NotFound));

    Model a;
    a.providerName = u"ollama"_s;
    a.name = u"llama3"_s;
    a.isDefault = true;
    a = AD_VERIFY_OK(repo.addModel(a)).value();
    Model b;
    b.providerName = u"ollama"_s;
    b.name = u"qwen"_s;
    b = AD_VERIFY_OK(repo.addModel(b)).value();
    b.displayName = u"Qwen"_s;
    b.capabilities.tools = true;
    b.capabilities.contextWindow = 32768;
    b.inputPricePerMillion = 0.1;
    b.isDefault = true;
    b.isTitleModel = true;
    QVERIFY(repo.updateModel(b));
    QCOMPARE(AD_VERIFY_OK(repo.model(u"ollama/qwen"_s)).value(), b);
    QVERIFY(!AD_VERIFY_OK(repo.model(u"ollama/llama3"_s)).value().isDefault); // one default
    QCOMPARE(AD_VERIFY_OK(repo.defaultModel()).value().name, u"qwen"_s);
    b.outputPricePerMillion = -1;
    QCOMPARE(repo.updateModel(b).error().message, u"Prices must not be negative"_s);
    QVERIFY(!AD_VERIFY_OK(repo.model(u"ollama/qwen"_s)).value().outputPricePerMillion);
}

void TestProviderRepository::providersRoundTrip()
{
    Test::TempDatabase t;
    ProviderRepository repo(t.connection());
    Provider p = local();
    p.apiKey.envVar = u"OLLAMA_KEY"_s;
    p.headers = {{u"X-Team"_s, u"research"_s}};
    const Provider stored = AD_VERIFY_OK(repo.addProvider(p)).value();
    QCOMPARE(AD_VERIFY_OK(repo.provider(u"local"_s)).value(), stored);
    QCOMPARE(AD_VERIFY_OK(repo.providerById(stored.id)).value().name, u"local"_s);
    QCOMPARE(AD_VERIFY_OK(repo.providers()).value().size(), 1);
}

void TestProviderRepository::rejectsBadProviders_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::addRow("duplicate") << u"local"_s << u"http://x"_s << QString(ErrorCode::AlreadyExists)
                               << u"A provider named \"local\" already exists"_s;
    QTest::addRow("empty name") << u" "_s << u"http://x"_s << QString(ErrorCode::InvalidArgument)
                                << u"A provider name must be non-empty and contain no \"/\""_s;
    QTest::addRow("slash in name") << u"a/b"_s << u"http://x"_s << QString(ErrorCode::InvalidArgument)
                                   << u"A provider name must be non-empty and contain no \"/\""_s;
    QTest::addRow("no scheme") << u"x"_s << u"localhost:11434"_s << QString(ErrorCode::InvalidArgument)
                               << u"\"localhost:11434\" is not an http(s) URL"_s;
    QTest::addRow("ftp") << u"x"_s << u"ftp://host"_s << QString(ErrorCode::InvalidArgument)
                         << u"\"ftp://host\" is not an http(s) URL"_s;
}

void TestProviderRepository::rejectsBadProviders()
{
    QFETCH(QString, name);
    QFETCH(QString, url);
    QFETCH(QString, code);
    QFETCH(QString, message);
    Test::TempDatabase t;
    ProviderRepository repo(t.connection());
    QVERIFY(repo.addProvider(local()));
    Provider p = local();
    p.name = name;
    p.baseUrl = QUrl(url);
    const auto result = repo.addProvider(p);
    QVERIFY(!result);
    QCOMPARE(result.error().code, code);
    QCOMPARE(result.error().message, message);
    QCOMPARE(AD_VERIFY_OK(repo.providers()).value().size(), 1);
}

void TestProviderRepository::modelsWithDefaultAndPrices()
{
    Test::TempDatabase t;
    ProviderRepository repo(t.connection());
    QVERIFY(repo.addProvider(local()));
    Model a;
    a.providerName = u"local"_s;
    a.name = u"llama3"_s;
    a.capabilities.tools = true;
    a.capabilities.contextWindow = 8192;
    a.isDefault = true;
    QVERIFY(repo.addModel(a));
    Model b;
    b.providerName = u"local"_s;
    b.name = u"qwen"_s;
    b.inputPricePerMillion = 0.5;
    b.outputPricePerMillion = 1.5;
    b.isDefault = true;
    QVERIFY(repo.addModel(b));
    QCOMPARE(AD_VERIFY_OK(repo.defaultModel()).value().qualifiedName(), u"local/qwen"_s);
    const Model llama = AD_VERIFY_OK(repo.model(u"local/llama3"_s)).value();
    QVERIFY(!llama.isDefault);
    QVERIFY(llama.capabilities.tools);
    QCOMPARE(llama.capabilities.contextWindow, 8192);
    QCOMPARE(llama.inputPricePerMillion, std::nullopt);
    QCOMPARE(AD_VERIFY_OK(repo.model(u"local/qwen"_s)).value().outputPricePerMillion, std::optional<double>(1.5));
    QVERIFY(repo.setDefaultModel(u"local/llama3"_s));
    QCOMPARE(AD_VERIFY_OK(repo.defaultModel()).value().name, u"llama3"_s);

    QCOMPARE(repo.addModel(a).error().code, QString(ErrorCode::AlreadyExists));
    Model orphan = a;
    orphan.providerName = u"nobody"_s;
    QCOMPARE(repo.addModel(orphan).error().code, QString(ErrorCode::NotFound));
    QCOMPARE(repo.model(u"nonsense"_s).error().code, QString(ErrorCode::InvalidArgument));
    Model negative = b;
    negative.name = u"neg"_s;
    negative.inputPricePerMillion = -1;
    QCOMPARE(repo.addModel(negative).error().code, QString(ErrorCode::InvalidArgument));
    QCOMPARE(AD_VERIFY_OK(repo.models()).value().size(), 2);
}

void TestProviderRepository::removingAProviderRemovesItsModels()
{
    Test::TempDatabase t;
    ProviderRepository repo(t.connection());
    QVERIFY(repo.addProvider(local()));
    Model m;
    m.providerName = u"local"_s;
    m.name = u"llama3"_s;
    QVERIFY(repo.addModel(m));
    QVERIFY(repo.removeProvider(u"local"_s));
    QCOMPARE(AD_VERIFY_OK(repo.models()).value().size(), 0);
    QCOMPARE(repo.removeProvider(u"local"_s).error().code, QString(ErrorCode::NotFound));
}

QTEST_GUILESS_MAIN(TestProviderRepository)
#include "tst_providerrepository.moc"
