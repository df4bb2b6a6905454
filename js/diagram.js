// The interactive diagram: pan (drag the background), zoom (wheel, pinch, buttons), fit, drag an
// entity, click to select, and export as SVG or PNG. The picture itself is the SVG that
// relplay's core draws; this module only moves and reports. Exposed as `window.relplayDiagram`.

const MIN_SCALE = 0.05;
const MAX_SCALE = 4;

class DiagramController {
  constructor(container, onSelect, onMove) {
    this.container = container;
    this.onSelect = onSelect;
    this.onMove = onMove;
    this.scale = 1;
    this.x = 0;
    this.y = 0;
    this.fitted = false;
    // Whether the view is the fitted one: until the user pans, zooms or drags, every new picture
    // is fitted again, and a picture with none of the entities before (another schema) is too.
    this.followsFit = true;
    this.pointers = new Map();
    this.gesture = null;
    container.classList.add("rp-viewport");
    this.canvas = document.createElement("div");
    this.canvas.className = "rp-canvas";
    container.replaceChildren(this.canvas);
    container.addEventListener("wheel", (event) => this.wheel(event), { passive: false });
    container.addEventListener("pointerdown", (event) => this.down(event));
    container.addEventListener("pointermove", (event) => this.move(event));
    container.addEventListener("pointerup", (event) => this.up(event));
    container.addEventListener("pointercancel", (event) => this.up(event, true));
  }

  svg() {
    return this.canvas.querySelector("svg");
  }

  // Shows a new picture: fitted while the view follows the fit or when it is another schema,
  // else at the user's pan and zoom.
  setSvg(svgText) {
    const before = this.lines ? entityNamesIn(this.lines.groups) : new Set();
    this.patch(svgText);
    if (before.size > 0) {
      const after = entityNamesIn(this.lines?.groups ?? []);
      if (after.size > 0 && ![...after].some((name) => before.has(name))) this.followsFit = true;
    }
    if (this.selected) this.highlight(this.selected.kind, this.selected.id);
    if ((!this.fitted || this.followsFit) && this.container.clientWidth > 0) {
      this.fit();
    }
  }

  // Puts the picture in the page, changing only what changed. The core writes the SVG's opening
  // tag and style on the first line, then one group per line (an edge or an entity box) and the
  // closing tag on the last: a group whose line is unchanged keeps its element, and only the new
  // lines are parsed (a keystroke redraws a few boxes and lines, where setting the whole SVG
  // rebuilt thousands of elements). A box is placed by its group's transform: one whose line
  // differs only there (it moved) keeps its element and gets the new transform, which costs the
  // browser next to nothing where new texts cost it their layout (documenso's 51 boxes: 37 ms
  // anew, 1.4 ms moved). Any other text is set whole.
  patch(svgText) {
    const lines = svgText.split("\n");
    const [head, tail] = [lines[0], lines[lines.length - 1]];
    const svg = this.svg();
    if (!this.lines || !svg || !head.startsWith("<svg ") || tail !== "</svg>" || !sameStyle(head, this.lines.head)) {
      this.canvas.innerHTML = svgText;
      const drawn = this.svg();
      this.picture = drawn ? viewBox(attributeIn(head, "viewBox")) : null;
      this.showPicture();
      if (!drawn || !head.startsWith("<svg ") || tail !== "</svg>") {
        this.lines = null;
        return;
      }
      // (The line breaks between the groups go: elements alone are kept and moved.)
      for (const node of [...drawn.childNodes]) if (node.nodeType === Node.TEXT_NODE) node.remove();
      const groups = lines.slice(1, -1);
      this.lines = { head, groups, unplaced: groups.map((line) => placed(line).unplaced), elements: [...drawn.children].filter((e) => e.tagName === "g") };
      return;
    }
    if (head !== this.lines.head) {
      // A new size for the SVG makes the browser lay out every text in it again (12 ms for
      // documenso's), so the element keeps its size while the picture fits in it and is at least
      // half as wide and half as high. A side the picture outgrows gets a quarter more than it
      // needs; one it needs less than half of, the picture's; another origin, the picture's size.
      const picture = viewBox(attributeIn(head, "viewBox"));
      const frame = viewBox(svg.getAttribute("viewBox"));
      const sizing = picture ? ["width", "height", "viewBox"] : [];
      for (const [, name, value] of head.slice(0, head.indexOf(">")).matchAll(/([\w:-]+)="([^"]*)"/g)) {
        if (name === "xmlns" || sizing.includes(name)) continue;
        if (svg.getAttribute(name) !== value) svg.setAttribute(name, value);
      }
      const sameOrigin = picture !== null && frame !== null && picture.x === frame.x && picture.y === frame.y;
      const side = (wanted, kept) => (!sameOrigin || wanted * 2 < kept ? wanted : wanted > kept ? Math.ceil(wanted * 1.25) : kept);
      const [width, height] = picture ? [side(picture.width, frame?.width), side(picture.height, frame?.height)] : [];
      if (picture && (!sameOrigin || width !== frame.width || height !== frame.height)) {
        svg.setAttribute("width", width);
        svg.setAttribute("height", height);
        svg.setAttribute("viewBox", `${picture.x} ${picture.y} ${width} ${height}`);
      }
      this.picture = picture;
      this.showPicture();
    }
    // Lines unchanged but for their place keep their elements, moved to the new place (one a drag
    // moved goes back to where its line puts it). Each line is split from its place once, when it
    // comes; the lines before kept theirs.
    const kept = new Map();
    this.lines.unplaced.forEach((key, i) => {
      const element = this.lines.elements[i];
      if (element) (kept.get(key) ?? kept.set(key, []).get(key)).push(element);
    });
    const groups = lines.slice(1, -1);
    const split = groups.map(placed);
    const elements = split.map(({ unplaced, place }) => {
      const element = kept.get(unplaced)?.shift() ?? null;
      if (element && element.getAttribute("transform") !== place) {
        if (place === null) element.removeAttribute("transform");
        else element.setAttribute("transform", place);
      }
      return element;
    });
    const fresh = groups.filter((_, i) => elements[i] === null);
    if (fresh.length > 0) {
      const template = document.createElement("template");
      template.innerHTML = `<svg xmlns="http://www.w3.org/2000/svg">${fresh.join("")}</svg>`;
      const parsed = [...template.content.firstChild.children];
      // A line that is not one element (a picture not written by the core's `svg::render`): set whole.
      if (parsed.length !== fresh.length) {
        this.lines = null;
        this.patch(svgText);
        return;
      }
      let next = 0;
      elements.forEach((element, i) => {
        if (element === null) elements[i] = parsed[next++];
      });
    }
    const used = new Set(elements);
    for (const element of this.lines.elements) if (!used.has(element)) element.remove();
    // In the new order (boxes are drawn over lines), moving only what is out of place.
    let cursor = svg.querySelector(":scope > style")?.nextElementSibling ?? null;
    for (const element of elements) {
      if (element === cursor) cursor = cursor.nextElementSibling;
      else svg.insertBefore(element, cursor);
    }
    this.lines = { head, groups, unplaced: split.map((line) => line.unplaced), elements };
  }

  apply() {
    this.canvas.style.transform = `translate(${this.x}px, ${this.y}px) scale(${this.scale})`;
    this.container.dataset.scale = this.scale.toFixed(3);
  }

  // The picture's own size on the viewport (`data-picture`: "x y width height", the SVG's
  // viewBox as the core wrote it), which the SVG element may exceed (see `patch`).
  showPicture() {
    const value = this.picture ? `${this.picture.x} ${this.picture.y} ${this.picture.width} ${this.picture.height}` : null;
    if (value === null) delete this.container.dataset.picture;
    else if (this.container.dataset.picture !== value) this.container.dataset.picture = value;
  }

  fit() {
    const svg = this.svg();
    if (!svg) return;
    const width = this.picture?.width ?? Number(svg.getAttribute("width"));
    const height = this.picture?.height ?? Number(svg.getAttribute("height"));
    const box = this.container.getBoundingClientRect();
    if (!width || !height || !box.width || !box.height) return;
    this.scale = Math.min(Math.max(Math.min(box.width / width, box.height / height) * 0.96, MIN_SCALE), 1.25);
    this.x = (box.width - width * this.scale) / 2;
    this.y = Math.max((box.height - height * this.scale) / 2, 0);
    this.fitted = true;
    this.followsFit = true;
    this.apply();
  }

  // Zooms by `factor` around a point of the viewport (its centre by default).
  zoomBy(factor, atX, atY) {
    const box = this.container.getBoundingClientRect();
    const cx = atX ?? box.width / 2;
    const cy = atY ?? box.height / 2;
    const scale = Math.min(Math.max(this.scale * factor, MIN_SCALE), MAX_SCALE);
    const applied = scale / this.scale;
    this.x = cx - (cx - this.x) * applied;
    this.y = cy - (cy - this.y) * applied;
    this.scale = scale;
    this.fitted = true;
    this.followsFit = false;
    this.apply();
  }

  wheel(event) {
    event.preventDefault();
    const box = this.container.getBoundingClientRect();
    this.zoomBy(Math.exp(-event.deltaY * 0.0015), event.clientX - box.left, event.clientY - box.top);
  }

  down(event) {
    this.container.setPointerCapture?.(event.pointerId);
    this.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (this.pointers.size === 2) {
      const [a, b] = [...this.pointers.values()];
      this.gesture = { kind: "pinch", distance: Math.hypot(a.x - b.x, a.y - b.y) };
      return;
    }
    const entity = event.target.closest?.(".rp-entity");
    const relation = event.target.closest?.(".rp-relation");
    const start = { x: event.clientX, y: event.clientY, moved: false };
    if (entity) {
      this.gesture = { kind: "entity", start, group: entity, name: entity.dataset.entity, origin: translation(entity.getAttribute("transform")) };
    } else if (relation) {
      this.gesture = { kind: "relation", start, index: relation.dataset.relation };
    } else {
      this.gesture = { kind: "pan", start, from: { x: this.x, y: this.y } };
    }
  }

  move(event) {
    if (!this.pointers.has(event.pointerId)) return;
    this.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    const gesture = this.gesture;
    if (!gesture) return;
    if (gesture.kind === "pinch" && this.pointers.size === 2) {
      const [a, b] = [...this.pointers.values()];
      const distance = Math.hypot(a.x - b.x, a.y - b.y);
      const box = this.container.getBoundingClientRect();
      this.zoomBy(distance / gesture.distance, (a.x + b.x) / 2 - box.left, (a.y + b.y) / 2 - box.top);
      gesture.distance = distance;
      return;
    }
    const dx = event.clientX - gesture.start.x;
    const dy = event.clientY - gesture.start.y;
    if (Math.hypot(dx, dy) > 3) gesture.start.moved = true;
    if (!gesture.start.moved) return;
    this.followsFit = false;
    if (gesture.kind === "pan") {
      this.x = gesture.from.x + dx;
      this.y = gesture.from.y + dy;
      this.apply();
    } else if (gesture.kind === "entity") {
      gesture.group.setAttribute("transform", `translate(${gesture.origin.x + dx / this.scale} ${gesture.origin.y + dy / this.scale})`);
      gesture.delta = { x: dx / this.scale, y: dy / this.scale };
    }
  }

  up(event, cancelled = false) {
    this.pointers.delete(event.pointerId);
    const gesture = this.gesture;
    if (this.pointers.size > 0 && gesture?.kind !== "pinch") return;
    this.gesture = null;
    if (!gesture || cancelled || gesture.kind === "pinch") return;
    if (gesture.kind === "entity" && gesture.start.moved && gesture.delta) {
      this.onMove(gesture.name, Math.round(gesture.origin.x + gesture.delta.x), Math.round(gesture.origin.y + gesture.delta.y));
    } else if (!gesture.start.moved) {
      if (gesture.kind === "entity") this.onSelect("entity", gesture.name);
      else if (gesture.kind === "relation") this.onSelect("relation", gesture.index);
      else this.onSelect("none", "");
    }
  }

  // The group of one entity (by name) or relation (by index).
  find(kind, id) {
    const attribute = kind === "entity" ? "data-entity" : "data-relation";
    return this.canvas.querySelector(`[${attribute}="${CSS.escape(String(id))}"]`);
  }

  // Marks one entity or relation as selected (kind "none" clears).
  highlight(kind, id) {
    this.selected = kind === "none" ? null : { kind, id };
    for (const element of this.canvas.querySelectorAll(".rp-selected")) element.classList.remove("rp-selected");
    if (kind === "none") return;
    this.find(kind, id)?.classList.add("rp-selected");
  }

  // Pans an entity or relation that is not wholly in view to the middle of the view.
  reveal(kind, id) {
    const target = kind === "none" ? null : this.find(kind, id);
    const view = this.container.getBoundingClientRect();
    if (!target || !view.width || !view.height) return;
    const box = target.getBoundingClientRect();
    if (box.left >= view.left && box.right <= view.right && box.top >= view.top && box.bottom <= view.bottom) return;
    this.x += view.left + view.width / 2 - (box.left + box.width / 2);
    this.y += view.top + view.height / 2 - (box.top + box.height / 2);
    this.followsFit = false;
    this.apply();
  }

  // Renders the picture to a PNG (twice the size, on the theme's background) and downloads it.
  async exportPng(svgText, fileName) {
    const image = new Image();
    const url = URL.createObjectURL(new Blob([svgText], { type: "image/svg+xml" }));
    try {
      await new Promise((resolve, reject) => {
        image.onload = resolve;
        image.onerror = () => reject(new Error("the diagram could not be drawn"));
        image.src = url;
      });
      const canvas = document.createElement("canvas");
      canvas.width = image.naturalWidth * 2;
      canvas.height = image.naturalHeight * 2;
      const context = canvas.getContext("2d");
      context.fillStyle = "#ffffff";
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/png"));
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = fileName;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    } finally {
      URL.revokeObjectURL(url);
    }
  }
}

/** The entity names of the picture's group lines (their `data-entity` attributes, as escaped). */
function entityNamesIn(groups) {
  const names = new Set();
  for (const line of groups) {
    const name = /^<g class="rp-entity[^"]*" data-entity="([^"]*)"/.exec(line);
    if (name) names.add(name[1]);
  }
  return names;
}

// A group's place: the transform of its opening tag (a box's `translate(x y)`).
const PLACE = /^(<g [^>]*?) transform="([^"]*)"/;

/** A group's line without its place, and the place (null for a group that has none). */
function placed(line) {
  const match = PLACE.exec(line);
  return match ? { unplaced: match[1] + line.slice(match[0].length), place: match[2] } : { unplaced: line, place: null };
}

/** The x and y of a `translate(x y)` transform (0 for what is missing). */
function translation(transform) {
  const [x = 0, y = 0] = /translate\(([^)]*)\)/.exec(transform ?? "")?.[1].split(/[\s,]+/).map(Number) ?? [];
  return { x, y };
}

/** The value of `name` in an opening tag, or null. */
function attributeIn(tag, name) {
  return new RegExp(` ${name}="([^"]*)"`).exec(tag.slice(0, tag.indexOf(">")))?.[1] ?? null;
}

/** A viewBox value as numbers, or null without a whole one. */
function viewBox(value) {
  const values = value?.trim().split(/[\s,]+/).map(Number);
  if (!values || values.length !== 4 || values.some(Number.isNaN)) return null;
  const [x, y, width, height] = values;
  return { x, y, width, height };
}

/** Whether two opening lines have the same style (the rest of the tag is its size, set in place). */
function sameStyle(head, other) {
  return head.slice(head.indexOf("<style>")) === other.slice(other.indexOf("<style>"));
}

window.relplayDiagram = {
  mount: (container, onSelect, onMove) => new DiagramController(container, onSelect, onMove),
};
