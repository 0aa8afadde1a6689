// The management dashboard's charts; data and labels come from the JSON block #dashboard-data (no inline script: CSP).
(function () {
  var source = document.getElementById('dashboard-data');
  if (!source || typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(source.textContent || '{}');
  var label = function (name) { return source.getAttribute('data-' + name) || name; };
  var charts = [];
  var draw = function (id, option) {
    var target = document.getElementById(id);
    if (!target) {
      return;
    }
    var chart = echarts.init(target);
    // no month or owner to show: the chart says so rather than drawing bare axes
    if (!option.xAxis.data || option.xAxis.data.length === 0) {
      option.graphic = [{type: 'text', left: 'center', top: 'middle', silent: true,
        style: {text: label('empty'), fill: '#64748b', fontSize: 14}}];
    }
    chart.setOption(option);
    charts.push(chart);
  };
  var grid = {left: 64, right: 16, top: 32, bottom: 32, containLabel: true};
  // every month and owner named (ECharts' default hides labels it thinks overlap: every other one on a narrow chart)
  var axis = function (categories) {
    return {type: 'category', data: categories, axisLabel: {interval: 0, rotate: categories.length > 6 ? 30 : 0}};
  };
  draw('value-chart', {
    tooltip: {trigger: 'axis'}, legend: {data: [label('own'), label('consignment')]}, grid: grid,
    xAxis: axis(data.months || []), yAxis: {type: 'value'},
    series: [{name: label('own'), type: 'line', data: data.own, itemStyle: {color: '#0f766e'}},
             {name: label('consignment'), type: 'line', data: data.consignment, itemStyle: {color: '#b45309'}}]
  });
  draw('turnover-chart', {
    tooltip: {trigger: 'axis'}, grid: grid,
    xAxis: axis(data.months || []), yAxis: {type: 'value'},
    series: [{name: label('turnover'), type: 'bar', data: data.turnoverDays, itemStyle: {color: '#0f766e'}}]
  });
  draw('stockout-chart', {
    tooltip: {trigger: 'axis'}, grid: grid,
    xAxis: axis(data.months || []),
    yAxis: {type: 'value', axisLabel: {formatter: function (v) { return Math.round(v * 100) + '%'; }}},
    series: [{name: label('stockout'), type: 'line', data: data.stockoutRate, itemStyle: {color: '#b91c1c'}}]
  });
  var buckets = ['d0to30', 'd31to90', 'd91to180', 'd181to365', 'over365'];
  var names = ['0–30', '31–90', '91–180', '181–365', '> 365'];
  draw('aging-chart', {
    tooltip: {trigger: 'axis'}, legend: {data: names}, grid: grid,
    xAxis: axis((data.aging || []).map(function (o) { return o.owner === 'OWN' ? label('own') : o.owner; })),
    yAxis: {type: 'value'},
    series: buckets.map(function (b, i) {
      return {name: names[i], type: 'bar', stack: 'age', data: (data.aging || []).map(function (o) { return o[b]; })};
    })
  });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
