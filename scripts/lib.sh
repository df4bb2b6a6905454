# Shared helpers for relplay's scripts: installing what is missing, idempotently.
# Sourced by setup.sh, serve.sh and test.sh; never run on its own.

set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
export PATH="$HOME/.cargo/bin:$REPO_ROOT/node_modules/.bin:$PATH"

log() { printf '\033[1m[relplay]\033[0m %s\n' "$*" >&2; }

# Runs a command as root: directly when we are root, else through sudo.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

APT_UPDATED=0
# Installs the Debian packages that are not installed yet.
need_apt() {
  local missing=()
  for package in "$@"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$APT_UPDATED" -eq 0 ]; then
    log "apt-get update"
    as_root apt-get update -qq
    APT_UPDATED=1
  fi
  log "installing Debian packages: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

need_wasm_target() {
  rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown && return 0
  log "adding the wasm32-unknown-unknown Rust target"
  rustup target add wasm32-unknown-unknown
}

need_rust_lints() {
  cargo fmt --version >/dev/null 2>&1 && cargo clippy --version >/dev/null 2>&1 && return 0
  log "adding rustfmt and clippy"
  rustup component add rustfmt clippy
}

need_trunk() {
  if trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then return 0; fi
  log "installing trunk $TRUNK_VERSION (a one-time build of several minutes)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
}

# wasm-bindgen-cli must be exactly the wasm-bindgen version in Cargo.lock.
need_wasm_bindgen() {
  local wanted
  wanted=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' "$REPO_ROOT/Cargo.lock")
  if wasm-bindgen --version 2>/dev/null | grep -q " $wanted\$"; then return 0; fi
  log "installing wasm-bindgen-cli $wanted (matches Cargo.lock)"
  # Without --locked: the registry lacks one of the CLI's locked dependencies.
  cargo install wasm-bindgen-cli --version "$wanted"
}

# npm packages (CodeMirror, esbuild, binaryen's wasm-opt, test tools) exactly as package-lock says.
need_npm_packages() {
  local stamp="$REPO_ROOT/node_modules/.relplay-installed"
  if [ -f "$stamp" ] && [ "$stamp" -nt "$REPO_ROOT/package-lock.json" ]; then return 0; fi
  log "npm ci"
  (cd "$REPO_ROOT" && npm ci --no-fund --no-audit >/dev/null)
  touch "$stamp"
}

# Everything `trunk build` needs.
need_app_toolchain() {
  need_wasm_target
  need_npm_packages
  need_trunk
  need_wasm_bindgen
}
