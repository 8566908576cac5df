#include "conversationblockmodel.h"

#include "messagelistmodel.h"

#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

QString kindName(int kind)
{
    static const QStringList names{u"question"_s, u"thinking"_s, u"text"_s, u"code"_s, u"tool"_s, u"image"_s};
    return names.value(kind);
}

} // namespace

int ConversationBlockModel::Segment::size() const
{
    int n = 0;
    for (const Part &part : parts)
        n += int(part.rows.size());
    return n;
}

ConversationBlockModel::ConversationBlockModel(MessageListModel *source, QObject *parent)
    : QAbstractListModel(parent), m_source(source)
{
    connect(source, &QAbstractItemModel::modelReset, this, &ConversationBlockModel::rebuild);
    connect(source, &QAbstractItemModel::layoutChanged, this, &ConversationBlockModel::rebuild);
    connect(source, &QAbstractItemModel::rowsMoved, this, &ConversationBlockModel::rebuild);
    connect(source, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { sourceRowsInserted(first, last); });
    connect(source, &QAbstractItemModel::rowsRemoved, this,
            [this](const QModelIndex &, int first, int last) { sourceRowsRemoved(first, last); });
    connect(source, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) { sourceRowsChanged(topLeft.row(), bottomRight.row()); });
    rebuild();
}

int ConversationBlockModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

QHash<int, QByteArray> ConversationBlockModel::roleNames() const
{
    return {{KindRole, "kind"},           {TextRole, "text"},         {LanguageRole, "language"},
            {MessageIdRole, "messageId"}, {StatusRole, "status"},     {ToolCallIdRole, "toolCallId"},
            {ToolNameRole, "toolName"},   {ToolStateRole, "toolState"}};
}

QString ConversationBlockModel::toolSummary(const QString &name, const QJsonObject &params)
{
    // The argument that says most in a few words (what is searched, fetched, read, made), else the
    // first that reads as text, on one line.
    static const QStringList telling{u"query"_s, u"url"_s, u"path"_s, u"title"_s, u"name"_s, u"command"_s, u"expression"_s};
    QString argument;
    for (const QString &key : telling) {
        if (params.value(key).isString()) {
            argument = params.value(key).toString();
            break;
        }
    }
    for (auto it = params.begin(); it != params.end() && argument.isEmpty(); ++it) {
        if (it->isString())
            argument = it->toString();
        else if (it->isDouble())
            argument = QString::number(it->toDouble());
    }
    argument = argument.simplified();
    if (argument.size() > 80)
        argument = argument.left(79) + u'…';
    return argument.isEmpty() ? name : name + u" — "_s + argument;
}

std::pair<int, int> ConversationBlockModel::locate(int row, int *partIndex, int *rowInPart) const
{
    // The last segment starting at or before `row`, then the part within it.
    auto it = std::upper_bound(m_segments.begin(), m_segments.end(), row, [](int r, const Segment &s) { return r < s.first; });
    while (it != m_segments.begin()) {
        --it;
        if (it->size() == 0)
            continue;
        int offset = row - it->first;
        for (int p = 0; p < it->parts.size(); ++p) {
            if (offset < it->parts.at(p).rows.size()) {
                *partIndex = p;
                *rowInPart = offset;
                return {int(it - m_segments.begin()), offset};
            }
            offset -= int(it->parts.at(p).rows.size());
        }
        break;
    }
    return {-1, -1};
}

QVariant ConversationBlockModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rowCount || !m_source)
        return {};
    int partIndex = 0;
    int rowInPart = 0;
    const int segment = locate(index.row(), &partIndex, &rowInPart).first;
    if (segment < 0)
        return {};
    const Row &row = m_segments.at(segment).parts.at(partIndex).rows.at(rowInPart);
    const Message message = m_source->message(segment);
    if (partIndex >= message.content.size())
        return {}; // a part the message lost, while its rows go
    const ContentPart &part = message.content.at(partIndex);
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        if (const auto *text = std::get_if<TextPart>(&part))
            return row.kind == Kind::Question ? text->text : text->text.mid(row.start, row.length);
        if (const auto *thinking = std::get_if<ThinkingPart>(&part))
            return thinking->text;
        if (row.kind == Kind::Tool)
            return row.label;
        if (const auto *image = std::get_if<ImagePart>(&part))
            return image->altText;
        return {};
    case KindRole: return kindName(int(row.kind));
    case LanguageRole: return row.kind == Kind::Code ? row.label : QString();
    case MessageIdRole: return message.id;
    case StatusRole: return messageStatusName(message.status);
    case ToolCallIdRole:
        if (const auto *call = std::get_if<ToolUsePart>(&part))
            return call->id;
        return QString();
    case ToolNameRole:
        if (const auto *call = std::get_if<ToolUsePart>(&part))
            return call->name;
        return QString();
    case ToolStateRole: return row.toolState;
    default: return {};
    }
}

ConversationBlockModel::Part ConversationBlockModel::makePart(int sourceRow, int partIndex, const Part *before) const
{
    // Rows hold offsets and sizes, never the source's strings (which a delta would then copy).
    const Message message = m_source->message(sourceRow);
    const ContentPart &content = message.content.at(partIndex);
    Part part;
    if (const auto *text = std::get_if<TextPart>(&content)) {
        if (text->isSkillInstruction || text->text.isEmpty())
            return part;
        if (message.role == MessageRole::User) {
            part.rows.append(Row{Kind::Question, 0, text->text.size(), {}, {}});
            return part;
        }
        // An answer's text. While it streams, the blocks before the last one stay as they were;
        // a finished answer is split whole once.
        const QString &all = text->text;
        const bool streaming = message.status == MessageStatus::Streaming;
        qsizetype from = 0;
        if (streaming && before && !before->blocks.isEmpty()) {
            const MarkdownBlock &lastBlock = before->blocks.last();
            if (all.size() >= lastBlock.end() && QStringView(all).sliced(lastBlock.start, lastBlock.length) == before->lastBlockText) {
                part.blocks = before->blocks.first(before->blocks.size() - 1);
                part.rows = before->rows.first(before->rows.size() - 1);
                from = lastBlock.start;
            }
        }
        for (const MarkdownBlock &block : MarkdownBlocks::split(all, from, !streaming)) {
            if (block.kind == MarkdownBlock::Kind::Code)
                part.rows.append(Row{Kind::Code, block.codeStart, block.codeLength, block.language, {}});
            else if (!QStringView(all).sliced(block.start, block.length).trimmed().isEmpty())
                part.rows.append(Row{Kind::Text, block.start, block.length, {}, {}});
            else
                continue; // blank lines only: no row, and no block (rows and blocks pair up)
            part.blocks.append(block);
        }
        if (!part.blocks.isEmpty())
            part.lastBlockText = QStringView(all).sliced(part.blocks.last().start, part.blocks.last().length).toString();
        return part;
    }
    if (const auto *thinking = std::get_if<ThinkingPart>(&content)) {
        if (!thinking->text.isEmpty())
            part.rows.append(Row{Kind::Thinking, 0, thinking->text.size(), {}, {}});
    } else if (const auto *call = std::get_if<ToolUsePart>(&content)) {
        const QVariantMap results = m_source->data(m_source->index(sourceRow), MessageListModel::CallResultsRole).toMap();
        QString state = u"running"_s;
        if (results.contains(call->id))
            state = results.value(call->id).toMap().value(u"isError"_s).toBool() ? u"failed"_s : u"done"_s;
        part.rows.append(Row{Kind::Tool, 0, 0, toolSummary(call->name, call->params), state});
    } else if (std::holds_alternative<ImagePart>(content)) {
        part.rows.append(Row{Kind::Image, 0, 0, {}, {}});
    }
    return part;
}

ConversationBlockModel::Segment ConversationBlockModel::makeSegment(int sourceRow, const Segment *before) const
{
    Segment segment;
    const Message message = m_source->message(sourceRow);
    segment.status = message.status;
    for (int p = 0; p < message.content.size(); ++p)
        segment.parts.append(makePart(sourceRow, p, before && p < before->parts.size() ? &before->parts.at(p) : nullptr));
    return segment;
}

void ConversationBlockModel::renumberFrom(int segment)
{
    int first = segment > 0 ? m_segments.at(segment - 1).first + m_segments.at(segment - 1).size() : 0;
    for (int s = segment; s < m_segments.size(); ++s) {
        m_segments[s].first = first;
        first += m_segments.at(s).size();
    }
    m_rowCount = first;
}

void ConversationBlockModel::rebuild()
{
    beginResetModel();
    m_segments.clear();
    const int rows = m_source ? m_source->rowCount() : 0;
    for (int r = 0; r < rows; ++r)
        m_segments.append(makeSegment(r, nullptr));
    renumberFrom(0);
    endResetModel();
}

void ConversationBlockModel::sourceRowsInserted(int first, int last)
{
    QList<Segment> added;
    int count = 0;
    for (int r = first; r <= last; ++r) {
        added.append(makeSegment(r, nullptr));
        count += added.last().size();
    }
    const int at = first < m_segments.size() ? m_segments.at(first).first : m_rowCount;
    if (count > 0)
        beginInsertRows({}, at, at + count - 1);
    for (int i = 0; i < added.size(); ++i)
        m_segments.insert(first + i, added.at(i));
    renumberFrom(first);
    if (count > 0)
        endInsertRows();
    // (A result that arrived marks its call done: the source reports the call's row as changed.)
}

void ConversationBlockModel::sourceRowsRemoved(int first, int last)
{
    if (first >= m_segments.size())
        return;
    last = std::min(last, int(m_segments.size()) - 1);
    const int at = m_segments.at(first).first;
    int count = 0;
    for (int s = first; s <= last; ++s)
        count += m_segments.at(s).size();
    if (count > 0)
        beginRemoveRows({}, at, at + count - 1);
    m_segments.remove(first, last - first + 1);
    renumberFrom(first);
    if (count > 0)
        endRemoveRows();
}

void ConversationBlockModel::sourceRowsChanged(int first, int last)
{
    last = std::min(last, int(m_segments.size()) - 1);
    for (int s = first; s <= last; ++s) {
        const Segment now = makeSegment(s, &m_segments.at(s));
        // Part by part: an answer that grows changes its last part's tail only. A row holds what
        // it shows (offsets, sizes, the tool's line and state), so an equal row shows the same.
        int at = m_segments.at(s).first;
        const qsizetype parts = std::max(m_segments.at(s).parts.size(), now.parts.size());
        for (qsizetype p = 0; p < parts; ++p) {
            replacePart(s, p, at, p < now.parts.size() ? now.parts.at(p) : Part{});
            at += int(m_segments.at(s).parts.at(p).rows.size());
        }
        Segment &was = m_segments[s];
        was.parts.resize(now.parts.size());
        if (was.status != now.status) { // every row reports the message's status
            was.status = now.status;
            emitChanged(was.first, was.first + was.size() - 1);
        }
    }
}

void ConversationBlockModel::replacePart(int segment, qsizetype part, int at, const Part &now)
{
    // One step a signal, and the model is at every step what the signals said (views, proxies
    // and QAbstractItemModelTester read it from inside them): rows that change take their new
    // values before rows are added after them, and after the rows beyond them went.
    Segment &seg = m_segments[segment];
    if (part >= seg.parts.size())
        seg.parts.resize(part + 1);
    const QList<Row> was = seg.parts.at(part).rows;
    const qsizetype common = std::min(was.size(), now.rows.size());
    const auto changeCommon = [&] {
        qsizetype first = 0;
        while (first < common && was.at(first) == now.rows.at(first))
            ++first;
        if (first < common)
            emitChanged(at + int(first), at + int(common) - 1);
    };
    if (now.rows.size() > was.size()) {
        seg.parts[part].rows = now.rows.first(common);
        changeCommon();
        beginInsertRows({}, at + int(common), at + int(now.rows.size()) - 1);
        seg.parts[part] = now;
        renumberFrom(segment);
        endInsertRows();
    } else if (now.rows.size() < was.size()) {
        beginRemoveRows({}, at + int(common), at + int(was.size()) - 1);
        seg.parts[part].rows.resize(common);
        renumberFrom(segment);
        endRemoveRows();
        seg.parts[part] = now;
        changeCommon();
    } else {
        seg.parts[part] = now;
        changeCommon();
    }
}

void ConversationBlockModel::emitChanged(int first, int last)
{
    if (first <= last)
        Q_EMIT dataChanged(index(first), index(last));
}

} // namespace AgentDesk
