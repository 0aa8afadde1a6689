// Scan-friendly inputs on the scan, receiving and count pages (fix/print).
// 1. A USB scanner types the code and presses Enter: in an input with data-enter-next="id" that Enter moves the focus
//    to the named input (the quantity after the item) instead of submitting the form before the quantity is typed.
// 2. A button with data-camera-for="id" scans with the phone camera (html5-qrcode, loaded on first use) and then
//    behaves as the scanner would: the code goes into the input, followed by an Enter.
(function () {
  'use strict';

  document.addEventListener('keydown', function (event) {
    var input = event.target;
    if (event.key !== 'Enter' || !input.matches || !input.matches('input[data-enter-next]')) {
      return;
    }
    var next = document.getElementById(input.getAttribute('data-enter-next'));
    if (next) {
      event.preventDefault();
      next.focus();
      if (next.select) {
        next.select();
      }
    }
  });

  var dialog = document.getElementById('camera-dialog');
  var buttons = document.querySelectorAll('[data-camera-for]');
  if (!dialog || !buttons.length || !(navigator.mediaDevices && navigator.mediaDevices.getUserMedia)) {
    return;
  }
  var message = document.getElementById('camera-message');
  var scanner = null;
  var target = null;

  function load(then) {
    if (window.__Html5QrcodeLibrary__) {
      then();
      return;
    }
    var script = document.createElement('script');
    script.src = dialog.getAttribute('data-library');
    script.onload = then;
    script.onerror = function () { message.textContent = dialog.getAttribute('data-error'); };
    document.head.appendChild(script);
  }

  function close() {
    dialog.hidden = true;
    var running = scanner;
    scanner = null;
    if (running) {
      running.stop().then(function () { running.clear(); }, function () { /* never started */ });
    }
  }

  function found(text) {
    var input = document.getElementById(target);
    close();
    if (!input) {
      return;
    }
    input.value = text;
    input.focus();
    input.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true, cancelable: true}));
  }

  function open(forId) {
    target = forId;
    message.textContent = '';
    dialog.hidden = false;
    load(function () {
      var lib = window.__Html5QrcodeLibrary__;
      var f = lib.Html5QrcodeSupportedFormats;
      scanner = new lib.Html5Qrcode('camera-view', {
        formatsToSupport: [f.CODE_128, f.QR_CODE, f.EAN_13, f.EAN_8, f.UPC_A, f.CODE_39], verbose: false
      });
      scanner.start({facingMode: 'environment'}, {fps: 10, qrbox: {width: 260, height: 160}}, found, function () {
        // no code in this frame yet
      }).catch(function () { message.textContent = dialog.getAttribute('data-error'); });
    });
  }

  buttons.forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () { open(button.getAttribute('data-camera-for')); });
  });
  document.getElementById('camera-close').addEventListener('click', close);
})();
