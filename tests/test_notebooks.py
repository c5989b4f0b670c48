"""The evaluation notebook runs headless from start to end (slow: it reruns the model evaluations)."""

from __future__ import annotations

from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "model_eval.ipynb"


@pytest.mark.slow
@pytest.mark.shared
def test_model_eval_notebook_executes(shared_data: Path) -> None:
    nbformat = pytest.importorskip("nbformat", reason="nbformat/nbclient are optional (dev extra)")
    nbclient = pytest.importorskip("nbclient", reason="nbformat/nbclient are optional (dev extra)")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbclient.NotebookClient(
        nb, timeout=1800, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}
    ).execute()
    outputs = "".join(
        o.get("text", "") for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", [])
    )
    assert "top1" in outputs
    assert "rules + fallback" in outputs
