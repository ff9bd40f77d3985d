// Result view panels, enhanced: zoom and pan every panel together, or one alone when its "Zoom this panel only"
// box is ticked (wheel, drag, pinch with pointer events, and the keys + - 0 and Shift+arrows), the area legend
// re-rounded to the zoom and the grid kept to its square, the grid's opacity live, a panel switched between views
// or columns morphing point by point into the server's drawing of the new view, and "Play" stepping a cartogram
// panel through the dataset's computed columns (a time series); with reduced motion asked for, panels switch at
// once. Without JavaScript the same choices are a GET form and links, one per column.
(() => {
  'use strict';
  const NUMBER = /-?\d+(?:\.\d+)?/g;
  const STEP = 1.25;

  for (const result of document.querySelectorAll('.result')) {
    const form = result.querySelector('.view-form');
    if (!form) continue;
    const zoom = setUpZoom(result);
    setUpGrid(result, form);
    const switchPanel = setUpPanelSwitch(result, form, zoom);
    setUpPlay(result, form, switchPanel);
  }

  function nice(value) {
    const power = Math.pow(10, Math.floor(Math.log10(value)));
    const mantissa = value / power;
    return (mantissa < 1.5 ? 1 : mantissa < 3.5 ? 2 : mantissa < 7.5 ? 5 : 10) * power;
  }

  function format(value) {
    const scaled = (v, unit, word) => `${Number((v / unit).toFixed(2))} ${word}`;
    if (value >= 1e12) return scaled(value, 1e12, 'trillion');
    if (value >= 1e9) return scaled(value, 1e9, 'billion');
    if (value >= 1e6) return scaled(value, 1e6, 'million');
    if (value >= 1000) return Math.round(value).toLocaleString('en-GB');
    return String(Number(value.toFixed(4)));
  }

  function setUpZoom(result) {
    const shared = { k: 1, x: 0, y: 0 };
    const own = new Map();
    const maps = () => [...result.querySelectorAll('svg.map')];
    const tools = result.querySelector('.zoom-tools');
    tools.hidden = false;
    setUpToolbar(tools);
    result.classList.add('zoomable');

    // A panel zoomed alone keeps its own state; the others share one.
    const stateOf = (svg) => {
      const figure = svg.closest('figure.panel');
      return figure && figure.querySelector('[data-zoom-alone]')?.checked ? own.get(figure) : shared;
    };
    for (const box of result.querySelectorAll('[data-zoom-alone]')) {
      box.closest('label').hidden = false;
      box.addEventListener('change', () => {
        const figure = box.closest('figure.panel');
        if (box.checked) own.set(figure, { ...shared });
        else own.delete(figure);
        apply();
      });
    }

    const apply = () => {
      for (const svg of maps()) {
        const state = stateOf(svg);
        svg.querySelector('g.viewport')?.setAttribute('transform', `translate(${state.x.toFixed(2)} ${state.y.toFixed(2)}) scale(${state.k.toFixed(4)})`);
        rescaleLegend(svg, state.k);
        svg.dataset.zoom = state.k.toFixed(4);
      }
    };

    // Zoom by a factor about a point in the maps' own units.
    const zoomAbout = (state, factor, px, py) => {
      const k = Math.min(40, Math.max(1, state.k * factor));
      const applied = k / state.k;
      state.x = px - (px - state.x) * applied;
      state.y = py - (py - state.y) * applied;
      state.k = k;
      if (k === 1) { state.x = 0; state.y = 0; }
      apply();
    };
    const centre = () => {
      const box = maps()[0].viewBox.baseVal;
      return [box.width / 2, box.height / 2];
    };
    const toUnits = (svg, clientX, clientY) => {
      const rect = svg.getBoundingClientRect();
      const box = svg.viewBox.baseVal;
      return [(clientX - rect.left) * box.width / rect.width, (clientY - rect.top) * box.width / rect.width];
    };
    const pan = (state, dx, dy) => { if (state.k > 1) { state.x += dx; state.y += dy; apply(); } };
    const reset = (state) => { state.k = 1; state.x = 0; state.y = 0; apply(); };

    // The toolbar's buttons zoom the panels that zoom together; its reset resets every panel.
    tools.addEventListener('click', (event) => {
      const button = event.target.closest('[data-zoom]');
      if (!button) return;
      if (button.dataset.zoom === 'in') zoomAbout(shared, STEP, ...centre());
      else if (button.dataset.zoom === 'out') zoomAbout(shared, 1 / STEP, ...centre());
      else {
        for (const state of own.values()) Object.assign(state, { k: 1, x: 0, y: 0 });
        reset(shared);
      }
    });

    result.addEventListener('keydown', (event) => {
      if (!event.target.closest('svg.map, .zoom-tools')) return;
      const svg = event.target.closest('svg.map');
      const state = svg ? stateOf(svg) : shared;
      const arrows = { ArrowLeft: [40, 0], ArrowRight: [-40, 0], ArrowUp: [0, 40], ArrowDown: [0, -40] };
      if (event.key === '+' || event.key === '=') zoomAbout(state, STEP, ...centre());
      else if (event.key === '-' || event.key === '_') zoomAbout(state, 1 / STEP, ...centre());
      else if (event.key === '0') reset(state);
      else if (event.shiftKey && arrows[event.key]) pan(state, ...arrows[event.key]);
      else return;
      event.preventDefault();
      event.stopImmediatePropagation();
    }, true);

    const panels = result.querySelector('.maps');
    panels.addEventListener('wheel', (event) => {
      const svg = event.target.closest('svg.map');
      if (!svg) return;
      event.preventDefault();
      zoomAbout(stateOf(svg), event.deltaY < 0 ? STEP : 1 / STEP, ...toUnits(svg, event.clientX, event.clientY));
    }, { passive: false });

    // Drag to pan, two fingers to pinch; a press that hardly moves stays a click (it pins a region).
    const pointers = new Map();
    let pinch = null;
    panels.addEventListener('pointerdown', (event) => {
      const svg = event.target.closest('svg.map');
      if (!svg) return;
      pointers.set(event.pointerId, { svg, x: event.clientX, y: event.clientY, moved: false });
      if (pointers.size === 2) {
        const [a, b] = [...pointers.values()];
        pinch = { distance: Math.hypot(a.x - b.x, a.y - b.y) };
      }
    });
    panels.addEventListener('pointermove', (event) => {
      const pointer = pointers.get(event.pointerId);
      if (!pointer) return;
      const state = stateOf(pointer.svg);
      const rect = pointer.svg.getBoundingClientRect();
      const scale = pointer.svg.viewBox.baseVal.width / rect.width;
      if (pointers.size === 2 && pinch) {
        pointer.x = event.clientX;
        pointer.y = event.clientY;
        const [a, b] = [...pointers.values()];
        const distance = Math.hypot(a.x - b.x, a.y - b.y);
        if (pinch.distance > 0) zoomAbout(state, distance / pinch.distance, ...toUnits(pointer.svg, (a.x + b.x) / 2, (a.y + b.y) / 2));
        pinch.distance = distance;
        return;
      }
      const dx = event.clientX - pointer.x;
      const dy = event.clientY - pointer.y;
      if (!pointer.moved && Math.hypot(dx, dy) < 4) return;
      pointer.moved = true;
      pointer.x = event.clientX;
      pointer.y = event.clientY;
      pan(state, dx * scale, dy * scale);
    });
    const release = (event) => {
      pointers.delete(event.pointerId);
      if (pointers.size < 2) pinch = null;
    };
    panels.addEventListener('pointerup', release);
    panels.addEventListener('pointercancel', release);
    return { apply };
  }

  // A toolbar is one tab stop (WAI-ARIA's toolbar pattern, a roving tabindex): the left and right arrows, Home and
  // End move between its buttons. Shift with the arrows still pans the maps (the zoom keys are caught before this).
  function setUpToolbar(toolbar) {
    const buttons = [...toolbar.querySelectorAll('button')];
    buttons.forEach((button, k) => { button.tabIndex = k === 0 ? 0 : -1; });
    toolbar.addEventListener('keydown', (event) => {
      const at = buttons.indexOf(event.target);
      const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: buttons.length - 1 }[event.key];
      if (at < 0 || to === undefined || event.shiftKey) return;
      const next = buttons[(to + buttons.length) % buttons.length];
      buttons[at].tabIndex = -1;
      next.tabIndex = 0;
      next.focus();
      event.preventDefault();
    });
  }

  // The legend square stays about its size on screen and says what it is worth at this zoom; the grid follows it.
  function rescaleLegend(svg, k) {
    const legend = svg.querySelector('g.legend');
    if (!legend) return;
    const q0 = Number(legend.dataset.quantity);
    const s0 = Number(legend.dataset.side);
    const bottom = Number(legend.dataset.bottom);
    const quantity = nice(q0 / (k * k));
    const side = s0 * k * Math.sqrt(quantity / q0);
    const rect = legend.querySelector('rect');
    const text = legend.querySelector('text');
    rect.setAttribute('width', side.toFixed(2));
    rect.setAttribute('height', side.toFixed(2));
    rect.setAttribute('y', (bottom - side).toFixed(2));
    text.setAttribute('x', (Number(rect.getAttribute('x')) + side + 6).toFixed(2));
    text.setAttribute('y', (bottom - side / 2 + 4).toFixed(2));
    text.textContent = `= ${format(quantity)}${legend.dataset.unit ? ' ' + legend.dataset.unit : ''}`;
    const pattern = svg.querySelector('pattern');
    if (pattern) {
      const cell = side / k;
      pattern.setAttribute('width', cell.toFixed(4));
      pattern.setAttribute('height', cell.toFixed(4));
      pattern.querySelector('path').setAttribute('d', `M${cell.toFixed(4)} 0H0V${cell.toFixed(4)}`);
    }
  }

  function setUpGrid(result, form) {
    const opacity = form.querySelector('.grid-opacity');
    const size = form.querySelector('.grid-size');
    opacity?.addEventListener('input', () => {
      for (const path of result.querySelectorAll('svg.map pattern path')) path.setAttribute('stroke-opacity', String(Number(opacity.value) / 100));
    });
    // Another square size is another legend: the server draws it.
    size?.addEventListener('change', () => form.requestSubmit());
  }

  // Switching a panel: the page with the new choice is fetched (kept, so playing again fetches nothing), the panel
  // morphs into its drawing there and adopts it; a panel the page cannot morph (one waiting for its column, or a
  // view not drawn yet) is loaded as a whole page instead. Resolves to false when it did not morph.
  function setUpPanelSwitch(result, form, zoom) {
    const pages = new Map();
    const fetchPage = async (url) => {
      if (!pages.has(url)) {
        pages.set(url, fetch(url, { headers: { Accept: 'text/html' } })
          .then(async (answer) => (answer.ok ? new DOMParser().parseFromString(await answer.text(), 'text/html') : null))
          .catch(() => null));
      }
      return pages.get(url);
    };
    const switchPanel = async (select, { navigate = true } = {}) => {
      const figure = select.closest('figure.panel');
      const svg = figure.querySelector('svg.map');
      const query = new URLSearchParams(new FormData(form));
      query.delete('add');
      query.delete('remove');
      const url = `${location.pathname}?${query}`;
      const page = svg ? await fetchPage(url) : null;
      const next = page?.querySelector(`figure.panel[data-panel="${figure.dataset.panel}"]`);
      const nextSvg = next?.querySelector('svg.map');
      if (!nextSvg) {
        if (navigate) location.assign(url);
        return false;
      }
      await morph(svg, nextSvg);
      adopt(svg, nextSvg.cloneNode(true));
      figure.dataset.type = next.dataset.type;
      figure.querySelector('figcaption').textContent = next.querySelector('figcaption').textContent;
      const exports = [...next.querySelectorAll('.panel-exports a')];
      figure.querySelectorAll('.panel-exports a').forEach((link, k) => { if (exports[k]) link.href = exports[k].getAttribute('href'); });
      history.replaceState(null, '', url);
      zoom.apply();
      result.dispatchEvent(new CustomEvent('panel-switched', { detail: { svg } }));
      return true;
    };
    for (const select of form.querySelectorAll('select.panel-type')) {
      select.addEventListener('change', () => switchPanel(select));
    }
    return switchPanel;
  }

  // "Play" steps its panel through every computed column, one morph and a pause each, then stops on the last;
  // pressed while playing, it stops where it is.
  function setUpPlay(result, form, switchPanel) {
    const button = result.querySelector('[data-play]');
    if (!button) return;
    const figure = result.querySelector(`figure.panel[data-panel="${button.dataset.play}"]`);
    const select = figure?.querySelector('select.panel-type');
    const status = result.querySelector('#play-status');
    const steps = select ? [...select.options].filter((o) => o.value.startsWith('contiguous') && o.dataset.computed === 'true') : [];
    if (steps.length < 2) return;
    button.hidden = false;
    // Without the morph's second of motion, each column is held a little longer.
    const hold = () => new Promise((done) => setTimeout(done, matchMedia('(prefers-reduced-motion: reduce)').matches ? 1200 : 600));
    let playing = false;
    const stop = () => {
      playing = false;
      button.textContent = 'Play through the columns';
      button.setAttribute('aria-pressed', 'false');
    };
    button.addEventListener('click', async () => {
      if (playing) { stop(); return; }
      playing = true;
      button.textContent = 'Stop';
      button.setAttribute('aria-pressed', 'true');
      const at = steps.findIndex((o) => o.value === select.value);
      const order = at < 0 || at === steps.length - 1 ? steps : steps.slice(at + 1);
      for (const [k, option] of order.entries()) {
        if (!playing) break;
        select.value = option.value;
        status.textContent = `Column ${steps.indexOf(option) + 1} of ${steps.length}: ${option.closest('optgroup').label}`;
        if (!await switchPanel(select, { navigate: false })) break;
        figure.dataset.step = String(steps.indexOf(option));
        if (k < order.length - 1) await hold();
      }
      stop();
    });
  }

  // Every region's numbers move from where they are to where the new drawing has them.
  function morph(svg, nextSvg) {
    const pairs = [...svg.querySelectorAll('g.regions path[data-i]')].map((path) => {
      const twin = nextSvg.querySelector(`g.regions path[data-i="${path.dataset.i}"]`);
      const d = path.getAttribute('d');
      const from = d.match(NUMBER)?.map(Number) ?? [];
      const target = twin?.getAttribute('d') ?? d;
      const to = target.match(NUMBER)?.map(Number) ?? [];
      return { path, parts: target.split(NUMBER), from: from.length === to.length ? from : to, to };
    });
    const labels = svg.querySelector('.labels');
    if (labels) labels.style.visibility = 'hidden';
    const duration = matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : 1000;
    return new Promise((done) => {
      const start = performance.now();
      const step = (now) => {
        const t = duration === 0 ? 1 : Math.min(1, (now - start) / duration);
        const eased = t < 0.5 ? 2 * t * t : 1 - Math.pow(-2 * t + 2, 2) / 2;
        for (const { path, parts, from, to } of pairs) {
          let d = parts[0];
          for (let k = 0; k < to.length; k++) d += (from[k] + (to[k] - from[k]) * eased).toFixed(1) + parts[k + 1];
          path.setAttribute('d', d);
        }
        if (t < 1) requestAnimationFrame(step);
        else done();
      };
      requestAnimationFrame(step);
    });
  }

  // The new drawing's fills, background, labels, legends and grid, keeping the panel's element (and its keyboard
  // handling). The new drawing's own ids (its clip path and grid pattern) are named after the other page's panel
  // id, which this page may give another panel: they are renamed after this panel's, so ids stay unique.
  function adopt(svg, nextSvg) {
    renameIds(nextSvg, nextSvg.id, svg.id);
    for (const path of nextSvg.querySelectorAll('g.regions path[data-i]')) {
      const own = svg.querySelector(`g.regions path[data-i="${path.dataset.i}"]`);
      own?.setAttribute('fill', path.getAttribute('fill'));
      own?.setAttribute('d', path.getAttribute('d'));
    }
    const regions = svg.querySelector('g.regions');
    const nextRegions = nextSvg.querySelector('g.regions');
    nextRegions.replaceWith(regions);
    for (const element of nextSvg.querySelectorAll('path[data-l] title')) element.remove();
    svg.replaceChildren(...nextSvg.childNodes);
    svg.setAttribute('viewBox', nextSvg.getAttribute('viewBox'));
    svg.setAttribute('aria-label', nextSvg.getAttribute('aria-label'));
  }

  function renameIds(root, from, to) {
    if (from === to) return;
    const prefix = `${from}-`;
    for (const element of root.querySelectorAll('[id]')) {
      if (element.id.startsWith(prefix)) element.id = `${to}-${element.id.slice(prefix.length)}`;
    }
    for (const element of root.querySelectorAll('[clip-path], [fill^="url("], [mask]')) {
      for (const name of ['clip-path', 'fill', 'mask']) {
        const value = element.getAttribute(name);
        if (value?.includes(`#${prefix}`)) element.setAttribute(name, value.replace(`#${prefix}`, `#${to}-`));
      }
    }
  }
})();
