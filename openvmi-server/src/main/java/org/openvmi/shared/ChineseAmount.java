package org.openvmi.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of money in Chinese capitals (大写金额) as written on statements, invoices and cheques:
 * 12,345.67 → 壹万贰仟叁佰肆拾伍元陆角柒分; 1,000,000.00 → 壹佰万元整; 100,010.10 → 壹拾万零壹拾元壹角; 0.05 → 伍分.
 * <p>
 * Rules (中国人民银行《支付结算办法》附件一 正确填写票据和结算凭证的基本规定): rounded to the fen (half up); 整 after 元
 * when there are neither 角 nor 分, and not after 角 or 分; one 零 for each run of zeros inside the number (between
 * sections too: 壹亿零壹万), none at the end of the yuan part; 零 between 元 and 分 when there is no 角 (壹元零伍分);
 * 壹拾 for ten (never a bare 拾); a negative amount is written with 负.
 * <p>
 * Written here, not taken from a library: ICU4J's %spellout-cardinal-financial spells the digits in capitals but has no
 * 元角分 rules, 整, or the zero rules above, and no other kept Java library does the whole thing.
 */
public final class ChineseAmount {

    private static final char[] DIGITS = "零壹贰叁肆伍陆柒捌玖".toCharArray();
    private static final String[] UNITS = {"", "拾", "佰", "仟"};
    private static final String[] SECTIONS = {"", "万", "亿"};
    private static final BigDecimal LIMIT = new BigDecimal("1000000000000"); // 10^12: up to 仟亿

    private ChineseAmount() {}

    public static String of(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        BigDecimal fen = amount.setScale(2, RoundingMode.HALF_UP);
        if (fen.abs().compareTo(LIMIT) >= 0) {
            throw new IllegalArgumentException("amount too large for Chinese capitals: " + amount);
        }
        String sign = fen.signum() < 0 ? "负" : "";
        String digits = fen.abs().movePointRight(2).toBigIntegerExact().toString();
        String yuan = digits.length() > 2 ? digits.substring(0, digits.length() - 2) : "0";
        int jiao = digits.length() > 1 ? digits.charAt(digits.length() - 2) - '0' : 0;
        int fenDigit = digits.charAt(digits.length() - 1) - '0';

        String integer = integer(yuan);
        StringBuilder out = new StringBuilder(sign);
        if (integer.isEmpty() && jiao == 0 && fenDigit == 0) {
            return "零元整";
        }
        if (!integer.isEmpty()) {
            out.append(integer).append('元');
        }
        if (jiao == 0 && fenDigit == 0) {
            return out.append('整').toString();
        }
        if (jiao > 0) {
            out.append(DIGITS[jiao]).append('角');
        } else if (!integer.isEmpty()) {
            out.append('零');
        }
        if (fenDigit > 0) {
            out.append(DIGITS[fenDigit]).append('分');
        }
        return out.toString();
    }

    /** The yuan part without 元; empty for zero. */
    private static String integer(String yuan) {
        StringBuilder out = new StringBuilder();
        boolean zero = false; // zeros seen since the last digit written
        boolean sectionHasDigit = false;
        int n = yuan.length();
        for (int i = 0; i < n; i++) {
            int d = yuan.charAt(i) - '0';
            int position = n - 1 - i;
            if (d == 0) {
                zero = out.length() > 0;
            } else {
                if (zero) {
                    out.append('零');
                    zero = false;
                }
                out.append(DIGITS[d]).append(UNITS[position % 4]);
                sectionHasDigit = true;
            }
            if (position % 4 == 0 && position > 0) {
                if (sectionHasDigit) {
                    out.append(SECTIONS[position / 4]);
                }
                sectionHasDigit = false;
            }
        }
        return out.toString();
    }
}
