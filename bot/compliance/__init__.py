"""Compliance: provenance of every bot message; transcripts, masking and review come later."""
