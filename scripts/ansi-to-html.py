#!/usr/bin/env python3
"""Turns terminal text with ANSI colour codes (as `tmux capture-pane -e` gives it) into
an HTML page that looks like a terminal, for a screenshot in docs/.

    ansi-to-html.py < captured.txt > page.html
"""
import html
import re
import sys

COLOURS = {30: "#1d232b", 31: "#ff6b6b", 32: "#5fd068", 33: "#f2c94c", 34: "#6ea8fe",
           35: "#d291ff", 36: "#56d4dd", 37: "#e6e6e6", 90: "#8a8f98", 91: "#ff8787",
           92: "#8ce99a", 93: "#ffe066", 94: "#91a7ff", 95: "#e599f7", 96: "#66d9e8", 97: "#ffffff"}


def convert(text):
    out = []
    state = {"bold": False, "dim": False, "colour": None}
    pos = 0
    for match in re.finditer(r"\x1b\[([0-9;]*)m", text):
        out.append(span(text[pos:match.start()], state))
        codes = [int(c) for c in match.group(1).split(";") if c] or [0]
        for code in codes:
            if code == 0:
                state = {"bold": False, "dim": False, "colour": None}
            elif code == 1:
                state["bold"] = True
            elif code == 2:
                state["dim"] = True
            elif code in (22,):
                state["bold"] = state["dim"] = False
            elif code == 39:
                state["colour"] = None
            elif code in COLOURS:
                state["colour"] = COLOURS[code]
        pos = match.end()
    out.append(span(text[pos:], state))
    return "".join(out)


def span(text, state):
    if not text:
        return ""
    style = []
    if state["bold"]:
        style.append("font-weight:700")
    if state["dim"]:
        style.append("opacity:.62")
    if state["colour"]:
        style.append("color:" + state["colour"])
    escaped = html.escape(text)
    return f'<span style="{";".join(style)}">{escaped}</span>' if style else escaped


def main():
    body = convert(sys.stdin.read().rstrip("\n"))
    print("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>"
          "body{margin:0;background:#1e1f24}"
          "pre{margin:0;padding:14px 16px;color:#e6e6e6;font:14px/1.35 'DejaVu Sans Mono',monospace}"
          "</style></head><body><pre>" + body + "</pre></body></html>")


if __name__ == "__main__":
    main()
