#!/usr/bin/env bash
# The peers policyledger is compared with, each in a venv of its own under benchmarks/.venv-peers/:
# Recognizers-Text's import needs emoji<1.0 while unstructured needs emoji>=2.15, so they cannot
# share one; none of them belongs in the project's own environment. Idempotent: re-running
# only tops the venvs up. Usage: benchmarks/setup_peers.sh [recognizers|jionlp|unstructured]...
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="${PEERS_DIR:-$here/.venv-peers}"
python="${PYTHON:-python3}"

declare -A packages=(
  [recognizers]="recognizers-text-suite==1.0.2a2 emoji<1.0"
  [jionlp]="jionlp>=1.5,<2"
  [unstructured]="unstructured>=0.15,<1"
)
declare -A modules=([recognizers]=recognizers_suite [jionlp]=jionlp [unstructured]=unstructured.partition.text)

for peer in "${@:-recognizers jionlp unstructured}"; do
  for name in $peer; do
    venv="$root/$name"
    [ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
    # shellcheck disable=SC2086
    "$venv/bin/pip" install --quiet --disable-pip-version-check ${packages[$name]} 2>&1 | grep -v "^WARNING: Location" || true
    if "$venv/bin/python" -c "import ${modules[$name]}" 2>"$venv/import-error.txt"; then
      echo "$name: ready in $venv"
    else
      echo "$name: installed but does not import: $(tail -1 "$venv/import-error.txt")"
    fi
  done
done
