#include "ui/document/viewstate.h"

#include "ui/render/colormap.h"
#include "ui/render/lessonpage.h"

#include <algorithm>

const int ViewState::lessonSteps = LessonPage::maxStepCount;

namespace {

// Clamps to [0, count) where the count is known, else to >= 0.
int fit(int value, int count)
{
    return count > 0 ? std::clamp(value, 0, count - 1) : std::max(0, value);
}

} // namespace

ViewState::ViewState(QObject* parent)
    : QObject(parent)
{
}

void ViewState::stopObserving(ViewState* view, QObject* observer)
{
    if (!view)
        return;
    view->disconnect(observer);
    if (view->parent() == observer)
        view->deleteLater();
}

void ViewState::setLayer(int layer)
{
    layer = fit(layer, m_layers);
    if (layer == m_layer)
        return;
    m_layer = layer;
    emit layerChanged(layer);
}

void ViewState::setHead(int head)
{
    head = fit(head, m_heads);
    if (head == m_head)
        return;
    m_head = head;
    emit headChanged(head);
}

void ViewState::setAllHeads(bool on)
{
    if (on == m_allHeads)
        return;
    m_allHeads = on;
    emit allHeadsChanged(on);
}

void ViewState::setColorMap(const QString& name)
{
    const QString lower = name.toLower();
    if (!ColorMap::sequentialNames().contains(lower) || lower == m_colorMap)
        return;
    m_colorMap = lower;
    emit colorMapChanged(lower);
}

void ViewState::setWeightsScale(WeightsScale scale)
{
    if (scale == m_weightsScale)
        return;
    m_weightsScale = scale;
    emit weightsScaleChanged(scale);
}

std::optional<int> ViewState::fitToken(std::optional<int> index) const
{
    if (!index || *index < 0 || (m_tokens > 0 && *index >= m_tokens))
        return std::nullopt;
    return index;
}

void ViewState::setSelection(std::optional<int> query, std::optional<int> key)
{
    query = fitToken(query);
    key = fitToken(key);
    if (query == m_query && key == m_key)
        return;
    m_query = query;
    m_key = key;
    emit selectionChanged();
}

void ViewState::setLessonStep(int step)
{
    step = std::clamp(step, 1, lessonSteps);
    if (step == m_lessonStep)
        return;
    m_lessonStep = step;
    emit lessonStepChanged(step);
}

void ViewState::setShape(int layers, int heads, int tokens)
{
    layers = std::max(0, layers);
    heads = std::max(0, heads);
    tokens = std::max(0, tokens);
    if (layers == m_layers && heads == m_heads && tokens == m_tokens)
        return;
    m_layers = layers;
    m_heads = heads;
    m_tokens = tokens;
    // The shape first, so every observer of the fitted values below already
    // sees the counts they were fitted to.
    emit shapeChanged();
    setLayer(m_layer);
    setHead(m_head);
    // A selection outside the new tokens is cleared as a whole: a key alone
    // left from an old query would highlight a column nobody chose.
    if (fitToken(m_query) != m_query || fitToken(m_key) != m_key)
        clearSelection();
}
