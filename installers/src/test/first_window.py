#!/usr/bin/env python3
"""Times a program from its start to its first window on an X display, then ends the program.

    DISPLAY=:N first_window.py [--title REGEX] [--timeout S] [--linger S] -- COMMAND [ARGS...]

Prints the milliseconds from just before the program is started to the X server's MapNotify of the
first top-level window (not a popup) whose title matches REGEX (default: Facet). Event-driven (a
SubstructureNotify subscription on the root window), so the timing costs the program no CPU, as
polling with xdotool or xwininfo would on a 2-core machine. After the window shows, the program runs
LINGER more seconds, then gets SIGTERM. With --wait-file PATH it first waits (within TIMEOUT) for PATH to exist
and prints its milliseconds from the start too, on a further line; with --wait-title REGEX it first waits for
the window's title to match REGEX (the project opened) and prints that time on a line before. Exit status 1 when no window shows within
TIMEOUT seconds.
Needs python3-xlib (apt-get install python3-xlib)."""

import argparse
import os
import re
import select
import signal
import subprocess
import sys
import time

from Xlib import X, display as xdisplay


def title(d, win):
    try:
        name = win.get_full_property(d.intern_atom("_NET_WM_NAME"), X.AnyPropertyType)
        if name is not None and name.value:
            return name.value.decode("utf-8", "replace") if isinstance(name.value, bytes) else str(name.value)
        return win.get_wm_name() or ""
    except Exception:  # the window may be gone already
        return ""


def too_small(win):
    """A tooltip or helper window, not the main window (which is hundreds of pixels wide)."""
    try:
        geometry = win.get_geometry()
        return geometry.width < 100 or geometry.height < 100
    except Exception:
        return True


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--title", default="Facet")
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--linger", type=float, default=1)
    parser.add_argument("--wait-file")
    parser.add_argument("--wait-title")
    parser.add_argument("command", nargs="+")
    args = parser.parse_args()
    wanted = re.compile(args.title)

    d = xdisplay.Display()
    root = d.screen().root
    root.change_attributes(event_mask=X.SubstructureNotifyMask)
    d.sync()

    start = time.monotonic()
    proc = subprocess.Popen(args.command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    shown = None
    shown_window = None
    mapped_untitled = []
    while shown is None and time.monotonic() - start < args.timeout and proc.poll() is None:
        if not d.pending_events():
            select.select([d.fileno()], [], [], 0.05)
        while d.pending_events():
            ev = d.next_event()
            if ev.type != X.MapNotify or ev.override or too_small(ev.window):
                continue
            now = time.monotonic()
            if wanted.search(title(d, ev.window)):
                shown = now
                shown_window = ev.window
                break
            mapped_untitled.append((now, ev.window))
        # A title set just after mapping still counts from the map.
        for when, win in list(mapped_untitled):
            if wanted.search(title(d, win)):
                shown = when
                shown_window = win
                break
    if shown is not None:
        print(f"{(shown - start) * 1000:.0f}", flush=True)
        if args.wait_title:
            retitled = re.compile(args.wait_title)
            shown_window.change_attributes(event_mask=X.PropertyChangeMask)
            d.sync()
            while not retitled.search(title(d, shown_window)) and time.monotonic() - start < args.timeout and proc.poll() is None:
                if not d.pending_events():
                    select.select([d.fileno()], [], [], 0.05)
                while d.pending_events():
                    d.next_event()
            print(f"{(time.monotonic() - start) * 1000:.0f}" if retitled.search(title(d, shown_window)) else "none", flush=True)
        if args.wait_file:
            # Polled: a stat every 50 ms costs the program nothing worth measuring.
            while not os.path.exists(args.wait_file) and time.monotonic() - start < args.timeout and proc.poll() is None:
                time.sleep(0.05)
            print(f"{(time.monotonic() - start) * 1000:.0f}" if os.path.exists(args.wait_file) else "none", flush=True)
        time.sleep(args.linger)
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
    if shown is None:
        print(f"first_window: no window titled /{args.title}/ within {args.timeout:.0f} s"
              f" (exit status {proc.returncode})", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
