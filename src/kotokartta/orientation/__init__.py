"""Orientation group planner: joint civic orientation groups from aggregate demand (KotoL 25 §)."""
