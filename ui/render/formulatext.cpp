#include "formulatext.h"

#include "ui/render/heatmapscale.h"

#include <QLocale>
#include <QStringList>
#include <QTextBoundaryFinder>

#include <algorithm>
#include <cmath>

namespace formulatext {

QString fmt(double value)
{
    return heatmapscale::formatValue(value, kDecimals);
}

QString listSeparator()
{
    return QLocale().decimalPoint() == QLatin1String(",") ? QStringLiteral("; ") : QStringLiteral(", ");
}

QString factor(double value, bool integral)
{
    const QString text = integral && std::isfinite(value) ? heatmapscale::formatValue(value, 0) : fmt(value);
    return text.startsWith(kMinus) ? QLatin1Char('(') + text + QLatin1Char(')') : text;
}

bool isIntegral(const attn::Matrix& m)
{
    for (Eigen::Index i = 0; i < m.size(); ++i) {
        const double v = m.data()[i];
        if (std::isfinite(v) && (v != std::round(v) || std::abs(v) >= 1e6))
            return false;
    }
    return true;
}

QString writtenSum(int count, const std::function<QString(int)>& term, const QString& separator, int maxTerms)
{
    QStringList parts;
    if (count <= maxTerms) {
        for (int i = 0; i < count; ++i)
            parts << term(i);
    } else {
        for (int i = 0; i < std::min(kLeadingTerms, maxTerms - 1); ++i)
            parts << term(i);
        parts << kEllipsis << term(count - 1);
    }
    return parts.join(separator);
}

QString writtenSum(const std::vector<int>& indices, const std::function<QString(int)>& term)
{
    return writtenSum(static_cast<int>(indices.size()),
                      [&](int k) { return term(indices[static_cast<std::size_t>(k)]); });
}

QString quoted(const QString& text)
{
    return QStringLiteral("\u201c%1\u201d").arg(text);
}

QString boundedText(const QString& text, qsizetype maxLength)
{
    if (text.size() <= maxLength)
        return text;
    // Only a prefix is searched for boundaries: the finder analyses all of
    // the text it is given. The code point after the cut (two units if it is
    // a surrogate pair) tells whether the cut splits a character.
    const QString head = text.left(std::max<qsizetype>(0, maxLength) + 2);
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, head);
    finder.setPosition(std::max<qsizetype>(0, maxLength));
    const qsizetype cut = finder.isAtBoundary() ? finder.position() : finder.toPreviousBoundary();
    return head.left(std::max<qsizetype>(0, cut)) + kEllipsis;
}

QString boundedFromUtf8(std::string_view utf8, qsizetype maxLength)
{
    // Every 4 bytes give at least one UTF-16 unit, so this prefix holds the
    // units kept and the two after them that boundedText looks at; a
    // sequence cut at the prefix's end decodes after those.
    const std::size_t bytes = 4 * (static_cast<std::size_t>(std::max<qsizetype>(0, maxLength)) + 2);
    const std::string_view head = utf8.substr(0, bytes);
    return boundedText(QString::fromUtf8(head.data(), static_cast<qsizetype>(head.size())), maxLength);
}

} // namespace formulatext
