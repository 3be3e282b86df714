"""Weights read from a model file, by layer name, and put on a built model.

:func:`map_weights` turns what :mod:`~kbuilder.keras_io.safe_read` found in
a file into ``{layer name in the graph: [arrays in Keras 3's layer.weights
order]}`` (LSTM: kernel, recurrent_kernel, bias; BatchNormalization: gamma,
beta, moving_mean, moving_variance; SeparableConv: depthwise, pointwise,
bias), following the renames of :mod:`~kbuilder.keras_io.legacy` when
nested models were unpacked.  :func:`apply_weights` sets them on a
``keras.Model`` built from the graph and reports, in plain sentences, what
did not fit.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from kbuilder.core.i18n import translate

from .legacy import LayerPlace, Translation

Weights = dict[str, list[np.ndarray]]

# Order of a layer's sub-objects in Keras 3's ``layer.weights`` where it is
# not alphabetical (the order in which ``__init__``/``build`` tracks them).
_CHILD_ORDER = ["cell", "cells", "forward_layer", "backward_layer", "layer",
                "_query_dense", "_key_dense", "_value_dense", "_output_dense"]


def map_weights(raw: Any, tr: Translation) -> tuple[Weights, list[str]]:
    """``raw``: a :class:`~kbuilder.keras_io.safe_read.RawModelFile`."""
    layout = raw.weights_layout or {}
    if layout.get("layout") == "h5":
        return _map_h5(layout.get("groups") or [], raw.arrays, tr)
    if layout.get("layout") == "keras":
        return _map_keras(layout.get("groups") or [], raw.arrays, tr)
    return {}, []


def _map_h5(groups: list[dict], arrays: dict[str, np.ndarray], tr: Translation) -> tuple[Weights, list[str]]:
    by_scope: dict[tuple[tuple[str, ...], str], LayerPlace] = {(p.scope, p.name): p for p in tr.places}
    out: Weights = {}
    notes: list[str] = []
    lost: list[str] = []
    for group in groups:
        gname = group.get("name")
        entries = group.get("weights") or []
        if not entries:
            continue
        if (gname,) in tr.models:
            inside = [p for p in tr.places if p.scope[:1] == (gname,)]
            taken: dict[str, set[str]] = {}
            for wname, key in entries:
                place = _place_for_weight((gname,), wname, inside, tr.models, taken)
                if place is None:
                    lost.append(f"{gname}/{wname}")
                    continue
                out.setdefault(place.flat_name, []).append(arrays[key])
            continue
        place = by_scope.get(((), gname))
        if place is None:
            lost.append(str(gname))
            continue
        out[place.flat_name] = [arrays[key] for _, key in entries]
    if lost:
        notes.append(
            translate(
                "keras_io.weights",
                "Some weights in the file belong to no layer of the graph and were left out: {names}.",
            ).format(names=_shown(lost))
        )
    return out, notes


def _place_for_weight(scope: tuple[str, ...], wname: str, inside: list[LayerPlace], models: set,
                      taken: dict[str, set[str]]) -> LayerPlace | None:
    """The layer a weight of a nested model belongs to, from the segments of
    its name (Keras 2: ``"dense_1/kernel:0"``; Keras 3: ``"enc/dense/kernel"``,
    where a model built on its own leaves its name out).  When two layers of
    the nested model share a name, the first in model order that has not yet
    received this weight takes it (weights are saved in layer order)."""
    segs = wname.split("/")
    for i, seg in enumerate(segs[:-1]):
        if (*scope, seg) in models:
            scope = (*scope, seg)
            continue
        if seg == scope[-1]:
            continue  # the model's own name as a prefix
        cands = [p for p in inside if p.scope[: len(scope)] == scope and p.name == seg]
        if not cands:
            continue
        rest = "/".join(segs[i + 1:])
        for place in cands:
            if rest not in taken.setdefault(place.flat_name, set()):
                taken[place.flat_name].add(rest)
                return place
        return cands[0]
    return None


def _map_keras(groups: list[dict], arrays: dict[str, np.ndarray], tr: Translation) -> tuple[Weights, list[str]]:
    places = [p for p in tr.places if p.keras_path]
    by_path = {p.keras_path: p for p in places}
    by_container: dict[tuple[str, str], LayerPlace] = {}
    for p in places:
        by_container[(p.keras_path.rsplit("/", 1)[0], p.name)] = p
    # Keras >= 3.x writes each layer's name beside its variables: trust it
    # over the derived path where the two disagree.
    remap: dict[str, LayerPlace] = {}
    for g in groups:
        path, name = g.get("path") or "", g.get("name")
        if name and path in by_path and by_path[path].name != name:
            other = by_container.get((path.rsplit("/", 1)[0], name))
            if other is not None:
                remap[path] = other
    collected: dict[str, list[tuple[str, list[np.ndarray]]]] = {}
    lost: list[str] = []
    for g in groups:
        path = (g.get("path") or "").replace("_layer_checkpoint_dependencies", "layers")
        if not path or path.startswith("optimizer") or path == "vars":
            continue
        vals = [arrays[k] for k in g.get("vars") or []]
        if not vals:
            continue
        place, sub = _longest_prefix(path, by_path, remap)
        if place is None:
            lost.append(path)
            continue
        collected.setdefault(place.flat_name, []).append((sub, vals))
    out: Weights = {}
    for flat, parts in collected.items():
        parts.sort(key=lambda item: _child_key(item[0]))
        out[flat] = [a for _, vals in parts for a in vals]
    notes = []
    if lost:
        notes.append(
            translate(
                "keras_io.weights",
                "Some weights in the file belong to no layer of the graph and were left out: {names}.",
            ).format(names=_shown(lost))
        )
    return out, notes


def _longest_prefix(path: str, by_path: dict[str, LayerPlace], remap: dict[str, LayerPlace]):
    parts = path.split("/")
    for i in range(len(parts), 0, -1):
        prefix = "/".join(parts[:i])
        place = remap.get(prefix) or by_path.get(prefix)
        if place is not None:
            return place, "/".join(parts[i:])
    return None, ""


def _child_key(sub: str) -> tuple:
    if not sub:
        return ((-1, ""),)
    key = []
    for seg in sub.split("/"):
        rank = _CHILD_ORDER.index(seg) if seg in _CHILD_ORDER else len(_CHILD_ORDER)
        key.append((rank, seg))
    return tuple(key)


# ------------------------------------------------------------------ apply
def _fit(arrays: list[np.ndarray], shapes: list[tuple]) -> list[np.ndarray] | None:
    """``arrays`` in the order of ``shapes``: as they are when they fit,
    else the first array of each needed shape in turn (drops extras such as
    Keras 2's Normalization ``count``)."""
    if len(arrays) == len(shapes) and all(tuple(a.shape) == tuple(s) for a, s in zip(arrays, shapes, strict=True)):
        return list(arrays)
    pos = 0
    picked = []
    for shape in shapes:
        while pos < len(arrays) and tuple(arrays[pos].shape) != tuple(shape):
            pos += 1
        if pos >= len(arrays):
            return None
        picked.append(arrays[pos])
        pos += 1
    return picked


def apply_weights(model: Any, weights: Weights | None) -> list[str]:
    """Set ``weights`` (layer name -> arrays) on ``model``'s layers.  Returns
    one sentence per problem (a layer that kept fresh weights, arrays that
    do not fit); an empty list means every weight was set."""
    notes: list[str] = []
    if not weights:
        return notes
    used: set[str] = set()
    fresh: list[str] = []
    for layer in model.layers:
        expected = [tuple(int(d) for d in w.shape) for w in layer.weights]
        if not expected:
            continue
        arrays = weights.get(layer.name)
        if arrays is None:
            fresh.append(layer.name)
            continue
        used.add(layer.name)
        fitted = _fit([np.asarray(a) for a in arrays], expected)
        if fitted is None:
            got = ", ".join(str(tuple(a.shape)) for a in arrays) or translate("keras_io.weights", "none")
            want = ", ".join(str(s) for s in expected)
            notes.append(
                translate(
                    "keras_io.weights",
                    "The saved weights of {name} do not fit it (file: {file_shapes}; layer: {layer_shapes}), "
                    "so it starts from fresh weights.",
                ).format(name=repr(layer.name), file_shapes=got, layer_shapes=want)
            )
            continue
        try:
            layer.set_weights(fitted)
        except Exception as exc:  # noqa: BLE001 - reported, the rest still loads
            notes.append(
                translate(
                    "keras_io.weights",
                    "The weights of {name} could not be set ({error}); it starts from fresh weights.",
                ).format(name=repr(layer.name), error=exc)
            )
    if fresh:
        notes.append(
            translate("keras_io.weights", "No saved weights for {names}; they start from fresh weights.").format(
                names=_shown([repr(n) for n in fresh])
            )
        )
    extra = [n for n in weights if n not in used and weights[n]]
    if extra:
        notes.append(
            translate(
                "keras_io.weights", "Saved weights for {names} match no layer of the model and were not used."
            ).format(names=_shown([repr(n) for n in extra]))
        )
    return notes


def _shown(names: list[str]) -> str:
    """The first three names, and how many more."""
    shown = ", ".join(names[:3])
    if len(names) > 3:
        shown = translate("keras_io.weights", "{names} and {count} more").format(names=shown, count=len(names) - 3)
    return shown


def weights_summary(weights: Weights | None) -> tuple[int, int]:
    """(layers, values) held, for messages."""
    if not weights:
        return 0, 0
    return len(weights), int(sum(int(np.prod(a.shape)) for arrays in weights.values() for a in arrays))
