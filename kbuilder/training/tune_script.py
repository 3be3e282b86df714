"""Export a stand-alone hyperparameter search script (``kbuilder tune --script``).

Like the exported training script (:mod:`kbuilder.training.script`), it
holds the source of the data functions kbuilder ran, the preprocessing plan,
``build_model(hp)`` written by the code exporter with each searched value as
a KerasTuner hyperparameter (``hp.Choice("dense.units", [16, 32, 64])``), the
same compile and fit settings, and the same objective.  It needs numpy,
keras, keras-tuner (and scikit-learn for the bundled data sets), not kbuilder.

It runs as is on one machine, and in KerasTuner's distributed mode when
``KERASTUNER_TUNER_ID`` ("chief", then "tuner0", "tuner1", ...),
``KERASTUNER_ORACLE_IP`` and ``KERASTUNER_ORACLE_PORT`` are set: the chief
holds the search (the oracle) and hands trials to the workers over gRPC.

Everything that comes from the user (names, values) is written as a Python
literal (:func:`kbuilder.keras_io.pysource.literal`), never pasted as code.
"""

from __future__ import annotations

import datetime as _dt
import unicodedata

from kbuilder.core.i18n import translate
from kbuilder.keras_io.codegen import ExportError, export_code
from kbuilder.keras_io.pysource import literal, string_literal
from kbuilder.training import recipes
from kbuilder.training.fit_setup import OPTIMIZER_CLASSES, callback_specs, class_weights
from kbuilder.training.script import XY_SOURCE, data_lines
from kbuilder.training.search_results import direction_of
from kbuilder.training.search_space import Dimension
from kbuilder.training.trials import TRIAL_CALLBACKS
from kbuilder.training.tuning import TuningError


def hp_expression(key: str, dim: Dimension) -> str:
    """The KerasTuner call that declares ``dim`` and returns the trial's value."""
    name = string_literal(key)
    if not dim.is_range:
        return f"hp.Choice({name}, [{', '.join(literal(v) for v in dim.values)}])"
    sampling = ', sampling="log"' if dim.log else ""
    if dim.integer:
        step = f", step={int(dim.step)}" if dim.step else ""
        return f"hp.Int({name}, {int(dim.lo)}, {int(dim.hi)}{step}{sampling})"
    step = f", step={float(dim.step)!r}" if dim.step else ""
    return f"hp.Float({name}, {float(dim.lo)!r}, {float(dim.hi)!r}{step}{sampling})"


def model_code(graph, dims: dict[str, Dimension]) -> str:
    """``def build_model(hp):`` from the code exporter, each searched layer
    parameter replaced by its :func:`hp_expression`."""
    g = graph.copy()
    marks: dict[str, str] = {}
    for i, (key, dim) in enumerate(dims.items()):
        if dim.node_id is not None:
            mark = f"__kbuilder_hyperparameter_{i}__"
            g.set_param(dim.node_id, dim.param, mark)
            marks[string_literal(mark)] = hp_expression(key, dim)
    try:
        code = export_code(g, style="functional")
    except ExportError as exc:
        raise TuningError(
            translate("training.tune_script", "The search script cannot be written: {problem}").format(problem=exc)
        ) from None
    start = code.index("def build_model(")
    end = code.index('if __name__ == "__main__":', start)
    code = code[start:end].rstrip() + "\n"
    code = code.replace("def build_model():", "def build_model(hp):", 1)
    for mark, expr in marks.items():
        if mark not in code:
            raise TuningError(
                translate(
                    "training.tune_script", "The search script cannot be written: the code exporter dropped a searched value."
                )
            )
        code = code.replace(mark, expr)
    return code


def export_tune_script(search) -> str:
    """Python source that repeats ``search`` (a :class:`~kbuilder.training.tuning.Search`
    after :meth:`~kbuilder.training.tuning.Search.prepare`)."""
    session = search.session
    if session is None or session.prepared is None:
        raise TuningError(translate("training.tune_script", "Prepare the search first: the script repeats its data recipe."))
    cfg, prep, raw, info = search.config, session.prepared, session.raw, session.info
    d = cfg.data
    dims = search.dims
    fn, kw = raw.recipe
    single = len(info.outputs) == 1
    name0 = info.outputs[0].name
    losses = {n: o.loss for n, o in session.outputs.items()}
    metrics = {n: list(o.metrics or []) for n, o in session.outputs.items()}
    weights = {n: o.loss_weight for n, o in session.outputs.items()}
    cw = class_weights(session.config, prep.xy("train")[1]) if cfg.class_weight not in (None, "none", "", {}) else None
    callbacks = [
        f"keras.callbacks.{name}(" + ", ".join(f"{k}={literal(v)}" for k, v in kw_.items()) + ")"
        for name, kw_ in callback_specs(cfg, None)
        if name in TRIAL_CALLBACKS
    ]
    epochs = int(search.settings.epochs or cfg.epochs)
    objective = search.objective
    searched = "; ".join(f"{k}: {dim.describe(translated=False)}" for k, dim in dims.items())  # the script is English
    val_text = f"validation {d.val_fraction:g}" if session.val_raw is None else f"validation from {d.val_path}"
    optimizers = sorted(
        {cfg.optimizer.lower()} | {str(v) for k, dm in dims.items() if k == "optimizer" for v in dm.values}
    )

    out: list[str] = []
    w = out.append
    w("#!/usr/bin/env python3")
    w(
        f'"""Search the hyperparameters of the model {graph_title(search.graph)} as kbuilder does '
        f"({_dt.datetime.now():%Y-%m-%d %H:%M})."
    )
    w("")
    w(f"Searched: {_doc(searched)}.")
    w(
        f"Data: {_doc(raw.title or d.name)} ({d.source}); split with seed {d.seed}: {_doc(val_text)}, "
        f"test {d.test_fraction:g}."
    )
    w(
        f"Objective: {objective} ({direction_of(objective)}); {search.settings.tuner} search, "
        f"at most {search.settings.trials} trials of {epochs} epochs."
    )
    w("")
    w("On one machine:")
    w("    python this_script.py [--trials N] [--epochs N] [--directory DIR] [--overwrite]")
    w("")
    w("On several machines (KerasTuner's distributed mode): start the same script once as")
    w("the chief, which holds the search and hands out trials, and once per worker:")
    w(
        "    KERASTUNER_TUNER_ID=chief  KERASTUNER_ORACLE_IP=<chief address> KERASTUNER_ORACLE_PORT=8000 python this_script.py"
    )
    w(
        "    KERASTUNER_TUNER_ID=tuner0 KERASTUNER_ORACLE_IP=<chief address> KERASTUNER_ORACLE_PORT=8000 python this_script.py"
    )
    w("    KERASTUNER_TUNER_ID=tuner1 ...")
    w("The chief loads no data and trains nothing; each worker runs trials until the search is")
    w("done, and the chief then prints the best values.  Hyperband continues trials from earlier")
    w("ones, so with it every machine needs the same --directory on a shared disk.")
    w('"""')
    w("")
    w("import argparse")
    w("import json")
    w("import os")
    w("import threading")
    w("import time")
    w("")
    w('os.environ.setdefault("KERAS_BACKEND", "tensorflow")')
    w('os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")')
    w("")
    w("import numpy as np  # noqa: E402")
    w("import keras  # noqa: E402")
    w("import keras_tuner  # noqa: E402")
    w("from keras import layers  # noqa: E402, F401")
    w("")
    w(f"SEED = {int(d.seed)}")
    w(f"EPOCHS = {epochs}")
    w(f"BATCH_SIZE = {int(cfg.batch_size)}")
    w(f"LEARNING_RATE = {float(cfg.learning_rate)!r}")
    w(f"OPTIMIZER = {string_literal(cfg.optimizer.lower())}")
    w(f"OPTIMIZER_OPTIONS = {literal(cfg.optimizer_options)}  # for {cfg.optimizer.lower()} only")
    w(f"MAX_TRIALS = {int(search.settings.trials)}")
    w(f"TUNER = {string_literal(search.settings.tuner)}")
    w(f"OBJECTIVE = keras_tuner.Objective({string_literal(objective)}, {string_literal(direction_of(objective))})")
    w(f"PROJECT_NAME = {string_literal(search.folder.name)}")
    for line in data_lines(prep, (getattr(recipes, fn), recipes.split_arrays, recipes.apply_plan), literal):
        w(line)
    for line in XY_SOURCE:
        w(line)
    w("")
    w("")
    w("def load_data():")
    w(f"    arrays, test_arrays = {fn}(**{literal(kw)})")
    val_fraction = 0.0 if session.val_raw is not None else float(d.val_fraction)
    w(
        f"    splits = split_arrays(arrays, test_arrays, val_fraction={val_fraction!r}, "
        f"test_fraction={float(d.test_fraction)!r}, seed=SEED)"
    )
    if session.val_raw is not None:
        vfn, vkw = session.val_raw.recipe
        w(f"    val_arrays, _ = {vfn}(**{literal(vkw)})  # the validation file")
        w('    splits["val"] = {k: val_arrays[k] for k in arrays}')
    w("    return apply_plan(splits, PLAN)")
    w("")
    w("")
    w("# ---- the model: each searched value is a KerasTuner hyperparameter ----")
    w(model_code(search.graph, dims).rstrip())
    w("")
    w("")
    w("def make_optimizer(hp):")
    opt = dims.get("optimizer")
    w(f"    name = {hp_expression('optimizer', opt) if opt else 'OPTIMIZER'}")
    lr = dims.get("learning_rate")
    w(f"    learning_rate = {hp_expression('learning_rate', lr) if lr else 'LEARNING_RATE'}")
    w("    options = OPTIMIZER_OPTIONS if name == OPTIMIZER else {}")
    w(
        "    classes = {"
        + ", ".join(f"{string_literal(o)}: keras.optimizers.{OPTIMIZER_CLASSES[o]}" for o in optimizers)
        + "}"
    )
    w("    return classes[name](learning_rate=learning_rate, **options)")
    w("")
    w("")
    w("class SearchModel(keras_tuner.HyperModel):")
    w("    def build(self, hp):")
    w("        keras.utils.set_random_seed(SEED)  # every trial starts from the same seed, as in kbuilder")
    w("        model = build_model(hp)")
    w("        model.compile(")
    w("            optimizer=make_optimizer(hp),")
    if single:
        w(f"            loss={literal(losses[name0])},")
        w(f"            metrics={literal(metrics[name0])},")
    else:
        w(f"            loss={literal(losses)},")
        w(f"            loss_weights={literal(weights)},")
        w(f"            metrics={literal(metrics)},")
    if int(cfg.steps_per_execution) > 1:
        w(f"            steps_per_execution={int(cfg.steps_per_execution)},")
    w("        )")
    w("        return model")
    w("")
    w("    def fit(self, hp, model, *args, **kwargs):")
    bs = dims.get("batch_size")
    w(f"        batch_size = {hp_expression('batch_size', bs) if bs else 'BATCH_SIZE'}")
    extra = ", class_weight={" + ", ".join(f"{int(k)}: {float(v)!r}" for k, v in cw.items()) + "}" if cw else ""
    w(f"        return model.fit(*args, batch_size=batch_size, shuffle={bool(cfg.shuffle)!r}{extra}, **kwargs)")
    w("")
    w("")
    w("def make_tuner(args):")
    w("    common = dict(objective=OBJECTIVE, seed=SEED, directory=args.directory, project_name=PROJECT_NAME,")
    w("                  overwrite=args.overwrite)")
    w('    if TUNER == "hyperband":')
    w("        tuner = keras_tuner.Hyperband(SearchModel(), max_epochs=args.epochs, factor=3, **common)")
    w("        tuner.oracle.max_trials = args.trials  # Hyperband's own schedule, capped")
    w("        return tuner")
    w('    if TUNER == "bayesian":')
    w("        return keras_tuner.BayesianOptimization(SearchModel(), max_trials=args.trials, **common)")
    w("    return keras_tuner.RandomSearch(SearchModel(), max_trials=args.trials, **common)")
    w("")
    w("")
    w("def serve(tuner):")
    w('    """The chief: tuner.search() hands trials to the workers and returns some 20 seconds after')
    w("    the last one is done; watch the search here instead and return as soon as every worker")
    w('    has had its last answer (the condition KerasTuner itself waits for)."""')
    w("    threading.Thread(target=tuner.search, daemon=True).start()")
    w("    oracle = tuner.oracle")
    w("    while not (oracle.end_order and not oracle.ongoing_trials and not oracle.tuner_ids):")
    w("        time.sleep(0.5)")
    w("")
    w("")
    w("def main():")
    w("    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])")
    w('    parser.add_argument("--trials", type=int, default=MAX_TRIALS)')
    w('    parser.add_argument("--epochs", type=int, default=EPOCHS, help="epochs per trial (Hyperband: the most)")')
    w('    parser.add_argument("--directory", default=".", help="where the search folder goes")')
    w('    parser.add_argument("--overwrite", action="store_true", help="start again instead of resuming")')
    w("    args = parser.parse_args()")
    w("")
    w('    tuner_id = os.environ.get("KERASTUNER_TUNER_ID", "")')
    w('    distributed = "KERASTUNER_ORACLE_IP" in os.environ')
    w('    chief = distributed and "chief" in tuner_id  # the test KerasTuner itself makes')
    w("    tuner = make_tuner(args)")
    w("    if chief:")
    w("        serve(tuner)  # until every trial is done; the chief loads no data")
    w("    else:")
    w("        splits = load_data()")
    w('        x_train, y_train = xy(splits["train"])')
    w('        x_val, y_val = xy(splits["val"])')
    if callbacks:
        w("        callbacks = [")
        for c in callbacks:
            w(f"            {c},")
        w("        ]")
    else:
        w("        callbacks = []")
    w("        tuner.search(")
    w("            x_train,")
    w("            y_train,")
    w("            validation_data=(x_val, y_val) if x_val is not None else None,")
    w("            epochs=args.epochs,")
    w("            callbacks=callbacks,")
    w("            verbose=2,")
    w("        )")
    w("    if distributed and not chief:")
    w('        print(f"worker {tuner_id}: no more trials", flush=True)')
    w("        return  # the chief reports")
    w("    trials = [t for t in tuner.oracle.trials.values() if t.score is not None]")
    w('    trials.sort(key=lambda t: t.score, reverse=OBJECTIVE.direction == "max")')
    w("    for t in trials:")
    w('        print(f"trial {t.trial_id}: {OBJECTIVE.name} {t.score:.4f}  {t.hyperparameters.values}")')
    w("    if trials:")
    w('        best = {"values": trials[0].hyperparameters.values, "score": trials[0].score}')
    w('        print("best:", json.dumps(best), flush=True)')
    w("")
    w("")
    w('if __name__ == "__main__":')
    w("    main()")
    return "\n".join(out) + "\n"


def graph_title(graph) -> str:
    return repr(graph.name or "model").replace('"""', "'''")


def _doc(text: str) -> str:
    """Text for the docstring: no closing triple quote, no escapes, no control characters."""
    text = str(text).replace("\\", "/").replace('"""', "'''")
    return "".join("?" if unicodedata.category(ch) == "Cc" else ch for ch in text)
