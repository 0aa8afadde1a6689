package org.openvmi.analytics.web;

import java.util.List;

/**
 * The data of one dashboard chart as a table, the one shape every chart draws from and every export writes: column
 * codes (what the chart script picks by), their headings in the page's language, and the rows (numbers as numbers,
 * labels already in the page's language). The page, the chart's JSON and its XLSX file are made from the same table.
 */
record ChartTable(String id, List<String> columns, List<String> headings, List<List<Object>> rows) {}
