#include "providerspage.h"

#include "core/urlcredentials.h"

#include "ui/workspace.h"

#include "core/providerpresets.h"
#include "itemmodels/providerlistmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleValidator>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

std::optional<double> priceOf(const QLineEdit *field)
{
    const QString text = field->text().trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double value = QLocale().toDouble(text, &ok);
    return ok ? std::optional<double>(value) : std::optional<double>(text.toDouble());
}

QString priceText(const std::optional<double> &price)
{
    return price ? QLocale().toString(*price, 'g', 10) : QString();
}

} // namespace

ProvidersPage::ProvidersPage(Workspace *workspace, QWidget *parent)
    : QWidget(parent), m_workspace(workspace), m_providers(new ProviderListModel(this)),
      m_models(new ModelListModel(this)), m_providerList(new QListView), m_modelList(new QListView), m_name(new QLineEdit),
      m_kind(new QComboBox), m_url(new QLineEdit), m_key(new QLineEdit), m_keyVariable(new QLineEdit), m_status(new QLabel),
      m_displayName(new QLineEdit), m_tools(new QCheckBox(tr("Tools"))), m_vision(new QCheckBox(tr("Images"))),
      m_reasoning(new QCheckBox(tr("Reasoning"))), m_contextWindow(new QSpinBox), m_inputPrice(new QLineEdit),
      m_outputPrice(new QLineEdit), m_default(new QCheckBox(tr("Default model for new conversations"))),
      m_titleModel(new QCheckBox(tr("Writes conversation titles"))),
      m_anonymousOnly(new QCheckBox(tr("Only in anonymous mode"))), m_modelForm(new QWidget)
{
    setObjectName(u"providersPage"_s);
    QLayout *list = buildProviderList(); // first: the keyboard goes from the list to the forms
    auto *providerBox = new QGroupBox(tr("Provider"));
    providerBox->setLayout(buildProviderForm());
    auto *right = new QVBoxLayout;
    right->addWidget(providerBox);
    right->addWidget(buildModelBox(), 1);
    auto *layout = new QHBoxLayout(this);
    layout->addLayout(list, 1);
    layout->addLayout(right, 3);
    reload();
    // Open on the first provider and its first model, or on an empty form for a new one.
    if (m_providers->rowCount() > 0)
        selectProvider(m_providers->item(0).id);
    else
        newProvider();
    if (m_models->rowCount() > 0)
        selectModel(m_models->item(0).id);
}


QLayout *ProvidersPage::buildProviderList()
{
    m_providerList->setObjectName(u"providerList"_s);
    m_providerList->setAccessibleName(tr("Providers"));
    m_providerList->setModel(m_providers);
    m_providerList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_providerList->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        if (current.isValid())
            selectProvider(current.data(ProviderListModel::IdRole).toString());
    });

    auto *add = new QPushButton(tr("Add"));
    add->setObjectName(u"addProviderButton"_s);
    add->setAccessibleName(tr("Add a provider"));
    auto *presets = new QMenu(add);
    for (const ProviderPreset &preset : ProviderPresets::all())
        presets->addAction(preset.displayName, this, [this, id = preset.id] { newProvider(id); });
    presets->addSeparator();
    presets->addAction(tr("Other (enter the details)…"), this, [this] { newProvider(); });
    add->setMenu(presets);
    auto *remove = new QPushButton(tr("Remove"));
    remove->setObjectName(u"removeProviderButton"_s);
    remove->setAccessibleName(tr("Remove the provider"));
    connect(remove, &QPushButton::clicked, this, &ProvidersPage::removeProvider);

    auto *left = new QVBoxLayout;
    left->addWidget(m_providerList, 1);
    auto *leftButtons = new QHBoxLayout;
    leftButtons->addWidget(add);
    leftButtons->addWidget(remove);
    left->addLayout(leftButtons);
    return left;
}

QFormLayout *ProvidersPage::buildProviderForm()
{
    m_name->setObjectName(u"providerName"_s);
    m_name->setAccessibleName(tr("Provider name"));
    m_kind->setObjectName(u"providerKind"_s);
    m_kind->setAccessibleName(tr("Protocol"));
    for (const QString &kind : providerKindNames())
        m_kind->addItem(kind, kind);
    m_url->setObjectName(u"providerUrl"_s);
    m_url->setAccessibleName(tr("Base URL"));
    m_url->setPlaceholderText(u"https://api.example.com/v1"_s);
    m_key->setObjectName(u"providerKey"_s);
    m_key->setAccessibleName(tr("API key"));
    m_key->setEchoMode(QLineEdit::Password);
    m_keyVariable->setObjectName(u"providerKeyVariable"_s);
    m_keyVariable->setAccessibleName(tr("Environment variable with the API key"));
    m_keyVariable->setPlaceholderText(tr("optional, e.g. OPENAI_API_KEY"));
    m_status->setObjectName(u"providerStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *save = new QPushButton(tr("Save"));
    save->setObjectName(u"saveProviderButton"_s);
    connect(save, &QPushButton::clicked, this, [this] { saveProvider(); });
    auto *test = new QPushButton(tr("Test connection"));
    test->setObjectName(u"testProviderButton"_s);
    connect(test, &QPushButton::clicked, this, [this] { testConnection(); });
    auto *discover = new QPushButton(tr("Discover models"));
    discover->setObjectName(u"discoverModelsButton"_s);
    connect(discover, &QPushButton::clicked, this, [this] { discoverModels(); });

    auto *providerForm = new QFormLayout;
    providerForm->addRow(tr("Name:"), m_name);
    providerForm->addRow(tr("Protocol:"), m_kind);
    providerForm->addRow(tr("Base URL:"), m_url);
    providerForm->addRow(tr("API key:"), m_key);
    providerForm->addRow(tr("Or from variable:"), m_keyVariable);
    auto *providerButtons = new QHBoxLayout;
    providerButtons->addWidget(save);
    providerButtons->addWidget(test);
    providerButtons->addWidget(discover);
    providerButtons->addStretch(1);
    providerForm->addRow(providerButtons);
    providerForm->addRow(m_status);
    return providerForm;
}

QGroupBox *ProvidersPage::buildModelBox()
{
    m_modelList->setObjectName(u"modelList"_s);
    m_modelList->setAccessibleName(tr("Models"));
    m_modelList->setModel(m_models);
    m_modelList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_modelList->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        if (current.isValid())
            selectModel(current.data(ModelListModel::IdRole).toString());
    });
    m_displayName->setAccessibleName(tr("Display name"));
    m_tools->setAccessibleName(tr("The model can call tools"));
    m_vision->setAccessibleName(tr("The model reads images"));
    m_reasoning->setAccessibleName(tr("The model reasons before answering"));
    m_contextWindow->setRange(0, 10'000'000);
    m_contextWindow->setSpecialValueText(tr("unknown"));
    m_contextWindow->setSuffix(tr(" tokens"));
    m_contextWindow->setAccessibleName(tr("Context window"));
    for (QLineEdit *price : {m_inputPrice, m_outputPrice}) {
        auto *validator = new QDoubleValidator(0, 1e6, 6, price);
        validator->setNotation(QDoubleValidator::StandardNotation);
        price->setValidator(validator);
        price->setPlaceholderText(tr("no price"));
    }
    m_inputPrice->setAccessibleName(tr("Input price per million tokens"));
    m_outputPrice->setAccessibleName(tr("Output price per million tokens"));
    m_default->setObjectName(u"modelDefault"_s);
    m_titleModel->setObjectName(u"modelTitle"_s);
    auto *saveModelButton = new QPushButton(tr("Save model"));
    saveModelButton->setObjectName(u"saveModelButton"_s);
    connect(saveModelButton, &QPushButton::clicked, this, [this] {
        if (auto saved = saveModel(); !saved)
            showStatus(saved.error().message, true);
    });
    auto *addModel = new QPushButton(tr("Add model…"));
    addModel->setAccessibleName(tr("Add a model by name"));
    connect(addModel, &QPushButton::clicked, this, &ProvidersPage::addModelByName);
    auto *removeModel = new QPushButton(tr("Remove model"));
    connect(removeModel, &QPushButton::clicked, this, &ProvidersPage::removeSelectedModel);

    auto *capabilities = new QHBoxLayout;
    capabilities->addWidget(m_tools);
    capabilities->addWidget(m_vision);
    capabilities->addWidget(m_reasoning);
    capabilities->addStretch(1);
    auto *modelForm = new QFormLayout(m_modelForm);
    modelForm->setContentsMargins(0, 0, 0, 0);
    modelForm->addRow(tr("Display name:"), m_displayName);
    modelForm->addRow(tr("Can:"), capabilities);
    modelForm->addRow(tr("Context window:"), m_contextWindow);
    modelForm->addRow(tr("Input $ / 1M tokens:"), m_inputPrice);
    modelForm->addRow(tr("Output $ / 1M tokens:"), m_outputPrice);
    modelForm->addRow(m_default);
    modelForm->addRow(m_titleModel);
    modelForm->addRow(m_anonymousOnly);
    auto *modelButtons = new QHBoxLayout;
    modelButtons->addWidget(saveModelButton);
    modelButtons->addWidget(removeModel);
    modelButtons->addStretch(1);
    modelForm->addRow(modelButtons);
    m_modelForm->setEnabled(false);

    auto *modelBox = new QGroupBox(tr("Models"));
    auto *modelLayout = new QHBoxLayout(modelBox);
    auto *modelListColumn = new QVBoxLayout;
    modelListColumn->addWidget(m_modelList, 1);
    modelListColumn->addWidget(addModel); // also when no model is chosen (or there is none yet)
    modelLayout->addLayout(modelListColumn, 1);
    modelLayout->addWidget(m_modelForm, 2);
    return modelBox;
}

void ProvidersPage::addModelByName()
{
    if (m_providerId.isEmpty())
        return showStatus(tr("Save the provider first."), true);
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Add model"), tr("Model name as the provider knows it:"),
                                               QLineEdit::Normal, {}, &ok);
    if (!ok)
        return;
    Model m;
    m.providerName = m_providers->item(m_providers->rowOf(m_providerId)).name;
    m.name = name.trimmed();
    if (auto added = m_workspace->providers().addModel(m); !added)
        return showStatus(added.error().message, true);
    reload();
    Q_EMIT changed();
}

void ProvidersPage::removeSelectedModel()
{
    const int row = m_models->rowOf(m_modelId);
    if (row < 0)
        return;
    if (auto removed = m_workspace->providers().removeModel(m_models->item(row).qualifiedName()); !removed)
        return showStatus(removed.error().message, true);
    m_modelId.clear();
    reload();
    Q_EMIT changed();
}

void ProvidersPage::reload()
{
    ProviderRepository repo = m_workspace->providers();
    if (auto list = repo.providers())
        m_providers->sync(*list);
    if (auto list = repo.models())
        m_models->sync(*list);
}

void ProvidersPage::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? u"color: #c62828;"_s : QString());
}

void ProvidersPage::newProvider(const QString &presetId)
{
    m_providerId.clear();
    m_providerList->clearSelection();
    Provider blank;
    blank.kind = ProviderKind::OpenAiCompatible;
    if (const ProviderPreset *preset = ProviderPresets::find(presetId)) {
        blank.name = preset->id;
        blank.kind = preset->kind;
        blank.baseUrl = preset->baseUrl;
    }
    fillProviderForm(blank);
    showStatus({});
    m_name->setFocus();
}

void ProvidersPage::fillProviderForm(const Provider &provider)
{
    m_name->setText(provider.name);
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(providerKindName(provider.kind))));
    m_url->setText(provider.baseUrl.toString());
    m_key->clear();
    m_key->setPlaceholderText(provider.apiKey.keychainKey.isEmpty() ? tr("not needed for local servers")
                                                                     : tr("stored in the system keychain (type to replace)"));
    m_keyVariable->setText(provider.apiKey.envVar);
}

void ProvidersPage::selectProvider(const QString &providerId)
{
    const int row = m_providers->rowOf(providerId);
    if (row < 0)
        return;
    m_providerId = providerId;
    fillProviderForm(m_providers->item(row));
    showStatus({});
    QSignalBlocker block(m_providerList->selectionModel());
    m_providerList->setCurrentIndex(m_providers->index(row));
}

Provider ProvidersPage::formProvider() const
{
    Provider p;
    if (const int row = m_providers->rowOf(m_providerId); row >= 0)
        p = m_providers->item(row);
    p.name = m_name->text().trimmed();
    p.kind = providerKindFromName(m_kind->currentData().toString()).value_or(ProviderKind::OpenAiCompatible);
    p.baseUrl = QUrl(m_url->text().trimmed());
    p.apiKey.envVar = m_keyVariable->text().trimmed();
    return p;
}

void ProvidersPage::saveProvider(std::function<void(Result<Provider>)> done)
{
    auto finish = [this, done](Result<Provider> result) {
        if (!result)
            showStatus(result.error().message, true);
        if (done)
            done(result);
    };
    // A password (or token) written into the URL becomes the key, kept in the keychain; the URL
    // is stored without it.
    bool movedFromUrl = false;
    if (const QUrl url(m_url->text().trimmed()); UrlCredentials::hasLiteral(url)) {
        const QString password = url.password(QUrl::FullyDecoded);
        const QString secret = password.isEmpty() ? url.userName(QUrl::FullyDecoded) : password;
        if (!m_key->text().isEmpty() && m_key->text() != secret) {
            return finish(makeError(QString(ErrorCode::InvalidArgument),
                                    tr("The base URL holds a password and the key field a different key. Remove the password "
                                       "from the URL, or the key from its field.")));
        }
        m_key->setText(secret);
        m_url->setText(UrlCredentials::display(url));
        movedFromUrl = true;
    }
    Provider p = formProvider();
    ProviderRepository repo = m_workspace->providers();
    auto stored = m_providerId.isEmpty() ? repo.addProvider(p) : repo.updateProvider(p);
    if (!stored)
        return finish(stored);
    m_providerId = stored->id;
    const QString key = m_key->text();
    if (key.isEmpty()) {
        reload();
        selectProvider(m_providerId);
        showStatus(tr("Saved."));
        Q_EMIT changed();
        return finish(stored);
    }
    // The key goes into the keychain; only its reference is stored.
    Provider withReference = *stored;
    m_workspace->providerService().writeKey(withReference, key, [this, withReference, finish, movedFromUrl](Result<QString> reference) mutable {
        if (!reference) {
            reload();
            selectProvider(withReference.id);
            return finish(makeError(reference.error().code,
                                    tr("The provider was saved, but the system keychain refused the key: %1")
                                        .arg(reference.error().message)));
        }
        withReference.apiKey.keychainKey = *reference;
        auto updated = m_workspace->providers().updateProvider(withReference);
        reload();
        selectProvider(withReference.id);
        if (updated) {
            showStatus(movedFromUrl ? tr("Saved. The password from the URL is now the key, kept in the system keychain.")
                                    : tr("Saved. The key is in the system keychain."));
            Q_EMIT changed();
        }
        finish(updated);
    });
}

void ProvidersPage::removeProvider()
{
    const int row = m_providers->rowOf(m_providerId);
    if (row < 0)
        return;
    const Provider p = m_providers->item(row);
    if (auto removed = m_workspace->providers().removeProvider(p.name); !removed)
        return showStatus(removed.error().message, true);
    m_workspace->providerService().removeKey(p);
    reload();
    newProvider();
    showStatus(tr("Removed %1.").arg(p.name));
    Q_EMIT changed();
}

void ProvidersPage::withKey(const Provider &provider, std::function<void(Result<QString>)> done)
{
    if (!m_key->text().isEmpty())
        return done(m_key->text());
    m_workspace->providerService().readKey(provider, std::move(done));
}

void ProvidersPage::ask(bool add, std::function<void(Result<int>)> done)
{
    auto finish = [this, done](Result<int> result) {
        if (!result)
            showStatus(result.error().message, true);
        if (done)
            done(result);
    };
    const Provider provider = formProvider();
    if (!provider.baseUrl.isValid() || provider.baseUrl.host().isEmpty())
        return finish(makeError(QString(ErrorCode::InvalidArgument), tr("Enter the provider's base URL first.")));
    if (add && m_providerId.isEmpty())
        return finish(makeError(QString(ErrorCode::InvalidArgument), tr("Save the provider first.")));
    showStatus(tr("Asking %1…").arg(provider.baseUrl.host()));
    withKey(provider, [this, provider, add, finish](Result<QString> key) {
        if (!key)
            return finish(std::unexpected(key.error()));
        m_workspace->providerService().discoverModels(provider, *key, [this, provider, add, finish](Result<QList<DiscoveredModel>> models) {
            if (!models)
                return finish(std::unexpected(models.error()));
            if (!add) {
                showStatus(tr("Connected. %1 offers %n model(s).", nullptr, int(models->size())).arg(provider.name));
                return finish(int(models->size()));
            }
            ProviderRepository repo = m_workspace->providers();
            int added = 0;
            for (const DiscoveredModel &d : std::as_const(*models)) {
                Model m;
                m.providerName = provider.name;
                m.name = d.name;
                m.displayName = d.displayName;
                m.capabilities.contextWindow = d.contextWindow;
                m.capabilities.maxOutputTokens = d.maxOutputTokens;
                if (repo.model(m.qualifiedName()))
                    continue;
                if (repo.addModel(m))
                    ++added;
            }
            reload();
            showStatus(tr("%n new model(s) added.", nullptr, added));
            Q_EMIT changed();
            finish(added);
        });
    });
}

void ProvidersPage::testConnection(std::function<void(Result<int>)> done)
{
    ask(false, std::move(done));
}

void ProvidersPage::discoverModels(std::function<void(Result<int>)> done)
{
    ask(true, std::move(done));
}

void ProvidersPage::selectModel(const QString &modelId)
{
    const int row = m_models->rowOf(modelId);
    m_modelForm->setEnabled(row >= 0);
    if (row < 0)
        return;
    m_modelId = modelId;
    const Model &m = m_models->item(row);
    m_displayName->setText(m.displayName);
    m_tools->setChecked(m.capabilities.tools);
    m_vision->setChecked(m.capabilities.vision);
    m_reasoning->setChecked(m.capabilities.reasoning);
    m_contextWindow->setValue(m.capabilities.contextWindow);
    m_inputPrice->setText(priceText(m.inputPricePerMillion));
    m_outputPrice->setText(priceText(m.outputPricePerMillion));
    m_default->setChecked(m.isDefault);
    m_titleModel->setChecked(m.isTitleModel);
    m_anonymousOnly->setChecked(m.anonymousOnly);
    QSignalBlocker block(m_modelList->selectionModel());
    m_modelList->setCurrentIndex(m_models->index(row));
}

Result<void> ProvidersPage::saveModel()
{
    const int row = m_models->rowOf(m_modelId);
    if (row < 0)
        return makeError(QString(ErrorCode::InvalidArgument), tr("Choose a model first."));
    Model m = m_models->item(row);
    m.displayName = m_displayName->text().trimmed();
    m.capabilities.tools = m_tools->isChecked();
    m.capabilities.vision = m_vision->isChecked();
    m.capabilities.reasoning = m_reasoning->isChecked();
    m.capabilities.contextWindow = m_contextWindow->value();
    m.inputPricePerMillion = priceOf(m_inputPrice);
    m.outputPricePerMillion = priceOf(m_outputPrice);
    m.isDefault = m_default->isChecked();
    m.isTitleModel = m_titleModel->isChecked();
    m.anonymousOnly = m_anonymousOnly->isChecked();
    auto saved = m_workspace->providers().updateModel(m);
    if (!saved)
        return std::unexpected(saved.error());
    // Flags that are exclusive changed on other rows too: read them back.
    reload();
    selectModel(m.id);
    showStatus(tr("Saved %1.").arg(m.qualifiedName()));
    Q_EMIT changed();
    return {};
}

} // namespace AgentDesk
