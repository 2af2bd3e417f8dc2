#!/usr/bin/env bash
# Installs what building and testing resume-ls needs, and says what it does.
#   - Debian/Ubuntu packages (apt-get; sudo when not root), only those missing;
#   - the pinned npm packages of every package-lock.json in the tree
#     (grammars, test clients, editor integrations), with `npm ci`.
# Safe to run again: it skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

# clang-format-14, clang-tidy-14 and cppcheck (2.10 on Debian 12) are the
# versions scripts/lint.sh is pinned to. `patch` applies grammars/patches at
# configure time (build-essential brings it through dpkg-dev; named to be sure).
# libhunspell-dev and hunspell-en-us: the `spelling` rule and its tests.
APT_PACKAGES=(build-essential patch cmake pkg-config libuv1-dev libcjson-dev libtree-sitter-dev
              nodejs npm neovim valgrind clang libclang-rt-14-dev python3
              clang-format-14 clang-tidy-14 cppcheck libhunspell-dev hunspell-en-us)

missing=()
for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# npm may come from elsewhere (a Node.js install that bundles it).
if command -v npm >/dev/null && command -v node >/dev/null; then
    missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
fi
missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))

if ((${#missing[@]})); then
    SUDO=""
    if [ "$(id -u)" != 0 ]; then
        command -v sudo >/dev/null || { echo "deps: need root or sudo to install: ${missing[*]}" >&2; exit 2; }
        SUDO=sudo
    fi
    echo "deps: installing Debian packages: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
    echo "deps: Debian packages present"
fi

# `npm ci` reinstalls from scratch, so it only runs when the lock file is
# newer than what is installed (npm writes node_modules/.package-lock.json).
while IFS= read -r lock; do
    dir=$(dirname "$lock")
    stamp="$dir/node_modules/.package-lock.json"
    if [ -f "$stamp" ] && [ "$stamp" -nt "$lock" ]; then continue; fi
    echo "deps: npm ci in $dir"
    (cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
done < <(find grammars tests editors bench -name package-lock.json -not -path '*/node_modules/*' 2>/dev/null | sort)
