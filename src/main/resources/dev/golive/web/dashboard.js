// The dashboard's pages: each draws itself from the API and again when the feed says something changed.
"use strict";
(function () {
  const body = document.body;
  const page = body.dataset.page;
  const role = body.dataset.role;
  const me = body.dataset.user;
  const csrf = document.querySelector('meta[name="csrf"]').content;
  const main = document.getElementById("main");
  const RANK = {viewer: 0, operator: 1, approver: 2, admin: 3};
  const may = r => RANK[role] >= RANK[r];
  const LATE = 60; // seconds behind plan before a step is shown as late

  function esc(v) {
    return String(v == null ? "" : v).replace(/[&<>"']/g, c =>
      ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})[c]);
  }
  function time(iso) {
    if (!iso) return "";
    const d = new Date(iso);
    return d.toLocaleTimeString([], {hour: "2-digit", minute: "2-digit", second: "2-digit"});
  }
  function dateTime(iso) {
    if (!iso) return "";
    const d = new Date(iso);
    return d.toLocaleDateString() + " " + time(iso);
  }
  function badge(word) {
    return word ? `<span class="badge s-${esc(word)}">${esc(word)}</span>` : "";
  }
  function say(text, error) {
    const box = document.getElementById("message");
    const d = document.createElement("div");
    d.textContent = text;
    if (error) d.className = "error";
    d.dataset.kind = error ? "error" : "info";
    box.appendChild(d);
    setTimeout(() => d.remove(), error ? 12000 : 5000);
  }
  async function get(path) {
    const r = await fetch(path, {credentials: "same-origin", headers: {Accept: "application/json"}});
    if (r.status === 401) { location.href = "/login"; throw new Error("log in first"); }
    if (!r.ok) throw new Error((await r.json().catch(() => ({}))).error || r.statusText);
    return r.json();
  }
  async function post(path, params) {
    const r = await fetch(path, {
      method: "POST", credentials: "same-origin",
      headers: {"X-CSRF-Token": csrf, "Content-Type": "application/x-www-form-urlencoded"},
      body: new URLSearchParams(params || {})
    });
    const data = await r.json().catch(() => ({}));
    if (!r.ok) throw new Error(data.error || r.statusText);
    return data;
  }
  window.golive = {post, get};

  // ---- the runbook ----
  let chosenRun = new URLSearchParams(location.search).get("run");
  function stepActions(v, s) {
    if (!v.outcome && s.status === "ready") {
      if (s.kind === "manual" && may("operator")) {
        return `<div class="actions" data-step="${esc(s.id)}">
          <button class="act go" data-act="confirm" id="confirm-${esc(s.id)}">Confirm done</button>
          <input placeholder="reason, to fail it" data-reason id="reason-${esc(s.id)}">
          <button class="act no" data-act="fail" id="fail-${esc(s.id)}">Fail</button></div>`;
      }
      if (s.kind === "gate" && may("approver")) {
        return `<div class="actions" data-step="${esc(s.id)}">
          <button class="act go" data-act="approve" id="approve-${esc(s.id)}">Approve</button>
          <input placeholder="reason, to reject" data-reason id="reason-${esc(s.id)}">
          <button class="act no" data-act="reject" id="reject-${esc(s.id)}">Reject</button></div>`;
      }
      if (!s.human && may("operator")) {
        const typed = s.changing && v.protected && !v.dryRun;
        return `<div class="actions" data-step="${esc(s.id)}">
          ${typed ? `<input placeholder="type ${esc(v.environment)} to run it" data-environment id="environment-${esc(s.id)}">` : ""}
          <button class="act" data-act="run" id="run-${esc(s.id)}">Run ${esc(s.kind)}</button>
          <input type="hidden" data-reason></div>`;
      }
      if (!s.human) return `<span class="quiet small">golive runs it (an operator, or golive runbook go)</span>`;
    }
    return "";
  }
  function timeline(v) {
    const times = [];
    v.steps.forEach(s => [s.plannedStart, s.plannedEnd, s.actualStart, s.actualEnd].forEach(t => t && times.push(Date.parse(t))));
    const now = Date.now();
    if (!v.outcome) times.push(now);
    if (!times.length) return "";
    const lo = Math.min(...times), hi = Math.max(...times), span = Math.max(1, hi - lo);
    const pct = t => ((Date.parse(t) - lo) / span * 100).toFixed(2) + "%";
    const width = (a, b) => Math.max(0.4, (Date.parse(b) - Date.parse(a)) / span * 100).toFixed(2) + "%";
    const rows = v.steps.filter(s => !s.rollback || v.rollingBack).map(s => {
      const plan = s.plannedStart && s.plannedEnd
        ? `<div class="tl-plan" style="left:${pct(s.plannedStart)};width:${width(s.plannedStart, s.plannedEnd)}"></div>` : "";
      const end = s.actualEnd || (s.actualStart ? new Date(now).toISOString() : null);
      const act = s.actualStart
        ? `<div class="tl-actual${s.actualEnd ? "" : " open"}" style="left:${pct(s.actualStart)};width:${width(s.actualStart, end)}"></div>` : "";
      const nowLine = v.outcome ? "" : `<div class="tl-now" style="left:${pct(new Date(now).toISOString())}"></div>`;
      return `<div class="tl-row"><span class="tl-label" title="${esc(s.id)}">${esc(s.id)}</span><div class="tl-track">${plan}${act}${nowLine}</div></div>`;
    }).join("");
    return `<div class="timeline" id="timeline"><div class="small quiet">planned (blue) against actual (green; amber while it runs), the red line is now</div>${rows}</div>`;
  }
  async function runbook() {
    const data = await get("/api/runbook" + (chosenRun ? "?run=" + encodeURIComponent(chosenRun) : ""));
    const v = data.view;
    if (!v) {
      main.innerHTML = `<h1>Runbook</h1><p class="quiet">No runbook run yet. Start one with <code>golive runbook start NAME --env ENV</code>.</p>`;
      return;
    }
    const options = data.runs.map(r => `<option value="${esc(r.id)}"${r.id === v.runId ? " selected" : ""}>${esc(r.id)} ${esc(r.name)} on ${esc(r.environment)}${r.active ? " (active)" : ""}</option>`).join("");
    const ready = v.steps.filter(s => s.status === "ready" && !v.outcome);
    const late = v.steps.filter(s => s.lateSeconds >= LATE && !["done", "skipped", "cancelled"].includes(s.status));
    const readyCards = ready.map(s => `<div class="card ready" id="ready-${esc(s.id)}"><h3>${esc(s.id)} ${s.title ? "· " + esc(s.title) : ""}</h3>
      <div class="small">${esc(s.kind)}${s.owner ? " · owner " + esc(s.owner) : ""}${s.waitingFor.length ? " · waits for " + esc(s.waitingFor.join(", ")) : ""}</div>
      <div>${esc(s.kind === "gate" ? s.target : (s.instructions || s.target || ""))}</div>
      ${s.approvals.length ? `<div class="small">approved by ${esc(s.approvals.join(", "))}</div>` : ""}
      ${stepActions(v, s)}</div>`).join("");
    const rows = v.steps.map(s => `<tr id="step-${esc(s.id)}" class="${s.lateSeconds >= LATE && !["done", "skipped", "cancelled"].includes(s.status) ? "late" : ""}">
      <td>${esc(s.id)}${s.critical ? ' <span class="small quiet" title="on the critical path">◆</span>' : ""}${s.rollback ? ' <span class="small quiet">rollback</span>' : ""}</td>
      <td>${esc(s.title || s.target || "")}<div class="small quiet">${esc(s.kind)}</div>${s.evidence ? `<details><summary class="small">what it left</summary><pre>${esc(s.evidence)}</pre></details>` : ""}</td>
      <td>${esc(s.owner || "")}</td>
      <td class="status">${badge(s.status)}${s.reason ? `<div class="small">${esc(s.reason)}</div>` : ""}${s.approvals.length ? `<div class="small">${esc(s.approvals.join(", "))}</div>` : ""}</td>
      <td>${time(s.plannedStart)}–${time(s.plannedEnd)}</td>
      <td>${time(s.actualStart)}${s.actualStart ? "–" : ""}${time(s.actualEnd)}</td>
      <td>${s.lateSeconds >= LATE ? `<span class="late">${Math.round(s.lateSeconds / 60)} min late</span>` : ""}</td>
      <td>${esc(s.actor || "")}</td></tr>`).join("");
    main.innerHTML = `<h1>Runbook <select id="run-select">${options}</select></h1>
      <p><b>${esc(v.runbook)}</b> on <b>${esc(v.environment)}</b> ${v.rehearsal ? badge("rehearsal") : ""} ${v.dryRun ? badge("dry-run") : ""}
      · started by ${esc(v.startedBy)} at ${dateTime(v.startedAt)} · planned end ${time(v.plannedEnd)} · projected end ${time(v.projectedEnd)}
      ${v.outcome ? " · " + badge(v.outcome) : ` · ${badge("running")}`}${v.reason ? " · " + esc(v.reason) : ""}
      · <a href="/reports/${esc(v.runId)}" target="_blank">report</a></p>
      ${late.length ? `<p class="late" id="late-steps"><span class="late">Late:</span> ${late.map(s => esc(s.id)).join(", ")}</p>` : ""}
      ${!v.outcome && may("admin") ? `<div class="actions" id="abort-box"><input placeholder="reason, to abort the run" id="reason-abort">
        <button class="act no" id="abort-run">Abort the run</button></div>` : ""}
      <h2>Ready now</h2><div class="cards" id="ready">${readyCards || '<p class="quiet">Nothing waits for a person right now.</p>'}</div>
      <h2>Timeline</h2>${timeline(v)}
      <h2>Steps</h2><table id="steps"><tr><th>step</th><th>what</th><th>owner</th><th>status</th><th>planned</th><th>actual</th><th>late</th><th>by</th></tr>${rows}</table>`;
    document.getElementById("run-select").onchange = e => { chosenRun = e.target.value; history.replaceState(null, "", "?run=" + chosenRun); draw(); };
    const abort = document.getElementById("abort-run");
    if (abort) abort.onclick = async () => {
      const reason = document.getElementById("reason-abort").value;
      if (!reason.trim()) { say("Give the reason first.", true); return; }
      try {
        await post(`/api/runbook/${encodeURIComponent(v.runId)}/abort`, {reason});
        say(`The run was aborted by ${me}.`);
      } catch (e) {
        say(e.message, true);
      }
      draw();
    };
    main.querySelectorAll(".actions[data-step] button.act").forEach(b => b.onclick = async () => {
      const box = b.closest(".actions");
      const step = box.dataset.step;
      const act = b.dataset.act;
      const reason = box.querySelector("[data-reason]").value;
      const typed = box.querySelector("[data-environment]");
      const params = {reason};
      if (typed) params.environment = typed.value;
      if ((act === "fail" || act === "reject") && !reason.trim()) { say("Give the reason first.", true); return; }
      b.disabled = true;
      try {
        await post(`/api/runbook/${encodeURIComponent(v.runId)}/steps/${encodeURIComponent(step)}/${act}`, params);
        say(`${step}: ${act} done by ${me}.`);
      } catch (e) {
        say(`${step}: ${e.message}`, true);
      }
      draw();
    });
  }

  // ---- readiness ----
  async function readiness() {
    const data = await get("/api/readiness");
    const envs = Object.keys(data.environments);
    if (!envs.length) {
      main.innerHTML = `<h1>Readiness</h1><p class="quiet">No readiness check yet: <code>golive check ENV</code>.</p>`;
      return;
    }
    main.innerHTML = `<h1>Readiness</h1>` + envs.map(env => {
      const c = data.environments[env], r = c.report;
      const groups = (r.groups || []).map(g => `<tr><th colspan="3">${g.kind === g.name ? esc(g.name) : esc(g.kind) + " " + esc(g.name)}</th></tr>` +
        g.results.map(x => `<tr><td>${x.ok ? badge("done").replace(">done<", ">ok<") : '<span class="badge bad">red</span>'}</td><td>${esc(x.check)}</td><td>${esc(x.detail)}</td></tr>`).join("")).join("");
      return `<h2 id="env-${esc(env)}">${esc(env)} ${r.ready ? '<span class="badge ok">ready</span>' : '<span class="badge bad">not ready</span>'}</h2>
        <p class="small">${esc(r.summary)} · checked by ${esc(c.actor)} at ${dateTime(c.at)}</p><table>${groups}</table>`;
    }).join("");
  }

  // ---- load tests ----
  let loadRun = null, plots = {}, plotted = null;
  function chart(id, title, data, names, yLabel) {
    const el = document.getElementById(id);
    const width = Math.max(400, el.clientWidth - 10);
    const colors = ["#2563eb", "#dc2626", "#16a34a", "#9333ea", "#f59e0b"];
    const opts = {title, width, height: 230, scales: {x: {time: false}},
      axes: [{label: "second"}, {label: yLabel}],
      series: [{label: "second"}].concat(names.map((n, i) => ({label: n, stroke: colors[i % colors.length], width: 1.6, spanGaps: true})))};
    if (plots[id]) { plots[id].setData(data); return; }
    el.innerHTML = "";
    plots[id] = new uPlot(opts, data, el);
  }
  async function load() {
    const runs = await get("/api/loads");
    if (!loadRun) {
      const running = runs.find(r => !r.outcome);
      loadRun = running ? running.id : (runs[0] && runs[0].id);
    }
    if (!loadRun) {
      main.innerHTML = `<h1>Load tests</h1><p class="quiet">No load test yet: <code>golive load ENV TEST</code>.</p>`;
      return;
    }
    const d = await get("/api/loads/" + encodeURIComponent(loadRun));
    const s = d.series;
    const list = runs.map(r => `<tr class="${r.id === loadRun ? "here" : ""}"><td><a href="#" data-run="${esc(r.id)}">${esc(r.id)}</a></td><td>${esc(r.name)}</td><td>${esc(r.environment)}</td><td>${dateTime(r.startedAt)}</td><td>${esc(r.startedBy)}</td><td>${r.outcome ? badge(r.outcome) : badge("running")}</td><td>${r.outcome ? `<a href="/reports/${esc(r.id)}" target="_blank">report</a>` : ""}</td></tr>`).join("");
    const checks = (d.checks || []).map(c => `<tr><td>${c.met ? '<span class="badge ok">met</span>' : '<span class="badge bad">missed</span>'}</td><td>${esc(c.name)}</td><td>${esc(c.expected)}</td><td>${esc(c.actual)}</td></tr>`).join("");
    if (plotted !== loadRun || !document.getElementById("c-tps")) {
      plots = {};
      plotted = loadRun;
      main.innerHTML = `<h1>Load test ${esc(d.name)} on ${esc(d.environment)} <span id="load-state">${d.outcome ? badge(d.outcome) : badge("running")}</span></h1>
        <p class="small">run <b id="load-run">${esc(d.id)}</b> · started by ${esc(d.startedBy)} at ${dateTime(d.startedAt)} · <span id="load-seconds"></span></p>
        <div class="charts"><div class="chart" id="c-tps"></div><div class="chart" id="c-times"></div>
        <div class="chart" id="c-errors"></div><div class="chart" id="c-users"></div></div>
        <div id="load-checks"></div><h2>All load tests</h2><table id="load-runs"><tr><th>run</th><th>test</th><th>env</th><th>started</th><th>by</th><th>outcome</th><th></th></tr>${list}</table>`;
      main.querySelectorAll("a[data-run]").forEach(a => a.onclick = e => { e.preventDefault(); loadRun = a.dataset.run; draw(); });
    } else {
      document.getElementById("load-state").innerHTML = d.outcome ? badge(d.outcome) : badge("running");
      document.querySelector("#load-runs").innerHTML = `<tr><th>run</th><th>test</th><th>env</th><th>started</th><th>by</th><th>outcome</th><th></th></tr>${list}`;
      main.querySelectorAll("a[data-run]").forEach(a => a.onclick = e => { e.preventDefault(); loadRun = a.dataset.run; draw(); });
    }
    document.getElementById("load-seconds").textContent = s.x.length + " seconds measured";
    document.getElementById("c-tps").dataset.points = s.x.length;
    document.getElementById("load-checks").innerHTML = checks ? `<h2>Targets</h2><table>${checks}</table>` : "";
    if (typeof uPlot === "undefined") return;
    chart("c-tps", "Transactions per second", [s.x, s.tps, s.wanted], ["achieved", "intended"], "per second");
    chart("c-times", "Response time (ms)", [s.x, s.p50, s.p95, s.p99], ["p50", "p95", "p99"], "ms");
    chart("c-errors", "Errors per second", [s.x, s.failed], ["failed"], "per second");
    chart("c-users", "Active users", [s.x, s.active], ["active"], "users");
  }

  // ---- drills ----
  async function drills() {
    const runs = await get("/api/drills");
    const rows = runs.map(r => {
      const f = r.figures || {};
      const verdicts = (r.verdicts || []).map(v => `<div class="small">${v.met ? "✓" : "✗"} ${esc(v.check)}: ${esc(v.actual)} (expected ${esc(v.expected)})</div>`).join("");
      return `<tr><td>${esc(r.id)}</td><td>${esc(r.name)}</td><td>${esc(r.environment)}</td><td>${esc(r.fault || "")} ${esc((r.instances || []).join(", "))}</td>
        <td class="num">${f.errors == null ? "" : esc(f.errors) + " of " + esc(f.requests)}</td><td class="num">${f.detectionSeconds == null ? "" : esc(f.detectionSeconds) + " s"}</td>
        <td class="num">${f.recoverySeconds == null ? "" : esc(f.recoverySeconds) + " s"}</td><td>${r.outcome ? badge(r.outcome) : badge("running")}${verdicts}</td>
        <td>${r.outcome ? `<a href="/reports/${esc(r.id)}" target="_blank">report</a>` : ""}</td></tr>`;
    }).join("");
    main.innerHTML = `<h1>Availability drills</h1>` + (runs.length
      ? `<table id="drills"><tr><th>run</th><th>drill</th><th>env</th><th>fault</th><th>errors</th><th>detection</th><th>recovery</th><th>outcome</th><th></th></tr>${rows}</table>`
      : `<p class="quiet">No drill yet: <code>golive drill ENV NAME</code>.</p>`);
  }

  // ---- releases ----
  async function releases() {
    const d = await get("/api/releases");
    const rel = d.releases.map(r => `<tr><td><b>${esc(r.version)}</b></td><td>${esc(r.notes || "")}</td><td>${r.artifacts.map(a => `${esc(a.name)} <span class="small quiet">sha256:${esc(a.sha256.substring(0, 12))}</span>`).join("<br>")}</td><td>${esc(r.createdBy)}</td><td>${dateTime(r.createdAt)}</td></tr>`).join("");
    const envs = Object.keys(d.deployed).map(env => {
      const rows = d.deployed[env].map(i => `<tr><td>${esc(i.instance)}</td><td><b>${esc(i.version)}</b></td><td>${esc(i.previous || "")}</td><td>${esc(i.action)} ${badge(i.result === "ok" ? "done" : i.result || "running")}</td><td>${esc(i.detail || "")}</td><td>${esc(i.actor)}</td><td>${dateTime(i.at)}</td></tr>`).join("");
      return `<h2>${esc(env)}</h2>` + (rows ? `<table><tr><th>instance</th><th>runs</th><th>before</th><th>last</th><th>detail</th><th>by</th><th>when</th></tr>${rows}</table>` : `<p class="quiet">Nothing deployed by golive yet.</p>`);
    }).join("");
    main.innerHTML = `<h1>Releases</h1>` + (rel ? `<table id="releases"><tr><th>version</th><th>notes</th><th>artifacts</th><th>added by</th><th>when</th></tr>${rel}</table>` : `<p class="quiet">No release yet: <code>golive release add VERSION FILE…</code>.</p>`) + `<h1>What runs where</h1>` + envs;
  }

  // ---- diagnostics ----
  async function diagnostics() {
    const list = await get("/api/diagnostics");
    const rows = list.map(e => {
      const d = e.data || {};
      const findings = (d.findings || []).map(f => `<div>${esc(typeof f === "string" ? f : (f.severity + " " + f.title))}</div>`).join("");
      return `<tr><td>${dateTime(e.at)}</td><td>${esc(e.run || "")}</td><td>${badge(e.kind === "capture.failed" ? "failed" : e.kind.replace("capture.", ""))}</td><td>${esc(e.subject || "")}${findings}</td><td>${esc(e.actor)}</td></tr>`;
    }).join("");
    main.innerHTML = `<h1>Diagnostics</h1>` + (rows ? `<table id="diagnostics"><tr><th>when</th><th>run</th><th></th><th>what was found</th><th>by</th></tr>${rows}</table>` : `<p class="quiet">No capture yet: <code>golive capture ENV SERVICE</code>, or <code>capture:</code> in a load test.</p>`);
  }

  // ---- journal ----
  const filters = {kind: "", run: "", actor: "", q: ""};
  async function journal() {
    if (!document.getElementById("journal-filters")) {
      main.innerHTML = `<h1>Journal</h1><div class="filters" id="journal-filters">
        <input id="f-kind" placeholder="kind (e.g. step. or deploy)"><input id="f-run" placeholder="run">
        <input id="f-actor" placeholder="who"><input id="f-q" placeholder="text"></div><table id="journal"></table>`;
      ["kind", "run", "actor", "q"].forEach(k => document.getElementById("f-" + k).oninput = e => { filters[k] = e.target.value; draw(); });
    }
    const qs = new URLSearchParams(Object.entries(filters).filter(([, v]) => v.trim()));
    const list = await get("/api/journal?" + qs);
    document.getElementById("journal").innerHTML = `<tr><th>#</th><th>when</th><th>kind</th><th>subject</th><th>who</th><th>run</th><th>details</th></tr>` +
      list.map(e => `<tr><td class="num">${e.seq}</td><td>${dateTime(e.at)}</td><td>${esc(e.kind)}</td><td>${esc(e.subject || "")}</td><td>${esc(e.actor)}</td><td>${esc(e.run || "")}</td><td><pre>${esc(e.data === "{}" ? "" : e.data)}</pre></td></tr>`).join("");
  }

  const PAGES = {runbook, readiness, load, drills, releases, diagnostics, journal};
  let drawing = false, again = false;
  async function draw() {
    if (drawing) { again = true; return; }
    drawing = true;
    // What someone is typing survives a redraw caused by someone else's action.
    const typed = {};
    main.querySelectorAll("input[id]").forEach(i => { if (i.value) typed[i.id] = i.value; });
    const focused = document.activeElement && document.activeElement.id;
    try {
      await PAGES[page]();
      Object.entries(typed).forEach(([id, value]) => {
        const i = document.getElementById(id);
        if (i && !i.value) i.value = value;
      });
      if (focused && document.getElementById(focused)) document.getElementById(focused).focus();
      body.dataset.drawn = String(Date.now());
    } catch (e) {
      say(e.message, true);
    } finally {
      drawing = false;
      if (again) { again = false; draw(); }
    }
  }
  draw();

  const live = document.getElementById("live");
  const events = new EventSource("/events");
  // On every (re)connection, draw again: what changed while the stream was not there is shown too.
  events.addEventListener("hello", () => { live.classList.add("on"); draw(); });
  events.addEventListener("journal", () => draw());
  events.addEventListener("load", e => { if (page === "load" && JSON.parse(e.data).run === loadRun) draw(); });
  events.onerror = () => live.classList.remove("on");
})();
