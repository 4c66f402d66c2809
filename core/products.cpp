#include "products.h"

#include <algorithm>
#include <cassert>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <sstream>

#if defined(AV_USE_OPENBLAS)
#include <dlfcn.h>
#endif

namespace attn {

namespace {

// Below this many multiply-adds a BLAS call costs more than Eigen's product.
constexpr double kBlasMinimum = 32.0 * 32.0 * 32.0;

constexpr int kRowMajor = 101; // CblasRowMajor
constexpr int kNoTrans = 111;  // CblasNoTrans
constexpr int kTrans = 112;    // CblasTrans

// OpenBLAS's entry points, as its cblas.h declares them (the enums are ints).
using Dgemm = void (*)(int order, int transA, int transB, int m, int n, int k, double alpha, const double* a, int lda,
                       const double* b, int ldb, double beta, double* c, int ldc);
using CoreName = char* (*)();
using SgemmEntry = SgemmFunction;
using Config = char* (*)();
using SetThreads = void (*)(int threads);

struct Loaded
{
    ProductKernels kernels;
    Dgemm dgemm = nullptr; // null: Eigen runs every product
    SgemmEntry sgemm = nullptr;
};

std::string lowered(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

const char* environment(const char* name)
{
    const char* value = std::getenv(name);
    return value && *value ? value : nullptr;
}

VectorUnits eigenUnits()
{
#if defined(EIGEN_VECTORIZE_AVX512)
    return VectorUnits::Avx512;
#elif defined(EIGEN_VECTORIZE_AVX2) && defined(EIGEN_VECTORIZE_FMA)
    return VectorUnits::Avx2;
#elif defined(EIGEN_VECTORIZE_AVX)
    return VectorUnits::Avx;
#else
    return VectorUnits::Baseline;
#endif
}

std::string eigenName()
{
    std::ostringstream name;
    name << "Eigen " << EIGEN_WORLD_VERSION << '.' << EIGEN_MAJOR_VERSION << '.' << EIGEN_MINOR_VERSION << " ("
         << vectorUnitsName(eigenUnits()) << ')';
    return name.str();
}

void eigenProduct(MatrixRef dst, const ConstMatrixRef& lhs, const ConstMatrixRef& rhs, bool transposed)
{
    if (transposed)
        dst.noalias() = lhs * rhs.transpose();
    else
        dst.noalias() = lhs * rhs;
}

#if defined(AV_USE_OPENBLAS)

// The core OpenBLAS 0.3.x runs best on processors with these vector units.
const char* fittingCore(VectorUnits units)
{
    switch (units) {
    case VectorUnits::Avx512:
        return "SkylakeX";
    case VectorUnits::Avx2:
        return "Haswell";
    case VectorUnits::Avx:
        return "Sandybridge";
    case VectorUnits::Baseline:
        break;
    }
    return nullptr;
}

struct Library
{
    void* handle = nullptr;
    Dgemm dgemm = nullptr;
    SgemmEntry sgemm = nullptr; // may be null: Eigen runs the single-precision products
    CoreName coreName = nullptr;
    Config config = nullptr;
    SetThreads setThreads = nullptr;

    std::string core() const { return coreName ? coreName() : ""; }
};

Library openLibrary(const char* path, std::string* error)
{
    Library library;
    library.handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!library.handle) {
        const char* why = dlerror();
        *error = why ? why : "cannot load it";
        return library;
    }
    library.dgemm = reinterpret_cast<Dgemm>(dlsym(library.handle, "cblas_dgemm"));
    library.sgemm = reinterpret_cast<SgemmEntry>(dlsym(library.handle, "cblas_sgemm"));
    library.coreName = reinterpret_cast<CoreName>(dlsym(library.handle, "openblas_get_corename"));
    library.config = reinterpret_cast<Config>(dlsym(library.handle, "openblas_get_config"));
    library.setThreads = reinterpret_cast<SetThreads>(dlsym(library.handle, "openblas_set_num_threads"));
    if (!library.dgemm || !library.coreName || !library.setThreads) {
        *error = std::string(path) + " has no cblas_dgemm, openblas_get_corename or openblas_set_num_threads";
        dlclose(library.handle);
        library = Library{};
    }
    return library;
}

// "0.3.21" from "OpenBLAS 0.3.21 DYNAMIC_ARCH ...".
std::string versionOf(const Library& library)
{
    if (!library.config)
        return "";
    std::istringstream words(library.config());
    std::string name, version;
    words >> name >> version;
    return name == "OpenBLAS" ? version : "";
}

// Loads OpenBLAS, first letting it choose its core and, when that core's
// vectors are narrower than the processor's, once more naming the core that
// fits. `kernels` says which core runs and why.
Library loadOpenblas(ProductKernels& kernels)
{
    const char* requested = environment("AV_OPENBLAS_LIBRARY");
    std::string error;
    const auto openAny = [&] {
        if (requested)
            return openLibrary(requested, &error);
        Library library = openLibrary("libopenblas.so.0", &error);
        if (!library.handle) // Debian's path, kept by its alternatives system
            library = openLibrary("/usr/lib/x86_64-linux-gnu/libopenblas.so.0", &error);
        return library;
    };
    // While it loads, OpenBLAS starts a thread per core for its own pool and
    // ends the process when it cannot (a user limited to a few processes).
    // The engine calls it single-threaded, so it asks for no pool at all.
    const auto open = [&] {
        const bool poolUnset = environment("OPENBLAS_NUM_THREADS") == nullptr;
        if (poolUnset)
            setenv("OPENBLAS_NUM_THREADS", "1", 0);
        Library library = openAny();
        if (poolUnset)
            unsetenv("OPENBLAS_NUM_THREADS");
        return library;
    };

    const char* fitting = fittingCore(kernels.processor);
    kernels.fitting = fitting ? fitting : "";
    if (const char* user = environment("OPENBLAS_CORETYPE")) {
        kernels.userCore = true;
        kernels.userCoreValue = user;
    }
    // A library some other part of the process loaded already chose its core.
    void* loadedBefore = dlopen(requested ? requested : "libopenblas.so.0", RTLD_NOW | RTLD_NOLOAD);
    if (loadedBefore || kernels.userCore) {
        Library library = open();
        if (loadedBefore)
            dlclose(loadedBefore);
        if (!library.handle)
            kernels.whyNotOpenblas = error;
        return library;
    }

    const char* simulated = environment("AV_OPENBLAS_TEST_DETECTS");
    if (simulated)
        setenv("OPENBLAS_CORETYPE", simulated, 1);
    Library library = open();
    if (simulated)
        unsetenv("OPENBLAS_CORETYPE");
    if (!library.handle) {
        kernels.whyNotOpenblas = error;
        return library;
    }
    kernels.detected = library.core();
    if (!fitting || openblasCoreUnits(kernels.detected) >= kernels.processor)
        return library;

    // Its table does not know this processor: load it again with the core
    // that fits. OpenBLAS reads OPENBLAS_CORETYPE only while it loads.
    dlclose(library.handle);
    setenv("OPENBLAS_CORETYPE", fitting, 0);
    Library again = open();
    if (!again.handle)
        kernels.whyNotOpenblas = error;
    return again;
}

// Seconds for the fastest of a few products of the size the engine's heads
// multiply, on one kernel.
template <typename Product> double bestSeconds(Product product)
{
    const Eigen::Index size = 192;
    Matrix a = Matrix::Constant(size, size, 0.5), b = Matrix::Constant(size, size, 0.25), c(size, size);
    double best = 1e30;
    for (int i = 0; i < 5; ++i) {
        const auto start = std::chrono::steady_clock::now();
        product(c, a, b);
        best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    return best;
}

#endif // AV_USE_OPENBLAS

std::string describe(const ProductKernels& k)
{
    if (!k.openblas) {
        std::string text = k.eigen;
        if (!k.whyNotOpenblas.empty())
            text += "; OpenBLAS not used: " + k.whyNotOpenblas;
        return text;
    }
    std::string text = "OpenBLAS " + (k.version.empty() ? std::string() : k.version + " ") + k.core;
    std::string why;
    if (k.userCore)
        why = "OPENBLAS_CORETYPE=" + k.userCoreValue + " from the environment";
    else if (!k.detected.empty() && lowered(k.detected) != lowered(k.core))
        why = std::string("chosen for ") + vectorUnitsName(k.processor) + "; OpenBLAS detected " + k.detected;
    else if (!k.detected.empty())
        why = std::string("OpenBLAS's own choice for ") + vectorUnitsName(k.processor);
    else
        why = "loaded before the engine's first product";
    if (k.kernel < k.processor)
        why += std::string("; its kernels use narrower vectors than the processor's ") + vectorUnitsName(k.processor) +
               ", and they outran " + k.eigen;
    return text + " (" + why + ")";
}

Loaded load()
{
    Loaded loaded;
    ProductKernels& k = loaded.kernels;
    k.processor = processorVectorUnits();
    k.eigen = eigenName();
    k.kernel = eigenUnits();
#if defined(AV_USE_OPENBLAS)
    const char* wanted = environment("AV_OPENBLAS");
    if (wanted && std::string(wanted) == "0") {
        k.whyNotOpenblas = "AV_OPENBLAS=0";
    } else if (Library library = loadOpenblas(k); library.handle) {
        // The engine runs products on its own threads; one BLAS thread each.
        library.setThreads(1);
        k.openblas = true;
        k.openblasLoaded = true;
        k.version = versionOf(library);
        k.core = library.core();
        k.kernel = openblasCoreUnits(k.core);
        loaded.dgemm = library.dgemm;
        loaded.sgemm = library.sgemm;
        if (k.kernel < k.processor) {
            // Not the kernels this processor calls for: keep them only when
            // they are faster than Eigen's here.
            const Dgemm dgemm = library.dgemm;
            const double blas = bestSeconds([dgemm](Matrix& c, const Matrix& a, const Matrix& b) {
                dgemm(kRowMajor, kNoTrans, kNoTrans, static_cast<int>(a.rows()), static_cast<int>(b.cols()),
                      static_cast<int>(a.cols()), 1.0, a.data(), static_cast<int>(a.cols()), b.data(),
                      static_cast<int>(b.cols()), 0.0, c.data(), static_cast<int>(c.cols()));
            });
            const double eigen =
                bestSeconds([](Matrix& c, const Matrix& a, const Matrix& b) { eigenProduct(c, a, b, false); });
            if (eigen < blas) {
                k.openblas = false;
                k.kernel = eigenUnits();
                k.whyNotOpenblas = "its core " + k.core + " (OpenBLAS " + k.version + ") uses narrower vectors than " +
                                   vectorUnitsName(k.processor) + " and was slower here";
                loaded.dgemm = nullptr;
                loaded.sgemm = nullptr;
            }
        }
    }
#else
    k.whyNotOpenblas = "built without it (AV_USE_OPENBLAS=OFF)";
#endif
    k.description = describe(k);
    return loaded;
}

const Loaded& loaded()
{
    static const Loaded once = load();
    return once;
}

} // namespace

const char* vectorUnitsName(VectorUnits units)
{
    switch (units) {
    case VectorUnits::Avx512:
        return "AVX-512";
    case VectorUnits::Avx2:
        return "AVX2";
    case VectorUnits::Avx:
        return "AVX";
    case VectorUnits::Baseline:
        break;
    }
    return "SSE2";
}

VectorUnits processorVectorUnits()
{
#if defined(__x86_64__) || defined(__i386__)
    // GCC's and Clang's checks include the operating system's support for
    // the wide registers (XGETBV).
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512cd") && __builtin_cpu_supports("avx512bw") &&
        __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512vl"))
        return VectorUnits::Avx512;
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
        return VectorUnits::Avx2;
    if (__builtin_cpu_supports("avx"))
        return VectorUnits::Avx;
#endif
    return VectorUnits::Baseline;
}

VectorUnits openblasCoreUnits(const std::string& core)
{
    const std::string name = lowered(core);
    for (const char* avx512 : {"skylakex", "cooperlake", "sapphirerapids"})
        if (name == avx512)
            return VectorUnits::Avx512;
    for (const char* avx2 : {"haswell", "zen"})
        if (name == avx2)
            return VectorUnits::Avx2;
    for (const char* avx : {"sandybridge", "bulldozer", "piledriver", "steamroller", "excavator"})
        if (name == avx)
            return VectorUnits::Avx;
    return VectorUnits::Baseline;
}

const ProductKernels& productKernels()
{
    return loaded().kernels;
}

SgemmFunction singlePrecisionGemm()
{
    return loaded().sgemm;
}

const char* productBackend()
{
    return loaded().kernels.description.c_str();
}

void multiply(MatrixRef dst, const ConstMatrixRef& lhs, const ConstMatrixRef& rhs, Rhs form)
{
    const bool transposed = form == Rhs::Transposed;
    assert(lhs.cols() == (transposed ? rhs.cols() : rhs.rows()));
    assert(dst.rows() == lhs.rows() && dst.cols() == (transposed ? rhs.rows() : rhs.cols()));
    const double work = static_cast<double>(dst.rows()) * static_cast<double>(dst.cols()) * lhs.cols();
    if (work >= kBlasMinimum) {
        if (const Dgemm dgemm = loaded().dgemm) {
            dgemm(kRowMajor, kNoTrans, transposed ? kTrans : kNoTrans, static_cast<int>(dst.rows()),
                  static_cast<int>(dst.cols()), static_cast<int>(lhs.cols()), 1.0, lhs.data(),
                  static_cast<int>(lhs.outerStride()), rhs.data(), static_cast<int>(rhs.outerStride()), 0.0, dst.data(),
                  static_cast<int>(dst.outerStride()));
            return;
        }
    }
    eigenProduct(dst, lhs, rhs, transposed);
}

} // namespace attn
