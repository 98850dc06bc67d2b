// MingBao agent desk: helpers every desk page shares (window.MingDesk).
// The API client (CSRF header, JSON errors, 401 → sign-in), live streams (EventSource),
// element building, and the time, SLA and label formatting. Also the sign-in page's messages.
// Text from anyone is only ever set with textContent, never parsed as HTML.
"use strict";

(function () {
  const LOGIN_URL = "/desk/login";

  const PRIORITY_LABELS = { urgent: "紧急", high: "高", normal: "普通", low: "低" };
  const STATUS_LABELS = { open: "待接入", claimed: "处理中", resolved: "已解决", cancelled: "已取消" };
  const CHANNEL_LABELS = { web: "网页", rest: "接口", wechat: "微信", socketio: "网页（实时）" };
  const ROLE_LABELS = { agent: "坐席", supervisor: "主管", compliance: "合规", admin: "管理员" };
  const LOGIN_MESSAGES = {
    failed: "用户名或密码错误",
    locked: "失败次数过多，账户已锁定，请稍后再试",
  };

  let csrfToken = "";

  // ---- errors -------------------------------------------------------------------------------

  // An API failure: status, the Chinese part of the server's error, and whether the page is
  // already on its way to the sign-in page (then there is nothing to show).
  class DeskError extends Error {
    constructor(status, message, redirected) {
      super(message);
      this.name = "DeskError";
      this.status = status;
      this.redirected = Boolean(redirected);
    }
  }

  // Errors read "中文 / English"; people at the desk are shown the Chinese.
  function chinesePart(error) {
    return String(error).split(" / ")[0];
  }

  function goToLogin() {
    window.location.assign(LOGIN_URL);
  }

  // ---- the API ------------------------------------------------------------------------------

  async function readError(response) {
    const body = await response.json().catch(() => null);
    if (body && typeof body.error === "string") return chinesePart(body.error);
    if (response.status === 502 || response.status === 503) return "服务暂不可用，请稍后重试";
    return "请求失败（HTTP " + response.status + "）";
  }

  // fetch for the desk API: same-origin credentials, JSON in and out, the CSRF header on every
  // POST. Resolves to the parsed body; rejects with a DeskError.
  async function api(path, options) {
    const method = (options && options.method) || "GET";
    const headers = { Accept: "application/json" };
    const init = { method, headers, credentials: "same-origin", cache: "no-store" };
    if (method !== "GET") {
      headers["X-CSRF-Token"] = csrfToken;
      headers["Content-Type"] = "application/json";
      if (options && options.body !== undefined) init.body = JSON.stringify(options.body);
    }
    let response;
    try {
      response = await fetch(path, init);
    } catch (networkError) {
      throw new DeskError(0, "无法连接坐席服务，请检查网络后重试");
    }
    if (response.status === 401) {
      goToLogin();
      throw new DeskError(401, "请先登录", true);
    }
    if (!response.ok) throw new DeskError(response.status, await readError(response));
    return response.json().catch(() => ({}));
  }

  // GET /desk/api/me, keeping the CSRF token for later POSTs.
  async function loadMe() {
    const me = await api("/desk/api/me");
    csrfToken = me.csrf_token || "";
    return me;
  }

  function handlesTickets(me) {
    return Boolean(me) && me.role !== "compliance";
  }

  function supervises(me) {
    return Boolean(me) && (me.role === "supervisor" || me.role === "admin");
  }

  // ---- the alert area -----------------------------------------------------------------------

  let alertTimer = null;

  // Shows message in #alert (role="alert"); kind "info" fades after a few seconds.
  function showAlert(message, kind) {
    const box = document.getElementById("alert");
    if (!box) return;
    window.clearTimeout(alertTimer);
    box.textContent = message;
    box.classList.remove("error", "info");
    box.classList.add(kind || "error");
    box.hidden = false;
    if (kind === "info") alertTimer = window.setTimeout(clearAlert, 4000);
  }

  function clearAlert() {
    const box = document.getElementById("alert");
    if (!box) return;
    box.hidden = true;
    box.textContent = "";
  }

  // Shows a DeskError (or anything thrown) unless the page is leaving for the sign-in page.
  function showError(error) {
    if (error && error.redirected) return;
    showAlert(error && error.message ? error.message : "操作失败，请重试");
  }

  // ---- live streams -------------------------------------------------------------------------

  const RECONNECT_MS = 5000;

  // EventSource on url with a handler per event name (each gets the parsed JSON and the event).
  // onLive(true|false) reports the connection. EventSource reconnects by itself after a dropped
  // connection; when it gives up (an HTTP error such as 401), this checks the session (401 → the
  // sign-in page) and starts a new one.
  function openStream(url, handlers, onLive) {
    const report = onLive || function () {};
    let source = null;
    let timer = null;
    let stopped = false;

    function connect() {
      source = new EventSource(url);
      source.addEventListener("open", () => report(true));
      for (const name of Object.keys(handlers)) {
        source.addEventListener(name, (event) => {
          let data;
          try {
            data = JSON.parse(event.data);
          } catch (badJson) {
            return;
          }
          handlers[name](data, event);
        });
      }
      source.addEventListener("error", () => {
        report(false);
        if (source.readyState === EventSource.CLOSED && !stopped) {
          window.clearTimeout(timer);
          timer = window.setTimeout(recover, RECONNECT_MS);
        }
      });
    }

    async function recover() {
      try {
        await api("/desk/api/me");
      } catch (error) {
        if (error.redirected) return;
      }
      if (!stopped) connect();
    }

    if (!("EventSource" in window)) {
      report(false);
      return { close() {} };
    }
    connect();
    return {
      close() {
        stopped = true;
        window.clearTimeout(timer);
        if (source) source.close();
      },
    };
  }

  // Shows the state of a live stream in #live-indicator.
  function setLive(live) {
    const indicator = document.getElementById("live-indicator");
    if (!indicator) return;
    indicator.textContent = live ? "实时" : "连接中断，正在重连";
    indicator.className = "live " + (live ? "on" : "off");
  }

  // ---- elements -----------------------------------------------------------------------------

  // document.createElement with a class, text (textContent) and attributes.
  function el(tag, className, text, attributes) {
    const element = document.createElement(tag);
    if (className) element.className = className;
    if (text !== undefined && text !== null) element.textContent = String(text);
    if (attributes) {
      for (const name of Object.keys(attributes)) element.setAttribute(name, attributes[name]);
    }
    return element;
  }

  function clear(element) {
    while (element.firstChild) element.removeChild(element.firstChild);
  }

  // ---- time ---------------------------------------------------------------------------------

  // ISO 8601 from the server (microseconds and all) to milliseconds; NaN when missing.
  function parseTime(iso) {
    if (typeof iso !== "string" || !iso) return NaN;
    const trimmed = iso.replace(/(\.\d{3})\d+/, "$1");
    return Date.parse(trimmed);
  }

  function pad(number) {
    return String(number).padStart(2, "0");
  }

  // "2026-12-04 21:30" in the browser's time zone.
  function formatDateTime(iso) {
    const ms = parseTime(iso);
    if (Number.isNaN(ms)) return "—";
    const d = new Date(ms);
    return (
      d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()) + " " +
      pad(d.getHours()) + ":" + pad(d.getMinutes())
    );
  }

  // "21:30:05" today, "12-03 21:30:05" on other days.
  function formatClock(iso) {
    const ms = parseTime(iso);
    if (Number.isNaN(ms)) return "";
    const d = new Date(ms);
    const time = pad(d.getHours()) + ":" + pad(d.getMinutes()) + ":" + pad(d.getSeconds());
    if (d.toDateString() === new Date().toDateString()) return time;
    return pad(d.getMonth() + 1) + "-" + pad(d.getDate()) + " " + time;
  }

  // A length of time: "45秒", "12分05秒", "3小时12分", "2天4小时".
  function formatDuration(ms) {
    const seconds = Math.max(0, Math.floor(ms / 1000));
    const days = Math.floor(seconds / 86400);
    const hours = Math.floor((seconds % 86400) / 3600);
    const minutes = Math.floor((seconds % 3600) / 60);
    if (days) return days + "天" + hours + "小时";
    if (hours) return hours + "小时" + pad(minutes) + "分";
    if (minutes) return minutes + "分" + pad(seconds % 60) + "秒";
    return seconds + "秒";
  }

  // How long the ticket has waited (open), been handled (claimed) or took (closed).
  function elapsed(ticket, now) {
    const created = parseTime(ticket.created_at);
    if (ticket.status === "open") return { label: "等待", text: formatDuration(now - created) };
    if (ticket.status === "claimed") {
      const claimed = parseTime(ticket.claimed_at);
      const since = Number.isNaN(claimed) ? created : claimed;
      return { label: "处理", text: formatDuration(now - since) };
    }
    const closed = parseTime(ticket.closed_at);
    if (Number.isNaN(closed) || Number.isNaN(created)) return { label: "用时", text: "—" };
    return { label: "用时", text: formatDuration(closed - created) };
  }

  // The SLA is met when a person answers: an open ticket counts down to sla_due_at; a ticket
  // someone answered (or closed) shows whether that was in time.
  function sla(ticket, now) {
    const due = parseTime(ticket.sla_due_at);
    if (ticket.status === "open") {
      if (Number.isNaN(due)) return { text: "—", state: "none" };
      const left = due - now;
      if (left <= 0 || ticket.sla_breached) {
        return { text: "超时 " + formatDuration(now - due), state: "breached" };
      }
      return { text: formatDuration(left), state: left < 5 * 60 * 1000 ? "soon" : "ok" };
    }
    if (ticket.sla_breached) return { text: "超时", state: "breached" };
    return { text: "达标", state: "met" };
  }

  // ---- labels -------------------------------------------------------------------------------

  function label(map, value) {
    if (value === null || value === undefined || value === "") return "—";
    return map[value] || String(value);
  }

  function priorityBadge(priority) {
    return el("span", "badge priority-" + priority, label(PRIORITY_LABELS, priority));
  }

  // "处理中 · li", "待接入（第 2 位）", "已解决".
  function statusText(ticket) {
    let text = label(STATUS_LABELS, ticket.status);
    if (ticket.status === "open" && ticket.position) text += "（第 " + ticket.position + " 位）";
    if (ticket.assignee) text += " · " + ticket.assignee;
    return text;
  }

  // ---- the header ---------------------------------------------------------------------------

  async function logout() {
    try {
      await api("/desk/logout", { method: "POST" });
    } catch (error) {
      if (error.redirected) return;
    }
    window.location.assign(LOGIN_URL + "?signed_out=1");
  }

  // The signed-in person and the 退出 button.
  function setupHeader(me) {
    const who = document.getElementById("signed-in-user");
    if (who) who.textContent = me.username + "（" + label(ROLE_LABELS, me.role) + "）";
    const button = document.getElementById("logout");
    if (button) button.addEventListener("click", logout);
  }

  // ---- the sign-in page ---------------------------------------------------------------------

  function setupLoginPage() {
    const form = document.getElementById("login-form");
    if (!form) return;
    const query = new URLSearchParams(window.location.search);
    const error = document.getElementById("login-error");
    const notice = document.getElementById("login-notice");
    const problem = LOGIN_MESSAGES[query.get("error")] ||
      (query.has("error") ? "登录失败，请重试" : "");
    if (problem && error) {
      error.textContent = problem;
      error.hidden = false;
    }
    if (query.get("signed_out") === "1" && notice) {
      notice.textContent = "您已退出登录";
      notice.hidden = false;
    }
    const button = form.querySelector("button[type=submit]");
    form.addEventListener("submit", () => {
      if (button) {
        button.disabled = true;
        button.textContent = "登录中…";
      }
    });
    // Back from another page (bfcache): the button works again.
    window.addEventListener("pageshow", () => {
      if (button) {
        button.disabled = false;
        button.textContent = "登录";
      }
    });
  }

  window.MingDesk = {
    DeskError,
    api,
    loadMe,
    handlesTickets,
    supervises,
    showAlert,
    clearAlert,
    showError,
    openStream,
    setLive,
    el,
    clear,
    parseTime,
    formatDateTime,
    formatClock,
    formatDuration,
    elapsed,
    sla,
    label,
    priorityBadge,
    statusText,
    setupHeader,
    labels: {
      priority: PRIORITY_LABELS,
      status: STATUS_LABELS,
      channel: CHANNEL_LABELS,
      role: ROLE_LABELS,
    },
  };

  function setupPage() {
    const box = document.getElementById("alert");
    if (box) box.addEventListener("click", clearAlert);
    setupLoginPage();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setupPage);
  } else {
    setupPage();
  }
})();
