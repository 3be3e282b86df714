"""The data sets kbuilder knows by name: what each one is, where it comes
from (scikit-learn's bundled sets, or Keras's loaders), its kind, task,
classes and columns.  Plain data, no numpy: the training settings
(:mod:`kbuilder.training.config`) and the loaders
(:mod:`kbuilder.training.datasets`) both read it."""

from __future__ import annotations

from dataclasses import dataclass

from kbuilder.core.i18n import QT_TRANSLATE_NOOP, translate


@dataclass(frozen=True)
class DatasetInfo:
    name: str
    title: str
    source: str  # sklearn | keras
    kind: str  # image | tabular | sequence
    task: str  # classification | regression
    n_classes: int  # 0 for regression
    sample_shape: tuple[int, ...] | None
    description: str
    # Keras: files in the cache folder, and where they come from.
    files: tuple[str, ...] = ()
    origin: str = ""
    image_max: float = 0.0  # what "scale to 0-1" divides images by
    class_names: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()  # tabular: the name of each input number (sklearn's come from sklearn)
    vocabulary: str = ""  # sequence: the word index file Keras keeps beside the data (word -> number)


_KB = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/"
_CIFAR100 = tuple(
    "apple aquarium_fish baby bear beaver bed bee beetle bicycle bottle bowl boy bridge bus butterfly camel can "
    "castle caterpillar cattle chair chimpanzee clock cloud cockroach couch crab crocodile cup dinosaur dolphin "
    "elephant flatfish forest fox girl hamster house kangaroo keyboard lamp lawn_mower leopard lion lizard lobster "
    "man maple_tree motorcycle mountain mouse mushroom oak_tree orange orchid otter palm_tree pear pickup_truck "
    "pine_tree plain plate poppy porcupine possum rabbit raccoon ray road rocket rose sea seal shark shrew skunk "
    "skyscraper snail snake spider squirrel streetcar sunflower sweet_pepper table tank telephone television tiger "
    "tractor train trout tulip turtle wardrobe whale willow_tree wolf woman worm".split())
# keras.datasets.reuters.get_label_names(), in the labels' order.
_REUTERS = tuple(
    "cocoa grain veg-oil earn acq wheat copper housing money-supply coffee sugar trade reserves ship cotton carcass "
    "crude nat-gas cpi money-fx interest gnp meal-feed alum oilseed gold tin strategic-metal livestock retail ipi "
    "iron-steel rubber heat jobs lei bop zinc orange pet-chem dlr gas silver wpi hog lead".split())
_FASHION = ("train-labels-idx1-ubyte.gz", "train-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz")

DATASETS: dict[str, DatasetInfo] = {
    d.name: d
    for d in [
        DatasetInfo("digits", QT_TRANSLATE_NOOP("training.dataset_table", "Digits (8×8 images)"), "sklearn", "image", "classification", 10, (8, 8),
                    QT_TRANSLATE_NOOP("training.dataset_table", "1,797 handwritten digits 0-9 as 8×8 grey images (values 0-16). Bundled: no download."),
                    image_max=16.0, class_names=tuple("0123456789")),
        DatasetInfo("iris", QT_TRANSLATE_NOOP("training.dataset_table", "Iris flowers"), "sklearn", "tabular", "classification", 3, (4,),
                    QT_TRANSLATE_NOOP("training.dataset_table", "150 flowers, 4 measurements, 3 species. Bundled: no download."),
                    class_names=("setosa", "versicolor", "virginica")),
        DatasetInfo("wine", QT_TRANSLATE_NOOP("training.dataset_table", "Wine"), "sklearn", "tabular", "classification", 3, (13,),
                    QT_TRANSLATE_NOOP("training.dataset_table", "178 wines, 13 chemical measurements, 3 cultivars. Bundled: no download."),
                    class_names=("class_0", "class_1", "class_2")),
        DatasetInfo("breast_cancer", QT_TRANSLATE_NOOP("training.dataset_table", "Breast cancer"), "sklearn", "tabular", "classification", 2, (30,),
                    QT_TRANSLATE_NOOP("training.dataset_table", "569 tumours, 30 measurements, malignant or benign. Bundled: no download."),
                    class_names=("malignant", "benign")),
        DatasetInfo("diabetes", QT_TRANSLATE_NOOP("training.dataset_table", "Diabetes progression"), "sklearn", "tabular", "regression", 0, (10,),
                    QT_TRANSLATE_NOOP("training.dataset_table", "442 patients, 10 measurements, disease progression after a year (a number). Bundled.")),
        DatasetInfo("mnist", QT_TRANSLATE_NOOP("training.dataset_table", "MNIST digits"), "keras", "image", "classification", 10, (28, 28),
                    QT_TRANSLATE_NOOP("training.dataset_table", "70,000 handwritten digits, 28×28 grey. Downloaded once by Keras (11 MB)."),
                    files=("mnist.npz",), origin=_KB + "mnist.npz", image_max=255.0, class_names=tuple("0123456789")),
        DatasetInfo("fashion_mnist", QT_TRANSLATE_NOOP("training.dataset_table", "Fashion-MNIST"), "keras", "image", "classification", 10, (28, 28),
                    QT_TRANSLATE_NOOP("training.dataset_table", "70,000 clothes pictures in 10 kinds, 28×28 grey. Downloaded once by Keras (30 MB)."),
                    files=tuple("fashion-mnist/" + f for f in _FASHION), origin=_KB + "fashion-mnist/",
                    image_max=255.0,
                    class_names=("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
                                 "Sneaker", "Bag", "Ankle boot")),
        DatasetInfo("cifar10", QT_TRANSLATE_NOOP("training.dataset_table", "CIFAR-10"), "keras", "image", "classification", 10, (32, 32, 3),
                    QT_TRANSLATE_NOOP("training.dataset_table", "60,000 colour pictures 32×32 in 10 classes. Downloaded once by Keras (170 MB)."),
                    files=("cifar-10-batches-py-target_archive",), origin="https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz",
                    image_max=255.0,
                    class_names=("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck")),
        DatasetInfo("cifar100", QT_TRANSLATE_NOOP("training.dataset_table", "CIFAR-100"), "keras", "image", "classification", 100, (32, 32, 3),
                    QT_TRANSLATE_NOOP("training.dataset_table", "60,000 colour pictures 32×32 in 100 classes. Downloaded once by Keras (170 MB)."),
                    files=("cifar-100-python-target_archive",), origin="https://www.cs.toronto.edu/~kriz/cifar-100-python.tar.gz",
                    image_max=255.0, class_names=_CIFAR100),
        DatasetInfo("imdb", QT_TRANSLATE_NOOP("training.dataset_table", "IMDB reviews"), "keras", "sequence", "classification", 2, None,
                    QT_TRANSLATE_NOOP("training.dataset_table", "50,000 film reviews as word numbers, positive or negative. Downloaded once by Keras (17 MB)."),
                    files=("imdb.npz",), origin=_KB + "imdb.npz", class_names=("negative", "positive"),
                    vocabulary="imdb_word_index.json"),
        DatasetInfo("reuters", QT_TRANSLATE_NOOP("training.dataset_table", "Reuters newswires"), "keras", "sequence", "classification", 46, None,
                    QT_TRANSLATE_NOOP("training.dataset_table", "11,228 news stories as word numbers in 46 topics. Downloaded once by Keras (2 MB)."),
                    files=("reuters.npz",), origin=_KB + "reuters.npz", class_names=_REUTERS,
                    vocabulary="reuters_word_index.json"),
        DatasetInfo("boston_housing", QT_TRANSLATE_NOOP("training.dataset_table", "Boston housing"), "keras", "tabular", "regression", 0, (13,),
                    QT_TRANSLATE_NOOP("training.dataset_table", "506 districts, 13 measurements, median house price. Downloaded once by Keras (57 kB)."),
                    files=("boston_housing.npz",), origin=_KB + "boston_housing.npz",
                    columns=("CRIM", "ZN", "INDUS", "CHAS", "NOX", "RM", "AGE", "DIS", "RAD", "TAX", "PTRATIO",
                             "B", "LSTAT")),
        DatasetInfo("california_housing", QT_TRANSLATE_NOOP("training.dataset_table", "California housing"), "keras", "tabular", "regression", 0, (8,),
                    QT_TRANSLATE_NOOP("training.dataset_table", "20,640 districts, 8 measurements, median house value. Downloaded once by Keras."),
                    files=("california_housing.npz",), origin=_KB + "california_housing.npz",
                    columns=("MedInc", "HouseAge", "AveRooms", "AveBedrms", "Population", "AveOccup", "Latitude",
                             "Longitude")),
    ]
}


def list_datasets() -> list[DatasetInfo]:
    return list(DATASETS.values())


def dataset_source(name: str) -> str:
    """"sklearn" or "keras" for a known data set name, else "keras" (the
    loader then says the name is unknown)."""
    info = DATASETS.get(name)
    return info.source if info else "keras"


def dataset_title(info: DatasetInfo) -> str:
    """The data set's title in the user's language (``info.title`` stays English)."""
    return translate("training.dataset_table", info.title)


def dataset_description(info: DatasetInfo) -> str:
    """The data set's description in the user's language."""
    return translate("training.dataset_table", info.description)
