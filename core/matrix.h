#pragma once

// The one numeric type of the engine. Every stage of the computation is a
// dense float64 matrix stored row-major, so that a row is one token and the
// layout matches NumPy's C order (what the JSON export and the renderer walk).

#include <Eigen/Core>

namespace attn {

using Matrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using Vector = Eigen::Matrix<double, 1, Eigen::Dynamic, Eigen::RowMajor>;

// What a GPT-2 checkpoint computes in (core/gpt2model.h): float32, row-major.
using MatrixF = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using VectorF = Eigen::Matrix<float, 1, Eigen::Dynamic, Eigen::RowMajor>;

} // namespace attn
