"""Every template opens, checks clean and gives Keras's own parameter total
(the figure the book's model.summary() printed)."""

import pytest

from kbuilder.project import templates

ALL = templates.list_templates()


def test_the_gallery_has_every_seed_model():
    slugs = {t.slug for t in ALL}
    assert {
        "digits_classifier", "mnist_mlp", "imdb_dense", "imdb_embedding", "functional_mlp",
        "question_answering", "age_income_gender", "inception_module", "siamese_lstm",
        "separable_convnet", "wide_and_deep", "conv_autoencoder", "ticket_router",
    } <= slugs
    assert ALL[0].slug == templates.DEFAULT_TEMPLATE
    assert all(t.title and t.description for t in ALL)


BOOK_TOTALS = {
    "mnist_mlp": 328_810,
    "imdb_dense": 160_305,
    "imdb_embedding": 80_161,
    "functional_mlp": 3_466,
    "question_answering": 1_337_332,
    "age_income_gender": 14_146_316,
    "inception_module": 447_872,
    "siamese_lstm": 20_673,
    "separable_convnet": 38_949,
}


@pytest.mark.slow
@pytest.mark.parametrize("info", ALL, ids=lambda t: t.slug)
def test_template_checks_clean_and_matches_keras(info):
    from kbuilder.keras_io.build import build_model
    from kbuilder.keras_io.check import check_graph
    from kbuilder.keras_io.summary import summarize

    graph = templates.load_template(info.slug).graph
    errors = [i.message for i in check_graph(graph) if i.severity == "error"]
    assert errors == []
    summary = summarize(graph)
    model = build_model(graph)
    assert summary["total_params"] == model.count_params()
    if info.slug in BOOK_TOTALS:
        assert summary["total_params"] == BOOK_TOTALS[info.slug]
    if info.expected_params is not None:
        assert summary["total_params"] == info.expected_params
    assert [t.name for t in model.inputs] == [n.name for n in graph.inputs()]
    assert [layer.name for layer in model.layers if layer.name in {n.name for n in graph.outputs()}]
