// Filters the map gallery by continent and search term as you choose and type (the form also filters on the
// server without JavaScript). Continents left with no map hide their heading.
(() => {
  'use strict';
  const form = document.querySelector('form[data-gallery]');
  const gallery = form && document.querySelector(form.dataset.gallery);
  if (!gallery) return;
  const search = form.querySelector('input[name=q]');
  const continent = form.querySelector('select[name=continent]');
  const count = document.getElementById('gallery-count');
  const apply = () => {
    const query = search.value.trim().toLowerCase();
    let shown = 0;
    for (const section of gallery.querySelectorAll('section[data-continent]')) {
      let inSection = 0;
      const continentMatches = continent.value === '' || section.dataset.continent === continent.value;
      for (const item of section.querySelectorAll('li[data-search]')) {
        item.hidden = !continentMatches || (query !== '' && !item.dataset.search.includes(query));
        if (!item.hidden) inSection++;
      }
      section.hidden = inSection === 0;
      shown += inSection;
    }
    if (count) count.textContent = `${shown} maps`;
  };
  search.addEventListener('input', apply);
  continent.addEventListener('change', apply);
})();
