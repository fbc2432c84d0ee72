// The JSON API of `warlog serve`: one fetch helper that turns the error envelope into an ApiError,
// caches for what every view shares (reports, actors, places), and accessors that read the list and
// the report shapes alike.

export class ApiError extends Error {
  constructor(message, status, code) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

// A server started with --token (or WARLOG_TOKEN) answers 401 without it: the page asks for the token
// once, keeps it for the browser tab (sessionStorage, never a cookie or the URL) and sends it as a
// bearer token on every API call.
const TOKEN_KEY = "warlog-token";
let asking = null; // the calls refused at once share one question

async function askToken(refused) {
  if (window.sessionStorage.getItem(TOKEN_KEY) !== refused) return true; // another call got a new one
  asking ??= Promise.resolve().then(() => {
    const given = window.prompt("This warlog server needs its access token:");
    if (given) window.sessionStorage.setItem(TOKEN_KEY, given.trim());
    asking = null;
    return Boolean(given);
  });
  return asking;
}

// A file from the API (an export), fetched with the same token as every call and saved by the browser.
export async function download(path, retried = false) {
  const token = window.sessionStorage.getItem(TOKEN_KEY);
  const response = await fetch(new URL(path, window.location.origin), {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (response.status === 401 && !retried && (await askToken(token))) return download(path, true);
  if (!response.ok) {
    const data = await response.json().catch(() => null);
    throw new ApiError(data?.error?.message || `${response.status} ${response.statusText}`, response.status, data?.error?.code);
  }
  const named = /filename="?([^";]+)"?/.exec(response.headers.get("content-disposition") || "");
  const link = document.createElement("a");
  link.href = URL.createObjectURL(await response.blob());
  link.download = named ? named[1] : "warlog-export";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

export async function api(path, { method = "GET", params, body } = {}, retried = false) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== null && value !== undefined && value !== "") url.searchParams.set(key, value);
  }
  const init = { method, headers: { accept: "application/json" } };
  const token = window.sessionStorage.getItem(TOKEN_KEY);
  if (token) init.headers.authorization = `Bearer ${token}`;
  if (body !== undefined) {
    init.headers["content-type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const response = await fetch(url, init);
  if (response.status === 401 && !retried && (await askToken(token))) {
    return api(path, { method, params, body }, true);
  }
  let data = null;
  try {
    data = await response.json();
  } catch {
    data = null;
  }
  if (!response.ok) {
    const error = data && data.error;
    const message = error ? error.message : `${response.status} ${response.statusText} for ${url.pathname}`;
    throw new ApiError(message, error ? error.status : response.status, error ? error.code : null);
  }
  return data;
}

const PAGE = 500;

// The items of a list endpoint, page by page, at most `max` of them; `items.total` is how many the
// filters keep in all, so that a view can say when it shows only the first ones.
export async function all(path, params, max = 10000) {
  const items = [];
  items.total = 0;
  for (let offset = 0; offset < max; offset += PAGE) {
    const data = await api(path, { params: { ...params, limit: Math.min(PAGE, max - offset), offset } });
    const page = Array.isArray(data) ? data : data.items || [];
    items.push(...page);
    items.total = Array.isArray(data) ? items.length : data.total;
    if (page.length < PAGE || items.length >= items.total) break;
  }
  return items;
}

export const shown = (items) => (items.total > items.length ? `the first ${items.length} of ${items.total}` : `${items.length}`);

const reports = new Map();
let actorsPromise = null;
let placesPromise = null;

export function report(documentId) {
  if (!reports.has(documentId)) {
    const promise = api(`/api/documents/${encodeURIComponent(documentId)}`);
    promise.catch(() => reports.delete(documentId));
    reports.set(documentId, promise);
  }
  return reports.get(documentId);
}

export async function actorIndex() {
  if (!actorsPromise) {
    actorsPromise = all("/api/actors").then((items) => new Map(items.map((actor) => [actor.id, actor])));
    actorsPromise.catch(() => (actorsPromise = null));
  }
  return actorsPromise;
}

export async function placeIndex() {
  if (!placesPromise) {
    placesPromise = all("/api/places").then((items) => new Map(items.map((place) => [place.id, place])));
    placesPromise.catch(() => (placesPromise = null));
  }
  return placesPromise;
}

// After a correction every cached view of the data may be stale.
export function forget() {
  reports.clear();
  actorsPromise = null;
  placesPromise = null;
}

// Readers for fields that the list endpoints flatten and the report nests.
export const documentOf = (item) => item.document_id ?? (typeof item.document === "string" ? item.document : null);

export function dateOf(event) {
  const date = event.date;
  if (!date) return { value: null, precision: null, text: null };
  if (typeof date === "string") return { value: date, precision: null, text: null };
  return { value: date.value ?? null, precision: date.precision ?? null, text: date.text ?? null };
}

export function fatalitiesOf(event) {
  const toll = event.fatalities;
  if (toll && typeof toll === "object") return toll;
  if (event.fatalities_min !== undefined && event.fatalities_min !== null) {
    return { min: event.fatalities_min, max: event.fatalities_max, text: null };
  }
  return toll === undefined || toll === null ? null : { min: toll, max: toll, text: null };
}

export const stanceOf = (claim) => claim.author_stance ?? claim.stance ?? null;

export const evidenceOf = (item) =>
  item.evidence && typeof item.evidence === "object" ? item.evidence : { text: item.text ?? item.evidence_text ?? "" };

// The first and last day an ISO date (YYYY, YYYY-MM or YYYY-MM-DD) covers, as UTC milliseconds.
export function interval(value) {
  if (!value || typeof value !== "string") return null;
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  if (match[3]) {
    const day = Date.UTC(year, Number(match[2]) - 1, Number(match[3]));
    return [day, day];
  }
  if (match[2]) {
    const month = Number(match[2]) - 1;
    return [Date.UTC(year, month, 1), Date.UTC(year, month + 1, 0)];
  }
  return [Date.UTC(year, 0, 1), Date.UTC(year, 11, 31)];
}
