#pragma once

// NumPy's legacy global generator (np.random.seed / rand / randint / randn of
// RandomState), reproduced bit for bit so that every number the app shows can
// be re-drawn by a short NumPy script. The stream is MT19937 seeded exactly as
// std::mt19937(seed); the derived draws follow NumPy's legacy algorithms.
// Invariant: after seed(s) the object is indistinguishable from a freshly
// seeded RandomState(s), including the dropped cached Gaussian.

#include <array>
#include <cstddef>
#include <cstdint>

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
    // MT19937 with the same stream as std::mt19937, but producing its words a
    // whole block of 624 at a time: the twist and the tempering run as loops
    // the compiler vectorises, and bulk readers take words straight from the
    // block instead of paying a call and a branch per word.
    class Mt19937
    {
    public:
        static constexpr int kWords = 624;

        explicit Mt19937(std::uint32_t seed) { this->seed(seed); }
        void seed(std::uint32_t seed);

        std::uint32_t next()
        {
            if (m_pos == kWords) [[unlikely]]
                refill();
            return m_block[m_pos++];
        }

        // Bulk access: the words of the current block not yet handed out, in
        // order. refill() may only be called when none are left.
        int available() const { return kWords - static_cast<int>(m_pos); }
        const std::uint32_t* peek() const { return m_block.data() + m_pos; }
        void skip(int words) { m_pos += static_cast<std::size_t>(words); }
        void refill();

    private:
        std::array<std::uint32_t, kWords> m_state{};
        std::array<std::uint32_t, kWords> m_block{}; // tempered outputs
        std::size_t m_pos = kWords;                  // next word of m_block
    };

    std::uint64_t nextWord64();
    // Draws want accepted polar pairs, as randn() would in turn, and stores
    // pair p's x2 and x1 at out[2p] and out[2p + 1].
    void drawPairs(double* out, std::size_t want);

    Mt19937 m_engine;
    bool m_hasGauss = false;
    double m_gauss = 0.0;
};

} // namespace attn
