#include "piiunmasker.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

const QRegularExpression &tokenPattern()
{
    static const QRegularExpression pattern(u"\\{\\{pii:[A-Z][A-Z0-9_]*_\\d+\\}\\}"_s);
    return pattern;
}

// A string that a few more characters could turn into a token: "{", "{{p", "{{pii:EMAIL_ADDRESS_1}", …
bool isTokenPrefix(QStringView text)
{
    static const QRegularExpression prefix(u"^\\{(?:\\{(?:p(?:i(?:i(?::(?:[A-Z][A-Z0-9_]*\\}?)?)?)?)?)?)?$"_s);
    return prefix.match(text.toString()).hasMatch();
}

// Categories are short; a longer tail cannot be the start of a token.
constexpr qsizetype MaxTokenLength = 96;

QJsonValue unmaskJson(const QJsonValue &value, const PiiUnmasker &unmasker)
{
    if (value.isString())
        return unmasker.unmask(value.toString());
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &item : value.toArray())
            out.append(unmaskJson(item, unmasker));
        return out;
    }
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            out.insert(it.key(), unmaskJson(it.value(), unmasker));
        return out;
    }
    return value;
}

} // namespace

void PiiUnmasker::setMasks(const QList<PiiMask> &masks)
{
    m_values.clear();
    for (const PiiMask &mask : masks)
        m_values.insert(mask.token, mask.value);
}

QString PiiUnmasker::unmask(const QString &text) const
{
    if (m_values.isEmpty() || !text.contains(u"{{pii:"_s))
        return text;
    QString out;
    qsizetype last = 0;
    for (auto it = tokenPattern().globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        out += QStringView(text).mid(last, match.capturedStart() - last);
        out += m_values.value(match.captured(), match.captured());
        last = match.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

Message PiiUnmasker::unmask(Message message) const
{
    if (m_values.isEmpty())
        return message;
    for (ContentPart &part : message.content) {
        if (auto *text = std::get_if<TextPart>(&part))
            text->text = unmask(text->text);
        else if (auto *thinking = std::get_if<ThinkingPart>(&part))
            thinking->text = unmask(thinking->text);
        else if (auto *call = std::get_if<ToolUsePart>(&part))
            call->params = unmaskJson(call->params, *this).toObject();
        else if (auto *result = std::get_if<ToolResultPart>(&part))
            result->result = unmask(result->result);
    }
    return message;
}

QList<Message> PiiUnmasker::unmask(QList<Message> messages) const
{
    for (Message &message : messages)
        message = unmask(std::move(message));
    return messages;
}

QString PiiUnmasker::feed(QStringView delta)
{
    m_pending += delta;
    // Hold back from the earliest '{' near the end whose rest could still become a token.
    qsizetype hold = m_pending.size();
    for (qsizetype i = std::max<qsizetype>(0, m_pending.size() - MaxTokenLength); i < m_pending.size(); ++i) {
        if (m_pending.at(i) == u'{' && isTokenPrefix(QStringView(m_pending).mid(i))) {
            hold = i;
            break;
        }
    }
    const QString ready = unmask(m_pending.left(hold));
    m_pending.remove(0, hold);
    return ready;
}

QString PiiUnmasker::finish()
{
    const QString rest = unmask(m_pending);
    m_pending.clear();
    return rest;
}

} // namespace AgentDesk
