"""Training on several machines with ``tf.distribute.MultiWorkerMirroredStrategy``.

The exported training script (``--strategy multiworker``) holds the source
of these functions, as it holds :mod:`kbuilder.training.recipes`'s: the
same rules apply (each imports what it needs inside itself, takes and
returns plain values, never imports kbuilder).

Why a loop of its own: Keras 3's ``model.fit`` cannot train under
MultiWorkerMirroredStrategy yet (keras-team/keras#20585: it fails while
building the model from a distributed batch, then while averaging the
metrics).  This is TensorFlow's documented custom training loop: each
worker runs it on its share of every batch (the data set is sharded by
example), the optimizer sums the gradients of all workers at each step, and
the figures are sums over every example of every worker, so each worker
prints the same numbers.  The cluster comes from ``TF_CONFIG``.
"""

from __future__ import annotations


def make_strategy(name):
    """The tf.distribute strategy ``--strategy`` names: "default" (this process
    as it is), "mirrored" (every GPU of this machine) or "multiworker" (the
    machines the TF_CONFIG environment variable lists; create it first, before
    any other TensorFlow work)."""
    import tensorflow as tf

    if name == "mirrored":
        return tf.distribute.MirroredStrategy()
    if name == "multiworker":
        return tf.distribute.MultiWorkerMirroredStrategy()
    return tf.distribute.get_strategy()


def multiworker_is_chief(strategy):
    """Whether this worker writes the files (the saved model): the "chief"
    task, or worker 0 when the cluster has no chief."""
    resolver = strategy.cluster_resolver
    task_type, task_id = resolver.task_type, resolver.task_id
    if task_type is None or task_type == "chief":
        return True
    return task_type == "worker" and task_id == 0 and "chief" not in resolver.cluster_spec().as_dict()


def multiworker_steps(strategy, model, losses, loss_weights=None, metrics=None):
    """The distributed train and test steps, and the names of the figures they
    return.  ``losses``: {output name: Keras loss name}; ``loss_weights``:
    {output name: weight}; ``metrics``: {output name: [metric names]}.  Each
    step returns sums over its examples (the loss, each metric) and their count."""
    import keras
    import tensorflow as tf

    names = list(model.output_names)
    per_sample = {
        "mae": keras.losses.mean_absolute_error,
        "mean_absolute_error": keras.losses.mean_absolute_error,
        "mse": keras.losses.mean_squared_error,
        "mean_squared_error": keras.losses.mean_squared_error,
    }
    accuracy = {
        "sparse_categorical_crossentropy": keras.metrics.sparse_categorical_accuracy,
        "categorical_crossentropy": keras.metrics.categorical_accuracy,
        "binary_crossentropy": keras.metrics.binary_accuracy,
    }
    figures = []  # (figure name, output name, per-example function)
    for out in names:
        for metric in (metrics or {}).get(out, []):
            fn = accuracy.get(losses[out]) if metric == "accuracy" else per_sample.get(metric)
            if fn is None:
                print(f"note: the multi-worker loop does not compute {metric}; it is left out")
                continue
            figures.append((metric if len(names) == 1 else f"{out}_{metric}", out, fn))
    loss_fns = {out: keras.losses.get(losses[out]) for out in names}
    weights = {out: float((loss_weights or {}).get(out, 1.0)) for out in names}

    def by_name(values):
        if isinstance(values, dict):
            return values
        if isinstance(values, (list, tuple)):
            return dict(zip(names, values, strict=True))
        return {names[0]: values}

    def sums(x, y, training):
        pred = by_name(model(x, training=training))
        true = by_name(y)
        loss = tf.add_n([weights[o] * tf.cast(loss_fns[o](true[o], pred[o]), "float32") for o in names])
        count = tf.cast(tf.shape(loss)[0], "float32")
        figs = [tf.reduce_sum(tf.cast(fn(true[o], pred[o]), "float32")) for _, o, fn in figures]
        return loss, [tf.reduce_sum(loss), *figs, count]

    def train_replica(x, y):
        with tf.GradientTape() as tape:
            loss, out = sums(x, y, True)
            mean = tf.nn.compute_average_loss(loss)  # over the global batch: all workers together
        grads = tape.gradient(mean, model.trainable_variables)
        model.optimizer.apply_gradients(zip(grads, model.trainable_variables, strict=True))  # sums all workers'
        return out

    def test_replica(x, y):
        return sums(x, y, False)[1]

    @tf.function
    def train_step(x, y):
        out = strategy.run(train_replica, args=(x, y))
        return [strategy.reduce("SUM", v, axis=None) for v in out]

    @tf.function
    def test_step(x, y):
        out = strategy.run(test_replica, args=(x, y))
        return [strategy.reduce("SUM", v, axis=None) for v in out]

    return train_step, test_step, ["loss", *[f[0] for f in figures]]


def fit_multiworker(
    strategy, model, train, val, epochs, batch_size, losses, loss_weights=None, metrics=None, shuffle=True, seed=0
):
    """Train ``model`` (built and compiled inside ``strategy.scope()``) for
    ``epochs`` on ``train`` = (x, y), validating on ``val`` = (x, y) or
    (None, None).  ``batch_size`` is the global batch, shared by the workers.
    Returns the history as ``model.fit`` would: {name: [one value per epoch]}."""
    import time

    import tensorflow as tf

    train_step, test_step, keys = multiworker_steps(strategy, model, losses, loss_weights, metrics)
    options = tf.data.Options()
    options.experimental_distribute.auto_shard_policy = tf.data.experimental.AutoShardPolicy.DATA

    def batches(x, y, mix):
        ds = tf.data.Dataset.from_tensor_slices((x, y))
        if mix:
            n = len(next(iter(x.values()))) if isinstance(x, dict) else len(x)
            ds = ds.shuffle(n, seed=seed, reshuffle_each_iteration=True)
        return strategy.experimental_distribute_dataset(ds.batch(batch_size).with_options(options))

    def run(step, data):
        totals = None
        for xb, yb in data:
            out = [float(v) for v in step(xb, yb)]
            totals = out if totals is None else [a + b for a, b in zip(totals, out, strict=True)]
        return {k: totals[i] / max(totals[-1], 1.0) for i, k in enumerate(keys)}

    history = {}
    x_val, y_val = val
    for epoch in range(epochs):
        t0 = time.monotonic()
        logs = run(train_step, batches(*train, shuffle))
        if x_val is not None:
            logs.update({"val_" + k: v for k, v in run(test_step, batches(x_val, y_val, False)).items()})
        for k, v in logs.items():
            history.setdefault(k, []).append(v)
        figures = " - ".join(f"{k}: {v:.4f}" for k, v in logs.items())
        print(f"Epoch {epoch + 1}/{epochs} - {time.monotonic() - t0:.0f}s - {figures}", flush=True)
    return history


def evaluate_multiworker(strategy, model, data, batch_size, losses, loss_weights=None, metrics=None):
    """The loss and metrics of ``model`` on ``data`` = (x, y), over all workers."""
    import tensorflow as tf

    _, test_step, keys = multiworker_steps(strategy, model, losses, loss_weights, metrics)
    options = tf.data.Options()
    options.experimental_distribute.auto_shard_policy = tf.data.experimental.AutoShardPolicy.DATA
    ds = tf.data.Dataset.from_tensor_slices(data).batch(batch_size).with_options(options)
    totals = None
    for xb, yb in strategy.experimental_distribute_dataset(ds):
        out = [float(v) for v in test_step(xb, yb)]
        totals = out if totals is None else [a + b for a, b in zip(totals, out, strict=True)]
    return {k: totals[i] / max(totals[-1], 1.0) for i, k in enumerate(keys)}
