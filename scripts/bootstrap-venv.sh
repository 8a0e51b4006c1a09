#!/usr/bin/env bash
# Create .venv with a Python >= 3.11, installing Debian's venv support first when it is missing
# and we are allowed to (root). Prints what to install otherwise. Usage: bootstrap-venv.sh PYTHON VENV
set -euo pipefail
python=${1:-python3}
venv=${2:-.venv}

if ! command -v "$python" >/dev/null 2>&1; then
  echo "Python introuvable ($python). Installez Python 3.11 ou plus récent (Debian : apt-get install python3)." >&2
  exit 1
fi
if ! "$python" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)'; then
  echo "Python 3.11 ou plus récent est requis ; $python est $("$python" -V 2>&1)." >&2
  exit 1
fi
# The training room runs each participant's server under their own system account, with this
# venv's Python: its interpreter must be one that every account can run. A Python installed in a
# folder closed to others (pyenv under /root or a 0700 home) cannot; Debian's own can.
reachable_by_all() {
  local dir
  dir=$(dirname "$(readlink -f "$(command -v "$1")")")
  while [ "$dir" != "/" ]; do
    [ $(( 0$(stat -c '%a' "$dir") & 1 )) -eq 1 ] || return 1
    dir=$(dirname "$dir")
  done
}
if ! reachable_by_all "$python" && [ -x /usr/bin/python3 ] && reachable_by_all /usr/bin/python3 \
  && /usr/bin/python3 -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)'; then
  echo "$(readlink -f "$(command -v "$python")") est dans un dossier fermé aux autres comptes (la salle de formation en a besoin) : l'environnement est créé avec /usr/bin/python3."
  python=/usr/bin/python3
fi
if ! "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installation du module venv de Debian (python3-venv)…"
    apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
  else
    echo "Le module venv de Python manque. Installez-le : sudo apt-get install python3-venv" >&2
    exit 1
  fi
fi
"$python" -m venv "$venv"
"$venv/bin/python" -m pip install -q --upgrade "pip>=24"
