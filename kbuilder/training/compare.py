"""Runs side by side: what a comparison table and overlaid curves show. No Qt.

:func:`compare_runs` takes runs of the document's history
(:class:`~kbuilder.project.document.RunRecord`); :func:`compare_trials` takes
a search's trials (:class:`~kbuilder.training.search_results.SearchResults`).  Both
give a :class:`Comparison`: one row per run with the settings that differ
between the runs (and the few a learner always looks at), the final figures
and the test figures; and the curves, one list per figure and run, to overlay.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from kbuilder.core.i18n import translate

#: Settings shown even when every run has the same (what a learner varies first).
ALWAYS = ("optimizer", "learning_rate", "batch_size", "epochs")
#: Settings never shown: bookkeeping, not choices.
HIDDEN = ("data.input_map", "data.output_map", "callbacks")


@dataclass
class Comparison:
    labels: list[str]  # one per run: "Run 3", "Trial 2"
    columns: list[str]  # after the label: settings, then figures
    rows: list[dict[str, Any]]  # one per run: column -> value (None: the run has none)
    curves: dict[str, dict[str, list[float]]] = field(default_factory=dict)  # figure -> label -> per epoch
    settings_columns: list[str] = field(default_factory=list)
    figure_columns: list[str] = field(default_factory=list)

    def table(self) -> list[list[Any]]:
        """Rows of plain values in column order, the label first (for a model or a CSV)."""
        return [[label] + [row.get(c) for c in self.columns] for label, row in zip(self.labels, self.rows, strict=True)]


def flatten(settings: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """``{"data": {"name": "digits"}, "epochs": 5}`` -> ``{"data.name": "digits", "epochs": 5}``."""
    out: dict[str, Any] = {}
    for key, value in (settings or {}).items():
        name = f"{prefix}{key}"
        if any(name == h or name.startswith(h + ".") for h in HIDDEN):
            continue
        if isinstance(value, dict) and value:
            out.update(flatten(value, name + "."))
        else:
            out[name] = value
    return out


def final_figures(history: dict[str, list[float]], test: dict[str, float] | None = None) -> dict[str, float]:
    """The last epoch's figures, and the test figures as ``test_<name>``."""
    out = {k: v[-1] for k, v in (history or {}).items() if v and k != "learning_rate"}
    out.update({f"test_{k}": v for k, v in (test or {}).items()})
    return {k: (float(v) if isinstance(v, (int, float)) and math.isfinite(v) else None) for k, v in out.items()}


def compare_runs(runs: Sequence[Any]) -> Comparison:
    """Two or more runs of the document's history (RunRecord: number,
    settings, history, test_metrics, epochs_done, stop_reason)."""
    labels = [translate("training.compare", "Run {n}").format(n=r.number) for r in runs]
    flat = [flatten(r.settings) for r in runs]
    settings_cols = _differing(flat)
    figures = [final_figures(r.history, r.test_metrics) for r in runs]
    figure_cols = _union(figures)
    rows = []
    for r, s, f in zip(runs, flat, figures, strict=True):
        row = {c: s.get(c) for c in settings_cols}
        row["epochs_done"] = r.epochs_done
        row["stopped"] = r.stop_reason or None
        row.update({c: f.get(c) for c in figure_cols})
        rows.append(row)
    return Comparison(
        labels,
        settings_cols + ["epochs_done", "stopped"] + figure_cols,
        rows,
        _curves(labels, [r.history for r in runs]),
        settings_cols,
        figure_cols,
    )


def compare_trials(results) -> Comparison:
    """A search's trials: their values, state, score (the best objective value
    and its epoch), and final figures."""
    trials = list(results.trials)
    labels = [translate("training.compare", "Trial {n}").format(n=t.number) for t in trials]
    keys = list(results.keys)
    figures = [final_figures(t.history) for t in trials]
    figure_cols = _union(figures)
    score = f"best {results.objective}"  # a column key (the trials table looks it up): not translated
    rows = []
    for t, f in zip(trials, figures, strict=True):
        row = {k: t.values.get(k) for k in keys}
        row.update({"state": t.state, score: t.score, "best_epoch": t.best_epoch})
        row.update({c: f.get(c) for c in figure_cols})
        rows.append(row)
    return Comparison(
        labels,
        keys + ["state", score, "best_epoch"] + figure_cols,
        rows,
        _curves(labels, [t.history for t in trials]),
        keys,
        [score] + figure_cols,
    )


def _differing(flat: list[dict[str, Any]]) -> list[str]:
    keys = _union(flat)
    out = []
    for k in keys:
        values = [repr(s.get(k)) for s in flat]
        if k in ALWAYS or len(set(values)) > 1:
            out.append(k)
    order = {k: i for i, k in enumerate(ALWAYS)}
    return sorted(out, key=lambda k: (order.get(k, len(order)), k))


def _union(dicts: list[dict[str, Any]]) -> list[str]:
    seen: dict[str, None] = {}
    for d in dicts:
        for k in d:
            seen.setdefault(k, None)
    return list(seen)


def _curves(labels: list[str], histories: list[dict[str, list[float]]]) -> dict[str, dict[str, list[float]]]:
    curves: dict[str, dict[str, list[float]]] = {}
    for label, history in zip(labels, histories, strict=True):
        for key, values in (history or {}).items():
            if key != "learning_rate" and values:
                curves.setdefault(key, {})[label] = [float(v) for v in values]
    return curves
