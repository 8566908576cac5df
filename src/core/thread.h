#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace AgentDesk {

// Something attached to a thread (a source, an MCP server, a knowledge base, an activated skill),
// remembering the skill it came from when a skill activation put it there.
struct ThreadAttachment
{
    QString id;
    QString originSkillId;
    friend bool operator==(const ThreadAttachment &, const ThreadAttachment &) = default;
};

// A conversation. `model` is "provider/model"; `agentId` is optional. The attachments are loaded
// on demand by the repositories, not carried here.
struct Thread
{
    QString id;
    QString title;
    QString model;
    QString agentId;
    bool anonymous = false;
    bool pinned = false;
    bool archived = false;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime lastActivityAt;
    QString draft;
    // Where an imported conversation came from: the service ("chatgpt", "claude", "agentdesk";
    // empty for one made here), its id there, and a label such as a project's name.
    QString origin;
    QString originId;
    QString label;

    friend bool operator==(const Thread &, const Thread &) = default;
};

} // namespace AgentDesk

Q_DECLARE_METATYPE(AgentDesk::Thread)
