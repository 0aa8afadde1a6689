package org.openvmi.demo.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The master data of the demo buyer, drawn from a fixed seed: plain Java, no persistence. Names (warehouses, bins,
 * suppliers, items, categories) are Chinese only, as a Chinese plant keeps its master data; codes stay ASCII (ADR
 * 0078).
 */
public final class DemoCatalog {

    public record WarehouseSpec(String code, String name, String address, double demandScale) {}

    public record SupplierSpec(
            String code,
            String name,
            String contact,
            String phone,
            String email,
            String address,
            List<String> categories) {}

    public record ItemSpec(
            String code,
            String name,
            String uom,
            String category,
            BigDecimal unitCost,
            String barcode,
            DemandPattern pattern,
            int primarySupplier,
            int backupSupplier) {}

    private record Category(String code, String prefix, String uom, double cost, String[] nouns, String[] specs) {}

    public static final List<WarehouseSpec> WAREHOUSES = List.of(
            new WarehouseSpec("WH-SH", "上海中心仓", "上海市嘉定区安亭镇墨玉路 88 号", 1.6),
            new WarehouseSpec("WH-SZ", "深圳仓", "深圳市宝安区福永街道凤凰工业区 12 栋", 1.0),
            new WarehouseSpec("WH-CD", "成都仓", "成都市双流区西航港大道 500 号", 0.6));

    public static final List<SupplierSpec> SUPPLIERS = List.of(
            new SupplierSpec(
                    "S001",
                    "宁波精工轴承有限公司",
                    "王建国",
                    "+86 574 8765 4321",
                    "wang@nb-bearing.example.cn",
                    "浙江省宁波市北仑区",
                    List.of("轴承", "液压件")),
            new SupplierSpec(
                    "S002",
                    "温州标准件制造厂",
                    "陈丽",
                    "+86 577 6655 1122",
                    "chenli@wz-fastener.example.cn",
                    "浙江省温州市瓯海区",
                    List.of("紧固件")),
            new SupplierSpec(
                    "S003",
                    "深圳华强电子元器件有限公司",
                    "李明",
                    "+86 755 8321 0099",
                    "liming@hq-elec.example.cn",
                    "广东省深圳市福田区",
                    List.of("电子元器件", "电气")),
            new SupplierSpec(
                    "S004",
                    "苏州包装材料有限公司",
                    "周芳",
                    "+86 512 6888 2233",
                    "zhoufang@sz-pack.example.cn",
                    "江苏省苏州市吴中区",
                    List.of("包装材料")),
            new SupplierSpec(
                    "S005",
                    "上海申工刀具有限公司",
                    "赵强",
                    "+86 21 5566 7788",
                    "zhaoq@sg-tools.example.cn",
                    "上海市闵行区",
                    List.of("刀具", "劳保耗材")),
            new SupplierSpec(
                    "S006",
                    "江苏化工辅料有限公司",
                    "孙伟",
                    "+86 519 8123 4567",
                    "sunwei@js-chem.example.cn",
                    "江苏省常州市新北区",
                    List.of("化工辅料")),
            new SupplierSpec(
                    "S007",
                    "东莞正泰电气有限公司",
                    "吴敏",
                    "+86 769 2233 4455",
                    "wumin@dg-electric.example.cn",
                    "广东省东莞市长安镇",
                    List.of("电气", "电子元器件")),
            new SupplierSpec(
                    "S008",
                    "天津滨海工业品供应链有限公司",
                    "郑浩",
                    "+86 22 6677 8899",
                    "zhenghao@tj-mro.example.cn",
                    "天津市滨海新区",
                    List.of("劳保耗材", "紧固件", "轴承", "包装材料", "化工辅料", "刀具")));

    private static final List<Category> CATEGORIES = List.of(
            new Category(
                    "轴承", "BRG", "PCS", 12, new String[] {"深沟球轴承", "圆锥滚子轴承", "角接触轴承", "推力球轴承", "直线轴承"}, new String[] {
                        "6204-2RS", "6205-ZZ", "6305", "30206", "7205B", "51105", "LM20UU", "6001", "6302-2RS"
                    }),
            new Category("紧固件", "FST", "PCS", 0.3, new String[] {"内六角螺栓", "六角螺母", "平垫圈", "弹簧垫圈", "自攻螺钉"}, new String[] {
                "M6x20", "M8x25", "M10x30", "M12x40", "M5", "M8", "ST4.2x16", "M6"
            }),
            new Category(
                    "电气", "ELE", "PCS", 35, new String[] {"交流接触器", "小型断路器", "中间继电器", "按钮开关", "行程开关"}, new String[] {
                        "CJX2-1810", "DZ47-63 C16", "MY2NJ 24V", "LA38-11", "YBLX-ME/8108", "C32"
                    }),
            new Category(
                    "电子元器件", "ECP", "PCS", 1.5, new String[] {"贴片电阻", "贴片电容", "稳压芯片", "MOS 管", "接插件"}, new String[] {
                        "0603 10K", "0805 100nF", "AMS1117-3.3", "AO3400", "XH2.54-4P", "1206 1uF"
                    }),
            new Category("包装材料", "PKG", "PCS", 2.2, new String[] {"五层瓦楞纸箱", "气泡袋", "缠绕膜", "封箱胶带", "珍珠棉"}, new String[] {
                "600x400x400", "300x200x150", "500mm 20μ", "48mm x 100m", "EPE 10mm"
            }),
            new Category(
                    "液压件", "HYD", "PCS", 85, new String[] {"液压油缸密封件", "高压油管", "电磁换向阀", "齿轮泵", "液压接头"}, new String[] {
                        "Φ63", "DN10 1m", "4WE6", "CBN-E306", "M16x1.5"
                    }),
            new Category("刀具", "TLS", "PCS", 45, new String[] {"硬质合金立铣刀", "数控刀片", "麻花钻头", "丝锥", "砂轮片"}, new String[] {
                "Φ8 4刃", "CNMG120408", "Φ6.8", "M8x1.25", "100x16x3"
            }),
            new Category("化工辅料", "CHM", "KG", 28, new String[] {"切削液", "防锈油", "工业润滑脂", "清洗剂", "胶粘剂"}, new String[] {
                "5L", "18L", "1kg", "15kg", "500ml"
            }),
            new Category("劳保耗材", "CON", "PCS", 6, new String[] {"防护手套", "防尘口罩", "劳保鞋", "安全帽", "工业擦拭布"}, new String[] {
                "L 号", "KN95", "42 码", "ABS 黄色", "30x30cm"
            }));

    /** Days from order to delivery of each demo supplier (the same for all its items, so its weekly order is one PO). */
    private static final int[] LEAD_TIME_DAYS = {7, 10, 5, 7, 14, 10, 7, 12};

    /** Items whose primary supplier (S001) holds them in the VMI zone of every warehouse. */
    public static final int VMI_ITEMS = 4;

    private DemoCatalog() {}

    public static int leadTimeDays(int supplierIndex) {
        return LEAD_TIME_DAYS[supplierIndex];
    }

    /** The first {@link #VMI_ITEMS} items of the first supplier are consignment (VMI) stock, the rest own stock. */
    public static List<ItemSpec> vmiItems(List<ItemSpec> items) {
        return items.stream()
                .filter(i -> i.primarySupplier() == 0)
                .limit(VMI_ITEMS)
                .toList();
    }

    public static List<ItemSpec> items(int count, Random random) {
        List<ItemSpec> items = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Category c = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
            String name =
                    c.nouns()[random.nextInt(c.nouns().length)] + " " + c.specs()[random.nextInt(c.specs().length)];
            BigDecimal cost = BigDecimal.valueOf(c.cost() * Math.exp(random.nextGaussian() * 0.5))
                    .setScale(2, RoundingMode.HALF_UP)
                    .max(new BigDecimal("0.01"));
            List<Integer> candidates = suppliersOf(c.code());
            int primary = candidates.get(random.nextInt(candidates.size()));
            int backup = random.nextDouble() < 0.4 && candidates.size() > 1
                    ? candidates.stream().filter(s -> s != primary).toList().get(0)
                    : -1;
            items.add(new ItemSpec(
                    "%s-%04d".formatted(c.prefix(), i),
                    name,
                    c.uom(),
                    c.code(),
                    cost,
                    ean13("690" + "%09d".formatted(123_000_000 + i)),
                    pattern(random),
                    primary,
                    backup));
        }
        return items;
    }

    private static List<Integer> suppliersOf(String category) {
        List<Integer> result = new ArrayList<>();
        for (int s = 0; s < SUPPLIERS.size(); s++) {
            if (SUPPLIERS.get(s).categories().contains(category)) {
                result.add(s);
            }
        }
        return result;
    }

    private static DemandPattern pattern(Random random) {
        double r = random.nextDouble();
        return r < 0.40
                ? DemandPattern.SMOOTH
                : r < 0.55
                        ? DemandPattern.SEASONAL
                        : r < 0.65
                                ? DemandPattern.TRENDING
                                : r < 0.80 ? DemandPattern.SLOW : DemandPattern.INTERMITTENT;
    }

    /** Appends the EAN-13 check digit to twelve digits. */
    static String ean13(String twelveDigits) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            int d = twelveDigits.charAt(i) - '0';
            sum += i % 2 == 0 ? d : d * 3;
        }
        return twelveDigits + (10 - sum % 10) % 10;
    }
}
