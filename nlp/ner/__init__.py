"""Trained named-entity recognition (issue #4): backends behind one interface, see base.py."""
