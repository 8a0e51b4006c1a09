#!/usr/bin/env bash
# Make sure the system programs the tests need are present: Chromium (browser tests, driven by
# Playwright with executable_path, never a downloaded browser), poppler-utils (pdftotext reads the
# PDFs back) and the fonts WeasyPrint prints names with (DejaVu, Noto Color Emoji). Installs them
# with apt-get when running as root; otherwise says exactly what to install. Does nothing when
# everything is already there.
set -euo pipefail

# The room's tests start a real room, which runs each participant's server as that person's own
# system account (docs/room-guide.md): they need root, and every folder above the checkout must let
# other accounts cross it (the x bit for others; nothing becomes listable or readable by this).
# As root, open the crossing where it is closed and say so; otherwise say what the room tests need.
closed=()
dir=$(pwd -P)
while [ "$dir" != "/" ]; do
  [ $(( 0$(stat -c '%a' "$dir") & 1 )) -eq 1 ] || closed+=("$dir")
  dir=$(dirname "$dir")
done
if [ "$(id -u)" != 0 ]; then
  echo "Les tests de la salle démarrent une vraie salle (un compte système par participant) : lancez make test en administrateur (sudo make test)." >&2
  exit 1
fi
for dir in ${closed[@]+"${closed[@]}"}; do
  echo "Dossier ouvert à la traversée pour les comptes de la salle de test (chmod o+x) : $dir"
  chmod o+x "$dir"
done

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
# Emoji in participants' names print with this font (DejaVu has Arabic and Hebrew, not emoji).
[ -e /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] || missing+=(fonts-noto-color-emoji)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installation des paquets système nécessaires aux tests : ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  echo "Installation (sudo) des paquets système nécessaires aux tests : ${missing[*]}"
  sudo apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "Paquets système manquants pour les tests : ${missing[*]}" >&2
  echo "Installez-les puis relancez : sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
