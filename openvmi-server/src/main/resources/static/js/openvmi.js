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
