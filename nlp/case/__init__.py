"""The per-case view that rules read: people with roles and linked identities, and the procedural timeline."""
