#pragma once

// Reading word vectors from the common text format of GloVe and word2vec:
// one "word v1 v2 ... vd" per line, optionally after a word2vec header line
// "count d". Only the words a sentence needs are kept, so a file of hundreds
// of megabytes streams through in one pass with little memory. Progress is
// reported by bytes read and the reader can be cancelled from another thread.

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

class ImportError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

struct ImportedEmbeddings
{
    int dimension = 0;
    std::map<std::string, std::vector<double>> vectors; // the wanted words found
    std::vector<std::string> missing;                   // wanted words not in the file, in order
    std::int64_t linesRead = 0;
    std::int64_t malformedLines = 0; // skipped: wrong count of numbers or not numbers
    std::int64_t firstMalformedLine = 0;
    bool cancelled = false;
};

struct ImportControl
{
    // Called now and then with the bytes consumed so far.
    std::function<void(std::int64_t bytesRead)> progress;
    // Set from any thread to stop; the result then has cancelled = true.
    const std::atomic<bool>* cancel = nullptr;
};

// Reads vectors for `wanted` (the sentence's vocabulary). Throws ImportError
// when the file holds no usable vector or its dimension is outside 1..1024.
ImportedEmbeddings importEmbeddings(std::istream& in, const std::vector<std::string>& wanted,
                                    const ImportControl& control = {});

} // namespace attn
