// Draws every [data-chart] element from the table of the same id in #dashboard-tables (analytics/web/ChartTable):
// data-kind line | bar | percent | percent-line | stack | pivot | pie; data-x the category column(s), data-y the value
// column(s). No inline script (CSP). The big screen swaps its content in by htmx; the charts are redrawn after it.
(function () {
  var charts = [];
  var palette = ['#0f766e', '#b45309', '#2563eb', '#b91c1c', '#7c3aed', '#0891b2', '#65a30d'];

  var category = function (t, xs, row) {
    return xs.map(function (c) { return row[t.columns.indexOf(c)]; }).join(' @ ');
  };
  // a ratio as a percentage with up to two decimals: a stockout rate between 0 and 2% read "0%, 0%, 1%, 1%, 1%, 2%"
  // when rounded to whole percents; 0.005 → "0.5%", 0.01 → "1%"
  var percent = function (v) { return v === null || v === undefined ? '' : parseFloat((v * 100).toFixed(2)) + '%'; };
  var percentAxis = {type: 'value', axisLabel: {formatter: percent}};
  // Names (statuses, suppliers, owners) and months are each worth reading: every label shown (ECharts hides
  // "overlapping" ones by default, so a bar chart of four statuses showed every other one), turned when many or long.
  // Days keep ECharts' own spacing: a 30-day axis with every label would be unreadable, and their order says the rest.
  var categoryAxis = function (categories) {
    var days = categories.length > 0 && categories.every(function (c) { return /^\d{4}-\d{2}-\d{2}$/.test(String(c)); });
    if (days) {
      return {type: 'category', data: categories};
    }
    var longest = categories.reduce(function (m, c) { return Math.max(m, String(c).length); }, 0);
    return {type: 'category', data: categories,
            axisLabel: {interval: 0, rotate: categories.length > 4 || longest > 8 ? 30 : 0}};
  };

  var option = function (t, el, dark) {
    var kind = el.getAttribute('data-kind') || 'bar';
    var xs = (el.getAttribute('data-x') || '').split(',');
    var ys = (el.getAttribute('data-y') || '').split(',');
    var text = dark ? {color: '#e2e8f0', fontSize: 16} : {};
    var base = {color: palette, backgroundColor: 'transparent', textStyle: text,
                tooltip: {trigger: kind === 'pie' ? 'item' : 'axis'}, grid: {left: 72, right: 24, top: 64, bottom: 48, containLabel: true}};
    var name = function (code) { return t.headings[t.columns.indexOf(code)]; };
    var values = function (code) { return t.rows.map(function (r) { return r[t.columns.indexOf(code)]; }); };
    var categories = t.rows.map(function (r) { return category(t, xs, r); });
    if (kind === 'pie') {
      base.legend = {bottom: 0, textStyle: text};
      base.series = [{type: 'pie', radius: '60%', data: t.rows.map(function (r) {
        return {name: category(t, xs, r), value: r[t.columns.indexOf(ys[0])]};
      })}];
      return base;
    }
    base.xAxis = categoryAxis(categories);
    base.legend = {data: [], textStyle: text};
    if (kind === 'pivot') {
      // long rows (x, series, value) → one stacked bar per x, one series per distinct second column
      var xCol = t.columns.indexOf(xs[0]);
      var sCol = t.columns.indexOf(xs[1]);
      var vCol = t.columns.indexOf(ys[0]);
      var cats = [];
      var names = [];
      t.rows.forEach(function (r) {
        if (cats.indexOf(r[xCol]) < 0) { cats.push(r[xCol]); }
        if (names.indexOf(r[sCol]) < 0) { names.push(r[sCol]); }
      });
      base.xAxis = categoryAxis(cats);
      base.yAxis = {type: 'value'};
      base.legend.data = names;
      base.series = names.map(function (n) {
        return {name: n, type: 'bar', stack: 'pivot', data: cats.map(function (c) {
          var hit = t.rows.filter(function (r) { return r[xCol] === c && r[sCol] === n; })[0];
          return hit ? hit[vCol] : 0;
        })};
      });
      return base;
    }
    var ratio = kind === 'percent' || kind === 'percent-line';
    // counts (items at zero per day, orders per status) tick in whole numbers: no "0.5 items" on the axis
    var whole = ys.every(function (code) {
      return values(code).every(function (v) { return v === null || v === undefined || Number.isInteger(Number(v)); });
    });
    base.yAxis = ratio ? percentAxis : whole ? {type: 'value', minInterval: 1} : {type: 'value'};
    if (ratio) {
      base.tooltip.valueFormatter = percent;
    }
    base.legend.data = ys.map(name);
    base.series = ys.map(function (code) {
      return {name: name(code), type: kind === 'line' || kind === 'percent-line' ? 'line' : 'bar',
              stack: kind === 'stack' ? 'all' : undefined, data: values(code)};
    });
    return base;
  };

  var draw = function () {
    charts.forEach(function (c) { c.dispose(); });
    charts = [];
    var source = document.getElementById('dashboard-tables');
    if (!source || typeof echarts === 'undefined') {
      return;
    }
    var tables = JSON.parse(source.textContent || '{}');
    var dark = document.body.classList.contains('big-screen');
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      var t = tables[el.getAttribute('data-chart')];
      if (!t) {
        return;
      }
      var chart = echarts.init(el, dark ? 'dark' : null);
      var opt = option(t, el, dark);
      // no rows, or months without a single figure: empty axes or a grey disc read as a broken chart; the chart
      // says there is nothing in the period. Bars (and pies) of nothing but zeros draw nothing either (no price
      // variance at any supplier): the same. A line at 0% is drawn, and stays.
      var ys = (el.getAttribute('data-y') || '').split(',');
      var kind = el.getAttribute('data-kind') || 'bar';
      var zeroDraws = kind === 'line' || kind === 'percent-line';
      var figures = (t.rows || []).some(function (r) {
        return ys.some(function (code) {
          var v = r[t.columns.indexOf(code)];
          return v !== null && v !== undefined && (zeroDraws || Number(v) !== 0);
        });
      });
      if (!figures) {
        opt.graphic = [{type: 'text', left: 'center', top: 'middle', silent: true,
          style: {text: source.getAttribute('data-empty') || '', fill: dark ? '#94a3b8' : '#64748b', fontSize: 14}}];
        (opt.series || []).forEach(function (s) { s.showEmptyCircle = false; });
      }
      chart.setOption(opt);
      charts.push(chart);
    });
  };

  draw();
  document.body.addEventListener('htmx:afterSettle', draw);
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
