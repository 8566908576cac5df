#include "inference/provideradapter.h"
#include "inference/providererrors.h"

#include <QTest>

using namespace AgentDesk;
using namespace Qt::StringLiterals;

class TestProviderErrors : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void http_data();
    void http();
    void network();
    void inStream();
};

void TestProviderErrors::http_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("retryable");
    QTest::addRow("401") << 401 << QByteArray(R"({"error":{"message":"bad key"}})") << u"PROVIDER_AUTH_FAILED"_s << u"bad key"_s << false;
    QTest::addRow("403") << 403 << QByteArray() << u"PROVIDER_AUTH_FAILED"_s << u"groq answered HTTP 403"_s << false;
    QTest::addRow("429") << 429 << QByteArray(R"({"error":{"message":"slow"}})") << u"MODEL_RATE_LIMIT_EXCEEDED"_s << u"slow"_s << true;
    QTest::addRow("500") << 500 << QByteArray("oops") << u"PROVIDER_UNAVAILABLE_SERVER_OPENAI_COMPATIBLE"_s << u"groq answered HTTP 500"_s << true;
    QTest::addRow("529") << 529 << QByteArray() << u"PROVIDER_UNAVAILABLE_SERVER_OPENAI_COMPATIBLE"_s << u"groq answered HTTP 529"_s << true;
    QTest::addRow("504") << 504 << QByteArray() << u"PROVIDER_UNAVAILABLE_TIMEOUT_OPENAI_COMPATIBLE"_s << u"groq answered HTTP 504"_s << true;
    QTest::addRow("context") << 400 << QByteArray(R"({"error":{"message":"prompt is too long: 210000 tokens > 200000 maximum"}})")
                             << u"CONTEXT_TOO_LONG"_s << u"prompt is too long: 210000 tokens > 200000 maximum"_s << false;
    QTest::addRow("image") << 400 << QByteArray(R"({"error":{"message":"messages.0.content.1.image.source.base64: image exceeds 5 MB maximum"}})")
                           << u"INFERENCE_IMAGE_TOO_LARGE"_s << u"messages.0.content.1.image.source.base64: image exceeds 5 MB maximum"_s << false;
    QTest::addRow("404 model") << 404 << QByteArray(R"({"error":"model 'x' not found"})") << u"INFERENCE_FAILED"_s << u"model 'x' not found"_s << false;
}

void TestProviderErrors::http()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    QFETCH(QString, message);
    QFETCH(bool, retryable);
    Provider p;
    p.name = u"groq"_s;
    p.kind = ProviderKind::OpenAiCompatible;
    p.baseUrl = QUrl(u"https://api.groq.com/openai/v1"_s);
    const auto adapter = ProviderAdapter::create(p);
    const auto classified = ProviderErrors::fromHttp(status, body, *adapter);
    QCOMPARE(classified.error.code, code);
    QCOMPARE(classified.error.message, message);
    QCOMPARE(classified.retryable, retryable);
    QCOMPARE(classified.error.details.value(u"status"_s).toInt(), status);
}

void TestProviderErrors::network()
{
    Provider p;
    p.name = u"local"_s;
    p.kind = ProviderKind::Ollama;
    p.baseUrl = QUrl(u"http://127.0.0.1:11434"_s);
    const auto adapter = ProviderAdapter::create(p);
    auto c = ProviderErrors::fromNetwork(QNetworkReply::ConnectionRefusedError, u"Connection refused"_s, *adapter);
    QCOMPARE(c.error.code, u"PROVIDER_UNAVAILABLE_CONNECTION_OLLAMA"_s);
    QCOMPARE(c.error.message, u"Cannot reach local: Connection refused"_s);
    QVERIFY(c.retryable);
    c = ProviderErrors::fromNetwork(QNetworkReply::SslHandshakeFailedError, u"certificate expired"_s, *adapter);
    QCOMPARE(c.error.code, u"PROVIDER_UNAVAILABLE_REJECTED_OLLAMA"_s);
    QVERIFY(!c.retryable);
    QCOMPARE(ProviderErrors::stalled(180000).error.message, u"The answer stalled: nothing arrived for 180 seconds"_s);
    QCOMPARE(ProviderErrors::aborted().code, u"INFERENCE_ABORTED"_s);
}

void TestProviderErrors::inStream()
{
    QCOMPARE(ProviderErrors::inStream(u"rate_limit_error"_s, u"x"_s, true).error.code, u"MODEL_RATE_LIMIT_EXCEEDED"_s);
    QCOMPARE(ProviderErrors::inStream(u"overloaded_error"_s, u"Overloaded"_s, true).error.code, u"INFERENCE_FAILED"_s);
    QCOMPARE(ProviderErrors::inStream(u"overloaded_error"_s, u"Overloaded"_s, true).error.details.value(u"type"_s).toString(),
             u"overloaded_error"_s);
}

QTEST_GUILESS_MAIN(TestProviderErrors)
#include "tst_providererrors.moc"
