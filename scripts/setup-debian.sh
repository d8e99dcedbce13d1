#!/bin/sh
# setup-debian.sh — install every build, test and run dependency of sopu from
# Debian 12 packages. Idempotent; run as root (or through sudo).
set -eu

# libzip-dev and libpugixml-dev read .xlsx/.ods cohorts; libxlsxwriter-dev
# writes the Excel workbooks. chromium, poppler-utils and python3-openpyxl
# are for the tests only: they print the HTML report to PDF and read the
# workbooks back (tests/data/sheets/make_sheets.py remakes the committed
# spreadsheet fixtures with openpyxl and LibreOffice).
PACKAGES="
  build-essential cmake ninja-build ccache pkg-config git
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler
  golang-github-gogo-googleapis-dev
  libabsl-dev
  libboost-graph-dev libeigen3-dev
  libcli11-dev libcsv-dev libspdlog-dev libfmt-dev
  libzip-dev libpugixml-dev libxlsxwriter-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libssl-dev openssl grpc-proto python3-grpcio python3-protobuf
  clang-format clang-tidy
  chromium poppler-utils python3-openpyxl
"

if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
else
  SUDO=
fi

missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

if [ -n "$missing" ]; then
  echo "sopu setup: installing$missing"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  # shellcheck disable=SC2086
  $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
echo "sopu setup: all dependencies present"
