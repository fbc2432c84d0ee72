"""Places: a gazetteer built from GeoNames data that installs from PyPI, plus curated packs."""

from warlog.geo.gazetteer import Gazetteer
from warlog.geo.qualify import Resolved
from warlog.packs.placenames import GeoName, normalize_place
from warlog.packs.places import PlacePack, read_place_pack, write_place_pack

__all__ = ["Gazetteer", "GeoName", "PlacePack", "Resolved", "normalize_place", "read_place_pack", "write_place_pack"]
