#pragma once

// The command line's file-only path: check every output, compute once (and
// only when an output needs the numbers), write every requested export, no
// window. The outputs are one group: either all of them are written or none
// is, and the previous files stay as they were.

#include "app/commandline.h"

#include <QString>

// Returns an empty string on success, else the one-line error.
QString runHeadlessExports(const CommandLineOptions& options);
