// Searchable pickers (fragments/picker.html): an input with data-picker="items" (or warehouses, locations, suppliers,
// purchase-orders, users) lists what matches the typed code, name or barcode, loaded by htmx from data-picker-url
// (or /pick/<kind>); clicking a choice or Enter on it puts its code in the field. data-picker-multiple: the field holds
// a comma-separated list and a choice replaces its last entry.
(function () {
  var timers = new WeakMap();

  // The list goes right after the field (never moving the field: that would blur it while someone types), placed
  // under it by the field's offsets, which share the list's offset parent.
  function listOf(input, create) {
    if (!input.id) {
      input.id = 'picker-' + Math.random().toString(36).slice(2);
    }
    var id = (input.id || input.name) + '-picks';
    var list = document.getElementById(id);
    if (!list && create) {
      list = document.createElement('ul');
      list.id = id;
      list.className = 'picker-options';
      list.setAttribute('role', 'listbox');
      list.setAttribute('data-picker-for', input.id);
      list.hidden = true;
      input.insertAdjacentElement('afterend', list);
      input.setAttribute('role', 'combobox');
      input.setAttribute('aria-autocomplete', 'list');
      input.setAttribute('aria-controls', id);
      input.setAttribute('aria-expanded', 'false');
    }
    if (list) {
      list.style.left = input.offsetLeft + 'px';
      list.style.top = (input.offsetTop + input.offsetHeight) + 'px';
      list.style.minWidth = input.offsetWidth + 'px';
    }
    return list;
  }

  function typed(input) {
    var value = input.value;
    return input.hasAttribute('data-picker-multiple') ? value.split(',').pop().trim() : value.trim();
  }

  function show(input, list, visible) {
    if (!list) {
      return;
    }
    list.hidden = !visible;
    input.setAttribute('aria-expanded', visible ? 'true' : 'false');
  }

  function load(input) {
    var list = listOf(input, true);
    var text = typed(input);
    if (!text) {
      show(input, list, false);
      return;
    }
    var url = input.getAttribute('data-picker-url') || ('/pick/' + input.getAttribute('data-picker'));
    htmx.ajax('GET', url, {target: list, swap: 'innerHTML', values: {q: text}}).then(function () {
      show(input, list, document.activeElement === input && list.children.length > 0);
    });
  }

  function choose(input, option) {
    var code = option.getAttribute('data-value');
    if (input.hasAttribute('data-picker-multiple')) {
      var parts = input.value.split(',');
      parts[parts.length - 1] = code;
      input.value = parts.map(function (p) { return p.trim(); }).filter(Boolean).join(', ');
    } else {
      input.value = code;
    }
    show(input, listOf(input, false), false);
    input.dispatchEvent(new Event('change', {bubbles: true}));
  }

  document.addEventListener('input', function (event) {
    var input = event.target;
    if (!input.matches || !input.matches('input[data-picker]')) {
      return;
    }
    clearTimeout(timers.get(input));
    timers.set(input, setTimeout(function () { load(input); }, 200));
  });

  // mousedown, not click: it comes before the input loses focus and hides the list
  document.addEventListener('mousedown', function (event) {
    var option = event.target.closest ? event.target.closest('.picker-option') : null;
    if (option) {
      event.preventDefault();
      choose(document.getElementById(option.closest('.picker-options').getAttribute('data-picker-for')), option);
    }
  });

  document.addEventListener('keydown', function (event) {
    var input = event.target;
    if (!input.matches || !input.matches('input[data-picker]')) {
      return;
    }
    var list = listOf(input, false);
    if (!list) {
      return;
    }
    var options = Array.prototype.slice.call(list.querySelectorAll('.picker-option'));
    var active = list.querySelector('.picker-option.active');
    var index = options.indexOf(active);
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && !list.hidden && options.length) {
      event.preventDefault();
      index = event.key === 'ArrowDown' ? Math.min(index + 1, options.length - 1) : Math.max(index - 1, 0);
      options.forEach(function (o, i) {
        o.classList.toggle('active', i === index);
        o.setAttribute('aria-selected', i === index ? 'true' : 'false');
      });
    } else if (event.key === 'Enter' && active && !list.hidden) {
      event.preventDefault();
      choose(input, active);
    } else if (event.key === 'Escape') {
      show(input, list, false);
    }
  });

  document.addEventListener('focusout', function (event) {
    var input = event.target;
    if (input.matches && input.matches('input[data-picker]')) {
      show(input, listOf(input, false), false);
    }
  });
})();
