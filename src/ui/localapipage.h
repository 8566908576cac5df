#pragma once

#include <QWidget>

class QCheckBox;
class QGroupBox;
class QLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace AgentDesk {

class Workspace;

// Settings → Local API (product.md §16): serving on or off, the address, the URL clients use, the
// access token (shown on demand, copied, regenerated), a curl example to copy, whether requests
// are kept and may run tools that ask, the web origins allowed, and the caps. Saved settings are
// applied at once through the workspace's LocalApiHost. GUI thread only.
class LocalApiPage : public QWidget
{
    Q_OBJECT
public:
    explicit LocalApiPage(Workspace *workspace, QWidget *parent = nullptr);

    // Stores the fields (refused ones change nothing) and applies them; the result is shown.
    bool save();
    // The example as it is copied: with the real token.
    QString curlExample(bool withToken) const;

private:
    QLayout *makeTokenRow();
    QLayout *makeExampleColumn();
    QGroupBox *makeRequestsBox();
    void load();
    void updateState();
    void updateExample();

    Workspace *m_workspace;
    QCheckBox *m_enabled;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLabel *m_state;
    QLineEdit *m_url;
    QLineEdit *m_token;
    QPushButton *m_showToken;
    QPlainTextEdit *m_example;
    QCheckBox *m_keep;
    QCheckBox *m_allowAsking;
    QLineEdit *m_origins;
    QSpinBox *m_maxBody;
    QSpinBox *m_concurrent;
    QSpinBox *m_rate;
    QLabel *m_status;
};

} // namespace AgentDesk
