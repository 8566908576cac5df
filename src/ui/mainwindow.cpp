#include "mainwindow.h"

#include "chatpane.h"

#include "itemmodels/threadlistmodel.h"
#include "itemmodels/threadlistproxymodel.h"
#include "storage/threadrepository.h"

#include <QAction>
#include <QCloseEvent>
#include <QListView>
#include <QMenuBar>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>

using namespace Qt::StringLiterals;

namespace AgentDesk {

MainWindow::MainWindow(QSqlDatabase db, const QString &dataDir, RunController *runs, QWidget *parent)
    : QMainWindow(parent), m_db(std::move(db)), m_dataDir(dataDir), m_runs(runs), m_threads(new ThreadListModel(this)),
      m_order(new ThreadListProxyModel(this)), m_threadView(new QListView), m_chat(new ChatPane(m_db, dataDir, runs))
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("AgentDesk"));
    m_order->setSourceModel(m_threads);

    m_threadView->setObjectName(u"threadList"_s);
    m_threadView->setAccessibleName(tr("Threads"));
    m_threadView->setModel(m_order);
    m_threadView->setUniformItemSizes(true);
    m_threadView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_threadView->setMinimumWidth(220);
    m_threadView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_threadView->setTextElideMode(Qt::ElideRight);
    m_threadView->setFrameShape(QFrame::NoFrame);
    connect(m_threadView->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        if (current.isValid())
            m_chat->openThread(current.data(ThreadListModel::IdRole).toString());
    });

    connect(m_chat, &ChatPane::threadCreated, this, [this](const Thread &thread) {
        m_threads->upsert(thread);
        selectInList(thread.id);
    });
    connect(m_chat, &ChatPane::threadChanged, this, &MainWindow::refreshThread);
    connect(m_chat, &ChatPane::statusMessage, this, [this](const QString &text) { statusBar()->showMessage(text, 5000); });

    auto *splitter = new QSplitter;
    splitter->setObjectName(u"mainSplitter"_s);
    splitter->addWidget(m_threadView);
    splitter->addWidget(m_chat);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({260, 840});
    setCentralWidget(splitter);
    createActions();
    resize(1100, 760);
    reloadThreads();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    auto *newAction = file->addAction(tr("&New conversation"), this, &MainWindow::newConversation);
    newAction->setObjectName(u"newConversationAction"_s);
    newAction->setShortcut(QKeySequence::New);
    file->addSeparator();
    auto *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *conversation = menuBar()->addMenu(tr("&Conversation"));
    auto *stop = conversation->addAction(tr("&Stop the answer"), m_chat, &ChatPane::stop);
    stop->setObjectName(u"stopAction"_s);
    stop->setShortcut(Qt::Key_Escape);
    stop->setShortcutContext(Qt::WindowShortcut);

    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(u"mainToolBar"_s);
    bar->setMovable(false);
    bar->addAction(newAction);
}

void MainWindow::reloadThreads()
{
    auto list = ThreadRepository(m_db).list();
    if (!list) {
        statusBar()->showMessage(list.error().message);
        return;
    }
    m_threads->setThreads(*list);
}

void MainWindow::refreshThread(const QString &threadId)
{
    auto thread = ThreadRepository(m_db).get(threadId);
    if (thread)
        m_threads->upsert(*thread);
    else
        m_threads->remove(threadId);
}

void MainWindow::selectInList(const QString &threadId)
{
    const int row = m_threads->rowOf(threadId);
    if (row < 0)
        return;
    const QModelIndex index = m_order->mapFromSource(m_threads->index(row));
    QSignalBlocker block(m_threadView->selectionModel());
    m_threadView->setCurrentIndex(index);
    m_threadView->viewport()->update();
}

void MainWindow::newConversation()
{
    m_threadView->selectionModel()->clearCurrentIndex();
    m_threadView->clearSelection();
    m_chat->openThread({});
    m_chat->focusComposer();
}

void MainWindow::openThread(const QString &threadId)
{
    m_chat->openThread(threadId);
    selectInList(threadId);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_chat->saveDraft();
    QMainWindow::closeEvent(event);
}

} // namespace AgentDesk
