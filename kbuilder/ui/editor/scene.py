"""The canvas scene: one :class:`NodeItem` per layer, one :class:`EdgeItem`
per connection, kept in step with the graph by following its events.

The scene never edits the graph directly: every gesture becomes a core
command run through :func:`kbuilder.ui.undo.execute` on the window's
QUndoStack, and the item changes come back as graph events.  Moving a node
updates only the edges that touch it (``_edges_of``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QUndoStack
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSceneDragDropEvent

from kbuilder.core.commands import Move
from kbuilder.core.graph import Graph, GraphEvent
from kbuilder.core.history import Command
from kbuilder.core.i18n import sentence_start
from kbuilder.ui.editor.connections import ConnectionDrag
from kbuilder.ui.editor.edge_item import EdgeItem
from kbuilder.ui.editor.editing import Editor
from kbuilder.ui.editor.group_item import GroupFrameItem
from kbuilder.ui.editor.layer_info import LayerInfo
from kbuilder.ui.editor.node_item import HEIGHT, WIDTH, NodeItem
from kbuilder.ui.undo import execute

LAYER_MIME = "application/x-kbuilder-layer"
MARGIN = 2000.0


class CanvasScene(QGraphicsScene):
    status_message = Signal(str)
    node_double_clicked = Signal(str)
    files_dropped = Signal(list)
    edited = Signal()

    def __init__(self, graph: Graph, stack: QUndoStack, parent=None) -> None:
        super().__init__(parent)
        self.graph = graph
        self.stack = stack
        self.layer_info = LayerInfo()
        self.nodes: dict[str, NodeItem] = {}
        self.edges: dict[str, EdgeItem] = {}
        self._edges_of: dict[str, set[str]] = {}
        self._infos: dict[str, Any] = {}
        self._issues: list[Any] = []
        self._drag_start: dict[str, tuple[float, float]] | None = None
        self._drag_serial = 0
        self._moved = False
        self._has_rect = False
        self.far = False
        self._groups: dict[str, GroupFrameItem] = {}
        self._frame_of: dict[str, GroupFrameItem] = {}
        self.connection = ConnectionDrag(self)
        self.editor = Editor(self)
        self.setBackgroundBrush(QColor("#f4f5f7"))
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        graph.subscribe(self._on_graph_event)
        self._rebuild()

    def detach(self) -> None:
        """Stop following the graph (the window is closing)."""
        self.graph.unsubscribe(self._on_graph_event)

    # ------------------------------------------------------------- commands
    def execute(self, cmd: Command) -> bool:
        reason = execute(self.stack, self.graph, cmd)
        if reason:
            self.status_message.emit(sentence_start(reason))
            return False
        self.edited.emit()
        return True

    def set_catalog(self, catalog: Any) -> None:
        self.layer_info.catalog = catalog
        for nid in list(self.nodes):
            self._refresh_node(nid)

    # --------------------------------------------------------- graph events
    def _on_graph_event(self, ev: GraphEvent) -> None:
        kind = ev.kind
        if kind == "node_moved":
            item = self.nodes.get(ev.node_id)
            if item is not None:
                item.setPos(QPointF(*self.graph.node(ev.node_id).position))
                self._update_edges_of(ev.node_id)
                self._grow_scene_rect(item)
                frame = self._frame_of.get(ev.node_id)
                if frame is not None:
                    frame.update_rect()
            return
        elif kind == "node_added":
            if not self.nodes:
                self.update()  # the empty-canvas hint goes
            self._add_node_item(ev.node_id)
        elif kind == "node_removed":
            item = self.nodes.pop(ev.node_id, None)
            self._edges_of.pop(ev.node_id, None)
            if item is not None:
                self.removeItem(item)
        elif kind == "node_changed":
            self._refresh_node(ev.node_id)
        elif kind == "edge_added":
            self._add_edge_item(ev.edge_id)
        elif kind == "edge_removed":
            self._remove_edge_item(ev.edge_id)
        elif kind == "reset":
            self._rebuild()
        if kind in ("node_added", "node_removed") or (kind == "node_changed" and self._groups):
            self._rebuild_groups()
        self._grow_scene_rect()

    def _rebuild(self) -> None:
        self.connection.cancel()
        self.clear()
        self._groups, self._frame_of = {}, {}
        self.nodes.clear()
        self.edges.clear()
        self._edges_of = {}
        ports: dict[str, list[int]] = {}
        for e in self.graph.edges:
            ports.setdefault(e.dst, []).append(e.dst_port)
        for node in self.graph.nodes:
            item = NodeItem(node, self.layer_info)
            self.addItem(item)
            item.refresh(node, ports.get(node.id, []), self._shared_name(node))
            item.set_ports_visible(not self.far)
            self.nodes[node.id] = item
            self._edges_of[node.id] = set()
            self._apply_info(node.id)
        for e in self.graph.edges:
            self._add_edge_item(e.id, refresh_ports=False)
        self._apply_issues()
        self._rebuild_groups()
        self._has_rect = False
        self._grow_scene_rect()

    def _rebuild_groups(self) -> None:
        """Frames around the layers of each nested model (``extra["group"]``)."""
        wanted: dict[str, list[NodeItem]] = {}
        for nid, item in self.nodes.items():
            group = self.graph.node(nid).extra.get("group") if nid in self.graph else None
            if group:
                wanted.setdefault(str(group), []).append(item)
        for name in list(self._groups):
            if name not in wanted:
                frame = self._groups.pop(name)
                if frame.scene() is self:
                    self.removeItem(frame)
        self._frame_of = {}
        for name, items in wanted.items():
            frame = self._groups.get(name)
            if frame is None:
                frame = self._groups[name] = GroupFrameItem(name)
                self.addItem(frame)
            frame.members = set(items)
            for item in items:
                self._frame_of[item.node_id] = frame
            frame.update_rect()

    def _add_node_item(self, node_id: str) -> None:
        node = self.graph.node(node_id)
        item = NodeItem(node, self.layer_info)
        self.addItem(item)
        item.set_ports_visible(not self.far)
        self.nodes[node_id] = item
        self._edges_of[node_id] = set()
        self._refresh_node(node_id)
        self._apply_info(node_id)

    def _refresh_node(self, node_id: str) -> None:
        item = self.nodes.get(node_id)
        if item is None or node_id not in self.graph:
            return
        node = self.graph.node(node_id)
        connected = [self.graph.edge(eid).dst_port for eid in self._edges_of.get(node_id, ())
                     if self.graph.has_edge(eid) and self.graph.edge(eid).dst == node_id]
        item.refresh(node, connected, self._shared_name(node))
        self._update_edges_of(node_id)

    def _add_edge_item(self, edge_id: str, refresh_ports: bool = True) -> None:
        e = self.graph.edge(edge_id)
        src, dst = self.nodes.get(e.src), self.nodes.get(e.dst)
        if src is None or dst is None:
            return
        item = EdgeItem(edge_id, src, dst, e.dst_port, e.src_port)
        if e.src_port and src.set_used_outputs(self._outputs_used(e.src)):
            self._update_edges_of(e.src)
        self.addItem(item)
        self.edges[edge_id] = item
        self._edges_of[e.src].add(edge_id)
        self._edges_of[e.dst].add(edge_id)
        if refresh_ports:
            self._refresh_node(e.dst)
        else:
            item.update_path()

    def _shared_name(self, node) -> str | None:
        return self.graph.owner(node).name if node.shared_with and node.shared_with in self.graph else None

    def _outputs_used(self, node_id: str) -> list[int]:
        return [self.graph.edge(eid).src_port for eid in self._edges_of.get(node_id, ())
                if self.graph.has_edge(eid) and self.graph.edge(eid).src == node_id]

    def _remove_edge_item(self, edge_id: str) -> None:
        item = self.edges.pop(edge_id, None)
        if item is None:
            return
        for nid in (item.src_item.node_id, item.dst_item.node_id):
            self._edges_of.get(nid, set()).discard(edge_id)
        self.removeItem(item)
        if item.dst_item.node_id in self.nodes:
            self._refresh_node(item.dst_item.node_id)

    def _update_edges_of(self, node_id: str) -> None:
        for eid in self._edges_of.get(node_id, ()):
            item = self.edges.get(eid)
            if item is not None:
                if self.graph.has_edge(eid):
                    item.dst_port = self.graph.edge(eid).dst_port
                item.update_path()

    def _grow_scene_rect(self, item: NodeItem | None = None) -> None:
        """Keep a wide margin around the items so the view can pan past
        them; grows only (a shrinking rect makes the view jump)."""
        if item is not None:
            if self.sceneRect().contains(item.sceneBoundingRect().adjusted(-200, -200, 200, 200)):
                return
            rect = item.sceneBoundingRect()
        else:
            rect = self.itemsBoundingRect()
        rect = rect.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
        current = self.sceneRect() if self._has_rect else QRectF()
        self._has_rect = True
        self.setSceneRect(rect.united(current) if not current.isEmpty() else rect)

    def set_far(self, far: bool) -> None:
        """Zoomed far out: hide the ports (too small to aim at; thousands of
        tiny items cost more to visit than the nodes themselves)."""
        if far == self.far:
            return
        self.far = far
        for item in self.nodes.values():
            item.set_ports_visible(not far)

    # ------------------------------------------------------ analysis results
    def set_node_infos(self, infos: dict[str, Any]) -> None:
        self._infos = dict(infos or {})
        for nid in self.nodes:
            self._apply_info(nid)

    def _apply_info(self, node_id: str) -> None:
        info = self._infos.get(node_id)
        item = self.nodes[node_id]
        if info is None:
            changed = item.set_info(None, None, None)
        else:
            changed = item.set_info(getattr(info, "output_shape", None), getattr(info, "params", None),
                                    getattr(info, "error", None))
        if changed:
            self._update_edges_of(node_id)

    def set_issues(self, issues: list[Any]) -> None:
        self._issues = list(issues or [])
        self._apply_issues()

    def _apply_issues(self) -> None:
        per_node: dict[str, list[Any]] = {}
        per_edge: dict[str, list[Any]] = {}
        for issue in self._issues:
            if getattr(issue, "edge_id", None):
                per_edge.setdefault(issue.edge_id, []).append(issue)
            elif getattr(issue, "node_id", None):
                per_node.setdefault(issue.node_id, []).append(issue)
        for nid, item in self.nodes.items():
            found = per_node.get(nid, [])
            item.set_problems(_worst(found), [i.message for i in found])
        for eid, item in self.edges.items():
            found = per_edge.get(eid, [])
            item.set_problems(_worst(found), [i.message for i in found])

    def problems_of(self, node_id: str) -> list[str]:
        item = self.nodes.get(node_id)
        return item.problems if item is not None else []

    # ---------------------------------------------------------- selection
    def selected_node_ids(self) -> list[str]:
        order = {nid: i for i, nid in enumerate(self.nodes)}
        ids = [i.node_id for i in self.selectedItems() if isinstance(i, NodeItem)]
        return sorted(ids, key=order.__getitem__)

    def selected_edge_ids(self) -> list[str]:
        return [i.edge_id for i in self.selectedItems() if isinstance(i, EdgeItem) and i.edge_id]

    def select_nodes(self, node_ids: list[str]) -> None:
        self.clearSelection()
        for nid in node_ids:
            if nid in self.nodes:
                self.nodes[nid].setSelected(True)

    # ------------------------------------------------------------ moving
    def begin_move(self) -> None:
        self._drag_start = {nid: self.graph.node(nid).position for nid in self.selected_node_ids()}
        self._drag_serial += 1
        self._moved = False

    def drag_move(self, delta: QPointF) -> None:
        if not self._drag_start:
            return
        if not self._moved and abs(delta.x()) + abs(delta.y()) < 3:
            return
        new = {nid: (x + delta.x(), y + delta.y()) for nid, (x, y) in self._drag_start.items()}
        old = {nid: self.graph.node(nid).position for nid in new if nid in self.graph}
        new = {nid: pos for nid, pos in new.items() if nid in old}
        self._moved = True
        text = self.tr("Move") if len(new) == 1 else self.tr("Move {n} layers").format(n=len(new))
        self.execute(Move(old=old, new=new, text=text, drag_id=("drag", self._drag_serial)))

    def end_move(self) -> bool:
        moved, self._moved, self._drag_start = self._moved, False, None
        return moved

    def nudge(self, dx: float, dy: float) -> None:
        """Arrow keys: move the selection; presses in a row on the same
        selection are one undo step."""
        ids = self.selected_node_ids()
        old = {nid: self.graph.node(nid).position for nid in ids}
        new = {nid: (x + dx, y + dy) for nid, (x, y) in old.items()}
        self.execute(Move(old=old, new=new, text=self.tr("Move"), drag_id=("nudge", tuple(ids), self._drag_serial)))

    # -------------------------------------------------------- connections
    def begin_connection(self, port, pos: QPointF) -> None:
        self.connection.begin(port, pos)

    def update_connection(self, pos: QPointF) -> None:
        self.connection.update(pos)

    def finish_connection(self, pos: QPointF) -> None:
        self.connection.finish(pos)

    # ----------------------------------------------------- context menus
    def node_context_menu(self, item: NodeItem, screen_pos) -> None:
        self.editor.node_menu(item, screen_pos)

    def port_context_menu(self, port, screen_pos) -> None:
        self.editor.port_menu(port, screen_pos)

    def edge_context_menu(self, item: EdgeItem, screen_pos) -> None:
        self.editor.edge_menu(item, screen_pos)

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        super().contextMenuEvent(event)  # an item under the mouse gets it first
        if not event.isAccepted():
            self.editor.canvas_menu(event.scenePos(), event.screenPos())
            event.accept()

    # ---------------------------------------------------- drag and drop
    def dragEnterEvent(self, event: QGraphicsSceneDragDropEvent) -> None:  # noqa: N802
        mime = event.mimeData()
        if mime.hasFormat(LAYER_MIME) or mime.hasUrls():
            # Always a copy: a Move would make the palette delete its item.
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    dragMoveEvent = dragEnterEvent

    def dropEvent(self, event: QGraphicsSceneDragDropEvent) -> None:  # noqa: N802
        mime = event.mimeData()
        if mime.hasFormat(LAYER_MIME):
            class_name = bytes(mime.data(LAYER_MIME).data()).decode("utf-8").strip()
            if class_name:
                self.editor.drop_layer(class_name, event.scenePos())
                for view in self.views():  # so Delete / Ctrl+Z act on the canvas next
                    view.setFocus()
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        elif mime.hasUrls():
            paths = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
            if paths:
                self.files_dropped.emit(paths)
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def node_rect(self) -> QRectF:
        return QRectF(0, 0, WIDTH, HEIGHT)


def _worst(issues: list[Any]) -> str | None:
    if not issues:
        return None
    return "error" if any(i.severity == "error" for i in issues) else "warning"
