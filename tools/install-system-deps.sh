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
# Qt's xcb platform (a real display, for `make demo`): its error message wrongly names only libxcb-cursor0.
for lib in libxcb-icccm.so.4 libxcb-keysyms.so.1 libxcb-cursor.so.0 libxkbcommon-x11.so.0; do
    ldconfig -p 2>/dev/null | grep -q "$lib" || { need+=(libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0); break; }
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
