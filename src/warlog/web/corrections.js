// Corrections: merge two actors, add an alias, fix an event's type, actors or status, reject a fact;
// each goes to POST /api/corrections, and the audit trail (who, when, before and after) is listed below.

import { actorIndex, all, api, forget } from "./api.js";
import { clear, empty, h, table } from "./dom.js";
import { EVENT_STATUSES, EVENT_TYPES } from "./palette.js";

const KINDS = {
  merge_actors: "Merge two actors",
  add_alias: "Add an alias",
  set_event_type: "Fix an event's type",
  set_event_actors: "Fix an event's actors",
  set_event_status: "Fix an event's status",
  reject: "Reject a fact",
};
const FACTS = ["event", "claim", "actor", "mention", "contradiction"];
const AUTHOR_KEY = "warlog.author";

export async function correctionsView(root, params) {
  const kind = KINDS[params.get("kind")] ? params.get("kind") : "merge_actors";
  const documents = await all("/api/documents", { sort: "title" });
  const fields = h("div", { class: "fields", id: "correction-fields" });
  const message = h("p", { class: "form-message", id: "correction-message", role: "status" });
  const trail = h("div", { id: "trail" });
  const kindSelect = h(
    "select",
    { name: "kind", id: "correction-kind", onchange: () => renderFields(fields, kindSelect.value, params, documents) },
    Object.entries(KINDS).map(([value, label]) => h("option", { value, selected: value === kind }, label)),
  );
  const author = h("input", { name: "author", id: "correction-author", required: true, size: 16, value: storedAuthor() });
  const note = h("input", { name: "note", id: "correction-note", size: 40, placeholder: "why (optional)" });
  const form = h(
    "form",
    { class: "correction-form", id: "correction-form", onsubmit: (e) => submit(e, form, message, trail) },
    h("label", null, "What ", kindSelect),
    fields,
    h("label", null, "Your name ", author),
    h("label", null, "Note ", note),
    h("button", { type: "submit", id: "correction-submit" }, "Save the correction"),
    message,
  );
  clear(
    root,
    h("section", { class: "corrections-page" },
      h("h2", null, "Correct what warlog found"),
      h("p", { class: "muted" }, "A correction is kept with who made it and when, and is applied again whenever a document is re-analysed."),
      form,
      h("h2", null, "Audit trail"),
      trail),
    h("datalist", { id: "actor-ids" }),
  );
  renderFields(fields, kind, params, documents);
  fillActors(root.querySelector("#actor-ids"));
  await loadTrail(trail);
}

function storedAuthor() {
  try {
    return window.localStorage.getItem(AUTHOR_KEY) || "";
  } catch {
    return "";
  }
}

async function fillActors(datalist) {
  try {
    for (const actor of (await actorIndex()).values()) datalist.append(h("option", { value: actor.id }, actor.name));
  } catch {
    // ids can still be typed by hand
  }
}

function input(name, label, attrs) {
  return h("label", null, `${label} `, h("input", { name, required: true, size: 22, ...attrs }));
}

function select(name, label, values, selected) {
  return h("label", null, `${label} `, h("select", { name }, values.map((value) => h("option", { value, selected: value === selected }, value))));
}

// The document a correction of one document's fact belongs to.
function documentField(documents, selected) {
  return h(
    "label",
    null,
    "in document ",
    h("select", { name: "document", required: true },
      documents.map((item) => h("option", { value: item.id, selected: item.id === selected }, item.title || item.id))),
  );
}

function renderFields(fields, kind, params, documents) {
  const target = params.get("target") || "";
  const inDocument = () => documentField(documents, params.get("document"));
  const actorAttrs = { list: "actor-ids", autocomplete: "off" };
  const byKind = {
    merge_actors: () => [input("target", "Merge actor", { ...actorAttrs, value: target }), input("after", "into actor", actorAttrs)],
    add_alias: () => [input("target", "Actor", { ...actorAttrs, value: target }), input("after", "alias")],
    set_event_type: () => [inDocument(), input("target", "Event id", { value: target }), select("type", "new type", EVENT_TYPES), input("mode", "mode", { required: false, placeholder: "optional" })],
    set_event_actors: () => [
      inDocument(),
      input("target", "Event id", { value: target }),
      input("actors", "actors", { required: false, placeholder: "ids, comma-separated" }),
      input("recipients", "recipients", { required: false, placeholder: "ids, comma-separated" }),
    ],
    set_event_status: () => [inDocument(), input("target", "Event id", { value: target }), select("after", "new status", EVENT_STATUSES)],
    reject: () => [inDocument(), select("fact", "Fact", FACTS, params.get("fact") || factOf(target)), input("target", "id", { value: target, placeholder: "ev_…, cl_…, an actor id, ACTOR@START" })],
  };
  clear(fields, byKind[kind]());
}

function factOf(target) {
  if (target.startsWith("ev_")) return "event";
  if (target.startsWith("cl_")) return "claim";
  if (target.startsWith("cx_")) return "contradiction";
  if (/@\d+$/.test(target)) return "mention";
  return target ? "actor" : "event";
}

const ids = (value) => (value ? String(value).split(",").map((id) => id.trim()).filter(Boolean) : null);

function bodyOf(data) {
  const kind = data.get("kind");
  const body = { kind, target: data.get("target").trim(), author: data.get("author").trim(), note: data.get("note").trim() || null };
  if (data.get("document")) body.document = data.get("document");
  if (kind.startsWith("set_event_")) body.fact = "event";
  if (kind === "set_event_type") body.after = { type: data.get("type"), mode: data.get("mode").trim() || null };
  else if (kind === "set_event_actors") body.after = { actors: ids(data.get("actors")), recipients: ids(data.get("recipients")) };
  else if (kind === "reject") body.fact = data.get("fact");
  else body.after = data.get("after").trim();
  return body;
}

async function submit(e, form, message, trail) {
  e.preventDefault();
  const body = bodyOf(new FormData(form));
  try {
    window.localStorage.setItem(AUTHOR_KEY, body.author);
  } catch {
    // a private window: the name is simply not remembered
  }
  message.className = "form-message";
  message.textContent = "Saving…";
  try {
    const saved = await api("/api/corrections", { method: "POST", body });
    forget();
    const applied = saved.applied === false ? " (saved, but it found nothing to change)" : "";
    message.textContent = `Correction ${saved.id ?? ""} saved${applied}.`;
    message.classList.add("ok");
    await loadTrail(trail);
  } catch (error) {
    message.textContent = error.message;
    message.classList.add("bad");
  }
}

const show = (value) => (value === null || value === undefined ? "—" : typeof value === "string" ? value : JSON.stringify(value));

async function loadTrail(trail) {
  const items = await all("/api/corrections", { sort: "-at" });
  if (items.length === 0) {
    clear(trail, empty("No corrections yet."));
    return;
  }
  const rows = items.map((item) =>
    h(
      "tr",
      { dataset: { correction: item.id }, class: item.applied === false ? "not-applied" : null },
      h("td", null, String(item.at ?? "").replace("T", " ").slice(0, 19)),
      h("td", null, item.author || "—"),
      h("td", null, item.kind, item.fact && item.kind === "reject" ? ` ${item.fact}` : ""),
      h("td", null, h("code", null, item.target)),
      h("td", { class: "before" }, item.before_text ?? show(item.before)),
      h("td", { class: "after" }, item.after_text ?? show(item.after)),
      h("td", null, item.note || ""),
      h("td", null, item.applied === false ? "not applied" : "applied"),
    ),
  );
  clear(trail, table(["when", "who", "what", "target", "before", "after", "note", ""], rows, { class: "grid", id: "trail-table" }));
}
