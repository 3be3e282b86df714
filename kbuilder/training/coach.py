"""The coach: advice from the training curves, each with one-click actions.

Pure Python over a Keras ``History.history`` dict (``{"loss": [...],
"val_loss": [...], "accuracy": [...], ...}``, one value per epoch, as
``RunResult.history`` and the live ``epoch`` events carry it).  It works
live: call it after each epoch with the history so far::

    advice = advise(history, graph=document.graph, training=document.settings.get("training"),
                    layer_params={nid: info.params for nid, info in infos.items()})
    for a in advice:
        a.code, a.message, a.epoch          # epoch: 1-based, where the pattern starts
        for action in a.actions:            # kbuilder.keras_io.actions.Action
            cmd = action.command(document.graph, document)   # one undoable edit
            # ui: undo.execute(stack, document.graph, cmd); headless: History(graph).push(cmd)

Advice codes (at most one advice per call, the first that applies, in this order):

``diverging``
    The loss turned NaN or infinite (from epoch 1 on); or the training loss rose
    :data:`RISE` above its lowest for :data:`RISE_EPOCHS` epochs or more; or epoch 1
    ended :data:`EXPLODE` times above where the loss then got stuck, at a low
    accuracy (the weights blew up); or, ``classes`` given, the loss stayed above
    twice an even guess's (ln classes) at chance accuracy; or it jumps up and
    down (:data:`OSC_TURNS` changes of direction in the last :data:`OSC_WINDOW`
    epochs, swings of :data:`OSC_SWING` of the loss, no net progress).
    ``epoch``: the NaN epoch, the lowest before the rise, 1 for the explosion, the
    window's first.  Action: divide the learning rate by 10.  (The issue's
    ``learning_rate_too_high`` is this code: one code for every shape.)
``learning_rate_too_low``
    The training loss moved less than :data:`SLOW_TOTAL` over the whole run and is
    not good yet (training accuracy under :data:`HIGH_ACCURACY` when there is one).
    ``epoch``: 1.  Action: multiply the learning rate by 10.
``overfitting``
    The training loss is below the validation loss, and: the best validation loss
    is :data:`OVERFIT_PATIENCE` epochs or more behind and the validation loss is
    now :data:`OVERFIT_RISE` above it while the training loss kept falling; or
    it has not improved for as long while the training loss fell to
    :data:`OVERFIT_RATIO` times below it; or the gap between them grew in each of
    the last :data:`GAP_EPOCHS` epochs to :data:`GAP_GROWTH` times what it was and
    :data:`GAP_SHARE` of the validation loss, with no new best for 2 epochs.
    ``epoch``: the best validation epoch.  Actions: early stopping that keeps
    the best weights; Dropout after the largest hidden Dense.
``underfitting``
    The training loss improved less than :data:`FLAT_CHANGE` over the last
    :data:`FLAT_EPOCHS` epochs and is high (accuracy under :data:`HIGH_ACCURACY`,
    or without one, above half the first epoch's), and the validation loss is
    as high.  ``epoch``: where the flat stretch starts.  Actions: a wider largest
    hidden Dense (twice the units), twice the epochs.
``plateau``
    The validation loss (the training loss without validation) has had no new
    best for :data:`PLATEAU_EPOCHS` epochs, at a good level.  ``epoch``: the best
    one.  Actions: ReduceLROnPlateau, early stopping.

No advice on fewer than :data:`MIN_EPOCHS` epochs, except a NaN.  An action
that is already in effect (early stopping on) is left out.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from kbuilder.core.graph import Graph
from kbuilder.core.i18n import translate
from kbuilder.keras_io.actions import Action
from kbuilder.training.coach_actions import (
    dropout_action,
    early_stopping_action,
    learning_rate_action,
    more_epochs_action,
    reduce_lr_action,
    wider_action,
)
from kbuilder.training.config import TrainConfig, epochs_label

# Why these numbers: an epoch's loss is a mean over many batches, so it is smooth; a change
# smaller than a few per cent is noise, a rise of a quarter over two epochs is not.
MIN_EPOCHS = 3  # two points make no trend
HIGH_LR_FACTOR = 30  # a learning rate 30 times the optimizer's usual one is suspect when nothing is learnt
STUCK = 0.1  # a training loss that never gets 10% below its epoch-2 value has stopped learning
#: Keras's default learning rate of each optimizer: what it usually takes.
USUAL_LEARNING_RATE = {"adam": 0.001, "adamw": 0.001, "nadam": 0.001, "adamax": 0.001, "rmsprop": 0.001,
                       "adagrad": 0.001, "adadelta": 0.001, "ftrl": 0.001, "lion": 0.001, "sgd": 0.01}
RISE, RISE_EPOCHS = 0.25, 2  # a training loss 25% above its lowest for 2+ epochs: the steps overshoot
EXPLODE = 10.0  # epoch 1 ten times above the level the loss then sticks at: the weights blew up
# Oscillation: 3 turns in 6 epochs is a zig-zag, not noise, when the swings average 15% of the loss.
OSC_WINDOW, OSC_TURNS, OSC_SWING = 6, 3, 0.15
SLOW_TOTAL = 0.10  # less than 10% gained over the whole run: the loss "barely moves"
HIGH_ACCURACY = 0.80  # below 80% training accuracy the model has not even learnt its own data
HIGH_LOSS_SHARE = 0.5  # without an accuracy: still above half the first epoch's loss
# Overfitting: Keras's EarlyStopping default patience is 0; 3 epochs without a new best and 10% above
# it is past noise; a validation loss 3x the training loss is a large generalisation gap.
OVERFIT_PATIENCE, OVERFIT_RISE, OVERFIT_RATIO = 3, 0.10, 3.0
GAP_EPOCHS, GAP_GROWTH, GAP_SHARE = 4, 1.5, 0.25
FLAT_EPOCHS, FLAT_CHANGE = 3, 0.02  # under 2% gained over the last 3 epochs: flat
PLATEAU_EPOCHS, PLATEAU_MIN = 3, 5  # ReduceLROnPlateau's own idea of "stuck" (patience 2-3), after 5 epochs


@dataclass
class Advice:
    code: str
    message: str
    epoch: int  # 1-based
    actions: list[Action] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """What ``kbuilder train --json`` prints."""
        return {
            "code": self.code,
            "message": self.message,
            "epoch": self.epoch,
            "actions": [{"title": a.title} for a in self.actions],
        }


def advise(
    history: Mapping[str, Sequence[float]],
    *,
    graph: Graph | None = None,
    training: TrainConfig | dict | None = None,
    layer_params: Mapping[str, int | None] | None = None,
    classes: int | None = None,
) -> list[Advice]:
    """The advice for a training history so far (see the module doc).
    ``graph`` enables the model edits; ``training`` (TrainConfig or its dict)
    puts the real figures in the titles and leaves out what is on already;
    ``layer_params`` (node id -> parameter count) picks the largest Dense;
    ``classes`` (of a classifier's data) tells what guessing scores."""
    loss = _series(history, "loss")
    val = _series(history, "val_loss") or None
    cfg = training if isinstance(training, TrainConfig) else (TrainConfig.from_dict(training) if training else None)
    c = _Coach(loss, val, _accuracy(history), graph, cfg, layer_params or {}, classes)
    for rule in (c.not_a_number, c.diverging, c.too_slow, c.overfitting, c.underfitting, c.plateau):
        found = rule()
        if found is not None:
            return [found]
    return []


def _series(history: Mapping[str, Sequence[float]], key: str) -> list[float]:
    out = []
    for v in history.get(key) or []:
        try:
            out.append(float(v))
        except (TypeError, ValueError):
            out.append(math.nan)
    return out


def _accuracy(history: Mapping[str, Sequence[float]]) -> list[float] | None:
    key = next((k for k in history if k.endswith("accuracy") and not k.startswith(("val_", "top_"))), None)
    return _series(history, key) if key else None


def num(x: float) -> str:
    """A loss for a sentence: 0.312, 2.30, 1,234."""
    if not math.isfinite(x):
        return str(x)
    if abs(x) >= 100:
        return f"{x:,.0f}"
    if abs(x) >= 1:
        return f"{x:.2f}"
    if abs(x) < 1e-8:
        return "0"
    return f"{x:.{1 - math.floor(math.log10(abs(x)))}f}" if abs(x) < 0.001 else f"{x:.3g}"


class _Coach:
    def __init__(self, loss, val, acc, graph, cfg: TrainConfig | None, layer_params, classes) -> None:
        self.loss, self.val, self.acc, self.classes = loss, val, acc, classes
        self.n = len(loss)
        self.graph, self.cfg, self.layer_params = graph, cfg, layer_params

    # ------------------------------------------------------------------ rules
    def not_a_number(self) -> Advice | None:
        for i in range(max(self.n, len(self.val or []))):
            bad = [
                name
                for name, s in (("training", self.loss), ("validation", self.val or []))
                if i < len(s) and not math.isfinite(s[i])
            ]
            if bad:
                nan = any(math.isnan(s[i]) for s in (self.loss, self.val or []) if i < len(s))
                msg = self._not_a_number_text(bad, nan).format(epoch=i + 1, lr=self._lr_now())
                return Advice("diverging", msg, i + 1, [learning_rate_action(self.cfg, 0.1)])
        return None

    @staticmethod
    def _not_a_number_text(bad: list[str], nan: bool) -> str:
        """The sentence for a loss that turned NaN (``nan``) or infinite;
        ``bad`` names the series: training, validation or both."""
        if bad == ["training"]:
            if nan:
                return translate(
                    "training.coach",
                    "The training loss became NaN (not a number) at epoch {epoch}: the learning rate{lr} is far "
                    "too high for this model, or the inputs are not scaled to small numbers. Nothing the model "
                    "learnt after that can be trusted.",
                )
            return translate(
                "training.coach",
                "The training loss became infinite at epoch {epoch}: the learning rate{lr} is far too high for "
                "this model, or the inputs are not scaled to small numbers. Nothing the model learnt after that "
                "can be trusted.",
            )
        if bad == ["validation"]:
            if nan:
                return translate(
                    "training.coach",
                    "The validation loss became NaN (not a number) at epoch {epoch}: the learning rate{lr} is far "
                    "too high for this model, or the inputs are not scaled to small numbers. Nothing the model "
                    "learnt after that can be trusted.",
                )
            return translate(
                "training.coach",
                "The validation loss became infinite at epoch {epoch}: the learning rate{lr} is far too high for "
                "this model, or the inputs are not scaled to small numbers. Nothing the model learnt after that "
                "can be trusted.",
            )
        if nan:
            return translate(
                "training.coach",
                "The training and validation loss became NaN (not a number) at epoch {epoch}: the learning "
                "rate{lr} is far too high for this model, or the inputs are not scaled to small numbers. Nothing "
                "the model learnt after that can be trusted.",
            )
        return translate(
            "training.coach",
            "The training and validation loss became infinite at epoch {epoch}: the learning rate{lr} is far too "
            "high for this model, or the inputs are not scaled to small numbers. Nothing the model learnt after "
            "that can be trusted.",
        )

    def diverging(self) -> Advice | None:
        loss, n = self.loss, self.n
        if n < MIN_EPOCHS:
            return None
        b = _argmin(loss)
        if n - 1 - b >= RISE_EPOCHS and loss[-1] > loss[b] * (1 + RISE):
            msg = translate(
                "training.coach",
                "The training loss was lowest at epoch {best} ({low}) and has risen for {epochs} to {now}: the "
                "optimizer's steps overshoot, so the learning rate{lr} is too high.",
            ).format(best=b + 1, low=num(loss[b]), epochs=epochs_label(n - 1 - b), now=num(loss[-1]), lr=self._lr_now())
            return Advice("diverging", msg, b + 1, [learning_rate_action(self.cfg, 0.1)])
        found = self._exploded() or self._guessing() or self._too_high_for_optimizer()
        if found is not None:
            return found
        w = min(n, OSC_WINDOW)
        if w >= OSC_TURNS + 2:
            part = loss[-w:]
            diffs = [b - a for a, b in zip(part, part[1:], strict=False) if b != a]
            turns = sum(1 for d0, d1 in zip(diffs, diffs[1:], strict=False) if (d0 > 0) != (d1 > 0))
            swing = sum(abs(d) for d in diffs) / max(len(diffs), 1) / (sum(part) / w or 1.0)
            if turns >= OSC_TURNS and swing >= OSC_SWING and part[-1] > 0.9 * part[0]:
                msg = translate(
                    "training.coach",
                    "The training loss jumps up and down from epoch {first} to {last} (between {low} and {high}) "
                    "instead of falling: the learning rate{lr} is too high.",
                ).format(first=n - w + 1, last=n, low=num(min(part)), high=num(max(part)), lr=self._lr_now())
                return Advice("diverging", msg, n - w + 1, [learning_rate_action(self.cfg, 0.1)])
        return None

    def _exploded(self) -> Advice | None:
        """Epoch 1 ended far above where the loss then got stuck, and the
        accuracy is low: the weights blew up and the model learns nothing."""
        loss, acc = self.loss, self.acc
        if not acc or acc[-1] >= HIGH_ACCURACY:
            return None
        later = loss[1:]
        middle = sorted(later)[len(later) // 2]
        if loss[0] < EXPLODE * middle or not later[0] or (later[0] - min(later)) / abs(later[0]) >= SLOW_TOTAL:
            return None
        msg = translate(
            "training.coach",
            "The loss exploded in epoch 1 ({first}) and has been stuck near {now} since, with a training accuracy "
            "of {accuracy}: the learning rate{lr} is so high that the weights blew up, and the model learns "
            "nothing.",
        ).format(first=num(loss[0]), now=num(loss[-1]), accuracy=f"{acc[-1]:.0%}", lr=self._lr_now())
        return Advice("diverging", msg, 1, [learning_rate_action(self.cfg, 0.1)])

    def _guessing(self) -> Advice | None:
        """A classifier whose loss is far worse than an even guess, at chance accuracy."""
        c, acc = self.classes, self.acc
        if not c or c < 2 or not acc:
            return None
        even = math.log(c)
        recent = self.loss[-MIN_EPOCHS:]
        if min(recent) <= 2 * even or max(acc[-MIN_EPOCHS:]) >= min(1.5 / c, 0.5):
            return None
        start = self.n - MIN_EPOCHS + 1
        msg = translate(
            "training.coach",
            "Since epoch {start} the model is no better than guessing: training accuracy {accuracy}, and a loss of "
            "{loss} where an even guess among {classes} classes scores {guess}. The learning rate{lr} is so high "
            "that the weights blew up.",
        ).format(
            start=start,
            accuracy=f"{acc[-1]:.0%}",
            loss=num(self.loss[-1]),
            classes=c,
            guess=num(even),
            lr=self._lr_now(),
        )
        return Advice("diverging", msg, start, [learning_rate_action(self.cfg, 0.1)])

    def _too_high_for_optimizer(self) -> Advice | None:
        """A learning rate many times the optimizer's usual one, a training
        loss that stopped falling after epoch 1 and a low accuracy: the
        steps jump past anything the model could learn (what the overfitting
        rule would otherwise read into a loss that fell in epoch 1 only)."""
        cfg, loss = self.cfg, self.loss
        if cfg is None or self.n < MIN_EPOCHS + 1:
            return None
        usual = USUAL_LEARNING_RATE.get(str(cfg.optimizer).lower())
        if usual is None or cfg.learning_rate < HIGH_LR_FACTOR * usual:
            return None
        if self._has_acc() and self.acc[-1] >= HIGH_ACCURACY:
            return None
        later = loss[1:]
        if min(later) < (1 - STUCK) * later[0] or not all(math.isfinite(x) for x in later):
            return None  # it still learns
        words = {"low": num(min(later)), "high": num(max(later)), "optimizer": cfg.optimizer,
                 "lr": f"{cfg.learning_rate:g}", "usual": f"{usual:g}", "times": f"{cfg.learning_rate / usual:.0f}"}
        if self._has_acc():
            msg = translate(
                "training.coach",
                "After the first epoch the training loss only moves between {low} and {high} and the training "
                "accuracy is {accuracy}: a learning rate of {lr} is {times} times what {optimizer} usually takes "
                "({usual}), so each step jumps past what the model could learn.",
            ).format(accuracy=self._acc_text(), **words)
        else:
            msg = translate(
                "training.coach",
                "After the first epoch the training loss only moves between {low} and {high}: a learning rate of {lr} "
                "is {times} times what {optimizer} usually takes ({usual}), so each step jumps past what the model "
                "could learn.",
            ).format(**words)
        return Advice("diverging", msg, 2, [learning_rate_action(cfg, 0.1)])

    def too_slow(self) -> Advice | None:
        loss, n = self.loss, self.n
        if n < MIN_EPOCHS or not loss[0]:
            return None
        change = (loss[0] - loss[-1]) / abs(loss[0])
        if abs(change) >= SLOW_TOTAL or (self.acc and self.acc[-1] >= HIGH_ACCURACY):
            return None
        if self._has_acc():
            text = translate(
                "training.coach",
                "The training loss barely moved in {epochs}, from {first} to {now} ({change}) (training accuracy "
                "{accuracy}): the learning rate{lr} is probably too low, so each step changes the weights too "
                "little.",
            )
        else:
            text = translate(
                "training.coach",
                "The training loss barely moved in {epochs}, from {first} to {now} ({change}): the learning "
                "rate{lr} is probably too low, so each step changes the weights too little.",
            )
        msg = text.format(
            epochs=epochs_label(n),
            first=num(loss[0]),
            now=num(loss[-1]),
            change=f"{abs(change):.0%}",
            accuracy=self._acc_text(),
            lr=self._lr_now(),
        )
        return Advice("learning_rate_too_low", msg, 1, [learning_rate_action(self.cfg, 10.0)])

    def overfitting(self) -> Advice | None:
        loss, val, n = self.loss, self.val, self.n
        if val is None or len(val) != n or n < MIN_EPOCHS + 1:
            return None
        b = _argmin(val)
        since = n - 1 - b
        if loss[-1] >= val[-1]:
            return None
        if since >= OVERFIT_PATIENCE and val[-1] >= val[b] * (1 + OVERFIT_RISE) and loss[-1] < loss[b]:
            msg = translate(
                "training.coach",
                "The validation loss was best at epoch {best} ({low}) and has risen for {epochs} to {now} while "
                "the training loss kept falling ({train_then} → {train_now}): the model is memorising the "
                "training data instead of learning what carries over to new data.",
            ).format(
                best=b + 1,
                low=num(val[b]),
                epochs=epochs_label(since),
                now=num(val[-1]),
                train_then=num(loss[b]),
                train_now=num(loss[-1]),
            )
            return Advice("overfitting", msg, b + 1, self._overfit_actions())
        if since >= OVERFIT_PATIENCE and val[-1] >= OVERFIT_RATIO * loss[-1] and loss[-1] < loss[b]:
            msg = translate(
                "training.coach",
                "The validation loss has not improved since epoch {best} ({low}) while the training loss kept "
                "falling, to {train_now}: {ratio} times lower than the validation loss ({now}). The model is "
                "memorising the training data instead of learning what carries over to new data.",
            ).format(
                best=b + 1,
                low=num(val[b]),
                train_now=num(loss[-1]),
                ratio=f"{val[-1] / loss[-1]:.0f}",
                now=num(val[-1]),
            )
            return Advice("overfitting", msg, b + 1, self._overfit_actions())
        if n >= GAP_EPOCHS + 1 and since >= 2:
            gap = [v - t for v, t in zip(val, loss, strict=False)][-(GAP_EPOCHS + 1) :]
            growing = all(g1 > g0 for g0, g1 in zip(gap, gap[1:], strict=False))
            if (
                growing
                and gap[0] > 0
                and gap[-1] >= GAP_GROWTH * gap[0]
                and gap[-1] >= GAP_SHARE * val[-1]
                and loss[-1] < loss[-GAP_EPOCHS - 1]
            ):
                start = n - GAP_EPOCHS
                msg = translate(
                    "training.coach",
                    "Since epoch {start} the gap between the training loss ({train_now}) and the validation loss "
                    "({now}) has grown every epoch, from {gap_then} to {gap_now}, and the validation loss has not "
                    "improved since epoch {best}: the model is starting to memorise the training data.",
                ).format(
                    start=start,
                    train_now=num(loss[-1]),
                    now=num(val[-1]),
                    gap_then=num(gap[0]),
                    gap_now=num(gap[-1]),
                    best=b + 1,
                )
                return Advice("overfitting", msg, b + 1, self._overfit_actions())
        return None

    def underfitting(self) -> Advice | None:
        loss, val, n = self.loss, self.val, self.n
        if n < max(MIN_EPOCHS, FLAT_EPOCHS + 1):
            return None
        ref = loss[-FLAT_EPOCHS - 1]
        flat = ref and (ref - loss[-1]) / abs(ref) < FLAT_CHANGE
        high = self.acc[-1] < HIGH_ACCURACY if self.acc else loss[-1] > HIGH_LOSS_SHARE * loss[0]
        close = val is None or not val or val[-1] <= loss[-1] * 1.3
        if not (flat and high and close):
            return None
        start = n - FLAT_EPOCHS
        msg = self._underfitting_text(bool(val)).format(
            now=num(loss[-1]), start=start, accuracy=self._acc_text(), val_now=num(val[-1]) if val else ""
        )
        actions = [a for a in (wider_action(self.graph, self.layer_params), more_epochs_action(self.cfg)) if a]
        return Advice("underfitting", msg, start, actions)

    def plateau(self) -> Advice | None:
        series, what = (self.val, "validation") if self.val and len(self.val) == self.n else (self.loss, "training")
        n = len(series)
        if n < PLATEAU_MIN:
            return None
        b = _argmin(series)
        since = n - 1 - b
        if since < PLATEAU_EPOCHS:
            return None
        if what == "validation":
            text = translate(
                "training.coach",
                "The validation loss has not improved for {epochs} (best {low} at epoch {best}, now {now}): "
                "progress has stopped. A smaller learning rate often gets it going again, and stopping early "
                "saves the time.",
            )
        else:
            text = translate(
                "training.coach",
                "The training loss has not improved for {epochs} (best {low} at epoch {best}, now {now}): "
                "progress has stopped. A smaller learning rate often gets it going again, and stopping early "
                "saves the time.",
            )
        msg = text.format(epochs=epochs_label(since), low=num(series[b]), best=b + 1, now=num(series[-1]))
        monitor = "val_loss" if what == "validation" else "loss"
        actions = [a for a in (reduce_lr_action(self.cfg, monitor), early_stopping_action(self.cfg, monitor)) if a]
        return Advice("plateau", msg, b + 1, actions)

    # ---------------------------------------------------------------- phrases
    def _lr_now(self) -> str:
        return f" ({self.cfg.learning_rate:g})" if self.cfg else ""

    def _has_acc(self) -> bool:
        return bool(self.acc) and math.isfinite(self.acc[-1])

    def _acc_text(self) -> str:
        """The last training accuracy as a percentage ("" without one)."""
        return f"{self.acc[-1]:.0%}" if self._has_acc() else ""

    def _underfitting_text(self, with_val: bool) -> str:
        if self._has_acc() and with_val:
            return translate(
                "training.coach",
                "The training loss has stayed near {now} since epoch {start} (training accuracy {accuracy}) and "
                "the validation loss near {val_now}: the curves are flat while the loss is still high, so the "
                "model is too small for this data or has not trained long enough.",
            )
        if self._has_acc():
            return translate(
                "training.coach",
                "The training loss has stayed near {now} since epoch {start} (training accuracy {accuracy}): the "
                "curves are flat while the loss is still high, so the model is too small for this data or has "
                "not trained long enough.",
            )
        if with_val:
            return translate(
                "training.coach",
                "The training loss has stayed near {now} since epoch {start} and the validation loss near "
                "{val_now}: the curves are flat while the loss is still high, so the model is too small for this "
                "data or has not trained long enough.",
            )
        return translate(
            "training.coach",
            "The training loss has stayed near {now} since epoch {start}: the curves are flat while the loss is "
            "still high, so the model is too small for this data or has not trained long enough.",
        )

    def _overfit_actions(self) -> list[Action]:
        found = [early_stopping_action(self.cfg, "val_loss"), dropout_action(self.graph, self.layer_params)]
        return [a for a in found if a is not None]


def _argmin(values: Sequence[float]) -> int:
    return min(range(len(values)), key=lambda i: (values[i], i))
