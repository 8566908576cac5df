#pragma once

// MessageDelegate's cached layout of one message (private to the delegate's sources).

#include "markdownflow.h"
#include "core/message.h"
#include "messagedelegate.h"

#include <QImage>
#include <QJsonObject>
#include <QList>
#include <QRect>

#include <memory>
#include <vector>

namespace AgentDesk {

// Sizes of the conversation's parts, in device-independent pixels.
namespace DelegateMetrics {
inline constexpr int BubblePadH = 14;
inline constexpr int BubblePadV = 9;
inline constexpr int PartGap = 10;
inline constexpr int HeaderHeight = 26;
inline constexpr int CardHeaderHeight = 32;
inline constexpr int CardPad = 10;
inline constexpr int ButtonHeight = 28;
inline constexpr int Thumbnail = 220;
inline constexpr int MaxShownResult = 20000;
inline constexpr int ChartHeight = 280;
} // namespace DelegateMetrics

// One message laid out: its parts in order, each with its flows and rectangles (message
// coordinates: x from 0 to the column width).
class MessageDelegate::Layout
{
public:
    struct Button
    {
        QRect rect;
        Hit::Kind kind;
        QString label;
        QString payload;
        int part = -1;
        bool enabled = true; // a disabled button is drawn faint and cannot be pressed
    };
    struct Part
    {
        ContentPartType kind = ContentPartType::Unknown;
        QString toolId;
        QString toolName;
        QString blob;
        QString rawArguments;
        std::unique_ptr<MarkdownFlow> flow;   // text, thinking, tool arguments
        std::unique_ptr<MarkdownFlow> result; // tool result
        QString resultText;
        bool resultIsError = false;
        bool hasResult = false;
        QString widget; // "chart", "email", "calendar": drawn as a card instead of the call
        QJsonObject arguments;
        std::unique_ptr<MarkdownFlow> card; // an e-mail or calendar card's text, a chart's insight
        QImage chart;
        int chartWidth = 0;
        QRect chartRect;
        // geometry
        QRect rect;
        QRect header;
        QPoint flowAt;
        QPoint resultAt;
        QRect argumentsLabel;
        QRect resultLabel;
        bool open = false;
        bool hidden = false;
        qint64 durationMs = -1; // a thinking part's stored duration
    };

    QString id;
    MessageRole role = MessageRole::Assistant;
    MessageStatus status = MessageStatus::Complete;
    QString text;
    std::vector<Part> parts;
    int width = -1;
    int height = 0;
    QRect bubble;
    QString footerText;
    QRect footerTextRect;
    QVariantMap callResults;     // tool call id → {result, isError} (MessageListModel::CallResultsRole)
    QStringList resultsWithCalls; // tool results shown in their calls' cards
    qint64 thinkingMs = -1;       // measured while streaming
    int siblingIndex = 0; // which version of the message, from 0
    int siblingCount = 1;
    QRect versionRect;    // "2 / 3" between the version arrows
    QList<Button> buttons;
    bool contentDirty = true;
    bool appendOnly = false;
    bool geometryDirty = true;
    quint64 forgottenDocuments = 0;

    struct Shown
    {
        const MarkdownFlow *flow = nullptr;
        QPoint at;
    };
    // A part's text as shown now (TextPoint::flow says which), or no flow.
    static Shown shown(const Part &part, int which)
    {
        if (part.rect.isNull() || part.hidden)
            return {};
        const bool call = part.kind == ContentPartType::ToolUse && part.widget.isEmpty();
        switch (which) {
        case 0:
            if (part.kind == ContentPartType::Text || ((part.kind == ContentPartType::Thinking || call) && part.open))
                return {part.flow.get(), part.flowAt};
            return {};
        case 1:
            if (part.open && part.result && ((call && part.hasResult) || part.kind == ContentPartType::ToolResult))
                return {part.result.get(), part.resultAt};
            return {};
        case 2:
            if (!part.widget.isEmpty() && part.card)
                return {part.card.get(), part.flowAt};
            return {};
        default: return {};
        }
    }

    quint64 documentsBuilt() const
    {
        quint64 n = forgottenDocuments;
        for (const Part &p : parts) {
            if (p.flow)
                n += p.flow->documentsBuilt();
            if (p.result)
                n += p.result->documentsBuilt();
        }
        return n;
    }
};

} // namespace AgentDesk
