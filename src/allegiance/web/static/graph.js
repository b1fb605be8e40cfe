// allegiance conflict view: pan, zoom and drag the alignment picture, list the claims behind an
// actor or a tie, and redraw everything for another window of years. Our own code, no library;
// it only ever sets text (never HTML) from data, and fetches only from this server.
"use strict";

(() => {
  const view = document.getElementById("conflict-view");
  if (!view) {
    return;
  }
  const holder = document.getElementById("graph");
  const panel = document.getElementById("panel");
  const form = document.getElementById("window-form");
  const slider = document.getElementById("year-slider");
  const yearLabel = document.getElementById("year-label");
  const status = document.getElementById("graph-status");
  const jsonLink = document.getElementById("json-link");
  const SVG_NS = "http://www.w3.org/2000/svg";
  const CLICK_SLOP = 4; // px a pointer may travel and still count as a click
  const ZOOM_STEP = 1.25;
  const MIN_ZOOM = 0.25;
  const MAX_ZOOM = 8;
  const SLIDER_WAIT_MS = 250;

  let data = JSON.parse(document.getElementById("graph-data").textContent);
  let picture = null;
  let draws = Number(holder.dataset.draws || "1");
  let asked = 0; // the latest redraw asked for: answers to older ones are dropped
  let sliderTimer = null;
  let selected = null; // {kind: "node", code} or {kind: "tie", u, v}

  // -- small helpers ---------------------------------------------------------------------

  function element(tag, attributes, text) {
    const made = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      made.setAttribute(name, value);
    }
    if (text !== undefined) {
      made.textContent = text;
    }
    return made;
  }

  function nameOf(code) {
    const node = data.nodes.find((n) => n.code === code);
    return node ? node.name : code;
  }

  function setStatus(text, failed) {
    status.textContent = text;
    status.classList.toggle("error", Boolean(failed));
  }

  // -- tie paths: moved with their end nodes, whatever curve the server drew ---------------

  const LETTER = /^[A-Za-z]$/;

  function pathShape(d) {
    const tokens = d.match(/[A-Za-z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g) || [];
    const numbers = [];
    tokens.forEach((token, i) => {
      if (!LETTER.test(token)) {
        numbers.push(i);
      }
    });
    const pairs = [];
    for (let k = 0; k + 1 < numbers.length; k += 2) {
      pairs.push([numbers[k], numbers[k + 1]]);
    }
    return { tokens: tokens.map((t) => (LETTER.test(t) ? t : Number(t))), pairs };
  }

  // The start point moves with the start node, the end point with the end node, and the
  // control points in between by their share of the way along.
  function movedPath(shape, start, end) {
    const out = shape.tokens.slice();
    const last = shape.pairs.length - 1;
    shape.pairs.forEach(([ix, iy], k) => {
      const share = last > 0 ? k / last : 0;
      out[ix] = Math.round((out[ix] + start.x * (1 - share) + end.x * share) * 10) / 10;
      out[iy] = Math.round((out[iy] + start.y * (1 - share) + end.y * share) * 10) / 10;
    });
    return out.join(" ");
  }

  // -- adopting a drawn picture -----------------------------------------------------------

  function adopt(svg) {
    const nodes = new Map();
    svg.querySelectorAll("g.node[data-code]").forEach((el) => {
      nodes.set(el.dataset.code, { el, x: 0, y: 0 });
      el.setAttribute("tabindex", "0");
      el.setAttribute("role", "button");
      const title = el.querySelector("title");
      if (title) {
        el.setAttribute("aria-label", title.textContent);
      }
    });
    const ties = adoptTies(svg);
    const box = svg.viewBox.baseVal;
    const home = { x: box.x, y: box.y, w: box.width, h: box.height };
    svg.removeAttribute("width");
    svg.removeAttribute("height");
    const adopted = { svg, nodes, ties, home, homeText: svg.getAttribute("viewBox"), box: { ...home } };
    listen(adopted);
    return adopted;
  }

  function adoptTies(svg) {
    const lines = Array.from(svg.querySelectorAll("path.tie"));
    const bands = Array.from(svg.querySelectorAll("g.highlights path"));
    const hits = document.createElementNS(SVG_NS, "g");
    hits.setAttribute("class", "hits");
    const ties = [];
    let odd = 0;
    data.ties.forEach((tie, i) => {
      const band = tie.findings.length ? bands[odd++] : null;
      const line = lines[i];
      if (!line || line.dataset.u !== tie.u || line.dataset.v !== tie.v) {
        return;
      }
      const hit = document.createElementNS(SVG_NS, "path");
      hit.setAttribute("class", "hit");
      hit.setAttribute("d", line.getAttribute("d"));
      hit.setAttribute("fill", "none");
      hit.setAttribute("stroke", "transparent");
      hit.setAttribute("stroke-width", "12");
      hit.setAttribute("pointer-events", "stroke");
      hit.dataset.index = String(ties.length);
      const title = document.createElementNS(SVG_NS, "title");
      title.textContent = tie.title;
      hit.appendChild(title);
      hits.appendChild(hit);
      ties.push({ tie, line, hit, band, shape: pathShape(line.getAttribute("d")) });
    });
    svg.insertBefore(hits, svg.querySelector("g.nodes"));
    return ties;
  }

  // -- moving nodes, panning and zooming --------------------------------------------------

  function moveNode(adopted, code) {
    const node = adopted.nodes.get(code);
    node.el.setAttribute("transform", `translate(${node.x} ${node.y})`);
    const offset = (c) => adopted.nodes.get(c) || { x: 0, y: 0 };
    adopted.ties.forEach((t) => {
      if (t.tie.from !== code && t.tie.to !== code) {
        return;
      }
      const d = movedPath(t.shape, offset(t.tie.from), offset(t.tie.to));
      t.line.setAttribute("d", d);
      t.hit.setAttribute("d", d);
      if (t.band) {
        t.band.setAttribute("d", d);
      }
    });
  }

  function showBox(adopted) {
    const b = adopted.box;
    adopted.svg.setAttribute("viewBox", `${b.x} ${b.y} ${b.w} ${b.h}`);
  }

  function toPicture(svg, clientX, clientY) {
    const point = svg.createSVGPoint();
    point.x = clientX;
    point.y = clientY;
    return point.matrixTransform(svg.getScreenCTM().inverse());
  }

  function zoom(adopted, factor, centre) {
    const b = adopted.box;
    const level = adopted.home.w / (b.w / factor);
    if (level < MIN_ZOOM || level > MAX_ZOOM) {
      return;
    }
    const at = centre || { x: b.x + b.w / 2, y: b.y + b.h / 2 };
    adopted.box = {
      x: at.x - (at.x - b.x) / factor,
      y: at.y - (at.y - b.y) / factor,
      w: b.w / factor,
      h: b.h / factor,
    };
    showBox(adopted);
  }

  function listen(adopted) {
    const svg = adopted.svg;
    let drag = null;
    svg.addEventListener("pointerdown", (ev) => {
      if (ev.button !== 0) {
        return;
      }
      const nodeEl = ev.target.closest("g.node");
      const hitEl = ev.target.closest("path.hit");
      const code = nodeEl ? nodeEl.dataset.code : null;
      const node = code ? adopted.nodes.get(code) : null;
      drag = {
        code,
        hit: hitEl ? Number(hitEl.dataset.index) : null,
        x0: ev.clientX,
        y0: ev.clientY,
        from: node ? { x: node.x, y: node.y } : { ...adopted.box },
        scale: 1 / svg.getScreenCTM().a,
        moved: false,
      };
      svg.setPointerCapture(ev.pointerId);
      ev.preventDefault();
    });
    svg.addEventListener("pointermove", (ev) => {
      if (!drag) {
        return;
      }
      const dx = ev.clientX - drag.x0;
      const dy = ev.clientY - drag.y0;
      if (!drag.moved && Math.hypot(dx, dy) < CLICK_SLOP) {
        return;
      }
      drag.moved = true;
      if (drag.code) {
        const node = adopted.nodes.get(drag.code);
        node.x = drag.from.x + dx * drag.scale;
        node.y = drag.from.y + dy * drag.scale;
        node.el.classList.add("dragging");
        moveNode(adopted, drag.code);
      } else {
        holder.classList.add("panning");
        adopted.box.x = drag.from.x - dx * drag.scale;
        adopted.box.y = drag.from.y - dy * drag.scale;
        showBox(adopted);
      }
    });
    const finish = () => {
      if (!drag) {
        return;
      }
      if (!drag.moved && drag.code) {
        showNode(drag.code);
      } else if (!drag.moved && drag.hit !== null) {
        showTie(adopted.ties[drag.hit].tie);
      }
      if (drag.code) {
        adopted.nodes.get(drag.code).el.classList.remove("dragging");
      }
      holder.classList.remove("panning");
      drag = null;
    };
    svg.addEventListener("pointerup", finish);
    svg.addEventListener("pointercancel", finish);
    svg.addEventListener(
      "wheel",
      (ev) => {
        ev.preventDefault();
        const at = toPicture(svg, ev.clientX, ev.clientY);
        zoom(adopted, ev.deltaY < 0 ? ZOOM_STEP : 1 / ZOOM_STEP, at);
      },
      { passive: false },
    );
    svg.addEventListener("keydown", (ev) => {
      const nodeEl = ev.target.closest && ev.target.closest("g.node");
      if (nodeEl && (ev.key === "Enter" || ev.key === " ")) {
        ev.preventDefault();
        showNode(nodeEl.dataset.code);
      }
    });
  }

  view.querySelectorAll("[data-zoom]").forEach((button) => {
    button.addEventListener("click", () => {
      if (!picture) {
        return;
      }
      const how = button.dataset.zoom;
      if (how === "reset") {
        picture.box = { ...picture.home };
        picture.svg.setAttribute("viewBox", picture.homeText);
      } else {
        zoom(picture, how === "in" ? ZOOM_STEP : 1 / ZOOM_STEP, null);
      }
    });
  });

  // -- the side panel ---------------------------------------------------------------------

  function claimList(ids) {
    const list = element("ul", { class: "claims" });
    ids.forEach((id) => {
      const claim = data.claims[String(id)] || { text: `claim ${id}`, review: null };
      const item = element("li", { class: "claim", "data-claim": String(id) });
      item.append(element("a", { href: `/claims/${id}` }, `#${id}`), " ", claim.text);
      if (claim.review) {
        item.append(" ", element("span", { class: `review review-${claim.review}` }, claim.review));
      }
      list.append(item);
    });
    return list;
  }

  function markSelected() {
    if (!picture) {
      return;
    }
    picture.nodes.forEach((node, code) => {
      node.el.classList.toggle("selected", selected?.kind === "node" && selected.code === code);
    });
    picture.ties.forEach((t) => {
      const on = selected?.kind === "tie" && selected.u === t.tie.u && selected.v === t.tie.v;
      t.line.classList.toggle("selected", on);
    });
  }

  function showNode(code) {
    const node = data.nodes.find((n) => n.code === code);
    if (!node) {
      return;
    }
    selected = { kind: "node", code };
    const parts = [element("h2", {}, node.name), element("p", { class: "muted" }, node.describe)];
    // Arms, alliances and hostility first; shared memberships after them.
    const ties = data.ties
      .filter((t) => t.u === code || t.v === code)
      .sort((a, b) => (a.style === "membership") - (b.style === "membership"));
    if (!ties.length) {
      parts.push(element("p", { class: "muted" }, "No tie of this actor is drawn."));
    }
    ties.forEach((tie) => {
      const other = tie.u === code ? tie.v : tie.u;
      parts.push(element("h3", {}, `${nameOf(other)}: ${tie.kinds.join(", ")}`));
      parts.push(claimList(tie.claims));
    });
    panel.replaceChildren(...parts);
    panel.dataset.showing = code;
    markSelected();
  }

  function showTie(tie) {
    selected = { kind: "tie", u: tie.u, v: tie.v };
    const heading = `${nameOf(tie.from)}${tie.arrow ? " → " : " – "}${nameOf(tie.to)}`;
    const parts = [element("h2", {}, heading)];
    parts.push(element("p", { class: "muted" }, `${tie.style} tie: ${tie.kinds.join(", ")}`));
    if (tie.findings.length) {
      const behind = element("p", {}, "Behind finding ");
      tie.findings.forEach((number, i) => {
        behind.append(i ? ", " : "", element("a", { href: `#finding-${number}` }, String(number)));
      });
      parts.push(behind);
    }
    parts.push(claimList(tie.claims));
    panel.replaceChildren(...parts);
    panel.dataset.showing = `${tie.u}-${tie.v}`;
    markSelected();
  }

  function showNothing() {
    selected = null;
    panel.replaceChildren(
      element("h2", {}, "Claims"),
      element("p", { class: "muted" }, "Click an actor or a tie to list the claims behind it."),
    );
    delete panel.dataset.showing;
  }

  // -- redrawing for another window -------------------------------------------------------

  function windowQuery() {
    const query = new URLSearchParams();
    const from = form.elements.namedItem("from").value.trim();
    if (from) {
      query.set("from", from);
    }
    if (slider.value !== slider.dataset.latest) {
      query.set("to", slider.value);
    }
    const asOf = form.elements.namedItem("as_of").value;
    if (asOf) {
      query.set("as_of", asOf);
    }
    return query.toString();
  }

  async function fetched(url, asJson) {
    const response = await fetch(url, {
      headers: { Accept: asJson ? "application/json" : "text/html" },
      credentials: "same-origin",
    });
    if (asJson) {
      const body = await response.json().catch(() => null);
      if (!response.ok) {
        throw new Error(body && body.error ? body.error : `error ${response.status}`);
      }
      return body;
    }
    if (!response.ok) {
      throw new Error(`error ${response.status}`);
    }
    return response.text();
  }

  function draw(graph, query) {
    const parsed = new DOMParser().parseFromString(graph.svg, "image/svg+xml");
    if (parsed.documentElement.nodeName !== "svg") {
      throw new Error("the server sent a picture that cannot be drawn");
    }
    const svg = document.importNode(parsed.documentElement, true);
    delete graph.svg;
    data = graph;
    holder.replaceChildren(svg);
    picture = adopt(svg);
    holder.dataset.draws = String(++draws);
    holder.dataset.query = query;
    const still = selected?.kind === "node" && data.nodes.some((n) => n.code === selected.code);
    if (still) {
      showNode(selected.code);
    } else {
      showNothing();
    }
  }

  function swapAnalysis(html) {
    const fresh = new DOMParser().parseFromString(html, "text/html").getElementById("analysis");
    const old = document.getElementById("analysis");
    if (fresh && old) {
      old.replaceWith(document.importNode(fresh, true));
    }
  }

  async function redraw() {
    const query = windowQuery();
    const suffix = query ? `?${query}` : "";
    const ask = ++asked;
    setStatus("Redrawing…");
    try {
      const [analysis, html] = await Promise.all([
        fetched(view.dataset.api + suffix, true),
        fetched(view.dataset.fragment + suffix, false),
      ]);
      if (ask !== asked) {
        return;
      }
      draw(analysis.graph, query);
      swapAnalysis(html);
      history.replaceState(null, "", `${window.location.pathname}${suffix}`);
      jsonLink.href = view.dataset.api + suffix;
      const findings = analysis.findings.length;
      setStatus(`${data.nodes.length} actors, ${findings} finding${findings === 1 ? "" : "s"}`);
    } catch (error) {
      if (ask === asked) {
        setStatus(error.message, true);
      }
    }
  }

  slider.addEventListener("input", () => {
    yearLabel.textContent = slider.value;
    clearTimeout(sliderTimer);
    sliderTimer = setTimeout(redraw, SLIDER_WAIT_MS);
  });
  slider.addEventListener("change", () => {
    clearTimeout(sliderTimer);
    redraw();
  });
  ["from", "as_of"].forEach((name) => {
    form.elements.namedItem(name).addEventListener("change", redraw);
  });
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    clearTimeout(sliderTimer);
    redraw();
  });

  picture = adopt(holder.querySelector("svg"));
})();
