#include "ui/render/lessonpage.h"

#include "ui/render/explanation.h"
#include "ui/render/figure.h"
#include "ui/render/formulatext.h"
#include "ui/render/heatmappainter.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>

using attn::PanelId;
using namespace formulatext;

// The lesson's words: step titles, explanations, headings and captions.
struct Lesson
{
    Q_DECLARE_TR_FUNCTIONS(Lesson)
};

namespace {

// The formula shrinks to fit its box down to this fraction of its size, then
// leaves out middle terms (never its result).
constexpr double kMinFormulaShrink = 0.8;
constexpr double kMinGeneralShrink = 0.6;
constexpr double kCommonFormulaShrink = 0.85;
// How far earlier stages fade (HeatmapSpec::dim).
constexpr double kEarlierDim = 0.55;

struct Theme
{
    QColor page;
    QColor text;
    QColor muted;
    QColor box;
    QColor boxBorder;
    QColor accent;
    QColor accentText;    // on an accent fill
    QColor accentHeading; // accent-coloured text on the page
    double stroke = 1.0;
};

// The slide's colours: the render theme's, or for presentation a black
// page with white type and thicker strokes, whatever the theme.
Theme themeFor(bool presentation, const RenderTheme& render)
{
    Theme t;
    if (presentation) {
        t.page = Qt::black;
        t.text = Qt::white;
        t.muted = QColor(0xd0, 0xd0, 0xd0);
        t.box = QColor(0x1c, 0x1c, 0x1c);
        t.boxBorder = QColor(0xf0, 0xf0, 0xf0);
        t.accent = QColor(0xff, 0x9d, 0x1a);
        t.accentText = Qt::black;
        t.accentHeading = t.accent;
        t.stroke = 3.0;
    } else {
        t.page = render.background;
        t.text = render.text;
        t.muted = render.muted;
        t.box = render.box;
        t.boxBorder = render.boxBorder;
        t.accent = render.highlight;
        t.accentText = render.onHighlight;
        t.accentHeading = render.highlightText;
        t.stroke = 1.5;
    }
    return t;
}

// A model axis longer than this (GPT-2's 768 dimensions, its 3072 hidden
// units) is drawn narrowed when the page has no room for it at the cell
// size the token rows get; the article's few dimensions never are.
constexpr int kNarrowAxis = 32;
// A narrowed grid stays at least this wide (a strip's thumbnail too).
constexpr double kMinNarrowGrid = 72.0;
// Rows of a page of such panels at least this tall where a smaller font
// gives them that.
constexpr double kMinPatternRow = 6.0;
// The largest cell bisection tries, and the smallest a layout takes.
constexpr double kMaxCell = 160.0;
constexpr double kMinCell = 0.05;

// A panel as a row of panels lays it out. Like the stage figure, the lesson
// narrows a wide matrix rather than shrink every cell of the page: columns
// of many dimensions share what the row's other panels leave (a fraction of
// a pixel each, drawn as an image), and rows of many dimensions (W's d_model)
// span only as many cells as there are tokens, so the token rows keep a
// height one can see and point at.
struct Slot
{
    const HeatmapSpec* spec = nullptr;
    bool narrowColumns = false; // the columns may be narrowed to fit the row
    int rowSpan = 0;            // > 0: the rows are drawn in this many cells' height
    std::size_t panel = 0;      // the lesson's current panel it lays out
};

// A slot at one cell size: its spec (cellAspect narrowed, numbers off when
// its columns are), the height of its rows and the panel's size.
struct FittedPanel
{
    HeatmapSpec spec;
    double cell = 0.0;
    QSizeF size;
};

// Panels laid out together: their layouts and specs in their slots' order, and
// the cell size of their token rows (0 when they fit at no size).
struct Arranged
{
    std::vector<HeatmapLayout> layouts;
    std::vector<HeatmapSpec> specs;
    std::vector<std::size_t> panels; // each layout's Slot::panel
    double cell = 0.0;
};

FittedPanel fitSlot(const Slot& slot, double cell, const QFont& font)
{
    FittedPanel f{*slot.spec, cell, {}};
    const int rows = slot.spec->matrix ? static_cast<int>(slot.spec->matrix->rows()) : 0;
    if (slot.rowSpan > 0 && rows > slot.rowSpan) {
        // Shorter rows (not below what a layout takes), the same column pitch.
        f.cell = std::max(kMinCell, cell * slot.rowSpan / rows);
        f.spec.cellAspect = slot.spec->cellAspect * cell / f.cell;
    }
    f.size = heatmaplayout::sizeForCellSize(f.spec, f.cell, font);
    return f;
}

// Narrows f's columns to a grid `grid` wide: a pattern now, not numbers to read.
void narrowTo(FittedPanel* f, double grid, const QFont& font)
{
    f->spec.cellAspect = grid / (static_cast<double>(f->spec.matrix->cols()) * f->cell);
    f->spec.showValues = false;
    f->size = heatmaplayout::sizeForCellSize(f->spec, f->cell, font);
}

// The row's panels at `cell`, within `width`: as they are when they fit;
// else the narrowable ones share what the others leave in grids of one
// width (one that needs less keeps its own), at least kMinNarrowGrid wide.
// Nothing when the row fits at no narrowing.
std::optional<std::vector<FittedPanel>> fitRow(const std::vector<Slot>& row, double cell, double width, double gap,
                                               const QFont& font)
{
    std::vector<FittedPanel> fitted;
    double used = gap * (static_cast<double>(row.size()) - 1);
    for (const Slot& slot : row) {
        fitted.push_back(fitSlot(slot, cell, font));
        used += std::ceil(fitted.back().size.width());
    }
    if (used <= width)
        return fitted;
    // Each narrowable panel's natural grid width, what it needs beside its
    // grid (labels, colour bar, padding), and its width at the narrowest
    // grid (its title may want more).
    struct Narrow
    {
        std::size_t index;
        double grid;
        double extras;
        double least;
    };
    std::vector<Narrow> narrow;
    double fixed = gap * (static_cast<double>(row.size()) - 1);
    for (std::size_t k = 0; k < row.size(); ++k) {
        const FittedPanel& f = fitted[k];
        if (!row[k].narrowColumns) {
            fixed += std::ceil(f.size.width());
            continue;
        }
        const double grid =
            heatmaplayout::layoutForCellSize(QRectF(QPointF(0, 0), f.size), f.spec, f.cell, font).gridRect.width();
        FittedPanel least = f;
        narrowTo(&least, kMinNarrowGrid, font);
        narrow.push_back({k, grid, std::ceil(f.size.width()) - grid, std::ceil(least.size.width())});
    }
    auto total = [&](double grid) {
        double w = fixed;
        for (const Narrow& n : narrow)
            w += std::max(n.extras + std::min(grid, n.grid), n.least);
        return w;
    };
    if (narrow.empty() || total(kMinNarrowGrid) > width)
        return std::nullopt;
    // The widest common grid that fits, by bisection (total() grows with it).
    double low = kMinNarrowGrid;
    double high = 0.0;
    for (const Narrow& n : narrow)
        high = std::max(high, n.grid);
    while (high - low > 0.5) {
        const double mid = (low + high) / 2;
        (total(mid) <= width ? low : high) = mid;
    }
    const double grid = std::floor(low);
    used = fixed;
    for (const Narrow& n : narrow) {
        if (grid < n.grid)
            narrowTo(&fitted[n.index], grid, font);
        used += std::ceil(fitted[n.index].size.width());
    }
    if (used > width)
        return std::nullopt;
    return fitted;
}

// The largest whole cell from 3 below `high` at which fits() holds, for a
// fits() that only gets harder as the cells grow; 0 when even 3 fails.
template <typename Fits> double largestFittingCell(Fits fits, double high = kMaxCell)
{
    if (!fits(3.0))
        return 0.0;
    double low = 3.0;
    while (high - low > 1.0) {
        const double mid = std::floor((low + high) / 2);
        (fits(mid) ? low : high) = mid;
    }
    return low;
}

// Below that: the largest cell from 2 to 3 at which fits() holds, to an
// eighth of a pixel; 0 when even 2 fails.
template <typename Fits> double largestFittingFraction(Fits fits)
{
    if (!fits(2.0))
        return 0.0;
    double low = 2.0;
    double high = 3.0;
    while (high - low > 0.125) {
        const double mid = (low + high) / 2;
        (fits(mid) ? low : high) = mid;
    }
    return low;
}

// Lays panels side by side in `area` with one cell size, the largest at which
// they all fit, so equal rows line up and Q, K and V look alike. The panels
// share their top edge; the row is centred in the area or starts at its top left.
Arranged arrangeRow(const std::vector<Slot>& row, const QRectF& area, const QFont& font, double gap, bool centred,
                    double maxCell = std::numeric_limits<double>::infinity())
{
    Arranged arranged;
    if (row.empty() || area.isEmpty())
        return arranged;
    const double columnWidth = (area.width() - gap * (static_cast<double>(row.size()) - 1)) / row.size();
    // Start from the cell each panel would get in an equal share of the row.
    double cell = std::numeric_limits<double>::infinity();
    for (const Slot& slot : row)
        cell =
            std::min(cell, heatmaplayout::layout(QRectF(0, 0, columnWidth, area.height()), *slot.spec, font).cellSize);
    // Then grow it while the whole row still fits (narrow panels leave room).
    auto fits = [&](double c) {
        const auto fitted = fitRow(row, c, area.width(), gap, font);
        return fitted && std::all_of(fitted->begin(), fitted->end(),
                                     [&](const FittedPanel& f) { return f.size.height() <= area.height(); });
    };
    const double cap = std::min(
        maxCell, heatmaplayout::layout(QRectF(0, 0, area.width(), area.height()), *row.front().spec, font).cellSize);
    cell = std::min(cell, std::max(3.0, std::floor(maxCell)));
    while (cell >= 3.0 && cell + 1.0 <= cap && fits(cell + 1.0))
        cell += 1.0;
    // Panels of many dimensions, narrowed, may fit at a far larger cell (a
    // low strip of many tokens: under 3 px); if they fit at none, the row
    // does not fit (its cells would be specks).
    const bool narrowable =
        std::any_of(row.begin(), row.end(), [](const Slot& s) { return s.narrowColumns || s.rowSpan > 0; });
    bool fitting = true;
    if (narrowable) {
        double c = largestFittingCell(fits, std::min(kMaxCell, std::floor(maxCell) + 1));
        if (c == 0.0)
            c = largestFittingFraction(fits);
        if (c > 0 && (c > cell || !fits(cell)))
            cell = c;
        fitting = c > 0;
    }

    std::vector<FittedPanel> fitted;
    if (auto fit = fitRow(row, cell, area.width(), gap, font))
        fitted = std::move(*fit);
    else
        for (const Slot& slot : row)
            fitted.push_back(fitSlot(slot, cell, font));
    double width = gap * (static_cast<double>(row.size()) - 1);
    double height = 0.0;
    for (FittedPanel& f : fitted) {
        f.size = f.size.boundedTo(area.size());
        width += f.size.width();
        height = std::max(height, f.size.height());
    }
    double x = std::round(area.left() + (centred ? std::max(0.0, (area.width() - width) / 2) : 0.0));
    const double y = std::round(area.top() + (centred ? std::max(0.0, (area.height() - height) / 2) : 0.0));
    for (const FittedPanel& f : fitted) {
        const QRectF target(x, y, std::ceil(f.size.width()), std::ceil(f.size.height()));
        arranged.layouts.push_back(heatmaplayout::layoutForCellSize(target, f.spec, f.cell, font));
        arranged.specs.push_back(f.spec);
        x += target.width() + gap;
    }
    arranged.cell = fitting ? cell : 0.0;
    return arranged;
}

// Lays rows of panels one above the other, every panel with one cell size,
// the largest at which every row fits the area's width and all rows its
// height; each row centred, the block centred vertically. Step 3 puts W_Q,
// W_K and W_V above Q, K and V this way (or all six in one row).
Arranged arrangeRows(const std::vector<std::vector<Slot>>& rows, const QRectF& area, const QFont& font, double gap)
{
    Arranged arranged;
    if (rows.empty() || area.isEmpty())
        return arranged;
    auto rowHeight = [](const std::vector<FittedPanel>& row) {
        double height = 0.0;
        for (const FittedPanel& f : row)
            height = std::max(height, std::ceil(f.size.height()));
        return height;
    };
    auto fitAll = [&](double c) {
        std::vector<std::vector<FittedPanel>> fitted;
        double height = gap * (static_cast<double>(rows.size()) - 1);
        for (const auto& row : rows) {
            auto f = fitRow(row, c, area.width(), gap, font);
            if (!f)
                return std::vector<std::vector<FittedPanel>>{};
            height += rowHeight(*f);
            fitted.push_back(std::move(*f));
        }
        return height <= area.height() ? fitted : std::vector<std::vector<FittedPanel>>{};
    };
    arranged.cell = largestFittingCell([&](double c) { return !fitAll(c).empty(); });
    if (arranged.cell == 0.0)
        return arranged; // nothing fits: the caller looks for another arrangement
    const std::vector<std::vector<FittedPanel>> fitted = fitAll(arranged.cell);
    double total = gap * (static_cast<double>(rows.size()) - 1);
    for (const auto& row : fitted)
        total += rowHeight(row);
    double y = std::round(area.top() + std::max(0.0, (area.height() - total) / 2));
    for (const auto& row : fitted) {
        double width = gap * (static_cast<double>(row.size()) - 1);
        for (const FittedPanel& f : row)
            width += std::ceil(f.size.width());
        double x = std::round(area.left() + std::max(0.0, (area.width() - width) / 2));
        for (const FittedPanel& f : row) {
            const QSizeF s = f.size.boundedTo(area.size());
            const QRectF target(x, y, std::ceil(s.width()), std::ceil(s.height()));
            arranged.layouts.push_back(heatmaplayout::layoutForCellSize(target, f.spec, f.cell, font));
            arranged.specs.push_back(f.spec);
            x += target.width() + gap;
        }
        for (const Slot& slot : rows[static_cast<std::size_t>(&row - fitted.data())])
            arranged.panels.push_back(slot.panel);
        y += rowHeight(row) + gap;
    }
    return arranged;
}

bool isWeightMatrix(PanelId id)
{
    return id == PanelId::WQuery || id == PanelId::WKey || id == PanelId::WValue;
}

// Which of the panel's axes may be narrowed: model axes (the block's
// matrices have a column per dimension, a row per token) of more than
// kNarrowAxis dimensions.
Slot slotFor(const LessonPanel& panel, int tokens)
{
    Slot slot;
    slot.spec = &panel.spec;
    const bool modelColumns = panel.block || !attn::isTokenAxis(attn::panelInfo(panel.id).columns);
    const bool modelRows = !panel.block && !attn::isTokenAxis(attn::panelInfo(panel.id).rows);
    slot.narrowColumns = modelColumns && panel.spec.matrix->cols() > kNarrowAxis;
    if (modelRows && panel.spec.matrix->rows() > std::max(kNarrowAxis, tokens))
        slot.rowSpan = tokens;
    return slot;
}

} // namespace

QString fitFormulaLine(const QString& line, const QFontMetricsF& fm, double width)
{
    if (fm.horizontalAdvance(line) <= width)
        return line;
    const QStringList words = line.split(QLatin1Char(' '));
    const int n = static_cast<int>(words.size());
    auto join = [&](int from, int count) { return QStringList(words.mid(from, count)).join(QLatin1Char(' ')); };
    // The end kept whole: the result after the last "=", if it is short, else
    // the last word.
    int anchor = n - 1;
    for (int k = n - 1; k > 0; --k) {
        if (words[k] == QLatin1String("=")) {
            anchor = k;
            break;
        }
    }
    if (fm.horizontalAdvance(join(anchor, -1)) > width * 0.5)
        anchor = n - 1;
    const QString tail = join(anchor, -1);
    auto isOperator = [](const QString& w) {
        static const QStringList ops = {
            QStringLiteral("+"),     QStringLiteral("="), kMinus, QStringLiteral("\u00b7"), kTimes,
            QStringLiteral("\u00f7")};
        return ops.contains(w) || w.endsWith(QLatin1Char(','));
    };
    auto candidate = [&](int k) {
        QString head = join(0, k);
        // "a + … +" (the sum's own ellipsis, then an operator): back to the "…".
        const qsizetype own = head.lastIndexOf(kEllipsis);
        if (own >= 0 && head.size() - own <= 3)
            head.truncate(own + 1);
        // The sum's own "…" needs no second one.
        return head.endsWith(kEllipsis) ? head + QLatin1Char(' ') + tail
                                        : head + QLatin1Char(' ') + kEllipsis + QLatin1Char(' ') + tail;
    };
    // The longest start that fits, preferably one that ends on an operator
    // ("0.47×1 + … = 4.01" rather than "0.47×1 … = 4.01").
    int best = -1;
    for (int k = anchor - 1; k >= 1; --k) {
        if (fm.horizontalAdvance(candidate(k)) > width)
            continue;
        if (best < 0)
            best = k;
        if (isOperator(words[k - 1])) {
            best = k;
            break;
        }
    }
    if (best > 0)
        return candidate(best);
    const QString shortest = kEllipsis + QLatin1Char(' ') + tail;
    if (fm.horizontalAdvance(shortest) <= width)
        return shortest;
    return fm.elidedText(tail, Qt::ElideMiddle, width);
}

QString lessonStepTitle(int step)
{
    switch (step) {
    case 1:
        return Lesson::tr("Tokens: the sentence split into words");
    case 2:
        return Lesson::tr("Embeddings: a vector of numbers for every token");
    case 3:
        return Lesson::tr("Projections: a query, a key and a value for every token");
    case 4:
        return Lesson::tr("Scores: how well each query matches each key");
    case 5:
        return Lesson::tr("Scaling: dividing the scores by √d_k");
    case 6:
        return Lesson::tr("Softmax: turning scores into weights");
    case 7:
        return Lesson::tr("Weighted sum: mixing the values");
    case 8:
        return Lesson::tr("Layer norm: what attention reads");
    case 9:
        return Lesson::tr("Output projection and residual");
    case 10:
        return Lesson::tr("MLP: each token on its own");
    case 11:
        return Lesson::tr("Logits: the next token");
    default:
        return {};
    }
}

QString lessonStepShortTitle(int step)
{
    if (step == 2)
        //: The embeddings step's title where the long one has no room.
        return Lesson::tr("Embeddings: a vector for every token");
    if (step == 3)
        //: The projections step's title where the long one has no room.
        return Lesson::tr("Projections: Q, K and V for every token");
    if (step == 4)
        //: The scores step's title where the long one has no room.
        return Lesson::tr("Scores: each query against each key");
    return lessonStepTitle(step);
}

QString lessonExplanation(const attn::AttentionConfig& config, int step)
{
    switch (step) {
    case 1:
        return Lesson::tr(
            "The sentence is split at its spaces into tokens, the pieces the model reads. Every different word gets "
            "one entry in the vocabulary, so a repeated word shares its entry. We follow one token, the query "
            "(highlighted), through every step.");
    case 2:
        return config.positional
                   ? Lesson::tr(
                         "Each vocabulary word owns a list of d_model numbers, its embedding: one row of E per token. "
                         "A sinusoidal positional encoding is added, so the same word at two positions gets "
                         "different rows of X.")
                   : Lesson::tr(
                         "Each vocabulary word owns a list of d_model numbers, its embedding: one row of E per "
                         "token. Tokens that are the same word get the same row. A real model learns these numbers; "
                         "here they are given or drawn at random.");
    case 3:
        return Lesson::tr(
            "Each token's row is multiplied by three weight matrices. That gives its query (what the token is "
            "looking for), its key (what it offers to others) and its value (what it passes on when chosen).");
    case 4:
        return Lesson::tr(
            "To decide where to look, the query of a token is compared with the key of every token by a dot "
            "product: multiply matching numbers, then add them up. A large score means the key matches the query "
            "well.");
    case 5: {
        QString text;
        if (config.scaled)
            text =
                Lesson::tr("Dot products grow with the number of dimensions, so every score is divided by √d_k. That "
                           "keeps the softmax of the next step from becoming too sharp.");
        else
            text = Lesson::tr("Scaling by √d_k is switched off here, so the scores pass on unchanged.");
        if (config.temperature != 1.0)
            text +=
                QLatin1Char(' ') + (config.temperature < 1.0
                                        ? Lesson::tr("Dividing by the temperature T = %1 makes the weights sharper.")
                                        : Lesson::tr("Dividing by the temperature T = %1 makes the weights flatter."))
                                       .arg(explanation::temperatureText(config.temperature));
        if (config.causal)
            text += QLatin1Char(' ') +
                    Lesson::tr("The causal mask hides every key after the query: its score becomes −∞, so the token "
                               "cannot look ahead.");
        return text;
    }
    case 6:
        return Lesson::tr(
            "Softmax turns each row of scores into weights between 0 and 1 that add up to 1: the larger a score, "
            "the larger its weight. Subtracting the row's maximum first changes nothing but keeps exp() from "
            "overflowing.");
    case 7:
        return Lesson::tr(
            "The output of a token is the weighted sum of every token's value, using its softmax weights. Tokens "
            "whose key matched the query well contribute the most. This new row is the token, now informed by its "
            "context.");
    case 8:
        return Lesson::tr(
            "Before step 3, GPT-2 normalises each token's row of the residual stream x: subtract its mean, divide by "
            "its standard deviation, then scale and shift every dimension by learned γ and β (ln_1). The "
            "result is the row the projections read.");
    case 9:
        return Lesson::tr(
            "The heads' outputs side by side are mixed by one more matrix, W_O (c_proj), and added to the residual "
            "stream: attention only adds to x, it never replaces it.");
    case 10:
        return Lesson::tr(
            "Then each token alone goes through the MLP: a second layer norm, four times as many hidden numbers "
            "through GELU, and back to d_model. That is added to the stream too: the layer's output, the next "
            "layer's x.");
    case 11:
        return Lesson::tr(
            "After the last layer, the last token's row is normalised once more (ln_f) and compared by a dot product "
            "with every token's embedding: one logit per token of the vocabulary. Softmax turns the logits into the "
            "probabilities of the next token.");
    default:
        return {};
    }
}

std::vector<PanelId> lessonPanelsForStep(const attn::AttentionConfig& config, int step)
{
    switch (step) {
    case 2:
        if (config.positional)
            return {PanelId::Embeddings, PanelId::Inputs};
        return {PanelId::Embeddings};
    case 3:
        return {PanelId::WQuery, PanelId::WKey, PanelId::WValue, PanelId::Q, PanelId::K, PanelId::V};
    case 4:
        return {PanelId::Scores};
    case 5:
        return {PanelId::ScaledScores};
    case 6:
        return {PanelId::Weights};
    case 7:
    case 9:
        return {PanelId::Output};
    default:
        return {};
    }
}

std::vector<BlockPanel> lessonBlockPanelsForStep(int step)
{
    switch (step) {
    case 8:
        return {BlockPanel::ResidualIn, BlockPanel::LayerNorm1};
    case 9:
        return {BlockPanel::Attention, BlockPanel::ResidualMid};
    case 10:
        return {BlockPanel::MlpInput, BlockPanel::MlpHidden, BlockPanel::Mlp, BlockPanel::ResidualOut};
    case 11:
        return {BlockPanel::NextLogits, BlockPanel::NextProbabilities};
    default:
        return {};
    }
}

namespace {

// A block panel's title and the line under it.
struct BlockPanelText
{
    const char* title;
    const char* formula;
};

// The captions are marked for translation (context "Lesson") and
// translated where they are shown; the symbols are not.
BlockPanelText blockPanelText(BlockPanel panel)
{
    switch (panel) {
    case BlockPanel::ResidualIn:
        return {"x", QT_TRANSLATE_NOOP("Lesson", "the residual stream entering the layer")};
    case BlockPanel::LayerNorm1:
        return {"LN₁(x)", QT_TRANSLATE_NOOP("Lesson", "ln_1(x): the layer's input")};
    case BlockPanel::Attention:
        return {"a", "a = out · W_O + b_O (c_proj)"};
    case BlockPanel::ResidualMid:
        return {"x′", "x′ = x + a"};
    case BlockPanel::MlpInput:
        return {"LN₂(x′)", "ln_2(x′)"};
    case BlockPanel::MlpHidden:
        return {QT_TRANSLATE_NOOP("Lesson", "hidden"), "gelu(LN₂ · W_fc + b_fc)"};
    case BlockPanel::Mlp:
        return {"m", "m = hidden · W_proj + b_proj"};
    case BlockPanel::ResidualOut:
        return {"x″", QT_TRANSLATE_NOOP("Lesson", "x″ = x′ + m: the layer's output")};
    case BlockPanel::NextProbabilities:
        return {"p", QT_TRANSLATE_NOOP("Lesson", "softmax over the vocabulary")};
    case BlockPanel::NextLogits:
        return {"logit", "LN_f(x_last) · w_t"};
    }
    return {"", ""};
}

QString blockPanelFormula(BlockPanel panel)
{
    return QCoreApplication::translate("Lesson", blockPanelText(panel).formula);
}

} // namespace

QString blockPanelTitle(BlockPanel panel)
{
    return QCoreApplication::translate("Lesson", blockPanelText(panel).title);
}

int LessonPage::stepsFor(const attn::AttentionResult* result, int layer)
{
    if (!result || result->layers.empty())
        return attentionStepCount;
    return result->layer(layer).block ? maxStepCount : attentionStepCount;
}

namespace {

// The block panel's matrix: in the layer's block, or made of the next tokens.
std::shared_ptr<const attn::Matrix> blockMatrix(const std::shared_ptr<const attn::AttentionResult>& result,
                                                const attn::LayerResult& layer, BlockPanel panel)
{
    const attn::BlockResult& b = *layer.block;
    const auto alias = [&](const attn::Matrix& m) { return std::shared_ptr<const attn::Matrix>(result, &m); };
    switch (panel) {
    case BlockPanel::ResidualIn:
        return alias(b.residualIn);
    case BlockPanel::LayerNorm1:
        return alias(layer.input);
    case BlockPanel::Attention:
        return alias(b.attention);
    case BlockPanel::ResidualMid:
        return alias(b.residualMid);
    case BlockPanel::MlpInput:
        return alias(b.mlpInput);
    case BlockPanel::MlpHidden:
        return alias(b.mlpHidden);
    case BlockPanel::Mlp:
        return alias(b.mlp);
    case BlockPanel::ResidualOut:
        return alias(b.residualOut);
    case BlockPanel::NextProbabilities:
    case BlockPanel::NextLogits: {
        auto m = std::make_shared<attn::Matrix>(static_cast<Eigen::Index>(result->nextTokens.size()), 1);
        for (std::size_t t = 0; t < result->nextTokens.size(); ++t)
            (*m)(static_cast<Eigen::Index>(t), 0) =
                panel == BlockPanel::NextLogits ? result->nextTokens[t].logit : result->nextTokens[t].probability;
        return m;
    }
    }
    return {};
}

} // namespace

LessonPage::LessonPage(const attn::AttentionConfig& config, std::shared_ptr<const attn::AttentionResult> result,
                       const LessonSettings& settings, QSizeF size)
    : m_config(config)
    , m_result(std::move(result))
    , m_settings(settings)
    , m_size(size)
{
    if (!m_result || m_result->tokens.empty() || m_result->headCount() == 0) {
        m_result.reset();
        return;
    }
    m_settings.layer = std::clamp(m_settings.layer, 0, static_cast<int>(m_result->layers.size()) - 1);
    m_stepCount = stepsFor(m_result.get(), m_settings.layer);
    m_settings.step = std::clamp(m_settings.step, 1, m_stepCount);
    m_settings.queryToken = std::clamp(m_settings.queryToken, 0, static_cast<int>(m_result->tokens.size()) - 1);
    m_settings.head = std::clamp(m_settings.head, 0, m_result->headCount() - 1);
    build();
}

double LessonPage::pixelSize(Role role) const
{
    const bool big = m_settings.presentation;
    switch (role) {
    case Role::Title:
        return big ? 34 : 30;
    case Role::Subtitle:
        return big ? 15 : 14;
    case Role::Explanation:
        return big ? 23 : 20;
    case Role::Formula:
        return big ? 23 : 20;
    case Role::Panel:
        // The numbers in the cells (0.9 of this, 0.94 compact) at least as
        // large as the explanation, where the cells have room for them.
        return big ? 26 : 23;
    case Role::Strip:
        return big ? 12 : 11;
    case Role::StripLabel:
        return big ? 15 : 13;
    case Role::Token:
        return big ? 30 : 26;
    case Role::TokenLabel:
        return big ? 17 : 15;
    }
    return 16;
}

QFont LessonPage::font(Role role, bool bold, double factor) const
{
    QFont f = heatmaplayout::defaultFont();
    f.setPixelSize(std::max(1, static_cast<int>(std::lround(pixelSize(role) * factor))));
    f.setBold(bold);
    return f;
}

bool LessonPage::titleElided() const
{
    return QFontMetricsF(font(Role::Title, true, m_titleFactor)).horizontalAdvance(m_title) > m_titleRect.width();
}

bool LessonPage::needsMoreRoom() const
{
    return m_crowded || numbersHidden();
}

bool LessonPage::numbersHidden() const
{
    return std::any_of(m_panels.begin(), m_panels.end(), [](const LessonPanel& panel) {
        return panel.current && panel.spec.showValues && !panel.layout.valuesVisible;
    });
}

std::vector<PanelId> LessonPage::visiblePanels() const
{
    std::vector<PanelId> ids;
    for (const LessonPanel& p : m_panels) {
        if (p.current && !p.block)
            ids.push_back(p.id);
    }
    return ids;
}

std::vector<BlockPanel> LessonPage::visibleBlockPanels() const
{
    std::vector<BlockPanel> panels;
    for (const LessonPanel& p : m_panels) {
        if (p.current && p.block)
            panels.push_back(*p.block);
    }
    return panels;
}

void LessonPage::build()
{
    const int step = m_settings.step;
    //: The lesson's title: the step, how many there are, the step's own title.
    m_title = Lesson::tr("Step %1 of %2 · %3").arg(step).arg(m_stepCount).arg(lessonStepTitle(step));
    m_subtitle = figureTitle(m_config, *m_result);
    m_explanation = lessonExplanation(m_config, step);
    m_formula = lessonFormulaLines(m_config, *m_result, step, m_settings.queryToken, m_settings.layer, m_settings.head);

    double y = 0;
    layoutHeader(&y);

    const double margin = std::round(m_size.height() * 0.04);
    const double gap = std::round(margin * 0.6);
    const double width = m_size.width() - 2 * margin;
    // The block's steps show their own inputs beside their outputs: no strip.
    const bool hasEarlier = step > 2 && step <= attentionStepCount;
    const double stripHeight = hasEarlier ? std::round(m_size.height() * (m_settings.presentation ? 0.18 : 0.19)) : 0.0;
    const double bottom = m_size.height() - margin - stripHeight - (hasEarlier ? gap : 0.0);
    const double mainHeight = std::max(0.0, bottom - y);

    // The formula box is as wide as its lines want, within limits, so a short
    // formula leaves the heatmaps more room.
    const double pad = std::round(m_size.height() * 0.02);
    const QFontMetricsF formulaFm(font(Role::Formula));
    const QFontMetricsF formulaBoldFm(font(Role::Formula, true));
    const double maxFormulaShare =
        lessonPanelsForStep(m_config, step).size() + lessonBlockPanelsForStep(step).size() >= 3 ? 0.36 : 0.46;
    double widest = 0.0;
    for (qsizetype k = 0; k < m_formula.size(); ++k)
        widest = std::max(widest, (k == 0 ? formulaBoldFm : formulaFm).horizontalAdvance(m_formula[k]));
    const double formulaWidth = std::round(std::clamp(widest + 2 * pad + 2, width * 0.34, width * maxFormulaShare));
    const QRectF mainArea(margin, y, width - formulaWidth - gap, mainHeight);
    m_formulaRect = QRectF(mainArea.right() + gap, y, formulaWidth, mainHeight);
    const QRectF strip = hasEarlier ? QRectF(margin, bottom + gap, width, stripHeight) : QRectF();

    // One size for all lines, shrunk for the widest (within a limit); a line
    // still too long shrinks alone, then elides. One long sum must not make
    // every line small.
    const double innerWidth = m_formulaRect.width() - 2 * pad;
    auto neededFactor = [&](qsizetype k, double floor) {
        double factor = 1.0;
        while (factor > floor &&
               QFontMetricsF(font(Role::Formula, k == 0, factor)).horizontalAdvance(m_formula[k]) > innerWidth)
            factor -= 0.05;
        return std::max(factor, floor);
    };
    double common = 1.0;
    // The general form (bold, first) shrinks on its own.
    for (qsizetype k = 1; k < m_formula.size(); ++k)
        common = std::min(common, neededFactor(k, kCommonFormulaShrink));
    m_formulaFactors.clear();
    for (qsizetype k = 0; k < m_formula.size(); ++k)
        // The general form is one line of symbols: it shrinks further
        // rather than lose a part.
        m_formulaFactors.push_back(k == 0 ? neededFactor(k, kMinGeneralShrink)
                                          : std::min(common, neededFactor(k, kMinFormulaShrink)));
    m_formulaCommon = common;
    const double lineHeight = std::ceil(QFontMetricsF(font(Role::Formula, false, common)).height() * 1.3);
    m_formulaLineHeight = lineHeight;
    const int capacity = std::max(1, static_cast<int>((m_formulaRect.height() - 2 * pad) / lineHeight) - 1);
    const int total = static_cast<int>(m_formula.size());
    // Too many lines: keep the start and the lines that close the formula
    // (the sums of steps 6 and 7, the heads side by side) and say how many are left out in between.
    if (total <= capacity) {
        m_formulaHead = total;
        m_formulaTail = 0;
    } else {
        const int closing = std::max(2, lessonClosingLines(m_config, step));
        m_formulaTail = capacity >= 6 ? std::min(closing, capacity - 3) : 0;
        m_formulaHead = std::max(1, capacity - 1 - m_formulaTail);
    }
    const int shown = m_formulaHead + m_formulaTail + (m_formulaHead + m_formulaTail < total ? 1 : 0);
    // The box ends under its last line.
    const double used = 2 * pad + lineHeight * (shown + 0.3);
    m_formulaRect.setHeight(std::min(m_formulaRect.height(), std::ceil(used)));
    layoutFormula();

    if (step == 1)
        layoutTokens(mainArea);
    // Few earlier panels fit under the formula box: then the current ones
    // get the page's whole height.
    if (hasEarlier) {
        // The side strip takes the room under the formula box, up to a little
        // more than the bottom strip (thumbnails stay smaller than the current
        // panels).
        const double sideTop = m_formulaRect.bottom() + gap;
        const double sideHeight = std::min(m_size.height() - margin - sideTop, std::round(stripHeight * 1.4));
        const QRectF side(m_formulaRect.left(), sideTop, m_formulaRect.width(), sideHeight);
        if (sideHeight >= stripHeight) {
            const QRectF tall(mainArea.left(), mainArea.top(), mainArea.width(), m_size.height() - margin - y);
            if (layoutPanels(tall, side, false))
                return;
        }
    }
    layoutPanels(mainArea, strip, true);
}

void LessonPage::layoutHeader(double* y)
{
    const double margin = std::round(m_size.height() * 0.04);
    const double width = m_size.width() - 2 * margin;
    const QFontMetricsF fullTitleFm(font(Role::Title, true));
    const double dot = std::round(fullTitleFm.height() * 0.75);
    const double progressWidth = m_stepCount * dot + (m_stepCount - 1) * std::round(dot * 0.3);
    m_titleRect = QRectF(margin, margin, width - progressWidth - margin, std::ceil(fullTitleFm.height()));
    m_progressRect = QRectF(margin + width - progressWidth, m_titleRect.center().y() - dot / 2, progressWidth, dot);
    // A long title shrinks a little, then takes the step's short title,
    // before it is elided.
    auto shrink = [&] {
        m_titleFactor = 1.0;
        while (m_titleFactor > 0.7 &&
               QFontMetricsF(font(Role::Title, true, m_titleFactor)).horizontalAdvance(m_title) > m_titleRect.width())
            m_titleFactor -= 0.05;
    };
    shrink();
    if (titleElided()) {
        m_title = Lesson::tr("Step %1 of %2 · %3")
                      .arg(m_settings.step)
                      .arg(m_stepCount)
                      .arg(lessonStepShortTitle(m_settings.step));
        shrink();
    }

    double top = m_titleRect.bottom() + 2;
    const QFontMetricsF subFm(font(Role::Subtitle));
    m_subtitleRect = QRectF(margin, top, width, std::ceil(subFm.height()));
    top = m_subtitleRect.bottom() + std::round(margin * 0.4);
    const QFontMetricsF textFm(font(Role::Explanation));
    const QRectF bound = textFm.boundingRect(QRectF(margin, top, width, 10000), Qt::TextWordWrap, m_explanation);
    m_explanationRect = QRectF(margin, top, width, std::ceil(bound.height()));
    *y = m_explanationRect.bottom() + std::round(margin * 0.6);
}

bool LessonPage::layoutPanels(const QRectF& main, const QRectF& strip, bool leaveOut)
{
    m_panels.clear();
    m_stripLeftOut.clear();
    m_stripRect = QRectF();
    m_stripLabelRect = QRectF();
    m_stripLabel.clear();
    const int step = m_settings.step;
    const int query = m_settings.queryToken;

    const std::vector<PanelId> current = lessonPanelsForStep(m_config, step);
    const std::vector<BlockPanel> currentBlock =
        m_result->layer(m_settings.layer).block ? lessonBlockPanelsForStep(step) : std::vector<BlockPanel>{};
    // Three panels side by side need the narrow colour bars to keep their
    // cells large.
    const bool compactCurrent = current.size() + currentBlock.size() >= 3;
    // The specs are the main figure's, so a panel has the same title, colour
    // map and number format in the lesson.
    auto specFor = [&](PanelId id) {
        HeatmapSpec spec =
            figurePanelSpec(m_config, m_result, id, m_settings.layer, m_settings.head, m_settings.colorMap);
        spec.theme = m_settings.theme;
        spec.highlightedRows = {query};
        spec.highlightedColumns.clear();
        // The figure tunes cell shape and padding to pack a dozen panels; a
        // slide shows a few, large, with normal padding.
        spec.compact = compactCurrent;
        // Cells a little wider than tall when that lets the numbers print
        // (a slide's larger font needs it for two-digit scores).
        const QSizeF valueCell = heatmaplayout::valueCellSize(spec, font(Role::Panel));
        spec.cellAspect = std::clamp(valueCell.width() / std::max(1.0, valueCell.height() * 1.25), 1.0, 1.8);
        return spec;
    };

    // A block panel as the figure would draw it: tokens for rows, the signed
    // map (or the sequential one for probabilities), the numbers in the cells.
    auto blockSpecFor = [&](BlockPanel id) {
        const attn::LayerResult& layer = m_result->layer(m_settings.layer);
        HeatmapSpec spec;
        spec.theme = m_settings.theme;
        spec.matrix = blockMatrix(m_result, layer, id);
        const bool next = id == BlockPanel::NextProbabilities || id == BlockPanel::NextLogits;
        if (next) {
            for (const attn::AttentionResult::NextToken& token : m_result->nextTokens)
                spec.rowLabels << boundedFromUtf8(token.text);
        } else {
            spec.rowLabels = panelRowLabels(*m_result, PanelId::Embeddings);
            spec.highlightedRows = {query};
        }
        spec.title = QStringLiteral("%1  %2 \u00d7 %3")
                         .arg(blockPanelTitle(id))
                         .arg(spec.matrix->rows())
                         .arg(spec.matrix->cols());
        spec.formula = blockPanelFormula(id);
        spec.compact = compactCurrent || id == BlockPanel::MlpHidden;
        if (id == BlockPanel::NextProbabilities) {
            spec.colorMap = ColorMap::byName(m_settings.colorMap).value_or(ColorMap::viridis());
            spec.range = ValueRange{0.0, 1.0};
        } else {
            spec.colorMap = ColorMap::diverging();
        }
        // The 4 d_model hidden numbers are a pattern to look at, not to read.
        spec.showValues = id != BlockPanel::MlpHidden;
        if (next)
            spec.columnLabels = QStringList{blockPanelTitle(id)};
        const QSizeF valueCell = heatmaplayout::valueCellSize(spec, font(Role::Panel));
        spec.cellAspect = std::clamp(valueCell.width() / std::max(1.0, valueCell.height() * 1.25), 1.0, 1.8);
        // The hidden panel as wide as the others: its columns four times narrower.
        if (id == BlockPanel::MlpHidden)
            spec.cellAspect = 0.25;
        return spec;
    };

    std::vector<PanelId> earlier;
    for (int s = 2; s < step && step <= attentionStepCount; ++s) {
        for (PanelId id : lessonPanelsForStep(m_config, s)) {
            // The strip shows the stages the numbers went through; the
            // weights are not one of them.
            if (std::find(current.begin(), current.end(), id) == current.end() && !isWeightMatrix(id))
                earlier.push_back(id);
        }
    }

    for (PanelId id : current) {
        LessonPanel panel;
        panel.id = id;
        panel.spec = specFor(id);
        // Every projection names its token rows (thinned when they are small):
        // K or V beside its W_K or W_V has no Q beside it to read them from.
        if (panel.spec.matrix)
            m_panels.push_back(std::move(panel));
    }
    for (BlockPanel id : currentBlock) {
        LessonPanel panel;
        panel.block = id;
        panel.spec = blockSpecFor(id);
        if (panel.spec.matrix && panel.spec.matrix->size() > 0)
            m_panels.push_back(std::move(panel));
    }
    for (PanelId id : earlier) {
        LessonPanel panel;
        panel.id = id;
        panel.current = false;
        panel.spec = specFor(id);
        if (!panel.spec.matrix)
            continue;
        panel.spec.dim = kEarlierDim;
        panel.spec.showValues = false;
        panel.spec.compact = true;
        // Thumbnails name only their rows (the query token stands out);
        // column names would not fit.
        panel.spec.columnLabels = QStringList(panel.spec.matrix->cols(), QString());
        m_panels.push_back(std::move(panel));
    }

    // The current panels at the largest font whose numbers still print in
    // the cells, trying a few sizes (and on step 3 two arrangements); the
    // larger cells win a tie.
    const double mainGap = std::round(main.height() * 0.04);
    std::vector<LessonPanel*> currentPanels;
    for (LessonPanel& panel : m_panels) {
        if (panel.current)
            currentPanels.push_back(&panel);
    }
    // Step 3: the weights (first three) above the projections they make, or
    // all six in one row.
    const int tokens = static_cast<int>(m_result->tokens.size());
    std::vector<std::vector<std::vector<Slot>>> arrangements;
    {
        std::vector<Slot> all;
        std::vector<Slot> weights;
        std::vector<Slot> projections;
        for (LessonPanel* panel : currentPanels) {
            all.push_back(slotFor(*panel, tokens));
            all.back().panel = all.size() - 1;
            // Too many dimensions for numbers: a pattern, in the figure's
            // compact panel (its narrow colour bar leaves the grid more room).
            panel->spec.compact = panel->spec.compact || all.back().narrowColumns;
            (isWeightMatrix(panel->id) ? weights : projections).push_back(all.back());
        }
        arrangements.push_back({all});
        if (!weights.empty() && !projections.empty())
            arrangements.push_back({weights, projections});
        // Narrowed weights whose titles need more than a third of the row
        // each: every weight matrix beside the projection it makes.
        const bool narrowed = std::any_of(all.begin(), all.end(), [](const Slot& s) { return s.narrowColumns; });
        if (narrowed && weights.size() == projections.size()) {
            std::vector<std::vector<Slot>> pairs;
            for (std::size_t k = 0; k < weights.size(); ++k)
                pairs.push_back({weights[k], projections[k]});
            arrangements.push_back(pairs);
        }
        // The MLP's four panels also two above two.
        if (step == 10 && all.size() == 4)
            arrangements.push_back({{all[0], all[1]}, {all[2], all[3]}});
        // The block's panels carry long captions: beside a wide formula box
        // they may need two to a row, or one.
        if (!currentBlock.empty() && all.size() >= 2) {
            std::vector<std::vector<Slot>> pairs;
            std::vector<std::vector<Slot>> singles;
            for (std::size_t k = 0; k < all.size(); ++k) {
                if (k % 2 == 0)
                    pairs.emplace_back();
                pairs.back().push_back(all[k]);
                singles.push_back({all[k]});
            }
            if (all.size() > 2 && step != 10)
                arrangements.push_back(pairs);
            arrangements.push_back(singles);
        }
    }
    // K and V right of Q in one row, row for row, may read Q's token names
    // instead of their own when that gives their numbers more room; they
    // keep their own at any other arrangement, or when the room is the same.
    std::deque<HeatmapSpec> unlabelled; // stays where it is as it grows
    const std::size_t labelledCount = arrangements.size();
    for (std::size_t a = 0; a < labelledCount; ++a) {
        std::vector<std::vector<Slot>> rows = arrangements[a];
        bool changed = false;
        for (std::vector<Slot>& row : rows) {
            for (std::size_t k = 0; k < row.size(); ++k) {
                const PanelId id = currentPanels[row[k].panel]->id;
                const bool afterQ =
                    k > 0 && currentPanels[row[k - 1].panel]->id == (id == PanelId::K ? PanelId::Q : PanelId::K);
                if (step != 3 || !afterQ || (id != PanelId::K && id != PanelId::V))
                    continue;
                HeatmapSpec spec = *row[k].spec;
                spec.rowLabels = QStringList(spec.matrix->rows(), QString());
                unlabelled.push_back(std::move(spec));
                row[k].spec = &unlabelled.back();
                changed = true;
            }
        }
        if (changed)
            arrangements.push_back(std::move(rows));
    }
    Arranged best;
    double bestScore = -1.0;
    double bestPrinted = 0.0; // the smallest number's pixel size in `best`, 0 when one prints none
    auto choose = [&] {
        best = {};
        bestScore = -1.0;
        for (double factor : {1.0, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7}) {
            const QFont panelFont = font(Role::Panel, false, factor);
            for (std::size_t a = 0; a < arrangements.size(); ++a) {
                const auto& rows = arrangements[a];
                Arranged arranged = arrangeRows(rows, main, panelFont, mainGap);
                if (arranged.cell == 0.0 || arranged.layouts.size() != currentPanels.size())
                    continue;
                // The smallest printed number, or nothing when a panel prints none.
                double printed = std::numeric_limits<double>::infinity();
                for (std::size_t k = 0; k < arranged.layouts.size(); ++k) {
                    const HeatmapLayout& layout = arranged.layouts[k];
                    printed = std::min(printed, !arranged.specs[k].showValues ? 1000.0
                                                : layout.valuesVisible        ? double(layout.valueFont.pixelSize())
                                                                              : 0.0);
                }
                // The token rows' cell (the weights' many rows are shorter).
                // Unlabelled K and V win only by printing larger numbers.
                const double score = printed * 1000.0 + (a < labelledCount ? arranged.cell : -1.0);
                if (score > bestScore) {
                    bestScore = score;
                    bestPrinted = printed;
                    best = std::move(arranged);
                }
            }
            // The numbers print as large as the explanation: no smaller font
            // needed. Panels too wide for numbers (patterns only) take a
            // smaller one only for rows one can point at.
            const bool patterns = bestPrinted >= 1000.0;
            if (bestScore >= pixelSize(Role::Explanation) * 1000.0 && (!patterns || best.cell >= kMinPatternRow))
                break;
        }
    };
    choose();
    // Step 3 with a wide d_model: when Q, K and V are too narrow for their
    // numbers, their colour bars give way to them (the numbers say more
    // than a bar would); if that is not enough either, the bars stay.
    if (step == 3 && !best.layouts.empty() && bestPrinted == 0.0) {
        const Arranged withBars = best;
        const double withBarsScore = bestScore;
        for (LessonPanel* panel : currentPanels)
            panel->spec.showColorBar = isWeightMatrix(panel->id);
        for (HeatmapSpec& spec : unlabelled)
            spec.showColorBar = false; // only K and V are unlabelled
        choose();
        if (best.layouts.empty() || bestPrinted == 0.0) {
            for (LessonPanel* panel : currentPanels)
                panel->spec.showColorBar = true;
            for (HeatmapSpec& spec : unlabelled)
                spec.showColorBar = true;
            best = withBars;
            bestScore = withBarsScore;
            // The earlier steps under the formula leave less width: the
            // caller tries them in the bottom strip.
            if (!leaveOut)
                return false;
        }
    }
    // Narrowed matrices are patterns: their column numbers go before any
    // panel does, and their rows keep the band's height.
    if (best.layouts.empty()) {
        bool dropped = false;
        for (LessonPanel* panel : currentPanels) {
            if (slotFor(*panel, tokens).narrowColumns) {
                panel->spec.showColumnLabels = false;
                dropped = true;
            }
        }
        for (HeatmapSpec& spec : unlabelled)
            spec.showColumnLabels = spec.matrix->cols() <= kNarrowAxis;
        if (dropped)
            choose();
        if (best.layouts.empty()) {
            for (LessonPanel* panel : currentPanels)
                panel->spec.showColumnLabels = true;
            for (HeatmapSpec& spec : unlabelled)
                spec.showColumnLabels = true;
        }
    }
    m_crowded = best.layouts.empty();
    if (best.layouts.empty()) {
        // Nothing fits at any size (a narrow page with many tokens): step 3
        // leaves the weights out, and the rest share one row.
        std::erase_if(m_panels, [](const LessonPanel& panel) { return panel.current && isWeightMatrix(panel.id); });
        currentPanels.clear();
        std::vector<Slot> all;
        for (LessonPanel& panel : m_panels) {
            if (panel.current) {
                currentPanels.push_back(&panel);
                all.push_back(slotFor(panel, tokens));
            }
        }
        // Panels narrowed to fit at no size yet: their titles smaller.
        for (double factor : {0.7, 0.6, 0.5}) {
            best = arrangeRow(all, main, font(Role::Panel, false, factor), mainGap, true);
            if (best.cell > 0)
                break;
        }
    }
    for (std::size_t k = 0; k < best.layouts.size() && k < currentPanels.size(); ++k) {
        // arrangeRows keeps its slots' panels; arrangeRow lays them out in order.
        LessonPanel* panel = currentPanels[k < best.panels.size() ? best.panels[k] : k];
        panel->spec = best.specs[k];
        panel->layout = best.layouts[k];
    }
    if (!earlier.empty() && !strip.isEmpty()) {
        m_stripRect = strip;
        const QFontMetricsF fm(font(Role::StripLabel, true));
        m_stripLabelRect = QRectF(strip.left(), strip.top(), strip.width(), std::ceil(fm.height()));
        const QRectF area = strip.adjusted(0, m_stripLabelRect.height() + 4, 0, 0);
        const QFont stripFont = font(Role::Strip);
        const double stripGap = std::round(area.height() * 0.08);
        // The strip reads left to right like the lesson. When its panels do
        // not fit side by side, the oldest are left out and the heading says
        // which.
        std::vector<LessonPanel*> shown;
        for (LessonPanel& panel : m_panels) {
            if (!panel.current)
                shown.push_back(&panel);
        }
        // Thumbnails with cells well below the current panels' cells.
        const double maxStripCell =
            best.cell > 0 ? std::max(6.0, std::floor(best.cell * 0.6)) : std::numeric_limits<double>::infinity();
        while (!shown.empty()) {
            std::vector<Slot> row;
            for (const LessonPanel* panel : shown)
                row.push_back(slotFor(*panel, tokens));
            const Arranged arranged = arrangeRow(row, area, stripFont, stripGap, false, maxStripCell);
            bool fits = arranged.layouts.size() == shown.size() && arranged.cell > 0;
            for (const HeatmapLayout& layout : arranged.layouts)
                fits = fits && layout.target.right() <= area.right() + 0.5 &&
                       layout.target.bottom() <= area.bottom() + 0.5;
            if (fits || shown.size() == 1) {
                for (std::size_t k = 0; k < arranged.layouts.size(); ++k) {
                    shown[k]->spec = arranged.specs[k];
                    shown[k]->layout = arranged.layouts[k];
                }
                break;
            }
            if (!leaveOut)
                return false;
            m_stripLeftOut.push_back(shown.front()->id);
            shown.erase(shown.begin());
        }
        std::erase_if(m_panels, [&](const LessonPanel& panel) {
            return !panel.current && std::find(shown.begin(), shown.end(), &panel) == shown.end();
        });
        QString leftOut;
        if (!m_stripLeftOut.empty()) {
            QStringList names;
            for (PanelId id : m_stripLeftOut)
                names << attn::panelTitle(id);
            //: Panels of earlier steps left out of the strip: their names.
            leftOut = QStringLiteral(" \u00b7 ") + Lesson::tr("no room for %1").arg(names.join(QStringLiteral(", ")));
        }
        // The long heading where it fits, else the short one.
        m_stripLabel = Lesson::tr("Earlier steps, dimmed · the marked row is the query token") + leftOut;
        if (fm.horizontalAdvance(m_stripLabel) > m_stripLabelRect.width())
            m_stripLabel = Lesson::tr("Earlier steps, dimmed") + leftOut;
    }
    return true;
}

void LessonPage::layoutTokens(const QRectF& area)
{
    const attn::AttentionResult& result = *m_result;
    const QFontMetricsF fm(font(Role::Token, true));
    const QFontMetricsF labelFm(font(Role::TokenLabel));
    const QFontMetricsF headingFm(font(Role::TokenLabel, true));
    const double padX = std::round(fm.height() * 0.4);
    const double boxHeight = std::ceil(fm.height() * 1.6);
    const double gap = std::round(fm.height() * 0.35);
    const double labelHeight = std::ceil(labelFm.height() * 1.2);

    // Row headings in a column of their own, so the lines between the rows
    // never cross them.
    m_tokenHeadingWidth = std::ceil(std::max({headingFm.horizontalAdvance(Lesson::tr("Vocabulary")),
                                              headingFm.horizontalAdvance(Lesson::tr("Tokens")),
                                              labelFm.horizontalAdvance(Lesson::tr("position → entry"))})) +
                          gap * 2;
    const QRectF boxes = area.adjusted(m_tokenHeadingWidth, 0, 0, 0);
    m_tokenArea = area;

    // Rows of boxes that wrap within the area; boxes that do not fit are left
    // out (the formula gives the counts).
    auto flow = [&](const std::vector<QString>& texts, const std::vector<QString>& labels, double top, double maxBottom,
                    std::vector<QRectF>* rects) {
        double x = boxes.left();
        double y = top;
        for (std::size_t k = 0; k < texts.size(); ++k) {
            const double w = std::ceil(
                std::max(fm.horizontalAdvance(texts[k]) + 2 * padX, labelFm.horizontalAdvance(labels[k]) + padX));
            if (x > boxes.left() && x + w > boxes.right()) {
                x = boxes.left();
                y += boxHeight + labelHeight + gap;
            }
            if (y + boxHeight + labelHeight > maxBottom)
                break;
            rects->push_back(QRectF(x, y, std::min(w, boxes.width()), boxHeight));
            x += w + gap;
        }
        return rects->empty() ? top : rects->back().bottom() + labelHeight;
    };

    std::vector<QString> tokens;
    std::vector<QString> tokenLabels;
    for (std::size_t t = 0; t < result.tokens.size(); ++t) {
        tokens.push_back(boundedFromUtf8(result.tokens[t]));
        tokenLabels.push_back(QStringLiteral("%1 \u2192 %2").arg(t).arg(result.vocabulary.tokenWord[t]));
    }
    std::vector<QString> words;
    std::vector<QString> wordLabels;
    for (std::size_t w = 0; w < result.vocabulary.words.size(); ++w) {
        words.push_back(boundedFromUtf8(result.vocabulary.words[w]));
        wordLabels.push_back(QString::number(w));
    }

    std::vector<QRectF> tokenRects;
    std::vector<QRectF> wordRects;
    const double tokenTop = area.top() + gap;
    const double tokenBottom = flow(tokens, tokenLabels, tokenTop, area.top() + area.height() * 0.55, &tokenRects);
    const double wordTop = tokenBottom + std::max(gap * 3, std::min(area.height() * 0.22, 140.0));
    flow(words, wordLabels, wordTop, area.bottom(), &wordRects);

    // The two rows sit in the middle of the area, not at its top.
    const double blockBottom = (wordRects.empty() ? tokenBottom : wordRects.back().bottom() + labelHeight) + gap;
    const double shift = std::max(0.0, std::round((area.bottom() - blockBottom) / 2));
    for (QRectF& r : tokenRects)
        r.translate(0, shift);
    for (QRectF& r : wordRects)
        r.translate(0, shift);

    for (std::size_t t = 0; t < tokenRects.size(); ++t)
        m_tokenBoxes.push_back({static_cast<int>(t), result.vocabulary.tokenWord[t], tokenRects[t]});
    for (std::size_t w = 0; w < wordRects.size(); ++w)
        m_tokenBoxes.push_back({-1, static_cast<int>(w), wordRects[w]});
}

std::optional<int> LessonPage::tokenAt(QPointF pos) const
{
    if (isEmpty())
        return std::nullopt;
    for (const LessonTokenBox& box : m_tokenBoxes) {
        if (box.token >= 0 && box.rect.contains(pos))
            return box.token;
    }
    for (const LessonPanel& panel : m_panels) {
        if (!panel.layout.target.contains(pos))
            continue;
        if (const auto row = panel.layout.rowLabelAt(pos))
            return *row;
        // A column label of a token × token panel names a token too.
        if (const auto column = panel.layout.columnLabelAt(pos);
            column && panel.spec.columnLabels.size() == static_cast<qsizetype>(m_result->tokens.size()) &&
            !panel.spec.columnLabels.value(*column).isEmpty())
            return *column;
    }
    return std::nullopt;
}

void LessonPage::paint(QPainter* painter) const
{
    const Theme theme = themeFor(m_settings.presentation, m_settings.theme);
    painter->save();
    painter->fillRect(QRectF(QPointF(0, 0), m_size), theme.page);
    if (isEmpty()) {
        painter->setPen(theme.muted);
        painter->setFont(font(Role::Explanation));
        painter->drawText(QRectF(QPointF(0, 0), m_size), Qt::AlignCenter,
                          Lesson::tr("Nothing to show yet: type a sentence."));
        painter->restore();
        return;
    }
    paintHeader(painter);
    if (m_settings.step == 1)
        paintTokens(painter);
    for (const LessonPanel& panel : m_panels)
        heatmappainter::paint(painter, panel.layout, panel.spec);
    if (!m_stripLabelRect.isEmpty()) {
        painter->setFont(font(Role::StripLabel, true));
        painter->setPen(theme.muted);
        painter->drawText(
            m_stripLabelRect, Qt::AlignLeft | Qt::AlignVCenter,
            QFontMetricsF(painter->font()).elidedText(m_stripLabel, Qt::ElideRight, m_stripLabelRect.width()));
    }
    paintFormula(painter);
    painter->restore();
}

void LessonPage::paintHeader(QPainter* painter) const
{
    const Theme theme = themeFor(m_settings.presentation, m_settings.theme);
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setRenderHint(QPainter::TextAntialiasing, true);

    painter->setFont(font(Role::Title, true, m_titleFactor));
    painter->setPen(theme.text);
    painter->drawText(m_titleRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetricsF(painter->font()).elidedText(m_title, Qt::ElideRight, m_titleRect.width()));

    painter->setFont(font(Role::Subtitle));
    painter->setPen(theme.muted);
    painter->drawText(m_subtitleRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetricsF(painter->font()).elidedText(m_subtitle, Qt::ElideRight, m_subtitleRect.width()));

    painter->setFont(font(Role::Explanation));
    painter->setPen(theme.text);
    painter->drawText(m_explanationRect, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, m_explanation);

    // Progress: one numbered dot per step; done steps filled, the current
    // one in the accent colour, the rest outlined.
    const double dot = m_progressRect.height();
    const double spacing = m_stepCount > 1 ? (m_progressRect.width() - dot) / (m_stepCount - 1) : 0.0;
    QFont numberFont = font(Role::Title, true);
    numberFont.setPixelSize(std::max(1, static_cast<int>(dot * 0.55)));
    painter->setFont(numberFont);
    const double inset = theme.stroke / 2;
    for (int s = 1; s <= m_stepCount; ++s) {
        const QRectF r(m_progressRect.left() + (s - 1) * spacing, m_progressRect.top(), dot, dot);
        if (s == m_settings.step) {
            painter->setPen(Qt::NoPen);
            painter->setBrush(QBrush(theme.accent));
            painter->drawEllipse(r);
            painter->setPen(theme.accentText);
        } else if (s < m_settings.step) {
            painter->setPen(QPen(theme.muted, theme.stroke));
            painter->setBrush(QBrush(theme.muted));
            painter->drawEllipse(r.adjusted(inset, inset, -inset, -inset));
            painter->setPen(theme.page);
        } else {
            painter->setPen(QPen(theme.muted, theme.stroke));
            painter->setBrush(Qt::NoBrush);
            painter->drawEllipse(r.adjusted(inset, inset, -inset, -inset));
            painter->setPen(theme.muted);
        }
        painter->drawText(r, Qt::AlignCenter, QString::number(s));
    }
}

void LessonPage::layoutFormula()
{
    m_formulaLayout.clear();
    const double pad = std::round(m_size.height() * 0.02);
    const QRectF inner = m_formulaRect.adjusted(pad, pad, -pad, -pad);
    const double lineHeight = m_formulaLineHeight;
    const int total = static_cast<int>(m_formula.size());
    double y = inner.top();
    auto addLine = [&](int k) {
        LessonFormulaLine line;
        line.line = k;
        line.general = k == 0;
        line.font = font(Role::Formula, k == 0, m_formulaFactors[static_cast<std::size_t>(k)]);
        line.text = fitFormulaLine(m_formula[k], QFontMetricsF(line.font), inner.width());
        line.rect = QRectF(inner.left(), y, inner.width(), lineHeight);
        m_formulaLayout.push_back(line);
        y += lineHeight;
        if (k == 0)
            y += std::round(lineHeight * 0.3); // room for the rule under the general form
    };
    for (int k = 0; k < m_formulaHead && k < total; ++k)
        addLine(k);
    const int omitted = total - m_formulaHead - m_formulaTail;
    if (omitted > 0) {
        LessonFormulaLine note;
        note.font = font(Role::Formula, false, m_formulaCommon);
        note.text = kEllipsis + QLatin1Char(' ') + Lesson::tr("%n more lines", nullptr, omitted);
        note.rect = QRectF(inner.left(), y, inner.width(), lineHeight);
        m_formulaLayout.push_back(note);
        y += lineHeight;
    }
    for (int k = std::max(m_formulaHead, total - m_formulaTail); k < total; ++k)
        addLine(k);
}

void LessonPage::paintFormula(QPainter* painter) const
{
    const Theme theme = themeFor(m_settings.presentation, m_settings.theme);
    if (m_formulaRect.isEmpty())
        return;
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setPen(QPen(theme.boxBorder, theme.stroke));
    painter->setBrush(QBrush(theme.box));
    const double radius = std::round(m_size.height() * 0.012);
    painter->drawRoundedRect(m_formulaRect.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);

    for (const LessonFormulaLine& line : m_formulaLayout) {
        painter->setFont(line.font);
        painter->setPen(line.general ? theme.accentHeading : line.line < 0 ? theme.muted : theme.text);
        painter->drawText(line.rect, Qt::AlignLeft | Qt::AlignVCenter, line.text);
        if (line.general) {
            // A rule under the general form separates it from the numbers.
            painter->setPen(QPen(theme.boxBorder, 1.0));
            const double y = line.rect.bottom() + 2;
            painter->drawLine(QPointF(line.rect.left(), y), QPointF(line.rect.right(), y));
        }
    }
}

void LessonPage::paintTokens(QPainter* painter) const
{
    const Theme theme = themeFor(m_settings.presentation, m_settings.theme);
    const attn::AttentionResult& result = *m_result;
    const int query = m_settings.queryToken;
    const int queryWord = result.vocabulary.tokenWord[static_cast<std::size_t>(query)];
    const QFont boxFont = font(Role::Token, true);
    const QFont small = font(Role::TokenLabel);
    const QFontMetricsF smallFm(small);
    painter->setRenderHint(QPainter::Antialiasing, true);

    const LessonTokenBox* firstToken = nullptr;
    std::vector<const LessonTokenBox*> wordBoxes;
    for (const LessonTokenBox& box : m_tokenBoxes) {
        if (box.token >= 0 && !firstToken)
            firstToken = &box;
        if (box.token < 0)
            wordBoxes.push_back(&box);
    }
    auto heading = [&](const QRectF& row, const QString& title, const QString& note) {
        const QRectF r(m_tokenArea.left(), row.top(), m_tokenHeadingWidth, row.height());
        painter->setFont(font(Role::TokenLabel, true));
        painter->setPen(theme.text);
        painter->drawText(r, Qt::AlignLeft | Qt::AlignVCenter, title);
        painter->setFont(small);
        painter->setPen(theme.muted);
        painter->drawText(QRectF(r.left(), r.bottom() + 2, r.width(), smallFm.height()), Qt::AlignLeft | Qt::AlignTop,
                          note);
    };
    if (firstToken)
        heading(firstToken->rect, Lesson::tr("Tokens"), Lesson::tr("position → entry"));
    if (!wordBoxes.empty())
        //: The number of a word's entry in the vocabulary.
        heading(wordBoxes.front()->rect, Lesson::tr("Vocabulary"), Lesson::tr("entry"));

    // Lines from each token to its vocabulary entry, under the boxes; the
    // query's line last, so it is drawn on top.
    auto link = [&](const LessonTokenBox& box) {
        if (box.word < 0 || static_cast<std::size_t>(box.word) >= wordBoxes.size())
            return;
        const QRectF& target = wordBoxes[static_cast<std::size_t>(box.word)]->rect;
        const QPointF from(box.rect.center().x(), box.rect.bottom() + smallFm.height() + 4);
        const QPointF to(target.center().x(), target.top() - 2);
        if (to.y() > from.y())
            painter->drawLine(from, to);
    };
    painter->setPen(QPen(theme.boxBorder, theme.stroke));
    for (const LessonTokenBox& box : m_tokenBoxes) {
        if (box.token >= 0 && box.token != query)
            link(box);
    }
    painter->setPen(QPen(theme.accent, theme.stroke * 2.5));
    for (const LessonTokenBox& box : m_tokenBoxes) {
        if (box.token == query)
            link(box);
    }

    for (const LessonTokenBox& box : m_tokenBoxes) {
        const bool isToken = box.token >= 0;
        const bool highlighted = isToken ? box.token == query : box.word == queryWord;
        const QString text = boundedFromUtf8(isToken ? result.tokens[static_cast<std::size_t>(box.token)]
                                                     : result.vocabulary.words[static_cast<std::size_t>(box.word)]);
        painter->setPen(
            QPen(highlighted ? theme.accent : theme.boxBorder, highlighted ? theme.stroke * 2.5 : theme.stroke));
        painter->setBrush(QBrush(highlighted && isToken ? theme.accent : theme.box));
        painter->drawRoundedRect(box.rect, 6, 6);
        painter->setFont(boxFont);
        painter->setPen(highlighted && isToken ? theme.accentText : theme.text);
        painter->drawText(box.rect, Qt::AlignCenter,
                          QFontMetricsF(boxFont).elidedText(text, Qt::ElideRight, box.rect.width() - 8));
        painter->setFont(small);
        painter->setPen(highlighted ? theme.accentHeading : theme.muted);
        const QRectF label(box.rect.left() - 20, box.rect.bottom() + 3, box.rect.width() + 40, smallFm.height());
        painter->drawText(label, Qt::AlignHCenter | Qt::AlignTop,
                          isToken ? QStringLiteral("%1 \u2192 %2").arg(box.token).arg(box.word)
                                  : QString::number(box.word));
    }
    const int shownTokens = static_cast<int>(m_tokenBoxes.size() - wordBoxes.size());
    const int shownWords = static_cast<int>(wordBoxes.size());
    if (shownTokens < static_cast<int>(result.tokens.size()) ||
        shownWords < static_cast<int>(result.vocabulary.words.size())) {
        painter->setFont(small);
        painter->setPen(theme.muted);
        painter->drawText(m_tokenArea, Qt::AlignRight | Qt::AlignBottom,
                          Lesson::tr("showing %1 of %2 tokens, %3 of %4 words")
                              .arg(shownTokens)
                              .arg(result.tokens.size())
                              .arg(shownWords)
                              .arg(result.vocabulary.words.size()));
    }
}
