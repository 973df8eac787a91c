#!/bin/sh
# The system libraries Broadsheet uses, installed with apt where they are missing.
#
#   libpango-1.0-0, libpangoft2-1.0-0  WeasyPrint lays out text with Pango (required for PDF)
#   libharfbuzz-subset0                HarfBuzz's font subsetter: WeasyPrint uses it when present,
#                                      and a PDF then takes about half the time (bench/RESULTS.md)
#   fonts-noto-core, fonts-noto-cjk    fonts for every script the theme names (Arabic, Hebrew,
#                                      Devanagari, Thai, Myanmar …; Chinese, Japanese, Korean) and
#                                      the Noto Serif and Sans faces named after the other scripts
#                                      (Armenian, Georgian, Bengali, Tamil, Ethiopic, Sinhala, Khmer …):
#                                      without them those letters are missing from the PDF.
#                                      Download about 12 MB + 57 MB (Debian 12; 42 + 89 MB installed)
#   fontconfig                         fc-list: the PDF exporter asks it which scripts have a font
#   libicu-dev, pkg-config, g++        what PyICU (the `icu` extra, and the tests) compiles against:
#                                      ICU's dictionaries break Lao, Khmer and Myanmar lines between
#                                      words; without it they break between letters where too long
#   fonts-liberation2                  Liberation Serif, Sans and Mono, late in the themes' font stacks:
#                                      the code font where Noto Sans Mono is not packaged (Debian 12);
#                                      the PDF golden files were made with it. chromium brings only
#                                      fonts-liberation 1.07, with a third of its letters
#   chromium                           the browser DAISY Ace checks EPUBs in (tests only;
#                                      scripts/install-ace.sh installs Ace itself)
#   poppler-utils                      pdftotext: the tests read the PDFs' text and layout (tests only)
#   default-jdk-headless               Java for the official epubcheck (tests only): javac lets the
#                                      tests check many books in one JVM (tests/epubcheck_util.py).
#                                      Only when no javac is on PATH: any JDK 11 or later will do
#   python3-venv                       only when `python3 -m venv` cannot work (Debian and Ubuntu ship
#                                      venv's ensurepip apart) or there is no python3; the quick start
#                                      makes a virtual environment
#
# Safe to run again: installed packages are left alone. It never stops the
# set-up: without apt, root or sudo it says what to install and exits 0.
set -u
packages="libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0"
packages="$packages fonts-noto-core fonts-noto-cjk fontconfig"
packages="$packages libicu-dev pkg-config g++"
packages="$packages fonts-liberation2 chromium poppler-utils"

if ! command -v dpkg >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    echo "system-deps: no apt here; install Pango, HarfBuzz's subset library and Noto fonts with your package manager"
    exit 0
fi
missing=""
for pkg in $packages; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing="$missing $pkg"
done
command -v javac >/dev/null 2>&1 || missing="$missing default-jdk-headless"
# Debian's python3 cannot make a virtual environment without python3-venv (no ensurepip); a minimal
# image (a container) has no python3 at all, and python3-venv brings it.
if ! command -v python3 >/dev/null 2>&1 || ! python3 -c "import ensurepip, venv" >/dev/null 2>&1; then
    missing="$missing python3-venv"
fi
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
    as_root=""
elif command -v sudo >/dev/null 2>&1; then
    as_root="sudo"
else
    echo "system-deps: missing:$missing; install them as root (apt-get install$missing)"
    exit 0
fi
apt_install() {
    $as_root apt-get install -y -qq "$@" >/dev/null 2>&1
}
# A fresh machine may have no package lists yet: update once if the first try fails.
if apt_install $missing || { $as_root apt-get update -qq >/dev/null 2>&1 && apt_install $missing; }; then
    echo "system-deps: installed$missing"
    exit 0
fi
# One name apt does not know, or one package that fails to install, stops its whole run; it must not
# cost the others (Ubuntu's chromium is a snap, which a container cannot run, and the PDF needs Pango,
# not chromium). One at a time, then.
installed=""
failed=""
for pkg in $missing; do
    if apt_install "$pkg"; then installed="$installed $pkg"; else failed="$failed $pkg"; fi
done
[ -n "$installed" ] && echo "system-deps: installed$installed"
[ -n "$failed" ] && echo "system-deps: could not install$failed (no network, no rights or no such package here); continuing without them"
exit 0
