#!/usr/bin/env bash
# Builds the binary packages libziggeo0 (shared library) and libziggeo-dev
# (header, static library, .so link, pkg-config file, CMake package) with
# dpkg-deb, from a staged `install.sh` run with PREFIX=/usr and the
# multiarch library directory. Needs no network.
#
# Settings come from the environment (mk/deb.mk passes them):
#   VERSION       library version MAJOR.MINOR.PATCH (required)
#   DEB_REVISION  Debian revision appended to VERSION (default 1)
#   MAINTAINER    "Name <email>" for the Maintainer field (required)
#   DATE_EPOCH    changelog time in seconds since 1970 (required; the last
#                 commit's time keeps the packages reproducible)
#   LIB_SO, LIB_A, HEADER, CXX_HEADER, LIBS_PRIVATE   as for install.sh
#   CRATE_LICENSES  lines "crate version: license" of the crates compiled in
#   OUT_DIR       where the .deb files go (required)
#   WORK_DIR      scratch directory, emptied first (required)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
debian=$(dirname "$here")/debian

fail() {
	echo "build-deb.sh: $*" >&2
	exit 1
}

for name in VERSION MAINTAINER DATE_EPOCH LIB_SO LIB_A HEADER LIBS_PRIVATE CRATE_LICENSES OUT_DIR WORK_DIR; do
	[ -n "${!name:-}" ] || fail "$name is not set; run make deb, which sets it"
done
[[ $VERSION =~ ^([0-9]+)\.[0-9]+\.[0-9]+$ ]] || fail "VERSION=$VERSION is not MAJOR.MINOR.PATCH"
major=${BASH_REMATCH[1]}
deb_version=$VERSION-${DEB_REVISION:-1}
arch=$(dpkg --print-architecture)
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || gcc -print-multiarch)
libdir=/usr/lib/$multiarch

rm -rf "$WORK_DIR"
mkdir -p "$WORK_DIR" "$OUT_DIR"
stage=$WORK_DIR/stage
runtime=$WORK_DIR/libziggeo$major
dev=$WORK_DIR/libziggeo-dev

# 1. Install into a staging root, as a distribution build does.
DESTDIR=$stage PREFIX=/usr LIBDIR=$libdir INCLUDEDIR=/usr/include MANIFEST=$WORK_DIR/stage-manifest.txt \
	"$here/install.sh" >/dev/null

# 2. Strip as dh_strip does: the symbol table goes, the dynamic symbols
# (the ABI) stay.
strip --strip-unneeded --remove-section=.comment --remove-section=.note "$stage$libdir/libziggeo.so.$VERSION"
strip --strip-debug --remove-section=.comment --remove-section=.note --enable-deterministic-archives \
	"$stage$libdir/libziggeo.a"

# 3. Split the staged tree between the two packages.
move() {
	mkdir -p "$(dirname "$2$1")"
	mv "$stage$1" "$2$1"
}
move "$libdir/libziggeo.so.$VERSION" "$runtime"
move "$libdir/libziggeo.so.$major" "$runtime"
for path in "$libdir/libziggeo.so" "$libdir/libziggeo.a" "$libdir/pkgconfig" "$libdir/cmake" /usr/include; do
	move "$path" "$dev"
done
leftover=$(find "$stage" -type f -o -type l)
[ -z "$leftover" ] || fail "staged files that no package takes: $leftover"

# 4. Documentation every Debian package carries: copyright and changelog.
bundled=$(printf '%s\n' "$CRATE_LICENSES" | sed 's/^/ /')
date=$(date -u -R -d "@$DATE_EPOCH")
year=$(date -u +%Y -d "@$DATE_EPOCH")
for package in "$runtime" "$dev"; do
	doc=$package/usr/share/doc/$(basename "$package")
	mkdir -p "$doc"
	"$here/fill-template.sh" "$debian/copyright.in" YEAR="$year" BUNDLED_CRATES="$bundled" >"$doc/copyright"
	"$here/fill-template.sh" "$debian/changelog.in" DEB_VERSION="$deb_version" VERSION="$VERSION" \
		MAINTAINER="$MAINTAINER" DATE="$date" | gzip -9n >"$doc/changelog.Debian.gz"
	touch -d "@$DATE_EPOCH" "$doc/changelog.Debian.gz"
done

# 5. Control files. dpkg-shlibdeps needs a debian/control to run in.
mkdir -p "$WORK_DIR/shlibdeps/debian"
printf 'Source: libziggeo\n\nPackage: libziggeo%s\nArchitecture: any\n' "$major" >"$WORK_DIR/shlibdeps/debian/control"
shlibs_depends=$(cd "$WORK_DIR/shlibdeps" &&
	dpkg-shlibdeps -O "$runtime$libdir/libziggeo.so.$VERSION" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
[ -n "$shlibs_depends" ] || fail "dpkg-shlibdeps found no dependencies for libziggeo.so.$VERSION"

mkdir -p "$runtime/DEBIAN" "$dev/DEBIAN"
echo "libziggeo $major libziggeo$major (>= $VERSION)" >"$runtime/DEBIAN/shlibs"
{
	echo "libziggeo.so.$major libziggeo$major #MINVER#"
	echo "* Build-Depends-Package: libziggeo-dev"
	nm -D --defined-only "$runtime$libdir/libziggeo.so.$VERSION" | awk -v v="$VERSION" '{ print " " $3 "@Base " v }' | sort
} >"$runtime/DEBIAN/symbols"
echo "activate-noawait ldconfig" >"$runtime/DEBIAN/triggers"

for kind in runtime dev; do
	package=${!kind}
	name=$(basename "$package")
	(cd "$package" && find usr -type f -print0 | sort -z | xargs -0 md5sum) >"$package/DEBIAN/md5sums"
	installed_size=$(du -sk --exclude=DEBIAN "$package" | cut -f1)
	"$here/fill-template.sh" "$debian/$kind.control.in" DEB_VERSION="$deb_version" ARCH="$arch" MAJOR="$major" \
		MAINTAINER="$MAINTAINER" INSTALLED_SIZE="$installed_size" SHLIBS_DEPENDS="$shlibs_depends" \
		>"$package/DEBIAN/control"
	chmod 644 "$package"/DEBIAN/*
	find "$package" -type d -exec chmod 755 {} +
	find "$package" -newermt "@$DATE_EPOCH" -exec touch -h -d "@$DATE_EPOCH" {} +
	SOURCE_DATE_EPOCH=$DATE_EPOCH dpkg-deb --root-owner-group -Zxz --build "$package" \
		"$OUT_DIR/${name}_${deb_version}_$arch.deb" >/dev/null
	echo "built $OUT_DIR/${name}_${deb_version}_$arch.deb"
done
