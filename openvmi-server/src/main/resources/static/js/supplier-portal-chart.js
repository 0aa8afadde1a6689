// The supplier portal's consumption chart: units of the supplier's items consumed per day at the buyer.
(function () {
  'use strict';
  function draw() {
    var box = document.getElementById('consumption-chart');
    var source = document.getElementById('consumption-data');
    if (!box || !source || typeof echarts === 'undefined') {
      return;
    }
    var d = JSON.parse(source.textContent || '{}');
    // nothing consumed in the window: a flat line at zero reads as a broken chart, so the chart says so
    var none = !(d.qty || []).some(function (q) { return Number(q) > 0; });
    echarts.init(box).setOption({
      graphic: none ? [{type: 'text', left: 'center', top: 'middle', silent: true,
        style: {text: source.getAttribute('data-empty') || '', fill: '#64748b', fontSize: 14}}] : [],
      animation: !navigator.webdriver,
      tooltip: {trigger: 'axis'},
      grid: {left: 60, right: 24, top: 24, bottom: 32},
      xAxis: {type: 'category', data: d.days},
      yAxis: {type: 'value', min: 0},
      series: [{name: d.label, type: 'bar', data: d.qty.map(Number), itemStyle: {color: '#0f766e'}}]
    });
  }
  document.addEventListener('DOMContentLoaded', draw);
})();
