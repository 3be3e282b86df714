"""Drawing a connection: a live edge follows the mouse from the port the
drag started on; the port under the mouse lights up blue when the
connection can work, red when it cannot, and the reason goes to the status
bar.  Dragging a connected input port picks its connection up: drop it on
another input to move it, on another occupied input of the same merge layer
to change the order of its inputs, or on empty canvas to disconnect.

:meth:`Graph.can_connect` holds the rules.  A connection that closes a loop
is allowed (the half-drawn graph is the user's to fix) and is then marked
red by the analysis, with the reason on the node.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF
from PySide6.QtWidgets import QToolTip

from kbuilder.core.commands import AddEdge, RemoveEdge, ReorderInputs
from kbuilder.core.graph import Edge
from kbuilder.core.history import Compound
from kbuilder.ui.editor.edge_item import EdgeItem
from kbuilder.ui.editor.node_item import NodeItem
from kbuilder.ui.editor.port_item import IN, OUT, PortItem

SNAP = 16.0


class ConnectionDrag:
    def __init__(self, scene) -> None:
        self.scene = scene
        self.live: EdgeItem | None = None
        self.origin: PortItem | None = None
        self.anchor_node: str | None = None  # the fixed end's node
        self.from_output = True
        self.moving_edge: Edge | None = None
        self.src_port = 0  # which output of the source (multi-output layers)
        self._target: PortItem | None = None
        self._plan: tuple[str, str, int] | None = None
        self._reason: str | None = None

    @property
    def active(self) -> bool:
        return self.live is not None

    def begin(self, port: PortItem, pos: QPointF) -> None:
        self.cancel()
        graph = self.scene.graph
        self.origin = port
        self.moving_edge = None
        self.src_port = 0
        if port.kind == OUT:
            self.from_output, self.anchor_node, self.src_port = True, port.node_id, port.index
        else:
            edge = next((e for e in graph.in_edges(port.node_id) if e.dst_port == port.index), None)
            if edge is not None:  # pick the connection up
                self.moving_edge = edge
                self.from_output, self.anchor_node, self.src_port = True, edge.src, edge.src_port
                item = self.scene.edges.get(edge.id)
                if item is not None:
                    item.setVisible(False)
            else:
                self.from_output, self.anchor_node = False, port.node_id
        self.live = EdgeItem()
        self.live.setZValue(5)
        self.scene.addItem(self.live)
        self.update(pos)

    def _anchor_pos(self) -> QPointF:
        node_item = self.scene.nodes[self.anchor_node]
        if self.from_output:
            outs = node_item.out_ports
            return outs[min(self.src_port, len(outs) - 1)].scenePos()
        return self.origin.scenePos()

    def _find_target(self, pos: QPointF) -> tuple[PortItem | None, NodeItem | None]:
        want = IN if self.from_output else OUT
        best, best_d = None, SNAP * SNAP
        node_hit = None
        for item in self.scene.items(QRectF(pos.x() - SNAP, pos.y() - SNAP, 2 * SNAP, 2 * SNAP)):
            if isinstance(item, PortItem) and item.kind == want:
                d = item.scenePos() - pos
                dist = d.x() * d.x() + d.y() * d.y()
                if dist <= best_d:
                    best, best_d = item, dist
            elif isinstance(item, NodeItem) and node_hit is None and item.contains(item.mapFromScene(pos)):
                node_hit = item
        return best, node_hit

    def update(self, pos: QPointF) -> None:
        if self.live is None:
            return
        port, node_item = self._find_target(pos)
        self._set_target(port)
        self._plan, self._reason = None, None
        end = pos
        graph, info = self.scene.graph, self.scene.layer_info
        if self.from_output:
            dst = port.node_id if port is not None else (node_item.node_id if node_item else None)
            if dst is not None and self._is_reorder(dst, port):
                self._plan = ("reorder", dst, port.index)
                end = port.scenePos()
            elif dst is not None:
                want_port = port.index if port is not None else None
                got, reason = graph.can_connect(self.anchor_node, dst, want_port, info.input_range,
                                               ignore_edge=self.moving_edge.id if self.moving_edge else None)
                self._reason = reason
                if got is not None:
                    self._plan = (self.anchor_node, dst, got)
                    end = self.scene.nodes[dst].mapToScene(self.scene.nodes[dst].in_port_pos(got)) \
                        if port is None else port.scenePos()
        else:
            src = port.node_id if port is not None else (node_item.node_id if node_item else None)
            if src is not None:
                got, reason = graph.can_connect(src, self.anchor_node, self.origin.index, info.input_range)
                self._reason = reason
                if got is not None:
                    self.src_port = port.index if port is not None else 0
                    self._plan = (src, self.anchor_node, got)
                    end = self.scene.nodes[src].out_ports[self.src_port].scenePos()
        if port is not None:
            port.set_highlight("bad" if self._reason else "ok")
        self.live._severity = "error" if self._reason else None
        self.live._apply_pen()
        if self.from_output:
            self.live.set_ends(self._anchor_pos(), end)
        else:
            self.live.set_ends(end, self._anchor_pos())
        if self._reason:
            self.scene.status_message.emit(self._reason)
            self._tooltip(pos, self._reason)
        elif self._plan is not None:
            self._tooltip(pos, None)

    def _tooltip(self, pos: QPointF, text: str | None) -> None:
        """The reason beside the mouse, as well as in the status bar."""
        views = self.scene.views()
        if not views:
            return
        view = views[0]
        if text:
            QToolTip.showText(view.viewport().mapToGlobal(view.mapFromScene(pos)), text, view.viewport())
        else:
            QToolTip.hideText()

    def _is_reorder(self, dst: str, port: PortItem | None) -> bool:
        """A merge layer's connection picked up and dropped on another of
        its occupied inputs: that changes the order of the inputs."""
        m = self.moving_edge
        if m is None or port is None or dst != m.dst or port.index == m.dst_port:
            return False
        return any(e.dst_port == port.index for e in self.scene.graph.in_edges(dst))

    def _set_target(self, port: PortItem | None) -> None:
        if self._target is not None and self._target is not port:
            self._target.set_highlight(None)
        self._target = port

    def finish(self, pos: QPointF) -> None:
        if self.live is None:
            return
        self.update(pos)
        plan, reason, moving, src_port = self._plan, self._reason, self.moving_edge, self.src_port
        self.cancel()
        scene = self.scene
        if plan is not None and plan[0] == "reorder":
            _, dst, port = plan
            order = [e.id for e in scene.graph.in_edges(dst)]
            new = [eid for eid in order if eid != moving.id]
            target = next(i for i, e in enumerate(scene.graph.in_edges(dst)) if e.dst_port == port)
            new.insert(target, moving.id)
            if scene.execute(ReorderInputs(dst, order, new)):
                scene.status_message.emit(QCoreApplication.translate("ConnectionDrag", "{layer} is now input {n}").format(
                    layer=scene.graph.node(moving.src).name, n=target + 1))
        elif plan is not None:
            src, dst, port = plan
            new = AddEdge(Edge(src=src, dst=dst, dst_port=port, src_port=src_port))
            if moving is not None:
                if (moving.src, moving.dst, moving.dst_port, moving.src_port) == (src, dst, port, src_port):
                    return
                cmd = Compound([RemoveEdge(moving), new],
                               text=QCoreApplication.translate("ConnectionDrag", "Move connection"))
            else:
                cmd = new
            if scene.execute(cmd):
                g = scene.graph
                if port:
                    text = QCoreApplication.translate("ConnectionDrag", "Connected {src} → {dst} (input {n})").format(
                        src=g.node(src).name, dst=g.node(dst).name, n=port + 1)
                else:
                    text = QCoreApplication.translate("ConnectionDrag", "Connected {src} → {dst}").format(
                        src=g.node(src).name, dst=g.node(dst).name)
                scene.status_message.emit(text)
        elif moving is not None and reason is None:
            if scene.execute(RemoveEdge(moving)):
                scene.status_message.emit(QCoreApplication.translate("ConnectionDrag", "Disconnected"))
        elif reason:
            scene.status_message.emit(QCoreApplication.translate("ConnectionDrag", "Not connected: {reason}").format(
                reason=reason))

    def cancel(self) -> None:
        if self.live is not None:
            QToolTip.hideText()
        self._set_target(None)
        if self.moving_edge is not None:
            item = self.scene.edges.get(self.moving_edge.id)
            if item is not None:
                item.setVisible(True)
        if self.live is not None:
            if self.live.scene() is not None:
                self.scene.removeItem(self.live)
            self.live = None
        self.origin = None
        self.moving_edge = None
        self._plan = None
