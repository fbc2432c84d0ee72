"""warlog: actors, events and claims from reporting on armed conflict, each fact tied to its evidence."""

__version__ = "0.1.0"
