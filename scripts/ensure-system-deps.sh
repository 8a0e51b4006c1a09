#!/usr/bin/env bash
# Make sure the system programs the tests need are present: Chromium (browser tests, driven by
# Playwright with executable_path, never a downloaded browser), poppler-utils (pdftotext reads the
# PDFs back) and the fonts WeasyPrint prints names with (DejaVu, Noto Color Emoji). Installs them
# with apt-get when running as root; otherwise says exactly what to install. Does nothing when
# everything is already there.
set -euo pipefail

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
