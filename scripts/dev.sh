#!/usr/bin/env bash
# Builds RoPA Desk (frontend inside) and starts it.
#
# Without arguments the app opens its demo register (created in the app data directory on
# first start); `scripts/dev.sh --register FILE` (or ROPA_REGISTER=FILE) opens another one.
# Needs a display: on a machine without one, set ROPA_HEADLESS=1 to run it under xvfb-run.
# For live frontend reloading use `cd ui && npm run tauri dev` instead.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
# Tell the Tauri CLI where the app and the frontend are rather than letting it search.
export TAURI_APP_PATH="$PWD/src-tauri" TAURI_FRONTEND_PATH="$PWD/ui"

run=()
if [ "${ROPA_HEADLESS:-0}" = 1 ]; then
  command -v xvfb-run >/dev/null || { echo "dev.sh: xvfb-run not found: run scripts/install-deps.sh" >&2; exit 1; }
  run=(xvfb-run -a -s "-screen 0 1280x800x24")
elif [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  cat >&2 <<'EOF'
dev.sh: no display (neither DISPLAY nor WAYLAND_DISPLAY is set), so the desktop window cannot open.
  Run it from a desktop session, or set ROPA_HEADLESS=1 to start it under a virtual display
  (xvfb-run), e.g. to check that it starts: ROPA_HEADLESS=1 scripts/dev.sh
EOF
  exit 1
fi

if [ ! -d ui/node_modules ]; then
  echo "==> npm ci (ui/)"
  (cd ui && npm ci --no-audit --no-fund)
fi
echo "==> building RoPA Desk (tauri build --debug --no-bundle)"
ui/node_modules/.bin/tauri build --debug --no-bundle --ci

echo "==> starting RoPA Desk"
# Without arguments: the demo register (the start screen is one click away, Ctrl+O).
if [ "$#" -eq 0 ] && [ -z "${ROPA_REGISTER:-}" ]; then set -- --demo; fi
exec "${run[@]}" "$CARGO_TARGET_DIR/debug/ropa-desk" "$@"
