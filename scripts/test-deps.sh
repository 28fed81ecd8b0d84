#!/usr/bin/env bash
# What the tests need beyond Python packages: Debian's Chromium (browser tests) and a CJK font
# (tests draw the sample report into a real PDF). Installed when missing and we may install
# (root, or sudo without a password); otherwise say what is missing: those tests then skip,
# except in CI (CI=true), where they must run.
set -u
missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ]; then sudo=""; elif sudo -n true 2>/dev/null; then sudo="sudo -n"; else sudo=none; fi
if [ "$sudo" = none ]; then
  echo "note: ${missing[*]} not installed (need root: apt-get install ${missing[*]}); the tests that need them will be skipped" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q >/dev/null
$sudo apt-get install -y -q "${missing[@]}" >/dev/null
