#!/bin/sh
# System programs the test suite needs (run as root in CI): Tesseract for OCR of scanned PDFs,
# its English data, and antiword for legacy Word .doc files. Idempotent: packages already
# installed are skipped, and apt-get runs only when something is missing.
set -eu

PACKAGES="tesseract-ocr tesseract-ocr-eng antiword"

missing=""
for package in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $package"
    fi
done

if [ -z "$missing" ]; then
    echo "install-system: already installed: $PACKAGES"
    exit 0
fi

export DEBIAN_FRONTEND=noninteractive
echo "install-system: installing:$missing"
apt-get update -qq
# shellcheck disable=SC2086  # word splitting of the package list is intended
apt-get install -y -qq --no-install-recommends $missing >/dev/null
tesseract --version 2>&1 | head -n 1
command -v antiword
