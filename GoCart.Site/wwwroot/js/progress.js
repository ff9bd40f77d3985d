// Live progress of a queued or running cartogram: polls the progress store (GET /api/progress/{key}) for the
// bar and the status API for the end, never moves the bar backwards, and reloads the page once the cartogram
// has succeeded or failed.
(() => {
  'use strict';
  const panel = document.querySelector('[data-progress-key]');
  if (!panel) return;
  const key = panel.dataset.progressKey;
  const bar = panel.querySelector('progress');
  const stage = panel.querySelector('.stage');
  const stages = {
    queued: 'Waiting for a free worker.',
    starting: 'Starting.',
    reading: 'Reading the map.',
    projecting: 'Projecting the map.',
    computing: 'Computing the cartogram.',
    writing: 'Writing the result.',
    done: 'Done.',
  };
  let best = 0;
  let delay = 500;

  const poll = async () => {
    try {
      const id = encodeURIComponent(key);
      const [progress, response] = await Promise.all([
        fetch(`/api/progress/${id}`, { cache: 'no-store' }),
        fetch(`/api/v1/cartograms/${id}`, { headers: { Accept: 'application/json' }, cache: 'no-store' }),
      ]);
      if (response.ok) {
        const status = await response.json();
        if (status.status === 'succeeded' || status.status === 'failed') {
          bar.value = status.status === 'succeeded' ? 100 : best;
          window.location.reload();
          return;
        }
        const report = progress.ok ? await progress.json() : null;
        best = Math.max(best, Math.round((report?.progress ?? 0) * 100));
        bar.value = best;
        bar.textContent = `${best}%`;
        stage.textContent = `${stages[report?.stage ?? status.stage] ?? 'Working.'} ${best}%`;
        delay = 500;
      } else {
        delay = Math.min(delay * 2, 5000);
      }
    } catch {
      delay = Math.min(delay * 2, 5000);
    }
    setTimeout(poll, delay);
  };
  poll();
})();
