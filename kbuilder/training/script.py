"""Export a training script that reproduces a run and runs on its own.

The script holds the *source* of the functions the app used to load, split
and preprocess the data (:mod:`kbuilder.training.recipes`), the concrete
preprocessing plan, the model (``build_model()`` from the code exporter, or
the model's Keras JSON when the exporter cannot write it), and the same
compile, fit and callback settings.  It needs only numpy, keras and (for the
bundled data sets) scikit-learn: not kbuilder.
"""

from __future__ import annotations

import datetime as _dt
import inspect
import json
import pprint
from pathlib import Path

from kbuilder.core.i18n import translate
from kbuilder.keras_io.codegen import export_code
from kbuilder.training import multiworker, recipes
from kbuilder.training.fit_setup import OPTIMIZER_CLASSES, TrainingError, callback_specs, class_weights

STRATEGIES = ("default", "mirrored", "multiworker")

#: The function every exported script uses to split arrays into the model's inputs and labels.
XY_SOURCE = (
    "def xy(arrays):",
    '    """The arrays of one split as the model\'s inputs and labels."""',
    "    if arrays is None:",
    "        return None, None",
    "    x = {k: arrays[v] for k, v in INPUTS.items()}",
    "    y = {k: arrays[v] for k, v in OUTPUTS.items()}",
    "    x = next(iter(x.values())) if len(x) == 1 else x",
    "    y = next(iter(y.values())) if len(y) == 1 else y",
    "    return x, y",
)


def export_script(session, model_file: str = "trained_model.keras") -> str:
    """Python source for the run ``session`` prepared (``prepare`` or ``fit``
    must have run: the plan depends on the data and the model)."""
    if session.prepared is None or session.model is None or session.raw is None:
        raise TrainingError(
            translate("training.script", "Check or train once first: the script repeats what that run did."), "other"
        )
    cfg, prep, raw, info = session.config, session.prepared, session.raw, session.info
    d = cfg.data
    fn, kw = raw.recipe
    funcs = [getattr(recipes, fn), recipes.split_arrays, recipes.apply_plan]
    model_code, model_from_json = _model_code(session)
    single_out = len(info.outputs) == 1
    name0 = info.outputs[0].name
    losses = {n: o.loss for n, o in session.outputs.items()}
    metrics = {n: list(o.metrics or []) for n, o in session.outputs.items()}
    weights = {n: o.loss_weight for n, o in session.outputs.items()}
    cw = class_weights(session.config, prep.xy("train")[1]) if cfg.class_weight not in (None, "none", "", {}) else None
    optimizer = f"keras.optimizers.{OPTIMIZER_CLASSES[cfg.optimizer.lower()]}(" + ", ".join(
        [f"learning_rate={float(cfg.learning_rate)!r}"] + [f"{k}={v!r}" for k, v in cfg.optimizer_options.items()]
    ) + ")"
    callbacks = [f"keras.callbacks.{name}(" + ", ".join(f"{k}={v!r}" for k, v in kwargs.items()) + ")"
                 for name, kwargs in callback_specs(cfg, None)]
    now = _dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    graph_name = getattr(session.graph, "name", None) or getattr(session.model, "name", "model")

    out: list[str] = []
    w = out.append
    w("#!/usr/bin/env python3")
    w(f'"""Train the model {graph_name!r} as kbuilder did ({now}).')
    w("")
    val_raw = getattr(session, "val_raw", None)
    val_text = f"validation from {Path(d.val_path).name}" if val_raw is not None else f"validation {d.val_fraction:g}"
    w(f"Data: {raw.title or d.name} ({d.source}); split with seed {d.seed}: "
      f"{val_text}, test {d.test_fraction:g}" + (" (the data set's own test part)" if raw.test_arrays is not None else "") + ".")
    for note in prep.notes:
        w(f"  {note}")
    w("Run it:  python this_script.py [--epochs N] [-o OUT.keras] [--strategy default|mirrored|multiworker]")
    w("On several machines: set TF_CONFIG on each (the cluster, and this machine's task) and run it with")
    w("--strategy multiworker on every one; the chief (worker 0) saves the model.")
    w('"""')
    w("")
    w("import argparse")
    w("import os")
    w("")
    w('os.environ.setdefault("KERAS_BACKEND", "tensorflow")')
    w('os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")')
    w("")
    w("import numpy as np  # noqa: E402")
    w("import keras  # noqa: E402")
    w("from keras import layers  # noqa: E402, F401")
    w("")
    w(f"SEED = {int(d.seed)}")
    w(f"EPOCHS = {int(cfg.epochs)}")
    w(f"BATCH_SIZE = {int(cfg.batch_size)}")
    for line in data_lines(prep, funcs, _literal):
        w(line)
    w("# ---- the model ----")
    if model_from_json:
        w("MODEL_JSON = " + repr(model_code))
        w("")
        w("")
        w("def build_model():")
        w("    return keras.models.model_from_json(MODEL_JSON)")
    else:
        w(model_code.rstrip())
    w("")
    w("")
    for line in XY_SOURCE:
        w(line)
    w("")
    w("")
    w("# ---- the strategy (--strategy), and training on several machines ----")
    for f in (multiworker.make_strategy, multiworker.multiworker_is_chief, multiworker.multiworker_steps,
              multiworker.fit_multiworker, multiworker.evaluate_multiworker):
        w(inspect.getsource(f).rstrip())
        w("")
        w("")
    w("def main():")
    w("    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])")
    w("    parser.add_argument(\"--epochs\", type=int, default=EPOCHS)")
    w(f"    parser.add_argument(\"-o\", \"--output\", default={model_file!r}, help=\"where to save the trained model\")")
    strategy = cfg.distribution if cfg.distribution in STRATEGIES else "default"
    w(f"    parser.add_argument(\"--strategy\", choices={STRATEGIES!r}, default={strategy!r},")
    w("                        help=\"mirrored: all GPUs here; multiworker: the machines TF_CONFIG lists\")")
    w("    args = parser.parse_args()")
    w("    strategy = make_strategy(args.strategy)  # first: before any other TensorFlow work")
    w("")
    w("    keras.utils.set_random_seed(SEED)")
    w(f"    arrays, test_arrays = {fn}(**{_literal(kw)})")
    val_fraction = 0.0 if val_raw is not None else float(d.val_fraction)
    w(f"    splits = split_arrays(arrays, test_arrays, val_fraction={val_fraction!r}, "
      f"test_fraction={float(d.test_fraction)!r}, seed=SEED)")
    if val_raw is not None:
        vfn, vkw = val_raw.recipe
        w(f"    val_arrays, _ = {vfn}(**{_literal(vkw)})  # the validation file")
        w('    splits["val"] = {k: val_arrays[k] for k in arrays}')
    w("    splits = apply_plan(splits, PLAN)")
    w('    x_train, y_train = xy(splits["train"])')
    w('    x_val, y_val = xy(splits["val"])')
    w('    x_test, y_test = xy(splits["test"])')
    w("")
    w("    with strategy.scope():")
    indent = "        "
    w(f"{indent}model = build_model()")
    w(f"{indent}model.compile(")
    w(f"{indent}    optimizer={optimizer},")
    if single_out:
        w(f"{indent}    loss={losses[name0]!r},")
        w(f"{indent}    metrics={metrics[name0]!r},")
    else:
        w(f"{indent}    loss={_literal(losses)},")
        w(f"{indent}    loss_weights={_literal(weights)},")
        w(f"{indent}    metrics={_literal(metrics)},")
    if int(cfg.steps_per_execution) > 1:
        w(f"{indent}    steps_per_execution={int(cfg.steps_per_execution)},")
    w(f"{indent})")
    w("    callbacks = [")
    for c in callbacks:
        w(f"        {c},")
    w("    ]")
    several = f"{_literal(losses)}, {_literal(weights)}, {_literal(metrics)}"  # losses, weights, metrics
    w('    if args.strategy == "multiworker":  # its own loop: no callbacks or class weights')
    w("        fit_multiworker(strategy, model, (x_train, y_train), (x_val, y_val), args.epochs, BATCH_SIZE,")
    w(f"                        {several}, shuffle={bool(cfg.shuffle)!r}, seed=SEED)")
    w("    else:")
    w("        model.fit(")
    w("            x_train,")
    w("            y_train,")
    w("            validation_data=(x_val, y_val) if x_val is not None else None,")
    w("            epochs=args.epochs,")
    w("            batch_size=BATCH_SIZE,")
    w(f"            shuffle={bool(cfg.shuffle)!r},")
    if cw:
        w(f"            class_weight={cw!r},")
    w("            callbacks=callbacks,")
    w("            verbose=2,")
    w("        )")
    w("    if x_test is not None:")
    w('        if args.strategy == "multiworker":')
    w(f"            results = evaluate_multiworker(strategy, model, (x_test, y_test), BATCH_SIZE, {several})")
    w("        else:")
    w("            results = model.evaluate(x_test, y_test, batch_size=BATCH_SIZE, verbose=0, return_dict=True)")
    w('        print("test:", ", ".join(f"{k} {v:.4f}" for k, v in results.items()))')
    w('    if args.strategy == "multiworker" and not multiworker_is_chief(strategy):')
    w("        return  # every worker has the same weights: the chief saves them")
    w("    model.save(args.output)")
    w('    print("saved", args.output)')
    w("")
    w("")
    w('if __name__ == "__main__":')
    w("    main()")
    return "\n".join(out) + "\n"


def _model_code(session) -> tuple[str, bool]:
    """(code defining build_model(), False) from the code exporter, or
    (the model's JSON, True) when that is not possible."""
    graph = session.graph
    if graph is not None:
        try:
            code = export_code(graph, style="functional")
            start = code.index("def build_model(")
            end = code.index('if __name__ == "__main__":', start)
            return code[start:end].rstrip() + "\n", False
        except Exception:  # noqa: BLE001 - the exporter refuses: the JSON always works
            pass
    return session.model.to_json(), True


def data_lines(prep, funcs, literal) -> list[str]:
    """The data part of the training and the search scripts: the plan kbuilder
    computed for each array (written with ``literal``), then the source of
    the recipe functions ``funcs`` that load and prepare the data."""
    lines = [
        "# What each array goes through (see apply_plan): computed by kbuilder from the data and the model.",
        "PLAN = " + literal(prep.plan),
        "INPUTS = " + literal(prep.mapping.inputs) + "  # model input -> array",
        "OUTPUTS = " + literal(prep.mapping.outputs) + "  # model output -> array",
        "",
        "",
        "# ---- data: the same functions kbuilder ran ----",
    ]
    for f in funcs:
        lines += [inspect.getsource(f).rstrip(), "", ""]
    return lines


def _literal(value) -> str:
    # JSON-like values: pprint gives valid Python (True/None, tuples as lists)
    return pprint.pformat(json.loads(json.dumps(value)), width=100, sort_dicts=False)
