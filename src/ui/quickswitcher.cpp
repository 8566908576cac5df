#include "quickswitcher.h"

#include "itemmodels/threadlistmodel.h"
#include "itemmodels/threadlistproxymodel.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AgentDesk {

QuickSwitcher::QuickSwitcher(ThreadListModel *threads, QWidget *parent)
    : QDialog(parent), m_matches(new ThreadListProxyModel(this)), m_filter(new QLineEdit), m_list(new QListView)
{
    setObjectName(u"quickSwitcher"_s);
    setWindowTitle(tr("Go to conversation"));
    m_matches->setShowArchived(true);
    m_matches->setSourceModel(threads);
    m_filter->setObjectName(u"quickSwitcherFilter"_s);
    m_filter->setAccessibleName(tr("Conversation title"));
    m_filter->setPlaceholderText(tr("Type to find a conversation"));
    m_filter->installEventFilter(this);
    m_list->setObjectName(u"quickSwitcherList"_s);
    m_list->setAccessibleName(tr("Matching conversations"));
    m_list->setModel(m_matches);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setUniformItemSizes(true);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_matches->setTitleFilter(text);
        m_list->setCurrentIndex(m_matches->index(0, 0));
    });
    connect(m_list, &QListView::activated, this, &QuickSwitcher::choose);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_list);
    resize(480, 360);
    m_list->setCurrentIndex(m_matches->index(0, 0));
}

bool QuickSwitcher::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const int row = m_list->currentIndex().row();
        switch (key->key()) {
        case Qt::Key_Down:
            m_list->setCurrentIndex(m_matches->index(std::min(row + 1, m_matches->rowCount() - 1), 0));
            return true;
        case Qt::Key_Up:
            m_list->setCurrentIndex(m_matches->index(std::max(row - 1, 0), 0));
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            choose();
            return true;
        default: break;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void QuickSwitcher::choose()
{
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid())
        return;
    Q_EMIT threadChosen(current.data(ThreadListModel::IdRole).toString());
    accept();
}

} // namespace AgentDesk
