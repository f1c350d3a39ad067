// ipgraph web UI: one page, hash routes, everything read from the same HTTP API.
"use strict";

const app = document.getElementById("app");
const KIND = { invention: "发明", utility_model: "实用新型", design: "外观设计" };
const STATUS = { valid: "有效", pending: "审中", lapsed: "失效", unknown: "未知" };
const FACETS = {
  asset_kind: "资产类型", kind: "专利类型", legal_status: "法律状态", filing_year: "申请年",
  ipc_subclasses: "IPC 小类", applicants: "申请人", country: "国家/地区",
};
const FACET_PARAM = {
  asset_kind: "asset_kind", kind: "kind", legal_status: "legal_status", ipc_subclasses: "ipc",
  applicants: "applicant", country: "country", filing_year: "filing_year",
};
const LABEL_ROUTE = {
  Patent: "patent", Organization: "organization", Person: "person", Contract: "contract",
  Standard: "standard",
};
const SEVERITY = { high: "高", medium: "中", low: "低" };
const PROP = {
  title: "名称", abstract: "摘要", application_number: "申请号", publication_number: "公开(公告)号",
  country: "国家/地区", filing_date: "申请日", publication_date: "公开日", grant_date: "授权日",
  ipc: "IPC", keywords: "关键词", kind: "类型", legal_status: "法律状态", legal_status_raw: "法律状态（原文）",
  legal_events: "法律事件", extractor: "抽取器", name: "名称", aliases: "简称/别名", former_names: "曾用名",
  address: "地址", legal_form: "组织形式", is_central_soe: "中央企业", employers: "任职单位",
  coinventors: "合作发明人", ipc_subclasses: "技术领域（IPC 小类）", patents: "专利",
  contract_number: "合同编号", sign_date: "签订日期", start_date: "起始日", end_date: "终止日",
  exclusivity: "许可方式", territory: "地域", amount: "金额", currency: "币种", body: "标准组织",
  current_owners: "当前权利人", agency: "代理机构", family: "同族", cites: "引证",
};

function esc(value) {
  return String(value ?? "").replace(/[&<>"']/g, (c) => ({
    "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;",
  })[c]);
}

function headers() {
  const key = localStorage.getItem("ipgraph-key");
  return key ? { "X-API-Key": key } : {};
}

async function api(path, params = {}) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(params)) {
    for (const one of [].concat(v)) if (one !== undefined && one !== "") url.searchParams.append(k, one);
  }
  const response = await fetch(url, { headers: headers() });
  const body = await response.json();
  if (!response.ok) throw new Error(`${body.code}: ${body.message}`);
  return body;
}

function link(label, id, text) {
  const route = LABEL_ROUTE[label];
  return route ? `<a href="#/${route}/${encodeURIComponent(id)}">${esc(text ?? id)}</a>` : esc(text ?? id);
}

function show(html) { app.innerHTML = html; }
function fail(error) { show(`<div class="panel error">${esc(error.message)}</div>`); }

// ---------- search ----------

async function searchPage(params) {
  const q = params.get("q") ?? "";
  const page = Number(params.get("page") ?? 1);
  show(`<div class="panel"><form class="search-box" id="search-form">
      <input id="q" name="q" value="${esc(q)}" placeholder="例如：锂离子电池 热失控、title:&quot;固态电解质&quot; -硫化物、申请人:国网">
      <button type="submit">检索</button></form>
      <div class="hint">支持 AND / OR / NOT、-排除、"短语"、字段：title: abstract: claims: 申请人: 发明人:</div></div>
    <div id="results"></div>`);
  document.getElementById("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    next.set("q", document.getElementById("q").value);
    location.hash = `#/search?${next}`;
  });
  const query = { size: 10, page };
  for (const [key, value] of params) if (!["page", "filing_year"].includes(key)) query[key] = params.getAll(key);
  const year = params.get("filing_year");
  if (year) Object.assign(query, { filing_from: `${year}-01-01`, filing_to: `${year}-12-31` });
  let body;
  try { body = await api("/api/v1/search", query); } catch (error) {
    document.getElementById("results").innerHTML = `<div class="panel error">${esc(error.message)}</div>`;
    return;
  }
  document.getElementById("results").innerHTML = `<div class="layout">
    <aside class="panel">${facetsHtml(body.facets, params)}</aside>
    <section class="panel"><div class="hint">共 ${body.total}${body.total_relation === "gte" ? "+" : ""} 条结果</div>
      ${activeFilters(params)}
      ${body.hits.map(hitHtml).join("") || "<p>没有找到结果</p>"}
      <div class="pager">${pager(params, page, body)}</div></section></div>`;
}

function facetsHtml(facets, params) {
  return Object.entries(FACETS).map(([name, title]) => {
    const buckets = facets[name] ?? [];
    if (!buckets.length) return "";
    const items = buckets.slice(0, 10).map((b) => {
      const next = new URLSearchParams(params);
      next.delete("page");
      const param = FACET_PARAM[name];
      const active = next.getAll(param).includes(b.key);
      if (active) { const rest = next.getAll(param).filter((v) => v !== b.key); next.delete(param); rest.forEach((v) => next.append(param, v)); }
      else next.append(param, b.key);
      const label = KIND[b.key] ?? STATUS[b.key] ?? b.key;
      return `<a class="facet-item${active ? " active" : ""}" data-facet="${esc(name)}" href="#/search?${esc(next)}"><span>${esc(label)}</span><span>${b.count}</span></a>`;
    }).join("");
    return `<div class="facet"><h4>${title}</h4>${items}</div>`;
  }).join("");
}

function activeFilters(params) {
  const chips = [];
  for (const [key, value] of params) if (!["q", "page"].includes(key)) chips.push(`<span class="chip">${esc(key)}: ${esc(value)}</span>`);
  return chips.length ? `<div>${chips.join("")}</div>` : "";
}

function hitHtml(hit) {
  const p = hit.patent;
  const route = p.asset_kind === "patent" ? "patent" : "contract";
  const title = hit.highlights.title ?? esc(p.title);
  const abstract = hit.highlights.abstract ?? "";
  return `<div class="hit"><h3><a href="#/${route}/${encodeURIComponent(hit.id)}">${title}</a></h3>
    <div class="meta">${esc(hit.id)} · ${esc(KIND[p.kind] ?? p.kind ?? "")} · ${esc(STATUS[p.legal_status] ?? p.legal_status ?? "")} · ${esc(p.filing_date ?? "")} · ${p.applicants.map((a) => esc(a)).join("、")}</div>
    <p>${abstract}</p></div>`;
}

function pager(params, page, body) {
  const pages = Math.ceil(Math.min(body.total, 10000) / body.size);
  const at = (n) => { const next = new URLSearchParams(params); next.set("page", n); return `#/search?${next}`; };
  return `${page > 1 ? `<a class="button secondary" href="${esc(at(page - 1))}">上一页</a>` : ""}
    <span>第 ${page} / ${Math.max(pages, 1)} 页</span>
    ${page < pages ? `<a class="button secondary" href="${esc(at(page + 1))}">下一页</a>` : ""}`;
}

// ---------- entities ----------

function propsTable(props, skip = []) {
  const rows = Object.entries(props).filter(([k]) => !skip.includes(k)).map(([k, v]) =>
    `<tr><th>${esc(PROP[k] ?? k)}</th><td>${esc(Array.isArray(v) ? v.join("、") : v)}</td></tr>`);
  return `<table>${rows.join("")}</table>`;
}

async function patentPage(id) {
  const p = await api(`/api/v1/patents/${encodeURIComponent(id)}`);
  show(`<div class="panel"><h2>${esc(p.properties.title ?? p.id)}</h2>
    <div class="row"><a class="button" id="open-graph" href="#/graph/Patent/${encodeURIComponent(p.id)}">关系图谱</a></div>
    <h3>申请人</h3><p>${p.applicants.map((a) => link("Organization", a.id, a.name)).join("、")}</p>
    <h3>发明人</h3><p>${p.inventors.map((a) => link("Person", a.id, a.name)).join("、")}</p>
    <h3>著录项目</h3>${propsTable(p.properties, ["claims"])}
    ${p.properties.claims ? `<h3>权利要求</h3><p>${esc(p.properties.claims)}</p>` : ""}</div>`);
}

async function organizationPage(id) {
  const org = await api(`/api/v1/organizations/${encodeURIComponent(id)}`);
  const facets = (await api("/api/v1/search", { group: org.id, size: 1 })).facets;
  show(`<div class="panel"><h2>${esc(org.properties.name ?? org.id)}</h2>
    <div class="row"><a class="button" href="#/graph/Organization/${encodeURIComponent(org.id)}">关系图谱</a>
      <a class="button secondary" href="#/dd/${encodeURIComponent(org.id)}">尽职调查</a></div>
    ${org.central_soe ? `<p class="chip">央企：${esc(org.central_soe)}</p>` : ""}
    <h3>集团架构（${org.group_size} 家）</h3><div class="tree">${treeHtml(org.subsidiaries)}</div>
    <h3>专利组合（含下属单位）</h3><div class="bars">
      ${barChart("按申请年", (facets.filing_year ?? []).slice().sort((a, b) => a.key.localeCompare(b.key)))}
      ${barChart("按 IPC 小类", facets.ipc_subclasses ?? [])}</div>
    <h3>基本信息</h3>${propsTable(org.properties)}</div>`);
}

function treeHtml(nodes) {
  if (!nodes.length) return "<p class=\"hint\">无下属单位</p>";
  return `<ul>${nodes.map((n) => `<li>${link("Organization", n.id, n.name)}${n.stake != null ? `（${n.stake}%）` : ""}${n.subsidiaries.length ? treeHtml(n.subsidiaries) : ""}</li>`).join("")}</ul>`;
}

function barChart(title, buckets) {
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const width = 32;
  const bars = buckets.map((b, i) => {
    const h = Math.round((b.count / max) * 120);
    return `<g transform="translate(${i * width + 10},0)"><rect y="${140 - h}" width="${width - 8}" height="${h}" fill="#2f6f9f"></rect>
      <text x="${(width - 8) / 2}" y="${135 - h}" text-anchor="middle">${b.count}</text>
      <text x="${(width - 8) / 2}" y="156" text-anchor="middle">${esc(b.key)}</text></g>`;
  }).join("");
  return `<figure><figcaption>${title}</figcaption><svg width="${Math.max(buckets.length * width + 20, 120)}" height="170">${bars}</svg></figure>`;
}

async function personPage(id) {
  const p = await api(`/api/v1/persons/${encodeURIComponent(id)}`);
  show(`<div class="panel"><h2>${esc(p.properties.name ?? p.id)}</h2>
    <div class="row"><a class="button" href="#/graph/Person/${encodeURIComponent(p.id)}">关系图谱</a></div>
    <h3>专利</h3><p>${p.patents.map((x) => link("Patent", x.id, x.name)).join("<br>")}</p>
    <h3>合作发明人</h3><p>${p.co_inventors.map((x) => `${link("Person", x.id, x.name)}（${x.count}）`).join("、")}</p>
    <h3>属性</h3>${propsTable(p.properties)}</div>`);
}

async function nodePage(kind, id) {
  const n = await api(`/api/v1/${kind}s/${encodeURIComponent(id)}`);
  const links = Object.entries(n.links).map(([edge, items]) =>
    `<tr><th>${esc(edge)}</th><td>${items.map((x) => esc(x.name)).join("、")}</td></tr>`).join("");
  show(`<div class="panel"><h2>${esc(n.properties.title ?? n.id)}</h2>
    <div class="row"><a class="button" href="#/graph/${esc(n.label)}/${encodeURIComponent(n.id)}">关系图谱</a></div>
    <h3>属性</h3>${propsTable(n.properties)}<h3>关联</h3><table>${links}</table></div>`);
}

// ---------- graph ----------

let cy = null;

function graphElements(body) {
  const nodes = body.nodes.map((n) => ({ data: { id: `${n.label}:${n.id}`, label: n.name.slice(0, 18), kind: n.label, key: n.id } }));
  const edges = body.edges.map((e) => ({ data: {
    id: `${e.type}:${e.source.label}:${e.source.id}->${e.target.label}:${e.target.id}`,
    source: `${e.source.label}:${e.source.id}`, target: `${e.target.label}:${e.target.id}`, label: e.type,
  } }));
  return [...nodes, ...edges];
}

const COLORS = { Patent: "#2f6f9f", Organization: "#b54708", Person: "#067647", Standard: "#6941c6", Contract: "#c11574", IPC: "#667085" };

async function graphPage(label, id) {
  show(`<div class="panel"><div class="row"><strong>关系图谱</strong><span class="hint">单击节点展开其关联，双击打开实体页</span></div></div><div id="cy"></div>`);
  const body = await api("/api/v1/graph/neighbors", { node: id, label, limit: 30 });
  cy = cytoscape({
    container: document.getElementById("cy"),
    elements: graphElements(body),
    style: [
      { selector: "node", style: { label: "data(label)", "font-size": 10, "background-color": (n) => COLORS[n.data("kind")] ?? "#888", color: "#1b1f24", "text-valign": "bottom" } },
      { selector: "edge", style: { width: 1.5, "line-color": "#c8ccd0", "target-arrow-shape": "triangle", "target-arrow-color": "#c8ccd0", "curve-style": "bezier", label: "data(label)", "font-size": 7, color: "#8c959f" } },
      { selector: ".center", style: { "border-width": 3, "border-color": "#0f3d62" } },
    ],
    layout: { name: "cose", animate: false },
  });
  cy.getElementById(`${label}:${id}`).addClass("center");
  cy.on("tap", "node", async (event) => {
    const node = event.target;
    const more = await api("/api/v1/graph/neighbors", { node: node.data("key"), label: node.data("kind"), limit: 20 });
    cy.add(graphElements(more).filter((el) => cy.getElementById(el.data.id).empty()));
    cy.layout({ name: "cose", animate: false }).run();
  });
  cy.on("dbltap", "node", (event) => {
    const route = LABEL_ROUTE[event.target.data("kind")];
    if (route) location.hash = `#/${route}/${encodeURIComponent(event.target.data("key"))}`;
  });
  window.ipgraphGraph = cy;
}

async function pathsPage(params) {
  show(`<div class="panel"><form class="row" id="paths-form">
      <input id="from" value="${esc(params.get("from") ?? "")}" placeholder="起点：公司、专利号、发明人……">
      <input id="to" value="${esc(params.get("to") ?? "")}" placeholder="终点">
      <button type="submit">查找路径</button></form><div id="paths"></div></div><div id="cy"></div>`);
  document.getElementById("paths-form").addEventListener("submit", (event) => {
    event.preventDefault();
    location.hash = `#/paths?${new URLSearchParams({ from: document.getElementById("from").value, to: document.getElementById("to").value })}`;
  });
  if (!params.get("from") || !params.get("to")) return;
  const body = await api("/api/v1/graph/paths", { from: params.get("from"), to: params.get("to"), k: 5 });
  document.getElementById("paths").innerHTML = `${body.partial ? `<p class="hint">结果不完整：${esc(body.reasons.join("；"))}</p>` : ""}
    ${body.paths.map((p) => `<p>${p.hops} 跳：${p.nodes.map((n) => link(n.label, n.id, n.name)).join(" → ")}</p>`).join("") || "<p>未找到路径</p>"}`;
  const nodes = body.paths.flatMap((p) => p.nodes);
  const edges = body.paths.flatMap((p) => p.edges);
  cy = cytoscape({ container: document.getElementById("cy"), elements: graphElements({ nodes: [...new Map(nodes.map((n) => [`${n.label}:${n.id}`, n])).values()], edges }),
    style: [{ selector: "node", style: { label: "data(label)", "font-size": 10, "background-color": (n) => COLORS[n.data("kind")] ?? "#888" } },
      { selector: "edge", style: { label: "data(label)", "font-size": 7, "curve-style": "bezier", "target-arrow-shape": "triangle" } }],
    layout: { name: "breadthfirst" } });
  window.ipgraphGraph = cy;
}

// ---------- due diligence ----------

async function ddPage(org) {
  if (!org) {
    show(`<div class="panel"><form class="search-box" id="dd-form"><input id="dd-org" placeholder="目标公司名称或简称"><button type="submit">生成报告</button></form>
      <div class="hint">需要 analyst 及以上角色的 API 密钥；dd 角色可见商业秘密与人员信息。</div></div>`);
    document.getElementById("dd-form").addEventListener("submit", (event) => {
      event.preventDefault();
      location.hash = `#/dd/${encodeURIComponent(document.getElementById("dd-org").value)}`;
    });
    return;
  }
  const r = await api(`/api/v1/due-diligence/${encodeURIComponent(org)}`);
  const flags = r.flags.map((f) => `<tr class="flag"><td class="sev-${f.severity}">${SEVERITY[f.severity]}</td><td>${esc(f.code)}</td><td>${esc(f.reason)}</td>
    <td class="evidence">${f.evidence.map((e) => `${esc(e.type)}: ${esc(e.source)}${e.target ? ` → ${esc(e.target)}` : ""}`).join("<br>")}</td></tr>`).join("");
  show(`<div class="panel"><h2>知识产权尽职调查：${esc(r.name)}</h2>
    <div class="row"><span class="score">${r.score}</span><span>/ 100 · 基准日 ${esc(r.as_of)} · ${r.confidential ? "含保密信息" : "不含保密信息"}</span>
      <button class="secondary" data-export="html">导出 HTML</button><button class="secondary" data-export="pdf">导出 PDF</button></div>
    <h3>风险提示（${r.flags.length}）</h3><table id="flags"><tr><th>等级</th><th>类型</th><th>说明</th><th>证据</th></tr>${flags || "<tr><td colspan=4>未发现风险</td></tr>"}</table>
    <h3>资产</h3>${propsTable({ 专利总数: r.assets.patents, 有效: r.assets.valid, 失效: r.assets.lapsed,
      按类型: Object.entries(r.assets.by_kind).map(([k, v]) => `${KIND[k] ?? k} ${v}`) })}
    <h3>核心发明人</h3><table><tr><th>发明人</th><th>专利数</th><th>离职日期</th><th>竞业限制至</th></tr>
      ${r.inventors.map((i) => `<tr><td>${link("Person", i.id, i.name)}</td><td>${i.patents}</td><td>${esc(i.left_on ?? "")}</td><td>${esc(i.non_compete_until ?? "")}</td></tr>`).join("")}</table></div>`);
  for (const button of document.querySelectorAll("[data-export]")) {
    button.addEventListener("click", async () => {
      const format = button.dataset.export;
      const response = await fetch(`/api/v1/due-diligence/${encodeURIComponent(org)}?format=${format}`, { headers: headers() });
      const url = URL.createObjectURL(await response.blob());
      const a = Object.assign(document.createElement("a"), { href: url, download: `尽职调查-${org}.${format}` });
      a.click();
    });
  }
}

// ---------- routing ----------

async function route() {
  const [path, query] = location.hash.replace(/^#/, "").split("?");
  const params = new URLSearchParams(query ?? "");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  try {
    switch (parts[0] ?? "search") {
      case "search": return await searchPage(params);
      case "patent": return await patentPage(parts[1]);
      case "organization": return await organizationPage(parts[1]);
      case "person": return await personPage(parts[1]);
      case "contract": return await nodePage("contract", parts[1]);
      case "standard": return await nodePage("standard", parts[1]);
      case "graph": return await graphPage(parts[1], parts.slice(2).join("/"));
      case "paths": return await pathsPage(params);
      case "dd": return await ddPage(parts[1]);
      default: return show("<div class=\"panel\">页面不存在</div>");
    }
  } catch (error) { fail(error); }
}

document.getElementById("api-key").value = localStorage.getItem("ipgraph-key") ?? "";
document.getElementById("key-form").addEventListener("submit", (event) => {
  event.preventDefault();
  localStorage.setItem("ipgraph-key", document.getElementById("api-key").value.trim());
  route();
});
window.addEventListener("hashchange", route);
route();
