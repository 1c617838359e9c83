// A new giveaway, as the guided /giveaway makes it: the prize, the number of winners, when
// entries close (1 h, 1 day, 20:00 or typed), the rules; then the preview the server drafts, and
// Send on that draft. Every answer is read on the server by the flow's own readers.

import { fanText, h, replace } from "../dom.js";
import { actionButton } from "./common.js";
import { field, formError, quickChoices, textInput, toggle } from "./forms.js";

const QUICK_WINNERS = [1, 2, 3, 5, 10];

export function giveawayForm(view, onPosted) {
  const form = h("div", { class: "item creation giveaway-form", "data-form": "giveaway" });
  const preview = h("div", { class: "item preview", "data-preview": "giveaway", hidden: true });
  const error = formError();
  const prize = textInput("prize", { maxlength: "200" });
  const winners = textInput("winners", { maxlength: "12" });
  const end = textInput("end", { placeholder: view.t("ui-giveaway-form-end-hint"), maxlength: "64" });
  const member = toggle("member", view.t("ui-giveaway-form-member"), true);
  const joined = toggle("joined", view.t("ui-giveaway-form-joined"), false);
  const joinedDay = h("input", { type: "date", name: "joined_day" });
  const joinedField = field(view.t("ui-giveaway-form-joined-day"), "joined_day", joinedDay);
  joinedField.hidden = true;
  joined.box.addEventListener("change", () => (joinedField.hidden = !joined.box.checked));
  const comments = textInput("comments", { placeholder: "5/7", maxlength: "64" });
  const channel = textInput("channel", { placeholder: "@channel", maxlength: "64" });
  const staff = toggle("staff_excluded", view.t("ui-giveaway-form-staff"), true);
  const quickEnds = [
    ["hour", view.t("ui-giveaway-form-end-hour")],
    ["day", view.t("ui-giveaway-form-end-day")],
    ["evening", view.t("ui-giveaway-form-end-evening")],
  ];

  const endChoice = quickChoices(end, quickEnds, "day");
  const winnerChoice = quickChoices(winners, QUICK_WINNERS.map((count) => [String(count), String(count)]), "1");
  const body = () => ({
    prize: prize.value,
    winners: winnerChoice.value(),
    end: endChoice.value(),
    member: member.box.checked,
    joined: joined.box.checked,
    joined_day: joined.box.checked ? joinedDay.value : "",
    comments: comments.value.trim(),
    channel: channel.value.trim(),
    staff_excluded: staff.box.checked,
  });

  const showPreview = (answer) => {
    const shown = answer.preview;
    const send = actionButton(view, view.t("ui-giveaway-send"), async () => {
      const posted = await view.api.post(view.groupPath(`giveaways/drafts/${answer.draft}/send`));
      view.toast(view.t("ui-giveaway-posted", { number: posted.giveaway.number }));
      await onPosted();
    }, { data: "send" });
    const edit = h("button", { type: "button", class: "button secondary", "data-action": "edit", onclick: () => { preview.hidden = true; form.hidden = false; } }, view.t("ui-giveaway-edit"));
    replace(
      preview,
      h("div", { class: "item-head" }, view.t("ui-giveaway-preview-title")),
      h("div", { class: "preview-prize" }, fanText(shown.prize)),
      h("p", { class: "hint preview-winners" }, view.t("ui-giveaway-winner-count", { count: shown.winners }), " · ", view.t("ui-giveaway-preview-ends", { when: view.formats.when(shown.ends_at) })),
      h("ul", { class: "preview-rules rules" }, shown.rules.map((rule) => h("li", {}, rule))),
      h("div", { class: "actions" }, send, edit),
    );
    form.hidden = true;
    preview.hidden = false;
  };

  const previewButton = actionButton(view, view.t("ui-giveaway-form-preview"), async () => {
    error.clear();
    try {
      showPreview(await view.api.post(view.groupPath("giveaways/preview"), body()));
    } catch (refused) {
      if (refused?.status === 400) error.show(refused);
      throw refused;
    }
  }, { data: "preview" });

  replace(
    form,
    field(view.t("ui-giveaway-form-prize"), "prize", prize),
    field(view.t("ui-giveaway-form-winners"), "winners", winners, winnerChoice.node),
    field(view.t("ui-giveaway-form-end"), "end", end, endChoice.node),
    h("div", { class: "field", "data-field": "rules" }, h("span", { class: "field-label" }, view.t("ui-giveaway-form-rules")), h("div", { class: "switches" }, member.node, joined.node, staff.node)),
    joinedField,
    field(view.t("ui-giveaway-form-comments"), "comments", comments),
    field(view.t("ui-giveaway-form-channel"), "channel", channel),
    error.node,
    h("div", { class: "actions" }, previewButton),
  );
  return h("div", { class: "creation-wrap" }, form, preview);
}
