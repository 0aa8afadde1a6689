// The planner's and the finance dashboards: each chart is described (type, categories, series with their labels in the
// page's language) in the JSON block #role-dashboard-data; no inline script (CSP).
(function () {
  var source = document.getElementById('role-dashboard-data');
  if (!source || typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(source.textContent || '{}');
  var colours = ['#0f766e', '#b45309', '#1d4ed8', '#b91c1c', '#7c3aed', '#15803d', '#a16207'];
  var charts = [];
  var percent = function (v) { return v === null || v === undefined ? '' : Math.round(v * 1000) / 10 + '%'; };
  (data.charts || []).forEach(function (spec) {
    var target = document.getElementById(spec.id);
    if (!target) {
      return;
    }
    var option;
    if (spec.type === 'pie') {
      option = {
        color: colours, tooltip: {trigger: 'item'}, legend: {bottom: 0},
        series: spec.series.map(function (s) {
          return {name: s.name, type: 'pie', radius: ['35%', '65%'], data: s.data};
        })
      };
    } else {
      option = {
        color: colours, tooltip: {trigger: 'axis', valueFormatter: spec.percent ? percent : undefined},
        legend: {data: spec.series.map(function (s) { return s.name; })},
        grid: {left: 64, right: 16, top: 40, bottom: 32},
        xAxis: {type: 'category', data: spec.categories},
        yAxis: {type: 'value', axisLabel: spec.percent ? {formatter: percent} : {}},
        series: spec.series.map(function (s) {
          return {name: s.name, type: spec.type, stack: s.stack, data: s.data, connectNulls: true};
        })
      };
    }
    var chart = echarts.init(target);
    chart.setOption(option);
    charts.push(chart);
  });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
