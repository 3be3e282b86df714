"""kbuilder: build Keras models by drawing them."""

__version__ = "0.1.0"
