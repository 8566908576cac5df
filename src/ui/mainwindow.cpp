#include "mainwindow.h"

#include "itemmodels/threadlistmodel.h"

#include <QLabel>
#include <QListView>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AgentDesk {

MainWindow::MainWindow(ThreadListModel *threads, const QString &databasePath, QWidget *parent)
    : QMainWindow(parent), m_threads(threads), m_threadView(new QListView), m_placeholder(new QLabel)
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("AgentDesk"));

    m_threadView->setObjectName(u"threadList"_s);
    m_threadView->setAccessibleName(tr("Threads"));
    m_threadView->setModel(m_threads);
    m_threadView->setUniformItemSizes(true);
    m_threadView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_threadView->setMinimumWidth(240);
    m_threadView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_threadView->setTextElideMode(Qt::ElideRight);

    m_placeholder->setObjectName(u"conversationPlaceholder"_s);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);

    auto *splitter = new QSplitter;
    splitter->addWidget(m_threadView);
    splitter->addWidget(m_placeholder);
    splitter->setStretchFactor(1, 1);
    setCentralWidget(splitter);

    statusBar()->showMessage(tr("Database: %1").arg(databasePath));
    resize(1100, 720);

    connect(m_threads, &QAbstractItemModel::modelReset, this, &MainWindow::updatePlaceholder);
    connect(m_threads, &QAbstractItemModel::rowsInserted, this, &MainWindow::updatePlaceholder);
    connect(m_threads, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updatePlaceholder);
    connect(m_threadView->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::updatePlaceholder);
    updatePlaceholder();
}

void MainWindow::updatePlaceholder()
{
    if (m_threads->rowCount() == 0) {
        m_placeholder->setText(tr("No conversations yet."));
        return;
    }
    const QModelIndex current = m_threadView->currentIndex();
    if (!current.isValid()) {
        m_placeholder->setText(tr("%n conversation(s). Select one to read it.", nullptr, m_threads->rowCount()));
        return;
    }
    m_placeholder->setText(current.data(Qt::DisplayRole).toString());
}

} // namespace AgentDesk
