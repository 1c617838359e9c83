// Polls: the open ones first, then the past ones, each with its results; close, cancel, export.

import { fanText, h, replace } from "../dom.js";
import { actionButton, empty, section } from "./common.js";

const OPEN = new Set(["open", "scheduled", "draft"]);

export async function render(view, container) {
  const data = await view.api.get(view.groupPath("polls"));
  const polls = data.polls ?? [];
  const open = polls.filter((poll) => OPEN.has(poll.state ?? poll.status));
  const past = polls.filter((poll) => !OPEN.has(poll.state ?? poll.status));
  const refresh = () => render(view, container);
  replace(
    container,
    section(view.t("ui-polls-open"), open.length ? h("div", { class: "list" }, open.map((poll) => card(view, poll, refresh))) : empty(view.t("ui-polls-none-open"))),
    section(view.t("ui-polls-past"), past.length ? h("div", { class: "list" }, past.map((poll) => card(view, poll, refresh))) : empty(view.t("ui-polls-none-past"))),
  );
}

function card(view, poll, refresh) {
  const state = poll.state ?? poll.status;
  const options = poll.options ?? poll.results ?? [];
  const total = poll.voters ?? poll.total_votes ?? options.reduce((sum, option) => sum + (option.votes ?? 0), 0);
  const most = Math.max(1, ...options.map((option) => option.votes ?? 0));
  const path = view.groupPath(`polls/${poll.id}`);
  const actions = [];
  if (view.canAct && OPEN.has(state)) {
    actions.push(
      actionButton(view, view.t("ui-polls-close"), async () => {
        await view.api.post(`${path}/close`);
        view.toast(view.t("ui-polls-closed"));
        await refresh();
      }, { data: "close", confirm: view.t("ui-polls-close-confirm") }),
      actionButton(view, view.t("ui-polls-cancel"), async () => {
        await view.api.post(`${path}/cancel`);
        view.toast(view.t("ui-polls-cancelled"));
        await refresh();
      }, { kind: "danger", data: "cancel", confirm: view.t("ui-polls-cancel-confirm") }),
    );
  }
  actions.push(
    actionButton(view, view.t("ui-polls-export"), async () => {
      await view.api.download(`${path}/export`, { format: "csv" }, `poll-${poll.id}.csv`);
      view.toast(view.t("ui-polls-exported"));
    }, { kind: "secondary", data: "export" }),
  );
  return h(
    "article",
    { class: "item", "data-poll-id": String(poll.id) },
    h("div", { class: "item-head" }, fanText(poll.question ?? poll.title), h("span", { class: "hint" }, view.t(`ui-poll-state-${state}`))),
    h(
      "div",
      { class: "item-meta" },
      view.t("ui-polls-voters", { count: total }),
      poll.closes_at && OPEN.has(state) ? ` · ${view.t("ui-polls-closes", { when: view.formats.when(poll.closes_at) })}` : "",
    ),
    h(
      "div",
      { class: "results" },
      options.map((option) =>
        h(
          "div",
          { class: "result" },
          fanText(option.text ?? option.option),
          h("span", { class: "hint" }, `${view.formats.number(option.votes ?? 0)} · ${view.formats.percent(option.votes ?? 0, total)}`),
          h("span", { class: "meter" }, h("span", { vars: { "--share": `${(100 * (option.votes ?? 0)) / most}%` } })),
        ),
      ),
    ),
    h("div", { class: "actions" }, actions),
  );
}
