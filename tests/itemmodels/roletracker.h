#pragma once

// Records every dataChanged of a model as "row:role,role,…" (roles by name), so tests compare the
// exact role lists a change reported.

#include <QAbstractItemModel>
#include <QObject>
#include <QStringList>

namespace AgentDesk::Test {

class RoleTracker : public QObject
{
public:
    explicit RoleTracker(QAbstractItemModel *model) : m_model(model)
    {
        connect(model, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles) {
                    QStringList names;
                    const QHash<int, QByteArray> known = m_model->roleNames();
                    for (int role : roles)
                        names << QString::fromUtf8(known.value(role, QByteArray::number(role)));
                    QString rows = QString::number(topLeft.row());
                    if (bottomRight.row() != topLeft.row())
                        rows += u'-' + QString::number(bottomRight.row());
                    changes << rows + u':' + names.join(u',');
                });
    }
    QStringList take() { return std::exchange(changes, {}); }
    QStringList changes;

private:
    QAbstractItemModel *m_model;
};

} // namespace AgentDesk::Test
