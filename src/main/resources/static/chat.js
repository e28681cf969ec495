// The web chat, laid out as a messaging app: the way so far scrolls above, the answer area stays at the bottom.
// The page comes with the transcript (rendered by the server) and the state; this script shows the current
// question, sends answers to the JSON API and repeats each answer as the server words it (state.echo).
// Texts from the server are HTML-safe (escaped there); what the person types is shown with textContent.
// For an intermediair (data-assist), the page's own words are in the intermediair's language, each question in
// the resident's with its translation line (step.translation) below, and a typed answer says its language.
// No inline scripts or handlers anywhere (the Content-Security-Policy forbids them): everything is wired here.
(function () {
  'use strict';
  // a result's print button and score bars, on the chat and on a result handed over to the resident's phone
  var printButton = document.getElementById('print');
  if (printButton) { printButton.addEventListener('click', function () { window.print(); }); }
  // score bars get their length here: no style attribute in the page (the Content-Security-Policy)
  document.querySelectorAll('.score-fill[data-value]').forEach(function (bar) {
    bar.style.inlineSize = Math.max(0, Math.min(100, Number(bar.dataset.value))) + '%';
  });
  var main = document.getElementById('chat');
  if (!main) { return; }
  var T = JSON.parse(main.dataset.texts);
  var state = JSON.parse(main.dataset.state);
  var messages = document.getElementById('messages');
  var form = document.getElementById('answer');
  var area = document.getElementById('answer-area');
  var secondary = document.getElementById('secondary');
  var errorBox = document.getElementById('error');
  var backButton = document.getElementById('back');
  var resultBox = document.getElementById('result');
  var progress = document.getElementById('progress');
  var counter = document.getElementById('counter');
  var api = main.dataset.api || ('/api/conversations/' + encodeURIComponent(state.id));
  var query = main.dataset.query || '';
  var home = main.dataset.home || ('/?lang=' + state.language);
  var linkPath = main.dataset.link || ('/c/' + state.id);
  var assist = main.dataset.assist ? JSON.parse(main.dataset.assist) : null;
  var pageLanguage = document.documentElement.lang;
  var busy = false;
  var wentBack = null;

  // a double tap is one answer: by its second tap the next question's buttons have taken the place of the first's,
  // and it would answer that one unread. The browser counts the taps of a double tap in the click's detail (a key
  // press counts 0): the second is let go, on a button and on a box to tick alike. Typing in a box is not a click here.
  area.addEventListener('click', function (e) {
    if (e.detail > 1 && e.target.closest && e.target.closest('button, label, input[type="checkbox"]')) {
      e.preventDefault();
      e.stopPropagation();
    }
  }, true);

  // The on-screen keyboard shrinks the visual viewport (iOS does not resize the layout): keep the page that tall,
  // so the answer area stays above the keyboard.
  function fitViewport() {
    var height = Math.min(window.innerHeight, window.visualViewport ? window.visualViewport.height : window.innerHeight);
    document.documentElement.style.setProperty('--app-height', Math.round(height) + 'px');
  }
  // the page resized (turned, the keyboard opening): the question again as it was placed, or, while an answer is
  // being typed, the end of the chat just above the box
  var refit = function () {
    fitViewport();
    // a finished conversation's page opened at "Klaar" with what to read first beneath it: a resize (a phone's
    // viewport settling as the page loads, a turn) leaves it there instead of throwing the reader to the bottom
    if (state.done) { return; }
    // typing or not, the question as it is placed: its end just above the answers, or its beginning where it does not
    // fit (typing, the chat's end showed a tall question's last line only; a focused option's question was cut too)
    if (lastQuestion) { keepRoomFor(lastQuestion); toQuestion(lastQuestion); } else { toBottom(); }
    if (optionList) { markMore(optionList); }
  };
  var lastQuestion = null;
  if (window.visualViewport) { window.visualViewport.addEventListener('resize', refit); }
  window.addEventListener('resize', refit);
  fitViewport();

  function el(tag, attrs, html) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (html !== undefined) { node.innerHTML = html; }
    return node;
  }

  function fill(template, values) {
    return template.replace(/\$(\w+)/g, function (m, name) { return values[name] !== undefined ? values[name] : m; });
  }

  function toBottom() {
    main.scrollTop = main.scrollHeight;
  }

  // a new question shows its end just above the answers; one taller than the room (a consent text on a small phone)
  // shows its beginning instead, so the person reads it from the start and scrolls on to the end
  function toQuestion(question) {
    toBottom();
    if (question.offsetHeight + 16 > main.clientHeight) {
      main.scrollTop += question.getBoundingClientRect().top - main.getBoundingClientRect().top - 8;
    }
  }

  // the room the question asked takes in the chat (its height and the chat's padding): the page keeps it above the
  // question's options (app.css), so the question shows whole and the options take the rest. Only where the options
  // would then not show one whole and a glimpse of the next, above the buttons under them, does the question get
  // less (at least three lines): it shows its beginning and the chat scrolls for the rest (toQuestion)
  function keepRoomFor(question) {
    fitTyped(question);
    var style = window.getComputedStyle(main);
    var padding = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
    var room = question.offsetHeight + padding + 2;
    var list = optionList;
    if (list && !area.hidden && list.offsetParent !== null) {
      // the tallest option: scrolled to, each shows whole in the list (the first alone was asked for, and an
      // intermediair's longer ones on a phone on its side were cut by the list's edge whatever it was scrolled to)
      var tallest = 0;
      list.querySelectorAll('.option, .check').forEach(function (o) { tallest = Math.max(tallest, o.offsetHeight); });
      var ls = window.getComputedStyle(list);
      // what the list needs for its tallest option whole, for a screen where not everything fits (app.css, large text)
      document.documentElement.style.setProperty('--option-room',
        Math.ceil(tallest + parseFloat(ls.paddingTop) + parseFloat(ls.paddingBottom)) + 'px');
      var margins = parseFloat(ls.marginTop) + parseFloat(ls.marginBottom);
      // a scale's points with what its ends mean, and yes or no, whole; of a list, its tallest option and a glimpse of the next
      var whole = list.classList.contains('scale') || list.classList.contains('yesno');
      var needed = whole ? list.scrollHeight
        : Math.min(list.scrollHeight, tallest + parseFloat(ls.paddingTop) + parseFloat(ls.paddingBottom) + 16);
      // the answer area's buttons, hint and message besides the list, and the height the chat and the area share
      var besides = area.scrollHeight + area.offsetHeight - area.clientHeight - (list.offsetHeight + margins);
      var shared = document.body.clientHeight - document.querySelector('.chat-head').offsetHeight;
      var least = Math.min(room, 3 * parseFloat(window.getComputedStyle(question).lineHeight) + padding);
      room = Math.max(least, Math.min(room, shared - besides - needed - margins));
    }
    document.documentElement.style.setProperty('--question-room', Math.floor(room) + 'px');
  }

  // a typed answer's question shows whole above the box where it can: where it does not (an intermediair's open
  // question in two languages at 360x640, "Noem geen namen van mensen." under the box), the answer area comes closer
  // together, a step at a time, until it does (app.css, data-room): first the box two lines high and "Pauzeren" beside
  // "Vorige" and "Overslaan", then "Verstuur" beside the box too. Where even that leaves too little, the question
  // shows from its start (toQuestion) and the chat scrolls for the rest. Measured as toQuestion judges it
  var ROOM_STEPS = ['', 'short', 'shorter'];
  function fitTyped(question) {
    var typedAnswer = !area.hidden && /^(text|number|date)$/.test(form.dataset.type || '');
    for (var i = 0; i < ROOM_STEPS.length; i++) {
      if (ROOM_STEPS[i]) { area.dataset.room = ROOM_STEPS[i]; } else { delete area.dataset.room; }
      if (!typedAnswer || question.offsetHeight + 16 <= main.clientHeight) { return; }
    }
  }

  // options that do not all fit scroll in their own list: its edge fades where more follow (app.css), at the bottom
  // until its end is reached, at the top once it has been scrolled
  var optionList = null;
  var listResized = window.ResizeObserver ? new ResizeObserver(function () { if (optionList) { markMore(optionList); } }) : null;
  function markMore(list) {
    var above = list.scrollTop > 1;
    var below = list.scrollTop + list.clientHeight < list.scrollHeight - 1;
    var more = [above ? 'above' : '', below ? 'below' : ''].filter(Boolean).join(' ');
    if (more) { list.dataset.more = more; } else { delete list.dataset.more; }
  }
  function watchOptions(list) {
    optionList = list;
    if (listResized) { listResized.disconnect(); }
    if (!list) { return; }
    list.addEventListener('scroll', function () { markMore(list); }, { passive: true });
    if (listResized) { listResized.observe(list); }
    markMore(list);
  }

  function bubble(content, cls, isHtml) {
    // what a person typed may run in another direction than the page (Latin text in an Arabic chat)
    var mine = cls.indexOf('me') === 0;
    var li = el('li', mine ? { 'class': 'bubble ' + cls, dir: 'auto' } : { 'class': 'bubble ' + cls });
    if (isHtml) { li.innerHTML = content; } else { li.textContent = content; }
    // who says it, for a screen reader only, as the page's own bubbles have it (chat.vm says why); a note of the
    // chat's own ("went back") goes without
    var said = cls === 'bot' ? T.said_question : mine ? T.said_answer : null;
    if (said) {
      li.insertBefore(el('span', { 'class': 'sr-only speaker', lang: pageLanguage, dir: document.documentElement.dir || 'ltr' }), li.firstChild)
        .textContent = said + ' ';
    }
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
    if (!t || translated === undefined || translated === null || translated === html) {
      return inLanguage(html, state.language, state.direction);
    }
    return inLanguage(html, state.language, state.direction, 'original') + inLanguage(translated, t.language, t.direction, 'translation');
  }

  function translatedOption(i) {
    var t = state.step.translation;
    return t && t.options[i] ? t.options[i].label : undefined;
  }

  // a refusal says its language (Content-Language): the box is marked with it, so a screen reader reads it in that
  // voice and its full stop stands where that language puts it; without one, it is in the page's words
  function showError(text, language) {
    var own = !language || language === pageLanguage;
    errorBox.setAttribute('lang', own ? pageLanguage : language);
    errorBox.setAttribute('dir', own ? (document.documentElement.dir || 'ltr') : 'auto');
    errorBox.innerHTML = text;
    errorBox.hidden = false;
    // the message takes room from the chat: the question again as it was placed, not slid out of sight below (a
    // typed answer's area closer together where the question then no longer fits)
    if (lastQuestion) { fitTyped(lastQuestion); toQuestion(lastQuestion); }
  }

  // the login page, and back to this question after it: nothing of the answer not sent is lost but the tap
  function loginLink() {
    var a = document.createElement('a');
    a.id = 'log-in-again';
    a.href = '/login?next=' + encodeURIComponent(location.pathname + location.search);
    a.textContent = T.log_in;
    return a.outerHTML;
  }

  function clearError() {
    errorBox.hidden = true;
    errorBox.textContent = '';
    form.querySelectorAll('[aria-invalid]').forEach(function (field) {
      field.removeAttribute('aria-invalid');
      var rest = (field.getAttribute('aria-describedby') || '').split(' ').filter(function (id) { return id && id !== errorBox.id; });
      if (rest.length) { field.setAttribute('aria-describedby', rest.join(' ')); } else { field.removeAttribute('aria-describedby'); }
    });
  }

  // a refused answer: its field (the text box, or the group of boxes to tick) says it was refused and gives the
  // reason as its description, so a screen reader reads why with the field, not only once as the alert goes by
  function markRefused() {
    var field = form.querySelector('textarea, input:not([type="checkbox"])') || form.querySelector('fieldset');
    if (!field) { return; }
    field.setAttribute('aria-invalid', 'true');
    var ids = (field.getAttribute('aria-describedby') || '').split(' ').filter(function (id) { return id && id !== errorBox.id; });
    field.setAttribute('aria-describedby', [errorBox.id].concat(ids).join(' '));
  }

  // the button just tapped: while its answer is on its way it stays clear as the rest of the area dims (on a slow
  // connection the whole area dimmed, and which answer was going did not show)
  var tapped = null;
  function setBusy(on) {
    busy = on;
    area.querySelectorAll('button, input, textarea, select').forEach(function (c) { c.disabled = on; });
    area.querySelectorAll('.sending').forEach(function (c) { c.classList.remove('sending'); });
    if (on && tapped && area.contains(tapped)) { tapped.classList.add('sending'); }
    tapped = null;
    main.setAttribute('aria-busy', on ? 'true' : 'false');
  }

  // the characters a person sees, as the server counts them (a family emoji is one, not seven code points)
  var graphemes = window.Intl && Intl.Segmenter ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
  function characters(text) {
    if (graphemes) {
      var n = 0;
      for (var it = graphemes.segment(text)[Symbol.iterator](), s = it.next(); !s.done; s = it.next()) { n++; }
      return n;
    }
    return Array.from(text).length;
  }

  function updateProgress() {
    var p = state.progress;
    var total = Math.max(1, p.total);
    var percent = state.done ? 100 : Math.round(100 * p.answered / total);
    progress.style.width = percent + '%';
    progress.setAttribute('aria-valuenow', String(percent));
    var words = fill(T.progress, { answered: state.done ? total : Math.min(p.answered + 1, total), total: total });
    progress.setAttribute('aria-valuetext', words);
    counter.textContent = words;
    // an ended conversation (finished, or "nee" to consent) has no question to count: "Vraag 1 van ongeveer 1" misleads;
    // nor has a welcome or an interlude ("Vraag 1" stood on the welcome and again on the first question)
    counter.hidden = state.done || (state.step && state.step.type === 'info');
  }

  function button(label, cls, onClick) {
    var b = el('button', { type: 'button', 'class': cls || '' }, label);
    b.addEventListener('click', function (e) {
      if (!busy) { tapped = b; }
      onClick(e);
      tapped = null;
    });
    return b;
  }

  function isPrevious(step, value) {
    var p = step.previous;
    if (p === null || p === undefined) { return false; }
    return Array.isArray(p) ? p.indexOf(value) >= 0 : String(p) === value;
  }

  // the earlier answer (after "back") is marked with a tick and says so to a screen reader
  function markPrevious(node) {
    node.classList.add('previous');
    node.appendChild(el('span', { 'class': 'previous-mark' }, ' \u2713<span class="sr-only"> (' + T.previous_answer + ')</span>'));
  }

  function optionButton(step, o, i, cls) {
    var b = button(withTranslation(o.label, translatedOption(i)), cls, function () { send(o.value); });
    b.dataset.value = o.value;
    if (isPrevious(step, o.value)) { markPrevious(b); }
    return b;
  }

  // "weet ik niet", skip and back: secondary actions in their own row under the options
  function secondaryActions(step) {
    secondary.innerHTML = '';
    var first = state.progress.answered === 0 && !state.echo;
    backButton.hidden = first;
    secondary.appendChild(backButton);
    step.options.forEach(function (o, i) {
      if (o.dontKnow) {
        var b = button(withTranslation(o.label, translatedOption(i)), 'quiet', function () { send(step.type === 'multi' ? [o.value] : o.value); });
        b.dataset.value = o.value;
        if (isPrevious(step, o.value)) { markPrevious(b); }
        secondary.appendChild(b);
      }
    });
    if (step.optional && step.type !== 'info') {
      secondary.appendChild(button(T.skip, 'quiet', function () { send(null); }));
    }
  }

  function scaleEnds(step) {
    if (!step.minLabel || !step.maxLabel) { return null; }
    var t = step.translation;
    var ends = el('p', { 'class': 'scale-ends', id: 'ends-' + step.id });
    ends.appendChild(el('span', {}, withTranslation(step.min + ' = ' + step.minLabel, t && t.minLabel ? step.min + ' = ' + t.minLabel : undefined)));
    ends.appendChild(el('span', {}, withTranslation(step.max + ' = ' + step.maxLabel, t && t.maxLabel ? step.max + ' = ' + t.maxLabel : undefined)));
    return ends;
  }

  function multi(step, row) {
    var fieldset = el('fieldset', { 'class': 'multi' });
    // the boxes that can be ticked together: one that unticks the others ("Geen van deze") is never among more
    var together = Math.max(1, step.options.filter(function (o) { return !o.dontKnow && !o.exclusive; }).length);
    var most = Math.min(step.max, together);
    // none needed: "Kies alles wat past" (or "Kies er hoogstens 3"), not "Kies er 0 tot en met 7"
    var key = step.min > 0 ? 'multi_hint' : most < together ? 'multi_hint_at_most' : 'multi_hint_any';
    var values = { min: step.min, max: most };
    var hint = fill(T[key], values);
    // on an intermediair's page in the resident's words too, above the intermediair's, as the question has it
    var theirs = assist && assist.hints && assist.hints[key] && state.language !== pageLanguage ? fill(assist.hints[key], values) : null;
    fieldset.appendChild(el('legend', { 'class': 'hint' }, theirs && theirs !== hint
      ? inLanguage(theirs, state.language, state.direction, 'original') + inLanguage(hint, pageLanguage, document.documentElement.dir || 'ltr', 'translation')
      : hint));
    // the boxes in a list of their own, which scrolls when they do not all fit, under the hint that stays in view
    var checks = el('div', { 'class': 'checks' });
    fieldset.appendChild(checks);
    var boxes = [];
    step.options.forEach(function (o, i) {
      if (o.dontKnow) { return; }
      var id = 'opt-' + step.id + '-' + i;
      var label = el('label', { 'for': id, 'class': 'check' });
      var box = el('input', { type: 'checkbox', id: id, value: o.value });
      box.checked = isPrevious(step, o.value);
      box.dataset.exclusive = o.exclusive ? 'true' : 'false';
      // an exclusive option ("Geen van deze") unticks the others, and another option unticks it
      box.addEventListener('change', function () {
        if (!box.checked) { return; }
        boxes.forEach(function (other) {
          if (other !== box && (o.exclusive || other.dataset.exclusive === 'true')) { other.checked = false; }
        });
      });
      boxes.push(box);
      label.appendChild(box);
      label.appendChild(el('span', {}, withTranslation(o.label, translatedOption(i))));
      checks.appendChild(label);
    });
    row.appendChild(fieldset);
    row.appendChild(button(T.confirm, 'primary', function () {
      send(boxes.filter(function (c) { return c.checked; }).map(function (c) { return c.value; }));
    }));
  }

  function typed(step, row) {
    var id = 'input-' + step.id;
    var input;
    if (step.type === 'text') {
      // what a person types may run in another direction than the page (Dutch in an Arabic chat): it follows itself
      input = el('textarea', { id: id, rows: '3', dir: 'auto' });
    } else if (step.type === 'number') {
      input = el('input', { id: id, type: 'text', inputmode: 'decimal', autocomplete: 'off' });
    } else {
      // typed as people write dates ("1-12-2026", "1 december"); the engine reads it in the conversation's language
      input = el('input', { id: id, type: 'text', autocomplete: 'off', placeholder: T.date_hint });
    }
    input.setAttribute('aria-label', T.your_answer);
    if (step.previous !== null && step.previous !== undefined) { input.value = String(step.previous); }
    if (step.type === 'text') {
      // what was typed and not yet sent survives a reload or a pull-to-refresh (it came back empty: the intermediair's
      // probe), in this tab only; it is not stored and not called saved, and goes once the answer is
      var draft = readDraft(step.id);
      if (draft) { input.value = draft; }
      input.addEventListener('input', function () { keepDraft(step.id, input.value); });
    }
    row.appendChild(input);
    if (step.type === 'text' && step.max) {
      // a visible counter instead of a box that silently cuts the text off; the server says so when it is too long
      var count = el('p', { 'class': 'char-count', id: 'count-' + step.id });
      var update = function () {
        var length = characters(input.value);
        count.textContent = length > step.max ? fill(T.counter_over, { count: length, max: step.max, over: length - step.max })
          : fill(T.counter, { count: length, max: step.max });
        count.classList.toggle('over', length > step.max);
      };
      input.setAttribute('aria-describedby', count.id);
      input.addEventListener('input', function () {
        update();
        // shortened by the person to what the question takes: the message about the longer text no longer holds (it
        // stood beside "4 van 1000" until the next send: the phone probe); not on drawing the step, after a refusal
        if (characters(input.value) <= step.max && !errorBox.hidden) { clearError(); }
      });
      update();
      row.appendChild(count);
    }
    var typedIn = null;
    if (assist && step.type === 'text') {
      // the intermediair may type the resident's words in another language: the answer keeps that language
      var pick = el('div', { 'class': 'typed-in' });
      pick.appendChild(el('label', { 'for': 'typed-in-' + step.id }, assist.typedIn));
      typedIn = el('select', { id: 'typed-in-' + step.id });
      var chosen = typedInChoice();
      assist.languages.forEach(function (l) {
        // each language's name in its own voice for a screen reader ("Türkçe" was read in the page's Dutch one)
        var option = el('option', { value: l.code, lang: l.code }, l.name);
        option.selected = l.code === chosen;
        typedIn.appendChild(option);
      });
      // the choice follows the letters typed where they are of a script the chosen language is not written in
      // (Arabic under Dutch: Arabic), and says so; the intermediair's own choice is what is kept for the next question
      var note = el('p', { 'class': 'hint typed-in-note', id: 'typed-in-note-' + step.id, role: 'status' });
      note.hidden = true;
      var follow = function () {
        var shown = followLetters(input.value, chosen);
        typedIn.value = shown;
        input.setAttribute('lang', shown);
        var followed = shown !== chosen;
        var was = !note.hidden;
        note.textContent = '';
        if (followed) {
          var name = el('bdi', { lang: shown });
          name.textContent = typedIn.options[typedIn.selectedIndex].text;
          var words = assist.typedInFollowed.split('$language');
          note.appendChild(document.createTextNode(words[0]));
          note.appendChild(name);
          note.appendChild(document.createTextNode(words.slice(1).join('$language')));
        }
        note.hidden = !followed;
        if (followed) { typedIn.dataset.followed = 'true'; } else { delete typedIn.dataset.followed; }
        // a line more or less under the box: the question placed again as the chat places it
        if (was !== followed && row.isConnected) { refit(); }
      };
      typedIn.addEventListener('change', function () {
        chosen = typedIn.value;
        rememberTypedIn(chosen);
        follow();
      });
      input.addEventListener('input', follow);
      pick.appendChild(typedIn);
      typedIn.setAttribute('aria-describedby', note.id);
      row.appendChild(pick);
      row.appendChild(note);
      follow();
    }
    var sendIt = function () { send(input.value, typedIn ? typedIn.value : undefined); };
    row.appendChild(button(T.send, 'primary', sendIt));
    form.onsubmit = function (e) { e.preventDefault(); sendIt(); };
    if (step.type !== 'text') {
      input.addEventListener('keydown', function (e) { if (e.key === 'Enter') { e.preventDefault(); sendIt(); } });
    }
    // the keyboard opening (a quarter of a second): the question placed again above the box, its end just above it,
    // or its beginning where it no longer fits (at twice the text size the chat's end showed only its last line, "Noem
    // geen namen", and the question was out of sight: the resident probe of December 2026); not if the box has gone
    // by then (its answer sent at once, pasted and Enter), else the next question was thrown after it was placed
    input.addEventListener('focus', function () {
      window.setTimeout(function () {
        if (document.activeElement === input) { if (lastQuestion) { toQuestion(lastQuestion); } else { toBottom(); } }
      }, 250);
    });
  }

  function renderStep(step) {
    var question = bubble(withTranslation(step.text, step.translation ? step.translation.text : undefined), 'bot', true);
    question.setAttribute('tabindex', '-1');
    question.id = 'q-' + step.id + '-' + messages.children.length;
    form.innerHTML = '';
    // the answers' form is named after its question, so a screen reader entering it hears what it answers; a long
    // question (a consent text) was read once when it appeared and would be read again in full at every step into
    // the form: that form is just "your answer"
    if (question.textContent.length <= 160) {
      form.removeAttribute('aria-label');
      form.setAttribute('aria-labelledby', question.id);
    } else {
      form.removeAttribute('aria-labelledby');
      form.setAttribute('aria-label', T.your_answer);
    }
    form.dataset.type = step.type;
    form.onsubmit = function (e) { e.preventDefault(); };
    var row = el('div', { 'class': 'choices ' + step.type });
    if (step.type === 'info') {
      row.appendChild(button(T.next, 'primary', function () { send(null); }));
    } else if (step.type === 'choice' || step.type === 'yesno') {
      step.options.forEach(function (o, i) { if (!o.dontKnow) { row.appendChild(optionButton(step, o, i, 'option')); } });
    } else if (step.type === 'scale') {
      var points = el('div', { 'class': 'points' });
      var ends = scaleEnds(step);
      step.options.forEach(function (o, i) {
        if (o.dontKnow) { return; }
        var point = optionButton(step, o, i, 'option point');
        // "4" alone says nothing to someone who cannot see "1 = nooit ... 5 = altijd" beside it: each point is
        // described by the scale's ends
        if (ends) { point.setAttribute('aria-describedby', ends.id); }
        points.appendChild(point);
      });
      row.appendChild(points);
      if (ends) { row.appendChild(ends); }
    } else if (step.type === 'multi') {
      multi(step, row);
    } else {
      typed(step, row);
    }
    form.appendChild(row);
    secondaryActions(step);
    lastQuestion = question;
    // after "Vorige" the question is read with the note that this is a step back
    if (wentBack) { question.setAttribute('aria-describedby', wentBack.id); wentBack = null; }
    watchOptions(step.type === 'multi' ? row.querySelector('.checks') : step.options.length ? row : null);
    keepRoomFor(question);
    toQuestion(question);
    if (optionList) { markMore(optionList); }
    // focus, not a live region, says a new question: it is read once, and Tab goes on to its answers (the list of
    // messages is no live region, else a screen reader reads the question twice: as it comes and as it takes focus)
    question.focus({ preventScroll: true });
  }

  // a finished conversation: the page from the server shows the transcript and the result with its actions;
  // a declined one (nothing kept, nothing to load again) only says so, here
  function finish() {
    var r = state.result;
    // a finished conversation, even one whose result is empty (a questionnaire brought as a spreadsheet: no scores,
    // tips or themes), is kept: its page, with thanks and "Wis mijn antwoorden"; only a refusal says so here
    if (r && !r.declined) {
      window.location.reload();
      return;
    }
    area.hidden = true;
    // nothing of it was kept: no code to come back with, no other language, nothing left to delete
    ['.chat-menu .resume', '.chat-menu .forget', '.chat-menu .switch-language'].forEach(function (selector) {
      var part = document.querySelector(selector);
      if (part) { part.remove(); }
    });
    // and a menu with nothing left in it goes too: it opened as an empty strip (the resident probe of December 2026)
    var menu = document.querySelector('.chat-menu');
    if (menu && !menu.querySelector('.menu-panel > *')) { menu.remove(); }
    resultBox.innerHTML = r ? r.html : '';
    resultBox.hidden = false;
    var onward = document.getElementById('after-declined');
    if (onward) { onward.hidden = false; }
    var heading = resultBox.querySelector('p') || resultBox;
    heading.setAttribute('tabindex', '-1');
    toBottom();
    heading.focus({ preventScroll: true });
  }

  function show() {
    updateProgress();
    if (state.done) {
      finish();
    } else {
      area.hidden = false;
      renderStep(state.step);
    }
  }

  function request(method, path, body) {
    return fetch(api + path + query, {
      method: method,
      // the page's language: a refusal the service answers before reading anything (too large, a wrong type) is in it
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'Accept-Language': pageLanguage },
      body: body === undefined ? (method === 'POST' ? '' : undefined) : JSON.stringify(body)
    }).then(function (r) {
      if (r.status === 204) { return { status: 204, data: null }; }
      var language = r.headers.get('Content-Language');
      return r.json().then(function (data) { return { status: r.status, data: data, language: language }; });
    });
  }

  // a typed answer not yet sent, kept in this tab's session storage only (gone when the tab closes), per question
  function draftKey(stepId) { return 'draft:' + state.id + ':' + stepId; }
  function readDraft(stepId) {
    try { return window.sessionStorage.getItem(draftKey(stepId)); } catch (e) { return null; }
  }
  function keepDraft(stepId, text) {
    try {
      if (text) { window.sessionStorage.setItem(draftKey(stepId), text); } else { window.sessionStorage.removeItem(draftKey(stepId)); }
    } catch (e) { /* private mode or full: the text stays in the box, as before */ }
  }
  function forgetDrafts() {
    try {
      var prefix = 'draft:' + state.id + ':';
      Object.keys(window.sessionStorage).filter(function (k) { return k.indexOf(prefix) === 0; })
        .forEach(function (k) { window.sessionStorage.removeItem(k); });
    } catch (e) { /* nothing kept */ }
  }

  // the language the intermediair last typed in, kept for this conversation only (this tab's session storage, keyed
  // by the conversation): Dutch typed for a Turkish resident stays Dutch on the next open question
  function typedInKey() { return 'typed-in:' + state.id; }
  function typedInChoice() {
    var kept = null;
    try { kept = window.sessionStorage.getItem(typedInKey()); } catch (e) { kept = null; }
    var known = kept && assist.languages.some(function (l) { return l.code === kept; });
    return known ? kept : assist.resident;
  }
  function rememberTypedIn(code) {
    try { window.sessionStorage.setItem(typedInKey(), code); } catch (e) { /* private mode: the resident's language first */ }
  }

  // The rule conversation.TypedLanguage keeps on the server, mirrored to show it: a text whose letters are all of one
  // script, typed under a language written in another, is in the first language written in that script of: the
  // resident's, the page's, then the service's in its order (the menu's, after the resident's). Mixed or script-less
  // text (digits, emoji), or letters of a script no language here is written in, leave the choice as it is.
  var scriptTests = {};
  function scriptTest(name) {
    if (!(name in scriptTests)) {
      try { scriptTests[name] = new RegExp('^\\p{Script=' + name + '}$', 'u'); } catch (e) { scriptTests[name] = null; }
    }
    return scriptTests[name];
  }
  var letter = null, common = null;
  try {
    letter = new RegExp('^\\p{L}$', 'u');
    common = new RegExp('^[\\p{Script=Common}\\p{Script=Inherited}]$', 'u');
  } catch (e) { letter = null; } // a browser without Unicode classes: the server judges alone
  function scriptOf(text) {
    if (!letter) { return null; }
    var scripts = assist.languages.map(function (l) { return l.script; }).filter(function (n, i, all) { return n && all.indexOf(n) === i; });
    var found = null;
    var chars = Array.from(text);
    for (var i = 0; i < chars.length; i++) {
      if (!letter.test(chars[i]) || common.test(chars[i])) { continue; }
      var script = scripts.filter(function (n) { return scriptTest(n) && scriptTest(n).test(chars[i]); })[0] || '?';
      if (found !== null && found !== script) { return null; }
      found = script;
    }
    return found === '?' ? null : found;
  }
  function languageOf(code) { return assist.languages.filter(function (l) { return l.code === code; })[0]; }
  function followLetters(text, chosen) {
    var letters = scriptOf(text);
    var said = languageOf(chosen);
    if (!letters || !said || !said.script || said.script === letters) { return chosen; }
    var candidates = [assist.resident, pageLanguage].concat(assist.languages.map(function (l) { return l.code; }));
    for (var i = 0; i < candidates.length; i++) {
      var l = languageOf(candidates[i]);
      if (l && l.script === letters) { return l.code; }
    }
    return chosen;
  }

  // after an answer that did not go through, the control it was given with has focus again (it lost it while
  // disabled), so a screen reader or keyboard user goes on where they were, not at the top of the page
  function refocus(control) {
    var target = control && document.body.contains(control) && !control.disabled ? control : form.querySelector('input, textarea, button');
    if (target) { target.focus({ preventScroll: true }); }
  }

  // the conversation is not there any more: deleted in another tab or by its code on another phone, or past the time
  // its flow keeps it. Each tap said "niet gevonden" again beside buttons that led nowhere; the page its address gives
  // now says so with the way on (the start page to begin another, an intermediair's own page)
  function gone(r) { return r.status === 404 && r.data && r.data.code === 'conversation_not_found'; }
  function goneElsewhere() {
    forgetDrafts();
    window.location.reload();
  }

  function send(value, textLanguage) {
    if (busy) { return; }
    var from = document.activeElement && area.contains(document.activeElement) ? document.activeElement : null;
    clearError();
    setBusy(true);
    var step = state.step.id;
    // the version of the flow the question was shown as: an answer to a question a version published since asks
    // otherwise is judged by the question this page showed, not by the version the conversation was stored under
    var body = { step: step, value: value, version: state.version };
    if (textLanguage) { body.textLanguage = textLanguage; }
    request('POST', '/answers', body).then(function (r) {
      setBusy(false);
      if (r.status === 200) {
        keepDraft(step, '');
        var echo = r.data.echo;
        if (echo && echo.step === step && echo.answer) {
          var mine = bubble(echo.answer, echo.skipped ? 'me skipped' : 'me', true);
          // a typed text in the language it was typed in; anything else is repeated in the conversation's words,
          // which on an intermediair's page are not the page's: a screen reader reads each in its own voice
          var said = textLanguage || (echo.skipped || state.step.type !== 'text' ? state.language : null);
          if (said && said !== pageLanguage) { mine.setAttribute('lang', said); }
        }
        state = r.data;
        if (state.done) { forgetDrafts(); }
        show();
      } else if (r.data && r.data.state) {
        showError(r.data.error, r.language);
        if (r.status === 409 || r.data.state.step === null || r.data.state.step.id !== state.step.id) {
          state = r.data.state;
          show();
        } else {
          markRefused();
          var field = form.querySelector('input, textarea, button');
          if (field) { field.focus(); }
        }
      } else if (gone(r)) {
        goneElsewhere();
      } else if (r.status === 401 && r.data && r.data.error) {
        // a login that ended (an intermediair's page): "Log eerst in." was a dead end; the way to log in and back here
        showError(r.data.error + ' ' + loginLink(), r.language);
      } else {
        showError((r.data && r.data.error) || T.network_error, r.data && r.data.error ? r.language : null);
        refocus(from);
      }
    }).catch(function () {
      setBusy(false);
      showError(T.network_error);
      refocus(from);
    });
  }

  backButton.addEventListener('click', function () {
    if (busy) { return; }
    clearError();
    setBusy(true);
    // back from the question shown: a tap sent again after a reply that never came (a phone's bad connection, the
    // question left in another tab) goes back once, not once more past a question the person did not see again
    request('POST', '/back', state.step ? { from: state.step.id } : undefined).then(function (r) {
      setBusy(false);
      if (r.status === 200) {
        state = r.data;
        wentBack = bubble(T.went_back, 'note', true);
        wentBack.id = 'went-back-' + messages.children.length;
        show();
      } else if (r.status === 409 && r.data && r.data.state) {
        // not from here any more: the question asked now, with why nothing changed
        showError(r.data.error, r.language);
        state = r.data.state;
        show();
      } else if (gone(r)) {
        goneElsewhere();
      } else if (r.status === 401 && r.data && r.data.error) {
        showError(r.data.error + ' ' + loginLink(), r.language);
      } else {
        showError((r.data && r.data.error) || T.network_error_back, r.data && r.data.error ? r.language : null);
      }
    }).catch(function () {
      // nothing was sent as an answer: say that going back did not happen, not that an answer was lost
      setBusy(false);
      showError(T.network_error_back);
    });
  });

  // "Later verder": the code and a link to copy
  var copy = document.getElementById('copy');
  var link = document.getElementById('resume-link');
  if (copy && link) {
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
  }

  // the menu's panel lies over the chat: Escape closes it and gives the focus back to "Menu" (as the account bar's
  // menu does), and Tab out of it closes it too, so the next control focused is not hidden under the panel
  var menu = document.getElementById('menu');
  if (menu) {
    var summary = menu.querySelector('summary');
    menu.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' && menu.open) {
        menu.open = false;
        summary.focus();
      }
    });
    menu.addEventListener('focusout', function (e) {
      if (menu.open && e.relatedTarget && !menu.contains(e.relatedTarget)) { menu.open = false; }
    });
    // the panel reaches down to the screen's bottom edge, not three quarters of the screen: at 360x640 "Wis mijn
    // antwoorden" lay under its edge, with the chat showing below it and nothing to say the panel scrolls
    var panel = menu.querySelector('.menu-panel');
    var fit = function () {
      if (!menu.open || !panel) { return; }
      panel.style.maxHeight = Math.max(160, window.innerHeight - panel.getBoundingClientRect().top) + 'px';
    };
    menu.addEventListener('toggle', fit);
    window.addEventListener('resize', fit);
  }

  // "Wis mijn antwoorden": confirm, DELETE, then the page that says it is done
  var confirmBox = document.getElementById('forget-confirm');
  var forgetOpen = document.querySelector('.forget-open');
  if (forgetOpen && confirmBox) {
    var no = document.getElementById('forget-no');
    var yes = document.getElementById('forget-yes');
    // back where the person asked: the button in the menu, which its click had closed (a focus on a button in a
    // closed menu goes nowhere, and the next Tab starts from the top of the page)
    var close = function () {
      confirmBox.hidden = true;
      document.getElementById('menu').open = true;
      forgetOpen.focus();
    };
    forgetOpen.addEventListener('click', function () {
      document.getElementById('menu').open = false;
      confirmBox.hidden = false;
      no.focus();
    });
    no.addEventListener('click', close);
    confirmBox.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') { close(); }
      // a modal question: Tab goes round its two buttons, never to the page dimmed behind it
      if (e.key === 'Tab') {
        var buttons = [yes, no].filter(function (b) { return !b.disabled; });
        var at = buttons.indexOf(document.activeElement);
        e.preventDefault();
        buttons[(at + (e.shiftKey ? buttons.length - 1 : 1)) % buttons.length].focus();
      }
    });
    yes.addEventListener('click', function () {
      yes.disabled = true;
      fetch(forgetOpen.dataset.forget, { method: 'DELETE', headers: { 'Accept-Language': pageLanguage } }).then(function (r) {
        if (r.status === 204 || r.status === 404) {
          forgetKeptScores();
          forgetDrafts();
          // an intermediair goes back to their page, which says the conversation is deleted, in their words
          window.location.replace(assist ? '/intermediair?lang=' + encodeURIComponent(pageLanguage) + '&done=conversation_deleted#mine-title'
            : '/deleted?lang=' + encodeURIComponent(pageLanguage) + '&flow=' + encodeURIComponent(state.flow));
        } else {
          throw new Error(String(r.status));
        }
      }).catch(function () {
        yes.disabled = false;
        var e = document.getElementById('forget-error');
        e.innerHTML = T.forget_failed; // about deleting, not about an answer: nothing was deleted
        e.hidden = false;
      });
    });
  }

  // the result: the comparison with an earlier result the person chose to keep on this device
  compare();

  // what "Bewaar mijn scores op dit apparaat" keeps of this result (null without scores), and under which key
  function resultScores() {
    var all = everyPart();
    return all ? all.filter(function (s) { return s.value !== null && s.value !== undefined; }) : null;
  }
  // every part of the result, in this page's language, its value null when it has no score
  function everyPart() { return main.dataset.scores ? JSON.parse(main.dataset.scores) : null; }
  function scoresKey() { return 'samenspraak.scores.' + state.flow; }
  function sameResult(kept, scores) {
    return kept && kept.day === main.dataset.day && JSON.stringify(kept.scores) === JSON.stringify(scores);
  }

  // "Wis mijn antwoorden" on a result whose scores were kept on this device drops them too: the page that follows
  // says nothing of the conversation is kept, and on a shared phone the next person saw them as "Vorige keer".
  // Scores kept from another reflection (another day or other scores) are not this conversation's and stay.
  function forgetKeptScores() {
    var scores = resultScores();
    if (!scores) { return; }
    try {
      if (sameResult(JSON.parse(window.localStorage.getItem(scoresKey())), scores)) {
        window.localStorage.removeItem(scoresKey());
      }
    } catch (e) { /* no storage on this device (private mode): nothing was kept */ }
  }

  // "2026-12-06" as the server writes a date in this page's language ("6 december 2026"); null without month names
  function dayWords(day) {
    var months = (main.dataset.months || '').split('|');
    var parts = String(day || '').split('-');
    if (months.length !== 12 || parts.length !== 3) { return null; }
    return parseInt(parts[2], 10) + ' ' + months[parseInt(parts[1], 10) - 1] + ' ' + parts[0];
  }

  function compare() {
    var section = document.getElementById('compare');
    var scores = resultScores();
    var store = null;
    try { store = window.localStorage; } catch (e) { store = null; }
    if (!section || !scores || !store) { return; }
    var key = scoresKey();
    var now = { day: main.dataset.day, date: main.dataset.date, scores: scores };
    var keep = document.getElementById('keep-scores');
    var drop = document.getElementById('drop-scores');
    var note = document.getElementById('compare-note');
    var kept = null;
    try { kept = JSON.parse(store.getItem(key)); } catch (e) { kept = null; }
    var same = function (a) { return sameResult(a, scores); };
    if (!scores.length && !(kept && kept.scores)) { return; } // nothing to keep, nothing to compare with
    if (kept && kept.scores && !same(kept)) {
      var table = el('table', { 'class': 'figures compare-table' });
      table.appendChild(el('caption', {}, T.compare_table));
      var head = el('tr');
      // the day kept, written in this page's language (it was kept as written on the day: a Dutch date in an Arabic
      // table, its brackets turned round), isolated so its digits keep their order in a right-to-left heading
      [T.compare_dimension, fill(T.compare_previous, { date: '\u2068' + (dayWords(kept.day) || kept.date) + '\u2069' }),
        T.compare_now].forEach(function (h) {
        head.appendChild(el('th', { scope: 'col' }, h));
      });
      table.appendChild(head);
      var row = function (name, before, after) {
        var tr = el('tr');
        tr.appendChild(el('th', { scope: 'row' }, name));
        tr.appendChild(el('td', {}, before ? String(before.value) : '\u2013'));
        tr.appendChild(el('td', {}, after ? String(after.value) : '\u2013'));
        table.appendChild(tr);
      };
      // every part scored then or now, named in this page's language: a part scored last time and not now ("weet
      // ik niet" on each of its questions) keeps its row, with a dash now (it was left out)
      var parts = everyPart();
      parts.forEach(function (s) {
        var before = kept.scores.filter(function (k) { return k.dimension === s.dimension; })[0];
        var scored = s.value !== null && s.value !== undefined;
        if (before || scored) { row(s.name, before, scored ? s : null); }
      });
      kept.scores.forEach(function (k) {
        if (!parts.some(function (s) { return s.dimension === k.dimension; })) { row(k.name, k, null); }
      });
      document.getElementById('compare-table').appendChild(table);
    }
    drop.hidden = !kept;
    keep.hidden = same(kept) || !scores.length;
    // nothing kept yet: the section is about keeping, not comparing ("Vergelijk met je vorige reflectie" stood
    // above a first reflection, with nothing earlier to compare with)
    if (!(kept && kept.scores)) { document.getElementById('compare-title').innerHTML = T.compare_title_first; }
    keep.addEventListener('click', function () {
      store.setItem(key, JSON.stringify(now));
      note.innerHTML = T.compare_kept;
      keep.hidden = true;
      drop.hidden = false;
    });
    drop.addEventListener('click', function () {
      store.removeItem(key);
      note.innerHTML = T.compare_dropped;
      drop.hidden = true;
      keep.hidden = false;
    });
    section.hidden = false;
  }

  if (state.done) {
    updateProgress();
    var doneNote = document.getElementById('done-note');
    if (doneNote) {
      main.scrollTop = Math.max(0, doneNote.offsetTop - main.offsetTop - 8);
      // a screen reader starts here; the ring shows once a key is pressed: on a page just loaded the browser took the
      // focus for a keyboard's and ringed the note after a tap on the last answer (the resident probe)
      doneNote.classList.add('quiet-focus');
      document.addEventListener('keydown', function () { doneNote.classList.remove('quiet-focus'); }, { once: true, capture: true });
      doneNote.focus({ preventScroll: true });
    }
  } else {
    show();
  }
}());
