/* Registration form: "your profession, if Other" only shows when Other is chosen. */
(function () {
  'use strict';
  var select = document.querySelector('#pa-register select[name=profession]');
  var input = document.getElementById('f-professionOther');
  if (!select || !input) return;
  var field = input.closest('.field');
  function sync() {
    field.hidden = select.value !== 'other' && !field.classList.contains('invalid');
  }
  select.addEventListener('change', sync);
  sync();
})();
