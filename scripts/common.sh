# Shared by scripts/run and scripts/test: install what is missing from
# Debian's packages, then configure and build. Sourced, not run.

set -euo pipefail

AV_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
AV_BUILD_DIR="${AV_BUILD_DIR:-$AV_ROOT/build}"
AV_JOBS="${AV_JOBS:-$(nproc 2>/dev/null || echo 2)}"

AV_PACKAGES=(
    build-essential cmake pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-svg-dev qt6-tools-dev qt6-l10n-tools qt6-translations-l10n libgl-dev libglx-dev libvulkan-dev
    libeigen3-dev libopenblas-dev libbenchmark-dev
    python3 python3-numpy
    nlohmann-json3-dev
    python3-torch
    poppler-utils desktop-file-utils clang-format
    fonts-dejavu-core fonts-noto-cjk fonts-noto-color-emoji
    qt6-qpa-plugins
)

av_log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

av_install_packages() {
    local missing=()
    local pkg
    for pkg in "${AV_PACKAGES[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$pkg")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return 0
    fi
    av_log "Installing missing Debian packages: ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            sudo=(sudo)
        else
            echo "error: missing packages (${missing[*]}) and not root; install them or run as root" >&2
            return 1
        fi
    fi
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

av_build() {
    av_log "Configuring and building (Release) in $AV_BUILD_DIR"
    cmake -S "$AV_ROOT" -B "$AV_BUILD_DIR" -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
    cmake --build "$AV_BUILD_DIR" -j "$AV_JOBS"
}
