#include "messagedelegate.h"
#include "messagedelegatelayout_p.h"

#include "chartrenderer.h"
#include "markdownflow.h"
#include "widgetcards.h"

#include "itemmodels/messagelistmodel.h"
#include "tools/toolcatalog.h"

#include <QFontDatabase>
#include <QJsonDocument>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QUrlQuery>

#include <vector>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

using namespace DelegateMetrics;

QColor blend(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

} // namespace

MessageDelegate::MessageDelegate(ConversationState *state, QObject *parent) : QStyledItemDelegate(parent), m_state(state)
{
}

MessageDelegate::~MessageDelegate() = default;

void MessageDelegate::invalidate(const QModelIndex &index, const QList<int> &roles)
{
    const auto it = m_cache.constFind(index.data(MessageListModel::IdRole).toString());
    if (it == m_cache.cend())
        return;
    Layout &layout = **it;
    static const QList<int> streamed[] = {
        {MessageListModel::TextRole, MessageListModel::PartsRole},
        {MessageListModel::ThinkingRole, MessageListModel::PartsRole},
        {MessageListModel::ToolCallsRole, MessageListModel::PartsRole},
    };
    const bool append = std::find(std::begin(streamed), std::end(streamed), roles) != std::end(streamed);
    layout.appendOnly = layout.contentDirty ? layout.appendOnly && append : append;
    layout.contentDirty = true;
    layout.geometryDirty = true;
}

void MessageDelegate::relayout(const QString &messageId)
{
    if (const auto it = m_cache.constFind(messageId); it != m_cache.cend())
        (*it)->geometryDirty = true;
}

void MessageDelegate::forget(const QString &messageId)
{
    if (const auto it = m_cache.constFind(messageId); it != m_cache.cend()) {
        m_documentsOfForgotten += (*it)->documentsBuilt();
        m_cache.erase(it);
    }
}

void MessageDelegate::forgetIf(const std::function<bool(const QString &messageId)> &drop)
{
    for (auto it = m_cache.begin(); it != m_cache.end();) {
        if (drop(it.key())) {
            m_documentsOfForgotten += (*it)->documentsBuilt();
            it = m_cache.erase(it);
        } else {
            ++it;
        }
    }
}

void MessageDelegate::clear()
{
    for (const auto &layout : std::as_const(m_cache))
        m_documentsOfForgotten += layout->documentsBuilt();
    m_cache.clear();
}

void MessageDelegate::setDark(bool dark)
{
    if (m_dark == dark)
        return;
    m_dark = dark;
    clear();
}

quint64 MessageDelegate::documentsBuilt() const
{
    quint64 n = m_documentsOfForgotten;
    for (const auto &layout : std::as_const(m_cache))
        n += layout->documentsBuilt();
    return n;
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const Layout &layout = layoutFor(option, index);
    // A tool message whose results all show in their calls' cards takes no room.
    return QSize(option.rect.width(), layout.height > 0 ? layout.height + Spacing : 0);
}

int MessageDelegate::estimateHeight(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int column = std::min(MaxColumnWidth, option.rect.width() - 32);
    if (const auto it = m_cache.constFind(index.data(MessageListModel::IdRole).toString()); it != m_cache.cend()) {
        const Layout &layout = **it;
        if (!layout.contentDirty && !layout.geometryDirty && layout.width == column)
            return layout.height > 0 ? layout.height + Spacing : 0;
    }
    const auto role = MessageRole(index.data(MessageListModel::MessageRoleRole).toInt());
    const QStringList shownWithCalls = index.data(MessageListModel::ResultsWithCallsRole).toStringList();
    const QFontMetrics metrics(option.font);
    const bool user = role == MessageRole::User;
    const int inner = std::max(1, user ? int(column * 0.8) - 2 * BubblePadH : column);
    const int perLine = std::max(1, inner / std::max(1, metrics.averageCharWidth()));
    int height = 0;
    int parts = 0;
    const QVariantList list = index.data(MessageListModel::PartsRole).toList();
    for (const QVariant &value : list) {
        const QVariantMap map = value.toMap();
        switch (ContentPartType(map.value(u"kind"_s).toInt())) {
        case ContentPartType::Text: {
            if (map.value(u"isSkillInstruction"_s).toBool())
                continue;
            const QString text = map.value(u"text"_s).toString();
            const int lines = int(text.size() / perLine) + int(text.count(u'\n')) / 2 + 1;
            height += lines * metrics.lineSpacing();
            break;
        }
        case ContentPartType::Thinking:
        case ContentPartType::ToolUse:
            height += CardHeaderHeight + CardPad;
            break;
        case ContentPartType::ToolResult:
            if (shownWithCalls.contains(map.value(u"toolId"_s).toString()))
                continue;
            height += CardHeaderHeight + CardPad;
            break;
        case ContentPartType::Image:
            height += Thumbnail;
            break;
        default:
            height += metrics.lineSpacing();
            break;
        }
        if (parts++ > 0)
            height += PartGap;
    }
    if (parts == 0)
        return 0;
    if (user)
        height += 2 * BubblePadV;
    if (role == MessageRole::User || role == MessageRole::Assistant)
        height += 4 + ButtonHeight;
    return height + Spacing;
}

// What one paint of one message needs: the painter, where and what is shown, the colours.
struct MessageDelegate::Painting
{
    QPainter *painter;
    const QStyleOptionViewItem &option;
    const Layout &layout;
    const QPalette &palette;
    QPoint origin;
    QRect clip;
    QColor muted;
    QColor border;
    QColor base;
    const ConversationState::TextSelection &selection;

    void drawCard(const QRect &card) const
    {
        QPainterPath path;
        path.addRoundedRect(QRectF(card).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8);
        painter->fillPath(path, blend(base, palette.color(QPalette::Window), 0.5));
        painter->setPen(border);
        painter->drawPath(path);
    }
    std::optional<MarkdownFlow::Range> selected(size_t part, int flow) const
    {
        if (selection.isEmpty() || selection.messageId != layout.id || selection.part != int(part) || selection.flow != flow)
            return std::nullopt;
        return MarkdownFlow::Range{selection.anchor, selection.cursor};
    }
};

void MessageDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const Layout &layout = layoutFor(option, index);
    const QRect clip = option.rect.intersected(painter->clipBoundingRect().toAlignedRect().isEmpty()
                                                   ? option.rect
                                                   : painter->clipBoundingRect().toAlignedRect());
    const Painting p{painter, option, layout, option.palette, originOf(option, layout), clip,
                     option.palette.color(QPalette::PlaceholderText), option.palette.color(QPalette::Mid),
                     option.palette.color(QPalette::Base), m_state->selection};
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setFont(option.font);
    if (!layout.bubble.isNull()) {
        const bool darkBase = p.base.lightness() < 128;
        QPainterPath path;
        path.addRoundedRect(QRectF(layout.bubble.translated(p.origin)), 14, 14);
        painter->fillPath(path, blend(p.base, p.palette.color(QPalette::Highlight), darkBase ? 0.35 : 0.14));
    }
    for (size_t i = 0; i < layout.parts.size(); ++i) {
        const Layout::Part &part = layout.parts[i];
        if (part.rect.isNull() || !part.rect.translated(p.origin).intersects(clip))
            continue;
        if (part.kind == ContentPartType::Text) {
            part.flow->paint(painter, p.origin + part.flowAt, clip, p.palette, p.selected(i, 0));
        } else if (part.kind == ContentPartType::Thinking) {
            paintThinking(p, i);
        } else if (part.kind == ContentPartType::ToolUse && !part.widget.isEmpty()) {
            paintWidgetCard(p, i);
        } else if (part.kind == ContentPartType::ToolUse || part.kind == ContentPartType::ToolResult) {
            paintToolCard(p, i);
        } else if (part.kind == ContentPartType::Image) {
            paintImage(p, i);
        }
    }
    paintActions(p);
    painter->restore();
}

void MessageDelegate::paintThinking(const Painting &p, size_t i) const
{
    const Layout::Part &part = p.layout.parts[i];
    const QRect header = part.header.translated(p.origin);
    p.painter->setPen(p.muted);
    const QString title = thinkingTitle(p.layout, i);
    p.painter->drawText(header, Qt::AlignVCenter | Qt::AlignLeft,
                      (part.open ? u"▾ "_s : u"▸ "_s) + title);
    if (part.open) {
        QPalette mutedPalette = p.palette;
        mutedPalette.setColor(QPalette::Text, p.muted);
        p.painter->fillRect(QRect(p.origin.x() + 3, header.bottom() + 4, 2, part.flow->height()), p.border);
        part.flow->paint(p.painter, p.origin + part.flowAt, p.clip, mutedPalette, p.selected(i, 0));
    }
}

void MessageDelegate::paintWidgetCard(const Painting &p, size_t i) const
{
    const Layout::Part &part = p.layout.parts[i];
    p.drawCard(part.rect.translated(p.origin));
    QFont bold = p.option.font;
    bold.setBold(true);
    p.painter->setFont(bold);
    p.painter->setPen(p.palette.color(QPalette::Text));
    const QString title = part.widget == u"email" ? tr("E-mail draft")
        : part.widget == u"calendar"              ? tr("Calendar event")
                                                  : part.arguments.value(u"chartTitle"_s).toString();
    p.painter->drawText(part.header.translated(p.origin).adjusted(CardPad, 0, -CardPad, 0), Qt::AlignVCenter | Qt::AlignLeft, title);
    p.painter->setFont(p.option.font);
    if (!part.chart.isNull())
        p.painter->drawImage(part.chartRect.translated(p.origin), part.chart);
    part.card->paint(p.painter, p.origin + part.flowAt, p.clip, p.palette, p.selected(i, 2));
}

void MessageDelegate::paintToolCard(const Painting &p, size_t i) const
{
    const Layout::Part &part = p.layout.parts[i];
    p.drawCard(part.rect.translated(p.origin));
    const QRect header = part.header.translated(p.origin).adjusted(CardPad, 0, -CardPad, 0);
    QString status;
    QColor statusColor = p.muted;
    const bool call = part.kind == ContentPartType::ToolUse;
    if (call && m_state->pendingApprovals.contains(part.toolId)) {
        status = tr("Waiting for your approval");
        statusColor = p.palette.color(QPalette::Highlight);
    } else if (call && !part.hasResult) {
        status = m_state->running ? tr("Running…") : tr("No result");
    } else if (call ? part.resultIsError : part.resultIsError) {
        status = tr("Failed");
        statusColor = QColor(0xd0, 0x3a, 0x3a);
    } else {
        status = tr("Done");
    }
    p.painter->setPen(p.palette.color(QPalette::Text));
    QFont bold = p.option.font;
    bold.setBold(true);
    p.painter->setFont(bold);
    const QString title = (part.open ? u"▾ "_s : u"▸ "_s) + (call ? part.toolName : tr("Result of %1").arg(part.toolName));
    p.painter->drawText(header, Qt::AlignVCenter | Qt::AlignLeft, title);
    p.painter->setFont(p.option.font);
    p.painter->setPen(statusColor);
    p.painter->drawText(header, Qt::AlignVCenter | Qt::AlignRight, status);
    if (part.open) {
        p.painter->setPen(p.muted);
        if (call) {
            p.painter->drawText(part.argumentsLabel.translated(p.origin), Qt::AlignVCenter | Qt::AlignLeft, tr("Arguments"));
            part.flow->paint(p.painter, p.origin + part.flowAt, p.clip, p.palette, p.selected(i, 0));
            if (part.hasResult) {
                p.painter->setPen(p.muted);
                p.painter->drawText(part.resultLabel.translated(p.origin), Qt::AlignVCenter | Qt::AlignLeft, tr("Result"));
            }
        }
        if (part.result && (part.hasResult || !call))
            part.result->paint(p.painter, p.origin + part.resultAt, p.clip, p.palette, p.selected(i, 1));
    }
}

void MessageDelegate::paintImage(const Painting &p, size_t i) const
{
    const Layout::Part &part = p.layout.parts[i];
    const QRect target = part.rect.translated(p.origin);
    const QImage image = m_state->imageLoader ? m_state->imageLoader(part.blob) : QImage();
    if (image.isNull()) {
        p.painter->setPen(p.border);
        p.painter->drawRoundedRect(target, 6, 6);
        p.painter->setPen(p.muted);
        p.painter->drawText(target, Qt::AlignCenter, tr("Image missing"));
    } else {
        QPainterPath path;
        path.addRoundedRect(QRectF(target), 6, 6);
        p.painter->setClipPath(path, Qt::IntersectClip);
        p.painter->drawImage(target, image);
        p.painter->setClipping(false);
    }
}

void MessageDelegate::paintActions(const Painting &p) const
{
    for (const Layout::Button &button : p.layout.buttons) {
        const QRect r = button.rect.translated(p.origin);
        const bool prominent = button.kind == Hit::Kind::AllowOnce || button.kind == Hit::Kind::AllowForThread
            || button.kind == Hit::Kind::Deny || button.kind == Hit::Kind::OpenMail || button.kind == Hit::Kind::SaveEvent;
        if (prominent) {
            QPainterPath path;
            path.addRoundedRect(QRectF(r).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
            const bool primary = button.kind == Hit::Kind::AllowOnce || button.kind == Hit::Kind::OpenMail
                || button.kind == Hit::Kind::SaveEvent;
            p.painter->fillPath(path, primary ? p.palette.color(QPalette::Highlight) : p.palette.color(QPalette::Button));
            p.painter->setPen(p.border);
            p.painter->drawPath(path);
            p.painter->setPen(primary ? p.palette.color(QPalette::HighlightedText) : p.palette.color(QPalette::ButtonText));
        } else {
            QColor pen = p.muted;
            if (!button.enabled)
                pen.setAlphaF(pen.alphaF() * 0.35);
            p.painter->setPen(pen);
        }
        p.painter->drawText(r, Qt::AlignCenter, button.label);
    }
    if (!p.layout.versionRect.isNull()) {
        p.painter->setPen(p.muted);
        p.painter->drawText(p.layout.versionRect.translated(p.origin), Qt::AlignCenter, versionText(p.layout));
    }
    if (!p.layout.footerTextRect.isNull()) {
        p.painter->setPen(p.muted);
        p.painter->drawText(p.layout.footerTextRect.translated(p.origin), Qt::AlignVCenter | Qt::AlignRight, p.layout.footerText);
    }
}

MessageDelegate::Hit MessageDelegate::hitTest(const QStyleOptionViewItem &option, const QModelIndex &index,
                                              const QPoint &pos) const
{
    const Layout &layout = layoutFor(option, index);
    const QPoint p = pos - originOf(option, layout);
    for (const Layout::Button &button : layout.buttons) {
        if (button.rect.contains(p))
            return button.enabled ? Hit{button.kind, button.payload, button.part} : Hit{};
    }
    for (size_t i = 0; i < layout.parts.size(); ++i) {
        const Layout::Part &part = layout.parts[i];
        if (part.rect.isNull() || !part.rect.contains(p))
            continue;
        if (!part.widget.isEmpty()) {
            if (part.card) {
                const MarkdownFlow::Hit hit = part.card->hitTest(p - part.flowAt);
                if (hit.kind == MarkdownFlow::Hit::Kind::Link)
                    return {Hit::Kind::Link, hit.payload, int(i)};
            }
            continue;
        }
        if (!part.header.isNull() && part.header.contains(p)) {
            const Hit::Kind kind = part.kind == ContentPartType::Thinking ? Hit::Kind::ToggleThinking : Hit::Kind::ToggleTool;
            return {kind, part.toolId, int(i)};
        }
        if (part.kind == ContentPartType::Image)
            return {Hit::Kind::Image, part.blob, int(i)};
        if (part.flow && (part.kind == ContentPartType::Text || part.open)) {
            const MarkdownFlow::Hit hit = part.flow->hitTest(p - part.flowAt);
            if (hit.kind == MarkdownFlow::Hit::Kind::Link)
                return {Hit::Kind::Link, hit.payload, int(i)};
            if (hit.kind == MarkdownFlow::Hit::Kind::CopyCode)
                return {Hit::Kind::CopyCode, hit.payload, int(i)};
        }
    }
    return {};
}

QPoint MessageDelegate::originOf(const QStyleOptionViewItem &option, const Layout &layout) const
{
    return QPoint(option.rect.left() + (option.rect.width() - layout.width) / 2, option.rect.top() + Spacing / 2);
}

MessageDelegate::TextPoint MessageDelegate::textPointAt(const QStyleOptionViewItem &option, const QModelIndex &index,
                                                        const QPoint &pos) const
{
    const Layout &layout = layoutFor(option, index);
    const QPoint p = pos - originOf(option, layout);
    for (size_t i = 0; i < layout.parts.size(); ++i) {
        for (int which = 0; which < 3; ++which) {
            const Layout::Shown text = Layout::shown(layout.parts[i], which);
            if (text.flow && QRect(text.at, QSize(text.flow->width(), text.flow->height())).contains(p))
                return {int(i), which, text.flow->positionAt(p - text.at)};
        }
    }
    return {};
}

MarkdownFlow::Position MessageDelegate::positionIn(const QStyleOptionViewItem &option, const QModelIndex &index, int part,
                                                   int flow, const QPoint &pos) const
{
    const Layout &layout = layoutFor(option, index);
    if (part < 0 || part >= int(layout.parts.size()))
        return {};
    const Layout::Shown text = Layout::shown(layout.parts[size_t(part)], flow);
    return text.flow ? text.flow->positionAt(pos - originOf(option, layout) - text.at) : MarkdownFlow::Position{};
}

MarkdownFlow::Range MessageDelegate::wordAt(const QStyleOptionViewItem &option, const QModelIndex &index, int part,
                                            int flow, const QPoint &pos) const
{
    const Layout &layout = layoutFor(option, index);
    if (part < 0 || part >= int(layout.parts.size()))
        return {};
    const Layout::Shown text = Layout::shown(layout.parts[size_t(part)], flow);
    return text.flow ? text.flow->wordAt(pos - originOf(option, layout) - text.at) : MarkdownFlow::Range{};
}

QString MessageDelegate::selectedText(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const ConversationState::TextSelection &selection = m_state->selection;
    const Layout &layout = layoutFor(option, index);
    if (selection.isEmpty() || selection.messageId != layout.id || selection.part < 0
        || selection.part >= int(layout.parts.size()))
        return {};
    const Layout::Shown text = Layout::shown(layout.parts[size_t(selection.part)], selection.flow);
    return text.flow ? text.flow->textBetween(selection.anchor, selection.cursor) : QString();
}

QString MessageDelegate::thinkingTitle(const Layout &layout, size_t part) const
{
    const bool streaming = layout.status == MessageStatus::Streaming;
    if (streaming && part + 1 == layout.parts.size())
        return tr("Thinking…");
    // The stored figure is the engine's; while the answer streams the model's own clock is newer.
    const qint64 stored = layout.parts[part].durationMs;
    const qint64 measured = layout.thinkingMs;
    qint64 ms = -1;
    if (stored >= 0 && (!streaming || measured < 0))
        ms = stored;
    else if (measured >= 0)
        ms = measured;
    if (ms < 0)
        return tr("Thoughts");
    return tr("Thought for %n second(s)", nullptr, int(std::max<qint64>(1, (ms + 500) / 1000)));
}

QList<MessageDelegate::Action> MessageDelegate::actions(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const Layout &layout = layoutFor(option, index);
    const QPoint origin = originOf(option, layout);
    QList<Action> out;
    for (size_t i = 0; i < layout.parts.size(); ++i) {
        const Layout::Part &part = layout.parts[i];
        if (part.rect.isNull() || part.hidden)
            continue;
        if (!part.header.isNull() && part.widget.isEmpty()) {
            const bool thinking = part.kind == ContentPartType::Thinking;
            const QString name = thinking ? (part.open ? tr("Hide thoughts") : tr("Show thoughts"))
                : part.open               ? tr("Hide the details of %1").arg(part.toolName)
                                          : tr("Show the details of %1").arg(part.toolName);
            out.append({{thinking ? Hit::Kind::ToggleThinking : Hit::Kind::ToggleTool, part.toolId, int(i)},
                        name, part.header.translated(origin), thinking ? thinkingTitle(layout, i) : QString(), true,
                        part.open});
        }
        for (int which = 0; which < 3; ++which) {
            const Layout::Shown text = Layout::shown(part, which);
            if (!text.flow)
                continue;
            const QList<MarkdownFlow::Hit> copies = text.flow->copyButtons();
            for (const MarkdownFlow::Hit &copy : copies)
                out.append({{Hit::Kind::CopyCode, copy.payload, int(i)}, tr("Copy code"), copy.rect.translated(origin + text.at)});
        }
    }
    for (const Layout::Button &button : layout.buttons) {
        if (!button.enabled)
            continue;
        QString name = button.label;
        QString description;
        if (button.kind == Hit::Kind::CopyMessage && button.part < 0)
            name = tr("Copy the message");
        if (button.kind == Hit::Kind::PreviousVersion || button.kind == Hit::Kind::NextVersion) {
            name = button.kind == Hit::Kind::PreviousVersion ? tr("Previous version") : tr("Next version");
            description = versionName(layout.siblingIndex, layout.siblingCount);
        }
        out.append({{button.kind, button.payload, button.part}, name, button.rect.translated(origin), description});
    }
    std::stable_sort(out.begin(), out.end(), [](const Action &a, const Action &b) {
        return a.rect.top() != b.rect.top() ? a.rect.top() < b.rect.top() : a.rect.left() < b.rect.left();
    });
    return out;
}

QString MessageDelegate::accessibleText(const QModelIndex &index) const
{
    const auto role = MessageRole(index.data(MessageListModel::MessageRoleRole).toInt());
    const QString author = role == MessageRole::User ? tr("You") : role == MessageRole::Tool ? tr("Tool result") : tr("Assistant");
    QString text = index.data(MessageListModel::TextRole).toString();
    if (MessageStatus(index.data(MessageListModel::MessageStatusRole).toInt()) == MessageStatus::Streaming)
        text += u' ' + tr("(writing…)");
    QString spoken = text.isEmpty() ? author : author + u": "_s + text;
    if (const int count = index.data(MessageListModel::SiblingCountRole).toInt(); count > 1)
        spoken += u" ("_s + versionName(index.data(MessageListModel::SiblingIndexRole).toInt(), count) + u')';
    return spoken;
}

QString MessageDelegate::versionName(int index, int count)
{
    return tr("Version %1 of %2").arg(index + 1).arg(count);
}

QString MessageDelegate::versionText(const Layout &layout)
{
    return u"%1 / %2"_s.arg(layout.siblingIndex + 1).arg(layout.siblingCount);
}

} // namespace AgentDesk
