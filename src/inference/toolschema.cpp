#include "toolschema.h"

#include <QJsonArray>
#include <QSet>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

constexpr int MaxDepth = 32;

QJsonValue resolveRef(const QString &ref, const QJsonObject &root)
{
    // Only local references: "#/$defs/Name" or "#/definitions/Name" (JSON Pointer).
    if (!ref.startsWith("#/"_L1))
        return {};
    QJsonValue current = root;
    const QStringList tokens = ref.mid(2).split(u'/');
    for (QString token : tokens) {
        token.replace("~1"_L1, "/"_L1).replace("~0"_L1, "~"_L1);
        current = current.toObject().value(token);
        if (current.isUndefined())
            return {};
    }
    return current;
}

QJsonValue forGemini(const QJsonValue &value, const QJsonObject &root, int depth);

QJsonObject schemaForGemini(QJsonObject schema, const QJsonObject &root, int depth)
{
    static const QSet<QString> allowed = {u"type"_s, u"format"_s, u"title"_s, u"description"_s, u"nullable"_s, u"enum"_s,
                                          u"maxItems"_s, u"minItems"_s, u"properties"_s, u"required"_s, u"minProperties"_s,
                                          u"maxProperties"_s, u"minLength"_s, u"maxLength"_s, u"pattern"_s, u"example"_s,
                                          u"anyOf"_s, u"propertyOrdering"_s, u"default"_s, u"items"_s, u"minimum"_s,
                                          u"maximum"_s};
    if (depth > MaxDepth)
        return QJsonObject{{u"type"_s, u"object"_s}};
    if (const QString ref = schema.value("$ref"_L1).toString(); !ref.isEmpty()) {
        const QJsonValue target = resolveRef(ref, root);
        QJsonObject merged = target.toObject();
        for (auto it = schema.begin(); it != schema.end(); ++it) {
            if (it.key() != "$ref"_L1)
                merged.insert(it.key(), it.value());
        }
        return schemaForGemini(merged, root, depth + 1);
    }
    if (schema.contains("const"_L1) && !schema.contains("enum"_L1))
        schema.insert(u"enum"_s, QJsonArray{schema.value("const"_L1)});
    if (const QJsonValue type = schema.value("type"_L1); type.isArray()) {
        QString single;
        bool nullable = false;
        for (const QJsonValue &t : type.toArray()) {
            if (t.toString() == "null"_L1)
                nullable = true;
            else if (single.isEmpty())
                single = t.toString();
        }
        schema.insert(u"type"_s, single.isEmpty() ? u"string"_s : single);
        if (nullable)
            schema.insert(u"nullable"_s, true);
    }
    QJsonObject out;
    for (auto it = schema.begin(); it != schema.end(); ++it) {
        const QString key = it.key();
        if (!allowed.contains(key))
            continue;
        if (key == "properties"_L1) {
            QJsonObject properties;
            const QJsonObject in = it.value().toObject();
            for (auto p = in.begin(); p != in.end(); ++p)
                properties.insert(p.key(), forGemini(p.value(), root, depth + 1));
            out.insert(key, properties);
        } else if (key == "items"_L1 || key == "anyOf"_L1) {
            out.insert(key, forGemini(it.value(), root, depth + 1));
        } else if (key == "enum"_L1) {
            // Gemini's enums are strings.
            QJsonArray values;
            for (const QJsonValue &v : it.value().toArray())
                values.append(v.isString() ? v : QJsonValue(v.toVariant().toString()));
            out.insert(key, values);
        } else {
            out.insert(key, it.value());
        }
    }
    return out;
}

QJsonValue forGemini(const QJsonValue &value, const QJsonObject &root, int depth)
{
    if (value.isObject())
        return schemaForGemini(value.toObject(), root, depth);
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &v : value.toArray())
            out.append(forGemini(v, root, depth));
        return out;
    }
    return value;
}

} // namespace

QJsonObject ToolSchema::forProvider(const QJsonObject &schema, ProviderKind kind)
{
    QJsonObject out = schema;
    out.remove("$schema"_L1);
    if (out.isEmpty() || (!out.contains("type"_L1) && !out.contains("$ref"_L1) && !out.contains("anyOf"_L1)))
        out.insert(u"type"_s, u"object"_s);
    if (out.value("type"_L1).toString() == "object"_L1 && !out.contains("properties"_L1))
        out.insert(u"properties"_s, QJsonObject());
    if (kind == ProviderKind::Gemini)
        out = schemaForGemini(out, schema, 0);
    return out;
}

} // namespace AgentDesk
