#!/usr/bin/env bash
# Installs what the tests need and is not an npm package: Debian's chromium and ffmpeg, and photos of real
# people shipped in Debian packages. Idempotent: each step is skipped when its result is already there.
set -euo pipefail
cd "$(dirname "$0")/.."
photos=".cache/photos"
mkdir -p "$photos"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=0
apt_update_once() { [ "$apt_updated" = 1 ] || { as_root apt-get update -qq; apt_updated=1; }; }

missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
if [ ${#missing[@]} -gt 0 ]; then
	echo "test-setup: installing ${missing[*]}"
	apt_update_once
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" fonts-dejavu-core >/dev/null
fi

# package : path inside the package : name in .cache/photos
wanted=(
	"opencv-doc:usr/share/doc/opencv-doc/examples/data/basketball1.png:basketball1.png"
	"opencv-doc:usr/share/doc/opencv-doc/examples/data/basketball2.png:basketball2.png"
	"opencv-doc:usr/share/doc/opencv-doc/examples/data/messi5.jpg:messi5.jpg"
	"darknet:usr/share/darknet/data/person.jpg:person.jpg"
	"python3-skimage:usr/lib/python3/dist-packages/skimage/data/astronaut.png:astronaut.png"
)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for entry in "${wanted[@]}"; do
	IFS=: read -r pkg inner name <<<"$entry"
	[ -s "$photos/$name" ] && continue
	if [ ! -d "$tmp/$pkg" ]; then
		apt_update_once
		(cd "$tmp" && apt-get download -qq "$pkg" >/dev/null 2>&1) || { apt_updated=0; apt_update_once; (cd "$tmp" && apt-get download -qq "$pkg"); }
		dpkg-deb -x "$tmp/${pkg}"_*.deb "$tmp/$pkg"
	fi
	src="$tmp/$pkg/$inner"
	# Some packages compress or move example data between releases: find it by name when the path moved.
	[ -f "$src" ] || src=$(find "$tmp/$pkg" -name "$name" -o -name "$name.gz" | head -n 1)
	[ -n "$src" ] && [ -f "$src" ] || { echo "test-setup: $name not found in $pkg" >&2; exit 1; }
	case "$src" in *.gz) gunzip -c "$src" >"$photos/$name" ;; *) cp "$src" "$photos/$name" ;; esac
	echo "test-setup: extracted $name from $pkg"
done
echo "test-setup: ready (chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}'), $(ffmpeg -version | head -n 1 | awk '{print $1, $3}'), $(ls "$photos" | wc -l) photos in $photos)"
