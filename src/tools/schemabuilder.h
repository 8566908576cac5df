#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace AgentDesk::Schema {

// Small builders for the JSON Schemas of the built-in tools.

inline QJsonObject string(const QString &description)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}, {QStringLiteral("description"), description}};
}

inline QJsonObject integer(const QString &description, int minimum)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("integer")},
                       {QStringLiteral("minimum"), minimum},
                       {QStringLiteral("description"), description}};
}

inline QJsonObject stringEnum(const QString &description, const QStringList &values)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                       {QStringLiteral("enum"), QJsonArray::fromStringList(values)},
                       {QStringLiteral("description"), description}};
}

// An object whose listed properties are all required, except the ones named in `optional`.
inline QJsonObject object(const QJsonObject &properties, const QStringList &optional = {})
{
    QJsonArray required;
    for (auto it = properties.begin(); it != properties.end(); ++it) {
        if (!optional.contains(it.key()))
            required.append(it.key());
    }
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                       {QStringLiteral("properties"), properties},
                       {QStringLiteral("required"), required},
                       {QStringLiteral("additionalProperties"), false}};
}

} // namespace AgentDesk::Schema
