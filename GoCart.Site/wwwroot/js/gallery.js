// Filters the map gallery as you type (the form also filters on the server without JavaScript).
(() => {
  'use strict';
  const input = document.querySelector('input[data-filter]');
  const gallery = input && document.querySelector(input.dataset.filter);
  if (!gallery) return;
  input.addEventListener('input', () => {
    const query = input.value.trim().toLowerCase();
    for (const item of gallery.children) {
      item.hidden = query !== '' && !item.dataset.name.includes(query);
    }
  });
})();
