#!/usr/bin/env python3
"""Renders a tmux `capture-pane -e` dump to a PNG through a terminal model.

usage: render_screenshot.py DUMP.ans OUT.png COLUMNS ROWS
"""
import sys

import pyte
from PIL import Image, ImageDraw, ImageFont

PALETTE = {
    "black": (40, 42, 54), "red": (224, 82, 82), "green": (80, 200, 120), "brown": (230, 190, 80),
    "yellow": (230, 190, 80), "blue": (98, 150, 230), "magenta": (200, 120, 220), "cyan": (90, 200, 220),
    "white": (225, 225, 225), "default": None,
}
FOREGROUND = (225, 225, 225)
BACKGROUND = (28, 30, 38)
FONTS = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono{}.ttf"


def colour(name, fallback):
    if name in PALETTE:
        return PALETTE[name] or fallback
    if isinstance(name, str) and len(name) == 6:
        try:
            return tuple(int(name[i:i + 2], 16) for i in (0, 2, 4))
        except ValueError:
            pass
    return fallback


def main():
    dump, out, cols, rows = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    screen = pyte.Screen(cols, rows)
    stream = pyte.Stream(screen)
    with open(dump, encoding="utf-8", errors="replace") as f:
        lines = f.read().split("\n")
    stream.feed("\r\n".join(lines[:rows]))

    size = 16
    regular = ImageFont.truetype(FONTS.format(""), size)
    bold = ImageFont.truetype(FONTS.format("-Bold"), size)
    left, top, right, bottom = regular.getbbox("M")
    cw = int(regular.getlength("M"))
    ch = int(size * 1.3)
    pad = 12
    image = Image.new("RGB", (cols * cw + 2 * pad, rows * ch + 2 * pad), BACKGROUND)
    draw = ImageDraw.Draw(image)
    for y in range(rows):
        line = screen.buffer[y]
        for x in range(cols):
            cell = line[x]
            if cell.data == "":
                continue
            fg = colour(cell.fg, FOREGROUND)
            bg = colour(cell.bg, BACKGROUND)
            if cell.reverse:
                fg, bg = bg, fg
            width = 2 if x + 1 < cols and line[x + 1].data == "" else 1
            px, py = pad + x * cw, pad + y * ch
            if bg != BACKGROUND:
                draw.rectangle([px, py, px + width * cw - 1, py + ch - 1], fill=bg)
            if cell.data.strip():
                draw.text((px, py + 2), cell.data, font=bold if cell.bold else regular, fill=fg)
    image.save(out)


if __name__ == "__main__":
    main()
