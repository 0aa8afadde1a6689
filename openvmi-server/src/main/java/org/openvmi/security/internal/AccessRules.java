package org.openvmi.security.internal;

import java.util.List;
import org.openvmi.security.Role;
import org.springframework.http.HttpMethod;

/**
 * Who may call what: one table for the REST API ({@code /api/v1} + path) and the UI (path alone), so the two can
 * never disagree. A null method matches every method; an empty role list means "any signed-in user" (rows are still
 * scoped to the caller's party in the data-access layer). Order matters: the first match wins. Anything not listed
 * is refused, so a new feature must add its rules here.
 */
public final class AccessRules {

    public record Rule(HttpMethod method, String path, List<Role> roles) {}

    private static final List<Role> ANY = List.of();
    private static final List<Role> MASTER_DATA_EDITORS = List.of(Role.ADMIN, Role.BUYER);
    private static final List<Role> WAREHOUSE_EDITORS = List.of(Role.ADMIN, Role.WAREHOUSE);
    private static final List<Role> ADMINS = List.of(Role.ADMIN);
    private static final List<Role> WEBHOOK_OWNERS = List.of(Role.ADMIN, Role.SUPPLIER);
    private static final List<Role> STOCK_POSTERS = List.of(Role.ADMIN, Role.WAREHOUSE);
    private static final List<Role> BUYER_SIDE =
            List.of(Role.ADMIN, Role.BUYER, Role.WAREHOUSE, Role.FINANCE, Role.PLANNER, Role.VIEWER);
    private static final List<Role> RESERVERS = List.of(Role.ADMIN, Role.WAREHOUSE, Role.BUYER);
    private static final List<Role> POLICY_EDITORS = List.of(Role.ADMIN, Role.BUYER, Role.PLANNER);
    private static final List<Role> ALERT_HANDLERS =
            List.of(Role.ADMIN, Role.BUYER, Role.WAREHOUSE, Role.PLANNER, Role.SUPPLIER);
    private static final List<Role> ALERT_RESOLVERS = List.of(Role.ADMIN, Role.BUYER, Role.WAREHOUSE, Role.PLANNER);
    private static final List<Role> LEDGER_AUDITORS = List.of(Role.ADMIN, Role.WAREHOUSE, Role.FINANCE);
    private static final List<Role> REQUESTERS = List.of(Role.ADMIN, Role.BUYER, Role.WAREHOUSE, Role.PLANNER);
    private static final List<Role> APPROVERS =
            List.of(Role.ADMIN, Role.BUYER, Role.WAREHOUSE, Role.FINANCE, Role.PLANNER);
    private static final List<Role> BUYERS = List.of(Role.ADMIN, Role.BUYER);
    private static final List<Role> SUPPLIERS = List.of(Role.SUPPLIER);
    private static final List<Role> INVOICE_ENTRY = List.of(Role.ADMIN, Role.FINANCE, Role.SUPPLIER);
    private static final List<Role> FINANCE = List.of(Role.ADMIN, Role.FINANCE);
    private static final List<Role> RECONCILERS = List.of(Role.ADMIN, Role.FINANCE, Role.BUYER, Role.SUPPLIER);
    private static final List<Role> AGREEMENT_EDITORS = List.of(Role.ADMIN, Role.BUYER);
    private static final List<Role> SHIPPERS = List.of(Role.ADMIN, Role.BUYER, Role.SUPPLIER);
    private static final List<Role> SETTLERS = List.of(Role.ADMIN, Role.FINANCE);
    private static final List<Role> CALLOFF_EDITORS = List.of(Role.ADMIN, Role.BUYER, Role.PLANNER);
    private static final List<Role> PLANNERS = List.of(Role.ADMIN, Role.PLANNER);
    private static final List<Role> SUGGESTION_DECIDERS = List.of(Role.ADMIN, Role.PLANNER, Role.BUYER);
    private static final List<Role> LEAD_TIME_RECORDERS = List.of(Role.ADMIN, Role.PLANNER, Role.BUYER);
    private static final List<Role> PLANNER_DASHBOARD = List.of(Role.ADMIN, Role.PLANNER, Role.BUYER, Role.VIEWER);
    private static final List<Role> FINANCE_DASHBOARD = List.of(Role.ADMIN, Role.FINANCE, Role.VIEWER);
    private static final List<Role> SUPPLIER_STOCK_WRITERS = List.of(Role.SUPPLIER, Role.ADMIN);
    private static final List<Role> WAREHOUSE_DASHBOARD = List.of(Role.ADMIN, Role.WAREHOUSE, Role.VIEWER);
    private static final List<Role> BUYER_DASHBOARD = List.of(Role.ADMIN, Role.BUYER, Role.VIEWER);
    private static final List<Role> INBOUND_POSTERS = List.of(Role.ADMIN, Role.WAREHOUSE, Role.SUPPLIER);
    private static final List<Role> TRANSFER_PLANNERS = List.of(Role.ADMIN, Role.PLANNER, Role.BUYER, Role.WAREHOUSE);

    public static final List<Rule> RULES = List.of(
            new Rule(null, "/admin/**", ADMINS),
            new Rule(null, "/users/**", ADMINS),
            new Rule(null, "/api-keys/**", ADMINS),
            new Rule(null, "/audit/**", ADMINS),
            // a supplier user's webhooks receive its own supplier's events only (scoped in the integration feature)
            new Rule(null, "/webhooks/**", WEBHOOK_OWNERS),
            new Rule(null, "/notifications/mails/**", ADMINS),
            // group robots: a supplier user manages its own supplier's only (scoped in the notification feature)
            new Rule(null, "/notifications/robots/**", WEBHOOK_OWNERS),
            new Rule(null, "/notifications/preferences/reports", BUYER_SIDE), // report mails cover the buyer's stock
            new Rule(null, "/notifications/preferences/**", ANY),
            // one's own report mail subscriptions (the reports cover the buyer's stock: not for supplier users)
            new Rule(null, "/report-subscriptions/**", BUYER_SIDE),
            new Rule(null, "/imports/items/**", MASTER_DATA_EDITORS),
            new Rule(null, "/imports/suppliers/**", MASTER_DATA_EDITORS),
            new Rule(null, "/imports/supplier-items/**", MASTER_DATA_EDITORS),
            new Rule(null, "/imports/warehouses/**", WAREHOUSE_EDITORS),
            new Rule(null, "/imports/locations/**", WAREHOUSE_EDITORS),
            new Rule(null, "/imports/stock-policies/**", POLICY_EDITORS),
            new Rule(null, "/imports/opening-stock/**", STOCK_POSTERS),
            new Rule(null, "/imports/demand-history/**", POLICY_EDITORS),
            new Rule(null, "/imports/open-purchase-orders/**", BUYERS),
            new Rule(HttpMethod.GET, "/imports", ANY),
            new Rule(HttpMethod.GET, "/exports/**", ANY),
            new Rule(HttpMethod.GET, "/labels/barcode", ANY), // printed documents carry barcodes, a supplier's too
            new Rule(HttpMethod.GET, "/labels/**", BUYER_SIDE),
            new Rule(HttpMethod.GET, "/labels", BUYER_SIDE),

            // searchable pickers: each list is scoped to the caller's party; users only for who manages them
            new Rule(HttpMethod.GET, "/pick/users", ADMINS),
            new Rule(HttpMethod.GET, "/pick/*", ANY),
            new Rule(HttpMethod.GET, "/items/new", MASTER_DATA_EDITORS),
            new Rule(HttpMethod.GET, "/items/*/edit", MASTER_DATA_EDITORS),
            new Rule(HttpMethod.GET, "/items/**", ANY),
            new Rule(null, "/items/**", MASTER_DATA_EDITORS),
            new Rule(HttpMethod.GET, "/warehouses/new", WAREHOUSE_EDITORS),
            new Rule(HttpMethod.GET, "/warehouses/*/locations/*/edit", WAREHOUSE_EDITORS),
            new Rule(HttpMethod.GET, "/warehouses/**", ANY),
            new Rule(null, "/warehouses/**", WAREHOUSE_EDITORS),
            new Rule(HttpMethod.GET, "/suppliers/new", MASTER_DATA_EDITORS),
            new Rule(HttpMethod.GET, "/suppliers/*/items/*/edit", MASTER_DATA_EDITORS),
            new Rule(HttpMethod.GET, "/suppliers/**", ANY),
            new Rule(null, "/suppliers/**", MASTER_DATA_EDITORS),
            new Rule(HttpMethod.GET, "/stock/reconcile", LEDGER_AUDITORS),
            new Rule(HttpMethod.GET, "/stock/**", ANY),
            new Rule(HttpMethod.GET, "/movements/**", ANY),
            new Rule(HttpMethod.POST, "/movements/**", STOCK_POSTERS),
            new Rule(null, "/scan/**", STOCK_POSTERS),
            // inbound documents (ADR 0063): ERP/WMS/POS post movements and consumption as the stock posters do;
            // suppliers' systems their own stock (the page offers each caller what it may post)
            new Rule(HttpMethod.GET, "/inbound", INBOUND_POSTERS),
            new Rule(null, "/inbound/movements/**", STOCK_POSTERS),
            new Rule(null, "/inbound/consumptions/**", STOCK_POSTERS),
            new Rule(null, "/inbound/supplier-stock/**", SUPPLIER_STOCK_WRITERS),
            new Rule(HttpMethod.GET, "/transfers/new", STOCK_POSTERS),
            new Rule(HttpMethod.GET, "/transfers/**", ANY),
            new Rule(null, "/transfers/**", STOCK_POSTERS),
            new Rule(HttpMethod.GET, "/counts/new", STOCK_POSTERS),
            new Rule(HttpMethod.GET, "/counts/**", LEDGER_AUDITORS),
            new Rule(null, "/counts/**", STOCK_POSTERS),
            new Rule(HttpMethod.GET, "/reservations/**", BUYER_SIDE),
            new Rule(null, "/reservations/**", RESERVERS),
            new Rule(HttpMethod.GET, "/stock-policies/**", ANY),
            new Rule(null, "/stock-policies/**", POLICY_EDITORS),
            new Rule(HttpMethod.GET, "/alerts/**", ANY),
            new Rule(HttpMethod.POST, "/alerts/seen", ANY),
            new Rule(HttpMethod.POST, "/alerts/ack", ALERT_HANDLERS), // bulk: several ids, or all filtered (page)
            new Rule(HttpMethod.POST, "/alerts/*/ack", ALERT_HANDLERS),
            new Rule(HttpMethod.POST, "/alerts/*/resolve", ALERT_RESOLVERS),

            // procurement
            new Rule(HttpMethod.GET, "/approval-rules/**", BUYER_SIDE),
            new Rule(null, "/approval-rules/**", ADMINS),
            new Rule(HttpMethod.POST, "/requisitions/*/approve", APPROVERS),
            new Rule(HttpMethod.POST, "/requisitions/bulk-approve", APPROVERS),
            new Rule(HttpMethod.POST, "/requisitions/bulk-submit", REQUESTERS),
            new Rule(HttpMethod.POST, "/requisitions/bulk-order", BUYERS),
            new Rule(HttpMethod.POST, "/requisitions/*/reject", APPROVERS),
            new Rule(HttpMethod.POST, "/requisitions/*/delegate", APPROVERS),
            new Rule(HttpMethod.GET, "/requisitions/inbox", APPROVERS),
            new Rule(HttpMethod.GET, "/requisitions/new", REQUESTERS),
            new Rule(HttpMethod.GET, "/requisitions/**", BUYER_SIDE),
            new Rule(null, "/requisitions/**", REQUESTERS),
            new Rule(HttpMethod.POST, "/purchase-orders/*/confirm", SUPPLIERS),
            new Rule(HttpMethod.POST, "/purchase-orders/*/shipment-notices", SUPPLIERS),
            new Rule(HttpMethod.GET, "/shipment-notices/**", ANY),
            new Rule(HttpMethod.POST, "/shipment-notices/*/receive", STOCK_POSTERS),
            new Rule(HttpMethod.GET, "/overdue-supply", ANY), // a supplier sees its own late lines only
            new Rule(HttpMethod.GET, "/purchase-orders/**", ANY),
            new Rule(null, "/purchase-orders/**", BUYERS),
            new Rule(HttpMethod.GET, "/receipts/new", STOCK_POSTERS),
            new Rule(HttpMethod.GET, "/receipts/**", BUYER_SIDE),
            new Rule(null, "/receipts/**", STOCK_POSTERS),
            new Rule(HttpMethod.GET, "/invoices/export", FINANCE),
            new Rule(HttpMethod.GET, "/invoices/new", INVOICE_ENTRY),
            new Rule(HttpMethod.GET, "/invoices/**", ANY),
            new Rule(null, "/invoices/**", INVOICE_ENTRY),
            new Rule(HttpMethod.GET, "/procurement/reconciliation/**", RECONCILERS),
            new Rule(null, "/procurement/tolerances/**", BUYERS),

            // consignment (VMI): rows are scoped to the supplier of a supplier user in the repositories
            new Rule(HttpMethod.GET, "/vmi/agreements/new", AGREEMENT_EDITORS),
            new Rule(HttpMethod.GET, "/vmi/agreements/*/edit", AGREEMENT_EDITORS),
            new Rule(HttpMethod.GET, "/vmi/agreements/**", ANY),
            new Rule(null, "/vmi/agreements/**", AGREEMENT_EDITORS),
            new Rule(null, "/vmi/consumptions/**", STOCK_POSTERS),
            new Rule(HttpMethod.GET, "/vmi/to-ship/**", ANY),
            new Rule(HttpMethod.GET, "/vmi/stock/**", ANY),
            new Rule(HttpMethod.POST, "/vmi/calloffs/*/confirm", SUPPLIERS),
            new Rule(HttpMethod.POST, "/vmi/calloffs/*/propose", SUPPLIERS),
            new Rule(HttpMethod.GET, "/vmi/calloffs/**", ANY),
            new Rule(null, "/vmi/calloffs/**", CALLOFF_EDITORS),
            new Rule(HttpMethod.GET, "/vmi/sla/**", ANY),
            new Rule(HttpMethod.POST, "/shipments/*/receive", STOCK_POSTERS),
            new Rule(HttpMethod.GET, "/shipments/**", ANY),
            new Rule(null, "/shipments/**", SHIPPERS),
            new Rule(HttpMethod.POST, "/settlements/*/confirm", SUPPLIERS),
            new Rule(HttpMethod.POST, "/settlements/*/dispute", SUPPLIERS),
            new Rule(HttpMethod.GET, "/settlements/bulk", SETTLERS), // every supplier's totals: finance only
            new Rule(HttpMethod.GET, "/settlements/candidates", SETTLERS),
            new Rule(HttpMethod.GET, "/settlements/**", ANY),
            new Rule(null, "/settlements/**", SETTLERS),

            // planning
            new Rule(HttpMethod.GET, "/planning/runs/**", BUYER_SIDE),
            new Rule(HttpMethod.POST, "/planning/runs", PLANNERS),
            new Rule(HttpMethod.GET, "/planning/lead-times/**", BUYER_SIDE),
            new Rule(HttpMethod.POST, "/planning/lead-times", LEAD_TIME_RECORDERS),
            new Rule(HttpMethod.POST, "/planning/suggestions/confirm", SUGGESTION_DECIDERS),
            new Rule(HttpMethod.POST, "/planning/suggestions/requisitions", SUGGESTION_DECIDERS),
            new Rule(HttpMethod.GET, "/planning/suggestions/**", ANY),
            new Rule(HttpMethod.POST, "/planning/suggestions/decide", SUGGESTION_DECIDERS),
            new Rule(HttpMethod.GET, "/planning/forecasts/**", ANY),
            new Rule(HttpMethod.GET, "/forecasts/**", ANY),
            new Rule(HttpMethod.GET, "/availability/**", ANY),
            new Rule(HttpMethod.GET, "/suggestions/**", ANY),
            new Rule(HttpMethod.POST, "/suggestions/accept", SUGGESTION_DECIDERS),
            new Rule(HttpMethod.POST, "/suggestions/requisitions/**", SUGGESTION_DECIDERS), // bulk: ids or a filter
            new Rule(HttpMethod.POST, "/suggestions/requisitions", SUGGESTION_DECIDERS),
            new Rule(HttpMethod.POST, "/suggestions/reject", SUGGESTION_DECIDERS),
            new Rule(HttpMethod.POST, "/suggestions/*/accept", SUGGESTION_DECIDERS),
            new Rule(HttpMethod.POST, "/suggestions/*/reject", SUGGESTION_DECIDERS),

            // transfer plans (ADR 0056): the buyer side reads; planners, buyers and the warehouse plan and accept
            // (accepting creates DRAFT transfers, nothing moves); lanes are logistics master data
            new Rule(HttpMethod.GET, "/transfer-plans/**", BUYER_SIDE),
            new Rule(HttpMethod.POST, "/transfer-plans/**", TRANSFER_PLANNERS),
            new Rule(HttpMethod.GET, "/transfer-lanes/**", BUYER_SIDE),
            new Rule(null, "/transfer-lanes/**", WAREHOUSE_EDITORS),

            // the effect report replays demand and may rewrite stock lines: the people who set the lines (ADR 0040)
            new Rule(null, "/analytics/effect-report", POLICY_EDITORS),
            new Rule(null, "/analytics/effect-report/**", POLICY_EDITORS),
            // planning figures span every supplier's items: buyer side only
            new Rule(HttpMethod.GET, "/analytics/forecast-accuracy", BUYER_SIDE),
            new Rule(HttpMethod.GET, "/analytics/suggestion-acceptance", BUYER_SIDE),
            // analytics: every role reads; a supplier only its own consignment figures (scoped in the service)
            new Rule(HttpMethod.GET, "/analytics/**", ANY),
            new Rule(HttpMethod.GET, "/dashboards/planner", PLANNER_DASHBOARD),
            new Rule(HttpMethod.GET, "/dashboards/finance", FINANCE_DASHBOARD),
            new Rule(HttpMethod.GET, "/dashboards/planner/**", PLANNER_DASHBOARD),
            new Rule(HttpMethod.GET, "/dashboards/finance/**", FINANCE_DASHBOARD),
            // role dashboards (and their charts' data): the role's own and the read-only viewer's
            new Rule(HttpMethod.GET, "/dashboards/warehouse", WAREHOUSE_DASHBOARD),
            new Rule(HttpMethod.GET, "/dashboards/warehouse/**", WAREHOUSE_DASHBOARD),
            new Rule(HttpMethod.GET, "/dashboards/buyer", BUYER_DASHBOARD),
            new Rule(HttpMethod.GET, "/dashboards/buyer/**", BUYER_DASHBOARD),
            new Rule(HttpMethod.GET, "/dashboards/**", BUYER_SIDE),

            // rules engine (ADR 0048): the buyer side reads and dry-runs, the people who set stock lines write;
            // suppliers are kept out (a supplier-owned rule is written for a supplier by the buyer side)
            new Rule(HttpMethod.GET, "/rules/new", POLICY_EDITORS),
            new Rule(HttpMethod.GET, "/rules/**", BUYER_SIDE),
            new Rule(HttpMethod.POST, "/rules/validate", BUYER_SIDE),
            new Rule(HttpMethod.POST, "/rules/*/dry-run", BUYER_SIDE),
            new Rule(HttpMethod.POST, "/rules/*/backtest", BUYER_SIDE),
            new Rule(null, "/rules/**", POLICY_EDITORS),
            new Rule(HttpMethod.GET, "/clearance-tasks/**", BUYER_SIDE),
            new Rule(HttpMethod.POST, "/clearance-tasks/*/close", ALERT_RESOLVERS),

            // sales channels (ADR 0055): buyer side only, no supplier sees them; buyers set the rules, the people who
            // reserve stock place, commit and release channel orders (shops and POS through API keys of such users)
            new Rule(HttpMethod.GET, "/channels/new", BUYERS),
            new Rule(HttpMethod.GET, "/channels/*/edit", BUYERS),
            new Rule(HttpMethod.GET, "/channels/**", BUYER_SIDE),
            new Rule(HttpMethod.POST, "/channels/*/orders/**", RESERVERS),
            new Rule(HttpMethod.POST, "/channels/*/inbound/**", RESERVERS),
            new Rule(null, "/channels/**", BUYERS),

            // supplier portal: suppliers write their own stock (admins on a supplier's behalf), everyone reads in scope
            new Rule(HttpMethod.GET, "/supplier-stock/template", SUPPLIER_STOCK_WRITERS),
            new Rule(HttpMethod.GET, "/supplier-stock/columns", SUPPLIER_STOCK_WRITERS),
            new Rule(HttpMethod.GET, "/supplier-stock/availability", BUYER_SIDE),
            new Rule(HttpMethod.GET, "/supplier-stock/shortages", BUYER_SIDE),
            new Rule(HttpMethod.GET, "/who-has-stock", BUYER_SIDE),
            new Rule(HttpMethod.GET, "/portal", List.of(Role.SUPPLIER)),
            // a supplier's own webhooks page (the buyer's admin has /admin/webhooks); scoped in integration
            new Rule(null, "/portal/webhooks/**", List.of(Role.SUPPLIER)),
            // a supplier's own group robots (the buyer's admin has /admin/robots); scoped in notification
            new Rule(null, "/portal/robots/**", List.of(Role.SUPPLIER)),
            new Rule(HttpMethod.GET, "/portal/scorecard", List.of(Role.SUPPLIER)),
            new Rule(HttpMethod.GET, "/portal/charts/consumption.xlsx", List.of(Role.SUPPLIER)),
            new Rule(null, "/supplier-invitations/**", MASTER_DATA_EDITORS),
            new Rule(HttpMethod.GET, "/shortages", BUYER_SIDE),
            new Rule(HttpMethod.GET, "/shortages/export", BUYER_SIDE),
            new Rule(HttpMethod.GET, "/supplier-stock/**", ANY),
            new Rule(null, "/supplier-stock/**", SUPPLIER_STOCK_WRITERS));

    private AccessRules() {}
}
