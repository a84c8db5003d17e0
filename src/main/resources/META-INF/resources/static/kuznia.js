// Small progressive enhancements only: every page works without scripts.
(function () {
  'use strict';
  document.documentElement.classList.add('js');
  document.addEventListener('DOMContentLoaded', function () {
    // Selects marked data-autosubmit submit their form on change (the language switch).
    document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
      select.addEventListener('change', function () { select.form.submit(); });
    });
    // Forms marked data-confirm ask before an irreversible action.
    document.querySelectorAll('form[data-confirm]').forEach(function (form) {
      form.addEventListener('submit', function (event) {
        if (!window.confirm(form.getAttribute('data-confirm'))) { event.preventDefault(); }
      });
    });
    // A checkbox marked data-select-all toggles every checkbox named by its value.
    document.querySelectorAll('input[type=checkbox][data-select-all]').forEach(function (all) {
      all.addEventListener('change', function () {
        var name = all.getAttribute('data-select-all');
        document.querySelectorAll('input[type=checkbox][name="' + name + '"]').forEach(function (box) {
          box.checked = all.checked;
        });
      });
    });
    // Buttons marked data-add-row clone the template row named by their value (capability rows).
    document.querySelectorAll('button[data-add-row]').forEach(function (button) {
      button.addEventListener('click', function (event) {
        var template = document.getElementById(button.getAttribute('data-add-row'));
        if (!template) { return; }
        // Without scripts the button submits and the server adds the row; here it is added in place.
        event.preventDefault();
        var container = document.getElementById(template.getAttribute('data-into'));
        var index = container.children.length;
        var html = template.innerHTML.replace(/__INDEX__/g, String(index));
        container.insertAdjacentHTML('beforeend', html);
      });
    });
  });
})();
