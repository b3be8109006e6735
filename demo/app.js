// The demo storefront: search as you type with suggestions and facets, spoken questions through
// the browser's speech recognition, answers read aloud. Talks to `vitrina serve` on the same origin;
// a search key, when the server needs one, comes from the page's ?key= parameter.
"use strict";

const texts = {
  ru: {
    title: "Витрина", placeholder: "Найти товар или спросить голосом…", ask: "Спросить",
    speak: "Сказать запрос", noSpeech: "Браузер не распознаёт речь: введите запрос текстом",
    found: (n) => `Найдено товаров: ${n}`, nothing: "Ничего не нашлось", category: "Категория",
    vendor: "Бренд", inStock: "в наличии", outOfStock: "нет в наличии", vendorKind: "бренд",
    categoryKind: "категория", voice: "ru-RU",
  },
  be: {
    title: "Вітрына", placeholder: "Знайсці тавар або спытаць голасам…", ask: "Спытаць",
    speak: "Сказаць запыт", noSpeech: "Браўзер не распазнае маўленне: увядзіце запыт тэкстам",
    found: (n) => `Знойдзена тавараў: ${n}`, nothing: "Нічога не знайшлося", category: "Катэгорыя",
    vendor: "Брэнд", inStock: "у наяўнасці", outOfStock: "няма ў наяўнасці", vendorKind: "брэнд",
    categoryKind: "катэгорыя", voice: "be-BY",
  },
};

const page = new URLSearchParams(location.search);
const key = page.get("key");
const state = { language: page.get("lang") === "be" ? "be" : "ru", filters: { vendor: [], category: [] } };
const $ = (id) => document.getElementById(id);
const facetFields = ["category", "vendor"];

function t(name) { return texts[state.language][name]; }

/** Calls the API; the search key travels in a header. */
async function api(path, body) {
  const headers = { "Content-Type": "application/json" };
  if (key) headers["X-Vitrina-Key"] = key;
  const response = await fetch(path, body ? { method: "POST", headers, body: JSON.stringify(body) } : { headers });
  const answer = await response.json();
  if (!response.ok) throw new Error(answer.error ? answer.error.message : response.statusText);
  return answer;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function price(hit) {
  return hit.price === undefined || hit.price === null ? "" : `${hit.price.toLocaleString(state.language)} ${hit.currency || ""}`;
}

function renderHits(hits, total) {
  $("summary").textContent = total > 0 ? t("found")(total) : t("nothing");
  const list = $("hits");
  list.replaceChildren();
  for (const hit of hits) {
    const item = element("li");
    const title = element("div", "title", hit.title || hit.id);
    const meta = element("div", "meta");
    meta.append(element("span", "price", price(hit)));
    if (hit.vendor) meta.append(` · ${hit.vendor}`);
    if (hit.available !== undefined && hit.available !== null) meta.append(` · ${hit.available ? t("inStock") : t("outOfStock")}`);
    item.append(title, meta);
    list.append(item);
  }
}

function renderFacets(facets) {
  const box = $("facets");
  box.replaceChildren();
  for (const field of facetFields) {
    const values = (facets[field] && facets[field].values) || [];
    if (values.length === 0) continue;
    box.append(element("h3", null, t(field)));
    for (const { value, count } of values.slice(0, 12)) {
      const label = element("label");
      const box_ = document.createElement("input");
      box_.type = "checkbox";
      box_.checked = state.filters[field].includes(value);
      box_.addEventListener("change", () => {
        const chosen = state.filters[field];
        if (box_.checked) chosen.push(value); else chosen.splice(chosen.indexOf(value), 1);
        search();
      });
      label.append(box_, ` ${value} `, element("span", "count", `(${count})`));
      box.append(label);
    }
  }
}

async function search() {
  const q = $("query").value.trim();
  const filter = {};
  for (const field of facetFields) if (state.filters[field].length) filter[field] = state.filters[field];
  const answer = await api("/search", { q, filter, facets: facetFields, limit: 10, maxValuesPerFacet: 12 });
  renderHits(answer.hits, answer.total);
  renderFacets(answer.facets || {});
  document.body.dataset.searched = "1";
}

async function suggest() {
  const q = $("query").value;
  const list = $("suggestions");
  if (q.trim().length < 2) { list.hidden = true; return; }
  const answer = await api(`/suggest?q=${encodeURIComponent(q)}&limit=8`);
  list.replaceChildren();
  for (const completion of answer.completions.slice(0, 4)) {
    const item = element("li", null, completion.value);
    item.append(element("span", "kind", completion.kind === "vendor" ? t("vendorKind") : t("categoryKind")));
    item.addEventListener("mousedown", () => choose(completion.value));
    list.append(item);
  }
  for (const product of answer.products.slice(0, 5)) {
    const item = element("li", null, product.title || product.id);
    item.addEventListener("mousedown", () => choose(product.title || product.id));
    list.append(item);
  }
  list.hidden = list.children.length === 0;
}

function choose(text) {
  $("query").value = text;
  $("suggestions").hidden = true;
  search();
}

/** A spoken (or typed) question: hits, and the answer read aloud. */
async function ask(text) {
  $("suggestions").hidden = true;
  const answer = await api("/ask", { q: text, limit: 10 });
  $("answer").textContent = answer.answer;
  $("answer").hidden = false;
  renderHits(answer.hits.map((hit) => ({ id: hit.id, ...(hit.product || hit) })), answer.total);
  if ("speechSynthesis" in window) {
    const utterance = new SpeechSynthesisUtterance(answer.answer);
    utterance.lang = answer.parsed && answer.parsed.language === "be" ? "be-BY" : "ru-RU";
    speechSynthesis.speak(utterance);
  }
}

function listen() {
  const Recognition = window.SpeechRecognition || window.webkitSpeechRecognition;
  if (!Recognition) { alert(t("noSpeech")); return; }
  const recognition = new Recognition();
  recognition.lang = t("voice");
  recognition.interimResults = false;
  $("microphone").classList.add("listening");
  recognition.onresult = (event) => {
    const heard = event.results[0][0].transcript;
    $("query").value = heard;
    ask(heard).catch(showError);
  };
  recognition.onend = () => $("microphone").classList.remove("listening");
  recognition.start();
}

function showError(error) {
  $("summary").textContent = error.message;
}

function translate() {
  document.documentElement.lang = state.language;
  for (const node of document.querySelectorAll("[data-text]")) node.textContent = t(node.dataset.text);
  for (const node of document.querySelectorAll("[data-placeholder]")) node.placeholder = t(node.dataset.placeholder);
  for (const node of document.querySelectorAll("[data-title]")) node.title = t(node.dataset.title);
  for (const button of document.querySelectorAll("[data-language]")) {
    button.classList.toggle("active", button.dataset.language === state.language);
  }
  if (!(window.SpeechRecognition || window.webkitSpeechRecognition)) $("microphone").title = t("noSpeech");
}

let timer;
$("query").addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(() => { suggest().catch(showError); search().catch(showError); }, 120);
});
$("query").addEventListener("blur", () => setTimeout(() => { $("suggestions").hidden = true; }, 150));
$("search").addEventListener("submit", (event) => { event.preventDefault(); ask($("query").value).catch(showError); });
$("microphone").addEventListener("click", listen);
for (const button of document.querySelectorAll("[data-language]")) {
  button.addEventListener("click", () => { state.language = button.dataset.language; translate(); });
}
translate();
// ?q= types a query as a shopper would (the input event), ?ask= asks a question: for links and the
// headless check (scripts/demo-check).
if (page.get("ask")) {
  $("query").value = page.get("ask");
  ask(page.get("ask")).catch(showError);
} else if (page.get("q")) {
  $("query").value = page.get("q");
  $("query").dispatchEvent(new Event("input"));
  $("query").focus();
}
