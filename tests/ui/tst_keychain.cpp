#include "testsupport.h"

#include "support/scriptedhttpserver.h"

#include "inference/apikeys.h"
#include "itemmodels/messagelistmodel.h"
#include "runs/runcontroller.h"
#include "ui/workspace.h"
#include "storage/providerrepository.h"
#include "ui/chatpane.h"
#include "ui/composer.h"
#include "ui/mainwindow.h"
#include "ui/providerspage.h"
#include "ui/settingsdialog.h"
#include "ui/welcomepage.h"
#include "ui/localapipage.h"
#include "localapi/localapihost.h"

#include <QCheckBox>
#include <QComboBox>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QPushButton>
#include <QSpinBox>
#include <QTcpServer>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTest>

using namespace AgentDesk;
using namespace AgentDesk::Test;
using namespace Qt::StringLiterals;

// API keys in the system keychain for real (product.md §11, issue 6 §5): the test runs inside a
// private D-Bus session with its own GNOME Keyring (tests/support/with-secret-service), the
// Secret Service QtKeychain uses on Linux. A key typed into Settings goes into the keychain and
// nowhere else; the provider row keeps only its reference; a connection test and a chat read it
// back from the keychain and send it; removing the provider removes the key.
class TestKeychain : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void keysRoundTripThroughTheSecretService();
    void aKeyTypedInSettingsLivesOnlyInTheKeychain();
    void aChatSendsTheKeyFromTheKeychain();
    void aPasswordInTheUrlMovesToTheKeychain();
    void theLocalApiServesWithTheTokenFromTheKeychain();

private:
    static Result<QString> read(const QString &reference);
    static Result<void> write(const QString &reference, const QString &secret);
    // Every file under the data folder that contains `secret` (the database, its WAL, blobs, …).
    QStringList filesContaining(const QByteArray &secret) const;
    // Shows `dialog` and starts a new provider named `name` on its providers page.
    static ProvidersPage *newProvider(SettingsDialog &dialog, const QString &name);

    std::unique_ptr<TempDatabase> m_t;
    std::unique_ptr<ScriptedHttpServer> m_server;
};

void TestKeychain::init()
{
    m_t = std::make_unique<TempDatabase>();
    m_server = std::make_unique<ScriptedHttpServer>();
}

void TestKeychain::cleanup()
{
    m_server.reset();
    m_t.reset();
}

Result<QString> TestKeychain::read(const QString &reference)
{
    std::optional<Result<QString>> out;
    QObject context;
    ApiKeys::readFromKeychain(reference, [&](Result<QString> key) { out = std::move(key); }, &context);
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 10000))
        return makeError(u"TEST"_s, u"the keychain did not answer"_s);
    return *out;
}

Result<void> TestKeychain::write(const QString &reference, const QString &secret)
{
    std::optional<Result<void>> out;
    QObject context;
    ApiKeys::writeToKeychain(reference, secret, [&](Result<void> done) { out = std::move(done); }, &context);
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 10000))
        return makeError(u"TEST"_s, u"the keychain did not answer"_s);
    return *out;
}

QStringList TestKeychain::filesContaining(const QByteArray &secret) const
{
    QStringList found;
    QDirIterator it(m_t->dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(secret))
            found << file.fileName();
    }
    return found;
}

ProvidersPage *TestKeychain::newProvider(SettingsDialog &dialog, const QString &name)
{
    dialog.show();
    if (!QTest::qWaitForWindowExposed(&dialog))
        return nullptr;
    ProvidersPage *page = dialog.providersPage();
    page->newProvider();
    page->nameField()->setText(name);
    return page;
}

void TestKeychain::keysRoundTripThroughTheSecretService()
{
    const QString reference = u"provider/round-trip"_s;
    QCOMPARE(AD_VERIFY_OK(read(reference)).value(), QString()); // none yet: empty, not an error
    QVERIFY(write(reference, u"sk-first-1111"_s));
    QCOMPARE(AD_VERIFY_OK(read(reference)).value(), u"sk-first-1111"_s);
    QVERIFY(write(reference, u"sk-second-2222 ünïcode"_s)); // replacing keeps one entry
    QCOMPARE(AD_VERIFY_OK(read(reference)).value(), u"sk-second-2222 ünïcode"_s);
    QCOMPARE(AD_VERIFY_OK(read(u"provider/other"_s)).value(), QString());

    std::optional<Result<void>> removed;
    QObject context;
    ApiKeys::removeFromKeychain(reference, [&](Result<void> r) { removed = r; }, &context);
    QTRY_VERIFY_WITH_TIMEOUT(removed.has_value(), 10000);
    QVERIFY(*removed);
    QCOMPARE(AD_VERIFY_OK(read(reference)).value(), QString());
}

void TestKeychain::aKeyTypedInSettingsLivesOnlyInTheKeychain()
{
    const QByteArray models = R"({"object":"list","data":[{"id":"gpt-x","object":"model"}]})";
    m_server->enqueue("/v1/models", ScriptedHttpServer::Response::json(200, models));
    m_server->enqueue("/v1/models", ScriptedHttpServer::Response::json(200, models));
    Workspace workspace(m_t->connection(), m_t->dir.path());
    SettingsDialog dialog(&workspace);
    ProvidersPage *page = newProvider(dialog, u"cloud"_s);
    QVERIFY(page);
    page->kindField()->setCurrentIndex(page->kindField()->findData(u"openai-compatible"_s));
    page->urlField()->setText(m_server->url(u"/v1"_s).toString());
    QTest::keyClicks(page->keyField(), u"sk-live-secret-4242"_s);
    QCOMPARE(page->keyField()->echoMode(), QLineEdit::Password);
    std::optional<Result<Provider>> saved;
    page->saveProvider([&](Result<Provider> r) { saved = r; });
    QTRY_VERIFY_WITH_TIMEOUT(saved.has_value(), 10000);
    QVERIFY2(*saved, saved->has_value() ? "" : qPrintable(saved->error().message));
    QCOMPARE(page->status()->text(), u"Saved. The key is in the system keychain."_s);

    // The row keeps the reference only; the key itself is in the keychain and in no file of ours.
    const Provider stored = AD_VERIFY_OK(ProviderRepository(m_t->connection()).provider(u"cloud"_s)).value();
    QCOMPARE(stored.apiKey.keychainKey, u"provider/"_s + stored.id);
    QCOMPARE(AD_VERIFY_OK(read(stored.apiKey.keychainKey)).value(), u"sk-live-secret-4242"_s);
    QCOMPARE(filesContaining("sk-live-secret-4242"), QStringList());
    QCOMPARE(page->keyField()->text(), QString()); // the form forgets it once stored
    QCOMPARE(page->keyField()->placeholderText(), u"stored in the system keychain (type to replace)"_s);

    // Testing the connection reads the key back from the keychain and sends it.
    std::optional<Result<int>> tested;
    page->testConnection([&](Result<int> r) { tested = r; });
    QTRY_VERIFY_WITH_TIMEOUT(tested.has_value(), 10000);
    QCOMPARE(tested->value(), 1);
    QCOMPARE(m_server->requests().size(), 1);
    QCOMPARE(m_server->requests().at(0).headers.value("authorization"), QByteArray("Bearer sk-live-secret-4242"));

    // A new key replaces the old one under the same reference.
    QTest::keyClicks(page->keyField(), u"sk-rotated-7777"_s);
    saved.reset();
    page->saveProvider([&](Result<Provider> r) { saved = r; });
    QTRY_VERIFY_WITH_TIMEOUT(saved.has_value(), 10000);
    QVERIFY(*saved);
    QCOMPARE(AD_VERIFY_OK(ProviderRepository(m_t->connection()).provider(u"cloud"_s)).value().apiKey.keychainKey,
             stored.apiKey.keychainKey);
    QCOMPARE(AD_VERIFY_OK(read(stored.apiKey.keychainKey)).value(), u"sk-rotated-7777"_s);
    tested.reset();
    page->testConnection([&](Result<int> r) { tested = r; });
    QTRY_VERIFY_WITH_TIMEOUT(tested.has_value(), 10000);
    QCOMPARE(m_server->requests().at(1).headers.value("authorization"), QByteArray("Bearer sk-rotated-7777"));
    QCOMPARE(filesContaining("sk-rotated-7777"), QStringList());

    // Removing the provider takes its key out of the keychain too.
    page->removeProvider();
    QCOMPARE(page->status()->text(), u"Removed cloud."_s);
    QTRY_COMPARE_WITH_TIMEOUT(AD_VERIFY_OK(read(stored.apiKey.keychainKey)).value(), QString(), 10000);
}

void TestKeychain::aChatSendsTheKeyFromTheKeychain()
{
    Workspace workspace(m_t->connection(), m_t->dir.path());
    ProviderRepository providers(m_t->connection());
    Provider p;
    p.name = u"cloud"_s;
    p.kind = ProviderKind::OpenAiCompatible;
    p.baseUrl = m_server->url(u"/v1"_s);
    p = AD_VERIFY_OK(providers.addProvider(p)).value();
    p.apiKey.keychainKey = ApiKeys::keychainKey(p);
    QVERIFY(write(p.apiKey.keychainKey, u"sk-chat-5150"_s));
    QVERIFY(providers.updateProvider(p));
    Model m;
    m.providerName = u"cloud"_s;
    m.name = u"gpt-x"_s;
    m.isDefault = true;
    QVERIFY(providers.addModel(m));
    m_server->enqueue("/v1/chat/completions",
                      ScriptedHttpServer::Response::stream("text/event-stream", openAiTextStream({u"Hello "_s, u"there."_s})));
    m_server->enqueue("/v1/chat/completions",
                      ScriptedHttpServer::Response::json(200, R"({"choices":[{"index":0,"message":{"content":"Greeting"}}]})"));

    RunController runs(m_t->dir.path());
    MainWindow window(&workspace, &runs, QList<WelcomePage::Candidate>{});
    window.resize(1000, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Composer *composer = window.chat()->composer();
    QCOMPARE(composer->model(), u"cloud/gpt-x"_s);
    composer->editor()->setFocus();
    QTest::keyClicks(composer->editor(), u"Hi"_s);
    QTest::keyClick(composer->editor(), Qt::Key_Return);

    MessageListModel *messages = window.chat()->messages();
    QTRY_COMPARE_WITH_TIMEOUT(messages->rowCount(), 2, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(messages->index(1).data(MessageListModel::StatusRole).toString(), u"complete"_s, 10000);
    QCOMPARE(messages->index(1).data(MessageListModel::TextRole).toString(), u"Hello there."_s);
    QTRY_VERIFY(!composer->isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requests().size(), 2, 10000); // the answer and the title
    for (const ScriptedHttpServer::Request &request : m_server->requests())
        QCOMPARE(request.headers.value("authorization"), QByteArray("Bearer sk-chat-5150"));
    QCOMPARE(filesContaining("sk-chat-5150"), QStringList());
}

// A user pastes a URL with the key in it: the URL is stored without it, the key is in the keychain
// only, and the list and the form show the URL without it.
void TestKeychain::aPasswordInTheUrlMovesToTheKeychain()
{
    Workspace workspace(m_t->connection(), m_t->dir.path());
    SettingsDialog dialog(&workspace);
    ProvidersPage *page = newProvider(dialog, u"proxy"_s);
    QVERIFY(page);
    QUrl url = m_server->url(u"/v1"_s);
    url.setUserName(u"me"_s);
    url.setPassword(u"pw-in-url-5151"_s);
    page->urlField()->setText(url.toString());
    std::optional<Result<Provider>> saved;
    page->saveProvider([&](Result<Provider> r) { saved = r; });
    QTRY_VERIFY_WITH_TIMEOUT(saved.has_value(), 10000);
    QVERIFY2(*saved, saved->has_value() ? "" : qPrintable(saved->error().message));
    QCOMPARE(page->status()->text(), u"Saved. The password from the URL is now the key, kept in the system keychain."_s);
    QCOMPARE(page->urlField()->text(), m_server->url(u"/v1"_s).toString());
    const Provider stored = AD_VERIFY_OK(ProviderRepository(m_t->connection()).provider(u"proxy"_s)).value();
    QCOMPARE(stored.baseUrl, m_server->url(u"/v1"_s));
    QCOMPARE(AD_VERIFY_OK(read(stored.apiKey.keychainKey)).value(), u"pw-in-url-5151"_s);
    QCOMPARE(filesContaining("pw-in-url-5151"), QStringList());

    // A different key in the field and a password in the URL: refused, nothing changes.
    url.setPassword(u"other-6262"_s);
    page->urlField()->setText(url.toString());
    QTest::keyClicks(page->keyField(), u"sk-field-7373"_s);
    saved.reset();
    page->saveProvider([&](Result<Provider> r) { saved = r; });
    QTRY_VERIFY_WITH_TIMEOUT(saved.has_value(), 10000);
    QVERIFY(!*saved);
    QCOMPARE(page->status()->text(), u"The base URL holds a password and the key field a different key. Remove the password "
                                     "from the URL, or the key from its field."_s);
    QCOMPARE(AD_VERIFY_OK(read(stored.apiKey.keychainKey)).value(), u"pw-in-url-5151"_s);
    QCOMPARE(filesContaining("other-6262"), QStringList());
}

// Settings → Local API (issue 17 point 1): turned on, the window serves with a token it made and
// keeps in the keychain (and nowhere else); the page shows the address and, on request, the token
// and an example that carries it; a new token refuses the old one at once; turned off, it stops.
void TestKeychain::theLocalApiServesWithTheTokenFromTheKeychain()
{
    quint16 port = 0;
    {
        QTcpServer probe; // a port that is free now
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        port = probe.serverPort();
    }
    Workspace workspace(m_t->connection(), m_t->dir.path());
    SettingsDialog dialog(&workspace);
    dialog.showPage(SettingsDialog::Page::LocalApi);
    LocalApiPage *page = dialog.localApiPage();
    page->findChild<QCheckBox *>(u"localApiEnabled"_s)->setChecked(true);
    page->findChild<QSpinBox *>(u"localApiPort"_s)->setValue(port);
    QVERIFY(page->save());
    LocalApiHost &host = workspace.localApi();
    QVERIFY2(QTest::qWaitFor([&] { return host.state() == LocalApiHost::State::Serving; }, 10'000), qPrintable(host.error()));
    QCOMPARE(page->findChild<QLineEdit *>(u"localApiUrl"_s)->text(), u"http://127.0.0.1:%1/v1"_s.arg(port));
    QCOMPARE(page->findChild<QLabel *>(u"localApiState"_s)->text(), u"Serving"_s);
    const QString token = AD_VERIFY_OK(read(u"local-api/token"_s)).value();
    QVERIFY(token.startsWith(u"adk-"_s));
    QCOMPARE(token.size(), 47);
    QCOMPARE(host.token(), token);
    QVERIFY2(filesContaining(token.toUtf8()).isEmpty(), qPrintable(filesContaining(token.toUtf8()).join(u", "_s)));
    // Shown only on request; the example carries it then.
    QLineEdit *tokenField = page->findChild<QLineEdit *>(u"localApiToken"_s);
    QCOMPARE(tokenField->echoMode(), QLineEdit::Password);
    auto *example = page->findChild<QPlainTextEdit *>(u"localApiExample"_s);
    QVERIFY(example->toPlainText().contains(u"Bearer $AGENTDESK_TOKEN"_s));
    page->findChild<QPushButton *>(u"localApiShowToken"_s)->click();
    QCOMPARE(tokenField->echoMode(), QLineEdit::Normal);
    QCOMPARE(tokenField->text(), token);
    QVERIFY(example->toPlainText().contains(u"Bearer "_s + token));
    QCOMPARE(page->curlExample(true), u"curl http://127.0.0.1:%1/v1/chat/completions \\\n  -H \"Authorization: Bearer %2\" \\\n"
                                      "  -H \"Content-Type: application/json\" \\\n  -d '{\"model\": \"agent/NAME\", \"messages\": "
                                      "[{\"role\": \"user\", \"content\": \"Hello\"}]}'"_s.arg(port).arg(token));

    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy::NoProxy);
    const auto status = [&](const QString &bearer) {
        QNetworkRequest request(QUrl(u"http://127.0.0.1:%1/v1/models"_s.arg(port)));
        request.setRawHeader("Authorization", "Bearer " + bearer.toUtf8());
        QNetworkReply *reply = network.get(request);
        if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 10'000))
            return -1;
        reply->deleteLater();
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    };
    QCOMPARE(status(token), 200);
    QCOMPARE(status(u"wrong"_s), 401);

    // A new token: the old one is refused from now on.
    page->findChild<QPushButton *>(u"localApiRegenerate"_s)->click();
    QVERIFY(QTest::qWaitFor([&] { return host.state() == LocalApiHost::State::Serving && host.token() != token; }, 10'000));
    const QString fresh = AD_VERIFY_OK(read(u"local-api/token"_s)).value();
    QCOMPARE(host.token(), fresh);
    QCOMPARE(tokenField->text(), fresh);
    QCOMPARE(status(token), 401);
    QCOMPARE(status(fresh), 200);

    // Off: nothing listens.
    page->findChild<QCheckBox *>(u"localApiEnabled"_s)->setChecked(false);
    QVERIFY(page->save());
    QCOMPARE(host.state(), LocalApiHost::State::Stopped);
    QCOMPARE(status(fresh), 0);
    QCOMPARE(AD_VERIFY_OK(workspace.settings().localApiSettings()).value().port, int(port));
}

QTEST_MAIN(TestKeychain)

#include "tst_keychain.moc"
