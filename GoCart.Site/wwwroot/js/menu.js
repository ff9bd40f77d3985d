// The navigation's Menu button on narrow screens: without a script the links simply wrap, so the button stays
// hidden until this runs. Escape closes the open menu and gives focus back to the button.
(() => {
  'use strict';
  const nav = document.querySelector('.site-header .nav');
  const button = nav?.querySelector('.menu-button');
  if (!nav || !button) return;
  const setOpen = (open) => {
    nav.classList.toggle('open', open);
    button.setAttribute('aria-expanded', String(open));
  };
  nav.classList.add('has-menu');
  button.hidden = false;
  button.addEventListener('click', () => setOpen(!nav.classList.contains('open')));
  nav.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && nav.classList.contains('open')) {
      setOpen(false);
      button.focus();
    }
  });
})();
