/* Calendar link: a Copy button next to the address (without script, the field is selectable). */
(function () {
  'use strict';
  document.querySelectorAll('input[data-copy-label]').forEach(function (input) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'btn secondary small cal-copy';
    button.textContent = input.getAttribute('data-copy-label');
    button.addEventListener('click', function () {
      input.select();
      var done = function () {
        button.textContent = input.getAttribute('data-copied-label');
      };
      if (navigator.clipboard) navigator.clipboard.writeText(input.value).then(done, done);
      else if (document.execCommand('copy')) done();
    });
    input.addEventListener('focus', function () {
      input.select();
    });
    input.parentNode.appendChild(button);
  });
})();
