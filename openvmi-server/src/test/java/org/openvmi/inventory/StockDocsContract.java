package org.openvmi.inventory;

import static org.openvmi.testsupport.Fixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.openvmi.security.Role;
import org.openvmi.testsupport.ContractFixture;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/**
 * What the transfer, count and reservation contracts share: {@link ContractFixture}'s, fresh master data, stock set-up
 * and balance checks.
 */
abstract class StockDocsContract extends ContractFixture {

    StockDocsTestData data;
    String item;
    String lotItem;
    String bin1;
    String bin2;

    @BeforeEach
    void setUpStockDocs() {
        data = new StockDocsTestData(items, warehouses, suppliers);
        item = data.source.item;
        lotItem = data.source.lotItem;
        bin1 = data.source.bin1;
        bin2 = data.source.bin2;
    }

    void receive(String item, String location, String lot, String qty) throws Exception {
        mvc.perform(post("/api/v1/movements")
                        .with(as(Role.WAREHOUSE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"lines\":[{\"type\":\"RECEIPT\",\"item\":\"%s\",\"location\":\"%s\",\"lot\":%s,\"qty\":%s}]}"
                                        .formatted(item, location, lot == null ? "null" : "\"" + lot + "\"", qty)))
                .andExpect(status().isCreated());
    }

    ResultActions postJson(String path, Role role, String body) throws Exception {
        return postJson(path, as(role), body);
    }

    BigDecimal onHand(String item, String location) {
        return balance("on_hand", item, location);
    }

    BigDecimal reserved(String item, String location) {
        return balance("reserved", item, location);
    }

    private BigDecimal balance(String column, String item, String location) {
        return jdbc.sql("SELECT COALESCE(SUM(b." + column + "), 0) FROM stock_balance b JOIN item i ON i.id = b.item_id"
                        + " JOIN location l ON l.id = b.location_id WHERE i.code = :i AND l.code = :l")
                .param("i", item)
                .param("l", location)
                .query(BigDecimal.class)
                .single();
    }

    long movements(String type, String reference) {
        return jdbc.sql("SELECT COUNT(*) FROM stock_movement WHERE type = :t AND reference = :r")
                .param("t", type)
                .param("r", reference)
                .query(Long.class)
                .single();
    }
}
