// Result view enhancements: linked tooltips on the two maps (pointer and keyboard), the one-second morph between
// the equal-area map and the cartogram (at once when reduced motion is asked for), and a sortable table. Without
// JavaScript the maps still show titles as native tooltips and the region table is their text alternative.
(() => {
  'use strict';
  const NUMBER = /-?\d+(?:\.\d+)?/g;

  for (const result of document.querySelectorAll('.result')) {
    setUpTooltips(result);
    setUpMorph(result);
    setUpSorting(result);
  }

  // Pointer and keyboard share one tooltip. Each map is one tab stop (a roving tabindex): arrow keys move
  // between its regions, Home and End go to the first and last, Enter or Space pins the details (a tap or a
  // click does too), Escape closes them and, pressed again, leaves the map for what follows it.
  function setUpTooltips(result) {
    const data = JSON.parse(result.querySelector('.region-data').textContent);
    const tooltip = result.querySelector('.tooltip');
    const after = result.querySelector('#after-maps');
    let current = -1;
    let pinned = false;

    const highlight = (index, on) => {
      for (const path of result.querySelectorAll(`svg.map path[data-i="${index}"]`)) {
        path.classList.toggle('active', on);
        path.classList.toggle('pinned', on && pinned);
      }
    };

    const show = (index, x, y) => {
      if (current !== index) {
        if (current >= 0) highlight(current, false);
        current = index;
        highlight(index, true);
        const region = data[index];
        tooltip.replaceChildren();
        const name = document.createElement('strong');
        name.textContent = region.name;
        tooltip.append(name);
        for (const line of region.lines) tooltip.append(document.createElement('br'), line);
        tooltip.append(document.createElement('br'), `Area error ${region.error}`);
      }
      tooltip.hidden = false;
      const box = result.getBoundingClientRect();
      tooltip.style.left = `${Math.max(0, Math.min(x - box.left + 14, box.width - tooltip.offsetWidth - 4))}px`;
      tooltip.style.top = `${y - box.top + 14}px`;
    };

    // A layer's place or line: its label and layer, on both maps.
    const showLayer = (path, x, y) => {
      if (current >= 0) highlight(current, false);
      current = -1;
      tooltip.replaceChildren(path.dataset.label);
      tooltip.hidden = false;
      const box = result.getBoundingClientRect();
      tooltip.style.left = `${Math.max(0, Math.min(x - box.left + 14, box.width - tooltip.offsetWidth - 4))}px`;
      tooltip.style.top = `${y - box.top + 14}px`;
    };

    const showPath = (path) => {
      const rect = path.getBoundingClientRect();
      show(Number(path.dataset.i), rect.left + rect.width / 2, rect.top + rect.height / 2);
    };

    const hide = () => {
      pinned = false;
      if (current >= 0) highlight(current, false);
      current = -1;
      tooltip.hidden = true;
    };

    const pin = (path) => {
      const index = Number(path.dataset.i);
      pinned = !(pinned && current === index);
      if (current === index) highlight(index, true);
      else showPath(path);
    };

    const moveTo = (from, to) => {
      from.tabIndex = -1;
      to.tabIndex = 0;
      pinned = false;
      to.focus();
    };

    for (const title of result.querySelectorAll('svg.map path[data-l] title')) title.remove();
    for (const map of result.querySelectorAll('svg.map')) {
      const paths = [...map.querySelectorAll('path[data-i]')];
      for (const path of paths) {
        const title = path.querySelector('title');
        if (title) {
          // The native title would pop up over the tooltip: the name moves to the path's own label.
          path.setAttribute('role', 'img');
          path.setAttribute('aria-label', title.textContent);
          title.remove();
        }
      }
      map.addEventListener('keydown', (event) => {
        const path = event.target.closest('path[data-i]');
        if (!path) return;
        const at = paths.indexOf(path);
        const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
        if (step) moveTo(path, paths[(at + step + paths.length) % paths.length]);
        else if (event.key === 'Home') moveTo(path, paths[0]);
        else if (event.key === 'End') moveTo(path, paths[paths.length - 1]);
        else if (event.key === 'Enter' || event.key === ' ') pin(path);
        else if (event.key === 'Escape') {
          if (tooltip.hidden) after?.focus();
          else hide();
        } else return;
        event.preventDefault();
      });
    }

    result.addEventListener('pointermove', (event) => {
      if (pinned) return;
      const layer = event.target.closest('svg.map path[data-l]');
      if (layer) {
        showLayer(layer, event.clientX, event.clientY);
        return;
      }
      const path = event.target.closest('svg.map path[data-i]');
      if (path) show(Number(path.dataset.i), event.clientX, event.clientY);
      else hide();
    });
    result.addEventListener('click', (event) => {
      const path = event.target.closest('svg.map path[data-i]');
      if (path) pin(path);
      else if (pinned) hide();
    });
    result.addEventListener('pointerleave', () => { if (!pinned) hide(); });
    result.addEventListener('focusin', (event) => {
      const path = event.target.closest('svg.map path[data-i]');
      if (path) showPath(path);
    });
    result.addEventListener('focusout', (event) => {
      if (!event.relatedTarget?.closest?.('svg.map path[data-i]')) hide();
    });
  }

  // The panels are looked up when the button is pressed, by what they show (not by their first ids): a panel
  // switch changes that. The morph pairs the first cartogram panel's paths with the equal-area panel's; after a
  // switch (views.js says so with a "panel-switched" event) the button shows only while both panels are there.
  function setUpMorph(result) {
    const button = result.querySelector('[data-morph]');
    if (!button) return;
    const panel = (type) => result.querySelector(`figure.panel[data-type="${type}"] svg.map`)
      ?? (result.querySelector('figure.panel') ? null : result.querySelector(type === 'contiguous' ? 'svg#cartogram' : 'svg#equal-area'));
    let morphed = null;
    let running = false;

    const pairsOf = (cartogram, equalArea) => [...cartogram.querySelectorAll('path[data-i], path[data-l]')].map((path) => {
      const twin = path.dataset.l === undefined
        ? equalArea.querySelector(`path[data-i="${path.dataset.i}"]`)
        : equalArea.querySelector(`path[data-l="${path.dataset.l}"]`);
      const d = path.getAttribute('d');
      const to = (twin?.getAttribute('d') ?? d).match(NUMBER).map(Number);
      const from = d.match(NUMBER).map(Number);
      return { path, parts: d.split(NUMBER), from, to: from.length === to.length ? to : from };
    });

    const draw = (pairs, t) => {
      for (const { path, parts, from, to } of pairs) {
        let d = parts[0];
        for (let k = 0; k < from.length; k++) {
          d += (from[k] + (to[k] - from[k]) * t).toFixed(1) + parts[k + 1];
        }
        path.setAttribute('d', d);
      }
    };

    const reset = () => {
      morphed = null;
      button.textContent = 'Morph to the equal-area map';
      button.hidden = !panel('contiguous') || !panel('equal-area');
    };

    button.addEventListener('click', () => {
      if (running) return;
      const cartogram = morphed?.cartogram ?? panel('contiguous');
      const equalArea = panel('equal-area');
      if (!cartogram || !equalArea) return;
      running = true;
      const forward = morphed === null;
      const pairs = morphed?.pairs ?? pairsOf(cartogram, equalArea);
      const labels = cartogram.querySelector('.labels');
      const start = performance.now();
      // Asked for less motion: the maps change at once instead of morphing over a second.
      const duration = matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : 1000;
      if (labels) labels.style.visibility = 'hidden';
      const step = (now) => {
        const linear = duration === 0 ? 1 : Math.min(1, (now - start) / duration);
        const eased = linear < 0.5 ? 2 * linear * linear : 1 - Math.pow(-2 * linear + 2, 2) / 2;
        draw(pairs, forward ? eased : 1 - eased);
        if (linear < 1) {
          requestAnimationFrame(step);
          return;
        }
        running = false;
        morphed = forward ? { cartogram, pairs } : null;
        if (labels && !forward) labels.style.visibility = '';
        button.textContent = forward ? 'Morph back to the cartogram' : 'Morph to the equal-area map';
        cartogram.dataset.showing = forward ? 'equal-area' : 'cartogram';
      };
      requestAnimationFrame(step);
    });
    result.addEventListener('panel-switched', (event) => {
      // A switched panel that was morphed now shows its new drawing: the morph starts afresh from there.
      if (morphed && event.detail?.svg === morphed.cartogram) morphed.cartogram.dataset.showing = 'cartogram';
      if (!morphed || event.detail?.svg === morphed.cartogram) reset();
      else button.hidden = false;
    });
    reset();
  }

  function setUpSorting(result) {
    const table = result.querySelector('table.sortable');
    if (!table) return;
    const body = table.tBodies[0];
    // The headers become sort buttons here: without a script they are plain headers, not buttons that do nothing.
    table.querySelectorAll('th[data-sort]').forEach((header, column) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.append(...header.childNodes);
      header.append(button);
      header.setAttribute('aria-sort', 'none');
      button.addEventListener('click', () => {
        const ascending = header.getAttribute('aria-sort') !== 'ascending';
        table.querySelectorAll('th[aria-sort]').forEach((th) => th.setAttribute('aria-sort', 'none'));
        header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        const numeric = header.dataset.sort === 'number';
        const key = (row) => {
          const cell = row.children[column];
          if (!numeric) return cell.textContent.trim();
          const value = cell.dataset.value;
          return value === '' ? -Infinity : Number(value);
        };
        const rows = [...body.rows].sort((a, b) => {
          const x = key(a);
          const y = key(b);
          const order = numeric ? x - y : x.localeCompare(y);
          return ascending ? order : -order;
        });
        body.append(...rows);
      });
    });
  }
})();
