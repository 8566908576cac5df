#pragma once

#include "core/markdownblocks.h"
#include "core/message.h"

#include <QAbstractListModel>
#include <QList>
#include <QPointer>

namespace AgentDesk {

class MessageListModel;

// The rows of a conversation for a simple list view (the Quick Ask window): one row per question,
// per thinking, per top-level Markdown block of an answer, per tool call and per image, in the
// order of the messages and their parts. A view over a MessageListModel, which stays the one place
// deltas are applied: this model follows its rows and, while an answer streams, re-splits only
// from the start of the answer's last block (MarkdownBlocks' promise), so an update costs the same
// at the thousandth token and the hundred-thousandth. Rows change in place, appear and go; the
// model resets only when its source does.
class ConversationBlockModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles {
        KindRole = Qt::UserRole + 1, ///< QString: "question", "thinking", "text", "code", "tool", "image"
        TextRole,                    ///< QString: question, thinking, Markdown block, code, tool summary, alt text
        LanguageRole,                ///< QString: a code block's language ("" when none was named)
        MessageIdRole,               ///< QString: the message the row belongs to
        StatusRole,                  ///< QString: that message's status ("complete", "streaming", …)
        ToolCallIdRole,              ///< QString: a tool row's call id
        ToolNameRole,                ///< QString: a tool row's tool
        ToolStateRole,               ///< QString: "running" (no result yet), "done", "failed"
    };
    Q_ENUM(Roles)

    explicit ConversationBlockModel(MessageListModel *source, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The one-line text of a tool call: its name and its first argument, shortened.
    static QString toolSummary(const QString &name, const QJsonObject &params);

private:
    enum class Kind { Question, Thinking, Text, Code, Tool, Image };
    struct Row
    {
        Kind kind = Kind::Text;
        qsizetype start = 0; // Text, Code: the block in the part's text
        qsizetype length = 0;
        QString label;     // Code: the language; Tool: the one-line summary
        QString toolState; // Tool
        friend bool operator==(const Row &, const Row &) = default;
    };
    struct Part
    {
        QList<Row> rows;
        QList<MarkdownBlock> blocks; // an answer's text: a block for each row
        QString lastBlockText;       // … and a copy of the last one, to see that text was only added
    };
    struct Segment // the rows of one source row (one message)
    {
        int first = 0; // its first row here
        QList<Part> parts;
        MessageStatus status = MessageStatus::Complete;
        int size() const;
    };

    void rebuild();
    void sourceRowsInserted(int first, int last);
    void sourceRowsRemoved(int first, int last);
    void sourceRowsChanged(int first, int last);
    Part makePart(int sourceRow, int partIndex, const Part *before) const;
    Segment makeSegment(int sourceRow, const Segment *before) const;
    void renumberFrom(int segment);
    // Turns the rows of part `part` of segment `segment` (its first row at `at`) into `now`'s, with
    // the fewest signals.
    void replacePart(int segment, qsizetype part, int at, const Part &now);
    std::pair<int, int> locate(int row, int *partIndex, int *rowInPart) const;
    void emitChanged(int first, int last);

    QPointer<MessageListModel> m_source;
    QList<Segment> m_segments;
    int m_rowCount = 0;
};

} // namespace AgentDesk
