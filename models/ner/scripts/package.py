"""Assemble the committed artifact from trained layers: packages/juanshen_ner-<version>/{persons,things,case}.

    python models/ner/scripts/package.py VERSION persons=DIR things=DIR case=DIR

Each DIR is a spaCy ``model-best``; the artifact's meta.json records the version, date and each layer's labels
and dev score (the figures on held-out data are in models/ner/README.md).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sys
from pathlib import Path

from thinc.api import Config

PACKAGES = Path(__file__).resolve().parents[1] / "packages"


def package(version: str, layers: dict[str, Path]) -> Path:
    out = PACKAGES / f"juanshen_ner-{version}"
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    meta: dict[str, object] = {"name": "juanshen_ner", "version": version, "date": dt.date.today().isoformat()}
    layer_meta: dict[str, object] = {}
    for name, src in layers.items():
        shutil.copytree(src, out / name)
        # The training data paths point into the trainer's machine; the artifact must not name them.
        config = Config().from_disk(out / name / "config.cfg", interpolate=False)
        config["paths"]["train"] = config["paths"]["dev"] = None
        config.to_disk(out / name / "config.cfg")
        spacy_meta = json.loads((src / "meta.json").read_text(encoding="utf-8"))
        layer_meta[name] = {
            "labels": spacy_meta.get("labels", {}).get("ner", []),
            "dev_ents_f": spacy_meta.get("performance", {}).get("ents_f"),
            "spacy_version": spacy_meta.get("spacy_version"),
        }
    meta["layers"] = layer_meta
    (out / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return out


def main(argv: list[str]) -> int:
    version, *pairs = argv
    layers = {k: Path(v) for k, v in (p.split("=", 1) for p in pairs)}
    out = package(version, layers)
    size = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
    print(f"{out}: {size / 1e6:.1f} MB")  # noqa: T201
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
