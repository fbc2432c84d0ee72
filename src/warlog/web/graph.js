// The actors graph (Cytoscape.js): cooperative and hostile ties, width by the number of events behind
// them, and affiliations; filtered by period, event type and actor. A click on a tie lists its events
// with their evidence.

import { api, report } from "./api.js";
import { evidenceBlock, namer, show } from "./details.js";
import { badge, bareButton, clear, empty, filterForm, h, link, table } from "./dom.js";
import { keptFields, sharedFields, sharedValues } from "./filters.js";
import { KIND_COLOURS, kindColour, POLARITY_COLOURS, themeColour } from "./palette.js";

export const handles = {}; // the live Cytoscape instance, for the browser tests and the console

const LABELLED = 25; // the most connected actors are labelled at any zoom; the others on hover or zoom
const LABEL_PX = 12; // the rendered size of a label

export async function graphView(root, params) {
  const form = filtersForm(params);
  const canvas = h("div", { class: "graph", id: "graph" });
  const ties = h("div", { class: "ties", id: "ties" });
  const search = searchBox();
  clear(root, h("section", { class: "graph-page" }, form, search, h("div", { class: "graph-wrap" }, canvas, legend()), ties));
  const filters = {
    since: params.get("since"),
    until: params.get("until"),
    type: params.get("type"),
    affiliations: params.get("affiliations") === "0" ? "false" : null,
  };
  const data = await api("/api/graph", { params: { ...filters, actor: params.get("actor") } });
  const showAffiliations = params.get("affiliations") !== "0";
  const edges = (data.edges || []).filter((edge) => showAffiliations || edge.polarity !== "affiliation");
  if ((data.nodes || []).length === 0) {
    clear(canvas, empty("No ties for these filters."));
    return;
  }
  const name = await namer(null);
  const nodeById = new Map(data.nodes.map((node) => [node.id, node]));
  const label = (id) => nodeById.get(id)?.name || name(id).name;
  const graph = { nodeById, edges, label, filters, showAffiliations };
  drawGraph(canvas, data.nodes, edges, params.get("actor"), graph);
  search.hidden = false;
  clear(ties, h("h3", null, `Ties (${edges.length})`), tiesTable(edges, label));
}

function filtersForm(params) {
  const affiliations = h("input", { type: "checkbox", name: "affiliations", checked: params.get("affiliations") !== "0" });
  const values = (data) => ({ ...sharedValues(data), affiliations: affiliations.checked ? null : "0" });
  const used = ["since", "until", "type", "actor"];
  return filterForm("graph", values, [
    sharedFields(params, used),
    h("label", null, affiliations, " affiliations"),
    keptFields(params, used),
  ], { id: "graph-filters" });
}

// Find an actor by name or id: the best match is selected, centred and its card shown.
function searchBox() {
  const input = h("input", { type: "search", name: "find", id: "graph-find", placeholder: "find an actor", size: 22, list: "graph-names", "aria-label": "find an actor in the graph" });
  const status = h("span", { class: "muted small", id: "graph-find-status", role: "status" });
  const submit = (e) => {
    e.preventDefault();
    const found = findNode(handles.cy, input.value);
    status.textContent = found ? "" : `No actor matching “${input.value}” in this graph.`;
    if (found) focusNode(found, { centre: true });
  };
  return h("form", { class: "filters graph-search", id: "graph-search", onsubmit: submit, hidden: true },
    input, h("datalist", { id: "graph-names" }), h("button", { type: "submit" }, "Find"), status);
}

function findNode(cy, query) {
  const wanted = query.trim().toLowerCase();
  if (!cy || !wanted) return null;
  const matches = cy.nodes().filter((node) => node.id().toLowerCase() === wanted || node.data("label").toLowerCase().includes(wanted));
  const exact = matches.filter((node) => node.id().toLowerCase() === wanted || node.data("label").toLowerCase() === wanted);
  const pool = exact.length ? exact : matches;
  return pool.length ? pool.sort((a, b) => b.data("degree") - a.data("degree"))[0] : null;
}

function legend() {
  const kinds = Object.keys(KIND_COLOURS);
  return h(
    "div",
    { class: "legend graph-legend", id: "graph-legend" },
    Object.entries(POLARITY_COLOURS).map(([polarity, colour]) => h("span", { class: "key" }, h("span", { class: "line", style: `border-color: ${colour}` }), polarity)),
    h("br"),
    kinds.map((kind) => h("span", { class: "key" }, h("span", { class: "swatch", style: `background: ${kindColour(kind)}` }), kind.replace("_", " "))),
    h("br"),
    h("span", { class: "muted" }, `Size: how many actors it has ties with. Labels: the most connected; hover or zoom in for the others. A click shows an actor's ties; a double click (or "Expand") adds its ties from the whole store.`),
  );
}

// How many distinct actors each actor has a tie with.
function degrees(edges) {
  const neighbours = new Map();
  for (const edge of edges) {
    if (edge.source === edge.target) continue;
    for (const [one, other] of [[edge.source, edge.target], [edge.target, edge.source]]) {
      if (!neighbours.has(one)) neighbours.set(one, new Set());
      neighbours.get(one).add(other);
    }
  }
  return new Map([...neighbours].map(([id, set]) => [id, set.size]));
}

function edgeElement(edge, index, maxWeight) {
  return {
    data: {
      id: `e${index}`,
      source: edge.source,
      target: edge.target,
      polarity: edge.polarity,
      weight: edge.weight || 1,
      colour: POLARITY_COLOURS[edge.polarity] || "#444",
      width: 1.5 + (6.5 * ((edge.weight || 1) - 1)) / Math.max(1, maxWeight - 1),
      index,
    },
  };
}

function nodeElement(node, degree, maxDegree, focus) {
  return {
    data: {
      id: node.id, label: node.name, kind: node.kind, country: node.country, colour: kindColour(node.kind),
      focus: node.id === focus ? 1 : 0, degree,
      size: 14 + 30 * Math.sqrt(degree / Math.max(1, maxDegree)),
    },
  };
}

const STYLE = [
  { selector: "node", style: { "background-color": "data(colour)", width: "data(size)", height: "data(size)", label: "", "font-size": LABEL_PX, "text-wrap": "wrap", "text-max-width": 140, color: "#1d2329", "text-valign": "bottom", "text-margin-y": 3, "text-background-color": "#ffffff", "text-background-opacity": 0.8, "text-background-padding": 2, "text-background-shape": "roundrectangle", "min-zoomed-font-size": 0 } },
  { selector: "node.labelled, node.hover, node.near, node:selected", style: { label: "data(label)", "z-index": 10 } },
  { selector: "node[focus = 1]", style: { "border-width": 3, "border-color": "#111" } },
  { selector: "edge", style: { "line-color": "data(colour)", "target-arrow-color": "data(colour)", "target-arrow-shape": "triangle", "curve-style": "bezier", width: "data(width)", opacity: 0.7 } },
  { selector: "edge[polarity = 'affiliation']", style: { "line-style": "dashed", "target-arrow-shape": "vee", width: 1.2 } },
  { selector: ".faded", style: { opacity: 0.12 } },
  { selector: "node:selected", style: { "border-width": 4, "border-color": "#ffb300" } },
  { selector: "edge:selected", style: { "overlay-color": "#ffd54f", "overlay-opacity": 0.45, "overlay-padding": 4 } },
];

function drawGraph(container, nodes, edges, focus, graph) {
  const degree = degrees(edges);
  const maxDegree = Math.max(1, ...degree.values());
  const maxWeight = Math.max(1, ...edges.map((edge) => edge.weight || 1));
  const cy = window.cytoscape({
    container,
    elements: [
      ...nodes.map((node) => nodeElement(node, degree.get(node.id) || 0, maxDegree, focus)),
      ...edges.map((edge, index) => edgeElement(edge, index, maxWeight)),
    ],
    style: [...STYLE, { selector: "node", style: { color: themeColour("ink"), "text-background-color": themeColour("paper") } }],
    layout: { name: "circle" },
    minZoom: 0.05,
    maxZoom: 4,
  });
  cy.layout({
    name: "cose", animate: false, randomize: false, padding: 24, gravity: 0.4, nodeOverlap: 20, componentSpacing: 90,
    nodeRepulsion: () => 250000, idealEdgeLength: () => 110, edgeElasticity: () => 80, numIter: 2000,
  }).run();
  const ranked = cy.nodes().sort((a, b) => b.data("degree") - a.data("degree") || a.data("label").localeCompare(b.data("label")));
  // labelled at any zoom: the most connected, but not an actor of one or two ties among hundreds
  const floor = nodes.length > LABELLED ? Math.max(3, 0.1 * maxDegree) : 0;
  const important = ranked.slice(0, LABELLED).filter((node) => node.data("degree") >= floor);
  // Labels keep one rendered size whatever the zoom; past 1.4 every actor is labelled.
  const scale = () => {
    cy.style().selector("node").style({ "font-size": LABEL_PX / cy.zoom(), "text-max-width": 160 / cy.zoom() }).update();
    cy.nodes().toggleClass("labelled", false);
    (cy.zoom() >= 1.4 ? cy.nodes() : important).addClass("labelled");
  };
  scale();
  cy.on("zoom", scale);
  cy.on("mouseover", "node", (e) => e.target.addClass("hover"));
  cy.on("mouseout", "node", (e) => e.target.removeClass("hover"));
  cy.on("tap", "edge", (e) => showTie(graph.edges[e.target.data("index")], graph.label));
  cy.on("tap", "node", (e) => focusNode(e.target));
  cy.on("dbltap", "node", (e) => expand(e.target.id()));
  cy.on("tap", (e) => {
    if (e.target === cy) cy.elements().removeClass("faded near");
  });
  document.getElementById("graph-names")?.replaceChildren(...ranked.map((node) => h("option", { value: node.data("label") })));
  Object.assign(handles, { cy, edges: graph.edges, graph });
  window.warlog = { ...(window.warlog || {}), cy };
}

// Select an actor, fade what is not its neighbourhood, label its neighbours and show its card.
function focusNode(node, { centre = false } = {}) {
  const cy = handles.cy;
  const near = node.closedNeighborhood();
  cy.elements().unselect().removeClass("near").addClass("faded");
  near.removeClass("faded");
  near.nodes().addClass("near");
  node.select();
  if (centre) {
    cy.zoom({ level: Math.max(cy.zoom(), 1), position: node.position() });
    cy.center(node);
  }
  showNode(node);
}

// Add an actor's ties from the whole store (with the view's period, type and affiliations) to the graph.
async function expand(id) {
  const { cy, graph } = handles;
  const data = await api("/api/graph", { params: { ...graph.filters, actor: id } });
  if (handles.cy !== cy) return; // the view changed meanwhile
  const known = new Set(graph.edges.map((edge) => `${edge.source} ${edge.target} ${edge.polarity}`));
  const added = (data.edges || []).filter((edge) => (graph.showAffiliations || edge.polarity !== "affiliation") && !known.has(`${edge.source} ${edge.target} ${edge.polarity}`));
  const centre = cy.getElementById(id).position();
  const fresh = (data.nodes || []).filter((node) => cy.getElementById(node.id).empty());
  for (const node of fresh) graph.nodeById.set(node.id, node);
  const maxWeight = Math.max(1, ...graph.edges.map((edge) => edge.weight || 1));
  cy.add(fresh.map((node, i) => ({ ...nodeElement(node, 1, 1, null), position: { x: centre.x + 120 * Math.cos(i), y: centre.y + 120 * Math.sin(i) } })));
  cy.add(added.map((edge, i) => edgeElement(edge, graph.edges.length + i, maxWeight)));
  graph.edges.push(...added);
  for (const node of cy.nodes()) node.data("degree", node.neighborhood().nodes().length);
  focusNode(cy.getElementById(id));
  return { nodes: fresh.length, edges: added.length };
}

function tiesTable(edges, label) {
  const rows = edges.map((edge, index) =>
    h(
      "tr",
      { class: "clickable", dataset: { edge: index }, onclick: () => showTie(edge, label) },
      h("td", null, h("span", { style: `color: ${POLARITY_COLOURS[edge.polarity] || "#444"}` }, edge.polarity)),
      h("td", null, bareButton(label(edge.source), " → ", label(edge.target))),
      h("td", { class: "num" }, String(edge.weight ?? "")),
      h("td", null, (edge.types || []).join(", ")),
      h("td", { class: "muted" }, [edge.first, edge.last].filter(Boolean).join(" – ")),
    ),
  );
  return table(["tie", "who → whom", "events", "types", "period"], rows, { class: "grid" });
}

function pairs(edge) {
  return (edge.events || []).map((pair) => (Array.isArray(pair) ? { document: pair[0], event: pair[1] } : pair));
}

// The events behind a tie, each with its evidence in its document.
export async function showTie(edge, label) {
  const header = h(
    "h3",
    null,
    h("span", { style: `color: ${POLARITY_COLOURS[edge.polarity] || "#444"}` }, edge.polarity),
    ": ",
    link("actors", edge.source, label(edge.source)),
    " → ",
    link("actors", edge.target, label(edge.target)),
  );
  const list = h("ol", { class: "tie-events", id: "tie-events" });
  show(h("article", { class: "card tie-card" }, header, h("p", { class: "muted" }, `${edge.weight ?? 0} events`, edge.first ? ` · ${edge.first} – ${edge.last}` : ""), list));
  if (edge.polarity === "affiliation" && pairs(edge).length === 0) {
    list.replaceWith(h("p", null, "An affiliation from the actor knowledge base: no events behind it."));
    return;
  }
  for (const { document: documentId, event: eventId } of pairs(edge)) {
    const documentReport = await report(documentId);
    const event = documentReport.events.find((candidate) => candidate.id === eventId);
    if (!event) continue;
    list.append(
      h(
        "li",
        { class: "tie-event", dataset: { event: eventId } },
        badge(event.type, "type"),
        " ",
        badge(event.status, `status-${event.status}`),
        " ",
        event.date?.value ? h("span", { class: "muted" }, event.date.value) : null,
        evidenceBlock(event.evidence, documentReport, documentId),
        h("div", { class: "muted small" }, link("documents", documentId, documentReport.document.title || documentId)),
      ),
    );
  }
}

// An actor's card: who it is, how connected, its ties by polarity with the strongest first.
function showNode(node) {
  const { graph } = handles;
  const id = node.id();
  const ties = graph.edges.filter((edge) => edge.source === id || edge.target === id);
  const byPolarity = new Map();
  for (const edge of ties) byPolarity.set(edge.polarity, (byPolarity.get(edge.polarity) || 0) + 1);
  const strongest = [...ties].sort((a, b) => (b.weight || 0) - (a.weight || 0)).slice(0, 8);
  const events = ties.reduce((sum, edge) => sum + (edge.polarity === "affiliation" ? 0 : edge.weight || 0), 0);
  show(
    h(
      "article",
      { class: "card node-card", dataset: { actor: id } },
      h("h3", null, graph.label(id)),
      h("p", { class: "muted" }, [node.data("kind")?.replace("_", " "), node.data("country")].filter(Boolean).join(" · ")),
      h("p", null, `Ties with ${node.data("degree")} actors · ${events} events · `,
        [...byPolarity].map(([polarity, count]) => h("span", { style: `color: ${POLARITY_COLOURS[polarity] || "#444"}` }, `${count} ${polarity} `))),
      strongest.length ? h("ol", { class: "node-ties" }, strongest.map((edge) => h("li", null,
        h("button", { type: "button", class: "bare", onclick: () => showTie(edge, graph.label) },
          h("span", { style: `color: ${POLARITY_COLOURS[edge.polarity] || "#444"}` }, edge.polarity), " ",
          edge.source === id ? `→ ${graph.label(edge.target)}` : `← ${graph.label(edge.source)}`,
          h("span", { class: "muted" }, ` (${edge.weight ?? 0})`))))) : null,
      h("p", null, h("button", { type: "button", class: "button", id: "graph-expand", onclick: () => expand(id) }, "Expand: add its ties from the whole store")),
      h("p", null, link("actors", id, `Everything about ${graph.label(id)} →`, null, { class: "button" })),
      h("p", null, link("graph", null, "Only this actor's ties", { ...graph.filters, affiliations: graph.showAffiliations ? null : "0", actor: id })),
    ),
  );
}
