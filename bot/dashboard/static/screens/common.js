// Pieces the screens share: asking before a destructive action, a button that acts once at a
// time, and a screen's empty state.

import { h } from "../dom.js";

// Telegram's own confirmation popup when there is one, so the question looks like the client.
export function confirmed(view, question) {
  return new Promise((resolve) => {
    if (view.webApp?.showConfirm) view.webApp.showConfirm(question, (ok) => resolve(Boolean(ok)));
    else resolve(window.confirm(question));
  });
}

export function actionButton(view, label, action, { kind = "", confirm, data } = {}) {
  const button = h(
    "button",
    {
      type: "button",
      class: kind ? `button ${kind}` : "button",
      "data-action": data,
      onclick: async () => {
        if (confirm && !(await confirmed(view, confirm))) return;
        button.disabled = true;
        try {
          await action();
        } catch (error) {
          view.failed(error);
        } finally {
          button.disabled = false;
        }
      },
    },
    label,
  );
  return button;
}

export function empty(text) {
  return h("p", { class: "empty" }, text);
}

export function section(title, ...children) {
  return h("section", {}, h("h2", {}, title), ...children);
}

// Inside Telegram a t.me link opens the chat at the message instead of a browser tab.
export function messageLink(view, link, label) {
  if (!link) return label;
  return h(
    "a",
    {
      href: link,
      class: "message-link",
      rel: "noopener",
      onclick: (event) => {
        if (view.webApp?.openTelegramLink) {
          event.preventDefault();
          view.webApp.openTelegramLink(link);
        }
      },
    },
    label,
  );
}
