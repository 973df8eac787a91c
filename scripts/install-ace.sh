#!/bin/sh
# DAISY Ace, the EPUB accessibility checker, for the test suite (tests/test_accessibility.py).
#
# Installs the pinned @daisy/ace from npm into .tools/ace (git-ignored) and
# points Puppeteer at the system's Chromium instead of letting it download
# one: scripts/system-deps.sh installs Debian's `chromium`. Ace's Puppeteer
# runner starts Chromium with --no-sandbox itself, so it also runs as root.
# Needs Node.js 20 or later with npm (Ace's own requirement).
#
# Safe to run again: a matching install is left alone. Like system-deps.sh it
# never stops the set-up: without Node, npm or the registry it says so and
# exits 0; the Ace tests then fail in CI (CI set) and skip elsewhere.
set -u
ACE_VERSION="1.4.6"
root=$(cd "$(dirname "$0")/.." && pwd)
prefix="$root/.tools/ace"
stamp="$prefix/.installed"

if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$ACE_VERSION" ] && [ -x "$prefix/node_modules/.bin/ace" ]; then
    exit 0
fi
if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
    echo "install-ace: Node.js 20+ and npm are needed to install DAISY Ace; the Ace tests will not run"
    exit 0
fi
major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$major" -lt 20 ]; then
    echo "install-ace: Ace $ACE_VERSION needs Node.js 20 or later (found $(node --version)); the Ace tests will not run"
    exit 0
fi
mkdir -p "$prefix"
# Puppeteer would fetch its own browser and Electron (Ace's other runner, unused here) its
# binary, both from outside the npm registry; the system's Chromium is used instead.
if PUPPETEER_SKIP_DOWNLOAD=1 PUPPETEER_SKIP_CHROMIUM_DOWNLOAD=1 ELECTRON_SKIP_BINARY_DOWNLOAD=1 \
    npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error "@daisy/ace@$ACE_VERSION" >"$prefix/npm.log" 2>&1; then
    echo "$ACE_VERSION" >"$stamp"
    echo "install-ace: DAISY Ace $ACE_VERSION in .tools/ace"
else
    echo "install-ace: npm could not install @daisy/ace@$ACE_VERSION (see .tools/ace/npm.log); the Ace tests will not run"
fi
exit 0
