// Importing platform numbers: the operator picks a .csv/.xlsx file (the template's columns) and
// the server imports it as a document sent with /video_stats, answering with the chat's report;
// totals that went down are stored only when confirmed, as in chat.

import { h, replace } from "../dom.js";
import { actionButton } from "./common.js";

export function importPanel(view, onImported) {
  // The browser's own file button speaks the phone's language, not the dashboard's: it is
  // hidden behind a label of ours that opens it.
  const file = h("input", { type: "file", name: "numbers", id: "import-file", class: "visually-hidden", accept: ".csv,.xlsx,text/csv", "aria-label": view.t("ui-videos-import-file") });
  const chosenName = h("span", { class: "hint chosen-file" }, view.t("ui-videos-import-none"));
  file.addEventListener("change", () => replace(chosenName, file.files?.[0]?.name ?? view.t("ui-videos-import-none")));
  const picker = h("div", { class: "row file-picker" }, h("label", { for: "import-file", class: "button secondary", "data-action": "choose-file" }, view.t("ui-videos-import-file")), chosenName);
  const report = h("pre", { class: "import-report", hidden: true });
  const more = h("div", { class: "actions import-more" });
  const send = async (confirmed) => {
    const chosen = file.files?.[0];
    if (!chosen) {
      view.toast(view.t("ui-videos-import-choose"), "error");
      return;
    }
    let answer;
    try {
      answer = await view.api.upload(view.groupPath("videos/import"), chosen, confirmed ? { confirmed: 1 } : {});
    } catch (error) {
      if (error?.status === 400) {
        replace(report, error.body?.message ?? "");
        report.hidden = false;
      }
      throw error;
    }
    replace(report, answer.report);
    report.hidden = false;
    replace(
      more,
      answer.decreasing && !confirmed
        ? actionButton(view, view.t("ui-videos-import-confirm"), () => send(true), { kind: "secondary", data: "import-confirmed", confirm: view.t("ui-videos-import-confirm-question") })
        : null,
      answer.refused_csv ? refusedLink(view, answer.refused_csv) : null,
    );
    view.toast(view.t("ui-videos-imported", { taken: answer.taken, updated: answer.updated }));
    if (answer.taken || answer.updated) await onImported();
  };
  return h(
    "div",
    { class: "item import-panel" },
    h("div", { class: "item-head" }, view.t("ui-videos-import")),
    h("p", { class: "hint" }, view.t("ui-videos-import-hint")),
    file,
    picker,
    h(
      "div",
      { class: "actions" },
      actionButton(view, view.t("ui-videos-import-send"), () => send(false), { data: "import" }),
      actionButton(view, view.t("ui-videos-template"), async () => {
        await view.api.download(view.groupPath("videos/template"), {}, "template.csv");
      }, { kind: "secondary", data: "template" }),
    ),
    report,
    more,
  );
}

function refusedLink(view, encoded) {
  const bytes = Uint8Array.from(atob(encoded), (char) => char.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: "text/csv" }));
  return h("a", { class: "button secondary", href: url, download: "refused-rows.csv", "data-action": "refused-rows" }, view.t("ui-videos-refused-rows"));
}
