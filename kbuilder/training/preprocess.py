"""Preprocessing travels with the model.

Training scales the data outside the model (:func:`recipes.apply_plan`:
pixels divided by 16 or 255, CSV columns scaled with the training split's
minimum and maximum, samples reshaped).  A model kbuilder saves after
training takes *raw* inputs instead: the same steps become plain Keras
layers in front of the user's layers, so ``keras.models.load_model(path)
.predict(raw)`` in a script gives kbuilder's answer.

* ``["divide", d]`` -> ``Rescaling(1 / d)``;
* ``["minmax"]`` / ``["standardize"]`` -> ``Normalization`` whose mean and
  variance are its *weights* (the training statistics), never code;
* ``["reshape", shape]`` -> ``Reshape``.

Pictures always go in as 0-255 pixels, whatever the data set's own units
(the digits' 0-16 are folded into the scale).  The layers are named
``kbuilder_preprocess_<input>`` and ``kbuilder_reshape_<input>``: a model
that has them scales its own inputs, so training does not scale that
input again and prediction does not either.  The graph on the canvas
never changes: the layers go into a copy.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from kbuilder.core.i18n import translate

PREFIX = "kbuilder_preprocess_"
RESHAPE_PREFIX = "kbuilder_reshape_"
PIXELS = 255.0  # the units a saved model takes pictures in


def preprocess_name(input_name: str) -> str:
    return PREFIX + input_name


def reshape_name(input_name: str) -> str:
    return RESHAPE_PREFIX + input_name


def preprocessed_inputs(layer_names: Iterable[str], input_names: Iterable[str]) -> set[str]:
    """The inputs a model scales or reshapes itself (it has kbuilder's layers for them)."""
    names = set(layer_names)
    return {n for n in input_names if preprocess_name(n) in names or reshape_name(n) in names}


def finalize_preprocessing(model: Any) -> None:
    """A Normalization layer whose mean and variance were set as weights
    (``set_weights``, kbuilder's ``apply_weights``) uses them only after
    ``finalize_state``; Keras's own loader calls it, this does the same for
    a model built from a graph.  Call it before the model first predicts."""
    for layer in getattr(model, "layers", []):
        if type(layer).__name__ == "Normalization" and hasattr(layer, "finalize_state"):
            layer.finalize_state()


@dataclass
class InputSteps:
    """What goes in front of one model input: the raw sample shape it then
    takes and the layers, as (class name, parameters, weights or None)."""

    name: str
    raw_shape: tuple
    layers: list[tuple[str, dict, list | None]] = field(default_factory=list)


def session_steps(session: Any) -> list[InputSteps]:
    """The layers that make a prepared :class:`TrainingSession`'s model take
    raw inputs, one entry per model input that needs some (inputs the model
    already scales itself, and word sequences, need none)."""
    from kbuilder.training.prepare import pixel_unit

    prep, raw, info = session.prepared, session.raw, session.info
    n_train = prep.n("train")
    out: list[InputSteps] = []
    for port in info.inputs:
        if port.name in info.preprocessed:
            continue
        key = prep.mapping.inputs[port.name]
        arr = raw.arrays[key]
        if raw.kind == "sequence" or not isinstance(arr, np.ndarray) or arr.dtype == object:
            continue
        raw_shape = tuple(int(d) for d in arr.shape[1:])
        image = raw.kind == "image"
        k = PIXELS / pixel_unit(raw) if image else 1.0  # data units -> 0-255
        steps = InputSteps(port.name, raw_shape)
        scaled = False
        for step in prep.plan.get(key, []):
            op = step[0]
            if op == "divide":
                steps.layers.append(("Rescaling", {"scale": 1.0 / (float(step[1]) * k)}, None))
                scaled = True
            elif op in ("minmax", "standardize"):
                shift, size = prep.stats[key][op]
                mean = (np.asarray(shift, "float32") * k).reshape(raw_shape)
                var = np.square(np.asarray(size, "float32") * k).reshape(raw_shape)
                params = {"axis": list(range(1, len(raw_shape) + 1))} if len(raw_shape) > 1 else {}
                steps.layers.append(("Normalization", params, [mean, var, np.array(n_train, "int64")]))
                scaled = True
            elif op == "reshape":
                steps.layers.append(("Reshape", {"target_shape": [int(d) for d in step[1]]}, None))
        if image and not scaled and k != 1.0:
            steps.layers.insert(0, ("Rescaling", {"scale": 1.0 / k}, None))
        if steps.layers:
            out.append(steps)
    return out


def raw_input_graph(graph: Any, steps: list[InputSteps]) -> tuple[Any, dict[str, list]]:
    """A copy of ``graph`` with each input's layers inserted after its Input
    (which then takes the raw shape), and the weights those layers need."""
    g = graph.copy()
    weights: dict[str, list] = {}
    for st in steps:
        node = g.find(st.name)
        if node is None or not node.is_input:
            raise ValueError(
                translate("training.preprocess", "the model has no Input named {name}").format(name=repr(st.name))
            )
        consumers = list(g.out_edges(node.id))
        g.set_param(node.id, "shape", [int(d) for d in st.raw_shape])
        prev = node
        x, y = node.position
        for i, (cls, params, arrays) in enumerate(st.layers):
            name = reshape_name(st.name) if cls == "Reshape" else preprocess_name(st.name)
            if g.find(name) is not None:
                raise ValueError(
                    translate("training.preprocess", "the model already has a layer named {name}").format(
                        name=repr(name)
                    )
                )
            prev = g.add(cls, name=name, inputs=[prev], position=(x, y + 60.0 * (i + 1)), **params)
            if arrays is not None:
                weights[name] = arrays
        for e in consumers:
            g.remove_edge(e.id)
            g.connect(prev.id, e.dst, e.dst_port, e.src_port)
    return g, weights
