/* Progressive enhancement only: every page works without this file. */
(function () {
  'use strict';
  // A form sent twice by an impatient tap on a slow link: disable its buttons once sent.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || form.dataset.sending) return;
    form.dataset.sending = '1';
    window.setTimeout(function () {
      form.querySelectorAll('button[type=submit],button:not([type])').forEach(function (b) {
        b.disabled = true;
      });
    }, 0);
  });
  // Confirmations for destructive buttons (the server asks again where it matters).
  document.addEventListener('click', function (event) {
    var el = event.target instanceof Element ? event.target.closest('[data-confirm]') : null;
    if (el && !window.confirm(el.getAttribute('data-confirm') || '')) event.preventDefault();
  });
  // Focus the error summary so screen readers and keyboards land on it.
  var summary = document.querySelector('.error-summary');
  if (summary) summary.focus();
})();
