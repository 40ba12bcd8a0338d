#!/usr/bin/env bash
# Regenerates every raster icon from the two SVG drawings in this folder; the results are committed,
# so building the installers never needs these tools. Run after editing facet.svg or prisma-schema.svg.
#   Linux:   png/NAME-SIZE.png, 16 to 512 (hicolor theme sizes; jpackage takes the 512 one)
#   Windows: NAME.ico (16 to 256)       macOS: NAME.icns (16 to 512)
# Tools (Debian): apt-get install librsvg2-bin icoutils icnsutils
set -euo pipefail
cd "$(dirname "$0")"
for tool in rsvg-convert icotool png2icns; do
  command -v "$tool" >/dev/null || { echo "generate.sh: $tool is missing (apt-get install librsvg2-bin icoutils icnsutils)" >&2; exit 1; }
done
mkdir -p png
for name in facet prisma-schema; do
  for size in 16 24 32 48 64 128 256 512; do
    rsvg-convert --width "$size" --height "$size" "$name.svg" --output "png/$name-$size.png"
  done
  # Windows shows 256 as a PNG inside the .ico; the smaller ones cover list and tray views.
  icotool --create --output "$name.ico" png/"$name"-{16,24,32,48,64,128}.png --raw=png/"$name"-256.png
  # png2icns picks the icns slot from each image's size; it takes only these sizes.
  png2icns "$name.icns" png/"$name"-{16,32,48,128,256,512}.png >/dev/null
done
echo "icons: $(ls png | wc -l) PNGs, $(ls ./*.ico ./*.icns | tr '\n' ' ')"
