"""Check kinds for administrative (治安) procedure rules (AD-*)."""

from __future__ import annotations
