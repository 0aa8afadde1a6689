package org.openvmi.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openvmi.security.AccessPolicy;
import org.openvmi.security.Role;

/**
 * The sidebar: every page a person navigates to, grouped by area. What a user sees is filtered by
 * {@link AccessPolicy}, the table the server enforces, so the menu never shows a link that answers 403. A supplier
 * user gets its own, smaller menu: the portal pages only (it may read some buyer pages in its scope, but they are
 * not its work).
 */
public final class Navigation {

    /**
     * A link: {@code href} is what it opens; {@code guard} the path whose access decides whether it is shown (the
     * href itself unless a page outside the rules, such as the API docs, should follow another page's audience).
     */
    public record Entry(String id, String href, String key, String guard) {

        Entry(String id, String href, String key) {
            this(id, href, key, href);
        }

        /** Does this link lead to the page at {@code path}: the same path or a page beneath it. */
        int matchLength(String path) {
            if (href.equals("/")) {
                return path.equals("/") ? 1 : 0;
            }
            return path.equals(href) || path.startsWith(href + "/") ? href.length() : 0;
        }
    }

    public record Group(String key, List<Entry> entries) {}

    /** A group as shown: its visible entries and which of them is the current page (null for none). */
    public record ShownGroup(String key, List<Entry> entries, String currentId) {}

    static final List<Group> BUYER_SIDE = List.of(
            new Group(
                    "nav.overview",
                    List.of(
                            new Entry("nav-home", "/", "nav.home"),
                            new Entry("nav-alerts", "/alerts", "nav.alerts"),
                            new Entry("nav-dashboard", "/dashboards/management", "nav.dashboard"),
                            new Entry("nav-planner-dashboard", "/dashboards/planner", "nav.plannerDashboard"),
                            new Entry("nav-finance-dashboard", "/dashboards/finance", "nav.financeDashboard"),
                            new Entry("nav-dashboard-warehouse", "/dashboards/warehouse", "nav.dashboardWarehouse"),
                            new Entry("nav-dashboard-buyer", "/dashboards/buyer", "nav.dashboardBuyer"),
                            new Entry("nav-effect-report", "/analytics/effect-report", "nav.effectReport"))),
            new Group(
                    "nav.masterData",
                    List.of(
                            new Entry("nav-items", "/items", "nav.items"),
                            new Entry("nav-warehouses", "/warehouses", "nav.warehouses"),
                            new Entry("nav-suppliers", "/suppliers", "nav.suppliers"),
                            new Entry("nav-imports", "/imports", "nav.imports"),
                            new Entry("nav-labels", "/labels", "nav.labels"))),
            new Group(
                    "nav.inventory",
                    List.of(
                            new Entry("nav-scan", "/scan", "nav.scan"),
                            new Entry("nav-stock", "/stock", "nav.stock"),
                            new Entry("nav-movements", "/movements", "nav.movements"),
                            new Entry("nav-inbound", "/inbound", "nav.inbound"),
                            new Entry("nav-transfers", "/transfers", "nav.transfers"),
                            new Entry("nav-counts", "/counts", "nav.counts"),
                            new Entry("nav-reservations", "/reservations", "nav.reservations"),
                            new Entry("nav-channels", "/channels", "nav.channels"),
                            new Entry("nav-stock-policies", "/stock-policies", "nav.stockPolicies"))),
            new Group(
                    "nav.procurement",
                    List.of(
                            new Entry("nav-requisitions", "/requisitions", "nav.requisitions"),
                            new Entry("nav-inbox", "/requisitions/inbox", "nav.approvalInbox"),
                            new Entry("nav-purchase-orders", "/purchase-orders", "nav.purchaseOrders"),
                            new Entry("nav-overdue-supply", "/overdue-supply", "nav.overdueSupply"),
                            new Entry("nav-receiving", "/receipts/new", "nav.receiving"),
                            new Entry("nav-invoices", "/invoices", "nav.invoices"),
                            new Entry("nav-reconciliation", "/procurement/reconciliation", "nav.reconciliation"),
                            new Entry("nav-approval-rules", "/approval-rules", "nav.approvalRules"))),
            new Group(
                    "nav.vmi",
                    List.of(
                            new Entry("nav-vmi-agreements", "/vmi/agreements", "nav.vmiAgreements"),
                            new Entry("nav-vmi-calloffs", "/vmi/calloffs", "nav.vmiCalloffs"),
                            new Entry("nav-vmi-to-ship", "/vmi/to-ship", "nav.vmiToShip"),
                            new Entry("nav-vmi-shipments", "/shipments", "nav.vmiShipments"),
                            new Entry("nav-vmi-stock", "/vmi/stock", "nav.vmiStock"),
                            new Entry("nav-vmi-statements", "/settlements", "nav.vmiStatements"),
                            new Entry("nav-vmi-statements-bulk", "/settlements/bulk", "nav.vmiStatementsBulk"))),
            new Group(
                    "nav.planning",
                    List.of(
                            new Entry("nav-planning-runs", "/planning/runs", "nav.planningRuns"),
                            new Entry("nav-suggestions", "/planning/suggestions", "nav.suggestions"),
                            new Entry("nav-transfer-board", "/transfer-plans", "nav.transferBoard"),
                            new Entry("nav-transfer-lanes", "/transfer-lanes", "nav.transferLanes"),
                            new Entry("nav-rules", "/rules", "nav.rules"),
                            new Entry("nav-clearance-tasks", "/clearance-tasks", "nav.clearanceTasks"))),
            new Group(
                    "nav.supplierPortal",
                    List.of(
                            new Entry("nav-supplier-stock", "/supplier-stock", "nav.supplierStock"),
                            new Entry("nav-who-has-stock", "/who-has-stock", "nav.whoHasStock"),
                            new Entry("nav-shortages", "/shortages", "nav.shortages"),
                            new Entry("nav-supplier-invitations", "/supplier-invitations", "nav.supplierInvitations"))),
            new Group(
                    "nav.admin",
                    List.of(
                            new Entry("nav-users", "/admin/users", "nav.users"),
                            new Entry("nav-api-keys", "/admin/api-keys", "nav.apiKeys"),
                            new Entry("nav-audit", "/admin/audit", "nav.audit"),
                            new Entry("nav-webhooks", "/admin/webhooks", "nav.webhooks"),
                            new Entry("nav-robots", "/admin/robots", "nav.robots"),
                            new Entry("nav-mail-log", "/admin/notifications/mails", "nav.mailLog"),
                            new Entry("nav-api-docs", "/swagger-ui.html", "nav.apiDocs", "/admin/api-keys"))),
            new Group(
                    "nav.account",
                    List.of(new Entry("nav-notifications", "/notifications/preferences", "nav.notifications"))));

    static final List<Group> SUPPLIER = List.of(
            new Group(
                    "nav.supplierPortal",
                    List.of(
                            new Entry("nav-home", "/", "nav.home"),
                            new Entry("nav-portal", "/portal", "nav.supplierHome"),
                            new Entry("nav-scorecard", "/portal/scorecard", "nav.scorecard"),
                            new Entry("nav-purchase-orders", "/purchase-orders", "nav.purchaseOrders"),
                            new Entry("nav-vmi-calloffs", "/vmi/calloffs", "nav.vmiCalloffs"),
                            new Entry("nav-vmi-to-ship", "/vmi/to-ship", "nav.vmiToShip"),
                            new Entry("nav-vmi-shipments", "/shipments", "nav.vmiShipments"),
                            new Entry("nav-vmi-stock", "/vmi/stock", "nav.vmiStock"),
                            new Entry("nav-vmi-agreements", "/vmi/agreements", "nav.vmiAgreements"),
                            new Entry("nav-vmi-statements", "/settlements", "nav.vmiStatements"),
                            new Entry("nav-invoices", "/invoices", "nav.invoices"),
                            new Entry("nav-reconciliation", "/procurement/reconciliation", "nav.reconciliation"),
                            new Entry("nav-supplier-stock", "/supplier-stock", "nav.supplierStock"),
                            new Entry("nav-alerts", "/alerts", "nav.alerts"),
                            new Entry("nav-portal-webhooks", "/portal/webhooks", "nav.webhooks"),
                            new Entry("nav-portal-robots", "/portal/robots", "nav.robots"))),
            new Group(
                    "nav.account",
                    List.of(new Entry("nav-notifications", "/notifications/preferences", "nav.notifications"))));

    private Navigation() {}

    /** The groups and links these roles may use, with the link of {@code path} (if any) marked current. */
    public static List<ShownGroup> sidebar(Collection<Role> roles, String path) {
        Set<Role> held = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        List<Group> menu = held.contains(Role.SUPPLIER) ? SUPPLIER : BUYER_SIDE;
        Entry current = null;
        int best = 0;
        Map<Group, List<Entry>> visible = new LinkedHashMap<>();
        for (Group group : menu) {
            List<Entry> shown = new ArrayList<>();
            for (Entry entry : group.entries()) {
                if (AccessPolicy.mayOpen(held, entry.guard())) {
                    shown.add(entry);
                    int length = path == null ? 0 : entry.matchLength(path);
                    if (length > best) {
                        best = length;
                        current = entry;
                    }
                }
            }
            if (!shown.isEmpty()) {
                visible.put(group, shown);
            }
        }
        String currentId = current == null ? null : current.id();
        return visible.entrySet().stream()
                .map(e -> new ShownGroup(e.getKey().key(), List.copyOf(e.getValue()), currentId))
                .toList();
    }
}
