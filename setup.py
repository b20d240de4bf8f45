"""Compiles the extractor with mypyc at install (transforms/extract/native.py says how and why).
Everything else about the package is in pyproject.toml. PRESSROOM_PURE_PYTHON=1 installs without
compiling; a compiler error leaves the pure Python extractor in use (the extensions are optional)."""

import os
import runpy

from setuptools import setup


def extractor_extensions() -> list:
    native = runpy.run_path(os.path.join("transforms", "extract", "native.py"))
    if native["pure_requested"]():
        return []
    from mypyc.build import mypycify

    copies = [os.path.relpath(p) for p in native["copy_sources"]()]
    extensions = mypycify(copies, opt_level="3", group_name=native["GROUP"])
    for ext in extensions:
        ext.optional = True  # no compiler: pure Python, as without this file
    return extensions


setup(ext_modules=extractor_extensions())
