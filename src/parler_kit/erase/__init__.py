"""Erase one participant wherever the kit wrote about them (RGPD right to erasure).

The erasure is an ordered list of steps (the protocol: `parler_kit.erasure`), each exported by
the package that owns the files it erases, as nbgrader's preprocessors are listed:

1. `production.manifest.production_runs`: their folder of each production run, their manifest lines;
2. `admin.erase.personal_documents`: their attestation, convocation, certificat de réalisation;
3. the searches of `parler_kit.erase.search`: answers files, returned notebooks, spreadsheet rows
   and the folders left empty;
4. `course.course_step`: their nbgrader folders and gradebook entries;
5. each training room's (`room.erase.erase_from_room`): folder, account, code, card, hub user;
6. `search.leftovers` (last): anything still naming them, reported as kept with the reason.

A new place the kit writes to adds its step here. The command line (``parler-kit erase``) only
parses its options, calls `erase_participant` and prints the outcomes.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from parler_kit.admin.erase import personal_documents
from parler_kit.course import CourseConfig, course_step
from parler_kit.erase.search import (
    answers_files,
    empty_folders,
    leftovers,
    participant_files,
    returned_notebooks,
    spreadsheets,
)
from parler_kit.erasure import Outcome, Step, Who, run_steps
from parler_kit.production.manifest import production_runs
from parler_kit.room.erase import erase_from_room, room_of

#: The steps that search the folders named by the organiser, in the order they run.
FOLDER_STEPS: tuple[Step, ...] = (
    production_runs,
    personal_documents,
    answers_files,
    returned_notebooks,
    spreadsheets,
    empty_folders,
)


def steps(course: CourseConfig | None = None, rooms: Iterable[Path] = ()) -> list[Step]:
    """Every step in order: the folders named, the nbgrader course, the rooms, what is left.

    A folder given as a room that is not one is refused here, before anything is erased.
    """
    layouts = [room_of(room) for room in rooms]

    def rooms_step(who: Who) -> list[Outcome]:
        return [o for layout in layouts for o in erase_from_room(layout, who.participant_id)]

    def what_is_left(who: Who) -> list[Outcome]:
        roots = [course.root] if course is not None else []
        return leftovers(who, [*roots, *(layout.root for layout in layouts)])

    return [*FOLDER_STEPS, course_step(course), rooms_step, what_is_left]


def erase_participant(
    participant_id: str,
    folders: Iterable[Path],
    course: CourseConfig | None = None,
    rooms: Iterable[Path] = (),
) -> list[Outcome]:
    """Erase `participant_id` from `folders`, the nbgrader `course` and `rooms`; every outcome."""
    return run_steps(Who(participant_id, tuple(folders)), steps(course, rooms))


__all__ = ["FOLDER_STEPS", "Outcome", "erase_participant", "participant_files", "steps"]
