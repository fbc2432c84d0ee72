// The actors graph (Cytoscape.js): cooperative and hostile ties, width by the number of events behind
// them, and affiliations; filtered by period, event type and actor. A click on a tie lists its events
// with their evidence.

import { api, report } from "./api.js";
import { evidenceBlock, namer, show } from "./details.js";
import { badge, bareButton, choice, clear, empty, filterForm, h, link, table } from "./dom.js";
import { EVENT_TYPES, KIND_COLOURS, kindColour, POLARITY_COLOURS } from "./palette.js";

export const handles = {}; // the live Cytoscape instance, for the browser tests and the console

export async function graphView(root, params) {
  const form = filtersForm(params);
  const canvas = h("div", { class: "graph", id: "graph" });
  const ties = h("div", { class: "ties", id: "ties" });
  clear(root, h("section", { class: "graph-page" }, form, h("div", { class: "graph-wrap" }, canvas, legend()), ties));
  const data = await api("/api/graph", {
    params: {
      since: params.get("since"),
      until: params.get("until"),
      type: params.get("type"),
      actor: params.get("actor"),
      affiliations: params.get("affiliations") === "0" ? "false" : null,
    },
  });
  const showAffiliations = params.get("affiliations") !== "0";
  const edges = (data.edges || []).filter((edge) => showAffiliations || edge.polarity !== "affiliation");
  if ((data.nodes || []).length === 0) {
    clear(canvas, empty("No ties for these filters."));
    return;
  }
  const name = await namer(null);
  const nodeById = new Map(data.nodes.map((node) => [node.id, node]));
  const label = (id) => nodeById.get(id)?.name || name(id).name;
  drawGraph(canvas, data.nodes, edges, params.get("actor"), label);
  clear(ties, h("h3", null, `Ties (${edges.length})`), tiesTable(edges, label));
}

function filtersForm(params) {
  const input = (key, attrs) => h("input", { name: key, value: params.get(key) || "", ...attrs });
  const affiliations = h("input", { type: "checkbox", name: "affiliations", checked: params.get("affiliations") !== "0" });
  const values = (data) => ({
    since: data.get("since"),
    until: data.get("until"),
    type: data.get("type"),
    actor: data.get("actor"),
    affiliations: affiliations.checked ? null : "0",
  });
  return filterForm("graph", values, [
    h("label", null, "from ", input("since", { placeholder: "YYYY-MM-DD", size: 10, pattern: "\\d{4}(-\\d{2}(-\\d{2})?)?" })),
    h("label", null, "to ", input("until", { placeholder: "YYYY-MM-DD", size: 10, pattern: "\\d{4}(-\\d{2}(-\\d{2})?)?" })),
    h("label", null, "type ", choice("type", EVENT_TYPES, params, "all event types", { "aria-label": "event type" })),
    h("label", null, "actor ", input("actor", { placeholder: "id or name", size: 14 })),
    h("label", null, affiliations, " affiliations"),
  ], { id: "graph-filters" });
}

function legend() {
  const kinds = Object.keys(KIND_COLOURS);
  return h(
    "div",
    { class: "legend graph-legend" },
    Object.entries(POLARITY_COLOURS).map(([polarity, colour]) => h("span", { class: "key" }, h("span", { class: "line", style: `border-color: ${colour}` }), polarity)),
    h("br"),
    kinds.map((kind) => h("span", { class: "key" }, h("span", { class: "swatch", style: `background: ${kindColour(kind)}` }), kind.replace("_", " "))),
  );
}

function drawGraph(container, nodes, edges, focus, label) {
  const maxWeight = Math.max(1, ...edges.map((edge) => edge.weight || 1));
  const elements = [
    ...nodes.map((node) => ({ data: { id: node.id, label: node.name, colour: kindColour(node.kind), focus: node.id === focus ? 1 : 0 } })),
    ...edges.map((edge, index) => ({
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
    })),
  ];
  const cy = window.cytoscape({
    container,
    elements,
    style: [
      { selector: "node", style: { "background-color": "data(colour)", label: "data(label)", "font-size": 10, "text-wrap": "wrap", "text-max-width": 90, width: 22, height: 22, color: "#222", "text-valign": "bottom", "text-margin-y": 3, "text-background-color": "#ffffff", "text-background-opacity": 0.75, "text-background-padding": 1 } },
      { selector: "node[focus = 1]", style: { "border-width": 3, "border-color": "#111", width: 30, height: 30 } },
      { selector: "edge", style: { "line-color": "data(colour)", "target-arrow-color": "data(colour)", "target-arrow-shape": "triangle", "curve-style": "bezier", width: "data(width)", opacity: 0.85 } },
      { selector: "edge[polarity = 'affiliation']", style: { "line-style": "dashed", "target-arrow-shape": "vee", width: 1.2 } },
      { selector: ":selected", style: { "overlay-color": "#ffd54f", "overlay-opacity": 0.45, "overlay-padding": 4 } },
    ],
    layout: { name: "circle" },
  });
  cy.layout({
    name: "cose", animate: false, randomize: false, padding: 24, gravity: 0.4, nodeOverlap: 20, componentSpacing: 90,
    nodeRepulsion: () => 250000, idealEdgeLength: () => 110, edgeElasticity: () => 80, numIter: 2000,
  }).run();
  cy.on("tap", "edge", (e) => showTie(edges[e.target.data("index")], label));
  cy.on("tap", "node", (e) => showNode(e.target.id(), label));
  handles.cy = cy;
  handles.edges = edges;
  window.warlog = { ...(window.warlog || {}), cy };
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

function showNode(id, label) {
  show(
    h(
      "article",
      { class: "card" },
      h("h3", null, label(id)),
      h("p", null, link("actors", id, `Everything about ${label(id)} →`, null, { class: "button" })),
      h("p", null, link("graph", null, "Only this actor's ties", { actor: id })),
    ),
  );
}
