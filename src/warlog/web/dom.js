// DOM helpers: every piece of text goes in through text nodes (textContent), never through innerHTML,
// so a document's text can never become markup.

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") el.className = value;
    else if (key === "dataset") Object.assign(el.dataset, value);
    else if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

export function svg(tag, attrs, ...children) {
  const el = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined) continue;
    if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

// A link inside the page; parts are encoded, so an id can never leave the page's own routes.
export function route(view, id, params) {
  let hash = `#/${view}`;
  if (id) hash += `/${encodeURIComponent(id)}`;
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== null && value !== undefined && value !== "") query.set(key, value);
  }
  const text = query.toString();
  return text ? `${hash}?${text}` : hash;
}

export function link(view, id, label, params, attrs) {
  return h("a", { href: route(view, id, params), ...attrs }, label);
}

// Only web addresses become links; anything else (javascript:, data:) stays text.
export function externalLink(url, label) {
  if (typeof url === "string" && /^https?:\/\//i.test(url)) {
    return h("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, label || url);
  }
  return url ? h("span", null, url) : null;
}

// Keyboard access for what cannot be a <button> (a span of text, an SVG mark) but is given role="button":
// Enter or Space does `action`, as on a button; Space does not scroll the page.
export function onPressKey(action) {
  return (e) => {
    if (e.key !== "Enter" && e.key !== " ") return;
    e.preventDefault();
    action(e);
  };
}

// A button that looks like the text it wraps: for a row or a list item that opens details on a click, so
// that the keyboard and screen readers reach it too. It has no handler of its own: its click bubbles up.
export function bareButton(...children) {
  return h("button", { type: "button", class: "bare" }, ...children);
}

export function badge(text, cls) {
  return h("span", { class: `badge ${cls || ""}`.trim() }, text);
}

export function field(label, ...value) {
  return [h("dt", null, label), h("dd", null, ...value)];
}

export function table(headers, rows, attrs) {
  return h(
    "table",
    attrs,
    h("thead", null, h("tr", null, headers.map((header) => h("th", null, header)))),
    h("tbody", null, rows),
  );
}

export function empty(text) {
  return h("p", { class: "muted" }, text);
}

// A filter form of a view: on submit, the view's route with the parameters `values(formData)` gives
// (empty ones are dropped by route()); `fields` come before its Apply button.
export function filterForm(view, values, fields, attrs) {
  const submit = (e) => {
    e.preventDefault();
    window.location.hash = route(view, null, values(new FormData(e.target)));
  };
  return h("form", { class: "filters", ...attrs, onsubmit: submit }, fields, h("button", { type: "submit" }, "Apply"));
}

// A <select> of `values` with a first "any" option labelled `anyLabel`, set from the route's params.
export function choice(name, values, params, anyLabel, attrs) {
  return h("select", { name, ...attrs }, h("option", { value: "" }, anyLabel),
    values.map((value) => h("option", { value, selected: params.get(name) === value }, value)));
}
