"""Issues that need the training settings, every issue's fixes, and "fix until clean".

:func:`find_issues` is :func:`kbuilder.keras_io.check.check_graph` plus what
only the training settings and the data set reveal, each issue with its
one-click fixes (:class:`kbuilder.keras_io.actions.Action`, most likely first)::

    found = find_issues(document.graph, document.settings.get("training"), inference=inference)
    for issue, fixes in found:
        cmd = fixes[0].command(document.graph, document)   # one undoable edit

The issues it adds:

``output_classes``
    A classifier output whose units do not fit the data set's classes (softmax
    or a categorical loss: one unit per class; sigmoid: one unit for two
    classes, and softmax for more).  An error when there are too few units,
    a warning when too many.  Fix: set the units (and the activation).
``loss_activation``
    A warning when the chosen loss and the output's activation disagree:
    softmax with binary cross-entropy, sigmoid with a multi-class
    cross-entropy.  Fixes: change the loss (a settings edit), or change the
    activation (a graph edit); the one that fits the number of units first.

The classes and the sample shape come from the data set the settings name
(:func:`dataset_facts`), or from the caller (``kbuilder check --dataset``).
:func:`repair` applies the first fix of the first issue that has one,
checks again, and repeats (``kbuilder check --fix``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kbuilder.core.commands import SetParams
from kbuilder.core.graph import Graph, Node
from kbuilder.core.history import Command, Compound, History
from kbuilder.core.i18n import QT_TRANSLATE_NOOP, translate
from kbuilder.core.validate import ERROR, WARNING, Issue
from kbuilder.keras_io.actions import Action
from kbuilder.keras_io.fixes import fixes_for_issues
from kbuilder.training.config import OutputConfig, TrainConfig
from kbuilder.training.dataset_table import DATASETS
from kbuilder.training.settings_edit import settings_action

SPARSE, CATEGORICAL, BINARY = "sparse_categorical_crossentropy", "categorical_crossentropy", "binary_crossentropy"
#: Layers that keep the shape of what they receive: an output's units are set before them.
SAME_SHAPE = frozenset(
    {
        "Activation",
        "Softmax",
        "Dropout",
        "BatchNormalization",
        "LayerNormalization",
        "GaussianNoise",
        "GaussianDropout",
        "AlphaDropout",
        "ReLU",
        "LeakyReLU",
        "ELU",
        "PReLU",
    }
)
#: The losses in words, in English: :func:`loss_words` gives them in the user's language.
LOSS_WORDS = {
    SPARSE: QT_TRANSLATE_NOOP("training.repair", "sparse categorical cross-entropy"),
    CATEGORICAL: QT_TRANSLATE_NOOP("training.repair", "categorical cross-entropy"),
    BINARY: QT_TRANSLATE_NOOP("training.repair", "binary cross-entropy"),
}


def loss_words(loss: str) -> str:
    """A loss of :data:`LOSS_WORDS` in words, in the user's language."""
    return translate("training.repair", LOSS_WORDS[loss])


def dataset_facts(training: dict | None) -> tuple[int | None, tuple | None]:
    """(number of classes, sample shape) of the built-in data set the training
    settings name; (None, None) for none, a file, or a regression set."""

    if not training:
        return None, None
    data = training.get("data") if isinstance(training.get("data"), dict) else {}
    name = training.get("dataset") or (
        data.get("name") if data.get("source", "sklearn") in ("sklearn", "keras") else None
    )
    info = DATASETS.get(name) if isinstance(name, str) else None
    if info is None:
        return None, None
    return (info.n_classes or None), info.sample_shape


def find_issues(
    graph: Graph,
    training: dict | None = None,
    classes: int | None = None,
    input_shape: tuple | None = None,
    inference=None,
    run: bool = True,
) -> list[tuple[Issue, list[Action]]]:
    """Every issue of ``graph`` with the data and settings in mind, each with its fixes."""
    from kbuilder.keras_io.check import check_graph
    from kbuilder.keras_io.shapes import ShapeInference

    own = inference is None
    inf = inference or ShapeInference(graph)
    try:
        return with_fixes(graph, check_graph(graph, inf, run=run), inf, training, classes, input_shape)
    finally:
        if own:
            inf.close()


def with_fixes(
    graph: Graph,
    issues: list[Issue],
    inference,
    training: dict | None,
    classes: int | None = None,
    input_shape: tuple | None = None,
) -> list[tuple[Issue, list[Action]]]:
    """``issues`` (a check's, in their order) each with its fixes, and, when
    no error stops the model from building, the issues only the training
    settings reveal (output units against the data's classes, the loss
    against the last activation).  ``classes`` and ``input_shape`` default
    to the data set's."""
    known_classes, known_shape = dataset_facts(training)
    classes = classes if classes is not None else known_classes
    input_shape = input_shape if input_shape is not None else known_shape
    pairs = list(zip(issues, fixes_for_issues(graph, issues, inference, input_shape), strict=True))
    if inference is not None and not any(i.severity == ERROR and i.code != "run" for i in issues):
        pairs += output_issues(graph, training, classes, inference.refresh() or {})
    return pairs


# ------------------------------------------------------------ output checks
def _activation(graph: Graph, node: Node) -> str:
    owner = graph.owner(node)
    if owner.class_name == "Softmax":
        return "softmax"
    act = owner.params.get("activation")
    return act if isinstance(act, str) else "linear"


def units_node(graph: Graph, node: Node) -> Node | None:
    """The layer whose ``units`` make the output's last axis (through Activation, Dropout, ...)."""
    seen = set()
    while node.id not in seen:
        seen.add(node.id)
        owner = graph.owner(node)
        if isinstance(owner.params.get("units"), int) and owner.class_name == "Dense":
            return None if owner.shared_with or graph.sharers(owner.id) else owner
        preds = graph.predecessors(node.id)
        if owner.class_name not in SAME_SHAPE or len(preds) != 1:
            return None
        node = preds[0]
    return None


def output_issues(
    graph: Graph, training: dict | None, classes: int | None, infos: dict
) -> list[tuple[Issue, list[Action]]]:
    """``output_classes`` and ``loss_activation`` issues, with their fixes."""
    cfg = TrainConfig.from_dict(training) if training else TrainConfig()
    outputs = [n for n in graph.outputs() if not n.is_input]
    found: list[tuple[Issue, list[Action]]] = []
    for out in outputs:
        info = infos.get(out.id)
        shape = info.output_shape if info is not None and not info.error else None
        if not isinstance(shape, tuple) or len(shape) != 2 or shape[-1] is None:
            continue
        units, act = int(shape[-1]), _activation(graph, out)
        chosen = cfg.outputs.get(out.name)
        loss = chosen.loss if chosen is not None else ""
        pair = _loss_issue(graph, out, units, act, loss, classes)
        found += pair
        if classes and classes >= 2 and len(outputs) == 1 and not pair:  # one issue at a time per output
            found += _classes_issue(graph, out, units, act, loss, classes)
    return found


def _use(graph: Graph, node: Node, changes: dict, text: str):
    """A graph edit: set ``changes`` on the layer of ``node`` (its Activation, Dense, ...)."""
    nid = graph.owner(node).id

    def build(g: Graph, _settings=None) -> Command:
        old = dict(g.node(nid).params)
        return SetParams(nid, old, {**old, **changes}, text=text)

    return build


def _loss_fix(out: Node, loss: str) -> Action:
    def change(cfg: TrainConfig) -> None:
        cfg.outputs.setdefault(out.name, OutputConfig()).loss = loss

    return settings_action(translate("training.repair", "Use {loss} as the loss").format(loss=loss_words(loss)), change)


def _loss_issue(graph: Graph, out: Node, units: int, act: str, loss: str, classes) -> list:
    """Only fixes that leave a sensible pair are offered: sigmoid for two
    classes (one unit), softmax over two units or more."""
    two = classes in (None, 2)
    if act == "softmax" and loss == BINARY:
        msg = translate(
            "training.repair",
            "{name} ends in softmax (one probability per class, summing to 1), but the loss is binary "
            "cross-entropy, which scores each unit as its own yes/no answer.",
        ).format(name=out.name)
        to_sigmoid = {"activation": "sigmoid"} | ({"units": 1} if units == 2 else {})
        act_fix = _activation_fix(graph, out, to_sigmoid, "sigmoid") if units <= 2 and two else None
        loss_fix = _loss_fix(out, SPARSE) if units >= 2 else None
        fixes = [loss_fix, act_fix]
    elif act == "sigmoid" and loss in (SPARSE, CATEGORICAL):
        msg = translate(
            "training.repair",
            "{name} ends in sigmoid (an independent yes/no per unit), but the loss is {loss}, which expects one "
            "probability per class from a softmax.",
        ).format(name=out.name, loss=loss_words(loss))
        if units >= 2:
            fixes = [_activation_fix(graph, out, {"activation": "softmax"}, "softmax")]
        elif two:
            fixes = [_loss_fix(out, BINARY)]
        else:
            fixes = [_activation_fix(graph, out, {"activation": "softmax", "units": classes}, "softmax")]
    else:
        return []
    fixes = [f for f in fixes if f is not None]
    return [(Issue(WARNING, msg, out.id, None, "loss_activation"), fixes)]


def _activation_fix(graph: Graph, out: Node, changes: dict, act: str) -> Action | None:
    owner = graph.owner(out)
    if "units" in changes:
        target = units_node(graph, out)
        if target is None or target.id != owner.id:
            return None
    if "units" in changes:
        title = translate("training.repair", "Use activation {activation} and units {units} in {name}")
    else:
        title = translate("training.repair", "Use activation {activation} in {name}")
    title = title.format(activation=changes["activation"], units=changes.get("units"), name=out.name)
    text = translate("training.repair", "Use {activation} in {name}").format(activation=act, name=out.name)
    return Action(title, _use(graph, out, changes, text))


def _classes_issue(graph: Graph, out: Node, units: int, act: str, loss: str, classes: int) -> list:
    target = units_node(graph, out)
    binary = (act == "sigmoid" and loss not in (SPARSE, CATEGORICAL)) or (loss == BINARY and act != "softmax")
    if binary and classes == 2:
        if units == 1:
            return []
        msg = translate(
            "training.repair", "{name} gives {units} values, but for two classes with sigmoid one unit is the answer."
        )
        msg = msg.format(name=out.name, units=units)
        sev, want, changes = ERROR, 1, {"units": 1}
    elif binary:
        msg = translate(
            "training.repair",
            "{name} answers yes/no with sigmoid, but the data set has {classes} classes: a softmax with {classes} "
            "units gives one probability per class.",
        ).format(name=out.name, classes=classes)
        sev, want, changes = ERROR, classes, {"units": classes, "activation": "softmax"}
    elif act == "softmax" or loss in (SPARSE, CATEGORICAL):
        if units == classes:
            return []
        sev = ERROR if units < classes else WARNING
        msg = translate(
            "training.repair",
            "{name} has {units} units, but the data set has {classes} classes: it needs one unit per class.",
        ).format(name=out.name, units=units, classes=classes)
        want, changes = classes, {"units": classes}
    else:
        return []
    node_id = target.id if target is not None else out.id
    issue = Issue(sev, msg, node_id, None, "output_classes")
    if target is None:
        return [(issue, [])]
    if "activation" in changes:
        title = translate("training.repair", "Set the units of {name} to {units} and use softmax")
    else:
        title = translate("training.repair", "Set the units of {name} to {units}")
    title = title.format(name=target.name, units=want)
    parts = [_use(graph, target, {"units": want}, title)]
    if "activation" in changes:
        parts = (
            [_use(graph, target, changes, title)]
            if target.id == graph.owner(out).id
            else parts + [_use(graph, out, {"activation": "softmax"}, title)]
        )
    kind = "graph"
    if binary and classes > 2 and loss == BINARY:  # the loss goes with the activation: one undo step
        parts.append(_loss_fix(out, SPARSE).build)
        title = translate(
            "training.repair",
            "Set the units of {name} to {units} and use softmax (and sparse categorical cross-entropy as the loss)",
        ).format(name=target.name, units=want)
        kind = "settings"

    def build(g: Graph, holder: Any = None) -> Command:
        return Compound(children=[part(g, holder) for part in parts], text=title)

    return [(issue, [Action(title, build, kind)])]


# ------------------------------------------------------------------- repair
@dataclass
class Repair:
    applied: list[str] = field(default_factory=list)  # the fixes' titles, in order
    issues: list[Issue] = field(default_factory=list)  # what is left
    history: History | None = None  # undo() steps back through the fixes

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == ERROR]


def repair(
    graph: Graph, holder: Any = None, classes: int | None = None, input_shape: tuple | None = None, max_steps: int = 30
) -> Repair:
    """Apply the first fix of the first issue that has one, check again, and
    repeat while fixes are left (a fix that leaves its issue in place is not
    tried twice; at most ``max_steps``).  ``holder`` keeps the training
    settings (a Document or a SettingsBox); without one, settings fixes are
    skipped."""
    from kbuilder.keras_io.shapes import ShapeInference

    result = Repair(history=History(graph))
    tried: set[tuple] = set()
    inf = ShapeInference(graph)
    try:
        for _ in range(max_steps + 1):
            training = holder.settings.get("training") if holder is not None else None
            found = find_issues(graph, training, classes, input_shape, inference=inf)
            result.issues = [issue for issue, _ in found]
            step = next(
                (
                    (issue, fix)
                    for issue, fixes in found
                    for fix in fixes[:1]
                    if (fix.kind == "graph" or holder is not None)
                    and (issue.code, issue.node_id, fix.title) not in tried
                ),
                None,
            )
            if step is None or len(result.applied) >= max_steps:
                break
            issue, fix = step
            tried.add((issue.code, issue.node_id, fix.title))
            result.history.push(fix.command(graph, holder))
            result.applied.append(fix.title)
    finally:
        inf.close()
    return result
