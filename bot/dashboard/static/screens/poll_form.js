// A new poll, as the guided /poll makes it: the question, the options (typed, or picked from the
// group's topic ideas), anonymous / multiple answers / quiz with its correct option, when it
// opens and closes; then the preview the server drafts, and Send on that draft.

import { fanText, h, replace } from "../dom.js";
import { actionButton } from "./common.js";
import { field, formError, quickChoices, textInput, toggle } from "./forms.js";

const OPTIONS_MIN = 2;
const OPTIONS_MAX = 10;

export function pollForm(view, onSent) {
  const form = h("div", { class: "item creation poll-form", "data-form": "poll" });
  const preview = h("div", { class: "item preview", "data-preview": "poll", hidden: true });
  const error = formError();
  const question = textInput("question", { maxlength: "300" });
  const optionList = h("div", { class: "option-inputs" });
  const ideas = h("div", { class: "chips ideas" });
  const optionInputs = () => [...optionList.querySelectorAll("input[name='option']")];
  const addOption = (value = "") => {
    if (optionInputs().length >= OPTIONS_MAX) return;
    const input = textInput("option", { value, maxlength: "100", placeholder: view.t("ui-poll-form-option", { number: optionInputs().length + 1 }) });
    const row = h("div", { class: "row option-row" }, input, h("button", { type: "button", class: "chip danger", "data-action": "remove-option", "aria-label": view.t("ui-poll-form-remove-option"), onclick: () => { row.remove(); refreshCorrect(); } }, "×"));
    input.addEventListener("input", refreshCorrect);
    optionList.append(row);
    refreshCorrect();
  };
  const anonymous = toggle("anonymous", view.t("ui-poll-form-anonymous"), true);
  const multiple = toggle("multiple", view.t("ui-poll-form-multiple"), false);
  const quiz = toggle("quiz", view.t("ui-poll-form-quiz"), false);
  const correct = h("select", { name: "correct" });
  const correctField = field(view.t("ui-poll-form-correct"), "correct", correct);
  function refreshCorrect() {
    const chosen = correct.value;
    replace(correct, optionInputs().map((input, index) => h("option", { value: String(index + 1), selected: String(index + 1) === chosen }, `${index + 1}. ${input.value}`)));
    correctField.hidden = !quiz.box.checked;
  }
  quiz.box.addEventListener("change", refreshCorrect);
  const start = textInput("start", { placeholder: view.t("ui-poll-form-time-hint"), maxlength: "64" });
  const close = textInput("close", { placeholder: view.t("ui-poll-form-time-hint"), maxlength: "64" });
  const times = () => [["1h", view.t("ui-poll-form-in-hour")], ["1d", view.t("ui-poll-form-in-day")], ["20:00", view.t("ui-poll-form-tonight")]];

  const startChoice = quickChoices(start, [["", view.t("ui-poll-form-now")], ...times()]);
  const closeChoice = quickChoices(close, [["", view.t("ui-poll-form-by-hand")], ...times()]);
  const body = () => ({
    question: question.value,
    options: optionInputs().map((input) => input.value.trim()).filter(Boolean),
    anonymous: anonymous.box.checked,
    multiple: multiple.box.checked,
    quiz: quiz.box.checked ? Number(correct.value) || null : null,
    start: startChoice.value() || null,
    close: closeChoice.value() || null,
  });

  const pickIdeas = actionButton(view, view.t("ui-poll-form-ideas"), async () => {
    const found = await view.api.get(view.groupPath("polls/ideas"));
    if (!found.ideas.length) {
      replace(ideas, h("span", { class: "hint" }, view.t("ui-poll-form-no-ideas")));
      return;
    }
    replace(ideas, found.ideas.map((idea) => ideaChip(idea)));
  }, { kind: "secondary", data: "ideas" });
  // A tapped idea becomes an option (the first empty one), tapped again it is taken out.
  function ideaChip(idea) {
    const chip = h("button", { type: "button", class: "chip", "data-idea": idea, "aria-pressed": "false" }, fanText(idea));
    chip.addEventListener("click", () => {
      const label = idea.replace(/[|｜]/g, "/").slice(0, 100);
      const same = optionInputs().find((input) => input.value.trim().toLowerCase() === label.toLowerCase());
      if (same) {
        if (optionInputs().length > OPTIONS_MIN) same.closest(".option-row").remove();
        else same.value = "";
        chip.setAttribute("aria-pressed", "false");
      } else {
        const free = optionInputs().find((input) => !input.value.trim());
        if (free) free.value = label;
        else addOption(label);
        chip.setAttribute("aria-pressed", "true");
      }
      refreshCorrect();
    });
    return chip;
  }

  const showPreview = (answer) => {
    const shown = answer.preview;
    const send = actionButton(view, view.t("ui-poll-send"), async () => {
      const sent = await view.api.post(view.groupPath(`polls/drafts/${answer.draft}/send`));
      view.toast(view.t(`ui-poll-sent-${sent.sending}`), sent.sending === "failed" ? "error" : "ok");
      await onSent();
    }, { data: "send" });
    const edit = h("button", { type: "button", class: "button secondary", "data-action": "edit", onclick: () => { preview.hidden = true; form.hidden = false; } }, view.t("ui-poll-edit"));
    replace(
      preview,
      h("div", { class: "item-head" }, view.t("ui-poll-preview-title")),
      h("div", { class: "preview-question" }, fanText(shown.question)),
      h("ol", { class: "preview-options" }, shown.options.map((option) => h("li", { "data-option": String(option.number), class: option.correct ? "correct" : "" }, fanText(option.label), option.correct ? ` ✓ ${view.t("ui-poll-preview-correct")}` : ""))),
      h("p", { class: "hint preview-kind" }, view.t(`ui-poll-preview-kind-${shown.kind}`), " · ", view.t(shown.anonymous ? "ui-poll-preview-anonymous" : "ui-poll-preview-public")),
      h("p", { class: "hint preview-times" }, shown.start_at ? view.t("ui-poll-preview-opens", { when: view.formats.when(shown.start_at) }) : view.t("ui-poll-preview-opens-now"), " · ", shown.close_at ? view.t("ui-poll-preview-closes", { when: view.formats.when(shown.close_at) }) : view.t("ui-poll-preview-closes-by-hand")),
      h("div", { class: "actions" }, send, edit),
    );
    form.hidden = true;
    preview.hidden = false;
  };

  const previewButton = actionButton(view, view.t("ui-poll-form-preview"), async () => {
    error.clear();
    try {
      showPreview(await view.api.post(view.groupPath("polls/preview"), body()));
    } catch (refused) {
      if (refused?.status === 400) error.show(refused);
      throw refused;
    }
  }, { data: "preview" });

  replace(
    form,
    field(view.t("ui-poll-form-question"), "question", question),
    h("div", { class: "field", "data-field": "options" }, h("span", { class: "hint" }, view.t("ui-poll-form-options", { limit: OPTIONS_MAX })), optionList,
      h("div", { class: "actions" }, h("button", { type: "button", class: "button secondary", "data-action": "add-option", onclick: () => addOption() }, view.t("ui-poll-form-add-option")), pickIdeas), ideas),
    h("div", { class: "switches" }, anonymous.node, multiple.node, quiz.node),
    correctField,
    field(view.t("ui-poll-form-start"), "start", start, startChoice.node),
    field(view.t("ui-poll-form-close"), "close", close, closeChoice.node),
    error.node,
    h("div", { class: "actions" }, previewButton),
  );
  for (let n = 0; n < OPTIONS_MIN; n += 1) addOption();
  return h("div", { class: "creation-wrap" }, form, preview);
}
