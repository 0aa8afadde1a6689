package org.openvmi.rules;

/** How far back a back-test goes: {@code days} (1 to {@value Rules#MAX_BACKTEST_DAYS}, 90 when missing). */
public record BacktestRequest(Integer days) {}
