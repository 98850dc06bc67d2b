// MingBao agent desk: the queue (/desk). Lists tickets with the chosen filters, refetches when
// the stream says something changed (and every 30 s regardless), and ticks waiting times and
// SLA countdowns every second.
"use strict";

(function () {
  const D = window.MingDesk;
  const FALLBACK_REFRESH_MS = 30000;
  const PRODUCT_TYPING_MS = 400;
  const FILTERS = ["status", "reason", "channel", "product", "assignee"];

  const body = document.getElementById("queue-body");
  const empty = document.getElementById("queue-empty");
  const loading = document.getElementById("queue-loading");
  const summary = document.getElementById("queue-summary");
  const form = document.getElementById("filters");
  const reasonSelect = document.getElementById("filter-reason");
  const productInput = document.getElementById("filter-product");
  const productOptions = document.getElementById("product-options");

  let me = null;
  let tickets = [];
  let lastVersion = null;
  let fetching = false;
  let fetchAgain = false;
  const seenReasons = new Map(); // reason → label
  const seenProducts = new Set();

  // ---- filters ------------------------------------------------------------------------------

  function filterInput(name) {
    return document.getElementById("filter-" + name);
  }

  function currentFilters() {
    const filters = {};
    for (const name of FILTERS) {
      const value = filterInput(name).value.trim();
      if (value) filters[name] = value;
    }
    return filters;
  }

  // The filters live in the address, so a reload or coming back from a ticket keeps them.
  function filtersFromAddress() {
    const query = new URLSearchParams(window.location.search);
    for (const name of FILTERS) {
      const value = query.get(name);
      if (!value) continue;
      if (name === "reason" && !seenReasons.has(value)) rememberReason(value, value);
      const input = filterInput(name);
      input.value = value;
      if (input.tagName === "SELECT" && input.value !== value) input.selectedIndex = 0;
    }
  }

  function filtersToAddress(filters) {
    const query = new URLSearchParams(filters);
    if (query.get("status") === "active") query.delete("status");
    const search = query.toString();
    window.history.replaceState(null, "", "/desk" + (search ? "?" + search : ""));
  }

  function rememberReason(reason, reasonLabel) {
    if (seenReasons.get(reason) === reasonLabel) return;
    seenReasons.set(reason, reasonLabel);
    const chosen = reasonSelect.value;
    D.clear(reasonSelect);
    reasonSelect.appendChild(D.el("option", null, "全部", { value: "" }));
    const sorted = [...seenReasons.entries()].sort((a, b) => a[1].localeCompare(b[1], "zh-CN"));
    for (const [value, text] of sorted) {
      reasonSelect.appendChild(D.el("option", null, text, { value }));
    }
    reasonSelect.value = chosen;
  }

  function rememberProduct(product) {
    if (!product || seenProducts.has(product)) return;
    seenProducts.add(product);
    productOptions.appendChild(D.el("option", null, null, { value: product }));
  }

  function rememberChoices(list) {
    for (const ticket of list) {
      if (ticket.reason) rememberReason(ticket.reason, ticket.reason_label || ticket.reason);
      rememberProduct(ticket.product);
    }
  }

  // ---- fetching -----------------------------------------------------------------------------

  // Refetches the list; a request while one is under way runs once more when it ends.
  async function refresh() {
    if (fetching) {
      fetchAgain = true;
      return;
    }
    fetching = true;
    try {
      const filters = currentFilters();
      filtersToAddress(filters);
      const query = new URLSearchParams(filters).toString();
      const answer = await D.api("/desk/api/tickets" + (query ? "?" + query : ""));
      tickets = Array.isArray(answer.tickets) ? answer.tickets : [];
      rememberChoices(tickets);
      render();
    } catch (error) {
      D.showError(error);
    } finally {
      fetching = false;
      loading.hidden = true;
      if (fetchAgain) {
        fetchAgain = false;
        refresh();
      }
    }
  }

  // ---- the table ----------------------------------------------------------------------------

  function ticketUrl(id) {
    return "/desk/tickets/" + encodeURIComponent(id);
  }

  function textCell(text, className) {
    return D.el("td", className, text === null || text === undefined || text === "" ? "—" : text);
  }

  function actionButton(ticket) {
    const canClaim = ticket.status === "open" && D.handlesTickets(me);
    const button = D.el("button", canClaim ? "primary small" : "small", canClaim ? "接入" : "查看", {
      type: "button",
      "data-action": canClaim ? "claim" : "view",
      "aria-label": (canClaim ? "接入工单 " : "查看工单 ") + ticket.id,
    });
    button.addEventListener("click", (event) => {
      event.stopPropagation();
      if (canClaim) claim(ticket.id, button);
      else window.location.assign(ticketUrl(ticket.id));
    });
    return button;
  }

  function row(ticket) {
    const tr = D.el("tr", "status-" + ticket.status, null, { "data-ticket-id": String(ticket.id) });
    const priority = D.el("td");
    priority.appendChild(D.priorityBadge(ticket.priority));
    tr.appendChild(priority);
    const idCell = D.el("td", "ticket-id");
    idCell.appendChild(D.el("a", null, "#" + ticket.id, { href: ticketUrl(ticket.id) }));
    tr.appendChild(idCell);
    tr.appendChild(textCell(ticket.reason_label || ticket.reason));
    tr.appendChild(textCell(D.label(D.labels.channel, ticket.channel)));
    tr.appendChild(textCell(ticket.product, "product"));
    tr.appendChild(textCell(ticket.customer));
    tr.appendChild(D.el("td", "elapsed"));
    tr.appendChild(D.el("td", "sla"));
    const status = D.el("td");
    status.appendChild(D.el("span", "status status-" + ticket.status,
      D.label(D.labels.status, ticket.status) +
      (ticket.status === "open" && ticket.position ? "（第 " + ticket.position + " 位）" : "")));
    tr.appendChild(status);
    tr.appendChild(textCell(ticket.assignee));
    const action = D.el("td", "action");
    action.appendChild(actionButton(ticket));
    tr.appendChild(action);
    tr.addEventListener("click", (event) => {
      if (event.target.closest("a, button")) return;
      window.location.assign(ticketUrl(ticket.id));
    });
    tickRow(tr, ticket, Date.now());
    return tr;
  }

  // Keeps keyboard focus on the same ticket's link or button across a re-render.
  function focusedPlace() {
    const active = document.activeElement;
    const tr = active && active.closest ? active.closest("tr[data-ticket-id]") : null;
    if (!tr) return null;
    return { id: tr.getAttribute("data-ticket-id"), button: active.tagName === "BUTTON" };
  }

  function restoreFocus(place) {
    if (!place) return;
    const tr = body.querySelector('tr[data-ticket-id="' + CSS.escape(place.id) + '"]');
    const target = tr && tr.querySelector(place.button ? "button" : "a");
    if (target) target.focus();
  }

  function render() {
    const place = focusedPlace();
    D.clear(body);
    for (const ticket of tickets) body.appendChild(row(ticket));
    empty.hidden = tickets.length > 0;
    restoreFocus(place);
    renderSummary();
  }

  function renderSummary() {
    const now = Date.now();
    const waiting = tickets.filter((t) => t.status === "open").length;
    const late = tickets.filter((t) => D.sla(t, now).state === "breached").length;
    let text = "共 " + tickets.length + " 条";
    if (waiting) text += " · 待接入 " + waiting;
    if (late) text += " · 超时 " + late;
    summary.textContent = text;
    document.title = (waiting ? "(" + waiting + ") " : "") + "工单队列 · 明保人工坐席";
  }

  // ---- the clock ----------------------------------------------------------------------------

  function tickRow(tr, ticket, now) {
    const spent = D.elapsed(ticket, now);
    tr.querySelector("td.elapsed").textContent = spent.label + " " + spent.text;
    const left = D.sla(ticket, now);
    const cell = tr.querySelector("td.sla");
    cell.textContent = left.text;
    cell.className = "sla sla-" + left.state;
  }

  function tick() {
    const now = Date.now();
    const rows = body.querySelectorAll("tr[data-ticket-id]");
    rows.forEach((tr, index) => {
      if (tickets[index]) tickRow(tr, tickets[index], now);
    });
  }

  // ---- claiming -----------------------------------------------------------------------------

  async function claim(id, button) {
    button.disabled = true;
    D.clearAlert();
    try {
      await D.api("/desk/api/tickets/" + encodeURIComponent(id) + "/claim", { method: "POST" });
      window.location.assign(ticketUrl(id));
    } catch (error) {
      button.disabled = false;
      D.showError(error);
      refresh();
    }
  }

  // ---- wiring -------------------------------------------------------------------------------

  function onQueueEvent(data) {
    if (data && data.version === lastVersion) return;
    lastVersion = data ? data.version : null;
    refresh();
  }

  function wireFilters() {
    let typing = null;
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      refresh();
    });
    form.addEventListener("change", (event) => {
      if (event.target === productInput) return;
      refresh();
    });
    productInput.addEventListener("input", () => {
      window.clearTimeout(typing);
      typing = window.setTimeout(refresh, PRODUCT_TYPING_MS);
    });
    form.addEventListener("reset", () => window.setTimeout(refresh, 0));
  }

  async function start() {
    try {
      me = await D.loadMe();
    } catch (error) {
      D.showError(error);
      loading.hidden = true;
      return;
    }
    D.setupHeader(me);
    filtersFromAddress();
    wireFilters();
    await refresh();
    D.openStream("/desk/api/stream", { queue: onQueueEvent }, D.setLive);
    window.setInterval(refresh, FALLBACK_REFRESH_MS);
    window.setInterval(() => {
      tick();
      renderSummary();
    }, 1000);
  }

  start();
})();
