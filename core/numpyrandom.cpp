#include "numpyrandom.h"

#include "core/parallel.h"

#include <cmath>
#include <stdexcept>

namespace attn {

namespace {

constexpr int kWords = 624;          // N: words of state
constexpr int kFar = 397;            // M: offset of the third word of the recurrence
constexpr int kNear = kWords - kFar; // 227: words whose third word is still old
constexpr std::uint32_t kMatrixA = 0x9908b0dfu;

// Word i of the next state from the old words i and i + 1 and word i + M.
// Branch-free so that the loops below vectorise.
inline std::uint32_t twistWord(std::uint32_t current, std::uint32_t next, std::uint32_t far)
{
    const std::uint32_t y = (current & 0x80000000u) | (next & 0x7fffffffu);
    return far ^ (y >> 1) ^ ((0u - (y & 1u)) & kMatrixA);
}

inline std::uint32_t temper(std::uint32_t y)
{
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= y >> 18;
    return y;
}

// rand() from its two words. Shared by rand() and the bulk loop so that both
// round the same way (the file is compiled with -ffp-contract=off).
inline double unitFromWords(std::uint32_t first, std::uint32_t second)
{
    const std::uint32_t a = first >> 5;
    const std::uint32_t b = second >> 6;
    return (a * 67108864.0 + b) / 9007199254740992.0;
}

// randn()'s acceptance test for a candidate pair.
inline bool insideUnitCircle(double r2)
{
    return r2 < 1.0 && r2 != 0.0;
}

} // namespace

void NumpyRandom::Mt19937::seed(std::uint32_t seed)
{
    // init_genrand, as std::mt19937(seed); the first word drawn twists.
    m_state[0] = seed;
    for (std::uint32_t i = 1; i < kWords; ++i) {
        const std::uint32_t previous = m_state[i - 1];
        m_state[i] = 1812433253u * (previous ^ (previous >> 30)) + i;
    }
    m_pos = kWords;
}

void NumpyRandom::Mt19937::refill()
{
    std::uint32_t* s = m_state.data();
    // The recurrence updates words in order, and word i reads word i + 1
    // (still old) and word i + M mod N. Split at N - M, each loop's reads are
    // either old words not yet written or new words written at least 227
    // positions earlier, so every loop vectorises.
    for (int i = 0; i < kNear; ++i)
        s[i] = twistWord(s[i], s[i + 1], s[i + kFar]);
    for (int i = kNear; i < kWords - 1; ++i)
        s[i] = twistWord(s[i], s[i + 1], s[i - kNear]);
    s[kWords - 1] = twistWord(s[kWords - 1], s[0], s[kFar - 1]);

    for (int i = 0; i < kWords; ++i)
        m_block[static_cast<std::size_t>(i)] = temper(s[i]);
    m_pos = 0;
}

NumpyRandom::NumpyRandom(std::uint32_t seed)
    : m_engine(seed)
{
}

void NumpyRandom::seed(std::uint32_t seed)
{
    m_engine.seed(seed);
    m_hasGauss = false;
    m_gauss = 0.0;
}

std::uint32_t NumpyRandom::nextWord()
{
    return m_engine.next();
}

std::uint64_t NumpyRandom::nextWord64()
{
    // NumPy forms a 64-bit draw from two 32-bit words, the first as the high half.
    const std::uint64_t high = nextWord();
    const std::uint64_t low = nextWord();
    return (high << 32) | low;
}

double NumpyRandom::rand()
{
    const std::uint32_t first = nextWord();
    const std::uint32_t second = nextWord();
    return unitFromWords(first, second);
}

std::int64_t NumpyRandom::randint(std::int64_t low, std::int64_t high)
{
    if (high <= low)
        throw std::invalid_argument("randint: high must be greater than low");
    const std::uint64_t range = static_cast<std::uint64_t>(high) - static_cast<std::uint64_t>(low) - 1;
    if (range == 0)
        return low;

    std::uint64_t mask = range;
    mask |= mask >> 1;
    mask |= mask >> 2;
    mask |= mask >> 4;
    mask |= mask >> 8;
    mask |= mask >> 16;
    mask |= mask >> 32;

    std::uint64_t value = 0;
    if (range <= 0xFFFFFFFFull) {
        if (range == 0xFFFFFFFFull)
            return low + static_cast<std::int64_t>(nextWord());
        do {
            value = nextWord() & mask;
        } while (value > range);
    } else {
        if (range == ~0ull)
            return static_cast<std::int64_t>(static_cast<std::uint64_t>(low) + nextWord64());
        do {
            value = nextWord64() & mask;
        } while (value > range);
    }
    return static_cast<std::int64_t>(static_cast<std::uint64_t>(low) + value);
}

void NumpyRandom::drawPairs(double* out, std::size_t want)
{
    // Every candidate takes four words, so within a block candidates sit at a
    // fixed stride. A block's whole candidates are computed in one vectorised
    // pass, then the accepted ones are packed into out in order.
    constexpr int kMaxCandidates = kWords / 4;
    alignas(64) double x1s[kMaxCandidates];
    alignas(64) double x2s[kMaxCandidates];
    alignas(64) std::int64_t accept[kMaxCandidates];

    std::size_t got = 0;
    while (got < want) {
        const int available = m_engine.available();
        if (available == 0) {
            m_engine.refill();
            continue;
        }
        if (available < 4) {
            // A candidate straddling two blocks: word by word, once per block.
            const double x1 = 2.0 * rand() - 1.0;
            const double x2 = 2.0 * rand() - 1.0;
            if (insideUnitCircle(x1 * x1 + x2 * x2)) {
                out[2 * got] = x2;
                out[2 * got + 1] = x1;
                ++got;
            }
            continue;
        }

        const std::uint32_t* w = m_engine.peek();
        const int candidates = available / 4;
        for (int k = 0; k < candidates; ++k) {
            const double x1 = 2.0 * unitFromWords(w[4 * k], w[4 * k + 1]) - 1.0;
            const double x2 = 2.0 * unitFromWords(w[4 * k + 2], w[4 * k + 3]) - 1.0;
            x1s[k] = x1;
            x2s[k] = x2;
            accept[k] = insideUnitCircle(x1 * x1 + x2 * x2);
        }

        int used = 0;
        if (want - got >= static_cast<std::size_t>(candidates)) {
            // Room for all: store every candidate and advance only past the
            // accepted ones, without branches. Stores stay below 2 * want.
            for (; used < candidates; ++used) {
                out[2 * got] = x2s[used];
                out[2 * got + 1] = x1s[used];
                got += static_cast<std::size_t>(accept[used]);
            }
        } else {
            // The last block: stop right after the last pair needed, so the
            // words after it stay for the next draw.
            for (; used < candidates && got < want; ++used) {
                if (accept[used]) {
                    out[2 * got] = x2s[used];
                    out[2 * got + 1] = x1s[used];
                    ++got;
                }
            }
        }
        m_engine.skip(4 * used);
    }
}

void NumpyRandom::fillRandn(double* out, std::size_t count, int threads)
{
    std::size_t next = 0;
    if (count > 0 && m_hasGauss) {
        out[next++] = randn();
    }
    const std::size_t pairs = (count - next + 1) / 2;
    // Pairs both of whose values land in out; with an odd remainder one more
    // pair follows whose second value stays cached, as randn() leaves it.
    const std::size_t fullPairs = (count - next) / 2;
    double* const values = out + next;

    // Each accepted pair parks its x2 and x1 in the two slots its Gaussians
    // will take; the finish recomputes r2 from them, to the same bits.
    drawPairs(values, fullPairs);
    double lastX1 = 0.0;
    double lastX2 = 0.0;
    double lastR2 = 0.0;
    if (pairs > fullPairs) {
        do {
            lastX1 = 2.0 * rand() - 1.0;
            lastX2 = 2.0 * rand() - 1.0;
            lastR2 = lastX1 * lastX1 + lastX2 * lastX2;
        } while (!insideUnitCircle(lastR2));
    }

    const auto finish = [&](int begin, int end) {
        for (int p = begin; p < end; ++p) {
            double* const pair = values + 2 * static_cast<std::size_t>(p);
            const double x2 = pair[0];
            const double x1 = pair[1];
            const double r2 = x1 * x1 + x2 * x2;
            const double f = std::sqrt(-2.0 * std::log(r2) / r2);
            pair[0] = f * x2;
            pair[1] = f * x1;
        }
    };
    parallelFor(static_cast<int>(fullPairs), finish, pairs >= 4096 ? threads : 1);
    if (pairs > fullPairs) {
        const double f = std::sqrt(-2.0 * std::log(lastR2) / lastR2);
        out[count - 1] = f * lastX2;
        m_gauss = f * lastX1;
        m_hasGauss = true;
    }
}

double NumpyRandom::randn()
{
    if (m_hasGauss) {
        m_hasGauss = false;
        const double cached = m_gauss;
        m_gauss = 0.0;
        return cached;
    }
    double x1 = 0.0;
    double x2 = 0.0;
    double r2 = 0.0;
    do {
        x1 = 2.0 * rand() - 1.0;
        x2 = 2.0 * rand() - 1.0;
        r2 = x1 * x1 + x2 * x2;
    } while (!insideUnitCircle(r2));
    const double f = std::sqrt(-2.0 * std::log(r2) / r2);
    m_gauss = f * x1;
    m_hasGauss = true;
    return f * x2;
}

} // namespace attn
