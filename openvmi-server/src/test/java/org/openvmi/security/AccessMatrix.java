package org.openvmi.security;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;

/**
 * Every endpoint of the application and the roles allowed to call it; every other role must get 403, and a caller
 * without credentials 401 (API) or a redirect to the login page (UI). This table is written independently of
 * {@code AccessRules} on purpose: it is what the product promises, the rules are how it is enforced.
 * <p>
 * <b>Adding an endpoint? Add a row here.</b> {@link AuthorizationMatrixTest} fails for any handler method of
 * {@code org.openvmi} that no row covers. Paths may use the placeholders {@code {item}} (an item on supplier
 * T-SUP-A's source list), {@code {user}} (the user t-viewer) and {@code {key}} (an API key of t-viewer); add more
 * in {@code AuthorizationMatrixTest.placeholders}. Pick request bodies and paths that an allowed caller can send
 * without changing shared data: an empty body gets 400, an unknown code 404 — both count as "allowed".
 */
final class AccessMatrix {

    static final Set<Role> SIGNED_IN = EnumSet.allOf(Role.class);
    static final Set<Role> ADMINS = EnumSet.of(Role.ADMIN);
    static final Set<Role> WEBHOOK_OWNERS = EnumSet.of(Role.ADMIN, Role.SUPPLIER);
    static final Set<Role> MASTER_DATA_EDITORS = EnumSet.of(Role.ADMIN, Role.BUYER);
    static final Set<Role> WAREHOUSE_EDITORS = EnumSet.of(Role.ADMIN, Role.WAREHOUSE);
    static final Set<Role> STOCK_POSTERS = EnumSet.of(Role.ADMIN, Role.WAREHOUSE);
    static final Set<Role> BUYER_SIDE = EnumSet.complementOf(EnumSet.of(Role.SUPPLIER));
    static final Set<Role> RESERVERS = EnumSet.of(Role.ADMIN, Role.WAREHOUSE, Role.BUYER);
    static final Set<Role> LEDGER_AUDITORS = EnumSet.of(Role.ADMIN, Role.WAREHOUSE, Role.FINANCE);
    static final Set<Role> POLICY_EDITORS = EnumSet.of(Role.ADMIN, Role.BUYER, Role.PLANNER);
    static final Set<Role> ALERT_HANDLERS =
            EnumSet.of(Role.ADMIN, Role.BUYER, Role.WAREHOUSE, Role.PLANNER, Role.SUPPLIER);
    static final Set<Role> ALERT_RESOLVERS = EnumSet.of(Role.ADMIN, Role.BUYER, Role.WAREHOUSE, Role.PLANNER);
    static final Set<Role> REQUESTERS = EnumSet.of(Role.ADMIN, Role.BUYER, Role.WAREHOUSE, Role.PLANNER);
    static final Set<Role> APPROVERS = EnumSet.of(Role.ADMIN, Role.BUYER, Role.WAREHOUSE, Role.FINANCE, Role.PLANNER);
    static final Set<Role> BUYERS = EnumSet.of(Role.ADMIN, Role.BUYER);
    static final Set<Role> SUPPLIERS = EnumSet.of(Role.SUPPLIER);
    static final Set<Role> INVOICE_ENTRY = EnumSet.of(Role.ADMIN, Role.FINANCE, Role.SUPPLIER);
    static final Set<Role> FINANCE = EnumSet.of(Role.ADMIN, Role.FINANCE);
    static final Set<Role> RECONCILERS = EnumSet.of(Role.ADMIN, Role.FINANCE, Role.BUYER, Role.SUPPLIER);
    static final Set<Role> AGREEMENT_EDITORS = EnumSet.of(Role.ADMIN, Role.BUYER);
    static final Set<Role> SHIPPERS = EnumSet.of(Role.ADMIN, Role.BUYER, Role.SUPPLIER);
    static final Set<Role> SETTLERS = EnumSet.of(Role.ADMIN, Role.FINANCE);
    static final Set<Role> CALLOFF_EDITORS = EnumSet.of(Role.ADMIN, Role.BUYER, Role.PLANNER);
    static final Set<Role> PLANNERS = EnumSet.of(Role.ADMIN, Role.PLANNER);
    static final Set<Role> SUGGESTION_DECIDERS = EnumSet.of(Role.ADMIN, Role.PLANNER, Role.BUYER);
    static final Set<Role> SUPPLIER_STOCK_WRITERS = EnumSet.of(Role.SUPPLIER, Role.ADMIN);
    static final Set<Role> WAREHOUSE_DASHBOARD = EnumSet.of(Role.ADMIN, Role.WAREHOUSE, Role.VIEWER);
    static final Set<Role> BUYER_DASHBOARD = EnumSet.of(Role.ADMIN, Role.BUYER, Role.VIEWER);
    static final Set<Role> INBOUND_POSTERS = EnumSet.of(Role.ADMIN, Role.WAREHOUSE, Role.SUPPLIER);
    static final Set<Role> TRANSFER_PLANNERS = EnumSet.of(Role.ADMIN, Role.PLANNER, Role.BUYER, Role.WAREHOUSE);

    static final List<Endpoint> ENDPOINTS = List.of(
            // public
            ui(GET, "/login").publicAccess(),
            ui(GET, "/login?lang=en").publicAccess(), // the language switch on the login page
            ui(GET, "/error").publicAccess(),
            ui(GET, "/v3/api-docs").publicAccess(),

            // shell
            ui(GET, "/").allow(SIGNED_IN),

            // catalog: items
            api(GET, "/api/v1/items").allow(SIGNED_IN),
            api(GET, "/api/v1/items/{item}").allow(SIGNED_IN),
            api(POST, "/api/v1/items").body("{}").allow(MASTER_DATA_EDITORS),
            api(PUT, "/api/v1/items/{item}").body("{}").allow(MASTER_DATA_EDITORS),
            api(DELETE, "/api/v1/items/NO-SUCH-ITEM").allow(MASTER_DATA_EDITORS),
            ui(GET, "/pick/items").allow(SIGNED_IN),
            ui(GET, "/pick/warehouses").allow(SIGNED_IN),
            ui(GET, "/pick/locations").allow(SIGNED_IN),
            ui(GET, "/pick/suppliers").allow(SIGNED_IN),
            ui(GET, "/pick/purchase-orders").allow(SIGNED_IN),
            ui(GET, "/pick/users").allow(ADMINS),
            ui(GET, "/items").allow(SIGNED_IN),
            ui(GET, "/items/new").allow(MASTER_DATA_EDITORS),
            ui(GET, "/labels").allow(BUYER_SIDE),
            ui(GET, "/labels/items").allow(BUYER_SIDE),
            ui(GET, "/labels/locations").allow(BUYER_SIDE),
            ui(GET, "/labels/barcode").allow(SIGNED_IN),
            ui(GET, "/items/{item}/edit").allow(MASTER_DATA_EDITORS),
            ui(POST, "/items").allow(MASTER_DATA_EDITORS),
            ui(POST, "/items/{item}").allow(MASTER_DATA_EDITORS),
            ui(POST, "/items/NO-SUCH-ITEM/delete").allow(MASTER_DATA_EDITORS),

            // catalog: warehouses and locations
            api(GET, "/api/v1/warehouses").allow(SIGNED_IN),
            api(GET, "/api/v1/warehouses/NO-WH").allow(SIGNED_IN),
            api(POST, "/api/v1/warehouses").body("{}").allow(WAREHOUSE_EDITORS),
            api(PUT, "/api/v1/warehouses/NO-WH").body("{}").allow(WAREHOUSE_EDITORS),
            api(DELETE, "/api/v1/warehouses/NO-WH").allow(WAREHOUSE_EDITORS),
            api(GET, "/api/v1/warehouses/NO-WH/locations").allow(SIGNED_IN),
            api(GET, "/api/v1/warehouses/NO-WH/locations/NO-LOC").allow(SIGNED_IN),
            api(POST, "/api/v1/warehouses/NO-WH/locations").body("{}").allow(WAREHOUSE_EDITORS),
            api(PUT, "/api/v1/warehouses/NO-WH/locations/NO-LOC").body("{}").allow(WAREHOUSE_EDITORS),
            api(DELETE, "/api/v1/warehouses/NO-WH/locations/NO-LOC").allow(WAREHOUSE_EDITORS),
            ui(GET, "/warehouses").allow(SIGNED_IN),
            ui(GET, "/warehouses/new").allow(WAREHOUSE_EDITORS),
            ui(GET, "/warehouses/NO-WH").allow(SIGNED_IN),
            ui(POST, "/warehouses").allow(WAREHOUSE_EDITORS),
            ui(POST, "/warehouses/NO-WH").allow(WAREHOUSE_EDITORS),
            ui(POST, "/warehouses/NO-WH/delete").allow(WAREHOUSE_EDITORS),
            ui(POST, "/warehouses/NO-WH/locations").allow(WAREHOUSE_EDITORS),
            ui(GET, "/warehouses/NO-WH/locations/NO-LOC/edit").allow(WAREHOUSE_EDITORS),
            ui(POST, "/warehouses/NO-WH/locations/NO-LOC").allow(WAREHOUSE_EDITORS),
            ui(POST, "/warehouses/NO-WH/locations/NO-LOC/delete").allow(WAREHOUSE_EDITORS),

            // catalog: suppliers and source lists (rows of other suppliers answer 404 to supplier users)
            api(GET, "/api/v1/suppliers").allow(SIGNED_IN),
            api(GET, "/api/v1/suppliers/NO-SUP").allow(SIGNED_IN),
            api(POST, "/api/v1/suppliers").body("{}").allow(MASTER_DATA_EDITORS),
            api(PUT, "/api/v1/suppliers/NO-SUP").body("{}").allow(MASTER_DATA_EDITORS),
            api(DELETE, "/api/v1/suppliers/NO-SUP").allow(MASTER_DATA_EDITORS),
            api(GET, "/api/v1/suppliers/NO-SUP/items").allow(SIGNED_IN),
            api(GET, "/api/v1/suppliers/NO-SUP/items/{item}").allow(SIGNED_IN),
            api(POST, "/api/v1/suppliers/NO-SUP/items").body("{}").allow(MASTER_DATA_EDITORS),
            api(PUT, "/api/v1/suppliers/NO-SUP/items/{item}").body("{}").allow(MASTER_DATA_EDITORS),
            api(DELETE, "/api/v1/suppliers/NO-SUP/items/{item}").allow(MASTER_DATA_EDITORS),
            ui(GET, "/suppliers").allow(SIGNED_IN),
            ui(GET, "/suppliers/new").allow(MASTER_DATA_EDITORS),
            ui(GET, "/suppliers/NO-SUP").allow(SIGNED_IN),
            ui(POST, "/suppliers").allow(MASTER_DATA_EDITORS),
            ui(POST, "/suppliers/NO-SUP").allow(MASTER_DATA_EDITORS),
            ui(POST, "/suppliers/NO-SUP/delete").allow(MASTER_DATA_EDITORS),
            ui(POST, "/suppliers/NO-SUP/items").allow(MASTER_DATA_EDITORS),
            ui(GET, "/suppliers/NO-SUP/items/{item}/edit").allow(MASTER_DATA_EDITORS),
            ui(POST, "/suppliers/NO-SUP/items/{item}").allow(MASTER_DATA_EDITORS),
            ui(POST, "/suppliers/NO-SUP/items/{item}/delete").allow(MASTER_DATA_EDITORS),

            // inventory ledger
            api(POST, "/api/v1/movements").body("{}").allow(STOCK_POSTERS),
            api(GET, "/api/v1/movements").allow(SIGNED_IN),
            api(GET, "/api/v1/stock").allow(SIGNED_IN),
            api(GET, "/api/v1/stock/reconcile").allow(LEDGER_AUDITORS),
            ui(GET, "/stock").allow(SIGNED_IN),
            ui(GET, "/stock/export").allow(SIGNED_IN),
            ui(GET, "/movements").allow(SIGNED_IN),
            ui(GET, "/movements/export").allow(SIGNED_IN),
            ui(GET, "/scan").allow(STOCK_POSTERS),
            ui(POST, "/scan/scan").allow(STOCK_POSTERS),
            ui(POST, "/scan/update").allow(STOCK_POSTERS),
            ui(POST, "/scan/remove").allow(STOCK_POSTERS),
            ui(POST, "/scan/clear").allow(STOCK_POSTERS),
            ui(POST, "/scan/post").allow(STOCK_POSTERS),

            // stock documents: transfers, counts, reservations
            api(GET, "/api/v1/transfers").allow(SIGNED_IN),
            api(GET, "/api/v1/transfers/999999").allow(SIGNED_IN),
            api(POST, "/api/v1/transfers").body("{}").allow(STOCK_POSTERS),
            api(POST, "/api/v1/transfers/999999/ship").allow(STOCK_POSTERS),
            api(POST, "/api/v1/transfers/999999/receive").body("{}").allow(STOCK_POSTERS),
            api(POST, "/api/v1/transfers/999999/close").allow(STOCK_POSTERS),
            ui(GET, "/transfers").allow(SIGNED_IN),
            ui(GET, "/transfers/new").allow(STOCK_POSTERS),
            ui(GET, "/transfers/999999").allow(SIGNED_IN),
            ui(POST, "/transfers").allow(STOCK_POSTERS),
            ui(POST, "/transfers/999999/ship").allow(STOCK_POSTERS),
            ui(POST, "/transfers/999999/receive").allow(STOCK_POSTERS),
            ui(POST, "/transfers/999999/close").allow(STOCK_POSTERS),
            api(GET, "/api/v1/counts").allow(LEDGER_AUDITORS),
            api(GET, "/api/v1/counts/999999").allow(LEDGER_AUDITORS),
            api(POST, "/api/v1/counts").body("{}").allow(STOCK_POSTERS),
            api(PUT, "/api/v1/counts/999999/lines").body("{}").allow(STOCK_POSTERS),
            api(POST, "/api/v1/counts/999999/post").allow(STOCK_POSTERS),
            ui(GET, "/counts").allow(LEDGER_AUDITORS),
            ui(GET, "/counts/new").allow(STOCK_POSTERS),
            ui(GET, "/counts/999999").allow(LEDGER_AUDITORS),
            ui(POST, "/counts").allow(STOCK_POSTERS),
            ui(POST, "/counts/999999/lines").allow(STOCK_POSTERS),
            ui(POST, "/counts/999999/post").allow(STOCK_POSTERS),
            api(GET, "/api/v1/reservations").allow(BUYER_SIDE),
            api(GET, "/api/v1/reservations/999999").allow(BUYER_SIDE),
            api(POST, "/api/v1/reservations").body("{}").allow(RESERVERS),
            api(DELETE, "/api/v1/reservations/999999").allow(RESERVERS),
            ui(GET, "/reservations").allow(BUYER_SIDE),
            ui(POST, "/reservations/999999/release").allow(RESERVERS),

            // stock policies (three lines)
            api(GET, "/api/v1/stock-policies").allow(SIGNED_IN),
            api(GET, "/api/v1/stock-policies/{item}/NO-WH").allow(SIGNED_IN),
            api(PUT, "/api/v1/stock-policies/{item}/NO-WH").body("{}").allow(POLICY_EDITORS),
            api(PUT, "/api/v1/stock-policies").body("[]").allow(POLICY_EDITORS),
            api(DELETE, "/api/v1/stock-policies/{item}/NO-WH").allow(POLICY_EDITORS),
            ui(GET, "/stock-policies").allow(SIGNED_IN),
            ui(POST, "/stock-policies").allow(POLICY_EDITORS),
            ui(POST, "/stock-policies/add").allow(POLICY_EDITORS),
            ui(POST, "/stock-policies/{item}/NO-WH/delete").allow(POLICY_EDITORS),
            api(POST, "/api/v1/imports/stock-policies").allow(POLICY_EDITORS),
            api(GET, "/api/v1/exports/stock-policies").allow(SIGNED_IN),
            ui(POST, "/imports/stock-policies").allow(POLICY_EDITORS),
            ui(GET, "/exports/stock-policies").allow(SIGNED_IN),
            ui(GET, "/stock-policies/{item}/NO-WH").allow(SIGNED_IN),

            // alerts
            api(GET, "/api/v1/alerts").allow(SIGNED_IN),
            api(GET, "/api/v1/alerts/999999").allow(SIGNED_IN),
            api(GET, "/api/v1/alerts/999999/history").allow(SIGNED_IN),
            api(POST, "/api/v1/alerts/ack").body("{\"ids\":[999999]}").allow(ALERT_HANDLERS),
            api(POST, "/api/v1/alerts/999999/ack").body("{}").allow(ALERT_HANDLERS),
            api(POST, "/api/v1/alerts/999999/resolve").body("{}").allow(ALERT_RESOLVERS),
            api(GET, "/api/v1/alerts/unseen").allow(SIGNED_IN),
            api(POST, "/api/v1/alerts/seen").allow(SIGNED_IN),
            ui(GET, "/alerts").allow(SIGNED_IN),
            ui(GET, "/alerts/bell").allow(SIGNED_IN),
            ui(GET, "/alerts/999999").allow(SIGNED_IN),
            ui(POST, "/alerts/ack").allow(ALERT_HANDLERS),
            ui(POST, "/alerts/999999/ack").allow(ALERT_HANDLERS),
            ui(POST, "/alerts/999999/resolve").allow(ALERT_RESOLVERS),

            // supplier portal: supplier stock (a supplier reads only its own: another supplier's rows answer 404)
            api(POST, "/api/v1/supplier-stock").body("{}").allow(SUPPLIER_STOCK_WRITERS),
            api(GET, "/api/v1/supplier-stock").allow(SIGNED_IN),
            api(GET, "/api/v1/supplier-stock/NO-SUP/{item}").allow(SIGNED_IN),
            api(GET, "/api/v1/supplier-stock/NO-SUP/{item}/history").allow(SIGNED_IN),
            api(POST, "/api/v1/supplier-stock/import").allow(SUPPLIER_STOCK_WRITERS),
            api(GET, "/api/v1/supplier-stock/template").allow(SUPPLIER_STOCK_WRITERS),
            api(GET, "/api/v1/supplier-stock/columns").allow(SUPPLIER_STOCK_WRITERS),
            api(PUT, "/api/v1/supplier-stock/columns").body("{}").allow(SUPPLIER_STOCK_WRITERS),
            api(PUT, "/api/v1/supplier-stock/part-numbers/NO-ITEM").body("{}").allow(SUPPLIER_STOCK_WRITERS),
            ui(GET, "/supplier-stock").allow(SIGNED_IN),
            ui(POST, "/supplier-stock/edit").allow(SUPPLIER_STOCK_WRITERS),
            ui(POST, "/supplier-stock/upload").allow(SUPPLIER_STOCK_WRITERS),
            ui(POST, "/supplier-stock/upload/columns").allow(SUPPLIER_STOCK_WRITERS),
            ui(GET, "/supplier-stock/template").allow(SUPPLIER_STOCK_WRITERS),
            ui(GET, "/supplier-stock/NO-SUP/{item}/history").allow(SIGNED_IN),
            api(GET, "/api/v1/supplier-stock/availability").allow(BUYER_SIDE),
            api(GET, "/api/v1/supplier-stock/shortages").allow(BUYER_SIDE),
            ui(GET, "/who-has-stock").allow(BUYER_SIDE),
            ui(GET, "/shortages").allow(BUYER_SIDE),
            ui(GET, "/shortages/export").allow(BUYER_SIDE),
            ui(GET, "/supplier-stock/export").allow(SIGNED_IN),
            api(GET, "/api/v1/portal").allow(EnumSet.of(Role.SUPPLIER)),
            ui(GET, "/portal").allow(EnumSet.of(Role.SUPPLIER)),
            ui(GET, "/portal/charts/consumption.xlsx").allow(EnumSet.of(Role.SUPPLIER)),
            api(POST, "/api/v1/supplier-invitations").body("{}").allow(MASTER_DATA_EDITORS),
            api(GET, "/api/v1/supplier-invitations").allow(MASTER_DATA_EDITORS),
            ui(GET, "/supplier-invitations").allow(MASTER_DATA_EDITORS),
            ui(POST, "/supplier-invitations").allow(MASTER_DATA_EDITORS),
            ui(GET, "/invitations/NO-SUCH-TOKEN").publicAccess(),
            ui(POST, "/invitations/NO-SUCH-TOKEN").publicAccess(),

            // consignment (VMI)
            api(GET, "/api/v1/vmi/agreements").allow(SIGNED_IN),
            api(GET, "/api/v1/vmi/agreements/999999").allow(SIGNED_IN),
            api(POST, "/api/v1/vmi/agreements").body("{}").allow(AGREEMENT_EDITORS),
            api(PUT, "/api/v1/vmi/agreements/999999").body("{}").allow(AGREEMENT_EDITORS),
            api(POST, "/api/v1/vmi/consumptions").body("{}").allow(STOCK_POSTERS),
            // inbound documents (ADR 0063)
            api(POST, "/api/v1/inbound/movements").body("{}").allow(STOCK_POSTERS),
            api(POST, "/api/v1/inbound/consumptions").body("{}").allow(STOCK_POSTERS),
            api(POST, "/api/v1/inbound/supplier-stock").body("{}").allow(SUPPLIER_STOCK_WRITERS),
            api(POST, "/api/v1/inbound/movements/file").allow(STOCK_POSTERS),
            api(POST, "/api/v1/inbound/consumptions/file").allow(STOCK_POSTERS),
            api(POST, "/api/v1/inbound/supplier-stock/file").allow(SUPPLIER_STOCK_WRITERS),
            ui(GET, "/inbound").allow(INBOUND_POSTERS),
            ui(POST, "/inbound/movements/file").allow(STOCK_POSTERS),
            ui(POST, "/inbound/consumptions/file").allow(STOCK_POSTERS),
            ui(POST, "/inbound/supplier-stock/file").allow(SUPPLIER_STOCK_WRITERS),
            api(GET, "/api/v1/vmi/to-ship").allow(SIGNED_IN),
            api(GET, "/api/v1/vmi/sla").allow(SIGNED_IN),
            ui(GET, "/vmi/agreements").allow(SIGNED_IN),
            ui(GET, "/vmi/agreements/new").allow(AGREEMENT_EDITORS),
            ui(GET, "/vmi/agreements/999999").allow(SIGNED_IN),
            ui(POST, "/vmi/agreements").allow(AGREEMENT_EDITORS),
            ui(GET, "/vmi/agreements/999999/edit").allow(AGREEMENT_EDITORS),
            ui(POST, "/vmi/agreements/999999").allow(AGREEMENT_EDITORS),
            ui(GET, "/vmi/to-ship").allow(SIGNED_IN),
            ui(POST, "/shipments/suggested").allow(SHIPPERS),
            ui(GET, "/vmi/stock").allow(SIGNED_IN),
            ui(POST, "/vmi/consumptions").allow(STOCK_POSTERS),
            ui(GET, "/vmi/calloffs").allow(SIGNED_IN),
            ui(POST, "/vmi/calloffs").allow(CALLOFF_EDITORS),
            ui(POST, "/vmi/calloffs/999999/confirm").allow(SUPPLIERS),
            ui(POST, "/vmi/calloffs/999999/propose").allow(SUPPLIERS),
            ui(POST, "/vmi/calloffs/999999/accept").allow(CALLOFF_EDITORS),
            ui(POST, "/vmi/calloffs/999999/cancel").allow(CALLOFF_EDITORS),
            ui(GET, "/shipments").allow(SIGNED_IN),
            ui(GET, "/shipments/999999").allow(SIGNED_IN),
            ui(POST, "/shipments/999999/receive").allow(STOCK_POSTERS),
            ui(GET, "/settlements").allow(SIGNED_IN),
            ui(POST, "/settlements").allow(SETTLERS),
            ui(GET, "/settlements/bulk").allow(SETTLERS),
            ui(POST, "/settlements/bulk").allow(SETTLERS),
            ui(GET, "/settlements/999999").allow(SIGNED_IN),
            ui(GET, "/settlements/999999/print").allow(SIGNED_IN),
            ui(GET, "/settlements/999999/export").allow(SIGNED_IN),
            ui(POST, "/settlements/999999/issue").allow(SETTLERS),
            ui(POST, "/settlements/999999/confirm").allow(SUPPLIERS),
            ui(POST, "/settlements/999999/dispute").allow(SUPPLIERS),
            ui(POST, "/settlements/999999/close").allow(SETTLERS),
            api(GET, "/api/v1/vmi/calloffs").allow(SIGNED_IN),
            api(GET, "/api/v1/vmi/calloffs/999999").allow(SIGNED_IN),
            api(POST, "/api/v1/vmi/calloffs").body("{}").allow(CALLOFF_EDITORS),
            api(POST, "/api/v1/vmi/calloffs/999999/confirm").body("{}").allow(SUPPLIERS),
            api(POST, "/api/v1/vmi/calloffs/999999/propose").body("{\"qty\":1}").allow(SUPPLIERS),
            api(POST, "/api/v1/vmi/calloffs/999999/accept").allow(CALLOFF_EDITORS),
            api(POST, "/api/v1/vmi/calloffs/999999/cancel").allow(CALLOFF_EDITORS),
            api(POST, "/api/v1/shipments/suggested").body("{}").allow(SHIPPERS),
            api(GET, "/api/v1/shipments").allow(SIGNED_IN),
            api(GET, "/api/v1/shipments/999999").allow(SIGNED_IN),
            api(POST, "/api/v1/shipments").body("{}").allow(SHIPPERS),
            api(POST, "/api/v1/shipments/999999/receive").body("{}").allow(STOCK_POSTERS),
            api(GET, "/api/v1/settlements").allow(SIGNED_IN),
            api(GET, "/api/v1/settlements/999999").allow(SIGNED_IN),
            api(GET, "/api/v1/settlements/999999/export").allow(SIGNED_IN),
            api(POST, "/api/v1/settlements").body("{}").allow(SETTLERS),
            api(GET, "/api/v1/settlements/candidates").allow(SETTLERS),
            api(POST, "/api/v1/settlements/bulk").body("{}").allow(SETTLERS),
            api(POST, "/api/v1/settlements/999999/issue").allow(SETTLERS),
            api(POST, "/api/v1/settlements/999999/close").allow(SETTLERS),
            api(POST, "/api/v1/settlements/999999/confirm").body("{}").allow(SUPPLIERS),
            api(POST, "/api/v1/settlements/999999/dispute")
                    .body("{\"comment\":\"x\"}")
                    .allow(SUPPLIERS),

            // imports (the page itself; its upload endpoints come with the imports feature)
            ui(GET, "/imports").allow(SIGNED_IN),
            api(POST, "/api/v1/imports/items").allow(MASTER_DATA_EDITORS),
            api(GET, "/api/v1/exports/items").allow(SIGNED_IN),
            ui(POST, "/imports/items").allow(MASTER_DATA_EDITORS),
            ui(GET, "/exports/items").allow(SIGNED_IN),
            api(POST, "/api/v1/imports/opening-stock").allow(STOCK_POSTERS),
            api(GET, "/api/v1/exports/opening-stock").allow(SIGNED_IN),
            ui(POST, "/imports/opening-stock").allow(STOCK_POSTERS),
            ui(GET, "/exports/opening-stock").allow(SIGNED_IN),
            api(POST, "/api/v1/imports/demand-history").allow(POLICY_EDITORS),
            api(GET, "/api/v1/exports/demand-history").allow(SIGNED_IN),
            ui(POST, "/imports/demand-history").allow(POLICY_EDITORS),
            ui(GET, "/exports/demand-history").allow(SIGNED_IN),
            api(POST, "/api/v1/imports/open-purchase-orders").allow(BUYERS),
            api(GET, "/api/v1/exports/open-purchase-orders").allow(SIGNED_IN),
            ui(POST, "/imports/open-purchase-orders").allow(BUYERS),
            ui(GET, "/exports/open-purchase-orders").allow(SIGNED_IN),
            api(POST, "/api/v1/imports/warehouses").allow(WAREHOUSE_EDITORS),
            api(GET, "/api/v1/exports/warehouses").allow(SIGNED_IN),
            ui(POST, "/imports/warehouses").allow(WAREHOUSE_EDITORS),
            ui(GET, "/exports/warehouses").allow(SIGNED_IN),
            api(POST, "/api/v1/imports/locations").allow(WAREHOUSE_EDITORS),
            api(GET, "/api/v1/exports/locations").allow(SIGNED_IN),
            ui(POST, "/imports/locations").allow(WAREHOUSE_EDITORS),
            ui(GET, "/exports/locations").allow(SIGNED_IN),
            api(POST, "/api/v1/imports/suppliers").allow(MASTER_DATA_EDITORS),
            api(GET, "/api/v1/exports/suppliers").allow(SIGNED_IN),
            ui(POST, "/imports/suppliers").allow(MASTER_DATA_EDITORS),
            ui(GET, "/exports/suppliers").allow(SIGNED_IN),
            api(POST, "/api/v1/imports/supplier-items").allow(MASTER_DATA_EDITORS),
            api(GET, "/api/v1/exports/supplier-items").allow(SIGNED_IN),
            ui(POST, "/imports/supplier-items").allow(MASTER_DATA_EDITORS),
            ui(GET, "/exports/supplier-items").allow(SIGNED_IN),

            // security: users
            api(GET, "/api/v1/users").allow(ADMINS),
            api(POST, "/api/v1/users").body("{}").allow(ADMINS),
            api(GET, "/api/v1/users/{user}").allow(ADMINS),
            api(PUT, "/api/v1/users/{user}").body("{}").allow(ADMINS),
            ui(GET, "/admin/users").allow(ADMINS),
            ui(GET, "/admin/users/new").allow(ADMINS),
            ui(GET, "/admin/users/{user}/edit").allow(ADMINS),
            ui(POST, "/admin/users").allow(ADMINS),
            ui(POST, "/admin/users/{user}").allow(ADMINS),

            // security: API keys
            api(GET, "/api/v1/api-keys").allow(ADMINS),
            api(POST, "/api/v1/api-keys").body("{}").allow(ADMINS),
            api(GET, "/api/v1/api-keys/{key}").allow(ADMINS),
            api(POST, "/api/v1/api-keys/{key}/revoke").allow(ADMINS),
            ui(GET, "/admin/api-keys").allow(ADMINS),
            ui(POST, "/admin/api-keys").allow(ADMINS),
            ui(POST, "/admin/api-keys/{key}/revoke").allow(ADMINS),

            // planning: runs, forecasts, suggestions, lead times
            api(POST, "/api/v1/planning/runs").body("{\"horizonDays\":0}").allow(PLANNERS),
            api(GET, "/api/v1/planning/runs").allow(BUYER_SIDE),
            api(GET, "/api/v1/planning/runs/999999").allow(BUYER_SIDE),
            api(GET, "/api/v1/forecasts").allow(SIGNED_IN),
            api(GET, "/api/v1/availability/{item}/NO-WH").allow(SIGNED_IN),
            api(GET, "/api/v1/suggestions").allow(SIGNED_IN),
            api(GET, "/api/v1/suggestions/999999").allow(SIGNED_IN),
            api(POST, "/api/v1/suggestions/999999/accept").allow(SUGGESTION_DECIDERS),
            api(POST, "/api/v1/suggestions/999999/reject").body("{}").allow(SUGGESTION_DECIDERS),
            api(POST, "/api/v1/suggestions/accept").body("{}").allow(SUGGESTION_DECIDERS),
            api(POST, "/api/v1/suggestions/reject").body("{}").allow(SUGGESTION_DECIDERS),
            api(POST, "/api/v1/suggestions/requisitions").body("{}").allow(SUGGESTION_DECIDERS),
            api(POST, "/api/v1/suggestions/requisitions/preview").body("{}").allow(SUGGESTION_DECIDERS),
            api(POST, "/api/v1/planning/lead-times").body("{}").allow(SUGGESTION_DECIDERS),
            api(GET, "/api/v1/planning/lead-times").allow(BUYER_SIDE),
            ui(GET, "/planning/runs").allow(BUYER_SIDE),
            ui(POST, "/planning/runs").allow(PLANNERS),
            ui(GET, "/planning/runs/999999/progress").allow(BUYER_SIDE),
            ui(GET, "/planning/suggestions").allow(SIGNED_IN),
            ui(GET, "/planning/suggestions/export").allow(SIGNED_IN),
            ui(POST, "/planning/suggestions/decide").allow(SUGGESTION_DECIDERS),
            ui(POST, "/planning/suggestions/confirm").allow(SUGGESTION_DECIDERS),
            ui(POST, "/planning/suggestions/requisitions").allow(SUGGESTION_DECIDERS),
            ui(GET, "/planning/forecasts/{item}/NO-WH").allow(SIGNED_IN),
            ui(GET, "/availability/NO-ITEM").allow(SIGNED_IN),

            // analytics: every role, a supplier scoped to its own consignment
            api(GET, "/api/v1/analytics/kpis").allow(SIGNED_IN),
            api(GET, "/api/v1/analytics/aging").allow(SIGNED_IN),
            api(GET, "/api/v1/analytics/abc").allow(SIGNED_IN),
            api(GET, "/api/v1/analytics/stale").allow(SIGNED_IN),
            api(GET, "/api/v1/analytics/suppliers/T-SUP-A/scorecard").allow(SIGNED_IN),
            api(POST, "/api/v1/analytics/effect-report").body("{}").allow(POLICY_EDITORS),
            api(POST, "/api/v1/analytics/effect-report/apply").body("{}").allow(POLICY_EDITORS),
            ui(GET, "/analytics/effect-report").allow(POLICY_EDITORS),
            ui(GET, "/analytics/effect-report/export").allow(POLICY_EDITORS),
            ui(POST, "/analytics/effect-report/apply").allow(POLICY_EDITORS),
            ui(GET, "/dashboards/management").allow(BUYER_SIDE),
            api(GET, "/api/v1/analytics/forecast-accuracy").allow(BUYER_SIDE),
            api(GET, "/api/v1/analytics/suggestion-acceptance").allow(BUYER_SIDE),
            api(GET, "/api/v1/analytics/consignment").allow(SIGNED_IN),
            ui(GET, "/dashboards/planner").allow(EnumSet.of(Role.ADMIN, Role.PLANNER, Role.BUYER, Role.VIEWER)),
            ui(GET, "/dashboards/finance").allow(EnumSet.of(Role.ADMIN, Role.FINANCE, Role.VIEWER)),
            ui(GET, "/dashboards/management/big-screen").allow(BUYER_SIDE),
            ui(GET, "/dashboards/management/charts/value").allow(BUYER_SIDE),
            ui(GET, "/dashboards/warehouse").allow(WAREHOUSE_DASHBOARD),
            ui(GET, "/dashboards/warehouse/charts/stale").allow(WAREHOUSE_DASHBOARD),
            ui(GET, "/dashboards/buyer").allow(BUYER_DASHBOARD),
            ui(GET, "/dashboards/buyer/charts/otif").allow(BUYER_DASHBOARD),
            ui(GET, "/dashboards/planner/charts/accuracy")
                    .allow(EnumSet.of(Role.ADMIN, Role.PLANNER, Role.BUYER, Role.VIEWER)),
            ui(GET, "/dashboards/finance/charts/liability").allow(EnumSet.of(Role.ADMIN, Role.FINANCE, Role.VIEWER)),
            ui(GET, "/portal/scorecard").allow(SUPPLIERS),

            // audit
            api(GET, "/api/v1/audit").allow(ADMINS),
            ui(GET, "/admin/audit").allow(ADMINS),

            // notifications: everyone their own preferences; the mail log for ADMIN
            api(GET, "/api/v1/notifications/preferences").allow(SIGNED_IN),
            api(PUT, "/api/v1/notifications/preferences").body("{}").allow(SIGNED_IN),
            api(GET, "/api/v1/notifications/mails").allow(ADMINS),
            ui(GET, "/notifications/preferences").allow(SIGNED_IN),
            ui(POST, "/notifications/preferences").allow(SIGNED_IN),
            ui(POST, "/notifications/preferences/time-zone").allow(SIGNED_IN),
            ui(POST, "/notifications/preferences/reports").allow(BUYER_SIDE),
            ui(GET, "/admin/notifications/mails").allow(ADMINS),
            // group robots (ADR 0076): ADMIN all, a supplier user its own supplier's only (scoped in notification)
            api(GET, "/api/v1/notifications/robots").allow(WEBHOOK_OWNERS),
            api(POST, "/api/v1/notifications/robots").body("{}").allow(WEBHOOK_OWNERS),
            api(GET, "/api/v1/notifications/robots/999999").allow(WEBHOOK_OWNERS),
            api(PUT, "/api/v1/notifications/robots/999999").body("{}").allow(WEBHOOK_OWNERS),
            api(DELETE, "/api/v1/notifications/robots/999999").allow(WEBHOOK_OWNERS),
            api(POST, "/api/v1/notifications/robots/999999/test").allow(WEBHOOK_OWNERS),
            // one's own report mail subscriptions: buyer side (the reports cover the buyer's stock)
            api(GET, "/api/v1/report-subscriptions").allow(BUYER_SIDE),
            api(POST, "/api/v1/report-subscriptions").body("{}").allow(BUYER_SIDE),
            api(GET, "/api/v1/report-subscriptions/WEEKLY_KPIS").allow(BUYER_SIDE),
            api(PUT, "/api/v1/report-subscriptions/WEEKLY_KPIS").body("{}").allow(BUYER_SIDE),
            api(DELETE, "/api/v1/report-subscriptions/WEEKLY_KPIS").allow(BUYER_SIDE),

            // transfer plans: the buyer side reads, planners/buyers/warehouse plan and accept; lanes: warehouse editors
            api(POST, "/api/v1/transfer-plans").body("{\"coverDays\":0}").allow(TRANSFER_PLANNERS),
            api(GET, "/api/v1/transfer-plans/999999").allow(BUYER_SIDE),
            api(POST, "/api/v1/transfer-plans/999999/accept").allow(TRANSFER_PLANNERS),
            api(GET, "/api/v1/transfer-lanes").allow(BUYER_SIDE),
            api(GET, "/api/v1/transfer-lanes/999999").allow(BUYER_SIDE),
            api(POST, "/api/v1/transfer-lanes").body("{}").allow(WAREHOUSE_EDITORS),
            api(PUT, "/api/v1/transfer-lanes/999999").body("{}").allow(WAREHOUSE_EDITORS),
            api(DELETE, "/api/v1/transfer-lanes/999999").allow(WAREHOUSE_EDITORS),
            ui(GET, "/transfer-plans").allow(BUYER_SIDE),
            ui(POST, "/transfer-plans").allow(TRANSFER_PLANNERS),
            ui(GET, "/transfer-plans/999999").allow(BUYER_SIDE),
            ui(POST, "/transfer-plans/999999/accept").allow(TRANSFER_PLANNERS),
            ui(GET, "/transfer-lanes").allow(BUYER_SIDE),
            ui(POST, "/transfer-lanes").allow(WAREHOUSE_EDITORS),
            ui(POST, "/transfer-lanes/999999").allow(WAREHOUSE_EDITORS),
            ui(POST, "/transfer-lanes/999999/delete").allow(WAREHOUSE_EDITORS),

            // sales channels (ADR 0055): buyer side reads, buyers set rules, reservers place/commit/release; suppliers
            // never
            api(GET, "/api/v1/channels").allow(BUYER_SIDE),
            api(POST, "/api/v1/channels").body("{}").allow(BUYERS),
            api(GET, "/api/v1/channels/NO-SUCH-CH").allow(BUYER_SIDE),
            api(PUT, "/api/v1/channels/NO-SUCH-CH").body("{}").allow(BUYERS),
            api(GET, "/api/v1/channels/NO-SUCH-CH/atp").allow(BUYER_SIDE),
            api(GET, "/api/v1/channels/NO-SUCH-CH/pauses").allow(BUYER_SIDE),
            api(POST, "/api/v1/channels/NO-SUCH-CH/items/NO-SUCH-IT/pause")
                    .body("{}")
                    .allow(BUYERS),
            api(POST, "/api/v1/channels/NO-SUCH-CH/items/NO-SUCH-IT/resume")
                    .body("{}")
                    .allow(BUYERS),
            api(POST, "/api/v1/channels/NO-SUCH-CH/orders").body("{}").allow(RESERVERS),
            api(GET, "/api/v1/channels/NO-SUCH-CH/orders/SO-1").allow(BUYER_SIDE),
            api(POST, "/api/v1/channels/NO-SUCH-CH/orders/SO-1/commit").allow(RESERVERS),
            api(POST, "/api/v1/channels/NO-SUCH-CH/orders/SO-1/release").allow(RESERVERS),
            api(POST, "/api/v1/channels/NO-SUCH-CH/orders/import").allow(RESERVERS),
            api(POST, "/api/v1/channels/NO-SUCH-CH/inbound/generic").body("{}").allow(RESERVERS),
            ui(GET, "/channels").allow(BUYER_SIDE),
            ui(GET, "/channels/new").allow(BUYERS),
            ui(POST, "/channels").allow(BUYERS),
            ui(GET, "/channels/NO-SUCH-CH/edit").allow(BUYERS),
            ui(POST, "/channels/NO-SUCH-CH").allow(BUYERS),
            // rules engine: the buyer side reads and dry-runs, policy editors write; suppliers never
            api(GET, "/api/v1/rules").allow(BUYER_SIDE),
            api(POST, "/api/v1/rules").body("{}").allow(POLICY_EDITORS),
            api(GET, "/api/v1/rules/templates").allow(BUYER_SIDE),
            api(POST, "/api/v1/rules/validate").body("{}").allow(BUYER_SIDE),
            api(GET, "/api/v1/rules/999999").allow(BUYER_SIDE),
            api(PUT, "/api/v1/rules/999999").body("{}").allow(POLICY_EDITORS),
            api(DELETE, "/api/v1/rules/999999").allow(POLICY_EDITORS),
            api(POST, "/api/v1/rules/999999/dry-run").allow(BUYER_SIDE),
            api(POST, "/api/v1/rules/999999/backtest").body("{\"days\":90}").allow(BUYER_SIDE),
            api(GET, "/api/v1/rules/999999/runs").allow(BUYER_SIDE),
            api(GET, "/api/v1/rules/999999/versions").allow(BUYER_SIDE),
            api(GET, "/api/v1/clearance-tasks").allow(BUYER_SIDE),
            api(GET, "/api/v1/clearance-tasks/999999").allow(BUYER_SIDE),
            api(POST, "/api/v1/clearance-tasks/999999/close").body("{}").allow(ALERT_RESOLVERS),
            ui(GET, "/rules").allow(BUYER_SIDE),
            ui(GET, "/rules/new").allow(POLICY_EDITORS),
            ui(POST, "/rules").allow(POLICY_EDITORS),
            ui(GET, "/rules/999999").allow(BUYER_SIDE),
            ui(POST, "/rules/999999").allow(POLICY_EDITORS),
            ui(POST, "/rules/999999/delete").allow(POLICY_EDITORS),
            ui(POST, "/rules/999999/dry-run").allow(BUYER_SIDE),
            ui(POST, "/rules/999999/backtest").allow(BUYER_SIDE),
            ui(POST, "/rules/validate").allow(BUYER_SIDE),
            ui(GET, "/clearance-tasks").allow(BUYER_SIDE),
            ui(POST, "/clearance-tasks/999999/close").allow(ALERT_RESOLVERS),

            // integration: webhooks (an ADMIN's: the buyer's; a supplier user's: its own events only)
            api(GET, "/api/v1/webhooks").allow(WEBHOOK_OWNERS),
            api(POST, "/api/v1/webhooks").body("{}").allow(WEBHOOK_OWNERS),
            api(GET, "/api/v1/webhooks/999999").allow(WEBHOOK_OWNERS),
            api(PUT, "/api/v1/webhooks/999999/active").body("{}").allow(WEBHOOK_OWNERS),
            api(DELETE, "/api/v1/webhooks/999999").allow(WEBHOOK_OWNERS),
            api(GET, "/api/v1/webhooks/999999/deliveries").allow(WEBHOOK_OWNERS),
            api(GET, "/api/v1/webhooks/999999/deliveries/1").allow(WEBHOOK_OWNERS),
            api(POST, "/api/v1/webhooks/999999/deliveries/1/redeliver").allow(WEBHOOK_OWNERS),
            api(GET, "/api/v1/webhooks/dead-letters").allow(WEBHOOK_OWNERS),
            api(POST, "/api/v1/webhooks/999999/deliveries/replay-failed").allow(WEBHOOK_OWNERS),
            api(POST, "/api/v1/webhooks/999999/test").allow(WEBHOOK_OWNERS),
            ui(POST, "/admin/webhooks/999999/test").allow(ADMINS),
            // a supplier's own webhooks page in its portal
            ui(GET, "/portal/webhooks").allow(EnumSet.of(Role.SUPPLIER)),
            ui(POST, "/portal/webhooks").allow(EnumSet.of(Role.SUPPLIER)),
            ui(GET, "/portal/webhooks/999999").allow(EnumSet.of(Role.SUPPLIER)),
            ui(POST, "/portal/webhooks/999999/active").allow(EnumSet.of(Role.SUPPLIER)),
            ui(POST, "/portal/webhooks/999999/test").allow(EnumSet.of(Role.SUPPLIER)),
            ui(POST, "/portal/webhooks/999999/delete").allow(EnumSet.of(Role.SUPPLIER)),
            ui(POST, "/portal/webhooks/999999/deliveries/1/redeliver").allow(EnumSet.of(Role.SUPPLIER)),
            ui(POST, "/portal/webhooks/999999/deliveries/replay-failed").allow(EnumSet.of(Role.SUPPLIER)),
            ui(GET, "/admin/webhooks").allow(ADMINS),
            ui(GET, "/admin/robots").allow(ADMINS),
            ui(POST, "/admin/robots").allow(ADMINS),
            ui(POST, "/admin/robots/999999/test").allow(ADMINS),
            ui(POST, "/admin/robots/999999/delete").allow(ADMINS),
            ui(GET, "/admin/robots/999999/edit").allow(ADMINS),
            ui(POST, "/admin/robots/999999/edit").allow(ADMINS),
            ui(POST, "/admin/robots/999999/enabled").allow(ADMINS),
            ui(GET, "/portal/robots").allow(EnumSet.of(Role.SUPPLIER)),
            ui(POST, "/portal/robots").allow(EnumSet.of(Role.SUPPLIER)),
            ui(POST, "/portal/robots/999999/test").allow(EnumSet.of(Role.SUPPLIER)),
            ui(POST, "/portal/robots/999999/delete").allow(EnumSet.of(Role.SUPPLIER)),
            ui(GET, "/portal/robots/999999/edit").allow(EnumSet.of(Role.SUPPLIER)),
            ui(POST, "/portal/robots/999999/edit").allow(EnumSet.of(Role.SUPPLIER)),
            ui(POST, "/portal/robots/999999/enabled").allow(EnumSet.of(Role.SUPPLIER)),
            ui(POST, "/admin/webhooks").allow(ADMINS),
            ui(GET, "/admin/webhooks/999999").allow(ADMINS),
            ui(POST, "/admin/webhooks/999999/active").allow(ADMINS),
            ui(POST, "/admin/webhooks/999999/delete").allow(ADMINS),
            ui(POST, "/admin/webhooks/999999/deliveries/1/redeliver").allow(ADMINS),
            ui(POST, "/admin/webhooks/999999/deliveries/replay-failed").allow(ADMINS),

            // procurement: approval rules, requisitions, purchase orders, receipts, invoices
            api(GET, "/api/v1/approval-rules").allow(BUYER_SIDE),
            api(GET, "/api/v1/approval-rules/999999").allow(BUYER_SIDE),
            api(POST, "/api/v1/approval-rules").body("{}").allow(ADMINS),
            api(PUT, "/api/v1/approval-rules/999999").body("{}").allow(ADMINS),
            api(DELETE, "/api/v1/approval-rules/999999").allow(ADMINS),
            api(GET, "/api/v1/requisitions").allow(BUYER_SIDE),
            api(GET, "/api/v1/requisitions/999999").allow(BUYER_SIDE),
            api(GET, "/api/v1/requisitions/inbox").allow(APPROVERS),
            api(POST, "/api/v1/requisitions").body("{}").allow(REQUESTERS),
            api(PUT, "/api/v1/requisitions/999999").body("{}").allow(REQUESTERS),
            api(POST, "/api/v1/requisitions/999999/submit").allow(REQUESTERS),
            api(POST, "/api/v1/requisitions/999999/approve").body("{}").allow(APPROVERS),
            api(POST, "/api/v1/requisitions/999999/reject")
                    .body("{\"reason\":\"x\"}")
                    .allow(APPROVERS),
            api(POST, "/api/v1/requisitions/999999/delegate")
                    .body("{\"to\":\"x\"}")
                    .allow(APPROVERS),
            api(POST, "/api/v1/requisitions/bulk-submit").body("{}").allow(REQUESTERS),
            api(POST, "/api/v1/requisitions/bulk-approve").body("{}").allow(APPROVERS),
            api(POST, "/api/v1/purchase-orders/from-requisitions").body("{}").allow(BUYERS),
            api(GET, "/api/v1/purchase-orders").allow(SIGNED_IN),
            api(GET, "/api/v1/purchase-orders/999999").allow(SIGNED_IN),
            api(GET, "/api/v1/purchase-orders/999999/timeline").allow(SIGNED_IN),
            api(POST, "/api/v1/purchase-orders").body("{}").allow(BUYERS),
            api(POST, "/api/v1/purchase-orders/999999/confirm").body("{}").allow(SUPPLIERS),
            api(POST, "/api/v1/purchase-orders/999999/accept-change").allow(BUYERS),
            api(POST, "/api/v1/purchase-orders/999999/reject-change")
                    .body("{\"reason\":\"x\"}")
                    .allow(BUYERS),
            api(POST, "/api/v1/purchase-orders/999999/close").body("{}").allow(BUYERS),
            api(POST, "/api/v1/purchase-orders/999999/lines/1/cancel")
                    .body("{}")
                    .allow(BUYERS),
            api(PUT, "/api/v1/procurement/tolerances/NO-SUP").body("{}").allow(BUYERS),
            api(POST, "/api/v1/receipts").body("{}").allow(STOCK_POSTERS),
            api(POST, "/api/v1/purchase-orders/999999/shipment-notices")
                    .body("{}")
                    .allow(SUPPLIERS),
            api(GET, "/api/v1/purchase-orders/999999/shipment-notices").allow(SIGNED_IN),
            api(GET, "/api/v1/shipment-notices/999999").allow(SIGNED_IN),
            api(POST, "/api/v1/shipment-notices/999999/receive").body("{}").allow(STOCK_POSTERS),
            api(GET, "/api/v1/receipts/999999").allow(BUYER_SIDE),
            api(POST, "/api/v1/invoices").body("{}").allow(INVOICE_ENTRY),
            api(POST, "/api/v1/invoices/import").allow(INVOICE_ENTRY),
            api(GET, "/api/v1/invoices").allow(SIGNED_IN),
            api(GET, "/api/v1/invoices/999999").allow(SIGNED_IN),
            api(GET, "/api/v1/invoices/export").allow(FINANCE),
            api(GET, "/api/v1/procurement/reconciliation").allow(RECONCILERS),
            ui(GET, "/requisitions").allow(BUYER_SIDE),
            ui(GET, "/requisitions/inbox").allow(APPROVERS),
            ui(GET, "/requisitions/new").allow(REQUESTERS),
            ui(POST, "/requisitions").allow(REQUESTERS),
            ui(GET, "/requisitions/999999").allow(BUYER_SIDE),
            ui(POST, "/requisitions/999999/submit").allow(REQUESTERS),
            ui(POST, "/requisitions/bulk-submit").allow(REQUESTERS),
            ui(POST, "/requisitions/bulk-approve").allow(APPROVERS),
            ui(POST, "/requisitions/bulk-order").allow(BUYERS),
            ui(POST, "/requisitions/999999/approve").allow(APPROVERS),
            ui(POST, "/requisitions/999999/reject").allow(APPROVERS),
            ui(POST, "/requisitions/999999/delegate").allow(APPROVERS),
            ui(GET, "/approval-rules").allow(BUYER_SIDE),
            ui(POST, "/approval-rules").allow(ADMINS),
            ui(POST, "/approval-rules/999999/delete").allow(ADMINS),
            ui(GET, "/purchase-orders").allow(SIGNED_IN),
            ui(GET, "/purchase-orders/999999").allow(SIGNED_IN),
            ui(GET, "/purchase-orders/999999/print").allow(SIGNED_IN),
            ui(GET, "/overdue-supply").allow(SIGNED_IN),
            api(GET, "/api/v1/overdue-supply").allow(SIGNED_IN),
            ui(POST, "/purchase-orders").allow(BUYERS),
            ui(POST, "/purchase-orders/999999/confirm").allow(SUPPLIERS),
            ui(POST, "/purchase-orders/999999/shipment-notices").allow(SUPPLIERS),
            ui(POST, "/shipment-notices/999999/receive").allow(STOCK_POSTERS),
            ui(POST, "/purchase-orders/999999/accept-change").allow(BUYERS),
            ui(POST, "/purchase-orders/999999/reject-change").allow(BUYERS),
            ui(POST, "/purchase-orders/999999/close").allow(BUYERS),
            ui(POST, "/purchase-orders/999999/lines/1/cancel").allow(BUYERS),
            ui(GET, "/receipts/new").allow(STOCK_POSTERS),
            ui(POST, "/receipts").allow(STOCK_POSTERS),
            ui(GET, "/receipts/999999/print").allow(BUYER_SIDE),
            ui(GET, "/invoices").allow(SIGNED_IN),
            ui(GET, "/invoices/new").allow(INVOICE_ENTRY),
            ui(POST, "/invoices").allow(INVOICE_ENTRY),
            ui(GET, "/invoices/999999").allow(SIGNED_IN),
            ui(GET, "/procurement/reconciliation").allow(RECONCILERS));

    private AccessMatrix() {}

    enum Kind {
        API,
        UI
    }

    /** One endpoint: who may call it. {@code body} is sent as JSON to API endpoints. */
    record Endpoint(Kind kind, HttpMethod method, String path, String body, Set<Role> allowed, boolean open) {

        Endpoint body(String json) {
            return new Endpoint(kind, method, path, json, allowed, open);
        }

        Endpoint allow(Set<Role> roles) {
            return new Endpoint(kind, method, path, body, EnumSet.copyOf(roles), open);
        }

        /** Anyone, even without signing in. */
        Endpoint publicAccess() {
            return new Endpoint(kind, method, path, body, SIGNED_IN, true);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Endpoint api(HttpMethod method, String path) {
        return new Endpoint(Kind.API, method, path, null, EnumSet.noneOf(Role.class), false);
    }

    static Endpoint ui(HttpMethod method, String path) {
        return new Endpoint(Kind.UI, method, path, null, EnumSet.noneOf(Role.class), false);
    }
}
