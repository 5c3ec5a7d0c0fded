/* Console visas: a print button for the arrivals sheet (the browser's own print works without it). */
(function () {
  'use strict';
  var buttons = document.querySelectorAll('[data-cv-print]');
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].hidden = false;
    buttons[i].addEventListener('click', function () {
      window.print();
    });
  }
})();
