#!/usr/bin/env bash
# Runs every test of RoPA Desk on a fresh Debian/Ubuntu machine: installs what is missing, then
# lint (rustfmt, clippy, svelte-check), Rust tests (core, CLI, desktop shell on Tauri's mock
# runtime), frontend unit tests, and the end-to-end test of the built app in its real webview.
#
#   scripts/test.sh            everything (this is what CI runs)
#   ROPA_SKIP_E2E=1 scripts/test.sh   everything but the end-to-end test
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

step() { printf '\n==> %s\n' "$*"; }

step "installing missing system and npm packages"
bash scripts/install-deps.sh

step "the core crate depends on neither Tauri nor clap"
if cargo tree -p ropa-core -e normal --prefix none | grep -E '^(tauri|clap)[ -]'; then
  echo "ropa-core must not depend on tauri or clap" >&2
  exit 1
fi

step "rustfmt"
cargo fmt --all -- --check
cargo fmt --manifest-path tests/e2e/Cargo.toml -- --check

step "frontend build (ui/dist, embedded by the desktop shell)"
(cd ui && npm run build)

step "clippy"
cargo clippy --workspace --all-targets -- -D warnings
CARGO_TARGET_DIR="$PWD/target" cargo clippy --manifest-path tests/e2e/Cargo.toml --all-targets -- -D warnings

step "frontend type check and unit tests"
(cd ui && npm run check && npm test)

step "Rust tests (core, CLI, desktop shell on the mock runtime)"
cargo test --workspace

if [ "${ROPA_SKIP_E2E:-0}" != 1 ]; then
  step "end-to-end test of the built app (tauri-driver + WebKitWebDriver under Xvfb)"
  bash scripts/e2e.sh
fi

step "all tests passed"
