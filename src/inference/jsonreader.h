#pragma once

// Internal to the inference layer: a reusable simdjson DOM parser with its padded buffer, and
// small accessors. simdjson is the stream-decoding hot path (product.md §2); the DOM parser
// validates the whole payload before anything is read from it, so a truncated or concatenated
// payload is rejected as a whole.

#include <QByteArrayView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include "core/streamchunk.h"

#include <simdjson.h>

#include <cstring>
#include <limits>
#include <optional>
#include <string>

namespace AgentDesk::Json {

using Element = simdjson::dom::element;
using Object = simdjson::dom::object;
using Array = simdjson::dom::array;

class Reader
{
public:
    // Parses `data`; the result stays valid until the next call.
    std::optional<Element> parse(QByteArrayView data)
    {
        const size_t needed = size_t(data.size()) + simdjson::SIMDJSON_PADDING;
        if (m_buffer.size() < needed)
            m_buffer.resize(std::max(needed, m_buffer.size() * 2));
        std::memcpy(m_buffer.data(), data.data(), size_t(data.size()));
        Element element;
        if (m_parser.parse(reinterpret_cast<const uint8_t *>(m_buffer.data()), size_t(data.size()), false).get(element))
            return std::nullopt;
        return element;
    }

private:
    simdjson::dom::parser m_parser;
    std::string m_buffer;
};

inline QString toQString(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

inline std::optional<Element> field(Element element, std::string_view key)
{
    Element value;
    if (element.at_key(key).get(value) != simdjson::SUCCESS)
        return std::nullopt;
    return value;
}

inline std::optional<Object> object(Element element, std::string_view key)
{
    Object value;
    if (element.at_key(key).get_object().get(value) != simdjson::SUCCESS)
        return std::nullopt;
    return value;
}

inline std::optional<Array> array(Element element, std::string_view key)
{
    Array value;
    if (element.at_key(key).get_array().get(value) != simdjson::SUCCESS)
        return std::nullopt;
    return value;
}

inline QString asString(Element element)
{
    std::string_view text;
    if (element.get_string().get(text) != simdjson::SUCCESS)
        return {};
    return toQString(text);
}

// The string at `key`, or empty for missing, null or another type.
inline QString string(Element element, std::string_view key)
{
    std::string_view text;
    if (element.at_key(key).get_string().get(text) != simdjson::SUCCESS)
        return {};
    return toQString(text);
}

inline std::optional<QString> optionalString(Element element, std::string_view key)
{
    std::string_view text;
    if (element.at_key(key).get_string().get(text) != simdjson::SUCCESS)
        return std::nullopt;
    return toQString(text);
}

// A whole number: an integer, or a double without a fraction in range; else nothing.
inline std::optional<qint64> integerValue(Element value)
{
    int64_t i = 0;
    if (value.get_int64().get(i) == simdjson::SUCCESS)
        return qint64(i);
    double d = 0;
    // Fractions, out-of-range values and NaN are not integers (casting the latter would be
    // undefined); 2.0 is.
    if (value.get_double().get(d) == simdjson::SUCCESS && d >= -9.0e18 && d <= 9.0e18 && d == double(qint64(d)))
        return qint64(d);
    return std::nullopt;
}

inline std::optional<qint64> integer(Element element, std::string_view key)
{
    Element value;
    if (element.at_key(key).get(value) != simdjson::SUCCESS)
        return std::nullopt;
    return integerValue(value);
}

// A position such as a tool call's or a candidate's index: a whole number in [0, INT_MAX], else
// nothing (a larger one must not alias a small one).
inline std::optional<int> index(Element element, std::string_view key)
{
    const std::optional<qint64> value = integer(element, key);
    if (!value || *value < 0 || *value > std::numeric_limits<int>::max())
        return std::nullopt;
    return int(*value);
}

// A token count: a whole number in [0, MaxTokenCount], else nothing.
inline std::optional<qint64> count(Element element, std::string_view key)
{
    const std::optional<qint64> value = integer(element, key);
    if (!value || *value < 0 || *value > MaxTokenCount)
        return std::nullopt;
    return value;
}

inline bool boolean(Element element, std::string_view key)
{
    bool b = false;
    return element.at_key(key).get_bool().get(b) == simdjson::SUCCESS && b;
}

// The JSON text of a value, compact.
inline QString minified(Element element)
{
    return QString::fromStdString(simdjson::minify(element));
}

inline bool isBlank(QByteArrayView data)
{
    for (char c : data) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            return false;
    }
    return true;
}

inline QJsonObject toQJsonObject(Element element)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(simdjson::minify(element))).object();
}

} // namespace AgentDesk::Json
