package org.openvmi.supplier.model;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A supplier's own column names (its ERP export's headers) read as the upload's columns: a header is an upload
 * column by its name (ignoring case), else by the supplier's remembered mapping (which may say "ignore"), else it is
 * unknown and the supplier is asked once. {@link #guess} proposes a column for common Chinese ERP headers.
 */
public final class ColumnNames {

    /** How the file's headers read: header → column (ignored headers left out), and the headers nobody knows. */
    public record Reading(Map<String, String> columns, Set<String> unknown, Set<String> twice) {}

    private static final Map<String, String> SYNONYMS = synonyms();

    private ColumnNames() {}

    /** The key a header is remembered by: trimmed and lower-cased. */
    public static String key(String header) {
        return header == null ? "" : header.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * @param remembered header key → column, or → null for a header the supplier ignores
     */
    public static Reading read(Set<String> headers, List<String> columns, Map<String, String> remembered) {
        Map<String, String> byKey = new LinkedHashMap<>();
        columns.forEach(c -> byKey.put(key(c), c));
        Map<String, String> read = new LinkedHashMap<>();
        Set<String> unknown = new LinkedHashSet<>();
        Set<String> used = new LinkedHashSet<>();
        Set<String> twice = new LinkedHashSet<>();
        for (String header : headers) {
            if (header == null || header.isBlank()) {
                continue;
            }
            String k = key(header);
            if (!byKey.containsKey(k) && !remembered.containsKey(k)) {
                unknown.add(header);
                continue;
            }
            String column = byKey.containsKey(k) ? byKey.get(k) : remembered.get(k);
            if (column == null) {
                continue; // remembered as ignored
            }
            if (!used.add(column)) {
                twice.add(column);
            }
            read.put(header, column);
        }
        return new Reading(read, unknown, twice);
    }

    /** The upload column a common ERP header most likely means, if any. */
    public static Optional<String> guess(String header, List<String> columns) {
        String k = key(header);
        return Optional.ofNullable(SYNONYMS.get(k)).filter(columns::contains);
    }

    private static Map<String, String> synonyms() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String h : List.of("客户料号", "客户物料编码", "客户编码", "客户物料号")) {
            m.put(h, "item");
        }
        for (String h :
                List.of("物料编码", "物料代码", "物料号", "料号", "存货编码", "产品编码", "零件号", "part no", "part number", "partno")) {
            m.put(h, "supplierPartNo");
        }
        for (String h : List.of("物料名称", "品名", "存货名称", "产品名称", "名称", "description")) {
            m.put(h, "itemName");
        }
        for (String h : List.of("可用数量", "可用库存", "可用量", "库存数量", "现存量", "结存数量", "可发数量", "qty available")) {
            m.put(h, "available");
        }
        for (String h : List.of("在制数量", "在产数量", "生产中数量", "在制量")) {
            m.put(h, "inProduction");
        }
        for (String h : List.of("预计完工日期", "可供日期", "完工日期")) {
            m.put(h, "availableFrom");
        }
        for (String h : List.of("生产周期", "生产提前期", "生产周期(天)", "lead time")) {
            m.put(h, "leadTimeDays");
        }
        for (String h : List.of("安全库存", "最低库存")) {
            m.put(h, "lowWater");
        }
        for (String h : List.of("截止日期", "盘点日期", "更新时间", "统计日期", "库存日期")) {
            m.put(h, "asOf");
        }
        return Map.copyOf(m);
    }
}
