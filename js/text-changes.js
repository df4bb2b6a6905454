// The changes that turn one text into another, as CodeMirror change specs ({from, to, insert},
// offsets into the old text, in order). A new output usually differs from the last in a few
// places (a renamed model appears in every table that references it), so the editor gets those
// few lines rather than one change spanning them all: it then re-parses and re-draws only them,
// and keeps its scroll position and decorations around them.

/** At most this many changed lines are looked for; past it, the differing middle is one change. */
const EDIT_LIMIT = 500;

export function textChanges(old, text) {
  if (old === text) return [];
  // The common start and end, widened to whole lines.
  const shorter = Math.min(old.length, text.length);
  let start = 0;
  while (start < shorter && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && old.charCodeAt(old.length - 1 - end) === text.charCodeAt(text.length - 1 - end)) end++;
  start = start === 0 ? 0 : old.lastIndexOf("\n", start - 1) + 1;
  const oldEnd = lineEnd(old, old.length - end);
  const newEnd = text.length - (old.length - oldEnd);
  const oldLines = splitLines(old.slice(start, oldEnd));
  const newLines = splitLines(text.slice(start, newEnd));
  const script = lineEdits(oldLines, newLines);
  if (script === null) return [{ from: start, to: oldEnd, insert: text.slice(start, newEnd) }];
  // Runs of deleted and inserted lines between kept ones become one change each.
  const changes = [];
  let offset = start;
  let pending = null;
  const flush = () => {
    if (pending) changes.push(pending);
    pending = null;
  };
  for (const [kind, line] of script) {
    if (kind === "=") {
      flush();
      offset += line.length;
    } else if (kind === "-") {
      pending ??= { from: offset, to: offset, insert: "" };
      offset += line.length;
      pending.to = offset;
    } else {
      pending ??= { from: offset, to: offset, insert: "" };
      pending.insert += line;
    }
  }
  flush();
  return changes;
}

/** The offset just past the line break of the line holding `offset` (or the text's end). */
function lineEnd(text, offset) {
  if (offset === 0 || text[offset - 1] === "\n") return offset;
  const next = text.indexOf("\n", offset);
  return next === -1 ? text.length : next + 1;
}

/** Lines with their line breaks, so that they join back into the text. */
function splitLines(text) {
  const lines = text.split(/(?<=\n)/);
  return lines.length === 1 && lines[0] === "" ? [] : lines;
}

/**
 * The shortest edit script from `a` to `b` (Myers' O(ND) algorithm on lines): a list of
 * ["=", line], ["-", line], ["+", line]; `null` when it needs more than EDIT_LIMIT edits.
 */
function lineEdits(a, b) {
  const ids = new Map();
  const id = (line) => {
    let value = ids.get(line);
    if (value === undefined) ids.set(line, (value = ids.size));
    return value;
  };
  const x = a.map(id);
  const y = b.map(id);
  const n = x.length;
  const m = y.length;
  const max = Math.min(n + m, EDIT_LIMIT);
  // v[k + max + 1] is the furthest i reached on diagonal k (= i - j); trace[d] keeps diagonals
  // -d-1..d+1 as they were before round d, for the way back.
  const base = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice(base - d - 1, base + d + 2));
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && v[base + k - 1] < v[base + k + 1]);
      let i = down ? v[base + k + 1] : v[base + k - 1] + 1;
      let j = i - k;
      while (i < n && j < m && x[i] === y[j]) {
        i++;
        j++;
      }
      v[base + k] = i;
      if (i >= n && j >= m) return backtrack(trace, d, a, b);
    }
  }
  return null;
}

function backtrack(trace, depth, a, b) {
  const script = [];
  let i = a.length;
  let j = b.length;
  for (let d = depth; d > 0; d--) {
    const before = trace[d];
    const at = (k) => before[k + d + 1];
    const k = i - j;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const previousK = down ? k + 1 : k - 1;
    const previousI = at(previousK);
    const previousJ = previousI - previousK;
    // The snake after the edit: lines kept.
    while (i > previousI + (down ? 0 : 1) && j > previousJ + (down ? 1 : 0)) {
      script.push(["=", a[--i]]);
      j--;
    }
    if (down) script.push(["+", b[--j]]);
    else script.push(["-", a[--i]]);
  }
  while (i > 0 && j > 0) {
    script.push(["=", a[--i]]);
    j--;
  }
  return script.reverse();
}
