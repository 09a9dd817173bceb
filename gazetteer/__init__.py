"""Offline gazetteer: place index, lookup, geopy-compatible geocoder and toponym resolution."""

from gazetteer.place import Place, Toponym

__all__ = ["Place", "Toponym"]
