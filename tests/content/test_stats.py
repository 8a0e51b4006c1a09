"""content_stats counts records, and those lacking a source or English text."""

from pathlib import Path

from parler_kit.content import content_stats, load_bank_from

FIXTURES = Path(__file__).resolve().parent.parent / "data" / "content"


def test_stats_count_per_kind_with_missing_english() -> None:
    """Each kind is counted; records whose texts lack English are counted as such."""
    stats = content_stats(load_bank_from(FIXTURES / "valid"))
    assert stats["milestones"] == {"count": 1, "without_source": 0, "without_english": 1}
    assert stats["exercises.classify"]["count"] == 1
    assert stats["sources"]["count"] == 1
