package org.openvmi.shared.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/**
 * Money as the pages show it: the currency's symbol (¥ for CNY) and two decimals with the language's separators
 * ({@code ¥1,200.00}); {@code ${@fmt.money}} on a page and a refusal's money argument ({@link
 * org.openvmi.shared.CodedRefusal.Amount}) both use it.
 */
public final class MoneyText {

    private MoneyText() {}

    public static String format(BigDecimal amount, String currency, Locale locale) {
        if (amount == null) {
            return "";
        }
        String sign = amount.signum() < 0 ? "-" : "";
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setGroupingUsed(true);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return sign + symbol(currency, locale) + format.format(amount.abs().setScale(2, RoundingMode.HALF_UP));
    }

    private static String symbol(String currency, Locale locale) {
        if ("CNY".equalsIgnoreCase(currency)) {
            return "¥";
        }
        try {
            return Currency.getInstance(currency.toUpperCase(Locale.ROOT)).getSymbol(locale);
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return currency + " ";
        }
    }
}
