// Polls: a new one (for operators, poll_form.js), the open ones, then the past ones, each with
// its results; close, cancel, export.

import { fanText, h, replace } from "../dom.js";
import { actionButton, empty, section } from "./common.js";
import { pollForm } from "./poll_form.js";

const OPEN = new Set(["open", "scheduled"]);

export async function render(view, container) {
  const data = await view.api.get(view.groupPath("polls"));
  view.learnGroup({ id: view.group.id, timezone: data.timezone });
  const open = data.polls.filter((poll) => OPEN.has(poll.status));
  const past = data.polls.filter((poll) => !OPEN.has(poll.status));
  const refresh = () => render(view, container);
  const creating = h("div", { class: "new-poll" });
  const newPoll = view.canAct
    ? section(
        view.t("ui-poll-new"),
        h("button", { type: "button", class: "button", "data-action": "new-poll", onclick: (event) => { event.currentTarget.remove(); creating.append(pollForm(view, refresh)); } }, view.t("ui-poll-new-button")),
        creating,
      )
    : null;
  replace(
    container,
    newPoll,
    section(view.t("ui-polls-open"), open.length ? h("div", { class: "list" }, open.map((poll) => card(view, poll, refresh))) : empty(view.t("ui-polls-none-open"))),
    section(view.t("ui-polls-past"), past.length ? h("div", { class: "list" }, past.map((poll) => card(view, poll, refresh))) : empty(view.t("ui-polls-none-past"))),
  );
}

function card(view, poll, refresh) {
  const state = poll.status;
  const most = Math.max(1, ...poll.options.map((option) => option.votes));
  const path = view.groupPath(`polls/${poll.number}`);
  const actions = [];
  // An open poll can be closed early; one not yet posted can be cancelled (as /poll_close and
  // /poll_cancel allow).
  if (view.canAct && state === "open") {
    actions.push(
      actionButton(view, view.t("ui-polls-close"), async () => {
        await view.api.post(`${path}/close`);
        view.toast(view.t("ui-polls-closed"));
        await refresh();
      }, { data: "close", confirm: view.t("ui-polls-close-confirm") }),
    );
  }
  if (view.canAct && state === "scheduled") {
    actions.push(
      actionButton(view, view.t("ui-polls-cancel"), async () => {
        await view.api.post(`${path}/cancel`);
        view.toast(view.t("ui-polls-cancelled"));
        await refresh();
      }, { kind: "danger", data: "cancel", confirm: view.t("ui-polls-cancel-confirm") }),
    );
  }
  actions.push(
    actionButton(view, view.t("ui-polls-export"), async () => {
      await view.api.download(`${path}/export`, {}, `poll-${poll.number}.csv`);
      view.toast(view.t("ui-polls-exported"));
    }, { kind: "secondary", data: "export" }),
  );
  return h(
    "article",
    { class: "item", "data-poll": String(poll.number) },
    h("div", { class: "item-head" }, fanText(poll.question), h("span", { class: "hint poll-state" }, view.t(`ui-poll-state-${state}`))),
    h(
      "div",
      { class: "item-meta" },
      `#${poll.number} · `,
      view.t("ui-polls-voters", { count: poll.voters }),
      poll.close_at && OPEN.has(state) ? ` · ${view.t("ui-polls-closes", { when: view.formats.when(poll.close_at) })}` : "",
    ),
    h(
      "div",
      { class: "results" },
      poll.options.map((option) =>
        h(
          "div",
          { class: option.winner ? "result winner" : "result", "data-option": String(option.number) },
          fanText(option.label),
          h("span", { class: "hint votes" }, `${view.formats.number(option.votes)} · ${view.formats.percent(option.share, 1)}`),
          h("span", { class: "meter" }, h("span", { vars: { "--share": `${(100 * option.votes) / most}%` } })),
        ),
      ),
    ),
    h("div", { class: "actions" }, actions),
  );
}
