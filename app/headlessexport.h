#pragma once

// The command line's file-only path: compute once, write every requested
// export, no window. Each export is written atomically; the first failure
// stops the run with its message.

#include "app/commandline.h"

#include <QString>

// Returns an empty string on success, else the one-line error.
QString runHeadlessExports(const CommandLineOptions& options);
