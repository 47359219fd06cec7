#!/usr/bin/env python3
"""Draws OSO's icons as RGBA PNGs, pure Python so it runs anywhere; the files it writes are
committed. Run it from the repository root: `python3 scripts/make-icons.py [out_dir]`.

- The application icon (a parcel on a rounded blue tile) in every size a desktop asks for:
  hicolor 16 to 512 (`NxN.png`, packaged by the .deb), `icon.png` (512, Tauri's default), and
  `icon.ico` / `icon.icns` for Windows and macOS bundles. The tile carries its own background,
  so the one icon reads on light and dark desktops alike.
- The tray icon, a flat parcel glyph, in two variants: `tray-light.png` (a dark glyph, for light
  panels) and `tray-dark.png` (a light glyph, for dark panels), 32 px and `@2x` 64 px.

Edges are anti-aliased by sampling each pixel 4 x 4 times."""
import os
import struct
import sys
import zlib

TILE = (0x1F, 0x5F, 0x8B)      # deep blue tile
PARCEL = (0xF2, 0xB7, 0x05)    # amber parcel
TAPE = (0xFF, 0xF4, 0xD6)      # light tape across the parcel
TRAY_ON_LIGHT = (0x26, 0x2B, 0x33)
TRAY_ON_DARK = (0xF2, 0xF4, 0xF7)
SAMPLES = 4

APP_SIZES = [16, 24, 32, 48, 64, 128, 256, 512]
ICO_SIZES = [16, 24, 32, 48, 64, 256]
# (type, size) of the PNG entries macOS reads in an .icns.
ICNS_ENTRIES = [(b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256),
                (b"ic09", 512), (b"ic10", 1024)]


def inside_rounded(u, v, left, top, right, bottom, radius):
    """Whether (u, v) lies in the rectangle with rounded corners (all in 0..1 units)."""
    if not (left <= u <= right and top <= v <= bottom):
        return False
    cx = min(max(u, left + radius), right - radius)
    cy = min(max(v, top + radius), bottom - radius)
    return (u - cx) ** 2 + (v - cy) ** 2 <= radius ** 2


def app_colour(u, v):
    if not inside_rounded(u, v, 0, 0, 1, 1, 0.2):
        return None
    if 0.22 <= u <= 0.78 and 0.30 <= v <= 0.76:
        if 0.46 <= u <= 0.54 or 0.30 <= v <= 0.38:
            return TAPE
        return PARCEL
    return TILE


def tray_shape(u, v):
    """A parcel seen from the front: a lid over a body, a tape gap down the middle."""
    if 0.44 <= u <= 0.56:
        return False
    lid = inside_rounded(u, v, 0.08, 0.16, 0.92, 0.34, 0.04)
    body = inside_rounded(u, v, 0.14, 0.40, 0.86, 0.86, 0.06)
    return lid or body


def render(size, colour_at):
    """RGBA rows of a size x size image; colour_at(u, v) gives an RGB tuple or None."""
    rows = []
    step = 1 / (size * SAMPLES)
    for y in range(size):
        row = bytearray()
        for x in range(size):
            totals = [0, 0, 0]
            hits = 0
            for sy in range(SAMPLES):
                v = (y * SAMPLES + sy + 0.5) * step
                for sx in range(SAMPLES):
                    u = (x * SAMPLES + sx + 0.5) * step
                    colour = colour_at(u, v)
                    if colour is not None:
                        hits += 1
                        for channel in range(3):
                            totals[channel] += colour[channel]
            if hits:
                row += bytes(round(total / hits) for total in totals)
                row.append(round(255 * hits / SAMPLES ** 2))
            else:
                row += b"\x00\x00\x00\x00"
        rows.append(bytes(row))
    return rows


def png(size, colour_at):
    raw = b"".join(b"\x00" + row for row in render(size, colour_at))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def ico(images):
    """An .ico whose entries are PNGs (read by Windows Vista and later)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    directory, data = b"", b""
    for size, image in images:
        side = 0 if size >= 256 else size
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(image), offset + len(data))
        data += image
    return header + directory + data


def icns(entries):
    body = b"".join(kind + struct.pack(">I", 8 + len(image)) + image for kind, image in entries)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def write(out_dir, name, data):
    with open(os.path.join(out_dir, name), "wb") as f:
        f.write(data)


def main(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    app = {size: png(size, app_colour) for size in sorted(set(APP_SIZES + [1024]))}
    for size in APP_SIZES:
        write(out_dir, f"{size}x{size}.png", app[size])
    write(out_dir, "icon.png", app[512])
    write(out_dir, "icon.ico", ico([(size, app[size]) for size in ICO_SIZES]))
    write(out_dir, "icon.icns", icns([(kind, app[size]) for kind, size in ICNS_ENTRIES]))
    for variant, colour in [("light", TRAY_ON_LIGHT), ("dark", TRAY_ON_DARK)]:
        glyph = lambda u, v, colour=colour: colour if tray_shape(u, v) else None
        write(out_dir, f"tray-{variant}.png", png(32, glyph))
        write(out_dir, f"tray-{variant}@2x.png", png(64, glyph))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "icons")
