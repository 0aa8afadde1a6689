// The transfer board's chart: days of cover per warehouse before and after the plan's moves, with the threshold.
(function () {
  'use strict';
  function draw() {
    var box = document.getElementById('cover-chart');
    var source = document.getElementById('cover-chart-data');
    if (!box || !source || typeof echarts === 'undefined') {
      return;
    }
    var d = JSON.parse(source.textContent || '{}');
    function days(list) {
      return (list || []).map(function (v) { return v === null ? null : Number(v); });
    }
    echarts.init(box).setOption({
      animation: !navigator.webdriver,
      tooltip: {trigger: 'axis'},
      legend: {top: 4},
      grid: {left: 60, right: 24, top: 40, bottom: 32},
      xAxis: {type: 'category', data: d.warehouses || []},
      yAxis: {type: 'value', min: 0, name: d.axisLabel},
      series: [
        {name: d.beforeLabel, type: 'bar', data: days(d.before), itemStyle: {color: '#94a3b8'},
          markLine: {symbol: 'none', data: [{yAxis: Number(d.threshold), name: d.thresholdLabel}],
            lineStyle: {type: 'dashed', color: '#b91c1c'}, label: {formatter: d.thresholdLabel}}},
        {name: d.afterLabel, type: 'bar', data: days(d.after), itemStyle: {color: '#0f766e'}}
      ]
    });
  }
  document.addEventListener('DOMContentLoaded', draw);
})();
