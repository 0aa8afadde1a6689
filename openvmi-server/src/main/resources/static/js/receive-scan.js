// Receiving by scan (fix/scan-receive, issue 21). The document field opens the PO or shipment notice on Enter (a
// scanner's or the camera's). In the receipt form Enter never posts: in the scan field it reads the code, in any other
// field it returns to the scan field. The first scan of an item fills its line with the open quantity (data-open);
// a repeated scan changes nothing and says so (correct the quantity in the list); a code not on the document is
// refused with a message and nothing else changes. Only the post button posts, once (the receipt key makes a
// second post of the same receipt receive nothing again).
(function () {
  'use strict';
  var doc = document.getElementById('doc');
  if (doc) {
    doc.addEventListener('keydown', function (event) {
      if (event.key !== 'Enter') {
        return;
      }
      event.preventDefault();
      if (doc.value.trim()) {
        doc.form.submit();
      }
    });
  }
  var form = document.getElementById('receive-form');
  if (!form) {
    return;
  }
  var scan = document.getElementById('scan');
  var message = document.getElementById('scan-message');

  function fill(template, args) {
    return template.replace(/\{(\d)\}/g, function (all, i) { return args[+i]; });
  }

  function say(text, refused) {
    message.textContent = text;
    message.classList.toggle('field-error', refused);
    message.classList.toggle('scan-ok', !refused);
  }

  function row(code) {
    var rows = form.querySelectorAll('tr[data-item]');
    for (var i = 0; i < rows.length; i++) {
      var codes = (rows[i].getAttribute('data-codes') || '').split(' ');
      if (rows[i].getAttribute('data-item').toUpperCase() === code.toUpperCase() || codes.indexOf(code) >= 0) {
        return rows[i];
      }
    }
    return null;
  }

  function read(code) {
    if (!code) {
      return;
    }
    var found = row(code);
    if (!found) {
      say(fill(scan.getAttribute('data-msg-unknown'), [code]), true);
      return;
    }
    form.querySelectorAll('tr.scanned-now').forEach(function (r) { r.classList.remove('scanned-now'); });
    found.classList.add('scanned', 'scanned-now');
    var qty = found.querySelector('input.qty');
    var item = found.getAttribute('data-item');
    if (!qty.value.trim()) {
      qty.value = found.getAttribute('data-open');
      say(fill(scan.getAttribute('data-msg-opened'), [item, qty.value]), false);
    } else {
      say(fill(scan.getAttribute('data-msg-again'), [item, qty.value]), false);
    }
    if (found.scrollIntoView) {
      found.scrollIntoView({block: 'nearest'});
    }
  }

  form.addEventListener('keydown', function (event) {
    if (event.key !== 'Enter' || event.target.tagName !== 'INPUT') {
      return;
    }
    event.preventDefault();
    if (event.target === scan) {
      var code = scan.value.trim();
      scan.value = '';
      read(code);
    } else {
      scan.focus();
    }
  });

  form.addEventListener('submit', function (event) {
    var post = document.getElementById('post-receipt');
    if (event.submitter === post) {
      // after the form data is taken: a second click while the page loads posts nothing more
      setTimeout(function () { post.disabled = true; }, 0);
    }
  });
})();
