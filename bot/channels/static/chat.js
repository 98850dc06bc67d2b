// MingBao web chat: posts each message to /chat/messages and shows the bot's replies.
// Text from anyone is only ever set with textContent, never parsed as HTML.
"use strict";

(function () {
  const SENDER_KEY = "mingbao-sender";
  const list = document.getElementById("messages");
  const form = document.getElementById("composer");
  const input = document.getElementById("message-input");
  const sendButton = document.getElementById("send-button");
  const sender = senderId();
  let waiting = false;

  // One conversation per browser tab: sessionStorage survives reloads, not other tabs.
  function senderId() {
    try {
      let id = sessionStorage.getItem(SENDER_KEY);
      if (!id || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) {
        id = newSenderId();
        sessionStorage.setItem(SENDER_KEY, id);
      }
      return id;
    } catch (storageDisabled) {
      return newSenderId();
    }
  }

  function newSenderId() {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return "web-" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

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
      element.addEventListener("click", () => send(button.payload, element.textContent));
      row.appendChild(element);
    }
    if (row.childElementCount) {
      list.appendChild(row);
      row.scrollIntoView({ block: "end" });
    }
  }

  // An empty list means a person has taken the conversation over: nothing to show.
  function showReplies(replies) {
    for (const reply of replies) {
      if (typeof reply.text === "string" && reply.text) addLine("bot", reply.text);
      if (Array.isArray(reply.buttons)) addButtons(reply.buttons);
    }
  }

  function setWaiting(on) {
    waiting = on;
    sendButton.disabled = on;
    sendButton.textContent = on ? "发送中…" : "发送";
  }

  async function send(message, shownAs) {
    if (waiting || !message.trim()) return false;
    setWaiting(true);
    addLine("user", shownAs || message);
    try {
      const response = await fetch("/chat/messages", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ sender, message }),
      });
      const body = await response.json().catch(() => null);
      if (!response.ok) {
        const reason = body && typeof body.error === "string" ? body.error : "HTTP " + response.status;
        addLine("error", "消息未送达：" + reason);
        return false;
      }
      showReplies(Array.isArray(body) ? body : []);
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
})();
