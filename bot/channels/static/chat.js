// MingBao web chat: posts each message to /chat/messages and shows the bot's replies.
// Text from anyone is only ever set with textContent, never parsed as HTML.
// The server names the conversation in an HttpOnly cookie; the page never sees or sends an id.
"use strict";

(function () {
  const NO_REPLY = "暂时没有回复，请稍后再试";
  const list = document.getElementById("messages");
  const form = document.getElementById("composer");
  const input = document.getElementById("message-input");
  const sendButton = document.getElementById("send-button");
  let waiting = false;

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
    if (!shown) addLine("note", NO_REPLY);
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
