"""Layer cards (kbuilder.layers.cards): every layer of the common set has
one, every sentence is a whole literal handed to translate(), and shapes read
right in words.  No Qt; the catalog test reads Keras's class names."""

from __future__ import annotations

import ast
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest

from kbuilder.core import i18n
from kbuilder.layers import cards, overrides, shape_words
from kbuilder.layers.cards import card, card_classes, describe_shape, shape_lines

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [Path(cards.__file__), Path(shape_words.__file__)]

# The palette's common list, and the other layers the books reach for early.
COMMON = set(overrides.BEGINNER) | {
    "Input", "Dense", "Activation", "Dropout", "Flatten", "Reshape", "Conv1D", "Conv2D", "Conv2DTranspose",
    "MaxPooling1D", "MaxPooling2D", "AveragePooling2D", "GlobalAveragePooling1D", "GlobalAveragePooling2D",
    "GlobalMaxPooling2D", "BatchNormalization", "LayerNormalization", "Embedding", "LSTM", "GRU", "SimpleRNN",
    "Bidirectional", "TimeDistributed", "Concatenate", "Add", "Multiply", "Average", "UpSampling2D",
    "ZeroPadding2D", "RepeatVector", "Rescaling", "Normalization", "MultiHeadAttention", "Attention",
    "TextVectorization", "GaussianNoise", "SpatialDropout1D", "SpatialDropout2D", "Permute", "Cropping2D",
}


def _sentences(text: str) -> int:
    return len([s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s])


# ------------------------------------------------------------------ texts
def test_every_common_layer_has_a_card_with_both_texts():
    missing = COMMON - card_classes()
    assert not missing, f"no card for {sorted(missing)}"
    for name in sorted(COMMON):
        c = card(name)
        assert c.class_name == name
        assert 2 <= _sentences(c.what) <= 3, (name, c.what)
        assert 1 <= _sentences(c.when) <= 2, (name, c.when)
        assert c.what.endswith(".") and c.when.endswith("."), name
        assert name in c.what, f"the card of {name} names it as Keras spells it"


def test_a_class_without_a_card_has_none():
    assert card("Conv3D") is None
    assert card("Lambda") is None
    assert card("NoSuchLayer") is None


def test_card_classes_are_keras_classes(catalog):
    for name in card_classes():
        spec = catalog.get(name)
        assert spec is not None and spec.class_name == name, name


def test_texts_follow_the_installed_language():
    i18n.set_translator(lambda context, text: f"[{context}] {text}")
    try:
        assert card("Dense").what.startswith("[cards] Dense")
        assert shape_lines("Dense", [(None, 4)], (None, 2))[0].startswith("[cards] Takes")
    finally:
        i18n.set_translator(None)
    assert card("Dense").what.startswith("Dense")


# ------------------------------------------------- sentences passed to translate
def _tr_calls(tree: ast.AST) -> list[ast.Call]:
    return [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "translate"]


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for n in ast.walk(tree):
        if isinstance(n, ast.Module | ast.FunctionDef | ast.ClassDef) and n.body:
            first = n.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                ids.add(id(first.value))
    return ids


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_sentences_are_whole_literals_passed_to_tr(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert not [n for n in ast.walk(tree) if isinstance(n, ast.JoinedStr)], "no f-strings: translate() needs literals"
    calls = _tr_calls(tree)
    assert len(calls) > 20
    in_tr = set()
    for call in calls:
        assert len(call.args) == 2 and not call.keywords, ast.unparse(call)
        context, text = call.args
        assert isinstance(context, ast.Constant) and context.value == "cards", ast.unparse(call)
        assert isinstance(text, ast.Constant) and isinstance(text.value, str), ast.unparse(call)
        in_tr.add(id(text))
        # Named fields only: a translation may reorder them.
        for _, field, spec, conv in string.Formatter().parse(text.value):
            if field is not None:
                assert field.isidentifier() and not spec and not conv, (field, text.value)
    # .format() on a translate() text: keyword arguments only.
    for n in ast.walk(tree):
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "format":
            assert not n.args, ast.unparse(n)
    # No sentence outside translate() (docstrings and single words are not shown).
    docs = _docstrings(tree)
    for n in ast.walk(tree):
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in in_tr | docs:
            assert not re.search(r"[A-Za-z]{2,} [A-Za-z]{2,}", n.value), f"untranslated text: {n.value!r}"


def test_cards_import_no_qt_and_no_keras():
    code = (
        "import sys\n"
        "sys.modules['PySide6'] = None\n"
        "import kbuilder.layers.cards as c\n"
        "assert c.card('Dense') is not None\n"
        "assert 'keras' not in sys.modules and 'tensorflow' not in sys.modules\n"
    )
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr


# ------------------------------------------------------------ shape words
def test_conv2d_shapes_in_words():
    assert shape_lines("Conv2D", [(None, 28, 28, 1)], (None, 26, 26, 32)) == [
        "Takes (None, 28, 28, 1): batches of 28×28 pictures with 1 channel.",
        "Gives (None, 26, 26, 32): batches of 32 feature maps of 26×26.",
    ]
    # pooling keeps what the tensor is: feature maps stay maps, pictures stay pictures
    assert describe_shape((None, 13, 13, 32)) == "batches of 32 feature maps of 13×13"
    assert describe_shape((None, 32, 32, 3)) == "batches of 32×32 pictures with 3 channels"
    assert describe_shape((None, None, None, 3)) == "batches of pictures of any size with 3 channels"
    assert describe_shape((None, 26, 26, 1), "maps") == "batches of 1 feature map of 26×26"
    # channels_first: the channels come before height and width
    lines = shape_lines("Conv2D", [(None, 3, 32, 32)], (None, 16, 30, 30), {"data_format": "channels_first"})
    assert lines[0].endswith("batches of 32×32 pictures with 3 channels.")
    assert lines[1].endswith("batches of 16 feature maps of 30×30.")


def test_vectors_sequences_and_tokens():
    assert shape_lines("Dense", [(None, 784)], (None, 10)) == [
        "Takes (None, 784): batches of vectors of 784 numbers.",
        "Gives (None, 10): batches of vectors of 10 numbers.",
    ]
    assert describe_shape((None, 1)) == "batches of single numbers, one per sample"
    assert shape_lines("LSTM", [(None, 100, 64)], (None, 100, 32))[0] == (
        "Takes (None, 100, 64): batches of sequences of 100 steps with 64 numbers per step.")
    assert shape_lines("Embedding", [(None, 200)], (None, 200, 16)) == [
        "Takes (None, 200): batches of 200 token ids each (whole numbers that stand for words).",
        "Gives (None, 200, 16): batches of sequences of 200 steps with 16 numbers per step.",
    ]
    assert describe_shape((None, None, 64)) == "batches of sequences of any length with 64 numbers per step"
    assert describe_shape((None, 28, 28)) == "batches of 28×28 grids of numbers"
    assert describe_shape((None, 4, 5, 6, 7, 8)) == "batches of arrays of 4×5×6×7×8 numbers"
    assert describe_shape((None, None, 5, 6, None)).startswith("batches of arrays of ?×5×6×? numbers, where ?")


def test_inputs_outputs_and_unknowns():
    # an Input takes nothing; it only gives
    assert shape_lines("Input", None, (None, 8, 8)) == ["Gives (None, 8, 8): batches of 8×8 grids of numbers."]
    # a merge names each input
    assert shape_lines("Concatenate", [(None, 4), (None, 6)], (None, 10)) == [
        "Takes (None, 4) at input 1: batches of vectors of 4 numbers.",
        "Takes (None, 6) at input 2: batches of vectors of 6 numbers.",
        "Gives (None, 10): batches of vectors of 10 numbers.",
    ]
    # several outputs, one line each
    assert shape_lines("X", [(None, 3)], [(None, 2), (None, 5)])[1:] == [
        "Gives (None, 2) at output 1: batches of vectors of 2 numbers.",
        "Gives (None, 5) at output 2: batches of vectors of 5 numbers.",
    ]
    assert shape_lines("Flatten", [], None) == [
        "Takes nothing yet: connect a layer to its input.",
        "Gives a shape that is not known yet.",
    ]
    assert "batch size" in cards.batch_note()


def test_an_input_of_whole_numbers_or_text():
    ints = shape_lines("Input", None, (None, None), {"shape": [None], "dtype": "int32"})
    assert ints == ["Gives (None, None): batches of whole numbers (such as token ids), any number per sample."]
    assert shape_lines("Input", None, (None, 80), {"dtype": "int64"})[0].endswith(
        "batches of 80 whole numbers each (such as token ids).")
    assert shape_lines("Input", None, (None, 1), {"dtype": "string"})[0].endswith(
        "batches of texts, one string per sample.")
    assert shape_lines("Input", None, (None, 13), {"dtype": "float32"})[0].endswith("batches of vectors of 13 numbers.")
