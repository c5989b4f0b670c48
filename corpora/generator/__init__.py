"""Fictional, realistic police case files with planted defects and gold labels (issue #3)."""
