// Browser services for the relplay app: the address bar, local storage, the embedding page
// (postMessage) and the page's height. Exposed as `window.relplayBrowser`; the app reaches it only
// through src/interop.

// A share link's payload, `v1.` + base64url(raw deflate(the playground's JSON)), as the core's
// share::encode writes it and share::decode reads it: compressed by the browser
// (CompressionStream), off the page's wasm, which then holds no compressor. A browser without
// "deflate-raw" gets stored (uncompressed) deflate blocks: longer, and just as readable.
async function deflateRaw(bytes) {
  try {
    const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate-raw"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch {
    const blocks = [];
    for (let start = 0; start === 0 || start < bytes.length; start += 65535) {
      const chunk = bytes.subarray(start, start + 65535);
      const last = start + 65535 >= bytes.length;
      const header = new Uint8Array([last ? 1 : 0, chunk.length & 255, chunk.length >> 8, ~chunk.length & 255, (~chunk.length >> 8) & 255]);
      blocks.push(header, chunk);
    }
    return new Uint8Array(await new Blob(blocks).arrayBuffer());
  }
}

function base64url(bytes) {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

const api = {
  // `then(payload)` with the share payload of the playground given as JSON.
  sharePayload(json, then) {
    deflateRaw(new TextEncoder().encode(json)).then((compressed) => then(`v1.${base64url(compressed)}`));
  },

  queryParam(name) {
    return new URLSearchParams(window.location.search).get(name);
  },

  hash() {
    return window.location.hash;
  },

  // Replaces the hash without adding a history entry or scrolling.
  replaceHash(hash) {
    const url = `${window.location.pathname}${window.location.search}${hash}`;
    if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
      window.history.replaceState(window.history.state, "", url);
    }
  },

  // The page's address without query and hash: where links and "Open in relplay" point.
  pageBase() {
    return `${window.location.origin}${window.location.pathname}`;
  },

  onHashChange(callback) {
    window.addEventListener("hashchange", () => callback(window.location.hash));
  },

  // Tab and Shift+Tab go round the controls of `element` (a modal dialog) instead of leaving it.
  keepFocusIn(element) {
    element.addEventListener("keydown", (event) => {
      if (event.key !== "Tab") return;
      const controls = [...element.querySelectorAll("button, input, select, textarea, a[href], [tabindex]:not([tabindex='-1'])")]
        .filter((control) => !control.disabled && control.getClientRects().length > 0);
      if (controls.length === 0) return;
      const [first, last] = [controls[0], controls[controls.length - 1]];
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    });
  },

  focus(selector) {
    document.querySelector(selector)?.focus();
  },

  // Hidden (another tab, a minimised window) or left: the last moment to save for sure.
  onPageHide(callback) {
    window.addEventListener("pagehide", () => callback());
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "hidden") callback();
    });
  },

  // Storage can be refused (private modes, sandboxed iframes): every call tolerates that.
  storageGet(key) {
    try {
      return window.localStorage.getItem(key);
    } catch {
      return null;
    }
  },

  storageSet(key, value) {
    try {
      window.localStorage.setItem(key, value);
      return true;
    } catch {
      return false;
    }
  },

  storageRemove(key) {
    try {
      window.localStorage.removeItem(key);
    } catch {
      // Nothing to remove where storage is refused.
    }
  },

  inFrame() {
    try {
      return window.parent !== window;
    } catch {
      return true;
    }
  },

  // Messages to the embedding page. The payload is the user's own schema, shown by that page.
  postToParent(message) {
    if (api.inFrame()) window.parent.postMessage(message, "*");
  },

  // Calls `callback(data)` for messages from the embedding page whose data is an object.
  onParentMessage(callback) {
    window.addEventListener("message", (event) => {
      if (event.source !== window.parent || event.data === null || typeof event.data !== "object") return;
      callback(event.data);
    });
  },

  // Calls `callback(height)` with the app's height whenever it changes. The app's own box is
  // measured, not the document: the document is at least as tall as the frame, so a frame that
  // once grew would never shrink back to its content.
  // Called before the app is on the page: measuring starts once it is.
  observeHeight(callback) {
    const app = document.querySelector(".app");
    if (!app) {
      requestAnimationFrame(() => api.observeHeight(callback));
      return;
    }
    let last = -1;
    const report = () => {
      const height = Math.ceil(app.getBoundingClientRect().height);
      if (height !== last) {
        last = height;
        callback(height);
      }
    };
    new ResizeObserver(report).observe(app);
    report();
  },

  // Runs `callback` once the next frame is painted: a view that follows a selection made in
  // another (scrolling to it, marking it) does so after the frame that answers the key or click.
  afterNextPaint(callback) {
    requestAnimationFrame(() => setTimeout(callback, 0));
  },

  setTheme(theme) {
    if (theme === "light" || theme === "dark") document.documentElement.dataset.theme = theme;
    else delete document.documentElement.dataset.theme;
  },
};

window.relplayBrowser = api;
