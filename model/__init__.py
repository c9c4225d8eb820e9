"""Journeyboard's domain model: pure Python, no Qt."""
