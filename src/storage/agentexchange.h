#pragma once

#include "core/agent.h"
#include "core/error.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QStringList>

namespace AgentDesk {

// Agents as portable JSON (product.md §9): {"format": "agentdesk-agent", "version": 1, name,
// description, instructions, model ("provider/model"), tools, and the MCP servers, skills and
// sources by name}. Import refuses what is not such a file, an empty name and a name already in use,
// and stores nothing then; references this installation lacks are left out with a note each.
class AgentExchange
{
public:
    static constexpr QLatin1String Format{"agentdesk-agent"};
    static constexpr int Version = 1;

    struct Imported
    {
        Agent agent;
        QStringList notes; // what was left out, one sentence each
    };

    explicit AgentExchange(QSqlDatabase db) : m_db(std::move(db)) {}
    Result<QJsonObject> exportAgent(const QString &nameOrId) const;
    Result<Imported> importAgent(const QJsonObject &json);

private:
    QSqlDatabase m_db;
};

} // namespace AgentDesk
