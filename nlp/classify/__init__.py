"""Trained text classifiers: charges from facts (charge.py), the document-type fallback (doctype.py)."""
