"""The package's exceptions: one root, each subclass also a built-in so callers can catch either."""


class GazetteerError(Exception):
    """Root of every error this package raises on purpose."""


class InvalidInputError(GazetteerError, TypeError):
    """An argument has the wrong type (e.g. ``geoparse(b"bytes")``)."""


class SourceError(GazetteerError, ValueError):
    """A gazetteer source (GeoNames dump, CSV) is missing, unreadable or malformed."""


class IndexBuildError(GazetteerError, RuntimeError):
    """The on-disk index could not be built or opened."""


class InvalidQueryError(GazetteerError, ValueError):
    """A query has the right type but an unusable value (e.g. a latitude of 123)."""
