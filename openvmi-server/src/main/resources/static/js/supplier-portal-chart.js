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
    echarts.init(box).setOption({
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
