#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace AgentDesk {

// The schema's history. Migration N brings a database from user_version N-1 to N; each runs in one
// transaction with every statement checked and user_version set last (see Database).
class Migrations
{
public:
    struct Migration
    {
        int version;
        QStringList statements;
    };

    static const QList<Migration> &all();
    static int latestVersion();
};

} // namespace AgentDesk
