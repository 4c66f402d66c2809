// A small configuration with a hostile sentence (invalid UTF-8, controls,
// XML and CSV specials, formula starters), computed, then written out:
//   - the figure as SVG parses as XML (valid UTF-8, no character XML
//     forbids, no DTD, no script, no event handler), its title reads back as
//     the figure's title, and short plain tokens read back from its text;
//   - every panel as CSV reads back with a strict RFC 4180 reader: one record
//     per matrix row plus the header, one field per column plus the label,
//     every number the same double bit for bit, -inf exactly where a cell is
//     masked, and each label as written, with a ' before a label a
//     spreadsheet would run as a formula and nowhere else.
// With a flag the tokens are replaced by parts of the sentence cut at 0x1f,
// so labels also hold what a sentence cannot: tabs, line breaks and CRs.

#include "core/attention.h"
#include "core/panels.h"
#include "core/tokenizer.h"
#include "fuzz/fuzzdata.h"
#include "tests/csvreader.h"
#include "ui/render/colormap.h"
#include "ui/render/figure.h"
#include "ui/render/figureexport.h"

#include <QGuiApplication>
#include <QXmlStreamReader>

#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <memory>
#include <string>
#include <vector>

using attn::PanelId;

namespace {

constexpr std::size_t kMaxTokens = 12;
constexpr std::size_t kMaxSentenceBytes = 200;

// ^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$, spelled out: the
// labels a spreadsheet reads as a plain number, which need no '.
bool plainNumber(const QString& s)
{
    qsizetype i = 0;
    const qsizetype n = s.size();
    auto digits = [&] {
        const qsizetype start = i;
        while (i < n && s[i] >= QLatin1Char('0') && s[i] <= QLatin1Char('9'))
            ++i;
        return i - start;
    };
    if (i < n && (s[i] == QLatin1Char('+') || s[i] == QLatin1Char('-')))
        ++i;
    const qsizetype before = digits();
    qsizetype after = 0;
    if (i < n && s[i] == QLatin1Char('.')) {
        ++i;
        after = digits();
    }
    if (before == 0 && after == 0)
        return false;
    if (i < n && (s[i] == QLatin1Char('e') || s[i] == QLatin1Char('E'))) {
        ++i;
        if (i < n && (s[i] == QLatin1Char('+') || s[i] == QLatin1Char('-')))
            ++i;
        if (digits() == 0)
            return false;
    }
    return i == n;
}

// The cell a label must become: a spreadsheet must show it, not run it.
QString expectedLabel(const QString& label)
{
    static const QString formulaStarts = QStringLiteral("=+-@\t\r'\uff1d\uff0b\uff0d\uff20");
    const bool risky = !label.isEmpty() && formulaStarts.contains(label.front()) && !plainNumber(label);
    return risky ? QLatin1Char('\'') + label : label;
}

void checkLabel(const QString& cell, const QStringList& names, qsizetype index)
{
    FUZZ_CHECK(cell == (index < names.size() ? expectedLabel(names[index]) : QString::number(index)));
}

void checkNumber(const QString& cell, double value, bool maskable)
{
    if (cell == QLatin1String("-inf")) {
        FUZZ_CHECK(maskable && value == -std::numeric_limits<double>::infinity());
        return;
    }
    // Results are finite but for masked cells.
    const std::string text = cell.toStdString();
    double parsed = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), parsed);
    FUZZ_CHECK(ec == std::errc() && end == text.data() + text.size());
    FUZZ_CHECK(std::memcmp(&parsed, &value, sizeof parsed) == 0);
}

void checkCsv(const attn::AttentionConfig& config, const attn::AttentionResult& result, PanelId id, int head)
{
    const QByteArray csv = panelCsv(result, id, 0, head);
    const QString text = QString::fromUtf8(csv);
    FUZZ_CHECK(text.toUtf8() == csv);
    const auto table = testutil::readCsv(text);
    FUZZ_CHECK(table.has_value());
    const attn::Matrix& m = panelMatrix(result, id, 0, head);
    FUZZ_CHECK(table->size() == m.rows() + 1);
    for (const QStringList& record : *table)
        FUZZ_CHECK(record.size() == m.cols() + 1);
    const QStringList rowNames = panelRowLabels(result, id);
    const QStringList columnNames = panelColumnLabels(result, id);
    const QStringList& header = table->front();
    FUZZ_CHECK(header[0] == (!columnNames.isEmpty() ? QStringLiteral("query \\ key")
                             : rowNames.isEmpty()   ? QStringLiteral("row")
                                                    : QStringLiteral("token")));
    for (Eigen::Index c = 0; c < m.cols(); ++c)
        checkLabel(header[c + 1], columnNames, c);
    const bool maskable = id == PanelId::ScaledScores && config.causal;
    for (Eigen::Index r = 0; r < m.rows(); ++r) {
        const QStringList& record = table->at(r + 1);
        checkLabel(record[0], rowNames, r);
        for (Eigen::Index c = 0; c < m.cols(); ++c)
            checkNumber(record[c + 1], m(r, c), maskable);
    }
}

// What a reader of the XML sees for text the writer was given: the code
// points XML 1.0 forbids become U+FFFD.
QString xmlVisible(QString text)
{
    for (QChar& ch : text) {
        const char16_t u = ch.unicode();
        if ((u < 0x20 && u != u'\t' && u != u'\n' && u != u'\r') || u == 0xfffe || u == 0xffff)
            ch = QChar::ReplacementCharacter;
    }
    return text;
}

// Short printable ASCII tokens are drawn whole (never elided or split
// into runs of different fonts), so their text must be in the SVG.
bool findable(const QString& token)
{
    if (token.isEmpty() || token.size() > 4)
        return false;
    for (QChar ch : token) {
        if (ch.unicode() < 0x21 || ch.unicode() > 0x7e)
            return false;
    }
    return true;
}

void checkSvg(const Figure& figure, const QStringList& tokens, bool tokensShown)
{
    const QByteArray svg = renderFigureSvg(figure);
    FUZZ_CHECK(QString::fromUtf8(svg).toUtf8() == svg);
    for (qsizetype i = 0; i < svg.size(); ++i) {
        const auto byte = static_cast<unsigned char>(svg[i]);
        FUZZ_CHECK(byte >= 0x20 || byte == '\t' || byte == '\n' || byte == '\r');
        if (byte == 0xef && i + 2 < svg.size() && static_cast<unsigned char>(svg[i + 1]) == 0xbf)
            FUZZ_CHECK(static_cast<unsigned char>(svg[i + 2]) < 0xbe); // U+FFFE, U+FFFF
    }

    QXmlStreamReader xml(svg);
    int depth = 0;
    bool sawRoot = false;
    bool inText = false;
    bool inTitle = false;
    QString title;
    QString drawn;
    while (!xml.atEnd()) {
        switch (xml.readNext()) {
        case QXmlStreamReader::StartElement: {
            const QString name = xml.name().toString().toLower();
            if (depth == 0) {
                FUZZ_CHECK(name == QLatin1String("svg"));
                sawRoot = true;
            }
            ++depth;
            FUZZ_CHECK(name != QLatin1String("script") && name != QLatin1String("foreignobject"));
            for (const QXmlStreamAttribute& attribute : xml.attributes()) {
                FUZZ_CHECK(!attribute.name().startsWith(QLatin1String("on"), Qt::CaseInsensitive));
                FUZZ_CHECK(!attribute.value().trimmed().startsWith(QLatin1String("javascript:"), Qt::CaseInsensitive));
            }
            inText = name == QLatin1String("text");
            inTitle = name == QLatin1String("title") && depth == 2;
            break;
        }
        case QXmlStreamReader::EndElement:
            --depth;
            inText = inTitle = false;
            break;
        case QXmlStreamReader::Characters:
            if (inText)
                drawn += xml.text();
            if (inTitle)
                title += xml.text();
            break;
        case QXmlStreamReader::DTD:
        case QXmlStreamReader::EntityReference:
        case QXmlStreamReader::ProcessingInstruction:
            std::abort();
        default:
            break;
        }
    }
    FUZZ_CHECK(!xml.hasError() && sawRoot && depth == 0);
    FUZZ_CHECK(title == xmlVisible(figure.title()));
    if (tokensShown) {
        for (const QString& token : tokens) {
            if (findable(token))
                FUZZ_CHECK(drawn.contains(token));
        }
    }
}

std::vector<std::string> splitAt(const std::string& text, char separator)
{
    std::vector<std::string> parts(1);
    for (char ch : text) {
        if (ch == separator)
            parts.emplace_back();
        else
            parts.back() += ch;
    }
    return parts;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    fuzzdata::ensureGuiApplication();
    fuzzdata::Reader in(data, size);

    const std::uint8_t flags = in.byte();
    attn::AttentionConfig config;
    config.causal = (flags & 1) != 0;
    config.scaled = (flags & 2) != 0;
    config.positional = (flags & 4) != 0;
    config.dModel = in.intIn(1, 8);
    std::vector<int> divisors;
    for (int h = 1; h <= config.dModel; ++h) {
        if (config.dModel % h == 0)
            divisors.push_back(h);
    }
    config.heads = divisors[in.byte() % divisors.size()];
    config.init =
        std::array{attn::WeightInit::RandInt, attn::WeightInit::Uniform, attn::WeightInit::Normal}[in.byte() % 3];
    const std::uint8_t temperature = in.byte();
    config.temperature = temperature < 240 ? std::array{1.0, 0.5, 2.0, 0.1, 10.0, 1e-3}[temperature % 6] : in.value();
    config.weightSeed = in.u32();
    config.embeddingSeed = in.u32();

    FigureSettings settings;
    const QStringList maps = ColorMap::sequentialNames();
    settings.colorMap = maps[in.byte() % maps.size()];
    settings.head = in.intIn(0, config.heads - 1);
    settings.allHeads = (flags & 8) != 0;
    const auto panels = attn::panelCatalogue();
    if (const std::size_t panel = in.byte() % 16; panel < panels.size())
        settings.panel = panels[panel].id;
    if (const int query = in.intIn(-1, 13); query >= 0)
        settings.query = query;
    if (const int key = in.intIn(-1, 13); key >= 0)
        settings.key = key;
    settings.fitTo = std::array{QSizeF(1280, 720), QSizeF(400, 300), QSizeF(1, 1), QSizeF(3000, 200)}[in.byte() % 4];

    std::vector<double> embedding;
    if ((flags & 16) != 0) {
        for (int i = 0; i < config.dModel; ++i)
            embedding.push_back(in.value());
    }
    if ((flags & 32) != 0) {
        attn::Matrix w(config.dModel, config.dModel);
        for (Eigen::Index i = 0; i < w.size(); ++i)
            w.data()[i] = in.value();
        config.wQuery = w;
    }
    const std::string rest(reinterpret_cast<const char*>(data) + (size - in.remaining()), in.remaining());
    config.sentence = rest.substr(0, kMaxSentenceBytes);
    const std::vector<std::string> tokens = attn::splitTokens(config.sentence);
    if (tokens.empty() || tokens.size() > kMaxTokens)
        return 0;
    if (!embedding.empty())
        config.explicitEmbeddings[tokens.front()] = embedding;

    auto result = std::make_shared<attn::AttentionResult>();
    try {
        *result = attn::computeAttention(config);
    } catch (const attn::AttentionError&) {
        return 0; // refused with a message: nothing to write
    }
    FUZZ_CHECK(result->tokens == tokens);
    if ((flags & 64) != 0) {
        // Labels no sentence can give.
        const std::vector<std::string> parts = splitAt(config.sentence, '\x1f');
        for (std::size_t i = 0; i < result->tokens.size() && i < parts.size(); ++i)
            result->tokens[i] = parts[i];
    }

    const int heads = result->headCount();
    for (const attn::PanelInfo& panel : attn::panelCatalogue()) {
        if (!panelAvailable(config, panel.id))
            continue;
        checkCsv(config, *result, panel.id, 0);
        if (panel.perHead && heads > 1)
            checkCsv(config, *result, panel.id, heads - 1);
    }

    const Figure figure(config, result, settings);
    // Empty only for a panel this figure does not have: X without positional
    // encoding, or the scores when every head's weights are shown instead.
    const bool panelShown =
        !settings.panel ||
        (panelAvailable(config, *settings.panel) &&
         !(settings.allHeads && (*settings.panel == PanelId::Scores || *settings.panel == PanelId::ScaledScores)));
    FUZZ_CHECK(figure.isEmpty() != panelShown);
    if (figure.isEmpty())
        return 0;
    const bool tokensShown =
        !settings.panel ||
        (*settings.panel != PanelId::WQuery && *settings.panel != PanelId::WKey && *settings.panel != PanelId::WValue);
    checkSvg(figure, panelRowLabels(*result, PanelId::Embeddings), tokensShown);
    return 0;
}
