"""Write the template gallery (resources/templates/*.kbproj).

The templates are the models learners meet in "Deep Learning with Python"
and "Hands-On Machine Learning".  They are drawn here with the graph API,
laid out by kbuilder's own layered layout, and saved as ordinary project
files; run ``python tools/make_templates.py`` after changing one.
``expected_params`` is set only where the book printed Keras's
``model.summary()`` total; the test suite checks Keras still agrees.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kbuilder.core.graph import Graph  # noqa: E402
from kbuilder.core.i18n import QT_TRANSLATE_NOOP  # noqa: E402
from kbuilder.core.layout import layered_layout  # noqa: E402
from kbuilder.project.kbproj import Project, save  # noqa: E402

OUT = ROOT / "resources" / "templates"
TEMPLATES: list[tuple[str, str, str, int | None, dict, callable]] = []


def template(slug: str, title: str, description: str, expected: int | None = None, training: dict | None = None):
    def deco(fn):
        TEMPLATES.append((slug, title, description, expected, training or {}, fn))
        return fn

    return deco


@template(
    "digits_classifier",
    QT_TRANSLATE_NOOP("templates", "Digits classifier (ready to train)"),
    QT_TRANSLATE_NOOP("templates", "An 8x8 handwritten-digit classifier that trains offline on scikit-learn's digits data set."),
    training={"dataset": "digits", "epochs": 10, "batch_size": 32, "validation_split": 0.2},
)
def digits(g: Graph) -> None:
    x = g.add_input((8, 8), name="digit_image")
    x = g.add("Flatten", inputs=[x])
    x = g.add("Dense", inputs=[x], units=64, activation="relu")
    x = g.add("Dropout", inputs=[x], rate=0.2)
    g.add("Dense", name="digit", inputs=[x], units=10, activation="softmax")


@template("mnist_mlp", QT_TRANSLATE_NOOP("templates", "MNIST / Fashion-MNIST MLP"), QT_TRANSLATE_NOOP("templates", "Flatten a 28x28 image, two Dense(300) layers, ten classes."), 328_810,
          training={"dataset": "fashion_mnist", "epochs": 10})
def mnist_mlp(g: Graph) -> None:
    x = g.add_input((28, 28), name="image")
    x = g.add("Flatten", inputs=[x])
    x = g.add("Dense", inputs=[x], units=300, activation="relu")
    x = g.add("Dense", inputs=[x], units=300, activation="relu")
    g.add("Dense", inputs=[x], units=10, activation="softmax")


@template("imdb_dense", QT_TRANSLATE_NOOP("templates", "IMDB reviews, multi-hot"), QT_TRANSLATE_NOOP("templates", "Two Dense(16) layers on 10,000 multi-hot word features."), 160_305)
def imdb_dense(g: Graph) -> None:
    x = g.add_input((10000,), name="review")
    x = g.add("Dense", inputs=[x], units=16, activation="relu")
    x = g.add("Dense", inputs=[x], units=16, activation="relu")
    g.add("Dense", inputs=[x], units=1, activation="sigmoid")


@template("imdb_embedding", QT_TRANSLATE_NOOP("templates", "IMDB reviews, word embedding"), QT_TRANSLATE_NOOP("templates", "Embedding(10000, 8) over 20 words, flattened, one sigmoid unit."), 80_161)
def imdb_embedding(g: Graph) -> None:
    x = g.add_input((20,), name="words", dtype="int32")
    x = g.add("Embedding", inputs=[x], input_dim=10000, output_dim=8)
    x = g.add("Flatten", inputs=[x])
    g.add("Dense", inputs=[x], units=1, activation="sigmoid")


@template("functional_mlp", QT_TRANSLATE_NOOP("templates", "Functional API MLP"), QT_TRANSLATE_NOOP("templates", "Input(64), two Dense(32), softmax over 10 classes."), 3_466)
def functional_mlp(g: Graph) -> None:
    x = g.add_input((64,), name="features")
    x = g.add("Dense", inputs=[x], units=32, activation="relu")
    x = g.add("Dense", inputs=[x], units=32, activation="relu")
    g.add("Dense", inputs=[x], units=10, activation="softmax")


@template("question_answering", QT_TRANSLATE_NOOP("templates", "Question answering (two inputs)"),
          QT_TRANSLATE_NOOP("templates", "A text and a question, each embedded and read by an LSTM, concatenated into a 500-word answer."), 1_337_332)
def question_answering(g: Graph) -> None:
    text = g.add_input((None,), name="text", dtype="int32")
    t = g.add("Embedding", inputs=[text], input_dim=10000, output_dim=64)
    t = g.add("LSTM", inputs=[t], units=32)
    question = g.add_input((None,), name="question", dtype="int32")
    q = g.add("Embedding", inputs=[question], input_dim=10000, output_dim=64)
    q = g.add("LSTM", inputs=[q], units=32)
    c = g.add("Concatenate", inputs=[t, q], axis=-1)
    g.add("Dense", name="answer", inputs=[c], units=500, activation="softmax")


@template("age_income_gender", QT_TRANSLATE_NOOP("templates", "Age, income and gender (three outputs)"),
          QT_TRANSLATE_NOOP("templates", "Social-media posts through a 1D convnet into three heads, each with its own loss and weight."), 14_146_316,
          training={"losses": {"age": "mse", "income": "categorical_crossentropy", "gender": "binary_crossentropy"},
                    "loss_weights": {"age": 0.25, "income": 1.0, "gender": 10.0}})
def age_income_gender(g: Graph) -> None:
    x = g.add_input((None,), name="posts", dtype="int32")
    x = g.add("Embedding", inputs=[x], input_dim=50000, output_dim=256)
    x = g.add("Conv1D", inputs=[x], filters=128, kernel_size=5, activation="relu")
    x = g.add("MaxPooling1D", inputs=[x], pool_size=5)
    x = g.add("Conv1D", inputs=[x], filters=256, kernel_size=5, activation="relu")
    x = g.add("Conv1D", inputs=[x], filters=256, kernel_size=5, activation="relu")
    x = g.add("MaxPooling1D", inputs=[x], pool_size=5)
    x = g.add("Conv1D", inputs=[x], filters=256, kernel_size=5, activation="relu")
    x = g.add("Conv1D", inputs=[x], filters=256, kernel_size=5, activation="relu")
    x = g.add("GlobalMaxPooling1D", inputs=[x])
    x = g.add("Dense", inputs=[x], units=128, activation="relu")
    g.add("Dense", name="age", inputs=[x], units=1)
    g.add("Dense", name="income", inputs=[x], units=10, activation="softmax")
    g.add("Dense", name="gender", inputs=[x], units=1, activation="sigmoid")


@template("inception_module", QT_TRANSLATE_NOOP("templates", "Inception module"), QT_TRANSLATE_NOOP("templates", "Four branches over a 224x224 RGB image, concatenated."), 447_872)
def inception(g: Graph) -> None:
    x = g.add_input((224, 224, 3), name="image")
    a = g.add("Conv2D", name="branch_a", inputs=[x], filters=128, kernel_size=1, strides=2, activation="relu")
    b = g.add("Conv2D", name="branch_b_1x1", inputs=[x], filters=128, kernel_size=1, activation="relu")
    b = g.add("Conv2D", name="branch_b_3x3", inputs=[b], filters=128, kernel_size=3, strides=2, padding="same", activation="relu")
    c = g.add("AveragePooling2D", name="branch_c_pool", inputs=[x], pool_size=3, strides=2, padding="same")
    c = g.add("Conv2D", name="branch_c_3x3", inputs=[c], filters=128, kernel_size=3, padding="same", activation="relu")
    d = g.add("Conv2D", name="branch_d_1x1", inputs=[x], filters=128, kernel_size=1, activation="relu")
    d = g.add("Conv2D", name="branch_d_3x3", inputs=[d], filters=128, kernel_size=3, padding="same", activation="relu")
    d = g.add("Conv2D", name="branch_d_3x3_s2", inputs=[d], filters=128, kernel_size=3, strides=2, padding="same", activation="relu")
    g.add("Concatenate", name="inception_output", inputs=[a, b, c, d], axis=-1)


@template("siamese_lstm", QT_TRANSLATE_NOOP("templates", "Siamese LSTM (shared layer)"),
          QT_TRANSLATE_NOOP("templates", "One LSTM, and its weights, read two sentences; the two encodings decide if they mean the same."), 20_673)
def siamese(g: Graph) -> None:
    left = g.add_input((None, 128), name="left_sentence")
    right = g.add_input((None, 128), name="right_sentence")
    lstm = g.add("LSTM", name="shared_lstm", inputs=[left], units=32)
    twin = g.share(lstm, inputs=[right], name="shared_lstm_right")
    c = g.add("Concatenate", inputs=[lstm, twin], axis=-1)
    g.add("Dense", name="same_meaning", inputs=[c], units=1, activation="sigmoid")


@template("separable_convnet", QT_TRANSLATE_NOOP("templates", "Depthwise separable convnet"),
          QT_TRANSLATE_NOOP("templates", "SeparableConv2D blocks on a 64x64 RGB image into 10 classes."), 38_949)
def separable(g: Graph) -> None:
    x = g.add_input((64, 64, 3), name="image")
    for filters, pool in ((32, False), (64, True), (64, False), (128, True), (64, False), (128, False)):
        x = g.add("SeparableConv2D", inputs=[x], filters=filters, kernel_size=3, activation="relu")
        if pool:
            x = g.add("MaxPooling2D", inputs=[x], pool_size=2)
    x = g.add("GlobalAveragePooling2D", inputs=[x])
    x = g.add("Dense", inputs=[x], units=32, activation="relu")
    g.add("Dense", inputs=[x], units=10, activation="softmax")


@template("wide_and_deep", QT_TRANSLATE_NOOP("templates", "Wide & deep with an auxiliary output"),
          QT_TRANSLATE_NOOP("templates", "Five wide features skip past a deep path over six; an auxiliary head checks the deep path alone."),
          training={"losses": {"main_output": "mse", "aux_output": "mse"},
                    "loss_weights": {"main_output": 0.9, "aux_output": 0.1}})
def wide_deep(g: Graph) -> None:
    wide = g.add_input((5,), name="wide_input")
    deep = g.add_input((6,), name="deep_input")
    h1 = g.add("Dense", name="hidden1", inputs=[deep], units=30, activation="relu")
    h2 = g.add("Dense", name="hidden2", inputs=[h1], units=30, activation="relu")
    c = g.add("Concatenate", inputs=[wide, h2])
    g.add("Dense", name="main_output", inputs=[c], units=1)
    g.add("Dense", name="aux_output", inputs=[h2], units=1)


@template("conv_autoencoder", QT_TRANSLATE_NOOP("templates", "Convolutional autoencoder"),
          QT_TRANSLATE_NOOP("templates", "Encode a 32x32 RGB image with Conv2D and pooling, decode it with UpSampling2D."),
          training={"dataset": "cifar10", "target": "input"})
def autoencoder(g: Graph) -> None:
    x = g.add_input((32, 32, 3), name="image")
    x = g.add("Conv2D", name="encoder_conv1", inputs=[x], filters=32, kernel_size=[3, 3], activation="relu", padding="same")
    x = g.add("MaxPooling2D", name="encoder_pool", inputs=[x], pool_size=[2, 2], padding="same")
    x = g.add("Conv2D", name="encoder_conv2", inputs=[x], filters=32, kernel_size=[3, 3], activation="relu", padding="same")
    x = g.add("UpSampling2D", name="decoder_upsample", inputs=[x], size=[2, 2])
    g.add("Conv2D", name="reconstruction", inputs=[x], filters=3, kernel_size=[3, 3], activation="sigmoid", padding="same")


@template("ticket_router", QT_TRANSLATE_NOOP("templates", "Customer ticket router"),
          QT_TRANSLATE_NOOP("templates", "Title, body and tags of a support ticket into its priority and the department that should handle it."),
          training={"losses": {"priority": "mean_squared_error", "department": "categorical_crossentropy"}})
def ticket_router(g: Graph) -> None:
    title = g.add_input((10000,), name="title")
    body = g.add_input((10000,), name="text_body")
    tags = g.add_input((100,), name="tags")
    f = g.add("Concatenate", name="features", inputs=[title, body, tags])
    f = g.add("Dense", name="hidden", inputs=[f], units=64, activation="relu")
    g.add("Dense", name="priority", inputs=[f], units=1, activation="sigmoid")
    g.add("Dense", name="department", inputs=[f], units=4, activation="softmax")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for slug, title, description, expected, training, fn in TEMPLATES:
        g = Graph(name=slug)
        fn(g)
        layered_layout(g)
        settings = {"template": {"title": title}, "training": training}
        if expected is not None:
            settings["template"]["expected_params"] = expected
        save(Project(graph=g, settings=settings, description=description), OUT / f"{slug}.kbproj")
        print(f"wrote {slug}.kbproj ({len(g)} layers)")


if __name__ == "__main__":
    main()
