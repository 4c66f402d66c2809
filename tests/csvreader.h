#pragma once

// A strict RFC 4180 reader for checking what the CSV export writes: fields
// separated by commas, records ended by LF or CRLF, and a field in double
// quotes may hold commas, doubled quotes and line breaks. Anything else (a
// quote inside an unquoted field, text after a closing quote, a bare CR, an
// unterminated quote) makes the whole text unreadable.

#include <QString>
#include <QStringList>

#include <optional>

namespace testutil {

inline std::optional<QList<QStringList>> readCsv(const QString& text)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool inQuotes = false;
    bool afterQuotes = false; // a quoted field has just closed
    bool fieldStarted = false;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar ch = text[i];
        if (inQuotes) {
            if (ch != QLatin1Char('"')) {
                field += ch;
            } else if (i + 1 < n && text[i + 1] == QLatin1Char('"')) {
                field += ch;
                ++i;
            } else {
                inQuotes = false;
                afterQuotes = true;
            }
            continue;
        }
        if (ch == QLatin1Char(',')) {
            record << field;
            field.clear();
            afterQuotes = false;
            fieldStarted = true;
        } else if (ch == QLatin1Char('\n') || ch == QLatin1Char('\r')) {
            if (ch == QLatin1Char('\r')) {
                if (i + 1 >= n || text[i + 1] != QLatin1Char('\n'))
                    return std::nullopt;
                ++i;
            }
            record << field;
            records << record;
            record.clear();
            field.clear();
            afterQuotes = false;
            fieldStarted = false;
        } else if (afterQuotes) {
            return std::nullopt;
        } else if (ch == QLatin1Char('"')) {
            if (!field.isEmpty())
                return std::nullopt;
            inQuotes = true;
            fieldStarted = true;
        } else {
            field += ch;
            fieldStarted = true;
        }
    }
    if (inQuotes)
        return std::nullopt;
    if (fieldStarted || afterQuotes || !record.isEmpty()) {
        record << field;
        records << record;
    }
    return records;
}

// The label a CSV cell stands for: the export puts one ' before labels a
// spreadsheet would run as formulas (and before labels that start with ').
inline QString csvLabelText(const QString& cell)
{
    return cell.startsWith(QLatin1Char('\'')) ? cell.mid(1) : cell;
}

} // namespace testutil
