/* Console agenda: a Print button on the bus list (the browser's own print works without it). */
(function () {
  'use strict';
  var print = document.querySelector('[data-ca-print]');
  if (print) {
    print.hidden = false;
    print.addEventListener('click', function () {
      window.print();
    });
  }
})();
