"""Check kinds that use trained models (charge classifier disagreement)."""

from __future__ import annotations
