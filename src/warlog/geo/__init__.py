"""Places: a gazetteer built from GeoNames data that installs from PyPI, plus curated packs."""

from warlog.geo.gazetteer import Gazetteer, GeoName, normalize_place

__all__ = ["Gazetteer", "GeoName", "normalize_place"]
