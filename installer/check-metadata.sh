#!/usr/bin/env bash
# CTest: the desktop entry and the AppStream metainfo are valid (offline), and they, the icon and
# the application agree on one id.
set -euo pipefail
dir=$(cd "$(dirname "$0")" && pwd)
id=org.agentdesk.AgentDesk
desktop-file-validate "$dir/$id.desktop"
appstreamcli validate --no-net "$dir/$id.metainfo.xml"
grep -qx "Icon=$id" "$dir/$id.desktop" || { echo "the desktop entry's Icon is not $id"; exit 1; }
grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$dir/$id.metainfo.xml" || { echo "launchable is not $id.desktop"; exit 1; }
grep -q "setDesktopFileName(u\"$id\"_s)" "$dir/../src/app/main.cpp" || { echo "the application does not call itself $id"; exit 1; }
echo "ok: $id"
