// The review queue (#/review): the events and claims most worth a decision first (GET /api/review), decided
// from the keyboard alone. a accepts, r rejects, f fixes an event (type, mode, status), s skips, j/k or the
// arrow keys move. Every decision is a correction (POST /api/corrections), kept in the audit trail with
// the analyst's name; an accepted or rejected item leaves the queue.

import { api, forget } from "./api.js";
import { clear, empty, h, route } from "./dom.js";
import { EVENT_STATUSES, EVENT_TYPES } from "./palette.js";

const AUTHOR_KEY = "warlog.author";
const PAGE = 50;
const HELP = "a accept · r reject · f fix · s skip · j/k or ↓/↑ move";

export async function reviewView(root, params) {
  const fact = ["event", "claim"].includes(params.get("fact")) ? params.get("fact") : "";
  const state = { fact, items: [], total: 0, index: 0, busy: false };
  await load(state);
  const ui = {
    count: h("span", { id: "review-count" }),
    author: h("input", { id: "review-author", name: "author", size: 16, value: storedAuthor(), placeholder: "your name", "aria-label": "Your name (kept with each decision)" }),
    list: h("ol", { id: "review-list", class: "review-list" }),
    card: h("section", { id: "review-card", class: "review-card", tabindex: "-1", "aria-live": "polite" }),
    message: h("p", { id: "review-message", class: "form-message", role: "status" }),
  };
  ui.author.addEventListener("keydown", (e) => {
    if (e.key !== "Enter" && e.key !== "Escape") return;
    e.preventDefault();
    rememberAuthor(ui.author.value.trim());
    ui.card.focus();
  });
  clear(
    root,
    h("section", { class: "review-page" },
      h("div", { class: "review-head" },
        h("h2", null, "Review queue ", ui.count),
        h("label", null, "Your name ", ui.author),
        h("p", { class: "muted review-keys" }, HELP)),
      ui.message,
      h("div", { class: "review-body" }, ui.list, ui.card)),
  );
  show(state, ui);
  const onKey = (e) => {
    if (!ui.card.isConnected) {
      document.removeEventListener("keydown", onKey); // another view is shown
      return;
    }
    handleKey(e, state, ui);
  };
  document.addEventListener("keydown", onKey);
}

async function load(state) {
  const data = await api("/api/review", { params: { fact: state.fact, limit: PAGE } });
  state.items = data.items;
  state.total = data.total;
  state.index = Math.min(state.index, Math.max(0, state.items.length - 1));
}

function storedAuthor() {
  try {
    return window.localStorage.getItem(AUTHOR_KEY) || "";
  } catch {
    return "";
  }
}

function rememberAuthor(name) {
  try {
    if (name) window.localStorage.setItem(AUTHOR_KEY, name);
  } catch {
    // a private window: the name is simply not remembered
  }
}

function handleKey(e, state, ui) {
  if (e.ctrlKey || e.metaKey || e.altKey || state.busy) return;
  if (e.target instanceof Element && e.target.closest("input, select, textarea, form")) return;
  const actions = {
    a: () => decide(state, ui, "accept"),
    r: () => decide(state, ui, "reject"),
    f: () => openFix(state, ui),
    s: () => move(state, ui, 1),
    j: () => move(state, ui, 1),
    ArrowDown: () => move(state, ui, 1),
    k: () => move(state, ui, -1),
    ArrowUp: () => move(state, ui, -1),
  };
  const action = actions[e.key.length === 1 ? e.key.toLowerCase() : e.key];
  if (!action) return;
  e.preventDefault();
  action();
}

function move(state, ui, step) {
  if (!state.items.length) return;
  state.index = Math.max(0, Math.min(state.items.length - 1, state.index + step));
  say(ui, "");
  show(state, ui);
}

function say(ui, text, tone) {
  ui.message.className = `form-message${tone ? ` ${tone}` : ""}`;
  ui.message.textContent = text;
}

function show(state, ui) {
  ui.count.textContent = `(${state.total} waiting)`;
  clear(
    ui.list,
    state.items.map((item, i) =>
      h("li", { class: i === state.index ? "current" : null, dataset: { index: i, id: item.id }, "aria-current": i === state.index ? "true" : null },
        h("span", { class: `review-fact f-${item.fact}` }, item.fact), " ", item.summary),
    ),
  );
  ui.list.querySelector("li.current")?.scrollIntoView({ block: "nearest" });
  const item = state.items[state.index];
  if (!item) {
    clear(ui.card, empty(state.total ? "Loading the next items…" : "Nothing to review: every event and claim has been decided on."));
    delete ui.card.dataset.id;
    return;
  }
  Object.assign(ui.card.dataset, { id: item.id, document: item.document, fact: item.fact });
  const at = item.evidence.start - item.context_start;
  const end = at + item.evidence.text.length;
  clear(
    ui.card,
    h("p", { class: "muted" }, `${state.index + 1} of ${state.items.length} · ${item.fact} `, h("code", null, item.id)),
    h("h3", { class: "review-summary" }, item.summary),
    h("blockquote", { class: "evidence", id: "review-evidence" }, item.context.slice(0, at), h("mark", null, item.context.slice(at, end)), item.context.slice(end)),
    h("p", null, h("a", { href: route("documents", item.document, { at: `${item.evidence.start}-${item.evidence.end}` }) }, item.title || item.document)),
    h("p", { class: "muted review-reasons" }, item.reasons.join(" · ")),
    h("div", { class: "review-actions" },
      h("button", { type: "button", onclick: () => decide(state, ui, "accept") }, "Accept (a)"),
      h("button", { type: "button", class: "button", onclick: () => decide(state, ui, "reject") }, "Reject (r)"),
      h("button", { type: "button", class: "button", onclick: () => openFix(state, ui) }, "Fix (f)"),
      h("button", { type: "button", class: "button", onclick: () => move(state, ui, 1) }, "Skip (s)")),
  );
}

function authorOrAsk(ui) {
  const author = ui.author.value.trim();
  if (author) {
    rememberAuthor(author);
    return author;
  }
  say(ui, "Give your name first (it is kept with each decision), then press Enter.", "bad");
  ui.author.focus();
  return null;
}

async function post(ui, body) {
  const saved = await api("/api/corrections", { method: "POST", body: { ...body, note: "review queue" } });
  forget();
  return saved;
}

async function decide(state, ui, kind) {
  const item = state.items[state.index];
  const author = item && authorOrAsk(ui);
  if (!author) return;
  state.busy = true;
  try {
    const saved = await post(ui, { kind, fact: item.fact, document: item.document, target: item.id, author });
    state.items.splice(state.index, 1);
    state.total -= 1;
    if (!state.items.length && state.total > 0) await load(state);
    state.index = Math.min(state.index, Math.max(0, state.items.length - 1));
    show(state, ui);
    say(ui, `${kind === "accept" ? "Accepted" : "Rejected"} ${item.fact} ${item.id} (correction ${saved.id}).`, "ok");
  } catch (error) {
    say(ui, error.message, "bad");
  } finally {
    state.busy = false;
  }
}

// Fixing an event: its type (and mode) and its status, each changed one a correction; the item stays in
// the queue, fixed, to be accepted.
function openFix(state, ui) {
  const item = state.items[state.index];
  if (!item) return;
  if (item.fact !== "event") {
    say(ui, "A claim is fixed by rejecting it (r) or by fixing the event it reports.", "bad");
    return;
  }
  const type = h("select", { name: "type", id: "fix-type" }, EVENT_TYPES.map((t) => h("option", { value: t, selected: t === item.type }, t)));
  const mode = h("input", { name: "mode", id: "fix-mode", size: 14, value: item.mode || "", placeholder: "mode (optional)" });
  const status = h("select", { name: "status", id: "fix-status" }, EVENT_STATUSES.map((s) => h("option", { value: s, selected: s === item.status }, s)));
  const form = h("form", { class: "review-fix correction-form", id: "review-fix" },
    h("label", null, "type ", type), h("label", null, "mode ", mode), h("label", null, "status ", status),
    h("button", { type: "submit", id: "fix-save" }, "Save the fix"),
    h("span", { class: "muted" }, " Enter saves, Escape cancels"));
  const close = () => {
    form.remove();
    ui.card.focus();
  };
  form.addEventListener("keydown", (e) => {
    if (e.key === "Escape") {
      e.preventDefault();
      close();
    } else if (e.key === "Enter") {
      e.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    saveFix(state, ui, item, { type: type.value, mode: mode.value.trim() || null, status: status.value }).then((done) => done && close());
  });
  ui.card.querySelector("#review-fix")?.remove();
  ui.card.append(form);
  type.focus();
}

async function saveFix(state, ui, item, wanted) {
  const author = authorOrAsk(ui);
  if (!author) return false;
  const base = { fact: "event", document: item.document, target: item.id, author };
  const changes = [];
  if (wanted.type !== item.type || (wanted.mode || null) !== (item.mode || null)) {
    changes.push({ ...base, kind: "set_event_type", after: { type: wanted.type, mode: wanted.mode } });
  }
  if (wanted.status !== item.status) changes.push({ ...base, kind: "set_event_status", after: wanted.status });
  if (!changes.length) {
    say(ui, "Nothing changed.");
    return true;
  }
  state.busy = true;
  try {
    for (const change of changes) await post(ui, change);
    const fresh = await api("/api/review", { params: { fact: "event", document: item.document, limit: 500 } });
    const fixed = fresh.items.find((x) => x.id === item.id && x.document === item.document);
    if (fixed) state.items[state.index] = fixed;
    show(state, ui);
    say(ui, `Fixed ${item.id}; press a to accept it as it is now.`, "ok");
    return true;
  } catch (error) {
    say(ui, error.message, "bad");
    return false;
  } finally {
    state.busy = false;
  }
}
