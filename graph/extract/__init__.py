"""Extraction of facts from report text: dates, counts, mentions, events, private-person references."""
