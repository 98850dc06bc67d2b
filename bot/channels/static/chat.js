// MingBao web chat: posts each message to /chat/messages and shows the bot's replies; a push
// channel (/chat/events) brings what people at the desk say and whether one has the conversation.
// Text from anyone is only ever set with textContent, never parsed as HTML.
// The server names the conversation in an HttpOnly cookie; the page never sees or sends an id.
"use strict";

(function () {
  const NO_REPLY = "暂时没有回复，请稍后再试";
  const EVENTS_URL = "/chat/events";
  const EVENTS_RETRY_MS = [5000, 15000, 30000, 60000];
  const list = document.getElementById("messages");
  const form = document.getElementById("composer");
  const input = document.getElementById("message-input");
  const sendButton = document.getElementById("send-button");
  const statusBar = document.getElementById("status-bar");
  const placeholder = input.placeholder;
  let waiting = false;
  let personState = "bot"; // "bot", "waiting" (for a person) or "agent" (a person has it)
  let events = null;
  let eventsRetries = 0;
  let eventsTimer = null;
  const pushedIds = new Set();

  function addLine(kind, text) {
    const line = document.createElement("li");
    line.className = "line " + kind;
    line.textContent = text;
    list.appendChild(line);
    line.scrollIntoView({ block: "end" });
  }

  function addButtons(buttons) {
    const row = document.createElement("li");
    row.className = "buttons";
    for (const button of buttons) {
      if (!button || typeof button.payload !== "string") continue;
      const element = document.createElement("button");
      element.type = "button";
      element.textContent = button.title || button.payload;
      element.addEventListener("click", () => send(button.payload, element.textContent, true));
      row.appendChild(element);
    }
    if (!row.childElementCount) return false;
    list.appendChild(row);
    row.scrollIntoView({ block: "end" });
    return true;
  }

  // Nothing to show (a person has taken the conversation over, say): a quiet note, not silence.
  function showReplies(replies) {
    let shown = 0;
    for (const reply of replies) {
      if (typeof reply.text === "string" && reply.text) {
        addLine("bot", reply.text);
        shown += 1;
      }
      if (Array.isArray(reply.buttons) && addButtons(reply.buttons)) shown += 1;
    }
    // While a person has the conversation the bot is paused: their answers come as events.
    if (!shown && personState !== "agent") addLine("note", NO_REPLY);
  }

  // ---- the push channel: people at the desk ------------------------------------------------

  // "正在为您转接人工客服…（前面还有 1 位，预计等待约 5 分钟）"; position 1 is next in line.
  function waitingText(state) {
    if (typeof state.message === "string" && state.message) return state.message;
    const details = [];
    if (Number.isInteger(state.position) && state.position > 0) {
      details.push(state.position > 1 ? "前面还有 " + (state.position - 1) + " 位" : "您是下一位");
    }
    if (Number.isInteger(state.expected_wait_minutes) && state.expected_wait_minutes > 0) {
      details.push("预计等待约 " + state.expected_wait_minutes + " 分钟");
    }
    return "正在为您转接人工客服…" + (details.length ? "（" + details.join("，") + "）" : "");
  }

  function showState(state) {
    if (!state || typeof state.state !== "string") return;
    personState = state.state;
    statusBar.classList.remove("waiting", "agent");
    if (personState === "waiting") {
      statusBar.textContent = waitingText(state);
      statusBar.classList.add("waiting");
      statusBar.hidden = false;
    } else if (personState === "agent") {
      statusBar.textContent = "人工客服" + (state.agent ? " " + state.agent : "") + " 正在为您服务";
      statusBar.classList.add("agent");
      statusBar.hidden = false;
    } else {
      statusBar.hidden = true;
      statusBar.textContent = "";
    }
    input.placeholder = personState === "agent" ? "请输入消息，人工客服会尽快回复您" : placeholder;
  }

  // An agent's message (labelled 人工客服) or a desk note (a small centred line), once each.
  function showPushed(message) {
    if (!message || typeof message.text !== "string" || !message.text) return;
    if (message.id !== undefined && message.id !== null) {
      if (pushedIds.has(message.id)) return;
      pushedIds.add(message.id);
    }
    if (message.author !== "agent") {
      addLine("desk", message.text);
      return;
    }
    const line = document.createElement("li");
    line.className = "line agent";
    const who = document.createElement("span");
    who.className = "who";
    who.textContent = "人工客服" + (message.agent ? " " + message.agent : "");
    const text = document.createElement("span");
    text.className = "text";
    text.textContent = message.text;
    line.append(who, text);
    list.appendChild(line);
    line.scrollIntoView({ block: "end" });
  }

  function parsed(event) {
    try {
      return JSON.parse(event.data);
    } catch (badJson) {
      return null;
    }
  }

  // EventSource reconnects by itself after a dropped connection; when it gives up (the server
  // answered 204 before there was a conversation, or an error), try again a few times, and
  // again after each message sent. Without it the page works as it always did.
  function listen() {
    if (!("EventSource" in window) || events) return;
    window.clearTimeout(eventsTimer);
    const source = new EventSource(EVENTS_URL);
    events = source;
    source.addEventListener("open", () => {
      eventsRetries = 0;
    });
    source.addEventListener("state", (event) => showState(parsed(event)));
    source.addEventListener("message", (event) => showPushed(parsed(event)));
    source.addEventListener("error", () => {
      if (source.readyState !== EventSource.CLOSED) return;
      if (events === source) events = null;
      if (eventsRetries < EVENTS_RETRY_MS.length) {
        eventsTimer = window.setTimeout(listen, EVENTS_RETRY_MS[eventsRetries]);
        eventsRetries += 1;
      }
    });
  }

  // Errors read "中文 / English"; the customer is shown the Chinese.
  function chinesePart(error) {
    return error.split(" / ")[0];
  }

  function setWaiting(on) {
    waiting = on;
    sendButton.disabled = on;
    sendButton.textContent = on ? "发送中…" : "发送";
  }

  // isButton marks a click on one of the bot's buttons; the server decides whether to trust it.
  async function send(message, shownAs, isButton) {
    if (waiting || !message.trim()) return false;
    setWaiting(true);
    addLine("user", shownAs || message);
    try {
      const response = await fetch("/chat/messages", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        credentials: "same-origin",
        body: JSON.stringify(isButton ? { message, button: true } : { message }),
      });
      const body = await response.json().catch(() => null);
      if (!response.ok) {
        const reason =
          body && typeof body.error === "string" ? chinesePart(body.error) : "HTTP " + response.status;
        addLine("error", "消息未送达：" + reason);
        return false;
      }
      showReplies(Array.isArray(body) ? body : []);
      listen(); // the conversation surely exists now
      return true;
    } catch (networkError) {
      addLine("error", "消息未送达：无法连接聊天服务，请检查服务是否在运行后重试。");
      return false;
    } finally {
      setWaiting(false);
      input.focus();
    }
  }

  // Enter in the input submits the form; Enter that confirms an IME (pinyin) choice must not.
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.isComposing || event.keyCode === 229)) {
      event.preventDefault();
    }
  });

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const message = input.value;
    if (waiting || !message.trim()) return;
    input.value = "";
    const delivered = await send(message);
    if (!delivered && !input.value) input.value = message; // let them retry without retyping
  });

  listen();
})();
