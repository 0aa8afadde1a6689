// The forecast page's chart: weekly history, the forecast with its 5–95 % band, and the safety / warning / max lines.
(function () {
  'use strict';
  var box = document.getElementById('forecast-chart');
  var source = document.getElementById('forecast-chart-data');
  if (!box || !source || typeof echarts === 'undefined') {
    return;
  }
  var d = JSON.parse(source.textContent || '{}');
  function weeks(start, n) {
    var out = [];
    var t = Date.parse(start + 'T00:00:00Z');
    for (var i = 0; i < n; i++) {
      out.push(new Date(t + i * 7 * 86400000).toISOString().substring(0, 10));
    }
    return out;
  }
  var hist = d.history || [];
  var fc = d.forecast || [];
  var axis = weeks(d.historyStart, hist.length).concat(weeks(d.firstBucket, fc.length));
  var pad = function (n) { return new Array(n).fill(null); };
  var lower = pad(hist.length).concat(d.lower || []);
  var width = pad(hist.length).concat((d.upper || []).map(function (u, i) { return u - d.lower[i]; }));
  var line = function (v) { return axis.map(function () { return Number(v); }); };
  var L = d.labels || {};
  echarts.init(box).setOption({
    animation: !navigator.webdriver,
    tooltip: {trigger: 'axis'},
    legend: {top: 4, data: [L.history, L.forecast, L.band, L.safety, L.warning, L.max]},
    grid: {left: 60, right: 24, top: 48, bottom: 40},
    xAxis: {type: 'category', data: axis},
    yAxis: {type: 'value'},
    series: [
      {name: L.history, type: 'line', data: hist.concat(pad(fc.length)), showSymbol: false, itemStyle: {color: '#334155'}},
      {name: 'lower', type: 'line', data: lower, stack: 'band', lineStyle: {opacity: 0}, showSymbol: false, tooltip: {show: false}},
      {name: L.band, type: 'line', data: width, stack: 'band', lineStyle: {opacity: 0}, showSymbol: false,
        areaStyle: {color: 'rgba(15,118,110,0.18)'}, itemStyle: {color: 'rgba(15,118,110,0.4)'}},
      {name: L.forecast, type: 'line', data: pad(hist.length).concat(fc), showSymbol: false, itemStyle: {color: '#0f766e'}},
      {name: L.safety, type: 'line', data: line(d.safety), showSymbol: false, lineStyle: {type: 'dashed'}, itemStyle: {color: '#dc2626'}},
      {name: L.warning, type: 'line', data: line(d.warning), showSymbol: false, lineStyle: {type: 'dashed'}, itemStyle: {color: '#d97706'}},
      {name: L.max, type: 'line', data: line(d.max), showSymbol: false, lineStyle: {type: 'dashed'}, itemStyle: {color: '#2563eb'}}
    ]
  });
}());
