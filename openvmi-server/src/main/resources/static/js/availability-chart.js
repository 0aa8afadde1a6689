// The item page's availability chart: projected available by date (a step line) and available-to-promise.
// The panel arrives by htmx, so the chart is drawn on load and again after every swap of the panel.
(function () {
  'use strict';
  function draw() {
    var box = document.getElementById('availability-chart');
    var source = document.getElementById('availability-chart-data');
    if (!box || !source || typeof echarts === 'undefined' || box.dataset.drawn) {
      return;
    }
    box.dataset.drawn = '1';
    var d = JSON.parse(source.textContent || '{}');
    var L = d.labels || {};
    var dates = d.dates || [];
    echarts.init(box).setOption({
      animation: !navigator.webdriver,
      tooltip: {trigger: 'axis'},
      legend: {top: 4, data: [L.projected, L.atp]},
      grid: {left: 60, right: 24, top: 48, bottom: 40},
      xAxis: {type: 'category', data: dates},
      yAxis: {type: 'value'},
      series: [
        {name: L.projected, type: 'line', step: 'end', data: (d.projected || []).map(Number), itemStyle: {color: '#0f766e'}},
        {name: L.atp, type: 'line', data: dates.map(function () { return Number(d.atp); }), showSymbol: false,
          lineStyle: {type: 'dashed'}, itemStyle: {color: '#d97706'}}
      ]
    });
  }
  document.addEventListener('DOMContentLoaded', draw);
  document.addEventListener('htmx:afterSettle', draw);
  draw();
}());
