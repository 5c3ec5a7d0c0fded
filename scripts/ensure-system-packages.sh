#!/usr/bin/env bash
# The browser tests drive Debian's chromium (no browser download is possible here) and
# the PDF tests read text with poppler's pdftotext; fonts-noto-core gives chromium glyphs
# for Arabic, Khmer and Vietnamese names. Installed with apt-get when missing.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
[ -d /usr/share/fonts/truetype/noto ] || missing+=(fonts-noto-core)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]}..."
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "chromium and pdftotext are installed"
