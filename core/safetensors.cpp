#include "safetensors.h"

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>
#include <tuple>
#include <utility>

namespace attn {

namespace {

struct DTypeName
{
    TensorDType dtype;
    std::string_view name;
    std::size_t size;
};

constexpr std::array<DTypeName, 15> kDTypes = {{
    {TensorDType::Bool, "BOOL", 1},
    {TensorDType::U8, "U8", 1},
    {TensorDType::I8, "I8", 1},
    {TensorDType::U16, "U16", 2},
    {TensorDType::I16, "I16", 2},
    {TensorDType::F16, "F16", 2},
    {TensorDType::BF16, "BF16", 2},
    {TensorDType::U32, "U32", 4},
    {TensorDType::I32, "I32", 4},
    {TensorDType::F32, "F32", 4},
    {TensorDType::U64, "U64", 8},
    {TensorDType::I64, "I64", 8},
    {TensorDType::F64, "F64", 8},
    {TensorDType::F8E4M3, "F8_E4M3", 1},
    {TensorDType::F8E5M2, "F8_E5M2", 1},
}};

std::optional<TensorDType> dtypeFromName(std::string_view name)
{
    for (const DTypeName& entry : kDTypes) {
        if (entry.name == name)
            return entry.dtype;
    }
    return std::nullopt;
}

const DTypeName& entryFor(TensorDType dtype)
{
    for (const DTypeName& entry : kDTypes) {
        if (entry.dtype == dtype)
            return entry;
    }
    return kDTypes[0];
}

// The deepest nesting of arrays and objects in a JSON text, counted without
// parsing (brackets inside strings ignored): a header nests three deep, and a
// hostile one nesting a million deep is refused before a parser sees it.
int nestingDepth(std::string_view text)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++depth);
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return deepest;
}

std::string quoted(const std::string& text)
{
    // Names come from the file: keep the sentence readable whatever they hold.
    std::string out = "\"";
    for (const char c : text.substr(0, 200)) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7F) {
            static constexpr char hex[] = "0123456789abcdef";
            out += "\\x";
            out += hex[byte >> 4];
            out += hex[byte & 15];
        } else {
            out += c;
        }
    }
    if (text.size() > 200)
        out += "...";
    return out + "\"";
}

// a * b, or nothing when it exceeds 2^62 (beyond any file).
std::optional<std::uint64_t> checkedProduct(std::uint64_t a, std::uint64_t b)
{
    constexpr std::uint64_t limit = std::uint64_t(1) << 62;
    if (a != 0 && b > limit / a)
        return std::nullopt;
    return a * b;
}

} // namespace

std::size_t dtypeSize(TensorDType dtype)
{
    return entryFor(dtype).size;
}

std::string_view toString(TensorDType dtype)
{
    return entryFor(dtype).name;
}

bool isFloatingPoint(TensorDType dtype)
{
    return dtype == TensorDType::F64 || dtype == TensorDType::F32 || dtype == TensorDType::F16 ||
           dtype == TensorDType::BF16;
}

std::uint64_t TensorInfo::elementCount() const
{
    std::uint64_t count = 1;
    for (const std::int64_t extent : shape)
        count *= static_cast<std::uint64_t>(extent);
    return count;
}

std::string TensorInfo::shapeText() const
{
    std::string out = "[";
    for (std::size_t i = 0; i < shape.size(); ++i) {
        if (i > 0)
            out += ", ";
        out += std::to_string(shape[i]);
    }
    return out + "]";
}

float halfToFloat(std::uint16_t bits)
{
    const bool negative = (bits & 0x8000u) != 0;
    const int exponent = (bits >> 10) & 0x1F;
    const int mantissa = bits & 0x3FF;
    float value;
    if (exponent == 0) {
        value = std::ldexp(static_cast<float>(mantissa), -24); // zero or subnormal
    } else if (exponent == 31) {
        value = mantissa == 0 ? std::numeric_limits<float>::infinity() : std::numeric_limits<float>::quiet_NaN();
    } else {
        const std::uint32_t out =
            (static_cast<std::uint32_t>(exponent - 15 + 127) << 23) | (static_cast<std::uint32_t>(mantissa) << 13);
        std::memcpy(&value, &out, sizeof value);
    }
    return negative ? -value : value;
}

float bfloat16ToFloat(std::uint16_t bits)
{
    const std::uint32_t out = static_cast<std::uint32_t>(bits) << 16;
    float value;
    std::memcpy(&value, &out, sizeof value);
    return value;
}

// The file's bytes: a read-only mapping, or a string for fromBytes().
struct SafetensorsFile::Storage
{
    const std::byte* data = nullptr;
    std::uint64_t size = 0;
    void* mapping = nullptr;
    std::size_t mappedSize = 0;
    std::string owned;

    ~Storage()
    {
        if (mapping)
            munmap(mapping, mappedSize);
    }
};

SafetensorsFile::SafetensorsFile(std::unique_ptr<Storage> storage, std::string name)
    : m_storage(std::move(storage))
    , m_name(std::move(name))
{
}

SafetensorsFile::SafetensorsFile(SafetensorsFile&&) noexcept = default;
SafetensorsFile& SafetensorsFile::operator=(SafetensorsFile&&) noexcept = default;
SafetensorsFile::~SafetensorsFile() = default;

SafetensorsFile SafetensorsFile::open(const std::string& path)
{
    auto storage = std::make_unique<Storage>();
    // Every refusal a whole sentence that can be translated.
    const auto said = [&](const char* sentence, auto&&... args) {
        throw SafetensorsError(makeMessage("SafetensorsError", sentence, path, args...));
    };
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        said(QT_TRANSLATE_NOOP("SafetensorsError", "The safetensors file %1 cannot be opened (%2)."),
             std::string(std::strerror(errno)));
    struct stat info
    {
    };
    if (fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        said(QT_TRANSLATE_NOOP("SafetensorsError", "The safetensors file %1 is not a regular file."));
    }
    const auto size = static_cast<std::uint64_t>(info.st_size);
    if (size < 8) {
        ::close(fd);
        said(QT_TRANSLATE_NOOP("SafetensorsError", "The safetensors file %1 is %2 bytes long, shorter than the 8-byte "
                                                   "header length it must begin with."),
             size);
    }
    if (size > std::numeric_limits<std::size_t>::max()) {
        ::close(fd);
        said(QT_TRANSLATE_NOOP("SafetensorsError", "The safetensors file %1 is too large to map into memory."));
    }
    void* mapping = mmap(nullptr, static_cast<std::size_t>(size), PROT_READ, MAP_PRIVATE, fd, 0);
    const int mapError = errno;
    ::close(fd);
    if (mapping == MAP_FAILED)
        said(QT_TRANSLATE_NOOP("SafetensorsError", "The safetensors file %1 cannot be mapped into memory (%2)."),
             std::string(std::strerror(mapError)));
    storage->mapping = mapping;
    storage->mappedSize = static_cast<std::size_t>(size);
    storage->data = static_cast<const std::byte*>(mapping);
    storage->size = size;
    SafetensorsFile file(std::move(storage), path);
    file.parse();
    return file;
}

SafetensorsFile SafetensorsFile::fromBytes(std::string bytes, const std::string& name)
{
    auto storage = std::make_unique<Storage>();
    storage->owned = std::move(bytes);
    storage->data = reinterpret_cast<const std::byte*>(storage->owned.data());
    storage->size = storage->owned.size();
    SafetensorsFile file(std::move(storage), name);
    if (file.m_storage->size < 8)
        file.fail(QT_TRANSLATE_NOOP("SafetensorsError", "The safetensors file %1 is %2 bytes long, shorter than the "
                                                        "8-byte header length it must begin with."),
                  file.m_storage->size);
    file.parse();
    return file;
}

void SafetensorsFile::parse()
{
    const std::byte* base = m_storage->data;
    const std::uint64_t size = m_storage->size;
    std::uint64_t headerLength = 0;
    for (int i = 7; i >= 0; --i)
        headerLength = (headerLength << 8) | static_cast<std::uint8_t>(base[i]);
    if (headerLength > size - 8)
        fail(QT_TRANSLATE_NOOP("SafetensorsError", "The safetensors file %1 declares a header of %2 bytes but holds "
                                                   "only %3 bytes after the header length."),
             headerLength, size - 8);
    if (headerLength > maxHeaderBytes)
        fail(QT_TRANSLATE_NOOP(
                 "SafetensorsError",
                 "The safetensors file %1 declares a header of %2 bytes, more than the %3 a header may have."),
             headerLength, maxHeaderBytes);
    const std::string_view header(reinterpret_cast<const char*>(base + 8), static_cast<std::size_t>(headerLength));
    m_data = base + 8 + headerLength;
    m_dataSize = size - 8 - headerLength;

    if (nestingDepth(header) > 8)
        fail(QT_TRANSLATE_NOOP("SafetensorsError",
                               "The safetensors file %1 has a header nested deeper than a tensor list can be."));
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(header);
    } catch (const nlohmann::json::exception& error) {
        const auto* parseError = dynamic_cast<const nlohmann::json::parse_error*>(&error);
        if (parseError)
            fail(QT_TRANSLATE_NOOP(
                     "SafetensorsError",
                     "The safetensors file %1 has a header that is not valid JSON (at byte %2 of the header)."),
                 parseError->byte);
        fail(QT_TRANSLATE_NOOP("SafetensorsError", "The safetensors file %1 has a header that is not valid JSON."));
    }
    if (!json.is_object())
        fail(QT_TRANSLATE_NOOP("SafetensorsError", "The safetensors file %1 has a header that is not a JSON object."));

    for (const auto& [key, value] : json.items()) {
        if (key == "__metadata__") {
            if (!value.is_object())
                fail(QT_TRANSLATE_NOOP("SafetensorsError",
                                       "The safetensors file %1 has a __metadata__ entry that is not an object."));
            for (const auto& [metaKey, metaValue] : value.items()) {
                if (!metaValue.is_string())
                    fail(QT_TRANSLATE_NOOP("SafetensorsError",
                                           "The safetensors file %1 has a __metadata__ entry %2 that is not a string."),
                         quoted(metaKey));
                m_metadata[metaKey] = metaValue.get<std::string>();
            }
            continue;
        }
        const std::string name = quoted(key);
        if (!value.is_object())
            fail(QT_TRANSLATE_NOOP("SafetensorsError",
                                   "The safetensors file %1 gives tensor %2 a description that is not an object."),
                 name);
        TensorInfo tensor;
        tensor.name = key;

        const auto dtype = value.find("dtype");
        if (dtype == value.end() || !dtype->is_string())
            fail(QT_TRANSLATE_NOOP("SafetensorsError", "The safetensors file %1 gives tensor %2 no dtype."), name);
        const auto parsedDType = dtypeFromName(dtype->get_ref<const std::string&>());
        if (!parsedDType)
            fail(QT_TRANSLATE_NOOP("SafetensorsError", "The safetensors file %1 gives tensor %2 the unknown dtype %3."),
                 name, quoted(dtype->get<std::string>()));
        tensor.dtype = *parsedDType;

        const auto shape = value.find("shape");
        if (shape == value.end() || !shape->is_array())
            fail(QT_TRANSLATE_NOOP("SafetensorsError", "The safetensors file %1 gives tensor %2 no shape."), name);
        std::uint64_t elements = 1;
        for (const auto& extent : *shape) {
            if (!extent.is_number_unsigned())
                fail(QT_TRANSLATE_NOOP("SafetensorsError", "The safetensors file %1 gives tensor %2 a shape whose "
                                                           "extents are not all whole numbers of at least zero."),
                     name);
            const auto e = extent.get<std::uint64_t>();
            const auto product = checkedProduct(elements, e);
            if (!product || e > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
                fail(QT_TRANSLATE_NOOP("SafetensorsError",
                                       "The safetensors file %1 gives tensor %2 a shape too large for any file."),
                     name);
            elements = *product;
            tensor.shape.push_back(static_cast<std::int64_t>(e));
        }

        const auto offsets = value.find("data_offsets");
        if (offsets == value.end() || !offsets->is_array() || offsets->size() != 2 ||
            !(*offsets)[0].is_number_unsigned() || !(*offsets)[1].is_number_unsigned())
            fail(QT_TRANSLATE_NOOP("SafetensorsError",
                                   "The safetensors file %1 gives tensor %2 no data_offsets of two whole numbers."),
                 name);
        tensor.begin = (*offsets)[0].get<std::uint64_t>();
        tensor.end = (*offsets)[1].get<std::uint64_t>();
        if (tensor.begin > tensor.end)
            fail(QT_TRANSLATE_NOOP(
                     "SafetensorsError",
                     "The safetensors file %1 gives tensor %2 the offsets [%3, %4], which begin after they end."),
                 name, tensor.begin, tensor.end);
        if (tensor.end > m_dataSize)
            fail(QT_TRANSLATE_NOOP("SafetensorsError", "The safetensors file %1 gives tensor %2 the offsets [%3, %4], "
                                                       "past the end of its %5 bytes of data."),
                 name, tensor.begin, tensor.end, m_dataSize);
        const auto bytes = checkedProduct(elements, dtypeSize(tensor.dtype));
        if (!bytes)
            fail(QT_TRANSLATE_NOOP("SafetensorsError", "The safetensors file %1 gives tensor %2 %3 bytes, but its "
                                                       "shape %4 of %5 needs more than any file holds."),
                 name, tensor.end - tensor.begin, tensor.shapeText(), std::string(toString(tensor.dtype)));
        if (*bytes != tensor.end - tensor.begin)
            fail(
                QT_TRANSLATE_NOOP("SafetensorsError",
                                  "The safetensors file %1 gives tensor %2 %3 bytes, but its shape %4 of %5 needs %6."),
                name, tensor.end - tensor.begin, tensor.shapeText(), std::string(toString(tensor.dtype)), *bytes);
        m_tensors.push_back(std::move(tensor));
    }

    std::sort(m_tensors.begin(), m_tensors.end(), [](const TensorInfo& a, const TensorInfo& b) {
        return std::tie(a.begin, a.end, a.name) < std::tie(b.begin, b.end, b.name);
    });
    const TensorInfo* previous = nullptr;
    for (const TensorInfo& tensor : m_tensors) {
        if (tensor.begin == tensor.end)
            continue; // an empty tensor occupies no byte
        if (previous && tensor.begin < previous->end)
            fail(QT_TRANSLATE_NOOP("SafetensorsError",
                                   "The safetensors file %1 stores tensors %2 and %3 in overlapping bytes."),
                 quoted(previous->name), quoted(tensor.name));
        previous = &tensor;
    }
}

const TensorInfo* SafetensorsFile::find(std::string_view tensorName) const
{
    for (const TensorInfo& tensor : m_tensors) {
        if (tensor.name == tensorName)
            return &tensor;
    }
    return nullptr;
}

std::span<const std::byte> SafetensorsFile::bytes(const TensorInfo& tensor) const
{
    return {m_data + tensor.begin, static_cast<std::size_t>(tensor.end - tensor.begin)};
}

void SafetensorsFile::readFloats(const TensorInfo& tensor, float* out) const
{
    const std::byte* in = m_data + tensor.begin;
    const auto count = static_cast<std::size_t>(tensor.elementCount());
    const auto u16 = [&](std::size_t i) {
        return static_cast<std::uint16_t>(static_cast<std::uint8_t>(in[2 * i]) |
                                          (static_cast<std::uint8_t>(in[2 * i + 1]) << 8));
    };
    switch (tensor.dtype) {
    case TensorDType::F32:
        std::memcpy(out, in, count * sizeof(float));
        return;
    case TensorDType::F64:
        for (std::size_t i = 0; i < count; ++i) {
            double value;
            std::memcpy(&value, in + 8 * i, sizeof value);
            out[i] = static_cast<float>(value);
        }
        return;
    case TensorDType::F16:
        for (std::size_t i = 0; i < count; ++i)
            out[i] = halfToFloat(u16(i));
        return;
    case TensorDType::BF16:
        for (std::size_t i = 0; i < count; ++i)
            out[i] = bfloat16ToFloat(u16(i));
        return;
    default:
        fail(QT_TRANSLATE_NOOP("SafetensorsError", "The safetensors file %1 stores tensor %2 as %3, not as "
                                                   "floating-point numbers (F32, F16, BF16 or F64)."),
             quoted(tensor.name), std::string(toString(tensor.dtype)));
    }
}

std::vector<float> SafetensorsFile::floats(const TensorInfo& tensor) const
{
    std::vector<float> out(static_cast<std::size_t>(tensor.elementCount()));
    readFloats(tensor, out.data());
    return out;
}

} // namespace attn
