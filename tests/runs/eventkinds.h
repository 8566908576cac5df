#pragma once

// Test helper: a run's events as short strings, to compare whole event sequences exactly.
// "session:true", "masks", "message:<role number>", "delta" (consecutive deltas as one),
// "error:<code>", "title:<title>".

#include "core/runevent.h"

#include <QStringList>

namespace AgentDesk::Test {

inline QString eventKind(const RunEvent &event)
{
    return std::visit(
        [](const auto &p) -> QString {
            using T = std::decay_t<decltype(p)>;
            if constexpr (std::is_same_v<T, RunSessionEvent>)
                return p.streaming ? QStringLiteral("session:true") : QStringLiteral("session:false");
            else if constexpr (std::is_same_v<T, RunMessageEvent>)
                return QStringLiteral("message:") + QString::number(int(p.message.role));
            else if constexpr (std::is_same_v<T, RunMessageDeltaEvent>)
                return QStringLiteral("delta");
            else if constexpr (std::is_same_v<T, RunErrorEvent>)
                return QStringLiteral("error:") + p.code;
            else if constexpr (std::is_same_v<T, RunThreadEvent>)
                return QStringLiteral("title:") + p.title;
            else if constexpr (std::is_same_v<T, RunApprovalRequestEvent>)
                return QStringLiteral("approval:") + p.toolName;
            else
                return QStringLiteral("masks");
        },
        event.payload);
}

inline QStringList eventKinds(const QList<RunEvent> &events)
{
    QStringList out;
    for (const RunEvent &e : events) {
        const QString kind = eventKind(e);
        if (kind == QLatin1String("delta") && !out.isEmpty() && out.constLast() == kind)
            continue;
        out << kind;
    }
    return out;
}

} // namespace AgentDesk::Test
