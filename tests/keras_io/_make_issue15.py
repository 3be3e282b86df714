"""Make the Keras 2 files of issue 15's tests (run as a script, with tf_keras).

``python _make_issue15.py OUT`` writes into OUT:

* SavedModel folders (``model.save("folder")``) of seed-like models: an MLP,
  a CNN, a two-input two-output functional model, and one with a nested
  Sequential, a shared call, Bidirectional and TimeDistributed (trained one
  step, so the checkpoint also holds optimizer slots);
* ``tfmodule_sm``: a plain ``tf.Module`` SavedModel whose function would
  write the marker file, and ``lambda_sm``: a Keras SavedModel whose Lambda
  would write it;
* ``tfops.h5``: a functional model using every TensorFlow operation kbuilder
  translates, and ``tfops_partial.h5`` with operations it cannot;
* ``nested.json`` / ``nested.h5``: a functional model around a nested
  Sequential, as ``to_json()`` text and as a file;
* ``custom.h5``: a model with a custom layer class (weights included).

Each model gets random weights; ``manifest.json`` and ``refs.npz`` hold the
inputs, the predictions tf_keras made and the parameter counts.  Nothing
written here runs in the tests: they check the marker never appears.
"""

from __future__ import annotations

import json
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402

MARKER_NAME = "ISSUE15_RAN.txt"


def _randomize(model, rng) -> None:
    for layer in model.layers:
        if hasattr(layer, "layers") and layer.weights and layer is not model:
            _randomize(layer, rng)
            continue
        values = []
        for w in layer.weights:
            a = rng.normal(0.0, 0.3, size=tuple(w.shape)).astype(np.float32)
            if "variance" in w.name:
                a = np.abs(a) + 0.5
            values.append(a)
        if values:
            layer.set_weights(values)


def _inputs(model, rng, batch: int = 4) -> list[np.ndarray]:
    return [rng.normal(size=[batch] + [d or 5 for d in tuple(t.shape)[1:]]).astype(np.float32) for t in model.inputs]


def seed_models(K):
    L = K.layers
    mlp = K.Sequential(
        [L.Flatten(input_shape=(8, 8)), L.Dense(32, activation="relu"), L.Dense(10, activation="softmax")], name="mlp"
    )
    img = K.Input((16, 16, 3), name="image")
    x = L.Conv2D(8, 3, activation="relu")(img)
    x = L.BatchNormalization()(x)
    x = L.MaxPooling2D()(x)
    x = L.Conv2D(4, 3, padding="same")(x)
    x = L.GlobalAveragePooling2D()(x)
    cnn = K.Model(img, L.Dense(3, activation="softmax")(x), name="cnn")
    wide = K.Input((5,), name="wide_input")
    deep = K.Input((6,), name="deep_input")
    h = L.Dense(16, activation="relu")(deep)
    h = L.Dense(16, activation="relu")(h)
    main = L.Dense(1, name="main_output")(L.Concatenate()([wide, h]))
    aux = L.Dense(1, name="aux_output")(h)
    widedeep = K.Model([wide, deep], [main, aux], name="widedeep")
    enc = K.Sequential(
        [K.Input((6,)), L.Dense(8, activation="relu"), L.BatchNormalization(), L.Dense(4)], name="encoder"
    )
    a = K.Input((6,), name="a")
    b = K.Input((6,), name="b")
    x = L.Subtract()([enc(a), enc(b)])
    x = L.Reshape((4, 1))(x)
    x = L.Bidirectional(L.LSTM(3, return_sequences=True))(x)
    x = L.TimeDistributed(L.Dense(2))(x)
    x = L.GRU(2)(x)
    nested = K.Model([a, b], L.Dense(1, name="out")(x), name="nested")
    return {"mlp": mlp, "cnn": cnn, "widedeep": widedeep, "nested": nested}


def tfops_model(K, tf):
    """Every operation kbuilder translates, on two inputs."""
    L = K.layers
    x = K.Input((6,), name="x")
    y = K.Input((6,), name="y")
    a = L.Dense(6, name="da")(x)
    b = L.Dense(6, name="db")(y)
    h = tf.math.sigmoid(tf.nn.relu(a))
    s = h + tf.nn.tanh(b)
    s = tf.math.subtract(s, tf.nn.softmax(a))
    s = tf.math.multiply(s * tf.math.tanh(b), 1.0) + 0.0
    s = tf.math.add(s, a)
    s = tf.math.maximum(s, tf.math.minimum(a, b))
    c = ((1.0 - ((0.5 + (3.0 * (s * 2.0) + 1.5)) - 2.0)) / 4.0) - 0.25
    c = -c
    c = tf.nn.leaky_relu(c, alpha=0.1) + tf.nn.elu(b) + tf.nn.gelu(a) + tf.nn.silu(b) + tf.nn.relu6(a)
    c = c + tf.nn.selu(b) + tf.math.softplus(a) + tf.nn.softsign(b) + tf.math.exp(tf.nn.sigmoid(a))
    cc = tf.concat([c, s], axis=-1)
    r = tf.reshape(cc, (-1, 3, 4))
    t = tf.transpose(r, perm=[0, 2, 1])
    e = tf.expand_dims(t, axis=-1)
    e = tf.expand_dims(tf.nn.softmax(e, axis=1), 1)
    return K.Model([x, y], L.Flatten()(e), name="tfops")


def tfops_partial(K, tf):
    L = K.layers
    x = K.Input((6,), name="x")
    h = L.Dense(6, name="d")(x)
    m = tf.math.reduce_mean(tf.expand_dims(h, -1), axis=1)
    s = h[:, 1:3]
    return K.Model(x, [L.Dense(2, name="out")(m), s], name="partial")


def nested_model(K):
    L = K.layers
    block = K.Sequential([K.Input((5,)), L.Dense(4, activation="relu"), L.Dense(3)], name="block")
    a = K.Input((5,), name="a")
    b = K.Input((5,), name="b")
    merged = L.Add()([block(a), block(b)])
    return K.Model([a, b], L.Dense(2, name="head")(L.Concatenate()([merged, block(a)])), name="outer")


def custom_model(K):
    class MyScale(K.layers.Layer):
        def __init__(self, factor=2.0, **kwargs):
            super().__init__(**kwargs)
            self.factor = factor

        def build(self, input_shape):
            self.scale = self.add_weight(name="scale", shape=(input_shape[-1],), initializer="ones")

        def call(self, x):
            return x * self.scale * self.factor

        def get_config(self):
            return {**super().get_config(), "factor": self.factor}

    x = K.Input((4,), name="x")
    h = K.layers.Dense(4, name="d1")(x)
    h = MyScale(factor=3.0, name="my_scale")(h)
    return K.Model(x, K.layers.Dense(2, name="d2")(h), name="custom")


def tf_module(tf, marker: str):
    class Writes(tf.Module):
        def __init__(self):
            super().__init__()
            self.w = tf.Variable(2.0)

        @tf.function(input_signature=[tf.TensorSpec([None, 3], tf.float32)])
        def __call__(self, x):
            tf.io.write_file(marker, "ran")
            return x * self.w

    return Writes()


def main(out: str) -> None:
    import tensorflow as tf
    import tf_keras as K

    os.makedirs(out, exist_ok=True)
    marker = os.path.join(out, MARKER_NAME)
    rng = np.random.default_rng(15)
    manifest: dict = {}
    refs: dict = {}

    def record(key: str, model, path: str) -> None:
        _randomize(model, rng)
        xs = _inputs(model, rng)
        preds = model.predict(xs if len(xs) > 1 else xs[0], verbose=0)
        preds = preds if isinstance(preds, (list, tuple)) else [preds]
        for i, a in enumerate(xs):
            refs[f"{key}/in{i}"] = a
        for i, p in enumerate(preds):
            refs[f"{key}/out{i}"] = np.asarray(p)
        manifest[key] = {"path": path, "n_in": len(xs), "n_out": len(preds), "params": int(model.count_params())}

    for key, model in seed_models(K).items():
        path = os.path.join(out, f"{key}_sm")
        if key == "nested":  # optimizer slots in the checkpoint too
            model.compile("adam", "mse")
            model.fit([np.ones((4, 6)), np.ones((4, 6))], np.ones((4, 1)), verbose=0)
        record(key, model, path)
        model.save(path)

    module = tf_module(tf, marker)
    module(tf.ones((1, 3)))  # the marker works: running the function writes it
    tf.saved_model.save(module, os.path.join(out, "tfmodule_sm"))
    inp = K.Input((3,), name="x")
    h = K.layers.Dense(3, name="d1")(inp)
    h = K.layers.Lambda(lambda v, p=marker: (open(p, "w").write("ran"), v)[1], name="evil")(h)
    lam = K.Model(inp, K.layers.Dense(2, name="d2")(h), name="lam")
    lam.save(os.path.join(out, "lambda_sm"))  # tracing for the save runs the Lambda once

    ops = tfops_model(K, tf)
    record("tfops", ops, os.path.join(out, "tfops.h5"))
    ops.save(manifest["tfops"]["path"])
    part = tfops_partial(K, tf)
    part.save(os.path.join(out, "tfops_partial.h5"))

    nested = nested_model(K)
    record("nested_json", nested, os.path.join(out, "nested.json"))
    with open(manifest["nested_json"]["path"], "w") as fh:
        fh.write(nested.to_json())
    nested.save(os.path.join(out, "nested.h5"))
    manifest["nested_json"]["h5"] = os.path.join(out, "nested.h5")

    custom = custom_model(K)
    record("custom", custom, os.path.join(out, "custom.h5"))
    custom.save(manifest["custom"]["path"])

    manifest["_marker_written_at_build"] = os.path.exists(marker)
    if os.path.exists(marker):
        os.remove(marker)
    with open(os.path.join(out, "manifest.json"), "w") as fh:
        json.dump(manifest, fh, indent=1)
    np.savez(os.path.join(out, "refs.npz"), **refs)


if __name__ == "__main__":
    main(sys.argv[1])
