#pragma once

#include <QMainWindow>

class QLabel;
class QListView;

namespace AgentDesk {

class ThreadListModel;

// The main window: the thread list beside the conversation area. GUI thread only. Gets its data
// through item models; never talks SQL or HTTP itself.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(ThreadListModel *threads, const QString &databasePath, QWidget *parent = nullptr);

private:
    void updatePlaceholder();

    ThreadListModel *m_threads;
    QListView *m_threadView;
    QLabel *m_placeholder;
};

} // namespace AgentDesk
