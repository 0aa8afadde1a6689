package org.openvmi.transferplan.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.openvmi.catalog.CatalogRefs;
import org.openvmi.catalog.ItemRef;
import org.openvmi.catalog.NamedRef;
import org.openvmi.shared.Decimals;
import org.openvmi.transferplan.TransferPlanView;
import org.openvmi.transferplan.model.PlanLineKind;
import org.openvmi.transferplan.model.PlanStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Plans, their lines and their per-warehouse cover; lines are written in JDBC batches. Item and warehouse codes and
 * names come from catalog's {@link CatalogRefs}, one batched query per kind for a whole plan, and the plan's lines are
 * sorted by those codes in Java (a plan is small; ADR 0052: this SQL names only transferplan's tables).
 */
@Repository
public class PlanRepository {

    /** A line to store: TRANSFER (from set) or PURCHASE (from null). */
    public record NewLine(
            PlanLineKind kind,
            long itemId,
            Long fromWarehouseId,
            long toWarehouseId,
            int packs,
            BigDecimal packSize,
            BigDecimal qty,
            BigDecimal costPerUnit,
            Integer transitDays,
            BigDecimal transferCost,
            BigDecimal purchasePrice,
            BigDecimal purchaseCost,
            String need,
            String excess,
            Integer leadTimeDays,
            Integer slowLaneDays) {}

    public record NewCover(
            long warehouseId, BigDecimal available, BigDecimal dailyDemand, BigDecimal inbound, BigDecimal outbound) {}

    public record NewPlan(
            String warehouses,
            String items,
            int coverDays,
            int itemCount,
            BigDecimal transferCost,
            BigDecimal purchaseCostSaved,
            long durationMs,
            Instant createdAt,
            String createdBy) {}

    /** A transfer line to accept: its id, item, warehouses and quantity. */
    public record OpenMove(
            long id, long itemId, String itemCode, long fromWarehouseId, long toWarehouseId, BigDecimal qty) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final CatalogRefs refs;

    PlanRepository(JdbcClient jdbc, JdbcTemplate template, CatalogRefs refs) {
        this.jdbc = jdbc;
        this.template = template;
        this.refs = refs;
    }

    public long insert(NewPlan p, List<NewLine> lines, List<NewCover> cover) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO transfer_plan (status, scope_warehouses, scope_items, cover_days, item_count, transfer_cost,
                                           purchase_cost_saved, duration_ms, created_at, created_by)
                VALUES ('PROPOSED', :w, :i, :c, :n, :tc, :ps, :d, :at, :by)""")
                .param("w", p.warehouses())
                .param("i", p.items())
                .param("c", p.coverDays())
                .param("n", p.itemCount())
                .param("tc", p.transferCost())
                .param("ps", p.purchaseCostSaved())
                .param("d", p.durationMs())
                .param("at", Timestamp.from(p.createdAt()))
                .param("by", p.createdBy())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        template.batchUpdate("""
                INSERT INTO transfer_plan_line (plan_id, kind, item_id, from_warehouse_id, to_warehouse_id, packs,
                    pack_size, qty, cost_per_unit, transit_days, transfer_cost, purchase_price, purchase_cost,
                    need_reason, excess_reason, lead_time_days, slow_lane_days)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", lines, 1000, (ps, l) -> {
            ps.setLong(1, id);
            ps.setString(2, l.kind().name());
            ps.setLong(3, l.itemId());
            ps.setObject(4, l.fromWarehouseId(), Types.BIGINT);
            ps.setLong(5, l.toWarehouseId());
            ps.setInt(6, l.packs());
            ps.setBigDecimal(7, l.packSize());
            ps.setBigDecimal(8, l.qty());
            ps.setBigDecimal(9, l.costPerUnit());
            ps.setObject(10, l.transitDays(), Types.INTEGER);
            ps.setBigDecimal(11, l.transferCost());
            ps.setBigDecimal(12, l.purchasePrice());
            ps.setBigDecimal(13, l.purchaseCost());
            ps.setString(14, l.need());
            ps.setString(15, l.excess());
            ps.setObject(16, l.leadTimeDays(), Types.INTEGER);
            ps.setObject(17, l.slowLaneDays(), Types.INTEGER);
        });
        template.batchUpdate("""
                INSERT INTO transfer_plan_warehouse (plan_id, warehouse_id, available, daily_demand, inbound, outbound)
                VALUES (?, ?, ?, ?, ?, ?)""", cover, 1000, (ps, c) -> {
            ps.setLong(1, id);
            ps.setLong(2, c.warehouseId());
            ps.setBigDecimal(3, c.available());
            ps.setBigDecimal(4, c.dailyDemand());
            ps.setBigDecimal(5, c.inbound());
            ps.setBigDecimal(6, c.outbound());
        });
        return id;
    }

    /** The plan's status, its row locked until the transaction ends (so two accepts run one after the other). */
    public Optional<PlanStatus> lock(long id) {
        return jdbc.sql("SELECT status FROM transfer_plan WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(String.class)
                .optional()
                .map(PlanStatus::valueOf);
    }

    public void accept(long id, String user, Instant now) {
        jdbc.sql("UPDATE transfer_plan SET status = 'ACCEPTED', accepted_at = :at, accepted_by = :u WHERE id = :id")
                .param("at", Timestamp.from(now))
                .param("u", user)
                .param("id", id)
                .update();
    }

    public List<OpenMove> openMoves(long planId) {
        List<OpenMove> moves = jdbc.sql("""
                SELECT id, item_id, from_warehouse_id, to_warehouse_id, qty FROM transfer_plan_line
                WHERE plan_id = :p AND kind = 'TRANSFER' AND transfer_id IS NULL ORDER BY id""")
                .param("p", planId)
                .query((rs, n) -> new OpenMove(
                        rs.getLong(1), rs.getLong(2), null, rs.getLong(3), rs.getLong(4), rs.getBigDecimal(5)))
                .list();
        Map<Long, ItemRef> items = refs.itemsById(
                new TreeSet<>(moves.stream().map(OpenMove::itemId).toList()));
        return moves.stream()
                .map(m -> new OpenMove(
                        m.id(),
                        m.itemId(),
                        items.get(m.itemId()).code(),
                        m.fromWarehouseId(),
                        m.toWarehouseId(),
                        m.qty()))
                .toList();
    }

    public void linkTransfer(List<Long> lineIds, long transferId) {
        template.batchUpdate("UPDATE transfer_plan_line SET transfer_id = ? WHERE id = ?", lineIds, 1000, (ps, id) -> {
            ps.setLong(1, transferId);
            ps.setLong(2, id);
        });
    }

    public Optional<Long> latestId() {
        return jdbc.sql("SELECT MAX(id) FROM transfer_plan").query(Long.class).optional();
    }

    public Optional<TransferPlanView> view(long id) {
        return jdbc.sql("SELECT * FROM transfer_plan WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> header(rs))
                .optional()
                .map(head -> {
                    List<Line> lines = jdbc.sql("SELECT * FROM transfer_plan_line WHERE plan_id = :p")
                            .param("p", id)
                            .query(PlanRepository::line)
                            .list();
                    List<CoverRow> coverRows = jdbc.sql("SELECT * FROM transfer_plan_warehouse WHERE plan_id = :p")
                            .param("p", id)
                            .query(PlanRepository::coverRow)
                            .list();
                    // codes and names of the whole plan: one query for its items, one for its warehouses
                    Map<Long, ItemRef> items = refs.itemsById(
                            new TreeSet<>(lines.stream().map(Line::itemId).toList()));
                    TreeSet<Long> warehouseIds = new TreeSet<>();
                    lines.forEach(l -> {
                        warehouseIds.add(l.toId());
                        if (l.fromId() != null) {
                            warehouseIds.add(l.fromId());
                        }
                    });
                    coverRows.forEach(c -> warehouseIds.add(c.warehouseId()));
                    Map<Long, NamedRef> warehouses = refs.warehousesById(warehouseIds);
                    // transfers first (kind DESC), then by item, to and from warehouse code, as the plan page reads
                    // them
                    Comparator<Line> order = Comparator.comparing(
                                    (Line l) -> l.kind().name(), Comparator.reverseOrder())
                            .thenComparing(l -> items.get(l.itemId()).code())
                            .thenComparing(l -> warehouses.get(l.toId()).code())
                            .thenComparing(
                                    l -> l.fromId() == null
                                            ? null
                                            : warehouses.get(l.fromId()).code(),
                                    Comparator.nullsFirst(Comparator.naturalOrder()))
                            .thenComparingLong(Line::id);
                    List<TransferPlanView.Move> moves = new ArrayList<>();
                    List<TransferPlanView.Purchase> purchases = new ArrayList<>();
                    lines.stream().sorted(order).forEach(l -> {
                        ItemRef item = items.get(l.itemId());
                        String to = warehouses.get(l.toId()).code();
                        if (l.kind() == PlanLineKind.TRANSFER) {
                            moves.add(move(l, item, warehouses.get(l.fromId()).code(), to));
                        } else {
                            purchases.add(purchase(l, item, to));
                        }
                    });
                    List<TransferPlanView.Cover> cover = coverRows.stream()
                            .map(c -> cover(c, warehouses.get(c.warehouseId()).code()))
                            .sorted(Comparator.comparing(TransferPlanView.Cover::warehouse))
                            .toList();
                    BigDecimal purchaseCost = moves.stream()
                            .map(TransferPlanView.Move::purchaseCost)
                            .filter(java.util.Objects::nonNull)
                            .reduce(BigDecimal.ZERO, BigDecimal::add);
                    return new TransferPlanView(
                            id,
                            head.status,
                            split(head.warehouses),
                            split(head.items),
                            head.coverDays,
                            head.itemCount,
                            Decimals.plain(head.transferCost),
                            Decimals.plain(purchaseCost),
                            Decimals.plain(head.saved),
                            head.durationMs,
                            head.createdAt,
                            head.createdBy,
                            head.acceptedAt,
                            head.acceptedBy,
                            moves,
                            purchases,
                            cover);
                });
    }

    private record Header(
            String status,
            String warehouses,
            String items,
            int coverDays,
            int itemCount,
            BigDecimal transferCost,
            BigDecimal saved,
            long durationMs,
            Instant createdAt,
            String createdBy,
            Instant acceptedAt,
            String acceptedBy) {}

    private static Header header(ResultSet rs) throws SQLException {
        Timestamp accepted = rs.getTimestamp("accepted_at");
        return new Header(
                rs.getString("status"),
                rs.getString("scope_warehouses"),
                rs.getString("scope_items"),
                rs.getInt("cover_days"),
                rs.getInt("item_count"),
                rs.getBigDecimal("transfer_cost"),
                rs.getBigDecimal("purchase_cost_saved"),
                rs.getLong("duration_ms"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"),
                accepted == null ? null : accepted.toInstant(),
                rs.getString("accepted_by"));
    }

    /** A stored plan line before its codes are filled in. */
    private record Line(
            long id,
            PlanLineKind kind,
            long itemId,
            Long fromId,
            long toId,
            BigDecimal qty,
            int packs,
            BigDecimal packSize,
            BigDecimal costPerUnit,
            int transitDays,
            BigDecimal transferCost,
            BigDecimal purchasePrice,
            BigDecimal purchaseCost,
            String need,
            String excess,
            Long transferId,
            Integer leadTimeDays,
            Integer slowLaneDays) {}

    private static Line line(ResultSet rs, int n) throws SQLException {
        long from = rs.getLong("from_warehouse_id");
        Long fromId = rs.wasNull() ? null : from;
        long transfer = rs.getLong("transfer_id");
        Long transferId = rs.wasNull() ? null : transfer;
        return new Line(
                rs.getLong("id"),
                PlanLineKind.valueOf(rs.getString("kind")),
                rs.getLong("item_id"),
                fromId,
                rs.getLong("to_warehouse_id"),
                rs.getBigDecimal("qty"),
                rs.getInt("packs"),
                rs.getBigDecimal("pack_size"),
                rs.getBigDecimal("cost_per_unit"),
                rs.getInt("transit_days"),
                rs.getBigDecimal("transfer_cost"),
                rs.getBigDecimal("purchase_price"),
                rs.getBigDecimal("purchase_cost"),
                rs.getString("need_reason"),
                rs.getString("excess_reason"),
                transferId,
                rs.getObject("lead_time_days", Integer.class),
                rs.getObject("slow_lane_days", Integer.class));
    }

    private static TransferPlanView.Move move(Line l, ItemRef item, String from, String to) {
        return new TransferPlanView.Move(
                l.id(),
                item.code(),
                item.name(),
                from,
                to,
                Decimals.plain(l.qty()),
                l.packs(),
                Decimals.plain(l.packSize()),
                Decimals.plain(l.costPerUnit()),
                l.transitDays(),
                Decimals.plain(l.transferCost()),
                Decimals.plain(l.purchasePrice()),
                Decimals.plain(l.purchaseCost()),
                l.need(),
                l.excess(),
                l.transferId(),
                l.leadTimeDays(),
                l.leadTimeDays() != null && l.transitDays() > l.leadTimeDays());
    }

    private static TransferPlanView.Purchase purchase(Line l, ItemRef item, String to) {
        return new TransferPlanView.Purchase(
                l.id(),
                item.code(),
                item.name(),
                to,
                Decimals.plain(l.qty()),
                l.packs(),
                Decimals.plain(l.purchasePrice()),
                Decimals.plain(l.purchaseCost()),
                l.need(),
                l.leadTimeDays(),
                l.slowLaneDays());
    }

    private record CoverRow(
            long warehouseId, BigDecimal available, BigDecimal dailyDemand, BigDecimal inbound, BigDecimal outbound) {}

    private static CoverRow coverRow(ResultSet rs, int n) throws SQLException {
        return new CoverRow(
                rs.getLong("warehouse_id"),
                rs.getBigDecimal("available"),
                rs.getBigDecimal("daily_demand"),
                rs.getBigDecimal("inbound"),
                rs.getBigDecimal("outbound"));
    }

    private static TransferPlanView.Cover cover(CoverRow c, String warehouse) {
        BigDecimal available = c.available();
        BigDecimal demand = c.dailyDemand();
        BigDecimal in = c.inbound();
        BigDecimal out = c.outbound();
        return new TransferPlanView.Cover(
                warehouse,
                Decimals.plain(available),
                Decimals.plain(demand),
                Decimals.plain(in),
                Decimals.plain(out),
                days(available, demand),
                days(available.add(in).subtract(out), demand));
    }

    private static BigDecimal days(BigDecimal stock, BigDecimal demand) {
        return demand.signum() <= 0 ? null : stock.max(BigDecimal.ZERO).divide(demand, 1, RoundingMode.HALF_UP);
    }

    private static List<String> split(String codes) {
        return codes == null || codes.isEmpty() ? null : Arrays.asList(codes.split(","));
    }
}
