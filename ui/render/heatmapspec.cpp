#include "ui/render/heatmapspec.h"

#include <algorithm>
#include <cmath>

double ValueRange::normalized(double value) const
{
    if (std::isnan(value))
        return 0.0;
    if (!(high > low))
        return 0.5;
    if (value <= low)
        return 0.0;
    if (value >= high)
        return 1.0;
    if (!std::isfinite(low) || !std::isfinite(high)) {
        // Every finite value is infinitely closer to a finite end than to an
        // infinite one.
        return std::isfinite(low) ? 0.0 : std::isfinite(high) ? 1.0 : 0.5;
    }
    const double scale = spanScale(low, high);
    return std::clamp((value * scale - low * scale) / (high * scale - low * scale), 0.0, 1.0);
}

double ValueRange::spanScale(double low, double high)
{
    return std::isfinite(high - low) ? 1.0 : 0.5;
}
