package org.openvmi.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import org.openvmi.consignment.CallOffs;
import org.openvmi.consignment.Settlements;
import org.openvmi.consignment.Shipments;
import org.openvmi.consignment.ToShipBoard;
import org.openvmi.consignment.model.CallOffStatus;
import org.openvmi.consignment.model.ShipmentStatus;
import org.openvmi.consignment.model.StatementStatus;
import org.openvmi.inventory.StockCounts;
import org.openvmi.inventory.Transfers;
import org.openvmi.inventory.model.CountStatus;
import org.openvmi.inventory.model.TransferStatus;
import org.openvmi.planning.PlanningRuns;
import org.openvmi.planning.RunView;
import org.openvmi.planning.Suggestions;
import org.openvmi.planning.model.SuggestionStatus;
import org.openvmi.procurement.Invoices;
import org.openvmi.procurement.OverdueKind;
import org.openvmi.procurement.OverdueStatus;
import org.openvmi.procurement.OverdueSupply;
import org.openvmi.procurement.PurchaseOrders;
import org.openvmi.procurement.Requisitions;
import org.openvmi.procurement.model.MatchStatus;
import org.openvmi.procurement.model.PurchaseOrderStatus;
import org.openvmi.procurement.model.RequisitionStatus;
import org.openvmi.rules.ClearanceStatus;
import org.openvmi.security.AccessPolicy;
import org.openvmi.security.Role;
import org.openvmi.shared.PageRequest;
import org.openvmi.stockpolicy.AlertOrder;
import org.openvmi.stockpolicy.AlertStatus;
import org.openvmi.stockpolicy.AlertType;
import org.openvmi.stockpolicy.Alerts;
import org.springframework.stereotype.Component;

/**
 * The home page's to-dos per role: each card counts what one list shows and links to that list filtered the same
 * way (the count is the list's own query through the owning feature's API, page size 1, so the two cannot differ).
 * A user sees the sections of its roles (an admin all of them), and in each only the cards whose list its roles may
 * open. Statuses are the owning features' types (their {@code status} named interfaces, ADR 0068), never string
 * literals: a renamed status fails the build here instead of silently counting nothing.
 */
@Component
class Workspace {

    /** One count and the filtered list it stands for. */
    record Card(String id, String key, String href, long count) {}

    /** {@code dashboard}: the role's dashboard the section links to, null for none or when the roles may not open it. */
    record Section(String key, List<Card> cards, String dashboard) {}

    /** The dashboard of a section's role (issue 15): its charts beside the to-dos. */
    private static final java.util.Map<String, String> DASHBOARDS = java.util.Map.of(
            "home.section.warehouse", "/dashboards/warehouse",
            "home.section.buyer", "/dashboards/buyer");

    private static final PageRequest ONE = PageRequest.of(0, 1);
    private static final List<AlertStatus> OPEN = List.of(AlertStatus.OPEN);

    private final Shipments shipments;
    private final PurchaseOrders orders;
    private final Transfers transfers;
    private final StockCounts counts;
    private final Alerts alerts;
    private final Suggestions suggestions;
    private final Requisitions requisitions;
    private final Settlements settlements;
    private final Invoices invoices;
    private final PlanningRuns runs;
    private final CallOffs callOffs;
    private final ToShipBoard toShip;
    private final OverdueSupply overdue;
    private final org.openvmi.rules.ClearanceTasks clearance;

    Workspace(
            Shipments shipments,
            PurchaseOrders orders,
            Transfers transfers,
            StockCounts counts,
            Alerts alerts,
            Suggestions suggestions,
            Requisitions requisitions,
            Settlements settlements,
            Invoices invoices,
            PlanningRuns runs,
            CallOffs callOffs,
            ToShipBoard toShip,
            OverdueSupply overdue,
            org.openvmi.rules.ClearanceTasks clearance) {
        this.clearance = clearance;
        this.overdue = overdue;
        this.shipments = shipments;
        this.orders = orders;
        this.transfers = transfers;
        this.counts = counts;
        this.alerts = alerts;
        this.suggestions = suggestions;
        this.requisitions = requisitions;
        this.settlements = settlements;
        this.invoices = invoices;
        this.runs = runs;
        this.callOffs = callOffs;
        this.toShip = toShip;
    }

    /** The sections for these roles, in the order warehouse, buyer, approver, finance, planner (or supplier). */
    List<Section> sections(Collection<Role> held) {
        Set<Role> roles = held.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(held);
        List<Section> sections = new ArrayList<>();
        if (roles.contains(Role.SUPPLIER)) {
            add(
                    sections,
                    roles,
                    "home.section.supplier",
                    card(
                            "todo-to-ship",
                            "home.todo.toShip",
                            "/vmi/to-ship",
                            () -> toShip.lines(null, true).size()),
                    card(
                            "todo-pos-to-confirm",
                            "home.todo.posToConfirm",
                            "/purchase-orders?status=" + PurchaseOrderStatus.SENT,
                            () -> orders.find(PurchaseOrderStatus.SENT.name(), null, null, ONE)
                                    .totalElements()),
                    card(
                            "todo-calloffs",
                            "home.todo.callOffsToConfirm",
                            "/vmi/calloffs?status=" + CallOffStatus.REQUESTED,
                            () -> callOffs.find(CallOffStatus.REQUESTED.name(), ONE)
                                    .totalElements()),
                    card(
                            "todo-statements-to-confirm",
                            "home.todo.statementsToConfirm",
                            "/settlements?status=" + StatementStatus.ISSUED,
                            () -> settlements
                                    .find(null, StatementStatus.ISSUED.name(), ONE)
                                    .totalElements()),
                    card(
                            "todo-low-water",
                            "home.todo.lowItems",
                            "/alerts?status=" + AlertStatus.OPEN,
                            this::openAlerts));
            return sections;
        }
        boolean admin = roles.contains(Role.ADMIN);
        if (admin || roles.contains(Role.WAREHOUSE)) {
            add(
                    sections,
                    roles,
                    "home.section.warehouse",
                    card(
                            "todo-asns-due",
                            "home.todo.asnsDueToday",
                            "/shipments?status=" + ShipmentStatus.IN_TRANSIT + "&due=today",
                            () -> shipments
                                    .find(ShipmentStatus.IN_TRANSIT.name(), true, ONE)
                                    .totalElements()),
                    card(
                            "todo-asns",
                            "home.todo.asnsInTransit",
                            "/shipments?status=" + ShipmentStatus.IN_TRANSIT,
                            () -> shipments
                                    .find(ShipmentStatus.IN_TRANSIT.name(), ONE)
                                    .totalElements()),
                    card(
                            "todo-pos-due",
                            "home.todo.posDueToday",
                            "/purchase-orders?due=today",
                            () -> orders.find(null, null, null, PurchaseOrders.DUE_TODAY, ONE)
                                    .totalElements()),
                    card(
                            "todo-pos-to-receive",
                            "home.todo.posToReceive",
                            "/purchase-orders?status=" + PurchaseOrderStatus.CONFIRMED,
                            () -> orders.find(PurchaseOrderStatus.CONFIRMED.name(), null, null, ONE)
                                    .totalElements()),
                    card(
                            "todo-transfers",
                            "home.todo.transfersToReceive",
                            "/transfers?status=" + TransferStatus.SHIPPED,
                            () -> transfers
                                    .find(TransferStatus.SHIPPED.name(), null, ONE)
                                    .totalElements()),
                    card(
                            "todo-counts",
                            "home.todo.countsOpen",
                            "/counts?status=" + CountStatus.OPEN,
                            () -> counts.find(CountStatus.OPEN.name(), null, ONE)
                                    .totalElements()),
                    card("todo-alerts", "home.todo.alerts", "/alerts?status=" + AlertStatus.OPEN, this::openAlerts),
                    card(
                            "todo-clearance",
                            "home.todo.clearanceTasks",
                            "/clearance-tasks?status=" + ClearanceStatus.OPEN,
                            this::openClearanceTasks),
                    card(
                            "todo-overdue-notices",
                            "home.todo.overdueNotices",
                            "/overdue-supply?status=" + OverdueStatus.OPEN + "&kind=" + OverdueKind.SHIPMENT_NOTICE,
                            () -> overdue.countOpen(OverdueKind.SHIPMENT_NOTICE)));
        }
        if (admin || roles.contains(Role.BUYER)) {
            add(
                    sections,
                    roles,
                    "home.section.buyer",
                    card(
                            "todo-buyer-clearance",
                            "home.todo.clearanceTasks",
                            "/clearance-tasks?status=" + ClearanceStatus.OPEN,
                            this::openClearanceTasks),
                    card(
                            "todo-suggestions",
                            "home.todo.suggestions",
                            "/planning/suggestions?status=" + SuggestionStatus.OPEN,
                            () -> suggestions
                                    .find(null, SuggestionStatus.OPEN.name(), null, null, null, ONE)
                                    .totalElements()),
                    card(
                            "todo-requisitions-to-order",
                            "home.todo.requisitionsToOrder",
                            "/requisitions?status=" + RequisitionStatus.APPROVED,
                            () -> requisitions
                                    .find(RequisitionStatus.APPROVED.name(), null, false, ONE)
                                    .totalElements()),
                    card(
                            "todo-pos-unconfirmed",
                            "home.todo.posUnconfirmed",
                            "/purchase-orders?status=" + PurchaseOrderStatus.SENT,
                            () -> orders.find(PurchaseOrderStatus.SENT.name(), null, null, ONE)
                                    .totalElements()),
                    card(
                            "todo-pos-changed",
                            "home.todo.posChangeProposed",
                            "/purchase-orders?status=" + PurchaseOrderStatus.CHANGE_PROPOSED,
                            () -> orders.find(PurchaseOrderStatus.CHANGE_PROPOSED.name(), null, null, ONE)
                                    .totalElements()),
                    card(
                            "todo-pos-late",
                            "home.todo.posLate",
                            "/purchase-orders?due=late",
                            () -> orders.find(null, null, null, PurchaseOrders.DUE_LATE, ONE)
                                    .totalElements()),
                    card(
                            "todo-overdue-supply",
                            "home.todo.overdueSupply",
                            "/overdue-supply?status=" + OverdueStatus.OPEN,
                            () -> overdue.countOpen(null)));
        }
        add(
                sections,
                roles,
                "home.section.approver",
                card(
                        "todo-inbox",
                        "home.todo.inbox",
                        "/requisitions/inbox",
                        () -> requisitions.inbox(ONE).totalElements()));
        if (admin || roles.contains(Role.FINANCE)) {
            add(
                    sections,
                    roles,
                    "home.section.finance",
                    card(
                            "todo-statements-to-issue",
                            "home.todo.statementsToIssue",
                            "/settlements?status=" + StatementStatus.DRAFT,
                            () -> settlements
                                    .find(null, StatementStatus.DRAFT.name(), ONE)
                                    .totalElements()),
                    card(
                            "todo-disputes",
                            "home.todo.disputes",
                            "/settlements?status=" + StatementStatus.DISPUTED,
                            () -> settlements
                                    .find(null, StatementStatus.DISPUTED.name(), ONE)
                                    .totalElements()),
                    card(
                            "todo-price-variances",
                            "home.todo.priceVariances",
                            "/invoices?status=" + MatchStatus.PRICE_VARIANCE,
                            () -> invoices.find(MatchStatus.PRICE_VARIANCE.name(), null, null, null, null, ONE)
                                    .totalElements()),
                    card(
                            "todo-quantity-variances",
                            "home.todo.quantityVariances",
                            "/invoices?status=" + MatchStatus.QUANTITY_VARIANCE,
                            () -> invoices.find(MatchStatus.QUANTITY_VARIANCE.name(), null, null, null, null, ONE)
                                    .totalElements()));
        }
        if (admin || roles.contains(Role.PLANNER)) {
            add(
                    sections,
                    roles,
                    "home.section.planner",
                    card(
                            "todo-stockouts",
                            "home.todo.stockouts",
                            "/alerts?status=" + AlertStatus.OPEN + "&type=" + AlertType.STOCKOUT,
                            () -> alerts.find(AlertType.STOCKOUT, OPEN, null, null, null, true, AlertOrder.NEWEST, ONE)
                                    .totalElements()),
                    card(
                            "todo-planner-suggestions",
                            "home.todo.suggestions",
                            "/planning/suggestions?status=" + SuggestionStatus.OPEN,
                            () -> suggestions
                                    .find(null, SuggestionStatus.OPEN.name(), null, null, null, ONE)
                                    .totalElements()));
        }
        return sections;
    }

    /** A dashboard link on a role's home: the planner's for planners, the finance one for finance (admins: both). */
    record DashboardLink(String id, String key, String href) {}

    List<DashboardLink> dashboards(Collection<Role> roles) {
        List<DashboardLink> links = new ArrayList<>();
        boolean admin = roles.contains(Role.ADMIN);
        if ((admin || roles.contains(Role.PLANNER)) && AccessPolicy.mayOpen(roles, "/dashboards/planner")) {
            links.add(new DashboardLink("home-planner-dashboard", "nav.plannerDashboard", "/dashboards/planner"));
        }
        if ((admin || roles.contains(Role.FINANCE)) && AccessPolicy.mayOpen(roles, "/dashboards/finance")) {
            links.add(new DashboardLink("home-finance-dashboard", "nav.financeDashboard", "/dashboards/finance"));
        }
        return links;
    }

    /** The newest planning run, for the planner's "last run" line; null before the first. */
    RunView lastRun(Collection<Role> roles) {
        if (!AccessPolicy.mayOpen(roles, "/planning/runs")
                || !(roles.contains(Role.ADMIN) || roles.contains(Role.PLANNER))) {
            return null;
        }
        return runs.list(ONE).content().stream().findFirst().orElse(null);
    }

    private long openAlerts() {
        return alerts.find(null, OPEN, null, null, null, true, AlertOrder.NEWEST, ONE)
                .totalElements();
    }

    private record Pending(String id, String key, String href, LongSupplier count) {}

    private static Pending card(String id, String key, String href, LongSupplier count) {
        return new Pending(id, key, href, count);
    }

    private static void add(List<Section> sections, Set<Role> roles, String key, Pending... pending) {
        List<Card> cards = new ArrayList<>();
        for (Pending p : pending) {
            String path =
                    p.href().contains("?") ? p.href().substring(0, p.href().indexOf('?')) : p.href();
            if (AccessPolicy.mayOpen(roles, path)) {
                cards.add(new Card(p.id(), p.key(), p.href(), p.count().getAsLong()));
            }
        }
        if (!cards.isEmpty()) {
            String dashboard = DASHBOARDS.get(key);
            sections.add(new Section(
                    key, cards, dashboard != null && AccessPolicy.mayOpen(roles, dashboard) ? dashboard : null));
        }
    }

    /** Stale stock to clear (rules' clearance tasks, ADR 0048), for the warehouse and the buyer. */
    private long openClearanceTasks() {
        return clearance.find(ClearanceStatus.OPEN.name(), null, ONE).totalElements();
    }
}
