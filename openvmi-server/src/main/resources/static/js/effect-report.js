// The effect report's bars: each figure of the baseline (a) beside the engine's (b), one small chart per figure
// because the figures have different units. Data and labels come from #effect-data (no inline script: CSP).
(function () {
  var source = document.getElementById('effect-data');
  var target = document.getElementById('effect-chart');
  if (!source || !target || typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(source.textContent || '{}');
  var names = (source.getAttribute('data-figures') || '').split('|');
  var a = source.getAttribute('data-baseline');
  var b = source.getAttribute('data-engine');
  var grid = [];
  var xAxis = [];
  var yAxis = [];
  var series = [];
  names.forEach(function (name, i) {
    grid.push({left: (i * 20 + 3) + '%', width: '14%', top: 40, bottom: 40});
    xAxis.push({gridIndex: i, type: 'category', data: [name], axisLabel: {interval: 0}});
    yAxis.push({gridIndex: i, type: 'value'});
    series.push({name: a, type: 'bar', xAxisIndex: i, yAxisIndex: i, data: [data.baseline[i]], itemStyle: {color: '#b45309'}});
    series.push({name: b, type: 'bar', xAxisIndex: i, yAxisIndex: i, data: [data.engine[i]], itemStyle: {color: '#0f766e'}});
  });
  var chart = echarts.init(target);
  chart.setOption({tooltip: {trigger: 'axis'}, legend: {data: [a, b]}, grid: grid, xAxis: xAxis, yAxis: yAxis, series: series});
  window.addEventListener('resize', function () { chart.resize(); });
})();
