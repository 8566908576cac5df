#pragma once

#include "message.h"
#include "piimask.h"

#include <QHash>
#include <QList>
#include <QString>

namespace AgentDesk {

// Puts the real values back where anonymous mode wrote `{{pii:CATEGORY_N}}` tokens (product.md
// §10: stored and sent masked, shown and exported unmasked). Tokens without a known mask stay as
// written. For streamed text, `feed()` holds back a trailing piece that may still become a token
// (a token split across deltas) and `finish()` releases it. Any thread; not shared.
class PiiUnmasker
{
public:
    explicit PiiUnmasker(const QList<PiiMask> &masks = {}) { setMasks(masks); }

    void setMasks(const QList<PiiMask> &masks);
    bool isEmpty() const { return m_values.isEmpty(); }

    QString unmask(const QString &text) const;
    // Text, thinking, tool arguments (every string in them) and tool results.
    Message unmask(Message message) const;
    QList<Message> unmask(QList<Message> messages) const;

    QString feed(QStringView delta);
    QString finish();

private:
    QHash<QString, QString> m_values;
    QString m_pending;
};

} // namespace AgentDesk
