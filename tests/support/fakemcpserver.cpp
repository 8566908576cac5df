// A scripted MCP server for tests (stdio): answers the lifecycle, a paginated tools/list and a
// handful of tools, and on request misbehaves the ways real servers do — a banner on stdout, a
// 5 MB line, batch arrays, unknown response ids, a wrong "jsonrpc", a crash mid-call, a call that
// never answers, server requests with ids 0 and "r1", list_changed bursts, a cursor that never
// advances. Everything it receives is echoed to stderr as "recv: <json>" so a test can read what
// the client sent. Options: fakemcpserver [--banner] [--huge-line] [--batch] [--unknown-ids]
// [--wrong-jsonrpc] [--server-requests] [--list-changed] [--stuck-cursor] [--version V]
// [--no-tools] [--fail-initialize]

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <thread>

using namespace Qt::StringLiterals;

namespace {

QStringList g_options;
bool option(const char *name)
{
    return g_options.contains(QString::fromLatin1(name));
}

void sendRaw(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void send(const QJsonObject &message)
{
    sendRaw(QJsonDocument(message).toJson(QJsonDocument::Compact));
}

void result(const QJsonValue &id, const QJsonObject &value)
{
    send(QJsonObject{{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, id}, {u"result"_s, value}});
}

void error(const QJsonValue &id, int code, const QString &message)
{
    send(QJsonObject{{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, id}, {u"error"_s, QJsonObject{{u"code"_s, code}, {u"message"_s, message}}}});
}

QJsonObject text(const QString &value)
{
    return QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, value}};
}

QJsonObject tool(const QString &name, const QString &description, const QJsonObject &properties = {})
{
    return QJsonObject{{u"name"_s, name}, {u"description"_s, description},
                       {u"inputSchema"_s, QJsonObject{{u"type"_s, u"object"_s}, {u"properties"_s, properties}}}};
}

int g_listVersion = 1;

void listTools(const QJsonValue &id, const QJsonObject &params)
{
    const QString cursor = params.value("cursor"_L1).toString();
    QJsonObject page;
    if (cursor.isEmpty()) {
        page.insert(u"tools"_s, QJsonArray{tool(u"echo"_s, u"Echoes the text back."_s, {{u"text"_s, QJsonObject{{u"type"_s, u"string"_s}}}}),
                                           tool(u"add"_s, u"Adds two numbers."_s,
                                                {{u"a"_s, QJsonObject{{u"type"_s, u"number"_s}}}, {u"b"_s, QJsonObject{{u"type"_s, u"number"_s}}}})});
        page.insert(u"nextCursor"_s, u"page-2"_s);
    } else {
        QJsonArray tools{tool(u"slow"_s, u"Reports progress, then answers."_s), tool(u"hang"_s, u"Never answers."_s),
                         tool(u"crash"_s, u"Exits in the middle of the call."_s), tool(u"rich"_s, u"Returns every kind of content."_s)};
        if (g_listVersion > 1)
            tools.append(tool(u"fresh"_s, u"Appeared after list_changed."_s));
        page.insert(u"tools"_s, tools);
        if (option("--stuck-cursor"))
            page.insert(u"nextCursor"_s, cursor); // never advances
    }
    if (option("--batch")) {
        QJsonArray batch{QJsonObject{{u"jsonrpc"_s, u"2.0"_s}, {u"method"_s, u"notifications/message"_s},
                                     {u"params"_s, QJsonObject{{u"level"_s, u"info"_s}, {u"data"_s, u"listing tools"_s}}}},
                         QJsonObject{{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, id}, {u"result"_s, page}}};
        sendRaw(QJsonDocument(batch).toJson(QJsonDocument::Compact));
        return;
    }
    result(id, page);
}

// Five resources in pages of two: notes (text), logo (blob), and three more texts.
void listResources(const QJsonValue &id, const QJsonObject &params)
{
    const QJsonArray all{QJsonObject{{u"uri"_s, u"fake://notes"_s}, {u"name"_s, u"notes"_s}, {u"title"_s, u"Meeting notes"_s},
                                     {u"description"_s, u"What was decided"_s}, {u"mimeType"_s, u"text/plain"_s}},
                         QJsonObject{{u"uri"_s, u"fake://logo.png"_s}, {u"name"_s, u"logo"_s}, {u"mimeType"_s, u"image/png"_s}},
                         QJsonObject{{u"uri"_s, u"fake://c"_s}, {u"name"_s, u"c"_s}},
                         QJsonObject{{u"uri"_s, u"fake://d"_s}, {u"name"_s, u"d"_s}},
                         QJsonObject{{u"uri"_s, u"fake://e"_s}, {u"name"_s, u"e"_s}}};
    const int start = params.value("cursor"_L1).toString().toInt();
    QJsonObject page{{u"resources"_s, QJsonArray{all.at(start), start + 1 < all.size() ? all.at(start + 1) : QJsonValue()}}};
    QJsonArray items = page.value("resources"_L1).toArray();
    if (items.last().isNull())
        items.removeLast();
    page.insert(u"resources"_s, items);
    if (start + 2 < all.size())
        page.insert(u"nextCursor"_s, QString::number(start + 2));
    result(id, page);
}

void readResource(const QJsonValue &id, const QJsonObject &params)
{
    const QString uri = params.value("uri"_L1).toString();
    if (uri == "fake://notes"_L1)
        return result(id, QJsonObject{{u"contents"_s, QJsonArray{QJsonObject{{u"uri"_s, uri}, {u"mimeType"_s, u"text/plain"_s}, {u"text"_s, u"Ship on Friday."_s}}}}});
    if (uri == "fake://logo.png"_L1)
        return result(id, QJsonObject{{u"contents"_s, QJsonArray{QJsonObject{{u"uri"_s, uri}, {u"mimeType"_s, u"image/png"_s}, {u"blob"_s, u"iVBORw0KGgo="_s}}}}});
    error(id, -32002, u"Resource not found"_s);
}

void callTool(const QJsonValue &id, const QJsonObject &params)
{
    const QString name = params.value("name"_L1).toString();
    const QJsonObject args = params.value("arguments"_L1).toObject();
    if (name == "echo"_L1)
        return result(id, QJsonObject{{u"content"_s, QJsonArray{text(args.value("text"_L1).toString())}}});
    if (name == "add"_L1) {
        const double sum = args.value("a"_L1).toDouble() + args.value("b"_L1).toDouble();
        return result(id, QJsonObject{{u"content"_s, QJsonArray{text(QString::number(sum))}}});
    }
    if (name == "slow"_L1) {
        const QJsonValue token = params.value("_meta"_L1).toObject().value("progressToken"_L1);
        for (int i = 1; i <= 3; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(150));
            if (!token.isUndefined()) {
                send(QJsonObject{{u"jsonrpc"_s, u"2.0"_s}, {u"method"_s, u"notifications/progress"_s},
                                 {u"params"_s, QJsonObject{{u"progressToken"_s, token}, {u"progress"_s, i}, {u"total"_s, 3}, {u"message"_s, u"step %1"_s.arg(i)}}}});
            }
        }
        return result(id, QJsonObject{{u"content"_s, QJsonArray{text(u"slow done"_s)}}});
    }
    if (name == "grow"_L1) {
        g_listVersion = 2;
        result(id, QJsonObject{{u"content"_s, QJsonArray{text(u"grown"_s)}}});
        send(QJsonObject{{u"jsonrpc"_s, u"2.0"_s}, {u"method"_s, u"notifications/tools/list_changed"_s}});
        send(QJsonObject{{u"jsonrpc"_s, u"2.0"_s}, {u"method"_s, u"notifications/tools/list_changed"_s}});
        return;
    }
    if (name == "big"_L1) // a 5 MB line of JSON
        return result(id, QJsonObject{{u"content"_s, QJsonArray{text(QString(5 * 1024 * 1024, u'y'))}}});
    if (name == "hang"_L1)
        return; // never answers
    if (name == "crash"_L1) {
        std::fprintf(stderr, "crashing on purpose\n");
        std::fflush(stderr);
        std::_Exit(3);
    }
    if (name == "rich"_L1) {
        return result(id, QJsonObject{
            {u"content"_s, QJsonArray{text(u"for everyone"_s),
                                      QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, u"for the user only"_s},
                                                  {u"annotations"_s, QJsonObject{{u"audience"_s, QJsonArray{u"user"_s}}}}},
                                      QJsonObject{{u"type"_s, u"image"_s}, {u"data"_s, u"iVBORw0KGgo="_s}, {u"mimeType"_s, u"image/png"_s}},
                                      QJsonObject{{u"type"_s, u"resource"_s},
                                                  {u"resource"_s, QJsonObject{{u"uri"_s, u"file:///notes.txt"_s}, {u"mimeType"_s, u"text/plain"_s}, {u"text"_s, u"note text"_s}}}},
                                      QJsonObject{{u"type"_s, u"resource_link"_s}, {u"uri"_s, u"file:///big.csv"_s}, {u"name"_s, u"big.csv"_s}}}},
            {u"structuredContent"_s, QJsonObject{{u"rows"_s, 2}}}});
    }
    result(id, QJsonObject{{u"content"_s, QJsonArray{text(u"MCP error -32602: Tool %1 not found"_s.arg(name))}}, {u"isError"_s, true}});
}

} // namespace

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i)
        g_options << QString::fromLocal8Bit(argv[i]);
    QString version;
    if (const qsizetype at = g_options.indexOf(u"--version"_s); at >= 0 && at + 1 < g_options.size())
        version = g_options.at(at + 1);
    if (option("--banner")) {
        sendRaw("Starting fake MCP server v1.0 ...");
        sendRaw("Listening on stdio");
    }
    std::string line;
    while (std::getline(std::cin, line)) {
        const QByteArray bytes = QByteArray::fromStdString(line);
        std::fprintf(stderr, "recv: %s\n", bytes.constData());
        std::fflush(stderr);
        const QJsonObject message = QJsonDocument::fromJson(bytes).object();
        const QString method = message.value("method"_L1).toString();
        const QJsonValue id = message.value("id"_L1);
        const QJsonObject params = message.value("params"_L1).toObject();
        if (method == "initialize"_L1) {
            if (option("--huge-line"))
                sendRaw(QByteArray(5 * 1024 * 1024, 'x')); // 5 MB of not-JSON
            if (option("--fail-initialize"))
                return error(id, -32603, u"initialisation exploded"_s), 0;
            if (option("--unknown-ids")) {
                result(QJsonValue(4711), QJsonObject{{u"stray"_s, true}});
                result(QJsonValue(u"1"_s), QJsonObject{{u"stringId"_s, true}}); // "1" is not 1
            }
            if (option("--wrong-jsonrpc"))
                send(QJsonObject{{u"jsonrpc"_s, u"1.0"_s}, {u"id"_s, 99}, {u"method"_s, u"ping"_s}});
            QJsonObject capabilities{{u"logging"_s, QJsonObject{}}};
            if (!option("--no-tools")) {
                capabilities.insert(u"tools"_s, QJsonObject{{u"listChanged"_s, true}});
                capabilities.insert(u"resources"_s, QJsonObject{});
            }
            result(id, QJsonObject{{u"protocolVersion"_s, version.isEmpty() ? params.value("protocolVersion"_L1).toString() : version},
                                   {u"capabilities"_s, capabilities},
                                   {u"serverInfo"_s, QJsonObject{{u"name"_s, u"fake"_s}, {u"version"_s, u"1.0"_s}}},
                                   {u"instructions"_s, u"Use echo to test."_s}});
        } else if (method == "notifications/initialized"_L1) {
            if (option("--server-requests")) {
                send(QJsonObject{{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, 0}, {u"method"_s, u"ping"_s}});
                send(QJsonObject{{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, u"r1"_s}, {u"method"_s, u"roots/list"_s}});
                send(QJsonObject{{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, 5}, {u"method"_s, u"sampling/createMessage"_s}, {u"params"_s, QJsonObject{}}});
                send(QJsonObject{{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, 6}, {u"method"_s, u"elicitation/create"_s},
                                 {u"params"_s, QJsonObject{{u"message"_s, u"Your name?"_s},
                                                           {u"requestedSchema"_s, QJsonObject{{u"type"_s, u"object"_s},
                                                                                              {u"properties"_s, QJsonObject{{u"name"_s, QJsonObject{{u"type"_s, u"string"_s}, {u"default"_s, u"Ada"_s}}},
                                                                                                                            {u"age"_s, QJsonObject{{u"type"_s, u"integer"_s}, {u"default"_s, 36}}}}}}}}}});
            }
            if (option("--list-changed")) {
                // A burst right after initialized, the list unchanged (as server-everything does).
                send(QJsonObject{{u"jsonrpc"_s, u"2.0"_s}, {u"method"_s, u"notifications/tools/list_changed"_s}});
                send(QJsonObject{{u"jsonrpc"_s, u"2.0"_s}, {u"method"_s, u"notifications/tools/list_changed"_s}});
            }
        } else if (method == "tools/list"_L1) {
            listTools(id, params);
        } else if (method == "resources/list"_L1) {
            listResources(id, params);
        } else if (method == "resources/read"_L1) {
            readResource(id, params);
        } else if (method == "tools/call"_L1) {
            callTool(id, params);
        } else if (method == "ping"_L1 && !id.isUndefined()) {
            result(id, QJsonObject{});
        } else if (!id.isUndefined() && !method.isEmpty()) {
            error(id, -32601, u"Method not found"_s);
        }
    }
    return 0;
}
