"""Fail when warlog has an import cycle: between packages, between the modules of a package, or through an __init__.

Every import counts, those under `if TYPE_CHECKING:` and inside functions too. import-linter's
`acyclic_siblings` contract (make lint) holds the children of each package, but it does not see a package's own
`__init__.py`: `warlog/__init__.py` (the public façade) imports the pipeline, so a pipeline module importing
`warlog` would close a cycle it misses. Here, at every package, the package itself and each of its children (a
module, or a subpackage with everything under it) are the nodes, and a strongly connected component of more than
one node is a cycle.

    .venv/bin/python scripts/check_cycles.py    (run by `make lint`)
"""

from __future__ import annotations

import sys

import grimp
import networkx as nx


def find_cycles(package: str) -> list[list[str]]:
    """Each import cycle as the sorted names of the modules or packages in it, at the level where it closes."""
    graph = grimp.build_graph(package)
    cycles = []
    for parent in sorted(graph.modules):
        children = graph.find_children(parent)
        if not children:
            continue
        nodes = nx.DiGraph()
        for module in graph.find_descendants(parent) | {parent}:
            for imported in graph.find_modules_directly_imported_by(module):
                a, b = _node(parent, module), _node(parent, imported)
                if b is not None and a != b:
                    nodes.add_edge(a, b)
        cycles += [sorted(c) for c in nx.strongly_connected_components(nodes) if len(c) > 1]
    return sorted(cycles)


def _node(parent: str, module: str) -> str | None:
    """The node that stands for `module` among the children of `parent` (None: outside `parent`)."""
    if module == parent:
        return parent
    if not module.startswith(parent + "."):
        return None
    return parent + "." + module[len(parent) + 1 :].split(".")[0]


def main() -> int:
    cycles = find_cycles("warlog")
    for cycle in cycles:
        print("import cycle: " + " <-> ".join(cycle), file=sys.stderr)
    return 1 if cycles else 0


if __name__ == "__main__":
    sys.exit(main())
