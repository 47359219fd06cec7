#!/usr/bin/env python3
"""Draws OSO's application icon (a parcel on a rounded tile) as RGBA PNGs in every size the
desktop asks for. Pure Python so it runs anywhere; the PNGs it writes are committed."""
import os
import struct
import sys
import zlib

TILE = (0x1F, 0x5F, 0x8B)      # deep blue tile
PARCEL = (0xF2, 0xB7, 0x05)    # amber parcel
TAPE = (0xFF, 0xF4, 0xD6)      # light tape across the parcel


def inside_rounded(x, y, size, radius):
    cx = min(max(x, radius), size - radius)
    cy = min(max(y, radius), size - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


def pixel(x, y, size):
    u, v = x / size, y / size
    if not inside_rounded(x + 0.5, y + 0.5, size, size * 0.2):
        return (0, 0, 0, 0)
    if 0.22 <= u <= 0.78 and 0.30 <= v <= 0.76:
        if 0.46 <= u <= 0.54 or 0.30 <= v <= 0.38:
            return TAPE + (255,)
        return PARCEL + (255,)
    return TILE + (255,)


def png(size):
    rows = b"".join(
        b"\x00" + b"".join(bytes(pixel(x, y, size)) for x in range(size)) for y in range(size)
    )

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def main(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    for name, size in [("32x32.png", 32), ("64x64.png", 64), ("128x128.png", 128),
                       ("128x128@2x.png", 256), ("icon.png", 512)]:
        with open(os.path.join(out_dir, name), "wb") as f:
            f.write(png(size))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "icons")
