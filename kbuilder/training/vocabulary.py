"""Words to the numbers a text data set uses (IMDB, Reuters).

Keras numbers the words of its text data sets by frequency in a word
index (``imdb_word_index.json``: ``{"the": 1, "and": 2, ...}``) kept in
its data set cache, and ``load_data`` shifts them: 1 starts a review, 2
stands for a word outside the vocabulary (or past ``num_words``), a word's
number is its index + 3.  :func:`encode_text` does the same to the user's
own text, so the model sees it as it saw the training data.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from kbuilder.core.i18n import translate
from kbuilder.keras_io.file_guard import MiB, ReadError, read_regular

START, OOV, INDEX_FROM = 1, 2, 3  # keras.datasets.imdb/reuters.load_data's defaults
MAX_WORD_INDEX_BYTES = 32 * MiB  # IMDB's is 1.6 MB
ORIGIN = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/"
_WORDS = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")


class VocabularyError(Exception):
    """The word index cannot be had; one sentence for the user."""


def word_index_path(file_name: str) -> Path:
    from kbuilder.training.datasets import keras_cache_dir

    return keras_cache_dir() / file_name


def load_word_index(file_name: str) -> dict[str, int]:
    """The word index ``file_name`` from Keras's data set cache, downloaded
    there first (by Keras) when it is missing.  Read with a size limit and
    checked to be a table of words to whole numbers."""
    path = word_index_path(file_name)
    if not path.is_file():
        _download(file_name, path)
    try:
        data = read_regular(path, MAX_WORD_INDEX_BYTES)
    except ReadError as exc:
        raise VocabularyError(str(exc)) from None
    try:
        table = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError):
        raise VocabularyError(
            translate("training.vocabulary", "{file} is damaged: it is not a JSON table of words.").format(
                file=path.name
            )
        ) from None
    if not isinstance(table, dict) or not all(
        isinstance(w, str) and isinstance(i, int) and not isinstance(i, bool) and i > 0 for w, i in table.items()
    ):
        raise VocabularyError(
            translate("training.vocabulary", "{file} is damaged: it is not a table of words to whole numbers.").format(
                file=path.name
            )
        )
    return table


def _download(file_name: str, path: Path) -> None:
    from kbuilder.layers.backend import keras

    try:
        keras().utils.get_file(
            file_name, origin=ORIGIN + file_name, cache_dir=str(path.parent.parent), cache_subdir=path.parent.name
        )
    except Exception as exc:  # noqa: BLE001 - offline, mostly
        raise VocabularyError(
            translate(
                "training.vocabulary",
                "The word list {file} is not on this computer and could not be downloaded ({error}): "
                "download {url} and put it in {path}.",
            ).format(file=file_name, error=type(exc).__name__, url=ORIGIN + file_name, path=path)
        ) from None


def words(text: str) -> list[str]:
    """The words of ``text`` as the data sets spell them: lower case, no punctuation."""
    return _WORDS.findall(text.lower().replace("\u2019", "'"))


def encode_text(text: str, word_index: dict[str, int], num_words: int | None = None) -> list[int]:
    """``text`` as the word numbers ``load_data(num_words=...)`` gives: the
    start mark, then each word's index + 3, or 2 for a word it does not
    know (or one past ``num_words``)."""
    out = [START]
    for w in words(text):
        i = word_index.get(w)
        if i is None and "'" in w:
            i = word_index.get(w.replace("'", ""))
        n = i + INDEX_FROM if i is not None else OOV
        out.append(OOV if num_words and n >= num_words else n)
    return out
