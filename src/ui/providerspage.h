#pragma once

#include "core/error.h"
#include "core/provider.h"

#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QGroupBox;
class QLayout;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QSpinBox;

namespace AgentDesk {

class Workspace;

class ModelListModel;
class ProviderListModel;

// Settings → Providers and models (product.md §11): add a provider from a preset or by hand,
// edit and delete it, put its key into the OS keychain (never into the database), test the
// connection and discover its models; edit each model's capabilities, prices and the default and
// title model. Bad input gets a clear message and changes nothing. GUI thread.
class ProvidersPage : public QWidget
{
    Q_OBJECT
public:
    ProvidersPage(Workspace *workspace, QWidget *parent = nullptr);

    ProviderListModel *providers() const { return m_providers; }
    ModelListModel *models() const { return m_models; }
    QLabel *status() const { return m_status; }

    void reload();
    // Starts the form for a new provider from a preset id (empty: by hand).
    void newProvider(const QString &presetId = {});
    void selectProvider(const QString &providerId);
    // Stores the form (add or update; a typed key goes to the keychain). Asynchronous when a key
    // is written; `done` runs when everything is stored or has failed.
    void saveProvider(std::function<void(Result<Provider>)> done = {});
    void removeProvider();
    // Asks the provider for its models: "test" only reports, "discover" also adds the new ones.
    void testConnection(std::function<void(Result<int>)> done = {});
    void discoverModels(std::function<void(Result<int>)> done = {});
    void selectModel(const QString &modelId);
    Result<void> saveModel();

    // The form (tests fill it the way a user does).
    QLineEdit *nameField() const { return m_name; }
    QComboBox *kindField() const { return m_kind; }
    QLineEdit *urlField() const { return m_url; }
    QLineEdit *keyField() const { return m_key; }

Q_SIGNALS:
    // Providers or models changed (the composer's model picker reloads).
    void changed();

private:
    // The parts of the page, built once by the constructor.
    QLayout *buildProviderList();
    QFormLayout *buildProviderForm();
    QGroupBox *buildModelBox();
    void addModelByName();
    void removeSelectedModel();
    Provider formProvider() const;
    void fillProviderForm(const Provider &provider);
    void withKey(const Provider &provider, std::function<void(Result<QString>)> done);
    void ask(bool add, std::function<void(Result<int>)> done);
    void showStatus(const QString &text, bool error = false);

    Workspace *m_workspace;
    ProviderListModel *m_providers;
    ModelListModel *m_models;
    QListView *m_providerList;
    QListView *m_modelList;
    QString m_providerId; // empty: a new one
    QLineEdit *m_name;
    QComboBox *m_kind;
    QLineEdit *m_url;
    QLineEdit *m_key;
    QLineEdit *m_keyVariable;
    QLabel *m_status;
    QString m_modelId;
    QLineEdit *m_displayName;
    QCheckBox *m_tools;
    QCheckBox *m_vision;
    QCheckBox *m_reasoning;
    QSpinBox *m_contextWindow;
    QLineEdit *m_inputPrice;
    QLineEdit *m_outputPrice;
    QCheckBox *m_default;
    QCheckBox *m_titleModel;
    QCheckBox *m_anonymousOnly;
    QWidget *m_modelForm;
};

} // namespace AgentDesk
