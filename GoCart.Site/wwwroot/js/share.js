// Copy buttons of the share section (shown only when the clipboard can be used).
(() => {
  'use strict';
  if (!navigator.clipboard) return;
  for (const button of document.querySelectorAll('[data-copy]')) {
    const field = document.querySelector(button.dataset.copy);
    if (!field) continue;
    const label = button.textContent;
    button.hidden = false;
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(field.value);
        button.textContent = 'Copied';
      } catch {
        field.select();
        button.textContent = 'Press Ctrl+C to copy';
      }
      setTimeout(() => { button.textContent = label; }, 2500);
    });
  }
})();
