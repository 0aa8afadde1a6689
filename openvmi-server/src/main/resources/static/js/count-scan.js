// Count entry with a scanner or the camera (fix/print): Enter in #count-scan reads the code.
// A location code of the sheet shows only that location's lines; an item code or one of its barcodes (data-codes)
// jumps to its counted field (at the scanned location, if one was scanned); anything else fills the next empty
// found-stock row, where the server resolves barcodes to items and refuses unknown ones at that row.
(function () {
  'use strict';
  // Posting the count asks first: data-confirm on #post-form, handled for every page by openvmi.js.
  var input = document.getElementById('count-scan');
  if (!input) {
    return;
  }
  var message = document.getElementById('count-scan-message');
  var current = null;

  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll('#count-lines tbody tr[data-item]'));
  }

  function focus(field) {
    field.focus();
    if (field.select) {
      field.select();
    }
    if (field.scrollIntoView) {
      field.scrollIntoView({block: 'center'});
    }
  }

  input.addEventListener('keydown', function (event) {
    if (event.key !== 'Enter') {
      return;
    }
    event.preventDefault();
    var code = input.value.trim();
    input.value = '';
    if (!code) {
      return;
    }
    var all = rows();
    var atLocation = all.filter(function (r) { return r.getAttribute('data-location').toUpperCase() === code.toUpperCase(); });
    if (atLocation.length) {
      current = atLocation[0].getAttribute('data-location');
      all.forEach(function (r) { r.hidden = r.getAttribute('data-location') !== current; });
      message.textContent = code;
      return;
    }
    var matches = all.filter(function (r) {
      var codes = (r.getAttribute('data-codes') || '').split(' ');
      return (r.getAttribute('data-item') === code || codes.indexOf(code) >= 0)
             && (current === null || r.getAttribute('data-location') === current);
    });
    all.forEach(function (r) { r.classList.remove('scanned'); });
    if (matches.length) {
      matches[0].hidden = false;
      matches[0].classList.add('scanned');
      message.textContent = matches[0].getAttribute('data-item');
      focus(matches[0].querySelector('input.counted'));
      return;
    }
    for (var f = 0; document.getElementById('found-item-' + f); f++) {
      var item = document.getElementById('found-item-' + f);
      if (!item.value) {
        item.value = code;
        var location = document.getElementById('found-location-' + f);
        if (current && location) {
          location.value = current;
        }
        message.textContent = input.getAttribute('data-not-found');
        focus(document.getElementById('found-counted-' + f));
        return;
      }
    }
    message.textContent = input.getAttribute('data-not-found');
  });
})();
