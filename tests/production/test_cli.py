"""``parler-kit workbooks build``: lines per participant, French errors, exit codes."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from production_helpers import write_roster, write_template

from parler_kit.cli import main
from parler_kit.cli.kit_group import EXIT_PARTIAL


def command(roster: Path, session: Path, out: Path) -> list[str]:
    """The build command line without options."""
    return ["workbooks", "build", str(roster), "--session", str(session), "--out", str(out)]


def test_build_prints_one_line_per_participant(tmp_path: Path, session: Path) -> None:
    """Off a terminal, each participant gets one line; the summary names the manifest."""
    roster = write_roster(tmp_path, ["Durand;Éloïse;ass mat;Domicile", "Martin;Léo;RPE;RPE Nord"])
    out = tmp_path / "out"
    args = ["workbooks", "build", str(roster), "--session", str(session), "--out", str(out)]
    result = CliRunner().invoke(main, [*args, "--formats", "ipynb", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert "Éloïse Durand" in result.output and "Léo Martin" in result.output
    assert "manifest.json" in result.output
    again = CliRunner().invoke(main, [*args, "--formats", "ipynb"])
    assert again.output.count("à jour") >= 2


def test_invalid_roster_exit_1_with_rows(tmp_path: Path, session: Path) -> None:
    """An invalid roster exits 1 listing every problem with its line, and builds nothing."""
    roster = write_roster(tmp_path, ["Durand;;ass mat;Domicile", "Martin;Léo;plombier;X"])
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["workbooks", "build", str(roster), "--session", str(session), "--out", str(out)]
    )
    assert result.exit_code == 1
    assert "ligne 2" in result.output and "ligne 3" in result.output and "plombier" in result.output
    assert not out.exists()


def test_unknown_format_exit_1(tmp_path: Path, session: Path) -> None:
    """An unknown format is refused in French."""
    roster = write_roster(tmp_path, ["Durand;Éloïse;ass mat;Domicile"])
    result = CliRunner().invoke(
        main,
        [*command(roster, session, tmp_path / "o"), "--formats", "docx"],
    )
    assert result.exit_code == 1 and "docx" in result.output


def test_failed_participant_exit_4(tmp_path: Path, session: Path) -> None:
    """One participant failing gives exit code 4 (not click's 2), the failing cell and the others built."""
    template = write_template(tmp_path, ("code", 'show("quiz", questions=participant_id)', []))
    roster = write_roster(
        tmp_path,
        ["A;B;rpe;S;quiz-pb-evaluation", "C;D;rpe;S;rate"],
        header="nom;prénom;profession;structure;id",
    )
    result = CliRunner().invoke(
        main,
        [
            *command(roster, session, tmp_path / "o"),
            "--formats",
            "ipynb,html",
            "--template",
            str(template),
        ],
    )
    assert result.exit_code == EXIT_PARTIAL == 4
    assert "cellule 1" in result.output and "ligne 3" in result.output
    assert (tmp_path / "o" / "quiz-pb-evaluation" / "handout.html").is_file()


def test_default_formats_match_production() -> None:
    """The CLI's default --formats (kept literal for a fast start) lists production's formats."""
    from parler_kit.cli.workbooks import _FORMATS
    from parler_kit.production import FORMATS

    assert ",".join(FORMATS) == _FORMATS


def test_help_is_french() -> None:
    """`parler-kit workbooks build --help` explains every option in French."""
    result = CliRunner().invoke(main, ["workbooks", "build", "--help"])
    assert result.exit_code == 0
    assert "--jobs" in result.output and "parallèle" in result.output and "--force" in result.output


def test_progress_bar_on_a_terminal(tmp_path: Path, session: Path) -> None:
    """On a terminal (a pseudo-terminal here) a tqdm bar counts the handouts up to the total."""
    import fcntl
    import os
    import pty
    import struct
    import subprocess
    import sys
    import termios

    roster = write_roster(tmp_path, ["Durand;Éloïse;ass mat;Domicile", "Martin;Léo;RPE;RPE Nord"])
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    cli = Path(sys.executable).parent / "parler-kit"
    process = subprocess.Popen(
        [str(cli), *command(roster, session, tmp_path / "out"), "--formats", "ipynb"],
        stdout=subprocess.PIPE,
        stderr=slave,
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:  # the terminal closed: the command ended
            break
        if not data:
            break
        chunks.append(data)
    output, _ = process.communicate(timeout=120)
    os.close(master)
    bar = b"".join(chunks).decode("utf-8", "replace")
    assert process.returncode == 0
    assert "2/2" in bar and "Carnets produits" in bar and "(s)" not in bar
    assert "2 faits, 0 à jour, 0 en échec" in output.decode("utf-8")
