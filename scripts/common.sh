# Shared by scripts/run, scripts/test and bench/run: configure and build one preset.
# AGENTDESK_BUILD_ROOT moves the build directories (CI's chroot builds outside the shared clone).
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_root=${AGENTDESK_BUILD_ROOT:-$repo/build}
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/ccache}
export CCACHE_BASEDIR=$repo
jobs=${AGENTDESK_JOBS:-$(nproc)}

# agentdesk_build PRESET [--target T...] [cmake configure arguments...]
agentdesk_build() {
  local preset=$1
  shift
  local targets=()
  while [[ ${1:-} == --target ]]; do targets+=(--target "$2"); shift 2; done
  local dir="$build_root/$preset"
  if [[ ! -f "$dir/CMakeCache.txt" ]]; then
    cmake -S "$repo" --preset "$preset" -B "$dir" "$@"
  else
    cmake -S "$repo" -B "$dir" "$@" >/dev/null
  fi
  cmake --build "$dir" -j "$jobs" "${targets[@]}"
}
