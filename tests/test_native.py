"""The extractor compiled with mypyc (transforms/extract/native.py): what runs is the compiled copy
of exactly these sources or the sources themselves, and both give the same records."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import transforms.extract as E
from transforms.extract import document, native

ROOT = Path(__file__).resolve().parents[1]


def _sources(tmp: Path) -> Path:
    src = tmp / "extract"
    src.mkdir()
    for m in (*native.COMPILED, *native.DEPENDS):
        shutil.copy(native.SOURCES / f"{m}.py", src / f"{m}.py")
    return src


def test_the_copies_import_one_another_and_record_their_sources(tmp_path: Path) -> None:
    src, out = _sources(tmp_path), tmp_path / "native"
    paths = native.copy_sources(src, out)
    assert [p.name for p in paths] == [f"{m}.py" for m in native.COMPILED]
    figures = (out / "figures.py").read_text()
    assert "from transforms._native.periods import" in figures and "transforms.extract.periods" not in figures
    assert "from transforms.extract.records import Figure" in figures  # the shared types stay the sources'
    assert "from transforms.extract import lexicon as L" in figures
    assert native.stale(out, src) == []
    manifest = (out / native.MANIFEST).read_text().splitlines()
    assert len(manifest) == len(native.COMPILED) + len(native.DEPENDS) and all(len(line.split("  ")[0]) == 64 for line in manifest)
    assert (out / ".gitignore").read_text() == "*\n"  # build products, never committed


def test_an_edited_rule_runs_as_written_until_compiled_again(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    src, out = _sources(tmp_path), tmp_path / "native"
    native.copy_sources(src, out)
    with (src / "figures.py").open("a") as f:
        f.write("\n# an edit after the build\n")
    assert native.stale(out, src) == ["figures.py"]
    with caplog.at_level(logging.WARNING, logger="transforms.extract.native"):
        module, build = native.load(out, src)
    assert module is None and build == "pure Python (compiled build older than figures.py)"
    assert "older than figures.py" in caplog.text and "pip install -e ." in caplog.text
    (out / native.MANIFEST).unlink()
    assert native.stale(out, src) == [f"{m}.py" for m in (*native.COMPILED, *native.DEPENDS)]
    assert native.load(out, src) == (None, "pure Python (not compiled at install)")


def test_an_edited_lexicon_makes_the_build_stale_and_a_broken_build_falls_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The compiled modules were typed against lexicon.py's constants: a word added there makes the
    build stale; and a build that does not import (half-built, mismatched) runs the pure Python one."""
    src, out = _sources(tmp_path), tmp_path / "native"
    native.copy_sources(src, out)
    with (src / "lexicon.py").open("a") as f:
        f.write("\nEXTRA_WORDS = ('新',)\n")
    assert native.stale(out, src) == ["lexicon.py"]
    native.copy_sources(src, out)

    def broken(name: str) -> None:  # what importing a build compiled against another lexicon raised
        raise TypeError("tuple[str, str] object expected; got tuple[<14 items>]")

    monkeypatch.setattr(native.importlib, "import_module", broken)
    monkeypatch.delenv(native.PURE_ENV, raising=False)
    module, build = native.load(out, src)
    assert module is None and build.startswith("pure Python (compiled extractor does not import: tuple[str, str]")


def test_pure_python_on_request() -> None:
    code = "import transforms.extract as E, transforms.extract.document as D; print(E.BUILD); print(E.extract is D.extract)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT,
                         env={**os.environ, native.PURE_ENV: "1"}).stdout.splitlines()
    assert out == ["pure Python (PRESSROOM_PURE_PYTHON is set)", "True"]


def test_the_compiled_extractor_gives_the_pure_records(tmp_path: Path) -> None:
    """Every parser's documents and the records extracted from them, for the seed pages, the sample
    e-paper, the gold articles and 300 damaged pages: byte for byte the same, compiled and pure."""
    if native.pure_requested():
        pytest.skip(f"{native.PURE_ENV} is set: the pure extractor runs")
    if native.stale():
        pytest.skip(f"{E.BUILD}: `pip install -e .` compiles the current sources")
    assert E.BUILD == "compiled (mypyc)", f"the install did not compile the extractor: {E.BUILD}"
    assert E.extract is not document.extract and E.extract.__module__ == "transforms._native.document"
    files = {}
    for build, env in (("compiled", {}), ("pure", {native.PURE_ENV: "1"})):
        files[build] = tmp_path / f"{build}.json"
        subprocess.run([sys.executable, "bench/same_output.py", str(files[build]), "--mutations", "300"], check=True,
                       cwd=ROOT, capture_output=True, env={**os.environ, **env})
    compiled, pure = files["compiled"].read_bytes(), files["pure"].read_bytes()
    assert len(compiled) > 1_000_000 and b'"category": "growth_rate"' in compiled
    assert compiled == pure


def test_the_switch_is_spelled_alike_where_native_cannot_be_imported() -> None:
    """bench/__main__.py must set the switch before transforms.extract is imported (which would
    import native): it spells out native.PURE_ENV's name. setup.py asks native.pure_requested()."""
    assert f'"{native.PURE_ENV}"' in (ROOT / "bench/__main__.py").read_text()
    assert 'native["pure_requested"]()' in (ROOT / "setup.py").read_text()
