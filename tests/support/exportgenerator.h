#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <random>

class QIODevice;

namespace AgentDesk::Test {

// Realistic exports of ChatGPT and Claude (import-formats.md), written from a model of each
// conversation that also says what importing it must give — so tests compare the stored tree
// with an independent expectation, and the import bench gets any amount of history.
// Deterministic: the same seed writes the same bytes.
struct GeneratedMessage
{
    QString id;
    QString parent;      // empty: a first message (under ChatGPT's root node)
    QString role;        // "user", "assistant", "tool" (ChatGPT: a tool's reply after a call)
    QString text;
    QString thinking;    // reasoning before the answer (ChatGPT thoughts, Claude thinking block)
    qint64 thinkingMs = -1; // ChatGPT's reasoning recap (-1: none)
    QString toolName;    // an assistant message calling this tool (ChatGPT recipient)
    bool image = false;  // a user message with a picture (ChatGPT: in the zip)
    bool hidden = false; // a system or context message the service never shows
    bool noTime = false; // written without its timestamp
    qint64 timeMs = 0;
};

struct GeneratedConversation
{
    QString id;
    QString title;
    qint64 createdMs = 0;
    QList<GeneratedMessage> messages; // parents before children; siblings in creation order
    QString current;                  // ChatGPT's current_node (empty: none named)
    QString orphanParent;             // a message whose parent the export lacks (ChatGPT, Claude)
};

class ExportGenerator
{
public:
    explicit ExportGenerator(quint32 seed = 20261205) : m_random(seed) {}

    // One conversation per case of import-formats.md: branches where the path shown is not the
    // longest, images, reasoning, hidden messages, missing timestamps, emoji/CJK/RTL text, a
    // 500-message conversation, orphan nodes, a tool call with its reply.
    QList<GeneratedConversation> cases();
    // A conversation of about `messages` messages: questions and answers, now and then a
    // regenerated answer or an edited question (a branch), reasoning, code.
    GeneratedConversation bulk(int index, int messages);

    enum class Service { ChatGpt, Claude };
    // One element of conversations.json.
    static QByteArray json(const GeneratedConversation &conversation, Service service);
    // The PNG a ChatGPT export holds for a user's image, and its name in the zip.
    static QByteArray png(const QString &messageId);
    static QString imageMember(const QString &messageId);

    // What an import must store, by the export's message ids:
    // "role | parent id | version i/n | time ms | content" with content as
    // "(thinking N ms: …) | text | (image image/png) | (call NAME) | (result NAME: …)".
    static QMap<QString, QString> expectedTree(const GeneratedConversation &conversation, Service service);
    // The ids of the path shown after the import, first message first.
    static QStringList expectedPath(const GeneratedConversation &conversation, Service service);

private:
    QString sentence();
    std::mt19937 m_random;
};

} // namespace AgentDesk::Test
