/*
 * Check-in desk and session doors: scans sent without leaving the page, the camera read
 * by the browser's BarcodeDetector when it has one, and scans made while the connection
 * is lost kept in localStorage and sent again until the server answers.
 */
(function () {
  'use strict';
  var page = document.querySelector('.ci-page[data-ci-action]');
  if (!page || !window.fetch || !window.FormData || !window.DOMParser) return;
  var action = page.getAttribute('data-ci-action');
  var form = document.getElementById('ci-code-form');
  var input = document.getElementById('ci-code');
  var queueNote = document.getElementById('ci-queue');
  var KEY = 'convene.checkin.queue';

  function load() {
    try {
      return JSON.parse(window.localStorage.getItem(KEY) || '[]');
    } catch {
      return [];
    }
  }
  function save(queue) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(queue));
    } catch {
      /* storage full or disabled: the scan is shown as not sent */
    }
  }
  function token() {
    var field = form && form.querySelector('input[name="_csrf"]');
    return field ? field.value : '';
  }
  function showQueue() {
    var n = load().length;
    if (!queueNote) return;
    queueNote.hidden = n === 0;
    var words = queueNote.getAttribute('data-words-' + (n === 1 ? 'one' : 'many')) || '';
    queueNote.textContent = words.replace('{n}', String(n));
  }
  function swapIn(html) {
    var next = new DOMParser().parseFromString(html, 'text/html');
    ['ci-result', 'ci-count'].forEach(function (id) {
      var now = document.getElementById(id);
      var fresh = next.getElementById(id);
      if (now && fresh) {
        now.className = fresh.className;
        now.innerHTML = fresh.innerHTML;
      }
    });
  }
  function post(item) {
    var body = new FormData();
    body.append('_csrf', token());
    body.append('code', item.code);
    return window
      .fetch(item.action, {
        method: 'POST',
        body: new URLSearchParams(body),
        credentials: 'same-origin',
      })
      .then(function (response) {
        return response.text();
      });
  }
  var flushing = false;
  function flush() {
    if (flushing) return;
    var queue = load();
    if (queue.length === 0) return showQueue();
    flushing = true;
    post(queue[0])
      .then(function (html) {
        // The server answered (present, already present or not valid): this scan is done.
        save(load().slice(1));
        swapIn(html);
        flushing = false;
        showQueue();
        flush();
      })
      .catch(function () {
        flushing = false;
        showQueue();
        window.setTimeout(flush, 5000);
      });
  }
  function scan(code) {
    if (!code) return;
    // The last person's result must not stand for this scan while it is on its way.
    var result = document.getElementById('ci-result');
    if (result) {
      result.className = 'ci-result';
      result.innerHTML = '';
    }
    var queue = load();
    queue.push({ action: action, code: code, at: new Date().toISOString() });
    save(queue);
    showQueue();
    flush();
  }

  if (form && input) {
    form.addEventListener('submit', function (event) {
      // Sent in place, not by the browser: the page stays, so its button must too (the
      // site-wide guard against double taps would disable it for good).
      event.preventDefault();
      event.stopPropagation();
      var code = input.value.trim();
      input.value = '';
      scan(code);
      input.focus();
    });
  }
  window.addEventListener('online', flush);
  showQueue();
  flush();

  // The camera, where the browser reads QR codes itself; otherwise the typed code and search.
  var camera = document.getElementById('ci-camera');
  var missing = document.getElementById('ci-no-camera');
  var video = document.getElementById('ci-video');
  var toggle = document.getElementById('ci-camera-toggle');
  var canRead =
    'BarcodeDetector' in window && navigator.mediaDevices && navigator.mediaDevices.getUserMedia;
  if (!canRead) {
    if (missing) missing.hidden = false;
    return;
  }
  camera.hidden = false;
  var detector = new window.BarcodeDetector({ formats: ['qr_code'] });
  var stream = null;
  var last = '';
  var lastAt = 0;
  function stop() {
    if (stream)
      stream.getTracks().forEach(function (track) {
        track.stop();
      });
    stream = null;
    toggle.textContent = toggle.getAttribute('data-start');
  }
  function tick() {
    if (!stream) return;
    detector
      .detect(video)
      .then(function (codes) {
        var now = Date.now();
        if (codes.length && (codes[0].rawValue !== last || now - lastAt > 4000)) {
          last = codes[0].rawValue;
          lastAt = now;
          scan(last);
        }
      })
      .catch(function () {})
      .then(function () {
        window.setTimeout(tick, 300);
      });
  }
  toggle.addEventListener('click', function () {
    if (stream) return stop();
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' } })
      .then(function (s) {
        stream = s;
        video.srcObject = s;
        video.play();
        toggle.textContent = toggle.getAttribute('data-stop');
        tick();
      })
      .catch(function () {
        camera.hidden = true;
        if (missing) missing.hidden = false;
      });
  });
})();
