#include "parallel.h"

#include <algorithm>
#include <exception>
#include <new>
#include <system_error>
#include <thread>
#include <vector>

namespace attn {

int workerCount()
{
    return std::max(1u, std::thread::hardware_concurrency());
}

void parallelFor(int count, const std::function<void(int begin, int end)>& work, int maxThreads)
{
    if (count <= 0)
        return;
    const int threads = std::min(count, maxThreads > 0 ? maxThreads : workerCount());
    if (threads <= 1) {
        work(0, count);
        return;
    }
    std::vector<std::exception_ptr> errors(static_cast<std::size_t>(threads));
    std::vector<std::thread> pool;
    pool.reserve(static_cast<std::size_t>(threads - 1));
    const auto range = [&](int t) { return std::pair{count * t / threads, count * (t + 1) / threads}; };
    const auto run = [&](int t) {
        try {
            const auto [begin, end] = range(t);
            work(begin, end);
        } catch (...) {
            errors[static_cast<std::size_t>(t)] = std::current_exception();
        }
    };
    // A thread that cannot be started (a process or memory limit) is not an
    // error: its share runs on the calling thread, only later.
    int started = 1;
    try {
        for (; started < threads; ++started)
            pool.emplace_back(run, started);
    } catch (const std::system_error&) {
    } catch (const std::bad_alloc&) {
    }
    for (int t = started; t < threads; ++t)
        run(t);
    run(0);
    for (std::thread& thread : pool)
        thread.join();
    for (const std::exception_ptr& error : errors) {
        if (error)
            std::rethrow_exception(error);
    }
}

} // namespace attn
