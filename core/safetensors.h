#pragma once

// Reading a safetensors file: an 8-byte little-endian header length, a JSON
// header naming each tensor's dtype, shape and byte range, then the tensors'
// bytes. The file is memory-mapped and every part of the header is checked
// before a single tensor byte is read, so a truncated or hostile file is
// refused with a sentence and never read out of bounds.

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/message.h"

namespace attn {

// Whatever is wrong with a safetensors file: one sentence naming the file.
// Translatable in the context "SafetensorsError".
class SafetensorsError : public TranslatableError
{
public:
    using TranslatableError::TranslatableError;
};

enum class TensorDType { Bool, U8, I8, U16, I16, F16, BF16, U32, I32, F32, U64, I64, F64, F8E4M3, F8E5M2 };

// Bytes per element.
std::size_t dtypeSize(TensorDType dtype);
// The header's spelling: "F32", "BF16", ...
std::string_view toString(TensorDType dtype);
bool isFloatingPoint(TensorDType dtype); // the ones readFloats converts: F64, F32, F16, BF16

struct TensorInfo
{
    std::string name;
    TensorDType dtype = TensorDType::F32;
    std::vector<std::int64_t> shape;
    std::uint64_t begin = 0; // byte range within the data that follows the header
    std::uint64_t end = 0;

    std::uint64_t elementCount() const;
    // "[768, 2304]"
    std::string shapeText() const;
};

// IEEE 754 binary16 and bfloat16, exactly (every value of either is a float).
float halfToFloat(std::uint16_t bits);
float bfloat16ToFloat(std::uint16_t bits);

class SafetensorsFile
{
public:
    // The largest header accepted: far above any real model's, far below what
    // parsing could choke on.
    static constexpr std::uint64_t maxHeaderBytes = 100u << 20;

    // Maps and checks the file; throws SafetensorsError.
    static SafetensorsFile open(const std::string& path);
    // The same checks on bytes in memory; `name` stands for the file in errors.
    static SafetensorsFile fromBytes(std::string bytes, const std::string& name);

    SafetensorsFile(SafetensorsFile&&) noexcept;
    SafetensorsFile& operator=(SafetensorsFile&&) noexcept;
    ~SafetensorsFile();

    const std::string& name() const { return m_name; }
    // In the order of their byte ranges.
    const std::vector<TensorInfo>& tensors() const { return m_tensors; }
    const TensorInfo* find(std::string_view tensorName) const;
    const std::map<std::string, std::string>& metadata() const { return m_metadata; }

    // The tensor's raw bytes, row-major, little-endian.
    std::span<const std::byte> bytes(const TensorInfo& tensor) const;
    // Its elements as float, row-major, into out[0 .. elementCount()). F64 is
    // rounded to float; integer and 8-bit float tensors are refused.
    void readFloats(const TensorInfo& tensor, float* out) const;
    std::vector<float> floats(const TensorInfo& tensor) const;

private:
    struct Storage;
    SafetensorsFile(std::unique_ptr<Storage> storage, std::string name);
    void parse();
    // Throws the sentence (its %1 the file's name, %2.. the arguments).
    template <typename... Args> [[noreturn]] void fail(const char* sentence, Args&&... args) const
    {
        throw SafetensorsError(makeMessage("SafetensorsError", sentence, m_name, std::forward<Args>(args)...));
    }

    std::unique_ptr<Storage> m_storage;
    std::string m_name;
    const std::byte* m_data = nullptr; // first byte after the header
    std::uint64_t m_dataSize = 0;
    std::vector<TensorInfo> m_tensors;
    std::map<std::string, std::string> m_metadata;
};

} // namespace attn
