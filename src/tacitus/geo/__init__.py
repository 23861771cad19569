"""Places: the Gazetteer interface, the packaged default and the GeoNames dump builder."""

from .gazetteer import Candidate, Gazetteer, default_gazetteer

__all__ = ["Candidate", "Gazetteer", "default_gazetteer"]
