// Pieces the creation forms share: a labelled field, a switch, quick choices that fill a typed
// answer (as the guided flows' buttons do), and the place a refusal's reason is shown.

import { h, replace } from "../dom.js";

export function field(label, name, control, ...more) {
  control.setAttribute("aria-label", label);
  return h("div", { class: "field", "data-field": name }, h("span", { class: "field-label" }, label), control, ...more);
}

export function textInput(name, { value = "", placeholder, maxlength = "300" } = {}) {
  return h("input", { type: "text", name, value, placeholder, maxlength, autocomplete: "off" });
}

export function toggle(name, label, checked) {
  const box = h("input", { type: "checkbox", name, checked });
  return { box, node: h("label", { class: "switch", "data-field": name }, box, " ", label) };
}

// Quick answers beside a typed one, as the guided flows' buttons: a tapped chip is the answer
// until something is typed, and typing lets go of the chip. `value()` is what to send.
export function quickChoices(input, choices, chosen = "") {
  let picked = chosen;
  const chips = choices.map(([value, label]) =>
    h("button", { type: "button", class: "chip", "data-choice": value || "default", "aria-pressed": String(value === picked), onclick: () => pick(value) }, label),
  );
  function pick(value) {
    picked = value;
    input.value = "";
    chips.forEach((chip, index) => chip.setAttribute("aria-pressed", String(choices[index][0] === value)));
  }
  input.addEventListener("input", () => {
    if (input.value.trim()) chips.forEach((chip) => chip.setAttribute("aria-pressed", "false"));
  });
  return {
    node: h("div", { class: "chips quick" }, chips),
    value: () => input.value.trim() || picked,
  };
}

export function formError() {
  const node = h("p", { class: "filter-error form-error", role: "alert", hidden: true });
  return {
    node,
    show(error) {
      replace(node, error?.body?.message ?? error?.message ?? "");
      node.hidden = false;
    },
    clear() {
      node.hidden = true;
      replace(node);
    },
  };
}
