/* Announcements: show the organisation or country choice only for the audience that needs it. */
(function () {
  'use strict';
  var audience = document.querySelector('.cm-compose #f-audience');
  if (!audience) return;
  var needs = { 'f-organisationId': 'organisation', 'f-country': 'country' };
  function sync() {
    Object.keys(needs).forEach(function (id) {
      var input = document.getElementById(id);
      var field = input && input.closest('.field');
      if (field) field.style.display = audience.value === needs[id] ? '' : 'none';
    });
  }
  audience.addEventListener('change', sync);
  sync();
})();
