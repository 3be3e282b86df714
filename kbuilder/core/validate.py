"""Structural checks of a layer graph: plain Python and networkx, no Keras.

:func:`check_structure` finds what makes a graph impossible to turn into a
model before Keras is asked anything: loops, layers with nothing plugged in,
wrong numbers of inputs, gaps in the input order, broken weight sharing,
missing inputs or outputs, ports that do not exist, names Keras refuses.
Each problem is an :class:`Issue` tied to the node (or edge) the user has
to touch, worded for a beginner.  Every check is linear in the size of the
graph: a port number is compared, never counted up to.

How many inputs a layer takes comes from an *arity* function
(``class_name -> (min_inputs, max_inputs) | None``, ``max_inputs`` None
meaning "any number"): ``kbuilder.layers.basics.arity(catalog)``, which
``kbuilder.keras_io.check`` passes.  Without one, an Input takes no input
and every other layer one.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass

from .graph import INPUT, Edge, Graph, Node, name_problem
from .i18n import translate

Arity = Callable[[str], "tuple[int, int | None] | None"]

ERROR = "error"
WARNING = "warning"
NOTE = "note"  # says what was not checked (a model too big to test-run)

@dataclass
class Issue:
    severity: str  # "error" | "warning" | "note"
    message: str
    node_id: str | None = None
    edge_id: str | None = None
    code: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


def arity_of(class_name: str, arity: Arity | None = None) -> tuple[int, int | None]:
    """(min, max) inputs of ``class_name``, as ``arity`` answers
    (``kbuilder.layers.basics.arity(catalog)``); without an answer an Input
    takes none and any other layer one."""
    if class_name == INPUT:
        return 0, 0
    if arity is not None:
        try:
            found = arity(class_name)
        except Exception:  # a broken catalog must not break checking
            found = None
        if found is not None:
            lo, hi = found
            return int(lo), (None if hi is None else int(hi))
    return 1, 1


def is_merge(class_name: str, arity: Arity | None = None) -> bool:
    """Whether the layer takes a list of tensors (two or more)."""
    return arity_of(class_name, arity)[0] >= 2


def output_count(node: Node) -> int | None:
    """How many tensors the layer of ``node`` (pass the owner of a sharing
    node) returns, when that is known without Keras: 1 for an Input and
    almost every layer; None -- Keras decides -- for a placeholder and for a
    layer set to return its states too (``return_state``)."""
    if node.is_input:
        return 1
    if node.is_placeholder or _returns_state(node.params):
        return None
    return 1


def _returns_state(params: object) -> bool:
    if not isinstance(params, dict):
        return False
    if params.get("return_state"):
        return True
    for key in ("layer", "backward_layer", "cell"):  # Bidirectional, RNN wrappers
        inner = params.get(key)
        config = inner.get("config") if isinstance(inner, dict) else None
        if isinstance(config, dict) and config.get("return_state"):
            return True
    return False


def _count_words(errors: int, warnings: int, notes: int) -> list[str]:
    parts = []
    if errors:
        parts.append(
            translate("core.validate", "1 error") if errors == 1
            else translate("core.validate", "{count} errors").format(count=errors)
        )
    if warnings:
        parts.append(
            translate("core.validate", "1 warning") if warnings == 1
            else translate("core.validate", "{count} warnings").format(count=warnings)
        )
    if notes:
        parts.append(
            translate("core.validate", "1 note") if notes == 1
            else translate("core.validate", "{count} notes").format(count=notes)
        )
    return parts


def count_text(issues) -> str:
    """"1 error, 2 warnings" (and notes for any other severity); "" when there
    are none.  The one wording for the Issues panel and the status bar."""
    issues = list(issues or [])
    errors = sum(1 for i in issues if getattr(i, "severity", ERROR) == ERROR)
    warnings = sum(1 for i in issues if i.severity == "warning")
    others = len(issues) - errors - warnings
    return ", ".join(_count_words(errors, warnings, others))


class _Adjacency:
    """The graph's nodes and their edges, read once from its index."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.nodes: dict[str, Node] = {n.id: n for n in graph.nodes}
        self.ins: dict[str, list[Edge]] = {nid: graph.in_edges(nid) for nid in self.nodes}
        self.outs: dict[str, list[Edge]] = {nid: graph.out_edges(nid) for nid in self.nodes}

    def reach(self, starts, forward: bool = True) -> set[str]:
        seen = set(starts)
        todo = deque(seen)
        while todo:
            nid = todo.popleft()
            nxt = [e.dst for e in self.outs[nid]] if forward else [e.src for e in self.ins[nid]]
            for m in nxt:
                if m not in seen:
                    seen.add(m)
                    todo.append(m)
        return seen


def check_structure(graph: Graph, arity: Arity) -> list[Issue]:
    """Every structural problem of ``graph``, errors and warnings; ``arity``
    says how many inputs each layer class takes (``kbuilder.layers.basics.arity``)."""
    issues: list[Issue] = []
    adj = _Adjacency(graph)
    nodes = adj.nodes

    def err(msg: str, node: Node | None = None, edge: Edge | None = None, code: str = "") -> None:
        issues.append(Issue(ERROR, msg, node.id if node else None, edge.id if edge else None, code))

    def warn(msg: str, node: Node | None = None, code: str = "") -> None:
        issues.append(Issue(WARNING, msg, node.id if node else None, None, code))

    if not nodes:
        err(translate("core.validate", "The model is empty. Add an Input layer and connect layers to it."), code="empty")
        return issues

    # ---------------------------------------------------------------- names
    counts = Counter(n.name for n in nodes.values())
    for n in nodes.values():
        if counts[n.name] > 1:
            err(
                translate(
                    "core.validate", "The name '{name}' is used by {count} layers; give each layer its own name."
                ).format(name=n.name, count=counts[n.name]),
                n,
                code="duplicate_name",
            )
        problem = name_problem(n.name)
        if problem:
            err(translate("core.validate", "{problem} Rename the layer in the inspector.").format(problem=problem),
                n, code="bad_name")
    problem = name_problem(graph.name or "model", "model")
    if problem:
        err(
            translate("core.validate", "{problem} (The model is called {name}.)").format(
                problem=problem, name=repr(graph.name)
            ),
            code="model_name",
        )

    # -------------------------------------------------------- inputs, outputs
    inputs = [n for n in nodes.values() if n.is_input]
    if not inputs:
        err(
            translate(
                "core.validate", "The model has no Input layer. Add one from the palette and connect your first layer to it."
            ),
            code="no_input",
        )
    marked = [n for n in nodes.values() if n.is_output]
    outputs = graph.outputs()
    if not outputs:
        err(translate("core.validate", "The model has no output: connect a layer after your Input."), code="no_output")

    # ---------------------------------------------------------------- loops
    in_cycle: set[str] = set()
    issues.extend(_cycle_issues(graph, adj, in_cycle))

    # ------------------------------------------------------------ reachability
    to_outputs = adj.reach([n.id for n in outputs], forward=False)
    for n in nodes.values():
        if n.is_input:
            if not adj.outs[n.id] and not n.is_output:
                warn(
                    translate(
                        "core.validate", "The Input '{name}' is not connected to anything. Connect a layer to it, or delete it."
                    ).format(name=n.name),
                    n,
                    "input_unused",
                )
            elif adj.outs[n.id] and n.id not in to_outputs:
                warn(
                    translate(
                        "core.validate",
                        "The Input '{name}' does not lead to any output, so the model ignores what it receives. "
                        "Connect its layers to the rest of the model, or delete it.",
                    ).format(name=n.name),
                    n,
                    "input_dead_end",
                )
            continue
        if n.id in in_cycle:
            continue
        if not adj.ins[n.id]:
            err(
                translate("core.validate", "{name} has no input connected. Connect a layer (or an Input) to it.").format(
                    name=n.name
                ),
                n,
                code="no_input_connected",
            )

    if marked:
        for n in nodes.values():
            if n.is_input or n.id in to_outputs:
                continue
            warn(
                translate(
                    "core.validate",
                    "{name} does not lead to an output, so the model ignores it. "
                    "Connect it onward, mark it as an output, or delete it.",
                ).format(name=n.name),
                n,
                code="dead_end",
            )

    # ------------------------------------------------------ arity and ports
    bad_ports = _port_issues(graph, adj, arity, issues)
    for n in nodes.values():
        if n.is_input:
            continue
        owner = graph.owner(n)
        ins = adj.ins[n.id]
        count = len(ins)
        ports = [e.dst_port for e in ins]
        if n.is_placeholder:
            cls = (n.extra.get("config") or {}).get("class_name") if isinstance(n.extra.get("config"), dict) else None
            text = (
                translate(
                    "core.validate",
                    "{name} is a {class_name} layer that kbuilder cannot build (it was kept from an imported model). "
                    "Replace it with a regular layer, or delete it.",
                )
                if cls
                else translate(
                    "core.validate",
                    "{name} is a layer that kbuilder cannot build (it was kept from an imported model). "
                    "Replace it with a regular layer, or delete it.",
                )
            )
            err(text.format(name=n.name, class_name=cls), n, code="placeholder")
        elif count:
            cname = owner.class_name
            lo, hi = arity_of(cname, arity)
            if lo >= 2 and hi is None and count < 2:  # a merge of any number
                err(
                    translate("core.validate", "{class_name} needs at least two inputs; connect another layer to it.").format(
                        class_name=cname
                    ),
                    n,
                    code="merge_inputs",
                )
            elif count < lo:
                # count >= 1 here, so lo >= 2: "inputs" is always plural.
                text = translate(
                    "core.validate",
                    "{name} ({class_name}) needs {needed} inputs but has {count}; connect another layer to it.",
                )
                err(text.format(name=n.name, class_name=cname, needed=lo, count=count), n, code="missing_input")
            elif hi is not None and count > hi:
                extra = ins[hi:]
                names = ", ".join(nodes[e.src].name for e in extra)
                text = (
                    translate(
                        "core.validate",
                        "{name} ({class_name}) takes only one input but {count} are connected; remove the connection "
                        "from {names} or add a Concatenate/Add layer to merge them first.",
                    )
                    if hi == 1
                    else translate(
                        "core.validate",
                        "{name} ({class_name}) takes {most} inputs but {count} are connected; remove the connection "
                        "from {names}.",
                    )
                )
                err(
                    text.format(name=n.name, class_name=cname, most=hi, count=count, names=names),
                    n,
                    edge=extra[0],
                    code="extra_input",
                )
        if len(set(ports)) != len(ports):
            err(
                translate("core.validate", "Two connections go into the same input of {name}; remove one of them.").format(
                    name=n.name
                ),
                n,
                code="port_clash",
            )
        elif n.id not in bad_ports and ports != list(range(len(ports))):
            # ports is sorted: the first place where it leaves 0, 1, 2, ... is the gap
            # (never a set of range(max port): a file may say port 10**10).
            missing = next(i for i, p in enumerate(ports) if p != i)
            err(
                translate(
                    "core.validate",
                    "Input {number} of {name} is empty while a later one is connected; "
                    "reorder its inputs or connect the missing one.",
                ).format(number=missing + 1, name=n.name),
                n,
                code="port_gap",
            )

    # -------------------------------------------------------------- sharing
    for n in nodes.values():
        if not n.shared_with:
            continue
        target = nodes.get(n.shared_with)
        if target is None:
            err(
                translate(
                    "core.validate",
                    "{name} shares its weights with a layer that no longer exists. Turn sharing off in the inspector.",
                ).format(name=n.name),
                n,
                code="shared_missing",
            )
            continue
        owner = graph.owner(n)
        if owner.id == n.id or owner.shared_with:
            err(
                translate(
                    "core.validate", "{name} shares its weights in a circle; turn sharing off for one of these layers."
                ).format(name=n.name),
                n,
                code="shared_loop",
            )
        elif owner.class_name != n.class_name:
            err(
                translate(
                    "core.validate",
                    "{name} is a {class_name} but shares the weights of {owner}, a {owner_class}; "
                    "a layer can only share weights with a layer of the same kind.",
                ).format(name=n.name, class_name=n.class_name, owner=owner.name, owner_class=owner.class_name),
                n,
                code="shared_class",
            )
        elif owner.is_input or owner.is_placeholder:
            err(
                translate("core.validate", "{name} cannot share weights with {owner}; turn sharing off.").format(
                    name=n.name, owner=owner.name
                ),
                n,
                code="shared_class",
            )
    return issues


def _port_issues(graph: Graph, adj: _Adjacency, arity: Arity | None, issues: list[Issue]) -> set[str]:
    """An error at each connection that leaves an output or reaches an input
    that does not exist (a negative port, output 2 of a one-output layer,
    input 3 of a one-input layer); the ids of the layers they go into."""
    bad: set[str] = set()
    for es in adj.ins.values():
        for e in es:
            src, dst = adj.nodes[e.src], adj.nodes[e.dst]
            outs = output_count(graph.owner(src))
            hi = arity_of(graph.owner(dst).class_name, arity)[1] if not dst.is_placeholder else None
            if e.src_port < 0 or (outs is not None and e.src_port >= outs):
                text = (
                    translate(
                        "core.validate",
                        "The connection from {src} to {dst} uses output {port} of {src}, which does not exist "
                        "(it has a single output). Delete it and connect the two layers again.",
                    )
                    if outs == 1
                    else translate(
                        "core.validate",
                        "The connection from {src} to {dst} uses output {port} of {src}, which does not exist. "
                        "Delete it and connect the two layers again.",
                    )
                )
                port = e.src_port + 1
            elif e.dst_port < 0 or (hi is not None and e.dst_port >= hi):
                if hi == 1:
                    text = translate(
                        "core.validate",
                        "The connection from {src} to {dst} goes into input {port} of {dst}, which does not exist "
                        "({dst} takes one input). Delete it and connect the two layers again.",
                    )
                elif hi:
                    text = translate(
                        "core.validate",
                        "The connection from {src} to {dst} goes into input {port} of {dst}, which does not exist "
                        "({dst} takes {count} inputs). Delete it and connect the two layers again.",
                    )
                else:
                    text = translate(
                        "core.validate",
                        "The connection from {src} to {dst} goes into input {port} of {dst}, which does not exist. "
                        "Delete it and connect the two layers again.",
                    )
                port = e.dst_port + 1
            else:
                continue
            bad.add(dst.id)
            issues.append(
                Issue(
                    ERROR,
                    text.format(src=src.name, dst=dst.name, port=port, count=hi),
                    dst.id,
                    e.id,
                    "bad_port",
                )
            )
    return bad


def _is_acyclic(adj: _Adjacency) -> bool:
    return len(adj.graph.topological_order()) == len(adj.nodes)


def _cycle_issues(graph: Graph, adj: _Adjacency, in_cycle: set[str]) -> list[Issue]:
    issues: list[Issue] = []
    if _is_acyclic(adj):  # the common case, without building a networkx graph
        return issues
    import networkx as nx

    g = nx.DiGraph()
    g.add_nodes_from(adj.nodes)
    edge_of: dict[tuple[str, str], Edge] = {}
    for es in adj.outs.values():
        for e in es:
            g.add_edge(e.src, e.dst)
            edge_of.setdefault((e.src, e.dst), e)
    # Order in which a walk from the inputs meets the nodes: the loop is
    # entered at its earliest node, so the edge that comes back to it is the
    # one the user most likely added last ("the closing edge").
    order: dict[str, int] = {}
    for start in [n.id for n in graph.inputs()] + list(adj.nodes):
        if start not in order:
            for nid in nx.dfs_preorder_nodes(g, start):
                order.setdefault(nid, len(order))
    for comp in nx.strongly_connected_components(g):
        if len(comp) < 2:
            continue
        sub = g.subgraph(comp)
        start = min(comp, key=lambda nid: order[nid])
        cycle = nx.find_cycle(sub, source=start)
        on_cycle = [u for u, _v in cycle]
        in_cycle.update(comp)
        names = " -> ".join(adj.nodes[u].name for u in on_cycle + [on_cycle[0]])
        for u in on_cycle:
            issues.append(
                Issue(
                    ERROR,
                    translate(
                        "core.validate",
                        "{name} is part of a loop ({loop}). A model must flow one way; remove one connection of the loop.",
                    ).format(name=adj.nodes[u].name, loop=names),
                    node_id=u,
                    code="cycle",
                )
            )
        u, v = cycle[-1][0], cycle[-1][1]
        closing = edge_of[(u, v)]
        issues.append(
            Issue(
                ERROR,
                translate("core.validate", "The connection from {src} to {dst} closes a loop; remove it.").format(
                    src=adj.nodes[u].name, dst=adj.nodes[v].name
                ),
                node_id=v,
                edge_id=closing.id,
                code="cycle_edge",
            )
        )
    return issues


def unsound_nodes(graph: Graph, issues: list[Issue]) -> set[str]:
    """Ids of nodes that Keras should not be asked about: nodes with a
    structural error, nodes downstream of one, nodes in or after a loop,
    nodes not fed by an Input."""
    adj = _Adjacency(graph)
    bad = {i.node_id for i in issues if i.severity == ERROR and i.node_id and i.code not in _NON_BLOCKING}
    bad = {b for b in bad if b in adj.nodes}
    # A shared layer whose owner is broken is broken too.
    for n in adj.nodes.values():
        if n.shared_with and graph.owner(n).id in bad:
            bad.add(n.id)
    from_inputs = adj.reach([n.id for n in adj.nodes.values() if n.is_input])
    bad |= set(adj.nodes) - from_inputs
    return adj.reach(bad)


# Errors about a node that do not stop Keras from computing its shape.
_NON_BLOCKING = {"duplicate_name", "bad_name"}
