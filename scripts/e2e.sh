#!/usr/bin/env bash
# End-to-end test of the real desktop app.
#
# 1. builds the app with the frontend inside (`tauri build --debug --no-bundle`);
# 2. starts a virtual display (Xvfb) and tauri-driver (which starts WebKitWebDriver);
# 3. runs the fantoccini tests in tests/e2e, which launch the app on a register file and read
#    the window's DOM;
# 4. stops everything it started, whatever happened (trap), tauri-driver with SIGTERM so that it
#    also stops WebKitWebDriver.
#
# Needs the packages of scripts/install-deps.sh (xvfb, webkit2gtk-driver, libwebkit2gtk-4.1-dev,
# xdotool for the native file dialogs, poppler-utils and qpdf to check exported PDFs)
# and installs tauri-driver with cargo if it is missing. No display or window manager needed.
#
# Environment (all optional):
#   ROPA_E2E_SKIP_BUILD=1     reuse target/debug/ropa-desk as built by a previous run
#   ROPA_E2E_SCREENSHOT=FILE  write a PNG of the app's first screen there
#   ROPA_E2E_TIMEOUT=SECONDS  time limit for running the tests, once compiled (default 300)
#   ROPA_E2E_KEEP_LOGS=DIR    copy the Xvfb/tauri-driver logs there
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
# Tell the Tauri CLI where the app and the frontend are rather than letting it search.
export TAURI_APP_PATH="$PWD/src-tauri" TAURI_FRONTEND_PATH="$PWD/ui"

TEST_TIMEOUT="${ROPA_E2E_TIMEOUT:-300}"
APP="$CARGO_TARGET_DIR/debug/ropa-desk"
LOGS="$(mktemp -d "${TMPDIR:-/tmp}/ropa-e2e.XXXXXX")"
XVFB_PID=""
DRIVER_PID=""

log() { printf '==> %s\n' "$*"; }
fail() { printf 'e2e: %s\n' "$*" >&2; exit 1; }

# Stops a process we started: SIGTERM, then SIGKILL if it is still there after 5 s.
stop() {
  local pid=$1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 50); do
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  # WebKitWebDriver is tauri-driver's child; remember it in case tauri-driver has to be killed.
  local native=""
  [ -n "$DRIVER_PID" ] && native="$(pgrep -P "$DRIVER_PID" 2>/dev/null || true)"
  stop "$DRIVER_PID"
  for pid in $native; do stop "$pid"; done
  stop "$XVFB_PID"
  if [ -n "${ROPA_E2E_KEEP_LOGS:-}" ]; then
    mkdir -p "$ROPA_E2E_KEEP_LOGS" && cp "$LOGS"/*.log "$ROPA_E2E_KEEP_LOGS"/ 2>/dev/null || true
  fi
  if [ "$status" -ne 0 ]; then
    for f in "$LOGS"/*.log; do
      [ -s "$f" ] || continue
      printf -- '--- %s (last 40 lines)\n' "$(basename "$f")" >&2
      tail -n 40 "$f" >&2
    done
    printf 'e2e: FAILED (exit %s)\n' "$status" >&2
  fi
  rm -rf "$LOGS"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
  local port=$1
  while port_open "$port"; do port=$((port + 1)); done
  echo "$port"
}

# Waits until `check` succeeds, up to $2 seconds; fails early if process $3 has died.
wait_for() {
  local what=$1 seconds=$2 pid=$3; shift 3
  local deadline=$((SECONDS + seconds))
  until "$@"; do
    kill -0 "$pid" 2>/dev/null || fail "$what exited early"
    [ "$SECONDS" -lt "$deadline" ] || fail "timed out after ${seconds}s waiting for $what"
    sleep 0.2
  done
}

for tool in Xvfb WebKitWebDriver npm cargo; do
  command -v "$tool" >/dev/null || fail "$tool not found: run scripts/install-deps.sh first"
done

# --- 1. Build the app with the frontend embedded --------------------------------------------
if [ "${ROPA_E2E_SKIP_BUILD:-0}" != 1 ]; then
  if [ ! -d ui/node_modules ]; then
    log "npm ci (ui/)"
    (cd ui && npm ci --no-audit --no-fund)
  fi
  log "tauri build --debug --no-bundle"
  build_start=$SECONDS
  ui/node_modules/.bin/tauri build --debug --no-bundle --ci
  log "app built in $((SECONDS - build_start))s"
fi
[ -x "$APP" ] || fail "$APP not found"

if ! command -v tauri-driver >/dev/null; then
  log "cargo install tauri-driver"
  cargo install tauri-driver --locked --version '^2'
fi

# Compile the tests before anything is started, so the time limit below covers only running them.
# (Not --locked: tests/e2e/Cargo.lock also pins ropa-core's dependencies, which change with it.)
log "compiling tests/e2e"
cargo test --manifest-path tests/e2e/Cargo.toml --no-run

# --- 2. Virtual display and WebDriver -------------------------------------------------------
display=99
while [ -e "/tmp/.X${display}-lock" ] || [ -e "/tmp/.X11-unix/X${display}" ]; do
  display=$((display + 1))
done
log "Xvfb :$display"
Xvfb ":$display" -screen 0 1280x800x24 -nolisten tcp >"$LOGS/xvfb.log" 2>&1 &
XVFB_PID=$!
wait_for "Xvfb" 20 "$XVFB_PID" test -S "/tmp/.X11-unix/X${display}"
export DISPLAY=":$display"

# The app's recent-registers list goes to a throwaway directory, not the user's config (the app
# inherits this through tauri-driver; tests that need their own list pass --config-dir).
export ROPA_CONFIG_DIR="$LOGS/config"

driver_port="$(free_port 4444)"
native_port="$(free_port $((driver_port + 1)))"
log "tauri-driver on port $driver_port (WebKitWebDriver on $native_port)"
tauri-driver --port "$driver_port" --native-port "$native_port" >"$LOGS/tauri-driver.log" 2>&1 &
DRIVER_PID=$!
wait_for "tauri-driver" 30 "$DRIVER_PID" port_open "$driver_port"
wait_for "WebKitWebDriver" 30 "$DRIVER_PID" port_open "$native_port"

# --- 3. The tests -------------------------------------------------------------------------
log "running tests/e2e"
test_start=$SECONDS
ROPA_E2E_APP="$APP" ROPA_E2E_WEBDRIVER="http://127.0.0.1:$driver_port" \
  timeout --kill-after=10 "$TEST_TIMEOUT" \
  cargo test --manifest-path tests/e2e/Cargo.toml -- --test-threads=1
log "e2e tests passed in $((SECONDS - test_start))s"
