"""The package and its CLI load without the notebook UI stack (ipywidgets, IPython)."""

import subprocess
import sys

CHECK = "import sys; {body}; bad = [m for m in ('ipywidgets', 'IPython') if m in sys.modules]; assert not bad, bad"


def test_import_parler_kit_loads_no_widgets() -> None:
    """``import parler_kit`` (and its content bank) imports neither ipywidgets nor IPython."""
    body = "import parler_kit, parler_kit.content; parler_kit.content.load_bank()"
    subprocess.run([sys.executable, "-c", CHECK.format(body=body)], check=True)


def test_cli_help_loads_no_widgets() -> None:
    """Running the CLI's --help imports neither ipywidgets nor IPython."""
    body = (
        "from click.testing import CliRunner; from parler_kit.cli import main; "
        "r = CliRunner().invoke(main, ['--help']); assert r.exit_code == 0"
    )
    subprocess.run([sys.executable, "-c", CHECK.format(body=body)], check=True)
