/* Registrations table: a "select every row" box in the header (the form works without it). */
(function () {
  'use strict';
  var all = document.querySelector('input[data-cr-all]');
  if (!all) return;
  all.hidden = false;
  var label = all.previousElementSibling;
  if (label) label.parentNode.removeChild(label);
  all.addEventListener('change', function () {
    document.querySelectorAll('input[name=ids]').forEach(function (box) {
      box.checked = all.checked;
    });
  });
})();
