package org.openvmi.procurement.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.openvmi.procurement.ShipmentNoticeView;
import org.openvmi.procurement.model.ShipmentNoticeStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Shipment notices of purchase orders and their lines. */
@Repository
public class ShipmentNoticeRepository {

    private final JdbcClient jdbc;

    ShipmentNoticeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Head(
            long id,
            long poId,
            LocalDate expectedOn,
            String status,
            Long receiptId,
            String createdBy,
            Instant createdAt) {}

    public long insert(long poId, LocalDate expectedOn, String user, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO proc_shipment_notice (po_id, expected_on, status, created_by, created_at)
                VALUES (:po, :on, :status, :u, :now)""")
                .param("status", ShipmentNoticeStatus.IN_TRANSIT.name())
                .param("po", poId)
                .param("on", java.sql.Date.valueOf(expectedOn))
                .param("u", user)
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void insertLine(long noticeId, int lineNo, int poLineNo, BigDecimal qty, String lot) {
        jdbc.sql("""
                INSERT INTO proc_shipment_notice_line (notice_id, line_no, po_line_no, qty, lot)
                VALUES (:n, :l, :p, :q, :lot)""")
                .param("n", noticeId)
                .param("l", lineNo)
                .param("p", poLineNo)
                .param("q", qty)
                .param("lot", lot)
                .update();
    }

    public Optional<Head> find(long id) {
        return jdbc.sql("SELECT * FROM proc_shipment_notice WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new Head(
                        rs.getLong("id"),
                        rs.getLong("po_id"),
                        rs.getDate("expected_on").toLocalDate(),
                        rs.getString("status"),
                        (Long) rs.getObject("receipt_id", Long.class),
                        rs.getString("created_by"),
                        rs.getTimestamp("created_at").toInstant()))
                .optional();
    }

    public List<Long> idsOf(long poId) {
        return jdbc.sql("SELECT id FROM proc_shipment_notice WHERE po_id = :po ORDER BY id")
                .param("po", poId)
                .query(Long.class)
                .list();
    }

    public record NoticeLine(int lineNo, int poLineNo, BigDecimal qty, String lot) {}

    public List<NoticeLine> lines(long noticeId) {
        return jdbc.sql("SELECT * FROM proc_shipment_notice_line WHERE notice_id = :n ORDER BY line_no")
                .param("n", noticeId)
                .query((rs, n) -> new NoticeLine(
                        rs.getInt("line_no"), rs.getInt("po_line_no"), rs.getBigDecimal("qty"), rs.getString("lot")))
                .list();
    }

    /** Marks an IN_TRANSIT notice received; false when it was received already (by someone else first). */
    public boolean markReceived(long id, long receiptId) {
        return jdbc.sql(
                                "UPDATE proc_shipment_notice SET status = :to, receipt_id = :r WHERE id = :id AND status = :from")
                        .param("to", ShipmentNoticeStatus.RECEIVED.name())
                        .param("from", ShipmentNoticeStatus.IN_TRANSIT.name())
                        .param("r", receiptId)
                        .param("id", id)
                        .update()
                == 1;
    }

    public static ShipmentNoticeView.Line view(NoticeLine l, String item) {
        return new ShipmentNoticeView.Line(l.lineNo(), l.poLineNo(), item, l.qty(), l.lot());
    }
}
