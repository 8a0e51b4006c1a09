"""``parler-kit room …``: prepare, start, stop and inspect the training room; release and collect a day.

Kit errors (French, naming the file or the person) reach the root group, which prints them and
exits 1 (`parler_kit.cli.kit_group`).
"""

from __future__ import annotations

import signal
from pathlib import Path

import click

from parler_kit.cli.kit_group import EXIT_INPUT
from parler_kit.i18n import ui_text

_ROOM = click.argument("room", type=click.Path(file_okay=False, path_type=Path))


@click.group(help=ui_text("cli.room.help"))
def room() -> None:
    """Commands of the training room."""


@room.command(help=ui_text("cli.room.prepare.help"))
@click.argument("roster", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--session", required=True, help=ui_text("cli.room.session_option"),
              type=click.Path(exists=True, dir_okay=False, path_type=Path))  # fmt: skip
@click.option("--out", required=True, help=ui_text("cli.room.out_option"),
              type=click.Path(file_okay=False, path_type=Path))  # fmt: skip
@click.option("--address", default=None, help=ui_text("cli.room.address_option"))
@click.option("--release", "days", multiple=True, help=ui_text("cli.room.release_option"))
def prepare(
    roster: Path, session: Path, out: Path, address: str | None, days: tuple[str, ...]
) -> None:
    """Prepare a room folder from a roster and a session file."""
    from parler_kit.room import DEFAULT_ADDRESS, prepare_room

    prepared = prepare_room(roster, session, out, address=address or DEFAULT_ADDRESS, release=days)
    layout = prepared.layout
    click.echo(ui_text("cli.room.prepared", path=layout.root, participants=prepared.participants,
                       trainers=prepared.trainers, days=", ".join(prepared.days)))  # fmt: skip
    click.echo(ui_text("cli.room.prepared_files", codes=layout.codes_csv, cards=layout.cards_pdf))


@room.command(help=ui_text("cli.room.start.help"))
@_ROOM
@click.option("--ip", default="127.0.0.1", show_default=True, help=ui_text("cli.room.ip_option"))
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535),
              help=ui_text("cli.room.port_option"))  # fmt: skip
@click.option("--background", is_flag=True, help=ui_text("cli.room.background_option"))
@click.option("--prestart/--no-prestart", default=True, show_default=True,
              help=ui_text("cli.room.prestart_option"))  # fmt: skip
@click.option("--isolation/--no-isolation", default=True, show_default=True,
              help=ui_text("cli.room.isolation_option"))  # fmt: skip
def start(
    room: Path, ip: str, port: int, background: bool, prestart: bool, isolation: bool
) -> None:
    """Run the room's hub (foreground unless --background)."""
    from parler_kit.room import (
        RoomLayout,
        launch_hub,
        load_description,
        prestart_servers,
        wait_until_ready,
    )

    layout = RoomLayout.at(room)
    if not isolation:
        click.echo(ui_text("cli.room.no_isolation_warning"), err=True)
    process, hub = launch_hub(layout, ip, port, background=background, isolated=isolation)
    try:
        wait_until_ready(hub, process, layout.hub_log if background else None)
    except BaseException:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
        layout.running.unlink(missing_ok=True)
        raise
    click.echo(ui_text("cli.room.started", address=hub.address))
    if prestart:
        click.echo(ui_text("cli.room.prestarted", count=prestart_servers(layout, hub)))
    if ip in ("127.0.0.1", "localhost"):
        click.echo(ui_text("cli.room.started_local"))
    cards = load_description(layout).address
    if cards != hub.address:
        click.echo(ui_text("cli.room.address_differs", cards=cards, address=hub.address))
    if background:
        return
    click.echo(ui_text("cli.room.stop_hint"))
    try:
        process.wait()
    except KeyboardInterrupt:
        # The terminal's Ctrl-C reached the hub too: wait for it to stop every server and the proxy.
        process.wait(timeout=60)
    finally:
        layout.running.unlink(missing_ok=True)
    click.echo(ui_text("cli.room.stopped"))


@room.command(help=ui_text("cli.room.stop.help"))
@_ROOM
@click.option("--remove-accounts", is_flag=True, help=ui_text("cli.room.remove_accounts_option"))
def stop(room: Path, remove_accounts: bool) -> None:
    """Stop a room started with --background; after the course, delete its system accounts."""
    from parler_kit.room import RoomLayout, stop_hub
    from parler_kit.room.isolation import remove_system_accounts, require_isolation_rights

    layout = RoomLayout.at(room)
    if remove_accounts:
        require_isolation_rights()
    stopped = stop_hub(layout)
    click.echo(ui_text("cli.room.stopped" if stopped else "cli.room.nothing_to_stop"))
    if stopped and stopped.leftovers:
        click.echo(ui_text("cli.room.leftovers_stopped", count=stopped.leftovers))
    if remove_accounts:
        removed = remove_system_accounts(layout)
        click.echo(ui_text("cli.room.accounts_removed", count=len(removed)))


@room.command(help=ui_text("cli.room.status.help"))
@_ROOM
def status(room: Path) -> None:
    """Print whether the room runs and who is connected."""
    from parler_kit.room import RoomLayout, load_description, room_status

    layout = RoomLayout.at(room)
    load_description(layout)  # a folder that is not a room is said so
    found = room_status(layout)
    if found is None:
        click.echo(ui_text("cli.room.status.stopped"))
        return
    hub, connected = found
    click.echo(ui_text("cli.room.status.running", address=hub.address))
    click.echo(ui_text("cli.room.status.participants", count=len(connected.participants),
                       total=connected.participants_total, names=_names(connected.participants)))  # fmt: skip
    click.echo(ui_text("cli.room.status.trainers", count=len(connected.trainers),
                       names=_names(connected.trainers)))  # fmt: skip
    if connected.failed_pages:
        details = ", ".join(f"{name} : {count}" for name, count in connected.failed_pages.items())
        click.echo(ui_text("cli.room.status.failed_pages",
                           count=sum(connected.failed_pages.values()), names=details))  # fmt: skip


def _names(names: tuple[str, ...]) -> str:
    return f" ({', '.join(names)})" if names else ""


@room.command(help=ui_text("cli.room.release.help"))
@_ROOM
@click.argument("day")
def release(room: Path, day: str) -> None:
    """Release one day to every participant."""
    from parler_kit.room import RoomLayout, release_day

    report = release_day(RoomLayout.at(room), day)
    click.echo(ui_text("cli.room.released", day=day, count=len(report.copied),
                       copied=sum(map(len, report.copied.values())),
                       kept=sum(map(len, report.kept.values()))))  # fmt: skip


@room.command(help=ui_text("cli.room.collect.help"))
@_ROOM
@click.argument("day")
def collect(room: Path, day: str) -> None:
    """Collect one day of every participant into the room's nbgrader course; exit 1 on refusals."""
    from parler_kit.room import RoomLayout, collect_day

    layout = RoomLayout.at(room)
    report = collect_day(layout, day)
    for participant, count in report.placed.items():
        click.echo(ui_text("cli.room.collected", participant=participant, count=count))
    for participant, names in report.changed.items():
        click.echo(ui_text("cli.room.changed", participant=participant, names=", ".join(names)),
                   err=True)  # fmt: skip
    for participant, reason in report.refused.items():
        click.echo(ui_text("cli.room.refused", participant=participant, reason=reason), err=True)
    click.echo(ui_text("cli.room.collect_summary", day=day, placed=len(report.placed),
                       refused=len(report.refused), config=layout.course_config))  # fmt: skip
    if report.refused:
        raise SystemExit(EXIT_INPUT)


@room.command(help=ui_text("cli.room.cards.help"))
@_ROOM
@click.option("--address", required=True, help=ui_text("cli.room.address_option"))
def cards(room: Path, address: str) -> None:
    """Print the access cards again for another address."""
    from parler_kit.room import RoomLayout, reprint_cards

    click.echo(ui_text("cli.room.cards_written", path=reprint_cards(RoomLayout.at(room), address)))


@room.command(help=ui_text("cli.room.emargement.help"))
@_ROOM
@click.option("--out", required=True, help=ui_text("cli.room.emargement.out_option"),
              type=click.Path(file_okay=False, path_type=Path))  # fmt: skip
@click.option("--roster", "roster_file", help=ui_text("cli.room.emargement.roster_option"),
              type=click.Path(exists=True, dir_okay=False, path_type=Path))  # fmt: skip
@click.option("--session", "session_file", help=ui_text("cli.room.emargement.session_option"),
              type=click.Path(exists=True, dir_okay=False, path_type=Path))  # fmt: skip
def emargement(room: Path, out: Path, roster_file: Path | None, session_file: Path | None) -> None:
    """Write each half-day's signed attendance sheet and the presence file from the register."""
    from parler_kit.room.emargement import write_room_emargement
    from parler_kit.room.erase import room_of

    written = write_room_emargement(room_of(room), out, roster_file, session_file)
    for path in written.sheets:
        click.echo(ui_text("cli.room.emargement.written", path=path))
    click.echo(ui_text("cli.room.emargement.presence", path=written.presence))
