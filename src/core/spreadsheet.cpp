#include "spreadsheet.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace AgentDesk {

namespace {

// Text that a spreadsheet program would run as a formula (=, +, -, @, or a tab or carriage
// return before one) gets a leading apostrophe (OWASP "CSV injection"). Numbers stay numbers.
QString neutralised(const QString &text)
{
    static const QString triggers = u"=+-@\t\r"_s;
    return !text.isEmpty() && triggers.contains(text.front()) ? u'\'' + text : text;
}

QString csvField(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n') && !text.contains(u'\r'))
        return text;
    QString quoted = text;
    quoted.replace(u"\""_s, u"\"\""_s);
    return u'"' + quoted + u'"';
}

QString markdownCell(const QString &text)
{
    QString cell = text;
    cell.replace(u"\\"_s, u"\\\\"_s).replace(u"|"_s, u"\\|"_s).replace(u"\r\n"_s, u"<br>"_s).replace(u"\n"_s, u"<br>"_s);
    return cell;
}

} // namespace

QString Spreadsheet::cellText(const QJsonValue &cell)
{
    if (cell.isString())
        return cell.toString();
    if (cell.isDouble()) {
        const double value = cell.toDouble();
        return QString::number(value, 'g', 15);
    }
    return {};
}

Result<Spreadsheet> Spreadsheet::fromJson(const QJsonObject &object)
{
    const QJsonValue columns = object.value("columns"_L1);
    const QJsonValue rows = object.value("rows"_L1);
    if (!columns.isArray())
        return std::unexpected(invalidArgument(u"columns must be an array of column names"_s));
    if (!rows.isArray())
        return std::unexpected(invalidArgument(u"rows must be an array of rows"_s));
    Spreadsheet sheet;
    const QJsonArray columnArray = columns.toArray();
    if (columnArray.isEmpty() || columnArray.size() > MaxColumns)
        return std::unexpected(invalidArgument(u"a spreadsheet has 1 to %1 columns, not %2"_s.arg(MaxColumns).arg(columnArray.size())));
    for (const QJsonValue &column : columnArray) {
        if (!column.isString())
            return std::unexpected(invalidArgument(u"column %1 is not a string"_s.arg(sheet.columns.size() + 1)));
        sheet.columns << column.toString();
    }
    const QJsonArray rowArray = rows.toArray();
    if (rowArray.size() > MaxRows)
        return std::unexpected(invalidArgument(u"a spreadsheet has at most %1 rows, not %2"_s.arg(MaxRows).arg(rowArray.size())));
    sheet.rows.reserve(rowArray.size());
    for (qsizetype r = 0; r < rowArray.size(); ++r) {
        if (!rowArray.at(r).isArray())
            return std::unexpected(invalidArgument(u"row %1 is not an array of cells"_s.arg(r + 1)));
        const QJsonArray row = rowArray.at(r).toArray();
        if (row.size() > sheet.columns.size())
            return std::unexpected(invalidArgument(u"row %1 has %2 cells but there are only %3 columns"_s.arg(r + 1).arg(row.size()).arg(sheet.columns.size())));
        for (qsizetype c = 0; c < row.size(); ++c) {
            const QJsonValue cell = row.at(c);
            if (!cell.isString() && !cell.isDouble() && !cell.isNull())
                return std::unexpected(invalidArgument(u"row %1, cell %2 must be a string, a number or null"_s.arg(r + 1).arg(c + 1)));
        }
        sheet.rows.append(row);
    }
    return sheet;
}

Result<Spreadsheet> Spreadsheet::parse(const QString &storedJson)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(storedJson.toUtf8(), &error);
    if (!document.isObject())
        return std::unexpected(invalidArgument(u"the spreadsheet is not valid JSON: %1"_s.arg(error.errorString())));
    if (document.object().value("format"_L1).toString() != "spreadsheet-v1"_L1)
        return std::unexpected(invalidArgument(u"the spreadsheet is not in the spreadsheet-v1 format"_s));
    return fromJson(document.object());
}

QString Spreadsheet::toJson() const
{
    QJsonArray rowArray;
    for (const QJsonArray &row : rows)
        rowArray.append(row);
    const QJsonObject object{{u"format"_s, u"spreadsheet-v1"_s}, {u"columns"_s, QJsonArray::fromStringList(columns)}, {u"rows"_s, rowArray}};
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString Spreadsheet::toCsv() const
{
    QString csv;
    QStringList fields;
    for (const QString &column : columns)
        fields << csvField(neutralised(column));
    csv += fields.join(u',') + u"\r\n"_s;
    for (const QJsonArray &row : rows) {
        fields.clear();
        for (qsizetype c = 0; c < columns.size(); ++c) {
            const QJsonValue cell = c < row.size() ? row.at(c) : QJsonValue();
            fields << csvField(cell.isString() ? neutralised(cell.toString()) : cellText(cell));
        }
        csv += fields.join(u',') + u"\r\n"_s;
    }
    return csv;
}

QString Spreadsheet::toMarkdownTable() const
{
    QStringList cells;
    for (const QString &column : columns)
        cells << markdownCell(column);
    QString table = u"| "_s + cells.join(u" | "_s) + u" |\n|"_s;
    for (qsizetype c = 0; c < columns.size(); ++c)
        table += u" --- |"_s;
    table += u'\n';
    for (const QJsonArray &row : rows) {
        cells.clear();
        for (qsizetype c = 0; c < columns.size(); ++c)
            cells << markdownCell(c < row.size() ? cellText(row.at(c)) : QString());
        table += u"| "_s + cells.join(u" | "_s) + u" |\n"_s;
    }
    return table;
}

QString Spreadsheet::toHtmlTable() const
{
    QString html = u"<table>\n<thead><tr>"_s;
    for (const QString &column : columns)
        html += u"<th>"_s + column.toHtmlEscaped() + u"</th>"_s;
    html += u"</tr></thead>\n<tbody>\n"_s;
    for (const QJsonArray &row : rows) {
        html += u"<tr>"_s;
        for (qsizetype c = 0; c < columns.size(); ++c) {
            const QJsonValue cell = c < row.size() ? row.at(c) : QJsonValue();
            html += (cell.isDouble() ? u"<td class=\"number\">"_s : u"<td>"_s) + cellText(cell).toHtmlEscaped() + u"</td>"_s;
        }
        html += u"</tr>\n"_s;
    }
    html += u"</tbody>\n</table>\n"_s;
    return html;
}

} // namespace AgentDesk
