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
import java.util.List;
import java.util.Optional;

import org.openvmi.shared.Decimals;
import org.openvmi.transferplan.TransferPlanView;
import org.openvmi.transferplan.model.PlanLineKind;
import org.openvmi.transferplan.model.PlanStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Plans, their lines and their per-warehouse cover; lines are written in JDBC batches. */
@Repository
public class PlanRepository {

    /** A line to store: TRANSFER (from set) or PURCHASE (from null). */
    public record NewLine(PlanLineKind kind, long itemId, Long fromWarehouseId, long toWarehouseId, int packs,
                          BigDecimal packSize, BigDecimal qty, BigDecimal costPerUnit, Integer transitDays,
                          BigDecimal transferCost, BigDecimal purchasePrice, BigDecimal purchaseCost, String need,
                          String excess) {
    }

    public record NewCover(long warehouseId, BigDecimal available, BigDecimal dailyDemand, BigDecimal inbound,
                           BigDecimal outbound) {
    }

    public record NewPlan(String warehouses, String items, int coverDays, int itemCount, BigDecimal transferCost,
                          BigDecimal purchaseCostSaved, long durationMs, Instant createdAt, String createdBy) {
    }

    /** A transfer line to accept: its id, item, warehouses and quantity. */
    public record OpenMove(long id, long itemId, String itemCode, long fromWarehouseId, long toWarehouseId,
                           BigDecimal qty) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    PlanRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public long insert(NewPlan p, List<NewLine> lines, List<NewCover> cover) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO transfer_plan (status, scope_warehouses, scope_items, cover_days, item_count, transfer_cost,
                                           purchase_cost_saved, duration_ms, created_at, created_by)
                VALUES ('PROPOSED', :w, :i, :c, :n, :tc, :ps, :d, :at, :by)""")
                .param("w", p.warehouses()).param("i", p.items()).param("c", p.coverDays()).param("n", p.itemCount())
                .param("tc", p.transferCost()).param("ps", p.purchaseCostSaved()).param("d", p.durationMs())
                .param("at", Timestamp.from(p.createdAt())).param("by", p.createdBy()).update(keys, "id");
        long id = keys.getKey().longValue();
        template.batchUpdate("""
                INSERT INTO transfer_plan_line (plan_id, kind, item_id, from_warehouse_id, to_warehouse_id, packs,
                    pack_size, qty, cost_per_unit, transit_days, transfer_cost, purchase_price, purchase_cost,
                    need_reason, excess_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", lines, 1000,
                (ps, l) -> {
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
        return jdbc.sql("SELECT status FROM transfer_plan WHERE id = :id FOR UPDATE").param("id", id)
                .query(String.class).optional().map(PlanStatus::valueOf);
    }

    public void accept(long id, String user, Instant now) {
        jdbc.sql("UPDATE transfer_plan SET status = 'ACCEPTED', accepted_at = :at, accepted_by = :u WHERE id = :id")
                .param("at", Timestamp.from(now)).param("u", user).param("id", id).update();
    }

    public List<OpenMove> openMoves(long planId) {
        return jdbc.sql("""
                SELECT l.id, l.item_id, i.code, l.from_warehouse_id, l.to_warehouse_id, l.qty
                FROM transfer_plan_line l JOIN item i ON i.id = l.item_id
                WHERE l.plan_id = :p AND l.kind = 'TRANSFER' AND l.transfer_id IS NULL ORDER BY l.id""")
                .param("p", planId).query((rs, n) -> new OpenMove(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getLong(4), rs.getLong(5), rs.getBigDecimal(6))).list();
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
        return jdbc.sql("SELECT * FROM transfer_plan WHERE id = :id").param("id", id).query((rs, n) -> header(rs))
                .optional().map(head -> {
            List<TransferPlanView.Move> moves = new ArrayList<>();
            List<TransferPlanView.Purchase> purchases = new ArrayList<>();
            jdbc.sql("""
                    SELECT l.*, i.code AS item_code, i.name AS item_name, f.code AS from_code, t.code AS to_code
                    FROM transfer_plan_line l JOIN item i ON i.id = l.item_id
                    LEFT JOIN warehouse f ON f.id = l.from_warehouse_id JOIN warehouse t ON t.id = l.to_warehouse_id
                    WHERE l.plan_id = :p ORDER BY l.kind DESC, i.code, t.code, f.code""")
                    .param("p", id).query(rs -> {
                        if (PlanLineKind.TRANSFER.name().equals(rs.getString("kind"))) {
                            moves.add(move(rs));
                        } else {
                            purchases.add(purchase(rs));
                        }
                    });
            List<TransferPlanView.Cover> cover = jdbc.sql("""
                    SELECT c.*, w.code FROM transfer_plan_warehouse c JOIN warehouse w ON w.id = c.warehouse_id
                    WHERE c.plan_id = :p ORDER BY w.code""").param("p", id).query(PlanRepository::cover).list();
            BigDecimal purchaseCost = moves.stream().map(TransferPlanView.Move::purchaseCost)
                    .filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
            return new TransferPlanView(id, head.status, split(head.warehouses), split(head.items), head.coverDays,
                    head.itemCount, Decimals.plain(head.transferCost), Decimals.plain(purchaseCost),
                    Decimals.plain(head.saved), head.durationMs, head.createdAt, head.createdBy, head.acceptedAt,
                    head.acceptedBy, moves, purchases, cover);
        });
    }

    private record Header(String status, String warehouses, String items, int coverDays, int itemCount,
                          BigDecimal transferCost, BigDecimal saved, long durationMs, Instant createdAt,
                          String createdBy, Instant acceptedAt, String acceptedBy) {
    }

    private static Header header(ResultSet rs) throws SQLException {
        Timestamp accepted = rs.getTimestamp("accepted_at");
        return new Header(rs.getString("status"), rs.getString("scope_warehouses"), rs.getString("scope_items"),
                rs.getInt("cover_days"), rs.getInt("item_count"), rs.getBigDecimal("transfer_cost"),
                rs.getBigDecimal("purchase_cost_saved"), rs.getLong("duration_ms"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                accepted == null ? null : accepted.toInstant(), rs.getString("accepted_by"));
    }

    private static TransferPlanView.Move move(ResultSet rs) throws SQLException {
        long transfer = rs.getLong("transfer_id");
        Long transferId = rs.wasNull() ? null : transfer;
        return new TransferPlanView.Move(rs.getLong("id"), rs.getString("item_code"), rs.getString("item_name"),
                rs.getString("from_code"), rs.getString("to_code"), Decimals.plain(rs.getBigDecimal("qty")),
                rs.getInt("packs"), Decimals.plain(rs.getBigDecimal("pack_size")),
                Decimals.plain(rs.getBigDecimal("cost_per_unit")), rs.getInt("transit_days"),
                Decimals.plain(rs.getBigDecimal("transfer_cost")), Decimals.plain(rs.getBigDecimal("purchase_price")),
                Decimals.plain(rs.getBigDecimal("purchase_cost")), rs.getString("need_reason"),
                rs.getString("excess_reason"), transferId);
    }

    private static TransferPlanView.Purchase purchase(ResultSet rs) throws SQLException {
        return new TransferPlanView.Purchase(rs.getLong("id"), rs.getString("item_code"), rs.getString("item_name"),
                rs.getString("to_code"), Decimals.plain(rs.getBigDecimal("qty")), rs.getInt("packs"),
                Decimals.plain(rs.getBigDecimal("purchase_price")), Decimals.plain(rs.getBigDecimal("purchase_cost")),
                rs.getString("need_reason"));
    }

    private static TransferPlanView.Cover cover(ResultSet rs, int n) throws SQLException {
        BigDecimal available = rs.getBigDecimal("available");
        BigDecimal demand = rs.getBigDecimal("daily_demand");
        BigDecimal in = rs.getBigDecimal("inbound");
        BigDecimal out = rs.getBigDecimal("outbound");
        return new TransferPlanView.Cover(rs.getString("code"), Decimals.plain(available), Decimals.plain(demand),
                Decimals.plain(in), Decimals.plain(out), days(available, demand),
                days(available.add(in).subtract(out), demand));
    }

    private static BigDecimal days(BigDecimal stock, BigDecimal demand) {
        return demand.signum() <= 0 ? null : stock.max(BigDecimal.ZERO).divide(demand, 1, RoundingMode.HALF_UP);
    }

    private static List<String> split(String codes) {
        return codes == null || codes.isEmpty() ? null : Arrays.asList(codes.split(","));
    }
}
