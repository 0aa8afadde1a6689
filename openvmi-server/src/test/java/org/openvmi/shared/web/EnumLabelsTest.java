package org.openvmi.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openvmi.catalog.LocationType;
import org.openvmi.consignment.model.CallOffStatus;
import org.openvmi.consignment.model.OwnershipMode;
import org.openvmi.consignment.model.SettlementCycle;
import org.openvmi.consignment.model.ShipmentStatus;
import org.openvmi.consignment.model.StatementStatus;
import org.openvmi.engine.forecast.DemandClass;
import org.openvmi.inventory.MovementType;
import org.openvmi.inventory.model.CountStatus;
import org.openvmi.inventory.model.ReservationStatus;
import org.openvmi.inventory.model.TransferStatus;
import org.openvmi.notification.EmailMode;
import org.openvmi.planning.model.RunStatus;
import org.openvmi.planning.model.SuggestionStatus;
import org.openvmi.planning.model.SuggestionType;
import org.openvmi.procurement.model.MatchStatus;
import org.openvmi.procurement.model.PurchaseOrderStatus;
import org.openvmi.procurement.model.RequisitionStatus;
import org.openvmi.procurement.model.ShipmentNoticeStatus;
import org.openvmi.security.ApiKeyScope;
import org.openvmi.security.Role;
import org.openvmi.stockpolicy.AlertOrder;
import org.openvmi.stockpolicy.AlertStatus;
import org.openvmi.stockpolicy.AlertType;
import org.openvmi.stockpolicy.PolicyMode;
import org.openvmi.supplier.StockSource;
import org.openvmi.supplier.model.DeliveryEstimate;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The one convention for what pages show of an enum or status ({@link EnumLabels}): every value of every displayed
 * enum, and of every status the code keeps as a string, has a label {@code enum.<Type>.<VALUE>} in English and in
 * Chinese; the Chinese label is Chinese; every label a template asks for names a type the bundles know.
 */
class EnumLabelsTest {

    /** The Java enums pages show, by the type name of their keys (the simple name, except nested ones). */
    private static final Map<String, Class<? extends Enum<?>>> ENUMS = new LinkedHashMap<>();

    static {
        for (Class<? extends Enum<?>> e : List.<Class<? extends Enum<?>>>of(
                LocationType.class,
                SuggestionType.class,
                SuggestionStatus.class,
                RunStatus.class,
                EmailMode.class,
                StockSource.class,
                MatchStatus.class,
                TransferStatus.class,
                MovementType.class,
                CountStatus.class,
                ReservationStatus.class,
                StatementStatus.class,
                CallOffStatus.class,
                SettlementCycle.class,
                OwnershipMode.class,
                PolicyMode.class,
                AlertType.class,
                AlertOrder.class,
                AlertStatus.class,
                Role.class,
                ApiKeyScope.class,
                DemandClass.class,
                PurchaseOrderStatus.class,
                RequisitionStatus.class,
                ShipmentNoticeStatus.class,
                ShipmentStatus.class)) {
            ENUMS.put(e.getSimpleName(), e);
        }
        ENUMS.put("DeliveryBasis", DeliveryEstimate.Basis.class);
        ENUMS.put("NeedReason", org.openvmi.transferplan.model.NeedReason.class);
        ENUMS.put("ExcessReason", org.openvmi.transferplan.model.ExcessReason.class);
        ENUMS.put("PlanStatus", org.openvmi.transferplan.model.PlanStatus.class);
        ENUMS.put("ChannelStatus", org.openvmi.channels.model.ChannelStatus.class);
        ENUMS.put("ChannelPauseReason", org.openvmi.channels.model.PauseReason.class);
        ENUMS.put("ChannelOrderStatus", org.openvmi.channels.model.ChannelOrderStatus.class);
        ENUMS.put("StatementRefusal", org.openvmi.consignment.StatementCandidate.Refusal.class);
        ENUMS.put("BulkStatementStatus", org.openvmi.consignment.BulkStatementResult.Status.class);
        ENUMS.put("RuleEvent", org.openvmi.rules.model.Trigger.Event.class);
    }

    /** Statuses and kinds the code keeps as strings (their CHECK constraints or constants), by type name. */
    private static final Map<String, List<String>> STRING_CODES = Map.ofEntries(
            Map.entry("PurchaseOrderLineStatus", List.of("OPEN", "CLOSED", "CANCELLED")),
            Map.entry(
                    "PurchaseOrderEvent",
                    List.of(
                            "REQUISITION_CREATED",
                            "REQUISITION_SUBMITTED",
                            "CREATED",
                            "SENT",
                            "CONFIRMED",
                            "CHANGE_PROPOSED",
                            "CHANGE_ACCEPTED",
                            "CHANGE_REJECTED",
                            "RECEIVED",
                            "INVOICED",
                            "CLOSED",
                            "LINE_CANCELLED")),
            Map.entry("ApprovalStepStatus", List.of("WAITING", "PENDING", "APPROVED", "REJECTED", "SKIPPED")),
            Map.entry("SettlementKind", List.of("CONSUMPTION", "RECEIPT", "STAGED")),
            Map.entry("MailStatus", List.of("PENDING", "SENT", "FAILED")),
            Map.entry("Owner", List.of("OWN")),
            Map.entry("DeliveryStatus", List.of("PENDING", "DELIVERED", "FAILED")),
            Map.entry("LeadTimeSource", List.of("RECEIPTS", "SOURCE_LIST", "NONE")),
            Map.entry("ForecastMeasure", List.of("MASE", "RMSSE", "none")),
            Map.entry("RunPhase", List.of("QUEUED", "HISTORY", "FIT", "DONE", "FAILED")),
            Map.entry("InvitationStatus", List.of("OPEN", "ACCEPTED", "EXPIRED")),
            Map.entry(
                    "AuditAction",
                    List.of(
                            "CREATE",
                            "UPDATE",
                            "DELETE",
                            "REVOKE",
                            "LOGIN_FAILURE",
                            "LOCK",
                            "ACCEPT_CHANGE",
                            "APPROVE",
                            "CLOSE",
                            "CONFIRM",
                            "DELEGATE",
                            "ORDER",
                            "ORDER_REFUSED",
                            "PLAN",
                            "PROPOSE_CHANGE",
                            "RECEIVE",
                            "RECEIVE_NOTICE",
                            "REJECT",
                            "REJECT_CHANGE",
                            "SHIPMENT_NOTICE",
                            "SUBMIT",
                            "SUBMIT_URGENT",
                            "CANCEL_LINE",
                            "REDELIVER_FAILED")),
            Map.entry(
                    "AuditEntity",
                    List.of(
                            "item",
                            "user",
                            "api-key",
                            "login",
                            "approval-rule",
                            "invoice",
                            "location",
                            "procurement-tolerance",
                            "purchase-order",
                            "requisition",
                            "supplier",
                            "supplier-item",
                            "warehouse",
                            "stock-policy",
                            "GroupRobot",
                            "webhook")));

    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    private static final Pattern TEMPLATE_LABEL = Pattern.compile("@enums\\.label\\('(\\w+)'");

    private final Properties english = load("i18n/enums.properties");
    private final Properties chinese = load("i18n/enums_zh.properties");

    @Test
    void every_value_of_every_displayed_enum_has_a_label_in_english_and_in_chinese() {
        List<String> missing = new ArrayList<>();
        ENUMS.forEach((type, e) ->
                Arrays.stream(e.getEnumConstants()).forEach(v -> check(type, ((Enum<?>) v).name(), missing)));
        STRING_CODES.forEach((type, values) -> values.forEach(v -> check(type, v, missing)));
        assertThat(missing).isEmpty();
    }

    /**
     * The audit log shows each entry's action and record type by label: every action and record type the code writes
     * ({@code audit.record("SUBMIT_URGENT", "requisition", …)}, {@code new AuditTrail.Change(…, AUDIT_ENTITY, …)}) is
     * in the lists above, so a new one cannot reach the page as its code (SUBMIT_URGENT, stock-policy did).
     */
    @Test
    void every_audit_action_and_record_type_the_code_writes_has_a_label() throws IOException {
        Pattern call = Pattern.compile("(?:\\.record|AuditTrail\\.Change)\\(\\s*([^,;]+?),\\s*([^,;]+?),");
        Pattern code = Pattern.compile("\"([A-Za-z_-]+)\"");
        Set<String> actions = new TreeSet<>();
        Set<String> entities = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(f);
                if (!source.contains("AuditTrail") || f.toString().contains("/audit/")) {
                    continue;
                }
                Matcher m = call.matcher(source.replaceAll("\\s+", " "));
                while (m.find()) {
                    Matcher a = code.matcher(m.group(1));
                    while (a.find()) {
                        actions.add(a.group(1));
                    }
                    String entity = m.group(2).trim();
                    Matcher literal = code.matcher(entity);
                    if (literal.matches()) {
                        entities.add(literal.group(1));
                    } else if (entity.matches("[A-Z_]+")) {
                        Matcher constant = Pattern.compile(entity + "\\s*=\\s*\"([^\"]+)\"")
                                .matcher(source);
                        if (constant.find()) {
                            entities.add(constant.group(1));
                        }
                    }
                }
            }
        }
        assertThat(actions).contains("CREATE", "SUBMIT_URGENT", "ORDER_REFUSED");
        assertThat(entities).contains("requisition", "stock-policy", "item");
        assertThat(STRING_CODES.get("AuditAction")).containsAll(actions);
        assertThat(STRING_CODES.get("AuditEntity")).containsAll(entities);
    }

    @Test
    void both_bundles_have_the_same_keys_and_every_chinese_label_is_chinese() {
        assertThat(new TreeSet<>(chinese.stringPropertyNames()))
                .isEqualTo(new TreeSet<>(english.stringPropertyNames()));
        assertThat(english.stringPropertyNames()).allMatch(k -> k.matches("enum\\.\\w+\\.[\\w-]+"));
        assertThat(chinese.stringPropertyNames())
                .allSatisfy(k -> assertThat(chinese.getProperty(k)).as(k).containsPattern(CHINESE));
    }

    @Test
    void every_label_a_template_asks_for_names_a_type_with_labels() throws IOException {
        Set<String> types = new TreeSet<>();
        english.stringPropertyNames().forEach(k -> types.add(k.split("\\.")[1]));
        Set<String> asked = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = TEMPLATE_LABEL.matcher(Files.readString(f));
                while (m.find()) {
                    asked.add(m.group(1));
                }
            }
        }
        assertThat(asked).hasSizeGreaterThan(20);
        assertThat(types).containsAll(asked);
    }

    @Test
    void the_bean_resolves_a_label_in_the_requested_language_and_keeps_an_unknown_value_as_its_code() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("i18n/enums", "i18n/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        EnumLabels labels = new EnumLabels(source);
        assertThat(labels.label("PurchaseOrderStatus", "PARTIALLY_RECEIVED", Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("部分收货");
        assertThat(labels.label("PurchaseOrderStatus", "PARTIALLY_RECEIVED", Locale.ENGLISH))
                .isEqualTo(english.getProperty("enum.PurchaseOrderStatus.PARTIALLY_RECEIVED"));
        assertThat(labels.label("AlertType", AlertType.BELOW_WARNING, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo(chinese.getProperty("enum.AlertType.BELOW_WARNING"));
        assertThat(labels.label("Role", "NO_SUCH_ROLE", Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("NO_SUCH_ROLE");
        assertThat(labels.label("Role", null, Locale.SIMPLIFIED_CHINESE)).isEmpty();
    }

    /** An illegal transition names its document by label: every document with a status machine has one. */
    @Test
    void every_document_with_a_status_machine_has_a_name_in_english_and_in_chinese() {
        Properties en = load("i18n/messages.properties");
        Properties zh = load("i18n/messages_zh.properties");
        List<String> missing = new ArrayList<>();
        ENUMS.values().stream()
                .filter(org.openvmi.shared.DocumentStatus.class::isAssignableFrom)
                .map(e -> ((org.openvmi.shared.DocumentStatus<?>) e.getEnumConstants()[0]).document())
                .forEach(document -> {
                    String key = "transition.document." + document;
                    if (en.getProperty(key) == null
                            || zh.getProperty(key) == null
                            || !CHINESE.matcher(zh.getProperty(key)).find()) {
                        missing.add(key);
                    }
                });
        assertThat(missing).isEmpty();
        assertThat(ENUMS.values().stream().filter(org.openvmi.shared.DocumentStatus.class::isAssignableFrom))
                .hasSize(9);
    }

    @Test
    void an_approver_that_is_a_role_reads_as_the_role_own_stock_as_its_label_and_names_and_codes_stay() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("i18n/enums", "i18n/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        EnumLabels labels = new EnumLabels(source);
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        try {
            assertThat(labels.person("role:BUYER")).isEqualTo(chinese.getProperty("enum.Role.BUYER") + "（任一用户）");
            assertThat(labels.person("role:finance")).isEqualTo(chinese.getProperty("enum.Role.FINANCE") + "（任一用户）");
            assertThat(labels.person("t-buyer")).isEqualTo("t-buyer");
            assertThat(labels.person("rule:12")).isEqualTo("规则 #12");
            assertThat(labels.owner("OWN")).isEqualTo("自有库存");
            assertThat(labels.owner("S001")).isEqualTo("S001");
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    private void check(String type, String value, List<String> missing) {
        String key = EnumLabels.key(type, value);
        if (english.getProperty(key) == null) {
            missing.add(key + " (en)");
        }
        if (chinese.getProperty(key) == null) {
            missing.add(key + " (zh)");
        }
    }

    private static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = EnumLabelsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
