// Giveaways: a new one (for operators, giveaway_form.js), the latest ones with their live
// entrant count; one opened shows its rules, every entrant with whether they are eligible (open) or how the draw treated them (drawn), the
// transcript, and the actions: end and draw, cancel with a reason, reroll a place with a reason.

import { fanText, h, replace } from "../dom.js";
import { actionButton, empty, section } from "./common.js";
import { giveawayForm } from "./giveaway_form.js";

const PAGE = 100;

export async function render(view, container, params) {
  if (params.number) return detail(view, container, params.number);
  const data = await view.api.get(view.groupPath("giveaways"));
  view.learnGroup({ id: view.group.id, timezone: data.timezone });
  const creating = h("div", { class: "new-giveaway" });
  const again = () => render(view, container, params);
  const newGiveaway = view.canAct
    ? section(
        view.t("ui-giveaway-new"),
        h("button", { type: "button", class: "button", "data-action": "new-giveaway", onclick: (event) => { event.currentTarget.remove(); creating.append(giveawayForm(view, again)); } }, view.t("ui-giveaway-new-button")),
        creating,
      )
    : null;
  replace(
    container,
    newGiveaway,
    section(
      view.t("ui-tab-giveaways"),
      data.giveaways.length
        ? h("div", { class: "list" }, data.giveaways.map((giveaway) => summary(view, giveaway, true)))
        : empty(view.t("ui-giveaways-none")),
    ),
  );
}

function summary(view, giveaway, linked) {
  const body = [
    h("div", { class: "item-head" }, fanText(giveaway.prize), h("span", { class: "hint giveaway-state" }, view.t(`ui-giveaway-state-${giveaway.status}`))),
    h(
      "div",
      { class: "item-meta" },
      `#${giveaway.number} · `,
      h("span", { class: "entrant-count" }, view.t("ui-giveaway-entrants", { count: giveaway.entrants })),
      " · ",
      view.t("ui-giveaway-winner-count", { count: giveaway.winners }),
      giveaway.ends_at && giveaway.status === "open" ? ` · ${view.t("ui-giveaway-ends", { when: view.formats.when(giveaway.ends_at) })}` : "",
    ),
  ];
  if (!linked) {
    body.push(h("ul", { class: "rules" }, giveaway.rules.map((rule) => h("li", {}, rule))));
    if (giveaway.cancel_reason) body.push(h("p", { class: "hint" }, view.t("ui-giveaway-cancel-reason"), " ", fanText(giveaway.cancel_reason)));
  }
  return linked
    ? h("a", { class: "item", href: `#giveaways?number=${encodeURIComponent(giveaway.number)}`, "data-giveaway": String(giveaway.number) }, body)
    : h("article", { class: "item", "data-giveaway": String(giveaway.number) }, body);
}

async function detail(view, container, number) {
  const path = view.groupPath(`giveaways/${encodeURIComponent(number)}`);
  const first = await view.api.get(`${path}/entrants`, { limit: PAGE });
  const giveaway = first.giveaway;
  const again = () => detail(view, container, number);
  const entrants = h("div", { class: "entrants" }, first.entrants.map((entrant) => entrantRow(view, entrant)));
  let after = first.after;
  const more = after
    ? actionButton(view, view.t("ui-giveaway-more-entrants"), async () => {
        const page = await view.api.get(`${path}/entrants`, { limit: PAGE, after });
        entrants.append(...page.entrants.map((entrant) => entrantRow(view, entrant)));
        after = page.after;
        if (!after) more.remove();
      }, { kind: "secondary", data: "more" })
    : null;
  const transcript = h("pre", { class: "transcript", hidden: true });
  replace(
    container,
    h("p", {}, h("a", { href: "#giveaways" }, view.t("ui-back"))),
    summary(view, giveaway, false),
    view.canAct ? actions(view, path, giveaway, first.entrants, again) : null,
    section(
      view.t("ui-giveaway-entrant-list"),
      first.entrants.length ? [entrants, more] : empty(view.t("ui-giveaway-no-entrants")),
    ),
    ["drawn", "done"].includes(giveaway.status)
      ? section(
          view.t("ui-giveaway-transcript"),
          h("p", { class: "hint" }, view.t("ui-giveaway-commitment"), " ", h("code", {}, giveaway.commitment)),
          actionButton(view, view.t("ui-giveaway-show-transcript"), async () => {
            const published = await view.api.get(`${path}/transcript`);
            replace(transcript, JSON.stringify(published, null, 2));
            transcript.hidden = false;
          }, { kind: "secondary", data: "transcript" }),
          transcript,
        )
      : null,
  );
}

function entrantRow(view, entrant) {
  let verdict;
  let kind;
  if (entrant.standing) {
    verdict = view.t(`ui-giveaway-standing-${entrant.standing}`, { place: entrant.place ?? "" });
    kind = entrant.standing === "won" ? "eligible" : "hint";
  } else if (entrant.eligible === null) {
    verdict = "";
    kind = "hint";
  } else {
    verdict = entrant.eligible ? view.t("ui-giveaway-eligible") : entrant.reason_text ?? view.t("ui-giveaway-ineligible");
    kind = entrant.eligible ? "eligible" : "ineligible";
  }
  return h(
    "div",
    { class: "entrant", "data-user-id": String(entrant.user_id) },
    fanText(entrant.name || String(entrant.user_id)),
    h("span", { class: `verdict ${kind}` }, verdict),
  );
}

function actions(view, path, giveaway, entrants, again) {
  const reason = h("input", {
    type: "text",
    name: "reason",
    maxlength: "200",
    placeholder: view.t("ui-giveaway-reason"),
    "aria-label": view.t("ui-giveaway-reason"),
  });
  const needReason = () => {
    const given = reason.value.trim();
    if (!given) {
      view.toast(view.t("ui-giveaway-needs-reason"), "error");
      reason.focus();
    }
    return given;
  };
  const done = async (key) => {
    view.toast(view.t(key));
    await again();
  };
  const buttons = [];
  if (giveaway.status === "open") {
    buttons.push(
      actionButton(view, view.t("ui-giveaway-end"), async () => {
        await view.api.post(`${path}/end`);
        await done("ui-giveaway-ended");
      }, { data: "end", confirm: view.t("ui-giveaway-end-confirm") }),
      actionButton(view, view.t("ui-giveaway-cancel"), async () => {
        const given = needReason();
        if (!given) return;
        await view.api.post(`${path}/cancel`, { reason: given });
        await done("ui-giveaway-cancelled");
      }, { kind: "danger", data: "cancel", confirm: view.t("ui-giveaway-cancel-confirm") }),
    );
  }
  const places = entrants.filter((entrant) => entrant.standing === "won" && entrant.place);
  let place = null;
  if (["drawn", "done"].includes(giveaway.status) && places.length) {
    place = h(
      "select",
      { name: "place", "aria-label": view.t("ui-giveaway-place") },
      places.map((winner) => h("option", { value: String(winner.place) }, view.t("ui-giveaway-standing-won", { place: winner.place }), " · ", winner.name)),
    );
    buttons.push(
      place,
      actionButton(view, view.t("ui-giveaway-reroll"), async () => {
        const given = needReason();
        if (!given) return;
        await view.api.post(`${path}/reroll`, { places: [Number(place.value)], reason: given });
        await done("ui-giveaway-rerolled");
      }, { kind: "secondary", data: "reroll", confirm: view.t("ui-giveaway-reroll-confirm") }),
    );
  }
  if (!buttons.length) return null;
  return h("div", { class: "item" }, h("div", { class: "field" }, reason), h("div", { class: "actions" }, buttons));
}
