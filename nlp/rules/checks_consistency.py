"""Check kinds for cross-document consistency, citations and qualification thresholds (CON-*, CIT-*, THR-*)."""

from __future__ import annotations
