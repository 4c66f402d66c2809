#include "attention.h"

#include "core/memory.h"
#include "core/numpyrandom.h"
#include "core/parallel.h"
#include "core/products.h"
#include "core/softmaxkernel.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <limits>
#include <new>
#include <thread>
#include <type_traits>

#if defined(__unix__)
#include <unistd.h>
#endif

namespace attn {

namespace {

// The sentences of this file, translated in the context "AttentionError".
template <typename... Args> Message said(const char* text, Args&&... args)
{
    return makeMessage("AttentionError", text, std::forward<Args>(args)...);
}

// `sentence`: the whole sentence for this seed, with %1 for its value.
void checkSeed(std::int64_t seed, const char* sentence)
{
    if (seed < 0 || seed > Limits::maxSeed)
        throw AttentionError(AttentionError::Kind::Seed, said(sentence, seed));
}

void checkWeights(const std::optional<Matrix>& w, int d, const char* name)
{
    if (w && (w->rows() != d || w->cols() != d))
        throw AttentionError(AttentionError::Kind::Weights,
                             said(QT_TRANSLATE_NOOP("AttentionError", "%1 is %2 x %3, but d_model %4 needs %4 x %4."),
                                  name, w->rows(), w->cols(), d));
    if (w && !w->allFinite())
        throw AttentionError(
            AttentionError::Kind::Weights,
            said(QT_TRANSLATE_NOOP("AttentionError", "%1 holds an infinite or undefined number."), name));
}

Matrix drawWeights(NumpyRandom& rng, WeightInit init, int d)
{
    Matrix w(d, d);
    if (init == WeightInit::Normal) {
        // np.random.randn(d, d) / sqrt(d): the same draws, element by element.
        rng.fillRandn(w.data(), static_cast<std::size_t>(w.size()));
        w /= std::sqrt(static_cast<double>(d));
        return w;
    }
    for (int r = 0; r < d; ++r) {
        for (int c = 0; c < d; ++c)
            w(r, c) = init == WeightInit::RandInt ? static_cast<double>(rng.randint(0, 3)) : rng.rand();
    }
    return w;
}

void checkCancel(const std::atomic<bool>* cancel)
{
    if (cancel && cancel->load(std::memory_order_relaxed))
        throw Cancelled();
}

// `sentence`: the whole sentence for the stage that overflowed.
AttentionError overflowError(const char* sentence)
{
    return AttentionError(AttentionError::Kind::Overflow, said(sentence));
}

// Row r of the scaled scores (÷ sqrt(d_k), ÷ temperature, masked) and, with
// weights, of the weights, while the row is in cache, on the widest vectors
// the processor has (core/softmaxkernel.h). The divisions are done one after the
// other, as NumPy does them, so the rounding is the same. An infinite or NaN
// score or scaled score is refused rather than passed on: a softmax of it
// would be NaN, shown as a number or mistaken for a masked cell.
void scaleRow(const double* scores, double* scaled, double* weights, Eigen::Index n, int r,
              const AttentionConfig& config, double sqrtDk)
{
    const Eigen::Index visible = config.causal ? std::min<Eigen::Index>(r + 1, n) : n;
    const softmax::RowScale scale{config.scaled, sqrtDk, config.temperature};
    const softmax::RowStatus status = weights ? softmax::scaleSoftmaxRow(scores, scaled, weights, n, visible, scale)
                                              : softmax::scaleRow(scores, scaled, n, visible, scale);
    if (status == softmax::RowStatus::ScoresNotFinite)
        throw overflowError(QT_TRANSLATE_NOOP("AttentionError",
                                              "The scores (dot products of queries and keys) exceed float64's range "
                                              "(about 1.8e308), so attention cannot be computed: use smaller "
                                              "embeddings or weights."));
    if (status == softmax::RowStatus::ScaledNotFinite) {
        char temperature[32];
        std::snprintf(temperature, sizeof temperature, "%g", config.temperature);
        throw AttentionError(
            AttentionError::Kind::Temperature,
            said(QT_TRANSLATE_NOOP("AttentionError", "At temperature %1 the scaled scores exceed float64's range "
                                                     "(about 1.8e308): use a larger temperature."),
                 temperature));
    }
}

// Row r of the scaled scores from row r of the scores.
template <typename ScoresRow, typename ScaledRow>
void scaleRow(const ScoresRow& scores, ScaledRow&& scaled, int r, const AttentionConfig& config, double sqrtDk)
{
    static_assert(std::decay_t<ScoresRow>::InnerStrideAtCompileTime == 1 &&
                  std::decay_t<ScaledRow>::InnerStrideAtCompileTime == 1);
    scaleRow(scores.data(), scaled.data(), nullptr, scores.cols(), r, config, sqrtDk);
}

void scaleAndSoftmaxRow(const Matrix& scores, Matrix& scaledScores, Matrix& weightsOut, int r,
                        const AttentionConfig& config, double sqrtDk)
{
    scaleRow(scores.row(r).data(), scaledScores.row(r).data(), weightsOut.row(r).data(), scores.cols(), r, config,
             sqrtDk);
}

std::string gigabytes(std::uint64_t bytes)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.1f GB", static_cast<double>(bytes) / 1e9);
    return text;
}

// Small inputs stay on the calling thread: starting threads would cost more
// than the work. 0: one thread per core.
int threadsFor(int n, int d)
{
    return static_cast<double>(n) * n * d >= 1 << 20 ? 0 : 1;
}

// The rows of a matrix that are equal, bit for bit. Repeated words of the
// article's model have the same embedding, hence the same query, key and
// value rows, the same scores and weights rows and the same output rows: the
// engine computes each distinct row once and copies it to the others. When
// more than half the rows are distinct, every row is its own group: sharing
// would save little and its scratch (a row per group) would outgrow a block.
struct RowGroups
{
    std::vector<int> groupOf; // per row, its group
    std::vector<int> first;   // per group, its first row

    bool allDistinct() const { return first.size() == groupOf.size(); }
    int count() const { return static_cast<int>(first.size()); }
};

RowGroups groupEqualRows(const Matrix& m)
{
    const Eigen::Index n = m.rows();
    const std::size_t bytes = static_cast<std::size_t>(m.cols()) * sizeof(double);
    RowGroups groups;
    groups.groupOf.resize(static_cast<std::size_t>(n));
    // Open addressing on a hash of the row's bytes; a hit is checked whole.
    std::size_t slots = 16;
    while (slots < 2 * static_cast<std::size_t>(n))
        slots *= 2;
    std::vector<int> table(slots, -1);
    for (Eigen::Index r = 0; r < n; ++r) {
        const double* row = m.row(r).data();
        std::uint64_t hash = 0x9e3779b97f4a7c15ULL;
        for (Eigen::Index c = 0; c < m.cols(); ++c) {
            std::uint64_t bits;
            std::memcpy(&bits, row + c, sizeof bits);
            hash = (hash ^ bits) * 0xff51afd7ed558ccdULL;
            hash ^= hash >> 29;
        }
        std::size_t slot = static_cast<std::size_t>(hash) & (slots - 1);
        for (;; slot = (slot + 1) & (slots - 1)) {
            const int g = table[slot];
            if (g < 0) {
                table[slot] = groups.count();
                groups.groupOf[static_cast<std::size_t>(r)] = groups.count();
                groups.first.push_back(static_cast<int>(r));
                break;
            }
            if (std::memcmp(m.row(groups.first[static_cast<std::size_t>(g)]).data(), row, bytes) == 0) {
                groups.groupOf[static_cast<std::size_t>(r)] = g;
                break;
            }
        }
    }
    if (2 * groups.first.size() > groups.groupOf.size()) {
        for (std::size_t r = 0; r < groups.groupOf.size(); ++r)
            groups.groupOf[r] = static_cast<int>(r);
        groups.first = groups.groupOf;
    }
    return groups;
}

// The first row of groups [firstGroup, firstGroup + count), gathered: their
// cols columns of m from column col (every group by default).
Matrix gatherFirstRows(const Matrix& m, const RowGroups& groups, Eigen::Index col, Eigen::Index cols,
                       int firstGroup = 0, int count = -1)
{
    if (count < 0)
        count = groups.count() - firstGroup;
    Matrix out(count, cols);
    for (int g = 0; g < count; ++g)
        out.row(g) = m.block(groups.first[static_cast<std::size_t>(firstGroup + g)], col, 1, cols);
    return out;
}

// Rows of the scores per product: a block of them fits in a core's
// second-level cache, where the scale-and-softmax pass then finds it.
int scoreBlockRows(Eigen::Index n)
{
    const Eigen::Index rows = (Eigen::Index(512) << 10) / (Eigen::Index(sizeof(double)) * std::max<Eigen::Index>(n, 1));
    return static_cast<int>(std::clamp<Eigen::Index>(rows / 8 * 8, 16, 1024));
}

// Rows [begin, begin + rows) of one head's raw scores by group (below).
void groupScoresBlock(MatrixRef into, const LayerResult& layer, int h, const RowGroups& groups, int begin, int rows)
{
    const auto kh = layer.k.middleCols(h * layer.dK, layer.dK);
    if (groups.allDistinct()) {
        multiply(into, layer.q.block(begin, h * layer.dK, rows, layer.dK), kh, Rhs::Transposed);
        return;
    }
    multiply(into, gatherFirstRows(layer.q, groups, h * layer.dK, layer.dK, begin, rows), kh, Rhs::Transposed);
}

// One head's raw scores, one row per group of equal query rows (groups
// computed on the layer's whole Q): each group's query times K_hᵀ, in blocks
// of scoreBlockRows. headScores and computeHeads both come here, so kept and
// recomputed scores are the same numbers.
void groupScores(Matrix& into, const LayerResult& layer, int h, const RowGroups& groups)
{
    resizeLarge(into, groups.count(), layer.k.rows());
    const int block = scoreBlockRows(layer.k.rows());
    for (int begin = 0; begin < groups.count(); begin += block) {
        const int rows = std::min(block, groups.count() - begin);
        groupScoresBlock(into.middleRows(begin, rows), layer, h, groups, begin, rows);
    }
}

// Every row of `to` from its group's row of `from` (rows x n, one per group).
void scatterRows(Matrix& to, const Matrix& from, const RowGroups& groups)
{
    const std::size_t bytes = static_cast<std::size_t>(from.cols()) * sizeof(double);
    for (std::size_t r = 0; r < groups.groupOf.size(); ++r)
        std::memcpy(to.row(static_cast<Eigen::Index>(r)).data(), from.row(groups.groupOf[r]).data(), bytes);
}

// Every head's stages and the joined output of one layer, from its q, k and
// v. With scoresFrom, the raw scores are copied from that layer (the same
// input, weights and projections) where it kept them, instead of multiplied
// again. Heads that `keep` leaves out keep only their weights and output;
// their scores live in scratch space of their thread while they are needed.
void computeHeads(LayerResult& layer, int layerIndex, const AttentionConfig& config, const LayerResult* scoresFrom,
                  const std::atomic<bool>* cancel, const ScoresKept& keep)
{
    const int n = static_cast<int>(layer.q.rows());
    const int d = static_cast<int>(layer.q.cols());
    const int threads = threadsFor(n, d);
    const double sqrtDk = std::sqrt(static_cast<double>(layer.dK));
    layer.output.resize(n, d);
    layer.heads.resize(static_cast<std::size_t>(config.heads));
    if (config.heads >= 2 || threads == 1) {
        const RowGroups groups = groupEqualRows(layer.q);
        // Without a mask, rows of one group share scaled scores, weights and
        // output too: those are computed once per group.
        const bool perGroup = !groups.allDistinct() && !config.causal;
        // Scratch of one thread: raw scores (a block of rows, or one row per
        // group), one row of scaled scores, and one row of weights per group.
        struct Scratch
        {
            Matrix scores;
            Matrix scaled;
            Matrix weights;
        };
        const auto computeHead = [&](int h, Scratch& scratch) {
            HeadResult& head = layer.heads[static_cast<std::size_t>(h)];
            const bool kept = keep.keeps(layerIndex, h);
            const HeadResult* from = scoresFrom ? &scoresFrom->heads[static_cast<std::size_t>(h)] : nullptr;
            checkCancel(cancel);
            if (!kept && scratch.scaled.cols() != n)
                scratch.scaled.resize(1, n);
            const auto vh = layer.v.middleCols(h * layer.dK, layer.dK);
            if (!(from && from->hasScores()) && groups.allDistinct()) {
                // Every row its own: each block of scores is scaled and
                // softmaxed while it is in cache, in head.scores when kept,
                // else in a block of scratch.
                const int block = scoreBlockRows(n);
                if (!kept)
                    resizeLarge(scratch.scores, std::min(block, n), n);
                for (int begin = 0; begin < n; begin += block) {
                    checkCancel(cancel);
                    const int rows = std::min(block, n - begin);
                    Matrix& into = kept ? head.scores : scratch.scores;
                    const int offset = kept ? begin : 0;
                    groupScoresBlock(into.middleRows(offset, rows), layer, h, groups, begin, rows);
                    for (int r = begin; r < begin + rows; ++r)
                        scaleRow(into.row(r - begin + offset).data(),
                                 kept ? head.scaledScores.row(r).data() : scratch.scaled.data(),
                                 head.weights.row(r).data(), n, r, config, sqrtDk);
                }
                multiply(head.output, head.weights, vh);
                layer.output.middleCols(h * layer.dK, layer.dK) = head.output;
                return;
            }
            // Repeated rows, or scores taken over: the raw scores of row r
            // are at rawRow(r); kept ones end up in head.scores.
            const Matrix* raw = nullptr;
            bool byGroup = false;
            if (from && from->hasScores()) {
                if (kept)
                    head.scores = from->scores;
                raw = &from->scores;
            } else {
                groupScores(scratch.scores, layer, h, groups);
                if (kept)
                    scatterRows(head.scores, scratch.scores, groups);
                raw = &scratch.scores;
                byGroup = true;
            }
            const auto rawRow = [&](int r) {
                return raw->row(byGroup ? groups.groupOf[static_cast<std::size_t>(r)] : r).data();
            };
            if (perGroup) {
                resizeLarge(scratch.weights, groups.count(), n);
                for (int g = 0; g < groups.count(); ++g) {
                    if (g % 64 == 0)
                        checkCancel(cancel);
                    const int r = groups.first[static_cast<std::size_t>(g)];
                    scaleRow(rawRow(r), kept ? head.scaledScores.row(r).data() : scratch.scaled.data(),
                             scratch.weights.row(g).data(), n, r, config, sqrtDk);
                }
                scatterRows(head.weights, scratch.weights, groups);
                if (kept) {
                    for (int r = 0; r < n; ++r) {
                        const int first =
                            groups.first[static_cast<std::size_t>(groups.groupOf[static_cast<std::size_t>(r)])];
                        if (first != r)
                            head.scaledScores.row(r) = head.scaledScores.row(first);
                    }
                }
                Matrix outputs(groups.count(), layer.dK);
                multiply(outputs, scratch.weights, vh);
                scatterRows(head.output, outputs, groups);
            } else {
                for (int r = 0; r < n; ++r) {
                    if (r % 64 == 0)
                        checkCancel(cancel);
                    scaleRow(rawRow(r), kept ? head.scaledScores.row(r).data() : scratch.scaled.data(),
                             head.weights.row(r).data(), n, r, config, sqrtDk);
                }
                multiply(head.output, head.weights, vh);
            }
            layer.output.middleCols(h * layer.dK, layer.dK) = head.output;
        };
        // Allocated up front, on the calling thread, where freed blocks are
        // found again by the next computation (core/memory.h).
        for (int h = 0; h < config.heads; ++h) {
            HeadResult& head = layer.heads[static_cast<std::size_t>(h)];
            if (keep.keeps(layerIndex, h)) {
                resizeLarge(head.scores, n, n);
                resizeLarge(head.scaledScores, n, n);
            } else {
                head.scores = Matrix();
                head.scaledScores = Matrix();
            }
            resizeLarge(head.weights, n, n);
            head.output.resize(n, layer.dK);
        }
        parallelFor(
            config.heads,
            [&](int begin, int end) {
                Scratch scratch;
                for (int h = begin; h < end; ++h)
                    computeHead(h, scratch);
            },
            threads);
    } else {
        // One large head: split its rows instead. A lone head always keeps
        // its scores (they are the head on screen).
        HeadResult& head = layer.heads.front();
        resizeLarge(head.scores, n, n);
        resizeLarge(head.scaledScores, n, n);
        resizeLarge(head.weights, n, n);
        head.output.resize(n, d);
        const HeadResult* from = scoresFrom ? &scoresFrom->heads.front() : nullptr;
        parallelFor(
            n,
            [&](int begin, int end) {
                const int rows = end - begin;
                checkCancel(cancel);
                auto scores = head.scores.middleRows(begin, rows);
                if (from && from->hasScores())
                    scores = from->scores.middleRows(begin, rows);
                else
                    multiply(scores, layer.q.middleRows(begin, rows), layer.k, Rhs::Transposed);
                for (int r = begin; r < end; ++r) {
                    if (r % 64 == 0)
                        checkCancel(cancel);
                    scaleAndSoftmaxRow(head.scores, head.scaledScores, head.weights, r, config, sqrtDk);
                }
                multiply(head.output.middleRows(begin, rows), head.weights.middleRows(begin, rows), layer.v);
            },
            threads);
        layer.output = head.output;
    }
    if (!layer.output.allFinite())
        throw overflowError(QT_TRANSLATE_NOOP("AttentionError",
                                              "The attention outputs exceed float64's range (about 1.8e308), so "
                                              "attention cannot be computed: use smaller embeddings or weights."));
}

} // namespace

std::uint64_t resultBytes(std::uint64_t tokens, std::uint64_t dModel, std::uint64_t heads, std::uint64_t layers,
                          bool scoresForOneHead)
{
    heads = std::max<std::uint64_t>(heads, 1);
    const std::uint64_t square = tokens * tokens;
    const bool lean = scoresForOneHead && heads > 1;
    const std::uint64_t perHead = (lean ? 1 : 3) * square + tokens * (dModel / heads);
    // The input, Q, K, V and the output; the three weight matrices.
    const std::uint64_t perLayer = heads * perHead + 5 * tokens * dModel + 3 * dModel * dModel;
    // E, PE and X.
    const std::uint64_t shared = 3 * tokens * dModel;
    // Lean: the kept head's scores, and at most one n x n of scratch scores
    // per core for the heads being computed (a block of rows, or one row per
    // distinct word).
    const std::uint64_t cores = std::min<std::uint64_t>(heads, std::max(1u, std::thread::hardware_concurrency()));
    const std::uint64_t extra = lean ? 2 * square + square * cores : 0;
    return sizeof(double) * (layers * perLayer + shared + extra);
}

ScoresKept scoresToKeep(std::uint64_t tokens, std::uint64_t heads, int layer, int head)
{
    const std::uint64_t allScores = 2 * sizeof(double) * tokens * tokens * std::max<std::uint64_t>(heads, 1);
    if (allScores <= kKeepAllScoresBytes)
        return {};
    return ScoresKept{std::max(0, layer), std::max(0, head)};
}

const LayerResult& AttentionResult::layer(int index) const
{
    if (layers.empty())
        throw std::logic_error("AttentionResult::layer: the result has no layers");
    return layers[static_cast<std::size_t>(std::clamp(index, 0, static_cast<int>(layers.size()) - 1))];
}

int AttentionResult::headCount() const
{
    return layers.empty() ? 0 : static_cast<int>(layers.front().heads.size());
}

namespace {

std::optional<std::uint64_t> readNumberFile(const std::string& path)
{
    std::ifstream in(path);
    std::string text;
    if (!(in >> text) || text.empty() ||
        !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt; // missing, or "max": no limit
    errno = 0;
    const unsigned long long value = std::strtoull(text.c_str(), nullptr, 10);
    // cgroup v1 says "no limit" with a number near 2^63.
    if (errno != 0 || value >= (1ULL << 62))
        return std::nullopt;
    return value;
}

// "key value" lines (memory.stat) or "Key: value kB" lines (/proc/meminfo).
std::optional<std::uint64_t> readKeyedNumber(const std::string& path, const std::string& key, std::uint64_t unit)
{
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        if (line.compare(0, key.size(), key) != 0 || line.size() <= key.size() ||
            (line[key.size()] != ' ' && line[key.size()] != ':'))
            continue;
        const std::size_t digits = line.find_first_of("0123456789", key.size());
        if (digits == std::string::npos)
            return std::nullopt;
        return std::strtoull(line.c_str() + digits, nullptr, 10) * unit;
    }
    return std::nullopt;
}

// The group paths of this process: "0::/a/b" (v2) and "N:memory:/a/b" (v1).
void cgroupPaths(const std::string& root, std::string* unified, std::string* memory)
{
    std::ifstream in(root + "/proc/self/cgroup");
    std::string line;
    while (std::getline(in, line)) {
        const std::size_t first = line.find(':');
        const std::size_t second = first == std::string::npos ? first : line.find(':', first + 1);
        if (second == std::string::npos)
            continue;
        const std::string controllers = line.substr(first + 1, second - first - 1);
        const std::string path = line.substr(second + 1);
        if (controllers.empty() && line.compare(0, first, "0") == 0)
            *unified = path;
        else if (controllers == "memory" || controllers.find("memory,") == 0 ||
                 controllers.find(",memory") != std::string::npos)
            *memory = path;
    }
}

} // namespace

MemoryFacts readMemoryFacts(const std::string& root)
{
    MemoryFacts facts;
#if defined(_SC_PHYS_PAGES) && defined(_SC_PAGESIZE)
    if (root.empty()) {
        const long pages = sysconf(_SC_PHYS_PAGES);
        const long pageSize = sysconf(_SC_PAGESIZE);
        if (pages > 0 && pageSize > 0)
            facts.physical = static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(pageSize);
    }
#endif
    const std::string meminfo = root + "/proc/meminfo";
    if (facts.physical == 0)
        facts.physical = readKeyedNumber(meminfo, "MemTotal", 1024).value_or(0);
    facts.available = readKeyedNumber(meminfo, "MemAvailable", 1024).value_or(0);

    std::string unified;
    std::string memory;
    cgroupPaths(root, &unified, &memory);
    // A limit can sit on any ancestor; the tightest one counts. Where the
    // group's own folder is not visible (a namespaced mount), the mount's
    // root is the group itself.
    const auto consider = [&](const std::string& folder, const char* limitFile, const char* usageFile,
                              const char* inactiveKey) {
        const auto limit = readNumberFile(folder + "/" + limitFile);
        if (!limit || (facts.cgroupLimit != 0 && *limit >= facts.cgroupLimit))
            return;
        facts.cgroupLimit = *limit;
        const std::uint64_t usage = readNumberFile(folder + "/" + usageFile).value_or(0);
        const std::uint64_t inactive = readKeyedNumber(folder + "/memory.stat", inactiveKey, 1).value_or(0);
        facts.cgroupUsage = usage > inactive ? usage - inactive : 0;
    };
    const auto walk = [&](const std::string& mount, std::string path, const char* limitFile, const char* usageFile,
                          const char* inactiveKey) {
        for (;;) {
            consider(mount + path, limitFile, usageFile, inactiveKey);
            if (path.empty() || path == "/")
                break;
            const std::size_t slash = path.find_last_of('/');
            path = slash == std::string::npos ? std::string() : path.substr(0, slash);
        }
        consider(mount, limitFile, usageFile, inactiveKey);
    };
    walk(root + "/sys/fs/cgroup", unified, "memory.max", "memory.current", "inactive_file");
    walk(root + "/sys/fs/cgroup/memory", memory, "memory.limit_in_bytes", "memory.usage_in_bytes",
         "total_inactive_file");
    return facts;
}

std::uint64_t memoryBudget(const MemoryFacts& facts)
{
    std::uint64_t usable = facts.physical != 0 ? facts.physical : std::uint64_t(8) << 30; // unknown: a modest laptop
    if (facts.cgroupLimit != 0)
        usable = std::min(usable, facts.cgroupLimit);
    std::uint64_t budget = usable / 10 * 4;
    std::uint64_t freeNow = facts.available;
    if (facts.cgroupLimit != 0) {
        const std::uint64_t groupFree =
            facts.cgroupLimit > facts.cgroupUsage ? facts.cgroupLimit - facts.cgroupUsage : 0;
        freeNow = freeNow != 0 ? std::min(freeNow, groupFree) : groupFree;
    }
    if (freeNow != 0 || facts.cgroupLimit != 0)
        budget = std::min(budget, freeNow / 10 * 8);
    return budget;
}

std::uint64_t memoryBudget()
{
    return memoryBudget(readMemoryFacts());
}

AttentionError::AttentionError(Kind kind, const Message& message)
    : TranslatableError(message)
    , m_kind(kind)
{
}

AttentionError::AttentionError(Kind kind, const std::string& message)
    : TranslatableError(message)
    , m_kind(kind)
{
}

AttentionError::AttentionError(Kind kind, const TranslatableError& cause)
    : TranslatableError(cause)
    , m_kind(kind)
{
}

std::string_view toString(WeightInit init)
{
    switch (init) {
    case WeightInit::RandInt:
        return "randint";
    case WeightInit::Uniform:
        return "uniform";
    case WeightInit::Normal:
        return "normal";
    }
    return "randint";
}

std::optional<WeightInit> weightInitFromString(std::string_view name)
{
    for (WeightInit init : {WeightInit::RandInt, WeightInit::Uniform, WeightInit::Normal}) {
        if (toString(init) == name)
            return init;
    }
    return std::nullopt;
}

AttentionError outOfMemoryError()
{
    return AttentionError(AttentionError::Kind::TooLarge,
                          said(QT_TRANSLATE_NOOP("AttentionError", "Not enough free memory for this input: use fewer "
                                                                   "tokens, fewer heads or a smaller d_model.")));
}

void validateConfig(const AttentionConfig& config)
try {
    using Kind = AttentionError::Kind;
    if (config.sentence.size() > Limits::maxSentenceBytes)
        throw AttentionError(
            Kind::TooManyTokens,
            said(QT_TRANSLATE_NOOP("AttentionError", "The sentence is %1 bytes long; the limit is %2 bytes."),
                 config.sentence.size(), Limits::maxSentenceBytes));
    if (!config.model.empty()) {
        // The checkpoint sets the rest, its tokenizer the tokens; loading
        // and running it checks them.
        if (config.sentence.find_first_not_of(" \t\r\n") == std::string::npos)
            throw AttentionError(Kind::NoTokens, said(QT_TRANSLATE_NOOP("AttentionError",
                                                                        "The text is empty: type at least one word.")));
        return;
    }
    // Counting stops past the limit: a huge text is refused without
    // splitting all of it first.
    const std::size_t n = countTokens(config.sentence, static_cast<std::size_t>(Limits::maxTokens));
    if (n == 0)
        throw AttentionError(
            Kind::NoTokens, said(QT_TRANSLATE_NOOP("AttentionError", "The sentence has no words: type at least one.")));
    if (n > static_cast<std::size_t>(Limits::maxTokens))
        throw AttentionError(
            Kind::TooManyTokens,
            said(QT_TRANSLATE_NOOP("AttentionError", "The sentence has more than %1 tokens; the limit is %1."),
                 Limits::maxTokens));
    if (config.dModel < 1 || config.dModel > Limits::maxDModel)
        throw AttentionError(Kind::DModel,
                             said(QT_TRANSLATE_NOOP("AttentionError", "d_model must be from 1 to %1, not %2."),
                                  Limits::maxDModel, config.dModel));
    if (config.heads < 1)
        throw AttentionError(
            Kind::Heads,
            said(QT_TRANSLATE_NOOP("AttentionError", "The number of heads must be at least 1, not %1."), config.heads));
    if (config.dModel % config.heads != 0)
        throw AttentionError(Kind::Heads,
                             said(QT_TRANSLATE_NOOP("AttentionError", "%1 heads do not divide d_model %2 evenly: "
                                                                      "choose a number of heads that divides it."),
                                  config.heads, config.dModel));
    // What the leanest result takes: callers keep every head's scores only
    // when that costs little (scoresToKeep).
    const std::uint64_t bytes =
        resultBytes(n, static_cast<std::uint64_t>(config.dModel), static_cast<std::uint64_t>(config.heads), 1,
                    !scoresToKeep(n, static_cast<std::uint64_t>(config.heads), 0, 0).keepsAll());
    if (const std::uint64_t budget = memoryBudget(); bytes > budget)
        throw AttentionError(
            Kind::TooLarge,
            said(QT_TRANSLATE_NOOP("AttentionError", "%1 tokens with %2 heads need about %3 of memory, more than this "
                                                     "computer can spare (%4): use fewer tokens or fewer heads."),
                 n, config.heads, gigabytes(bytes), gigabytes(budget)));
    if (!std::isfinite(config.temperature) || config.temperature <= 0.0)
        throw AttentionError(
            Kind::Temperature,
            said(QT_TRANSLATE_NOOP("AttentionError", "The temperature must be a finite number greater than 0.")));
    checkSeed(
        config.weightSeed,
        QT_TRANSLATE_NOOP("AttentionError", "The weight seed must be a whole number from 0 to 4294967295, not %1."));
    checkSeed(config.embeddingSeed, QT_TRANSLATE_NOOP("AttentionError", "The embedding seed must be a whole number "
                                                                        "from 0 to 4294967295, not %1."));
    for (const auto& [word, vector] : config.explicitEmbeddings) {
        if (vector.size() != static_cast<std::size_t>(config.dModel))
            throw AttentionError(
                Kind::Embedding,
                said(QT_TRANSLATE_NOOP("AttentionError", "The embedding of \"%1\" has %2 numbers, but d_model is %3."),
                     word, vector.size(), config.dModel));
        if (!std::all_of(vector.begin(), vector.end(), [](double v) { return std::isfinite(v); }))
            throw AttentionError(
                Kind::Embedding,
                said(QT_TRANSLATE_NOOP("AttentionError",
                                       "The embedding of \"%1\" holds an infinite or undefined number."),
                     word));
    }
    checkWeights(config.wQuery, config.dModel, "W_query");
    checkWeights(config.wKey, config.dModel, "W_key");
    checkWeights(config.wValue, config.dModel, "W_value");
} catch (const std::bad_alloc&) {
    throw outOfMemoryError();
}

Matrix positionalEncoding(int n, int d)
{
    Matrix pe(n, d);
    for (int c = 0; c < d; ++c) {
        const double divisor = std::pow(10000.0, static_cast<double>(2 * (c / 2)) / static_cast<double>(d));
        for (int p = 0; p < n; ++p) {
            const double angle = static_cast<double>(p) / divisor;
            pe(p, c) = (c % 2 == 0) ? std::sin(angle) : std::cos(angle);
        }
    }
    return pe;
}

Matrix softmaxRows(const Matrix& scores)
{
    Matrix weights(scores.rows(), scores.cols());
    for (Eigen::Index r = 0; r < scores.rows(); ++r) {
        const double rowMax = scores.row(r).maxCoeff();
        weights.row(r) = (scores.row(r).array() - rowMax).exp().matrix();
        weights.row(r) /= weights.row(r).sum();
    }
    return weights;
}

AttentionResult computeAttention(const AttentionConfig& config, const std::atomic<bool>* cancel, ScoresKept keep)
try {
    validateConfig(config);
    if (!config.model.empty())
        throw std::invalid_argument("computeAttention: a checkpoint's attention is computed by runGpt2Text");
    keepLargeBlocksForReuse();

    AttentionResult result;
    result.tokens = splitTokens(config.sentence);
    result.vocabulary = buildVocabulary(result.tokens);
    const int n = static_cast<int>(result.tokens.size());
    const int d = config.dModel;
    NumpyRandom rng(static_cast<std::uint32_t>(config.embeddingSeed));
    const std::size_t words = result.vocabulary.words.size();
    Matrix wordVectors(static_cast<Eigen::Index>(words), d);
    result.wordIsExplicit.assign(words, false);
    for (std::size_t w = 0; w < words; ++w) {
        for (int c = 0; c < d; ++c)
            wordVectors(static_cast<Eigen::Index>(w), c) = rng.rand();
    }
    for (std::size_t w = 0; w < words; ++w) {
        const auto given = config.explicitEmbeddings.find(result.vocabulary.words[w]);
        if (given == config.explicitEmbeddings.end())
            continue;
        result.wordIsExplicit[w] = true;
        for (int c = 0; c < d; ++c)
            wordVectors(static_cast<Eigen::Index>(w), c) = given->second[static_cast<std::size_t>(c)];
    }
    result.embeddings.resize(n, d);
    for (int t = 0; t < n; ++t)
        result.embeddings.row(t) = wordVectors.row(result.vocabulary.tokenWord[static_cast<std::size_t>(t)]);

    result.inputs = result.embeddings;
    if (config.positional) {
        result.positional = positionalEncoding(n, d);
        result.inputs += result.positional;
    }

    const int threads = threadsFor(n, d);

    // The article's model: one layer, on X.
    LayerResult& layer = result.layers.emplace_back();
    layer.input = result.inputs;
    layer.dK = d / config.heads;

    // The weights come from one sequential stream (fillRandn spreads its
    // logarithms over the cores); the projections then split the rows of X,
    // which keeps both cores equally busy.
    rng.seed(static_cast<std::uint32_t>(config.weightSeed));
    layer.wQuery = drawWeights(rng, config.init, d);
    layer.wKey = drawWeights(rng, config.init, d);
    layer.wValue = drawWeights(rng, config.init, d);
    if (config.wQuery)
        layer.wQuery = *config.wQuery;
    if (config.wKey)
        layer.wKey = *config.wKey;
    if (config.wValue)
        layer.wValue = *config.wValue;

    // A word that comes back has the same row of X, hence of Q, K and V:
    // each distinct row is projected once.
    const RowGroups inputGroups = groupEqualRows(layer.input);
    const bool distinct = inputGroups.allDistinct();
    const Matrix distinctInputs = distinct ? Matrix() : gatherFirstRows(layer.input, inputGroups, 0, d);
    const Matrix& x = distinct ? layer.input : distinctInputs;
    Matrix byGroup[3];
    Matrix* projections[3] = {&layer.q, &layer.k, &layer.v};
    const Matrix* weights[3] = {&layer.wQuery, &layer.wKey, &layer.wValue};
    for (int p = 0; p < 3; ++p)
        resizeLarge(distinct ? *projections[p] : byGroup[p], x.rows(), d);
    parallelFor(
        static_cast<int>(x.rows()),
        [&](int begin, int end) {
            for (int p = 0; p < 3; ++p)
                multiply((distinct ? *projections[p] : byGroup[p]).middleRows(begin, end - begin),
                         x.middleRows(begin, end - begin), *weights[p]);
        },
        threads);
    if (!distinct) {
        for (int p = 0; p < 3; ++p) {
            resizeLarge(*projections[p], n, d);
            scatterRows(*projections[p], byGroup[p], inputGroups);
        }
    }
    for (const auto& [stage, matrix] :
         {std::pair{QT_TRANSLATE_NOOP("AttentionError",
                                      "The queries Q = X W_query exceed float64's range (about 1.8e308), so attention "
                                      "cannot be computed: use smaller embeddings or weights."),
                    &layer.q},
          std::pair{QT_TRANSLATE_NOOP("AttentionError",
                                      "The keys K = X W_key exceed float64's range (about 1.8e308), so attention "
                                      "cannot be computed: use smaller embeddings or weights."),
                    &layer.k},
          std::pair{QT_TRANSLATE_NOOP("AttentionError",
                                      "The values V = X W_value exceed float64's range (about 1.8e308), so attention "
                                      "cannot be computed: use smaller embeddings or weights."),
                    &layer.v}}) {
        if (!matrix->allFinite())
            throw overflowError(stage);
    }

    checkCancel(cancel);
    computeHeads(layer, 0, config, nullptr, cancel, keep);
    return result;
} catch (const std::bad_alloc&) {
    throw outOfMemoryError();
}

bool differsOnlyAfterScores(const AttentionConfig& from, const AttentionConfig& to)
{
    AttentionConfig aligned = to;
    aligned.temperature = from.temperature;
    aligned.causal = from.causal;
    aligned.scaled = from.scaled;
    return aligned == from;
}

AttentionResult recomputeAfterScores(const AttentionResult& previous, const AttentionConfig& config,
                                     const std::atomic<bool>* cancel, ScoresKept keep)
try {
    validateConfig(config);
    keepLargeBlocksForReuse();
    if (previous.layers.empty() || previous.headCount() != config.heads || previous.inputs.cols() != config.dModel)
        throw std::invalid_argument("recomputeAfterScores: the previous result has other heads or d_model");

    AttentionResult result;
    result.tokens = previous.tokens;
    result.vocabulary = previous.vocabulary;
    result.wordIsExplicit = previous.wordIsExplicit;
    result.embeddings = previous.embeddings;
    result.positional = previous.positional;
    result.inputs = previous.inputs;
    result.layers.reserve(previous.layers.size());
    for (const LayerResult& from : previous.layers) {
        LayerResult& layer = result.layers.emplace_back();
        layer.input = from.input;
        layer.wQuery = from.wQuery;
        layer.wKey = from.wKey;
        layer.wValue = from.wValue;
        layer.q = from.q;
        layer.k = from.k;
        layer.v = from.v;
        layer.dK = from.dK;
        computeHeads(layer, static_cast<int>(result.layers.size()) - 1, config, &from, cancel, keep);
    }
    return result;
} catch (const std::bad_alloc&) {
    throw outOfMemoryError();
}

HeadScores headScores(const LayerResult& layer, int head, const AttentionConfig& config)
{
    const HeadResult& kept = layer.heads.at(static_cast<std::size_t>(head));
    if (kept.hasScores())
        return {kept.scores, kept.scaledScores};
    // The head's scores by groups of equal queries and the rows scaled one
    // by one, as computeHeads does for a head of several.
    const Eigen::Index n = layer.q.rows();
    const RowGroups groups = groupEqualRows(layer.q);
    HeadScores out;
    groupScores(out.scores, layer, head, groups);
    if (!groups.allDistinct()) {
        Matrix byGroup = std::move(out.scores);
        out.scores.resize(n, n);
        scatterRows(out.scores, byGroup, groups);
    }
    out.scaledScores.resize(n, n);
    const double sqrtDk = std::sqrt(static_cast<double>(layer.dK));
    for (int r = 0; r < static_cast<int>(n); ++r)
        scaleRow(out.scores.row(r), out.scaledScores.row(r), r, config, sqrtDk);
    return out;
}

Vector scoresRow(const LayerResult& layer, int head, int row)
{
    const HeadResult& kept = layer.heads.at(static_cast<std::size_t>(head));
    if (kept.hasScores())
        return kept.scores.row(row);
    Matrix out(1, layer.k.rows());
    multiply(out, layer.q.block(row, head * layer.dK, 1, layer.dK), layer.k.middleCols(head * layer.dK, layer.dK),
             Rhs::Transposed);
    return out.row(0);
}

Vector scaledScoresRow(const LayerResult& layer, int head, int row, const AttentionConfig& config)
{
    const HeadResult& kept = layer.heads.at(static_cast<std::size_t>(head));
    if (kept.hasScores())
        return kept.scaledScores.row(row);
    const Vector scores = scoresRow(layer, head, row);
    Vector scaled(scores.cols());
    scaleRow(scores, scaled, row, config, std::sqrt(static_cast<double>(layer.dK)));
    return scaled;
}

} // namespace attn
