#include "schemavalidator.h"

#include <QJsonValue>
#include <QStringList>

// Schema errors must reach us as exceptions (caught below), not abort the process.
#define VALIJSON_USE_EXCEPTIONS 1
#include <valijson/adapters/qtjson_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include <exception>

using namespace Qt::StringLiterals;

namespace AgentDesk {

struct SchemaValidator::Compiled
{
    valijson::Schema schema;
};

SchemaValidator::SchemaValidator(const QJsonObject &schema)
{
    auto compiled = std::make_unique<Compiled>();
    try {
        valijson::SchemaParser parser;
        const QJsonValue value(schema);
        valijson::adapters::QtJsonAdapter adapter(value);
        parser.populateSchema(adapter, compiled->schema);
        m_compiled = std::move(compiled);
    } catch (const std::exception &e) {
        m_compileError = QString::fromUtf8(e.what());
    }
}

SchemaValidator::~SchemaValidator() = default;
SchemaValidator::SchemaValidator(SchemaValidator &&) noexcept = default;

bool SchemaValidator::compiled() const
{
    return m_compiled != nullptr;
}

QString SchemaValidator::validate(const QJsonObject &arguments) const
{
    if (!m_compiled)
        return {};
    valijson::Validator validator;
    valijson::ValidationResults results;
    const QJsonValue value(arguments);
    valijson::adapters::QtJsonAdapter target(value);
    try {
        if (validator.validate(m_compiled->schema, target, &results))
            return {};
    } catch (const std::exception &) {
        return {}; // a schema valijson cannot apply (e.g. an unsupported regex) validates nothing
    }
    QStringList problems;
    valijson::ValidationResults::Error error;
    while (results.popError(error)) {
        QString path;
        for (const std::string &segment : error.context) {
            if (segment != "<root>")
                path += QString::fromStdString(segment);
        }
        const QString line = (path.isEmpty() ? QString() : path + u": "_s) + QString::fromStdString(error.description);
        if (!problems.contains(line))
            problems << line;
    }
    return problems.join(u'\n');
}

} // namespace AgentDesk
