// ipgraph web UI: one page, hash routes, everything read from the same HTTP API.
"use strict";

const app = document.getElementById("app");
// Every code the API returns is shown through this one table, in Chinese. The browser tests
// (tests/test_web_ui.py) read it from window.ipgraphLabels and fail if a code leaks to the page.
const LABELS = {
  kind: {
    invention: "发明", utility_model: "实用新型", design: "外观设计",
    patent_license: "专利实施许可合同", patent_transfer: "专利权转让合同", application_transfer: "专利申请权转让合同",
    patent_pledge: "专利权质押合同", technology_transfer: "技术转让合同", trade_secret_license: "技术秘密许可合同",
    nda: "保密协议", equity_contribution: "作价入股协议", cooperation: "合作开发合同", non_compete: "竞业限制协议",
    amendment: "补充协议", priority: "优先权同族", simple: "简单同族",
  },
  asset_kind: { patent: "专利", contract: "合同", contract_confidential: "保密合同", trademark: "商标" },
  legal_status: { valid: "有效", pending: "审中", invalid: "无效", lapsed: "失效", unknown: "未知" },
  grade: { core: "核心", important: "重要", general: "一般", ungraded: "未分级" },
  api_role: { portal: "门户用户", analyst: "分析人员", dd: "尽调人员", admin: "管理员" },
  party_role: {
    licensor: "许可方", licensee: "被许可方", transferor: "转让方", transferee: "受让方", pledgor: "出质人",
    pledgee: "质权人", discloser: "披露方", recipient: "接收方", employer: "用人单位", employee: "劳动者",
    contributor: "出资方", investee: "被投资方", partner: "合作方", "first filing": "首次申请",
    "claims priority": "要求优先权",
  },
  exclusivity: { exclusive: "独占许可", sole: "排他许可", ordinary: "普通许可" },
  payment: { lump_sum: "一次总付", installments: "分期支付", royalty: "提成支付", "lump_sum+royalty": "入门费加提成" },
  dispute_method: { court: "诉讼", arbitration: "仲裁" },
  legal_form: { company: "公司", group: "集团", institute: "科研院所", university: "高等院校", partnership: "合伙企业" },
  case_type: { infringement: "侵权纠纷", invalidation: "无效宣告", ownership: "权属纠纷" },
  case_status: { pending: "审理中", closed: "已结案" },
  severity: { high: "高", medium: "中", low: "低" },
  flag: {
    EXPIRING: "专利即将到期", CO_OWNED: "专利共有", PLEDGED: "专利已质押", EXCLUSIVE_LICENSE_OUT: "已独占许可他人",
    LICENSES_TAKEN: "依赖他人许可", TRANSFERRED_IN: "受让取得", DISPUTE_PENDING: "争议未决",
    KEY_INVENTOR_LEFT: "核心发明人离职", SECRET_ACCESS_LEFT: "接触商业秘密人员离职",
  },
  edge: {
    APPLICANT_OF: "申请", INVENTOR_OF: "发明", CLASSIFIED_AS: "分类", EXTRACTED_FROM: "来源文件",
    SUBSIDIARY_OF: "下属于", OWNS: "拥有", MENTIONS_STANDARD: "涉及标准", MENTIONS_ORGANIZATION: "提及机构", CITES: "引证",
    PARENT: "上位分类", MEMBER_OF: "同族成员", DECLARED_ESSENTIAL: "声明为标准必要专利", PARTY_TO: "合同当事方",
    PERSON_PARTY_TO: "合同当事人", COVERS: "涉及专利", COVERS_TRADEMARK: "涉及商标", COVERS_TRADE_SECRET: "涉及商业秘密",
    AMENDS: "补充", LICENSED_TO: "许可给", PLEDGED_TO: "质押给", TRANSFERRED_TO: "转让给", NON_COMPETE: "竞业限制",
    PARTY_TO_CONFIDENTIAL: "保密合同当事方", HOLDS_SECRET: "持有商业秘密", HAS_ACCESS: "可接触", EMPLOYED_BY: "任职于",
    CONCERNS: "涉及", PLAINTIFF: "原告", DEFENDANT: "被告",
  },
  node: {
    Patent: "专利", Organization: "机构", Person: "人员", IPC: "IPC 分类", Document: "文件", Standard: "标准",
    Family: "专利族", Contract: "合同", Trademark: "商标", TradeSecret: "商业秘密", Case: "案件",
  },
  ipc_level: { section: "部", class: "大类", subclass: "小类", main_group: "大组", subgroup: "小组" },
  matched_on: { employer: "同一单位", "co-inventor": "共同发明人", field: "同一技术领域" },
  matched_by: { exact: "公开号一致", application: "申请号一致", kind_code: "去掉类型代码后一致", unmatched: "未匹配" },
  currency: { CNY: "人民币", USD: "美元", EUR: "欧元" },
  country: {
    CN: "中国", US: "美国", EP: "欧洲专利局", WO: "世界知识产权组织", JP: "日本", KR: "韩国", DE: "德国",
    FR: "法国", GB: "英国", TW: "中国台湾", HK: "中国香港",
  },
  format: { txt: "文本文件", docx: "Word 文档", pdf: "PDF 文档", jsonl: "JSON Lines 文件", json: "JSON 文件", csv: "CSV 表格", xlsx: "Excel 表格", xml: "XML 文档" },
  boolean: { true: "是", false: "否" },
  value_group: { legal: "法律价值", technical: "技术价值", economic: "经济价值" },
  value_factor: {
    legal_status: "法律状态", remaining_term: "剩余保护期（年）", claims: "权利要求数", independent_claims: "独立权利要求数",
    family_breadth: "同族国家数", invalidation_history: "无效宣告历史", forward_citations: "被引次数",
    ipc_breadth: "IPC 覆盖面（小类/大组）", sep: "标准必要专利", standards: "涉及标准数", licensed: "已许可",
    pledged: "已质押", transferred: "已转让", litigated: "涉诉", sole_owner: "独有", used_in_product: "已产品化",
  },
  value_level: {
    none: "无", upheld: "经无效宣告维持", partly_invalidated: "部分无效", invalidated: "全部无效",
    candidate: "候选", declared: "已声明",
  },
  action: { keep: "维持", license: "许可", transfer: "转让", abandon: "放弃", review: "复核" },
  review_reason: { annuity: "年费到期", expiry: "保护期届满", decision_due: "复核日到期" },
  alert_kind: {
    legal_status: "法律状态变更", owner: "权利人变更", licence: "新增许可", licence_ended: "许可终止",
    pledge: "新增质押", pledge_released: "质押解除", transfer: "专利转让", litigation: "诉讼与争议",
    expiry: "即将届满", new_filing: "新申请", sep_declaration: "新的标准必要专利声明",
  },
  watch_kind: { patent: "专利", organization: "机构（竞争对手）", query: "检索式", standard: "标准" },
  delivery: { delivered: "已推送", failed: "推送失败" },
  facet: {
    asset_kind: "资产类型", kind: "类型", legal_status: "法律状态", grade: "价值等级", filing_year: "申请年",
    ipc_subclasses: "IPC 小类", applicants: "申请人/当事方", country: "国家/地区",
    ipc: "IPC 小类", applicant: "申请人", group: "集团", q: "检索式",
  },
  prop: {
    title: "名称", abstract: "摘要", application_number: "申请号", publication_number: "公开(公告)号",
    country: "国家/地区", filing_date: "申请日", publication_date: "公开日", grant_date: "授权日",
    ipc: "IPC 分类号", keywords: "关键词", kind: "类型", legal_status: "法律状态", legal_status_raw: "法律状态（原文）",
    legal_events: "法律事件", name: "名称", aliases: "简称/别名", former_names: "曾用名",
    address: "地址", legal_form: "组织形式", legal_representative: "法定代表人", is_central_soe: "中央企业",
    employers: "任职单位", coinventors: "合作发明人", ipc_subclasses: "技术领域（IPC 小类）", patents: "专利",
    contract_number: "合同编号", sign_date: "签订日期", start_date: "起始日", end_date: "终止日",
    exclusivity: "许可方式", territory: "地域范围", amount: "金额", currency: "币种", body: "标准组织",
    current_owners: "当前权利人", agency: "代理机构", family: "同族", cites: "引证", amends: "补充的原合同",
    sublicense_allowed: "允许分许可", duration_months: "期限（月）", royalty_rate: "提成比例", payment: "支付方式",
    governing_law: "适用法律", dispute_forum: "争议解决机构", dispute_method: "争议解决方式",
    non_compete_months: "竞业限制期（月）", non_compete_scope: "竞业限制范围", format: "文件格式",
    confidential: "保密", grade: "等级", holder: "权利人", register_id: "登记编号", filed: "立案日期",
    forum: "受理机构", status: "状态", type: "类型", level: "层级", priority_application: "优先权申请号",
    applicant_addresses: "申请人地址", unmatched_reason: "未匹配原因", confidential_records: "保密记录",
    encoding: "编码", role: "角色", stake: "持股比例", main: "主分类", order: "顺序",
  },
};
// Which table translates the value of a property.
const VALUE_TABLE = {
  kind: "kind", legal_status: "legal_status", exclusivity: "exclusivity", payment: "payment",
  dispute_method: "dispute_method", legal_form: "legal_form", currency: "currency", format: "format",
  grade: "grade", level: "ipc_level", role: "party_role", matched_on: "matched_on", matched_by: "matched_by",
  country: "country", sublicense_allowed: "boolean", confidential: "boolean", is_central_soe: "boolean", main: "boolean",
};
// Not for readers: provenance and server paths.
const HIDDEN_PROPS = ["extractor", "path", "stub", "sources", "claims", "value_score", "value_as_of"];
window.ipgraphLabels = LABELS;

function label(table, code) {
  if (code === null || code === undefined || code === "") return "";
  return LABELS[table]?.[String(code)] ?? String(code);
}
function propLabel(key) { return LABELS.prop[key] ?? key; }
function propValue(key, value) {
  if (Array.isArray(value)) return value.map((v) => propValue(key, v)).join("、");
  if (value !== null && typeof value === "object") return JSON.stringify(value);
  if (key === "royalty_rate" && typeof value === "number") return `${+(value * 100).toFixed(2)}%`;
  const table = VALUE_TABLE[key];
  return table ? label(table, value) : String(value ?? "");
}
const FACETS = ["asset_kind", "kind", "legal_status", "grade", "filing_year", "ipc_subclasses", "applicants", "country"];
const FACET_PARAM = {
  asset_kind: "asset_kind", kind: "kind", legal_status: "legal_status", ipc_subclasses: "ipc",
  applicants: "applicant", country: "country", filing_year: "filing_year", grade: "grade",
};
const FACET_VALUES = { asset_kind: "asset_kind", kind: "kind", legal_status: "legal_status", country: "country", grade: "grade" };
const LABEL_ROUTE = {
  Patent: "patent", Organization: "organization", Person: "person", Contract: "contract",
  Standard: "standard",
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

// Each route() is a new navigation; an answer that arrives after the reader moved on is
// dropped, so a slow page cannot overwrite the page now shown.
let navigation = 0;
class StaleAnswer extends Error {}
async function send(method, path, body) {
  const response = await fetch(path, {
    method, headers: { ...headers(), "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) return null;
  const answer = await response.json();
  if (!response.ok) throw new Error(`${answer.code}: ${answer.message}`);
  return answer;
}

async function api(path, params = {}) {
  const startedAt = navigation;
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(params)) {
    for (const one of [].concat(v)) if (one !== undefined && one !== "") url.searchParams.append(k, one);
  }
  const response = await fetch(url, { headers: headers() });
  const body = await response.json();
  if (startedAt !== navigation) throw new StaleAnswer(path);
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
      <input id="q" name="q" value="${esc(q)}" placeholder="例如：锂离子电池 热失控、标题:&quot;固态电解质&quot; -硫化物、申请人:国网">
      <button type="submit">检索</button></form>
      <div class="hint">支持 AND / OR / NOT、-排除、"短语"、字段：标题: 摘要: 权利要求: 申请人: 发明人:</div></div>
    <div id="results"></div>`);
  document.getElementById("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    next.set("q", document.getElementById("q").value);
    location.hash = `#/search?${next}`;
  });
  const query = { size: 10, page };
  for (const [key] of params) if (!["page", "filing_year"].includes(key)) query[key] = params.getAll(key);
  const year = params.get("filing_year");
  if (year) Object.assign(query, { filing_from: `${year}-01-01`, filing_to: `${year}-12-31` });
  let body;
  try { body = await api("/api/v1/search", query); } catch (error) {
    if (error instanceof StaleAnswer) return;
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
  return FACETS.map((name) => {
    const buckets = facets[name] ?? [];
    if (!buckets.length) return "";
    const items = buckets.slice(0, 10).map((b) => {
      const next = new URLSearchParams(params);
      next.delete("page");
      const param = FACET_PARAM[name];
      const active = next.getAll(param).includes(b.key);
      if (active) { const rest = next.getAll(param).filter((v) => v !== b.key); next.delete(param); rest.forEach((v) => next.append(param, v)); }
      else next.append(param, b.key);
      const text = FACET_VALUES[name] ? label(FACET_VALUES[name], b.key) : b.key;
      return `<a class="facet-item${active ? " active" : ""}" data-facet="${esc(name)}" data-key="${esc(b.key)}" href="#/search?${esc(next)}"><span>${esc(text)}</span><span>${b.count}</span></a>`;
    }).join("");
    return `<div class="facet"><h4>${esc(label("facet", name))}</h4>${items}</div>`;
  }).join("");
}

function activeFilters(params) {
  const chips = [];
  for (const [key, value] of params) {
    if (["q", "page"].includes(key)) continue;
    const table = FACET_VALUES[key];
    chips.push(`<span class="chip">${esc(label("facet", key))}：${esc(table ? label(table, value) : value)}</span>`);
  }
  return chips.length ? `<div>${chips.join("")}</div>` : "";
}

function hitHtml(hit) {
  const p = hit.patent;
  const route = p.asset_kind === "patent" ? "patent" : "contract";
  const title = hit.highlights.title ?? esc(p.title);
  const abstract = hit.highlights.abstract ?? "";
  const meta = [hit.id, label("asset_kind", p.asset_kind), label("kind", p.kind), label("legal_status", p.legal_status), p.filing_date]
    .filter(Boolean).map(esc).join(" · ");
  return `<div class="hit"><h3><a href="#/${route}/${encodeURIComponent(hit.id)}">${title}</a></h3>
    <div class="meta">${meta} · ${p.applicants.map((a) => esc(a)).join("、")}</div>
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
  const rows = Object.entries(props).filter(([k, v]) => !skip.includes(k) && !HIDDEN_PROPS.includes(k) && v !== null && v !== "")
    .map(([k, v]) => `<tr><th>${esc(propLabel(k))}</th><td>${esc(propValue(k, v))}</td></tr>`);
  return `<table>${rows.join("")}</table>`;
}

async function patentPage(id) {
  const p = await api(`/api/v1/patents/${encodeURIComponent(id)}`);
  show(`<div class="panel"><h2>${esc(p.properties.title ?? p.id)}</h2>
    <div class="row"><a class="button" id="open-graph" href="#/graph/Patent/${encodeURIComponent(p.id)}">关系图谱</a>
      <span class="chip">${esc(label("kind", p.properties.kind))}</span><span class="chip">${esc(label("legal_status", p.properties.legal_status ?? "unknown"))}</span></div>
    <h3>申请人</h3><p>${p.applicants.map((a) => link("Organization", a.id, a.name)).join("、")}</p>
    <h3>发明人</h3><p>${p.inventors.map((a) => link("Person", a.id, a.name)).join("、")}</p>
    ${p.value ? valueHtml(p.value) : ""}
    <h3>著录项目</h3>${propsTable(p.properties)}
    ${p.properties.claims ? `<h3>权利要求</h3><p>${esc(p.properties.claims)}</p>` : ""}</div>
    <div class="panel" id="decisions"><h3>分级管理决策</h3><div id="decision-list" class="hint">加载中…</div>
      <form id="decision-form" class="row">
        <select id="decision-action">${Object.keys(LABELS.action).map((a) => `<option value="${a}">${esc(label("action", a))}</option>`).join("")}</select>
        <input id="decision-reason" placeholder="决策理由" required>
        <label>复核日期 <input id="decision-due" type="date"></label>
        <button type="submit">记录决策</button>
        <button type="button" class="secondary" id="watch-patent">关注此专利</button></form>
      <div id="decision-message" class="hint"></div></div>`);
  await loadDecisions(p.id);
  document.getElementById("decision-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const body = { action: document.getElementById("decision-action").value, reason: document.getElementById("decision-reason").value };
    const due = document.getElementById("decision-due").value;
    if (due) body.due = due;
    try { await send("POST", `/api/v1/patents/${encodeURIComponent(p.id)}/decisions`, body); await loadDecisions(p.id); message("decision-message", "已记录"); }
    catch (error) { message("decision-message", error.message); }
  });
  document.getElementById("watch-patent").addEventListener("click", async () => {
    try { await send("POST", "/api/v1/watches", { kind: "patent", target: p.id }); message("decision-message", "已关注，变化将出现在预警收件箱"); }
    catch (error) { message("decision-message", error.message); }
  });
}

function message(id, text) { document.getElementById(id).textContent = text; }

function factorValue(f) {
  if (typeof f.value === "boolean") return label("boolean", f.value);
  if (f.name === "legal_status") return label("legal_status", f.value ?? "unknown");
  if (["invalidation_history", "sep"].includes(f.name)) return label("value_level", f.value);
  return f.value ?? "";
}

function valueHtml(value) {
  const rows = value.factors.map((f) => `<tr class="factor" data-factor="${esc(f.name)}"><td>${esc(label("value_group", f.group))}</td><td>${esc(label("value_factor", f.name))}</td>
    <td>${esc(factorValue(f))}</td><td>${f.weight}</td><td>${f.contribution}</td></tr>`).join("");
  return `<div id="value"><h3>专利价值评估</h3>
    <div class="row"><span class="score">${value.score}</span><span>/ 100</span>
      <span class="chip grade-${esc(value.grade)}" id="grade">${esc(label("grade", value.grade))}</span><span class="hint">评估日 ${esc(value.as_of)}</span></div>
    <table><tr><th>维度</th><th>指标</th><th>取值</th><th>权重</th><th>得分</th></tr>${rows}</table></div>`;
}

async function loadDecisions(id) {
  const list = document.getElementById("decision-list");
  try {
    const decisions = await api(`/api/v1/patents/${encodeURIComponent(id)}/decisions`);
    list.innerHTML = decisions.length ? `<table><tr><th>时间</th><th>决策</th><th>理由</th><th>复核日期</th><th>决策人</th></tr>
      ${decisions.map((d) => `<tr><td>${esc(d.at.replace("T", " ").slice(0, 16))}</td><td>${esc(label("action", d.action))}</td><td>${esc(d.reason)}</td>
        <td>${esc(d.due ?? "")}</td><td>${esc(d.who)}（${esc(label("api_role", d.role))}）</td></tr>`).join("")}</table>` : "尚无决策";
  } catch (error) { list.textContent = error.message; }
}

// ---------- graded management: review queue and budget ----------

function isoDay(offsetDays) { return new Date(Date.now() + offsetDays * 86400000).toISOString().slice(0, 10); }

async function reviewsPage(params) {
  const before = params.get("before") ?? isoDay(365);
  const org = params.get("organization") ?? "";
  show(`<div class="panel"><h2>复核队列</h2><form class="row" id="review-form">
      <label>截止日期 <input id="review-before" type="date" value="${esc(before)}"></label>
      <input id="review-org" value="${esc(org)}" placeholder="集团或单位（可选）">
      <button type="submit">查看</button></form>
      <div class="hint">年费到期日按申请日周年计算，金额为国家知识产权局年费标准（未计费减）。</div></div>
    <div id="budget"></div><div class="panel" id="review-items">加载中…</div>`);
  document.getElementById("review-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const next = new URLSearchParams({ before: document.getElementById("review-before").value });
    const chosen = document.getElementById("review-org").value.trim();
    if (chosen) next.set("organization", chosen);
    location.hash = `#/reviews?${next}`;
  });
  const query = { before, organization: org || undefined };
  const queue = await api("/api/v1/reviews", query);
  const rows = queue.items.map((i) => `<tr class="review" data-reason="${esc(i.reason)}"><td>${esc(i.due)}</td><td>${esc(label("review_reason", i.reason))}${i.year ? `（第 ${i.year} 年）` : ""}</td>
    <td>${link("Patent", i.patent, i.title || i.patent)}</td><td>${esc(label("grade", i.grade ?? "ungraded"))}</td><td>${i.score ?? ""}</td>
    <td>${i.amount != null ? `${i.amount.toLocaleString("zh-CN")} 元` : ""}</td><td>${esc(i.owners.join("、"))}</td><td>${esc(decisionText(i.last_decision))}</td></tr>`).join("");
  document.getElementById("review-items").innerHTML = `<h3>待复核事项（${queue.items.length}）</h3><table id="review-table">
    <tr><th>到期日</th><th>事由</th><th>专利</th><th>等级</th><th>价值分</th><th>年费</th><th>权利人</th><th>最近决策</th></tr>${rows || "<tr><td colspan=8>无</td></tr>"}</table>`;
  if (org) {
    const b = await api("/api/v1/reviews/budget", { organization: org, before });
    const grades = Object.keys(LABELS.grade);
    const subRows = Object.entries(b.by_subsidiary).map(([sub, byGrade]) => `<tr><td>${link("Organization", sub, sub)}</td>
      ${grades.map((g) => `<td>${(byGrade[g] ?? 0).toLocaleString("zh-CN")}</td>`).join("")}</tr>`).join("");
    document.getElementById("budget").innerHTML = `<div class="panel" id="budget-view"><h3>年费预算：${esc(b.organization)}（${esc(b.start)} 至 ${esc(b.before)}）</h3>
      <p>合计 <span class="score">${b.total.toLocaleString("zh-CN")}</span> 元</p>
      <table><tr><th>下属单位</th>${grades.map((g) => `<th>${esc(label("grade", g))}（元）</th>`).join("")}</tr>${subRows || "<tr><td colspan=5>无</td></tr>"}</table></div>`;
  }
}

function decisionText(text) {
  if (!text) return "";
  const [action, ...reason] = text.split(": ");
  return `${label("action", action)}：${reason.join(": ")}`;
}

// ---------- monitoring: watches and the alert inbox ----------

function changeText(kind, value) {
  if (value === null || value === undefined) return "无";
  if (kind === "legal_status") return label("legal_status", value);
  if (kind === "litigation") {
    return value.replace(/\(([a-z_]+), ([a-z_]+)\)/g, (_, type, status) => `（${label("case_type", type)}，${label("case_status", status)}）`);
  }
  return value;
}

async function alertsPage() {
  show(`<div class="panel"><h2>预警收件箱</h2><div id="watches">加载中…</div>
      <form class="row" id="watch-form"><select id="watch-kind">${Object.keys(LABELS.watch_kind).map((k) => `<option value="${k}">${esc(label("watch_kind", k))}</option>`).join("")}</select>
        <input id="watch-target" placeholder="专利号、机构名称、检索式或标准号" required><button type="submit">添加关注</button></form>
      <div id="watch-message" class="hint"></div></div>
    <div class="panel" id="alerts">加载中…</div>`);
  document.getElementById("watch-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      await send("POST", "/api/v1/watches", { kind: document.getElementById("watch-kind").value, target: document.getElementById("watch-target").value });
      await loadWatches();
    } catch (error) { message("watch-message", error.message); }
  });
  await loadWatches();
  const body = await api("/api/v1/alerts", { limit: 100 });
  const rows = body.alerts.map((a) => `<tr class="alert" data-kind="${esc(a.kind)}"><td>${esc(a.at.replace("T", " ").slice(0, 16))}</td><td>${esc(label("alert_kind", a.kind))}</td>
    <td>${link("Patent", a.patent, a.title || a.patent)}<div class="hint">${esc(a.organizations.join("、"))}</div></td>
    <td class="change">${esc(changeText(a.kind, a.change.before))} → ${esc(changeText(a.kind, a.change.after))}</td>
    <td class="evidence">${a.evidence.map(esc).join("<br>")}</td><td>${esc(label("watch_kind", a.watch.kind))}：${esc(a.watch.target)}</td>
    <td>${a.delivery ? `${esc(label("delivery", a.delivery.status))}（${a.delivery.attempts} 次）` : ""}</td></tr>`).join("");
  document.getElementById("alerts").innerHTML = `<h3>预警（${body.alerts.length}）</h3><table id="alert-table">
    <tr><th>时间</th><th>变化</th><th>专利</th><th>变更前 → 变更后</th><th>证据</th><th>关注项</th><th>推送</th></tr>${rows || "<tr><td colspan=7>暂无预警</td></tr>"}</table>`;
}

async function loadWatches() {
  const watches = await api("/api/v1/watches");
  document.getElementById("watches").innerHTML = `<h3>我的关注（${watches.length}）</h3>` + (watches.length ? `<table id="watch-table">
    ${watches.map((w) => `<tr><td>${esc(label("watch_kind", w.kind))}</td><td>${esc(w.target)}</td><td>${esc(w.created.slice(0, 10))}</td>
      <td><button class="secondary" data-unwatch="${w.id}">取消关注</button></td></tr>`).join("")}</table>` : "<p class=\"hint\">尚未关注任何对象</p>");
  for (const button of document.querySelectorAll("[data-unwatch]")) {
    button.addEventListener("click", async () => { await send("DELETE", `/api/v1/watches/${button.dataset.unwatch}`); await loadWatches(); });
  }
}

async function organizationPage(id) {
  const org = await api(`/api/v1/organizations/${encodeURIComponent(id)}`);
  // Patents only: without asset_kind the search also counts the group's contracts.
  const facets = (await api("/api/v1/search", { group: org.id, asset_kind: "patent", size: 1 })).facets;
  const byKind = Object.entries(org.group_portfolio ?? {}).map(([k, v]) => ({ key: label("kind", k), count: v }));
  show(`<div class="panel"><h2>${esc(org.properties.name ?? org.id)}</h2>
    <div class="row"><a class="button" href="#/graph/Organization/${encodeURIComponent(org.id)}">关系图谱</a>
      <a class="button secondary" href="#/dd/${encodeURIComponent(org.id)}">尽职调查</a></div>
    ${org.central_soe ? `<p class="chip">央企：${esc(org.central_soe)}</p>` : ""}
    <h3>集团架构（${org.group_size} 家）</h3><div class="tree">${treeHtml(org.subsidiaries)}</div>
    <h3>专利组合（含下属单位，仅计专利）</h3><div class="bars" id="portfolio">
      ${barChart("按专利类型", byKind)}
      ${barChart("按申请年", (facets.filing_year ?? []).slice().sort((a, b) => a.key.localeCompare(b.key)))}
      ${barChart("按法律状态", (facets.legal_status ?? []).map((b) => ({ key: label("legal_status", b.key), count: b.count })))}
      ${barChart("按 IPC 小类", facets.ipc_subclasses ?? [])}</div>
    <h3>基本信息</h3>${propsTable(org.properties)}</div>`);
}

function treeHtml(nodes) {
  if (!nodes.length) return "<p class=\"hint\">无下属单位</p>";
  return `<ul>${nodes.map((n) => `<li>${link("Organization", n.id, n.name)}${n.stake != null ? `（${n.stake}%）` : ""}${n.subsidiaries.length ? treeHtml(n.subsidiaries) : ""}</li>`).join("")}</ul>`;
}

function barChart(title, buckets) {
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const width = 44;
  const bars = buckets.map((b, i) => {
    const h = Math.round((b.count / max) * 120);
    return `<g transform="translate(${i * width + 10},0)"><rect y="${140 - h}" width="${width - 10}" height="${h}" fill="#2f6f9f"></rect>
      <text x="${(width - 10) / 2}" y="${135 - h}" text-anchor="middle">${b.count}</text>
      <text x="${(width - 10) / 2}" y="156" text-anchor="middle">${esc(b.key)}</text></g>`;
  }).join("");
  const empty = buckets.length ? "" : `<text x="10" y="80">暂无数据</text>`;
  return `<figure><figcaption>${esc(title)}</figcaption><svg width="${Math.max(buckets.length * width + 20, 120)}" height="170">${bars}${empty}</svg></figure>`;
}

async function personPage(id) {
  const p = await api(`/api/v1/persons/${encodeURIComponent(id)}`);
  show(`<div class="panel"><h2>${esc(p.properties.name ?? p.id)}</h2>
    <div class="row"><a class="button" href="#/graph/Person/${encodeURIComponent(p.id)}">关系图谱</a></div>
    <h3>专利</h3><p>${p.patents.map((x) => link("Patent", x.id, x.name)).join("<br>")}</p>
    <h3>合作发明人</h3><p>${p.co_inventors.map((x) => `${link("Person", x.id, x.name)}（${x.count}）`).join("、")}</p>
    <h3>属性</h3>${propsTable(p.properties)}</div>`);
}

// A links key is "EDGE_TYPE:direction" (out: this node is the source).
function linkTitle(key) {
  const [type] = key.split(":");
  return label("edge", type);
}

async function nodePage(kind, id) {
  const n = await api(`/api/v1/${kind}s/${encodeURIComponent(id)}`);
  const links = Object.entries(n.links).map(([edge, items]) =>
    `<tr><th>${esc(linkTitle(edge))}</th><td>${items.map((x) => esc(x.name)).join("、")}</td></tr>`).join("");
  show(`<div class="panel"><h2>${esc(n.properties.title ?? n.properties.name ?? n.id)}</h2>
    <div class="row"><a class="button" href="#/graph/${esc(n.label)}/${encodeURIComponent(n.id)}">关系图谱</a>
      <span class="chip">${esc(label("node", n.label))}</span></div>
    <h3>属性</h3>${propsTable(n.properties)}<h3>关联</h3><table>${links}</table></div>`);
}

// ---------- graph ----------

let cy = null;

function edgeLabel(e) {
  const role = e.properties?.role ? `（${label("party_role", e.properties.role)}）` : "";
  return `${label("edge", e.type)}${role}`;
}

function graphElements(body) {
  const nodes = body.nodes.map((n) => {
    const name = n.name || n.id;
    return { data: { id: `${n.label}:${n.id}`, label: name.length > 16 ? `${name.slice(0, 15)}…` : name, full: name, kind: n.label, key: n.id } };
  });
  const edges = body.edges.map((e) => ({ data: {
    id: `${e.type}:${e.source.label}:${e.source.id}->${e.target.label}:${e.target.id}`,
    source: `${e.source.label}:${e.source.id}`, target: `${e.target.label}:${e.target.id}`, label: edgeLabel(e),
  } }));
  return [...nodes, ...edges];
}

const COLORS = {
  Patent: "#2f6f9f", Organization: "#b54708", Person: "#067647", Standard: "#6941c6", Contract: "#c11574",
  IPC: "#667085", Case: "#b42318", TradeSecret: "#7a5af8", Family: "#0e9384", Document: "#98a2b3", Trademark: "#dd2590",
};

// Labels sit under their nodes on a white background; edge labels show only on hover.
const GRAPH_STYLE = [
  { selector: "node", style: {
    label: "data(label)", "font-size": 14, "background-color": (n) => COLORS[n.data("kind")] ?? "#888",
    color: "#1b1f24", "text-valign": "bottom", "text-margin-y": 4, "text-wrap": "ellipsis", "text-max-width": 140,
    "text-background-color": "#fff", "text-background-opacity": 0.85, "text-background-padding": 2,
    width: 22, height: 22, "min-zoomed-font-size": 6,
  } },
  { selector: "edge", style: {
    width: 1.5, "line-color": "#c8ccd0", "target-arrow-shape": "triangle", "target-arrow-color": "#c8ccd0",
    "curve-style": "bezier", "font-size": 10, color: "#0f3d62",
    "text-background-color": "#fff", "text-background-opacity": 1,
  } },
  { selector: "edge.hover", style: { label: "data(label)", "line-color": "#0f3d62", "target-arrow-color": "#0f3d62", width: 2.5, "z-index": 10 } },
  { selector: "node.hover", style: { label: "data(full)", "z-index": 10, "text-max-width": 320 } },
  { selector: ".center", style: { "border-width": 3, "border-color": "#0f3d62", width: 30, height: 30 } },
];

// Force-directed (cytoscape's cose) with the labels counted in each node's size, strong
// repulsion and long ideal edges, so labels do not pile up in the centre.
function graphLayout() {
  return {
    name: "cose", animate: false, randomize: true, nodeDimensionsIncludeLabels: true,
    nodeRepulsion: () => 500000, idealEdgeLength: () => 90, edgeElasticity: () => 80,
    nodeOverlap: 40, gravity: 0.2, numIter: 2500, componentSpacing: 120, padding: 30,
  };
}

// cose keeps nodes apart but can leave two labels touching; push such pairs apart along the
// axis where they overlap least until no two boxes (labels included) overlap. Worked on plain
// numbers (each node's box relative to its position), then applied in one batch.
function separateLabels(graph) {
  const nodes = graph.nodes().toArray();
  const boxes = nodes.map((n) => {
    const p = n.position(), b = n.boundingBox({ includeLabels: true });
    return { x: p.x, y: p.y, left: p.x - b.x1, right: b.x2 - p.x, top: p.y - b.y1, bottom: b.y2 - p.y };
  });
  const gap = 4;
  for (let pass = 0; pass < 100; pass++) {
    let moved = false;
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      const dx = Math.min(a.x + a.right, b.x + b.right) - Math.max(a.x - a.left, b.x - b.left);
      const dy = Math.min(a.y + a.bottom, b.y + b.bottom) - Math.max(a.y - a.top, b.y - b.top);
      if (dx <= -gap || dy <= -gap) continue;
      if (dx < dy) {
        const shift = (dx + gap) / 2 * (a.x <= b.x ? 1 : -1);
        a.x -= shift; b.x += shift;
      } else {
        const shift = (dy + gap) / 2 * (a.y <= b.y ? 1 : -1);
        a.y -= shift; b.y += shift;
      }
      moved = true;
    }
    if (!moved) break;
  }
  graph.batch(() => nodes.forEach((n, i) => n.position({ x: boxes[i].x, y: boxes[i].y })));
  graph.fit(undefined, 30);
}

function runLayout(graph, options) {
  const layout = graph.layout(options);
  layout.one("layoutstop", () => {
    separateLabels(graph);
    window.ipgraphLayouts = (window.ipgraphLayouts ?? 0) + 1;  // the browser tests wait on it
  });
  layout.run();
}

function hoverBehaviour(graph) {
  graph.on("mouseover", "edge", (event) => event.target.addClass("hover"));
  graph.on("mouseout", "edge", (event) => event.target.removeClass("hover"));
  graph.on("mouseover", "node", (event) => { event.target.addClass("hover"); event.target.connectedEdges().addClass("hover"); });
  graph.on("mouseout", "node", (event) => { event.target.removeClass("hover"); event.target.connectedEdges().removeClass("hover"); });
}

function legendHtml() {
  return `<div class="legend">${Object.entries(COLORS).filter(([k]) => !["Document", "Trademark"].includes(k))
    .map(([k, c]) => `<span><i style="background:${c}"></i>${esc(label("node", k))}</span>`).join("")}</div>`;
}

async function graphPage(kind, id) {
  show(`<div class="panel"><div class="row"><strong>关系图谱</strong><span class="hint">单击节点展开其关联，双击打开实体页；鼠标悬停在节点或连线上显示关系</span></div>${legendHtml()}</div><div id="cy"></div>`);
  const body = await api("/api/v1/graph/neighbors", { node: id, label: kind, limit: 30 });
  cy = cytoscape({ container: document.getElementById("cy"), elements: graphElements(body), style: GRAPH_STYLE });
  runLayout(cy, graphLayout());
  cy.getElementById(`${kind}:${id}`).addClass("center");
  hoverBehaviour(cy);
  cy.on("tap", "node", async (event) => {
    const node = event.target;
    const more = await api("/api/v1/graph/neighbors", { node: node.data("key"), label: node.data("kind"), limit: 20 });
    cy.add(graphElements(more).filter((el) => cy.getElementById(el.data.id).empty()));
    runLayout(cy, graphLayout());
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
    style: GRAPH_STYLE });
  runLayout(cy, { name: "breadthfirst", spacingFactor: 1.4, nodeDimensionsIncludeLabels: true });
  hoverBehaviour(cy);
  window.ipgraphGraph = cy;
}

// ---------- due diligence ----------

function countsText(table, counts) {
  return Object.entries(counts ?? {}).map(([k, v]) => `${label(table, k)} ${v}`).join("、") || "无";
}

function evidenceHtml(e) {
  const role = e.properties?.role ? `（${label("party_role", e.properties.role)}）` : "";
  return `${esc(label("edge", e.type))}${esc(role)}：${esc(e.source)}${e.target ? ` → ${esc(e.target)}` : ""}`;
}

function encumbranceRows(r) {
  const rows = [];
  for (const e of r.encumbrances.licenses_granted) rows.push(["许可他人", e.source, e.target, label("exclusivity", e.properties.exclusivity), e.properties.end]);
  for (const e of r.encumbrances.licenses_taken) rows.push(["获得许可", e.source, e.target, label("exclusivity", e.properties.exclusivity), e.properties.end]);
  for (const e of r.encumbrances.pledges) rows.push(["质押", e.source, e.target, "", e.properties.end]);
  for (const e of r.encumbrances.transfers_in) rows.push(["受让", e.source, e.target, "", e.properties.date]);
  for (const e of r.encumbrances.transfers_out) rows.push(["转让", e.source, e.target, "", e.properties.date]);
  return rows.map((row) => `<tr>${row.map((c) => `<td>${esc(c ?? "")}</td>`).join("")}</tr>`).join("") || "<tr><td colspan=5>无</td></tr>";
}

async function ddPage(org) {
  if (!org) {
    show(`<div class="panel"><form class="search-box" id="dd-form"><input id="dd-org" placeholder="目标公司名称或简称"><button type="submit">生成报告</button></form>
      <div class="hint">需要分析人员及以上角色的 API 密钥；尽调人员角色可见商业秘密与人员信息。</div></div>`);
    document.getElementById("dd-form").addEventListener("submit", (event) => {
      event.preventDefault();
      location.hash = `#/dd/${encodeURIComponent(document.getElementById("dd-org").value)}`;
    });
    return;
  }
  const r = await api(`/api/v1/due-diligence/${encodeURIComponent(org)}`);
  const flags = r.flags.map((f) => `<tr class="flag" data-code="${esc(f.code)}"><td class="sev-${esc(f.severity)}">${esc(label("severity", f.severity))}</td><td>${esc(label("flag", f.code))}</td><td>${esc(f.reason)}</td>
    <td class="evidence">${f.evidence.map(evidenceHtml).join("<br>")}</td></tr>`).join("");
  const a = r.assets;
  show(`<div class="panel"><h2>知识产权尽职调查：${esc(r.name)}</h2>
    <div class="row"><span class="score">${r.score}</span><span>/ 100 · 基准日 ${esc(r.as_of)} · 近 ${esc(r.years)} 年 · ${r.confidential ? "含保密信息" : "不含保密信息"}</span>
      <button class="secondary" data-export="html">导出 HTML</button><button class="secondary" data-export="pdf">导出 PDF</button></div>
    <h3>风险提示（${r.flags.length}）</h3><table id="flags"><tr><th>等级</th><th>风险类型</th><th>说明</th><th>证据</th></tr>${flags || "<tr><td colspan=4>未发现风险</td></tr>"}</table>
    <h3>资产</h3>${propsTable({ 专利总数: a.patents, 有效: a.valid, 失效: a.lapsed, 按类型: countsText("kind", a.by_kind),
      按法律状态: countsText("legal_status", a.by_status), 按等级: countsText("grade", a.by_grade), 按国家: countsText("country", a.by_country) })}
    <h3>权属</h3>${propsTable({ 独有: r.ownership.sole.join("、") || "无",
      共有: r.ownership.co_owned.map((c) => `${c.patent}（与 ${c.with.join("、")} 共有）`).join("；") || "无" })}
    <h3>许可、质押与转让</h3><table><tr><th>事项</th><th>专利</th><th>对方</th><th>方式</th><th>日期</th></tr>${encumbranceRows(r)}</table>
    <h3>争议</h3><table><tr><th>案号</th><th>类型</th><th>状态</th><th>受理机构</th><th>立案日期</th><th>涉及专利</th></tr>
      ${r.disputes.map((d) => `<tr><td>${esc(d.case)}</td><td>${esc(label("case_type", d.type))}</td><td>${esc(label("case_status", d.status))}</td><td>${esc(d.forum ?? "")}</td><td>${esc(d.filed ?? "")}</td><td>${esc(d.patents.join("、"))}</td></tr>`).join("") || "<tr><td colspan=6>无</td></tr>"}</table>
    <h3>核心发明人</h3><table><tr><th>发明人</th><th>专利数</th><th>离职日期</th><th>竞业限制至</th></tr>
      ${r.inventors.map((i) => `<tr><td>${link("Person", i.id, i.name)}</td><td>${i.patents}</td><td>${esc(i.left_on ?? "")}</td><td>${esc(i.non_compete_until ?? "")}</td></tr>`).join("")}</table>
    ${r.trade_secrets.length ? `<h3>商业秘密</h3><table><tr><th>名称</th><th>等级</th></tr>${r.trade_secrets.map((t) => `<tr><td>${esc(t.name)}</td><td>${esc(label("grade", t.grade ?? "ungraded"))}</td></tr>`).join("")}</table>` : ""}</div>`);
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

// A page still loading when the hash changes must not paint over the next one.
let routeGeneration = 0;

async function route() {
  navigation += 1;
  const generation = ++routeGeneration;
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
      case "reviews": return await reviewsPage(params);
      case "alerts": return await alertsPage();
      default: return show("<div class=\"panel\">页面不存在</div>");
    }
  } catch (error) { if (!(error instanceof StaleAnswer) && generation === routeGeneration) fail(error); }
}

document.getElementById("api-key").value = localStorage.getItem("ipgraph-key") ?? "";
document.getElementById("key-form").addEventListener("submit", (event) => {
  event.preventDefault();
  localStorage.setItem("ipgraph-key", document.getElementById("api-key").value.trim());
  route();
});
window.addEventListener("hashchange", route);
route();
