"""The warlog version, recorded with every report."""

__version__ = "0.1.0"
