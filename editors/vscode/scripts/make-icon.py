#!/usr/bin/env python3
"""Draws images/icon.png (128x128): a page with text lines and a check mark
on a rounded teal square. Our own drawing, standard library only; rerun to
regenerate: python3 scripts/make-icon.py"""
import os
import struct
import zlib

N = 128
SS = 4  # supersampling per axis, for smooth edges


def inside_rounded(x, y, x0, y0, x1, y1, r):
    if x < x0 or x > x1 or y < y0 or y > y1:
        return False
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def near_segment(x, y, ax, ay, bx, by, w):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
    px, py = ax + t * dx, ay + t * dy
    return (x - px) ** 2 + (y - py) ** 2 <= w * w


BG = (17, 122, 120)
PAGE = (250, 250, 247)
LINE = (160, 176, 178)
CHECK = (233, 120, 38)


def color(x, y):
    if not inside_rounded(x, y, 4, 4, 124, 124, 22):
        return None
    c = BG
    if inside_rounded(x, y, 30, 18, 98, 110, 6):
        c = PAGE
        for ly, lx1 in ((36, 84), (48, 84), (60, 72), (72, 84), (84, 64)):
            if inside_rounded(x, y, 42, ly - 2.5, lx1, ly + 2.5, 2.5):
                c = LINE
    if near_segment(x, y, 64, 92, 78, 106, 6) or near_segment(x, y, 78, 106, 110, 66, 6):
        c = CHECK
    return c


rows = []
for j in range(N):
    row = bytearray([0])
    for i in range(N):
        acc = [0, 0, 0, 0]
        for sj in range(SS):
            for si in range(SS):
                c = color(i + (si + 0.5) / SS, j + (sj + 0.5) / SS)
                if c:
                    acc[0] += c[0]
                    acc[1] += c[1]
                    acc[2] += c[2]
                    acc[3] += 1
        n = acc[3]
        if n == 0:
            row += bytes((0, 0, 0, 0))
        else:
            row += bytes((acc[0] // n, acc[1] // n, acc[2] // n, 255 * n // (SS * SS)))
    rows.append(bytes(row))


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


png = b"\x89PNG\r\n\x1a\n"
png += chunk(b"IHDR", struct.pack(">IIBBBBB", N, N, 8, 6, 0, 0, 0))
png += chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
png += chunk(b"IEND", b"")
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "images", "icon.png")
with open(out, "wb") as f:
    f.write(png)
