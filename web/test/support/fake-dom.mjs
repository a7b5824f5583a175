import { afterEach, beforeEach } from 'node:test';

// Just enough of a browser for the panels, the period control and the report's render functions to
// run in Node: elements with attributes, classes, styles, text and events, simple selectors
// (`tag`, `.class`, `[attribute]`, `[attribute="value"]`, combined), and uPlot and ResizeObserver
// stand-ins that count what a real browser would have to draw. withFakeDom() puts them on
// globalThis around each test of the suite it is called in, and gives what a test reads.

const toDataName = (key) => `data-${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;

// Every write to the tree, which a browser would have to lay out again.
export const writes = { count: 0 };

function createStyle() {
  const properties = new Map();
  return new Proxy({
    setProperty(name, value) {
      writes.count += 1;
      properties.set(name, String(value));
    },
    getPropertyValue: (name) => properties.get(name) ?? '',
    removeProperty(name) {
      writes.count += 1;
      properties.delete(name);
    },
  }, {
    get: (target, name) => (name in target ? target[name] : properties.get(name) ?? ''),
    set(target, name, value) {
      writes.count += 1;
      properties.set(name, String(value));
      return true;
    },
  });
}

export class FakeElement {
  constructor(tagName) {
    this.tagName = tagName.toUpperCase();
    this.attributes = new Map();
    this.childNodes = [];
    this.parentNode = null;
    this.style = createStyle();
    this.listeners = new Map();
    this.dataset = new Proxy({}, {
      get: (_target, key) => this.getAttribute(toDataName(key)) ?? undefined,
      set: (_target, key, value) => {
        this.setAttribute(toDataName(key), value);
        return true;
      },
      deleteProperty: (_target, key) => {
        this.removeAttribute(toDataName(key));
        return true;
      },
    });
    this.classList = {
      contains: (name) => this.className.split(' ').includes(name),
      toggle: (name, force = !this.classList.contains(name)) => {
        if (force !== this.classList.contains(name)) {
          this.className = force ? `${this.className} ${name}`.trim() : this.className.split(' ').filter((other) => other !== name).join(' ');
        }
        return force;
      },
      add: (name) => this.classList.toggle(name, true),
      remove: (name) => this.classList.toggle(name, false),
    };
  }

  get className() { return this.getAttribute('class') ?? ''; }

  set className(value) { this.setAttribute('class', value); }

  get hidden() { return this.attributes.has('hidden'); }

  set hidden(value) {
    if (value) this.setAttribute('hidden', '');
    else this.removeAttribute('hidden');
  }

  get title() { return this.getAttribute('title') ?? ''; }

  set title(value) { this.setAttribute('title', value); }

  setAttribute(name, value) {
    writes.count += 1;
    this.attributes.set(name, String(value));
  }

  getAttribute(name) { return this.attributes.get(name) ?? null; }

  hasAttribute(name) { return this.attributes.has(name); }

  removeAttribute(name) {
    writes.count += 1;
    this.attributes.delete(name);
  }

  append(...children) {
    writes.count += 1;
    for (const child of children) {
      if (typeof child !== 'string' && !(child instanceof FakeElement)) throw new TypeError(`appended ${child}`);
      if (child instanceof FakeElement) {
        child.remove();
        child.parentNode = this;
      }
      this.childNodes.push(child);
    }
  }

  replaceChildren(...children) {
    for (const child of this.childNodes) if (child instanceof FakeElement) child.parentNode = null;
    this.childNodes = [];
    this.append(...children);
  }

  remove() {
    if (!this.parentNode) return;
    this.parentNode.childNodes = this.parentNode.childNodes.filter((child) => child !== this);
    this.parentNode = null;
  }

  after(...nodes) {
    const siblings = this.parentNode.childNodes;
    const following = siblings.splice(siblings.indexOf(this) + 1);
    this.parentNode.append(...nodes, ...following);
  }

  get children() { return this.childNodes.filter((child) => child instanceof FakeElement); }

  get textContent() {
    return this.childNodes.map((child) => (typeof child === 'string' ? child : child.textContent)).join('');
  }

  set textContent(text) { this.replaceChildren(String(text)); }

  addEventListener(type, listener) {
    if (!this.listeners.has(type)) this.listeners.set(type, []);
    this.listeners.get(type).push(listener);
  }

  // An event at this element, and at its ancestors too where it bubbles (change does, focus does not).
  dispatch(type, { bubbles = false, ...fields } = {}) {
    const event = { type, target: this, preventDefault() {}, ...fields };
    for (let element = this; element; element = bubbles ? element.parentNode : null) {
      for (const listener of element.listeners.get(type) ?? []) listener(event);
    }
  }

  getBoundingClientRect() { return { width: 400, height: 120, top: 0, left: 0, bottom: 120, right: 400 }; }

  get scrollWidth() { return 0; }

  get clientWidth() { return 0; }

  get scrollHeight() { return 0; }

  get clientHeight() { return 0; }

  *all() {
    for (const child of this.children) {
      yield child;
      yield* child.all();
    }
  }

  matches(selector) {
    const parts = /^([a-z][a-z0-9]*)?((?:\.[\w-]+)*)((?:\[[\w-]+(?:="[^"]*")?\])*)$/.exec(selector);
    if (!parts) throw new Error(`the fake DOM cannot read the selector ${selector}`);
    const [, tag, classes, attributes] = parts;
    return (!tag || this.tagName === tag.toUpperCase())
      && classes.split('.').filter(Boolean).every((name) => this.classList.contains(name))
      && [...attributes.matchAll(/\[([\w-]+)(?:="([^"]*)")?\]/g)]
        .every(([, name, value]) => this.hasAttribute(name) && (value === undefined || this.getAttribute(name) === value));
  }

  querySelectorAll(selector) { return [...this.all()].filter((element) => element.matches(selector)); }

  querySelector(selector) { return this.querySelectorAll(selector)[0] ?? null; }

  byTestId(testId) {
    const found = this.querySelectorAll(`[data-testid="${testId}"]`);
    if (found.length !== 1) throw new Error(`${found.length} elements with data-testid="${testId}"`);
    return found[0];
  }
}

// uPlot as the sparklines use it; `drawn` lists the charts as they are drawn, made or given new data.
function createFakePlot() {
  const drawn = [];
  class FakePlot {
    static pxRatio = 1;

    static paths = { bars: () => () => null };

    static tzDate = (date) => date;

    constructor(options, data, host) {
      Object.assign(this, { options, data, host });
      drawn.push(this);
    }

    setData(data) {
      this.data = data;
      drawn.push(this);
    }

    setSize() {}

    destroy() {}
  }
  return { FakePlot, drawn };
}

function installFakeDom() {
  const saved = Object.fromEntries(['document', 'ResizeObserver', 'getComputedStyle', 'uPlot', 'CSS'].map((name) => [name, globalThis[name]]));
  const { FakePlot, drawn } = createFakePlot();
  globalThis.document = {
    createElement: (tag) => new FakeElement(tag),
    documentElement: new FakeElement('html'),
    // Numbers are written at once, not animated (animate.js).
    hidden: true,
  };
  // The box is there at once: what it watches is fitted as soon as it is watched.
  globalThis.ResizeObserver = class {
    constructor(callback) { this.callback = callback; }

    observe() { this.callback([]); }
  };
  globalThis.getComputedStyle = () => ({ fontSize: '16px' });
  globalThis.uPlot = FakePlot;
  globalThis.CSS = { escape: (text) => text };
  writes.count = 0;
  return {
    drawn,
    restore: () => Object.assign(globalThis, saved),
  };
}

export function withFakeDom() {
  const dom = {};
  beforeEach(() => Object.assign(dom, installFakeDom()));
  afterEach(() => dom.restore());
  return dom;
}
