"""The Inspector: the selected layer's card, parameters, name, output flag and sharing.

* :mod:`.panel`: ``InspectorPanel``, its state, public API and graph events;
* :mod:`.building`: the widgets built for one node (header, layer box, settings forms);
* :mod:`.editing`: the user's edits as undoable commands, and the sync back from the graph;
* :mod:`.card`: the layer card (what it does, when to use it, shapes in words, Keras's documentation);
* :mod:`.editors`: one editor widget per parameter kind; :mod:`.value_text`: how values read and parse;
* :mod:`.layer_editor`: a wrapper's inner layer (Bidirectional's LSTM): its class and its own settings;
* :mod:`.widgets`: small widgets (foldable section, field with its error line, wrapping text, spin boxes).
"""
