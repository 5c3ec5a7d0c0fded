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

/* Announcement delivery: refresh the numbers in place while emails wait (no page reload). */
(function () {
  'use strict';
  var live = document.getElementById('delivery-live');
  if (!live || !live.getAttribute('data-poll') || !window.fetch || !window.DOMParser) return;
  var every = Number(live.getAttribute('data-poll')) * 1000 || 3000;
  function tick() {
    window
      .fetch(window.location.href, { credentials: 'same-origin' })
      .then(function (response) {
        return response.ok ? response.text() : Promise.reject(response.status);
      })
      .then(function (html) {
        var next = new DOMParser().parseFromString(html, 'text/html');
        var nextLive = next.getElementById('delivery-live');
        var nextRest = next.getElementById('delivery-rest');
        var rest = document.getElementById('delivery-rest');
        if (!nextLive || !nextRest || !rest) return;
        live.innerHTML = nextLive.innerHTML;
        rest.innerHTML = nextRest.innerHTML;
        if (nextLive.getAttribute('data-poll')) window.setTimeout(tick, every);
      })
      .catch(function () {
        window.setTimeout(tick, every * 3);
      });
  }
  window.setTimeout(tick, every);
})();
