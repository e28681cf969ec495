// The account bar on a narrow screen: its links behind a menu button, so the bar is one row and the page starts
// on the screen (an admin's eight links took four rows on a 360 px phone). The button is in the page but hidden:
// without this script the links stay in the bar as on a wide screen. app.css shows the button, and hides the
// links until it is pressed, only on a narrow screen. A real button with aria-expanded, as a disclosure: Enter or
// Space opens it, Escape closes it and gives the focus back, as does a click or tap elsewhere.
// No inline script: the pages' Content-Security-Policy forbids it.
(function () {
  'use strict';
  var bar = document.querySelector('header.bar');
  var button = bar && bar.querySelector('.bar-menu');
  var nav = bar && bar.querySelector('.bar-nav');
  if (!button || !nav) { return; }

  function setOpen(open) {
    button.setAttribute('aria-expanded', open ? 'true' : 'false');
  }

  button.hidden = false;
  bar.classList.add('has-menu');
  button.addEventListener('click', function () {
    setOpen(button.getAttribute('aria-expanded') !== 'true');
  });
  bar.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && button.getAttribute('aria-expanded') === 'true') {
      setOpen(false);
      button.focus();
    }
  });
  document.addEventListener('click', function (e) {
    if (!bar.contains(e.target)) { setOpen(false); }
  });
})();
