// Tværs: small progressive enhancements. Every page works without this file.
(function () {
  'use strict';

  function focusErrorSummary(root) {
    var summary = (root || document).querySelector('[data-error-summary]');
    if (summary) {
      summary.focus();
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (window.DKFDS && typeof window.DKFDS.init === 'function') {
      window.DKFDS.init();
    }
    focusErrorSummary(document);
  });

  // htmx requests carry the CSRF token from the page's meta tags.
  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="csrf-token"]');
    var header = document.querySelector('meta[name="csrf-header"]');
    if (token && header) {
      event.detail.headers[header.getAttribute('content')] = token.getAttribute('content');
    }
  });
})();
