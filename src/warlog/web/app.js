// warlog's page: a hash router over the views. Each view renders into #view from the JSON API; the
// details panel (#details) shows one fact at a time with its evidence. <body data-state> is "loading",
// "ready" or "error" once the current view has rendered, for people and browser tests alike.

import { actorView } from "./actor.js";
import { download } from "./api.js";
import { claimsView } from "./claims.js";
import { correctionsView } from "./corrections.js";
import { returnOnEscape } from "./details.js";
import { documentsView } from "./documents.js";
import { carried, exported, exportHref } from "./filters.js";
import { handles as graphHandles, graphView } from "./graph.js";
import { handles as mapHandles, mapView } from "./map.js";
import { reviewView } from "./review.js";
import { timelineView } from "./timeline.js";
import { trendsView } from "./trends.js";

const VIEWS = {
  documents: (root, id, params) => documentsView(root, id, params),
  actors: (root, id) => actorView(root, id),
  graph: (root, id, params) => graphView(root, params),
  map: (root, id, params) => mapView(root, params),
  timeline: (root, id, params) => timelineView(root, params),
  trends: (root, id, params) => trendsView(root, params),
  claims: (root, id, params) => claimsView(root, params),
  review: (root, id, params) => reviewView(root, params),
  corrections: (root, id, params) => correctionsView(root, params),
};

let generation = 0;
let shownView = null;
const detailsHint = [...document.getElementById("details").childNodes].map((node) => node.cloneNode(true));

function parse(hash) {
  const [path, query] = hash.replace(/^#\/?/, "").split("?");
  const [view, ...rest] = path.split("/");
  const id = rest.length ? decodeURIComponent(rest.join("/")) : null;
  return { view: VIEWS[view] ? view : "documents", id, params: new URLSearchParams(query || "") };
}

function release() {
  graphHandles.cy?.destroy();
  graphHandles.cy = null;
  mapHandles.map?.remove();
  mapHandles.map = null;
}

function showError(message) {
  const banner = document.getElementById("error");
  banner.textContent = message;
  banner.hidden = !message;
}

async function render() {
  const { view, id, params } = parse(window.location.hash);
  const current = (generation += 1);
  release();
  showError("");
  document.body.dataset.view = view;
  document.body.dataset.state = "loading";
  document.getElementById("busy").hidden = false;
  if (view !== shownView) {
    // a new view starts with the hint, not the previous view's card
    document.getElementById("details").replaceChildren(...detailsHint.map((node) => node.cloneNode(true)));
  }
  shownView = view;
  carryFilters(params);
  for (const link of document.querySelectorAll("#nav a")) {
    const active = link.dataset.view === view;
    link.classList.toggle("active", active);
    if (active) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  const root = document.getElementById("view");
  try {
    await VIEWS[view](root, id, params);
    if (current === generation) document.body.dataset.state = "ready";
  } catch (error) {
    if (current !== generation) return;
    console.error(error);
    showError(error.message || String(error));
    document.body.dataset.state = "error";
  } finally {
    if (current === generation) document.getElementById("busy").hidden = true;
  }
}

// The shared filters (warlog/web/filters.js) follow the nav links to the next view and go with every
// export; the menu says which of them a format cannot take.
function carryFilters(params) {
  const kept = new URLSearchParams(carried(params)).toString();
  for (const link of document.querySelectorAll("#nav a[data-view]")) {
    link.setAttribute("href", `#/${link.dataset.view}${kept ? `?${kept}` : ""}`);
  }
  for (const link of document.querySelectorAll(".export-menu a[data-format]")) {
    const { href, left } = exportHref(link.dataset.format, params);
    link.setAttribute("href", href);
    link.title = left.length ? `without the filter${left.length > 1 ? "s" : ""} ${left.join(", ")}, which this format does not take` : "";
  }
  const given = Object.entries(exported(params));
  const note = document.getElementById("export-note");
  note.textContent = given.length ? `with this view's filters: ${given.map(([k, v]) => `${k} ${v}`).join(", ")}` : "the whole store";
}

// Exports go through the API helper, so a server with a token gets it on these requests too.
for (const link of document.querySelectorAll(".export-menu a[data-format]")) {
  link.addEventListener("click", (event) => {
    event.preventDefault();
    download(link.getAttribute("href")).catch((error) => showError(error.message || String(error)));
  });
}

document.getElementById("details").addEventListener("keydown", returnOnEscape);
window.addEventListener("hashchange", render);
// a view that changes its filters in place (the map's period slider) says so
window.addEventListener("warlog:filters", () => carryFilters(parse(window.location.hash).params));
render();
