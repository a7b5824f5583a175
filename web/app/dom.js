// A small element builder: the views build their markup once and then only update text and
// attributes, so this is all the templating they need.
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name === 'style') setStyles(element, value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  element.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return element;
}

// Write a text or a custom property only where it differs: writing the same again still costs
// the page a layout.
export function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}

export function setCustomProperty(element, name, value) {
  if (element.style.getPropertyValue(name) !== String(value)) element.style.setProperty(name, value);
}

// Custom properties (--name) only take effect through setProperty.
function setStyles(element, styles) {
  for (const [property, value] of Object.entries(styles)) {
    if (property.startsWith('--')) element.style.setProperty(property, value);
    else element.style[property] = value;
  }
}

let nextId = 0;
export function uniqueId(prefix) {
  nextId += 1;
  return `${prefix}-${nextId}`;
}
