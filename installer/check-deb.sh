#!/usr/bin/env bash
# CTest: builds the .deb from a build directory and checks what it installs.
# Usage: check-deb.sh BUILD_DIR
set -euo pipefail
build=$1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$out" >/dev/null
deb=$(ls "$out"/*.deb)
contents=$(dpkg-deb -c "$deb" | awk '{print $6}' | grep -v '/$' | sort)
expected=$(printf '%s\n' ./usr/bin/agentdesk ./usr/bin/agentdesk-cli ./usr/share/applications/org.agentdesk.AgentDesk.desktop \
  ./usr/share/icons/hicolor/scalable/apps/org.agentdesk.AgentDesk.svg ./usr/share/metainfo/org.agentdesk.AgentDesk.metainfo.xml | sort)
if [[ "$contents" != "$expected" ]]; then
  echo "unexpected package contents:"; echo "$contents"; exit 1
fi
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libqt6sql6-sqlite libqt6svg6 libqt6widgets6 libsqlite3-0 libqt6quick6 qml6-module-qtquick-controls; do
  [[ $depends == *"$lib"* ]] || { echo "Depends lacks $lib: $depends"; exit 1; }
done
echo "ok: $(basename "$deb")"
