// Settings: the group's language, time zone, digest and retention, its tags, who holds which
// role, and the audit log of what was done.

import { fanText, h, replace } from "../dom.js";
import { actionButton, empty, section } from "./common.js";

const LANGUAGES = ["en", "zh", "zh-Hant"];

export async function render(view, container) {
  const data = await view.api.get(view.groupPath("settings"));
  const again = () => render(view, container);
  const field = (name, control) => h("div", { class: "field" }, h("label", { for: `setting-${name}` }, view.t(`ui-settings-${name}`)), control);
  const language = h("select", { id: "setting-language", name: "language", disabled: !view.canAct }, LANGUAGES.map((code) => h("option", { value: code, selected: code === data.language }, view.t(`ui-language-${code}`))));
  const timezone = h("input", { id: "setting-timezone", name: "timezone", value: data.timezone ?? "", disabled: !view.canAct, autocomplete: "off" });
  const retention = h("input", { id: "setting-retention", name: "retention_days", type: "number", min: "1", value: data.retention_days ?? "", disabled: !view.canAct });
  const digest = h("input", { id: "setting-digest", name: "digest", type: "checkbox", checked: Boolean(data.digest?.enabled ?? data.digest), disabled: !view.canAct });
  const save = actionButton(view, view.t("ui-settings-save"), async () => {
    await view.api.post(view.groupPath("settings"), {
      language: language.value,
      timezone: timezone.value.trim(),
      retention_days: retention.value ? Number(retention.value) : null,
      digest: digest.checked,
    });
    view.toast(view.t("ui-settings-saved"));
    await again();
  }, { data: "save" });
  replace(
    container,
    section(
      view.t("ui-tab-settings"),
      field("language", language),
      field("timezone", timezone),
      field("retention", retention),
      field("digest", digest),
      view.canAct ? save : null,
    ),
    section(
      view.t("ui-settings-tags"),
      (data.tags ?? []).length
        ? h("div", { class: "chips" }, data.tags.map((tag) => h("span", { class: "chip", "data-tag": tag.key }, `#${tag.name ?? tag.key}`)))
        : empty(view.t("ui-overview-tags-none")),
    ),
    section(
      view.t("ui-settings-roles"),
      (data.roles ?? []).length
        ? h("div", { class: "entrants" }, data.roles.map((role) => h("div", { class: "entrant" }, fanText(role.name ?? String(role.user_id)), h("span", { class: "hint" }, view.t(`ui-role-${role.role}`)))))
        : empty(view.t("ui-settings-no-roles")),
    ),
    section(
      view.t("ui-settings-audit"),
      (data.audit ?? []).length
        ? h("div", { class: "list" }, data.audit.map((entry) => h("div", { class: "item" }, h("div", { class: "item-meta" }, view.formats.when(entry.at ?? entry.created_at), " · ", fanText(entry.actor ?? String(entry.actor_id ?? ""))), fanText(entry.summary ?? entry.action))))
        : empty(view.t("ui-settings-no-audit")),
    ),
  );
}
