// Send the CSRF token with every htmx request that changes something.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// A select with data-sets-form-action points its form at the URL of the chosen option (the import form has one URL
// per entity) and shows that option's columns; an htmx form with data-follow-action posts to its current action.
document.addEventListener('change', function (event) {
  var select = event.target;
  if (!select.matches || !select.matches('select[data-sets-form-action]')) {
    return;
  }
  var option = select.options[select.selectedIndex];
  select.form.setAttribute('action', option.getAttribute('data-action'));
  var columns = document.getElementById('columns');
  if (columns && option.getAttribute('data-columns')) {
    columns.textContent = option.getAttribute('data-columns');
  }
});
document.addEventListener('htmx:configRequest', function (event) {
  var elt = event.detail.elt;
  if (elt && elt.matches && elt.matches('form[data-follow-action]')) {
    event.detail.path = elt.getAttribute('action');
  }
});

// Behaviour that used to be inline (onclick=…, onchange=…, <script> in a page) lives here, wired by data attributes:
// the Content-Security-Policy runs scripts only from our own files.

// A form with data-confirm="question" is sent only when the user confirms (deleting, revoking, shipping, posting…);
// dismissing the dialog leaves everything as it was.
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (form.matches && form.matches('form[data-confirm]') && !window.confirm(form.getAttribute('data-confirm'))) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }
}, true);

// A select with data-auto-submit submits its form when it changes (list filters).
document.addEventListener('change', function (event) {
  var select = event.target;
  if (select.matches && select.matches('select[data-auto-submit]') && select.form) {
    select.form.submit();
  }
});

// A checkbox with data-check-all="name" checks or unchecks every checkbox of that name.
document.addEventListener('click', function (event) {
  var box = event.target;
  if (box.matches && box.matches('input[type=checkbox][data-check-all]')) {
    document.querySelectorAll('input[name="' + box.getAttribute('data-check-all') + '"]').forEach(function (c) {
      c.checked = box.checked;
    });
  }
  var print = event.target.closest ? event.target.closest('[data-print]') : null;
  if (print) {
    event.preventDefault();
    window.print();
  }
});

// User form: the supplier code only matters for the SUPPLIER role; hide it otherwise (unless it holds an error to fix).
(function () {
  function start() {
    var field = document.getElementById('supplier-field');
    var supplierBox = document.querySelector('input.role[value="SUPPLIER"]');
    if (!field || !supplierBox) {
      return;
    }
    function update() {
      field.hidden = !supplierBox.checked && !document.getElementById('supplier-error')
                     && !document.getElementById('supplier').value;
    }
    supplierBox.addEventListener('change', update);
    update();
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
