#!/usr/bin/env bash
# Compiles the VS Code extension for the editor tests. Its npm packages are
# installed by scripts/deps.sh (`npm ci --ignore-scripts`); say so when they
# are missing instead of failing inside tsc.
set -euo pipefail
cd "$1"
if [ ! -x node_modules/.bin/tsc ]; then
    echo "editors/vscode: npm packages missing; run scripts/deps.sh (or: cd editors/vscode && npm ci --ignore-scripts)" >&2
    exit 1
fi
npm run --silent build
test -f out/src/extension.js
test -f dist/extension.js
