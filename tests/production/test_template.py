"""Template checks: one parameters cell, only show() calls, no unknown parameters."""

from __future__ import annotations

from pathlib import Path

import pytest
from production_helpers import PARAMETERS, notebook, write_template

from parler_kit.errors import ProductionError
from parler_kit.production import DEFAULT_TEMPLATE, load_template
from parler_kit.production.template import ParamRef, Placeholder, Show, check_parameters


def test_shipped_template_is_valid() -> None:
    """The kit's workbook template loads: parameters, cover placeholder and show() calls."""
    template = load_template(DEFAULT_TEMPLATE)
    assert "full_name" in template.parameters and template.parameters["classify_ids"] == []
    kinds = {b.kind for b in template.blocks if isinstance(b, Show)}
    assert {"techniques", "quiz", "observation", "action_sheet"} <= kinds
    assert any(isinstance(b, Placeholder) and b.tag == "cover" for b in template.blocks)


@pytest.mark.parametrize("count", [0, 2])
def test_exactly_one_parameters_cell(tmp_path: Path, count: int) -> None:
    """No parameters cell, or two, is refused with the count found."""
    cells = [("code", PARAMETERS, ["parameters"])] * count
    path = tmp_path / "t.ipynb"
    import json

    path.write_text(json.dumps(notebook(*cells, ("markdown", "# x", []))), "utf-8")
    with pytest.raises(ProductionError, match=f"trouvé\u202f: {count}"):
        load_template(path)


def test_code_other_than_show_refused_with_cell_number(tmp_path: Path) -> None:
    """Arbitrary code in a template cell is refused, naming the cell."""
    path = write_template(tmp_path, ("code", "import os\nos.system('x')", []))
    with pytest.raises(ProductionError, match="cellule 1"):
        load_template(path)


def test_unknown_name_in_show_refused(tmp_path: Path) -> None:
    """A show() argument naming something that is not a parameter is refused."""
    path = write_template(tmp_path, ("code", 'show("quiz", questions=secret)', []))
    with pytest.raises(ProductionError, match="secret"):
        load_template(path)


def test_show_arguments_resolved_from_parameters(tmp_path: Path) -> None:
    """Parameter names in show() calls take the participant's values; literals stay."""
    path = write_template(
        tmp_path, ("code", 'show("evaluation", form="froid", store=answers_path)', [])
    )
    (call,) = [b for b in load_template(path).blocks if isinstance(b, Show)]
    assert call.resolve({"answers_path": "a.json"}) == {"form": "froid", "store": "a.json"}


def test_unknown_parameters_rejected(tmp_path: Path) -> None:
    """Parameters the template does not declare are rejected by name."""
    template = load_template(write_template(tmp_path))
    check_parameters(template, {"full_name": "A"})
    with pytest.raises(ProductionError, match="typo_name"):
        check_parameters(template, {"full_name": "A", "typo_name": 1})


def test_every_widget_of_the_shipped_template_writes_to_the_workbook_answers_file() -> None:
    """Each show() call of workbooks/workbook.ipynb passes store=answers_path (no second answers file)."""
    template = load_template(DEFAULT_TEMPLATE)
    calls = [b for b in template.blocks if isinstance(b, Show)]
    assert len(calls) >= 9  # one per widget kind of the kit at least
    for call in calls:
        arguments = dict(call.kwargs)
        assert arguments.get("store") == ParamRef("answers_path"), (call.index, call.kind)
