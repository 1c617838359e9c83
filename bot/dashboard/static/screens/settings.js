// Settings: the group's language and time zone, its digest and retention, its tags and who
// holds which role (all changed here, as /settings and the commands do: settings_controls.js),
// and the audit log of what was done.

import { fanText, h, replace } from "../dom.js";
import { actionButton, empty, section } from "./common.js";
import { digestControls, retagOffer, retentionControls, roleControls, tagControls } from "./settings_controls.js";

const LANGUAGES = ["en", "zh", "zh-Hant"];

export function render(view, container) {
  return draw(view, container, {});
}

async function draw(view, container, { retag } = {}) {
  const [data, audit] = await Promise.all([
    view.api.get(view.groupPath("settings")),
    view.api.get(view.groupPath("audit"), { page: 0 }),
  ]);
  const again = (extra) => draw(view, container, extra);
  const field = (name, ...controls) =>
    h("div", { class: "field", "data-setting": name }, h("label", { for: `setting-${name}` }, view.t(`ui-settings-${name}`)), ...controls);
  const language = h(
    "select",
    { id: "setting-language", name: "language" },
    LANGUAGES.map((code) => h("option", { value: code, selected: code === data.language }, view.t(`ui-language-${code}`))),
  );
  const timezone = h("input", { id: "setting-timezone", name: "timezone", value: data.timezone, autocomplete: "off" });
  const save = (what, body) => async () => {
    await view.api.post(view.groupPath(`settings/${what}`), body());
    view.toast(view.t("ui-settings-saved"));
    if (what === "timezone") view.learnGroup({ id: view.group.id, timezone: timezone.value.trim() });
    await again();
  };
  const weekday = new Intl.DateTimeFormat(view.formats.intl, { weekday: "short", timeZone: "UTC" });
  const days = data.digest.days.map((day) => weekday.format(Date.UTC(2024, 0, 1 + day))).join(" ");
  replace(
    container,
    section(
      view.t("ui-tab-settings"),
      field("language", h("div", { class: "row" }, language, actionButton(view, view.t("ui-settings-save"), save("language", () => ({ language: language.value })), { data: "save-language" }))),
      field("timezone", h("div", { class: "row" }, timezone, actionButton(view, view.t("ui-settings-save"), save("timezone", () => ({ timezone: timezone.value.trim() })), { data: "save-timezone" }))),
      field("digest", h("p", { class: "setting-value" }, data.digest.time ? view.t("ui-settings-digest-at", { time: data.digest.time, days }) : view.t("ui-settings-digest-off")), digestControls(view, data, again)),
      field("retention", h("p", { class: "setting-value" }, data.retention_days ? view.t("ui-settings-retention-days", { days: data.retention_days }) : view.t("ui-settings-retention-forever")), retentionControls(view, data, again)),
    ),
    section(view.t("ui-settings-tags"), tagControls(view, data, again), retag ? retagOffer(view, retag) : null),
    section(view.t("ui-settings-roles"), roleControls(view, data, again)),
    section(
      view.t("ui-settings-audit"),
      audit.entries.length
        ? h(
            "div",
            { class: "list audit" },
            audit.entries.map((entry) =>
              h(
                "div",
                { class: "item", "data-action": entry.action },
                h("div", { class: "item-meta" }, view.formats.when(entry.at), " · ", fanText(entry.actor ?? "")),
                h("div", {}, h("code", {}, entry.action), entry.subject ? [" · ", fanText(entry.subject)] : "", entry.detail ? [" · ", fanText(entry.detail)] : ""),
              ),
            ),
          )
        : empty(view.t("ui-settings-no-audit")),
    ),
  );
}
