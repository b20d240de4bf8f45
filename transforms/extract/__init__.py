"""Fact extraction: a parsed Document in, its figures, speakers, measures and press event out, as
typed records (records.py) and as JSON Lines records in the ../shared/gold/SCHEMA.md format.

`extract` is document.extract compiled with mypyc when the install built it and the build is as
current as these sources (native.py), else document.extract itself: the same records either way.
`BUILD` says which one runs.
"""

from __future__ import annotations

from transforms.extract import native
from transforms.extract.document import dedupe, extract, issuer_of
from transforms.extract.records import EXTRACTOR_VERSION, Extraction

__all__ = ["BUILD", "EXTRACTOR_VERSION", "Extraction", "dedupe", "extract", "issuer_of"]

_compiled, BUILD = native.load()
if _compiled is not None:
    extract = _compiled.extract
