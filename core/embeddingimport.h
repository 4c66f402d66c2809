#pragma once

// Reading word vectors from the common text format of GloVe and word2vec:
// one "word v1 v2 ... vd" per line, optionally after a word2vec header line
// "count d". Only the words a sentence needs are kept, so a file of hundreds
// of megabytes streams through in one pass with little memory. Progress is
// reported by bytes read and the reader can be cancelled from another thread.
//
// Memory stays bounded whatever the input: a line longer than
// ImportLimits::maxLineBytes (a file without newlines, a binary file) is
// skipped and counted without being held, and the stream is read in blocks
// of ImportLimits::blockBytes, so a cancel is seen after at most that many
// bytes however long the lines are.

#include "core/message.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <istream>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace attn {

struct ImportLimits
{
    // A GloVe line of 1024 numbers is under 32 KiB; anything past this is
    // not a word vector.
    static constexpr std::int64_t maxLineBytes = 1 << 20;
    // Read at a time; cancel is checked after each block.
    static constexpr std::int64_t blockBytes = 64 << 10;
};

// Translatable in the context "ImportError".
class ImportError : public TranslatableError
{
public:
    using TranslatableError::TranslatableError;
};

struct ImportedEmbeddings
{
    int dimension = 0;
    std::map<std::string, std::vector<double>> vectors; // the wanted words found
    std::vector<std::string> missing;                   // wanted words not in the file, in order
    std::int64_t linesRead = 0;
    // Skipped: wrong count of numbers, not numbers, or longer than
    // ImportLimits::maxLineBytes; line numbers count from 1.
    std::int64_t malformedLines = 0;
    std::int64_t firstMalformedLine = 0;
    std::int64_t overlongLines = 0; // of malformedLines, those too long to read
    bool cancelled = false;
};

struct ImportControl
{
    // Called now and then with the bytes consumed so far.
    std::function<void(std::int64_t bytesRead)> progress;
    // Set from any thread to stop; the result then has cancelled = true.
    const std::atomic<bool>* cancel = nullptr;
    // Bound on the numbers held while the dimension is still open: each
    // wanted word keeps its first vector of every count of numbers met.
    // 8 Mi numbers (64 MiB) hold two full sets of 4096 words x 1024.
    std::int64_t maxKeptNumbers = 8 << 20;
};

// Reads vectors for `wanted` (the sentence's vocabulary). The dimension is
// the header's when there is one, else the count of numbers most lines have
// (the first such count on a tie); lines of other counts are skipped and
// counted. Throws ImportError when the file holds no usable vector, when no
// line has the header's dimension, or when the dimension is outside 1..1024.
ImportedEmbeddings importEmbeddings(std::istream& in, const std::vector<std::string>& wanted,
                                    const ImportControl& control = {});

} // namespace attn
