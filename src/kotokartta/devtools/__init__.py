"""Tools for developers and scale tests, outside the domain apps: the synthetic data generator."""
