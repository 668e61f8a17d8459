#!/usr/bin/env bash
# Installs the Debian packages the test suite and the demo need, only when something is missing.
# Fonts: Chinese renders as boxes without a CJK font. poppler-utils: pdftoppm/pdftotext for printouts.
# libjpeg-turbo-progs: djpeg, the benchmark's floor. postgresql: the throwaway test cluster.
set -eu
need=()
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
command -v djpeg >/dev/null 2>&1 || need+=(libjpeg-turbo-progs)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need+=(fonts-noto-cjk fontconfig)
if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    need+=(postgresql)
fi
for lib in libEGL.so.1 libxkbcommon.so.0 libfontconfig.so.1 libdbus-1.so.3 libGL.so.1; do
    ldconfig -p 2>/dev/null | grep -q "$lib" || { need+=(libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libgl1); break; }
done
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing system packages: ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
else
    echo "Missing system packages (install them with your package manager): ${need[*]}" >&2
fi
