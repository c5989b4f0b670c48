"""Check kinds for criminal procedure: acceptance, filing, coercive-measure limits, act order (ACC-*, CR-*)."""

from __future__ import annotations
