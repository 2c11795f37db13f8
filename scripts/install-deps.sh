#!/usr/bin/env bash
# Installs what RoPA Desk needs on a fresh Debian/Ubuntu machine (idempotent).
# System packages: build the Tauri shell, run it headless, check exported documents.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

APT_PACKAGES=(
  build-essential pkg-config curl
  libwebkit2gtk-4.1-dev libgtk-3-dev        # Tauri 2 shell (webkit2gtk 4.1)
  xvfb webkit2gtk-driver imagemagick        # headless window, WebDriver, screenshots
  xdotool                                   # e2e: drives the native GTK file dialogs
  poppler-utils qpdf sqlite3                # pdftotext/pdfinfo/pdftoppm, qpdf --check, sqlite3 CLI
  python3 nodejs npm
)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# nodejs/npm may come from elsewhere (nvm, nodesource): accept any working node >= 20.
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
fi
pkgs=()
for p in "${missing[@]}"; do [ -n "$p" ] && pkgs+=("$p"); done
if [ "${#pkgs[@]}" -gt 0 ]; then
  echo "==> apt-get install ${pkgs[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${pkgs[@]}"
fi

if [ -f ui/package.json ]; then
  echo "==> npm ci (ui/)"
  (cd ui && if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi)
fi
