// The web chat: shows one question at a time and talks to the JSON API.
// Texts from the server are HTML-safe (escaped there); what the person types is shown with textContent.
// For an intermediair (data-assist), the page's own words are in the intermediair's language, each question in
// the resident's with its translation line (step.translation) below, and a typed answer says its language.
(function () {
  'use strict';
  var main = document.getElementById('chat');
  if (!main) { return; }
  var T = JSON.parse(main.dataset.texts);
  var state = JSON.parse(main.dataset.state);
  var messages = document.getElementById('messages');
  var form = document.getElementById('answer');
  var errorBox = document.getElementById('error');
  var backButton = document.getElementById('back');
  var resultBox = document.getElementById('result');
  var progress = document.getElementById('progress');
  var api = main.dataset.api || ('/api/conversations/' + encodeURIComponent(state.id));
  var query = main.dataset.query || '';
  var home = main.dataset.home || ('/?lang=' + state.language);
  var linkPath = main.dataset.link || ('/c/' + state.id);
  var assist = main.dataset.assist ? JSON.parse(main.dataset.assist) : null;
  var pageLanguage = document.documentElement.lang;
  var busy = false;

  function el(tag, attrs, html) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (html !== undefined) { node.innerHTML = html; }
    return node;
  }

  function fill(template, values) {
    return template.replace(/\$(\w+)/g, function (m, name) { return values[name] !== undefined ? values[name] : m; });
  }

  function bubble(content, who, isHtml) {
    // what a person typed may run in another direction than the page (Latin text in an Arabic chat)
    var li = el('li', who === 'me' ? { 'class': 'bubble me', dir: 'auto' } : { 'class': 'bubble ' + who });
    if (isHtml) { li.innerHTML = content; } else { li.textContent = content; }
    messages.appendChild(li);
    return li;
  }

  // a text from the server in the conversation's language, marked as such when the page speaks another
  function inLanguage(html, language, direction, cls) {
    if (language === pageLanguage && !cls) { return html; }
    return '<span' + (cls ? ' class="' + cls + '"' : '') + ' lang="' + language + '" dir="' + direction + '">' + html + '</span>';
  }

  // a text with its translation line below it, when the step has one
  function withTranslation(html, translated) {
    var t = state.step && state.step.translation;
    if (!t || translated === undefined || translated === html) {
      return inLanguage(html, state.language, state.direction);
    }
    return inLanguage(html, state.language, state.direction, 'original') + inLanguage(translated, t.language, t.direction, 'translation');
  }

  function translatedOption(i) {
    var t = state.step.translation;
    return t && t.options[i] ? t.options[i].label : undefined;
  }

  function plain(html) {
    var span = document.createElement('span');
    span.innerHTML = html;
    return span.textContent;
  }

  function showError(text) {
    errorBox.innerHTML = text;
    errorBox.hidden = false;
  }

  function clearError() {
    errorBox.hidden = true;
    errorBox.textContent = '';
  }

  function setBusy(on) {
    busy = on;
    form.querySelectorAll('button, input, textarea').forEach(function (c) { c.disabled = on; });
    backButton.disabled = on || state.progress.answered === 0 && !state.done;
    main.setAttribute('aria-busy', on ? 'true' : 'false');
  }

  function updateProgress() {
    var p = state.progress;
    var percent = state.done ? 100 : (p.total ? Math.round(100 * p.answered / p.total) : 0);
    progress.style.width = percent + '%';
    progress.setAttribute('aria-valuenow', String(percent));
    progress.setAttribute('aria-valuetext', fill(T.progress, { answered: p.answered, total: p.total }));
  }

  function button(label, cls, onClick) {
    var b = el('button', { type: 'button', 'class': cls || '' }, label);
    b.addEventListener('click', onClick);
    return b;
  }

  function choiceButtons(step, container) {
    step.options.forEach(function (o, i) {
      var b = button(withTranslation(o.label, translatedOption(i)), 'option' + (String(step.previous) === o.value ? ' previous' : ''), function () {
        send(o.value, inLanguage(o.label, state.language, state.direction), true);
      });
      b.dataset.value = o.value;
      container.appendChild(b);
    });
  }

  function renderStep(step) {
    var question = bubble(withTranslation(step.text, step.translation ? step.translation.text : undefined), 'bot', true);
    question.setAttribute('tabindex', '-1');
    question.id = 'q-' + step.id + '-' + messages.children.length;
    form.innerHTML = '';
    form.setAttribute('aria-labelledby', question.id);
    form.dataset.type = step.type;
    form.onsubmit = function (e) { e.preventDefault(); };
    var row = el('div', { 'class': 'choices ' + step.type });
    if (step.type === 'info') {
      row.appendChild(button(T.next, 'primary', function () { send(null, null); }));
    } else if (step.type === 'choice' || step.type === 'yesno') {
      choiceButtons(step, row);
    } else if (step.type === 'scale') {
      choiceButtons(step, row);
      // numbers on the buttons, the meaning of both ends below them ("1 · nooit" ... "5 · altijd")
      var ends = el('div', { 'class': 'scale-ends', 'aria-hidden': 'true' });
      row.querySelectorAll('.option').forEach(function (b, i) {
        var parts = step.options[i].label.split(' · ');
        var translated = translatedOption(i);
        var tparts = translated === undefined ? null : translated.split(' · ');
        b.setAttribute('aria-label', plain(step.options[i].label) + (translated === undefined ? '' : ' (' + plain(translated) + ')'));
        if (parts.length > 1) {
          b.innerHTML = parts[0];
          ends.appendChild(el('span', {}, withTranslation(parts[0] + ' = ' + parts.slice(1).join(' · '),
            tparts && tparts.length > 1 ? tparts.slice(1).join(' · ') : undefined)));
        }
      });
      row.appendChild(ends);
    } else if (step.type === 'multi') {
      var fieldset = el('fieldset', { 'class': 'multi' });
      fieldset.appendChild(el('legend', { 'class': 'hint' }, fill(T.multi_hint, { min: step.min, max: step.max })));
      var previous = Array.isArray(step.previous) ? step.previous : [];
      step.options.forEach(function (o, i) {
        var id = 'opt-' + step.id + '-' + i;
        var label = el('label', { 'for': id, 'class': 'check' });
        var box = el('input', { type: 'checkbox', id: id, value: o.value });
        box.checked = previous.indexOf(o.value) >= 0;
        label.appendChild(box);
        label.appendChild(el('span', {}, withTranslation(o.label, translatedOption(i))));
        fieldset.appendChild(label);
      });
      row.appendChild(fieldset);
      row.appendChild(button(T.confirm, 'primary', function () {
        var chosen = Array.prototype.filter.call(fieldset.querySelectorAll('input'), function (c) { return c.checked; });
        send(chosen.map(function (c) { return c.value; }),
          inLanguage(chosen.map(function (c) {
            return step.options.filter(function (o) { return o.value === c.value; })[0].label;
          }).join(', '), state.language, state.direction), true);
      }));
    } else {
      var id = 'input-' + step.id;
      var input;
      if (step.type === 'text') {
        input = el('textarea', { id: id, rows: '3', maxlength: String(step.max || 2000) });
      } else if (step.type === 'number') {
        input = el('input', { id: id, type: 'text', inputmode: 'decimal', autocomplete: 'off' });
      } else {
        input = el('input', { id: id, type: 'date' });
      }
      input.setAttribute('aria-label', T.your_answer);
      if (step.previous !== null && step.previous !== undefined) { input.value = String(step.previous); }
      row.appendChild(input);
      var typedIn = null;
      if (assist && step.type === 'text') {
        // the intermediair may type the resident's words in another language: the answer keeps that language
        var pick = el('div', { 'class': 'typed-in' });
        pick.appendChild(el('label', { 'for': 'typed-in-' + step.id }, assist.typedIn));
        typedIn = el('select', { id: 'typed-in-' + step.id });
        assist.languages.forEach(function (l) {
          var option = el('option', { value: l.code }, l.name);
          option.selected = l.code === assist.resident;
          typedIn.appendChild(option);
        });
        typedIn.addEventListener('change', function () { input.setAttribute('lang', typedIn.value); });
        input.setAttribute('lang', assist.resident);
        pick.appendChild(typedIn);
        row.appendChild(pick);
      }
      var sendIt = function () {
        send(input.value, input.value, false, typedIn ? typedIn.value : undefined);
      };
      row.appendChild(button(T.send, 'primary', sendIt));
      form.onsubmit = function (e) { e.preventDefault(); sendIt(); };
      if (step.type !== 'text') {
        input.addEventListener('keydown', function (e) { if (e.key === 'Enter') { e.preventDefault(); sendIt(); } });
      }
    }
    if (step.optional) {
      row.appendChild(button(T.skip, 'secondary', function () { send(null, T.skipped, true); }));
    }
    form.appendChild(row);
    question.focus();
  }

  function renderResult(result) {
    form.innerHTML = '';
    form.hidden = true;
    bubble(T.done, 'bot', true).setAttribute('tabindex', '-1');
    resultBox.innerHTML = result.html;
    var print = button(T.print, 'secondary', function () { window.print(); });
    var again = el('a', { href: home, 'class': 'button secondary' }, T.restart);
    var actions = el('p', { 'class': 'actions' });
    actions.appendChild(print);
    actions.appendChild(again);
    resultBox.appendChild(actions);
    resultBox.hidden = false;
    var heading = resultBox.querySelector('h2') || resultBox;
    heading.setAttribute('tabindex', '-1');
    heading.focus();
    heading.scrollIntoView({ block: 'start' });
  }

  function show() {
    updateProgress();
    backButton.disabled = state.progress.answered === 0 && !state.done;
    if (state.done) {
      renderResult(state.result);
    } else {
      form.hidden = false;
      resultBox.hidden = true;
      renderStep(state.step);
    }
  }

  function post(path, body) {
    return fetch(api + path + query, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: body === undefined ? '' : JSON.stringify(body)
    }).then(function (r) {
      return r.json().then(function (data) { return { status: r.status, data: data }; });
    });
  }

  function send(value, echo, echoIsHtml, textLanguage) {
    if (busy) { return; }
    clearError();
    setBusy(true);
    var body = { step: state.step.id, value: value };
    if (textLanguage) { body.textLanguage = textLanguage; }
    post('/answers', body).then(function (r) {
      if (r.status === 200) {
        if (echo !== null && echo !== '') {
          var mine = bubble(echo, 'me', echoIsHtml);
          if (textLanguage) { mine.setAttribute('lang', textLanguage); }
        }
        state = r.data;
        setBusy(false);
        show();
      } else if (r.data && r.data.state) {
        setBusy(false);
        showError(r.data.error);
        if (r.status === 409 || r.data.state.step === null || r.data.state.step.id !== state.step.id) {
          state = r.data.state;
          show();
        } else {
          var field = form.querySelector('input, textarea, button');
          if (field) { field.focus(); }
        }
      } else {
        setBusy(false);
        showError((r.data && r.data.error) || T.network_error);
      }
    }).catch(function () {
      setBusy(false);
      showError(T.network_error);
    });
  }

  backButton.addEventListener('click', function () {
    if (busy) { return; }
    clearError();
    setBusy(true);
    post('/back').then(function (r) {
      setBusy(false);
      if (r.status === 200) {
        state = r.data;
        bubble(T.went_back, 'note', true);
        show();
      } else {
        showError((r.data && r.data.error) || T.network_error);
      }
    }).catch(function () {
      setBusy(false);
      showError(T.network_error);
    });
  });

  var copy = document.getElementById('copy');
  var link = document.getElementById('resume-link');
  copy.addEventListener('click', function () {
    var done = function () { document.getElementById('copied').innerHTML = T.copied; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(link.value).then(done, function () { link.select(); });
    } else {
      link.select();
      try { document.execCommand('copy'); done(); } catch (e) { /* the link stays selected to copy by hand */ }
    }
  });
  link.value = window.location.origin + linkPath;

  show();
}());
