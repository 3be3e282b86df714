"""Export the training run as a Jupyter notebook (File > Export notebook).

The notebook is the exported training script (:mod:`kbuilder.training.script`)
cut into steps a learner runs one by one, top to bottom, on Colab or Kaggle
(with their GPUs) or any Jupyter: install what is missing, the data (the
same functions kbuilder ran, the same split and preprocessing plan), the
model (``build_model()`` from the code exporter), compile, fit, the curves,
then the test figures and the saved model.  It needs no kbuilder.

The install cell is plain Python that installs only what is missing, so it
is skipped where everything is there (and runs in a plain ``python`` too).
The curves use matplotlib when it is there (Colab and Kaggle have it), else
they are printed.
"""

from __future__ import annotations

import datetime as _dt
import inspect
from pathlib import Path

from kbuilder.core.i18n import translate
from kbuilder.training import recipes
from kbuilder.training.config import TrainConfig, epochs_text
from kbuilder.training.fit_setup import OPTIMIZER_CLASSES, TrainingError, callback_specs, class_weights
from kbuilder.training.script import XY_SOURCE
from kbuilder.training.session import TrainingSession

NOTEBOOK_SUFFIX = ".ipynb"

INSTALL = """\
# Install what this notebook needs, only when it is missing (Colab and Kaggle have it all).
import importlib.util
import subprocess
import sys

needed = {"numpy": "numpy", "keras": "keras", "tensorflow": "tensorflow", "sklearn": "scikit-learn"}
missing = [package for module, package in needed.items() if importlib.util.find_spec(module) is None]
if missing:
    subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet", *missing])
print("ready" if not missing else f"installed {', '.join(missing)}")"""

CURVES = """\
# One plot per figure: the training curve and, dashed, the validation curve.
names = [k for k in history.history if not k.startswith("val_") and k != "learning_rate"]
try:
    import matplotlib.pyplot as plt
except ImportError:  # no matplotlib: the numbers instead
    plt = None
if plt is None:
    for name in names:
        print(name, [round(v, 4) for v in history.history[name]])
        if "val_" + name in history.history:
            print("val_" + name, [round(v, 4) for v in history.history["val_" + name]])
else:
    fig, axes = plt.subplots(1, len(names), figsize=(5 * len(names), 3.5), squeeze=False)
    for ax, name in zip(axes[0], names):
        epochs = range(1, len(history.history[name]) + 1)
        ax.plot(epochs, history.history[name], label="training")
        if "val_" + name in history.history:
            ax.plot(epochs, history.history["val_" + name], "--", label="validation")
        ax.set_title(name)
        ax.set_xlabel("epoch")
        ax.legend()
    plt.tight_layout()
    plt.show()"""


def export_notebook(graph, settings: dict | None = None, *, session=None):
    """An ``nbformat`` notebook (version 4) that trains ``graph`` as the
    project's ``settings["training"]`` say.  ``session``: a TrainingSession
    already prepared for this graph (the training panel's); without it one is
    made and prepared here (it loads the data).  Raises TrainingError."""
    import nbformat
    from nbformat import v4

    if session is None:
        cfg = TrainConfig.from_dict((settings or {}).get("training") or {})
        session = TrainingSession(graph, cfg)
    if session.prepared is None:
        session.prepare()
    from kbuilder.training.script import _literal, _model_code

    cfg, prep, raw, info = session.config, session.prepared, session.raw, session.info
    d = cfg.data
    fn, kw = raw.recipe
    name = getattr(graph, "name", None) or "model"
    single = len(info.outputs) == 1
    name0 = info.outputs[0].name
    losses = {n: o.loss for n, o in session.outputs.items()}
    metrics = {n: list(o.metrics or []) for n, o in session.outputs.items()}
    weights = {n: o.loss_weight for n, o in session.outputs.items()}
    cw = class_weights(session.config, prep.xy("train")[1]) if cfg.class_weight not in (None, "none", "", {}) else None
    optimizer = (
        f"keras.optimizers.{OPTIMIZER_CLASSES[cfg.optimizer.lower()]}("
        + ", ".join(
            [f"learning_rate={float(cfg.learning_rate)!r}"] + [f"{k}={v!r}" for k, v in cfg.optimizer_options.items()]
        )
        + ")"
    )
    callbacks = [
        f"keras.callbacks.{c}(" + ", ".join(f"{k}={v!r}" for k, v in kw_.items()) + ")"
        for c, kw_ in callback_specs(cfg, None)
        if c not in ("TensorBoard",)
    ]
    code, from_json = _model_code(session)
    val_raw = session.val_raw

    cells = []

    def md(text: str) -> None:
        cells.append(v4.new_markdown_cell(text))

    def py(text: str) -> None:
        cells.append(v4.new_code_cell(text.rstrip("\n")))

    md(
        f"# Train the model `{_md(name)}`\n\n"
        f"Exported by kbuilder on {_dt.datetime.now():%Y-%m-%d %H:%M}. Run the cells from top to bottom "
        "(on Colab or Kaggle, switch the runtime to a GPU first if you like).\n\n"
        f"**Data:** {_md(raw.title or d.name)} ({d.source}), split with seed {d.seed}: "
        + (
            f"validation from `{_md(Path(d.val_path).name)}`"
            if val_raw is not None
            else f"validation {d.val_fraction:g}"
        )
        + f", test {d.test_fraction:g}.  \n**Training:** {epochs_text(int(cfg.epochs))}, batch size "
        f"{int(cfg.batch_size)}, {cfg.optimizer} with learning rate {float(cfg.learning_rate):g}."
    )
    md("## 1. Install\nSkipped when everything is already installed.")
    py(INSTALL)
    md(
        "## 2. Data\nThe same functions kbuilder ran to load, split and prepare the data, "
        "and the plan it computed from the data and the model:\n\n" + "\n".join(f"* {_md(n)}" for n in prep.notes)
    )
    lines = [
        "import os",
        "",
        'os.environ.setdefault("KERAS_BACKEND", "tensorflow")',
        "",
        "import numpy as np",
        "import keras",
        "from keras import layers",
        "",
        f"SEED = {int(d.seed)}",
        f"EPOCHS = {int(cfg.epochs)}",
        f"BATCH_SIZE = {int(cfg.batch_size)}",
        "PLAN = " + _literal(prep.plan),
        "INPUTS = " + _literal(prep.mapping.inputs) + "  # model input -> array",
        "OUTPUTS = " + _literal(prep.mapping.outputs) + "  # model output -> array",
        "",
    ]
    for f in (getattr(recipes, fn), recipes.split_arrays, recipes.apply_plan):
        lines += ["", inspect.getsource(f).rstrip(), ""]
    lines += ["", *XY_SOURCE]
    py("\n".join(lines))
    load = ["keras.utils.set_random_seed(SEED)", f"arrays, test_arrays = {fn}(**{_literal(kw)})"]
    val_fraction = 0.0 if val_raw is not None else float(d.val_fraction)
    load.append(
        f"splits = split_arrays(arrays, test_arrays, val_fraction={val_fraction!r}, "
        f"test_fraction={float(d.test_fraction)!r}, seed=SEED)"
    )
    if val_raw is not None:
        vfn, vkw = val_raw.recipe
        load += [
            f"val_arrays, _ = {vfn}(**{_literal(vkw)})  # the validation file",
            'splits["val"] = {k: val_arrays[k] for k in arrays}',
        ]
    load += [
        "splits = apply_plan(splits, PLAN)",
        'x_train, y_train = xy(splits["train"])',
        'x_val, y_val = xy(splits["val"])',
        'x_test, y_test = xy(splits["test"])',
        'print({part: len(next(iter(a.values()))) for part, a in splits.items() if a}, "samples")',
    ]
    py("\n".join(load))
    md("## 3. The model")
    if from_json:
        py(f"MODEL_JSON = {code!r}\n\n\ndef build_model():\n    return keras.models.model_from_json(MODEL_JSON)")
    else:
        py(code)
    py("model = build_model()\nmodel.summary()")
    md("## 4. Train")
    compile_lines = ["model.compile(", f"    optimizer={optimizer},"]
    if single:
        compile_lines += [f"    loss={losses[name0]!r},", f"    metrics={metrics[name0]!r},"]
    else:
        compile_lines += [
            f"    loss={_literal(losses)},",
            f"    loss_weights={_literal(weights)},",
            f"    metrics={_literal(metrics)},",
        ]
    if int(cfg.steps_per_execution) > 1:
        compile_lines.append(f"    steps_per_execution={int(cfg.steps_per_execution)},")
    compile_lines.append(")")
    py("\n".join(compile_lines))
    fit = [
        "history = model.fit(",
        "    x_train,",
        "    y_train,",
        "    validation_data=(x_val, y_val) if x_val is not None else None,",
        "    epochs=EPOCHS,",
        "    batch_size=BATCH_SIZE,",
        f"    shuffle={bool(cfg.shuffle)!r},",
    ]
    if cw:
        fit.append(f"    class_weight={cw!r},")
    fit += ["    callbacks=[" + ", ".join(callbacks) + "],", "    verbose=2,", ")"]
    py("\n".join(fit))
    md("## 5. Curves")
    py(CURVES)
    md("## 6. Test and save")
    py(
        "if x_test is not None:\n"
        "    results = model.evaluate(x_test, y_test, batch_size=BATCH_SIZE, verbose=0, return_dict=True)\n"
        '    print("test:", ", ".join(f"{k} {v:.4f}" for k, v in results.items()))\n'
        'model.save("trained_model.keras")\n'
        'print("saved trained_model.keras")'
    )
    nb = v4.new_notebook(
        cells=cells,
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "language_info": {"name": "python"},
            "accelerator": "GPU",
        },
    )
    nbformat.validate(nb)
    return nb


def write_notebook(nb, path: str | Path) -> Path:
    """Write ``nb`` to ``path`` (.ipynb) atomically; ProjectError on a disk failure."""
    import nbformat

    from kbuilder.project.kbproj import atomic_write_text

    path = Path(path)
    if path.suffix.lower() != NOTEBOOK_SUFFIX:
        raise TrainingError(
            translate("training.notebook", "A notebook is saved as {suffix} (got '{name}').").format(
                suffix=NOTEBOOK_SUFFIX, name=path.name
            )
        )
    atomic_write_text(path, nbformat.writes(nb) + "\n")
    return path


def code_cells(nb) -> list[str]:
    """The sources of the code cells, in order (what a test runs)."""
    return [c.source for c in nb.cells if c.cell_type == "code"]


def _md(text: str) -> str:
    """User text inside Markdown: no markup, no HTML."""
    out = str(text).replace("\\", "\\\\")
    for ch in "`*_[]<>#|":
        out = out.replace(ch, "\\" + ch)
    return out
