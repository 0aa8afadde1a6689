// The stock-level chart of one item in one warehouse: daily closing stock with the safety, warning and max lines.
(function () {
  'use strict';
  function draw() {
    var box = document.getElementById('stock-lines-chart');
    var source = document.getElementById('stock-lines-data');
    if (!box || !source || typeof echarts === 'undefined') {
      return;
    }
    var d = JSON.parse(source.textContent || '{}');
    function line(name, value, color) {
      return {name: name, type: 'line', symbol: 'none', data: d.days.map(function () { return Number(value); }),
        lineStyle: {type: 'dashed', color: color, width: 1.5}, itemStyle: {color: color}};
    }
    echarts.init(box).setOption({
      animation: !navigator.webdriver,
      tooltip: {trigger: 'axis'},
      legend: {top: 4},
      grid: {left: 60, right: 24, top: 40, bottom: 32},
      xAxis: {type: 'category', data: d.days},
      yAxis: {type: 'value', min: 0},
      series: [
        {name: d.stockLabel, type: 'line', step: 'end', symbol: 'none', data: d.stock.map(Number),
          areaStyle: {opacity: 0.15}, itemStyle: {color: '#0f766e'}},
        line(d.maxLabel, d.max, '#7c3aed'),
        line(d.warningLabel, d.warning, '#d97706'),
        line(d.safetyLabel, d.safety, '#b91c1c')
      ]
    });
  }
  document.addEventListener('DOMContentLoaded', draw);
})();
