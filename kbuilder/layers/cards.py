"""Layer cards: what a layer does and when to use it, in a beginner's words.

The Inspector shows a card at the top for every layer of the common set
(the palette's beginner list, :data:`kbuilder.layers.overrides.BEGINNER`,
and the other layers the books use early): two or three sentences on what
the layer does, one or two on when to use it, its shapes in words
(:mod:`kbuilder.layers.shape_words`) and the Keras documentation, folded.
A class without a card shows the catalog's one-line summary instead.

Every sentence is a whole literal passed to ``translate("cards", ...)`` so that a
translation can find it and reorder it; Keras names (Dense, units, relu)
stay as Keras spells them.  The texts are made when asked (:func:`card`),
so they follow the language installed at that time.  No Qt, no Keras.
"""

from __future__ import annotations

from dataclasses import dataclass

from kbuilder.core.i18n import translate
from kbuilder.layers.shape_words import batch_note, describe_shape, shape_lines

__all__ = ["Card", "card", "card_classes", "shape_lines", "describe_shape", "batch_note"]


@dataclass(frozen=True)
class Card:
    class_name: str
    what: str  # what the layer does: two or three sentences
    when: str  # when to use it: one or two sentences


def card(class_name: str) -> Card | None:
    """The card of ``class_name`` (a Keras class name, or "Input"), or None."""
    texts = _texts().get(class_name)
    return Card(class_name, *texts) if texts is not None else None


def card_classes() -> frozenset[str]:
    """The classes that have a card."""
    return frozenset(_texts())


def _texts() -> dict[str, tuple[str, str]]:
    return {
        # ------------------------------------------------------------ core
        "Input": (
            translate("cards", "Input is where data enters the model. It learns nothing: it says the shape of one sample, "
                        "and Keras puts the batch size (None) in front of it."),
            translate("cards", "Every model starts with one. Give the shape of one sample without the batch: 28, 28, 1 "
                        "for a 28×28 grey picture, 13 for a table row of 13 numbers."),
        ),
        "Dense": (
            translate("cards", "Dense connects every number it receives to each of its units. Each unit multiplies the "
                        "inputs by its own weights, adds a bias and applies the activation, so units is how many "
                        "numbers it gives."),
            translate("cards", "Use it for tables of numbers and as the last layers of most models. The last Dense of a "
                        "classifier has one unit per class with softmax; to predict one number, use 1 unit and "
                        "no activation."),
        ),
        "Activation": (
            translate("cards", "Activation applies a function to every number separately, such as relu (negative numbers "
                        "become 0) or softmax (numbers become probabilities that add up to 1). It learns nothing "
                        "and keeps the shape."),
            translate("cards", "Use it when you want the activation as a step of its own, for example after "
                        "BatchNormalization; most layers can also take an activation setting themselves."),
        ),
        "Flatten": (
            translate("cards", "Flatten lays out everything one sample holds as one long vector. It learns nothing: a "
                        "sample of 5×5×64 numbers becomes a vector of 1600."),
            translate("cards", "After convolution and pooling layers, before Dense: Flatten turns each sample's feature "
                        "maps into the one long vector that Dense expects."),
        ),
        "Reshape": (
            translate("cards", "Reshape arranges the numbers of each sample in a new shape without changing them. The new "
                        "shape must hold exactly as many numbers as the old one; one size may be -1, and Keras "
                        "works it out."),
            translate("cards", "Use it to add a channel axis to pictures (28, 28 becomes 28, 28, 1) or to turn a vector "
                        "back into a grid, as in the decoder of an autoencoder."),
        ),
        "Permute": (
            translate("cards", "Permute puts the axes of each sample in another order, for example dims 2, 1 swaps steps "
                        "and features. The batch axis stays first and is not counted."),
            translate("cards", "Use it when the next layer needs the axes in another order, for example to read the columns "
                        "of a picture as a sequence."),
        ),
        "RepeatVector": (
            translate("cards", "RepeatVector repeats one vector n times, so each sample becomes a sequence of n equal "
                        "steps. It learns nothing."),
            translate("cards", "Use it between an encoder and a decoder in sequence-to-sequence models, to give a "
                        "recurrent decoder the encoder's summary at every step."),
        ),
        # ---------------------------------------------------- convolution
        "Conv1D": (
            translate("cards", "Conv1D slides a short window (kernel_size steps) along a sequence and computes filters "
                        "numbers at each position. Each filter learns one local pattern, such as a shape in a "
                        "signal or a group of words."),
            translate("cards", "Use it for sequences: text after Embedding, sound, sensor readings, time series. It is "
                        "faster than LSTM and often works well before one."),
        ),
        "Conv2D": (
            translate("cards", "Conv2D slides a small window (kernel_size, for example 3×3) over the picture and computes "
                        "one feature map per filter. Each filter learns to find one pattern, such as an edge or a "
                        "texture, wherever it appears. With padding valid the maps lose kernel_size - 1 rows and "
                        "columns (26×26 from 28×28 with 3×3); padding same keeps the size."),
            translate("cards", "The main layer for pictures: stack Conv2D and MaxPooling2D, then Flatten or "
                        "GlobalAveragePooling2D before Dense."),
        ),
        "Conv2DTranspose": (
            translate("cards", "Conv2DTranspose works like Conv2D in reverse: it spreads each position over a window, so "
                        "with strides 2 and padding same the feature maps become twice as wide and high. It learns its weights like a "
                        "convolution."),
            translate("cards", "Use it to make pictures larger again: in the decoder of an autoencoder, in image "
                        "segmentation, or in the generator of a GAN."),
        ),
        "SeparableConv2D": (
            translate("cards", "SeparableConv2D does the work of Conv2D in two cheaper steps: first one small filter per "
                        "channel, then a 1×1 convolution that mixes the channels. It has far fewer weights."),
            translate("cards", "Use it in place of Conv2D in larger image models (as Xception does) when Conv2D makes the "
                        "model too big or too slow."),
        ),
        # -------------------------------------------------------- pooling
        "MaxPooling1D": (
            translate("cards", "MaxPooling1D keeps the largest value of each window of pool_size steps, so the sequence "
                        "gets shorter (half as long with pool_size 2). It learns nothing."),
            translate("cards", "Use it between Conv1D layers to shorten sequences while keeping the strongest signals."),
        ),
        "AveragePooling1D": (
            translate("cards", "AveragePooling1D replaces each window of pool_size steps by its average, so the sequence "
                        "gets shorter. It learns nothing."),
            translate("cards", "Use it between Conv1D layers to shorten sequences smoothly; MaxPooling1D is the more "
                        "common choice."),
        ),
        "MaxPooling2D": (
            translate("cards", "MaxPooling2D keeps the largest value of each pool_size window (2×2 by default) of every "
                        "feature map, so the maps get smaller: half as wide and high with 2×2. It learns nothing."),
            translate("cards", "Use it after one or two Conv2D layers: it cuts the computation and makes the model care "
                        "less about exactly where a pattern is."),
        ),
        "AveragePooling2D": (
            translate("cards", "AveragePooling2D replaces each pool_size window of every feature map by its average, so "
                        "the maps get smaller. It learns nothing."),
            translate("cards", "Use it where MaxPooling2D would go when you want a smoother summary of each region; "
                        "MaxPooling2D is the more common choice."),
        ),
        "GlobalAveragePooling1D": (
            translate("cards", "GlobalAveragePooling1D averages each feature over all the steps of a sequence, so each "
                        "sample becomes one vector. It learns nothing and works for sequences of any length."),
            translate("cards", "After Embedding, Conv1D or attention layers, before Dense: it turns a whole sequence into "
                        "one vector to classify."),
        ),
        "GlobalMaxPooling1D": (
            translate("cards", "GlobalMaxPooling1D keeps the largest value of each feature over all the steps of a "
                        "sequence, so each sample becomes one vector. It learns nothing."),
            translate("cards", "After Conv1D, before Dense, when what matters is whether a pattern appears anywhere in the "
                        "sequence."),
        ),
        "GlobalAveragePooling2D": (
            translate("cards", "GlobalAveragePooling2D averages each feature map into one number, so each sample becomes "
                        "a vector with one number per channel. It learns nothing."),
            translate("cards", "After the last convolution layers, before Dense: it replaces Flatten with far fewer "
                        "weights in the next Dense, and works for pictures of any size."),
        ),
        "GlobalMaxPooling2D": (
            translate("cards", "GlobalMaxPooling2D keeps the largest value of each feature map, so each sample becomes a "
                        "vector with one number per channel. It learns nothing."),
            translate("cards", "After convolution layers, before Dense, when what matters is whether a pattern appears "
                        "anywhere in the picture, not how often."),
        ),
        "UpSampling2D": (
            translate("cards", "UpSampling2D makes feature maps larger by repeating each row and column (size 2 doubles "
                        "the width and height). It learns nothing."),
            translate("cards", "Use it in decoders and segmentation models, often followed by Conv2D; Conv2DTranspose "
                        "does a similar job with weights it learns."),
        ),
        "ZeroPadding2D": (
            translate("cards", "ZeroPadding2D adds rows and columns of zeros around each feature map (padding on each "
                        "side), so the maps get larger. It learns nothing."),
            translate("cards", "Use it to keep a size before a convolution or to make two branches the same size before "
                        "joining them."),
        ),
        "Cropping2D": (
            translate("cards", "Cropping2D cuts rows and columns off the edges of each feature map (cropping on each "
                        "side), so the maps get smaller. It learns nothing."),
            translate("cards", "Use it to remove borders, or to make two branches the same size before joining them, as "
                        "U-Net does."),
        ),
        # -------------------------------------------------- normalization
        "BatchNormalization": (
            translate("cards", "BatchNormalization rescales each feature to an average near 0 and a spread near 1, then "
                        "learns a better scale and offset. In training it measures the current batch; when "
                        "predicting it uses averages kept from training."),
            translate("cards", "Use it in deep networks, often between Conv2D or Dense and their activation: training "
                        "gets faster and more stable."),
        ),
        "LayerNormalization": (
            translate("cards", "LayerNormalization rescales the numbers of each sample on their own (over the last axis) "
                        "to an average near 0 and a spread near 1, then learns a scale and an offset. It does not "
                        "depend on the batch."),
            translate("cards", "Use it in Transformers and recurrent networks, where BatchNormalization works poorly."),
        ),
        # --------------------------------------------------- regularization
        "Dropout": (
            translate("cards", "During training, Dropout sets a random part of its inputs to 0 at every step (rate 0.2 "
                        "drops 20%) and scales the others up to make up for it. When the model predicts, it lets "
                        "everything through."),
            translate("cards", "Use it against overfitting, usually between Dense layers or after pooling; a rate between "
                        "0.2 and 0.5 is a good start."),
        ),
        "SpatialDropout1D": (
            translate("cards", "During training, SpatialDropout1D drops whole features of a sequence instead of single "
                        "numbers: a dropped feature is 0 at every step. When predicting it does nothing."),
            translate("cards", "Use it after Embedding or Conv1D, where neighbouring steps are alike and plain Dropout "
                        "helps little."),
        ),
        "SpatialDropout2D": (
            translate("cards", "During training, SpatialDropout2D drops whole feature maps instead of single pixels: a "
                        "dropped map is 0 everywhere. When predicting it does nothing."),
            translate("cards", "Use it between Conv2D layers against overfitting, where neighbouring pixels are alike and "
                        "plain Dropout helps little."),
        ),
        "GaussianNoise": (
            translate("cards", "During training, GaussianNoise adds random noise (of spread stddev) to every value. When "
                        "predicting it lets the values through unchanged."),
            translate("cards", "Use it against overfitting on small data sets, or to make a model cope with noisy inputs, "
                        "often right after the Input."),
        ),
        # ---------------------------------------------------- activations
        "ReLU": (
            translate("cards", "ReLU turns negative numbers into 0 and keeps positive ones. It learns nothing and keeps "
                        "the shape."),
            translate("cards", "The usual activation between layers; as a layer of its own it is handy after "
                        "BatchNormalization. max_value caps the output (6 gives ReLU6)."),
        ),
        "LeakyReLU": (
            translate("cards", "LeakyReLU keeps positive numbers and multiplies negative ones by a small slope "
                        "(negative_slope), so that a unit never gets stuck at 0. It learns nothing and keeps the shape."),
            translate("cards", "Try it in place of ReLU when many units stop learning, and in GANs."),
        ),
        "Softmax": (
            translate("cards", "Softmax turns the numbers of a vector into probabilities: all positive, adding up to 1, "
                        "the largest number getting the largest share. It learns nothing and keeps the shape."),
            translate("cards", "Use it last in a classifier with one number per class, after a Dense that has no "
                        "activation."),
        ),
        # ------------------------------------------------------- recurrent
        "LSTM": (
            translate("cards", "LSTM reads a sequence step by step and keeps a memory, learning what to remember and what "
                        "to forget. It gives its last output (units numbers), or one output per step with "
                        "return_sequences."),
            translate("cards", "Use it for text, time series and other sequences where the order matters. Turn on "
                        "return_sequences when another recurrent layer follows."),
        ),
        "GRU": (
            translate("cards", "GRU is a recurrent layer like LSTM with a simpler memory, so it has fewer weights and often "
                        "trains faster. It gives its last output (units numbers), or one per step with "
                        "return_sequences."),
            translate("cards", "Try it in place of LSTM for text and time series: it often does as well. Turn on "
                        "return_sequences when another recurrent layer follows."),
        ),
        "SimpleRNN": (
            translate("cards", "SimpleRNN reads a sequence step by step, mixing each step with what it gave for the step "
                        "before. Its memory is short: on long sequences it forgets the beginning."),
            translate("cards", "Use it to learn how recurrent layers work, or for short sequences; LSTM and GRU usually do "
                        "better."),
        ),
        "Bidirectional": (
            translate("cards", "Bidirectional runs a recurrent layer (its layer setting: LSTM, GRU or SimpleRNN) over the "
                        "sequence twice, forwards and backwards. It joins both results: with merge_mode concat it "
                        "gives twice as many numbers."),
            translate("cards", "Use it for text and other sequences that are complete before the model reads them, so that "
                        "each step also sees what follows. Not for predicting the future of a time series."),
        ),
        "TimeDistributed": (
            translate("cards", "TimeDistributed applies its inner layer (its layer setting) to every step of a sequence "
                        "separately, with the same weights for all steps. The output keeps the step axis: one "
                        "result per step."),
            translate("cards", "Use it to run, for example, Conv2D on each frame of a video, or Dense on each step of a "
                        "sequence."),
        ),
        # --------------------------------------------------------- merging
        "Concatenate": (
            translate("cards", "Concatenate puts the outputs of several layers side by side along one axis (the last by "
                        "default). The other sizes must be equal. It learns nothing."),
            translate("cards", "Use it to join branches: two inputs such as a picture and a table, or the parallel paths "
                        "of an Inception module."),
        ),
        "Add": (
            translate("cards", "Add sums the outputs of several layers number by number. They must all have the same "
                        "shape. It learns nothing."),
            translate("cards", "Use it for residual (skip) connections, as in ResNet: add a block's input to its output."),
        ),
        "Subtract": (
            translate("cards", "Subtract takes the second input away from the first, number by number. Both must have the "
                        "same shape. It learns nothing."),
            translate("cards", "Use it to compare two branches, for example the two encodings of a siamese network."),
        ),
        "Multiply": (
            translate("cards", "Multiply multiplies the outputs of several layers number by number. They must all have "
                        "the same shape. It learns nothing."),
            translate("cards", "Use it for gates and masks, where one branch (often with sigmoid) decides how much of "
                        "another to let through."),
        ),
        "Average": (
            translate("cards", "Average takes the number-by-number average of several layers' outputs of the same shape. "
                        "It learns nothing."),
            translate("cards", "Use it to combine the predictions of several branches or models into one (an ensemble)."),
        ),
        "Maximum": (
            translate("cards", "Maximum keeps, number by number, the largest of several layers' outputs of the same "
                        "shape. It learns nothing."),
            translate("cards", "Use it to combine branches when the strongest answer should win."),
        ),
        # -------------------------------------------------------- text, attention
        "Embedding": (
            translate("cards", "Embedding turns each token id (a whole number that stands for a word) into a vector of "
                        "output_dim numbers that it learns. input_dim is the size of the vocabulary: every id must "
                        "be smaller."),
            translate("cards", "The first layer for text coded as numbers, after TextVectorization or with a data set such "
                        "as IMDB; follow it with LSTM, GRU, Conv1D or GlobalAveragePooling1D."),
        ),
        "TextVectorization": (
            translate("cards", "TextVectorization turns raw text into token ids: it splits each text into words and "
                        "replaces each word by its number in a vocabulary. The vocabulary is given in its "
                        "vocabulary setting or learned from the training texts with Keras's adapt()."),
            translate("cards", "Put it right after a text Input (dtype string) and before Embedding, so that the model "
                        "takes plain sentences."),
        ),
        "MultiHeadAttention": (
            translate("cards", "MultiHeadAttention lets every step of one sequence look at every step of another (or the "
                        "same) sequence and take in what matters, with num_heads separate views of key_dim numbers "
                        "each. It is the core of Transformers."),
            translate("cards", "Use it for text and sequences, after Embedding; connect the same layer to both inputs "
                        "(query and value) for self-attention."),
        ),
        "Attention": (
            translate("cards", "Attention scores how well each step of the query (first input) matches each step of the "
                        "value (second input) and gives, for each query step, an average of the values weighted by "
                        "those scores. By default it has no weights."),
            translate("cards", "Use it so that a decoder can look back at the encoder's outputs in sequence-to-sequence "
                        "models; MultiHeadAttention is the more powerful version."),
        ),
        # --------------------------------------------------- preprocessing
        "Rescaling": (
            translate("cards", "Rescaling multiplies every value by scale and adds offset: with scale 1/255 (0.00392), "
                        "pixel values from 0 to 255 become 0 to 1. It learns nothing."),
            translate("cards", "Put it right after a picture Input, so that the saved model takes raw pictures and scales "
                        "them itself."),
        ),
        "Normalization": (
            translate("cards", "Normalization subtracts each feature's mean and divides by its standard deviation, so "
                        "that all features have similar ranges. The mean and variance are given in its settings or "
                        "measured on the training data with Keras's adapt(); with neither, values pass unchanged."),
            translate("cards", "Put it right after the Input of a table of numbers, so that the model takes raw values "
                        "in their own units."),
        ),
        "Resizing": (
            translate("cards", "Resizing scales every picture to height × width, so pictures of any size come out the "
                        "same size. It learns nothing."),
            translate("cards", "Put it after a picture Input when the pictures differ in size, or to make them smaller "
                        "before the convolutions."),
        ),
        "RandomFlip": (
            translate("cards", "During training, RandomFlip mirrors each picture at random (mode: horizontal, vertical or "
                        "both). When predicting it does nothing."),
            translate("cards", "Use it for data augmentation at the start of an image model, when a mirrored picture still "
                        "shows the same class: a cat, but not the digit 2."),
        ),
        "RandomRotation": (
            translate("cards", "During training, RandomRotation turns each picture by a random angle; factor is a part of a "
                        "full turn (0.1 means up to 36 degrees either way). When predicting it does nothing."),
            translate("cards", "Use it for data augmentation when objects can appear tilted; keep factor small for digits "
                        "and letters."),
        ),
        "RandomZoom": (
            translate("cards", "During training, RandomZoom zooms each picture in or out by a random amount (height_factor "
                        "0.2 means up to 20%). When predicting it does nothing."),
            translate("cards", "Use it for data augmentation when objects appear at different sizes."),
        ),
    }
