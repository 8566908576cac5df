#pragma once

#include "error.h"

#include <QJsonArray>
#include <QList>
#include <QStringList>

namespace AgentDesk {

// A spreadsheet artifact's content: a header row of column names and rows of typed cells (string,
// number or null; a string starting with "=" is a formula, A1 notation, header = row 1). Stored as
// compact `spreadsheet-v1` JSON; exported as CSV, a Markdown table or an HTML table.
struct Spreadsheet
{
    static constexpr int MaxColumns = 100;
    static constexpr int MaxRows = 5000;

    QStringList columns;
    QList<QJsonArray> rows; // each at most columns.size() cells

    // From tool arguments {columns, rows} or from stored JSON; the limits and cell types are checked.
    static Result<Spreadsheet> fromJson(const QJsonObject &object);
    static Result<Spreadsheet> parse(const QString &storedJson);
    QString toJson() const; // {"format":"spreadsheet-v1","columns":[…],"rows":[[…]]}

    // RFC 4180: fields with a comma, quote or line break are quoted; lines end with CRLF.
    QString toCsv() const;
    QString toMarkdownTable() const;
    QString toHtmlTable() const;

    static QString cellText(const QJsonValue &cell);
    friend bool operator==(const Spreadsheet &, const Spreadsheet &) = default;
};

} // namespace AgentDesk
