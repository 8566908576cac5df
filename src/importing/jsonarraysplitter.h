#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QByteArrayView>

#include <functional>

namespace AgentDesk {

// Splits a JSON text whose top level is an array — or an object holding the array under one key,
// as some tools wrap ChatGPT's conversations.json ({"conversations": [...]}) — into the array's
// elements as the bytes arrive, so a 2 GB export is read with memory for one element, never as
// one document. It only follows strings, escapes and brackets; each element is then parsed (and
// validated) on its own. An element larger than the cap, brackets that do not match, text after
// the array or a file that ends inside it are errors.
class JsonArraySplitter
{
public:
    explicit JsonArraySplitter(qint64 maxElementBytes, QByteArray wrapperKey = "conversations");

    // Feeds the next bytes; each complete element goes to `element` (which returns false to stop).
    Result<void> feed(QByteArrayView bytes, const std::function<bool(QByteArrayView element)> &element);
    // The text ended: an error if it ended inside the array or never had one.
    Result<void> finish() const;
    qint64 bytesSeen() const { return m_seen; }
    // The text is an object without the wrapped array (one conversation on its own, as AgentDesk
    // exports a thread): nothing was split from it.
    bool objectWithoutArray() const { return m_root == '{' && m_arrayDepth < 0; }
    bool stopped() const { return m_stopped; }

private:
    bool emitElement(QByteArrayView bytes, qsizetype end, const std::function<bool(QByteArrayView element)> &element);
    Result<void> structure(char c, QByteArrayView bytes, qsizetype i, const std::function<bool(QByteArrayView element)> &element);

    qint64 m_max;
    QByteArray m_wrapperKey;
    qint64 m_seen = 0;
    int m_depth = 0;
    char m_root = 0;        // '[' or '{' once seen
    int m_arrayDepth = -1;  // the depth of the array's elements, once inside it
    bool m_arrayClosed = false;
    bool m_inString = false;
    bool m_escape = false;
    bool m_inElement = false;
    qsizetype m_elementStart = 0; // where the element starts in the bytes being fed
    QByteArray m_element;         // the element's bytes from earlier feeds
    // A key of the wrapping object, while it is read, and whether its value comes next.
    bool m_capturingKey = false;
    QByteArray m_key;
    bool m_afterColon = false;
    bool m_stopped = false;
};

} // namespace AgentDesk
