package org.openvmi.clienttests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openvmi.client.ApiClient;
import org.openvmi.client.ApiException;
import org.openvmi.client.api.AlertsApi;
import org.openvmi.client.api.ApiKeysApi;
import org.openvmi.client.api.AuditLogApi;
import org.openvmi.client.api.ImportsAndExportsApi;
import org.openvmi.client.api.ItemsApi;
import org.openvmi.client.api.LedgerApi;
import org.openvmi.client.api.PurchaseOrdersApi;
import org.openvmi.client.api.RequisitionsApi;
import org.openvmi.client.api.ShipmentsApi;
import org.openvmi.client.api.SupplierStockApi;
import org.openvmi.client.api.VmiApi;
import org.openvmi.client.api.WarehousesApi;
import org.openvmi.client.api.WebhooksApi;
import org.openvmi.client.model.ApiKeyCreatedKey;
import org.openvmi.client.model.ApiKeyNewKey;
import org.openvmi.client.model.Decision;
import org.openvmi.client.model.ItemCommand;
import org.openvmi.client.model.ItemView;
import org.openvmi.client.model.LocationCommand;
import org.openvmi.client.model.MovementRequest;
import org.openvmi.client.model.PostingRequest;
import org.openvmi.client.model.PostingResult;
import org.openvmi.client.model.RequisitionRequest;
import org.openvmi.client.model.RequisitionRequestLine;
import org.openvmi.client.model.RequisitionView;
import org.openvmi.client.model.StockView;
import org.openvmi.client.model.WarehouseCommand;
import org.openvmi.client.model.WebhookCommand;
import org.openvmi.client.model.WebhookCreated;

/**
 * Story: an ERP team generates a Java client from the published OpenAPI document (openapi-generator, unmodified)
 * and connects: an admin makes an API key with HTTP Basic, then the ERP works with the key alone — creates a
 * warehouse, a location and an item, posts a receipt, reads the stock, raises a requisition that is submitted and
 * approved, and registers a webhook whose one-time secret it keeps.
 */
class GeneratedClientFlowTest {

    static ServerProcess server;

    @BeforeAll
    static void start() throws Exception {
        server = new ServerProcess(Path.of("target", "client-flow-server.log")).start(Duration.ofMinutes(3));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void an_erp_drives_the_main_flow_through_the_generated_client_with_an_api_key() throws Exception {
        ApiClient admin = new ApiClient().setBasePath(server.baseUrl());
        admin.setUsername("admin");
        admin.setPassword("demo123");
        ApiKeyCreatedKey key = new ApiKeysApi(admin)
                .createApiKey(new ApiKeyNewKey().username("admin").name("erp-" + UUID.randomUUID()));
        assertThat(key.getSecret()).as("the one-time secret of a 201 answer").isNotBlank();

        ApiClient erp = new ApiClient().setBasePath(server.baseUrl());
        erp.setApiKey(key.getSecret());

        WarehousesApi warehouses = new WarehousesApi(erp);
        warehouses.createWarehouse(new WarehouseCommand().code("WH-GEN").name("Generated-client warehouse"));
        warehouses.createLocation(
                "WH-GEN", new LocationCommand().code("GEN-01").type(LocationCommand.TypeEnum.STORAGE));
        ItemView item = new ItemsApi(erp)
                .createItem(
                        new ItemCommand().code("GEN-6204").name("深沟球轴承 6204").uom("PCS"));
        assertThat(item.getCode()).isEqualTo("GEN-6204");

        LedgerApi ledger = new LedgerApi(erp);
        PostingResult posted = ledger.postMovements(
                new PostingRequest()
                        .lines(List.of(new MovementRequest()
                                .type("RECEIPT")
                                .item("GEN-6204")
                                .location("GEN-01")
                                .owner("OWN")
                                .qty(new BigDecimal("40"))
                                .reference("PO-GEN-1"))),
                "gen-" + UUID.randomUUID());
        assertThat(posted).isNotNull();
        List<StockView> stock =
                ledger.listStock("GEN-6204", null, null, null, null, null, null).getContent();
        assertThat(stock).singleElement().satisfies(s -> {
            assertThat(s.getLocation()).isEqualTo("GEN-01");
            assertThat(s.getOnHand()).isEqualByComparingTo("40");
            assertThat(s.getLot()).as("sent as null, declared nullable").isNull();
        });

        RequisitionsApi requisitions = new RequisitionsApi(erp);
        RequisitionView requisition = requisitions.createRequisition(new RequisitionRequest()
                .warehouse("WH-GEN")
                .lines(List.of(new RequisitionRequestLine().item("GEN-6204").qty(new BigDecimal("500")))));
        assertThat(requisition.getLines())
                .singleElement()
                .satisfies(l -> assertThat(l.getQty()).as("qty is not dropped").isEqualByComparingTo("500"));
        requisitions.submitRequisition(requisition.getId());
        RequisitionView approved = requisitions.approveRequisition(requisition.getId(), new Decision().comment("ok"));
        assertThat(String.valueOf(approved.getStatus())).isEqualTo("APPROVED");

        WebhookCreated webhook = new WebhooksApi(erp)
                .createWebhook(new WebhookCommand()
                        .url("https://erp.example.com/openvmi/events")
                        .eventTypes(List.of("alert.raised"))
                        .active(true));
        assertThat(webhook.getSecret()).as("the webhook's one-time secret").isNotBlank();
        assertThat(webhook.getId()).isPositive();
    }

    /** The generated models refuse JSON that does not match their schema, so each read checks its response. */
    @Test
    void the_demo_data_reads_into_the_generated_models() throws Exception {
        ApiClient admin = new ApiClient().setBasePath(server.baseUrl());
        admin.setUsername("admin");
        admin.setPassword("demo123");
        assertThat(new ItemsApi(admin).listItems(null, null, 0, 50).getContent())
                .isNotEmpty();
        assertThat(new ShipmentsApi(admin).findShipments(null, 0, 50).getContent())
                .isNotNull();
        assertThat(new VmiApi(admin).findAgreements(null, 0, 50).getContent())
                .isNotEmpty()
                .allSatisfy(a -> assertThat(a.getLines()).isNotEmpty());
        assertThat(new RequisitionsApi(admin)
                        .findRequisitions(null, null, null, 0, 50)
                        .getContent())
                .isNotNull();
        assertThat(new PurchaseOrdersApi(admin)
                        .findPurchaseOrders(null, null, null, 0, 50)
                        .getContent())
                .isNotNull();
        assertThat(new SupplierStockApi(admin)
                        .listSupplierStock(null, null, null, 0, 50)
                        .getContent())
                .isNotEmpty();
        assertThat(new AlertsApi(admin)
                        .listAlerts(null, null, null, null, null, "all", 0, 50)
                        .getContent())
                .isNotNull();
        assertThat(new AuditLogApi(admin)
                        .findAudit(null, null, null, null, null, null, 0, 50)
                        .getContent())
                .isNotNull();
        File export = new ImportsAndExportsApi(admin).exportEntities("items", "xlsx", null, null);
        assertThat(Files.readAllBytes(export.toPath())).startsWith('P', 'K');
    }

    @Test
    void a_refusal_arrives_as_an_api_exception_with_its_documented_status() {
        ApiClient anonymous = new ApiClient().setBasePath(server.baseUrl());
        anonymous.setApiKey("not-a-key");
        assertThatThrownBy(() -> new ItemsApi(anonymous).getItem("GEN-6204"))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.getCode()).isEqualTo(401));
    }
}
