#pragma once

#include <QJsonObject>
#include <QString>

#include <memory>

namespace AgentDesk {

// Validates tool arguments against a tool's JSON Schema (valijson). The schema is compiled once.
// A schema that does not compile (an MCP server's, say) validates nothing rather than blocking
// the tool, as the reference does. Any thread; const use is thread-safe.
class SchemaValidator
{
public:
    explicit SchemaValidator(const QJsonObject &schema);
    ~SchemaValidator();
    SchemaValidator(SchemaValidator &&) noexcept;

    bool compiled() const;
    QString compileError() const { return m_compileError; }
    // An empty string when valid; else every problem, one per line, with its JSON path.
    QString validate(const QJsonObject &arguments) const;

private:
    struct Compiled;
    std::unique_ptr<Compiled> m_compiled;
    QString m_compileError;
};

} // namespace AgentDesk
