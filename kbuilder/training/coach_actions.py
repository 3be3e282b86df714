"""The coach's one-click actions: training-settings changes and model edits.

Each function returns a :class:`kbuilder.keras_io.actions.Action` (or None
when it does not apply: early stopping already on, no hidden Dense).  The
titles carry the real figures when the training settings (``cfg``) are known.
"""

from __future__ import annotations

from collections.abc import Mapping

from kbuilder.core.commands import SetParams
from kbuilder.core.graph import Graph, Node
from kbuilder.core.i18n import translate
from kbuilder.keras_io.actions import Action, insert_after
from kbuilder.training.config import TrainConfig, epochs_label
from kbuilder.training.settings_edit import settings_action

DROPOUT_RATE = 0.3


def learning_rate_action(cfg: TrainConfig | None, factor: float) -> Action:
    """Divide (``factor`` 0.1) or multiply (10) the learning rate."""
    if cfg is None:
        title = (
            translate("training.coach_actions", "Divide the learning rate by 10")
            if factor < 1
            else translate("training.coach_actions", "Multiply the learning rate by 10")
        )
    else:
        title = (
            translate("training.coach_actions", "Divide the learning rate by 10 ({old} → {new})")
            if factor < 1
            else translate("training.coach_actions", "Multiply the learning rate by 10 ({old} → {new})")
        ).format(old=f"{cfg.learning_rate:g}", new=f"{cfg.learning_rate * factor:g}")

    def change(c: TrainConfig) -> None:
        c.learning_rate = float(f"{c.learning_rate * factor:.6g}")

    return settings_action(title, change)


def early_stopping_action(cfg: TrainConfig | None, monitor: str) -> Action | None:
    es = cfg.callbacks.early_stopping if cfg else {}
    if es.get("enabled") and es.get("restore_best_weights"):
        return None
    patience = int(es.get("patience", 3) or 3)

    def change(c: TrainConfig) -> None:
        c.callbacks.early_stopping.update(enabled=True, restore_best_weights=True, monitor=monitor)

    title = translate(
        "training.coach_actions",
        "Turn on early stopping (stop after {epochs} without progress, keep the best epoch's weights)",
    ).format(epochs=epochs_label(patience))
    return settings_action(title, change)


def reduce_lr_action(cfg: TrainConfig | None, monitor: str) -> Action | None:
    if cfg and cfg.callbacks.reduce_lr.get("enabled"):
        return None

    def change(c: TrainConfig) -> None:
        c.callbacks.reduce_lr.update(enabled=True, monitor=monitor)

    return settings_action(
        translate("training.coach_actions", "Turn on ReduceLROnPlateau (halve the learning rate when progress stops)"),
        change,
    )


def more_epochs_action(cfg: TrainConfig | None) -> Action:
    """Twice the epochs (at least 5 more)."""
    if cfg:
        title = translate("training.coach_actions", "Train for {new} epochs instead of {old}").format(
            new=max(2 * cfg.epochs, cfg.epochs + 5), old=cfg.epochs
        )
    else:
        title = translate("training.coach_actions", "Train for twice as many epochs")

    def change(c: TrainConfig) -> None:
        c.epochs = max(2 * c.epochs, c.epochs + 5)

    return settings_action(title, change)


def largest_dense(graph: Graph | None, layer_params: Mapping[str, int | None], without_dropout: bool = False):
    """The hidden Dense (not an output) with the most parameters (else units)."""
    if graph is None:
        return None
    outputs = {n.id for n in graph.outputs()}
    best: Node | None = None
    size = -1
    for node in graph.nodes:
        if node.class_name != "Dense" or node.shared_with or node.id in outputs or not graph.out_edges(node.id):
            continue
        if without_dropout and all(s.class_name == "Dropout" for s in graph.successors(node.id)):
            continue
        units = node.params.get("units")
        n = layer_params.get(node.id) or (units if isinstance(units, int) else 0)
        if n > size:
            best, size = node, n
    return best


def dropout_action(graph: Graph | None, layer_params: Mapping[str, int | None]) -> Action | None:
    """Dropout right after the largest hidden Dense that has none."""
    node = largest_dense(graph, layer_params, without_dropout=True)
    if node is None:
        return None
    nid, name = node.id, node.name

    def build(g: Graph, _settings=None):
        text = translate("training.coach_actions", "Add Dropout after {name}").format(name=name)
        return insert_after(g, nid, "Dropout", {"rate": DROPOUT_RATE}, text)

    title = translate("training.coach_actions", "Add Dropout (rate {rate}) after {name}, the largest Dense layer")
    return Action(title.format(rate=DROPOUT_RATE, name=name), build)


def wider_action(graph: Graph | None, layer_params: Mapping[str, int | None]) -> Action | None:
    """Twice the units of the largest hidden Dense."""
    node = largest_dense(graph, layer_params)
    units = node.params.get("units") if node is not None else None
    if not isinstance(units, int) or units < 1:
        return None
    nid, name = node.id, node.name

    def build(g: Graph, _settings=None) -> SetParams:
        old = dict(g.node(nid).params)
        text = translate("training.coach_actions", "Widen {name}").format(name=name)
        return SetParams(nid, old, {**old, "units": 2 * int(old.get("units", units))}, text=text)

    title = translate("training.coach_actions", "Make {name} wider ({units} → {new} units)")
    return Action(title.format(name=name, units=units, new=2 * units), build)
