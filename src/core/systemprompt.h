#pragma once

#include <QDate>
#include <QList>
#include <QString>

namespace AgentDesk {

// Builds the system prompt of a run from what the run knows (runs-reference.md §7, adapted by
// product.md §5: AgentDesk's identity instead of the reference's preamble, the seed's
// <agent_instructions> kept, no organisation sections). Sections in fixed order, empty ones left
// out, joined by blank lines. The date (never the time) keeps the prompt-cache prefix stable for a
// day. Names and descriptions are XML-escaped; the user's and the agent's instructions and the
// tools' long descriptions go in as written. Pure logic, any thread.
class SystemPrompt
{
public:
    struct Tool
    {
        QString name;
        QString longDescription; // empty: not listed
    };
    struct Skill
    {
        QString slug;
        QString description;
    };
    enum class FileStatus { Ready, Processing, Failed };
    struct File
    {
        QString id;
        QString name;
        QString type; // "PDF", "MARKDOWN", "CSV", "TEXT" …
        FileStatus status = FileStatus::Ready;
        QString error;
    };
    struct KnowledgeBase
    {
        QString id;
        QString name;
    };
    struct Input
    {
        QDate date;
        bool toolsAllowed = true;
        QList<Tool> tools;
        QList<Skill> skills;
        QList<File> files;
        QList<KnowledgeBase> knowledgeBases;
        bool anonymous = false;
        QString agentName;
        QString agentInstructions;
        QString userInstructions;
        QString activatedSkillName; // a quick-action skill of this message
    };

    static QString build(const Input &input);
    static QString xmlEscaped(const QString &text);
};

} // namespace AgentDesk
