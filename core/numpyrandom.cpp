#include "numpyrandom.h"

#include "core/parallel.h"

#include <cmath>
#include <vector>
#include <stdexcept>

namespace attn {

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
    return static_cast<std::uint32_t>(m_engine());
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
    const std::uint32_t a = nextWord() >> 5;
    const std::uint32_t b = nextWord() >> 6;
    return (a * 67108864.0 + b) / 9007199254740992.0;
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

void NumpyRandom::fillRandn(double* out, std::size_t count, int threads)
{
    std::size_t next = 0;
    if (count > 0 && m_hasGauss) {
        out[next++] = randn();
    }
    const std::size_t pairs = (count - next + 1) / 2;
    struct Pair
    {
        double x1;
        double x2;
        double r2;
    };
    std::vector<Pair> accepted(pairs);
    for (Pair& pair : accepted) {
        do {
            pair.x1 = 2.0 * rand() - 1.0;
            pair.x2 = 2.0 * rand() - 1.0;
            pair.r2 = pair.x1 * pair.x1 + pair.x2 * pair.x2;
        } while (pair.r2 >= 1.0 || pair.r2 == 0.0);
    }
    const auto finish = [&](int begin, int end) {
        for (int p = begin; p < end; ++p) {
            const Pair& pair = accepted[static_cast<std::size_t>(p)];
            const double f = std::sqrt(-2.0 * std::log(pair.r2) / pair.r2);
            const std::size_t at = next + 2 * static_cast<std::size_t>(p);
            out[at] = f * pair.x2;
            if (at + 1 < count)
                out[at + 1] = f * pair.x1;
        }
    };
    parallelFor(static_cast<int>(pairs), finish, pairs >= 4096 ? threads : 1);
    if (pairs > 0 && (count - next) % 2 == 1) {
        // The last pair's second value stays cached, as randn() leaves it.
        const Pair& last = accepted.back();
        m_gauss = std::sqrt(-2.0 * std::log(last.r2) / last.r2) * last.x1;
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
    } while (r2 >= 1.0 || r2 == 0.0);
    const double f = std::sqrt(-2.0 * std::log(r2) / r2);
    m_gauss = f * x1;
    m_hasGauss = true;
    return f * x2;
}

} // namespace attn
