#!/usr/bin/env bash
# Makes sure the browser tests have a Chromium: Debian's chromium package (Playwright never
# downloads a browser here), and a Chinese font so the screenshots kept as test artifacts are
# readable. MINGBAO_CHROMIUM points at another binary instead.
set -euo pipefail
chromium=${MINGBAO_CHROMIUM:-/usr/bin/chromium}
has_chinese_font() { command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh 2>/dev/null)" ]; }
[ -x "$chromium" ] && has_chinese_font && exit 0
if [ -n "${MINGBAO_CHROMIUM:-}" ]; then
    [ -x "$chromium" ] && exit 0
    echo "browser tests: MINGBAO_CHROMIUM=$chromium is not an executable; point it at a Chromium binary" >&2
    exit 1
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    [ -x "$chromium" ] && { echo "browser tests: no Chinese font; screenshots will show boxes (apt-get install fonts-wqy-microhei)" >&2; exit 0; }
    echo "browser tests: Chromium not found at $chromium; install it (sudo apt-get install chromium)" \
        "or set MINGBAO_CHROMIUM, then run make browser again" >&2
    exit 1
fi
echo "browser tests: installing Debian's chromium and a Chinese font (once)"
export DEBIAN_FRONTEND=noninteractive
packages=(chromium fonts-wqy-microhei)
apt-get install -y -q "${packages[@]}" >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q "${packages[@]}" >/dev/null; }
[ -x "$chromium" ] || { echo "browser tests: apt-get did not install $chromium" >&2; exit 1; }
