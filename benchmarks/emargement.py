"""The émargement at scale: N participants (default 25) signing within a minute (issue 22 targets).

Prepares a room of N fictional participants in a temporary folder and starts its hub with
`parler-kit room start --background --no-prestart` (signing needs no participant's server). A
trainer logs in through the hub (HTTP, real codes), opens the first half-day's sheet and polls
the trainers' list every 0.2 s, as the page does every second; N participants log in (HTTP, real
codes, OAuth through the hub) with starts spread over a minute, each sends a drawn signature
(a PNG, as the canvas does) with the page's XSRF token.

Prints: the signature request's time (p50, p95), the delay from a signature's answer to the
trainer's list showing it (p50, p95; target ≤ 2 s p95; the page asks every 1 s, so add up to 1 s
for a real page), and checks every signature is in the register with its image.

Run: ``.venv/bin/python benchmarks/emargement.py [--participants 25] [--spread 60]``
"""

from __future__ import annotations

import argparse
import base64
import io
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests
from PIL import Image, ImageDraw

from parler_kit.roster import load_session
from parler_kit.signing import half_day_key
from room import codes, percentile, write_roster  # benchmarks/room.py, the room benchmark

REPO = Path(__file__).resolve().parents[1]
SESSION = REPO / "examples" / "session.yaml"
PARLER_KIT = str(Path(sys.executable).parent / "parler-kit")
SIGNING = "services/emargement/"
_XSRF = re.compile(r'name="_xsrf" value="([^"]+)"')
_SIGNED = re.compile(
    r'data-personne="([^"]+)"><span class="nom">[^<]*</span> — <span class="etat-[a-z]+">a signé'
)


def signature_png(seed: int) -> str:
    """A drawn signature as the canvas sends it (PNG data URL), different per person."""
    image = Image.new("RGBA", (600, 200), (255, 255, 255, 0))
    points = [(20 + 70 * i, 60 + (seed * 7 + i * 37) % 100) for i in range(9)]
    ImageDraw.Draw(image).line(points, fill="black", width=4)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def log_in(url: str, username: str, code: str) -> tuple[requests.Session, str]:
    """A session logged in through the hub and the service's OAuth; the signing page's XSRF."""
    session = requests.Session()
    session.get(url + "hub/login", timeout=60)
    page = session.post(url + f"hub/login?next=/{SIGNING}", timeout=300,
                        data={"username": username, "password": code,
                              "_xsrf": session.cookies.get("_xsrf")})  # fmt: skip
    page.raise_for_status()
    match = _XSRF.search(page.text)
    if match is None:
        raise RuntimeError(f"{username}: no form on {page.url}")
    return session, match.group(1)


def main() -> None:
    """Prepare, start, open, sign, measure, stop."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=25)
    parser.add_argument("--spread", type=float, default=60.0)
    parser.add_argument("--port", type=int, default=8431)
    args = parser.parse_args()
    key = half_day_key(load_session(SESSION).half_days[0])
    with tempfile.TemporaryDirectory(prefix="parler-kit-emargement-") as folder:
        base = Path(folder)
        base.chmod(0o711)
        roster = base / "inscrits.csv"
        write_roster(roster, args.participants)
        room = base / "salle"
        started = time.monotonic()
        subprocess.run([PARLER_KIT, "room", "prepare", str(roster), "--session", str(SESSION),
                        "--out", str(room)], check=True, capture_output=True)  # fmt: skip
        print(f"room of {args.participants} prepared in {time.monotonic() - started:.0f} s")
        subprocess.run([PARLER_KIT, "room", "start", str(room), "--port", str(args.port),
                        "--background", "--no-prestart"], check=True, capture_output=True)  # fmt: skip
        url = f"http://127.0.0.1:{args.port}/"
        try:
            run(url, room, key, args.participants, args.spread)
        finally:
            stop = [PARLER_KIT, "room", "stop", str(room)]
            subprocess.run(stop + (["--remove-accounts"] if os.geteuid() == 0 else []),
                           check=True, capture_output=True)  # fmt: skip


def run(url: str, room: Path, key: str, count: int, spread: float) -> None:
    """The measured part, against the running room."""
    with (room / "acces" / "codes.csv").open(encoding="utf-8-sig") as handle:
        trainer_line = next(line for line in handle if line.startswith("formateur-"))
    trainer_name, *_rest, trainer_code = trainer_line.strip().split(";")
    trainer, token = log_in(url, trainer_name, trainer_code)
    opened = trainer.post(url + SIGNING + "action", timeout=60,
                          data={"_xsrf": token, "action": "ouvrir", "demi_journee": key})  # fmt: skip
    opened.raise_for_status()
    seen: dict[str, float] = {}
    done = threading.Event()

    def poll() -> None:
        while not done.is_set():
            text = trainer.get(url + SIGNING + "liste", timeout=60).text
            now = time.monotonic()
            for username in _SIGNED.findall(text):
                seen.setdefault(username, now)
            time.sleep(0.2)

    poller = threading.Thread(target=poll, daemon=True)
    poller.start()
    people = codes(room)[:count]
    answered: dict[str, float] = {}
    request_s: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()

    def sign(index: int, username: str, code: str) -> None:
        time.sleep(spread * index / max(1, len(people)))
        try:
            session, xsrf = log_in(url, username, code)
            start = time.monotonic()
            answer = session.post(url + SIGNING + "signer", timeout=120,
                                  data={"_xsrf": xsrf, "demi_journee": key,
                                        "signature": signature_png(index)})  # fmt: skip
            end = time.monotonic()
            if answer.status_code != 200 or "Présence enregistrée" not in answer.text:
                raise RuntimeError(f"HTTP {answer.status_code}")
            with lock:
                answered[username] = end
                request_s.append(end - start)
        except Exception as error:  # counted and printed, the run goes on
            with lock:
                failures.append(f"{username}: {error}")

    threads = [threading.Thread(target=sign, args=(i, *p)) for i, p in enumerate(people)]
    begun = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    deadline = time.monotonic() + 10
    while set(answered) - set(seen) and time.monotonic() < deadline:
        time.sleep(0.1)
    done.set()
    poller.join()
    total = time.monotonic() - begun
    delays = [max(0.0, seen[u] - answered[u]) for u in answered if u in seen]
    register = room / "emargement" / "registre.jsonl"
    lines = [json.loads(line) for line in register.read_text("utf-8").splitlines()]
    signs = [e for e in lines if e["action"] == "sign"]
    images = [e for e in signs if (room / "emargement" / "signatures" / e["signature"]).is_file()]
    print(f"{len(answered)}/{len(people)} signed in {total:.0f} s (starts spread over {spread:.0f} s); "
          f"failures: {len(failures)}")  # fmt: skip
    for failure in failures:
        print("  " + failure)
    print(f"signature request: p50 {statistics.median(request_s) * 1000:.0f} ms, "
          f"p95 {percentile(request_s, 95) * 1000:.0f} ms")  # fmt: skip
    print(f"answer → trainer's list (polled every 0.2 s): p50 {statistics.median(delays):.2f} s, "
          f"p95 {percentile(delays, 95):.2f} s, max {max(delays):.2f} s; "
          f"{len(set(answered) - set(seen))} never shown")  # fmt: skip
    print(f"register: {len(signs)} signatures, {len(images)} with their image on disk")
    load = os.getloadavg()
    print(f"load average during the run: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} "
          f"({os.cpu_count()} cores)")  # fmt: skip


if __name__ == "__main__":
    main()
