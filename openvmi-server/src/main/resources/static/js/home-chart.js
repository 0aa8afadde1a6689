// The home page's chart of items per category; its data is the JSON block #category-data (no inline script: CSP).
(function () {
  var source = document.getElementById('category-data');
  var target = document.getElementById('category-chart');
  if (!source || !target || typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(source.textContent || '{}');
  var none = source.getAttribute('data-none') || '-';
  var names = Object.keys(data).map(function (k) { return k || none; });
  var chart = echarts.init(target);
  chart.setOption({
    tooltip: {}, grid: {left: 48, right: 16, top: 16, bottom: 64},
    xAxis: {type: 'category', data: names, axisLabel: {interval: 0, rotate: 30}},
    yAxis: {type: 'value'},
    series: [{type: 'bar', data: Object.values(data), itemStyle: {color: '#0f766e'}}]
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
