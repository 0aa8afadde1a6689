// The scan page: a USB barcode scanner types the code and presses Enter into #scan-input.
// Every action (scan, post, edit, remove, new batch) goes through one queue, so actions run one after the other, each
// with the state the previous one returned: fast scans are never lost and a second Enter or a double click on "post"
// reaches the server after the first answer (and is replayed there under the same idempotency key).
(function () {
  'use strict';
  var form = document.getElementById('scan-form');
  var field = document.getElementById('scan-input');
  if (!form || !field) {
    return;
  }
  var queue = Promise.resolve();
  var waiting = 0;

  function focusField() {
    if (document.activeElement !== field) {
      field.focus();
    }
  }

  function showNetworkError() {
    var box = document.getElementById('scan-message');
    if (!box) {
      box = document.createElement('div');
      box.id = 'scan-message';
      var state = document.getElementById('scan-state');
      state.insertBefore(box, state.firstChild);
    }
    box.className = 'scan-message error';
    box.setAttribute('role', 'alert');
    box.textContent = form.dataset.networkError;
  }

  function beepOnError() {
    var box = document.getElementById('scan-message');
    if (!box || !box.classList.contains('error')) {
      return;
    }
    try {
      var Ctx = window.AudioContext || window.webkitAudioContext;
      var ctx = new Ctx();
      var osc = ctx.createOscillator();
      osc.frequency.value = 440;
      osc.connect(ctx.destination);
      osc.start();
      osc.stop(ctx.currentTime + 0.25);
      osc.onended = function () { ctx.close(); };
    } catch (e) {
      // no sound: the message is on screen anyway
    }
  }

  function run(action, values) {
    waiting++;
    form.classList.add('busy');
    queue = queue.then(function () {
      return htmx.ajax('POST', form.dataset['url' + action.charAt(0).toUpperCase() + action.slice(1)], {
        source: form, target: '#scan-state', swap: 'outerHTML', values: values || {}
      });
    }).then(beepOnError, showNetworkError).then(function () {
      waiting--;
      if (waiting === 0) {
        form.classList.remove('busy');
      }
      focusField();
    });
    return queue;
  }

  // Answers with a status other than 200 are shown, not silently dropped; an expired session answers with the login
  // page, which must not replace the pending lines.
  document.body.addEventListener('htmx:responseError', showNetworkError);
  document.body.addEventListener('htmx:beforeSwap', function (event) {
    var url = event.detail.xhr && event.detail.xhr.responseURL || '';
    if (event.detail.target && event.detail.target.id === 'scan-state' && url.indexOf('/login') >= 0) {
      event.detail.shouldSwap = false;
      showNetworkError();
    }
  });

  field.addEventListener('keydown', function (event) {
    if (event.key !== 'Enter') {
      return;
    }
    event.preventDefault();
    var code = field.value.trim();
    field.value = '';
    if (code) {
      run('scan', {code: code});
    } else {
      run('post');
    }
  });

  document.getElementById('scan-post').addEventListener('click', function () { run('post'); });
  document.getElementById('scan-clear').addEventListener('click', function () { run('clear'); });

  form.addEventListener('submit', function (event) { event.preventDefault(); });

  form.addEventListener('change', function (event) {
    if (event.target.hasAttribute('data-scan-update')) {
      run('update');
    }
  });

  form.addEventListener('click', function (event) {
    var remove = event.target.closest('[data-scan-remove]');
    if (remove) {
      run('remove', {index: remove.getAttribute('data-scan-remove')});
    }
  });

  // Enter in another input (quantity, lot, reference) confirms it and goes back to scanning.
  form.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && event.target !== field && event.target.tagName === 'INPUT') {
      event.preventDefault();
      event.target.blur();
      focusField();
    }
  });

  // Clicking somewhere that takes no input gives the focus back to the scan field, so the next scan is not lost.
  document.addEventListener('click', function (event) {
    if (!event.target.closest('input, select, textarea, button, a, label')) {
      focusField();
    }
  });

  focusField();
})();
