"""Whole HTML pages of the live view: the shell around a body, the join panel, the refusal.

The stylesheet and the script are the package's own files, inlined: the page needs nothing
from the network beyond the room (no CDN).
"""

from __future__ import annotations

import html
from functools import cache
from importlib.resources import files

import segno

from parler_kit.live.render import h
from parler_kit.live.views import View


@cache
def _static(name: str) -> str:
    return files("parler_kit.live").joinpath("static", name).read_text("utf-8")


def page(
    title: str,
    body: str,
    base: str,
    *,
    xsrf: str = "",
    stream: str = "",
    action: str = "",
    controls: str = "",
    moderation: bool = False,
) -> str:
    """A whole French page: header with navigation and the trainer's buttons, then `body`."""
    nav = (
        f'<nav aria-label="{h("live.nav.label")}"><a href="{base}">{h("live.nav.home")}</a> · '
        f'<a href="{base}rejoindre">{h("live.nav.join")}</a></nav>'
    )
    data = f' data-stream="{html.escape(stream)}"' if stream else ""
    data += f' data-action="{html.escape(action)}"' if action else ""
    return (
        '<!doctype html><html lang="fr"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="xsrf" content="{html.escape(xsrf)}">'
        f"<title>{html.escape(title)}</title><style>{_static('live.css')}</style></head>"
        f'<body{data} class="{"moderation" if moderation else ""}"><header>'
        f"<h1>{html.escape(title)}</h1>{controls}{nav}</header>"
        f'<p class="frozen-banner" role="status">{h("live.frozen.banner")}</p>'
        f'<main id="live" aria-live="polite">{body}</main>'
        f"<script>{_static('live.js')}</script></body></html>"
    )


def _toggle(flag: str, on_key: str, off_key: str, shortcut: str) -> str:
    off = h(off_key)
    return (
        f'<button type="button" id="{flag}" data-action="{flag}" data-flag="{flag}" '
        f'data-on="{h(on_key)}" data-off="{off}" aria-pressed="false" '
        f'accesskey="{shortcut}">{off}</button>'
    )


def reset_button() -> str:
    """« Réinitialiser l'affichage », asking for confirmation first."""
    return (
        f'<button type="button" id="reset" data-action="reset" '
        f'data-confirm="{h("live.reset.confirm")}">{h("live.reset")}</button>'
    )


def view_controls(view: View, base: str, moderation: bool) -> str:
    """The trainer's buttons on a view, and the link between projection and moderation."""
    other = (
        f'<a href="{base}vue/{view.slug}">{h("live.projection.link")}</a>'
        if moderation
        else f'<a href="{base}vue/{view.slug}?moderation=1">{h("live.moderation.link")}</a>'
    )
    has_key = view.kind in {"quiz", "positioning", "classify", "dialogue"}
    reveal = _toggle("revealed", "live.key.hide", "live.key.show", "r") if has_key else ""
    return (
        f"{reveal}{_toggle('frozen', 'live.freeze.off', 'live.freeze.on', 'g')}"
        f"{reset_button()}{other if view.kind in {'texts', 'action_sheet', 'evaluation'} else ''}"
    )


def join_body(address: str | None) -> str:
    """The join panel: the room's address in large text and as a QR code."""
    if not address:
        return f'<div class="join"><p class="big">{h("live.join.no_address")}</p></div>'
    qr = segno.make(address, error="m").svg_inline(scale=10, title=h("live.join.qr_title"))
    return (
        f'<div class="join"><p>{h("live.join.intro")}</p>'
        f'<p class="address">{html.escape(address)}</p>{qr}</div>'
    )


def refused_page() -> str:
    """The French page a participant (or anyone outside the trainers) gets, with a 403."""
    return (
        '<!doctype html><html lang="fr"><head><meta charset="utf-8">'
        f"<title>{h('live.refused.title')}</title><style>{_static('live.css')}</style></head>"
        f'<body><main class="refused"><h1>{h("live.refused.title")}</h1>'
        f"<p>{h('live.refused.body')}</p></main></body></html>"
    )
