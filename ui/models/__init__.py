"""Qt item models over caseapp queries (ID-backed: rows fetched in pages as they show)."""
