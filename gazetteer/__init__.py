"""Offline gazetteer: place index, lookup, geopy-compatible geocoder and toponym resolution."""

from gazetteer.geocoder import LocalGeocoder
from gazetteer.geoparse import Geoparser, geoparse
from gazetteer.index import Gazetteer
from gazetteer.place import Place, Toponym

__all__ = ["Gazetteer", "Geoparser", "LocalGeocoder", "Place", "Toponym", "geoparse"]
