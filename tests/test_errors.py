"""Errors name where the problem is, in French."""

from parler_kit.errors import ContentError, Problem, RosterError


def test_problem_names_file_row_record_and_field() -> None:
    """A problem's text says the file, the row, the record id and the field before the message."""
    problem = Problem("valeur absente", file="roster.csv", row=4, record_id="p-01", field="nom")
    assert str(problem) == "roster.csv, ligne 4, fiche « p-01 », champ « nom » : valeur absente"


def test_problem_without_location_is_just_the_message() -> None:
    """A problem with no location is printed as its message alone."""
    assert str(Problem("rien à dire")) == "rien à dire"


def test_content_error_lists_every_problem() -> None:
    """A ContentError's message counts the problems and lists each on its own line."""
    error = ContentError([Problem("a", file="x.yaml"), Problem("b", file="y.yaml")])
    text = str(error)
    assert text.startswith("Contenu invalide : 2 problèmes trouvés")
    assert "x.yaml : a" in text and "y.yaml : b" in text
    assert len(error.problems) == 2


def test_roster_error_accepts_a_custom_summary() -> None:
    """A RosterError keeps its problems and uses the summary it is given."""
    error = RosterError([Problem("doublon", row=3)], summary="Liste refusée.")
    assert str(error).splitlines()[0] == "Liste refusée."
