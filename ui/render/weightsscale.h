#pragma once

// How the attention weights panel maps weights to colours: the fixed 0 to 1
// of a probability, this matrix's own min..max, or each row's min..max (every
// query row then spans the whole map, so a row's strongest key always shows).
// Names are what sessions and the command line write and read.

#include <QString>
#include <QStringList>

#include <optional>

enum class WeightsScale { Fixed, Matrix, Row };

inline QString weightsScaleName(WeightsScale scale)
{
    switch (scale) {
    case WeightsScale::Matrix:
        return QStringLiteral("matrix");
    case WeightsScale::Row:
        return QStringLiteral("row");
    case WeightsScale::Fixed:
        break;
    }
    return QStringLiteral("fixed");
}

// "fixed", "matrix" or "row" (case-insensitive); nothing for another name.
inline std::optional<WeightsScale> weightsScaleFromName(const QString& name)
{
    for (WeightsScale s : {WeightsScale::Fixed, WeightsScale::Matrix, WeightsScale::Row}) {
        if (name.compare(weightsScaleName(s), Qt::CaseInsensitive) == 0)
            return s;
    }
    return std::nullopt;
}

inline QStringList weightsScaleNames()
{
    return {weightsScaleName(WeightsScale::Fixed), weightsScaleName(WeightsScale::Matrix),
            weightsScaleName(WeightsScale::Row)};
}
