// The Settings screen's controls that change things: the digest (time, weekdays, the operator's
// own subscription), retention, the group's tags (add one and apply it to the stored history,
// rename one or edit its words, remove one) and roles (grant, revoke). Each posts to the
// server and redraws the screen from its answer; what chat asks first is asked here in
// Telegram's popup.

import { ApiError } from "../api.js";
import { fanText, h, replace } from "../dom.js";
import { actionButton, confirmed, empty } from "./common.js";
import { textInput, toggle } from "./forms.js";

const RETAG_POLL_MS = 500;

function post(view, path, body) {
  return view.api.post(view.groupPath(`settings/${path}`), body);
}

export function digestControls(view, data, again) {
  const time = h("input", { type: "time", name: "digest_time", value: data.digest.time, "aria-label": view.t("ui-settings-digest-time") });
  const weekday = new Intl.DateTimeFormat(view.formats.intl, { weekday: "short", timeZone: "UTC" });
  const chosen = new Set(data.digest.days);
  const days = [0, 1, 2, 3, 4, 5, 6].map((day) => {
    const chip = h("button", { type: "button", class: "chip", "data-day": String(day), "aria-pressed": String(chosen.has(day)) }, weekday.format(Date.UTC(2024, 0, 1 + day)));
    chip.addEventListener("click", () => {
      if (chosen.has(day)) chosen.delete(day);
      else chosen.add(day);
      chip.setAttribute("aria-pressed", String(chosen.has(day)));
    });
    return chip;
  });
  const subscribed = toggle("subscribed", view.t("ui-settings-digest-subscribed"), data.digest.subscribed);
  subscribed.box.addEventListener("change", async () => {
    try {
      await post(view, "digest", { subscribed: subscribed.box.checked });
      view.toast(view.t(subscribed.box.checked ? "ui-settings-digest-on" : "ui-settings-digest-off-now"));
    } catch (error) {
      subscribed.box.checked = !subscribed.box.checked;
      view.failed(error);
    }
  });
  const save = actionButton(view, view.t("ui-settings-save"), async () => {
    await post(view, "digest", { time: time.value, days: [...chosen].sort() });
    view.toast(view.t("ui-settings-saved"));
    await again();
  }, { data: "save-digest" });
  return h("div", { class: "digest-controls" }, h("div", { class: "row" }, time, save), h("div", { class: "chips" }, days), subscribed.node, digestChatControls(view, data, again));
}

// Where the operators' digest also goes: one of the caller's other groups (as /digest_chat
// typed there offers), or nowhere; the server re-checks that the caller administers it.
function digestChatControls(view, data, again) {
  const current = data.digest.chat;
  const choices = [...data.digest.chat_choices];
  if (current && !choices.some((choice) => choice.id === current.id)) choices.unshift(current);
  const chat = h(
    "select",
    { name: "digest_chat", "aria-label": view.t("ui-digest-chat") },
    h("option", { value: "" }, view.t("ui-digest-chat-none")),
    choices.map((choice) => h("option", { value: String(choice.id), selected: current?.id === choice.id }, choice.title || String(choice.id))),
  );
  const save = actionButton(view, view.t("ui-settings-save"), async () => {
    await post(view, "digest", { chat: chat.value ? Number(chat.value) : null });
    view.toast(view.t("ui-settings-saved"));
    await again();
  }, { data: "save-digest-chat" });
  return h("div", { class: "digest-chat" }, h("span", { class: "hint" }, view.t("ui-digest-chat")), h("div", { class: "row" }, chat, save));
}

export function retentionControls(view, data, again) {
  const kept = textInput("retention", { value: data.retention_days ? `${data.retention_days}d` : "", placeholder: view.t("ui-settings-retention-hint"), maxlength: "16" });
  kept.setAttribute("aria-label", view.t("ui-settings-retention"));
  const save = actionButton(view, view.t("ui-settings-save"), async () => {
    const body = { retention: kept.value.trim() || "off" };
    try {
      await post(view, "retention", body);
    } catch (error) {
      // Shorter than what is stored: the server says how much it erases; asked, then sent.
      if (!(error instanceof ApiError && error.status === 409 && error.body?.error === "confirm-retention")) throw error;
      if (!(await confirmed(view, error.body.message))) return;
      await post(view, "retention", { ...body, confirmed: true });
    }
    view.toast(view.t("ui-settings-saved"));
    await again();
  }, { data: "save-retention" });
  return h("div", { class: "row" }, kept, save);
}

export function tagControls(view, data, again) {
  const chips = data.tags.map((tag) =>
    h(
      "span",
      { class: "chip tag-chip", "data-tag": tag.tag },
      `#${tag.name} `,
      h("button", { type: "button", class: "button secondary edit-tag", "data-action": "edit-tag", onclick: () => replace(editor, tagEditor(view, tag, again)) }, view.t("ui-tag-edit")),
      actionButton(view, "×", async () => {
        await post(view, "tags", { action: "remove", tag: tag.tag });
        view.toast(view.t("ui-settings-tag-removed", { tag: tag.name }));
        await again();
      }, { kind: "secondary remove-tag", data: "remove-tag", confirm: view.t("ui-settings-tag-remove-confirm", { tag: tag.name }) }),
    ),
  );
  const name = textInput("tag", { placeholder: view.t("ui-settings-tag-name"), maxlength: "40" });
  name.setAttribute("aria-label", view.t("ui-settings-tag-name"));
  const terms = textInput("terms", { placeholder: view.t("ui-settings-tag-terms"), maxlength: "250" });
  terms.setAttribute("aria-label", view.t("ui-settings-tag-terms"));
  const offer = h("div", { class: "retag-offer", hidden: true });
  const editor = h("div", { class: "tag-editor" });
  const add = actionButton(view, view.t("ui-settings-tag-add"), async () => {
    const answer = await post(view, "tags", { action: "add", tag: name.value, terms: terms.value });
    view.toast(view.t("ui-settings-tag-added", { tag: answer.retag.tag }));
    await again({ retag: answer.retag });
  }, { data: "add-tag" });
  return h("div", { class: "tag-controls" }, chips.length ? h("div", { class: "chips" }, chips) : empty(view.t("ui-overview-tags-none")), h("div", { class: "row" }, name, terms, add), editor, offer);
}

// One tag opened for editing: its name (renaming asks first, as /tag_rename does) and the
// whole list of its words; the server turns the list into what /tag_remove and /tag_add change.
function tagEditor(view, tag, again) {
  const name = textInput("edit_tag_name", { value: tag.tag, maxlength: "40" });
  name.setAttribute("aria-label", view.t("ui-tag-edit-name"));
  const terms = textInput("edit_tag_terms", { value: tag.terms.join(", "), maxlength: "300" });
  terms.setAttribute("aria-label", view.t("ui-tag-edit-terms"));
  const save = actionButton(view, view.t("ui-tag-edit-save"), async () => {
    let key = tag.tag;
    const renamed = name.value.trim().replace(/^#/, "");
    if (renamed && renamed !== key) {
      if (!(await confirmed(view, view.t("ui-tag-edit-rename-confirm", { tag: tag.name, name: renamed })))) return;
      await post(view, "tags/rename", { tag: key, name: renamed });
      key = renamed; // the server reads it as it stored it
    }
    const answer = await post(view, "tags/words", { tag: key, terms: terms.value });
    view.toast(view.t("ui-tag-edit-saved", { tag: key }));
    await again(answer.retag ? { retag: answer.retag } : undefined);
  }, { data: "save-tag-edit" });
  return h("div", { class: "item tag-edit", "data-editing": tag.tag }, h("label", {}, view.t("ui-tag-edit-name"), name), h("label", {}, view.t("ui-tag-edit-terms"), terms), save);
}

// After a tag is added: apply it to the comments already stored, as the chat's offer does,
// and follow the run until it is done.
export function retagOffer(view, retag) {
  const status = h("p", { class: "hint retag-status" });
  const apply = actionButton(view, view.t("ui-settings-retag-apply", { tag: retag.tag }), async () => {
    let run = await post(view, `retag/${retag.run}`, {});
    apply.remove();
    while (run.status === "running" || run.status === "offered") {
      status.textContent = view.t("ui-settings-retag-running", { scanned: run.scanned, total: run.total });
      await new Promise((resolve) => setTimeout(resolve, RETAG_POLL_MS));
      run = await view.api.get(view.groupPath(`settings/retag/${retag.run}`));
    }
    status.textContent = view.t(run.status === "done" ? "ui-settings-retag-done" : "ui-settings-retag-failed", { tagged: run.tagged, tag: retag.tag });
  }, { data: "retag" });
  return h("div", { class: "item retag-offer", "data-run": String(retag.run) }, apply, status);
}

export function roleControls(view, data, again) {
  const holders = data.roles.map((holder) =>
    h(
      "div",
      { class: "entrant", "data-user-id": String(holder.user_id) },
      fanText(holder.name),
      h("span", { class: "hint" }, view.t(`ui-role-${holder.role}`)),
      actionButton(view, view.t("ui-settings-revoke"), async () => {
        await post(view, "roles", { action: "revoke", user_id: holder.user_id });
        view.toast(view.t("ui-settings-revoked", { name: holder.name }));
        await again();
      }, { kind: "secondary", data: "revoke", confirm: view.t("ui-settings-revoke-confirm", { name: holder.name }) }),
    ),
  );
  const who = textInput("who", { placeholder: view.t("ui-settings-grant-who"), maxlength: "64" });
  who.setAttribute("aria-label", view.t("ui-settings-grant-who"));
  const role = h("select", { name: "role", "aria-label": view.t("ui-settings-grant-role") }, ["analyst", "operator"].map((key) => h("option", { value: key }, view.t(`ui-role-${key}`))));
  const grant = actionButton(view, view.t("ui-settings-grant"), async () => {
    await post(view, "roles", { action: "grant", who: who.value, role: role.value });
    view.toast(view.t("ui-settings-granted"));
    await again();
  }, { data: "grant" });
  return h("div", { class: "role-controls" }, holders.length ? h("div", { class: "entrants" }, holders) : empty(view.t("ui-settings-no-roles")), h("div", { class: "row grant-row" }, who, role, grant));
}
