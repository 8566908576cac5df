#include "jsonarraysplitter.h"

using namespace Qt::StringLiterals;

namespace AgentDesk {

JsonArraySplitter::JsonArraySplitter(qint64 maxElementBytes, QByteArray wrapperKey)
    : m_max(maxElementBytes), m_wrapperKey(std::move(wrapperKey))
{
}

bool JsonArraySplitter::emitElement(QByteArrayView bytes, qsizetype end, const std::function<bool(QByteArrayView element)> &element)
{
    m_inElement = false;
    const QByteArrayView tail = bytes.sliced(m_elementStart, end - m_elementStart);
    bool go;
    if (m_element.isEmpty()) {
        go = element(tail.trimmed());
    } else {
        m_element.append(tail);
        go = element(QByteArrayView(m_element).trimmed());
        m_element.clear();
    }
    m_stopped = !go;
    return go;
}

Result<void> JsonArraySplitter::structure(char c, QByteArrayView bytes, qsizetype i, const std::function<bool(QByteArrayView element)> &element)
{
    const bool inRootObject = m_root == '{' && m_depth == 1;
    const bool atElements = !m_arrayClosed && m_depth == m_arrayDepth; // between the array's elements
    switch (c) {
    case '"':
        m_inString = true;
        if (atElements && !m_inElement) {
            m_inElement = true;
            m_elementStart = i;
        }
        m_capturingKey = inRootObject && !m_afterColon;
        if (m_capturingKey)
            m_key.clear();
        return {};
    case ':':
        if (inRootObject)
            m_afterColon = true;
        return {};
    case ',':
        if (inRootObject)
            m_afterColon = false;
        if (m_inElement && m_depth == m_arrayDepth)
            emitElement(bytes, i, element);
        return {};
    case '[':
    case '{':
        if (m_arrayClosed && m_depth == 0)
            return std::unexpected(invalidArgument(u"there is more JSON after the array"_s));
        if (m_depth == 0) {
            m_root = c;
            if (c == '[')
                m_arrayDepth = 1;
        } else if (inRootObject && m_afterColon && c == '[' && m_arrayDepth < 0 && m_key == m_wrapperKey) {
            m_arrayDepth = 2;
        } else if (atElements && !m_inElement) {
            m_inElement = true;
            m_elementStart = i;
        }
        ++m_depth;
        return {};
    case ']':
    case '}': {
        if (m_depth == 0)
            return std::unexpected(invalidArgument(u"a closing bracket without an opening one"_s));
        if (m_inElement && m_depth == m_arrayDepth && c == ']' && !emitElement(bytes, i, element)) // a scalar ends at the array's end
            return {};
        --m_depth;
        if (m_inElement && m_depth == m_arrayDepth)
            emitElement(bytes, i + 1, element);
        else if (!m_arrayClosed && m_depth == m_arrayDepth - 1 && c == ']')
            m_arrayClosed = true;
        return {};
    }
    default:
        if (m_arrayClosed && m_depth == 0)
            return std::unexpected(invalidArgument(u"there is more JSON after the array"_s));
        if (m_depth == 0 && m_root == 0)
            return std::unexpected(invalidArgument(u"the file is not a JSON array or object"_s));
        if (atElements && !m_inElement) {
            m_inElement = true;
            m_elementStart = i;
        }
        return {};
    }
}

Result<void> JsonArraySplitter::feed(QByteArrayView bytes, const std::function<bool(QByteArrayView element)> &element)
{
    static constexpr char Bom[] = "\xEF\xBB\xBF";
    const qint64 before = m_seen;
    m_seen += bytes.size();
    m_elementStart = 0;
    const qsizetype n = bytes.size();
    for (qsizetype i = 0; i < n && !m_stopped; ++i) {
        const char c = bytes.at(i);
        if (before + i < 3 && m_root == 0 && c == Bom[before + i])
            continue; // a byte order mark
        if (m_inString) {
            if (m_escape) {
                m_escape = false;
            } else if (c == '\\') {
                m_escape = true;
            } else if (c == '"') {
                m_inString = false;
                m_capturingKey = false;
            } else if (m_capturingKey && m_key.size() <= m_wrapperKey.size()) {
                m_key.append(c);
            }
            continue;
        }
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t')
            continue;
        if (auto ok = structure(c, bytes, i, element); !ok)
            return ok;
    }
    if (m_inElement && !m_stopped) {
        m_element.append(bytes.sliced(m_elementStart));
        if (m_element.size() > m_max)
            return std::unexpected(invalidArgument(u"one element is larger than %1 MB"_s.arg(m_max >> 20)));
    }
    return {};
}

Result<void> JsonArraySplitter::finish() const
{
    if (m_stopped)
        return {};
    if (m_root == 0)
        return std::unexpected(invalidArgument(u"the file is empty"_s));
    if (m_arrayDepth < 0)
        return std::unexpected(invalidArgument(u"the file holds no array of conversations"_s));
    if (!m_arrayClosed || m_depth != 0 || m_inString)
        return std::unexpected(invalidArgument(u"the file ends in the middle of the array (truncated?)"_s));
    return {};
}

} // namespace AgentDesk
