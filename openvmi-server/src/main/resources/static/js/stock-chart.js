// The stock page's chart: stock value per warehouse, own stock and consignment stacked. Drawn on load and again
// whenever the filters swap in new results (htmx).
(function () {
  'use strict';
  var chart = null;

  function draw() {
    var box = document.getElementById('stock-chart');
    var source = document.getElementById('stock-chart-data');
    if (chart) {
      chart.dispose();
      chart = null;
    }
    if (!box || !source || typeof echarts === 'undefined') {
      return;
    }
    var data = JSON.parse(source.textContent || '{}');
    chart = echarts.init(box);
    chart.setOption({
      animation: !navigator.webdriver,
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
      legend: {top: 4},
      grid: {left: 90, right: 24, top: 40, bottom: 32},
      // every warehouse named (ECharts' default hides labels it thinks overlap)
      xAxis: {type: 'category', data: data.warehouses || [],
        axisLabel: {interval: 0, rotate: (data.warehouses || []).length > 6 ? 30 : 0}},
      yAxis: {type: 'value'},
      series: [
        {name: data.ownLabel, type: 'bar', stack: 'value', barMaxWidth: 90, data: (data.own || []).map(Number), itemStyle: {color: '#0f766e'}},
        {name: data.consignmentLabel, type: 'bar', stack: 'value', barMaxWidth: 90, data: (data.consignment || []).map(Number),
          itemStyle: {color: '#d97706'}}
      ]
    });
  }

  document.addEventListener('DOMContentLoaded', draw);
  if (document.readyState !== 'loading') {
    draw();
  }
  // new results bring a new chart box (or none): draw again
  document.addEventListener('htmx:afterSettle', function () {
    if (!chart || chart.getDom() !== document.getElementById('stock-chart')) {
      draw();
    }
  });
  window.addEventListener('resize', function () { if (chart) { chart.resize(); } });
})();
