"""The Experiments mode: the hyperparameter search over the settings marked
"try several", its trials and their curves, and the training runs compared."""
