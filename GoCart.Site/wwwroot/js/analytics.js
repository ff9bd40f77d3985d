// Google Analytics (gtag.js), loaded only after the visitor accepted analytics cookies: the layout includes this
// file only then, and the content security policy allows Google's hosts only then.
(() => {
  'use strict';
  const id = document.currentScript && document.currentScript.dataset.trackingId;
  if (!id) return;
  window.dataLayer = window.dataLayer || [];
  window.gtag = function gtag() { window.dataLayer.push(arguments); };
  window.gtag('js', new Date());
  window.gtag('config', id, { anonymize_ip: true });
  const script = document.createElement('script');
  script.async = true;
  script.src = `https://www.googletagmanager.com/gtag/js?id=${encodeURIComponent(id)}`;
  document.head.appendChild(script);
})();
