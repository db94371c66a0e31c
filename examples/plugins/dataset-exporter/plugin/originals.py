"""Stand-ins for a task's original image: a small PNG with a colour of its own (standard library only)."""

import struct
import zlib

SIDE = 16


def original_image(n):
    colour = bytes(((n * 67) % 256, (n * 131) % 256, (n * 197) % 256))
    raw = b"".join(b"\x00" + colour * SIDE for _ in range(SIDE))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", SIDE, SIDE, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
