"""Places: a gazetteer built from GeoNames data that installs from PyPI, plus curated packs."""

from warlog.geo.gazetteer import Gazetteer
from warlog.geo.names import GeoName, normalize_place
from warlog.geo.packs import PlacePack, read_place_pack, write_place_pack
from warlog.geo.qualify import Resolved

__all__ = ["Gazetteer", "GeoName", "PlacePack", "Resolved", "normalize_place", "read_place_pack", "write_place_pack"]
