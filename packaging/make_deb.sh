#!/usr/bin/env bash
# Makes build/casedesk_<version>_<arch>.deb from the frozen folder dist/CaseDesk (统信UOS, 麒麟,
# Debian): the program under /opt/casedesk, `caseapp` and `casedesk` in /usr/bin, a desktop
# entry and icons. No maintainer scripts and nothing fetched: dpkg -i works offline, and the
# desktop and icon caches are refreshed by dpkg's own triggers.
#   bash packaging/make_deb.sh            (after pyinstaller and packaging/make_icons.py)
set -euo pipefail
cd "$(dirname "$0")/.."
DIST=dist/CaseDesk
[ -x "$DIST/caseapp" ] || { echo "make_deb: no frozen build in $DIST" >&2; exit 1; }
VERSION=$(sed -n 's/^version *= *//p' setup.cfg | head -1)
ARCH=$(dpkg --print-architecture)
STAGE=build/deb/casedesk
OUT="build/casedesk_${VERSION}_${ARCH}.deb"
rm -rf "$STAGE" && mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" \
  "$STAGE/usr/share/applications" "$STAGE/usr/share/icons/hicolor/scalable/apps"
cp -a "$DIST" "$STAGE/opt/casedesk"
ln -s /opt/casedesk/caseapp "$STAGE/usr/bin/caseapp"
ln -s /opt/casedesk/CaseDesk "$STAGE/usr/bin/casedesk"
for size in 16 32 48 64 128 256; do
  mkdir -p "$STAGE/usr/share/icons/hicolor/${size}x${size}/apps"
  cp "build/icons/casedesk-$size.png" "$STAGE/usr/share/icons/hicolor/${size}x${size}/apps/casedesk.png"
done
cp packaging/casedesk.svg "$STAGE/usr/share/icons/hicolor/scalable/apps/casedesk.svg"
cp packaging/casedesk.desktop "$STAGE/usr/share/applications/casedesk.desktop"
SIZE_KB=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
# Qt's runtime libraries that the folder does not carry (the same list .ci/run installs);
# each alternative names the package as Debian 12 and the distributions built on it do.
cat > "$STAGE/DEBIAN/control" <<CONTROL
Package: casedesk
Version: $VERSION
Architecture: $ARCH
Maintainer: CaseDesk <casedesk@localhost>
Installed-Size: $SIZE_KB
Section: misc
Priority: optional
Depends: libc6, libglib2.0-0t64 | libglib2.0-0, libegl1, libgl1, libxkbcommon0, libxkbcommon-x11-0, libfontconfig1, libdbus-1-3, libxcb-cursor0
Recommends: fonts-wqy-microhei | fonts-noto-cjk | fonts-wqy-zenhei
Description: CaseDesk 信访与调解案件管理
 Petitions and people's mediation cases for a grassroots office: a desktop
 program (casedesk) and a command line (caseapp). The data lives in each
 user's data folder (~/.local/share/CaseDesk), never under /opt/casedesk, so
 removing or upgrading the package keeps every case.
CONTROL
# gzip: every dpkg reads it (zstd needs dpkg >= 1.21.18, which 统信UOS and 麒麟 do not all
# have), and it packs the folder in seconds where xz takes minutes on CI's two cores.
# DEB_COMPRESSION=xz for a smaller file to hand out.
dpkg-deb --root-owner-group -Z"${DEB_COMPRESSION:-gzip}" -z6 --build "$STAGE" "$OUT" >/dev/null
echo "built $OUT ($(du -h "$OUT" | cut -f1); installed ${SIZE_KB} KiB)"
