// Documents: the list, and a reader with the text and its facts highlighted. The text is cut into
// segments at every fact boundary and each segment is a text node inside a span: never markup.

import { all, report, shown } from "./api.js";
import { actorCard, claimCard, eventCard, namer, placeCard, show } from "./details.js";
import { badge, clear, empty, h, onPressKey, route } from "./dom.js";
import { kindColour } from "./palette.js";

const LAYERS = [
  ["actor", "actors"],
  ["place", "places"],
  ["event", "events"],
  ["claim", "claims"],
];
// Which fact a click (or Enter, or Space) on overlapping highlights shows: the most specific one.
const PRIORITY = { actor: 0, place: 1, event: 2, claim: 3 };

export async function documentsView(root, id, params) {
  const list = h("ol", { class: "doc-list", id: "doc-list" });
  const search = h("input", { type: "search", placeholder: "Search the texts", value: params.get("q") || "", "aria-label": "Search" });
  const reader = h("section", { class: "reader", id: "reader" });
  clear(
    root,
    h(
      "div",
      { class: "documents" },
      h("div", { class: "doc-side" }, h("form", { class: "filters", onsubmit: (e) => { e.preventDefault(); window.location.hash = route("documents", id, { q: search.value }); } }, search), list),
      reader,
    ),
  );
  const documents = await all("/api/documents", { q: params.get("q") || undefined, sort: params.get("sort") || undefined }, 500);
  if (documents.length === 0) list.append(empty("No documents match."));
  else list.before(h("p", { class: "muted small" }, `${shown(documents)} documents`));
  for (const item of documents) {
    list.append(
      h(
        "li",
        { class: item.id === id ? "current" : null, dataset: { document: item.id } },
        h("a", { href: route("documents", item.id, params.get("q") ? { q: params.get("q") } : null) }, item.title || item.id),
        h("div", { class: "muted small" }, [item.published, item.source].filter(Boolean).join(" · ") || "no date",
          item.events !== undefined ? ` · ${item.events} events · ${item.claims} claims` : ""),
      ),
    );
  }
  const chosen = id || documents[0]?.id;
  if (chosen) await readDocument(reader, chosen, params);
  else clear(reader, empty("The store has no documents yet: `warlog ingest FILE --db PATH`."));
}

async function readDocument(reader, documentId, params) {
  const documentReport = await report(documentId);
  const { document: meta } = documentReport;
  const name = await namer(documentReport);
  const text = h("div", {
    class: "doc-text",
    id: "doc-text",
    role: "group",
    "aria-label": "The text and its facts",
    "aria-describedby": "doc-keys",
  });
  const legend = h(
    "div",
    { class: "legend" },
    LAYERS.map(([layer, label]) =>
      h(
        "label",
        { class: `toggle layer-${layer}` },
        h("input", { type: "checkbox", checked: true, onchange: (e) => {
          text.classList.toggle(`hide-${layer}`, !e.target.checked);
          describeSegments(text, segments, name);
        } }),
        ` ${label} (${countOf(documentReport, label)})`,
      ),
    ),
  );
  clear(
    reader,
    h("h2", { id: "doc-title" }, meta.title || documentId),
    h("p", { class: "muted" }, [meta.author, meta.source, meta.published].filter(Boolean).join(" · ")),
    legend,
    h("p", { class: "muted keys", id: "doc-keys" }, "Keyboard: Tab into the text, arrow keys from fact to fact, Enter to open one."),
    text,
  );
  const facts = collectFacts(documentReport);
  const segments = new WeakMap();
  renderText(text, meta.text, facts, segments);
  describeSegments(text, segments, name);
  const context = { documentReport, documentId, name };
  const open = (e) => {
    const segment = e.target.closest(".seg");
    const visible = segment && segments.has(segment) ? visibleFacts(text, segments.get(segment)) : [];
    if (visible.length) showFact(visible[0], visible.slice(1), context);
  };
  text.addEventListener("click", open);
  text.addEventListener("keydown", onPressKey(open));
  text.addEventListener("keydown", moveBetweenFacts(text));
  text.addEventListener("focusin", (e) => {
    if (e.target.matches(".seg[role='button']")) rove(text, e.target);
  });
  const at = /^(\d+)-(\d+)$/.exec(params.get("at") || "");
  if (at) flash(text, Number(at[1]), Number(at[2]));
}

function countOf(documentReport, key) {
  return (documentReport[key] || []).length;
}

function collectFacts(documentReport) {
  const facts = [];
  for (const actor of documentReport.actors || []) {
    for (const mention of actor.mentions || []) facts.push({ layer: "actor", start: mention.start, end: mention.end, item: actor });
  }
  for (const place of documentReport.places || []) {
    for (const mention of place.mentions || []) facts.push({ layer: "place", start: mention.start, end: mention.end, item: place });
  }
  for (const event of documentReport.events || []) {
    for (const evidence of [event.evidence, ...(event.also || [])]) {
      if (evidence) facts.push({ layer: "event", start: evidence.start, end: evidence.end, item: event });
    }
  }
  for (const claim of documentReport.claims || []) {
    if (claim.evidence) facts.push({ layer: "claim", start: claim.evidence.start, end: claim.evidence.end, item: claim });
  }
  return facts.filter((fact) => Number.isInteger(fact.start) && fact.end > fact.start);
}

function renderText(container, text, facts, segments) {
  const cuts = new Set([0, text.length]);
  for (const fact of facts) {
    cuts.add(Math.max(0, Math.min(fact.start, text.length)));
    cuts.add(Math.max(0, Math.min(fact.end, text.length)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const fragment = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i += 1) {
    const [start, end] = [points[i], points[i + 1]];
    const piece = text.slice(start, end);
    const covering = facts
      .filter((fact) => fact.start <= start && fact.end >= end)
      .sort((a, b) => PRIORITY[a.layer] - PRIORITY[b.layer] || a.end - a.start - (b.end - b.start));
    if (covering.length === 0) {
      fragment.append(document.createTextNode(piece));
      continue;
    }
    const layers = new Set(covering.map((fact) => fact.layer));
    const span = h("span", { class: ["seg", ...[...layers].map((layer) => `f-${layer}`)].join(" "), dataset: { start, end } }, piece);
    const actor = covering.find((fact) => fact.layer === "actor");
    if (actor) {
      span.dataset.actor = actor.item.id;
      span.dataset.kind = actor.item.kind || "other";
      span.style.setProperty("--kind", kindColour(actor.item.kind));
    }
    const event = covering.find((fact) => fact.layer === "event");
    if (event) span.dataset.event = event.item.id;
    const claim = covering.find((fact) => fact.layer === "claim");
    if (claim) span.dataset.claim = claim.item.id;
    segments.set(span, covering);
    fragment.append(span);
  }
  container.append(fragment);
}

function visibleFacts(text, covering) {
  return covering.filter((fact) => !text.classList.contains(`hide-${fact.layer}`));
}

// Every span with a shown fact is a button, named for what it is ("actor Russia, event ATTACK: Russian")
// and for its own words, which the name replaces for a screen reader; a span whose layers are all switched
// off is plain text again. The text is one Tab stop (a roving tabindex, as in WAI-ARIA's composite
// widgets): Tab enters it at the fact last visited, the arrow keys move from fact to fact in reading
// order, Home and End go to the first and last, Tab leaves. A long article has hundreds of facts.
function describeSegments(text, segments, name) {
  const current = text.querySelector(".seg[tabindex='0']");
  for (const span of text.querySelectorAll(".seg")) {
    const visible = visibleFacts(text, segments.get(span) || []);
    if (visible.length === 0) {
      for (const attribute of ["tabindex", "role", "aria-label"]) span.removeAttribute(attribute);
      continue;
    }
    const words = span.textContent.replace(/\s+/g, " ").trim();
    const what = [...new Set(visible.map((fact) => describe(fact, name)))].join(", ");
    span.setAttribute("tabindex", "-1");
    span.setAttribute("role", "button");
    span.setAttribute("aria-label", words ? `${what}: ${words.length > 80 ? `${words.slice(0, 79)}…` : words}` : what);
  }
  const stop = current && current.getAttribute("role") === "button" ? current : text.querySelector(".seg[role='button']");
  if (stop) stop.setAttribute("tabindex", "0");
}

// The one fact of the text that Tab reaches.
function rove(text, span) {
  for (const other of text.querySelectorAll(".seg[tabindex='0']")) {
    if (other !== span) other.setAttribute("tabindex", "-1");
  }
  span.setAttribute("tabindex", "0");
}

const MOVES = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Home: "first", End: "last" };

function moveBetweenFacts(text) {
  return (e) => {
    const move = MOVES[e.key];
    const from = e.target.closest(".seg[role='button']");
    if (move === undefined || !from) return;
    e.preventDefault();
    const spans = [...text.querySelectorAll(".seg[role='button']")];
    const at = move === "first" ? 0 : move === "last" ? spans.length - 1 : spans.indexOf(from) + move;
    const to = spans[Math.max(0, Math.min(spans.length - 1, at))];
    rove(text, to);
    to.focus();
  };
}

function describe(fact, name) {
  const { item } = fact;
  if (fact.layer === "actor" || fact.layer === "place") return `${fact.layer} ${item.name || item.id}`;
  if (fact.layer === "event") return `event ${item.type}`;
  const speaker = item.speaker ? name(item.speaker).name : item.speaker_text;
  return speaker ? `claim by ${speaker}` : "unattributed claim";
}

function showFact(fact, others, context) {
  const cards = {
    actor: () => actorCard(fact.item, context),
    place: () => placeCard(fact.item, context),
    event: () => eventCard(fact.item, context),
    claim: () => claimCard(fact.item, context),
  };
  const alsoHere = others.filter((other) => other.item !== fact.item);
  show(
    cards[fact.layer](),
    alsoHere.length
      ? h(
          "div",
          { class: "also-here" },
          h("h4", null, "Also here"),
          h(
            "ul",
            { class: "plain" },
            alsoHere.map((other) =>
              h("li", null, h("button", { type: "button", class: "linkish", onclick: () => showFact(other, [], context) }, badge(other.layer), " ", labelOf(other))),
            ),
          ),
        )
      : null,
  );
}

function labelOf(fact) {
  if (fact.layer === "actor" || fact.layer === "place") return fact.item.name;
  if (fact.layer === "event") return `${fact.item.type}: ${fact.item.evidence?.text || ""}`;
  return `${fact.item.speaker_text || "unattributed"}: ${fact.item.text.slice(0, 80)}`;
}

function flash(container, start, end) {
  const hits = [...container.querySelectorAll(".seg")].filter(
    (span) => Number(span.dataset.start) >= start && Number(span.dataset.end) <= end,
  );
  for (const span of hits) span.classList.add("flash");
  if (hits[0]) hits[0].scrollIntoView({ block: "center" });
}
