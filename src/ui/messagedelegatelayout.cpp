// MessageDelegate's layout pass: a message's parts read from the model into flows, placed one
// below the other, and the row of actions under it.
#include "messagedelegate.h"
#include "messagedelegatelayout_p.h"

#include "chartrenderer.h"
#include "markdownflow.h"
#include "widgetcards.h"

#include "itemmodels/messagelistmodel.h"
#include "tools/toolcatalog.h"

#include <QFontDatabase>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace AgentDesk {

using namespace DelegateMetrics;

namespace {

QString prettyArguments(const QString &raw)
{
    const QJsonDocument json = QJsonDocument::fromJson(raw.toUtf8());
    if (json.isObject() && !json.object().isEmpty())
        return QString::fromUtf8(json.toJson(QJsonDocument::Indented)).trimmed();
    return raw;
}

} // namespace

// The fonts of one layout pass, and the flows made with them.
struct MessageDelegate::Fonts
{
    explicit Fonts(const QFont &font) : text(font), code(QFontDatabase::systemFont(QFontDatabase::FixedFont))
    {
        code.setPointSizeF(font.pointSizeF() * 0.92);
    }
    std::unique_ptr<MarkdownFlow> flow(MarkdownFlow::Format format, bool dark) const
    {
        auto made = std::make_unique<MarkdownFlow>(format);
        made->setFonts(text, code);
        made->setDark(dark);
        return made;
    }
    QFont text;
    QFont code;
};

// Where the next part of a message goes while it is laid out (message coordinates).
struct MessageDelegate::Cursor
{
    Layout &layout;
    const QFontMetrics &metrics;
    bool user = false;
    int inner = 0; // the width of the text column (inside the bubble for the user's messages)
    int y = 0;
    int naturalWidth = 0;
    bool first = true;
    static constexpr int x0 = 0;

    void gap()
    {
        if (!first)
            y += PartGap;
        first = false;
    }
    void addButton(int &x, int top, Hit::Kind kind, const QString &label, const QString &payload, int part)
    {
        const int w = metrics.horizontalAdvance(label) + 22;
        layout.buttons.append({QRect(x, top, w, ButtonHeight), kind, label, payload, part});
        x += w + 8;
    }
};

MessageDelegate::Layout &MessageDelegate::layoutFor(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QString id = index.data(MessageListModel::IdRole).toString();
    std::shared_ptr<Layout> &slot = m_cache[id];
    if (!slot) {
        slot = std::make_shared<Layout>();
        slot->id = id;
    }
    Layout &layout = *slot;
    const Fonts fonts(option.font);
    const int column = std::min(MaxColumnWidth, option.rect.width() - 32);
    if (layout.contentDirty)
        refreshContent(layout, index, fonts);
    if (!layout.geometryDirty && layout.width == column)
        return layout;
    layout.width = column;
    layout.geometryDirty = false;
    layout.buttons.clear();
    const QFontMetrics metrics(option.font);
    const bool user = layout.role == MessageRole::User;
    Cursor c{layout, metrics, user, user ? int(column * 0.8) - 2 * BubblePadH : column};
    c.y = user ? BubblePadV : 0;
    for (size_t i = 0; i < layout.parts.size(); ++i)
        layoutPart(i, c, option, fonts);
    if (user) {
        const int bubbleWidth = std::clamp(c.naturalWidth + 2 * BubblePadH, 48, int(column * 0.8));
        const int shift = column - bubbleWidth + BubblePadH;
        for (Layout::Part &part : layout.parts) {
            part.rect.translate(shift, 0);
            part.flowAt += QPoint(shift, 0);
        }
        c.y += BubblePadV;
        layout.bubble = QRect(column - bubbleWidth, 0, bubbleWidth, std::max(c.y, metrics.height() + 2 * BubblePadV));
        c.y = layout.bubble.bottom() + 1;
    } else {
        layout.bubble = {};
    }

    layoutFooter(layout, c, column);
    layout.height = c.y;
    return layout;
}

void MessageDelegate::refreshContent(Layout &layout, const QModelIndex &index, const Fonts &fonts) const
{
    layout.role = MessageRole(index.data(MessageListModel::MessageRoleRole).toInt());
    layout.status = MessageStatus(index.data(MessageListModel::MessageStatusRole).toInt());
    layout.text = index.data(MessageListModel::TextRole).toString();
    layout.siblingIndex = index.data(MessageListModel::SiblingIndexRole).toInt();
    layout.siblingCount = std::max(1, index.data(MessageListModel::SiblingCountRole).toInt());
    layout.callResults = index.data(MessageListModel::CallResultsRole).toMap();
    layout.resultsWithCalls = index.data(MessageListModel::ResultsWithCallsRole).toStringList();
    layout.thinkingMs = index.data(MessageListModel::ThinkingMsRole).toLongLong();
    const QVariantList parts = index.data(MessageListModel::PartsRole).toList();
    if (!layout.appendOnly || parts.size() < qsizetype(layout.parts.size())) {
        layout.forgottenDocuments = layout.documentsBuilt();
        layout.parts.clear();
    }
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QVariantMap map = parts.at(i).toMap();
        const auto kind = ContentPartType(map.value(u"kind"_s).toInt());
        const bool existing = i < qsizetype(layout.parts.size()) && layout.parts[size_t(i)].kind == kind;
        if (!existing) {
            if (i < qsizetype(layout.parts.size()))
                layout.parts.resize(size_t(i));
            layout.parts.emplace_back();
            layout.parts.back().kind = kind;
        }
        Layout::Part &part = layout.parts[size_t(i)];
        if (kind == ContentPartType::Text || kind == ContentPartType::Thinking) {
            if (map.value(u"isSkillInstruction"_s).toBool()) {
                part.hidden = true;
                continue;
            }
            const QString text = map.value(u"text"_s).toString();
            part.durationMs = map.value(u"durationMs"_s, -1).toLongLong();
            if (!part.flow)
                part.flow = fonts.flow(MarkdownFlow::Format::Markdown, m_dark);
            if (!existing || part.flow->text().size() != text.size())
                part.flow->setText(text, existing, layout.status != MessageStatus::Streaming);
        } else if (kind == ContentPartType::ToolUse) {
            refreshToolCall(layout, size_t(i), map, existing, fonts);
        } else if (kind == ContentPartType::ToolResult) {
            part.toolId = map.value(u"toolId"_s).toString();
            part.toolName = map.value(u"toolName"_s).toString();
            part.resultText = map.value(u"result"_s).toString();
            part.resultIsError = map.value(u"isError"_s).toBool();
        } else if (kind == ContentPartType::Image) {
            part.blob = map.value(u"blob"_s).toString();
        }
    }
    layout.contentDirty = false;
    layout.appendOnly = false;
    layout.geometryDirty = true;
}

void MessageDelegate::refreshToolCall(Layout &layout, size_t i, const QVariantMap &map, bool existing, const Fonts &fonts) const
{
    Layout::Part &part = layout.parts[i];
    part.toolId = map.value(u"id"_s).toString();
    part.toolName = map.value(u"name"_s).toString();
    const QString raw = map.value(u"arguments"_s).toString();
    if (!part.flow)
        part.flow = fonts.flow(MarkdownFlow::Format::Monospace, m_dark);
    if (!existing || raw.size() != part.rawArguments.size()) {
        // Streaming arguments are shown raw; complete ones pretty-printed.
        const bool streaming = layout.status == MessageStatus::Streaming;
        part.flow->setText(streaming ? raw : prettyArguments(raw), streaming && existing);
        part.rawArguments = raw;
    }
    // A finished call of a widget tool becomes its card.
    part.widget.clear();
    if (layout.status != MessageStatus::Streaming) {
        part.arguments = QJsonDocument::fromJson(raw.toUtf8()).object();
        QString cardText;
        // The tool's metadata says which card it gets.
        const ToolCard card = ToolCatalog::cardOf(part.toolName);
        if (ToolCatalog::isChart(card) && ChartRenderer::isAvailable()) {
            part.widget = u"chart"_s;
            cardText = WidgetCards::escapeMarkdown(part.arguments.value(u"insight"_s).toString());
        } else if (card == ToolCard::Email && part.arguments.contains(u"to"_s)) {
            part.widget = u"email"_s;
            cardText = WidgetCards::emailCard(part.arguments);
        } else if (card == ToolCard::CalendarEvent && WidgetCards::eventTime(part.arguments, u"start"_s).isValid()) {
            part.widget = u"calendar"_s;
            cardText = WidgetCards::calendarCard(part.arguments);
        }
        if (!part.widget.isEmpty()) {
            part.card = fonts.flow(MarkdownFlow::Format::Markdown, m_dark);
            part.card->setText(cardText, false, true);
            part.chart = QImage();
        }
    }
}

void MessageDelegate::layoutPart(size_t i, Cursor &c, const QStyleOptionViewItem &option, const Fonts &fonts) const
{
    Layout &layout = c.layout;
    Layout::Part &part = layout.parts[i];
    part.rect = {};
    if (part.hidden)
        return;
    const QString key = ConversationState::key(layout.id, int(i));
    if (part.kind == ContentPartType::Text) {
        if (part.flow->text().trimmed().isEmpty())
            return;
        c.gap();
        part.flow->setWidth(c.inner);
        part.flowAt = QPoint(c.x0, c.y);
        part.rect = QRect(c.x0, c.y, c.inner, part.flow->height());
        // Only a bubble shrinks to its text (this walks every block: not for long answers).
        c.naturalWidth = c.user ? std::max(c.naturalWidth, part.flow->naturalWidth()) : c.inner;
        c.y += part.flow->height();
    } else if (part.kind == ContentPartType::Thinking) {
        c.gap();
        part.open = m_state->expanded.contains(key);
        part.header = QRect(c.x0, c.y, c.inner, HeaderHeight);
        c.y += HeaderHeight;
        if (part.open) {
            part.flow->setWidth(c.inner - 14);
            part.flowAt = QPoint(c.x0 + 14, c.y + 4);
            c.y += part.flow->height() + 8;
        }
        part.rect = QRect(c.x0, part.header.top(), c.inner, c.y - part.header.top());
        c.naturalWidth = c.inner;
    } else if (part.kind == ContentPartType::ToolUse && !part.widget.isEmpty()) {
        layoutCard(i, c, option);
    } else if (part.kind == ContentPartType::ToolUse) {
        layoutToolCall(i, c, key, fonts);
    } else if (part.kind == ContentPartType::ToolResult) {
        if (layout.resultsWithCalls.contains(part.toolId))
            return; // shown in its call's card
        c.gap();
        part.open = m_state->expanded.contains(key);
        part.header = QRect(c.x0, c.y, c.inner, CardHeaderHeight);
        c.y += CardHeaderHeight;
        if (part.open) {
            if (!part.result) {
                part.result = fonts.flow(MarkdownFlow::Format::Monospace, m_dark);
                part.result->setText(part.resultText.left(MaxShownResult));
            }
            part.result->setWidth(c.inner - 2 * CardPad);
            part.resultAt = QPoint(c.x0 + CardPad, c.y);
            c.y += part.result->height() + CardPad;
        }
        part.rect = QRect(c.x0, part.header.top(), c.inner, c.y - part.header.top());
        c.naturalWidth = c.inner;
    } else if (part.kind == ContentPartType::Image) {
        c.gap();
        QSize size(Thumbnail, Thumbnail * 3 / 4);
        if (m_state->imageLoader) {
            const QImage image = m_state->imageLoader(part.blob);
            if (!image.isNull())
                size = image.size().scaled(QSize(std::min(Thumbnail, c.inner), Thumbnail), Qt::KeepAspectRatio);
        }
        part.rect = QRect(c.x0, c.y, size.width(), size.height());
        c.naturalWidth = std::max(c.naturalWidth, size.width());
        c.y += size.height();
    }
}

void MessageDelegate::layoutCard(size_t i, Cursor &c, const QStyleOptionViewItem &option) const
{
    Layout::Part &part = c.layout.parts[i];
    c.gap();
    const int top = c.y;
    const int w = c.inner - 2 * CardPad;
    part.header = QRect(c.x0, c.y, c.inner, CardHeaderHeight);
    c.y += CardHeaderHeight;
    part.chartRect = {};
    if (part.widget == u"chart") {
        if (part.chart.isNull() || part.chartWidth != w) {
            part.chart = ChartRenderer::render(part.toolName, part.arguments, QSize(w, ChartHeight),
                                               option.widget ? option.widget->devicePixelRatioF() : 1.0, m_dark);
            part.chartWidth = w;
        }
        part.chartRect = QRect(c.x0 + CardPad, c.y, w, ChartHeight);
        c.y += ChartHeight + 6;
    }
    part.card->setWidth(w);
    part.flowAt = QPoint(c.x0 + CardPad, c.y);
    c.y += part.card->height() + CardPad;
    if (part.widget == u"email") {
        int x = c.x0 + CardPad;
        c.addButton(x, c.y, Hit::Kind::OpenMail, MessageDelegate::tr("Open in mail app"), WidgetCards::mailto(part.arguments), int(i));
        c.addButton(x, c.y, Hit::Kind::CopyMessage, MessageDelegate::tr("Copy text"),
                  part.arguments.value(u"body"_s).toString(), int(i));
        c.y += ButtonHeight + CardPad;
    } else if (part.widget == u"calendar") {
        int x = c.x0 + CardPad;
        c.addButton(x, c.y, Hit::Kind::SaveEvent, MessageDelegate::tr("Add to calendar"), WidgetCards::icsOf(part.arguments, part.toolId), int(i));
        c.addButton(x, c.y, Hit::Kind::CopyMessage, MessageDelegate::tr("Copy"), part.card->text(), int(i));
        c.y += ButtonHeight + CardPad;
    }
    part.rect = QRect(c.x0, top, c.inner, c.y - top);
    c.naturalWidth = c.inner;
}

void MessageDelegate::layoutToolCall(size_t i, Cursor &c, const QString &key, const Fonts &fonts) const
{
    Layout::Part &part = c.layout.parts[i];
    c.gap();
    const int top = c.y;
    const bool pending = m_state->pendingApprovals.contains(part.toolId);
    part.open = pending || m_state->expanded.contains(key);
    // The model joins each call to its result (in the tool message after it).
    const QVariantMap outcome = c.layout.callResults.value(part.toolId).toMap();
    part.hasResult = !outcome.isEmpty();
    if (part.hasResult) {
        QString result = outcome.value(u"result"_s).toString();
        if (result.size() > MaxShownResult)
            result = result.left(MaxShownResult) + u"\n…"_s;
        if (!part.result || part.resultText != result) {
            part.result = fonts.flow(MarkdownFlow::Format::Monospace, m_dark);
            part.result->setText(result);
            part.resultText = result;
        }
        part.resultIsError = outcome.value(u"isError"_s).toBool();
    }
    part.header = QRect(c.x0, c.y, c.inner, CardHeaderHeight);
    c.y += CardHeaderHeight;
    if (part.open) {
        const int w = c.inner - 2 * CardPad;
        part.argumentsLabel = QRect(c.x0 + CardPad, c.y, w, HeaderHeight - 6);
        c.y += part.argumentsLabel.height();
        part.flow->setWidth(w);
        part.flowAt = QPoint(c.x0 + CardPad, c.y);
        c.y += part.flow->height() + CardPad;
        if (part.hasResult) {
            part.resultLabel = QRect(c.x0 + CardPad, c.y, w, HeaderHeight - 6);
            c.y += part.resultLabel.height();
            part.result->setWidth(w);
            part.resultAt = QPoint(c.x0 + CardPad, c.y);
            c.y += part.result->height() + CardPad;
        }
    }
    if (pending) {
        int x = c.x0 + CardPad;
        c.addButton(x, c.y, Hit::Kind::AllowOnce, MessageDelegate::tr("Allow once"), part.toolId, int(i));
        c.addButton(x, c.y, Hit::Kind::AllowForThread, MessageDelegate::tr("Allow for this thread"), part.toolId, int(i));
        c.addButton(x, c.y, Hit::Kind::Deny, MessageDelegate::tr("Deny"), part.toolId, int(i));
        c.y += ButtonHeight + CardPad;
    }
    part.rect = QRect(c.x0, top, c.inner, c.y - top);
    c.naturalWidth = c.inner;
}

void MessageDelegate::layoutFooter(Layout &layout, Cursor &c, int column) const
{
    // The row of actions under a finished message, with its usage and cost.
    layout.footerText.clear();
    layout.footerTextRect = {};
    layout.versionRect = {};
    const bool finished = layout.status != MessageStatus::Streaming;
    if (finished && (layout.role == MessageRole::User || layout.role == MessageRole::Assistant)) {
        c.y += 4;
        const int top = c.y;
        int x = c.user ? 0 : c.x0;
        const qsizetype firstFooterButton = layout.buttons.size();
        if (layout.siblingCount > 1) {
            // "‹ 2 / 3 ›": the versions of this message (an edit, a regenerated answer).
            c.addButton(x, top, Hit::Kind::PreviousVersion, u"‹"_s, layout.id, -1);
            layout.buttons.last().enabled = layout.siblingIndex > 0 && !m_state->running;
            const QString shown = versionText(layout);
            const int w = c.metrics.horizontalAdvance(shown);
            layout.versionRect = QRect(x - 8, top, w, ButtonHeight);
            x += w;
            c.addButton(x, top, Hit::Kind::NextVersion, u"›"_s, layout.id, -1);
            layout.buttons.last().enabled = layout.siblingIndex + 1 < layout.siblingCount && !m_state->running;
        }
        if (!layout.text.isEmpty())
            c.addButton(x, top, Hit::Kind::CopyMessage, MessageDelegate::tr("Copy"), layout.text, -1);
        // Editing or regenerating waits until the thread's run has finished.
        if (c.user && !m_state->running)
            c.addButton(x, top, Hit::Kind::Edit, MessageDelegate::tr("Edit"), layout.id, -1);
        else if (!c.user && !m_state->running && !layout.text.isEmpty()) // not on a message that only calls tools
            c.addButton(x, top, Hit::Kind::Regenerate, MessageDelegate::tr("Regenerate"), layout.id, -1);
        QStringList info;
        if (layout.status == MessageStatus::Interrupted)
            info << MessageDelegate::tr("Stopped");
        else if (layout.status == MessageStatus::Failed)
            info << MessageDelegate::tr("Failed");
        if (!c.user && m_state->usageText) {
            if (const QString usage = m_state->usageText(layout.id); !usage.isEmpty())
                info << usage;
        }
        layout.footerText = info.join(u" · "_s);
        if (c.user) { // right-aligned under the bubble
            const int shift = column - x + 8;
            for (qsizetype i = firstFooterButton; i < layout.buttons.size(); ++i)
                layout.buttons[i].rect.translate(shift, 0);
            layout.versionRect.translate(shift, 0);
        } else if (!layout.footerText.isEmpty()) {
            layout.footerTextRect = QRect(x, top, column - x, ButtonHeight);
        }
        c.y = top + ButtonHeight;
    }
}

} // namespace AgentDesk
