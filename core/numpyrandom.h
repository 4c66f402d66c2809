#pragma once

// NumPy's legacy global generator (np.random.seed / rand / randint / randn of
// RandomState), reproduced bit for bit so that every number the app shows can
// be re-drawn by a short NumPy script. The stream is MT19937 seeded exactly as
// std::mt19937(seed); the derived draws follow NumPy's legacy algorithms.
// Invariant: after seed(s) the object is indistinguishable from a freshly
// seeded RandomState(s), including the dropped cached Gaussian.

#include <cstddef>
#include <cstdint>
#include <random>

namespace attn {

class NumpyRandom
{
public:
    explicit NumpyRandom(std::uint32_t seed = 0);

    // np.random.seed(s) for 0 <= s < 2^32.
    void seed(std::uint32_t seed);

    std::uint32_t nextWord();

    // np.random.rand(): a double in [0, 1) with 53 random bits.
    double rand();

    // np.random.randint(low, high): an integer in [low, high), high > low.
    std::int64_t randint(std::int64_t low, std::int64_t high);

    // np.random.randn(): the legacy polar Box-Muller with a cached second value.
    double randn();

    // count successive randn() values, the same bits in the same order, with
    // the same generator state afterwards. The cheap part (the words and the
    // rejection loop) runs in order; the logarithms and square roots of the
    // accepted pairs are spread over up to `threads` threads (0: all cores).
    void fillRandn(double* out, std::size_t count, int threads = 0);

private:
    std::uint64_t nextWord64();

    std::mt19937 m_engine;
    bool m_hasGauss = false;
    double m_gauss = 0.0;
};

} // namespace attn
