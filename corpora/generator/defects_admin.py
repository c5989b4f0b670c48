"""Defect kinds for admin rules; registered in corpora.generator.defects.CATALOGUE on import."""

from __future__ import annotations
