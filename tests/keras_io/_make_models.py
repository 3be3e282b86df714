"""Make the model files the keras_io import tests open (run as a script).

``python _make_models.py k2 OUT``: Keras 2 files, made with tf_keras.
``python _make_models.py k3 OUT``: Keras 3 files.

Each model gets random weights (BatchNormalization statistics included, so
that a wrong weight order shows), is saved, and predicts on a fixed batch
with the library that made it; ``OUT/<lib>_manifest.json`` and
``OUT/<lib>_refs.npz`` hold the files, the inputs, the predictions and
Keras's parameter counts.  Run in its own process so that tf_keras and
Keras 3 never share one.
"""

from __future__ import annotations

import json
import os
import sys
import zipfile

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("KERAS_BACKEND", "tensorflow")

import numpy as np  # noqa: E402

MARKER_NAME = "LAMBDA_RAN.txt"


def _randomize(model, rng) -> None:
    for layer in model.layers:
        if hasattr(layer, "layers") and layer.weights and layer is not model:
            _randomize(layer, rng)  # a nested model: its layers one by one
            continue
        values = []
        for w in layer.weights:
            shape = tuple(w.shape)
            a = rng.normal(0.0, 0.3, size=shape).astype(np.float32)
            if "variance" in w.name:
                a = np.abs(a) + 0.5
            values.append(a)
        if values:
            layer.set_weights(values)


def _inputs(model, rng, batch: int = 3) -> list[np.ndarray]:
    out = []
    for t in model.inputs:
        shape = [batch] + [d if d is not None else 5 for d in tuple(t.shape)[1:]]
        dtype = str(getattr(t.dtype, "name", t.dtype))
        if "int" in dtype:
            out.append(rng.integers(0, 20, size=shape).astype(np.int32))
        else:
            out.append(rng.normal(size=shape).astype(np.float32))
    return out


def models(K, lib: str, marker: str):
    """(id, model, formats) for the seed-like models, built with ``K``."""
    L = K.layers
    built = []

    m = (
        K.Sequential(
            [
                L.Flatten(input_shape=(28, 28)),
                L.Dense(300, activation="relu"),
                L.Dense(300, activation="relu"),
                L.Dense(10, activation="softmax"),
            ],
            name="mlp",
        )
        if lib == "k2"
        else K.Sequential(
            [
                K.Input((28, 28)),
                L.Flatten(),
                L.Dense(300, activation="relu"),
                L.Dense(300, activation="relu"),
                L.Dense(10, activation="softmax"),
            ],
            name="mlp",
        )
    )
    built.append(("mlp", m, ("h5", "keras")))

    text = K.Input((None,), dtype="int32", name="text")
    question = K.Input((None,), dtype="int32", name="question")
    t = L.LSTM(8)(L.Embedding(100, 16)(text))
    q = L.LSTM(4)(L.Embedding(100, 8)(question))
    answer = L.Dense(5, activation="softmax", name="answer")(L.Concatenate()([t, q]))
    built.append(("qa", K.Model([text, question], answer, name="qa"), ("h5", "keras")))

    posts = K.Input((40,), dtype="int32", name="posts")
    x = L.Embedding(200, 16)(posts)
    x = L.Conv1D(8, 5, activation="relu")(x)
    x = L.MaxPooling1D(3)(x)
    x = L.Conv1D(8, 3, activation="relu")(x)
    x = L.GlobalMaxPooling1D()(x)
    x = L.Dense(8, activation="relu")(x)
    age = L.Dense(1, name="age")(x)
    income = L.Dense(3, activation="softmax", name="income")(x)
    gender = L.Dense(1, activation="sigmoid", name="gender")(x)
    built.append(("posts", K.Model(posts, [age, income, gender], name="posts"), ("h5", "keras")))

    left = K.Input((6, 4), name="left")
    right = K.Input((6, 4), name="right")
    shared = L.LSTM(6, name="shared_lstm")
    merged = L.Concatenate()([shared(left), shared(right)])
    built.append(
        ("siamese", K.Model([left, right], L.Dense(1, activation="sigmoid")(merged), name="siamese"), ("h5", "keras"))
    )

    img = K.Input((16, 16, 3), name="image")
    x = L.SeparableConv2D(8, 3, activation="relu")(img)
    x = L.BatchNormalization()(x)
    x = L.SeparableConv2D(8, 3, padding="same")(x)
    x = L.MaxPooling2D()(x)
    x = L.DepthwiseConv2D(3, depth_multiplier=2)(x)
    x = L.Conv2DTranspose(4, 3, strides=2)(x)
    x = L.GlobalAveragePooling2D()(x)
    built.append(("sepconv", K.Model(img, L.Dense(4)(x), name="sepconv"), ("h5", "keras")))

    wide = K.Input((5,), name="wide_input")
    deep = K.Input((6,), name="deep_input")
    h1 = L.Dense(30, activation="relu")(deep)
    h2 = L.Dense(30, activation="relu")(h1)
    main = L.Dense(1, name="main_output")(L.Concatenate()([wide, h2]))
    aux = L.Dense(1, name="aux_output")(h2)
    built.append(("widedeep", K.Model([wide, deep], [main, aux], name="widedeep"), ("h5", "keras")))

    encoder = K.Sequential(
        [K.Input((6,)), L.Dense(8, activation="relu"), L.BatchNormalization(), L.Dense(4)], name="encoder"
    )
    inner_in = K.Input((4,))
    head = K.Model(inner_in, L.Dense(3, name="dense")(inner_in), name="head")
    a = K.Input((6,), name="a")
    b = K.Input((6,), name="b")
    diff = L.Subtract()([encoder(a), encoder(b)])
    out = L.Dense(1, name="dense_out")(head(diff))
    built.append(("nested", K.Model([a, b], out, name="nested"), ("h5", "keras")))

    seq = K.Input((7, 3), name="seq")
    x = L.Bidirectional(L.LSTM(4, return_sequences=True))(seq)
    x = L.TimeDistributed(L.Dense(2))(x)
    x = L.GRU(3)(x)
    built.append(("rnn_zoo", K.Model(seq, L.Dense(1)(x), name="rnn_zoo"), ("h5", "keras")))

    # Two levels of nesting, called twice, with a layer name used at both levels
    # (tf_keras cannot write this one as .h5).
    ii = K.Input((5,))
    inner = K.Model(ii, L.BatchNormalization()(L.Dense(4, name="dense")(ii)), name="inner")
    block = K.Sequential([K.Input((5,)), inner, L.Dense(3, name="dense")], name="block")
    a2 = K.Input((5,), name="a")
    b2 = K.Input((5,), name="b")
    deep = K.Model([a2, b2], L.Dense(1, name="dense")(L.Add()([block(a2), block(b2)])), name="deep")
    built.append(("deep", deep, ("keras",) if lib == "k2" else ("h5", "keras")))

    # A Sequential built without an Input (deferred), and one whose first layer is a model.
    deferred = K.Sequential([L.Dense(4, activation="relu"), L.Dense(2)], name="deferred")
    deferred.build((None, 3))
    built.append(("deferred", deferred, ("h5", "keras")))
    base_in = K.Input((8, 8, 3))
    base = K.Model(base_in, L.BatchNormalization()(L.Conv2D(4, 3, name="conv")(base_in)), name="base")
    transfer = K.Sequential([base, L.GlobalAveragePooling2D(), L.Dense(2, name="conv_head")], name="transfer")
    built.append(("transfer", transfer, ("h5", "keras")))

    mob = K.applications.MobileNetV2(input_shape=(32, 32, 3), alpha=0.35, weights=None, classes=5)
    built.append(("mobilenet", mob, ("h5", "keras")))

    if lib == "k2":  # Rescaling, Normalization (Keras 2 keeps a count), squeeze-excite Multiply
        eff = K.applications.EfficientNetB0(input_shape=(32, 32, 3), weights=None, classes=3)
        built.append(("efficientnet", eff, ("h5",)))

    # Hostile: a Lambda whose function would write a marker file, and raw tf calls.
    inp = K.Input((4,), name="x")
    h = L.Dense(4, name="d1")(inp)
    h = L.Lambda(lambda v, p=marker: (open(p, "w").write("ran"), v)[1], name="evil")(h)
    if lib == "k2":
        import tensorflow as tf

        h = tf.nn.relu(h * 2.0)  # TFOpLambda layers
    out = L.Dense(2, name="d2")(h)
    built.append(("hostile", K.Model(inp, out, name="hostile"), ("h5", "keras")))
    return built


def main(lib: str, out: str) -> None:
    os.makedirs(out, exist_ok=True)
    marker = os.path.join(out, MARKER_NAME)
    if lib == "k2":
        import tf_keras as K
    else:
        import keras as K
    rng = np.random.default_rng(0)
    manifest = {}
    refs = {}
    for mid, model, formats in models(K, lib, marker):
        _randomize(model, rng)
        xs = _inputs(model, rng)
        preds = model.predict(xs if len(xs) > 1 else xs[0], verbose=0)
        if not isinstance(preds, (list, tuple)):
            preds = [preds]
        key = f"{lib}_{mid}"
        for i, x in enumerate(xs):
            refs[f"{key}/in{i}"] = x
        for i, p in enumerate(preds):
            refs[f"{key}/out{i}"] = np.asarray(p)
        files = {}
        for fmt in formats:
            path = os.path.join(out, f"{key}.{fmt}")
            model.save(path)
            files[fmt] = path
        manifest[key] = {
            "files": files,
            "n_in": len(xs),
            "n_out": len(preds),
            "params": int(model.count_params()),
            "trainable": int(sum(int(np.prod(w.shape)) for w in model.trainable_weights)),
            "layers": len(model.layers),
        }
        if mid == "mlp":  # weights only, no architecture
            wpath = os.path.join(out, f"{lib}_mlp_weights" + (".h5" if lib == "k2" else ".weights.h5"))
            model.save_weights(wpath)
            manifest[f"_{lib}_weights_only"] = wpath
    # The Lambda ran while the models were built; the tests check it never runs again.
    manifest["_marker_written_at_build"] = os.path.exists(marker)
    if os.path.exists(marker):
        os.remove(marker)
    if lib == "k2":
        for mid in ("qa", "rnn_zoo", "nested"):
            manifest[f"tf213_{mid}"] = dict(manifest[f"k2_{mid}"])
            path = os.path.join(out, f"tf213_{mid}.keras")
            _as_tf213(manifest[f"k2_{mid}"]["files"]["keras"], path)
            manifest[f"tf213_{mid}"]["files"] = {"keras": path}
            manifest[f"tf213_{mid}"]["refs"] = f"k2_{mid}"
    with open(os.path.join(out, f"{lib}_manifest.json"), "w") as fh:
        json.dump(manifest, fh, indent=1)
    np.savez(os.path.join(out, f"{lib}_refs.npz"), **refs)


def _as_tf213(src: str, dst: str) -> None:
    """A .keras file as TensorFlow 2.13-2.15 wrote it: module paths of the
    old ``keras.src.engine`` package and weights under
    ``_layer_checkpoint_dependencies``."""
    import h5py

    tmp = dst + ".weights.h5"
    with zipfile.ZipFile(src) as zin:
        config = zin.read("config.json").decode().replace("tf_keras.src.engine", "keras.src.engine")
        with open(tmp, "wb") as fh:
            fh.write(zin.read("model.weights.h5"))
    with h5py.File(tmp, "r+") as f:
        f.move("layers", "_layer_checkpoint_dependencies")
    with zipfile.ZipFile(dst, "w") as zout:
        zout.writestr("metadata.json", json.dumps({"keras_version": "2.13.1", "date_saved": "2023-08-01@10:00:00"}))
        zout.writestr("config.json", config)
        zout.write(tmp, "model.weights.h5")
    os.remove(tmp)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
