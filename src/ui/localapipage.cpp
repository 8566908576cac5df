#include "localapipage.h"

#include "workspace.h"

#include "localapi/localapihost.h"
#include "localapi/localapiserver.h"

#include <QCheckBox>
#include <QClipboard>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

QSpinBox *spinBox(const QString &name, const QString &accessible, int most, const QString &suffix)
{
    auto *box = new QSpinBox;
    box->setObjectName(name);
    box->setAccessibleName(accessible);
    box->setRange(1, most);
    box->setSuffix(suffix);
    return box;
}

} // namespace

LocalApiPage::LocalApiPage(Workspace *workspace, QWidget *parent)
    : QWidget(parent), m_workspace(workspace), m_enabled(new QCheckBox(tr("Serve the local API"))), m_host(new QLineEdit),
      m_port(new QSpinBox), m_state(new QLabel), m_url(new QLineEdit), m_token(new QLineEdit), m_showToken(new QPushButton(tr("Show"))),
      m_example(new QPlainTextEdit), m_keep(new QCheckBox(tr("Keep API conversations (in the API section of the thread list)"))),
      m_allowAsking(new QCheckBox(tr("Allow tools that ask, for API requests"))), m_origins(new QLineEdit),
      m_maxBody(spinBox(u"localApiMaxBody"_s, tr("Largest request"), 1024, tr(" MB"))),
      m_concurrent(spinBox(u"localApiConcurrent"_s, tr("Requests answered at once"), 1024, QString())),
      m_rate(spinBox(u"localApiRate"_s, tr("Requests a minute"), 100000, QString())), m_status(new QLabel)
{
    setObjectName(u"localApiPage"_s);
    m_enabled->setObjectName(u"localApiEnabled"_s);
    m_host->setObjectName(u"localApiHost"_s);
    m_host->setAccessibleName(tr("Address to listen on"));
    m_port->setObjectName(u"localApiPort"_s);
    m_port->setAccessibleName(tr("Port"));
    m_port->setRange(1, 65535);
    m_state->setObjectName(u"localApiState"_s);
    m_state->setWordWrap(true);
    m_url->setObjectName(u"localApiUrl"_s);
    m_url->setAccessibleName(tr("Base URL for clients"));
    m_url->setReadOnly(true);
    m_token->setObjectName(u"localApiToken"_s);
    m_token->setAccessibleName(tr("Access token"));
    m_token->setReadOnly(true);
    m_token->setEchoMode(QLineEdit::Password);
    m_showToken->setObjectName(u"localApiShowToken"_s);
    m_showToken->setCheckable(true);
    m_showToken->setAccessibleName(tr("Show the access token"));
    m_example->setObjectName(u"localApiExample"_s);
    m_example->setAccessibleName(tr("Example request"));
    m_example->setReadOnly(true);
    QFont mono(u"monospace"_s);
    mono.setStyleHint(QFont::Monospace);
    m_example->setFont(mono);
    // The four lines of the example without scrolling.
    m_example->setFixedHeight(QFontMetrics(mono).lineSpacing() * 4 + 2 * m_example->frameWidth() + 12);
    m_example->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_keep->setObjectName(u"localApiKeep"_s);
    m_allowAsking->setObjectName(u"localApiAllowAsking"_s);
    m_origins->setObjectName(u"localApiOrigins"_s);
    m_origins->setAccessibleName(tr("Web pages allowed to call the API"));
    m_origins->setPlaceholderText(tr("None (for example: http://localhost:3000, https://app.example.com)"));
    m_status->setObjectName(u"localApiStatus"_s);
    m_status->setWordWrap(true);

    auto *serving = new QGroupBox(tr("Server"));
    auto *address = new QHBoxLayout;
    address->addWidget(m_host, 1);
    address->addWidget(new QLabel(tr("Port")));
    address->addWidget(m_port);
    auto *form = new QFormLayout(serving);
    form->addRow(m_enabled);
    form->addRow(tr("Address"), address);
    form->addRow(tr("Status"), m_state);
    form->addRow(tr("Base URL"), m_url);
    form->addRow(tr("Access token"), makeTokenRow());
    form->addRow(tr("Try it"), makeExampleColumn());


    auto *hint = new QLabel(tr("Tools that speak the OpenAI or Anthropic API can use your models as <b>PROVIDER/MODEL</b> and your "
                               "agents as <b>agent/NAME</b>: set their base URL to the one above and their API key to the access token."));
    hint->setWordWrap(true);
    auto *save = new QPushButton(tr("Save"));
    save->setObjectName(u"localApiSave"_s);
    auto *saveRow = new QHBoxLayout;
    saveRow->addWidget(save);
    saveRow->addWidget(m_status, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addWidget(serving);
    layout->addWidget(makeRequestsBox());
    layout->addStretch(1);
    layout->addLayout(saveRow);

    LocalApiHost &host = m_workspace->localApi();
    connect(&host, &LocalApiHost::stateChanged, this, &LocalApiPage::updateState);
    connect(&host, &LocalApiHost::activeRequestsChanged, this, &LocalApiPage::updateState);
    connect(save, &QPushButton::clicked, this, &LocalApiPage::save);
    load();
    updateState();
}

QLayout *LocalApiPage::makeTokenRow()
{
    auto *copyToken = new QPushButton(tr("Copy"));
    copyToken->setObjectName(u"localApiCopyToken"_s);
    copyToken->setAccessibleName(tr("Copy the access token"));
    auto *regenerate = new QPushButton(tr("Regenerate"));
    regenerate->setObjectName(u"localApiRegenerate"_s);
    regenerate->setAccessibleName(tr("Make a new access token"));
    auto *tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_token, 1);
    tokenRow->addWidget(m_showToken);
    tokenRow->addWidget(copyToken);
    tokenRow->addWidget(regenerate);
    connect(m_showToken, &QPushButton::toggled, this, [this](bool shown) {
        m_token->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        m_showToken->setText(shown ? tr("Hide") : tr("Show"));
        updateExample();
    });
    connect(copyToken, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_workspace->localApi().token());
        m_status->setText(tr("The access token was copied."));
    });
    connect(regenerate, &QPushButton::clicked, this, [this] {
        m_workspace->localApi().regenerateToken([this, guard = QPointer<LocalApiPage>(this)](Result<QString> token) {
            if (!guard)
                return;
            m_status->setText(token ? tr("A new access token is in use; clients with the old one are refused.") : token.error().message);
            m_token->setText(token ? *token : QString());
            updateExample();
        });
    });
    return tokenRow;
}

QLayout *LocalApiPage::makeExampleColumn()
{
    auto *copyExample = new QPushButton(tr("Copy example"));
    copyExample->setObjectName(u"localApiCopyExample"_s);
    auto *exampleColumn = new QVBoxLayout;
    exampleColumn->addWidget(m_example);
    exampleColumn->addWidget(copyExample, 0, Qt::AlignLeft);
    connect(copyExample, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(curlExample(true));
        m_status->setText(tr("The example was copied, with the access token."));
    });
    return exampleColumn;
}

QGroupBox *LocalApiPage::makeRequestsBox()
{
    auto *requests = new QGroupBox(tr("Requests"));
    auto *requestForm = new QFormLayout(requests);
    requestForm->addRow(m_keep);
    requestForm->addRow(m_allowAsking);
    auto *askingHint = new QLabel(tr("No one can answer a tool's question during an API request: without this, a tool whose "
                                     "policy is to ask (network and MCP tools) is denied."));
    askingHint->setWordWrap(true);
    requestForm->addRow(askingHint);
    requestForm->addRow(tr("Allowed web pages"), m_origins);
    requestForm->addRow(tr("Largest request"), m_maxBody);
    requestForm->addRow(tr("Answered at once"), m_concurrent);
    requestForm->addRow(tr("Requests a minute"), m_rate);
    return requests;
}

void LocalApiPage::load()
{
    const auto settings = m_workspace->settings().localApiSettings().value_or(SettingsRepository::LocalApiSettings{});
    m_enabled->setChecked(settings.enabled);
    m_host->setText(settings.host);
    m_port->setValue(settings.port);
    m_keep->setChecked(settings.keepConversations);
    m_allowAsking->setChecked(settings.allowAskingTools);
    m_origins->setText(settings.allowedOrigins.join(u", "_s));
    m_maxBody->setValue(settings.maxBodyMegabytes);
    m_concurrent->setValue(settings.maxConcurrentRuns);
    m_rate->setValue(settings.requestsPerMinute);
}

bool LocalApiPage::save()
{
    SettingsRepository::LocalApiSettings settings;
    settings.enabled = m_enabled->isChecked();
    settings.host = m_host->text().trimmed();
    settings.port = m_port->value();
    settings.keepConversations = m_keep->isChecked();
    settings.allowAskingTools = m_allowAsking->isChecked();
    for (const QString &origin : m_origins->text().split(u',', Qt::SkipEmptyParts)) {
        if (!origin.trimmed().isEmpty())
            settings.allowedOrigins << origin.trimmed();
    }
    settings.maxBodyMegabytes = m_maxBody->value();
    settings.maxConcurrentRuns = m_concurrent->value();
    settings.requestsPerMinute = m_rate->value();
    const auto stored = m_workspace->settings().setLocalApiSettings(settings);
    if (!stored) {
        m_status->setText(stored.error().message);
        m_status->setStyleSheet(u"color: #c62828;"_s);
        return false;
    }
    m_status->setStyleSheet(QString());
    m_status->setText(LocalApiServer::isExposed(settings.host) && settings.enabled
                          ? tr("Saved. %1 can be reached from other computers: anyone there with the access token can use your agents.").arg(settings.host)
                          : tr("Saved."));
    m_workspace->localApi().apply(settings);
    return true;
}

void LocalApiPage::updateState()
{
    const LocalApiHost &host = m_workspace->localApi();
    switch (host.state()) {
    case LocalApiHost::State::Stopped: m_state->setText(tr("Not serving")); break;
    case LocalApiHost::State::Starting: m_state->setText(tr("Starting…")); break;
    case LocalApiHost::State::Failed: m_state->setText(tr("Not serving: %1").arg(host.error())); break;
    case LocalApiHost::State::Serving:
        m_state->setText(host.activeRequests() > 0 ? tr("Serving, %n request(s) being answered", nullptr, host.activeRequests()) : tr("Serving"));
        break;
    }
    m_url->setText(host.url().isEmpty() ? QString() : host.url() + u"/v1"_s);
    if (!host.token().isEmpty())
        m_token->setText(host.token());
    updateExample();
}

QString LocalApiPage::curlExample(bool withToken) const
{
    const LocalApiHost &host = m_workspace->localApi();
    const QString base = host.url().isEmpty() ? u"http://%1:%2"_s.arg(m_host->text(), QString::number(m_port->value())) : host.url();
    const QString token = withToken && !host.token().isEmpty() ? host.token() : u"$AGENTDESK_TOKEN"_s;
    // An agent of the user's if there is one, else the default model.
    QString model = u"agent/NAME"_s;
    if (const auto agents = m_workspace->agents().agents(); agents && !agents->isEmpty())
        model = u"agent/"_s + agents->constFirst().name;
    else if (const auto fallback = m_workspace->providers().defaultModel())
        model = fallback->qualifiedName();
    return u"curl %1/v1/chat/completions \\\n  -H \"Authorization: Bearer %2\" \\\n  -H \"Content-Type: application/json\" \\\n"
           "  -d '{\"model\": \"%3\", \"messages\": [{\"role\": \"user\", \"content\": \"Hello\"}]}'"_s.arg(base, token, model);
}

void LocalApiPage::updateExample()
{
    m_example->setPlainText(curlExample(m_showToken->isChecked()));
}

} // namespace AgentDesk
