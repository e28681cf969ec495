// Draws the manager dashboard's charts with Chart.js (served from its webjar). Each <canvas data-chart> carries
// its figures as JSON; the table below each chart holds the same figures as text.
(function () {
  'use strict';
  var COLOURS = ['#1f5f8b', '#e07b39', '#3a8f5c', '#8a4fa3', '#c23b5a', '#6b7b8c', '#b58b00', '#2b9aa0', '#7a5c3e', '#4b5fc2'];
  var BANDS = ['#c23b5a', '#e07b39', '#8fb3d1', '#1f5f8b'];

  // long option labels are cut short beside the bars; the table below has them in full
  function shortLabel(value) {
    var label = String(this.getLabelForValue(value));
    return label.length > 28 ? label.slice(0, 27) + '…' : label;
  }

  // a long dimension name on two lines beside its bar, so a phone shows it whole
  function twoLines(value) {
    var label = String(this.getLabelForValue(value));
    if (label.length <= 18) {
      return label;
    }
    var cut = label.lastIndexOf(' ', Math.ceil(label.length / 2) + 4);
    return cut > 0 ? [label.slice(0, cut), label.slice(cut + 1)] : label;
  }

  function config(data, rtl) {
    var legend = {display: data.series.length > 1, rtl: rtl, position: 'bottom'};
    var common = {responsive: true, maintainAspectRatio: false, animation: false,
      plugins: {legend: legend, tooltip: {rtl: rtl}}};
    if (data.kind === 'stacked') {
      return {type: 'bar', data: {labels: data.labels, datasets: data.series.map(function (s, i) {
        return {label: s.label, data: s.data, backgroundColor: BANDS[i % BANDS.length]};
      })}, options: Object.assign(common, {indexAxis: 'y',
        scales: {x: {stacked: true, beginAtZero: true, ticks: {precision: 0}, reverse: rtl}, y: {stacked: true}}})};
    }
    if (data.kind === 'summary') {
      // a round's summary: per dimension the share of people in each quarter of 0-100, the mean in the label
      legend.labels = {boxWidth: 12, font: {size: 11}};
      return {type: 'bar', data: {labels: data.labels, datasets: data.series.map(function (s, i) {
        return {label: s.label, data: s.data, backgroundColor: BANDS[i % BANDS.length]};
      })}, options: Object.assign(common, {indexAxis: 'y',
        scales: {x: {stacked: true, min: 0, max: 100, ticks: {callback: function (v) { return v + '%'; }}, reverse: rtl},
          y: {stacked: true, ticks: {autoSkip: false, font: {size: 12}, callback: twoLines}}}})};
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
    return {type: 'bar', data: {labels: data.labels, datasets: data.series.map(function (s) {
      return {label: s.label, data: s.data, backgroundColor: COLOURS[0]};
    })}, options: Object.assign(common, {indexAxis: 'y',
      scales: {x: {beginAtZero: true, ticks: {precision: 0}, reverse: rtl}, y: {ticks: {autoSkip: false, callback: shortLabel}}}})};
  }

  function draw() {
    if (typeof Chart === 'undefined') {
      return;
    }
    var rtl = document.documentElement.dir === 'rtl';
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
      var data = JSON.parse(canvas.getAttribute('data-chart'));
      var rows = data.kind === 'trend' ? 1 : data.labels.length;
      var height = data.kind === 'trend' ? 260 : data.kind === 'summary' ? 32 * rows + 64 : Math.max(120, 36 * rows + 60);
      canvas.parentElement.style.height = height + 'px';
      new Chart(canvas, config(data, rtl));
      canvas.setAttribute('data-drawn', 'true');
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
