"""Edits of the canvas selection, each one undoable command: add a layer,
delete, cut, copy, paste, duplicate, select all, auto-layout, reorder a
merge layer's inputs, rename, mark as output; and the context menus."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QInputDialog, QMenu

from kbuilder.core import clipboard
from kbuilder.core import commands as C
from kbuilder.core.graph import Edge, Graph, GraphError, Node, _snake
from kbuilder.layers.allowed import make_placeholders
from kbuilder.ui.editor.node_item import HEIGHT, WIDTH

SPACE = 32.0  # free room kept around a layer put between two others


def make_room(positions: dict[str, tuple[float, float]], x: float,
              y: float) -> tuple[float, dict[str, tuple[float, float]]]:
    """Where a new layer wanted at (``x``, ``y``) goes so that it overlaps no
    other (``positions``: the other layers' top-left corners by id): below
    every layer above it in its column, and the layers from its top down all
    moved down by one step when it would cover one of them.  Returns the new
    layer's y and the moved layers' new positions."""
    def in_column(pos) -> bool:
        return pos[0] < x + WIDTH + SPACE and x < pos[0] + WIDTH + SPACE

    while True:  # clear of the layers that start above it (each pass only goes down)
        low = [p[1] + HEIGHT + SPACE for p in positions.values()
               if p[1] < y < p[1] + HEIGHT + SPACE and in_column(p)]
        if not low:
            break
        y = max(low)
    below = {nid: p for nid, p in positions.items() if p[1] >= y}
    hit = [p[1] for p in below.values() if in_column(p)]
    step = round(max(0.0, y + HEIGHT + SPACE - min(hit))) if hit else 0
    if not step:
        return y, {}
    return y, {nid: (px, py + step) for nid, (px, py) in below.items()}


def free_spot(graph: Graph, x: float, y: float) -> tuple[float, float]:
    """The nearest place at (``x``, ``y``) or to its right, in steps of one
    layer, where a new layer's box overlaps no other (top-left corners)."""
    taken = [n.position for n in graph.nodes]
    step = WIDTH + SPACE
    for i in range(len(taken) + 1):
        px = x + i * step
        if not any(abs(px - qx) < WIDTH + SPACE / 2 and abs(y - qy) < HEIGHT + SPACE / 2 for qx, qy in taken):
            return px, y
    return x, y


class Editor:
    def __init__(self, scene) -> None:
        self.scene = scene
        self._paste_count = 0

    @property
    def graph(self):
        return self.scene.graph

    # --------------------------------------------------------------- adding
    def add_layer(self, class_name: str, center: QPointF | None = None, connect_from: str | None = None) -> str | None:
        """Add a ``class_name`` layer centred on ``center``; connected from
        ``connect_from`` (a node id) when given.  Returns the new node id."""
        g, info = self.graph, self.scene.layer_info
        if center is None:
            center = QPointF(0, 0)
        node = Node(class_name=class_name, name=g.unique_name(_snake(class_name) if class_name != "Input" else "input"),
                    params=info.default_params(class_name),
                    position=(round(center.x() - WIDTH / 2), round(center.y() - HEIGHT / 2)))
        children: list[C.Command] = [C.AddNode(node)]
        if connect_from is not None and connect_from in g and class_name != "Input":
            children.append(C.AddEdge(Edge(src=connect_from, dst=node.id, dst_port=0)))
        cmd = children[0] if len(children) == 1 else C.Compound(children)
        cmd.text = QCoreApplication.translate("Editor", "Add {layer}").format(layer=class_name)
        if not self.scene.execute(cmd):
            return None
        self.scene.select_nodes([node.id])
        self.scene.status_message.emit(QCoreApplication.translate("Editor", "Added {name}").format(name=node.name))
        return node.id

    def drop_layer(self, class_name: str, pos: QPointF) -> str | None:
        """A layer dropped from the palette: onto a connection it is put in
        between (Dense -> [Dropout] -> Dense), elsewhere it is added alone."""
        from kbuilder.ui.editor.edge_item import EdgeItem

        lo, hi = self.scene.layer_info.input_range(class_name)
        if class_name != "Input" and lo <= 1 and (hi is None or hi >= 1):
            for item in self.scene.items(pos):
                if isinstance(item, EdgeItem) and item.edge_id and item.shape().contains(pos):
                    return self._splice(class_name, pos, self.graph.edge(item.edge_id))
        return self.add_layer(class_name, pos)

    def _splice(self, class_name: str, center: QPointF, edge: Edge) -> str | None:
        g, info = self.graph, self.scene.layer_info
        x, y = round(center.x() - WIDTH / 2), round(center.y() - HEIGHT / 2)
        y, moves = make_room({n.id: n.position for n in g.nodes}, x, y)
        node = Node(class_name=class_name, name=g.unique_name(_snake(class_name)),
                    params=info.default_params(class_name), position=(x, y))
        children: list[C.Command] = [C.AddNode(node)]
        if moves:  # the layers below step down: one undo step with the insert
            children.append(C.Move(old={nid: g.node(nid).position for nid in moves}, new=moves))
        children += [
            C.RemoveEdge(edge),
            C.AddEdge(Edge(src=edge.src, dst=node.id, dst_port=0, src_port=edge.src_port)),
            C.AddEdge(Edge(src=node.id, dst=edge.dst, dst_port=edge.dst_port)),
        ]
        text = QCoreApplication.translate("Editor", "Insert {layer}").format(layer=class_name)
        if not self.scene.execute(C.Compound(children, text=text)):
            return None
        self.scene.select_nodes([node.id])
        self.scene.status_message.emit(QCoreApplication.translate("Editor", "Inserted {name} between {src} and {dst}").format(
            name=node.name, src=g.node(edge.src).name, dst=g.node(edge.dst).name))
        return node.id

    def add_below_selection(self, class_name: str, fallback_center: QPointF) -> str | None:
        """Double-click in the palette: put the layer under the one selected
        layer and connect it, or at ``fallback_center``."""
        sel = self.scene.selected_node_ids()
        below = len(sel) == 1 and class_name != "Input"
        if below:
            x, y = self.graph.node(sel[0]).position
            x, y = x, y + HEIGHT + 26
        else:
            x, y = fallback_center.x() - WIDTH / 2, fallback_center.y() - HEIGHT / 2
        x, y = free_spot(self.graph, x, y)  # never on top of another layer
        center = QPointF(x + WIDTH / 2, y + HEIGHT / 2)
        return self.add_layer(class_name, center, connect_from=sel[0] if below else None)

    # ------------------------------------------------------------- removing
    def delete_selection(self) -> bool:
        nodes, edges = self.scene.selected_node_ids(), self.scene.selected_edge_ids()
        if not nodes and not edges:
            return False
        cmd = C.remove_items(self.graph, nodes, edges)
        if not nodes:
            cmd.text = (QCoreApplication.translate("Editor", "Disconnect") if len(edges) == 1
                        else QCoreApplication.translate("Editor", "Delete {n} connections").format(n=len(edges)))
        return self.scene.execute(cmd)

    # ------------------------------------------------------------ clipboard
    def copy(self) -> bool:
        ids = self.scene.selected_node_ids()
        if not ids:
            return False
        # Plain text, not a QMimeData: the clipboard owning a Python-made
        # QMimeData crashes PySide6 when the application exits.
        QGuiApplication.clipboard().setText(clipboard.fragment_text(self.graph, ids))
        self._paste_count = 0
        self.scene.status_message.emit(QCoreApplication.translate("Editor", "Copied 1 layer") if len(ids) == 1
                                       else QCoreApplication.translate("Editor", "Copied {n} layers").format(n=len(ids)))
        return True

    def cut(self) -> bool:
        if not self.copy():
            return False
        nodes = self.scene.selected_node_ids()
        cmd = C.remove_items(self.graph, nodes, [])
        cmd.text = QCoreApplication.translate("Editor", "Cut")
        return self.scene.execute(cmd)

    def paste(self) -> bool:
        """The layers on the clipboard, checked as a file is (sizes, fields)
        and with any layer that would run code turned into a placeholder."""
        try:
            pasted = clipboard.read_fragment(QGuiApplication.clipboard().text())
        except GraphError as exc:
            self.scene.status_message.emit(QCoreApplication.translate("Editor", "Cannot paste: {reason}.").format(reason=exc))
            return False
        if pasted is None or not len(pasted):
            return False
        notes = make_placeholders(pasted)
        self._paste_count += 1
        done = self._paste_data(pasted.to_dict(), 40.0 * self._paste_count, QCoreApplication.translate("Editor", "Paste"))
        if done and notes:
            self.scene.status_message.emit(notes[0])
        return done

    def duplicate(self) -> bool:
        ids = self.scene.selected_node_ids()
        if not ids:
            return False
        return self._paste_data(clipboard.fragment(self.graph, ids), 40.0, QCoreApplication.translate("Editor", "Duplicate"))

    def _paste_data(self, data: dict, offset: float, text: str) -> bool:
        try:
            cmd = clipboard.paste(self.graph, data, offset=(offset, offset))
        except (KeyError, TypeError, ValueError) as exc:
            self.scene.status_message.emit(QCoreApplication.translate("Editor", "Cannot paste: {reason}").format(reason=exc))
            return False
        cmd.text = text
        if not self.scene.execute(cmd):
            return False
        self.scene.select_nodes([c.node.id for c in cmd.children if isinstance(c, C.AddNode)])
        return True

    def select_all(self) -> None:
        for item in list(self.scene.nodes.values()) + list(self.scene.edges.values()):
            item.setSelected(True)

    # --------------------------------------------------------------- layout
    def auto_layout(self) -> bool:
        from kbuilder.core.layout import layered_layout

        if not len(self.graph):
            return False
        copy = self.graph.copy()
        try:
            layered_layout(copy, x_gap=WIDTH + 40, y_gap=HEIGHT + 48)
        except TypeError:  # a layout without spacing arguments
            layered_layout(copy)
        new = {n.id: n.position for n in copy.nodes}
        old = {n.id: n.position for n in self.graph.nodes}
        if new == old:
            self.scene.status_message.emit(QCoreApplication.translate("Editor", "The layout is already tidy"))
            return False
        return self.scene.execute(C.Move(old=old, new=new, text=QCoreApplication.translate("Editor", "Auto layout")))

    # ---------------------------------------------------------------- edits
    def rename(self, node_id: str) -> None:
        node = self.graph.node(node_id)
        name, ok = QInputDialog.getText(None, QCoreApplication.translate("Editor", "Rename layer"), QCoreApplication.translate("Editor", "New name:"),
                                        text=node.name)
        if ok and name.strip() and name.strip() != node.name:
            self.scene.execute(C.Rename(node_id, node.name, name.strip()))

    def rename_selected(self) -> None:
        ids = self.scene.selected_node_ids()
        if len(ids) == 1:
            self.rename(ids[0])

    def toggle_output(self, node_id: str) -> None:
        node = self.graph.node(node_id)
        cmd = C.SetOutput(node_id, not node.is_output)
        cmd.text = QCoreApplication.translate("Editor", "Mark as output") if not node.is_output else QCoreApplication.translate("Editor", "Unmark output")
        self.scene.execute(cmd)

    def move_input(self, node_id: str, port: int, step: int) -> bool:
        """Swap input ``port`` of a merge layer with its neighbour."""
        edges = self.graph.in_edges(node_id)
        order = [e.id for e in edges]
        index = next((i for i, e in enumerate(edges) if e.dst_port == port), None)
        if index is None or not 0 <= index + step < len(order):
            return False
        new = list(order)
        new[index], new[index + step] = new[index + step], new[index]
        return self.scene.execute(C.ReorderInputs(node_id, order, new))

    # ------------------------------------------------------------ menus
    def node_menu(self, item, screen_pos) -> None:
        nid = item.node_id
        node = self.graph.node(nid)
        menu = QMenu()
        menu.addAction(QCoreApplication.translate("Editor", "Rename…"), lambda: self.rename(nid))
        menu.addAction(QCoreApplication.translate("Editor", "Unmark as model output") if node.is_output
                       else QCoreApplication.translate("Editor", "Mark as model output"),
                       lambda: self.toggle_output(nid))
        menu.addSeparator()
        menu.addAction(QCoreApplication.translate("Editor", "Duplicate"), self.duplicate)
        menu.addAction(QCoreApplication.translate("Editor", "Copy"), self.copy)
        menu.addAction(QCoreApplication.translate("Editor", "Cut"), self.cut)
        menu.addAction(QCoreApplication.translate("Editor", "Delete"), self.delete_selection)
        menu.exec(screen_pos)

    def port_menu(self, port, screen_pos) -> None:
        if port.kind != "in" or not port.connected:
            return
        nid, n = port.node_id, len(self.graph.in_edges(port.node_id))
        edge = next(e for e in self.graph.in_edges(nid) if e.dst_port == port.index)
        menu = QMenu()
        earlier = menu.addAction(QCoreApplication.translate("Editor", "Move input earlier"), lambda: self.move_input(nid, port.index, -1))
        later = menu.addAction(QCoreApplication.translate("Editor", "Move input later"), lambda: self.move_input(nid, port.index, +1))
        position = [e.dst_port for e in self.graph.in_edges(nid)].index(port.index)
        earlier.setEnabled(position > 0)
        later.setEnabled(position < n - 1)
        menu.addAction(QCoreApplication.translate("Editor", "Disconnect"), lambda: self.scene.execute(C.RemoveEdge(edge)))
        menu.exec(screen_pos)

    def canvas_menu(self, scene_pos: QPointF, screen_pos) -> None:
        """Right-click on empty canvas."""
        menu = QMenu()
        paste = menu.addAction(QCoreApplication.translate("Editor", "Paste"), self.paste)
        paste.setEnabled(bool(QGuiApplication.clipboard().text().startswith("{")))
        menu.addAction(QCoreApplication.translate("Editor", "Select all"), self.select_all)
        menu.addSeparator()
        menu.addAction(QCoreApplication.translate("Editor", "Auto layout"), self.auto_layout)
        for view in self.scene.views()[:1]:
            menu.addAction(QCoreApplication.translate("Editor", "Fit to window"), view.fit)
        menu.exec(screen_pos)

    def edge_menu(self, item, screen_pos) -> None:
        edge = self.graph.edge(item.edge_id)
        menu = QMenu()
        menu.addAction(QCoreApplication.translate("Editor", "Delete connection"), lambda: self.scene.execute(C.RemoveEdge(edge)))
        menu.exec(screen_pos)
