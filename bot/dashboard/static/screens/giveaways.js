// Giveaways: each with its live entrant count; open one for the entrants and whether each is
// eligible, the transcript, and the actions (end, cancel, reroll with a reason).

import { fanText, h, replace } from "../dom.js";
import { actionButton, empty, section } from "./common.js";

const LIVE = new Set(["open", "scheduled"]);

export async function render(view, container, params) {
  if (params.id) return detail(view, container, params.id);
  const data = await view.api.get(view.groupPath("giveaways"));
  const giveaways = data.giveaways ?? [];
  replace(
    container,
    section(
      view.t("ui-tab-giveaways"),
      giveaways.length
        ? h(
            "div",
            { class: "list" },
            giveaways.map((giveaway) =>
              h(
                "a",
                { class: "item", href: `#giveaways?id=${encodeURIComponent(giveaway.id)}`, "data-giveaway-id": String(giveaway.id) },
                h("div", { class: "item-head" }, fanText(giveaway.prize ?? giveaway.title), h("span", { class: "hint" }, view.t(`ui-giveaway-state-${giveaway.state ?? giveaway.status}`))),
                h("div", { class: "item-meta" }, view.t("ui-giveaway-entrants", { count: giveaway.entrants ?? giveaway.entrant_count ?? 0 })),
              ),
            ),
          )
        : empty(view.t("ui-giveaways-none")),
    ),
  );
}

async function detail(view, container, id) {
  const path = view.groupPath(`giveaways/${encodeURIComponent(id)}`);
  const [giveaway, entrants] = await Promise.all([view.api.get(path), view.api.get(`${path}/entrants`)]);
  const state = giveaway.state ?? giveaway.status;
  const again = () => detail(view, container, id);
  const reason = h("input", { type: "text", name: "reason", maxlength: "200", placeholder: view.t("ui-giveaway-reroll-reason"), "aria-label": view.t("ui-giveaway-reroll-reason") });
  const actions = [];
  if (view.canAct && LIVE.has(state)) {
    actions.push(
      actionButton(view, view.t("ui-giveaway-end"), async () => {
        await view.api.post(`${path}/end`);
        view.toast(view.t("ui-giveaway-ended"));
        await again();
      }, { data: "end", confirm: view.t("ui-giveaway-end-confirm") }),
      actionButton(view, view.t("ui-giveaway-cancel"), async () => {
        await view.api.post(`${path}/cancel`);
        view.toast(view.t("ui-giveaway-cancelled"));
        await again();
      }, { kind: "danger", data: "cancel", confirm: view.t("ui-giveaway-cancel-confirm") }),
    );
  }
  if (view.canAct && state === "drawn") {
    actions.push(
      h("div", { class: "field" }, reason),
      actionButton(view, view.t("ui-giveaway-reroll"), async () => {
        if (!reason.value.trim()) {
          view.toast(view.t("ui-giveaway-reroll-needs-reason"), "error");
          return;
        }
        await view.api.post(`${path}/reroll`, { reason: reason.value.trim() });
        view.toast(view.t("ui-giveaway-rerolled"));
        await again();
      }, { kind: "secondary", data: "reroll", confirm: view.t("ui-giveaway-reroll-confirm") }),
    );
  }
  const transcript = h("pre", { class: "transcript", hidden: true });
  const list = entrants.entrants ?? [];
  replace(
    container,
    h("p", {}, h("a", { href: "#giveaways" }, view.t("ui-back"))),
    h(
      "article",
      { class: "item", "data-giveaway-id": String(id) },
      h("div", { class: "item-head" }, fanText(giveaway.prize ?? giveaway.title), h("span", { class: "hint" }, view.t(`ui-giveaway-state-${state}`))),
      h("div", { class: "item-meta" }, view.t("ui-giveaway-entrants", { count: entrants.count ?? list.length })),
      (giveaway.winners ?? []).length
        ? h("div", {}, view.t("ui-giveaway-winners"), " ", (giveaway.winners ?? []).map((winner, i) => [i ? ", " : "", fanText(winner.name ?? String(winner.user_id))]))
        : null,
      h("div", { class: "actions" }, actions),
    ),
    section(
      view.t("ui-giveaway-entrant-list"),
      list.length
        ? h(
            "div",
            { class: "entrants" },
            list.map((entrant) =>
              h(
                "div",
                { class: "entrant", "data-user-id": String(entrant.user_id) },
                fanText(entrant.name ?? String(entrant.user_id)),
                h("span", { class: entrant.eligible ? "eligible" : "ineligible" }, entrant.eligible ? view.t("ui-giveaway-eligible") : entrant.reason ?? view.t("ui-giveaway-ineligible")),
              ),
            ),
          )
        : empty(view.t("ui-giveaway-no-entrants")),
    ),
    section(
      view.t("ui-giveaway-transcript"),
      actionButton(view, view.t("ui-giveaway-show-transcript"), async () => {
        const result = await view.api.get(`${path}/transcript`);
        replace(transcript, result.text ?? result.transcript ?? "");
        transcript.hidden = false;
      }, { kind: "secondary", data: "transcript" }),
      transcript,
    ),
  );
}
