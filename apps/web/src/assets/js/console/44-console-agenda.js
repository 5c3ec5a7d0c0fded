/*
 * Console agenda, enhancements only: a Print button on the bus list, the site-visit
 * fields shown for site visits only, and dragging a
 * session on the grid to another room or time, which sends the same move form as the
 * Move page (a clash comes back as that page, with its "keep anyway").
 */
(function () {
  'use strict';
  var print = document.querySelector('[data-ca-print]');
  if (print) {
    print.hidden = false;
    print.addEventListener('click', function () {
      window.print();
    });
  }
  // The site-visit part of the session form shows only when the kind is a site visit.
  var kind = document.querySelector('.ca-form select[name=kind]');
  var visit = document.querySelector('.ca-visit');
  if (kind && visit) {
    var toggle = function () {
      visit.hidden = kind.value !== 'site_visit';
    };
    kind.addEventListener('change', toggle);
    toggle();
  }
  var grid = document.querySelector('.ca-grid[data-day]');
  var token = document.querySelector('input[name=_csrf]');
  var hour = grid && grid.querySelector('.ca-hour');
  if (!grid || !token || !hour) return;
  var dragged = null;
  var grab = 0;
  var pad = function (n) {
    return (n < 10 ? '0' : '') + n;
  };
  var hhmm = function (m) {
    return pad(Math.floor(m / 60)) + ':' + pad(m % 60);
  };
  grid.addEventListener('dragstart', function (e) {
    dragged = e.target.closest ? e.target.closest('[data-move]') : null;
    if (!dragged) return;
    grab = e.clientY - dragged.getBoundingClientRect().top;
    e.dataTransfer.setData('text/plain', dragged.getAttribute('data-session'));
  });
  grid.addEventListener('dragover', function (e) {
    if (dragged) e.preventDefault();
  });
  grid.addEventListener('drop', function (e) {
    if (!dragged) return;
    e.preventDefault();
    var rooms = grid.querySelectorAll('[data-room]');
    var room = null;
    for (var i = 0; i < rooms.length; i++) {
      var r = rooms[i].getBoundingClientRect();
      if (e.clientX >= r.left && e.clientX < r.right) room = rooms[i];
    }
    var top = hour.getBoundingClientRect();
    var row = top.height / 4;
    var start =
      Number(grid.getAttribute('data-from')) + Math.round((e.clientY - grab - top.top) / row) * 15;
    var length =
      Number(dragged.getAttribute('data-end')) - Number(dragged.getAttribute('data-start'));
    if (!room || start < 0 || start + length > 1440) return;
    var form = document.createElement('form');
    form.method = 'post';
    form.action = dragged.getAttribute('data-move');
    var fields = {
      _csrf: token.value,
      day: grid.getAttribute('data-day'),
      startsAt: hhmm(start),
      endsAt: hhmm(start + length),
      roomId: room.getAttribute('data-room'),
    };
    for (var name in fields) {
      var input = document.createElement('input');
      input.type = 'hidden';
      input.name = name;
      input.value = fields[name];
      form.appendChild(input);
    }
    document.body.appendChild(form);
    form.submit();
  });
})();
