"""Check kinds for document elements, signatures and personnel rules (EL-*, PER-*)."""

from __future__ import annotations
