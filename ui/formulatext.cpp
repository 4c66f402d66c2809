#include "formulatext.h"

#include "ui/heatmaprenderer.h"

#include <QStringList>

#include <algorithm>
#include <cmath>

namespace formulatext {

QString fmt(double value)
{
    return HeatmapRenderer::formatValue(value, kDecimals);
}

QString factor(double value, bool integral)
{
    const QString text = integral && std::isfinite(value) ? HeatmapRenderer::formatValue(value, 0) : fmt(value);
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

} // namespace formulatext
