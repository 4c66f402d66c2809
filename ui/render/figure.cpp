#include "ui/render/figure.h"

#include "ui/render/explanation.h"
#include "ui/render/formulatext.h"
#include "ui/render/heatmappainter.h"
#include "ui/render/heatmapscale.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

using attn::PanelAxis;
using attn::PanelId;
using explanation::tokenText;
using namespace formulatext;

// The figure's words: panel captions, the title line, hover texts of labels.
struct FigureText
{
    Q_DECLARE_TR_FUNCTIONS(FigureText)
};

namespace {

// Token-axis panels get at most this much grid per side before cells shrink
// (the renderer's own comfortable extent).
constexpr double kTokenGridExtent = 720.0;
// Numbers are printed while a grid of them stays within this many pixels
// (wider than tall: a row of numbers is read left to right).
constexpr double kValueGridWidth = 1080.0;
constexpr int kMaxSentenceChars = 72;
// Without numbers, a panel's model-dimension axis is given up to this many
// pixels (cells of at most 1.2 lines each).
constexpr double kDimensionGridExtent = 240.0;

const QString kDot = QStringLiteral(" \u00b7 ");

using Group = attn::PanelStage;

attn::PanelStage stageOf(PanelId id)
{
    return attn::panelInfo(id).stage;
}

// W_Q, W_K, W_V: rows of model dimensions; every other panel has a row per token.
bool hasTokenRows(PanelId id)
{
    return attn::isTokenAxis(attn::panelInfo(id).rows);
}

// Scores, scaled scores, weights: a column per key token.
bool hasTokenColumns(PanelId id)
{
    return attn::isTokenAxis(attn::panelInfo(id).columns);
}

QString shape(const attn::Matrix& m)
{
    return QStringLiteral("%1 \u00d7 %2").arg(m.rows()).arg(m.cols());
}

// "weights · head 2": the title without the shape.
QString panelName(const attn::AttentionConfig& config, const attn::AttentionResult& result, PanelId id, int layer,
                  int head)
{
    QString name = attn::panelTitle(id);
    if (!attn::panelInfo(id).matrix)
        name += explanation::layerNote(result, layer);
    if (attn::panelInfo(id).perHead && config.heads > 1)
        name += kDot + FigureText::tr("head %1").arg(head + 1);
    return name;
}

QString panelTitle(const attn::AttentionConfig& config, const attn::AttentionResult& result, PanelId id, int layer,
                   int head)
{
    return QStringLiteral("%1  %2").arg(panelName(config, result, id, layer, head),
                                        shape(attn::panelMatrix(result, id, layer, head)));
}

// Panels that read as one step share their colour map kind, so Q and K never
// differ only because one of them happens to hold a single negative number:
// the three W, the three projections, and the scores before and after scaling
// (all heads, so switching heads never switches the map).
std::vector<PanelId> signGroup(PanelId id)
{
    switch (id) {
    case PanelId::WQuery:
    case PanelId::WKey:
    case PanelId::WValue:
        return {PanelId::WQuery, PanelId::WKey, PanelId::WValue};
    case PanelId::Q:
    case PanelId::K:
    case PanelId::V:
        return {PanelId::Q, PanelId::K, PanelId::V};
    case PanelId::Scores:
    case PanelId::ScaledScores:
        return {PanelId::Scores, PanelId::ScaledScores};
    default:
        return {id};
    }
}

// One scan per matrix however many panels ask about it (the sign groups
// span every head of the layer shown).
class StatsCache
{
public:
    const HeatmapStats& of(const attn::Matrix& m)
    {
        auto it = m_stats.find(&m);
        if (it == m_stats.end())
            it = m_stats.emplace(&m, heatmapscale::scan(m)).first;
        return it->second;
    }

private:
    std::map<const attn::Matrix*, HeatmapStats> m_stats;
};

bool panelIsSigned(const attn::AttentionResult& result, PanelId id, int layer, StatsCache& cache)
{
    auto negative = [&](const attn::Matrix& m) {
        const HeatmapStats& s = cache.of(m);
        return s.hasFinite && s.min < 0.0;
    };
    for (PanelId member : signGroup(id)) {
        const int heads = attn::panelInfo(member).perHead ? result.headCount() : 1;
        for (int h = 0; h < heads; ++h) {
            if (negative(attn::panelMatrix(result, member, layer, h)))
                return true;
        }
    }
    return false;
}

std::vector<int> headStarts(const attn::AttentionConfig& config, const attn::AttentionResult& result, PanelId id,
                            int layer)
{
    std::vector<int> starts;
    if (attn::panelInfo(id).columns != PanelAxis::HeadSplit || config.heads <= 1)
        return starts;
    for (int h = 0; h < config.heads; ++h)
        starts.push_back(h * result.layer(layer).dK);
    return starts;
}

ColorMap sequentialMap(const QString& name)
{
    return ColorMap::byName(name.isEmpty() ? QStringLiteral("viridis") : name).value_or(ColorMap::viridis());
}

// Each row mapped onto [0, 1] by its own finite min..max; a constant row
// gives 0.5 everywhere (the map's middle), non-finite values stay.
attn::Matrix rowNormalized(const attn::Matrix& m)
{
    attn::Matrix out(m.rows(), m.cols());
    for (Eigen::Index r = 0; r < m.rows(); ++r) {
        double low = std::numeric_limits<double>::infinity();
        double high = -low;
        for (Eigen::Index c = 0; c < m.cols(); ++c) {
            if (std::isfinite(m(r, c))) {
                low = std::min(low, m(r, c));
                high = std::max(high, m(r, c));
            }
        }
        for (Eigen::Index c = 0; c < m.cols(); ++c) {
            const double v = m(r, c);
            out(r, c) = !std::isfinite(v) ? v : high > low ? (v - low) / (high - low) : 0.5;
        }
    }
    return out;
}

// The spec of one panel of layer `layer` (head h for the per-head panels),
// as the figure draws it before layout and selection.
HeatmapSpec buildSpec(const attn::AttentionConfig& config, const std::shared_ptr<const attn::AttentionResult>& shared,
                      PanelId id, int layer, int h, const ColorMap& sequential, WeightsScale weightsScale,
                      const QStringList& tokens, StatsCache& stats)
{
    const attn::AttentionResult& result = *shared;
    HeatmapSpec spec;
    spec.matrix = std::shared_ptr<const attn::Matrix>(shared, &attn::panelMatrix(result, id, layer, h));
    spec.rowLabels = hasTokenRows(id) ? tokens : QStringList();
    spec.columnLabels = hasTokenColumns(id) ? tokens : QStringList();
    spec.title = panelTitle(config, result, id, layer, h);
    spec.formula = explanation::panelFormula(config, id);
    spec.stats = stats.of(*spec.matrix);
    spec.compact = true;
    if (id == PanelId::Weights) {
        spec.colorMap = sequential;
        // 0 to 1 by default; this matrix's min..max (unset: automatic); or
        // every row normalised to its own min..max, which the bar says.
        if (weightsScale == WeightsScale::Fixed) {
            spec.range = ValueRange{0.0, 1.0};
        } else if (weightsScale == WeightsScale::Row) {
            spec.colorValues = std::make_shared<const attn::Matrix>(rowNormalized(*spec.matrix));
            spec.range = ValueRange{0.0, 1.0};
            spec.rangeEndTexts = std::pair{FigureText::tr("row min"), FigureText::tr("row max")};
        }
        // Each query row's entropy beside it: how spread its attention is.
        const int n = static_cast<int>(spec.matrix->cols());
        HeatmapStrip strip;
        strip.values = rowEntropies(*spec.matrix);
        strip.maximum = std::log(static_cast<double>(std::max(1, n)));
        strip.header = QStringLiteral("H");
        strip.decimals = kDecimals;
        spec.rowStrip = strip;
        spec.formula += QStringLiteral(" \u00b7 H \u2264 ln %1 = %2").arg(n).arg(fmt(strip.maximum));
    } else if (!panelIsSigned(result, id, layer, stats)) {
        spec.colorMap = sequential;
    } else if (sequential.name() == ColorMap::grayscale().name()) {
        // Grayscale asks for no colour at all: signed panels are grey too,
        // black at -max|x|, mid grey at 0, white at +max|x|.
        spec.colorMap = sequential;
        const double m = spec.stats->maxAbs > 0 ? spec.stats->maxAbs : 1.0;
        spec.range = ValueRange{-m, m};
    } else {
        // Viridis and cividis are sequential: a sign needs a neutral middle,
        // which the cool-warm map has (and its blue / red stay apart for the
        // common colour-vision deficiencies, as cividis's blue / yellow do).
        spec.colorMap = ColorMap::diverging();
    }
    if (id == PanelId::Embeddings) {
        // When some words' vectors were given (imported, edited, a preset)
        // and others were not, the drawn ones are marked: for an import
        // those are the words the file did not have.
        const std::vector<bool>& given = result.wordIsExplicit;
        const bool mixed = std::find(given.begin(), given.end(), true) != given.end() &&
                           std::find(given.begin(), given.end(), false) != given.end();
        if (mixed) {
            for (qsizetype t = 0; t < spec.rowLabels.size(); ++t) {
                if (!given[static_cast<std::size_t>(result.vocabulary.tokenWord[static_cast<std::size_t>(t)])])
                    spec.rowLabels[t] += QStringLiteral(" *");
            }
            spec.formula =
                QStringLiteral("* ") + FigureText::tr("no given vector: drawn from seed %1").arg(config.embeddingSeed);
        }
    }
    spec.columnBlockStarts = headStarts(config, result, id, layer);
    spec.decimals = isIntegral(*spec.matrix) ? 0 : kDecimals;
    return spec;
}

struct Arrangement
{
    std::vector<QPointF> positions; // in `order`'s panel indices
    QSizeF size;
    double score = -1;
};

// Rows of panels in the computation's order (rows left to right, top to
// bottom), each row centred and its grids' tops aligned (so a token's row
// lines up across the row); a new row starts when the width would pass
// maxWidth, and at the stage boundaries `breaks` asks for. Panels of one
// unit (E, PE and X; the three W) share a row whenever they fit one
// together. Q, K and V may break across rows: kept together they push the
// attention panels onto one wide row, and the article's figure at the
// window's default size would lose its numbers.
enum class Breaks { None, BeforeAttention, EveryStage };

Arrangement flow(const std::vector<QSizeF>& sizes, const std::vector<double>& gridTops,
                 const std::vector<Group>& groups, const std::vector<int>& units, double maxWidth, Breaks breaks,
                 double gap)
{
    Arrangement a;
    a.positions.resize(sizes.size());
    struct Row
    {
        std::size_t first = 0;
        std::size_t last = 0; // exclusive
        double width = 0;
        double gridTop = 0;
        double height = 0;
    };
    std::vector<Row> rows;
    bool unitFits = false; // the unit being placed fits a row of its own
    for (std::size_t i = 0; i < sizes.size(); ++i) {
        const bool newStage = i > 0 && groups[i] != groups[i - 1];
        const bool mustBreak = newStage && (breaks == Breaks::EveryStage ||
                                            (breaks == Breaks::BeforeAttention && groups[i] == Group::Attention));
        const bool unitStart = i == 0 || units[i] != units[i - 1];
        double needed = sizes[i].width();
        if (unitStart) {
            double unitWidth = sizes[i].width();
            for (std::size_t j = i + 1; j < sizes.size() && units[j] == units[i]; ++j)
                unitWidth += gap + sizes[j].width();
            unitFits = unitWidth <= maxWidth;
            if (unitFits)
                needed = unitWidth;
        }
        const bool full = !rows.empty() && (unitStart || !unitFits) && rows.back().width + gap + needed > maxWidth;
        if (rows.empty() || mustBreak || full)
            rows.push_back({i, i, 0, 0, 0});
        Row& row = rows.back();
        row.width += (row.last > row.first ? gap : 0.0) + sizes[i].width();
        row.gridTop = std::max(row.gridTop, gridTops[i]);
        row.last = i + 1;
    }
    double width = 0;
    for (Row& row : rows) {
        width = std::max(width, row.width);
        for (std::size_t i = row.first; i < row.last; ++i)
            row.height = std::max(row.height, row.gridTop - gridTops[i] + sizes[i].height());
    }
    double y = 0;
    for (const Row& row : rows) {
        double x = std::round((width - row.width) / 2);
        for (std::size_t i = row.first; i < row.last; ++i) {
            a.positions[i] = QPointF(x, y + row.gridTop - gridTops[i]);
            x += sizes[i].width() + gap;
        }
        y += row.height + gap;
    }
    a.size = QSizeF(std::ceil(width), std::ceil(y - gap));
    return a;
}

// Panels that read as one step keep to one row when they can.
int unitOf(PanelId id)
{
    switch (id) {
    case PanelId::Embeddings:
    case PanelId::Positional:
    case PanelId::Inputs:
        return 0;
    case PanelId::WQuery:
    case PanelId::WKey:
    case PanelId::WValue:
        return 1;
    default:
        return 3 + static_cast<int>(id);
    }
}

// Height of the figure title wrapped at `width`, from its words' widths, so
// trying hundreds of arrangements never lays out text.
struct TitleWrap
{
    std::vector<double> words;
    double space = 0;
    double lineHeight = 0;
    double minWrap = 0;

    QSizeF sizeAt(double width) const
    {
        if (words.empty())
            return {};
        const double wrap = std::max(width, minWrap);
        double line = 0;
        double widest = 0;
        int lines = 1;
        for (double w : words) {
            if (line > 0 && line + space + w > wrap) {
                widest = std::max(widest, line);
                line = w;
                ++lines;
            } else {
                line += (line > 0 ? space : 0) + w;
            }
        }
        widest = std::max(widest, line);
        return {std::ceil(widest) + 4, lines * lineHeight};
    }
};

} // namespace

QStringList panelRowLabels(const attn::AttentionResult& result, PanelId id)
{
    if (!hasTokenRows(id))
        return {};
    QStringList labels;
    labels.reserve(static_cast<qsizetype>(result.tokens.size()));
    for (const std::string& token : result.tokens)
        labels << QString::fromStdString(token);
    return labels;
}

QStringList panelColumnLabels(const attn::AttentionResult& result, PanelId id)
{
    if (hasTokenColumns(id))
        return panelRowLabels(result, id);
    return {};
}

HeatmapSpec figurePanelSpec(const attn::AttentionConfig& config,
                            const std::shared_ptr<const attn::AttentionResult>& result, PanelId id, int layer, int head,
                            const QString& colorMap, WeightsScale weightsScale)
{
    if (!result || result->tokens.empty() || result->headCount() == 0 || !attn::panelAvailable(config, id))
        return {};
    StatsCache stats;
    const int l = std::clamp(layer, 0, static_cast<int>(result->layers.size()) - 1);
    const int h = attn::panelInfo(id).perHead ? std::clamp(head, 0, result->headCount() - 1) : 0;
    // A head's scores the result did not keep (a long input shows another head's).
    if (attn::panelMatrix(*result, id, l, h).size() == 0)
        return {};
    return buildSpec(config, result, id, l, h, sequentialMap(colorMap), weightsScale,
                     panelRowLabels(*result, PanelId::Embeddings), stats);
}

QString figureTitle(const attn::AttentionConfig& config, const attn::AttentionResult& result)
{
    QString sentence = QString::fromStdString(config.sentence).simplified();
    if (sentence.size() > kMaxSentenceChars)
        sentence = boundedText(sentence, kMaxSentenceChars - 1);
    QStringList parts;
    parts << quoted(sentence);
    if (result.tokens.size() > 8)
        parts << FigureText::tr("%n tokens", nullptr, static_cast<int>(result.tokens.size()));
    if (!result.modelName.empty()) {
        // A checkpoint: its shape, and the layer whose stages are shown.
        parts << QString::fromStdString(result.modelName);
        for (qsizetype i = 1; i < parts.size(); ++i)
            parts[i].replace(QLatin1Char(' '), QChar(0x00a0));
        return parts.join(kDot);
    }
    parts << QStringLiteral("d_model %1").arg(config.dModel);
    parts << (config.heads == 1 ? FigureText::tr("1 head")
                                : FigureText::tr("%1 heads (d_k %2)")
                                      .arg(config.heads)
                                      .arg(result.layers.empty() ? 0 : result.layers.front().dK));
    parts << explanation::initName(config);
    parts << FigureText::tr("weight seed %1").arg(config.weightSeed);
    parts << FigureText::tr("embedding seed %1").arg(config.embeddingSeed);
    if (config.positional)
        parts << FigureText::tr("positional");
    parts << (config.scaled ? FigureText::tr("scaled") : FigureText::tr("unscaled"));
    if (config.causal)
        parts << FigureText::tr("causal");
    parts << QStringLiteral("T = %1").arg(heatmapscale::formatSetting(config.temperature));
    // Wrap only between settings, never inside one ("T =" / "1").
    for (qsizetype i = 1; i < parts.size(); ++i)
        parts[i].replace(QLatin1Char(' '), QChar(0x00a0));
    return parts.join(kDot);
}

Figure::Figure(const attn::AttentionConfig& config, std::shared_ptr<const attn::AttentionResult> result,
               const FigureSettings& settings)
    : m_config(config)
    , m_result(std::move(result))
    , m_settings(settings)
{
    if (!m_result || m_result->tokens.empty() || m_result->headCount() == 0)
        return;
    m_settings.layer = std::clamp(m_settings.layer, 0, static_cast<int>(m_result->layers.size()) - 1);
    m_settings.head = std::clamp(m_settings.head, 0, m_result->headCount() - 1);
    // A single panel carries the settings line too: a slide of one panel
    // must say what it shows.
    m_title = figureTitle(m_config, *m_result);
    buildPanels();
    arrange();
}

QColor Figure::titleColor() const
{
    return m_settings.highContrast ? m_settings.theme.strongInk : m_settings.theme.text;
}

QFont Figure::titleFont() const
{
    QFont font(m_settings.font);
    const double px = font.pixelSize() > 0 ? font.pixelSize() : font.pointSizeF() * 96.0 / 72.0;
    font.setPixelSize(std::max(1, static_cast<int>(std::lround(px * 1.15))));
    return font;
}

void Figure::buildPanels()
{
    const attn::AttentionResult& result = *m_result;
    const ColorMap sequential = sequentialMap(m_settings.colorMap);

    StatsCache stats;
    // One list shared by every token axis (the renderer measures a list once).
    const QStringList tokens = panelRowLabels(result, PanelId::Embeddings);
    // The catalogue's order; the per-head panels of the head shown, or the
    // weights of every head as small multiples.
    std::vector<std::pair<PanelId, int>> order;
    const int heads = result.headCount();
    for (const attn::PanelInfo& info : attn::panelCatalogue()) {
        if (!info.perHead) {
            order.emplace_back(info.id, -1);
        } else if (!m_settings.allHeads) {
            order.emplace_back(info.id, m_settings.head);
        } else if (info.id == PanelId::Weights) {
            for (int h = 0; h < heads; ++h)
                order.emplace_back(info.id, h);
        }
    }

    for (const auto& [id, head] : order) {
        if (!attn::panelAvailable(m_config, id))
            continue;
        if (m_settings.panel && (*m_settings.panel != id || (head >= 0 && head != m_settings.head)))
            continue;
        // The scores of a head a long input's result did not keep (until
        // the one with the head on screen arrives).
        if (attn::panelMatrix(result, id, m_settings.layer, std::max(0, head)).size() == 0)
            continue;
        FigurePanel panel;
        panel.id = id;
        panel.head = head;
        panel.spec = buildSpec(m_config, m_result, id, m_settings.layer, std::max(0, head), sequential,
                               m_settings.weightsScale, tokens, stats);
        panel.spec.highContrast = m_settings.highContrast;
        panel.spec.theme = m_settings.theme;
        panel.name = panelName(m_config, result, id, m_settings.layer, std::max(0, head));
        m_panels.push_back(std::move(panel));
    }
    applySelection();
}

void Figure::setSelection(std::optional<int> query, std::optional<int> key)
{
    m_settings.query = query;
    m_settings.key = key;
    applySelection();
}

void Figure::applySelection()
{
    // Query row i and key column j, followed through the computation.
    const std::optional<int> qi = m_settings.query;
    const std::optional<int> kj = m_settings.key;
    auto mark = [](QSet<int>& set, std::optional<int> index) {
        if (index)
            set.insert(*index);
    };
    for (FigurePanel& panel : m_panels) {
        HeatmapSpec& spec = panel.spec;
        spec.highlightedRows.clear();
        spec.highlightedColumns.clear();
        // A row or column of tokens lights up for the query, the key, or
        // both, as the catalogue says what it lists.
        auto markAxis = [&](QSet<int>& set, PanelAxis axis) {
            if (axis == PanelAxis::Tokens || axis == PanelAxis::Queries)
                mark(set, qi);
            if (axis == PanelAxis::Tokens || axis == PanelAxis::Keys)
                mark(set, kj);
        };
        const attn::PanelInfo& info = attn::panelInfo(panel.id);
        markAxis(spec.highlightedRows, info.rows);
        markAxis(spec.highlightedColumns, info.columns);
    }
}

double Figure::smallestTextPx() const
{
    double smallest = std::numeric_limits<double>::infinity();
    for (const FigurePanel& p : m_panels) {
        smallest = std::min(smallest, static_cast<double>(p.layout.labelFont.pixelSize()));
        if (p.layout.valuesVisible || p.layout.stripValuesVisible)
            smallest = std::min(smallest, static_cast<double>(p.layout.valueFont.pixelSize()));
    }
    return std::isfinite(smallest) ? smallest : 0.0;
}

// Lays the panels out with token axes of at most tokenExtent pixels (numbers
// in cells only if allowValues) and arranges them for the fit box; returns
// the zoom that fits the whole figure into it.
double Figure::layOut(double tokenExtent, bool allowValues)
{
    const QFont& font = m_settings.font;
    const QFontMetricsF fm(font);
    const double lineHeight = std::ceil(fm.height());
    const double gap = std::round(lineHeight * 0.35);
    const double margin = std::round(lineHeight * 0.4);
    const int n = static_cast<int>(m_result->tokens.size());
    const std::size_t count = m_panels.size();

    // Cell heights: panels of the token axis share one, so a token's row has
    // the same height everywhere. Numbers are printed at one font size in
    // cells just big enough for them (the view zooms the whole figure, so a
    // compact figure means large text on screen); cells get wider, never
    // taller, for wide numbers. Without numbers, cells are square and a
    // token axis stays within tokenExtent.
    std::vector<QSizeF> valueCells(count);
    double valueHeight = 0;
    for (std::size_t i = 0; i < count; ++i) {
        valueCells[i] = heatmaplayout::valueCellSize(m_panels[i].spec, font);
        valueHeight = std::max(valueHeight, valueCells[i].height());
    }
    auto canShowValues = [&](std::size_t i, int rows) {
        const FigurePanel& p = m_panels[i];
        return allowValues && p.spec.showValues && rows * valueHeight <= kTokenGridExtent &&
               p.spec.matrix->cols() * valueCells[i].width() <= kValueGridWidth;
    };
    bool tokenValues = false;
    for (std::size_t i = 0; i < count; ++i)
        tokenValues = tokenValues || (hasTokenRows(m_panels[i].id) && canShowValues(i, n));
    const double squareCell = std::floor(lineHeight * 2.2);
    auto snap = [](double cell) { return cell >= 3.0 ? std::floor(cell) : cell; };
    // Token column labels stay upright when the cells are a little wider
    // than the numbers need: cheaper than the height rotated labels take.
    double tokenLabelPair = 0;
    if (tokenValues && n <= 64) {
        const double cap = fm.averageCharWidth() * 10;
        double previous = 0;
        for (int i = 0; i < n; ++i) {
            const double w = std::min(cap, fm.horizontalAdvance(tokenText(*m_result, i)));
            tokenLabelPair = std::max(tokenLabelPair, i > 0 ? (w + previous) / 2 : w / 2);
            previous = w;
        }
        tokenLabelPair = std::ceil(tokenLabelPair + std::round(lineHeight * 0.3));
    }
    const double tokenCell = tokenValues ? valueHeight : snap(std::min(squareCell, tokenExtent / std::max(1, n)));
    // When the token rows shrink to fit, the model dimensions shrink with
    // them, so a W of a few dozen dimensions never crowds the tokens out.
    const double tokenShrink = std::min(1.0, tokenExtent / std::min(kTokenGridExtent, squareCell * std::max(1, n)));
    const double dimensionExtent = kDimensionGridExtent * tokenShrink;
    // A matrix of hundreds of dimensions narrows with the token axis: were it
    // to keep its width, a figure too large for its box would shrink the
    // token rows alone, to strips, and never fit.
    const double wideGrid = kValueGridWidth * std::min(1.0, tokenExtent / kTokenGridExtent);
    // Hundreds of tokens: an overview whose weights get the most room; the
    // scores before the softmax are there for their pattern only.
    const bool overview = n > 128 && !m_settings.allHeads && count > 4;

    std::vector<QSizeF> sizes(count);
    std::vector<double> gridTops(count);
    std::vector<Group> groups(count);
    std::vector<int> units(count);
    for (std::size_t i = 0; i < count; ++i) {
        FigurePanel& p = m_panels[i];
        const int rows = static_cast<int>(p.spec.matrix->rows());
        const int columns = static_cast<int>(p.spec.matrix->cols());
        // The W matrices print numbers only when the token panels do, so
        // the figure keeps one look (and a W of many dimensions no room).
        const bool values = canShowValues(i, rows) && (tokenValues || hasTokenRows(p.id));
        double h = tokenCell;
        if (!hasTokenRows(p.id))
            h = values ? valueHeight : snap(std::min(tokenCell, tokenExtent / std::max(1, rows)));
        // Without numbers, the few model dimensions of E, Q, K, V, the W and
        // the output keep cells one can see and point at, however thin the
        // token rows: their columns are not shared with anything.
        const double dimensionCell = snap(std::min(lineHeight * 1.2, dimensionExtent / std::max(1, columns)));
        if (!values && !hasTokenRows(p.id))
            h = std::max(h, snap(std::min(lineHeight * 1.2, dimensionExtent / std::max(1, rows))));
        double w = h;
        if (!values && !hasTokenColumns(p.id))
            w = std::max(w, dimensionCell);
        if (values && h >= valueHeight) {
            w = std::max(h, valueCells[i].width());
            if (hasTokenColumns(p.id) && columns * tokenLabelPair <= kValueGridWidth)
                w = std::max(w, tokenLabelPair);
        } else if (columns * w > wideGrid)
            w = snap(wideGrid / columns); // many dimensions: narrow columns, rows still aligned
        // Many heads of many tokens: the weights are small multiples, to be
        // compared by pattern, not read cell by cell.
        if (m_settings.allHeads && p.id == PanelId::Weights && m_result->headCount() >= 3 && n > 24)
            h = w = std::max(2.0, std::floor(h * 0.5));
        if (overview && (p.id == PanelId::Scores || p.id == PanelId::ScaledScores))
            h = w = snap(h * 0.5);
        if (!allowValues)
            p.spec.showValues = false;
        p.spec.cellAspect = w / h;
        sizes[i] = heatmaplayout::sizeForCellSize(p.spec, h, font);
        // Laid out once at the origin, moved into place at the end.
        p.layout = heatmaplayout::layoutForCellSize(QRectF(QPointF(0, 0), sizes[i]), p.spec, h, font);
        gridTops[i] = p.layout.gridRect.top();
        groups[i] = stageOf(p.id);
        units[i] = unitOf(p.id);
    }

    TitleWrap title;
    if (!m_title.isEmpty()) {
        const QFontMetricsF titleFm(titleFont());
        for (const QString& word : m_title.split(QLatin1Char(' '), Qt::SkipEmptyParts))
            title.words.push_back(titleFm.horizontalAdvance(word));
        title.space = titleFm.horizontalAdvance(QLatin1Char(' '));
        title.lineHeight = std::ceil(titleFm.lineSpacing());
        title.minWrap = (m_panels.size() == 1 ? 40 : 60) * titleFm.averageCharWidth();
    }

    const QSizeF fit = m_settings.fitTo.isValid() && !m_settings.fitTo.isEmpty() ? m_settings.fitTo : QSizeF(1280, 720);
    // The view keeps a few pixels around the figure.
    const QSizeF room(std::max(50.0, fit.width() - 8), std::max(50.0, fit.height() - 8));
    Arrangement best;
    double bestZoom = 0;
    // Row widths worth trying: every run of consecutive panels.
    std::vector<double> widths;
    for (std::size_t i = 0; i < count; ++i) {
        double w = -gap;
        for (std::size_t j = i; j < count; ++j) {
            w += sizes[j].width() + gap;
            widths.push_back(w);
        }
    }
    std::sort(widths.begin(), widths.end());
    widths.erase(std::unique(widths.begin(), widths.end()), widths.end());
    // Rows that follow the stages read better, and the attention panels
    // (the small multiples of all heads especially) belong together: both
    // are worth a little size.
    for (const auto& [breaks, bonus] : {std::pair{Breaks::EveryStage, 1.06}, std::pair{Breaks::BeforeAttention, 1.04},
                                        std::pair{Breaks::None, 1.0}}) {
        for (double w : widths) {
            Arrangement a = flow(sizes, gridTops, groups, units, w + 0.5, breaks, gap);
            const QSizeF t = title.sizeAt(a.size.width());
            const double totalW = std::max(a.size.width(), t.width()) + 2 * margin;
            const double totalH = a.size.height() + (t.height() > 0 ? t.height() + gap : 0.0) + 2 * margin;
            // Past full size, more zoom matters little and a clear
            // structure more: the bonuses decide.
            const double zoom = std::min(room.width() / totalW, room.height() / totalH);
            a.score = std::min(zoom, 1.0) * bonus + 0.01 * zoom;
            if (a.score > best.score + 1e-9) {
                best = std::move(a);
                bestZoom = zoom;
            }
        }
    }

    // The title wraps at the arranged width (long titles widen it a little
    // first); the panels move down under it.
    double width = best.size.width();
    double titleHeight = 0;
    if (!m_title.isEmpty()) {
        const QFontMetricsF titleFm(titleFont());
        const double wrapWidth = std::max(width, title.minWrap);
        const QRectF bounds =
            titleFm.boundingRect(QRectF(0, 0, wrapWidth, 1e6), Qt::TextWordWrap | Qt::AlignHCenter, m_title);
        width = std::max(width, std::ceil(bounds.width()) + 4);
        titleHeight = std::ceil(bounds.height());
        m_titleRect = QRectF(margin, margin, width, titleHeight);
        titleHeight += gap;
    }
    const double shiftX = margin + std::round((width - best.size.width()) / 2);
    const double shiftY = margin + titleHeight;
    for (std::size_t i = 0; i < count; ++i) {
        FigurePanel& p = m_panels[i];
        p.rect = QRectF(best.positions[i] + QPointF(shiftX, shiftY), sizes[i]);
        p.layout.translate(p.rect.topLeft());
    }
    m_size = QSizeF(std::ceil(width + 2 * margin), std::ceil(shiftY + best.size.height() + margin));
    const double zoom = std::min(room.width() / m_size.width(), room.height() / m_size.height());
    return std::isfinite(zoom) ? zoom : bestZoom;
}

void Figure::arrange()
{
    // As large as the box allows, but the whole figure must fit it at a
    // zoom that keeps every text at least legibleTextPx: first the numbers
    // go, then the grids shrink (labels thin as rows get thinner; a label
    // is never drawn smaller).
    const double legible = std::max(1.0, m_settings.legibleTextPx);
    const int n = static_cast<int>(m_result->tokens.size());
    std::vector<bool> wanted(m_panels.size());
    for (std::size_t i = 0; i < m_panels.size(); ++i)
        wanted[i] = m_panels[i].spec.showValues;
    bool values = true;
    double extent = kTokenGridExtent;
    double failed = 0; // the largest numberless extent known not to fit
    auto fits = [&](double tokenExtent, bool allowValues, double* zoom, double* need) {
        for (std::size_t i = 0; i < m_panels.size(); ++i)
            m_panels[i].spec.showValues = wanted[i];
        *zoom = layOut(tokenExtent, allowValues);
        const double smallest = smallestTextPx();
        *need = smallest > 0 ? legible / smallest : 0.0;
        return *zoom >= *need - 1e-9;
    };
    for (int attempt = 0; attempt < 16; ++attempt) {
        double zoom = 0;
        double need = 0;
        if (fits(extent, values, &zoom, &need)) {
            if (values || failed <= 0)
                return;
            // The shrinking steps are coarse: halve the gap to the extent
            // that failed a few times, for grids as large as still fit.
            double ok = extent;
            for (int step = 0; step < 4 && failed - ok > 2.0; ++step) {
                const double mid = (ok + failed) / 2;
                (fits(mid, false, &zoom, &need) ? ok : failed) = mid;
            }
            fits(ok, false, &zoom, &need); // the last one tried may have failed
            return;
        }
        const int tokenPanel = panelIndex(PanelId::Embeddings);
        const double cell = tokenPanel >= 0 ? m_panels[static_cast<std::size_t>(tokenPanel)].layout.cellSize : 0.0;
        if (values) {
            // Without numbers the cells need be no larger than they were.
            values = false;
            if (cell > 0)
                extent = std::min(extent, cell * std::max(1, n));
            continue;
        }
        if (extent < 8.0)
            return; // nothing left to shrink: the view zooms further
        failed = extent;
        extent *= std::clamp(zoom / need, 0.4, 0.92);
    }
}

int Figure::panelIndex(PanelId id, int head) const
{
    for (std::size_t i = 0; i < m_panels.size(); ++i) {
        const FigurePanel& p = m_panels[i];
        if (p.id == id && (p.head < 0 || head < 0 || p.head == head))
            return static_cast<int>(i);
    }
    return -1;
}

void Figure::paint(QPainter* painter) const
{
    painter->save();
    painter->fillRect(QRectF(QPointF(0, 0), m_size), m_settings.theme.background);
    if (!m_title.isEmpty()) {
        painter->setFont(titleFont());
        painter->setPen(titleColor());
        painter->drawText(m_titleRect, Qt::TextWordWrap | Qt::AlignHCenter | Qt::AlignTop, m_title);
    }
    painter->restore();
    for (std::size_t i = 0; i < m_panels.size(); ++i)
        paintPanel(painter, static_cast<int>(i));
}

void Figure::paintPanel(QPainter* painter, int index) const
{
    if (index < 0 || index >= static_cast<int>(m_panels.size()))
        return;
    const FigurePanel& p = m_panels[static_cast<std::size_t>(index)];
    heatmappainter::paint(painter, p.layout, p.spec);
}

std::optional<FigureHit> Figure::hitTest(QPointF pos) const
{
    for (std::size_t i = 0; i < m_panels.size(); ++i) {
        const FigurePanel& p = m_panels[i];
        if (!p.rect.contains(pos))
            continue;
        FigureHit hit;
        hit.panelIndex = static_cast<int>(i);
        if (const auto cell = p.layout.cellAt(pos)) {
            hit.kind = FigureHit::Kind::Cell;
            hit.row = cell->first;
            hit.column = cell->second;
            return hit;
        }
        if (const auto row = p.layout.stripRowAt(pos)) {
            hit.kind = FigureHit::Kind::Entropy;
            hit.row = *row;
            return hit;
        }
        if (const auto row = p.layout.rowLabelAt(pos)) {
            hit.kind = FigureHit::Kind::RowLabel;
            hit.row = *row;
            return hit;
        }
        if (const auto column = p.layout.columnLabelAt(pos)) {
            hit.kind = FigureHit::Kind::ColumnLabel;
            hit.column = *column;
            return hit;
        }
        return std::nullopt;
    }
    return std::nullopt;
}

QString Figure::toolTipAt(QPointF pos) const
{
    const auto hit = hitTest(pos);
    if (!hit)
        return {};
    const FigurePanel& p = m_panels[static_cast<std::size_t>(hit->panelIndex)];
    const int head = p.head >= 0 ? p.head : m_settings.head;
    if (hit->kind == FigureHit::Kind::Cell)
        return cellToolTip(hit->panelIndex, hit->row, hit->column);
    if (hit->kind == FigureHit::Kind::Entropy)
        return entropyToolTip(m_config, *m_result, m_settings.layer, head, hit->row);

    const bool tokenRows = hasTokenRows(p.id);
    if (hit->kind == FigureHit::Kind::RowLabel) {
        if (!tokenRows)
            return FigureText::tr("%1 row %2").arg(attn::panelTitle(p.id)).arg(hit->row);
        if (attn::panelInfo(p.id).rows == PanelAxis::Keys)
            return FigureText::tr("token %1 (key %2): click to select it as the key")
                .arg(quoted(tokenText(*m_result, hit->row)))
                .arg(hit->row);
        return FigureText::tr("token %1 (query %2): click to select it as the query")
            .arg(quoted(tokenText(*m_result, hit->row)))
            .arg(hit->row);
    }
    if (hasTokenColumns(p.id)) {
        return FigureText::tr("token %1 (key %2): click to select it as the key")
            .arg(quoted(tokenText(*m_result, hit->column)))
            .arg(hit->column);
    }
    return FigureText::tr("%1 column %2").arg(attn::panelTitle(p.id)).arg(hit->column);
}

QString Figure::cellToolTip(int index, int row, int column) const
{
    if (index < 0 || index >= static_cast<int>(m_panels.size()))
        return {};
    const FigurePanel& p = m_panels[static_cast<std::size_t>(index)];
    const int head = p.head >= 0 ? p.head : m_settings.head;
    return ::cellToolTip(m_config, *m_result, p.id, m_settings.layer, head, row, column);
}

QString Figure::cellValueText(int index, int row, int column) const
{
    if (index < 0 || index >= static_cast<int>(m_panels.size()))
        return {};
    const HeatmapSpec& spec = m_panels[static_cast<std::size_t>(index)].spec;
    if (row < 0 || column < 0 || row >= spec.matrix->rows() || column >= spec.matrix->cols())
        return {};
    return heatmapscale::formatValue((*spec.matrix)(row, column), spec.decimals);
}

std::optional<QPointF> Figure::cellCenter(PanelId id, int row, int column, int head) const
{
    const int index = panelIndex(id, head);
    if (index < 0)
        return std::nullopt;
    const QRectF cell = m_panels[static_cast<std::size_t>(index)].layout.cellRect(row, column);
    if (cell.isEmpty())
        return std::nullopt;
    return cell.center();
}

FigureSelectionChange Figure::selectionFor(const FigureHit& hit) const
{
    FigureSelectionChange change;
    if (hit.panelIndex < 0 || hit.panelIndex >= static_cast<int>(m_panels.size()))
        return change;
    const PanelId id = m_panels[static_cast<std::size_t>(hit.panelIndex)].id;
    if (!hasTokenRows(id))
        return change;
    const bool keyRows = attn::panelInfo(id).rows == PanelAxis::Keys;
    switch (hit.kind) {
    case FigureHit::Kind::Cell:
        if (hasTokenColumns(id)) {
            change.query = hit.row;
            change.key = hit.column;
        } else if (keyRows) {
            change.key = hit.row;
        } else {
            change.query = hit.row;
        }
        break;
    case FigureHit::Kind::Entropy:
        change.query = hit.row;
        break;
    case FigureHit::Kind::RowLabel:
        if (keyRows)
            change.key = hit.row;
        else
            change.query = hit.row;
        break;
    case FigureHit::Kind::ColumnLabel:
        if (hasTokenColumns(id))
            change.key = hit.column;
        break;
    }
    return change;
}
