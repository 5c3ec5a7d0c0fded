/* Console visas: enhancements only (print button, tick every row); every form works without them. */
(function () {
  'use strict';
  var buttons = document.querySelectorAll('[data-cv-print]');
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].hidden = false;
    buttons[i].addEventListener('click', function () {
      window.print();
    });
  }
  var all = document.querySelector('[data-cv-select-all]');
  if (all && all.form) {
    var rows = all.form.querySelectorAll('input[name=registrationId]');
    all.hidden = false;
    all.addEventListener('change', function () {
      for (var j = 0; j < rows.length; j++) rows[j].checked = all.checked;
    });
  }
})();
