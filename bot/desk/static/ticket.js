// MingBao agent desk: one ticket (/desk/tickets/{id}). The conversation on the left, live from
// the ticket's stream; the facts, actions and history on the right. The server decides what is
// allowed; this page only hides what the ticket's status rules out and shows the server's errors.
"use strict";

(function () {
  const D = window.MingDesk;
  const MAX_REPLY = 2000;
  const AUTHOR_LABELS = { customer: "客户", bot: "智能助手", agent: "人工", desk: "系统" };
  const SLOT_LABELS = {
    product: "产品",
    last_question: "最后的问题",
    identity: "身份",
    verified_policy: "已验证保单",
    policy_number: "保单号",
    personal_request: "个人请求",
    claim_insured: "出险人",
    claim_event: "出险事件",
    claim_event_date: "出险日期",
    claim_diagnosis: "诊断",
    claim_hospital: "就诊医院",
    claim_confirmed: "理赔信息已确认",
    contact_field: "变更项目",
    contact_value: "新联系方式",
    contact_confirmed: "变更已确认",
    waiting_for_person: "等待人工",
  };

  const ticketId = decodeURIComponent(window.location.pathname.split("/").filter(Boolean).pop() || "");
  const apiBase = "/desk/api/tickets/" + encodeURIComponent(ticketId);

  const transcript = document.getElementById("transcript");
  const composer = document.getElementById("composer");
  const replyInput = document.getElementById("reply-input");
  const sendButton = document.getElementById("send-reply");
  const replyCount = document.getElementById("reply-count");
  const composerHint = document.getElementById("composer-hint");
  const cannedBox = document.getElementById("canned-replies");
  const statusLine = document.getElementById("ticket-status");
  const facts = document.getElementById("ticket-facts");
  const claimButton = document.getElementById("claim");
  const transferGroup = document.getElementById("transfer-group");
  const transferTo = document.getElementById("transfer-to");
  const transferButton = document.getElementById("transfer");
  const resolveGroup = document.getElementById("resolve-group");
  const resolveCategory = document.getElementById("resolve-category");
  const resolveNote = document.getElementById("resolve-note");
  const resolveButton = document.getElementById("resolve");
  const reopenButton = document.getElementById("reopen");
  const actionsNote = document.getElementById("actions-note");

  let me = null;
  let ticket = null;
  let categories = [];
  let agents = [];
  let busy = false;
  let sending = false;
  let detailsTimer = null;
  const shownLines = new Set();

  // ---- who may do what (mirrors the server; the server decides) ------------------------------

  function isMine(t) {
    return t.status === "claimed" && t.assignee === me.username;
  }

  function allowed(t) {
    const handles = D.handlesTickets(me);
    const mineOrSupervised = isMine(t) || (t.status === "claimed" && D.supervises(me));
    return {
      reply: handles && isMine(t),
      claim: handles && t.status === "open",
      transfer: handles && mineOrSupervised,
      resolve: handles && (t.status === "open" || mineOrSupervised),
      reopen: handles && (t.status === "resolved" || t.status === "cancelled"),
    };
  }

  // ---- the conversation ---------------------------------------------------------------------

  function authorLabel(line) {
    if (line.author === "agent") return "人工·" + (line.agent || "客服");
    return AUTHOR_LABELS[line.author] || line.author;
  }

  // "KN-CI-2024（2024版）第2.3条"
  function citationText(citation) {
    let text = String(citation.product || "");
    if (citation.version) text += "（" + citation.version + "版）";
    if (citation.article) text += "第" + citation.article + "条";
    return text;
  }

  function lineElement(line) {
    const kind = AUTHOR_LABELS[line.author] ? line.author : "desk";
    const item = D.el("li", "line " + kind, null, { "data-line-id": String(line.id) });
    const meta = D.el("div", "meta");
    meta.appendChild(D.el("span", "who", authorLabel(line)));
    const clock = D.formatClock(line.at);
    if (clock) meta.appendChild(D.el("time", "when", clock, { datetime: line.at }));
    item.appendChild(meta);
    item.appendChild(D.el("div", "text", line.text));
    const citations = Array.isArray(line.citations) ? line.citations.filter(Boolean) : [];
    if (line.author === "bot" && citations.length) {
      const list = D.el("ul", "citations", null, { "aria-label": "条款依据" });
      for (const citation of citations) list.appendChild(D.el("li", null, citationText(citation)));
      item.appendChild(list);
    }
    return item;
  }

  function nearBottom() {
    return transcript.scrollHeight - transcript.scrollTop - transcript.clientHeight < 80;
  }

  function scrollToEnd() {
    transcript.scrollTop = transcript.scrollHeight;
  }

  // Adds a line once (the POST answer and the stream both bring an agent's own line), in id
  // order; returns whether it was new.
  function addLine(line) {
    if (!line || line.id === undefined || line.id === null) return false;
    const key = String(line.id);
    if (shownLines.has(key)) return false;
    shownLines.add(key);
    const item = lineElement(line);
    const later = [...transcript.children].find(
      (other) => Number(other.getAttribute("data-line-id")) > Number(line.id)
    );
    transcript.insertBefore(item, later || null);
    return true;
  }

  function addLines(lines, follow) {
    const wasNearBottom = nearBottom();
    let added = false;
    for (const line of lines) added = addLine(line) || added;
    if (added && (follow || wasNearBottom)) scrollToEnd();
    if (!transcript.children.length) {
      transcript.appendChild(D.el("li", "empty", "暂无对话记录"));
    } else {
      const placeholder = transcript.querySelector("li.empty");
      if (placeholder && transcript.children.length > 1) placeholder.remove();
    }
  }

  // ---- the composer -------------------------------------------------------------------------

  function composerState() {
    const can = allowed(ticket).reply;
    replyInput.disabled = !can || sending;
    sendButton.disabled = !can || sending || !replyInput.value.trim();
    for (const chip of cannedBox.querySelectorAll("button")) chip.disabled = !can;
    let hint = "";
    if (!can) {
      if (ticket.status === "open") hint = "请先接入工单再回复";
      else if (ticket.status === "claimed") hint = "该工单由 " + ticket.assignee + " 处理";
      else hint = "工单已结束，不能回复";
    }
    composerHint.textContent = hint;
    replyCount.textContent = replyInput.value.length + "/" + MAX_REPLY;
  }

  function renderCanned(replies) {
    D.clear(cannedBox);
    for (const text of replies) {
      const chip = D.el("button", "chip", text, { type: "button", title: "填入：" + text });
      chip.addEventListener("click", () => {
        replyInput.value = text;
        composerState();
        replyInput.focus();
      });
      cannedBox.appendChild(chip);
    }
    cannedBox.hidden = replies.length === 0;
  }

  async function sendReply() {
    const text = replyInput.value;
    if (sending || !text.trim() || !allowed(ticket).reply) return;
    sending = true;
    sendButton.textContent = "发送中…";
    composerState();
    D.clearAlert();
    try {
      const answer = await D.api(apiBase + "/messages", { method: "POST", body: { text } });
      if (replyInput.value === text) replyInput.value = "";
      addLines(answer && answer.line ? [answer.line] : [], true);
    } catch (error) {
      D.showError(error);
      if (error.status === 409) scheduleDetails();
    } finally {
      sending = false;
      sendButton.textContent = "发送";
      composerState();
      if (!replyInput.disabled) replyInput.focus();
    }
  }

  // ---- the facts ----------------------------------------------------------------------------

  function addFact(list, term, value, className) {
    list.appendChild(D.el("dt", null, term));
    const dd = D.el("dd", className);
    if (value instanceof Node) dd.appendChild(value);
    else dd.textContent = value === null || value === undefined || value === "" ? "—" : String(value);
    list.appendChild(dd);
    return dd;
  }

  function categoryLabel(value) {
    const found = categories.find((c) => c.value === value);
    return found ? found.label : value;
  }

  function renderFacts() {
    const t = ticket;
    statusLine.textContent = D.statusText(t);
    statusLine.className = "ticket-status status-" + t.status;
    D.clear(facts);
    addFact(facts, "原因", t.reason_label || t.reason);
    addFact(facts, "优先级", D.priorityBadge(t.priority));
    addFact(facts, "SLA", "", "fact-sla");
    addFact(facts, "时长", "", "fact-elapsed");
    addFact(facts, "渠道", D.label(D.labels.channel, t.channel));
    addFact(facts, "产品", t.product);
    addFact(facts, "客户", t.customer);
    addFact(facts, "保单号", t.policy_number);
    addFact(facts, "处理人", t.assignee);
    addFact(facts, "创建时间", D.formatDateTime(t.created_at));
    if (t.claimed_at) addFact(facts, "接入时间", D.formatDateTime(t.claimed_at));
    if (t.closed_at) addFact(facts, "结束时间", D.formatDateTime(t.closed_at));
    if (t.resolution) {
      addFact(facts, "结束类别", categoryLabel(t.resolution.category));
      if (t.resolution.note) addFact(facts, "处理备注", t.resolution.note, "pre");
    }
    addFact(facts, "会话", t.conversation_id, "mono");
    tick();
    document.title = "工单 #" + t.id + " · " + (t.reason_label || t.reason) + " · 明保人工坐席";
    document.getElementById("ticket-title").textContent =
      "工单 #" + t.id + " · " + (t.reason_label || t.reason || "");
  }

  function tick() {
    if (!ticket) return;
    const now = Date.now();
    const slaCell = facts.querySelector("dd.fact-sla");
    const elapsedCell = facts.querySelector("dd.fact-elapsed");
    if (slaCell) {
      const left = D.sla(ticket, now);
      slaCell.textContent = ticket.status === "open" && left.state !== "breached"
        ? "剩余 " + left.text
        : left.text;
      slaCell.className = "fact-sla sla-" + left.state;
    }
    if (elapsedCell) {
      const spent = D.elapsed(ticket, now);
      elapsedCell.textContent = spent.label + " " + spent.text;
    }
  }

  function slotValue(value) {
    if (value === true) return "是";
    if (value === false) return "否";
    if (value === null || value === undefined) return "—";
    if (typeof value === "object") return JSON.stringify(value);
    return String(value);
  }

  function renderSlots(slots) {
    const list = document.getElementById("ticket-slots");
    D.clear(list);
    const names = Object.keys(slots || {}).filter((n) => slots[n] !== null && slots[n] !== "");
    if (!names.length) {
      list.appendChild(D.el("dd", "muted", "暂无"));
      return;
    }
    for (const name of names) {
      const dt = D.el("dt", null, SLOT_LABELS[name] || name, { title: name });
      list.appendChild(dt);
      list.appendChild(D.el("dd", null, slotValue(slots[name])));
    }
  }

  function renderHistory(history) {
    const list = document.getElementById("ticket-history");
    D.clear(list);
    if (!history.length) {
      list.appendChild(D.el("li", "muted", "暂无记录"));
      return;
    }
    for (const change of history) {
      const item = D.el("li");
      item.appendChild(D.el("time", "when", D.formatDateTime(change.at), { datetime: change.at }));
      const move = change.from
        ? D.label(D.labels.status, change.from) + " → " + D.label(D.labels.status, change.to)
        : "创建 → " + D.label(D.labels.status, change.to);
      item.appendChild(D.el("span", "actor", change.actor || "系统"));
      item.appendChild(D.el("span", "move", move));
      if (change.note) item.appendChild(D.el("span", "note", change.note));
      list.appendChild(item);
    }
  }

  // ---- the actions --------------------------------------------------------------------------

  function fillSelect(select, options, placeholder) {
    const chosen = select.value;
    D.clear(select);
    select.appendChild(D.el("option", null, placeholder, { value: "" }));
    for (const option of options) {
      select.appendChild(D.el("option", null, option.label, { value: option.value }));
    }
    select.value = options.some((o) => o.value === chosen) ? chosen : "";
  }

  function renderActions() {
    const actions = document.getElementById("actions");
    if (!D.handlesTickets(me)) {
      actions.hidden = false;
      for (const part of [claimButton, transferGroup, resolveGroup, reopenButton]) part.hidden = true;
      actionsNote.textContent = "合规角色只读，不能处理工单";
      actionsNote.hidden = false;
      return;
    }
    const can = allowed(ticket);
    claimButton.hidden = !can.claim;
    transferGroup.hidden = !can.transfer;
    resolveGroup.hidden = !can.resolve;
    reopenButton.hidden = !can.reopen;
    const others = agents.filter((name) => name !== ticket.assignee);
    fillSelect(transferTo, others.map((name) => ({ value: name, label: name })), "选择坐席…");
    transferButton.disabled = busy || !others.length;
    fillSelect(resolveCategory, categories, "请选择结束类别…");
    for (const button of [claimButton, resolveButton, reopenButton]) button.disabled = busy;
    const nothing = !can.claim && !can.transfer && !can.resolve && !can.reopen;
    actionsNote.hidden = !nothing;
    actionsNote.textContent = nothing && ticket.status === "claimed"
      ? "该工单由 " + ticket.assignee + " 处理，您只能查看"
      : "当前没有可执行的操作";
  }

  function setBusy(on) {
    busy = on;
    renderActions();
  }

  // POSTs an action; the answer's ticket is shown at once, the history follows.
  async function act(path, body, done) {
    if (busy) return;
    setBusy(true);
    D.clearAlert();
    try {
      const answer = await D.api(apiBase + path, { method: "POST", body });
      if (answer && answer.ticket) applyTicket(answer.ticket, true);
      if (done) done();
      scheduleDetails();
    } catch (error) {
      D.showError(error);
      if (error.status === 409 || error.status === 403) scheduleDetails();
    } finally {
      setBusy(false);
    }
  }

  function wireActions() {
    claimButton.addEventListener("click", () =>
      act("/claim", undefined, () => D.showAlert("已接入，可以回复客户了", "info")));
    transferButton.addEventListener("click", () => {
      if (!transferTo.value) {
        D.showAlert("请选择要转接的坐席");
        transferTo.focus();
        return;
      }
      const to = transferTo.value;
      act("/transfer", { to }, () => D.showAlert("已转接给 " + to, "info"));
    });
    resolveButton.addEventListener("click", () => {
      if (!resolveCategory.value) {
        D.showAlert("请选择结束类别");
        resolveCategory.focus();
        return;
      }
      act("/resolve", { category: resolveCategory.value, note: resolveNote.value }, () => {
        resolveNote.value = "";
        resolveCategory.value = "";
        D.showAlert("工单已结束，对话已交回智能助手", "info");
      });
    });
    reopenButton.addEventListener("click", () =>
      act("/reopen", undefined, () => D.showAlert("工单已重新打开", "info")));
  }

  function wireComposer() {
    composer.addEventListener("submit", (event) => {
      event.preventDefault();
      sendReply();
    });
    // Enter sends, Shift+Enter starts a new line; Enter that confirms an IME (pinyin) choice
    // does neither.
    replyInput.addEventListener("keydown", (event) => {
      if (event.key !== "Enter" || event.shiftKey) return;
      if (event.isComposing || event.keyCode === 229) return;
      event.preventDefault();
      sendReply();
    });
    replyInput.addEventListener("input", composerState);
  }

  // ---- the ticket ---------------------------------------------------------------------------

  // Shows a ticket from the API or the stream; a change nobody here made is announced.
  function applyTicket(next, ours) {
    const changed = !ticket || ticket.status !== next.status || ticket.assignee !== next.assignee;
    if (ticket && changed && !ours && !busy) {
      D.showAlert("工单状态已更新：" + D.statusText(next), "info");
    }
    ticket = next;
    renderFacts();
    renderActions();
    composerState();
    return changed;
  }

  function renderDetails(details) {
    categories = Array.isArray(details.categories) ? details.categories : [];
    agents = Array.isArray(details.agents) ? details.agents : [];
    renderCanned(Array.isArray(details.canned_replies) ? details.canned_replies : []);
    applyTicket(details.ticket, true);
    renderSlots(details.ticket.slots);
    document.getElementById("ticket-summary").textContent = details.ticket.summary || "—";
    renderHistory(Array.isArray(details.history) ? details.history : []);
    addLines(Array.isArray(details.transcript) ? details.transcript : [], false);
  }

  async function loadDetails() {
    const details = await D.api(apiBase);
    renderDetails(details);
  }

  // Refetches the whole ticket (history, any missed lines) soon, once for a burst of changes.
  function scheduleDetails() {
    window.clearTimeout(detailsTimer);
    detailsTimer = window.setTimeout(() => {
      loadDetails().catch(D.showError);
    }, 300);
  }

  function onStreamTicket(next) {
    if (applyTicket(next, false)) scheduleDetails();
  }

  // A new line from the stream is scrolled into view (lines already shown are skipped).
  function onStreamLine(line) {
    addLines([line], true);
  }

  async function start() {
    try {
      me = await D.loadMe();
    } catch (error) {
      D.showError(error);
      return;
    }
    D.setupHeader(me);
    if (!D.handlesTickets(me)) composer.hidden = true;
    wireComposer();
    wireActions();
    try {
      await loadDetails();
    } catch (error) {
      D.showError(error);
      if (error.status === 404) document.getElementById("ticket-layout").hidden = true;
      return;
    }
    scrollToEnd();
    D.openStream(
      apiBase + "/stream",
      { line: onStreamLine, ticket: onStreamTicket, history: scheduleDetails },
      D.setLive,
    );
    window.setInterval(tick, 1000);
  }

  start();
})();
