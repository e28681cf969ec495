// The intermediair's resident links: copy a link, or share it with the phone's own share sheet (Web Share API).
// Where sharing is not offered (most desktop browsers), "Share" copies the link instead and says so; where copying
// is not allowed either, the link is shown selected, to copy by hand. No inline script: the page's CSP forbids it.
(function () {
  'use strict';
  function say(box, text) {
    var status = box.querySelector('.link-status');
    if (status) {
      status.textContent = text;
    }
  }

  function showToCopy(box) {
    var field = box.querySelector('input.link-field');
    if (!field) {
      field = document.createElement('input');
      field.className = 'link-field code-field';
      field.readOnly = true;
      field.value = box.dataset.url;
      field.setAttribute('aria-label', box.dataset.label || '');
      box.insertBefore(field, box.querySelector('.link-status'));
    }
    field.focus();
    field.select();
  }

  function copy(box, done) {
    var url = box.dataset.url;
    var fallback = function () {
      showToCopy(box);
      var ok = false;
      try {
        ok = document.execCommand('copy');
      } catch (e) {
        ok = false;
      }
      say(box, ok ? done : (box.dataset.failed || ''));
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(url).then(function () { say(box, done); }, fallback);
    } else {
      fallback();
    }
  }

  document.querySelectorAll('.link-actions').forEach(function (box) {
    var copyButton = box.querySelector('.copy-link');
    var shareButton = box.querySelector('.share-link');
    copyButton.addEventListener('click', function () { copy(box, box.dataset.copied || ''); });
    shareButton.addEventListener('click', function () {
      if (navigator.share) {
        navigator.share({ title: box.dataset.title, url: box.dataset.url }).catch(function (e) {
          if (!e || e.name !== 'AbortError') {
            copy(box, box.dataset.shared || '');
          }
        });
      } else {
        copy(box, box.dataset.shared || '');
      }
    });
  });
})();

// A box of teams or wijken (the start card's, the chat menu's to change the wijk): a name longer than the box
// ("Overvecht-Noord Zambesidreef en omgeving" at 320 px) is shown whole under it as well, as chosen, and only then;
// two wijken beginning alike looked the same in the box. Measured in the box's own font against its room for text
// (its content box: it draws its own arrow, app.css). A box in the closed chat menu has no width yet: measured again
// as the menu opens.
(function () {
  'use strict';
  var boxes = document.querySelectorAll('select[data-whole]');
  if (!boxes.length) {
    return;
  }
  var measure = document.createElement('canvas').getContext('2d');

  function cut(box) {
    var option = box.options[box.selectedIndex];
    if (!option) {
      return false;
    }
    var style = getComputedStyle(box);
    measure.font = style.font;
    var room = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return measure.measureText(option.text.trim()).width > room;
  }

  function show(box) {
    var whole = document.getElementById(box.dataset.whole);
    var option = box.options[box.selectedIndex];
    if (!whole || !option) {
      return;
    }
    whole.textContent = option.text.trim();
    whole.hidden = !cut(box);
  }

  boxes.forEach(function (box) {
    show(box);
    box.addEventListener('change', function () { show(box); });
  });
  window.addEventListener('resize', function () { boxes.forEach(show); });
  // a details element's toggle does not bubble: heard on its way down
  document.addEventListener('toggle', function () { boxes.forEach(show); }, true);
})();
