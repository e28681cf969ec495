// Draws the manager dashboard's charts with Chart.js (served from its webjar). Each <canvas data-chart> carries
// its figures as JSON; the table below each chart holds the same figures as text.
(function () {
  'use strict';
  var COLOURS = ['#1f5f8b', '#e07b39', '#3a8f5c', '#8a4fa3', '#c23b5a', '#6b7b8c', '#b58b00', '#2b9aa0', '#7a5c3e', '#4b5fc2'];
  var BANDS = ['#c23b5a', '#e07b39', '#8fb3d1', '#1f5f8b'];

  // a long dimension name on two lines beside its bar, so a phone shows it whole
  function twoLines(value) {
    return inTwo(String(this.getLabelForValue(value)));
  }

  // a long option label cut short (the table below has it in full) and on two lines: on one line a phone cut off its
  // start ("aar sta ik eigenlijk ..."); each line as long as the chart's width leaves room for beside its bars, a long
  // word cut too (at 320 px "Iemand van een migrantenorganisatie" showed as "...antenorganisatie of ...")
  function shortTwoLines(value) {
    var label = String(this.getLabelForValue(value));
    var perLine = Math.max(12, Math.min(24, Math.floor(this.chart.width * 0.4 / 6.5)));
    var most = Math.min(40, 2 * perLine);
    return inTwo(label.length > most ? label.slice(0, most - 1) + '…' : label, perLine);
  }

  function inTwo(label, perLine) {
    if (label.length <= 18) {
      return label;
    }
    var cut = label.lastIndexOf(' ', Math.ceil(label.length / 2) + 4);
    var lines = cut > 0 ? [label.slice(0, cut), label.slice(cut + 1)] : [label];
    if (perLine) {
      lines = lines.map(function (line) { return line.length > perLine ? line.slice(0, perLine - 1) + '…' : line; });
    }
    return lines.length === 1 ? lines[0] : lines;
  }

  function config(data, rtl) {
    // a bar chart lying down starts its bars at its labels: on the right in a right-to-left page, as its values run
    var side = rtl ? 'right' : 'left';
    var legend = {display: data.series.length > 1, rtl: rtl, position: 'bottom'};
    var common = {responsive: true, maintainAspectRatio: false, animation: false,
      plugins: {legend: legend, tooltip: {rtl: rtl}}};
    if (data.kind === 'stacked') {
      return {type: 'bar', data: {labels: data.labels, datasets: data.series.map(function (s, i) {
        return {label: s.label, data: s.data, backgroundColor: BANDS[i % BANDS.length]};
      })}, options: Object.assign(common, {indexAxis: 'y',
        scales: {x: {stacked: true, beginAtZero: true, ticks: {precision: 0}, reverse: rtl},
          y: {stacked: true, position: side, ticks: {autoSkip: false, callback: twoLines}}}})};
    }
    if (data.kind === 'summary') {
      // a round's summary: per dimension the share of people in each quarter of 0-100, the mean in the label
      legend.labels = {boxWidth: 12, font: {size: 11}};
      return {type: 'bar', data: {labels: data.labels, datasets: data.series.map(function (s, i) {
        return {label: s.label, data: s.data, backgroundColor: BANDS[i % BANDS.length]};
      })}, options: Object.assign(common, {indexAxis: 'y',
        scales: {x: {stacked: true, min: 0, max: 100, ticks: {callback: function (v) { return v + '%'; }}, reverse: rtl},
          y: {stacked: true, position: side, ticks: {autoSkip: false, font: {size: 12}, callback: twoLines}}}})};
    }
    if (data.kind === 'trend') {
      return {type: 'bar', data: {labels: data.labels, datasets: data.series.map(function (s, i) {
        var line = s.kind === 'line';
        return {type: line ? 'line' : 'bar', label: s.label, data: s.data, yAxisID: s.axis,
          backgroundColor: line ? COLOURS[i % COLOURS.length] : '#d9e4ee', borderColor: COLOURS[i % COLOURS.length],
          spanGaps: true, order: line ? 0 : 1};
      })}, options: Object.assign(common, {scales: {
        x: {reverse: rtl},
        count: {type: 'linear', position: rtl ? 'right' : 'left', beginAtZero: true, ticks: {precision: 0}},
        score: {type: 'linear', position: rtl ? 'left' : 'right', min: 0, max: 100, grid: {drawOnChartArea: false}}}})};
    }
    if (data.kind === 'lines') {
      // the mean per dimension over the counted rounds, oldest first (0-100)
      return {type: 'line', data: {labels: data.labels, datasets: data.series.map(function (s, i) {
        return {label: s.label, data: s.data, borderColor: COLOURS[i % COLOURS.length], backgroundColor: COLOURS[i % COLOURS.length],
          spanGaps: true, pointRadius: 4};
      })}, options: Object.assign(common, {plugins: {legend: Object.assign(legend, {display: true}), tooltip: {rtl: rtl}},
        // offset: half a round's room at either end, so the first and the latest round's names stay whole (in Arabic
        // the axis is reversed and "الجولة 3" was cut at the left edge)
        scales: {x: {reverse: rtl, offset: true}, y: {min: 0, max: 100, position: rtl ? 'right' : 'left'}}})};
    }
    if (data.kind === 'grouped') {
      // wijken or teams side by side: per dimension a bar for each, the mean score (0-100)
      legend.display = true;
      legend.labels = {boxWidth: 12, font: {size: 11}};
      return {type: 'bar', data: {labels: data.labels, datasets: data.series.map(function (s, i) {
        return {label: s.label, data: s.data, backgroundColor: COLOURS[i % COLOURS.length]};
      })}, options: Object.assign(common, {indexAxis: 'y',
        scales: {x: {min: 0, max: 100, reverse: rtl}, y: {position: side, ticks: {autoSkip: false, font: {size: 12}, callback: twoLines}}}})};
    }
    return {type: 'bar', data: {labels: data.labels, datasets: data.series.map(function (s) {
      return {label: s.label, data: s.data, backgroundColor: COLOURS[0]};
    })}, options: Object.assign(common, {indexAxis: 'y',
      scales: {x: {beginAtZero: true, ticks: {precision: 0}, reverse: rtl}, y: {position: side, ticks: {autoSkip: false, callback: shortTwoLines}}}})};
  }

  // a bar chart lying down whose labels need more height than their rows have once the legend has taken its rows
  // (on a 360 px phone the four bands' legend takes two): taller by what is missing. The two-line labels of the
  // neighbourhood analysis's "Scores per onderdeel" ran into one another there.
  function roomForLabels(chart, height) {
    var y = chart.scales.y;
    if (chart.options.indexAxis !== 'y' || !y || !y.ticks.length) {
      return;
    }
    var font = Chart.helpers.toFont(y.options.ticks.font);
    var lines = Math.max.apply(null, y.ticks.map(function (t) { return Array.isArray(t.label) ? t.label.length : 1; }));
    var row = lines * font.lineHeight + 6;
    var missing = Math.ceil(row * y.ticks.length - y.height);
    if (missing > 0) {
      chart.canvas.parentElement.style.height = (height + missing) + 'px';
      chart.resize();
    }
  }

  // draws the charts not drawn yet but those in a folded group: folded, a chart has no room to be measured, so it is
  // drawn when its group opens (on a phone the flow page's chart per question is drawn as the manager opens its group)
  function draw() {
    if (typeof Chart === 'undefined') {
      return;
    }
    var rtl = document.documentElement.dir === 'rtl';
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    document.querySelectorAll('canvas[data-chart]:not([data-drawn])').forEach(function (canvas) {
      if (canvas.closest('details:not([open])')) {
        return;
      }
      var data = JSON.parse(canvas.getAttribute('data-chart'));
      var rows = data.kind === 'trend' ? 1 : data.labels.length;
      var height = data.kind === 'trend' || data.kind === 'lines' ? 260 : data.kind === 'summary' ? 32 * rows + 64
        : data.kind === 'grouped' ? Math.max(160, rows * (14 * data.series.length + 16) + 70) : Math.max(120, 36 * rows + 60);
      canvas.parentElement.style.height = height + 'px';
      var chart = new Chart(canvas, config(data, rtl));
      roomForLabels(chart, height);
      canvas.setAttribute('data-drawn', 'true');
    });
  }

  // Filters that apply without a full reload: a form marked data-fragment fetches the same page (the link works
  // without JavaScript too), swaps in the element named by data-fragment and draws its charts. On failure the
  // form is sent the ordinary way.
  function swap(form, url) {
    var target = document.getElementById(form.getAttribute('data-fragment'));
    if (!target || !window.fetch || !window.DOMParser) {
      return false;
    }
    target.setAttribute('aria-busy', 'true');
    fetch(url, {credentials: 'same-origin', headers: {'Accept': 'text/html'}}).then(function (r) {
      if (!r.ok && r.status !== 422) {
        throw new Error(r.status);
      }
      return r.text();
    }).then(function (html) {
      var page = new DOMParser().parseFromString(html, 'text/html');
      var fresh = page.getElementById(target.id);
      var freshForm = form.id ? page.getElementById(form.id) : null;
      if (!fresh) {
        throw new Error('no ' + target.id);
      }
      var opened = openGroups(target);
      target.replaceWith(fresh);
      if (freshForm) {
        form.replaceWith(freshForm);
        enhance(freshForm);
      }
      history.replaceState(null, '', url);
      fold(fresh, opened);
      draw();
      var status = document.getElementById('fragment-status');
      if (status) {
        status.textContent = fresh.getAttribute('data-loaded') || '';
      }
    }).catch(function () {
      window.location.assign(url);
    });
    return true;
  }

  function enhance(form) {
    function go(event) {
      var params = new URLSearchParams(new FormData(form));
      var url = form.getAttribute('action') + '?' + params.toString();
      if (swap(form, url) && event) {
        event.preventDefault();
      }
    }
    form.addEventListener('submit', go);
    form.querySelectorAll('select').forEach(function (select) {
      select.addEventListener('change', function () { go(null); });
    });
  }

  // The flow page on a phone: every dimension's questions, each with its chart and table, made it 12,000 to 18,000 px
  // long. On a narrow screen the groups start folded, so the manager sees the trend and the groups' titles (the
  // contents there, app.css) and opens what they want; a link to a group or one of its questions opens that group. The server
  // sends the groups open: without this script, on a wide screen and on paper every group is open, as before.
  // 40rem: where the staff pages' other phone rules begin (app.css).
  var NARROW = '(max-width: 40rem)';

  function openGroups(root) {
    return Array.prototype.map.call(root.querySelectorAll('details.dimension-group[open]'), function (g) { return g.id; });
  }

  // folds the groups under root on a narrow screen but those named in keep; called before drawing, so that a folded
  // group's charts are drawn when it opens
  function fold(root, keep) {
    if (!window.matchMedia(NARROW).matches) {
      return;
    }
    root.querySelectorAll('details.dimension-group').forEach(function (g) {
      g.open = keep.indexOf(g.id) >= 0;
    });
  }

  // the element a fragment names and the group it is (in): "#dim-x" names the group itself, and Chromium opens a
  // folded <details> for a fragment inside it but not for one that names the <details>
  function fragment(hash) {
    var id;
    try {
      id = hash ? decodeURIComponent(hash.slice(1)) : '';
    } catch (e) {
      return null; // a mistyped address ("#%E0") names nothing
    }
    var target = id ? document.getElementById(id) : null;
    var group = target && target.closest ? target.closest('details.dimension-group') : null;
    return group ? {target: target, group: group} : null;
  }

  // folds the groups on a phone but the one the address names, then draws the charts of what is open and goes to what
  // the address names (the browser went to it with every group open and no chart drawn)
  function foldGroupsAndDraw() {
    var wanted = fragment(location.hash);
    fold(document, wanted ? [wanted.group.id] : []);
    draw();
    if (wanted && window.matchMedia(NARROW).matches) {
      wanted.target.scrollIntoView();
    }
    // a group opened by a tap on its title: its charts
    document.addEventListener('toggle', function (event) {
      if (event.target.open) {
        draw();
      }
    }, true);
    // a link in the table of contents (or any link to a group or question on the page): the group opens and its
    // charts are drawn before the browser scrolls to it, as it does after this handler, so nothing above the target
    // grows after the scroll
    document.addEventListener('click', function (event) {
      var link = event.target.closest ? event.target.closest('a[href^="#"]') : null;
      var wanted = link ? fragment(link.hash) : null;
      if (wanted) {
        wanted.group.open = true;
        draw();
      }
    });
    // an address changed by hand or by going back
    window.addEventListener('hashchange', function () {
      var wanted = fragment(location.hash);
      if (wanted && !wanted.group.open) {
        wanted.group.open = true;
        draw();
        wanted.target.scrollIntoView();
      }
    });
    // on paper every group with its charts, open or folded on the screen; folded again afterwards as they were
    var onScreen = null;
    window.addEventListener('beforeprint', function () {
      onScreen = openGroups(document);
      document.querySelectorAll('details.dimension-group').forEach(function (g) { g.open = true; });
      draw();
    });
    window.addEventListener('afterprint', function () {
      if (onScreen) {
        document.querySelectorAll('details.dimension-group').forEach(function (g) { g.open = onScreen.indexOf(g.id) >= 0; });
        onScreen = null;
      }
    });
  }

  function start() {
    foldGroupsAndDraw();
    document.querySelectorAll('form[data-fragment]').forEach(enhance);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
