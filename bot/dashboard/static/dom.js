// Building the page. Every text, above all what fans wrote, goes in as a text node: nothing here
// parses HTML, so a fan's "<script>" or a bidi override is only characters on the screen.

const PROPERTIES = new Set(["value", "checked", "disabled", "hidden", "selected"]);

export function h(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if (name === "class") node.className = value;
    else if (PROPERTIES.has(name)) node[name] = value;
    else if (name === "vars") {
      for (const [key, cssValue] of Object.entries(value)) node.style.setProperty(key, cssValue);
    } else node.setAttribute(name, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function replace(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

const SVG = "http://www.w3.org/2000/svg";

// An SVG element: attributes as given, children appended like h()'s (texts as text nodes).
export function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null) node.setAttribute(name, String(value));
  }
  return append(node, children);
}

// A fan's text, isolated so that a right-to-left override inside it cannot reorder the page.
export function fanText(text, className = "fan-text") {
  return h("bdi", { class: className, dir: "auto" }, text ?? "");
}
