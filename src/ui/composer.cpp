#include "composer.h"

#include "core/boundedfile.h"

#include <QBuffer>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QImage>
#include <QImageReader>
#include <QKeyEvent>
#include <QMenu>
#include <QMimeData>
#include <QMimeDatabase>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

PendingImage pngOf(const QImage &image, const QString &name)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return {bytes, u"image/png"_s, name};
}

bool isImageFile(const QString &path)
{
    const QString mime = QMimeDatabase().mimeTypeForFile(path).name();
    return mime == u"image/png" || mime == u"image/jpeg" || mime == u"image/gif" || mime == u"image/webp";
}

} // namespace

// The text field: Enter sends, Shift+Enter is a new line; images pasted go to the attachments.
class Composer::Edit : public QPlainTextEdit
{
public:
    explicit Edit(Composer *owner) : m_owner(owner) {}

protected:
    void keyPressEvent(QKeyEvent *event) override
    {
        const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
        if (enter && !(event->modifiers() & (Qt::ShiftModifier | Qt::AltModifier))) {
            if (!m_owner->m_running)
                Q_EMIT m_owner->sendRequested();
            event->accept();
            return;
        }
        QPlainTextEdit::keyPressEvent(event);
    }
    bool canInsertFromMimeData(const QMimeData *source) const override
    {
        return source->hasImage() || source->hasUrls() || QPlainTextEdit::canInsertFromMimeData(source);
    }
    void insertFromMimeData(const QMimeData *source) override
    {
        if (!m_owner->acceptMime(source))
            QPlainTextEdit::insertFromMimeData(source);
    }
    QSize sizeHint() const override
    {
        // Grows with its text from three lines to ten, then scrolls.
        const int lines = std::clamp(int(document()->size().height()), 3, 10);
        return QSize(400, lines * fontMetrics().lineSpacing() + 2 * int(document()->documentMargin()) + 6);
    }

private:
    Composer *m_owner;
};

Composer::Composer(QWidget *parent)
    : QWidget(parent), m_edit(new Edit(this)), m_send(new QToolButton), m_model(new QComboBox), m_agent(new QComboBox),
      m_skills(new QToolButton), m_anonymous(new QToolButton), m_attach(new QToolButton), m_chips(new QWidget),
      m_chipLayout(new QHBoxLayout(m_chips))
{
    setObjectName(u"composer"_s);
    setAcceptDrops(true);
    setUpInput();
    setUpPickers();
    layoutWidgets();
    updateButtons();
}

void Composer::setUpInput()
{
    m_edit->setObjectName(u"composerInput"_s);
    m_edit->setAccessibleName(tr("Message"));
    m_edit->setPlaceholderText(tr("Message the assistant (Enter sends, Shift+Enter adds a line)"));
    m_edit->setTabChangesFocus(true);
    m_edit->setFrameShape(QFrame::NoFrame);
    m_edit->setMaximumHeight(220);
    m_edit->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Maximum);
    m_edit->setAcceptDrops(false);
    connect(m_edit, &QPlainTextEdit::textChanged, this, [this] {
        m_edit->updateGeometry();
        updateButtons();
        if (!m_filling)
            Q_EMIT textEdited();
    });

    m_send->setObjectName(u"sendButton"_s);
    m_send->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_send->setMinimumWidth(72);
    connect(m_send, &QToolButton::clicked, this, [this] {
        if (m_running)
            Q_EMIT stopRequested();
        else
            Q_EMIT sendRequested();
    });
}

void Composer::setUpPickers()
{
    m_model->setObjectName(u"modelPicker"_s);
    m_model->setAccessibleName(tr("Model"));
    m_model->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_model, &QComboBox::activated, this, [this] { Q_EMIT modelChosen(model()); });
    m_agent->setObjectName(u"agentPicker"_s);
    m_agent->setAccessibleName(tr("Agent"));
    m_agent->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_agent, &QComboBox::activated, this, [this] { Q_EMIT agentChosen(agentId()); });

    m_skills->setObjectName(u"skillsButton"_s);
    m_skills->setText(tr("Skills"));
    m_skills->setAccessibleName(tr("Skill quick actions"));
    m_skills->setPopupMode(QToolButton::InstantPopup);
    m_skills->setMenu(new QMenu(m_skills));
    m_skills->setVisible(false);

    m_anonymous->setObjectName(u"anonymousToggle"_s);
    m_anonymous->setText(tr("Anonymous"));
    m_anonymous->setAccessibleName(tr("Anonymous mode"));
    m_anonymous->setToolTip(tr("Mask names, e-mail addresses and other personal data before they reach the model"));
    m_anonymous->setCheckable(true);
    connect(m_anonymous, &QToolButton::toggled, this, [this](bool on) {
        if (!m_filling)
            Q_EMIT anonymousToggled(on);
    });

    m_attach->setObjectName(u"attachButton"_s);
    m_attach->setText(tr("Attach…"));
    m_attach->setAccessibleName(tr("Attach files"));
    connect(m_attach, &QToolButton::clicked, this, [this] {
        const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Attach files"));
        for (const QString &path : paths)
            addPath(path);
    });
}

void Composer::layoutWidgets()
{
    m_chipLayout->setContentsMargins(0, 0, 0, 0);
    m_chipLayout->setSpacing(6);
    m_chipLayout->addStretch(1);
    m_chips->setVisible(false);

    auto *frame = new QFrame;
    frame->setObjectName(u"composerFrame"_s);
    frame->setFrameShape(QFrame::StyledPanel);
    auto *inner = new QVBoxLayout(frame);
    inner->setContentsMargins(8, 6, 8, 6);
    inner->addWidget(m_chips);
    inner->addWidget(m_edit);
    auto *bar = new QHBoxLayout;
    bar->setSpacing(6);
    bar->addWidget(m_attach);
    bar->addWidget(m_model);
    bar->addWidget(m_agent);
    bar->addWidget(m_skills);
    bar->addWidget(m_anonymous);
    bar->addStretch(1);
    bar->addWidget(m_send);
    inner->addLayout(bar);

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(12, 6, 12, 12);
    outer->addWidget(frame);
}

QString Composer::text() const
{
    return m_edit->toPlainText();
}

void Composer::setText(const QString &text)
{
    m_filling = true;
    m_edit->setPlainText(text);
    m_edit->moveCursor(QTextCursor::End);
    m_filling = false;
    updateButtons();
}

bool Composer::isEmpty() const
{
    return text().trimmed().isEmpty() && m_images.isEmpty() && m_files.isEmpty();
}

void Composer::clear()
{
    setText({});
    m_images.clear();
    m_files.clear();
    rebuildChips();
}

void Composer::addImage(const PendingImage &image)
{
    m_images.append(image);
    rebuildChips();
}

void Composer::addFile(const QString &path)
{
    if (!m_files.contains(path))
        m_files.append(path);
    rebuildChips();
}

void Composer::addPath(const QString &path)
{
    if (!isImageFile(path))
        return addFile(path);
    if (auto bytes = BoundedFile::read(path, 20 * 1024 * 1024))
        addImage({*bytes, QMimeDatabase().mimeTypeForFile(path).name(), QFileInfo(path).fileName()});
}

bool Composer::acceptMime(const QMimeData *mime)
{
    bool used = false;
    if (mime->hasUrls()) {
        for (const QUrl &url : mime->urls()) {
            if (!url.isLocalFile())
                continue;
            addPath(url.toLocalFile());
            used = true;
        }
    }
    if (!used && mime->hasImage()) {
        const QImage image = qvariant_cast<QImage>(mime->imageData());
        if (!image.isNull()) {
            addImage(pngOf(image, tr("Pasted image %1").arg(m_images.size() + 1)));
            used = true;
        }
    }
    return used;
}

void Composer::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() || event->mimeData()->hasImage())
        event->acceptProposedAction();
}

void Composer::dropEvent(QDropEvent *event)
{
    if (acceptMime(event->mimeData()))
        event->acceptProposedAction();
}

void Composer::rebuildChips()
{
    while (m_chipLayout->count() > 1) {
        QLayoutItem *item = m_chipLayout->takeAt(0);
        delete item->widget();
        delete item;
    }
    int position = 0;
    auto addChip = [&](const QString &label, const std::function<void()> &remove) {
        auto *chip = new QToolButton;
        chip->setText(label + u"  ✕"_s);
        chip->setAccessibleName(tr("Remove attachment %1").arg(label));
        chip->setAutoRaise(false);
        connect(chip, &QToolButton::clicked, this, remove);
        m_chipLayout->insertWidget(position++, chip);
    };
    for (qsizetype i = 0; i < m_images.size(); ++i) {
        addChip(m_images.at(i).altText.isEmpty() ? tr("Image") : m_images.at(i).altText, [this, i] {
            m_images.removeAt(i);
            rebuildChips();
        });
    }
    for (qsizetype i = 0; i < m_files.size(); ++i) {
        addChip(QFileInfo(m_files.at(i)).fileName(), [this, i] {
            m_files.removeAt(i);
            rebuildChips();
        });
    }
    m_chips->setVisible(position > 0);
    updateButtons();
}

void Composer::setRunning(bool running)
{
    m_running = running;
    updateButtons();
}

void Composer::updateButtons()
{
    m_send->setText(m_running ? tr("Stop") : tr("Send"));
    m_send->setAccessibleName(m_running ? tr("Stop the answer") : tr("Send the message"));
    m_send->setToolTip(m_running ? tr("Stop (Esc)") : tr("Send (Enter)"));
    m_send->setEnabled(m_running || !isEmpty());
}

void Composer::setModels(const QStringList &models, const QString &current)
{
    m_filling = true;
    m_model->clear();
    for (const QString &m : models)
        m_model->addItem(m, m);
    m_filling = false;
    setModel(current);
    m_model->setEnabled(!models.isEmpty());
}

QString Composer::model() const
{
    return m_model->currentData().toString();
}

void Composer::setModel(const QString &model)
{
    const int index = m_model->findData(model);
    if (index >= 0)
        m_model->setCurrentIndex(index);
}

void Composer::setAgents(const QList<std::pair<QString, QString>> &agents, const QString &current)
{
    m_agent->clear();
    m_agent->addItem(tr("No agent"), QString());
    for (const auto &[id, name] : agents)
        m_agent->addItem(name, id);
    m_agent->setVisible(!agents.isEmpty());
    setAgentId(current);
}

QString Composer::agentId() const
{
    return m_agent->currentData().toString();
}

void Composer::setAgentId(const QString &id)
{
    m_agent->setCurrentIndex(std::max(0, m_agent->findData(id)));
}

void Composer::setSkills(const QList<std::pair<QString, QString>> &skills)
{
    QMenu *menu = m_skills->menu();
    menu->clear();
    for (const auto &[id, name] : skills) {
        QAction *action = menu->addAction(name);
        connect(action, &QAction::triggered, this, [this, id] { Q_EMIT skillActivated(id); });
    }
    m_skills->setVisible(!skills.isEmpty());
}

void Composer::setAnonymous(bool anonymous)
{
    m_filling = true;
    m_anonymous->setChecked(anonymous);
    m_filling = false;
}

bool Composer::isAnonymous() const
{
    return m_anonymous->isChecked();
}

QPlainTextEdit *Composer::editor() const
{
    return m_edit;
}

void Composer::focusInput()
{
    m_edit->setFocus(Qt::OtherFocusReason);
}

} // namespace AgentDesk
