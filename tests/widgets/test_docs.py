"""docs/widgets.md stays true: every kind documented, every example builds against the bank."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from parler_kit.answers import AnswerStore
from parler_kit.content import ContentBank
from parler_kit.widgets import WIDGETS, build

DOC = Path(__file__).resolve().parents[2] / "docs" / "widgets.md"
_SHOW = re.compile(r"^show\(.*?\)(?=\s*(?:#|$))", re.MULTILINE)


def test_every_widget_kind_has_a_section_code_and_screenshot_slot() -> None:
    """Each kind has its heading, a show() example and a docs/img/<kind>.png slot."""
    text = DOC.read_text("utf-8")
    for kind, widget_class in WIDGETS.items():
        assert f"## `{kind}`" in text
        assert f'show("{kind}"' in text
        assert f"img/{kind}.png" in text
        assert widget_class.__name__ in text


def test_every_documented_example_builds(bank: ContentBank, tmp_path: Path) -> None:
    """Every show(...) line of the guide builds its widget, without a problem message."""
    examples = _SHOW.findall(DOC.read_text("utf-8"))
    assert len(examples) >= len(WIDGETS)
    store = AnswerStore.open(tmp_path / "carnet.answers.json")
    for example in examples:
        call = ast.parse(example, mode="eval").body
        assert isinstance(call, ast.Call)
        kind = ast.literal_eval(call.args[0])
        kwargs = {k.arg: ast.literal_eval(k.value) for k in call.keywords if k.arg}
        widget = build(kind, store=store, bank=bank, **kwargs)
        assert "À corriger" not in widget.status.value, example
