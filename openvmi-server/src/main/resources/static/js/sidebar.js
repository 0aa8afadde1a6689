// The sidebar on a narrow screen (phone): hidden until the menu button in the top bar opens it; a click on a link
// or outside closes it again. On wide screens the CSS always shows it and the button is hidden.
(function () {
  function start() {
    var toggle = document.getElementById('sidebar-toggle');
    var sidebar = document.getElementById('sidebar');
    if (!toggle || !sidebar) {
      return;
    }
    function set(open) {
      sidebar.classList.toggle('open', open);
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    }
    toggle.addEventListener('click', function (event) {
      event.stopPropagation();
      set(!sidebar.classList.contains('open'));
    });
    document.addEventListener('click', function (event) {
      if (sidebar.classList.contains('open') && !sidebar.contains(event.target)) {
        set(false);
      }
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
